"""Bring a store to the program's schema: back it up first, refuse a store newer than the program."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from makelaar.domain.errors import StoreError
from makelaar.paths import migrations_dir
from makelaar.storage import backup
from makelaar.storage.engine import sqlite_path

log = logging.getLogger(__name__)


class SchemaState(Enum):
    EMPTY = "leeg"
    CURRENT = "actueel"
    BEHIND = "verouderd"
    AHEAD = "nieuwer dan dit programma"
    FOREIGN = "geen Makelaar-database"


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
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


def upgrade(engine: Engine, *, take_backup: bool = True) -> UpgradeResult:
    """Upgrade the store to the program's schema. An SQLite store is backed up first (unless it is new)."""
    state, rev = schema_state(engine)
    refuse_unusable(state, rev)
    head = head_revision()
    if state is SchemaState.CURRENT:
        return UpgradeResult(rev, head, None)
    saved: Path | None = None
    path = sqlite_path(engine)
    if take_backup and state is SchemaState.BEHIND and path is not None:
        saved = backup.take_backup(path, reason=f"voor-upgrade-{rev}")
        log.info("backup before upgrade written")
    cfg = alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if conn.in_transaction():
            conn.commit()
    if path is not None:
        backup._private(path)
        if saved is not None:
            # And one of the upgraded store, so the newest backup always matches the program's schema.
            backup.take_backup(path, reason=f"na-upgrade-{head}")
    return UpgradeResult(rev, head, saved)


def ensure_current(engine: Engine) -> UpgradeResult:
    """What the program does on start: upgrade when needed, refuse a newer store."""
    return upgrade(engine)
