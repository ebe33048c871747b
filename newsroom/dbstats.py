"""Planner statistics after a bulk load, so the database picks indexes by what the tables hold.

SQLite keeps none until ANALYZE runs. Without them it takes `status = 'published' AND
published_at <= now` to be selective, and answers "these five pieces, newest first" by walking
the date index over the whole archive instead of fetching five rows by id: about a millisecond
at 10,000 articles and a hundred at a million. PostgreSQL's autovacuum analyses in its own time;
asking now means the first readers after a load get the right plans too.
"""

from django.db import connection


def refresh_planner_statistics():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
