"""PostgreSQL search: fold accented capitals too, so 'eikenlaan' finds 'Ëikenlaan' whatever the server's locale.

lower() leaves 'Ë' alone in a database with LC_CTYPE=C; translating before lowering works in every locale.
SQLite's FTS5 index (remove_diacritics) needs no change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the statements (later changes to makelaar.storage.search must not change this migration).
UPGRADE = {
    "ideas": [
        "DROP INDEX IF EXISTS ix_search_ideas_vector",
        "ALTER TABLE ideas DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE ideas ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
        "lower(translate(coalesce(reference, '') || ' ' || coalesce(title, '') || ' ' || "
        "coalesce(description, ''), 'áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ', "
        "'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN')))) STORED",
        "CREATE INDEX ix_search_ideas_vector ON ideas USING gin (search_vector)",
    ],
    "organisations": [
        "DROP INDEX IF EXISTS ix_search_organisations_vector",
        "ALTER TABLE organisations DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE organisations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', lower(translate(coalesce(reference, '') || ' ' || coalesce(name, "
        "'') || ' ' || coalesce(description, '') || ' ' || coalesce(city, ''), "
        "'áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ', "
        "'aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN')))) STORED",
        "CREATE INDEX ix_search_organisations_vector ON organisations USING gin (search_vector)",
    ],
}
DOWNGRADE = {
    "ideas": [
        "DROP INDEX IF EXISTS ix_search_ideas_vector",
        "ALTER TABLE ideas DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE ideas ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', "
        "translate(lower(coalesce(reference, '') || ' ' || coalesce(title, '') || ' ' || "
        "coalesce(description, '')), 'áàäâãåéèëêíìïîóòöôõúùüûýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn'))) "
        "STORED",
        "CREATE INDEX ix_search_ideas_vector ON ideas USING gin (search_vector)",
    ],
    "organisations": [
        "DROP INDEX IF EXISTS ix_search_organisations_vector",
        "ALTER TABLE organisations DROP COLUMN IF EXISTS search_vector",
        "ALTER TABLE organisations ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
        "(to_tsvector('simple', translate(lower(coalesce(reference, '') || ' ' || coalesce(name, "
        "'') || ' ' || coalesce(description, '') || ' ' || coalesce(city, '')), "
        "'áàäâãåéèëêíìïîóòöôõúùüûýÿçñ', 'aaaaaaeeeeiiiiooooouuuuyycn'))) STORED",
        "CREATE INDEX ix_search_organisations_vector ON organisations USING gin (search_vector)",
    ],
}


def _run(statements: dict[str, list[str]]) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table_statements in statements.values():
        for statement in table_statements:
            op.execute(statement)


def upgrade() -> None:
    _run(UPGRADE)


def downgrade() -> None:
    _run(DOWNGRADE)
