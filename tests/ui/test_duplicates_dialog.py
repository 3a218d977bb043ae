"""The "Dubbele organisaties" dialog, driven as a broker does: pick a pair, choose values, merge or dismiss."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QRadioButton
from pytestqt.qtbot import QtBot

from makelaar.domain.records import ContactData, OrganisationData
from makelaar.services import activities, duplicates, organisations
from makelaar.storage.models import Organisation
from makelaar.ui import context
from makelaar.ui.context import AppContext
from makelaar.ui.duplicates_dialog import DuplicatesDialog
from makelaar.ui.main_window import MainWindow
from tests.ui.conftest import Shown
from tests.ui.test_accessibility import unnamed_inputs


def _save(ctx: AppContext, data: OrganisationData) -> str:
    with ctx.store.begin() as s:
        saved = organisations.save_organisation(s, data)
    assert saved.id is not None
    return saved.id


@pytest.fixture
def pair(ctx: AppContext) -> dict[str, str]:
    """One buurthuis entered twice (A first), and an organisation that is no duplicate."""
    a = _save(
        ctx,
        OrganisationData(
            name="Buurthuis De Kern",
            email="bestuur@dekern.nl",
            contacts=[ContactData(name="Jan de Vries", email="jan@dekern.nl")],
        ),
    )
    b = _save(
        ctx,
        OrganisationData(
            name="Stichting Buurthuis De Kern",
            email="info@dekern.nl",
            website="www.dekern.nl",
            contacts=[ContactData(name="Piet Bakker")],
        ),
    )
    other = _save(ctx, OrganisationData(name="Muziekschool Allegro"))
    return {"a": a, "b": b, "other": other}


@pytest.fixture
def dialog(ctx: AppContext, qtbot: QtBot, pair: dict[str, str]) -> Iterator[DuplicatesDialog]:
    shown = DuplicatesDialog(ctx)
    qtbot.addWidget(shown)
    shown.show()
    assert shown.search()
    # The comparison is laid out on the next pass of the event loop; click only on what is on screen.
    qtbot.waitUntil(lambda: shown.keep_b is not None and shown.keep_b.height() >= shown.keep_b.sizeHint().height())
    yield shown


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The confirmations asked, each answered yes."""
    asked: list[str] = []

    def ask(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(context.Confirm, "ask", staticmethod(ask))
    return asked


def _click_radio(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click on the round indicator: a radio button only takes clicks on its indicator and its text."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def _exists(ctx: AppContext, organisation_id: str) -> bool:
    with ctx.store.begin() as s:
        return s.get(Organisation, organisation_id) is not None


def test_lists_the_pair_and_shows_it_side_by_side(dialog: DuplicatesDialog, pair: dict[str, str]) -> None:
    assert dialog.model.rowCount() == 1
    row = dialog.model.row_at(0)
    assert row is not None and {row.a_id, row.b_id} == {pair["a"], pair["b"]}
    assert dialog.model.index(0, 2).data() == "zelfde naam"
    assert "Buurthuis De Kern (O-" in dialog.model.index(0, 0).data()
    # Only the fields that differ get a choice; the defaults are A's values, B's where A is empty.
    assert set(dialog.picked()) == {"name", "email", "website"}
    assert dialog.picked() == {"name": "a", "email": "a", "website": "b"}
    radio_a, radio_b = dialog.choice_buttons("website")
    assert radio_a.text() == "(leeg)" and radio_b.text() == "https://www.dekern.nl"
    assert dialog.merge_button.isEnabled() and dialog.dismiss_button.isEnabled()
    assert unnamed_inputs(dialog) == []


def test_merge_with_a_chosen_value(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str], questions: list[str]
) -> None:
    _radio_a, name_b = dialog.choice_buttons("name")
    _click_radio(qtbot, name_b)
    assert dialog.picked()["name"] == "b"
    with qtbot.waitSignal(dialog.merged) as merged:
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert merged.args == [pair["a"], pair["b"]]
    # The confirmation says what will happen.
    assert len(questions) == 1
    assert questions[0].startswith("Stichting Buurthuis De Kern (O-")
    assert "gaat op in Buurthuis De Kern" in questions[0]
    assert "koppelingen (0), contactpersonen (1)" in questions[0]
    assert not _exists(ctx, pair["b"])
    with ctx.store.begin() as s:
        kept = organisations.get_organisation(s, pair["a"])
        timeline = [a.text for a in activities.list_activities(s, organisation_id=pair["a"])]
    assert (kept.name, kept.email, kept.website) == (
        "Stichting Buurthuis De Kern",
        "bestuur@dekern.nl",
        "https://www.dekern.nl",
    )
    assert sorted(c.name for c in kept.contacts) == ["Jan de Vries", "Piet Bakker"]
    assert any(t.startswith("Samengevoegd met Stichting Buurthuis De Kern") for t in timeline)
    assert dialog.model.rowCount() == 0
    assert "is samengevoegd met" in dialog.message.text()
    assert not dialog.merge_button.isEnabled()
    assert [r.removed_id for r in dialog.outcome.merged] == [pair["b"]]


def test_the_other_record_can_be_the_one_that_stays(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str], questions: list[str]
) -> None:
    assert dialog.keep_b is not None
    _click_radio(qtbot, dialog.keep_b)
    # The defaults follow the survivor: B's own values now.
    assert dialog.picked() == {"name": "b", "email": "b", "website": "b"}
    dialog.choose("email", "a")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert questions and questions[0].startswith("Buurthuis De Kern (O-")
    assert not _exists(ctx, pair["a"])
    with ctx.store.begin() as s:
        kept = organisations.get_organisation(s, pair["b"])
    assert (kept.name, kept.email) == ("Stichting Buurthuis De Kern", "bestuur@dekern.nl")


