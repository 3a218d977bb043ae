"""The start of the program: no garbage collection on the way to the window, collecting on again once it is up."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from makelaar import app
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.storage.store import open_store
from makelaar.ui import errors, main_window, settings, startup


@pytest.fixture
def collector_restored() -> Iterator[None]:
    yield
    gc.enable()
    gc.unfreeze()


@pytest.fixture(autouse=True)
def own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The program's settings in the test's own file, and no exception hook of its own in the test process."""
    made = settings.UiSettings
    ini = str(tmp_path / "ui.ini")
    monkeypatch.setattr(settings, "UiSettings", lambda: made(QSettings(ini, QSettings.Format.IniFormat)))
    monkeypatch.setattr(errors, "install_excepthook", lambda: None)


@pytest.fixture
def one_idea(tmp_path: Path) -> Path:
    path = tmp_path / "makelaar.sqlite"
    store = open_store(f"sqlite:///{path}")
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin", description="Groente voor de buurt."))
    store.close()
    return path


def test_the_collector_waits_until_the_window_is_up(
    qapp: QApplication, one_idea: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    seen: dict[str, bool] = {}
    built = main_window.MainWindow.__init__

    def building(window: main_window.MainWindow, ctx: object) -> None:
        seen["while building the window"] = gc.isenabled()
        built(window, ctx)  # type: ignore[arg-type]

    def event_loop(_app: QApplication) -> int:
        seen["once the window is up"] = gc.isenabled()
        return 0

    monkeypatch.setattr(main_window.MainWindow, "__init__", building)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert app.run_gui(f"sqlite:///{one_idea}") == 0
    assert seen == {"while building the window": False, "once the window is up": True}
    assert gc.isenabled()


def test_the_collector_is_on_again_when_the_start_ends_early(
    qapp: QApplication, one_idea: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    told: list[str] = []
    monkeypatch.setattr(startup.StartupPrompts, "inform", staticmethod(lambda _parent, text: told.append(text)))
    held = startup.QLockFile(str(one_idea) + ".lock")
    assert held.tryLock(0)  # another program has the store open
    try:
        assert app.run_gui(f"sqlite:///{one_idea}") == 2
    finally:
        held.unlock()
    assert "al geopend" in told[0]
    assert gc.isenabled()
