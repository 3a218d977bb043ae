"""What happens to an SQLite store before the program writes to it: a quick integrity check, and what to offer
when it is damaged (never a silent empty store)."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from makelaar.domain.errors import StoreError
from makelaar.paths import sqlite_uri
from makelaar.priority import give_way
from makelaar.storage import backup
from makelaar.storage.faults import raise_for_environment
from makelaar.storage.lock import refuse_while_open_elsewhere


@dataclass(frozen=True)
class StartCheck:
    ok: bool
    problem: str = ""
    newest_good: Path | None = None


def quick_check(path: Path) -> str | None:
    """None when the store is sound; otherwise what SQLite says is wrong. Opens read-only: changes nothing.

    What keeps the file from being read (no access, a missing folder) is no damage: a StoreError names it.
    """
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        _environment(exc, path)
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        _environment(exc, path)
        return str(exc)
    finally:
        conn.close()
    return None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])


def _environment(exc: BaseException, path: Path) -> None:
    raise_for_environment(exc, path, outcome=f"Makelaar heeft de database {path} niet geopend; er is niets veranderd.")


def check_at_start(path: Path) -> StartCheck:
    if not path.exists():
        return StartCheck(ok=True)
    problem = quick_check(path)
    if problem is None:
        return StartCheck(ok=True)
    newest_good = None
    for candidate in backup.list_backups(path):
        try:
            backup.verify(candidate.path)
        except StoreError:
            continue
        newest_good = candidate.path
        break
    return StartCheck(ok=False, problem=problem, newest_good=newest_good)


class PendingCheck:
    """``check_at_start`` running in a background thread: call it to wait for the answer; ``done()`` asks without
    waiting. A failure of the check itself is raised to whoever waits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._answer: list[StartCheck] = []
        self._failure: list[BaseException] = []
        self._worker = threading.Thread(target=self._run, name="makelaar-start-check", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        give_way()  # the window being built comes first; nothing is written before this answers anyway
        try:
            self._answer.append(check_at_start(self.path))
        except BaseException as exc:  # handed to whoever waits for the answer
            self._failure.append(exc)

    def done(self) -> bool:
        return not self._worker.is_alive()

    def __call__(self) -> StartCheck:
        self._worker.join()
        if self._failure:
            raise self._failure[0]
        return self._answer[0]


def start_check(path: Path) -> PendingCheck:
    """Begin ``check_at_start`` in a background thread.

    The program starts it before it imports its windows: SQLite leaves Python's lock while it reads, so the check
    of a large store (about 0.6 s for 470 MB) runs on another core while the imports run on this one. Nothing is
    written to the store until the answer is in: a store that needs an upgrade waits for it before it is opened,
    a current one is opened for reading while it runs and holds its writes until then (``Store.hold_writes``).
    """
    return PendingCheck(path)


def set_aside(path: Path) -> Path:
    """Move a damaged store (and its WAL) out of the way, keeping it for whoever wants to rescue data from it."""
    refuse_while_open_elsewhere(path, "verplaatst")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}-beschadigd-{stamp}{path.suffix}")
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            extra = Path(str(path) + suffix)
            if extra.exists():
                os.replace(extra, Path(str(aside) + suffix))
    except OSError as exc:
        raise_for_environment(exc, path, outcome="De beschadigde database is niet verplaatst; er is niets teruggezet.")
        raise
    return aside


def restore_newest_good(path: Path, good: Path) -> Path:
    """Set the damaged store aside and put the backup in its place; returns where the damaged one went."""
    aside = set_aside(path)
    backup.restore(path, good)
    return aside
