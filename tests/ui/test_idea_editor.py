"""The idea editor driven as a broker would: typing, ticking, Ctrl+S, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import Vocabulary
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store
from makelaar.ui import context
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from tests.ui.conftest import Shown, terms


def open_editor(qtbot: QtBot, ctx: AppContext, idea_id: str | None = None) -> IdeaEditor:
    editor = IdeaEditor(ctx, idea_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)  # shortcuts only reach the active window
    return editor


def type_unicode(widget: object, text: str) -> None:
    """One key event per character with its text (qtbot.keyClicks aborts the process on non-ASCII text)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def test_new_idea_typed_and_saved_with_ctrl_s(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Speeltuin opknappen")
    type_unicode(editor.description, "Ideeën voor een € 500 speeltoestel")
    editor.team_size.setValue(5)
    editor.tabs.setCurrentIndex(1)
    needs = terms(store, Vocabulary.HELP_TYPE)
    editor.needs.set_checked(needs["geld"])
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.record_id is not None
    with store.begin() as s:
        saved = ideas.get_idea(s, editor.record_id)
    assert saved.title == "Speeltuin opknappen"
    assert saved.description == "Ideeën voor een € 500 speeltoestel"
    assert saved.need_ids == [needs["geld"]]
    assert saved.team_size == 5
    assert saved.reference is not None and saved.reference.startswith("I-")
    assert editor.header.text().startswith(saved.reference)
    assert not editor.is_dirty()


def test_enter_in_a_field_saves_and_closes(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Bankje bij de bushalte")
    with qtbot.waitSignal(editor.finished):
        qtbot.keyClick(editor.title, Qt.Key.Key_Return)
    assert editor.result() == QDialog.DialogCode.Accepted
    with store.begin() as s:
        assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Bankje bij de bushalte"]


def test_rejected_save_keeps_everything_typed_and_says_why(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Voedselbank uitbreiden")
    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.people.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.people.name, "Piet Jansen")
    editor.people.consent_contact.setChecked(True)
    qtbot.keyClicks(editor.people.postcode, "12345")
    editor.tabs.setCurrentIndex(0)
    assert editor.save() is False
    assert "postcode" in editor.error_label.text()
    assert "1234 AB" in editor.error_label.text()
    assert editor.tabs.currentIndex() == 2  # the tab with the problem is shown
    assert editor.people.postcode.text() == "12345"
    assert editor.title.text() == "Voedselbank uitbreiden"
    with store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == 0
    editor.people.postcode.clear()
    qtbot.keyClicks(editor.people.postcode, "1234ab")
    assert editor.save() is True
    assert editor.error_label.isHidden()
    with store.begin() as s:
        saved = ideas.get_idea(s, editor.record_id or "")
    assert saved.initiators[0].postcode == "1234 AB"
    assert saved.initiators[0].consent_contact


def test_contact_fields_need_consent(qtbot: QtBot, ctx: AppContext) -> None:
    editor = open_editor(qtbot, ctx)
    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.people.add_button, Qt.MouseButton.LeftButton)
    assert not editor.people.email.isEnabled()
    editor.people.consent_contact.setChecked(True)
    assert editor.people.email.isEnabled()


@pytest.mark.parametrize(("answer", "closed", "saved"), [("cancel", False, 0), ("discard", True, 0), ("save", True, 1)])
def test_escape_with_unsaved_changes_asks(
    qtbot: QtBot,
    ctx: AppContext,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    answer: str,
    closed: bool,
    saved: int,
) -> None:
    asked: list[str] = []

    def ask(_parent: object, what: str) -> str:
        asked.append(what)
        return answer

    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(ask))
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Straatfeest")
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert asked == ["Idee (nieuw)"]
    assert editor.isVisible() is not closed
    with store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == saved


def test_escape_without_changes_closes_without_asking(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(lambda *_: pytest.fail("asked")))
    editor = open_editor(qtbot, ctx, sample["garden"])
    assert editor.title.text() == "Buurtmoestuin aan de Lindelaan"
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert not editor.isVisible()


