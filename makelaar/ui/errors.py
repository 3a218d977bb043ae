"""One place that shows errors (after Anki's show_exception): a known error gets its message, a bug an apology."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from makelaar.domain.errors import KnownError

log = logging.getLogger(__name__)


class ErrorDisplay:
    """Indirection so tests can see what would have been shown without a modal dialog blocking them."""

    @staticmethod
    def warn(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def critical(parent: QWidget | None, title: str, text: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setDetailedText(details)
        box.exec()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    if isinstance(exc, KnownError):
        ErrorDisplay.warn(parent, QCoreApplication.translate("Errors", "Dat lukte niet"), str(exc))
        return
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error:\n%s", details)
    ErrorDisplay.critical(
        parent,
        QCoreApplication.translate("Errors", "Er ging iets mis"),
        QCoreApplication.translate(
            "Errors",
            "Er ging iets mis in Makelaar. Wat al was opgeslagen, is bewaard. Probeer het nog eens; "
            "gebeurt het weer, geef dan de details hieronder door aan de beheerder.",
        ),
        details,
    )


def install_excepthook() -> None:
    """Route uncaught exceptions in slots to show_error instead of a silent message on stderr."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        show_error(None, exc)

    sys.excepthook = hook
