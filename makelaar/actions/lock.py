"""The store's one-program lock, without Qt: the same file the window holds while it runs (``<store>.lock``).

The window takes it with ``QLockFile`` at start and keeps it until it closes. An action that writes takes it too:
in the window's own process it is already held (the file names this process), so nothing changes; from the
command line it is taken for the length of the action, and refused while a window (or another command) holds it,
so a restore or an import never pulls the store away under a running program. The file's first lines are the
ones ``QLockFile`` reads (process id, program, host name), so the window also sees a command's lock as held.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from makelaar.domain.errors import KnownError, StoreError
from makelaar.storage.lock import ProgramLock, lock_path


class StoreInUse(KnownError):
    """Another program (a window or a command) holds the store's lock."""


def _holder(path: Path) -> tuple[int, str, str] | None:
    """(process id, program, host) from a lock file; None when there is none or it cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except FileNotFoundError:
        return None
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except (ValueError, IndexError):
        return None
    return pid, (lines[1] if len(lines) > 1 else ""), (lines[2] if len(lines) > 2 else "")


def _running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    except OSError:
        return True
    return True


def _stale(holder: tuple[int, str, str] | None) -> bool:
    """A lock left by a program that ended without removing it (a crash): its process is gone from this host."""
    if holder is None:
        return False
    pid, _program, host = holder
    return host in ("", socket.gethostname()) and not _running(pid)


def held_by_other(store_path: Path) -> bool:
    """Whether another, still running program holds the lock of this store."""
    holder = _holder(lock_path(store_path))
    return holder is not None and holder[0] != os.getpid() and not _stale(holder)


def _refusal(store_path: Path) -> StoreInUse:
    return StoreInUse(
        f"Makelaar is geopend met deze database ({store_path}), of een andere opdracht is ermee bezig. Sluit dat "
        "venster of wacht tot die opdracht klaar is, en probeer het opnieuw; er is niets veranderd."
    )


@contextmanager
def program_lock(store_path: Path | None) -> Iterator[None]:
    """Hold the store's lock for the block; refuse with StoreInUse while another program holds it. A server store
    (``None``) has no lock file: the server keeps its clients apart. Taken as :class:`ProgramLock` takes it (the
    content and the operating-system lock a window's QLockFile expects)."""
    if store_path is None or not store_path.parent.is_dir():
        yield
        return
    path = lock_path(store_path)
    holder = _holder(path)
    if holder is not None and holder[0] == os.getpid():
        yield  # the window of this very process holds it
        return
    if holder is not None:
        if not _stale(holder):
            raise _refusal(store_path)
        with contextlib.suppress(FileNotFoundError):
            path.unlink()  # left by a program on this computer that ended without removing it
    try:
        taken = ProgramLock.take(store_path)
    except StoreError:
        other = _holder(path)
        if other is not None and other[0] != os.getpid():
            raise _refusal(store_path) from None  # another program took it just now
        raise
    with taken:
        yield
