"""The organisation editor: Gegevens, Aanbod, Contactpersonen, Koppelingen and Tijdlijn."""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import Slot
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
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from makelaar.domain import validation as v
from makelaar.domain.enums import Vocabulary
from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.formatting import format_date, format_euro, parse_euro
from makelaar.domain.records import AreaInfo, ContactData, MatchRow, OrganisationData, Term
from makelaar.services import matches, organisations, vocabulary
from makelaar.ui.context import AppContext
from makelaar.ui.editor_base import RecordEditor
from makelaar.ui.labels import label
from makelaar.ui.match_dialog import MatchStatusDialog
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.printing import preview_organisation
from makelaar.ui.report_preview import ReportPreview
from makelaar.ui.suggestions import HelpsWithPanel
from makelaar.ui.timeline import TimelineWidget
from makelaar.ui.widgets import (
    CheckList,
    add_row,
    amount_problem,
    check_on_leave,
    clean_amount,
    date_edit,
    date_problem,
    fill_combo,
    get_date,
    set_date,
)

CONTACT_FIELDS = ("name", "role", "email", "phone")


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


class ContactsTable(QWidget):
    """Contact persons, edited in place: name, role, e-mail, phone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Contactpersonen"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Naam"), self.tr("Functie"), self.tr("E-mail"), self.tr("Telefoon")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self._ids: list[str | None] = []
        add = QPushButton(self.tr("Contactpersoon &toevoegen"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_contact)
        remove = QPushButton(self.tr("Contactpersoon ve&rwijderen"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_contact)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(remove)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

    def set_contacts(self, contacts: list[ContactData]) -> None:
        self.table.setRowCount(0)
        self._ids = []
        for c in contacts:
            self._append(c)

    def _append(self, c: ContactData) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for col, field in enumerate(CONTACT_FIELDS):
            self.table.setItem(r, col, QTableWidgetItem(getattr(c, field) or ""))
        self._ids.append(c.id)

    @Slot()
    def add_contact(self) -> None:
        self._append(ContactData(name=""))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        item = self.table.item(self.table.rowCount() - 1, 0)
        if item is not None:
            self.table.editItem(item)

    @Slot()
    def remove_contact(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)
            del self._ids[r]

    def contacts(self) -> list[ContactData]:
        out = []
        for r in range(self.table.rowCount()):
            values = [_text(self.table.item(r, c)) for c in range(4)]
            if not any(v.strip() for v in values):
                continue  # an empty row the user added and left
            out.append(
                ContactData(
                    id=self._ids[r],
                    name=values[0],
                    role=values[1] or None,
                    email=values[2] or None,
                    phone=values[3] or None,
                )
            )
        return out

    def select_cell(self, index: int, field: str) -> None:
        if 0 <= index < self.table.rowCount() and field in CONTACT_FIELDS:
            self.table.setCurrentCell(index, CONTACT_FIELDS.index(field))


class OrganisationEditor(RecordEditor):
    def __init__(self, ctx: AppContext, organisation_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._version: int | None = None
        self._reference: str | None = None
        loaded: tuple[list[Term], list[Term], list[Term], list[Term], list[Term], list[AreaInfo]] = ctx.read(
            lambda s: (
                vocabulary.list_terms(s, Vocabulary.ORGANISATION_KIND, include_retired=True),
                vocabulary.list_terms(s, Vocabulary.HELP_TYPE),
                vocabulary.list_terms(s, Vocabulary.HELP_TYPE, include_retired=True),
                vocabulary.list_terms(s, Vocabulary.THEME),
                vocabulary.list_terms(s, Vocabulary.THEME, include_retired=True),
                vocabulary.list_areas(s, include_retired=True),
            )
        )
        kinds, self._offers, self._all_offers, self._themes, self._all_themes, self._areas = loaded
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Onderdelen van de organisatie"))
        self.body.addWidget(self.tabs)

        page = QWidget()
        form = QFormLayout(page)
        self.name = add_row(form, self.tr("&Naam:"), QLineEdit())
        self.kind = add_row(form, self.tr("&Soort:"), QComboBox())
        fill_combo(self.kind, [(self.tr("(onbekend)"), None)] + [(t.name, t.id) for t in kinds])
        self.description = add_row(form, self.tr("&Omschrijving:"), QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.website = add_row(form, self.tr("&Website:"), QLineEdit(), hint=self.tr("zoals www.voorbeeld.nl"))
        self.kvk = add_row(form, self.tr("&KvK-nummer:"), QLineEdit(), hint=self.tr("acht cijfers"))
        self.email = add_row(form, self.tr("&E-mail:"), QLineEdit())
        self.phone = add_row(form, self.tr("&Telefoon:"), QLineEdit())
        self.address = add_row(form, self.tr("&Adres:"), QLineEdit())
        self.postcode = add_row(form, self.tr("&Postcode:"), QLineEdit(), hint=self.tr("zoals 1234 AB"))
        self.city = add_row(form, self.tr("Plaa&ts:"), QLineEdit())
        self.active = add_row(form, self.tr("Actief:"), QCheckBox(self.tr("deze organisatie is nog actief")))
        self.tabs.addTab(page, self.tr("&Gegevens"))

        page2 = QWidget()
        grid = QGridLayout(page2)
        self.offers = CheckList()
        self.offers.setAccessibleName(self.tr("Aanbod"))
        self.themes = CheckList()
        self.themes.setAccessibleName(self.tr("Thema's"))
        self.areas = CheckList()
        self.areas.setAccessibleName(self.tr("Werkgebied"))
        grid.addWidget(QLabel(self.tr("Biedt (aanbod):")), 0, 0)
        grid.addWidget(QLabel(self.tr("Thema's:")), 0, 1)
        grid.addWidget(QLabel(self.tr("Werkt in:")), 0, 2)
        grid.addWidget(self.offers, 1, 0)
        grid.addWidget(self.themes, 1, 1)
        grid.addWidget(self.areas, 1, 2)
        self.tabs.addTab(page2, self.tr("Aan&bod en werkgebied"))

        self.contacts = ContactsTable()
        self.tabs.addTab(self.contacts, self.tr("&Contactpersonen"))

        fund_page = QWidget()
        fund_form = QFormLayout(fund_page)
        fund_form.addRow(
            QLabel(self.tr("Alleen voor fondsen: waar een aanvraag aan moet voldoen. Laat leeg wat niet geldt."))
        )
        self.fund_max_amount = add_row(
            fund_form, self.tr("&Maximumbedrag:"), QLineEdit(), hint=self.tr("in euro, zoals 2.500,00")
        )
        self.fund_min_initiators = add_row(fund_form, self.tr("Minimaal aantal &initiatiefnemers:"), QSpinBox())
        self.fund_min_initiators.setRange(0, 10_000)
        self.fund_min_initiators.setSpecialValueText(self.tr("geen eis"))
        self.fund_deadline = add_row(fund_form, self.tr("Aanvragen &uiterlijk op:"), date_edit(None, allow_empty=True))
        self.fund_excludes = add_row(fund_form, self.tr("Betaalt &niet voor:"), QPlainTextEdit())
        self.fund_excludes.setTabChangesFocus(True)
        self.fund_excludes.setPlaceholderText(self.tr("bijvoorbeeld: alcohol, commerciële activiteiten"))
        self.tabs.addTab(fund_page, self.tr("&Fonds"))

        page4 = QWidget()
        v4 = QVBoxLayout(page4)
        self.match_model: RowsTableModel[MatchRow] = RowsTableModel(
            [
                Column(self.tr("Idee"), lambda m: f"{m.idea_reference}  {m.idea_title}"),
                Column(self.tr("Voor"), lambda m: m.need),
                Column(self.tr("Status"), lambda m: label(m.status)),
                Column(self.tr("Opvolgen op"), lambda m: format_date(m.follow_up_on)),
                Column(self.tr("Contactpersoon"), lambda m: m.contact),
            ],
            self,
        )
        self.match_table = QTableView()
        self.match_table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move in the table
        self.match_table.setModel(self.match_model)
        self.match_table.setAccessibleName(self.tr("Koppelingen van deze organisatie"))
        self.match_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.match_table.verticalHeader().hide()
        self.match_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.match_table.doubleClicked.connect(self.change_match)
        change = QPushButton(self.tr("Status &wijzigen…"))
        change.setAutoDefault(False)
        change.clicked.connect(self.change_match)
        v4.addWidget(self.match_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(change)
        v4.addLayout(row)
        self.tabs.addTab(page4, self.tr("&Koppelingen"))

        self.helps_with = HelpsWithPanel(ctx)
        self.helps_with.match_made.connect(self.refresh_matches)
        self.tabs.addTab(self.helps_with, self.tr("Kan &helpen bij"))

        self.timeline = TimelineWidget(ctx)
        self.tabs.addTab(self.timeline, self.tr("Tij&dlijn"))

        for line, clean in (
            (self.website, v.clean_url),
            (self.kvk, v.clean_kvk),
            (self.email, v.clean_email),
            (self.phone, v.clean_phone),
            (self.postcode, v.clean_postcode),
            (self.fund_max_amount, clean_amount),
        ):
            check_on_leave(self.errors, line, clean)

        for field, widget in (
            ("name", self.name),
            ("website", self.website),
            ("kvk", self.kvk),
            ("email", self.email),
            ("phone", self.phone),
            ("postcode", self.postcode),
            ("fund_max_amount", self.fund_max_amount),
            ("fund_min_initiators", self.fund_min_initiators),
            ("fund_deadline", self.fund_deadline),
            ("fund_excludes", self.fund_excludes),
        ):
            self.errors.register(field, widget)

        self.print_button = self.buttons.addButton(self.tr("&Afdrukken…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setToolTip(self.tr("Organisatieblad (Ctrl+P)"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_report)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)

        if organisation_id:
            self.load(ctx.read(lambda s: organisations.get_organisation(s, organisation_id)))
        else:
            self.load(OrganisationData(name=""))
        self.mark_clean()
        self.name.setFocus()

    def what(self) -> str:
        return self.tr("Organisatie %1").replace("%1", self.name.text() or self.tr("(nieuw)"))

    def load(self, record: OrganisationData) -> None:
        self.record_id = record.id
        self._version = record.version
        self._reference = record.reference
        self.header.setText(f"{record.reference}  {record.name}" if record.reference else self.tr("Nieuwe organisatie"))
        self.name.setText(record.name)
        self.setWindowTitle(self.what() if record.id else self.tr("Nieuwe organisatie"))
        self.kind.setCurrentIndex(max(self.kind.findData(record.kind_id), 0))
        self.description.setPlainText(record.description)
        for field in ("website", "kvk", "email", "phone", "address", "postcode", "city"):
            getattr(self, field).setText(getattr(record, field) or "")
        # Contact details an import kept as the file gave them: marked beside the field until they are corrected.
        self._to_check = {field: getattr(record, field) or "" for field in record.to_check}
        for field in self._to_check:
            self.errors.mark(
                getattr(self, field),
                self.tr(
                    "Te controleren: zo stond het in het ingelezen bestand, maar het is geen geldige waarde. "
                    "Verbeter het, of laat het zo staan."
                ),
            )
        self.active.setChecked(record.active)
        self.fund_max_amount.setText(format_euro(record.fund_max_amount) if record.fund_max_amount is not None else "")
        self.fund_min_initiators.setValue(record.fund_min_initiators or 0)
        set_date(self.fund_deadline, record.fund_deadline)
        self.fund_excludes.setPlainText(record.fund_excludes or "")
        self.offers.set_terms(self._offers, record.offer_ids, [t for t in self._all_offers if t.retired])
        self.themes.set_terms(self._themes, record.theme_ids, [t for t in self._all_themes if t.retired])
        self.areas.set_terms(
            [Term(id=a.id, name=a.name) for a in self._areas if not a.retired],
            record.area_ids,
            [Term(id=a.id, name=a.name, retired=True) for a in self._areas if a.retired],
        )
        self.contacts.set_contacts(record.contacts)
        self.timeline.show_for(organisation_id=record.id)
        self.helps_with.show_for(record.id, record.name)
        self.refresh_matches()

    def collect(self) -> OrganisationData:
        return OrganisationData(
            id=self.record_id,
            version=self._version,
            reference=self._reference,
            name=self.name.text(),
            kind_id=self.kind.currentData(),
            description=self.description.toPlainText(),
            website=self.website.text() or None,
            kvk=self.kvk.text() or None,
            email=self.email.text() or None,
            phone=self.phone.text() or None,
            address=self.address.text() or None,
            postcode=self.postcode.text() or None,
            city=self.city.text() or None,
            active=self.active.isChecked(),
            offer_ids=self.offers.selected_ids(),
            theme_ids=self.themes.selected_ids(),
            area_ids=self.areas.selected_ids(),
            contacts=self.contacts.contacts(),
            fund_max_amount=self._fund_amount(),
            fund_min_initiators=self.fund_min_initiators.value() or None,
            fund_deadline=get_date(self.fund_deadline),
            fund_excludes=self.fund_excludes.toPlainText() or None,
            # A marked value the broker left as it was stays marked (and is kept); a changed one is checked anew.
            to_check=[f for f, raw in self._to_check.items() if getattr(self, f).text() == raw],
        )

    def pending_input(self) -> bool:
        return bool(self.timeline.text.toPlainText().strip())

    def input_problems(self) -> list[FieldError]:
        return [
            *amount_problem("fund_max_amount", self.fund_max_amount),
            *date_problem("fund_deadline", self.fund_deadline),
        ]

    def _fund_amount(self) -> Decimal | None:
        try:
            return parse_euro(self.fund_max_amount.text())
        except ValueError:
            return Decimal(-1)  # input_problems() refuses the save; this only makes the form count as changed

    def store(self, session: Session, data: OrganisationData) -> OrganisationData:
        return organisations.save_organisation(session, data, author=self.ctx.author)

    def prepare_errors(self, error: ValidationError) -> None:
        for e in error.errors:
            match = re.fullmatch(r"contacts\[(\d+)\]\.(\w+)", e.field)
            if match:
                self.contacts.select_cell(int(match.group(1)), match.group(2))
                self.errors.register(e.field, self.contacts.table)

    @Slot()
    def print_report(self) -> ReportPreview | None:
        """Ctrl+P: the organisatieblad as saved (unsaved changes are saved first, if wanted)."""
        org_id = self.saved_for_printing(self.tr("Sla de organisatie eerst op; dan kun je het blad afdrukken."))
        return None if org_id is None else preview_organisation(self, self.ctx, org_id, self.name.text())

    def refresh_matches(self) -> None:
        if self.record_id is None:
            self.match_model.set_rows([])
            return
        org_id = self.record_id
        self.match_model.set_rows(self.ctx.read(lambda s: matches.matches_for_organisation(s, org_id)))

    @Slot()
    def change_match(self) -> None:
        index = self.match_table.currentIndex()
        current = self.match_model.row_at(index.row()) if index.isValid() else None
        if current is None:
            return
        change = MatchStatusDialog.ask(self, current)
        if change is None:
            return
        done = self.ctx.act(
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
        if done is not None:
            self.refresh_matches()
            self.timeline.refresh()
