"""An open store: engine, session factory and what the user should know about it."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from makelaar.domain.errors import StoreError
from makelaar.paths import sqlite_uri
from makelaar.storage import backup, migrate
from makelaar.storage.base import ACTOR_INFO, ERASED_INFO, REFUSALS_INFO
from makelaar.storage.checkpoints import BackgroundCheckpoints, no_automatic_checkpoints
from makelaar.storage.engine import describe, make_engine, make_session_factory, sqlite_path
from makelaar.storage.faults import environment_message, raise_for_environment
from makelaar.storage.startup import StartCheck

# Statements that change the store (the ORM's and Core's; DDL only runs in migrations, before a store is held).
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_WROTE = "makelaar_wrote"  # Connection.info: the transaction under way wrote something
NOT_SAVED = "Deze wijziging is niet opgeslagen."


def _is_write(statement: str) -> bool:
    return statement.lstrip()[:7].upper().startswith(_WRITES)


def _note_write(conn: Connection, _cursor: object, statement: str, *_: object) -> None:
    if _is_write(statement):
        conn.info[_WROTE] = True


def _forget_write(conn: Connection) -> None:
    conn.info.pop(_WROTE, None)


@dataclass
class Store:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    upgrade: migrate.UpgradeResult | None = None
    actor: str | None = None  # who works with this store (the broker's name), for the audit log
    # The integrity check of this run, while it may still be running (see hold_writes), and its answer.
    _check: Callable[[], StartCheck] | None = field(default=None, repr=False)
    _checked: StartCheck | None = field(default=None, repr=False)
    checkpoints: BackgroundCheckpoints | None = field(default=None, repr=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.engine)

    @property
    def description(self) -> str:
        return describe(self.engine)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One session per user action: committed when the block ends, rolled back on any error.

        What the environment causes (another program holds the store, the disk is full or read-only) becomes a
        StoreError with a Dutch message; the action is rolled back whole, so nothing is half saved.
        """
        session: Session | None = None
        try:
            with self.sessions.begin() as s:
                session = s
                if self.actor:
                    s.info[ACTOR_INFO] = self.actor
                yield s
            if s.info.pop(ERASED_INFO, False):
                self._empty_journal()
        except DBAPIError as exc:  # OperationalError on SQLite; a server's read-only state is an InternalError
            raise_for_environment(exc, self.path, outcome=NOT_SAVED)
            raise
        finally:
            # A commit writes these itself (services.audit); left over means the action was rolled back.
            refused = session.info.pop(REFUSALS_INFO, None) if session is not None else None
            if refused:
                self._log_refusals(refused)

    def _empty_journal(self) -> None:
        """After personal data was erased: copy the WAL back into the store and truncate it, so the old values do
        not linger in the journal file (secure_delete already overwrote them in the store's own pages)."""
        if self.path is None or not self._may_write_file():
            return
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except OperationalError:
            logging.getLogger(__name__).warning("het journaal kon na het wissen niet worden leeggemaakt")

    def _log_refusals(self, refused: dict[str, tuple[str, str, str]]) -> None:
        """An attempt to bring a forgotten person back was refused and its action rolled back: the audit log still
        says so, in a transaction of its own."""
        from makelaar.services import audit

        try:
            with self.sessions.begin() as s:
                audit.write_refusals(s, refused)
        except Exception:
            logging.getLogger(__name__).exception("de weigering kon niet in het logboek worden gezet")

    def close(self) -> None:
        if self.checkpoints is not None:
            self.checkpoints.stop()
        self.engine.dispose()

    def checkpoint_in_background(self, delay_s: float = 2.0) -> BackgroundCheckpoints | None:
        """Saving never waits for SQLite's checkpoint (see storage.checkpoints): for the store the window works
        with. None on a server, which has no journal file of ours."""
        path = self.path
        if path is None or self.engine.dialect.name != "sqlite":
            return None
        if self.checkpoints is None:
            self.checkpoints = BackgroundCheckpoints(path, self._may_write_file, delay_s)
            event.listen(self.engine, "connect", no_automatic_checkpoints)
            event.listen(self.engine, "before_cursor_execute", _note_write)
            event.listen(self.engine, "commit", self._committed)
            event.listen(self.engine, "rollback", _forget_write)
            # Connections made before keep SQLite's own checkpoints: the pool makes new ones.
            self.engine.dispose()
        else:
            self.checkpoints.resume()
        return self.checkpoints

    def _committed(self, conn: Connection) -> None:
        # Only a transaction that wrote asks for a checkpoint (every read ends with a commit too).
        if conn.info.pop(_WROTE, False) and self.checkpoints is not None:
            self.checkpoints.schedule()

    def _may_write_file(self) -> bool:
        """Whether a checkpoint may write into the file: not before the start check answered, never after it
        found damage (asked in the checkpoint's own thread, so waiting for the answer holds up nobody)."""
        try:
            answer = self.check_answer()
        except Exception:
            return False
        return answer is None or answer.ok

    def hold_writes(self, check: Callable[[], StartCheck]) -> None:
        """Open for reading while the integrity check started at start still runs: a statement that writes (and a
        backup) first waits for its answer, and when it found damage, every write is refused with a StoreError and
        the file stays as it was. The window can show while a big store is checked; nothing is written before."""
        self._check = check
        event.listen(self.engine, "before_cursor_execute", self._before_statement)

    @property
    def held(self) -> bool:
        """Whether this store was opened while its start check ran (see hold_writes)."""
        return self._check is not None

    def check_answer(self) -> StartCheck | None:
        """The start check's answer, waiting for it if it still runs; None when this store was not held."""
        if self._checked is None and self._check is not None:
            self._checked = self._check()
        return self._checked

    def ensure_writable(self) -> None:
        answer = self.check_answer()
        if answer is not None and not answer.ok:
            raise StoreError(
                f"De database {self.description} is beschadigd ({answer.problem}). Makelaar schrijft er niets in; "
                "wat je net invoerde is niet bewaard. Start Makelaar opnieuw om de nieuwste goede back-up terug te "
                "zetten."
            )

    def _before_statement(self, _conn: object, _cursor: object, statement: str, *_: object) -> None:
        checked = self._checked
        if checked is not None and checked.ok:
            return
        if _is_write(statement):
            self.ensure_writable()

    def backup_before(self, reason: str) -> Path | None:
        """A verified backup before a bulk change (import, example data); None on a server, which its
        administrator backs up."""
        if self.path is None or not self.path.exists():
            return None
        self.ensure_writable()
        return backup.take_backup(self.path, reason=reason)

    def daily_backup(self, now: datetime | None = None) -> Path | None:
        """Once a day, when something changed since the newest backup."""
        path = self.path
        if path is None or not path.exists():
            return None
        self.ensure_writable()  # a backup of a damaged store is no backup
        now = now or datetime.now()
        backups = backup.list_backups(path)
        changed = max(p.stat().st_mtime for p in (path, Path(str(path) + "-wal")) if p.exists())
        if backups and (backups[0].taken_at.date() == now.date() or changed <= backups[0].taken_at.timestamp()):
            return None
        return backup.take_backup(path, reason="dagelijks")


