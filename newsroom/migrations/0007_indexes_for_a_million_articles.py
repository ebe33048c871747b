"""Indexes for a million articles (see docs/performance.md).

- article_newest_first: the admin's list, newest first in every state, without a sort.
- (club, article) and (player, article) on the link tables: a club's or player's newest link
  rows sit together at the end of one index (search's tagged candidates).
- On PostgreSQL, article_public_cover, (id) INCLUDE (status, published_at): a join from a link
  table (a club's or a player's pieces) checks "public?" and sorts by date from the index
  alone, without reading each article's row. SQLite has no INCLUDE, and no need of it.
"""

from django.db import migrations, models

LINK_INDEXES = [
    ("newsroom_article_clubs", "club_id", "newsroom_article_clubs_club_newest"),
    ("newsroom_article_players", "player_id", "newsroom_article_players_player_newest"),
]
COVER = "article_public_cover"


def add_cover(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {COVER} ON newsroom_article (id) INCLUDE (status, published_at)"
        )


def drop_cover(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {COVER}")


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0006_live_pages"),
        ("transfers", "0004_update_newest_first_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["-published_at", "-id"], name="article_newest_first"),
        ),
        *(
            migrations.RunSQL(
                f"CREATE INDEX {name} ON {table} ({column}, article_id)", f"DROP INDEX {name}"
            )
            for table, column, name in LINK_INDEXES
        ),
        migrations.RunPython(add_cover, drop_cover),
    ]
