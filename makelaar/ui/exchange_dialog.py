"""Uitwisselen tussen laptop en kantoor: export what changed, and read another store's file in.

Reading in shows what the file would do (counts) and every conflict side by side — field, this store's version,
the file's version — with a choice per record and "alle: mijn versie / hun versie"; nothing is applied before the
user says so. The store is backed up first, the merge runs off the GUI thread, and the views are refreshed after.

The file is encrypted with the passphrase the team shares (asked when exporting and when reading an encrypted file
in); a file that is not encrypted is read in only after the user confirms it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from makelaar.actions import exchange as actions
from makelaar.domain.errors import KnownError
from makelaar.services import exchange, sealed
from makelaar.services.exchange import Choice, Conflict, ConflictKind, ExchangeFile, Plan
from makelaar.ui.context import Confirm
from makelaar.ui.dialogs import FileChooser, Notice, may_write
from makelaar.ui.operations import run_op

if TYPE_CHECKING:
    from makelaar.ui.context import AppContext


class Window(Protocol):
    """What the File menu's exchange actions need of the main window (not the window itself: no import circle)."""

    ctx: AppContext


def _file_filter() -> str:
    return QCoreApplication.translate(
        "ExchangeDialog", "Uitwisselbestanden (*.makelaar *.json.gz *.json *.gz);;Alle bestanden (*)"
    )


def _kind_text(kind: ConflictKind) -> str:
    if kind is ConflictKind.DELETED_HERE:
        return QCoreApplication.translate("ExchangeDialog", "hier verwijderd, in het bestand gewijzigd")
    if kind is ConflictKind.DELETED_THERE:
        return QCoreApplication.translate("ExchangeDialog", "hier gewijzigd, in het bestand verwijderd")
    return QCoreApplication.translate("ExchangeDialog", "hier en in het bestand gewijzigd")


