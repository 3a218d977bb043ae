"""The integrity check started in the background (as the program starts it, before its windows are imported) decides
what happens at start exactly as the check run in place does; a store at the program's schema opens while it runs,
and writes nothing until it answered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup, migrate
from makelaar.storage import startup as checks
from makelaar.storage.engine import make_engine
from makelaar.storage.store import Store, open_store
from makelaar.ui import startup
from tests.storage.faultenv import open_folder

__all__ = ["open_folder"]  # the fixture, used by name


def _store_with_an_idea(path: Path, title: str) -> None:
    made = open_store(f"sqlite:///{path}")
    with made.begin() as s:
        ideas.save_idea(s, IdeaData(title=title))
    with made.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def test_a_sound_store_passes_the_background_check(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Heel")
    assert checks.start_check(path)().ok
    assert checks.start_check(tmp_path / "nog-niet.sqlite")().ok  # a first start: nothing to check yet


def test_a_damaged_store_found_by_the_background_check_is_restored(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    monkeypatch.setattr(
        startup.StartupPrompts, "restore", staticmethod(lambda _p, text: questions.append(text) or True)
    )
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Bewaard in de back-up")
    backup.take_backup(path, reason="test")
    _damage(path)
    pending = checks.start_check(path)
    opened = startup.open_for_gui(f"sqlite:///{path}", check=pending)
    assert opened is not None
    try:
        assert "beschadigd" in questions[0]
        with opened.store.begin() as s:
            assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Bewaard in de back-up"]
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()


def test_a_failing_background_check_is_raised_to_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_path: Path) -> checks.StartCheck:
        raise OSError("schijf weg")

    monkeypatch.setattr(checks, "check_at_start", broken)
    with pytest.raises(OSError, match="schijf weg"):
        checks.start_check(tmp_path / "makelaar.sqlite")()


class _Check:
    """A start check whose answer the test decides; records when it is asked (a real one runs in a thread)."""

    def __init__(self, answer: checks.StartCheck) -> None:
        self.answer = answer
        self.asked = 0
        self.finished = True

    def __call__(self) -> checks.StartCheck:
        self.asked += 1
        return self.answer

    def done(self) -> bool:
        return self.finished


DAMAGED = checks.StartCheck(ok=False, problem="*** in database main *** Page 7: btreeInitPage() returns error code 11")


def _titles(store: Store) -> list[str]:
    with store.begin() as s:
        return [r.title for r in ideas.list_ideas(s, ListQuery())]


def test_a_current_store_opens_while_its_check_runs_and_writes_wait_for_it(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Al bewaard")
    check = _Check(checks.StartCheck(ok=True))
    opened = startup.open_for_gui(f"sqlite:///{path}", check=check, while_checking=True)
    assert opened is not None
    try:
        assert check.asked == 0 and opened.store.held  # opened without waiting for the check
        assert _titles(opened.store) == ["Al bewaard"]  # reading does not wait either
        assert check.asked == 0
        with opened.store.begin() as s:
            ideas.save_idea(s, IdeaData(title="Na de controle"))  # the first write asks for the answer
        assert check.asked == 1
        assert sorted(_titles(opened.store)) == ["Al bewaard", "Na de controle"]
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()


def test_damage_found_while_the_store_is_open_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Al bewaard")
    before = path.read_bytes()
    opened = startup.open_for_gui(f"sqlite:///{path}", check=_Check(DAMAGED), while_checking=True)
    assert opened is not None
    try:
        with pytest.raises(StoreError, match=r"beschadigd.*niet bewaard"), opened.store.begin() as s:
            ideas.save_idea(s, IdeaData(title="Mag er niet in"))
        with pytest.raises(StoreError, match="beschadigd"):
            opened.store.backup_before("test")  # a backup of a damaged store is no backup
        with pytest.raises(StoreError, match="beschadigd"):
            opened.store.daily_backup()
        assert _titles(opened.store) == ["Al bewaard"]
        assert not backup.list_backups(path)
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()
    assert path.read_bytes() == before


def test_a_store_that_needs_an_upgrade_waits_for_its_check(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    cfg = migrate.alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        if conn.in_transaction():
            conn.commit()
    engine.dispose()
    check = _Check(checks.StartCheck(ok=True))
    opened = startup.open_for_gui(f"sqlite:///{path}", check=check, while_checking=True)
    assert opened is not None
    try:
        assert check.asked == 1 and not opened.store.held  # checked before the upgrade wrote anything
        assert migrate.current_revision(opened.store.engine) == migrate.head_revision()
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()


def test_the_window_hears_of_damage_found_after_it_opened(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Al bewaard")
    check = _Check(DAMAGED)
    check.finished = False
    opened = startup.open_for_gui(f"sqlite:///{path}", check=check, while_checking=True)
    assert opened is not None
    heard: list[checks.StartCheck] = []
    window = QWidget()
    qtbot.addWidget(window)
    try:
        watcher = startup.watch_check(window, check, opened.store, heard.append)  # type: ignore[arg-type]
        watcher.timeout.emit()  # a look while the check is still busy
        assert heard == [] and check.asked == 0 and watcher.isActive()
        check.finished = True
        qtbot.waitUntil(lambda: heard == [DAMAGED])
        assert not watcher.isActive()
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()


# The program itself, in a process of its own (it runs and ends the application's event loop, which the other tests
# share), with the check's answer, the restore question and the settings replaced as above.
_PROGRAM = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from makelaar import app
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import startup as checks
from makelaar.ui import errors, main_window, settings, startup

path, good, ini = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
asked = []
class Check:
    def __call__(self):
        asked.append(1)
        return checks.StartCheck(ok=False, problem="Page 7: btreeInitPage() returns error code 11", newest_good=good)
    def done(self):
        return True
checks.start_check = lambda _path: Check()
questions = []
startup.StartupPrompts.restore = staticmethod(lambda _p, text: questions.append(text) or True)
own_settings = settings.UiSettings
settings.UiSettings = lambda: own_settings(QSettings(ini, QSettings.Format.IniFormat))
errors.install_excepthook = lambda: None
shown = []
original_show = main_window.MainWindow.show
def show(window):
    original_show(window)
    with window.ctx.store.begin() as s:
        shown.append(sorted(r.title for r in ideas.list_ideas(s, ListQuery())))
    if len(shown) == 1:
        # Should the damage go unnoticed, the program would wait for its user: end it so the test can say so.
        QTimer.singleShot(20_000, QApplication.quit)
    if len(shown) == 2:
        QTimer.singleShot(0, QApplication.quit)
main_window.MainWindow.show = show
code = app.run_gui(f"sqlite:///{path}")
print(json.dumps({"code": code, "shown": shown, "questions": questions, "asked": len(asked)}))
"""


