"""Small building blocks for forms: labelled rows, check lists, dates, inline field errors."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.formatting import format_euro, parse_euro
from makelaar.domain.records import AreaInfo, Term

DATE_FORMAT = "dd-MM-yyyy"
ERROR_STYLE = "border: 2px solid #b00020;"


W = TypeVar("W", bound=QWidget)


def add_row(form: QFormLayout, label: str, widget: W, *, hint: str = "") -> W:
    """Add a labelled row; the label names the widget for screen readers and is its keyboard buddy."""
    text = label.replace("&", "")
    lab = QLabel(label)
    lab.setBuddy(widget)
    widget.setAccessibleName(text.rstrip(":"))
    if hint:
        widget.setAccessibleDescription(hint)
        widget.setToolTip(hint)
    form.addRow(lab, widget)
    return widget


def date_edit(value: date | None = None, *, allow_empty: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    if allow_empty:
        # The minimum date stands for "no date" and shows as an empty field.
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setSpecialValueText(" ")
    set_date(edit, value)
    return edit


def set_date(edit: QDateEdit, value: date | None) -> None:
    if value is None:
        edit.setDate(edit.minimumDate() if edit.specialValueText() else QDate.currentDate())
    else:
        edit.setDate(QDate(value.year, value.month, value.day))


def get_date(edit: QDateEdit) -> date | None:
    if edit.specialValueText() and edit.date() == edit.minimumDate():
        return None
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, str | None]], current: str | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    for text, data in items:
        combo.addItem(text, data)
    index = combo.findData(current)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def area_items(
    areas: Sequence[AreaInfo], *, empty: str | None = None, keep: Iterable[str | None] = ()
) -> list[tuple[str, str | None]]:
    """Choices for an area field: the areas in use, plus a retired one only where a record still has it (``keep``),
    so saving that record does not lose it."""
    kept = set(keep)
    items: list[tuple[str, str | None]] = [(empty, None)] if empty is not None else []
    for a in areas:
        if a.retired and a.id not in kept:
            continue
        indent = "    " if a.kind == "buurt" else ""
        note = f" ({QCoreApplication.translate('CheckList', 'niet meer in gebruik')})" if a.retired else ""
        items.append((indent + a.name + note, a.id))
    return items


class CheckList(QListWidget):
    """A list of vocabulary terms to tick (Space toggles the current one). A retired term stays when ticked.

    Signals:
        selection_changed(): a term was ticked or unticked.
    """

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.itemChanged.connect(lambda _item: self.selection_changed.emit())
        self.setMinimumHeight(90)

    def set_terms(self, terms: Sequence[Term], selected: Iterable[str] = (), retired: Sequence[Term] = ()) -> None:
        chosen = set(selected)
        self.blockSignals(True)
        self.clear()
        shown = list(terms) + [t for t in retired if t.id in chosen and t not in terms]
        retired_note = self.tr("niet meer in gebruik")
        for term in shown:
            text = term.name if not term.retired else f"{term.name} ({retired_note})"
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if term.id in chosen else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        if self.count():
            self.setCurrentRow(0)

    def selected_ids(self) -> list[str]:
        return [
            str(self.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, term_id: str, checked: bool = True) -> None:
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == term_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class FieldErrors:
    """Shows validation messages next to the fields they belong to, and clears them again.

    Messages come from a save that was refused (``show``) or from checking one field when the cursor leaves it
    (``mark``/``unmark``, see ``check_on_leave``); the summary under the form lists them all.
    """

    def __init__(self, summary: QLabel) -> None:
        self._summary = summary
        self._fields: dict[str, QWidget] = {}
        self._messages: dict[QWidget, str] = {}
        self._loose: list[str] = []  # messages of a refused save that belong to no visible field
        summary.setWordWrap(True)
        summary.setStyleSheet("color: #b00020;")
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary.hide()

    def register(self, field: str, widget: QWidget) -> None:
        self._fields[field] = widget

    def mark(self, widget: QWidget, message: str) -> None:
        widget.setStyleSheet(ERROR_STYLE)
        widget.setToolTip(message)
        self._messages[widget] = message
        self._refresh()

    def unmark(self, widget: QWidget) -> None:
        if self._messages.pop(widget, None) is not None:
            widget.setStyleSheet("")
            widget.setToolTip(widget.accessibleDescription())
        self._refresh()

    def clear(self) -> None:
        for w in list(self._messages):
            w.setStyleSheet("")
            w.setToolTip(w.accessibleDescription())
        self._messages.clear()
        self._loose.clear()
        self._refresh()

    def show(self, error: ValidationError) -> QWidget | None:
        """Mark every field with a problem; return the first one, to put the cursor there."""
        self.clear()
        first: QWidget | None = None
        for e in error.errors:
            widget = self._fields.get(e.field)
            if widget is None:
                self._loose.append(e.message)
                continue
            if widget in self._messages:
                self._loose.append(e.message)  # a second problem in the same widget (a table of contacts)
            else:
                self.mark(widget, e.message)
            first = first or widget
        self._refresh()
        return first

    def _refresh(self) -> None:
        lines = list(dict.fromkeys([*self._messages.values(), *self._loose]))
        self._summary.setText("\n".join(lines))
        self._summary.setAccessibleName(self._summary.text())
        self._summary.setVisible(bool(lines))

    def message_for(self, widget: QWidget) -> str:
        return self._messages.get(widget, "")


def clean_amount(text: str) -> str | None:
    """An amount as typed, written the Dutch way (1250 -> € 1.250,00); ValueError with a message if it is none."""
    amount = parse_euro(text)
    return format_euro(amount) if amount is not None else None


def amount_problem(field: str, edit: QLineEdit) -> list[FieldError]:
    """A FieldError when the text of an amount field cannot be read as an amount."""
    try:
        parse_euro(edit.text())
    except ValueError as exc:
        return [FieldError(field, str(exc))]
    return []


def check_on_leave(errors: FieldErrors, widget: QLineEdit, clean: Callable[[str], str | None]) -> None:
    """Check a field when the cursor leaves it: mark it with the Dutch message, or write it the standard way
    (1234ab becomes 1234 AB)."""

    def run() -> None:
        text = widget.text()
        try:
            value = clean(text)
        except ValueError as exc:
            errors.mark(widget, str(exc))
            return
        errors.unmark(widget)
        if value is not None and value != text:
            widget.setText(value)

    widget.editingFinished.connect(run)
