"""Files that hold residents' personal data: readable by the user alone (0600), written whole or not at all.

Every file the program writes with personal data (exports for the municipality's own records, the exchange file,
an inzage, the rejects file of an import, the forgotten list, backups and their ``.partial``/``.restoring``
copies) goes through :func:`write_private` or :func:`private_temporary`:

- the file is made with mode 0600 from its first byte (no moment at which another user can open it), also when it
  replaces a file that was readable by others: the new file is a fresh one put in place with ``os.replace``;
- a failed write (disk full, a crash) leaves the earlier file as it was and no half file beside it.

On Windows the mode bits mean little; the file lands in the user's own folders there.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from makelaar.domain.errors import KnownError

PRIVATE = 0o600


def make_private(path: Path) -> None:
    """Set an existing file to 0600 (POSIX; no-op where that fails)."""
    with contextlib.suppress(OSError):
        os.chmod(path, PRIVATE)


def create_private(path: Path) -> None:
    """Create ``path`` as a new, empty file with mode 0600. A file or link already there is removed first: it may
    be a leftover of an earlier attempt, or a link someone planted to have our data written elsewhere."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE)
    try:
        with contextlib.suppress(OSError):
            os.fchmod(fd, PRIVATE)  # whatever the umask says
    finally:
        os.close(fd)


@contextmanager
def private_temporary(target: Path, suffix: str = ".tmp") -> Iterator[Path]:
    """A fresh 0600 file beside ``target`` to write into; put in place of ``target`` when the block ends without an
    error, removed when it fails. The temporary name starts with a dot (hidden) and ends in ``suffix``."""
    temporary = target.with_name(f".{target.name}{suffix}")
    create_private(temporary)
    try:
        yield temporary
        make_private(temporary)  # a writer that replaced the file (not opened it) must not widen the mode
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


# The first bytes of an SQLite database and of its write-ahead log: a file the program writes never replaces one.
_DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def refuse_database(target: Path) -> None:
    """Refuse to put a file in place of a database (the store itself, its journal, a backup): an export aimed at
    the wrong file must not destroy the residents' records."""
    try:
        with target.open("rb") as handle:
            head = handle.read(16)
    except (FileNotFoundError, IsADirectoryError):
        return
    except OSError:
        return  # not readable: os.replace will say what is wrong
    if head.startswith(_DATABASE_MAGIC):
        raise KnownError(
            f"{target} is een database (of het journaal ervan); Makelaar schrijft daar geen ander bestand overheen. "
            "Kies een andere naam."
        )


def write_private(target: Path, write: Callable[[Path], None]) -> None:
    """Write ``target`` through ``write(path)`` into a private temporary file, then put it in place (never in place
    of a database)."""
    refuse_database(target)
    with private_temporary(target) as temporary:
        write(temporary)


def write_private_bytes(target: Path, data: bytes) -> None:
    def write(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())

    write_private(target, write)