def test_the_program_offers_the_backup_when_damage_is_found_after_its_window_opened(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Bewaard in de back-up")
    good = backup.take_backup(path, reason="test")
    _store_with_an_idea(path, "Na de back-up")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(path), str(good), str(tmp_path / "ui.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # The first window opened while the check ran; the damage it found closed it and the backup was offered; the
    # second window shows the restored store.
    assert result["shown"] == [["Bewaard in de back-up", "Na de back-up"], ["Bewaard in de back-up"]]
    assert len(result["questions"]) == 1
    assert "beschadigd" in result["questions"][0] and good.name in result["questions"][0]
    assert result["asked"] == 1  # asked once, by the watcher; the start that followed used that answer
    assert result["code"] == 0
    assert list(tmp_path.glob("makelaar-beschadigd-*.sqlite"))  # the damaged one is kept aside


def test_a_store_without_access_is_named_at_start_not_offered_for_restore(
    qtbot: QtBot, open_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.storage.faultenv import run_unprivileged

    told: list[str] = []
    offered: list[str] = []
    monkeypatch.setattr(startup.StartupPrompts, "inform", staticmethod(lambda _p, text: told.append(text)))
    monkeypatch.setattr(startup.StartupPrompts, "restore", staticmethod(lambda _p, text: offered.append(text) or True))
    path = open_folder / "makelaar.sqlite"
    _store_with_an_idea(path, "Niet weg")
    backup.take_backup(path, reason="test")
    open_folder.chmod(0o777)  # the lock file can be made; the store itself cannot be read
    path.chmod(0o000)
    assert run_unprivileged(lambda: startup.open_for_gui(f"sqlite:///{path}")) is None
    assert offered == []  # no damage, so no backup put in its place
    assert len(told) == 1 and "geen toegang" in told[0] and str(path) in told[0] and "beschadigd" not in told[0]
    path.chmod(0o600)
    assert checks.check_at_start(path).ok
