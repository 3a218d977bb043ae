"""The Vandaag overview: follow-ups due and overdue, koppelingen without an answer, quiet ideas, unlinked ideas."""

from __future__ import annotations

from datetime import date, datetime, timedelta

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