def environment_problem(exc: OperationalError, path: Path | None = None) -> str | None:
    """A Dutch message for a failure the user's environment caused, or None for anything else (see
    storage.faults, where every such failure is named)."""
    message = environment_message(exc, path)
    return None if message is None else f"{message} {NOT_SAVED}"


@contextmanager
def plain_engine(path: Path, *, read_only: bool = True) -> Iterator[Engine]:
    """An engine on an SQLite file that changes nothing about it: no WAL switch, no folders or file created.

    The store's own engine switches every connection to WAL, which rewrites the header of a file in another journal
    mode: a file we refuse or only look at must not have been changed by looking at it.
    """
    if not path.exists():
        raise StoreError(f"Er is geen database op {path}.")
    mode = "ro" if read_only else "rw"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(sqlite_uri(path, mode), uri=True),
        poolclass=NullPool,
    )
    try:
        yield engine
    finally:
        engine.dispose()


def _refuse_environment(exc: BaseException, path: Path | None) -> None:
    raise_for_environment(exc, path, outcome="De database is niet geopend; er is niets veranderd.")


def look_before_touching(path: Path) -> migrate.SchemaState:
    """Refuse a newer, foreign or unreadable SQLite file without changing it; return what it holds."""
    try:
        with plain_engine(path) as probe:
            state, rev = migrate.schema_state(probe)
    except DatabaseError as exc:
        _refuse_environment(exc, path)
        raise StoreError(f"Het bestand {path} is geen bruikbare Makelaar-database: {exc.orig}") from exc
    migrate.refuse_unusable(state, rev)
    if rev is not None and state in (migrate.SchemaState.CURRENT, migrate.SchemaState.BEHIND):
        # A file with objects of its own (a planted trigger, a spy table) or without some of ours is not opened.
        from makelaar.storage import schema_check

        schema_check.check_sqlite_file(path, rev, what=f"De database {path}")
    return state


def open_store(url: str, *, upgrade: bool = True, actor: str | None = None) -> Store:
    """Open a store; by default back it up and bring it to the program's schema (refusing a newer one). ``actor``:
    who works with it (the broker's name), for the audit log."""
    engine: Engine | None = None
    path = sqlite_path(url)
    try:
        if upgrade and path is not None and path.exists():
            look_before_touching(path)
        engine = make_engine(url)
        result = migrate.ensure_current(engine) if upgrade else None
    except DatabaseError as exc:
        if engine is not None:
            engine.dispose()
        _refuse_environment(exc, path)
        raise StoreError(f"De database {describe(url)} kan niet worden geopend: {exc.orig}") from exc
    except OSError as exc:  # the folder of a new store cannot be made
        if engine is not None:
            engine.dispose()
        _refuse_environment(exc, path)
        raise
    except BaseException:
        if engine is not None:
            engine.dispose()
        raise
    if path is not None:
        # Residents' data: the store and its journal are readable by the user alone (POSIX; no-op elsewhere).
        for part in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm")):
            if part.exists():
                backup._private(part)
        # What a killed backup or restore left behind (never the store or a finished backup) goes.
        backup.clean_leftovers(path)
    store = Store(url=url, engine=engine, sessions=make_session_factory(engine), upgrade=result, actor=actor)
    if upgrade:
        _reapply_forgotten(store)
    return store


def _reapply_forgotten(store: Store) -> None:
    """Whoever was forgotten stays forgotten, also in a store just restored from a backup or a dump."""
    from makelaar.services import privacy

    try:
        with store.begin() as s:
            # Only the listed persons are looked up (by key): an open stays as quick as before.
            privacy.reapply_forgotten(s, why="bij het openen van de database", sync=False)
    except BaseException:
        store.close()
        raise
