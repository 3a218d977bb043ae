"""The behaviour every record editor shares: Save (Ctrl+S, Enter), Esc to close, inline errors, unsaved prompt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from makelaar.domain.errors import FieldError, KnownError, ValidationError
from makelaar.ui.context import AppContext, UnsavedPrompt
from makelaar.ui.errors import show_error
from makelaar.ui.widgets import FieldErrors
from makelaar.ui.window_size import remember_size


class RecordEditor(QDialog):
    """Base for the idea and organisation editors.

    Subclasses build their fields into ``self.body``, implement ``collect()`` (the record as typed) and
    ``store(session, data)`` (save it, return the saved record), and ``load(record)``.

    Signals:
        saved(str): the record was saved; the argument is its id.
    """

    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_id: str | None = None
        self._snapshot: Any = None
        self.header = QLabel()
        self.header.setObjectName("pageTitle")
        self.header.setAccessibleName(self.tr("Kop"))
        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label)
        self.body = QVBoxLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Opslaan"))
        save.setDefault(True)
        save.setToolTip(self.tr("Opslaan (Ctrl+S of Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Sluiten"))
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        remember_size(self, ctx.settings, type(self).__name__, 820, 640)

    # -- to implement -------------------------------------------------------------------------------------------

    def collect(self) -> Any:
        raise NotImplementedError

    def store(self, session: Any, data: Any) -> Any:
        raise NotImplementedError

    def load(self, record: Any) -> None:
        raise NotImplementedError

    def what(self) -> str:
        """How the prompt names this record ("Idee I-2026-0001")."""
        return self.windowTitle()

    # -- shared behaviour ---------------------------------------------------------------------------------------

    def mark_clean(self) -> None:
        self._snapshot = self.collect()

    def is_dirty(self) -> bool:
        return self.collect() != self._snapshot or self.pending_input()

    def pending_input(self) -> bool:
        """Typed text that is not part of the record yet (a note not yet added) but must not be lost silently."""
        return False

    @Slot()
    def save(self) -> bool:
        """Save what is on screen. On a problem nothing on screen is lost and the fields say what is wrong."""
        # A cell still being edited (a contact's name) is committed by taking the focus away from its editor.
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()
        data = self.collect()
        try:
            problems = self.input_problems()
            if problems:
                raise ValidationError(problems)
            with self.ctx.store.begin() as s:
                record = self.store(s, data)
        except ValidationError as exc:
            self.prepare_errors(exc)
            first = self.errors.show(exc)
            if first is not None:
                self.reveal(first)
                first.setFocus()
            return False
        except KnownError as exc:
            show_error(self, exc)
            return False
        self.errors.clear()
        self.record_id = record.id
        self.load(record)
        self.mark_clean()
        self.saved.emit(record.id)
        return True

    def input_problems(self) -> list[FieldError]:
        """Problems found before anything goes to the store: text that cannot be read as what the field holds."""
        return []

    def prepare_errors(self, error: ValidationError) -> None:
        """Register widgets for fields that only exist while shown (subclasses with sub-records override)."""

    def reveal(self, widget: QWidget) -> None:
        """Make the tab holding ``widget`` current, so the field with the problem is in view."""
        tabs = getattr(self, "tabs", None)
        if not isinstance(tabs, QTabWidget):
            return
        for i in range(tabs.count()):
            page = tabs.widget(i)
            if page is not None and (page is widget or page.isAncestorOf(widget)):
                tabs.setCurrentIndex(i)
                return

    def saved_for_printing(self, not_saved: str) -> str | None:
        """Printing shows the record as saved: ask about unsaved changes first. The record's id, or None (with
        ``not_saved`` shown when there is nothing saved to print)."""
        if self.is_dirty():
            answer = UnsavedPrompt.ask(self, self.what())
            if answer == "cancel" or (answer == "save" and not self.save()):
                return None
        if self.record_id is None:
            show_error(self, KnownError(not_saved))
        return self.record_id

    @Slot()
    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        if self.is_dirty():
            answer = UnsavedPrompt.ask(self, self.what())
            if answer == "cancel":
                return
            if answer == "save" and not self.save():
                return
        # Closing the window (title bar, Alt+F4) comes here too, through QDialog.closeEvent.
        super().reject()
