"""Dialogs for koppelingen: link an idea to an organisation for a need, and move a koppeling on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.enums import MATCH_TRANSITIONS, MatchStatus, Vocabulary
from makelaar.domain.records import IdeaData, MatchRow
from makelaar.services import matches, organisations, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.ui.context import AppContext
from makelaar.ui.labels import label
from makelaar.ui.widgets import add_row, date_edit, get_date, set_date


@dataclass(frozen=True)
class MatchChoice:
    organisation_id: str
    need_id: str | None
    contact_id: str | None
    status: MatchStatus
    follow_up_on: date | None
    note: str


@dataclass(frozen=True)
class Preselection:
    """A suggestion taken over in the dialog: this organisation, for this need (by name)."""

    organisation_id: str
    organisation_name: str
    need_name: str | None = None


@dataclass(frozen=True)
class StatusChange:
    status: MatchStatus
    follow_up_on: date | None
    note: str


def link(
    parent: QWidget,
    ctx: AppContext,
    idea: IdeaData,
    preselect: Preselection | None = None,
) -> MatchRow | None:
    """Ask for a koppeling of ``idea`` (optionally with a suggestion filled in) and make it; None when the broker
    cancelled or the store refused (the reason is shown)."""
    if idea.id is None:
        return None
    idea_id = idea.id
    choice = MatchDialog.ask(parent, ctx, idea, preselect)
    if choice is None:
        return None
    return ctx.act(
        parent,
        lambda s: matches.create_match(
            s,
            idea_id=idea_id,
            organisation_id=choice.organisation_id,
            need_id=choice.need_id,
            status=choice.status,
            follow_up_on=choice.follow_up_on,
            contact_id=choice.contact_id,
            note=choice.note,
            author=ctx.author,
        ),
    )


class MatchDialog(QDialog):
    """Choose the organisation, the need it covers, a contact person, a status and a follow-up date."""

    def __init__(
        self, parent: QWidget | None, ctx: AppContext, idea: IdeaData, preselect: Preselection | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Koppeling toevoegen"))
        all_needs = ctx.read(lambda s: vocabulary.list_terms(s, Vocabulary.HELP_TYPE, include_retired=True))
        self._area_id = idea.area_id
        form = QFormLayout()
        self.need = add_row(form, self.tr("&Voor behoefte:"), QComboBox())
        wanted = [t for t in all_needs if t.id in idea.need_ids]
        others = [t for t in all_needs if t.id not in idea.need_ids and not t.retired]
        self.need.addItem(self.tr("(geen specifieke behoefte)"), None)
        for t in wanted + others:
            self.need.addItem(t.name, t.id)
        self.need.setCurrentIndex(1 if wanted else 0)
        self.offers_only = add_row(
            form, self.tr("Filter:"), QCheckBox(self.tr("alleen organisaties die dit aanbieden"))
        )
        self.offers_only.setChecked(True)
        self.search = add_row(form, self.tr("&Zoek organisatie:"), QLineEdit())
        self.search.setPlaceholderText(self.tr("typ een deel van de naam of omschrijving"))
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Gevonden organisaties"))
        self.results.setMinimumHeight(160)
        form.addRow(self.results)
        self.contact = add_row(form, self.tr("&Contactpersoon:"), QComboBox())
        self.status = add_row(form, self.tr("&Status:"), QComboBox())
        for st in (MatchStatus.PROPOSED, MatchStatus.APPROACHED, MatchStatus.COMMITTED):
            self.status.addItem(label(st.value), st.value)
        self.follow_up = add_row(form, self.tr("&Opvolgen op:"), date_edit(None, allow_empty=True))
        set_date(self.follow_up, date.today() + timedelta(days=7))
        self.note = add_row(form, self.tr("&Notitie:"), QPlainTextEdit())
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.message = QLabel()
        self.message.setObjectName("errorText")  # the theme's error colour, light or dark
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Koppelen"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh_results)
        self.need.currentIndexChanged.connect(self.refresh_results)
        self.offers_only.toggled.connect(self.refresh_results)
        self.results.currentItemChanged.connect(self._load_contacts)
        self.refresh_results()
        if preselect is not None:
            self._preselect(preselect)
        self.resize(560, 600)

    def _preselect(self, choice: Preselection) -> None:
        if choice.need_name:
            index = self.need.findText(choice.need_name)
            if index >= 0:
                self.need.setCurrentIndex(index)
        self.offers_only.setChecked(False)
        self.search.setText(choice.organisation_name)
        for i in range(self.results.count()):
            if self.results.item(i).data(Qt.ItemDataRole.UserRole) == choice.organisation_id:
                self.results.setCurrentRow(i)
                break
        self.follow_up.setFocus()

    @Slot()
    def refresh_results(self) -> None:
        need_id = self.need.currentData() if self.offers_only.isChecked() else None
        query = ListQuery(
            search=self.search.text(),
            help_type_id=need_id,
            area_id=self._area_id,
            active_only=True,
            sort="name",
            descending=False,
        )
        rows = self.ctx.read(lambda s: organisations.list_organisations(s, query, 0, 100))
        if not rows and self._area_id:
            # Nobody in this wijk: look municipality-wide and beyond rather than show nothing.
            query = ListQuery(
                search=query.search, help_type_id=need_id, active_only=True, sort="name", descending=False
            )
            rows = self.ctx.read(lambda s: organisations.list_organisations(s, query, 0, 100))
        self.results.clear()
        for r in rows:
            item = QListWidgetItem(f"{r.name}  —  {r.offers}" if r.offers else r.name)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        self.message.setText("" if rows else self.tr("Geen actieve organisaties gevonden."))

    @Slot()
    def _load_contacts(self) -> None:
        self.contact.clear()
        self.contact.addItem(self.tr("(nog niet bekend)"), None)
        org_id = self.selected_organisation()
        if org_id is None:
            return
        for c in self.ctx.read(lambda s: organisations.list_contacts(s, org_id)):
            self.contact.addItem(f"{c.name} ({c.role})" if c.role else c.name, c.id)

    def selected_organisation(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def accept(self) -> None:
        if self.selected_organisation() is None:
            self.message.setText(self.tr("Kies eerst een organisatie uit de lijst."))
            self.search.setFocus()
            return
        super().accept()

    def choice(self) -> MatchChoice | None:
        org = self.selected_organisation()
        if org is None:
            return None
        return MatchChoice(
            organisation_id=org,
            need_id=self.need.currentData(),
            contact_id=self.contact.currentData(),
            status=MatchStatus(self.status.currentData()),
            follow_up_on=get_date(self.follow_up),
            note=self.note.toPlainText(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, ctx: AppContext, idea: IdeaData, preselect: Preselection | None = None
    ) -> MatchChoice | None:
        dialog = cls(parent, ctx, idea, preselect)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


# The step a koppeling usually takes from each status; the one a finished koppeling has stays where it is.
NEXT_STATUS: dict[MatchStatus, MatchStatus] = {
    MatchStatus.PROPOSED: MatchStatus.APPROACHED,
    MatchStatus.APPROACHED: MatchStatus.COMMITTED,
    MatchStatus.COMMITTED: MatchStatus.DONE,
    MatchStatus.DECLINED: MatchStatus.APPROACHED,
}


class MatchStatusDialog(QDialog):
    """Move a koppeling to its next status and set the next follow-up date."""

    def __init__(self, parent: QWidget | None, row: MatchRow) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Koppeling met %1").replace("%1", row.organisation_name))
        current = MatchStatus(row.status)
        form = QFormLayout()
        form.addRow(self.tr("Nu:"), QLabel(label(current.value)))
        self.status = add_row(form, self.tr("&Nieuwe status:"), QComboBox())
        self.status.addItem(label(current.value), current.value)
        order = list(MatchStatus)
        for st in sorted(MATCH_TRANSITIONS[current], key=order.index):
            self.status.addItem(label(st.value), st.value)
        # Enter takes the step a koppeling usually takes next; going back or declining is a deliberate choice.
        natural = NEXT_STATUS.get(current)
        self.status.setCurrentIndex(max(self.status.findData(natural.value), 0) if natural else 0)
        self.follow_up = add_row(form, self.tr("&Opvolgen op:"), date_edit(row.follow_up_on, allow_empty=True))
        self.note = add_row(form, self.tr("N&otitie:"), QPlainTextEdit(row.note))
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def change(self) -> StatusChange:
        return StatusChange(
            status=MatchStatus(self.status.currentData()),
            follow_up_on=get_date(self.follow_up),
            note=self.note.toPlainText(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, row: MatchRow) -> StatusChange | None:
        dialog = cls(parent, row)
        return dialog.change() if dialog.exec() == QDialog.DialogCode.Accepted else None
