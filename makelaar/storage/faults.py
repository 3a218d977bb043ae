"""What the environment does to a store, said the way a broker understands it: a full disk, a read-only disk,
folder or file, a missing folder, no access, another program busy with the store.

Every place that opens, checks, writes, copies or replaces the store asks :func:`environment_message` first, so
such a failure is named for what it is, with the path, and never reported as a damaged ("beschadigd") store. It
reads the operating system's error number (``OSError.errno``), SQLite's error code (``sqlite_errorcode``) or
PostgreSQL's SQLSTATE; where SQLite only says it could not open or write a file, it looks at the file and its
folder to say why.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from makelaar.domain.errors import StoreError

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_AUTH = 10, 13, 14, 23

# What SQLite's messages say when no code comes with them (an older driver, SQLAlchemy's wrapping).
_SQLITE_TEXTS = (
    ("database or disk is full", _SQLITE_FULL),
    ("disk is full", _SQLITE_FULL),
    ("readonly database", _SQLITE_READONLY),
    ("unable to open database file", _SQLITE_CANTOPEN),
    ("database is locked", _SQLITE_BUSY),
    ("disk i/o error", _SQLITE_IOERR),
)

# PostgreSQL's SQLSTATEs for the same situations on a server.
_PG_FULL = ("53100",)  # disk_full
_PG_READ_ONLY = ("25006",)  # read_only_sql_transaction (a standby, default_transaction_read_only)
_PG_NO_ACCESS = ("42501",)  # insufficient_privilege

# Below this much free space a failed write is put down to a full disk.
_NEARLY_FULL = 1024 * 1024


def full(where: Path | None) -> str:
    place = f" ({where})" if where is not None else ""
    return f"De schijf is vol{place}. Maak ruimte vrij en probeer het opnieuw."


def _may(path: Path, mode: int) -> bool:
    # With the effective identity where the system allows it: the one the kernel checks an open against.
    if os.access in os.supports_effective_ids:
        return os.access(path, mode, effective_ids=True)
    return os.access(path, mode)


def _folder_problem(folder: Path) -> str | None:
    """A missing folder, or one that cannot be entered, named with the nearest folder that can be reached."""
    try:
        os.stat(folder)
    except FileNotFoundError:
        return f"De map {folder} bestaat niet (meer); is de schijf of netwerkmap losgekoppeld?"
    except PermissionError:
        return f"Makelaar heeft geen toegang tot de map {folder}."
    except OSError:
        return None
    if not folder.is_dir():
        return f"{folder} is geen map."
    if not _may(folder, os.X_OK):
        return f"Makelaar heeft geen toegang tot de map {folder}."
    return None


def _free_space(folder: Path) -> int | None:
    for existing in (folder, *folder.parents):
        try:
            space = os.statvfs(existing)
        except FileNotFoundError:
            continue
        except (OSError, AttributeError):
            return None
        return space.f_bavail * space.f_frsize
    return None


def diagnose(paths: Iterable[Path]) -> str | None:
    """Why these files (the first is the one written) cannot be opened or written: a missing folder, a read-only
    disk, folder or file, no access, a full disk; None when none of that is so."""
    paths = [Path(p) for p in paths]
    for path in paths:
        folder = path.parent
        problem = _folder_problem(folder)
        if problem is not None:
            return problem
        try:
            if os.statvfs(folder).f_flag & os.ST_RDONLY:
                return f"De schijf met {folder} is alleen-lezen gekoppeld; Makelaar kan daar niet schrijven."
        except (OSError, AttributeError):  # no statvfs (Windows) or not answerable: look at the rights below
            pass
        if path.exists() or path.is_symlink():
            if not _may(path, os.R_OK):
                return f"Makelaar heeft geen toegang tot {path} (geen leesrechten)."
            if not _may(path, os.W_OK):
                return f"Het bestand {path} is alleen-lezen; Makelaar kan het niet wijzigen."
        if not _may(folder, os.W_OK):
            return f"De map {folder} is alleen-lezen voor Makelaar (geen schrijfrechten)."
    for path in paths[:1]:
        free = _free_space(path.parent)
        if free is not None and free < _NEARLY_FULL:
            return full(path.parent)
    return None


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    return next((c for marker, c in _SQLITE_TEXTS if marker in text), None)


def _causes(exc: BaseException) -> Iterable[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo.extend([getattr(e, "orig", None), e.__cause__])


def environment_message(exc: BaseException, *paths: Path | None) -> str | None:
    """A Dutch message for a failure the environment caused, naming the path, or None for anything else (a bug,
    a damaged file). ``paths``: the files involved, the one being written first."""
    files = [Path(p) for p in paths if p is not None]
    where = files[0].parent if files else None
    for e in _causes(exc):
        if isinstance(e, OSError) and not isinstance(e, sqlite3.Error):
            message = _os_message(e, files)
            if message is not None:
                return message
        if isinstance(e, sqlite3.Error):
            message = _sqlite_message(e, files, where)
            if message is not None:
                return message
        sqlstate = getattr(e, "sqlstate", None)
        if isinstance(sqlstate, str):
            if sqlstate in _PG_FULL:
                return "De schijf van de databaseserver is vol. Vraag de beheerder ruimte vrij te maken."
            if sqlstate in _PG_READ_ONLY:
                return "De databaseserver staat op alleen-lezen; er kan nu niets worden opgeslagen."
            if sqlstate in _PG_NO_ACCESS:
                return "Makelaar heeft geen toegang tot deze gegevens op de databaseserver (geen rechten)."
    return None


def _os_message(exc: OSError, files: list[Path]) -> str | None:
    named = [Path(os.fsdecode(f)) for f in (exc.filename, exc.filename2) if f is not None]
    involved = named + [f for f in files if f not in named]
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return full(involved[0].parent if involved else None)
    if exc.errno == errno.EROFS:
        place = f" ({involved[0].parent})" if involved else ""
        return f"De schijf{place} is alleen-lezen gekoppeld; Makelaar kan daar niet schrijven."
    if exc.errno in (errno.EACCES, errno.EPERM):
        found = diagnose(involved)
        if found is not None:
            return found
        target = involved[0] if involved else None
        return f"Makelaar heeft geen toegang tot {target}." if target else "Makelaar heeft hier geen toegang."
    if exc.errno == errno.ENOENT and involved and not involved[0].parent.is_dir():
        return diagnose(involved)
    return None


def _sqlite_message(exc: sqlite3.Error, files: list[Path], where: Path | None) -> str | None:
    code = _sqlite_code(exc)
    if code == _SQLITE_FULL:
        return full(where)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "De database is bezig met een ander programma of een andere Makelaar. Probeer het zo nog eens."
    if code in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_AUTH, _SQLITE_IOERR):
        found = diagnose(files)
        if found is not None:
            return found
        if code == _SQLITE_READONLY:
            return "De database staat op een plek waar niet geschreven mag worden (alleen-lezen)."
        if code == _SQLITE_CANTOPEN:
            shown = f" {files[0]}" if files else ""
            return f"Het bestand{shown} kan niet worden geopend: geen toegang, of de map bestaat niet."
        if code in (_SQLITE_PERM, _SQLITE_AUTH):
            return "Makelaar heeft geen toegang tot de database."
        if code == _SQLITE_IOERR:
            place = f" met {where}" if where is not None else ""
            return (
                f"De schijf of netwerkmap{place} gaf een lees- of schrijffout. Controleer of ze nog aangesloten is "
                "en probeer het opnieuw."
            )
    return None


def raise_for_environment(exc: BaseException, *paths: Path | None, outcome: str = "") -> None:
    """Raise a StoreError with the environment's message (and ``outcome``: what did not happen) when ``exc`` is
    such a failure; return quietly otherwise, for the caller to handle it as before."""
    message = environment_message(exc, *paths)
    if message is not None:
        raise StoreError(f"{message} {outcome}".strip()) from exc
