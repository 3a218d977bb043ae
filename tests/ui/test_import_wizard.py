"""The import wizard and the undo dialog, driven as a user does: choose a file, fix a column, check, import, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from makelaar.services import csvio, organisations
from makelaar.storage import backup
from makelaar.storage.models import Idea, Organisation
from makelaar.ui import import_wizard, main_window
from makelaar.ui.context import AppContext
from makelaar.ui.import_wizard import ImportWizard, UndoImportDialog
from makelaar.ui.main_window import MainWindow
from tests.ui.conftest import Shown
from tests.ui.test_accessibility import unnamed_inputs

FILE = (
    "Sociale kaart Lindewaard;;;\r\n"
    "Organisatie;Wat doen ze;Postcode;Opmerking intern\r\n"
    "Stichting De Brug;Buurthuis met zaal;1234 AB;bellen\r\n"
    "Café Élan;Koffie en € 5 korting’s avonds;;\r\n"
    ";Een rij zonder naam;1234 AB;\r\n"
)


def org_names(ctx: AppContext) -> dict[str, str]:
    with ctx.store.begin() as s:
        return {
            name: description for name, description in s.execute(select(Organisation.name, Organisation.description))
        }


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake_open(_parent: object, title: str, _folder: str, _filters: str) -> str:
        asked.append(title)
        return str(path)

    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(fake_open))
    return asked


def combo_for(wizard: ImportWizard, header: str) -> QComboBox:
    page = wizard.mapping_page
    for row in range(page.columns.rowCount()):
        item = page.columns.item(row, 0)
        if item is not None and item.text() == header:
            return page.combos[row]
    raise AssertionError(f"no column {header}")


@pytest.fixture
def kaart(tmp_path: Path) -> Path:
    path = tmp_path / "kaart.csv"
    path.write_bytes(FILE.encode("cp1252"))
    return path


@pytest.fixture
def existing(ctx: AppContext) -> str:
    """De Brug is already in the registry, with another description."""
    with ctx.store.begin() as s:
        saved = organisations.save_organisation(s, csvio.OrganisationData(name="De Brug", description="Oud"))
    assert saved.reference is not None
    return saved.reference


def drive_wizard(qtbot: QtBot, wizard: ImportWizard, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Choose the file, map 'Wat doen ze' to omschrijving, look at the preview and import."""
    wizard.show()  # what exec() does first
    choose_file(monkeypatch, path)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()
    combo = combo_for(wizard, "Wat doen ze")
    combo.setFocus()
    qtbot.keyClicks(combo, "omschrijving")
    assert combo.currentData() == "omschrijving"
    wizard.next()
    wizard.next()


def test_wizard_end_to_end(
    qtbot: QtBot, ctx: AppContext, kaart: Path, existing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    asked = choose_file(monkeypatch, kaart)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)

    assert asked == ["Bestand kiezen om te importeren"]
    info = wizard.file_page.info.text()
    assert "Windows-1252" in info and "puntkomma" in info
    assert "4 kolommen, 3 regels met gegevens; de kolomnamen staan op regel 2." in info
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert ctx.settings.last_folder == str(kaart.parent)

    wizard.next()
    page = wizard.mapping_page
    assert wizard.currentPage() is page
    # The guess: Organisatie -> naam, Postcode -> postcode; the other two are not read and are flagged.
    assert combo_for(wizard, "Organisatie").currentData() == "naam"
    assert combo_for(wizard, "Postcode").currentData() == "postcode"
    assert combo_for(wizard, "Wat doen ze").currentData() == csvio.IGNORE
    assert "Niet ingelezen: Wat doen ze, Opmerking intern." in page.problem.text()
    assert page.preview.rowCount() == 3
    assert page.preview.item(1, 0).text() == "Café Élan"  # type: ignore[union-attr]
    assert unnamed_inputs(wizard) == []

    combo = combo_for(wizard, "Wat doen ze")
    combo.setFocus()
    qtbot.keyClicks(combo, "omschrijving")
    assert combo.currentData() == "omschrijving"
    assert "Niet ingelezen: Opmerking intern." in page.problem.text()

    wizard.next()
    preview = wizard.preview_page
    assert wizard.currentPage() is preview
    assert preview.counts.text() == "1 toevoegen, 1 bijwerken, 0 ongewijzigd, 1 afgewezen."
    assert "Onbekende kolommen, niet ingelezen: Opmerking intern." in preview.notes.toPlainText()
    shown = [[preview.model.index(r, c).data() for c in range(4)] for r in range(preview.model.rowCount())]
    assert shown[0] == ["3", "bijwerken", "Stichting De Brug", f"werkt {existing} De Brug bij"]
    assert shown[1][:3] == ["4", "toevoegen", "Café Élan"]
    preview.filter.setFocus()
    qtbot.keyClicks(preview.filter, "Afgewezen")
    assert preview.model.rowCount() == 1
    rejected = [preview.model.index(0, c).data() for c in range(4)]
    assert rejected[:3] == ["5", "afgewezen", ""]
    assert "De naam is verplicht" in rejected[3]
    assert org_names(ctx) == {"De Brug": "Oud"}  # the preview saved nothing
    assert unnamed_inputs(wizard) == []

    wizard.next()

    assert wizard.currentPage() is wizard.done_page
    result = wizard.import_result
    assert result is not None and (result.added, result.updated, len(result.rejected)) == (1, 1, 1)
    summary = wizard.done_page.summary.toPlainText()
    assert "Organisaties: 1 toegevoegd, 1 bijgewerkt, 1 afgewezen." in summary
    assert str(kaart.parent / "kaart-afgewezen.csv") in summary
    assert org_names(ctx) == {
        "Stichting De Brug": "Buurthuis met zaal",
        "Café Élan": "Koffie en € 5 korting’s avonds",
    }
    assert ctx.store.path is not None
    assert any(b.path.stem.endswith("voor-import") for b in backup.list_backups(ctx.store.path))


