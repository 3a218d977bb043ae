"""One program per store, also for what replaces the store file: a restore (or setting a damaged store aside)
while another running Makelaar holds the store's lock is refused, whether a window (Qt's QLockFile) or a command
(storage.lock.ProgramLock) holds it; the lock a killed program left does not count. A real second process holds
the lock in each test (lock_child.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from makelaar import cli
from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.storage import backup, startup
from makelaar.storage.lock import ProgramLock, holder_elsewhere, lock_path
from makelaar.storage.store import Store
from tests.conftest import sqlite_url_for
from tests.storage.faultenv import REPO, child, titles

CHILD = Path(__file__).with_name("lock_child.py")
WAIT_S = 60  # a bound on each wait for the child, not a timing assertion


@contextmanager
def holder(kind: str, store: Path) -> Iterator[subprocess.Popen[str]]:
    """A second process that holds the lock of ``store`` until the block ends (or the test kills it)."""
    with child(CHILD, kind, str(store)) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            assert proc.stdout.readline().strip() == "held"
            yield proc
        finally:
            if proc.poll() is None:
                proc.stdin.close()
            proc.wait(timeout=WAIT_S)


def _with_backup(store: Store) -> tuple[Path, Path]:
    """The store with one idea in a backup and a second one saved after it."""
    assert store.path is not None
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="In de back-up"))
    taken = backup.take_backup(store.path)
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Daarna ingevoerd"))
    store.close()
    return store.path, taken


@pytest.mark.parametrize("kind", ["qt", "plain"])
def test_a_restore_while_another_makelaar_holds_the_store_is_refused(store: Store, kind: str) -> None:
    path, taken = _with_backup(store)
    with holder(kind, path) as proc:
        assert holder_elsewhere(path) == proc.pid
        with pytest.raises(StoreError, match="Makelaar is nog geopend op deze computer") as caught:
            backup.restore(path, taken)
        assert str(path) in str(caught.value) and "niets teruggezet" in str(caught.value)
        with pytest.raises(StoreError, match="nog geopend"):
            startup.set_aside(path)
        assert titles(path) == ["Daarna ingevoerd", "In de back-up"]  # nothing replaced
        assert [p.name for p in path.parent.iterdir() if p.name.endswith((".restoring", ".partial"))] == []
    assert holder_elsewhere(path) is None  # closed: the restore goes ahead
    backup.restore(path, taken)
    assert titles(path) == ["In de back-up"]


def test_the_command_line_restore_refuses_while_a_window_is_open(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    path, taken = _with_backup(store)
    with holder("qt", path):
        code = cli.main(["--database", sqlite_url_for(path), "db", "restore", str(taken)])
    assert code == 2
    assert "Makelaar is geopend met deze database" in capsys.readouterr().err
    assert titles(path) == ["Daarna ingevoerd", "In de back-up"]


@pytest.mark.parametrize("kind", ["qt", "plain"])
def test_the_lock_of_a_killed_program_does_not_count(store: Store, kind: str) -> None:
    path, taken = _with_backup(store)
    with holder(kind, path) as proc:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=WAIT_S)
        assert lock_path(path).exists()  # left behind, as after a crash
        assert holder_elsewhere(path) is None
        backup.restore(path, taken)
    assert titles(path) == ["In de back-up"]
    with ProgramLock.take(path):  # and a command may take it over
        assert holder_elsewhere(path) is None  # this process's own


def test_this_programs_own_lock_lets_its_window_restore(store: Store) -> None:
    path, taken = _with_backup(store)
    own = QLockFile(str(lock_path(path)))
    own.setStaleLockTime(0)
    assert own.tryLock(0)
    try:
        assert holder_elsewhere(path) is None
        backup.restore(path, taken)
    finally:
        own.unlock()
    assert titles(path) == ["In de back-up"]


def test_a_window_and_a_command_respect_each_others_lock(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    with holder("plain", path) as proc:
        window = QLockFile(str(lock_path(path)))
        window.setStaleLockTime(0)
        assert not window.tryLock(0)
        assert window.error() == QLockFile.LockError.LockFailedError  # held by a running program, not stale
        with pytest.raises(StoreError, match="nog geopend"):
            ProgramLock.take(path)
        assert holder_elsewhere(path) == proc.pid
    with holder("qt", path), pytest.raises(StoreError, match="nog geopend"):
        ProgramLock.take(path)
    with ProgramLock.take(path):
        assert_refused("qt", path)  # a window
        assert_refused("plain", path)  # another command
    assert not lock_path(path).exists()


def assert_refused(kind: str, store: Path) -> None:
    """A second process cannot take the lock of ``store``."""
    done = subprocess.run(
        [sys.executable, str(CHILD), kind, str(store)],
        input="",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=WAIT_S,
        check=False,
    )
    assert done.stdout.strip() == "refused", done.stderr


def test_no_window_opens_the_store_while_the_command_line_restores_it(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, taken = _with_backup(store)
    restore = backup.restore
    tried: list[bool] = []

    def restore_while_a_window_starts(target: Path, source: Path) -> Path | None:
        assert_refused("qt", target)  # a window started now is told the store is in use
        tried.append(True)
        return restore(target, source)

    monkeypatch.setattr(backup, "restore", restore_while_a_window_starts)
    assert cli.main(["--database", sqlite_url_for(path), "db", "restore", str(taken)]) == 0
    assert tried == [True]
    assert not lock_path(path).exists()  # let go afterwards
    assert titles(path) == ["In de back-up"]
    capsys.readouterr()
