"""Long work runs off the GUI thread: results and errors come back, and Cancel reaches the work."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from makelaar.domain.errors import KnownError
from makelaar.ui.tasks import run_cancellable, run_with_progress


def test_result_and_error_come_back(qtbot: QtBot) -> None:
    assert run_with_progress(None, "Bezig", lambda: threading.current_thread() is threading.main_thread()) is False

    def fail() -> None:
        raise KnownError("De schijf is vol")

    with pytest.raises(KnownError, match="schijf is vol"):
        run_with_progress(None, "Bezig", fail)


def test_cancel_reaches_the_work(qtbot: QtBot) -> None:
    gate = threading.Event()
    reported: list[tuple[int, int]] = []

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> str:
        progress(1, 10)
        reported.append((1, 10))
        gate.wait(60)  # the test opens the gate once Cancel is pressed
        return "gestopt" if cancelled() else "af"

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        assert dialogs
        button = dialogs[0].findChild(QPushButton)
        assert button is not None and button.text() == "Annuleren"
        button.click()  # as the broker does
        gate.set()

    # Press Cancel as soon as the progress dialog shows, from the GUI thread's event loop.
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        if any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()):
            timer.stop()
            press_cancel()

    timer.timeout.connect(poll)
    timer.start()
    result, cancelled = run_cancellable(None, "Suggesties zoeken", work)
    assert (result, cancelled) == ("gestopt", True)
    assert reported == [(1, 10)]
