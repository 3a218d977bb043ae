"""Rough edges a new broker ran into, each driven as a broker would: keys, clicks, the menus."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import MatchStatus
from makelaar.domain.records import MatchRow
from makelaar.services import ideas, organisations
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.ui import context, main_window, printing, report_preview
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow
from makelaar.ui.match_all import MatchAllDialog
from makelaar.ui.match_dialog import MatchStatusDialog
from makelaar.ui.organisation_editor import OrganisationEditor
from makelaar.ui.widgets import DateField, read_date
from tests.ui.conftest import Shown


def _match_row(status: str) -> MatchRow:
    return MatchRow(
        id="m",
        idea_id="i",
        idea_reference="I-2026-0001",
        idea_title="Buurtmoestuin",
        organisation_id="o",
        organisation_name="Stichting Groen Doen",
        need="ruimte",
        contact="",
        status=status,
        follow_up_on=None,
        note="",
        version=1,
    )


@pytest.mark.parametrize(
    ("now", "after_enter"),
    [
        ("voorgesteld", MatchStatus.APPROACHED),
        ("benaderd", MatchStatus.COMMITTED),
        ("toegezegd", MatchStatus.DONE),
        ("afgewezen", MatchStatus.APPROACHED),
        ("afgerond", MatchStatus.DONE),
    ],
)
def test_enter_in_the_status_dialog_takes_the_natural_next_step(
    qtbot: QtBot, now: str, after_enter: MatchStatus
) -> None:
    dialog = MatchStatusDialog(None, _match_row(now))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.status, Qt.Key.Key_Return)
    assert dialog.change().status is after_enter


def test_an_existing_organisation_opens_under_its_own_name(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    editor = OrganisationEditor(ctx, sample["green"])
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Organisatie Stichting Groen Doen"
    new = OrganisationEditor(ctx, None)
    qtbot.addWidget(new)
    assert new.windowTitle() == "Nieuwe organisatie"


def test_suggestions_for_all_ideas_end_without_cancel_when_not_cancelled(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, MatchAllDialog) for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MatchAllDialog))
    assert not dialog.cancelled
    assert "Afgebroken" not in dialog.summary.text()
    assert dialog.summary.text().startswith("2 open ideeën bekeken")
    dialog.close()


def _shown(qtbot: QtBot, editor: OrganisationEditor) -> OrganisationEditor:
    """An editor on screen and active: Tab and the keyboard reach only the active window."""
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    return editor


def _type(qtbot: QtBot, field: DateField, text: str) -> None:
    field.setFocus()  # a label's shortcut or Tab lands in the text field
    qtbot.keyClicks(field.line, text)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1-3-27", date(2027, 3, 1)),
        ("01-03-2027", date(2027, 3, 1)),
        ("1.3.2027", date(2027, 3, 1)),
        ("01032027", date(2027, 3, 1)),
        ("2027-03-01", date(2027, 3, 1)),
    ],
)
def test_a_typed_fund_deadline_is_saved(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], typed: str, meant: date
) -> None:
    editor = _shown(qtbot, OrganisationEditor(ctx, sample["fund"]))
    editor.tabs.setCurrentIndex(3)  # Fonds
    assert editor.fund_deadline.line.text() == ""  # no deadline shows as an empty field
    _type(qtbot, editor.fund_deadline, typed)
    qtbot.keyClick(editor.fund_deadline.line, Qt.Key.Key_Tab)
    assert editor.fund_deadline.line.text() == "01-03-2027"  # written out in full on leaving
    assert not editor.fund_deadline.isAncestorOf(QApplication.focusWidget())  # Tab left the field
    assert editor.save()
    with ctx.store.begin() as s:
        assert organisations.get_organisation(s, sample["fund"]).fund_deadline == meant


def test_an_emptied_date_is_saved_as_no_date(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    with ctx.store.begin() as s:
        data = organisations.get_organisation(s, sample["fund"])
        data.fund_deadline = date(2027, 3, 1)
        organisations.save_organisation(s, data)
    editor = OrganisationEditor(ctx, sample["fund"])
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentIndex(3)
    assert editor.fund_deadline.line.text() == "01-03-2027"
    editor.fund_deadline.line.selectAll()
    qtbot.keyClick(editor.fund_deadline.line, Qt.Key.Key_Delete)
    qtbot.keyClick(editor.fund_deadline.line, Qt.Key.Key_Tab)
    assert editor.save()
    with ctx.store.begin() as s:
        assert organisations.get_organisation(s, sample["fund"]).fund_deadline is None


def test_an_impossible_date_is_refused_with_a_message(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    editor = OrganisationEditor(ctx, sample["fund"])
    qtbot.addWidget(editor)
    editor.show()
    _type(qtbot, editor.fund_deadline, "31-02-2027")
    assert not editor.save()
    assert "'31-02-2027' is geen bestaande datum" in editor.error_label.text()
    assert editor.fund_deadline.line.text() == "31-02-2027"  # what was typed stays
    assert editor.tabs.currentIndex() == 3  # the Fonds tab is shown, where the problem is


@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")  # a popup, offscreen
def test_the_calendar_opens_at_today_and_picks_a_day(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    editor = _shown(qtbot, OrganisationEditor(ctx, sample["fund"]))
    editor.tabs.setCurrentIndex(3)
    field = editor.fund_deadline
    field.line.setFocus()
    qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.selectedDate() == QDate.currentDate()
    days = calendar.focusProxy() or calendar  # the month grid inside the calendar has the keyboard
    qtbot.keyClick(days, Qt.Key.Key_Right)  # tomorrow
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert not calendar.isVisible()
    assert field.value() == date.today() + timedelta(days=1)


def test_a_required_date_left_empty_keeps_its_date(qtbot: QtBot) -> None:
    field = DateField(date(2026, 11, 26))
    qtbot.addWidget(field)
    field.line.clear()
    field.line.editingFinished.emit()
    assert field.value() == date(2026, 11, 26)
    assert read_date("1-3", today=date(2026, 5, 5)) == date(2026, 3, 1)


def test_loading_example_data_on_a_store_with_data_does_it_after_yes(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda _p, _t, text: asked.append(text) or True))
    monkeypatch.setattr(main_window.Notice, "show", staticmethod(lambda _p, _t, text: told.append(text)))
    assert window.load_demo()
    assert "bevat al gegevens" in asked[0] and "back-up" in asked[0]
    assert told and told[0].startswith("Voorbeeldgegevens toegevoegd")
    assert not shown.warnings  # no "gebruik --force"
    with window.ctx.store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) > 2
    store_path = window.ctx.store.path
    assert store_path is not None
    assert any("voor-voorbeeldgegevens" in b.path.name for b in backup.list_backups(store_path))


def test_saying_no_to_example_data_leaves_the_store_alone(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: False))
    assert not window.load_demo()
    with window.ctx.store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == 2


@pytest.mark.parametrize("typed", ["{year}-0002", "I-{year}-0002", "2", "{year}-2", "i-{year}-2"])
def test_ctrl_g_finds_an_idea_by_its_short_number(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    year = date.today().year
    monkeypatch.setattr(context.TextPrompt, "ask", staticmethod(lambda *_: typed.format(year=year)))
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.editors, "no idea opened"
    editor = window.editors[-1]
    assert isinstance(editor, IdeaEditor)
    assert editor.record_id == sample["dinner"]
    assert editor.tabs.currentWidget() is editor.suggestions


def test_saving_the_preview_as_pdf_says_where_the_file_went(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_preview.SaveChooser, "ask", staticmethod(lambda _p, _s: str(tmp_path / "blad")))
    opened: list[Path] = []
    monkeypatch.setattr(report_preview.FolderOpener, "open", staticmethod(opened.append))
    preview = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    preview.show()
    assert not preview.saved_label.isVisible()
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "blad.pdf").exists()  # the extension added
    assert preview.saved_label.isVisible()
    assert preview.saved_label.text() == f"Opgeslagen als {tmp_path / 'blad.pdf'}"
    qtbot.mouseClick(preview.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]


def test_qt_own_dialogs_speak_dutch(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from makelaar.app import install_translator

    before = set(qapp.findChildren(QTranslator))
    install_translator(qapp, "nl")
    try:
        # The file dialogs and standard buttons come from Qt itself: its Dutch translation is loaded with ours.
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "Bestands&naam:"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"
    finally:
        for added in set(qapp.findChildren(QTranslator)) - before:
            qapp.removeTranslator(added)


def test_a_follow_up_date_gone_by_stands_out_in_colour_and_in_words(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    from PySide6.QtGui import QColor

    from makelaar.domain.enums import Vocabulary
    from makelaar.services import matches
    from makelaar.ui import theme
    from makelaar.ui.matches_view import MatchesView
    from tests.ui.conftest import terms

    needs = terms(ctx.store, Vocabulary.HELP_TYPE)
    with ctx.store.begin() as s:
        late = date.today() - timedelta(days=3)
        soon = date.today() + timedelta(days=3)
        matches.create_match(
            s, idea_id=sample["garden"], organisation_id=sample["green"], need_id=needs["ruimte"], follow_up_on=late
        )
        matches.create_match(
            s, idea_id=sample["dinner"], organisation_id=sample["fund"], need_id=needs["geld"], follow_up_on=soon
        )
    view = MatchesView(ctx)
    qtbot.addWidget(view)
    view.reload()
    by_date = {view.model.index(r, 0).data(): r for r in range(view.model.rowCount())}
    late_cell = view.model.index(by_date[late.strftime("%d-%m-%Y")], 0)
    soon_cell = view.model.index(by_date[soon.strftime("%d-%m-%Y")], 0)
    assert late_cell.data(Qt.ItemDataRole.ForegroundRole) == QColor(theme.current().error)
    assert late_cell.data(Qt.ItemDataRole.ToolTipRole).endswith("(te laat)")
    assert soon_cell.data(Qt.ItemDataRole.ForegroundRole) is None
    assert soon_cell.data(Qt.ItemDataRole.ToolTipRole) == soon.strftime("%d-%m-%Y")
