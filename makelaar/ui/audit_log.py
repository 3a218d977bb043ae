"""Bestand › Privacy › Logboek persoonsgegevens: who changed or exported residents' data, when and what kind of
change (never the values)."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from makelaar.domain.formatting import format_datetime
from makelaar.services import audit
from makelaar.services.audit import AuditLine
from makelaar.ui.context import AppContext
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.window_size import remember_size


class AuditLogDialog(QDialog):
    """The newest lines of the personal-data logbook, read again each time it is shown."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Logboek persoonsgegevens"))
        self.model: RowsTableModel[AuditLine] = RowsTableModel(
            [
                Column(self.tr("Wanneer"), lambda e: format_datetime(e.occurred_at)),
                Column(self.tr("Door"), lambda e: e.actor),
                Column(self.tr("Wat"), lambda e: e.kind),
                Column(self.tr("Persoon"), lambda e: e.reference),
                Column(self.tr("Toelichting"), lambda e: e.detail),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move in the table
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Logboek persoonsgegevens"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(
            self.tr(
                "Wie persoonsgegevens van bewoners wijzigde, inzag of exporteerde, en wanneer. De laatste 500 regels; "
                "het logboek bewaart nooit de gegevens zelf."
            )
        )
        note.setObjectName("note")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        remember_size(self, ctx.settings, "AuditLogDialog", 900, 560)

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self.model.set_rows(self.ctx.read(lambda s: audit.list_entries(s, limit=500)))
        self.table.resizeColumnsToContents()
