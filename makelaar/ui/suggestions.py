"""Suggesties: the organisations Makelaar proposes for an idea, why, and taking one over or turning it down."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.enums import CLOSED_IDEA_STATUSES, Vocabulary
from makelaar.domain.matching import Suggestion
from makelaar.domain.records import IdeaData
from makelaar.services import ideas, matches, matching, vocabulary
from makelaar.ui import reasons as shown
from makelaar.ui.context import AppContext, TextPrompt
from makelaar.ui.labels import label as label_for
from makelaar.ui.list_views import RecordTable
from makelaar.ui.match_dialog import Preselection, link
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.operations import run_op

TOP = 10


class SuggestionsPanel(QWidget):
    """Signals:
    match_made(): a suggestion became a koppeling or was turned down (the idea and its timeline changed).
    """

    match_made = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.idea: IdeaData | None = None
        self._loaded_for: tuple[str | None, int | None] | None = None
        self.model: RowsTableModel[Suggestion] = RowsTableModel(
            [
                Column(self.tr("Organisatie"), lambda r: r.name),
                Column(self.tr("Past"), shown.label, width=80),
                Column(self.tr("Helpt met"), lambda r: ", ".join(r.covered_needs), width=170),
                Column(self.tr("Waar"), shown.where, width=130),
                Column(self.tr("Verder"), shown.rest),
            ],
            self,
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Suggesties"))
        self.table.setSelectionBehavior(RecordTable.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(RecordTable.SelectionMode.SingleSelection)
        # At most a few dozen rows: each as tall as its wrapped text, so nothing is cut off. Fitted when the rows or
        # the widths of the columns change, not at every layout and selection as the header's ResizeToContents mode
        # does (that cost more than the rest of opening an idea together).
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self._fit_rows = QTimer(self)  # one fit for a burst of column changes (a window being resized)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.activated_row.connect(lambda _row: self.accept_current())
        self.table.selectionModel().selectionChanged.connect(self._show_reasons)
        self.reasons = QTextBrowser()
        self.reasons.setAccessibleName(self.tr("Waarom deze suggestie"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("&Koppelen…"))
        self.accept_button.setToolTip(self.tr("De gekozen suggestie koppelen (Enter)"))
        self.accept_button.setAutoDefault(False)
        self.accept_button.clicked.connect(self.accept_current)
        self.decline_button = QPushButton(self.tr("&Afwijzen…"))
        self.decline_button.setToolTip(self.tr("Past niet: met een reden, zodat volgende suggesties ervan leren"))
        self.decline_button.setAutoDefault(False)
        self.decline_button.clicked.connect(self.decline_current)
        self.refresh_button = QPushButton(self.tr("&Vernieuwen"))
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.reasons)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_for(self, idea: IdeaData) -> None:
        """The idea as saved; suggestions are (re)computed when the panel is shown."""
        self.idea = idea
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self.idea is not None and self._loaded_for != (self.idea.id, self.idea.version):
            self.refresh()
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        idea = self.idea
        if idea is None or idea.id is None:
            self.model.set_rows([])
            self.hint.setText(self.tr("Sla het idee eerst op; dan zoekt Makelaar organisaties die kunnen helpen."))
            self._update_buttons()
            return
        idea_id = idea.id
        if idea.status in {s.value for s in CLOSED_IDEA_STATUSES}:
            self._loaded_for = (idea.id, idea.version)
            self.model.set_rows([])
            self.hint.setText(
                self.tr("Dit idee is afgesloten (%1): Makelaar zoekt er geen partners meer voor.").replace(
                    "%1", label_for(idea.status)
                )
            )
            self._update_buttons()
            return

        def work() -> tuple[list[Suggestion], list[str]]:
            with self.ctx.store.begin() as s:
                found = matching.suggest(s, idea_id, top=TOP)
                helps = {t.id: t.name for t in vocabulary.list_terms(s, Vocabulary.HELP_TYPE, include_retired=True)}
                return found, [helps[n] for n in idea.need_ids if n in helps]

        result = run_op(self, self.ctx, work, progress=self.tr("Suggesties zoeken…"))
        if result is None:
            return
        found, needs = result
        self._loaded_for = (idea.id, idea.version)
        self.model.set_rows(found)
        self.table.resizeRowsToContents()
        self.hint.setText(self._coverage_hint(found, needs))
        if found:
            self.table.selectRow(0)
        self._update_buttons()

    def _coverage_hint(self, found: list[Suggestion], needs: list[str]) -> str:
        """What the list means for the idea's needs, honestly: all of them covered at the top, or which are not."""
        if not found:
            return self.tr("Geen actieve organisaties gevonden die bij dit idee passen.")
        if not needs:
            return self.tr("Dit idee heeft nog geen behoeften; vul ze in voor betere suggesties.")
        missing = shown.uncovered(needs, found)
        if not missing:
            return self.tr("Samen dekken de bovenste suggesties alle behoeften van het idee.")
        if len(missing) == len(needs):
            return self.tr("Geen van de bovenste suggesties biedt wat het idee nodig heeft; kijk verder in de lijst.")
        return self.tr("Nog geen partner in de bovenste suggesties voor: %1.").replace("%1", ", ".join(missing))

    def current(self) -> Suggestion | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    @Slot()
    def _show_reasons(self) -> None:
        current = self.current()
        self._update_buttons()
        if current is None:
            self.reasons.clear()
            return
        items = "".join(f"<li>{escape(r)}</li>" for r in shown.reasons(current))
        verdict = escape(self.tr("Past: %1").replace("%1", shown.label(current)))
        self.reasons.setHtml(f"<h3>{escape(current.name)}</h3><p><b>{verdict}</b></p><ul>{items}</ul>")

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.accept_button.setEnabled(chosen)
        self.decline_button.setEnabled(chosen)

    def _need_id(self, name: str | None) -> str | None:
        if not name:
            return None
        term = self.ctx.read(lambda s: vocabulary.find_term(s, Vocabulary.HELP_TYPE, name))
        return term.id if term else None

    @Slot()
    def accept_current(self) -> None:
        current, idea = self.current(), self.idea
        if current is None or idea is None or idea.id is None:
            return
        need_name = current.covered_needs[0] if current.covered_needs else None
        if link(self, self.ctx, idea, Preselection(current.organisation_id, current.name, need_name)) is not None:
            self.match_made.emit()
            self.refresh()

    @Slot()
    def decline_current(self) -> None:
        current, idea = self.current(), self.idea
        if current is None or idea is None or idea.id is None:
            return
        reason = TextPrompt.ask(
            self,
            self.tr("Suggestie afwijzen"),
            self.tr("Waarom past %1 niet bij dit idee?").replace("%1", current.name),
        )
        if not reason:
            return
        idea_id = idea.id
        need_id = self._need_id(current.covered_needs[0] if current.covered_needs else None)
        done = self.ctx.act(
            self,
            lambda s: matches.decline_suggestion(
                s,
                idea_id=idea_id,
                organisation_id=current.organisation_id,
                need_id=need_id,
                reason=reason,
                author=self.ctx.author,
            ),
        )
        if done is not None:
            self.match_made.emit()
            self.refresh()