def test_unreadable_file_keeps_the_wizard_on_the_first_page(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "oud.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(monkeypatch, bad)

    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)

    assert "oud Excel-bestand" in wizard.file_page.info.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_mapping_must_name_the_required_column_once(
    qtbot: QtBot, ctx: AppContext, kaart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(monkeypatch, kaart)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()
    page = wizard.mapping_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    combo_for(wizard, "Opmerking intern").setCurrentIndex(combo_for(wizard, "Opmerking intern").findData("naam"))
    assert "'Naam' is aan meer dan één kolom gekoppeld." in page.problem.text()
    assert not next_button.isEnabled()

    for header in ("Opmerking intern", "Organisatie"):
        combo_for(wizard, header).setCurrentIndex(0)
    assert "Kies welke kolom 'Naam' bevat; die is verplicht." in page.problem.text()
    assert not next_button.isEnabled()

    combo_for(wizard, "Wat doen ze").setCurrentIndex(combo_for(wizard, "Wat doen ze").findData("naam"))
    assert next_button.isEnabled()
    wizard.next()
    # The wizard's mapping reaches the dry run: the descriptions are read as names now.
    labels = [wizard.preview_page.model.index(r, 2).data() for r in range(wizard.preview_page.model.rowCount())]
    assert labels == ["Buurthuis met zaal", "Koffie en € 5 korting’s avonds", "Een rij zonder naam"]


def test_undo_dialog_undoes_an_import_as_a_whole(
    qtbot: QtBot, ctx: AppContext, kaart: Path, existing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    drive_wizard(qtbot, wizard, monkeypatch, kaart)
    assert len(org_names(ctx)) == 2
    questions: list[str] = []
    monkeypatch.setattr(import_wizard.Confirm, "ask", staticmethod(lambda _p, _t, text: questions.append(text) or True))

    dialog = UndoImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    row = [dialog.model.index(0, c).data() for c in range(7)]
    assert row[1:] == ["organisaties", "kaart.csv", "1", "1", "1", ""]
    assert len(row[0]) == len("28-11-2026 10:15") and row[0][2] == "-"
    assert dialog.undo_button.isEnabled()
    assert unnamed_inputs(dialog) == []

    with qtbot.waitSignal(dialog.undone):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)

    assert "kaart.csv" in questions[0]
    assert "Organisaties: 1 verwijderd, 1 teruggezet naar vóór de import." in questions[0]
    assert org_names(ctx) == {"De Brug": "Oud"}
    assert "1 verwijderd, 1 teruggezet" in dialog.status.text()
    assert dialog.model.index(0, 6).data() == "ongedaan gemaakt"
    assert not dialog.undo_button.isEnabled()
    assert dialog.changed


def test_undo_dialog_asks_first_and_nothing_happens_on_no(
    qtbot: QtBot, ctx: AppContext, kaart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csvio.import_path(ctx.store, "organisaties", kaart)
    monkeypatch.setattr(import_wizard.Confirm, "ask", staticmethod(lambda *_: False))
    dialog = UndoImportDialog(ctx)
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)

    assert len(org_names(ctx)) == 2
    assert not dialog.changed and dialog.undo_button.isEnabled()


def test_file_menu_opens_the_wizard_and_the_undo_dialog(
    qtbot: QtBot, ctx: AppContext, kaart: Path, shown: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert "Import &ongedaan maken…" in texts

    def run_wizard(self: ImportWizard) -> int:
        drive_wizard(qtbot, self, monkeypatch, kaart)
        return 1

    monkeypatch.setattr(ImportWizard, "exec", run_wizard)
    window.show_view(window.organisations)
    assert window.organisations.model.rowCount() == 0
    import_action = next(a for a in file_menu.actions() if a.text() == "Organisaties &importeren…")  # type: ignore[union-attr]
    import_action.trigger()

    assert window.organisations.model.rowCount() == 2  # the list on screen was refreshed

    def run_undo(self: UndoImportDialog) -> int:
        self.undo_selected()
        return 0

    monkeypatch.setattr(UndoImportDialog, "exec", run_undo)
    window.undo_import_action.trigger()

    assert org_names(ctx) == {}
    assert window.organisations.model.rowCount() == 0
    assert shown.warnings == [] and shown.criticals == []


def to_preview(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, path: Path) -> ImportWizard:
    """A wizard for organisations with ``path`` chosen and the guessed columns taken: on the preview page."""
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(monkeypatch, path)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()
    wizard.next()
    return wizard


def test_same_file_again_has_nothing_to_import(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kaart.csv"
    path.write_text("naam;omschrijving\nDe Brug;Buurthuis\n", encoding="utf-8")
    csvio.import_path(ctx.store, "organisaties", path)
    wizard = to_preview(qtbot, ctx, monkeypatch, path)

    assert wizard.preview_page.counts.text() == (
        "0 toevoegen, 0 bijwerken, 1 ongewijzigd, 0 afgewezen. Er is niets nieuws om in te lezen."
    )
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_mapping_is_keyboard_usable(
    qtbot: QtBot, ctx: AppContext, kaart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    choose_file(monkeypatch, kaart)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()
    page = wizard.mapping_page
    page.columns.setFocus()

    seen = []
    for _ in range(5):
        focused = wizard.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        seen.append(wizard.focusWidget())

    assert seen == [*page.combos, page.preview]
    qtbot.keyClicks(page.combos[1], "omschrijving")  # typing in a combo box chooses
    assert page.chosen_mapping() == {"naam": 0, "omschrijving": 1, "postcode": 2}


def test_enter_in_a_combo_box_never_skips_a_page_or_imports(
    qtbot: QtBot, ctx: AppContext, kaart: Path, existing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(monkeypatch, kaart)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()
    combo = combo_for(wizard, "Wat doen ze")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.mapping_page
    wizard.next()
    preview = wizard.preview_page
    preview.filter.setFocus()
    qtbot.keyClicks(preview.filter, "Afgewezen")

    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(preview.filter, key)
    preview.rows.setFocus()
    qtbot.keyClick(preview.rows, Qt.Key.Key_Return)

    assert wizard.currentPage() is preview
    assert wizard.import_result is None
    assert org_names(ctx) == {"De Brug": "Oud"}
    # The Importeren button does import.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.done_page
    assert wizard.import_result is not None and wizard.import_result.updated == 1


def test_mapping_offers_dutch_names(
    qtbot: QtBot, ctx: AppContext, kaart: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = ImportWizard(ctx, "organisaties")
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(monkeypatch, kaart)
    qtbot.mouseClick(wizard.file_page.choose_button, Qt.MouseButton.LeftButton)
    wizard.next()

    combo = combo_for(wizard, "Organisatie")
    texts = [combo.itemText(i) for i in range(combo.count())]

    assert combo.currentText() == "Naam"
    assert {"Niet importeren", "Naam", "Thema's", "KvK-nummer", "E-mailadres"} <= set(texts)
    assert not {"naam", "themas", "kvk", "email", "ignore"} & set(texts)


def test_long_names_leave_the_explanation_in_view(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "lang.csv"
    path.write_text(f"naam;postcode\n{'Stichting Heel Lang ' * 16};1234 AB\n", encoding="utf-8")
    wizard = to_preview(qtbot, ctx, monkeypatch, path)

    table = wizard.preview_page.rows
    header = table.horizontalHeader()
    assert all(header.sectionSize(c) <= 300 for c in range(3))
    assert header.sectionViewportPosition(3) + 100 < table.viewport().width()
    assert "De naam is te lang" in str(table.model().index(0, 3).data())
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the chosen row's explanation in full, below the table
    assert "De naam is te lang" in wizard.preview_page.detail.text()
    assert wizard.preview_page.detail.text().startswith("Regel 2 (Stichting Heel Lang")


def test_import_asks_to_close_the_open_editors_of_what_it_updates(
    qtbot: QtBot, ctx: AppContext, kaart: Path, existing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with ctx.store.begin() as s:
        brug = organisations.find_organisation(s, existing).id
    assert brug is not None
    editor = window.open_organisation(brug)
    closing: list[bool] = []
    keep_open = True

    def close() -> bool:
        closing.append(True)
        return not keep_open  # the broker answers "Annuleren" to the question about unsaved changes

    monkeypatch.setattr(editor, "close", close)
    wizard = ImportWizard(ctx, "organisaties", window, close_editors=window._close_record_editors)
    qtbot.addWidget(wizard)
    drive_wizard(qtbot, wizard, monkeypatch, kaart)

    assert closing == [True]
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.import_result is None and org_names(ctx) == {"De Brug": "Oud"}
    assert wizard.preview_page.blocked.isVisible()
    assert "Er is niets ingelezen" in wizard.preview_page.blocked.text()

    keep_open = False
    wizard.next()

    assert wizard.import_result is not None and wizard.import_result.updated == 1
    assert org_names(ctx)["Stichting De Brug"] == "Buurthuis met zaal"


def test_undo_asks_to_close_the_open_editors_of_the_import(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ideeen.csv"
    path.write_text("titel;omschrijving\nBuurtfeest;Op het plein\n", encoding="utf-8")
    csvio.import_path(ctx.store, "ideeen", path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    with ctx.store.begin() as s:
        idea_id = s.scalars(select(Idea.id)).one()
    editor = window.open_idea(idea_id)
    monkeypatch.setattr(editor, "close", lambda: False)
    monkeypatch.setattr(import_wizard.Confirm, "ask", staticmethod(lambda *_: True))
    dialog = UndoImportDialog(ctx, window, close_editors=window._close_record_editors)
    qtbot.addWidget(dialog)

    assert not dialog.undo_selected()

    assert "Er is niets ongedaan gemaakt" in dialog.status.text()
    with ctx.store.begin() as s:
        assert s.scalars(select(Idea.id)).all() == [idea_id]
    assert dialog.model.index(0, 6).data() == ""


def test_the_broker_sees_and_decides_on_the_help_types_proposed_from_the_words(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sociale-kaart.csv"
    path.write_text(
        "Naam;Omschrijving\nDe Ster;Grote zaal te huur voor bewoners.\nTaalpunt;Lessen Nederlands voor nieuwkomers.\n",
        encoding="utf-8",
    )
    wizard = to_preview(qtbot, ctx, monkeypatch, path)
    preview = wizard.preview_page
    assert preview.propose.isVisible() and preview.propose.isChecked()
    shown = [preview.model.index(r, 3).data() for r in range(preview.model.rowCount())]
    assert shown[0] == "voorgesteld uit de tekst: soorten hulp ruimte"
    assert "Bij 2 organisaties" in preview.notes.toPlainText()
    # Not taken over: the preview says nothing is proposed, and the import stores none.
    qtbot.mouseClick(preview.propose, Qt.MouseButton.LeftButton, pos=preview.propose.rect().topLeft() + QPoint(4, 4))
    assert not preview.propose.isChecked()
    assert [preview.model.index(r, 3).data() for r in range(preview.model.rowCount())] == ["", ""]
    wizard.next()
    with ctx.store.begin() as s:
        stored = {o.name: list(o.offers) for o in s.scalars(select(Organisation))}
    assert stored == {"De Ster": [], "Taalpunt": []}


def test_the_preview_and_the_summary_show_branches_and_details_to_check(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sociale-kaart.csv"
    path.write_text(
        "Naam;Stadsdeel;Omschrijving;Telefoon\n"
        "Voedselbank;Centrum;Pakketten op dinsdag;via de balie\n"
        "Voedselbank;Oost;Pakketten op vrijdag;020 765 4321\n",
        encoding="utf-8",
    )
    wizard = to_preview(qtbot, ctx, monkeypatch, path)
    notes = wizard.preview_page.notes.toPlainText()

    assert "regel 3: 'Voedselbank' in Oost met andere gegevens: opgeslagen als 'Voedselbank (Oost)'" in notes
    assert "regel 2: telefoon 'via de balie'" in notes
    assert wizard.preview_page.counts.text().startswith("2 toevoegen, 0 bijwerken, 0 ongewijzigd, 0 afgewezen.")
    wizard.next()
    summary = wizard.currentPage().findChild(QPlainTextEdit)
    assert summary is not None
    assert "Te controleren" in summary.toPlainText()
    assert set(org_names(ctx)) == {"Voedselbank (Centrum)", "Voedselbank (Oost)"}
