"""The timeline of an idea or organisation: notes and contact moments, newest first, and adding one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.enums import ActivityKind
from makelaar.domain.formatting import format_datetime
from makelaar.domain.records import ActivityRow
from makelaar.services import activities
from makelaar.ui.context import AppContext, Confirm
from makelaar.ui.labels import label
from makelaar.ui.models import Column, RowsTableModel

_ENTRY_KINDS = [ActivityKind.NOTE, ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.VISIT, ActivityKind.MEETING]


class TimelineWidget(QWidget):
    """Signals:
    activity_added(str): an entry was written; the argument is its id.
    """

    activity_added = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._idea_id: str | None = None
        self._organisation_id: str | None = None
        self.model: RowsTableModel[ActivityRow] = RowsTableModel(
            [
                Column(self.tr("Wanneer"), lambda a: format_datetime(a.occurred_at)),
                Column(self.tr("Soort"), lambda a: label(a.kind)),
                Column(self.tr("Wat"), lambda a: a.text),
                Column(self.tr("Door"), lambda a: a.author),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move in the table
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Tijdlijn"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)

        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Soort notitie"))
        for k in _ENTRY_KINDS:
            self.kind.addItem(label(k.value), k.value)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Tekst van de notitie"))
        self.text.setPlaceholderText(self.tr("Wat is er besproken of afgesproken?"))
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(80)
        self.add_button = QPushButton(self.tr("&Notitie toevoegen"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_entry)
        self.delete_button = QPushButton(self.tr("Notitie &verwijderen"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_selected)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Soort:")))
        row.addWidget(self.kind)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def show_for(self, *, idea_id: str | None = None, organisation_id: str | None = None) -> None:
        self._idea_id, self._organisation_id = idea_id, organisation_id
        self.setEnabled(bool(idea_id or organisation_id))
        self.refresh()

    def refresh(self) -> None:
        if not (self._idea_id or self._organisation_id):
            self.model.set_rows([])
            return
        rows = self._ctx.read(
            lambda s: activities.list_activities(s, idea_id=self._idea_id, organisation_id=self._organisation_id)
        )
        self.model.set_rows(rows)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        if self.model.columnCount() > 3:
            self.table.resizeColumnToContents(3)  # who: read whole, but the text keeps most of the room
            self.table.horizontalHeader().resizeSection(3, min(self.table.columnWidth(3), 180))

    @Slot()
    def add_entry(self) -> None:
        text = self.text.toPlainText()
        kind = ActivityKind(self.kind.currentData())
        row = self._ctx.act(
            self,
            lambda s: activities.add_activity(
                s,
                kind=kind,
                text=text,
                idea_id=self._idea_id,
                organisation_id=self._organisation_id,
                author=self._ctx.author,
            ),
        )
        if row is not None:
            self.text.clear()
            self.refresh()
            self.activity_added.emit(row.id)

    @Slot()
    def delete_selected(self) -> None:
        index: QModelIndex = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        if row is None or row.kind == ActivityKind.STATUS.value:
            return
        if not Confirm.ask(self, self.tr("Notitie verwijderen"), self.tr("Deze notitie verwijderen?")):
            return
        self._ctx.act(self, lambda s: activities.delete_activity(s, row.id))
        self.refresh()
