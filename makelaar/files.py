"""Every file the program writes for the user (reports, exports, the exchange file, an inzage, a backup made on
request) is written here: whole or not at all, never over the store, never over an existing file unasked.

- The data goes into a fresh temporary file in the target's own folder, made with ``O_CREAT|O_EXCL|O_NOFOLLOW``
  (a link planted at that name is never followed), flushed to disk and then renamed over the target. A failed
  write removes the temporary file, so the previous file at the target stays as it was.
- A file that holds personal data is 0600 from its first byte.
- The target may not be the store, its journal (``-wal``, ``-shm``, ``-journal``), one of its backups or any other
  SQLite database, also not through a symbolic or a hard link: a report aimed at the wrong file must not destroy
  the residents' records.
- An existing target is replaced only when the caller says so (``overwrite``): the command line's ``--overwrite``,
  the window's question.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from makelaar.domain.errors import KnownError

PRIVATE = 0o600
_STORE_COMPANIONS = ("-wal", "-shm", "-journal")
# The first bytes of an SQLite database and of its write-ahead log.
_DATABASE_MAGIC = (b"SQLite format 3\x00", b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


class OutputRefused(KnownError):
    """The chosen output file may not be written (the store, a backup, an existing file without permission)."""


def protected_paths(store_path: Path | None) -> list[Path]:
    """The files no output may replace: the store, its journal files and its backups (SQLite only)."""
    if store_path is None:
        return []
    from makelaar.storage.backup import backup_dir

    protected = [store_path, *(Path(str(store_path) + suffix) for suffix in _STORE_COMPANIONS)]
    folder = backup_dir(store_path)
    if folder.is_dir():
        with contextlib.suppress(OSError):
            protected.extend(p for p in folder.iterdir() if p.is_file())
    return protected


def _same_file(a: Path, b: Path) -> bool:
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        sa, sb = a.stat(), b.stat()
    except OSError:
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)  # a hard link to the same file


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return head.startswith(_DATABASE_MAGIC)


def check_target(
    target: Path, *, protect: Iterable[Path] = (), overwrite: bool = False, allow_database: bool = False
) -> None:
    """Raise OutputRefused (a Dutch message) when ``target`` may not be written; say nothing when it may.
    ``allow_database``: a database other than the protected ones may be replaced (a backup over an earlier one)."""
    for guarded in protect:
        if _same_file(target, guarded):
            raise OutputRefused(
                f"{target} is de database van Makelaar, het journaal ervan of een back-up; daar schrijft Makelaar "
                "geen ander bestand overheen. Er is niets geschreven; kies een andere naam."
            )
    if target.is_dir():
        raise OutputRefused(f"{target} is een map; kies een bestandsnaam.")
    if not allow_database and _is_database(target):
        raise OutputRefused(
            f"{target} is een database (of het journaal ervan); Makelaar schrijft daar geen ander bestand overheen. "
            "Er is niets geschreven; kies een andere naam."
        )
    if not target.parent.is_dir():
        raise OutputRefused(f"De map {target.parent} bestaat niet; kies een map die er is.")
    if not overwrite and (target.exists() or target.is_symlink()):
        raise OutputRefused(
            f"Het bestand {target} bestaat al; er is niets overschreven. Kies een andere naam of geef --overwrite."
        )


def _token() -> str:
    """Twelve random hex digits for a temporary name (as secrets.token_hex(6), without importing secrets at start)."""
    return os.urandom(6).hex()


def _temporary(target: Path, private: bool) -> Path:
    """A new, empty file beside ``target``, never a followed link; its name ends in the target's own name, so a
    writer that picks the format by extension sees the same one."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        candidate = target.with_name(f".{_token()}.partial-{target.name}")
        try:
            fd = os.open(candidate, flags, PRIVATE if private else 0o666)
        except FileExistsError:
            continue
        try:
            if private:
                with contextlib.suppress(OSError):
                    os.fchmod(fd, PRIVATE)  # whatever the umask says
        finally:
            os.close(fd)
        return candidate
    raise OutputRefused(f"In de map {target.parent} kan geen tijdelijk bestand worden gemaakt.")


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_output(
    target: Path,
    write: Callable[[Path], None],
    *,
    protect: Iterable[Path] = (),
    overwrite: bool = False,
    private: bool = True,
) -> Path:
    """Write ``target`` through ``write(path)`` into a temporary file beside it and rename that into place when
    ``write`` returned; on any failure the temporary file goes and ``target`` is as it was. Returns ``target``.

    ``write`` may replace the temporary file (with its own atomic writer) instead of writing into it.
    """
    target = Path(target)
    check_target(target, protect=protect, overwrite=overwrite)
    try:
        temporary = _temporary(target, private)
    except OSError as exc:
        raise OutputRefused(f"{target} kan niet worden geschreven: {exc.strerror or exc}.") from exc
    try:
        try:
            write(temporary)
        except KnownError as exc:
            text = str(exc)
            if temporary.name in text:  # the user knows the file by the name they chose, not by ours
                raise KnownError(
                    text.replace(str(temporary), str(target)).replace(temporary.name, target.name)
                ) from exc
            raise
        if private:
            with contextlib.suppress(OSError):
                os.chmod(temporary, PRIVATE)  # a writer that replaced the file must not widen the mode
        _fsync(temporary)
        # Looked at again just before the rename: the target may have appeared (or become a link) meanwhile.
        check_target(target, protect=protect, overwrite=overwrite)
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputRefused(
            f"{target} kan niet worden geschreven ({exc.strerror or exc}); een eerder bestand daar is onveranderd."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()
    with contextlib.suppress(OSError):
        _fsync_folder(target.parent)
    return target


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes(
    target: Path, data: bytes, *, protect: Iterable[Path] = (), overwrite: bool = False, private: bool = True
) -> Path:
    def write(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.write(data)

    return write_output(target, write, protect=protect, overwrite=overwrite, private=private)
