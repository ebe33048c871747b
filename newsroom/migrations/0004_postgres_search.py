"""PostgreSQL full-text search: a trigger keeps Article.search_vector current, a GIN index serves it.

On other databases this migration does nothing; search falls back to plain lookups there.
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION newsroom_article_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(NEW.headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B') ||
        setweight(to_tsvector('english',
            regexp_replace(coalesce(NEW.body, ''), '<[^>]+>', ' ', 'g')), 'C');
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER newsroom_article_search_vector_trigger
    BEFORE INSERT OR UPDATE ON newsroom_article
    FOR EACH ROW EXECUTE FUNCTION newsroom_article_search_vector();

UPDATE newsroom_article SET headline = headline;

CREATE INDEX newsroom_article_search_gin ON newsroom_article USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS newsroom_article_search_gin;
DROP TRIGGER IF EXISTS newsroom_article_search_vector_trigger ON newsroom_article;
DROP FUNCTION IF EXISTS newsroom_article_search_vector();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0003_schema_for_workflow_search_images")]
    operations = [migrations.RunPython(forward, backward)]
