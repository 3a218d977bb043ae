"""Verified backups of an SQLite store with VACUUM INTO (never a file copy of a live database)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from makelaar.domain.errors import StoreError
from makelaar.paths import sqlite_uri
from makelaar.storage.faults import raise_for_environment
from makelaar.storage.files import create_private
from makelaar.storage.lock import holder_elsewhere, refuse_while_open_elsewhere

BACKUP_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    size: int


def backup_dir(store: Path) -> Path:
    return store.parent / "backups"


def _bounded(conn: sqlite3.Connection, seconds: float) -> None:
    # A progress handler that returns non-zero interrupts the statement: no backup can hang the program.
    deadline = time.monotonic() + seconds
    conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)


def _private(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def partial_name(target: Path) -> Path:
    """Where a backup to ``target`` is written until it is verified: named after the writing process, so a copy a
    killed backup left behind is known as such at the next start."""
    return target.with_name(f"{target.name}.{os.getpid()}.partial")


def restoring_name(store: Path) -> Path:
    """Where a backup to put in place of ``store`` is copied first (see :func:`partial_name`)."""
    return store.with_name(f"{store.name}.{os.getpid()}.restoring")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True


def leftovers(store: Path) -> list[Path]:
    """The copies an interrupted backup or restore of ``store`` left behind: only files named the way this program
    names them (an older version without the process id included), never the store or a finished backup, and never
    one a running process is still writing."""
    own_backup = re.compile(re.escape(store.stem) + r"-\d{8}-\d{6}-\d{6}-[\w-]+\.sqlite(?:\.(\d+))?\.partial")
    own_restore = re.compile(re.escape(store.name) + r"(?:\.(\d+))?\.restoring")
    found = [p for p in backup_dir(store).glob("*.partial") if own_backup.fullmatch(p.name)]
    found += [p for p in store.parent.glob(f"{glob_escape(store.name)}*.restoring") if own_restore.fullmatch(p.name)]
    stale: list[Path] = []
    someone_else = None
    for path in found:
        if not path.is_file() or path.is_symlink():
            continue
        match = own_backup.fullmatch(path.name) or own_restore.fullmatch(path.name)
        pid = match.group(1) if match else None
        if pid is not None:
            if not _alive(int(pid)):
                stale.append(path)
            continue
        # Named without a process id (an older version): stale unless another Makelaar runs on this store.
        if someone_else is None:
            someone_else = holder_elsewhere(store) is not None
        if not someone_else:
            stale.append(path)
    return stale


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def clean_leftovers(store: Path) -> list[Path]:
    """Delete what :func:`leftovers` finds (residents' data in a copy nobody will finish); make any other copy of
    ours readable by the user alone. Returns what was deleted."""
    gone: list[Path] = []
    for path in leftovers(store):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            _private(path)
            continue
        gone.append(path)
    secure_leftovers(store)
    return gone


def secure_leftovers(store: Path) -> None:
    """Copies an interrupted backup or restore left behind hold residents' data: readable by the user alone."""
    for leftover in (*backup_dir(store).glob("*.partial"), *store.parent.glob(f"{glob_escape(store.name)}*.restoring")):
        if leftover.is_file() and not leftover.is_symlink():
            _private(leftover)


def verify(path: Path) -> dict[str, int]:
    """Open a store read-only, run quick_check and count the rows of each table; raises StoreError if damaged (or,
    named as such, when the environment keeps it from being read)."""
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        raise_for_environment(exc, path)
        raise StoreError(f"Het bestand {path} kan niet worden geopend: {exc}") from exc
    try:
        _bounded(conn, BACKUP_TIMEOUT_S)
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise StoreError(f"Het bestand {path} is beschadigd: {result[0][0]}")
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE "
                "'CREATE VIRTUAL%' AND name NOT LIKE '%_fts%'"
            )
        ]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    except sqlite3.DatabaseError as exc:
        raise_for_environment(exc, path)
        raise StoreError(f"Het bestand {path} is geen bruikbare Makelaar-database: {exc}") from exc
    finally:
        conn.close()


def take_backup(store: Path, target: Path | None = None, reason: str = "handmatig") -> Path:
    """Write a verified copy of ``store`` to ``target`` (default: the backups folder beside it), atomically.

    A full disk, a read-only or missing folder or no access is named as such (StoreError); the store, and a file
    already at ``target``, stay as they were, and no half copy is left behind.
    """
    if not store.exists():
        raise StoreError(f"Er is geen database om te back-uppen op {store}.")
    store = store.absolute()
    if target is None:
        folder = backup_dir(store)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = folder / f"{store.stem}-{stamp}-{reason}.sqlite"
    target = target.resolve()
    partial = partial_name(target)
    failed = f"De back-up naar {target} is niet gemaakt; de database is niet veranderd."
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Made empty and 0600 first: VACUUM INTO fills it, and it is never readable by others, not even half written.
        create_private(partial)
    except OSError as exc:
        raise_for_environment(exc, partial, store, outcome=failed)
        raise
    try:
        source = sqlite3.connect(str(store), isolation_level=None)  # a plain file name: no URI to misread
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise_for_environment(exc, store, outcome=failed)
        raise StoreError(f"De back-up naar {target} is mislukt: {exc}") from exc
    try:
        source.execute("PRAGMA busy_timeout=10000")
        _bounded(source, BACKUP_TIMEOUT_S)
        source.execute("VACUUM INTO ?", (str(partial),))
        before = {
            t: source.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for (t,) in source.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE "
                "'CREATE VIRTUAL%' AND name NOT LIKE '%_fts%'"
            )
        }
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise_for_environment(exc, partial, store, outcome=failed)
        raise StoreError(f"De back-up naar {target} is mislukt: {exc}") from exc
    finally:
        source.close()
    try:
        after = verify(partial)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if after != before:
        partial.unlink(missing_ok=True)
        raise StoreError(f"De back-up naar {target} klopt niet met de database; er is niets overschreven.")
    _private(partial)
    try:
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise_for_environment(exc, target, outcome=failed)
        raise
    if target.parent == backup_dir(store).resolve():
        # Only the program's own folder is thinned, and only files it named itself: a backup the user asked for
        # elsewhere, and anything else in that folder, is left alone.
        _rotate(target.parent, store.stem)
    return target


