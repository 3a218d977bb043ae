"""Work that takes longer than a moment runs off the GUI thread, with a progress dialog."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Worker(QObject):
    finished = Signal()

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # handed back to the GUI thread and raised there
            self.error = exc
        finally:
            self.finished.emit()


def run_with_progress(parent: QWidget | None, label: str, fn: Callable[[], T]) -> T:
    """Run ``fn`` in a worker thread while a progress dialog keeps the window alive; return or raise its result."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(label)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    return run_with_progress_dialog(dialog, fn)


def run_with_progress_dialog(dialog: QProgressDialog, fn: Callable[[], T]) -> T:
    worker = _Worker(fn)
    thread = QThread()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    loop = QEventLoop()
    worker.finished.connect(loop.quit)
    thread.start()
    if thread.isRunning():
        loop.exec()
    thread.quit()
    thread.wait()
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result


class _Progress(QObject):
    changed = Signal(int, int)


def run_cancellable(
    parent: QWidget | None,
    label: str,
    fn: Callable[[Callable[[int, int], None], Callable[[], bool]], T],
) -> tuple[T, bool]:
    """Run ``fn(progress, cancelled)`` in a worker thread with a progress bar and a Cancel button.

    ``fn`` reports ``progress(done, total)`` and stops early when ``cancelled()`` answers True; returns its result
    and whether the user cancelled.
    """
    stop = threading.Event()
    relay = _Progress()
    dialog = QProgressDialog(label, QCoreApplication.translate("Tasks", "Annuleren"), 0, 0, parent)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(stop.set)

    def show(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    relay.changed.connect(show)

    def work() -> tuple[T, bool]:
        # Whether the broker cancelled is read when the work ends: closing the progress dialog afterwards emits
        # its canceled signal too.
        return fn(relay.changed.emit, stop.is_set), stop.is_set()

    return run_with_progress_dialog(dialog, work)