class ExchangeDialog(QDialog):
    """What an exchange file would do, and a choice per conflict. ``choices()`` is the answer once accepted."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self._choices: dict[str, Choice] = {}
        self.setWindowTitle(self.tr("Uitwisselbestand inlezen"))
        summary = QLabel("\n".join(plan.summary_lines()))
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = summary
        layout = QVBoxLayout(self)
        layout.addWidget(summary)

        self.conflict_list = QListWidget()
        self.conflict_list.setAccessibleName(self.tr("Conflicten"))
        self.fields = QTableWidget(0, 3)
        self.fields.setAccessibleName(self.tr("Verschillen"))
        self.fields.setHorizontalHeaderLabels([self.tr("Veld"), self.tr("Mijn versie"), self.tr("Hun versie")])
        self.fields.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fields.verticalHeader().hide()
        self.fields.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for col in (1, 2):
            self.fields.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.fields.setWordWrap(True)
        # Rows follow the column widths: a long description is read whole before the broker chooses.
        self.fields.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mine = QRadioButton(self.tr("&Mijn versie houden"))
        self.mine.setAccessibleName(self.tr("Mijn versie houden"))
        self.theirs = QRadioButton(self.tr("&Hun versie nemen"))
        self.theirs.setAccessibleName(self.tr("Hun versie nemen"))
        self.pick_group = QButtonGroup(self)
        self.pick_group.addButton(self.mine)
        self.pick_group.addButton(self.theirs)
        self.mine.toggled.connect(self._picked)
        self.theirs.toggled.connect(self._picked)
        self.all_mine = QPushButton(self.tr("Alle: mijn versie"))
        self.all_mine.setAccessibleName(self.tr("Alle conflicten: mijn versie"))
        self.all_theirs = QPushButton(self.tr("Alle: hun versie"))
        self.all_theirs.setAccessibleName(self.tr("Alle conflicten: hun versie"))
        self.all_mine.clicked.connect(lambda: self.choose_all(Choice.MINE))
        self.all_theirs.clicked.connect(lambda: self.choose_all(Choice.THEIRS))

        self.conflict_box = QGroupBox(self.tr("Conflicten: kies per record welke versie blijft"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.fields, 1)
        picks = QHBoxLayout()
        picks.addWidget(self.mine)
        picks.addWidget(self.theirs)
        picks.addStretch(1)
        right_layout.addLayout(picks)
        splitter = QSplitter()
        splitter.addWidget(self.conflict_list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 520])
        self.conflict_list.setWordWrap(True)
        box_layout = QVBoxLayout(self.conflict_box)
        box_layout.addWidget(splitter, 1)
        all_row = QHBoxLayout()
        all_row.addWidget(self.all_mine)
        all_row.addWidget(self.all_theirs)
        all_row.addStretch(1)
        box_layout.addLayout(all_row)
        layout.addWidget(self.conflict_box, 1)
        self.conflict_box.setVisible(bool(plan.conflicts))

        for conflict in plan.conflicts:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, conflict.key)
            self.conflict_list.addItem(item)
            self._label(item, conflict)
        self.conflict_list.currentRowChanged.connect(self._show_conflict)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(self.tr("&Inlezen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.missing = QLabel()
        layout.addWidget(self.missing)
        layout.addWidget(buttons)
        if plan.conflicts:
            self.conflict_list.setCurrentRow(0)
            self.resize(900, 560)
        self._update_ready()

    # -- choices ------------------------------------------------------------------------------------------------

    def choices(self) -> dict[str, Choice]:
        return dict(self._choices)

    def current_conflict(self) -> Conflict | None:
        row = self.conflict_list.currentRow()
        return self.plan.conflicts[row] if 0 <= row < len(self.plan.conflicts) else None

    def choose_all(self, choice: Choice) -> None:
        for conflict in self.plan.conflicts:
            self._choices[conflict.key] = choice
        for row in range(self.conflict_list.count()):
            self._label(self.conflict_list.item(row), self.plan.conflicts[row])
        self._show_conflict(self.conflict_list.currentRow())
        self._update_ready()

    @Slot(bool)
    def _picked(self, checked: bool) -> None:
        conflict = self.current_conflict()
        if not checked or conflict is None:
            return
        self._choices[conflict.key] = Choice.MINE if self.mine.isChecked() else Choice.THEIRS
        self._label(self.conflict_list.currentItem(), conflict)
        self._update_ready()

    def _label(self, item: QListWidgetItem, conflict: Conflict) -> None:
        pick = self._choices.get(conflict.key)
        if pick is Choice.MINE:
            chosen = self.tr("mijn versie")
        elif pick is Choice.THEIRS:
            chosen = self.tr("hun versie")
        else:
            chosen = self.tr("nog kiezen")
        item.setText(f"{conflict.title}\n{_kind_text(conflict.kind)} — {chosen}")

    @Slot(int)
    def _show_conflict(self, row: int) -> None:
        conflict = self.plan.conflicts[row] if 0 <= row < len(self.plan.conflicts) else None
        self.fields.setRowCount(0)
        if conflict is None:
            return
        self.fields.setRowCount(len(conflict.fields))
        for i, diff in enumerate(conflict.fields):
            label = diff.field[:1].upper() + diff.field[1:]
            for col, text in enumerate((label, diff.mine, diff.theirs)):
                self.fields.setItem(i, col, QTableWidgetItem(text))
        self.fields.resizeRowsToContents()
        pick = self._choices.get(conflict.key)
        for button in (self.mine, self.theirs):
            button.blockSignals(True)
        self.pick_group.setExclusive(False)
        self.mine.setChecked(pick is Choice.MINE)
        self.theirs.setChecked(pick is Choice.THEIRS)
        self.pick_group.setExclusive(True)
        for button in (self.mine, self.theirs):
            button.blockSignals(False)
        if conflict.kind is ConflictKind.DELETED_HERE:
            self.mine.setText(self.tr("&Mijn versie houden (verwijderd laten)"))
            self.theirs.setText(self.tr("&Hun versie nemen (terugzetten)"))
        elif conflict.kind is ConflictKind.DELETED_THERE:
            self.mine.setText(self.tr("&Mijn versie houden (niet verwijderen)"))
            self.theirs.setText(self.tr("&Hun versie nemen (verwijderen)"))
        else:
            self.mine.setText(self.tr("&Mijn versie houden"))
            self.theirs.setText(self.tr("&Hun versie nemen"))

    def _update_ready(self) -> None:
        open_count = sum(1 for c in self.plan.conflicts if c.key not in self._choices)
        self.apply_button.setEnabled(open_count == 0)
        if open_count:
            self.missing.setText(self.tr("Conflicten nog zonder keuze: %1").replace("%1", str(open_count)))
        else:
            self.missing.setText("")

    @Slot()
    def accept(self) -> None:
        if any(c.key not in self._choices for c in self.plan.conflicts):
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, plan: Plan) -> dict[str, Choice] | None:
        """The choice per conflict (empty without conflicts), or None when the user cancelled."""
        dialog = cls(plan, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()


class PassphraseDialog(QDialog):
    """The passphrase of the exchange file, typed without showing it (twice when exporting)."""

    def __init__(self, confirm: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Wachtwoord van het uitwisselbestand"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Wachtwoord"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Wachtwoord nog een keer"))
        self.again.setVisible(confirm)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setObjectName("errorText")  # the theme's error colour, light or dark
        explanation = QLabel(
            self.tr(
                "Het bestand bevat namen en contactgegevens van bewoners en wordt versleuteld. Gebruik het "
                "wachtwoord dat het team deelt; stuur het nooit mee met het bestand."
            )
            if confirm
            else self.tr("Dit uitwisselbestand is versleuteld. Typ het wachtwoord dat het team deelt.")
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Wachtwoord:"), self.passphrase)
        if confirm:
            form.addRow(self.tr("&Nog een keer:"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._confirm = confirm

    @Slot()
    def check(self) -> None:
        text = self.passphrase.text()
        if self._confirm:
            try:
                sealed.check_passphrase(text)
            except KnownError as exc:
                self.problem.setText(str(exc))
                return
            if self.again.text() != text:
                self.problem.setText(self.tr("De twee wachtwoorden verschillen."))
                return
        elif not text:
            self.problem.setText(self.tr("Typ het wachtwoord."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, confirm: bool) -> str | None:
        """The passphrase, or None when the user cancelled."""
        dialog = cls(confirm, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase.text()


# --- the actions of the File menu ------------------------------------------------------------------------------------


def export_changes(window: Window, *, everything: bool = False) -> Path | None:
    """Bestand > Wijzigingen exporteren voor uitwisseling… (``everything``: Alles exporteren voor uitwisseling…, for
    a laptop that missed an exchange or starts fresh; importing it changes only what differs)."""
    parent = cast("QWidget", window)

    suggested = Path(window.ctx.settings.last_folder or Path.home()) / f"uitwisseling-{date.today():%Y%m%d}.makelaar"
    chosen = FileChooser.save(
        parent,
        QCoreApplication.translate("ExchangeDialog", "Wijzigingen exporteren voor uitwisseling"),
        str(suggested),
        _file_filter(),
    )
    if not chosen:
        return None
    path = Path(chosen)
    window.ctx.settings.last_folder = str(path.parent)
    overwrite = may_write(parent, path)
    if overwrite is None:
        return None
    secret = PassphraseDialog.ask(parent, confirm=True)
    if secret is None:
        return None
    store = window.ctx.store
    summary = run_op(
        parent,
        window.ctx,
        lambda: actions.export_changes(store, path, everything=everything, passphrase=secret, overwrite=overwrite),
        progress=QCoreApplication.translate("ExchangeDialog", "Wijzigingen exporteren…"),
    )
    if summary is None:
        return None
    Notice.show(
        parent,
        QCoreApplication.translate("ExchangeDialog", "Export klaar"),
        (
            QCoreApplication.translate(
                "ExchangeDialog", "%1 gewijzigde records en %2 verwijderingen geschreven naar %3."
            )
            if not everything
            else QCoreApplication.translate(
                "ExchangeDialog", "Alles uit deze database geschreven naar %3: alle %1 records en %2 verwijderingen."
            )
        )
        .replace("%1", str(summary.records))
        .replace("%2", str(summary.deletions))
        .replace("%3", str(path)),
    )
    return path


def import_file(window: Window) -> Plan | None:
    """Bestand > Uitwisselbestand inlezen…"""
    parent = cast("QWidget", window)

    chosen = FileChooser.open(
        parent,
        QCoreApplication.translate("ExchangeDialog", "Uitwisselbestand kiezen"),
        window.ctx.settings.last_folder,
        _file_filter(),
    )
    if not chosen:
        return None
    path = Path(chosen)
    window.ctx.settings.last_folder = str(path.parent)
    store = window.ctx.store
    secret: str | None = None
    if exchange.is_encrypted(path):
        secret = PassphraseDialog.ask(parent, confirm=False)
        if secret is None:
            return None
    elif path.exists() and not Confirm.ask(
        parent,
        QCoreApplication.translate("ExchangeDialog", "Onversleuteld uitwisselbestand"),
        QCoreApplication.translate(
            "ExchangeDialog",
            "%1 is niet versleuteld. Lees het alleen in als je zeker weet waar het vandaan komt. Toch inlezen?",
        ).replace("%1", path.name),
    ):
        return None

    def read() -> tuple[ExchangeFile, Plan]:
        data = exchange.read_file(path, secret)
        with store.begin() as s:
            return data, exchange.plan_import(s, data)

    read_done = run_op(
        parent, window.ctx, read, progress=QCoreApplication.translate("ExchangeDialog", "Uitwisselbestand lezen…")
    )
    if read_done is None:
        return None
    data, plan = read_done
    choices = ExchangeDialog.ask(parent, plan)
    if choices is None:
        return None

    done = run_op(
        parent,
        window.ctx,
        lambda: actions.merge_exchange(store, data, choices=choices),
        progress=QCoreApplication.translate("ExchangeDialog", "Bezig met samenvoegen…"),
    )
    if done is None:
        return None
    Notice.show(
        parent,
        QCoreApplication.translate("ExchangeDialog", "Uitwisseling klaar"),
        "\n".join(done.plan.summary_lines()),
    )
    return done.plan