def test_saying_no_merges_nothing(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: False))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert _exists(ctx, pair["a"]) and _exists(ctx, pair["b"])
    assert dialog.model.rowCount() == 1


def test_a_change_since_the_comparison_is_refused_then_shown(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str], shown: Shown, questions: list[str]
) -> None:
    with ctx.store.begin() as s:
        changed = organisations.get_organisation(s, pair["b"])
        changed.city = "Zwolle"
        organisations.save_organisation(s, changed)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert len(shown.warnings) == 1 and "is gewijzigd nadat je de twee naast elkaar zag" in shown.warnings[0]
    assert _exists(ctx, pair["b"])
    # The comparison now shows what is stored, so a second try goes through.
    assert "city" in dialog.picked()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert not _exists(ctx, pair["b"])
    with ctx.store.begin() as s:
        assert organisations.get_organisation(s, pair["a"]).city == "Zwolle"


def test_geen_dubbel_dismisses_the_pair_for_good(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str]
) -> None:
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0
    assert dialog.outcome.dismissed == 1
    assert _exists(ctx, pair["a"]) and _exists(ctx, pair["b"])
    assert dialog.search()
    assert dialog.model.rowCount() == 0
    assert "Geen mogelijke dubbele organisaties" in dialog.message.text()
    with ctx.store.begin() as s:
        assert duplicates.dismissed_pairs(s) == {tuple(sorted((pair["a"], pair["b"])))}


def test_geen_dubbel_can_be_taken_back_with_ctrl_z(
    dialog: DuplicatesDialog, qtbot: QtBot, ctx: AppContext, pair: dict[str, str]
) -> None:
    assert not dialog.undo_dismiss_button.isEnabled()
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and dialog.undo_dismiss_button.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.model.rowCount() == 1 and dialog.pair is not None
    assert {dialog.pair.a_id, dialog.pair.b_id} == {pair["a"], pair["b"]}
    assert dialog.outcome.dismissed == 0 and not dialog.undo_dismiss_button.isEnabled()
    with ctx.store.begin() as s:
        assert duplicates.dismissed_pairs(s) == set()
    # It is found again by a new search too.
    assert dialog.search() and dialog.model.rowCount() == 1


def test_keyboard_enter_goes_from_the_list_to_the_comparison(dialog: DuplicatesDialog, qtbot: QtBot) -> None:
    dialog.activateWindow()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.keep_a is not None
    assert QApplication.focusWidget() is dialog.keep_a or dialog.keep_a.hasFocus()
    assert dialog.merge_button.text().startswith("&") and dialog.dismiss_button.text().startswith("&")


# --- from the main window --------------------------------------------------------------------------------------------


def _run_merge_instead_of_exec(monkeypatch: pytest.MonkeyPatch) -> list[DuplicatesDialog]:
    """exec() would block: the broker's part is played by merging the pair that is shown."""
    opened: list[DuplicatesDialog] = []

    def play(self: DuplicatesDialog) -> int:
        opened.append(self)
        self.merge_current()
        return 0

    monkeypatch.setattr(DuplicatesDialog, "exec", play)
    return opened


def test_menu_entry_merges_and_closes_the_editor_of_the_removed_organisation(
    ctx: AppContext, qtbot: QtBot, pair: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    editor = window.open_organisation(pair["b"])
    opened = _run_merge_instead_of_exec(monkeypatch)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "B&ewerken")
    assert isinstance(edit_menu, QMenu) and window.duplicates_action in edit_menu.actions()
    window.duplicates_action.trigger()
    assert len(opened) == 1
    assert not _exists(ctx, pair["b"])
    assert not shiboken6.isValid(editor) or not editor.isVisible()  # it must not save over nothing later
    qtbot.waitUntil(lambda: all(getattr(e, "record_id", None) != pair["b"] for e in window.editors))
    window.show_view(window.organisations)  # the list, when the broker looks at it, shows the survivor only
    assert window.organisations.model.total == 2


def test_an_editor_with_changes_the_broker_keeps_stops_the_merge(
    ctx: AppContext, qtbot: QtBot, pair: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    editor = window.open_organisation(pair["a"])
    editor.name.setText("Buurthuis De Kern (nog niet opgeslagen)")
    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(lambda *_: "cancel"))
    opened = _run_merge_instead_of_exec(monkeypatch)
    window.duplicates_action.trigger()
    assert _exists(ctx, pair["a"]) and _exists(ctx, pair["b"])
    assert editor.isVisible()
    assert "sluit eerst de open formulieren" in opened[0].message.text()


def test_context_menu_of_the_organisations_list_starts_at_the_chosen_one(
    ctx: AppContext, qtbot: QtBot, pair: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    started: list[str | None] = []

    def ask(_parent: object, _ctx: AppContext, *, focus_id: str | None = None, **_: object) -> None:
        started.append(focus_id)

    monkeypatch.setattr(DuplicatesDialog, "ask", classmethod(lambda cls, *a, **k: ask(*a, **k)))
    window.show_view(window.organisations)  # the list is loaded when first shown
    table = window.organisations.table
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    row = window.organisations.model.find_row(pair["other"])
    table.selectRow(row)
    window.duplicates_here_action.trigger()
    assert started == [pair["other"]]


def test_focus_on_an_organisation_without_pairs_says_so(ctx: AppContext, qtbot: QtBot, pair: dict[str, str]) -> None:
    dialog = DuplicatesDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.search()
    assert not dialog.select_organisation(pair["other"])
    assert "geen mogelijke dubbel" in dialog.message.text()
    assert dialog.select_organisation(pair["b"])
