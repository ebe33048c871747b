"""Read replicas: public pages read from the replica, everything else uses the primary.

Installed only when ``DATABASE_REPLICA_URL`` is set. ``PrimaryDatabaseMiddleware`` marks the
requests that must see their own writes at once (the admin, forms, logged-in users, and every
request just after a content change, while the replica may still be catching up).
"""

from contextlib import contextmanager
from contextvars import ContextVar

PRIMARY = "default"
REPLICA = "replica"

use_primary = ContextVar("use_primary", default=False)


@contextmanager
def primary_database():
    """Send this block's reads to the primary."""
    token = use_primary.set(True)
    try:
        yield
    finally:
        use_primary.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return PRIMARY if use_primary.get() else REPLICA

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows, so objects from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica copies the primary's schema through replication, never through migrate.
        return db == PRIMARY