class HelpsWithPanel(QWidget):
    """The reverse view, on an organisation: the open ideas it could help with, and linking one.

    Signals:
        match_made(): a koppeling was made from here.
    """

    match_made = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.organisation_id: str | None = None
        self.organisation_name = ""
        self._loaded_for: str | None = None
        self.model: RowsTableModel[Suggestion] = RowsTableModel(
            [
                Column(self.tr("Idee"), lambda r: r.idea_title),
                Column(self.tr("Past"), shown.label, width=80),
                Column(self.tr("Waarom"), shown.summary),
            ],
            self,
        )
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Open ideeën waarbij deze organisatie kan helpen"))
        self.table.setSelectionBehavior(RecordTable.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated_row.connect(lambda _row: self.link_current())
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.link_button = QPushButton(self.tr("&Koppelen…"))
        self.link_button.setAutoDefault(False)
        self.link_button.clicked.connect(self.link_current)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.link_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def show_for(self, organisation_id: str | None, name: str) -> None:
        self.organisation_id, self.organisation_name = organisation_id, name
        self._loaded_for = None
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._loaded_for != self.organisation_id:
            self.refresh()
        super().showEvent(event)

    @Slot()
    def refresh(self) -> None:
        org_id = self.organisation_id
        if org_id is None:
            self.model.set_rows([])
            self.hint.setText(self.tr("Sla de organisatie eerst op."))
            return

        def work() -> list[Suggestion]:
            with self.ctx.store.begin() as s:
                return matching.suggest_for_organisation(s, org_id, top=25)

        found = run_op(self, self.ctx, work, progress=self.tr("Ideeën zoeken…"))
        if found is None:
            return
        self._loaded_for = org_id
        self.model.set_rows(found)
        self.hint.setText(
            self.tr("Geen open ideeën gevonden; een organisatie die niet actief is, wordt nooit voorgesteld.")
            if not found
            else ""
        )
        self.link_button.setEnabled(bool(found))
        if found:
            self.table.selectRow(0)

    @Slot()
    def link_current(self) -> None:
        index = self.table.currentIndex()
        current = self.model.row_at(index.row()) if index.isValid() else None
        if current is None or self.organisation_id is None:
            return
        idea = self.ctx.read(lambda s: ideas.get_idea(s, current.idea_id))
        need = current.covered_needs[0] if current.covered_needs else None
        if link(self, self.ctx, idea, Preselection(self.organisation_id, self.organisation_name, need)) is not None:
            self.match_made.emit()
            self.refresh()
