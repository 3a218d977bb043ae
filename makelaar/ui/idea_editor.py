"""The idea editor: Gegevens, Thema's en behoeften, Initiatiefnemers, Koppelingen and Tijdlijn."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, SignalInstance, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from makelaar.actions.common import Changes
from makelaar.domain import validation as v
from makelaar.domain.enums import ConsentMethod, IdeaSource, IdeaStatus, Vocabulary
from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.formatting import format_date, format_euro, parse_euro
from makelaar.domain.records import IdeaData, InitiatorData, MatchRow
from makelaar.services import ideas, matches, sessions, vocabulary
from makelaar.ui.context import AppContext, Confirm
from makelaar.ui.editor_base import RecordEditor
from makelaar.ui.labels import label
from makelaar.ui.match_dialog import MatchStatusDialog, link
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.operations import run_op
from makelaar.ui.printing import preview_idea
from makelaar.ui.report_preview import ReportPreview, SaveChooser
from makelaar.ui.suggestions import SuggestionsPanel
from makelaar.ui.timeline import TimelineWidget
from makelaar.ui.widgets import (
    CheckList,
    add_row,
    amount_problem,
    area_items,
    check_on_leave,
    clean_amount,
    date_edit,
    date_problem,
    fill_combo,
    get_date,
    set_date,
)


class InitiatorsPanel(QWidget):
    """The residents behind an idea: a list to pick one, and its details with the consent it gave.

    Signals:
        inzage_requested(str): the broker asks for everything stored about this person (initiator id).
        forget_requested(str): the broker asks to erase this person's data now (initiator id).
    """

    inzage_requested = Signal(str)
    forget_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: list[InitiatorData] = []
        self._current = -1
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Initiatiefnemers"))
        self.list.setMaximumWidth(230)
        self.list.currentRowChanged.connect(self._show)
        self.add_button = QPushButton(self.tr("&Toevoegen"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton(self.tr("Ve&rwijderen"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_person)
        # A resident's rights, one action each (the person as saved).
        self.inzage_button = QPushButton(self.tr("&Inzage…"))
        self.inzage_button.setToolTip(self.tr("Alles wat over deze persoon bewaard is, als PDF of JSON"))
        self.inzage_button.setAutoDefault(False)
        self.inzage_button.clicked.connect(lambda: self._person_action(self.inzage_requested))
        self.forget_button = QPushButton(self.tr("&Vergeten…"))
        self.forget_button.setToolTip(self.tr("Naam en contactgegevens nu wissen; het idee blijft"))
        self.forget_button.setAutoDefault(False)
        self.forget_button.clicked.connect(lambda: self._person_action(self.forget_requested))

        form = QFormLayout()
        self.name = add_row(form, self.tr("Naam:"), QLineEdit())
        self.consent_contact = add_row(
            form,
            self.tr("Toestemming voor contact:"),
            QCheckBox(self.tr("mag door de gemeente benaderd worden; contactgegevens bewaren")),
        )
        self.consent_share = add_row(
            form,
            self.tr("Toestemming om te delen:"),
            QCheckBox(self.tr("naam en contactgegevens mogen naar partnerorganisaties")),
        )
        self.consent_method = add_row(form, self.tr("Toestemming gegeven:"), QComboBox())
        for m in ConsentMethod:
            self.consent_method.addItem(label(m.value), m.value)
        self.consent_on = add_row(form, self.tr("Datum toestemming:"), date_edit(date.today()))
        self.email = add_row(form, self.tr("E-mail:"), QLineEdit())
        self.phone = add_row(form, self.tr("Telefoon:"), QLineEdit())
        self.address = add_row(form, self.tr("Adres:"), QLineEdit())
        self.postcode = add_row(form, self.tr("Postcode:"), QLineEdit(), hint=self.tr("zoals 1234 AB"))
        self.reference = QLabel()
        form.addRow(self.tr("Nummer:"), self.reference)
        for w in (self.name, self.email, self.phone, self.address, self.postcode):
            w.textChanged.connect(self._store_current)
        for cb in (self.consent_contact, self.consent_share):
            cb.toggled.connect(self._store_current)
            cb.toggled.connect(self._update_enabled)
        self.consent_method.currentIndexChanged.connect(self._store_current)
        self.consent_on.dateChanged.connect(self._store_current)
        self.details = QWidget()
        self.details.setLayout(form)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        rights = QHBoxLayout()
        rights.addWidget(self.inzage_button)
        rights.addWidget(self.forget_button)
        left.addLayout(rights)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.details, 1)
        self._show(-1)

    def set_people(self, people: list[InitiatorData]) -> None:
        self._people = [InitiatorData(**vars(p)) for p in people]
        self._refresh_list(0 if people else -1)

    def people(self) -> list[InitiatorData]:
        return [InitiatorData(**vars(p)) for p in self._people]

    def field_widget(self, index: int, field: str) -> QWidget | None:
        """The widget for a field of the index-th person (selects that person), for showing errors."""
        if 0 <= index < len(self._people):
            self.list.setCurrentRow(index)
            return getattr(self, field, None)
        return None

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for p in self._people:
            self.list.addItem(p.name or self.tr("(nog zonder naam)"))
        self.list.blockSignals(False)
        self.list.setCurrentRow(select)
        self._show(select)

    def _person_action(self, signal: SignalInstance) -> None:
        row = self.list.currentRow()
        person_id = self._people[row].id if 0 <= row < len(self._people) else None
        if person_id:
            signal.emit(person_id)

    @Slot()
    def add_person(self) -> None:
        self._people.append(InitiatorData(name="", consent_on=date.today()))
        self._refresh_list(len(self._people) - 1)
        self.name.setFocus()

    @Slot()
    def remove_person(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._people):
            del self._people[row]
            self._refresh_list(min(row, len(self._people) - 1))

    @Slot(int)
    def _show(self, row: int) -> None:
        self._current = row
        self.details.setEnabled(0 <= row < len(self._people))
        self.remove_button.setEnabled(self.details.isEnabled())
        saved = 0 <= row < len(self._people) and self._people[row].id is not None
        self.inzage_button.setEnabled(saved)
        self.forget_button.setEnabled(saved)
        p = self._people[row] if 0 <= row < len(self._people) else InitiatorData(name="")
        widgets: list[Any] = [
            self.name,
            self.email,
            self.phone,
            self.address,
            self.postcode,
            self.consent_contact,
            self.consent_share,
            self.consent_method,
            self.consent_on,
        ]
        for w in widgets:
            w.blockSignals(True)
        self.name.setText(p.name)
        self.email.setText(p.email or "")
        self.phone.setText(p.phone or "")
        self.address.setText(p.address or "")
        self.postcode.setText(p.postcode or "")
        self.consent_contact.setChecked(p.consent_contact)
        self.consent_share.setChecked(p.consent_share)
        self.consent_method.setCurrentIndex(max(self.consent_method.findData(p.consent_method), 0))
        set_date(self.consent_on, p.consent_on or date.today())
        self.reference.setText(p.reference or self.tr("(nieuw)"))
        for w in widgets:
            w.blockSignals(False)
        self._update_enabled()

    @Slot()
    def _update_enabled(self) -> None:
        # Without consent for contact no contact details are kept, so the fields are not offered.
        allowed = self.consent_contact.isChecked()
        for w in (self.email, self.phone, self.address, self.postcode):
            w.setEnabled(allowed)
        self.consent_share.setEnabled(allowed)

    @Slot()
    def _store_current(self) -> None:
        row = self._current
        if not (0 <= row < len(self._people)):
            return
        p = self._people[row]
        p.name = self.name.text()
        p.email = self.email.text() or None
        p.phone = self.phone.text() or None
        p.address = self.address.text() or None
        p.postcode = self.postcode.text() or None
        p.consent_contact = self.consent_contact.isChecked()
        p.consent_share = self.consent_share.isChecked() and p.consent_contact
        p.consent_method = str(self.consent_method.currentData())
        p.consent_on = get_date(self.consent_on)
        item = self.list.item(row)
        if item is not None:
            item.setText(p.name or self.tr("(nog zonder naam)"))


class IdeaEditor(RecordEditor):
    """Signals:
    deleted(str): the idea was removed.
    """

    deleted = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        idea_id: str | None = None,
        parent: QWidget | None = None,
        *,
        session_id: str | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Idee"))
        self._version: int | None = None
        self._reference: str | None = None
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen van het idee"))
        self.body.addWidget(self.tabs)

        terms, areas, session_rows = ctx.read(
            lambda s: (
                vocabulary.terms_by_vocabulary(s),  # every word list in one query, retired terms too
                vocabulary.list_areas(s, include_retired=True),
                sessions.session_choices(s),
            )
        )
        self._all_themes = terms.get(Vocabulary.THEME.value, [])
        self._all_needs = terms.get(Vocabulary.HELP_TYPE.value, [])
        self._themes = [t for t in self._all_themes if not t.retired]
        self._needs = [t for t in self._all_needs if not t.retired]

        # Gegevens
        page = QWidget()
        form = QFormLayout(page)
        self.title = add_row(form, self.tr("&Titel:"), QLineEdit())
        self.title.setMaxLength(200)
        self.description = add_row(form, self.tr("&Omschrijving:"), QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.status = add_row(form, self.tr("&Status:"), QComboBox())
        for st in IdeaStatus:
            self.status.addItem(label(st.value), st.value)
        self.area = add_row(form, self.tr("&Wijk:"), QComboBox())
        self._all_areas = areas
        self.source = add_row(form, self.tr("&Binnengekomen via:"), QComboBox())
        fill_combo(self.source, [(self.tr("(onbekend)"), None)] + [(label(s.value), s.value) for s in IdeaSource])
        self.session = add_row(form, self.tr("Wij&ktafel:"), QComboBox())
        # Hundreds of wijktafels in a few years: sized by a typical title instead of measuring every one of them each
        # time an idea is opened (the field still stretches with the form; the list shows the whole titles).
        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(40)
        fill_combo(
            self.session,
            [(self.tr("(geen)"), None)]
            + [(f"{title} ({format_date(held_on)})", sid) for sid, title, held_on in session_rows],
        )
        self.team_size = add_row(
            form, self.tr("Aantal &mensen:"), QSpinBox(), hint=self.tr("Hoeveel mensen staan achter het idee")
        )
        self.team_size.setRange(0, 10_000)
        self.team_size.setSpecialValueText(self.tr("onbekend"))
        self.amount = add_row(form, self.tr("Gevraagd &bedrag:"), QLineEdit(), hint=self.tr("in euro, zoals 1.250,00"))
        self.received_on = add_row(form, self.tr("Binnengekomen &op:"), date_edit(date.today()))
        self.tabs.addTab(page, self.tr("&Gegevens"))

        # Thema's en behoeften
        page2 = QWidget()
        grid = QGridLayout(page2)
        self.themes = CheckList()
        self.themes.setAccessibleName(self.tr("Thema's"))
        self.needs = CheckList()
        self.needs.setAccessibleName(self.tr("Behoeften"))
        grid.addWidget(QLabel(self.tr("Thema's (spatie vinkt aan):")), 0, 0)
        grid.addWidget(QLabel(self.tr("Wat is er nodig (behoeften):")), 0, 1)
        grid.addWidget(self.themes, 1, 0)
        grid.addWidget(self.needs, 1, 1)
        self.tabs.addTab(page2, self.tr("T&hema's en behoeften"))

        # Initiatiefnemers
        self.people = InitiatorsPanel()
        self.people.inzage_requested.connect(self.person_inzage)
        self.people.forget_requested.connect(self.person_forget)
        self.tabs.addTab(self.people, self.tr("&Initiatiefnemers"))

        # Suggesties
        self.suggestions = SuggestionsPanel(ctx)
        self.suggestions.match_made.connect(self._after_match_change)
        self.tabs.addTab(self.suggestions, self.tr("Su&ggesties"))

        # Koppelingen
        page4 = QWidget()
        self.matches_page = page4
        v4 = QVBoxLayout(page4)
        self.match_model: RowsTableModel[MatchRow] = RowsTableModel(
            [
                Column(self.tr("Organisatie"), lambda m: m.organisation_name),
                Column(self.tr("Voor"), lambda m: m.need),
                Column(self.tr("Status"), lambda m: label(m.status)),
                Column(self.tr("Opvolgen op"), lambda m: format_date(m.follow_up_on)),
                Column(self.tr("Contactpersoon"), lambda m: m.contact),
                Column(self.tr("Notitie"), lambda m: m.note),
            ],
            self,
        )
        self.match_table = QTableView()
        self.match_table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move in the table
        self.match_table.setModel(self.match_model)
        self.match_table.setAccessibleName(self.tr("Koppelingen van dit idee"))
        self.match_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.match_table.verticalHeader().hide()
        self.match_table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.match_table.doubleClicked.connect(self.change_match)
        self.add_match_button = QPushButton(self.tr("&Koppeling toevoegen…"))
        self.add_match_button.setAutoDefault(False)
        self.add_match_button.clicked.connect(self.add_match)
        self.change_match_button = QPushButton(self.tr("Status &wijzigen…"))
        self.change_match_button.setAutoDefault(False)
        self.change_match_button.clicked.connect(self.change_match)
        self.match_hint = QLabel(self.tr("Sla het idee eerst op; daarna kun je het koppelen aan organisaties."))
        row = QHBoxLayout()
        row.addWidget(self.match_hint)
        row.addStretch(1)
        row.addWidget(self.change_match_button)
        row.addWidget(self.add_match_button)
        v4.addWidget(self.match_table, 1)
        v4.addLayout(row)
        self.tabs.addTab(page4, self.tr("&Koppelingen"))

        # Tijdlijn
        self.timeline = TimelineWidget(ctx)
        self.tabs.addTab(self.timeline, self.tr("Tij&dlijn"))

        for line, clean in (
            (self.people.email, v.clean_email),
            (self.people.phone, v.clean_phone),
            (self.people.postcode, v.clean_postcode),
            (self.amount, clean_amount),
        ):
            check_on_leave(self.errors, line, clean)
        self.people.list.currentRowChanged.connect(self._forget_person_marks)

        for field, widget in (
            ("title", self.title),
            ("status", self.status),
            ("team_size", self.team_size),
            ("requested_amount", self.amount),
            ("source", self.source),
            ("received_on", self.received_on),
            ("consent_on", self.people.consent_on),
        ):
            self.errors.register(field, widget)

        self.print_button = self.buttons.addButton(self.tr("&Afdrukken…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setToolTip(self.tr("Koppelingsrapport voor de bewoner of de partners (Ctrl+P)"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_report)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        self.delete_button = self.buttons.addButton(
            self.tr("Idee &verwijderen…"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_idea)

        if idea_id:
            self.load(ctx.read(lambda s: ideas.get_idea(s, idea_id)))
        else:
            self.load(IdeaData(title="", session_id=session_id, received_on=date.today()))
        self.mark_clean()
        self.title.setFocus()

    # -- RecordEditor -------------------------------------------------------------------------------------------

    def what(self) -> str:
        return self.tr("Idee %1").replace("%1", self._reference or self.tr("(nieuw)"))

    def load(self, record: IdeaData) -> None:
        self.record_id = record.id
        self._version = record.version
        self._reference = record.reference
        self.header.setText(f"{record.reference}  {record.title}" if record.reference else self.tr("Nieuw idee"))
        self.setWindowTitle(self.what())
        self.title.setText(record.title)
        self.description.setPlainText(record.description)
        self.status.setCurrentIndex(max(self.status.findData(record.status), 0))
        fill_combo(
            self.area, area_items(self._all_areas, empty=self.tr("(onbekend)"), keep=[record.area_id]), record.area_id
        )
        self.source.setCurrentIndex(max(self.source.findData(record.source), 0))
        self.session.setCurrentIndex(max(self.session.findData(record.session_id), 0))
        self.team_size.setValue(record.team_size or 0)
        self.amount.setText(format_euro(record.requested_amount) if record.requested_amount is not None else "")
        set_date(self.received_on, record.received_on or date.today())
        self.themes.set_terms(self._themes, record.theme_ids, [t for t in self._all_themes if t.retired])
        self.needs.set_terms(self._needs, record.need_ids, [t for t in self._all_needs if t.retired])
        self.people.set_people(record.initiators)
        saved = record.id is not None
        self.delete_button.setVisible(saved)
        self.add_match_button.setEnabled(saved)
        self.change_match_button.setEnabled(saved)
        self.match_hint.setVisible(not saved)
        self.timeline.show_for(idea_id=record.id)
        self.suggestions.show_for(record)
        self.refresh_matches()

    def collect(self) -> IdeaData:
        amount: Decimal | None
        try:
            amount = parse_euro(self.amount.text())
        except ValueError:
            amount = Decimal(-1)  # input_problems() refuses the save; this only makes the form count as changed
        return IdeaData(
            id=self.record_id,
            version=self._version,
            reference=self._reference,
            title=self.title.text(),
            description=self.description.toPlainText(),
            status=str(self.status.currentData()),
            area_id=self.area.currentData(),
            source=self.source.currentData(),
            session_id=self.session.currentData(),
            team_size=self.team_size.value() or None,
            requested_amount=amount,
            received_on=get_date(self.received_on),
            theme_ids=self.themes.selected_ids(),
            need_ids=self.needs.selected_ids(),
            initiators=self.people.people(),
        )

    def store(self, session: Session, data: IdeaData) -> IdeaData:
        return ideas.save_idea(session, data, author=self.ctx.author)

    def pending_input(self) -> bool:
        return bool(self.timeline.text.toPlainText().strip())

    def input_problems(self) -> list[FieldError]:
        return [
            *amount_problem("requested_amount", self.amount),
            *date_problem("received_on", self.received_on),
            *date_problem("consent_on", self.people.consent_on),
        ]

    @Slot()
    def _forget_person_marks(self) -> None:
        # The fields now show another person; their marks belonged to the previous one.
        for w in (self.people.email, self.people.phone, self.people.postcode):
            self.errors.unmark(w)

    def prepare_errors(self, error: ValidationError) -> None:
        # A person's fields are named initiators[i].field: show the first person with a problem and mark each of
        # its fields (the fields show one person at a time; the summary lists the others' problems too).
        first: int | None = None
        for e in error.errors:
            match = re.fullmatch(r"initiators\[(\d+)\]\.(\w+)", e.field)
            if match is None:
                continue
            index = int(match.group(1))
            first = index if first is None else first
            if index == first:
                widget = self.people.field_widget(index, match.group(2))
                if widget is not None:
                    self.errors.register(e.field, widget)

    @Slot()
    def print_report(self) -> ReportPreview | None:
        """Ctrl+P: the koppelingsrapport of this idea as saved (unsaved changes are saved first, if wanted)."""
        idea_id = self.saved_for_printing(self.tr("Sla het idee eerst op; dan kun je het rapport afdrukken."))
        return None if idea_id is None else preview_idea(self, self.ctx, idea_id, self._reference or "")

    @Slot(str)
    def person_inzage(self, initiator_id: str) -> Path | None:
        """Inzage: everything stored about the person, to hand over (PDF or JSON); the export is logged."""
        from makelaar.actions.inzage import write_inzage
        from makelaar.ui.dialogs import may_write

        if self.saved_for_printing(self.tr("Sla het idee eerst op.")) is None:
            return None
        folder = Path(self.ctx.settings.last_folder or Path.home())
        chosen = SaveChooser.ask(self, str(folder / "inzage-persoonsgegevens.pdf"))
        if not chosen:
            return None
        out = Path(chosen) if Path(chosen).suffix.lower() in (".pdf", ".json") else Path(chosen + ".pdf")
        overwrite = may_write(self, out)
        if overwrite is None:
            return None
        store, author = self.ctx.store, self.ctx.author
        done = run_op(self, self.ctx, lambda: write_inzage(store, initiator_id, out, actor=author, overwrite=overwrite))
        return out if done is not None else None

    @Slot(str)
    def person_forget(self, initiator_id: str) -> bool:
        """Vergeten: erase the person's name and contact data now; the idea, its wijk and themes stay."""
        from makelaar.actions import inzage

        if self.saved_for_printing(self.tr("Sla het idee eerst op.")) is None:
            return False
        question = self.tr(
            "Naam en contactgegevens van deze persoon nu wissen? Dit kan niet ongedaan worden gemaakt. Het idee blijft "
            "bestaan."
        )
        if not Confirm.ask(self, self.tr("Persoon vergeten"), question):
            return False
        done = run_op(
            self, self.ctx, lambda: inzage.forget_initiator(self.ctx.store, initiator_id, actor=self.ctx.author)
        )
        if done is None:
            return False
        idea_id = self.record_id or ""
        self.load(self.ctx.read(lambda s: ideas.get_idea(s, idea_id)))
        self.mark_clean()
        self.saved.emit(idea_id)
        return True

    @Slot()
    def delete_idea(self) -> None:
        """Remove an idea registered by mistake, with its koppelingen and timeline (after a clear question)."""
        if self.record_id is None:
            return
        idea_id = self.record_id
        question = self.tr(
            "Idee %1 verwijderen, met de koppelingen en de tijdlijn? Initiatiefnemers die bij geen ander idee horen, "
            "worden ook verwijderd. Dit kan niet ongedaan worden gemaakt."
        ).replace("%1", self._reference or "")
        if not Confirm.ask(self, self.tr("Idee verwijderen"), question):
            return

        def work() -> Changes:
            with self.ctx.store.begin() as s:
                ideas.delete_idea(s, idea_id)
            return Changes(ideas=True, matches=True, persons=True)

        if run_op(self, self.ctx, work, changes=lambda c: c) is None:
            return
        self.deleted.emit(idea_id)
        self._snapshot = self.collect()  # nothing left to save
        self.accept()

    def refresh_matches(self) -> None:
        if self.record_id is None:
            self.match_model.set_rows([])
            return
        idea_id = self.record_id
        self.match_model.set_rows(self.ctx.read(lambda s: matches.matches_for_idea(s, idea_id)))
        self.match_table.resizeColumnsToContents()

    def _after_match_change(self) -> None:
        """A koppeling can move the idea's status on; take the new status and version without losing edits."""
        if self.record_id is None:
            return
        idea_id = self.record_id
        fresh = self.ctx.read(lambda s: ideas.get_idea(s, idea_id))
        was_clean = not self.is_dirty()
        self._version = fresh.version
        if self.status.currentData() == (self._snapshot.status if self._snapshot else None):
            self.status.setCurrentIndex(max(self.status.findData(fresh.status), 0))
        if was_clean:
            self.mark_clean()
        elif self._snapshot is not None:
            self._snapshot.version = fresh.version
            self._snapshot.status = fresh.status
        self.refresh_matches()
        self.timeline.refresh()
        self.saved.emit(idea_id)

    @Slot()
    def add_match(self) -> None:
        if self.record_id is None:
            return
        data = self.collect()
        data.id = self.record_id
        if link(self, self.ctx, data) is not None:
            self._after_match_change()

    @Slot()
    def change_match(self) -> None:
        index = self.match_table.currentIndex()
        current = self.match_model.row_at(index.row()) if index.isValid() else None
        if current is None:
            return
        change = MatchStatusDialog.ask(self, current)
        if change is None:
            return
        row = self.ctx.act(
            self,
            lambda s: matches.update_match(
                s,
                current.id,
                version=current.version,
                status=change.status,
                follow_up_on=change.follow_up_on,
                note=change.note,
                author=self.ctx.author,
            ),
        )
        if row is not None:
            self._after_match_change()
