"""Bring a store to the program's schema: back it up first, refuse a store newer than the program."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from makelaar.storage import backup
from makelaar.storage.engine import sqlite_path

# The migrations themselves live in storage.revisions (the schema check uses them, and backups use the schema check);
# their names are kept here for the callers that know them from this module.
from makelaar.storage.revisions import (
    SchemaState,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    refuse_unusable,
    schema_state,
    upgrade_to,
)

__all__ = [
    "SchemaState",
    "UpgradeResult",
    "alembic_config",
    "current_revision",
    "ensure_current",
    "head_revision",
    "known_revisions",
    "refuse_unusable",
    "schema_state",
    "upgrade",
    "upgrade_to",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UpgradeResult:
    before: str | None
    after: str
    backup: Path | None


def upgrade(engine: Engine, *, take_backup: bool = True) -> UpgradeResult:
    """Upgrade the store to the program's schema. An SQLite store is backed up first (unless it is new)."""
    state, rev = schema_state(engine)
    refuse_unusable(state, rev)
    if state is SchemaState.CURRENT and rev is not None:
        return UpgradeResult(rev, rev, None)

    head = head_revision()
    saved: Path | None = None
    path = sqlite_path(engine)
    if take_backup and state is SchemaState.BEHIND and path is not None:
        saved = backup.take_backup(path, reason=f"voor-upgrade-{rev}")
        log.info("backup before upgrade written")
    upgrade_to(engine, "head")
    if path is not None:
        backup._private(path)
        if saved is not None:
            # And one of the upgraded store, so the newest backup always matches the program's schema.
            backup.take_backup(path, reason=f"na-upgrade-{head}")
    return UpgradeResult(rev, head, saved)


def ensure_current(engine: Engine) -> UpgradeResult:
    """What the program does on start: upgrade when needed, refuse a newer store."""
    return upgrade(engine)
