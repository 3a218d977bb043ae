"""A first start on an empty store: a welcome with the three first steps, and lists that say what to do."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from makelaar.domain.records import SessionData
from makelaar.services import vocabulary
from makelaar.ui import context, import_wizard, main_window, sessions_view
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow


def test_an_empty_store_opens_with_the_welcome(qtbot: QtBot, window: MainWindow) -> None:
    assert window.welcome is not None
    assert window.stack.currentWidget() is window.today
    assert window.today.pages.currentWidget() is window.welcome
    assert window.welcome.isVisible()
    assert window.welcome.municipality.hasFocus()  # the first step is ready to type in


def test_step_one_names_the_municipality_and_the_broker(qtbot: QtBot, window: MainWindow) -> None:
    welcome = window.welcome
    assert welcome is not None
    welcome.municipality.setFocus()
    qtbot.keyClicks(welcome.municipality, "Gemeente Brugwoude")
    qtbot.keyClick(welcome.municipality, Qt.Key.Key_Tab)
    qtbot.keyClicks(welcome.broker, "Sanne Bakker")
    qtbot.keyClick(welcome.broker, Qt.Key.Key_Return)
    assert window.windowTitle() == "Makelaar — Gemeente Brugwoude"
    assert window.ctx.read(vocabulary.municipality_name) == "Gemeente Brugwoude"
    assert window.ctx.settings.broker_name == "Sanne Bakker"
    assert window.ctx.store.actor == "Sanne Bakker"
    assert welcome.saved_note.text().startswith("Opgeslagen")
    # Settings shows the same names.
    assert window.settings_view.municipality.text() == "Gemeente Brugwoude"
    assert window.settings_view.broker.text() == "Sanne Bakker"


def test_step_two_opens_the_import_wizard(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        import_wizard.ImportWizard, "ask", classmethod(lambda _cls, _p, _ctx, kind, **_kw: asked.append(kind))
    )
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.import_button, Qt.MouseButton.LeftButton)
    assert asked == ["organisaties"]


def test_step_three_loads_the_example_data_and_the_welcome_gives_way(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window.Notice, "show", staticmethod(lambda *_: None))
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert window.today.pages.currentWidget() is window.today.content
    assert not window.store_is_empty()
    assert "Lindewaard" in window.windowTitle()


def test_a_first_idea_also_ends_the_welcome(qtbot: QtBot, window: MainWindow) -> None:
    assert window.welcome is not None
    qtbot.mouseClick(window.welcome.new_idea_button, Qt.MouseButton.LeftButton)
    editor = window.editors[-1]
    assert isinstance(editor, IdeaEditor)
    editor.title.setText("Bankjes in het park")
    assert editor.save()
    assert window.today.pages.currentWidget() is window.today.content


@pytest.mark.parametrize(
    ("area", "says", "buttons"),
    [
        ("ideas", "Hier komen de ideeën", ["Nieuw idee", "Wijktafel plannen", "Voorbeeldgegevens laden"]),
        (
            "organisations",
            "Hier komt de sociale kaart",
            ["Sociale kaart importeren…", "Nieuwe organisatie", "Voorbeeldgegevens laden"],
        ),
        ("matches", "Hier komen de koppelingen", ["Naar de ideeën", "Voorbeeldgegevens laden"]),
    ],
)
def test_every_empty_list_says_what_to_do_and_offers_it(
    qtbot: QtBot, window: MainWindow, area: str, says: str, buttons: list[str]
) -> None:
    view = getattr(window, area)
    window.show_view(view)
    assert view.stack.currentWidget() is view.empty
    assert view.empty_text.text().startswith(says)
    shown = [
        view.empty_actions.itemAt(i).widget().text()
        for i in range(view.empty_actions.count())
        if view.empty_actions.itemAt(i).widget() is not None and view.empty_actions.itemAt(i).widget().isVisible()
    ]
    assert shown == buttons


def test_no_wijktafels_yet_offers_to_plan_one(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.show_view(window.sessions)
    view = window.sessions
    assert view.pages.currentWidget() is view.empty
    assert view.hint.text().startswith("Hier komen de wijktafels")

    def plan(ctx: context.AppContext, _data: object, _parent: object) -> SessionData:
        with ctx.store.begin() as s:
            return sessions_view.sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date.today()))

    monkeypatch.setattr(sessions_view.SessionDialog, "ask", staticmethod(plan))
    qtbot.mouseClick(view.empty_new_button, Qt.MouseButton.LeftButton)
    assert view.pages.currentWidget() is view.table
    assert view.model.rowCount() == 1
