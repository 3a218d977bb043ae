"""Importing a file step by step: choose it, map its columns, see what will happen, import; and undo.

The wizard's preview is a dry run of the same import (``csvio.import_path(..., dry_run=True)``) with the mapping the
user chose, so what it shows is what the real run does. The undo dialog lists recent imports and undoes one as a
whole through :mod:`makelaar.services.imports`.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from makelaar.actions.imports import ImportDone, import_file, undo_import
from makelaar.domain.errors import KnownError
from makelaar.services import csvio, imports
from makelaar.services.csvio import ImportResult, RowOutcome, Table
from makelaar.services.imports import BatchInfo
from makelaar.ui.context import AppContext, Confirm
from makelaar.ui.dialogs import FileChooser
from makelaar.ui.errors import show_error
from makelaar.ui.list_views import RecordTable
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.operations import announce, run_op
from makelaar.ui.tasks import run_with_progress
from makelaar.ui.window_size import remember_size

# How many rows of the file the mapping page shows as an example.
PREVIEW_ROWS = 5
# The widest a column of the preview gets; longer text is cut off with "…" (the tooltip has all of it), so the
# explanation column always stays in view.
MAX_COLUMN_WIDTH = 260

# Before a real import or an undo: close the open editors of these records (kind, record ids); False when the
# broker keeps one open. The main window passes MainWindow._close_record_editors.
CloseEditors = Callable[[str, list[str]], bool]


def column_label(key: str) -> str:
    """The Dutch name of a column the import reads, as the mapping page offers it."""
    labels = {
        csvio.IGNORE: QCoreApplication.translate("ImportWizard", "Niet importeren"),
        "naam": QCoreApplication.translate("ImportWizard", "Naam"),
        "soort": QCoreApplication.translate("ImportWizard", "Soort organisatie"),
        "omschrijving": QCoreApplication.translate("ImportWizard", "Omschrijving"),
        "biedt": QCoreApplication.translate("ImportWizard", "Biedt (soorten hulp)"),
        "themas": QCoreApplication.translate("ImportWizard", "Thema's"),
        "wijken": QCoreApplication.translate("ImportWizard", "Wijken"),
        "contactpersoon": QCoreApplication.translate("ImportWizard", "Contactpersoon"),
        "telefoon": QCoreApplication.translate("ImportWizard", "Telefoonnummer"),
        "email": QCoreApplication.translate("ImportWizard", "E-mailadres"),
        "website": QCoreApplication.translate("ImportWizard", "Website"),
        "adres": QCoreApplication.translate("ImportWizard", "Adres"),
        "postcode": QCoreApplication.translate("ImportWizard", "Postcode"),
        "kvk": QCoreApplication.translate("ImportWizard", "KvK-nummer"),
        "plaats": QCoreApplication.translate("ImportWizard", "Plaats"),
        "actief": QCoreApplication.translate("ImportWizard", "Actief (ja/nee)"),
        "titel": QCoreApplication.translate("ImportWizard", "Titel"),
        "wijk": QCoreApplication.translate("ImportWizard", "Wijk"),
        "behoeften": QCoreApplication.translate("ImportWizard", "Behoeften (soorten hulp)"),
        "teamgrootte": QCoreApplication.translate("ImportWizard", "Teamgrootte"),
        "initiatiefnemer": QCoreApplication.translate("ImportWizard", "Initiatiefnemer"),
        "status": QCoreApplication.translate("ImportWizard", "Status"),
        "bron": QCoreApplication.translate("ImportWizard", "Bron"),
        "datum": QCoreApplication.translate("ImportWizard", "Datum binnengekomen"),
    }
    return labels.get(key, key)


def _cap_columns(table: QAbstractItemView, header: QHeaderView, stretch: int) -> None:
    """Fit the columns to their text, but none wider than MAX_COLUMN_WIDTH; column ``stretch`` takes the rest."""
    for column in range(header.count()):
        if column == stretch:
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN_WIDTH))
    if 0 <= stretch < header.count():
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)


def _action_text(action: str) -> str:
    texts = {
        csvio.ADDED: QCoreApplication.translate("ImportWizard", "toevoegen"),
        csvio.UPDATED: QCoreApplication.translate("ImportWizard", "bijwerken"),
        csvio.UNCHANGED: QCoreApplication.translate("ImportWizard", "ongewijzigd"),
        csvio.REJECTED: QCoreApplication.translate("ImportWizard", "afgewezen"),
    }
    return texts.get(action, action)


def _explanation(row: RowOutcome) -> str:
    text = ""
    if row.action == csvio.REJECTED:
        text = row.reason
    elif row.action == csvio.UPDATED:
        text = QCoreApplication.translate("ImportWizard", "werkt %1 bij").replace("%1", row.target)
    elif row.action == csvio.UNCHANGED:
        text = QCoreApplication.translate("ImportWizard", "%1 staat er al zo in").replace("%1", row.target)
    if row.note:
        text = f"{text} ({row.note})" if text else row.note
    return text


def _separator_name(delimiter: str) -> str:
    names = {
        ";": QCoreApplication.translate("ImportWizard", "puntkomma (;)"),
        ",": QCoreApplication.translate("ImportWizard", "komma (,)"),
        "\t": QCoreApplication.translate("ImportWizard", "tab"),
    }
    return names.get(delimiter, delimiter)


class FilePage(QWizardPage):
    """Step 1: which file, and what was read from it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Bestand kiezen"))
        self.setSubTitle(
            self.tr("Kies een CSV- of Excel-bestand (.xlsx). De eerste regel met kolomnamen wordt vanzelf gevonden.")
        )
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName(self.tr("Gekozen bestand"))
        self.choose_button = QPushButton(self.tr("Bestand &kiezen…"))
        self.choose_button.setAccessibleName(self.tr("Bestand kiezen"))
        self.choose_button.clicked.connect(self.choose)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.info)
        layout.addStretch(1)

    @Slot()
    def choose(self) -> None:
        settings = self.owner.ctx.settings
        path = FileChooser.open(
            self,
            self.tr("Bestand kiezen om te importeren"),
            settings.last_folder,
            self.tr("Tabellen (*.csv *.xlsx *.txt);;Alle bestanden (*)"),
        )
        if not path:
            return
        settings.last_folder = str(Path(path).parent)
        self.load(Path(path))

    def load(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self.owner.table = None
        try:
            table = csvio.read_table(path)
        except KnownError as exc:
            self.info.setText(str(exc))
            self.completeChanged.emit()
            return
        self.owner.path = path
        self.owner.table = table
        self.owner.mapping = csvio.guess_mapping(self.owner.kind, table.headers)
        parts = [self.tr("Gelezen als %1.").replace("%1", table.encoding)]
        if table.delimiter:
            parts.append(self.tr("Scheidingsteken: %1.").replace("%1", _separator_name(table.delimiter)))
        parts.append(
            self.tr("%1 kolommen, %2 regels met gegevens; de kolomnamen staan op regel %3.")
            .replace("%1", str(len(table.headers)))
            .replace("%2", str(len(table.rows)))
            .replace("%3", str(table.header_row))
        )
        self.info.setText(" ".join(parts))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.owner.table is not None


class MappingPage(QWizardPage):
    """Step 2: which file column goes where (the guess preselected), with the first rows as an example."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Kolommen koppelen"))
        self.setSubTitle(
            self.tr(
                "Kies per kolom van het bestand wat erin staat. Makelaar heeft al een keuze gemaakt; kolommen die het "
                "niet kent, worden niet ingelezen."
            )
        )
        self.columns = QTableWidget(0, 3)
        self.columns.setAccessibleName(self.tr("Kolommen van het bestand"))
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Kolom in het bestand"), self.tr("Inlezen als"), self.tr("Voorbeeld")]
        )
        self.columns.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setTabKeyNavigation(False)
        self.combos: list[QComboBox] = []
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.setAccessibleName(self.tr("Eerste regels van het bestand"))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setTabKeyNavigation(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 3)
        layout.addWidget(self.problem)
        layout.addWidget(QLabel(self.tr("De eerste regels van het bestand:")))
        layout.addWidget(self.preview, 2)

    def initializePage(self) -> None:
        table = self.owner.table
        if table is None:
            return
        kind = self.owner.kind
        choices = csvio.canonical_columns(kind)
        by_index = {index: key for key, index in self.owner.mapping.items()}
        self.columns.setRowCount(len(table.headers))
        self.combos = []
        samples = [cells for _n, cells in table.rows[:50]]
        for index, header in enumerate(table.headers):
            name = header or self.tr("(kolom %1 zonder naam)").replace("%1", str(index + 1))
            self.columns.setItem(index, 0, QTableWidgetItem(name))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Kolom '%1' inlezen als").replace("%1", name))
            combo.addItem(column_label(csvio.IGNORE), csvio.IGNORE)
            for key in choices:
                combo.addItem(column_label(key), key)
            guessed = by_index.get(index)
            combo.setCurrentIndex(combo.findData(guessed) if guessed else 0)
            combo.currentIndexChanged.connect(self._changed)
            self.columns.setCellWidget(index, 1, combo)
            self.combos.append(combo)
            example = next((cells[index] for cells in samples if index < len(cells) and cells[index].strip()), "")
            self.columns.setItem(index, 2, QTableWidgetItem(" ".join(example.split())[:80]))
        # Tab goes from the table through its combo boxes, in the order of the columns, then to the example rows.
        chain: list[QWidget] = [self.columns, *self.combos, self.preview]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.columns.resizeColumnsToContents()
        _cap_columns(self.columns, self.columns.horizontalHeader(), 2)
        if self.combos:  # the combo boxes are cell widgets, which resizeColumnsToContents does not measure
            self.columns.setColumnWidth(1, max(c.sizeHint().width() for c in self.combos))
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.setColumnCount(len(table.headers))
        self.preview.setHorizontalHeaderLabels(table.headers)
        self.preview.setRowCount(len(shown))
        self.preview.setVerticalHeaderLabels([str(n) for n, _cells in shown])
        for r, (_n, cells) in enumerate(shown):
            for c, value in enumerate(cells[: len(table.headers)]):
                self.preview.setItem(r, c, QTableWidgetItem(" ".join(value.split())[:80]))
        self.preview.resizeColumnsToContents()
        _cap_columns(self.preview, self.preview.horizontalHeader(), -1)
        self._changed()

    def chosen_mapping(self) -> dict[str, int]:
        mapping: dict[str, int] = {}
        for index, combo in enumerate(self.combos):
            key = combo.currentData()
            if key and key != csvio.IGNORE and key not in mapping:
                mapping[key] = index
        return mapping

    def _problems(self) -> list[str]:
        seen: dict[str, int] = {}
        problems = []
        for combo in self.combos:
            key = combo.currentData()
            if key and key != csvio.IGNORE:
                seen[key] = seen.get(key, 0) + 1
        for key, times in seen.items():
            if times > 1:
                problems.append(self.tr("'%1' is aan meer dan één kolom gekoppeld.").replace("%1", column_label(key)))
        required = "naam" if self.owner.kind == "organisaties" else "titel"
        if required not in seen:
            problems.append(
                self.tr("Kies welke kolom '%1' bevat; die is verplicht.").replace("%1", column_label(required))
            )
        return problems

    @Slot()
    def _changed(self) -> None:
        self.owner.mapping = self.chosen_mapping()
        table = self.owner.table
        for index, combo in enumerate(self.combos):
            item = self.columns.item(index, 0)
            if item is None:
                continue
            ignored = combo.currentData() == csvio.IGNORE
            named = bool(table and table.headers[index].strip())
            item.setToolTip(self.tr("Onbekende kolom: wordt niet ingelezen.") if ignored and named else "")
            font = item.font()
            font.setItalic(ignored)
            item.setFont(font)
        unknown = [
            item.text()
            for i, c in enumerate(self.combos)
            if c.currentData() == csvio.IGNORE and (item := self.columns.item(i, 0)) is not None
        ]
        lines = self._problems()
        if unknown:
            lines.append(self.tr("Niet ingelezen: %1.").replace("%1", ", ".join(unknown)))
        self.problem.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.combos) and not self._problems()


class PreviewPage(QWizardPage):
    """Step 3: what importing will do, row by row (a dry run of the same import), filterable."""

    FILTERS = ("", csvio.ADDED, csvio.UPDATED, csvio.UNCHANGED, csvio.REJECTED)

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.result: ImportResult | None = None
        self.setTitle(self.tr("Controleren"))
        self.setSubTitle(self.tr("Zo wordt het bestand ingelezen. Er is nog niets opgeslagen."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Importeren"))
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.filter = QComboBox()
        self.filter.setAccessibleName(self.tr("Welke regels tonen"))
        for text in (
            self.tr("Alle regels"),
            self.tr("Toevoegen"),
            self.tr("Bijwerken"),
            self.tr("Ongewijzigd"),
            self.tr("Afgewezen"),
        ):
            self.filter.addItem(text)
        self.filter.currentIndexChanged.connect(self._filter)
        # A sociale kaart that does not speak Makelaar's vocabulary: the broker decides whether the proposals from
        # each row's own words are taken over (each proposed row says what in its explanation).
        self.propose = QCheckBox(
            self.tr("Soorten hulp en thema's voorstellen uit de omschrijving als het bestand ze niet &noemt")
        )
        self.propose.setChecked(True)
        self.propose.setVisible(wizard.kind == "organisaties")
        self.propose.toggled.connect(self._propose_toggled)
        self.model: RowsTableModel[RowOutcome] = RowsTableModel(
            [
                Column(self.tr("Regel"), lambda r: str(r.number), align_right=True),
                Column(self.tr("Wat gebeurt er"), lambda r: _action_text(r.action)),
                Column(self.tr("Naam of titel"), lambda r: r.label),
                Column(self.tr("Toelichting"), _explanation),
            ],
            self,
        )
        self.rows = RecordTable()
        self.rows.setModel(self.model)
        self.rows.setAccessibleName(self.tr("Regels en wat ermee gebeurt"))
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)
        self.rows.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setAccessibleName(self.tr("Opmerkingen bij het inlezen"))
        self.notes.setMaximumHeight(90)
        show = QLabel(self.tr("T&onen:"))
        show.setBuddy(self.filter)
        row = QHBoxLayout()
        row.addWidget(self.counts, 1)
        row.addWidget(show)
        row.addWidget(self.filter)
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        self.blocked.hide()
        # The chosen row's explanation in full (the table cuts long text off).
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_detail(current.row()))
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.propose)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.notes)
        layout.addWidget(self.blocked)

    @Slot(bool)
    def _propose_toggled(self, on: bool) -> None:
        self.owner.propose = on
        if self.owner.path is not None:
            self.initializePage()

    def initializePage(self) -> None:
        self.result = None
        self.blocked.hide()
        self.model.set_rows([])
        try:
            self.result = self.owner.run_import(dry_run=True)
        except KnownError as exc:
            self.counts.setText(str(exc))
            show_error(self, exc)
        self._show()
        self.completeChanged.emit()

    def _show(self) -> None:
        result = self.result
        if result is None:
            self.notes.setPlainText("")
            return
        self.counts.setText(
            self.tr("%1 toevoegen, %2 bijwerken, %3 ongewijzigd, %4 afgewezen.")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.unchanged))
            .replace("%4", str(len(result.rejected)))
        )
        if not result.added + result.updated:
            self.counts.setText(self.counts.text() + " " + self.tr("Er is niets nieuws om in te lezen."))
        # The counts and the rejected rows are in the table; unknown columns, new wijken and terms are notes.
        notes = [line for line in result.summary_lines() if line.startswith(("Onbekende", "Nieuwe", "Kolom ", "Bij "))]
        self.notes.setPlainText("\n".join([*result.kept_lines(), *notes]))
        self._filter()

    @Slot()
    def _filter(self) -> None:
        rows = self.result.rows if self.result is not None else []
        wanted = self.FILTERS[max(0, self.filter.currentIndex())]
        self.model.set_rows([r for r in rows if not wanted or r.action == wanted])
        self.rows.resizeColumnsToContents()
        _cap_columns(self.rows, self.rows.horizontalHeader(), 3)
        self._show_detail(-1)

    def _show_detail(self, row: int) -> None:
        outcome = self.model.row_at(row)
        text = _explanation(outcome) if outcome is not None else ""
        self.detail.setText(
            self.tr("Regel %1 (%2): %3")
            .replace("%1", str(outcome.number))
            .replace("%2", outcome.label)
            .replace("%3", text)
            if outcome is not None and text
            else ""
        )

    def isComplete(self) -> bool:
        result = self.result
        return result is not None and (result.added + result.updated) > 0

    def validatePage(self) -> bool:
        """Importeren: first the open editors of the records it changes are closed (asking about unsaved work);
        while the broker keeps one open, nothing is imported."""
        result, close = self.result, self.owner.close_editors
        ids = [r.record_id for r in (result.rows if result else []) if r.action == csvio.UPDATED and r.record_id]
        if close is not None and ids and not close(self.owner.kind, ids):
            self.blocked.setText(
                self.tr(
                    "Er is niets ingelezen: een record dat de import bijwerkt, staat nog open in een formulier. "
                    "Sla het op of sluit het, en klik dan opnieuw op Importeren."
                )
            )
            self.blocked.show()
            return False
        self.blocked.hide()
        return True


class DonePage(QWizardPage):
    """Step 4: the import itself (with a backup first), then what it did and where the rejected rows went."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("Klaar"))
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(self.tr("Wat er is ingelezen"))
        hint = QLabel(self.tr("Spijt? Via Bestand → Import ongedaan maken… draai je deze import in één keer terug."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(hint)

    def initializePage(self) -> None:
        result = run_op(self, self.owner.ctx, lambda: self.owner.run_import(dry_run=False, backup=True))
        if result is None:  # the message was shown; nothing was imported
            self.summary.setPlainText(self.tr("Er is niets ingelezen."))
            return
        self.owner.import_result = result
        self.owner.imported.emit()
        self.summary.setPlainText("\n".join(result.summary_lines()))


class ImportWizard(QWizard):
    """Import organisations or ideas from a file, step by step.

    Signals:
        imported(): the real import ran and was saved.
    """

    imported = Signal()

    def __init__(
        self, ctx: AppContext, kind: str, parent: QWidget | None = None, *, close_editors: CloseEditors | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.close_editors = close_editors
        self.path: Path | None = None
        self.table: Table | None = None
        self.mapping: dict[str, int] = {}
        self.import_result: ImportResult | None = None
        self.propose = True  # types of help and themes proposed from the words (the preview's check box)
        self.setWindowTitle(
            self.tr("Organisaties importeren") if kind == "organisaties" else self.tr("Ideeën importeren")
        )
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Volgende >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Terug"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Sluiten"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Annuleren"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.done_page = DonePage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.addPage(page)
        remember_size(self, ctx.settings, "ImportWizard", 900, 620)

    def run_import(self, *, dry_run: bool, backup: bool = False) -> ImportResult:
        """The import with the chosen mapping, off the GUI thread; a dry run for the preview."""
        path, table, mapping, propose = self.path, self.table, dict(self.mapping), self.propose
        if path is None or table is None:
            raise KnownError(self.tr("Kies eerst een bestand."))
        store, kind = self.ctx.store, self.kind

        def work() -> ImportDone:
            # A real import is a bulk change: the action backs up first (``backup`` is kept for callers' clarity;
            # a dry run never needs one).
            return import_file(store, kind, path, dry_run=dry_run, mapping=mapping, table=table, propose=propose)

        label = self.tr("Bestand controleren…") if dry_run else self.tr("Bezig met importeren…")
        done = run_with_progress(self, label, work)
        announce(self.ctx, done.changes)
        return done.result

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the default button (Volgende, Importeren) only from a button: in a combo box (the mapping,
        the preview's filter) or anywhere on the preview page it never skips a page or starts the import."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if not isinstance(focus, QPushButton) and (
                isinstance(focus, QComboBox) or self.currentPage() is self.preview_page
            ):
                event.accept()
                return
        super().keyPressEvent(event)

    @classmethod
    def ask(
        cls, parent: QWidget | None, ctx: AppContext, kind: str, *, close_editors: CloseEditors | None = None
    ) -> ImportResult | None:
        """Run the wizard; the result of the import, or None when nothing was imported."""
        wizard = cls(ctx, kind, parent, close_editors=close_editors)
        wizard.exec()
        return wizard.import_result


class UndoImportDialog(QDialog):
    """Recent imports, newest first, with a button that undoes the chosen one as a whole (after a confirmation).

    Signals:
        undone(): an import was undone; the views should reload.
    """

    undone = Signal()

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, close_editors: CloseEditors | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.close_editors = close_editors
        self.changed = False
        self.setWindowTitle(self.tr("Import ongedaan maken"))
        self.model: RowsTableModel[BatchInfo] = RowsTableModel(
            [
                Column(self.tr("Ingelezen op"), lambda b: b.when),
                Column(
                    self.tr("Soort"),
                    lambda b: self.tr("organisaties") if b.kind == "organisaties" else self.tr("ideeën"),
                ),
                Column(self.tr("Bestand"), lambda b: Path(b.file_name).name),
                Column(self.tr("Toegevoegd"), lambda b: str(b.added), align_right=True),
                Column(self.tr("Bijgewerkt"), lambda b: str(b.updated), align_right=True),
                Column(self.tr("Afgewezen"), lambda b: str(b.rejected), align_right=True),
                Column(
                    self.tr("Status"),
                    lambda b: self.tr("ongedaan gemaakt") if b.undone_at is not None else "",
                ),
            ],
            self,
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Recente imports"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated_row.connect(lambda _row: self.undo_selected())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "Ongedaan maken verwijdert wat de import toevoegde en zet bijgewerkte gegevens terug. Wat na de "
                "import is gewijzigd of gekoppeld, blijft staan; dat zie je vooraf."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        self.undo_button = buttons.addButton(self.tr("&Ongedaan maken…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.setAccessibleName(self.tr("Gekozen import ongedaan maken"))
        self.undo_button.clicked.connect(self.undo_selected)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self.reload()
        self.resize(820, 420)

    def reload(self) -> None:
        batches = self.ctx.read(imports.list_batches)
        self.model.set_rows(batches)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        first_open = next((i for i, b in enumerate(batches) if b.undone_at is None), 0)
        if batches:
            self.table.selectRow(first_open)
        self._update_button()

    def selected(self) -> BatchInfo | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_button(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None)

    @Slot()
    def undo_selected(self) -> bool:
        batch = self.selected()
        if batch is None or batch.undone_at is not None:
            return False
        plan = self.ctx.act(self, lambda s: imports.plan_undo(s, batch.id))
        if plan is None:
            return False
        text = (
            self.tr("De import van %1 (%2) ongedaan maken?")
            .replace("%1", Path(batch.file_name).name)
            .replace("%2", batch.when)
            + "\n\n"
            + "\n".join(plan.summary_lines())
        )
        if not Confirm.ask(self, self.tr("Import ongedaan maken"), text):
            return False
        ctx = self.ctx
        ids = ctx.read(lambda s: imports.record_ids(s, batch.id))
        if self.close_editors is not None and ids and not self.close_editors(batch.kind, ids):
            self.status.setText(
                self.tr(
                    "Er is niets ongedaan gemaakt: een record van deze import staat nog open in een formulier. "
                    "Sla het op of sluit het, en probeer het opnieuw."
                )
            )
            return False

        done = run_op(
            self,
            ctx,
            lambda: undo_import(ctx.store, batch.id, author=ctx.author),
            progress=self.tr("Import ongedaan maken…"),
        )
        if done is None:
            self.reload()
            return False
        self.status.setText("\n".join(done.plan.summary_lines()))
        self.changed = True
        self.undone.emit()
        self.reload()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: AppContext, *, close_editors: CloseEditors | None = None) -> bool:
        """Show the dialog; True when an import was undone (the caller refreshes its views)."""
        dialog = cls(ctx, parent, close_editors=close_editors)
        dialog.exec()
        return dialog.changed
