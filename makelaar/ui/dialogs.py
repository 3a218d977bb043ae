"""Small dialogs every part of the window uses (file choice, a notice, the question before replacing a file), as
classes tests can monkeypatch. They live here, not in main_window, so the dialogs that need them do not import the
window that imports them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class FileChooser:
    """File dialogs, as a class tests can monkeypatch."""

    @staticmethod
    def open(parent: QWidget, title: str, folder: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        return path or None

    @staticmethod
    def save(parent: QWidget, title: str, folder: str, filters: str) -> str | None:
        # Replacing an existing file is asked by OverwriteQuestion, the same way for every output.
        path, _ = QFileDialog.getSaveFileName(
            parent, title, folder, filters, options=QFileDialog.Option.DontConfirmOverwrite
        )
        return path or None


class Notice:
    """An information message (monkeypatched in tests)."""

    @staticmethod
    def show(parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)


class OverwriteQuestion:
    """Before an output replaces an existing file: asked, with No as the default (Enter keeps the old file)."""

    @staticmethod
    def ask(parent: QWidget | None, path: Path) -> bool:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Dialogs", "Bestand bestaat al"),
            QCoreApplication.translate(
                "Dialogs", "%1 bestaat al. Vervangen? Het bestaande bestand gaat dan verloren."
            ).replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def may_write(parent: QWidget | None, path: Path) -> bool | None:
    """Whether ``path`` may be replaced: False when there is nothing to replace, True when the broker said yes,
    None when they said no (write nothing)."""
    if not (path.exists() or path.is_symlink()):
        return False
    return True if OverwriteQuestion.ask(parent, path) else None
