"""Backups the user asks for, putting one back, and the daily upkeep (a backup once a day, the retention period)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar import files
from makelaar.actions.common import EVERYTHING, NOTHING, Changes, backup_before, writing
from makelaar.actions.lock import program_lock
from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from makelaar.storage.store import Store


def _sqlite_only(path: Path | None, what: str) -> Path:
    if path is None:
        raise KnownError(
            f"{what} gaan hier alleen voor een SQLite-database; van een PostgreSQL-server maakt de beheerder "
            "back-ups (pg_dump) en zet die terug."
        )
    return path


def make_backup(store_path: Path | None, target: Path | None = None, *, overwrite: bool = False) -> Path:
    """A verified backup: in the backups folder beside the store, or at ``target`` (never the store itself, its
    journal or one of the program's own backups; an earlier backup at ``target`` only with ``overwrite``)."""
    from makelaar.storage import backup

    path = _sqlite_only(store_path, "Back-up en terugzetten")
    if target is None:
        return backup.take_backup(path)
    # An earlier backup the user keeps at that name is a database: it may be replaced when they say so.
    files.check_target(target, protect=files.protected_paths(path), overwrite=overwrite, allow_database=True)
    return backup.take_backup(path, target)


@dataclass
class RestoreDone:
    source: Path
    store_path: Path
    kept: Path | None
    changes: Changes = EVERYTHING


def restore_backup(url: str, source: Path) -> RestoreDone:
    """Put the backup ``source`` in place of the store at ``url`` (the current one kept as a backup first), then
    bring it to this version. Refused while another program holds the store; the caller has closed its own
    connections to it."""
    from makelaar.storage import backup, migrate
    from makelaar.storage.engine import make_engine, sqlite_path
    from makelaar.storage.store import look_before_touching

    path = _sqlite_only(sqlite_path(url), "Back-up en terugzetten")
    if not source.exists():
        raise KnownError(f"Het bestand {source} bestaat niet.")
    with program_lock(path):
        # Refuse a newer, foreign or empty file before anything of the current store is replaced.
        if look_before_touching(source) is migrate.SchemaState.EMPTY:
            raise KnownError(f"Het bestand {source} bevat geen Makelaar-gegevens; er is niets teruggezet.")
        kept = backup.restore(path, source)
        engine = make_engine(url)
        try:
            migrate.ensure_current(engine)
        finally:
            engine.dispose()
    return RestoreDone(source=source, store_path=path, kept=kept)


@dataclass
class UpkeepDone:
    backup: Path | None
    anonymised: int
    changes: Changes


def daily_upkeep(store: Store, *, actor: str | None = None, now: datetime | None = None) -> UpkeepDone:
    """Once a day: a verified backup when something changed, then the retention period (anonymise who is past it,
    after a backup; thin the program's backups older than it)."""
    from makelaar.services import privacy

    with writing(store):
        made = store.daily_backup(now)
        with store.begin() as s:
            due = privacy.retention_preview(s)
        if due:
            backup_before(store, "voor-bewaartermijn")  # anonymising is a bulk change like any other
        with store.begin() as s:
            anonymised = privacy.housekeeping(s, store.path, actor=actor)
    return UpkeepDone(
        backup=made, anonymised=anonymised, changes=Changes(persons=True, ideas=True) if anonymised else NOTHING
    )


@dataclass
class RetentionDone:
    backup: Path | None
    anonymised: int
    changes: Changes


def apply_retention(store: Store, today: date | None = None, *, actor: str | None = None) -> RetentionDone:
    """Anonymise everyone past the retention period now, after a backup."""
    from makelaar.services import privacy

    with writing(store):
        made = backup_before(store, "voor-bewaartermijn")
        with store.begin() as s:
            done = privacy.apply_retention(s, today, actor=actor)
    return RetentionDone(backup=made, anonymised=done, changes=Changes(persons=True, ideas=True) if done else NOTHING)
