from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import Vocabulary
from makelaar.domain.records import OrganisationData
from makelaar.services import organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store
from makelaar.ui.context import AppContext
from makelaar.ui.organisation_editor import OrganisationEditor
from tests.ui.conftest import terms


def test_new_organisation_with_contacts_and_offers(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "Repair Cafe De Schroef")
    qtbot.keyClicks(editor.website, "www.deschroef.nl")
    qtbot.keyClicks(editor.kvk, "1234 5678")
    qtbot.keyClicks(editor.phone, "0612345678")
    qtbot.keyClicks(editor.postcode, "1234ab")
    needs = terms(store, Vocabulary.HELP_TYPE)
    editor.offers.set_checked(needs["materiaal"])
    editor.offers.set_checked(needs["vrijwilligers"])
    editor.tabs.setCurrentWidget(editor.contacts)
    qtbot.mouseClick(_add_button(editor), Qt.MouseButton.LeftButton)
    editor.contacts.table.item(0, 0).setText("Sanne Bakker")
    editor.contacts.table.item(0, 1).setText("coördinator")
    editor.contacts.table.item(0, 3).setText("020 123 4567")
    assert editor.save()
    with store.begin() as s:
        saved = organisations.get_organisation(s, editor.record_id or "")
    assert saved.website == "https://www.deschroef.nl"
    assert saved.kvk == "12345678"
    assert saved.phone == "06 12345678"
    assert saved.postcode == "1234 AB"
    assert set(saved.offer_ids) == {needs["materiaal"], needs["vrijwilligers"]}
    assert [(c.name, c.role, c.phone) for c in saved.contacts] == [("Sanne Bakker", "coördinator", "020 123 4567")]


def _add_button(editor: OrganisationEditor) -> QPushButton:
    return next(b for b in editor.contacts.findChildren(QPushButton) if "toevoegen" in b.text())


def test_invalid_fields_are_marked_and_nothing_is_saved(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "Stichting Test")
    qtbot.keyClicks(editor.kvk, "123")
    qtbot.keyClicks(editor.website, "geen adres")
    qtbot.keyClicks(editor.email, "info@")
    assert not editor.save()
    text = editor.error_label.text()
    assert "KvK-nummer" in text and "webadres" in text and "e-mailadres" in text
    assert editor.kvk.styleSheet() and editor.website.styleSheet() and editor.email.styleSheet()
    assert not editor.name.styleSheet()
    assert editor.kvk.text() == "123"
    with store.begin() as s:
        assert organisations.count_organisations(s, ListQuery()) == 0


def test_editing_keeps_existing_contacts(qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]) -> None:
    editor = OrganisationEditor(ctx, sample["green"])
    qtbot.addWidget(editor)
    assert editor.name.text() == "Stichting Groen Doen"
    assert not editor.is_dirty()
    editor.active.setChecked(False)
    assert editor.is_dirty()
    assert editor.save()
    with store.begin() as s:
        assert organisations.get_organisation(s, sample["green"]).active is False


def test_fields_are_checked_when_the_cursor_leaves_them(qtbot: QtBot, ctx: AppContext) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.postcode, "1234ab")
    editor.postcode.editingFinished.emit()
    assert editor.postcode.text() == "1234 AB"  # written the standard way
    assert editor.error_label.isHidden()
    qtbot.keyClicks(editor.kvk, "12")
    editor.kvk.editingFinished.emit()
    assert "KvK-nummer" in editor.error_label.text()
    assert editor.errors.message_for(editor.kvk)
    editor.kvk.setText("12345678")
    editor.kvk.editingFinished.emit()
    assert editor.error_label.isHidden()
    assert editor.errors.message_for(editor.kvk) == ""


def test_fund_criteria_are_saved(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "Buurtfonds Noord")
    editor.tabs.setCurrentIndex(3)
    qtbot.keyClicks(editor.fund_max_amount, "2500")
    editor.fund_max_amount.editingFinished.emit()
    assert editor.fund_max_amount.text() == "€ 2.500,00"
    editor.fund_min_initiators.setValue(3)
    editor.fund_deadline.set_value(date(2027, 3, 31))
    qtbot.keyClicks(editor.fund_excludes, "alcohol")
    assert editor.save()
    with store.begin() as s:
        saved = organisations.get_organisation(s, editor.record_id or "")
    assert saved.fund_max_amount == Decimal("2500.00")
    assert saved.fund_min_initiators == 3
    assert saved.fund_deadline == date(2027, 3, 31)
    assert saved.fund_excludes == "alcohol"


def test_a_wrong_fund_amount_is_refused(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.name, "Fonds X")
    qtbot.keyClicks(editor.fund_max_amount, "veel")
    assert not editor.save()
    assert editor.error_label.text() == "'veel' is geen bedrag; schrijf het als 1.250,00."
    assert editor.fund_max_amount.text() == "veel"


def test_a_contact_still_being_typed_is_saved(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = OrganisationEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClicks(editor.name, "Speeltuinvereniging")
    editor.tabs.setCurrentWidget(editor.contacts)
    qtbot.mouseClick(_add_button(editor), Qt.MouseButton.LeftButton)  # opens the name cell for typing
    editor_widget = QApplication.focusWidget()
    assert isinstance(editor_widget, QLineEdit) and editor.contacts.table.isAncestorOf(editor_widget)
    qtbot.keyClicks(editor_widget, "Joke")
    assert editor.save()  # Ctrl+S while the cell is still open
    with store.begin() as s:
        saved = organisations.get_organisation(s, editor.record_id or "")
    assert [c.name for c in saved.contacts] == ["Joke"]


def test_a_retired_wijk_stays_on_the_organisation(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    from makelaar.services import vocabulary

    with store.begin() as s:
        vocabulary.retire_area(s, sample["noord"])
    editor = OrganisationEditor(ctx, sample["green"])
    qtbot.addWidget(editor)
    assert editor.areas.selected_ids() == [sample["noord"]]
    editor.description.setPlainText("Nu ook met een zadenbibliotheek.")
    assert editor.save()
    with store.begin() as s:
        assert organisations.get_organisation(s, sample["green"]).area_ids == [sample["noord"]]


def test_a_detail_to_check_is_marked_beside_its_field_and_kept_on_save(
    qtbot: QtBot, ctx: AppContext, store: Store
) -> None:
    with store.begin() as s:
        saved = organisations.save_organisation(
            s, OrganisationData(name="Voedselbank", phone="06-1234 5678 (na 18u)", to_check=["phone"])
        )
    editor = OrganisationEditor(ctx, saved.id)
    qtbot.addWidget(editor)

    assert "Te controleren" in editor.phone.toolTip()
    assert editor.phone.text() == "06-1234 5678 (na 18u)"
    assert not editor.is_dirty()
    editor.description.setPlainText("Pakketten op dinsdag")
    assert editor.save()  # saving another change keeps the raw value and its mark
    with store.begin() as s:
        kept = organisations.get_organisation(s, saved.id or "")
    assert (kept.phone, kept.to_check, kept.description) == ("06-1234 5678 (na 18u)", ["phone"], "Pakketten op dinsdag")

    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "0612345678")
    assert editor.save()
    with store.begin() as s:
        fixed = organisations.get_organisation(s, saved.id or "")
    assert (fixed.phone, fixed.to_check) == ("06 12345678", [])
    assert "Te controleren" not in editor.phone.toolTip()
