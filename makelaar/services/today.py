"""What needs the broker's attention today: follow-ups due, ideas gone quiet, koppelingen without an answer, new
ideas without any koppeling."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from makelaar.domain.enums import CLOSED_IDEA_STATUSES, IdeaStatus, MatchStatus
from makelaar.services import vocabulary
from makelaar.services.matches import OPEN_MATCH_STATUSES
from makelaar.storage.base import utcnow
from makelaar.storage.last_contact import last_activity
from makelaar.storage.models import Idea, Match, Organisation

QUIET_WEEKS = "today_quiet_weeks"
ANSWER_DAYS = "today_answer_days"
DEFAULT_QUIET_WEEKS = 6
DEFAULT_ANSWER_DAYS = 14
LIMIT = 200

T = TypeVar("T")

_OPEN_MATCH = OPEN_MATCH_STATUSES
# Listed as the open ones (not as "not closed"): an IN list can use the index on status.
_OPEN = tuple(s.value for s in IdeaStatus if s not in CLOSED_IDEA_STATUSES)


@dataclass(frozen=True)
class TodayItem:
    """One line on the Vandaag screen; ``idea_id`` is what opens when the broker picks it."""

    idea_id: str
    idea_reference: str
    idea_title: str
    organisation: str
    what: str
    when: date | None
    overdue: bool = False


@dataclass(frozen=True)
class Today:
    follow_ups: list[TodayItem]
    unanswered: list[TodayItem]
    quiet: list[TodayItem]
    unmatched: list[TodayItem]
    quiet_weeks: int
    answer_days: int
    # The lists cut off at LIMIT rows with more behind them (by field name: "follow_ups", ...).
    more: frozenset[str] = frozenset()


def thresholds(s: Session) -> tuple[int, int]:
    def number(key: str, default: int) -> int:
        try:
            return max(1, int(vocabulary.get_setting(s, key, str(default))))
        except ValueError:
            return default

    return number(QUIET_WEEKS, DEFAULT_QUIET_WEEKS), number(ANSWER_DAYS, DEFAULT_ANSWER_DAYS)


def set_thresholds(s: Session, quiet_weeks: int, answer_days: int) -> None:
    vocabulary.set_setting(s, QUIET_WEEKS, str(max(1, quiet_weeks)))
    vocabulary.set_setting(s, ANSWER_DAYS, str(max(1, answer_days)))


def _nth_smallest(column: Any, where: tuple[Any, ...], otherwise: Any, n: int) -> Any:
    """The n-th smallest value of ``column`` among the rows ``where`` picks (``otherwise`` when there are fewer):
    a list of the n first rows by ``column`` needs no row above it, so only those are joined and sorted."""
    nth = select(column).where(*where).order_by(column).limit(1).offset(n - 1).scalar_subquery()
    return func.coalesce(nth, otherwise)


def _cut(rows: Sequence[T], name: str, more: set[str]) -> Sequence[T]:
    """The first LIMIT of ``rows`` (read one past it): ``name`` goes into ``more`` when there were more."""
    if len(rows) > LIMIT:
        more.add(name)
    return rows[:LIMIT]


def today_overview(s: Session, today: date | None = None, now: datetime | None = None) -> Today:
    today = today or date.today()
    now = now or utcnow()
    quiet_weeks, answer_days = thresholds(s)
    more: set[str] = set()
    shown = LIMIT + 1  # one past the list's length, to know whether there are more

    is_due = (Match.follow_up_on.is_not(None), Match.follow_up_on <= today, Match.status.in_(_OPEN_MATCH))
    due = s.execute(
        select(Match.follow_up_on, Match.status, Idea.id, Idea.reference, Idea.title, Organisation.name)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .where(*is_due, Match.follow_up_on <= _nth_smallest(Match.follow_up_on, is_due, today, shown))
        .order_by(Match.follow_up_on, Idea.reference)
        .limit(shown)
    ).all()
    due = _cut(due, "follow_ups", more)
    follow_ups = [
        TodayItem(idea_id, ref, title, org, f"opvolgen ({status})", when, overdue=when < today)
        for when, status, idea_id, ref, title, org in due
    ]

    answer_before = now - timedelta(days=answer_days)
    is_waiting = (
        Match.status.in_((MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value)),
        Match.updated_at < answer_before,
    )
    # The LIMIT oldest from the index (status, updated_at, id) alone, then their ideas and organisations.
    oldest = (
        select(Match.id, Match.updated_at)
        .where(*is_waiting)
        .order_by(Match.updated_at, Match.id)
        .limit(shown)
        .subquery()
    )
    waiting = s.execute(
        select(Match.updated_at, Match.status, Idea.id, Idea.reference, Idea.title, Organisation.name)
        .join(oldest, oldest.c.id == Match.id)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .order_by(oldest.c.updated_at, oldest.c.id)
    ).all()
    waiting = _cut(waiting, "unanswered", more)
    unanswered = [
        TodayItem(idea_id, ref, title, org, f"geen antwoord sinds {status}", changed.date(), overdue=True)
        for changed, status, idea_id, ref, title, org in waiting
    ]

    # The last contact of each open idea: its newest timeline entry (kept on the idea by the database, see
    # storage/last_contact.py), or its last change when it has none. The LIMIT quietest come from the index
    # (status, last_activity_at, updated_at, id) alone; only those are read.
    last_contact = func.coalesce(last_activity(), Idea.updated_at)
    quiet_before = now - timedelta(weeks=quiet_weeks)
    quietest = (
        select(Idea.id, last_contact.label("last_contact"))
        .where(Idea.status.in_(_OPEN), last_contact < quiet_before)
        .order_by(last_contact, Idea.id)
        .limit(shown)
        .subquery()
    )
    silent = s.execute(
        select(Idea.id, Idea.reference, Idea.title, quietest.c.last_contact)
        .join(quietest, quietest.c.id == Idea.id)
        .order_by(quietest.c.last_contact, quietest.c.id)
    ).all()
    silent = _cut(silent, "quiet", more)
    quiet = [
        TodayItem(idea_id, ref, title, "", "stil sinds", last.date() if last else None)
        for idea_id, ref, title, last in silent
    ]

    has_match = select(Match.id).where(Match.idea_id == Idea.id).exists()
    # The LIMIT oldest from the index (status, received_on, id) alone, then only those ideas are read.
    oldest_new = (
        select(Idea.id, Idea.received_on)
        .where(Idea.status.in_((IdeaStatus.NEW.value, IdeaStatus.EXPLORING.value)), ~has_match)
        .order_by(Idea.received_on, Idea.id)
        .limit(shown)
        .subquery()
    )
    fresh = s.execute(
        select(Idea.id, Idea.reference, Idea.title, Idea.received_on)
        .join(oldest_new, oldest_new.c.id == Idea.id)
        .order_by(oldest_new.c.received_on, oldest_new.c.id)
    ).all()
    fresh = _cut(fresh, "unmatched", more)
    unmatched = [
        TodayItem(idea_id, ref, title, "", "nog geen koppeling", received) for idea_id, ref, title, received in fresh
    ]
    return Today(follow_ups, unanswered, quiet, unmatched, quiet_weeks, answer_days, frozenset(more))
