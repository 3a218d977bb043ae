"""WAL checkpoints off the thread that saves.

SQLite in WAL mode copies the journal back into the database file once it holds 1,000 pages (about 4 MB): the
commit that crosses that line does the copy and waits for the disk, about 300 ms on the 470 MB store of bench/,
so one save in a few dozen stalled the window. A store the program works with (``Store.checkpoint_in_background``)
leaves that to this class instead: its connections do no automatic checkpoints, and a while after a commit a
passive checkpoint runs in a thread of its own, on a connection of its own. A passive checkpoint waits for nobody
and nobody waits for it; a commit is on disk in the journal either way, so nothing is less safe.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from makelaar.paths import sqlite_uri

log = logging.getLogger(__name__)

# After a checkpoint the journal file is cut back to this size (else it keeps the size of the largest import).
JOURNAL_SIZE_LIMIT = 16 * 1024 * 1024


def no_automatic_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    """Engine ``connect`` hook of a store whose checkpoints run in the background."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA wal_autocheckpoint=0")
        cursor.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
    finally:
        cursor.close()


def checkpoint(path: Path, busy_timeout_ms: int = 10_000) -> tuple[int, int, int]:
    """A passive checkpoint of the SQLite store at ``path`` on a connection of its own: (busy, frames in the
    journal, frames copied into the database), as SQLite reports them."""
    con = sqlite3.connect(sqlite_uri(path, "rw"), uri=True, isolation_level=None)
    try:
        con.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        con.execute(f"PRAGMA journal_size_limit={JOURNAL_SIZE_LIMIT}")
        busy, frames, copied = con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(busy), int(frames), int(copied)
    finally:
        con.close()


class BackgroundCheckpoints:
    """One checkpoint ``delay_s`` after the first commit since the last one (a burst of commits gets one).

    ``allowed`` is asked in the checkpoint's thread first: False (the start check found damage) skips it, so
    nothing more is written into a damaged file. ``done`` is set after every checkpoint that ran.
    """

    def __init__(self, path: Path, allowed: Callable[[], bool], delay_s: float = 2.0) -> None:
        self.path = path
        self.allowed = allowed
        self.delay_s = delay_s
        self.done = threading.Event()
        self.last: tuple[int, int, int] | None = None
        self._lock = threading.Lock()
        self._due = False  # a checkpoint is waiting for its delay (or for the start check)
        self._stopped = False
        self._threads: list[threading.Timer] = []

    def schedule(self) -> None:
        """After a commit that wrote: a checkpoint after the delay, unless one is already due or this is stopped."""
        with self._lock:
            if self._due or self._stopped:
                return
            self._due = True
            self._threads = [t for t in self._threads if t.is_alive()]
            timer = threading.Timer(self.delay_s, self._run)
            timer.name = "makelaar-checkpoint"
            timer.daemon = True
            self._threads.append(timer)
            timer.start()

    def _run(self) -> None:
        try:
            allowed = self.allowed()  # may wait for the start check; commits meanwhile need no timer of their own
        except Exception:
            allowed = False
        finally:
            with self._lock:
                self._due = False  # a commit from now on asks for the next one
        if not allowed:
            return
        try:
            self.last = checkpoint(self.path)
        except Exception:
            # Nothing is lost: the commits are in the journal, and the next checkpoint (or closing the store)
            # copies them. Logged for whoever looks into a growing journal file.
            log.exception("background checkpoint of %s failed", self.path)
            return
        self.done.set()

    def stop(self) -> None:
        """No checkpoint runs once this returns, nor after it until ``resume`` (the store is closed, or its file is
        about to be replaced: a read of the old store meanwhile must not open the file for a checkpoint)."""
        with self._lock:
            self._stopped = True
        self._cancel()
        with self._lock:
            self._due = False

    def flush(self) -> None:
        """The due checkpoint now, in the caller's thread (bench/, before it times a write); returns when no
        checkpoint of this store is waiting or running."""
        with self._lock:
            due = self._due
        self._cancel()
        if due:
            self._run()

    def _cancel(self) -> None:
        """Cancel the waiting timers and wait for a running one."""
        with self._lock:
            threads, self._threads = self._threads, []
        for timer in threads:
            timer.cancel()
            timer.join()

    def resume(self) -> None:
        """Checkpoints again after ``stop`` (a store used again after a restore that failed)."""
        with self._lock:
            self._stopped = False
