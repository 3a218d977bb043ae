"""One program per store: the lock file beside an SQLite store, seen and taken without Qt.

The window takes ``<store>.lock`` with Qt's QLockFile when it opens a store (``ui/startup.py``). That file holds
the holder's process id, program name, host name, machine id and boot id, one a line, and the holder keeps an
operating-system lock (``flock``) on it while it runs. This module reads the same file the same way, so a process
without Qt (the command line) can

- ask whether another running program holds it (:func:`holder_elsewhere`): the ``flock`` says whether the holder
  still runs, so the lock of a crashed program does not count;
- refuse to replace or delete the store while it does (:func:`refuse_while_open_elsewhere`);
- take the lock itself (:class:`ProgramLock`), in a form QLockFile in a window respects.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from pathlib import Path
from types import TracebackType

from makelaar.domain.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: QLockFile there keeps the file open without sharing it for writing
    fcntl = None  # type: ignore[assignment]


def lock_path(store: Path) -> Path:
    return Path(str(store) + ".lock")


def _holder_pid(path: Path) -> int | None:
    try:
        first = path.read_bytes().split(b"\n", 1)[0]
    except OSError:
        return None
    try:
        return int(first)
    except ValueError:
        return None


def holder_elsewhere(store: Path) -> int | None:
    """The process id of another running program that holds the lock of ``store`` (0 when it cannot be read), or
    None when nobody else does: no lock file, one left by a program that ended, or this process's own lock."""
    path = lock_path(store)
    if not path.exists():
        return None
    pid = _holder_pid(path)
    if pid == os.getpid():
        return None
    if fcntl is None:
        try:
            fd = os.open(path, os.O_WRONLY)
        except PermissionError:
            return pid or 0  # opened without sharing by a running holder
        except OSError:
            return None
        os.close(fd)
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return pid or 0
    except OSError:
        return None  # a file system without flock: nothing to go by but the file, which a crash leaves too
    finally:
        os.close(fd)  # closing drops the probe's own flock
    return None


def refuse_while_open_elsewhere(store: Path, doing: str) -> None:
    """Raise a StoreError when another running Makelaar holds the store's lock: replacing or deleting the file
    under it would make its later saves vanish. ``doing`` names what was refused ("teruggezet")."""
    pid = holder_elsewhere(store)
    if pid is not None:
        shown = f" (proces {pid})" if pid else ""
        raise StoreError(
            f"Makelaar is nog geopend op deze computer met de database {store}{shown}. Sluit dat venster eerst; "
            f"er is niets {doing}."
        )


def _read_first_line(*paths: str) -> str:
    for name in paths:
        with contextlib.suppress(OSError):
            return Path(name).read_text(encoding="ascii").split("\n", 1)[0].strip()
    return ""


def _lock_content() -> bytes:
    """What QLockFile writes, so a window's QLockFile sees a running holder (not a stale lock)."""
    try:
        program = Path(os.readlink("/proc/self/exe")).name
    except OSError:
        program = Path(sys.executable).name
    machine = _read_first_line("/var/lib/dbus/machine-id", "/usr/local/etc/machine-id", "/etc/machine-id")
    boot = _read_first_line("/proc/sys/kernel/random/boot_id")
    return f"{os.getpid()}\n{program}\n{socket.gethostname()}\n{machine}\n{boot}\n".encode()


class ProgramLock:
    """The store's one-program lock held by this process, for a command that writes to the store or replaces it::

        with ProgramLock.take(path):
            ...

    ``take`` does not wait: when another running program holds it, a StoreError says so.
    """

    def __init__(self, store: Path, fd: int) -> None:
        self.store = store
        self._fd: int | None = fd

    @classmethod
    def take(cls, store: Path) -> ProgramLock:
        path = lock_path(store)
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                refuse_while_open_elsewhere(store, "gewijzigd")
                if _holder_pid(path) == os.getpid():
                    raise StoreError(f"De database {store} is in dit programma al in gebruik.") from None
                _remove_stale(path)
                continue
            except OSError as exc:
                from makelaar.storage.faults import raise_for_environment

                raise_for_environment(exc, path, outcome="Er is niets gewijzigd.")
                raise
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                os.write(fd, _lock_content())
            except BaseException:
                os.close(fd)
                path.unlink(missing_ok=True)
                raise
            return cls(store, fd)
        refuse_while_open_elsewhere(store, "gewijzigd")
        raise StoreError(f"Het slot {path} kon niet worden genomen; probeer het zo nog eens.")

    def release(self) -> None:
        if self._fd is None:
            return
        lock_path(self.store).unlink(missing_ok=True)  # while still held, as QLockFile does
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> ProgramLock:
        return self

    def __exit__(
        self, _type: type[BaseException] | None, _value: BaseException | None, _tb: TracebackType | None
    ) -> None:
        self.release()


def _remove_stale(path: Path) -> None:
    """Remove the lock file a program that ended left behind, under a flock (as QLockFile does), so a holder that
    just took it is never robbed of it."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return
    try:
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)
