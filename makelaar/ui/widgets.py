"""Small building blocks for forms: labelled rows, check lists, dates, inline field errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import TypeVar, cast

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QWidget,
)

from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.formatting import format_date, format_euro, parse_euro
from makelaar.domain.records import AreaInfo, Term
from makelaar.ui.icons import icon

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


_DATE_SEPARATORS = re.compile(r"[-./ ]+")


def read_date(text: str, today: date | None = None) -> date | None:
    """A date as a broker types it: 1-3-27, 01-03-2027, 1/3/2027, 1.3.27, 01032027, 2027-03-01, or 1-3 (this
    year); None for an empty text. ValueError with a Dutch message for anything else."""
    typed = text.strip()
    if not typed:
        return None
    parts = _DATE_SEPARATORS.split(typed)
    if len(parts) == 1 and typed.isdigit() and len(typed) in (6, 8):
        parts = [typed[:2], typed[2:4], typed[4:]]
    try:
        numbers = [int(p) for p in parts]
        if len(parts) == 3 and len(parts[0]) == 4:
            year, month, day = numbers
        elif len(parts) == 3:
            day, month, year = numbers
            if len(parts[2]) <= 2:
                year += 2000
            elif len(parts[2]) != 4:
                raise ValueError(typed)
        elif len(parts) == 2:
            day, month = numbers
            year = (today or date.today()).year
        else:
            raise ValueError(typed)
        return date(year, month, day)
    except ValueError:
        message = QCoreApplication.translate(
            "DateField", "'%1' is geen bestaande datum; schrijf dag-maand-jaar, zoals 28-11-2026."
        )
        raise ValueError(message.replace("%1", typed)) from None


class DateField(QWidget):
    """The one date field of the program: type 1-3-27, 01-03-2027 or 1-3, or pick a day from the calendar (the
    button, Alt+Down or F4). Leaving the field writes the date out in full (01-03-2027). An optional field left
    empty means no date; a required one left empty gets its last date back. Tab leaves the field, as from any
    text field.

    Signals:
        dateChanged(): the text of the field changed (typed, picked or set).
    """

    dateChanged = Signal()

    def __init__(self, value: date | None = None, *, allow_empty: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.allow_empty = allow_empty
        self._last: date = value or date.today()
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("dd-mm-jjjj"))
        self.line.setMaxLength(20)
        self.button = QToolButton()
        self.button.setIcon(icon("calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard opens the calendar with Alt+Down
        self.button.setToolTip(self.tr("Kalender (Alt+Omlaag)"))
        self.button.setAccessibleName(self.tr("Kalender openen"))
        self.button.clicked.connect(self.open_calendar)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Wide enough for 28-11-2026 and the button; a date field need not stretch across a form.
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00-00-00000") * 2 + 40)
        self.calendar: QCalendarWidget | None = None
        self.line.textChanged.connect(lambda _text: self.dateChanged.emit())
        self.line.editingFinished.connect(self._tidy)
        self.line.installEventFilter(self)
        self.set_value(value)

    def setAccessibleName(self, name: str) -> None:
        """The name belongs on the text field, which is what has the focus and what a screen reader reads."""
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:
        super().setAccessibleDescription(description)
        self.line.setAccessibleDescription(description)

    def value(self) -> date | None:
        """The date in the field; None when it is empty or cannot be read (``problem()`` says why)."""
        try:
            return read_date(self.line.text())
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        if value is None and not self.allow_empty:
            value = date.today()
        if value is not None:
            self._last = value
        self.line.setText(format_date(value) if value is not None else "")
        self._show_problem("")

    def problem(self) -> str:
        """What is wrong with the text typed, or an empty string."""
        try:
            found = read_date(self.line.text())
        except ValueError as exc:
            return str(exc)
        if found is None and not self.allow_empty:
            return self.tr("Vul een datum in, zoals 28-11-2026.")
        return ""

    def _show_problem(self, message: str) -> None:
        self.line.setStyleSheet(ERROR_STYLE if message else "")
        self.line.setToolTip(message or self.accessibleDescription())
        self.line.setAccessibleDescription(message or self.accessibleDescription())

    @Slot()
    def _tidy(self) -> None:
        """On leaving the field: write a readable date out in full, keep a required field filled, or say what is
        wrong (the text stays, so nothing typed is lost)."""
        try:
            found = read_date(self.line.text())
        except ValueError as exc:
            self._show_problem(str(exc))
            return
        if found is None and not self.allow_empty:
            found = self._last
        self.set_value(found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event)
            alt_down = key.key() == Qt.Key.Key_Down and key.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt_down or key.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)

    @Slot()
    def open_calendar(self) -> QCalendarWidget:
        """A month to pick from, at the date in the field or else at today."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(False)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.setAccessibleName(self.tr("Kalender"))
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        shown = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    @Slot(QDate)
    def _picked(self, day: QDate) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        if self.calendar is not None:
            self.calendar.hide()
        self.line.setFocus()


def date_edit(value: date | None = None, *, allow_empty: bool = False) -> DateField:
    return DateField(value, allow_empty=allow_empty)


def set_date(edit: DateField, value: date | None) -> None:
    edit.set_value(value)


def get_date(edit: DateField) -> date | None:
    return edit.value()


def date_problem(field: str, edit: DateField) -> list[FieldError]:
    """A FieldError when the text of a date field cannot be read as a date."""
    message = edit.problem()
    return [FieldError(field, message)] if message else []


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
        summary.setObjectName("errorText")
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
