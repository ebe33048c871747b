"""The tracker's "highest fee" and "lowest fee" orders, read from an index instead of sorting
100,000 links on every view (docs/performance.md).

PostgreSQL only: the orders put links without a fee last (NULLS LAST), which SQLite's
CREATE INDEX cannot say, and which SQLite needs no index for at development sizes.
"""

from django.db import migrations

INDEXES = {
    "link_fee_high_order": "fee_amount DESC NULLS LAST, updated_at DESC, id DESC",
    "link_fee_low_order": "fee_amount ASC NULLS LAST, updated_at DESC, id DESC",
}


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON transfers_transferlink ({columns})")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("transfers", "0004_update_newest_first_index")]
    operations = [migrations.RunPython(add, remove)]
