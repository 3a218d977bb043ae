"""The toolkit's floor for the GUI rows: the same SQL, and its rows in plain Qt widgets.

A widget on screen costs more than its query however it is written, so bench/run holds the GUI rows (and the cold
start) to 3x of what the plainest PySide6 program pays for the same step, shown as "bare Qt": the recorded SQL
replayed with sqlite3, and what it fetched shown in plain widgets of the same size — for a list, its page in a
QTableView on a minimal model (display text only, no filters, no summary, no formatting); for opening an idea, the
idea's row as a form of line edits and every other result in a table, on tabs of the same names as the editor's.
Every other row is held to 3x its SQL (or ReportLab) floor.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import run_core
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

# suite.py records (statement, parameters, executemany); run_core.py (statement, parameters).
Trace = Sequence[tuple[Any, ...]]
_DISPLAY = Qt.ItemDataRole.DisplayRole
AnyIndex = QModelIndex | QPersistentModelIndex


class BareModel(QAbstractTableModel):
    """Rows as sqlite3 returned them; a cell is its value as text."""

    def __init__(self, rows: Sequence[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = list(rows)
        self.width = len(self.rows[0]) if self.rows else 0

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.width

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)


def replay_rows(con: sqlite3.Connection, trace: Trace) -> list[tuple[Any, ...]]:
    """Replay a recorded read as the floor does; the largest result it fetched."""
    largest: list[tuple[Any, ...]] = []
    for statement, parameters, *rest in trace:
        if rest and rest[0]:
            con.executemany(statement, parameters)
            continue
        rows = con.execute(statement, parameters).fetchall()
        if len(rows) > len(largest):
            largest = rows
    return largest


def replay_results(con: sqlite3.Connection, trace: Trace) -> list[list[tuple[Any, ...]]]:
    """Replay a recorded read as the floor does; every non-empty result it fetched, in order."""
    results: list[list[tuple[Any, ...]]] = []
    for statement, parameters, *rest in trace:
        if rest and rest[0]:
            con.executemany(statement, parameters)
            continue
        rows = con.execute(statement, parameters).fetchall()
        if rows:
            results.append(rows)
    return results


LONG_TEXT = 80  # a value longer than this gets a multi-line text box on the form


def open_editor(
    app: QApplication,
    con: sqlite3.Connection,
    trace: Trace,
    tabs: Sequence[str],
    shown: int,
    size: tuple[int, int],
) -> None:
    """Opening a record in an editor of the same tabs: the SQL; the record's own row (the one-row result with the
    most columns) as a form of line edits (a text box for long text) on the first tab, every other result in a
    table on the other tabs in turn; shown, switched to tab ``shown`` and painted; closed again."""
    results = replay_results(con, trace)
    singles = [r for r in results if len(r) == 1]
    own = max(singles, key=lambda r: len(r[0])) if singles else None
    record = own[0] if own is not None else ()
    widget = QTabWidget()
    form_page = QWidget()
    form = QFormLayout(form_page)
    for i, value in enumerate(record):
        text = "" if value is None else str(value)
        field: QWidget = QPlainTextEdit(text) if len(text) > LONG_TEXT else QLineEdit(text)
        form.addRow(f"{i}", field)
    widget.addTab(form_page, tabs[0])
    pages: list[QVBoxLayout] = []
    for name in tabs[1:]:
        page = QWidget()
        pages.append(QVBoxLayout(page))
        widget.addTab(page, name)
    others = [r for r in results if r is not own]
    for i, rows in enumerate(others):
        table = QTableView()
        table.setModel(BareModel(rows))
        pages[i % len(pages)].addWidget(table)
    widget.resize(*size)
    widget.show()
    widget.setCurrentIndex(shown)
    app.processEvents()
    run_core.close_widget(widget)


def open_table(app: QApplication, con: sqlite3.Connection, trace: Trace) -> None:
    """Opening a list: the SQL, a new table view with the rows, shown and painted, closed again."""
    view = QTableView()
    view.setModel(BareModel(replay_rows(con, trace)))
    view.resize(*run_core.GUI_SIZE)
    view.show()
    app.processEvents()
    run_core.close_widget(view)


class ShownTable:
    """A shown table whose rows are replaced (a keystroke, a sort): the SQL, a new model, painted."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.view = QTableView()
        self.view.resize(*run_core.GUI_SIZE)
        self.view.show()
        app.processEvents()

    def show_rows(self, con: sqlite3.Connection, trace: Trace) -> None:
        old = self.view.model()
        self.view.setModel(BareModel(replay_rows(con, trace)))
        self.app.processEvents()
        if old is not None:
            old.deleteLater()

    def close(self) -> None:
        run_core.close_widget(self.view)
