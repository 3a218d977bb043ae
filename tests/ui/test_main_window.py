"""The main window as a whole: keyboard navigation, new/open, settings that reach every screen."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import Vocabulary
from makelaar.domain.records import SessionData
from makelaar.services import sessions, vocabulary
from makelaar.storage.store import Store
from makelaar.ui import settings_view
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow
from makelaar.ui.organisation_editor import OrganisationEditor


def test_ctrl_digits_switch_areas_and_ctrl_f_searches(qtbot: QtBot, window: MainWindow) -> None:
    assert window.stack.currentWidget() is window.today  # Vandaag opens first
    for key, view in (
        (Qt.Key.Key_3, window.organisations),
        (Qt.Key.Key_4, window.matches),
        (Qt.Key.Key_5, window.sessions),
        (Qt.Key.Key_6, window.settings_view),
        (Qt.Key.Key_1, window.today),
        (Qt.Key.Key_2, window.ideas),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentWidget() is view
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.ideas.search.hasFocus()


def test_ctrl_n_makes_the_right_new_record(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.editors[-1], IdeaEditor)
    window.editors[-1].close()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.editors[-1], OrganisationEditor)


def test_lists_are_queried_when_first_shown(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    with ctx.store.begin() as s:
        sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2026, 11, 26)))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.today.sections["unmatched"][2].rowCount() == 2  # Vandaag opens first, filled
    # The other lists wait until they are shown: a big store starts quickly.
    assert window.ideas.model.rowCount() == 0 and window.organisations.model.rowCount() == 0
    window.show_view(window.ideas)
    assert window.ideas.model.rowCount() == 2
    assert window.ideas.current_id() is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.organisations.model.rowCount() == 2
    assert window.sessions.model.rowCount() == 0
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert [r.title for r in window.sessions.model.rows()] == ["Wijktafel Noord"]
    assert "Wijktafel Noord" in window.sessions.detail.toPlainText()


def test_saving_an_idea_shows_it_in_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view(window.ideas)
    assert window.ideas.stack.currentWidget() is window.ideas.empty
    editor = window.new_idea()
    qtbot.keyClicks(editor.title, "Zwerfafval opruimen")
    assert editor.save()
    assert window.ideas.model.rowCount() == 1
    assert window.ideas.stack.currentWidget() is window.ideas.table
    assert window.ideas.current_id() == editor.record_id
    assert window.open_idea(editor.record_id or "") is editor  # opening again raises the open editor


def test_status_bar_names_the_store(window: MainWindow, store: Store) -> None:
    assert str(store.path) in window.store_label.text()
    assert "back-up" in window.backup_label.text().lower()


def test_renamed_theme_reaches_the_filters(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings_view.TextPrompt, "ask", staticmethod(lambda *_a: "groen en duurzaam"))
    themes = window.settings_view.term_lists[0]
    with store.begin() as s:
        sustainability = next(t for t in vocabulary.list_terms(s, Vocabulary.THEME) if t.name == "duurzaamheid")
    for i in range(themes.list.count()):
        if themes.list.item(i).data(Qt.ItemDataRole.UserRole) == sustainability.id:
            themes.list.setCurrentRow(i)
    themes.rename()
    combo = window.ideas.theme_filter
    assert combo.itemText(combo.findData(sustainability.id)) == "groen en duurzaam"
    themes.toggle_retired()
    assert combo.findData(sustainability.id) == -1  # retired: no longer offered
    with store.begin() as s:
        retired = vocabulary.list_terms(s, Vocabulary.THEME, include_retired=True)
    assert any(t.id == sustainability.id and t.retired for t in retired)


def test_adding_a_wijk_and_a_buurt(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["Oost", "Oosterpark"])
    monkeypatch.setattr(settings_view.TextPrompt, "ask", staticmethod(lambda *_a: next(answers)))
    areas = window.settings_view.areas
    areas.add()
    assert areas.list.currentItem().text() == "Oost"
    areas.add_child()
    assert areas.list.currentItem().text().strip() == "Oosterpark"
    combo = window.ideas.area_filter
    assert [combo.itemText(i).strip() for i in range(combo.count())][-2:] == ["Oost", "Oosterpark"]


def test_municipality_name_in_the_title(qtbot: QtBot, window: MainWindow) -> None:
    field = window.settings_view.municipality
    field.clear()
    qtbot.keyClicks(field, "Gemeente Lindewaard")
    field.editingFinished.emit()
    assert window.windowTitle() == "Makelaar — Gemeente Lindewaard"


def test_language_choice_is_remembered(window: MainWindow, ctx: AppContext) -> None:
    combo = window.settings_view.language
    combo.setCurrentIndex(combo.findData("en"))
    assert ctx.settings.language == "en"
    assert "opnieuw starten" in window.settings_view.language_note.text()


def test_new_wijktafel_dialog_asks_before_dropping_what_was_typed(
    qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from makelaar.ui import context
    from makelaar.ui.sessions_view import SessionDialog

    asked: list[str] = []
    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(lambda _p, what: asked.append(what) or "cancel"))
    dialog = SessionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.title, "Wijktafel Oost")
    dialog.reject()
    assert asked == ["Deze wijktafel"] and dialog.isVisible()
