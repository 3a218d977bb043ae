"""PySide6 6.12.0 drops a reference to None on every addItem/setItem on Python 3.11 and then crashes the process
("Fatal Python error: none_dealloc"). This keeps the pinned release honest: 50,000 items must leave None's refcount
where it was."""

from __future__ import annotations

import gc
import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QListWidget, QTableWidget, QTableWidgetItem
from pytestqt.qtbot import QtBot

N = 50_000


def test_adding_many_items_keeps_none_alive(qtbot: QtBot) -> None:
    combo = QComboBox()
    lst = QListWidget()
    table = QTableWidget(100, 1)
    model = QStandardItemModel()
    for w in (combo, lst, table):
        qtbot.addWidget(w)
    # Garbage of earlier tests, collected during the loop, would release references to None and look like a leak.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(N):
            combo.addItem(f"item {i}")
            lst.addItem(f"item {i}")
        for i in range(2_000):
            table.setItem(i % 100, 0, QTableWidgetItem(str(i)))
            model.appendRow(QStandardItem(str(i)))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert combo.count() == N
    assert lst.count() == N
    # A leaking release loses ~1 reference per call (over 100,000 here); ordinary noise is a few hundred.
    assert before - after < 1_000, f"None lost {before - after} references"
