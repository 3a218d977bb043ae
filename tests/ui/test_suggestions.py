"""The suggestions panel: why each organisation is suggested, take one over with one key, turn one down."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.records import IdeaData
from makelaar.services import activities, ideas, matches
from makelaar.storage.store import Store
from makelaar.ui import context, match_dialog
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow
from makelaar.ui.match_dialog import MatchDialog, Preselection
from makelaar.ui.organisation_editor import OrganisationEditor


def open_suggestions(qtbot: QtBot, ctx: AppContext, idea_id: str) -> IdeaEditor:
    editor = IdeaEditor(ctx, idea_id)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentWidget(editor.suggestions)
    return editor


def names(editor: IdeaEditor) -> list[str]:
    return [r.name for r in editor.suggestions.model.rows()]


def test_suggestions_name_the_organisation_and_why(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    assert names(editor)[0] == "Stichting Groen Doen"  # offers ruimte in the idea's own wijk
    best = editor.suggestions.model.row_at(0)
    assert best is not None and any("ruimte" in r for r in best.reasons)
    assert "Stichting Groen Doen" in editor.suggestions.reasons.toPlainText()


def test_enter_takes_a_suggestion_over_as_a_koppeling(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Preselection | None] = []

    def ask(parent: object, ctx_: AppContext, idea: IdeaData, preselect: Preselection | None = None) -> object:
        seen.append(preselect)
        dialog = MatchDialog(None, ctx_, idea, preselect)  # the real dialog, as the broker would see it
        qtbot.addWidget(dialog)
        return dialog.choice()

    monkeypatch.setattr(match_dialog.MatchDialog, "ask", staticmethod(ask))
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    editor.suggestions.table.setFocus()
    editor.suggestions.table.selectRow(0)
    with qtbot.waitSignal(editor.suggestions.match_made):
        qtbot.keyClick(editor.suggestions.table, Qt.Key.Key_Return)
    assert seen[0] is not None and seen[0].organisation_id == sample["green"]
    with store.begin() as s:
        linked = matches.matches_for_idea(s, sample["garden"])
    assert [(m.organisation_name, m.need, m.status) for m in linked] == [
        ("Stichting Groen Doen", "ruimte", "voorgesteld")
    ]
    assert "Stichting Groen Doen" not in names(editor)  # linked organisations are no longer suggested
    assert editor.match_model.rowCount() == 1


def test_declining_asks_why_and_remembers_it(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.TextPrompt, "ask", staticmethod(lambda *_a: "Geen ruimte meer vrij dit jaar"))
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    editor.suggestions.table.selectRow(0)
    with qtbot.waitSignal(editor.suggestions.match_made):
        editor.suggestions.decline_current()
    with store.begin() as s:
        linked = matches.matches_for_idea(s, sample["garden"])
        timeline = [a.text for a in activities.list_activities(s, idea_id=sample["garden"])]
    assert [(m.organisation_name, m.status, m.note) for m in linked] == [
        ("Stichting Groen Doen", "afgewezen", "Geen ruimte meer vrij dit jaar")
    ]
    assert any("afgewezen: Geen ruimte meer vrij dit jaar" in t for t in timeline)


def test_an_empty_reason_declines_nothing(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.TextPrompt, "ask", staticmethod(lambda *_a: None))
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    editor.suggestions.table.selectRow(0)
    editor.suggestions.decline_current()
    with store.begin() as s:
        assert matches.matches_for_idea(s, sample["garden"]) == []


def test_an_unsaved_idea_says_to_save_first(qtbot: QtBot, ctx: AppContext) -> None:
    editor = IdeaEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentWidget(editor.suggestions)
    assert editor.suggestions.model.rowCount() == 0
    assert "Sla het idee eerst op" in editor.suggestions.hint.text()


def test_organisation_shows_the_open_ideas_it_can_help(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    editor = OrganisationEditor(ctx, sample["fund"])
    qtbot.addWidget(editor)
    editor.show()
    editor.tabs.setCurrentWidget(editor.helps_with)
    titles = [r.idea_title for r in editor.helps_with.model.rows()]
    assert titles and titles[0] == "Samen eten met ouderen"  # it needs geld, which the fund gives


def test_suggestions_for_all_open_ideas_in_the_background(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    dialog = window.match_all()
    assert dialog is not None
    qtbot.addWidget(dialog)
    ideas_shown = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert sorted(ideas_shown) == ["Buurtmoestuin aan de Lindelaan", "Samen eten met ouderen"]
    with qtbot.waitSignal(dialog.open_idea) as opened:
        dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(0), 0)
    with ctx.store.begin() as s:
        assert ideas.get_idea(s, opened.args[0]).title == ideas_shown[0]


def test_a_suggestion_shows_a_word_for_how_well_it_fits_and_reasons_in_plain_dutch(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    model = editor.suggestions.model
    fit_column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index("Past")
    shown = model.index(0, fit_column).data()
    assert shown in ("goed", "mogelijk")
    assert shown == model.row_at(0).label  # type: ignore[union-attr]
    text = editor.suggestions.reasons.toPlainText()
    assert "kan helpen met ruimte" in text
    assert "zit in Noord (zelfde wijk)" in text
    assert "0," not in model.index(0, fit_column).data()  # a word, never a raw score
    # What it helps with and where have columns of their own; the rest of the reasons follow.
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = dict(zip(headers, (model.index(0, c).data() for c in range(model.columnCount())), strict=True))
    assert row["Helpt met"] == "ruimte" and row["Waar"] == "Noord"
    assert "kan helpen met" not in row["Verder"] and "zelfde wijk" not in row["Verder"]


def test_the_hint_says_which_needs_no_suggestion_covers(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    # The garden needs ruimte and vrijwilligers; only Groen Doen (ruimte) and the fund (geld) exist.
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    assert editor.suggestions.hint.text() == "Nog geen partner in de bovenste suggesties voor: vrijwilligers."
    assert "Samen dekken" not in editor.suggestions.hint.text()


def test_a_closed_idea_gets_no_suggestions_and_says_why(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    with store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
        idea.status = "gerealiseerd"
        ideas.save_idea(s, idea)
    editor = open_suggestions(qtbot, ctx, sample["garden"])
    assert editor.suggestions.model.rowCount() == 0
    assert "afgesloten (gerealiseerd)" in editor.suggestions.hint.text()
    assert not editor.suggestions.accept_button.isEnabled()


def test_the_ui_templates_are_the_domains_plain_dutch() -> None:
    # lupdate needs the texts as literals in the UI; they must stay the domain's own words.
    from makelaar.domain import reasons as domain
    from makelaar.ui import reasons as ui

    assert {k: str(v) for k, v in ui.TEMPLATES.items()} == domain.DUTCH


def test_reasons_follow_the_ui_language(qapp: QApplication) -> None:
    from makelaar.app import install_translator
    from makelaar.domain.reasons import FAR, OFFERS, Reason
    from makelaar.ui import reasons as ui

    translator = install_translator(qapp, "en")
    try:
        assert ui.render(Reason(OFFERS, ("ruimte", "geld"))) == "can help with ruimte and geld"
        assert ui.render(Reason(FAR, ("ruimte",))) == "note: offers ruimte in another area"
    finally:
        assert translator is not None
        qapp.removeTranslator(translator)  # type: ignore[arg-type]
    assert ui.render(Reason(OFFERS, ("ruimte", "geld"))) == "kan helpen met ruimte en geld"
