"""What the environment does to the store is named as such, with the path, and never as damage ("beschadigd"):
no access, a read-only folder, file or disk, an immutable file, a missing folder, a full disk. In the start check,
in opening and saving (``Store.begin``), in backup and restore, and in writing a private file. Nothing is lost.

How each fault is made for real (also when the tests run as root) is in ``faultenv``.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup, startup
from makelaar.storage.faults import environment_message
from makelaar.storage.store import open_store
from tests.conftest import sqlite_url_for
from tests.storage.faultenv import immutable, open_folder, remount_read_only, run_unprivileged, tmpfs

__all__ = ["open_folder"]  # the fixture, used by name


def _named(error: StoreError, *words: str, path: Path) -> str:
    message = str(error)
    assert "beschadigd" not in message and "corrupt" not in message.lower(), message
    for word in words:
        assert word in message, message
    assert str(path) in message, message
    return message


def _store_in(folder: Path, sqlite_template: Path, *, ideas_saved: int = 1) -> Path:
    path = folder / "makelaar.sqlite"
    shutil.copy2(sqlite_template, path)
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        for n in range(ideas_saved):
            ideas.save_idea(s, IdeaData(title=f"Bankje {n}"))
    opened.close()
    return path


def _count(path: Path) -> int:
    opened = open_store(sqlite_url_for(path))
    try:
        with opened.begin() as s:
            return ideas.count_ideas(s, ListQuery())
    finally:
        opened.close()


def test_a_store_without_access_is_no_damaged_store_at_the_start_check(
    open_folder: Path, sqlite_template: Path
) -> None:
    path = _store_in(open_folder, sqlite_template)
    path.chmod(0o000)
    with pytest.raises(StoreError) as caught:
        run_unprivileged(lambda: startup.check_at_start(path))
    _named(caught.value, "geen toegang", path=path)
    path.chmod(0o600)
    assert startup.check_at_start(path).ok  # and it was not touched


def test_a_read_only_store_file_is_named_when_it_is_opened(open_folder: Path, sqlite_template: Path) -> None:
    path = _store_in(open_folder, sqlite_template)
    path.chmod(0o444)
    with pytest.raises(StoreError) as caught:
        run_unprivileged(lambda: open_store(sqlite_url_for(path)))
    _named(caught.value, "alleen-lezen", path=path)


def test_saving_into_a_read_only_folder_says_so_and_saves_nothing(open_folder: Path, sqlite_template: Path) -> None:
    path = _store_in(open_folder, sqlite_template)
    opened = open_store(sqlite_url_for(path))
    opened.engine.dispose()  # the next save opens the file anew, as after a while in a running program
    path.chmod(0o666)
    open_folder.chmod(0o555)

    def save() -> None:
        with opened.begin() as s:
            ideas.save_idea(s, IdeaData(title="Nieuw bankje"))

    with pytest.raises(StoreError) as caught:
        run_unprivileged(save)
    _named(caught.value, "alleen-lezen", "niet opgeslagen", path=open_folder)
    opened.close()
    open_folder.chmod(0o755)
    assert _count(path) == 1


def test_a_backup_into_a_read_only_folder_says_so_and_leaves_what_was_there(
    open_folder: Path, sqlite_template: Path
) -> None:
    path = _store_in(open_folder, sqlite_template)
    earlier = backup.take_backup(path)
    path.chmod(0o644)
    folder = backup.backup_dir(path)
    folder.chmod(0o555)
    with pytest.raises(StoreError) as caught:
        run_unprivileged(lambda: backup.take_backup(path))
    _named(caught.value, "alleen-lezen", "niet gemaakt", path=folder)
    folder.chmod(0o755)
    assert [b.path for b in backup.list_backups(path)] == [earlier]
    assert "ideas" in backup.verify(earlier)
    assert not list(folder.glob("*.partial"))


def test_a_backup_of_a_store_without_access_says_so(open_folder: Path, sqlite_template: Path) -> None:
    path = _store_in(open_folder, sqlite_template)
    elsewhere = open_folder / "kopie"
    elsewhere.mkdir(mode=0o777)
    elsewhere.chmod(0o777)
    path.chmod(0o000)
    with pytest.raises(StoreError) as caught:
        run_unprivileged(lambda: backup.take_backup(path, elsewhere / "kopie.sqlite"))
    _named(caught.value, "geen toegang", path=path)
    assert list(elsewhere.iterdir()) == []


def test_a_restore_into_a_read_only_folder_says_so_and_keeps_the_store(
    open_folder: Path, sqlite_template: Path
) -> None:
    path = _store_in(open_folder, sqlite_template, ideas_saved=2)
    taken = backup.take_backup(path)
    taken.chmod(0o644)
    path.chmod(0o666)
    backup.backup_dir(path).chmod(0o777)
    open_folder.chmod(0o555)
    with pytest.raises(StoreError) as caught:
        run_unprivileged(lambda: backup.restore(path, taken))
    _named(caught.value, "alleen-lezen", path=open_folder)
    open_folder.chmod(0o755)
    assert startup.check_at_start(path).ok
    assert _count(path) == 2


def test_a_missing_folder_is_named_not_called_damage(tmp_path: Path) -> None:
    gone = tmp_path / "losgekoppelde schijf" / "makelaar.sqlite"
    with pytest.raises(StoreError) as caught:
        backup.verify(gone)
    _named(caught.value, "bestaat niet", path=gone.parent)


def test_each_errno_and_sqlite_code_has_its_words(tmp_path: Path) -> None:
    target = tmp_path / "uit.csv"
    cases = [
        (OSError(errno.ENOSPC, "No space left on device", str(target)), "De schijf is vol"),
        (OSError(errno.EROFS, "Read-only file system", str(target)), "alleen-lezen"),
        (sqlite3.OperationalError("database or disk is full"), "De schijf is vol"),
        (sqlite3.OperationalError("disk I/O error"), "lees- of schrijffout"),
    ]
    for exc, words in cases:
        message = environment_message(exc, target)
        assert message is not None and words in message and str(tmp_path) in message, (exc, message)
    assert environment_message(sqlite3.DatabaseError("file is not a database"), target) is None
    assert environment_message(ValueError("iets anders"), target) is None


# --- real file systems: a read-only disk, an immutable file (a full disk: test_faults.py) -------------------------


def test_a_read_only_disk_is_named_at_open_and_never_called_damage(tmp_path: Path, sqlite_template: Path) -> None:
    with tmpfs(tmp_path / "cd", "4m") as disk:
        path = _store_in(disk, sqlite_template)
        remount_read_only(disk)
        try:
            answer = startup.check_at_start(path)
        except StoreError as exc:
            _named(exc, "alleen-lezen", path=disk)
        else:
            assert answer.ok, answer.problem  # readable as it is: sound
        with pytest.raises(StoreError) as caught:
            open_store(sqlite_url_for(path))
        _named(caught.value, "alleen-lezen", path=disk)
        with pytest.raises(StoreError) as caught:
            backup.take_backup(path)
        _named(caught.value, "alleen-lezen", path=disk)


def test_an_immutable_store_file_is_named_when_saving(open_folder: Path, sqlite_template: Path) -> None:
    path = _store_in(open_folder, sqlite_template)
    with immutable(path):
        opened = open_store(sqlite_url_for(path))  # readable as it is
        try:
            with pytest.raises(StoreError) as caught, opened.begin() as s:
                ideas.save_idea(s, IdeaData(title="Nieuw bankje"))
            _named(caught.value, "alleen-lezen", "niet opgeslagen", path=path)
        finally:
            opened.close()
    assert _count(path) == 1


@pytest.mark.postgres
def test_a_read_only_server_is_named_not_a_failure_of_the_program(pg_url: str) -> None:
    opened = open_store(pg_url)
    try:
        with pytest.raises(StoreError, match="alleen-lezen") as caught, opened.begin() as s:
            s.execute(text("SET TRANSACTION READ ONLY"))
            ideas.save_idea(s, IdeaData(title="Bankje"))
        assert "niet opgeslagen" in str(caught.value)
        with opened.begin() as s:
            assert ideas.count_ideas(s, ListQuery()) == 0
    finally:
        opened.close()
