"""Preview of a PDF report (QtPdf), with Print (the system's print dialog) and Save as PDF."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from makelaar.actions.printing import save_pdf
from makelaar.domain.errors import KnownError
from makelaar.ui.context import AppContext
from makelaar.ui.dialogs import may_write
from makelaar.ui.errors import show_error
from makelaar.ui.icons import icon
from makelaar.ui.operations import run_op
from makelaar.ui.tasks import run_with_progress
from makelaar.ui.window_size import remember_size

Builder = Callable[[Session, BinaryIO], None]
PRINT_DPI = 300


class PrinterChooser:
    """The system's print dialog, as a class tests can monkeypatch (no printer on a test machine)."""

    @staticmethod
    def ask(parent: QWidget) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


class SaveChooser:
    """Where to save the PDF (monkeypatched in tests)."""

    @staticmethod
    def ask(parent: QWidget, suggested: str) -> str | None:
        title = QCoreApplication.translate("ReportPreview", "Rapport opslaan")
        # Replacing an existing file is asked by OverwriteQuestion, as for every output.
        path, _ = QFileDialog.getSaveFileName(
            parent, title, suggested, "PDF (*.pdf)", options=QFileDialog.Option.DontConfirmOverwrite
        )
        return path or None


class FolderOpener:
    """Shows a folder in the system's file manager (monkeypatched in tests)."""

    @staticmethod
    def open(folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def build_report(parent: QWidget | None, ctx: AppContext, build: Builder) -> bytes:
    """Build a report off the GUI thread (with a progress dialog when it takes a moment); the PDF's bytes."""

    def work() -> bytes:
        out = io.BytesIO()
        with ctx.store.begin() as s:
            build(s, out)
        return out.getvalue()

    return run_with_progress(parent, QCoreApplication.translate("ReportPreview", "Rapport maken…"), work)


class ReportPreview(QDialog):
    """A report on screen. ``variants`` are (label, builder) pairs, e.g. the version for the resident and for the
    partners; with more than one, a list chooses between them."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        file_name: str,
        variants: Sequence[tuple[str, Builder]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.variants = list(variants)
        self.file_name = file_name
        self.setWindowTitle(title)
        self.pdf = b""
        self._bytes = QByteArray()
        self._buffer = QBuffer(self)
        self.document = QPdfDocument(self)
        self.version = QComboBox()
        self.version.setAccessibleName(self.tr("Versie van het rapport"))
        for label, _build in self.variants:
            self.version.addItem(label)
        self.version.setVisible(len(self.variants) > 1)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Voorbeeld van het rapport"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        buttons = QDialogButtonBox()
        self.print_button = buttons.addButton(self.tr("&Afdrukken…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setIcon(icon("printer", on_accent=True))
        self.print_button.setToolTip(self.tr("Afdrukken (Ctrl+P)"))
        self.save_button = buttons.addButton(self.tr("&Opslaan als PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setIcon(icon("file-down"))
        self.save_button.setToolTip(self.tr("Opslaan als PDF (Ctrl+S)"))
        close = buttons.addButton(self.tr("Sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.print_button.clicked.connect(lambda: self.print_document())
        self.save_button.clicked.connect(lambda: self.save_as())
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, lambda: self.print_document())
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: self.save_as())
        # After Opslaan als PDF: where the file went, and a way to that folder.
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("&Map openen"))
        self.open_folder_button.setAutoDefault(False)
        self.open_folder_button.clicked.connect(self.open_folder)
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.saved_label, 1)
        saved_row.addWidget(self.open_folder_button)
        self.saved_label.hide()
        self.open_folder_button.hide()
        self.saved_path: Path | None = None
        top = QHBoxLayout()
        top.addWidget(self.version)
        top.addStretch(1)
        top.addWidget(self.pages_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(saved_row)
        layout.addWidget(buttons)
        remember_size(self, ctx.settings, "ReportPreview", 860, 680)
        self.rebuild()
        self.version.currentIndexChanged.connect(self.rebuild)

    @Slot()
    def rebuild(self) -> None:
        """Build the chosen version and show it."""
        _label, build = self.variants[max(self.version.currentIndex(), 0)]
        self.set_pdf(build_report(self, self.ctx, build))

    def set_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        self.document.close()
        self._buffer.close()
        # The buffer must live as long as the document reads from it.
        self._bytes = QByteArray(pdf)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self.pages_label.setText(self.tr("%n pagina('s)", "", self.document.pageCount()))

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print every page at the printer's resolution; returns whether anything was printed."""
        printer = printer or PrinterChooser.ask(self)
        if printer is None:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, KnownError(self.tr("De printer kan niet worden gebruikt; er is niets afgedrukt.")))
            return False
        try:
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                # Where the page goes on the sheet, in the printer's pixels ...
                scale = min(area.width() / points.width(), area.height() / points.height())
                target = QRect(0, 0, int(points.width() * scale), int(points.height() * scale))
                # ... and the page itself rendered at 300 dpi: sharp on paper, without the half-gigabyte image a
                # 1200 dpi printer would otherwise ask for.
                dpi = min(printer.resolution(), PRINT_DPI)
                size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                painter.drawImage(target, self.document.render(page, size))
        finally:
            painter.end()
        return True

    def save_as(self) -> Path | None:
        folder = Path(self.ctx.settings.last_folder or Path.home())
        chosen = SaveChooser.ask(self, str(folder / self.file_name))
        if not chosen:
            return None
        path = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        overwrite = may_write(self, path)
        if overwrite is None:
            return None
        store, pdf = self.ctx.store, self.pdf
        if run_op(self, self.ctx, lambda: save_pdf(store, pdf, path, overwrite=overwrite)) is None:
            return None
        self.ctx.settings.last_folder = str(path.parent)
        self.saved_path = path
        self.saved_label.setText(self.tr("Opgeslagen als %1").replace("%1", str(path)))
        self.saved_label.setAccessibleName(self.saved_label.text())
        self.saved_label.show()
        self.open_folder_button.show()
        return path

    @Slot()
    def open_folder(self) -> None:
        """The folder of the saved PDF in the system's file manager."""
        if self.saved_path is not None:
            FolderOpener.open(self.saved_path.parent)
