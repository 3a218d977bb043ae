"""What every view needs: the open store and the UI settings. Passed in, never a global registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget
from sqlalchemy.orm import Session

from makelaar.storage.store import Store
from makelaar.ui.operations import ChangeNotifier, run_op
from makelaar.ui.settings import UiSettings

T = TypeVar("T")


@dataclass
class AppContext:
    store: Store
    settings: UiSettings
    # What the actions changed (makelaar.ui.operations): views subscribe to refresh themselves.
    changes: ChangeNotifier = field(default_factory=ChangeNotifier)

    @property
    def author(self) -> str | None:
        return self.settings.broker_name or None

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run one read-only action in its own session."""
        with self.store.begin() as s:
            return fn(s)

    def act(self, parent: QWidget | None, fn: Callable[[Session], T]) -> T | None:
        """Run one user action in its own transaction; a known error is shown and None returned (the runner)."""

        def work() -> T:
            with self.store.begin() as s:
                return fn(s)

        return run_op(parent, self, work, changes=lambda _r: None)


class Confirm:
    """Yes/no questions, as a class tests can monkeypatch (no test blocks on exec())."""

    @staticmethod
    def ask(parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes


class TextPrompt:
    """Ask for one line of text (a class tests can monkeypatch)."""

    @staticmethod
    def ask(parent: QWidget | None, title: str, prompt: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, prompt, QLineEdit.EchoMode.Normal, text)
        return value if ok else None


class UnsavedPrompt:
    """'Save your changes?' with Save, Discard and Cancel; returns 'save', 'discard' or 'cancel'."""

    @staticmethod
    def ask(parent: QWidget | None, what: str) -> str:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("UnsavedPrompt", "Niet opgeslagen wijzigingen"))
        box.setText(
            QCoreApplication.translate(
                "UnsavedPrompt", "%1 heeft wijzigingen die nog niet zijn opgeslagen. Wil je ze opslaan?"
            ).replace("%1", what)
        )
        save = box.addButton(QCoreApplication.translate("UnsavedPrompt", "Opslaan"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(
            QCoreApplication.translate("UnsavedPrompt", "Niet opslaan"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(QCoreApplication.translate("UnsavedPrompt", "Annuleren"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return "save"
        if clicked is discard:
            return "discard"
        return "cancel"
