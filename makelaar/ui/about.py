"""Over Makelaar: the version of this copy, the store it has open, its licence and those of what it brings along."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from makelaar import buildinfo


class AboutDialog(QDialog):
    """Shows the build's version, the program's licence (EUPL-1.2) and the third-party licences in full."""

    def __init__(self, store_description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Over Makelaar"))
        self.resize(760, 560)
        self.version = QLabel(buildinfo.version_line())
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.version.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.version.setFont(font)
        summary = QLabel(
            self.tr("Voor ideeënmakelaars: ideeën van bewoners registreren, organisaties vinden en koppelen.")
            + "\n"
            + self.tr("Database: %1").replace("%1", store_description)
        )
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.licence = QLabel(
            self.tr(
                "Makelaar is vrije software onder de %1 (%2). Hieronder staan de onderdelen van anderen die met "
                "Makelaar worden meegeleverd, elk met zijn eigen licentie."
            )
            .replace("%1", buildinfo.LICENCE_NAME)
            .replace("%2", buildinfo.LICENCE)
        )
        self.licence.setWordWrap(True)
        self.third_party = QPlainTextEdit()
        self.third_party.setReadOnly(True)
        self.third_party.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.third_party.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.third_party.setAccessibleName(self.tr("Licenties van meegeleverde onderdelen"))
        self.third_party.setPlainText(buildinfo.third_party_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.version)
        layout.addWidget(summary)
        layout.addWidget(self.licence)
        layout.addWidget(self.third_party, 1)
        layout.addWidget(buttons)

    @classmethod
    def present(cls, parent: QWidget, store_description: str) -> AboutDialog:
        """Open the dialog over ``parent`` without blocking; it deletes itself when closed."""
        dialog = cls(store_description, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
