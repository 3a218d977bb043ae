from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from makelaar.services import matches, today
from makelaar.storage.store import Store
from makelaar.ui.context import AppContext
from makelaar.ui.today_view import TodayView


def test_today_lists_what_is_due_and_opens_the_idea(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    with store.begin() as s:
        matches.create_match(
            s,
            idea_id=sample["garden"],
            organisation_id=sample["green"],
            need_id=None,
            follow_up_on=date.today() - timedelta(days=1),
        )
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.show()
    box, table, model = view.sections["follow_ups"]
    assert model.rowCount() == 1
    assert "(1)" in box.title()
    assert "1 te laat" in view.heading.text()
    assert view.sections["unmatched"][2].rowCount() == 1  # the dinner idea has no koppeling yet
    with qtbot.waitSignal(view.open_idea) as opened:
        table.activated_row.emit(0)
    assert opened.args == [sample["garden"]]


def test_changing_a_threshold_is_saved(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.quiet_weeks.setValue(9)
    with store.begin() as s:
        assert today.thresholds(s)[0] == 9
