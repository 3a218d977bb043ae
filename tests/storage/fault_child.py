"""The program tests/storage/test_faults.py kills with SIGKILL at a precise point of a user action.

    python fault_child.py ACTION POINT STORE [FILE]

ACTION is ``backup``, ``restore`` (FILE: the backup), ``export`` (FILE: the exchange file to write), ``import``
(FILE: the exchange file to read) or ``retention`` (the daily upkeep that thins old backups). POINT names where
it stops (see ``STOPS``): there it prints ``stopped POINT`` and waits for its stdin, which never comes; the parent
kills it. A run that never reaches its point prints ``done`` (and the test fails). Nothing here waits on a clock:
every point is a call the action makes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from makelaar.services import exchange, privacy
from makelaar.storage import backup
from makelaar.storage.store import open_store


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def stop(point: str) -> None:
    say(f"stopped {point}")
    sys.stdin.read()  # the parent kills this process here
    raise SystemExit("not killed")


def stop_inside_copy(nth: int, point: str) -> None:
    """Stop inside the nth statement that backup bounds in time (a VACUUM INTO or quick_check), while SQLite is
    busy with it: the copy being written is half done."""
    calls = [0]
    bounded = backup._bounded

    def bounded_then_stop(conn: Any, seconds: float) -> None:
        bounded(conn, seconds)
        calls[0] += 1
        if calls[0] == nth:
            ticks = [0]

            def handler() -> int:
                ticks[0] += 1
                if ticks[0] == 3:
                    stop(point)
                return 0

            conn.set_progress_handler(handler, 50)

    backup._bounded = bounded_then_stop  # type: ignore[assignment]


def stop_at_replace(ending: str, point: str) -> None:
    """Stop just before a finished copy whose name ends in ``ending`` is put in place."""
    replace = os.replace

    def replace_then_stop(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if str(src).endswith(ending):
            stop(point)
        replace(src, dst, *args, **kwargs)

    os.replace = replace_then_stop


def stop_after(module: Any, name: str, point: str) -> None:
    original: Callable[..., Any] = getattr(module, name)

    def then_stop(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        stop(point)
        return result

    setattr(module, name, then_stop)


def stop_before_commit(point: str) -> None:
    """Stop when the action's transaction is about to commit: everything written, nothing committed."""
    event.listen(Session, "before_commit", lambda _s: stop(point))


def stop_at_nth_unlink(nth: int, point: str) -> None:
    """Stop before the nth backup file is deleted (thinning old backups)."""
    calls = [0]
    unlink = Path.unlink

    def unlink_then_stop(self: Path, missing_ok: bool = False) -> None:
        if self.parent.name == "backups":
            calls[0] += 1
            if calls[0] == nth:
                stop(point)
        unlink(self, missing_ok=missing_ok)

    Path.unlink = unlink_then_stop  # type: ignore[method-assign]


STOPS: dict[str, Callable[[], None]] = {
    "backup-kopie": lambda: stop_inside_copy(1, "backup-kopie"),
    "backup-plaatsen": lambda: stop_at_replace(".partial", "backup-plaatsen"),
    "restore-bewaren": lambda: stop_inside_copy(2, "restore-bewaren"),
    "restore-kopie": lambda: stop_inside_copy(4, "restore-kopie"),
    "restore-journaal": lambda: stop_after(backup, "_empty_journal", "restore-journaal"),
    "export-plaatsen": lambda: stop_at_replace(".tmp", "export-plaatsen"),
    "export-vastleggen": lambda: stop_before_commit("export-vastleggen"),
    "import-vastleggen": lambda: stop_before_commit("import-vastleggen"),
    "retention-dunnen": lambda: stop_at_nth_unlink(2, "retention-dunnen"),
    "retention-vastleggen": lambda: stop_before_commit("retention-vastleggen"),
}


def main(action: str, point: str, store_path: str, file: str = "") -> None:
    path = Path(store_path)
    if action in ("backup", "restore"):
        STOPS[point]()
        if action == "backup":
            backup.take_backup(path)
        else:
            backup.restore(path, Path(file))
        say("done")
        return
    store = open_store(f"sqlite:///{path}")
    STOPS[point]()
    if action == "export":
        with store.begin() as s:
            exchange.export_changes(s, Path(file), everything=True)
    elif action == "import":
        data = exchange.read_file(Path(file))
        with store.begin() as s:
            exchange.apply_import(s, data, keep=exchange.Choice.THEIRS)
    elif action == "retention":
        with store.begin() as s:
            privacy.housekeeping(s, path)
    else:
        raise SystemExit(f"unknown action {action}")
    say("done")


if __name__ == "__main__":
    main(*sys.argv[1:])
