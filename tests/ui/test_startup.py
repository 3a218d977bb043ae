"""Opening the store at start: one program per store, a damaged store is never written to or silently replaced."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSettings
from pytestqt.qtbot import QtBot

from makelaar import app
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.storage.store import open_store
from makelaar.ui import startup
from makelaar.ui.settings import UiSettings


class Said:
    def __init__(self) -> None:
        self.messages: list[str] = []
        self.questions: list[str] = []


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> Said:
    seen = Said()
    monkeypatch.setattr(startup.StartupPrompts, "inform", staticmethod(lambda _p, text: seen.messages.append(text)))
    monkeypatch.setattr(
        startup.StartupPrompts, "restore", staticmethod(lambda _p, text: seen.questions.append(text) or True)
    )
    return seen


def _store_with_an_idea(path: Path, title: str) -> None:
    made = open_store(f"sqlite:///{path}")
    with made.begin() as s:
        ideas.save_idea(s, IdeaData(title=title))
    with made.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the header's tail and the schema page
    path.write_bytes(bytes(data))


def test_a_second_program_on_the_same_store_is_refused(qtbot: QtBot, tmp_path: Path, said: Said) -> None:
    url = f"sqlite:///{tmp_path / 'makelaar.sqlite'}"
    first = startup.open_for_gui(url)
    assert first is not None
    try:
        assert startup.open_for_gui(url) is None
        assert "al geopend" in said.messages[0]
    finally:
        first.store.close()
        assert first.lock is not None
        first.lock.unlock()
    again = startup.open_for_gui(url)  # once the first has closed, the store opens again
    assert again is not None
    again.store.close()
    assert again.lock is not None
    again.lock.unlock()


def test_a_damaged_store_is_set_aside_for_the_newest_good_backup(qtbot: QtBot, tmp_path: Path, said: Said) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Bewaard in de back-up")
    backup.take_backup(path, reason="test")
    _damage(path)
    opened = startup.open_for_gui(f"sqlite:///{path}")
    assert opened is not None
    try:
        assert "beschadigd" in said.questions[0]
        with opened.store.begin() as s:
            assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Bewaard in de back-up"]
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()
    assert list(tmp_path.glob("makelaar-beschadigd-*.sqlite")), "the damaged store is kept aside"


def test_a_damaged_store_without_backup_is_left_untouched(qtbot: QtBot, tmp_path: Path, said: Said) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Kwijt?")
    _damage(path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert startup.open_for_gui(f"sqlite:///{path}") is None
    assert "geen goede back-up" in said.messages[0]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not lock_held(path)


def lock_held(path: Path) -> bool:
    probe = QLockFile(str(path) + ".lock")
    if probe.tryLock(0):
        probe.unlock()
        return False
    return True


def test_daily_backup_only_when_something_changed(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Eerste")
    store = open_store(f"sqlite:///{path}")
    try:
        first = store.daily_backup()
        assert first is not None
        assert store.daily_backup() is None  # the same day
        tomorrow = datetime.now() + timedelta(days=1)
        assert store.daily_backup(now=tomorrow) is None  # nothing changed since
        with store.begin() as s:
            ideas.save_idea(s, IdeaData(title="Tweede"))
        assert store.daily_backup(now=tomorrow) is not None
    finally:
        store.close()


def test_a_folder_that_cannot_be_written_is_named(
    qtbot: QtBot, tmp_path: Path, said: Said, monkeypatch: pytest.MonkeyPatch
) -> None:
    class ReadOnlyLock:
        """What QLockFile reports on a read-only or full disk (root cannot make one here)."""

        def __init__(self, _path: str) -> None: ...

        def setStaleLockTime(self, _ms: int) -> None: ...

        def tryLock(self, _ms: int) -> bool:
            return False

        def error(self) -> QLockFile.LockError:
            return QLockFile.LockError.PermissionError

        def isLocked(self) -> bool:
            return False

    monkeypatch.setattr(startup, "QLockFile", ReadOnlyLock)
    assert startup.open_for_gui(f"sqlite:///{tmp_path / 'makelaar.sqlite'}") is None
    assert "alleen-lezen" in said.messages[0]
    assert not (tmp_path / "makelaar.sqlite").exists()  # nothing was created


def test_the_windows_store_checkpoints_in_the_background(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Buurtmoestuin")
    store = open_store(f"sqlite:///{path}")
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))

    class NoEventLoop:  # the window is built and shown; the program's event loop is not run here
        def exec(self) -> int:
            return 0

    try:
        code = app._run_window(NoEventLoop(), startup.Opened(store=store, lock=None), settings, None, [])  # type: ignore[arg-type]
        assert code == 0
        assert store.checkpoints is not None  # a save in the window never waits for SQLite's checkpoint
    finally:
        store.close()
