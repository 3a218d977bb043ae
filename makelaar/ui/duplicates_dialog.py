"""Dubbele organisaties: likely duplicate pairs in a list, the chosen pair side by side, merge or dismiss.

The search runs off the GUI thread (:func:`makelaar.ui.tasks.run_with_progress`); the finding and merging rules
live in :mod:`makelaar.services.duplicates`. Before a merge the dialog asks its caller to close open editors of
both organisations (``before_merge``): an editor of the removed record must not save over nothing later, and one
of the survivor would hold an old version.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from makelaar.actions.merge import merge_organisations
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.formatting import format_date, format_decimal, format_euro
from makelaar.services import duplicates
from makelaar.services.duplicates import Comparison, DuplicatePair, MergeResult, SideDetail
from makelaar.ui.context import AppContext, Confirm
from makelaar.ui.errors import show_error
from makelaar.ui.list_views import RecordTable
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.operations import run_op
from makelaar.ui.window_size import remember_size

Letter = Literal["a", "b"]
_SHOWN_CHARS = 50  # a longer value (a description) is cut in its radio button and shown whole under it


@dataclass
class DuplicatesOutcome:
    """What happened in the dialog, for the caller to refresh what it shows."""

    merged: list[MergeResult] = field(default_factory=list)
    dismissed: int = 0


class DuplicatesDialog(QDialog):
    """Find likely duplicate organisations, compare a pair field by field, merge it or mark it "geen dubbel".

    Signals:
        merged(str, str): an organisation was merged; the survivor's id and the removed one's id.
    """

    merged = Signal(str, str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        before_merge: Callable[[list[str]], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.before_merge = before_merge
        self.outcome = DuplicatesOutcome()
        self.comparison: Comparison | None = None
        self.pair: DuplicatePair | None = None
        self._backed_up = False
        self._choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        self.keep_a: QRadioButton | None = None  # which record stays; made with each comparison
        self.keep_b: QRadioButton | None = None
        self.setWindowTitle(self.tr("Dubbele organisaties"))

        self.model: RowsTableModel[DuplicatePair] = RowsTableModel(
            [
                Column(self.tr("Organisatie A"), lambda p: self._pair_side(p.a_name, p.a_reference, p.a_active)),
                Column(self.tr("Organisatie B"), lambda p: self._pair_side(p.b_name, p.b_reference, p.b_active)),
                Column(self.tr("Waarom"), lambda p: ", ".join(p.reasons)),
                Column(self.tr("Zekerheid"), lambda p: f"{format_decimal(p.score * 100, 0)}%", align_right=True),
            ],
            self,
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Mogelijke dubbelen"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(3, 90)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated_row.connect(lambda _row: self._focus_comparison())

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Melding"))

        self.compare_area = QScrollArea()
        self.compare_area.setWidgetResizable(True)
        self.compare_area.setAccessibleName(self.tr("Vergelijking"))
        self.compare_area.setWidget(QWidget())
        self.compare_area.setMinimumHeight(240)

        self.merge_button = QPushButton(self.tr("&Samenvoegen…"))
        self.merge_button.setToolTip(self.tr("B wordt samengevoegd met A, of andersom: kies hierboven wie blijft"))
        self.dismiss_button = QPushButton(self.tr("&Geen dubbel"))
        self.dismiss_button.setToolTip(self.tr("Deze twee zijn verschillende organisaties; niet meer voorstellen"))
        self.undo_dismiss_button = QPushButton(self.tr("Geen dubbel &ongedaan maken"))
        self.undo_dismiss_button.setToolTip(
            self.tr("Het laatste paar dat je als geen dubbel markeerde weer tonen (Ctrl+Z)")
        )
        self.undo_dismiss_button.setEnabled(False)
        self._last_dismissed: tuple[int, DuplicatePair] | None = None
        self.refind_button = QPushButton(self.tr("Opnieuw &zoeken"))
        self.refind_button.setToolTip(self.tr("Opnieuw zoeken (F5)"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_dismiss_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.refind_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge_current)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.undo_dismiss_button.clicked.connect(self.undo_dismiss)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self, self.undo_dismiss)
        self.refind_button.clicked.connect(self.search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.search)
        # Enter in the comparison must not press a button by accident: merging asks first anyway.
        for button in (self.merge_button, self.dismiss_button, self.undo_dismiss_button, self.refind_button):
            button.setAutoDefault(False)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.compare_area)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._update_buttons()
        remember_size(self, ctx.settings, "DuplicatesDialog", 1000, 660)

    # -- finding --------------------------------------------------------------------------------------------------

    @Slot()
    def search(self) -> bool:
        """Search the registry for likely pairs (with a progress dialog); False when the search failed."""

        def work() -> list[DuplicatePair]:
            with self.ctx.store.begin() as s:
                return duplicates.find_duplicates(s)

        pairs = run_op(self, self.ctx, work, progress=self.tr("Dubbele organisaties zoeken…"))
        if pairs is None:
            return False
        self.set_pairs(pairs)
        return True

    def set_pairs(self, pairs: list[DuplicatePair], keep_current: str | None = None) -> None:
        self.model.set_rows(pairs)
        if not pairs:
            self.message.setText(
                self.tr("Geen mogelijke dubbele organisaties gevonden.")
                if not self.outcome.merged and not self.outcome.dismissed
                else self.tr("Geen mogelijke dubbele organisaties meer.")
            )
            self._show(None)
            return
        self.message.setText(
            self.tr(
                "%n mogelijk(e) dubbel(en). Kies een paar; vergelijk de twee hieronder en kies per veld welke waarde "
                "blijft.",
                "",
                len(pairs),
            )
        )
        row = 0
        if keep_current is not None:
            row = next((i for i, p in enumerate(pairs) if p.id == keep_current), 0)
        self.table.selectRow(min(row, len(pairs) - 1))

    def select_organisation(self, organisation_id: str) -> bool:
        """Select the first pair with this organisation; False (and a message) when it has none."""
        for i, p in enumerate(self.model.rows()):
            if p.involves(organisation_id):
                self.table.selectRow(i)
                return True
        if self.model.rowCount():
            self.message.setText(
                self.tr("Voor de gekozen organisatie is geen mogelijke dubbel gevonden; hieronder de andere paren.")
            )
        return False

    def _pair_side(self, name: str, reference: str, active: bool) -> str:
        text = f"{name} ({reference})"
        return text if active else text + " — " + self.tr("niet actief")

    # -- comparing ------------------------------------------------------------------------------------------------

    def current_pair(self) -> DuplicatePair | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: object) -> None:
        self._show(self.current_pair())

    def _show(self, pair: DuplicatePair | None) -> None:
        self.pair = pair
        self.comparison = None
        if pair is not None:
            try:
                with self.ctx.store.begin() as s:
                    self.comparison = duplicates.compare(s, pair.a_id, pair.b_id)
            except NotFoundError:
                self._drop(lambda p: p is pair)
                self.message.setText(self.tr("Dit paar bestaat niet meer (een van de twee is al samengevoegd)."))
                return
            except KnownError as exc:
                show_error(self, exc)
        self._build_comparison()
        self._update_buttons()

    def _field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Naam"),
            "kind_id": self.tr("Soort"),
            "description": self.tr("Omschrijving"),
            "website": self.tr("Website"),
            "kvk": self.tr("KvK-nummer"),
            "email": self.tr("E-mailadres"),
            "phone": self.tr("Telefoon"),
            "address": self.tr("Adres"),
            "postcode": self.tr("Postcode"),
            "city": self.tr("Plaats"),
            "active": self.tr("Actief"),
            "fund_max_amount": self.tr("Fonds: maximumbedrag"),
            "fund_min_initiators": self.tr("Fonds: minimaal aantal initiatiefnemers"),
            "fund_deadline": self.tr("Fonds: aanvragen uiterlijk op"),
            "fund_excludes": self.tr("Fonds: betaalt niet voor"),
        }

    def _value_text(self, side: SideDetail, name: str) -> str:
        value = getattr(side.data, name)
        if name == "kind_id":
            return side.kind or self.tr("(leeg)")
        if name == "active":
            return self.tr("ja") if value else self.tr("nee")
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.tr("(leeg)")
        if name == "fund_max_amount":
            return format_euro(value)
        if name == "fund_deadline":
            return format_date(value)
        return " ".join(str(value).split())

    def _build_comparison(self) -> None:
        self._choices = {}
        self.keep_a = self.keep_b = None
        page = QWidget()
        grid = QGridLayout(page)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        comparison, pair = self.comparison, self.pair
        if comparison is None or pair is None:
            hint = QLabel(self.tr("Kies hierboven een paar om de twee organisaties naast elkaar te zien."))
            hint.setWordWrap(True)
            grid.addWidget(hint, 0, 0, 1, 3)
            grid.setRowStretch(1, 1)
            self.compare_area.setWidget(page)  # the old page is deleted with its radio buttons
            return
        bold = "font-weight: 600;"
        for column, side, letter in ((1, comparison.a, "A"), (2, comparison.b, "B")):
            title = QLabel(f"{letter}: {side.data.name} ({side.data.reference})")
            title.setStyleSheet(bold)
            title.setWordWrap(True)
            grid.addWidget(title, 0, column)

        # Which record stays: its number (O-2026-0012) and its id, so links to it elsewhere keep working.
        grid.addWidget(QLabel(self.tr("Blijft bestaan:")), 1, 0)
        keep_a = QRadioButton(self.tr("A blijft, B gaat erin op"))
        keep_b = QRadioButton(self.tr("B blijft, A gaat erin op"))
        keep_a.setAccessibleName(self.tr("Blijft bestaan: A (%1)").replace("%1", comparison.a.data.reference or ""))
        keep_b.setAccessibleName(self.tr("Blijft bestaan: B (%1)").replace("%1", comparison.b.data.reference or ""))
        survivor = QButtonGroup(page)
        survivor.addButton(keep_a)
        survivor.addButton(keep_b)
        keep_a.setChecked(True)
        grid.addWidget(keep_a, 1, 1)
        grid.addWidget(keep_b, 1, 2)
        keep_a.toggled.connect(self._reset_choices)
        self.keep_a, self.keep_b = keep_a, keep_b

        labels = self._field_labels()
        row = 2
        differing = set(comparison.differing())
        for name in duplicates.MERGE_FIELDS:
            values = (getattr(comparison.a.data, name), getattr(comparison.b.data, name))
            if name not in differing and all(v is None or v == "" for v in values):
                continue  # empty in both (the fund criteria of most organisations): nothing to look at
            label = labels[name]
            grid.addWidget(QLabel(label + ":"), row, 0, Qt.AlignmentFlag.AlignTop)
            texts = (self._value_text(comparison.a, name), self._value_text(comparison.b, name))
            if name in differing:
                group = QButtonGroup(page)
                radios: list[QRadioButton] = []
                for column, (letter, text) in enumerate(zip(("A", "B"), texts, strict=True), start=1):
                    long = len(text) > _SHOWN_CHARS
                    radio = QRadioButton(text[: _SHOWN_CHARS - 1] + "…" if long else text)
                    radio.setToolTip(text)
                    radio.setAccessibleName(
                        self.tr("%1 van %2: %3").replace("%1", label).replace("%2", letter).replace("%3", text)
                    )
                    # Both columns equally wide, whatever the length of the values.
                    radio.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                    radio.setMinimumWidth(120)
                    group.addButton(radio)
                    cell = QVBoxLayout()
                    cell.addWidget(radio)
                    if long:  # a description: all of it, under its choice
                        whole = QLabel(text)
                        whole.setWordWrap(True)
                        whole.setObjectName("note")
                        whole.setContentsMargins(20, 0, 0, 0)
                        cell.addWidget(whole)
                    grid.addLayout(cell, row, column, Qt.AlignmentFlag.AlignTop)
                    radios.append(radio)
                self._choices[name] = (radios[0], radios[1])
            else:
                same = QLabel(texts[0])
                same.setWordWrap(True)
                same.setObjectName("note")
                same.setToolTip(self.tr("Bij beide hetzelfde"))
                grid.addWidget(same, row, 1, 1, 2)
            row += 1

        together = self.tr("komt bij elkaar")
        for label, a_items, b_items in (
            (self.tr("Aanbod"), comparison.a.offers, comparison.b.offers),
            (self.tr("Thema's"), comparison.a.themes, comparison.b.themes),
            (self.tr("Wijken"), comparison.a.areas, comparison.b.areas),
        ):
            grid.addWidget(QLabel(f"{label} ({together}):"), row, 0)
            for column, items in ((1, a_items), (2, b_items)):
                value = QLabel(", ".join(items) or self.tr("(leeg)"))
                value.setWordWrap(True)
                grid.addWidget(value, row, column)
            row += 1
        for label, a_count, b_count in (
            (self.tr("Koppelingen"), comparison.a.matches, comparison.b.matches),
            (self.tr("Contactpersonen"), comparison.a.contacts, comparison.b.contacts),
            (self.tr("Tijdlijn"), comparison.a.activities, comparison.b.activities),
        ):
            grid.addWidget(QLabel(f"{label} ({together}):"), row, 0)
            grid.addWidget(QLabel(str(a_count)), row, 1)
            grid.addWidget(QLabel(str(b_count)), row, 2)
            row += 1
        grid.setRowStretch(row, 1)
        # Set the page when it is complete, so the scroll area sizes it (and its scroll bar) for all its rows.
        self.compare_area.setWidget(page)
        self._reset_choices()

    @Slot()
    def _reset_choices(self) -> None:
        """Per field the default for the chosen survivor: its own value, or the other's where its own is empty."""
        comparison = self.comparison
        if comparison is None:
            return
        keep, other = (comparison.a, comparison.b) if self.keep_is_a() else (comparison.b, comparison.a)
        for name, (radio_a, radio_b) in self._choices.items():
            side = duplicates.default_side(name, getattr(keep.data, name), getattr(other.data, name))
            take_a = (side == duplicates.KEEP) == self.keep_is_a()
            (radio_a if take_a else radio_b).setChecked(True)

    def keep_is_a(self) -> bool:
        return self.keep_a is None or self.keep_a.isChecked()

    def set_keep(self, letter: Letter) -> None:
        button = self.keep_a if letter == "a" else self.keep_b
        if button is not None:
            button.setChecked(True)

    def choose(self, field_name: str, letter: Letter) -> None:
        """Take this field's value from A or B (what a click on the radio button does)."""
        radio_a, radio_b = self._choices[field_name]
        (radio_a if letter == "a" else radio_b).setChecked(True)

    def choice_buttons(self, field_name: str) -> tuple[QRadioButton, QRadioButton]:
        return self._choices[field_name]

    def picked(self) -> dict[str, Letter]:
        return {name: ("a" if radio_a.isChecked() else "b") for name, (radio_a, _b) in self._choices.items()}

    def _focus_comparison(self) -> None:
        if self.keep_a is not None and self.keep_b is not None:
            (self.keep_a if self.keep_a.isChecked() else self.keep_b).setFocus()

    def _update_buttons(self) -> None:
        ready = self.comparison is not None
        self.merge_button.setEnabled(ready)
        self.dismiss_button.setEnabled(ready)

    # -- acting ---------------------------------------------------------------------------------------------------

    def _drop(self, gone: Callable[[DuplicatePair], bool], rename: MergeResult | None = None) -> None:
        """Take pairs off the list (merged away, dismissed) and stay at about the same place in it."""
        current = max(self.table.currentIndex().row(), 0)
        rows = [p for p in self.model.rows() if not gone(p)]
        if rename is not None:  # the survivor may have taken the other's name
            rows = [
                replace(
                    p,
                    a_name=rename.keep_name if p.a_id == rename.keep_id else p.a_name,
                    b_name=rename.keep_name if p.b_id == rename.keep_id else p.b_name,
                )
                for p in rows
            ]
        self.set_pairs(rows, keep_current=rows[min(current, len(rows) - 1)].id if rows else None)

    @Slot()
    def merge_current(self) -> MergeResult | None:
        comparison, pair = self.comparison, self.pair
        if comparison is None or pair is None:
            return None
        keep_is_a = self.keep_is_a()
        keep, other = (comparison.a, comparison.b) if keep_is_a else (comparison.b, comparison.a)
        keep_id, other_id = keep.data.id or "", other.data.id or ""
        question = (
            self.tr(
                "%1 (%2) gaat op in %3 (%4).\n\n"
                "Wat bij %1 hoort, gaat over naar %3: koppelingen (%5), contactpersonen (%6) en regels op de "
                "tijdlijn (%7). %3 krijgt de waarden die je per veld koos; aanbod, thema's en wijken komen bij "
                "elkaar. Daarna wordt %1 verwijderd. Dit kun je niet ongedaan maken, alleen met een back-up."
                "\n\nSamenvoegen?"
            )
            .replace("%1", other.data.name)
            .replace("%2", other.data.reference or "")
            .replace("%3", keep.data.name)
            .replace("%4", keep.data.reference or "")
            .replace("%5", str(other.matches))
            .replace("%6", str(other.contacts))
            .replace("%7", str(other.activities))
        )
        if not Confirm.ask(self, self.tr("Samenvoegen"), question):
            return None
        if self.before_merge is not None and not self.before_merge([keep_id, other_id]):
            self.message.setText(self.tr("Niet samengevoegd: sluit eerst de open formulieren van deze organisaties."))
            return None
        choices = duplicates.merge_choices_for(comparison, keep_is_a, self.picked())
        author = self.ctx.author

        store, first = self.ctx.store, not self._backed_up
        done = run_op(
            self,
            self.ctx,
            lambda: merge_organisations(store, keep_id, other_id, choices, author=author, backup=first),
            progress=self.tr("Samenvoegen…"),
        )
        if done is None:
            self._show(pair)  # show what is stored now, so the broker can choose again
            return None
        result = done.result
        self._backed_up = True
        self.outcome.merged.append(result)
        self.merged.emit(result.keep_id, result.removed_id)
        self._drop(lambda p: p.involves(result.removed_id), rename=result)
        self.message.setText(
            self.tr("%1 (%2) is samengevoegd met %3 (%4). ")
            .replace("%1", result.removed_name)
            .replace("%2", result.removed_reference)
            .replace("%3", result.keep_name)
            .replace("%4", result.keep_reference)
            + self.message.text()
        )
        return result

    @Slot()
    def dismiss_current(self) -> bool:
        """Mark the shown pair "geen dubbel": it is not suggested again."""
        pair = self.pair
        if pair is None:
            return False

        def work() -> bool:
            with self.ctx.store.begin() as s:
                duplicates.dismiss(s, pair.a_id, pair.b_id)
            return True

        if run_op(self, self.ctx, work) is None:
            return False
        self.outcome.dismissed += 1
        self._last_dismissed = (max(self.table.currentIndex().row(), 0), pair)
        self.undo_dismiss_button.setEnabled(True)
        self._drop(lambda p: p.id == pair.id)
        self.table.setFocus()
        return True

    @Slot()
    def undo_dismiss(self) -> bool:
        """Ctrl+Z: the pair last marked "geen dubbel" is a possible duplicate again, back in its place in the list."""
        if self._last_dismissed is None:
            return False
        row, pair = self._last_dismissed

        def work() -> bool:
            with self.ctx.store.begin() as s:
                duplicates.undismiss(s, pair.a_id, pair.b_id)
            return True

        if run_op(self, self.ctx, work) is None:
            return False
        self._last_dismissed = None
        self.undo_dismiss_button.setEnabled(False)
        self.outcome.dismissed -= 1
        rows = self.model.rows()
        rows.insert(min(row, len(rows)), pair)
        self.set_pairs(rows, keep_current=pair.id)
        self.table.setFocus()
        return True

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        ctx: AppContext,
        *,
        focus_id: str | None = None,
        before_merge: Callable[[list[str]], bool] | None = None,
    ) -> DuplicatesOutcome | None:
        """Search, then let the broker work through the pairs; what was merged and dismissed, or None when the
        search failed."""
        dialog = cls(ctx, parent, before_merge=before_merge)
        if not dialog.search():
            return None
        if focus_id is not None:
            dialog.select_organisation(focus_id)
        dialog.exec()
        return dialog.outcome
