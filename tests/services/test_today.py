"""The Vandaag overview: follow-ups due and overdue, koppelingen without an answer, quiet ideas, unlinked ideas."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from makelaar.domain.enums import MatchStatus
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, matches, organisations, today
from makelaar.storage.models import Activity, Idea, Match
from makelaar.storage.store import Store

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0)


def test_today_overview(any_store: Store) -> None:
    with any_store.begin() as s:
        org = organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
        overdue = ideas.save_idea(s, IdeaData(title="Te laat"))
        due = ideas.save_idea(s, IdeaData(title="Vandaag bellen"))
        later = ideas.save_idea(s, IdeaData(title="Volgende week"))
        silent = ideas.save_idea(s, IdeaData(title="Al lang stil", status="in uitvoering"))
        closed = ideas.save_idea(s, IdeaData(title="Afgesloten en stil", status="gestopt"))
        fresh = ideas.save_idea(s, IdeaData(title="Net binnen"))
        for idea, follow in ((overdue, TODAY - timedelta(days=3)), (due, TODAY), (later, TODAY + timedelta(days=7))):
            matches.create_match(
                s, idea_id=idea.id or "", organisation_id=org.id or "", need_id=None, follow_up_on=follow
            )
        waiting = matches.create_match(
            s, idea_id=silent.id or "", organisation_id=org.id or "", need_id=None, status=MatchStatus.APPROACHED
        )
        # Age what must look old: the koppeling of the silent idea and every trace of activity on it.
        s.get(Match, waiting.id).updated_at = NOW - timedelta(days=30)  # type: ignore[union-attr]
        for idea_id in (silent.id, closed.id):
            s.get(Idea, idea_id).updated_at = NOW - timedelta(weeks=10)  # type: ignore[union-attr]
            for a in s.query(Activity).filter(Activity.idea_id == idea_id):
                a.occurred_at = NOW - timedelta(weeks=10)
    with any_store.begin() as s:
        view = today.today_overview(s, today=TODAY, now=NOW)
    assert [(i.idea_title, i.overdue) for i in view.follow_ups] == [("Te laat", True), ("Vandaag bellen", False)]
    assert [i.idea_title for i in view.unanswered] == ["Al lang stil"]
    assert [i.idea_title for i in view.quiet] == ["Al lang stil"]  # a closed idea is not "quiet"
    assert [i.idea_title for i in view.unmatched] == ["Net binnen"]
    assert fresh.id == view.unmatched[0].idea_id


def test_thresholds_are_kept_in_the_store(any_store: Store) -> None:
    with any_store.begin() as s:
        assert today.thresholds(s) == (today.DEFAULT_QUIET_WEEKS, today.DEFAULT_ANSWER_DAYS)
        today.set_thresholds(s, 3, 5)
    with any_store.begin() as s:
        assert today.thresholds(s) == (3, 5)


def test_each_list_keeps_its_order_where_it_is_cut_off(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # The lists stop at today.LIMIT rows; rows tied on the date at the cut must still come in the list's order.
    monkeypatch.setattr(today, "LIMIT", 3)
    days = timedelta(days=1)
    with any_store.begin() as s:
        org = organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
        made = {title: ideas.save_idea(s, IdeaData(title=title)) for title in ("a", "b", "c", "d", "e")}
        for title, follow in (("a", -3), ("b", -5), ("c", -3), ("d", -1), ("e", -3)):
            matches.create_match(
                s,
                idea_id=made[title].id or "",
                organisation_id=org.id or "",
                need_id=None,
                follow_up_on=TODAY + follow * days,
            )
        quiet = {
            title: ideas.save_idea(s, IdeaData(title=title, status="in uitvoering"))
            for title in ("old contact", "no contact", "recent contact", "older contact", "eight weeks")
        }
        # Koppelingen waiting for an answer (made first: making one is a contact on the idea's timeline).
        for title, age in (
            ("old contact", 20),
            ("no contact", 40),
            ("recent contact", 30),
            ("older contact", 25),
            ("eight weeks", 5),
        ):
            waiting = matches.create_match(s, idea_id=quiet[title].id or "", organisation_id=org.id or "", need_id=None)
            s.flush()
            s.get(Match, waiting.id).updated_at = NOW - timedelta(days=age)  # type: ignore[union-attr]
        for title, weeks in (("old contact", 30), ("recent contact", 1), ("older contact", 40), ("eight weeks", 8)):
            for a in s.query(Activity).filter(Activity.idea_id == quiet[title].id):
                a.occurred_at = NOW - timedelta(weeks=weeks)
        for title in quiet:
            s.get(Idea, quiet[title].id).updated_at = NOW - timedelta(weeks=12)  # type: ignore[union-attr]
        for a in s.query(Activity).filter(Activity.idea_id == quiet["no contact"].id):
            s.delete(a)  # no timeline at all: quiet since the idea itself last changed
        for idea in made.values():  # what is due above must not count as quiet
            s.get(Idea, idea.id).status = "gestopt"  # type: ignore[union-attr]
    with any_store.begin() as s:
        view = today.today_overview(s, today=TODAY, now=NOW)
    assert [i.idea_title for i in view.follow_ups] == ["b", "a", "c"]  # by date, then number: e (also -3) is cut
    assert view.more == {"follow_ups", "unanswered", "quiet"}  # each cut list says there is more; unmatched is whole
    assert [i.idea_title for i in view.unanswered] == ["no contact", "recent contact", "older contact"]
    assert [(i.idea_title, i.when) for i in view.quiet] == [
        ("older contact", (NOW - timedelta(weeks=40)).date()),
        ("old contact", (NOW - timedelta(weeks=30)).date()),
        ("no contact", (NOW - timedelta(weeks=12)).date()),
    ]  # "eight weeks" is quiet too, but cut
