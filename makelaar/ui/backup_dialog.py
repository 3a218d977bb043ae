"""Back-up terugzetten: choose one of the program's verified backups and put it in place of the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from makelaar.domain.errors import KnownError
from makelaar.storage import backup
from makelaar.storage.backup import BackupInfo
from makelaar.ui.list_views import RecordTable
from makelaar.ui.models import Column, RowsTableModel


def _reason(info: BackupInfo) -> str:
    # makelaar-20261128-091130-398159-voor-import.sqlite -> "voor import"
    parts = info.path.stem.split("-", 4)
    return parts[4].replace("-", " ") if len(parts) == 5 else ""


class BackupDialog(QDialog):
    """Lists the backups of an SQLite store, newest first; ``chosen()`` is the one to restore."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Back-up terugzetten"))
        self.model: RowsTableModel[BackupInfo] = RowsTableModel(
            [
                Column(self.tr("Gemaakt op"), lambda b: b.taken_at.strftime("%d-%m-%Y %H:%M")),
                Column(self.tr("Waarom"), _reason),
                Column(
                    self.tr("Grootte"), lambda b: f"{b.size / 1_048_576:.1f} MB".replace(".", ","), align_right=True
                ),
            ],
            self,
        )
        self.model.set_rows(backup.list_backups(store_path))
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Back-ups"))
        self.table.setSelectionBehavior(RecordTable.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(RecordTable.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated_row.connect(lambda _row: self.accept())
        if self.model.rowCount():
            self.table.selectRow(0)
        note = QLabel(
            self.tr(
                "De database wordt vervangen door de gekozen back-up. Wat daarna is ingevoerd, is dan weg; de huidige "
                "database wordt eerst zelf als back-up bewaard."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Terugzetten"))
        self.restore_button.setEnabled(self.model.rowCount() > 0)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def chosen(self) -> Path | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.path if row is not None else None

    @Slot()
    def accept(self) -> None:
        if self.chosen() is None:
            return
        super().accept()

    @classmethod
    def ask(cls, store_path: Path, parent: QWidget | None = None) -> Path | None:
        if not backup.list_backups(store_path):
            raise KnownError(QCoreApplication.translate("BackupDialog", "Er zijn nog geen back-ups van deze database."))
        dialog = cls(store_path, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
