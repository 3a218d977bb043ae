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


def test_a_preloaded_overview_is_shown_without_asking_again(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    # At start the overview is worked out while the window is built; the first showing uses it, later ones look again.
    with store.begin() as s:
        overview = today.today_overview(s)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    assert view.sections["unmatched"][2].rowCount() == 0  # nothing asked before the screen is shown
    with store.begin() as s:
        matches.create_match(s, idea_id=sample["garden"], organisation_id=sample["green"], need_id=None)
    view.preload(overview)
    view.show()
    assert view.sections["unmatched"][2].rowCount() == 2  # the preloaded overview, from before the koppeling
    view.hide()
    view.show()
    assert view.sections["unmatched"][2].rowCount() == 1  # shown again: looked up again


def test_thresholds_are_shown_before_the_lists_are_filled(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    with store.begin() as s:
        today.set_thresholds(s, 8, 21)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    assert (view.quiet_weeks.value(), view.answer_days.value()) == (8, 21)


def test_a_long_list_on_vandaag_is_fitted_to_the_rows_in_view(qtbot: QtBot, ctx: AppContext) -> None:
    # A busy municipality has hundreds of koppelingen waiting: the organisation column is fitted to the rows a
    # broker sees, not to every one of them (measuring them all was a tenth of the program's start).
    from makelaar.ui.list_views import MEASURED_ROWS

    def item(n: int, organisation: str) -> today.TodayItem:
        return today.TodayItem(f"i{n}", f"I-2026-{n:04d}", f"Idee {n}", organisation, "Bellen", date.today())

    rows = [item(n, "Wijkteam") for n in range(400)]
    rows[MEASURED_ROWS + 50] = item(MEASURED_ROWS + 50, "Stichting " + "heel lang " * 12)
    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.preload(today.Today(rows, [], [], [], 6, 14, more=frozenset({"follow_ups"})))
    box, table, _model = view.sections["follow_ups"]
    narrow = table.columnWidth(1)
    assert narrow < 200
    assert box.title().endswith("(400+)")  # a list cut off says there is more
    assert view.sections["quiet"][0].title().endswith("(0)")
    rows[3] = rows[MEASURED_ROWS + 50]  # the same long name among the first rows does widen it
    view.preload(today.Today(rows, [], [], [], 6, 14))
    assert table.columnWidth(1) > narrow