_OWN_NAME = re.compile(r"-(\d{8})-(\d{6})-(\d{6})-[\w-]+\.sqlite")

# Kept (as Zotero and Anki do): the newest backup of each of the last 7 days, 4 weeks and 12 months that have one,
# and always the newest few whatever their age (a day with several bulk changes keeps them all).
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY, KEEP_NEWEST = 7, 4, 12, 5


def _taken(path: Path, stem: str) -> datetime | None:
    match = _OWN_NAME.fullmatch(path.name[len(stem) :])
    if match is None:
        return None
    return datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S%f")


def backups_to_keep(taken: list[datetime]) -> set[datetime]:
    """Which of these backup times the rotation keeps (grandfather-father-son)."""
    newest_first = sorted(taken, reverse=True)
    keep = set(newest_first[:KEEP_NEWEST])
    for period, count in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for t in newest_first:
            key = period(t)
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                keep.add(t)  # the newest of its day, week or month
    return keep


def _rotate(folder: Path, stem: str) -> None:
    own = {p: t for p in folder.glob(f"{glob_escape(stem)}-*.sqlite") if (t := _taken(p, stem)) is not None}
    keep = backups_to_keep(list(own.values()))
    for path, taken in own.items():
        if taken not in keep:
            path.unlink(missing_ok=True)


def thin_before(store: Path, cutoff: datetime) -> int:
    """Delete the program's own backups of ``store`` taken before ``cutoff``; returns how many."""
    folder = backup_dir(store)
    if not folder.is_dir():
        return 0
    gone = 0
    for path in folder.glob(f"{glob_escape(store.stem)}-*.sqlite"):
        taken = _taken(path, store.stem)
        if taken is not None and taken < cutoff:
            path.unlink(missing_ok=True)
            gone += 1
    return gone


def list_backups(store: Path) -> list[BackupInfo]:
    folder = backup_dir(store)
    if not folder.is_dir():
        return []
    items = [
        BackupInfo(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)
        for p in folder.glob(f"{glob_escape(store.stem)}-*.sqlite")
    ]
    return sorted(items, key=lambda b: b.taken_at, reverse=True)


def restore(store: Path, backup: Path) -> Path | None:
    """Put ``backup`` in place of ``store`` after verifying it; the current store is kept aside first.

    Refused while another running Makelaar holds the store's lock (its later saves would vanish). The store is
    replaced in one step (``os.replace``) after its journal was copied into it and removed: a restore killed at any
    moment leaves the store as it was before or as the backup, never a mix; the copy it was making is removed at the
    next start (:func:`clean_leftovers`).

    Returns the path where the replaced store was kept (None if there was none).
    """
    store = store.absolute()
    refuse_while_open_elsewhere(store, "teruggezet")
    verify(backup)
    from makelaar.storage import schema_check

    schema_check.check_backup(backup)  # a planted trigger or spy table, or a missing table: refused
    kept: Path | None = None
    if store.exists():
        kept = take_backup(store, reason="voor-terugzetten")
    failed = f"De back-up {backup} is niet teruggezet; de database is niet veranderd."
    partial = restoring_name(store)
    try:
        create_private(partial)  # 0600 from the start (see take_backup)
    except OSError as exc:
        raise_for_environment(exc, partial, outcome=failed)
        raise
    try:
        src = sqlite3.connect(sqlite_uri(backup, "ro"), uri=True)
        try:
            _bounded(src, BACKUP_TIMEOUT_S)
            src.execute("VACUUM INTO ?", (str(partial),))
        except sqlite3.Error as exc:
            raise_for_environment(exc, partial, backup, outcome=failed)
            raise StoreError(f"De back-up {backup} kon niet worden teruggezet: {exc}") from exc
        finally:
            src.close()
        verify(partial)
        _private(partial)
        _empty_journal(store)
        os.replace(partial, store)
    except OSError as exc:
        raise_for_environment(exc, store, outcome=failed)
        raise
    finally:
        partial.unlink(missing_ok=True)  # no copy of residents' data left behind
    return kept


def _empty_journal(store: Path) -> None:
    """Copy the store's write-ahead journal into it and remove it, so the store file alone is its whole current
    state: a journal left beside the file put in its place would be applied to that file and damage it, and one
    removed unapplied would lose the last saves."""
    if not store.exists():
        for suffix in ("-wal", "-shm"):
            Path(str(store) + suffix).unlink(missing_ok=True)
        return
    wal = Path(str(store) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        try:
            conn = sqlite3.connect(str(store), isolation_level=None)
            try:
                conn.execute("PRAGMA busy_timeout=10000")
                busy, _frames, _copied = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise_for_environment(exc, store, outcome="Er is niets teruggezet.")
            raise StoreError(f"De database {store} kon niet worden afgesloten voor het terugzetten: {exc}") from exc
        if busy or (wal.exists() and wal.stat().st_size > 0):
            raise StoreError(
                f"De database {store} is nog in gebruik door een ander programma; er is niets teruggezet. Sluit "
                "dat programma en probeer het opnieuw."
            )
    for suffix in ("-wal", "-shm"):
        Path(str(store) + suffix).unlink(missing_ok=True)