def test_stale_save_is_refused_with_a_message(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], shown: Shown
) -> None:
    editor = open_editor(qtbot, ctx, sample["garden"])
    with store.begin() as s:  # somebody else saves the same idea meanwhile
        other = ideas.get_idea(s, sample["garden"])
        other.title = "Moestuin (door collega)"
        ideas.save_idea(s, other)
    editor.title.setText("Moestuin (door mij)")
    assert editor.save() is False
    assert shown.warnings and "intussen door iemand anders gewijzigd" in shown.warnings[0]
    assert editor.title.text() == "Moestuin (door mij)"  # nothing typed is lost
    with store.begin() as s:
        assert ideas.get_idea(s, sample["garden"]).title == "Moestuin (door collega)"


def test_timeline_note_is_added(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    editor = open_editor(qtbot, ctx, sample["garden"])
    editor.tabs.setCurrentWidget(editor.timeline)
    before = editor.timeline.model.rowCount()
    qtbot.keyClicks(editor.timeline.text, "Gebeld met Anna, ze komt langs")
    with qtbot.waitSignal(editor.timeline.activity_added):
        qtbot.mouseClick(editor.timeline.add_button, Qt.MouseButton.LeftButton)
    assert editor.timeline.model.rowCount() == before + 1
    newest = editor.timeline.model.row_at(0)
    assert newest is not None and newest.text == "Gebeld met Anna, ze komt langs"
    assert newest.author == "Test Makelaar"
    assert editor.timeline.text.toPlainText() == ""


def test_delete_an_idea_after_confirming(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([False, True])
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: next(answers)))
    editor = open_editor(qtbot, ctx, sample["garden"])
    assert editor.delete_button.isVisible()
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)  # "no": nothing happens
    assert editor.isVisible()
    with qtbot.waitSignal(editor.deleted):
        qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    with store.begin() as s:
        assert [r.id for r in ideas.list_ideas(s, ListQuery())] == [sample["dinner"]]


def test_a_new_idea_has_nothing_to_delete(qtbot: QtBot, ctx: AppContext) -> None:
    editor = open_editor(qtbot, ctx)
    assert not editor.delete_button.isVisible()


def test_every_problem_of_a_person_is_marked(qtbot: QtBot, ctx: AppContext) -> None:
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Speelstraat")
    editor.tabs.setCurrentIndex(2)
    qtbot.mouseClick(editor.people.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.people.name, "Els")
    editor.people.consent_contact.setChecked(True)
    editor.people.email.setText("els@")
    editor.people.postcode.setText("99")
    assert not editor.save()
    assert editor.errors.message_for(editor.people.email)
    assert editor.errors.message_for(editor.people.postcode)


def test_a_note_not_yet_added_counts_as_unsaved(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(lambda _p, what: asked.append(what) or "cancel"))
    editor = open_editor(qtbot, ctx, sample["garden"])
    editor.tabs.setCurrentWidget(editor.timeline)
    qtbot.keyClicks(editor.timeline.text, "Belde terug over de sleutel")
    qtbot.keyClick(editor.title, Qt.Key.Key_Escape)
    assert asked and editor.isVisible()
    assert editor.timeline.text.toPlainText() == "Belde terug over de sleutel"


@pytest.mark.parametrize(
    ("typed", "message"), [("NaN", "geen bedrag"), ("1e30", "te hoog"), ("12.345.678.901,99", "te hoog")]
)
def test_an_impossible_amount_is_named_in_the_form_not_a_bug_dialog(
    qtbot: QtBot, ctx: AppContext, store: Store, typed: str, message: str
) -> None:
    editor = open_editor(qtbot, ctx)
    qtbot.keyClicks(editor.title, "Buurtfeest")
    qtbot.keyClicks(editor.amount, typed)

    assert editor.save() is False

    assert message in editor.error_label.text()
    assert editor.amount.text() == typed
    with store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == 0
