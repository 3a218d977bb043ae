"""The counts in the navigation at start: read beside the window, never holding it up, never overwriting newer ones."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.ui import main_window
from makelaar.ui.context import AppContext
from makelaar.ui.main_window import COUNT_ROLE, MainWindow


def count_of(window: MainWindow, name: str) -> Any:
    for i in range(window.nav.count()):
        item = window.nav.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == name:
            return item.data(COUNT_ROLE)
    raise AssertionError(name)


def test_the_counts_are_read_beside_the_window_and_shown_when_in(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    counted_in: list[threading.Thread] = []
    real = main_window.navigation_counts

    def counting(s: Session) -> dict[str, int]:
        counted_in.append(threading.current_thread())
        return real(s)

    monkeypatch.setattr(main_window, "navigation_counts", counting)
    gave_way: list[threading.Thread] = []
    monkeypatch.setattr(main_window, "give_way", lambda: gave_way.append(threading.current_thread()) or True)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert gave_way == []  # not even asked for while the window is built: its thread would compete with the building
    qtbot.waitUntil(lambda: count_of(window, "ideas") == 2)
    assert count_of(window, "organisations") == 2
    assert counted_in and threading.main_thread() not in counted_in  # the window never waited for them
    assert gave_way == counted_in  # and the thread they were counted in gave way to it


def test_a_count_that_fails_beside_the_window_is_done_again_in_it(
    qtbot: QtBot,
    ctx: AppContext,
    sample: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    real = main_window.navigation_counts

    def failing_beside(s: Session) -> dict[str, int]:
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError("de verbinding viel weg")
        return real(s)

    monkeypatch.setattr(main_window, "navigation_counts", failing_beside)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: count_of(window, "ideas") == 2)
    assert "de verbinding viel weg" in caplog.text


def test_counts_read_at_start_never_overwrite_newer_ones(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = main_window.navigation_counts
    release = threading.Event()
    counted = threading.Event()

    def slow_at_start(s: Session) -> dict[str, int]:
        counts = real(s)
        if threading.current_thread() is not threading.main_thread():
            counted.set()
            release.wait(timeout=30)
        return counts

    monkeypatch.setattr(main_window, "navigation_counts", slow_at_start)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(counted.is_set)  # the start's count (two open ideas) is read, not yet handed over
    waiting = len(window.findChildren(QTimer))
    ctx.act(window, lambda s: ideas.save_idea(s, IdeaData(title="Speeltuin opknappen", description="Met de buurt.")))
    window.update_counts()  # after a save, as the editor's Opslaan does
    assert count_of(window, "ideas") == 3
    release.set()
    qtbot.waitUntil(lambda: len(window.findChildren(QTimer)) < waiting)  # the start's answer has been looked at
    assert count_of(window, "ideas") == 3
