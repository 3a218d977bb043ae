"""A store's schema compared with what the program's own migrations create.

A backup file is a whole database: besides the data it can carry objects of its own. A planted trigger that
silently undoes every "vergeten" and copies residents' data into a spy table would run inside Makelaar once the
file is restored. So before a restore, and before a store file is opened, its tables (with their columns), indexes,
triggers and views are compared with what the migrations make at the revision the file says it has; anything extra
or missing is refused, with the difference named in Dutch.

What is compared (SQLite):

- tables: name and column names (with NOT NULL and primary key); not the declared text, which depends on the
  version of SQLAlchemy that ran a migration;
- indexes: name, table, columns, unique;
- triggers, views and the FTS5 virtual tables: their SQL, with white space and case evened out (the migrations
  write these as frozen text, so the program's own triggers, e.g. those of migration 0009, are recognised as they
  are, and a trigger of the same name with another body is not);
- the FTS5 shadow tables (``ideas_fts_data``, ...) by name: SQLite makes those itself.

The expected schema of the program's newest revision is kept in :mod:`makelaar.storage.schema_head` (made by
``python -m makelaar.storage.schema_check``; a test checks it against a fresh migration), so an ordinary start does
not need Alembic. An older revision's is made by migrating an empty database to it.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from makelaar.domain.errors import StoreError
from makelaar.paths import sqlite_uri

Schema = dict[str, Any]  # "type name" -> description

_KINDS = {"table": "tabel", "index": "index", "trigger": "trigger", "view": "view"}


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").replace('"', "").split()).lower()


def _is_shadow(name: str, virtual: set[str]) -> bool:
    return any(name.startswith(v + "_") for v in virtual)


def sqlite_schema(conn: sqlite3.Connection) -> Schema:
    """The objects of an SQLite database as compared here (the caller opens it read-only)."""
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    ).fetchall()
    virtual = {name for type_, name, _t, sql in rows if type_ == "table" and _norm(sql).startswith("create virtual")}
    out: Schema = {}
    for type_, name, table, sql in rows:
        key = f"{type_} {name}"
        if type_ == "table" and name in virtual:
            out[key] = {"sql": _norm(sql)}
        elif type_ == "table" and _is_shadow(name, virtual):
            out[key] = {"shadow": True}
        elif type_ == "table":
            columns = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
            out[key] = {"columns": sorted([c[1], bool(c[3]), int(c[5])] for c in columns)}
        elif type_ == "index":
            columns = [c[2] for c in conn.execute(f'PRAGMA index_info("{name}")').fetchall()]
            unique = "unique" in _norm(sql).split("index")[0] if sql else True
            out[key] = {"table": table, "columns": columns, "unique": unique}
        else:
            out[key] = {"table": table, "sql": _norm(sql)}
    return out


def _describe(key: str, item: Mapping[str, Any] | None) -> str:
    type_, name = key.split(" ", 1)
    label = _KINDS.get(type_, type_)
    table = (item or {}).get("table")
    return f"{label} '{name}'" + (f" (op tabel {table})" if table and type_ in ("trigger", "index") else "")


def differences(found: Schema, expected: Schema) -> list[str]:
    """What differs, in Dutch: extra, missing and changed objects."""
    out: list[str] = []
    for key in sorted(found.keys() - expected.keys()):
        out.append("extra " + _describe(key, found[key]))
    for key in sorted(expected.keys() - found.keys()):
        out.append("ontbrekende " + _describe(key, expected[key]))
    for key in sorted(found.keys() & expected.keys()):
        if found[key] != expected[key]:
            mine, theirs = expected[key], found[key]
            if "columns" in mine and "columns" in theirs and mine.get("table") is None:
                want = {c[0] for c in mine["columns"]}
                have = {c[0] for c in theirs["columns"]}
                extra = ", ".join(sorted(have - want))
                missing = ", ".join(sorted(want - have))
                detail = "; ".join(
                    part
                    for part in (
                        f"extra kolom {extra}" if extra else "",
                        f"ontbrekende kolom {missing}" if missing else "",
                    )
                    if part
                )
                out.append(f"gewijzigde {_describe(key, theirs)}" + (f" ({detail})" if detail else ""))
            else:
                out.append(f"gewijzigde {_describe(key, theirs)}")
    return out


@cache
def expected_sqlite(revision: str) -> Schema:
    """What the migrations create on SQLite at ``revision``."""
    from makelaar.storage import schema_head

    if revision == schema_head.REVISION:
        return schema_head.SQLITE
    return _migrated_sqlite(revision)


def _migrated_sqlite(revision: str) -> Schema:
    from makelaar.storage import revisions
    from makelaar.storage.engine import make_engine

    with tempfile.TemporaryDirectory(prefix="makelaar-schema-") as folder:
        path = Path(folder) / "schema.sqlite"
        engine = make_engine(f"sqlite:///{path}")
        try:
            revisions.upgrade_to(engine, revision)
        finally:
            engine.dispose()
        conn2 = sqlite3.connect(str(path))
        try:
            return sqlite_schema(conn2)
        finally:
            conn2.close()


def file_differences(path: Path, revision: str, *, what: str) -> list[str]:
    """How the schema of an SQLite file differs from the program's own at ``revision`` (empty: not at all)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{what} kan niet worden geopend: {exc}") from exc
    try:
        found = sqlite_schema(conn)
    except sqlite3.Error as exc:
        raise StoreError(f"{what} is geen bruikbare Makelaar-database: {exc}") from exc
    finally:
        conn.close()
    return differences(found, expected_sqlite(revision))


