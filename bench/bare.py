"""The toolkit's own floor for the GUI rows: the same SQL, and its rows in a plain Qt table.

The issue's floor for a GUI operation is its SQL in plain sqlite3. A widget on screen costs more than its query
however it is written, so bench/run also measures, beside that floor, what the plainest PySide6 program pays for the
same step: the recorded SQL replayed with sqlite3, and the largest result it fetched (the list's page) shown in a
QTableView on a minimal model (display text only, no filters, no summary, no formatting) of the list's size. Shown
as "bare Qt" in the table, for information: the targets stay as the issue states them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import run_core
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

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
