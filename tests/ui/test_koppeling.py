"""Linking an idea to an organisation for a need, and moving the koppeling through its statuses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import MatchStatus, Vocabulary
from makelaar.services import activities, ideas, matches
from makelaar.storage.store import Store
from makelaar.ui import idea_editor, match_dialog
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.match_dialog import MatchDialog, MatchStatusDialog, StatusChange
from tests.ui.conftest import terms


def test_match_dialog_offers_organisations_for_the_need(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    with store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
    dialog = MatchDialog(None, ctx, idea)
    qtbot.addWidget(dialog)
    needs = terms(store, Vocabulary.HELP_TYPE)
    assert dialog.need.currentData() == needs["ruimte"]  # the idea's first need is preselected
    found = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(found) == 1 and found[0].startswith("Stichting Groen Doen")
    dialog.need.setCurrentIndex(dialog.need.findData(needs["geld"]))
    found = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert found and found[0].startswith("Buurtfonds Lindewaard")
    dialog.offers_only.setChecked(False)
    qtbot.keyClicks(dialog.search, "groen")
    found = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(found) == 1 and found[0].startswith("Stichting Groen Doen")
    choice = dialog.choice()
    assert choice is not None
    assert choice.organisation_id == sample["green"]
    assert choice.status is MatchStatus.PROPOSED
    assert choice.follow_up_on == date.today() + timedelta(days=7)


def test_match_dialog_refuses_without_organisation(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    with ctx.store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
    dialog = MatchDialog(None, ctx, idea)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "bestaatniet")
    assert dialog.results.count() == 0
    dialog.accept()
    assert "Kies eerst een organisatie" in dialog.message.text()
    assert dialog.result() == 0


def test_status_dialog_offers_only_the_next_steps(qtbot: QtBot) -> None:
    from makelaar.domain.records import MatchRow

    row = MatchRow(
        id="m",
        idea_id="i",
        idea_reference="I-2026-0001",
        idea_title="t",
        organisation_id="o",
        organisation_name="Org",
        need="ruimte",
        contact="",
        status="voorgesteld",
        follow_up_on=None,
        note="",
        version=1,
    )
    dialog = MatchStatusDialog(None, row)
    qtbot.addWidget(dialog)
    offered = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert offered == ["voorgesteld", "benaderd", "afgewezen"]
    assert dialog.change().status is MatchStatus.APPROACHED


def test_link_and_follow_a_koppeling_from_the_idea_editor(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = IdeaEditor(ctx, sample["garden"])
    qtbot.addWidget(editor)
    editor.tabs.setCurrentWidget(editor.matches_page)

    def choose(parent: object, ctx_: AppContext, idea: object, preselect: object = None) -> object:
        # Drive the real dialog as the user would, then hand back its choice.
        dialog = MatchDialog(None, ctx_, idea)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.results.setCurrentRow(0)
        dialog.follow_up.set_value((dialog.follow_up.value() or date.today()) + timedelta(days=3))
        return dialog.choice()

    monkeypatch.setattr(match_dialog.MatchDialog, "ask", staticmethod(choose))
    with qtbot.waitSignal(editor.saved):
        qtbot.mouseClick(editor.add_match_button, Qt.MouseButton.LeftButton)
    assert editor.match_model.rowCount() == 1
    row = editor.match_model.row_at(0)
    assert row is not None
    assert (row.organisation_name, row.need, row.status) == ("Stichting Groen Doen", "ruimte", "voorgesteld")
    assert row.follow_up_on == date.today() + timedelta(days=10)
    # The first koppeling moves a new idea on to 'gekoppeld', and the open editor follows without a stale save.
    assert editor.status.currentData() == "gekoppeld"
    assert not editor.is_dirty()

    steps = iter([MatchStatus.APPROACHED, MatchStatus.COMMITTED, MatchStatus.DONE])
    monkeypatch.setattr(
        idea_editor.MatchStatusDialog,
        "ask",
        staticmethod(lambda _p, _row: StatusChange(next(steps), date(2026, 12, 15), "afspraak gemaakt")),
    )
    for expected in ("benaderd", "toegezegd", "afgerond"):
        editor.match_table.selectRow(0)
        editor.change_match()
        current = editor.match_model.row_at(0)
        assert current is not None and current.status == expected
    with store.begin() as s:
        done = matches.matches_for_idea(s, sample["garden"])[0]
        timeline = [a.text for a in activities.list_activities(s, idea_id=sample["garden"])]
    assert done.status == "afgerond" and done.note == "afspraak gemaakt"
    assert any("van 'toegezegd' naar 'afgerond'" in t for t in timeline)
    assert any("van 'voorgesteld' naar 'benaderd'" in t for t in timeline)
    assert editor.save()  # the idea itself still saves: its version followed the koppelingen


def test_a_koppeling_without_follow_up_date(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    with ctx.store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
    dialog = MatchDialog(None, ctx, idea)
    qtbot.addWidget(dialog)
    dialog.follow_up.set_value(None)  # the empty value
    choice = dialog.choice()
    assert choice is not None and choice.follow_up_on is None
