"""The program's migrations and a store's place among them: which revisions there are, which one a store has,
and running them. Without backups (:mod:`makelaar.storage.migrate` decides when to take one), so the schema check can
use it too."""

from __future__ import annotations

import re
from enum import Enum
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from makelaar.domain.errors import StoreError
from makelaar.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic (with Mako and Pygments) takes about 0.2 s to import; a store that is already current, which is every
# start but the first after an update, is recognised without it (see ``_known_head``).


class SchemaState(Enum):
    EMPTY = "leeg"
    CURRENT = "actueel"
    BEHIND = "verouderd"
    AHEAD = "nieuwer dan dit programma"
    FOREIGN = "geen Makelaar-database"


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def known_revisions() -> frozenset[str]:
    """Every revision of the program's migrations."""
    from alembic.script import ScriptDirectory

    return frozenset(s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(
    r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:None|"([^"\n]*)"|'([^'\n]*)')\s*$""", re.M
)


def _known_head() -> str | None:
    """The newest revision, read from the migration files' ``revision`` / ``down_revision`` lines without Alembic;
    None whenever that is not plainly one line of revisions (then Alembic decides)."""
    folder = migrations_dir() / "versions"
    try:
        stamp = folder.stat().st_mtime_ns  # a script added or removed changes the folder
    except OSError:
        return None
    return _head_in(folder, stamp)


@cache
def _head_in(folder: Path, _stamp: int) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    scripts = 0
    try:
        for path in sorted(folder.glob("*.py")):
            if path.name == "__init__.py":
                continue
            scripts += 1
            found: dict[str, str | None] = {}
            for match in _REVISION_LINE.finditer(path.read_text(encoding="utf-8")):
                found.setdefault(match.group(1), match.group(2) or match.group(3))
            if not found.get("revision") or "down_revision" not in found:
                return None
            revisions.add(str(found["revision"]))
            if found["down_revision"]:
                parents.add(str(found["down_revision"]))
    except OSError:
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and len(revisions) == scripts else None


def _stored_revision(engine: Engine) -> str | None:
    """The store's revision with one plain query (None: no version table, or not exactly one row)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return str(rows[0][0]) if len(rows) == 1 else None


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    head = _known_head()
    if head is not None and _stored_revision(engine) == head:
        return SchemaState.CURRENT, head
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    with engine.connect() as conn:
        rev = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
    if rev is None:
        return (SchemaState.EMPTY if not tables else SchemaState.FOREIGN), None
    if rev == script.get_current_head():
        return SchemaState.CURRENT, rev
    known = {s.revision for s in script.walk_revisions()}
    if rev not in known:
        return SchemaState.AHEAD, rev
    return SchemaState.BEHIND, rev


def refuse_unusable(state: SchemaState, rev: str | None) -> None:
    """Raise StoreError for a store this program must not touch: newer than the program, or not a Makelaar store."""
    if state is SchemaState.AHEAD:
        raise StoreError(
            f"Deze database is gemaakt met een nieuwere versie van Makelaar (schema {rev}). Werk het programma bij; "
            "de database is niet aangeraakt."
        )
    if state is SchemaState.FOREIGN:
        raise StoreError("Dit bestand bevat al tabellen maar is geen Makelaar-database; er is niets gewijzigd.")


def upgrade_to(engine: Engine, revision: str) -> None:
    """Run the migrations up to ``revision`` on one connection (no backup: the callers decide)."""
    from alembic import command

    cfg = alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if conn.in_transaction():
            conn.commit()