def check_sqlite_file(path: Path, revision: str, *, what: str) -> None:
    """Refuse a file whose schema is not the program's own at ``revision``; ``what`` starts the message ("De
    back-up X", "De database X")."""
    diff = file_differences(path, revision, what=what)
    if diff:
        shown = "; ".join(diff[:8]) + (f"; en nog {len(diff) - 8}" if len(diff) > 8 else "")
        raise StoreError(
            f"{what} wijkt af van wat Makelaar zelf aanmaakt ({shown}). Zo'n bestand kan ongemerkt gegevens "
            "veranderen of kopiëren; Makelaar gebruikt het niet en er is niets gewijzigd."
        )


def file_revision(path: Path) -> str | None:
    """The schema revision an SQLite file says it has (None: no Makelaar store, or not readable)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def check_backup(path: Path) -> None:
    """Refuse a backup to restore whose schema is not the program's own (or that is no Makelaar store at all)."""
    from makelaar.storage import revisions, schema_head

    revision = file_revision(path)
    if revision is None:
        raise StoreError(f"Het bestand {path} is geen back-up van Makelaar; er is niets teruggezet.")
    if revision != schema_head.REVISION and revision not in revisions.known_revisions():
        raise StoreError(
            f"De back-up {path} is gemaakt met een nieuwere versie van Makelaar (schema {revision}). Werk het "
            "programma bij; er is niets teruggezet."
        )
    check_sqlite_file(path, revision, what=f"De back-up {path}")


def _write_head() -> str:
    """The text of makelaar/storage/schema_head.py for the program's newest revision."""
    import pprint

    from makelaar.storage import revisions

    head = revisions.head_revision()
    schema = _migrated_sqlite(head)
    return (
        '"""The schema the migrations create at the newest revision (made by `python -m '
        "makelaar.storage.schema_check`;\ntests/storage/test_schema_check.py checks it against a fresh migration). "
        'Do not edit by hand."""\n\n'
        "from typing import Any\n\n"
        f"REVISION = {head!r}\n\n"
        f"SQLITE: dict[str, Any] = {pprint.pformat(schema, width=116, sort_dicts=True)}\n"
    )


if __name__ == "__main__":
    target = Path(__file__).with_name("schema_head.py")
    target.write_text(_write_head(), encoding="utf-8")
    print(f"{target} geschreven.")
