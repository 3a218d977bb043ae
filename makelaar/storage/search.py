"""Full-text search in SQL: FTS5 on SQLite, a tsvector column with a GIN index on PostgreSQL.

The index is maintained by the database itself (triggers on SQLite, a generated column on PostgreSQL), so bulk
inserts and every writer stay in step. These objects are created by the migrations and are not ORM metadata.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import ColumnElement, literal_column, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import TextClause

# Tables searched, with the columns in their index.
SEARCHABLE = {
    "ideas": ("reference", "title", "description"),
    "organisations": ("reference", "name", "description", "city"),
}

SEARCH_ROWID = "search_rowid"  # SQLite: the FTS5 rowid of a record, kept by triggers
SEARCH_VECTOR = "search_vector"  # PostgreSQL: the generated tsvector

# Accents folded on PostgreSQL the same way FTS5's remove_diacritics does on SQLite (translate() is immutable,
# so it can stand in a generated column; the unaccent extension cannot).
# Upper case too, folded before lower(): in a database with LC_CTYPE=C, lower() leaves 'Ë' as it is.
PG_ACCENTED = "áàäâãåéèëêíìïîóòöôõúùüûýÿçñÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÝŸÇÑ"
PG_PLAIN = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYYCN"


def is_search_object(name: str | None, type_: str) -> bool:
    if name is None:
        return False
    if type_ == "table":
        return "_fts" in name
    if type_ == "column":
        return name in (SEARCH_ROWID, SEARCH_VECTOR)
    if type_ == "index":
        return name.startswith("ix_search_")
    return False


_WORD = re.compile(r"\w+", re.UNICODE)


def search_terms(query: str) -> list[str]:
    """The words of what the user typed, lower-cased, without accents."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", query.casefold()) if not unicodedata.combining(ch))
    return _WORD.findall(folded)[:12]


def fts5_query(query: str) -> str | None:
    """Every word must occur, the last as a prefix (search as you type): '"moes"* AND "tuin"*'."""
    terms = search_terms(query)
    if not terms:
        return None
    return " AND ".join(f'"{t}"*' for t in terms)


def pg_tsquery(query: str) -> str | None:
    terms = search_terms(query)
    if not terms:
        return None
    return " & ".join(_pg_term(t) for t in terms)


def _pg_term(term: str) -> str:
    # PostgreSQL's parser reads "I-2026-0001" as 'i', '-2026', '-0001' (signed numbers), so a number typed
    # on its own must also match its signed form, or references are not found (FTS5 splits on the hyphen).
    if term[0].isdigit():
        return f"('{term}':* | '-{term}':*)"
    return f"'{term}':*"


# Above this many hits it is cheaper to read the table in the list's sort order and stop after one page than to
# fetch every hit and sort them all (bench/README.md: 'buurt' has 57,000 hits among 100,000 ideas).
MANY_HITS = 2_000


def matches_search(
    table: str, dialect: str, query: str, *, many_hits: bool = False
) -> ColumnElement[bool] | TextClause | None:
    """A WHERE clause on ``table`` that keeps the rows matching ``query``, or None for an empty query.

    With ``many_hits`` (SQLite), the unary + keeps the planner from driving the query from the search hits, so it
    walks the sort index instead and checks each row against the hits.
    """
    if dialect == "sqlite":
        q = fts5_query(query)
        if q is None:
            return None
        plus = "+" if many_hits else ""
        return text(
            f"{plus}{table}.{SEARCH_ROWID} IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :fts_q)"
        ).bindparams(fts_q=q)
    q = pg_tsquery(query)
    if q is None:
        return None
    return literal_column(f"{table}.{SEARCH_VECTOR}").op("@@")(text("to_tsquery('simple', :ts_q)").bindparams(ts_q=q))


def sqlite_ddl(table: str) -> list[str]:
    """The FTS5 table and its triggers for one table (used by the migration that creates the index)."""
    cols = SEARCHABLE[table]
    col_list = ", ".join(cols)
    new_vals = ", ".join(f"new.{c}" for c in cols)
    sets = ", ".join(f"{c} = new.{c}" for c in cols)
    return [
        f"ALTER TABLE {table} ADD COLUMN {SEARCH_ROWID} INTEGER",
        f"CREATE UNIQUE INDEX ix_search_{table}_rowid ON {table} ({SEARCH_ROWID})",
        f"CREATE VIRTUAL TABLE {table}_fts USING fts5({col_list}, tokenize = 'unicode61 remove_diacritics 2')",
        f"""CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN
                INSERT INTO {table}_fts ({col_list}) VALUES ({new_vals});
                UPDATE {table} SET {SEARCH_ROWID} = last_insert_rowid() WHERE id = new.id;
            END""",
        f"""CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN
                DELETE FROM {table}_fts WHERE rowid = old.{SEARCH_ROWID};
            END""",
        f"""CREATE TRIGGER {table}_fts_update AFTER UPDATE OF {col_list} ON {table} BEGIN
                UPDATE {table}_fts SET {sets} WHERE rowid = old.{SEARCH_ROWID};
            END""",
    ]


def sqlite_drop_ddl(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_fts_insert",
        f"DROP TRIGGER IF EXISTS {table}_fts_delete",
        f"DROP TRIGGER IF EXISTS {table}_fts_update",
        f"DROP TABLE IF EXISTS {table}_fts",
        f"DROP INDEX IF EXISTS ix_search_{table}_rowid",
        f"ALTER TABLE {table} DROP COLUMN {SEARCH_ROWID}",
    ]


def postgresql_ddl(table: str) -> list[str]:
    cols = SEARCHABLE[table]
    doc = " || ' ' || ".join(f"coalesce({c}, '')" for c in cols)
    folded = f"lower(translate({doc}, '{PG_ACCENTED}', '{PG_PLAIN}'))"
    return [
        f"ALTER TABLE {table} ADD COLUMN {SEARCH_VECTOR} tsvector "
        f"GENERATED ALWAYS AS (to_tsvector('simple', {folded})) STORED",
        f"CREATE INDEX ix_search_{table}_vector ON {table} USING gin ({SEARCH_VECTOR})",
    ]


def postgresql_drop_ddl(table: str) -> list[str]:
    return [
        f"DROP INDEX IF EXISTS ix_search_{table}_vector",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS {SEARCH_VECTOR}",
    ]


def count_search(dialect: str, s: Session, table: str, query: str) -> int | None:
    """How many rows of ``table`` match ``query``, counted in the FTS5 index itself (SQLite); None elsewhere."""
    if dialect != "sqlite":
        return None
    q = fts5_query(query)
    if q is None:
        return None
    return int(s.execute(text(f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q"), {"q": q}).scalar_one())
