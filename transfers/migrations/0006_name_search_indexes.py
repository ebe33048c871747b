"""Indexes for finding clubs and players by name among 20,000 players (docs/performance.md).

Site search and the admin's autocomplete ask `UPPER(name) LIKE UPPER('%query%')`, which the
trigram indexes (pg_trgm) answer, and site search also asks whether a name is one of the runs
of words in the query, `UPPER(name) = UPPER('...')`, which the B-tree indexes answer. Without
them each search read every player.

PostgreSQL only (pg_trgm is a trusted extension: a database owner may create it); SQLite reads
its few hundred development rows directly.
"""

from django.db import migrations

INDEXES = {
    "transfers_player": ["known_as", "full_name", "aliases"],
    "transfers_club": ["name", "full_name", "aliases"],
}
# A name mentioned in the query is compared with these; aliases only by containment.
EXACT = {"known_as", "full_name", "name"}


def index_statements():
    for table, columns in INDEXES.items():
        short = table.removeprefix("transfers_")
        for column in columns:
            yield (
                f"{short}_{column}_trgm",
                f"CREATE INDEX {short}_{column}_trgm ON {table} "
                f"USING gin ((UPPER({column}::text)) gin_trgm_ops)",
            )
            if column in EXACT:
                yield (
                    f"{short}_{column}_upper",
                    f"CREATE INDEX {short}_{column}_upper ON {table} ((UPPER({column}::text)))",
                )


def add(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for _name, statement in index_statements():
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _statement in index_statements():
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("transfers", "0005_tracker_fee_order_indexes")]
    operations = [migrations.RunPython(add, remove)]
