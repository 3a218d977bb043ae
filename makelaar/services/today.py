"""What needs the broker's attention today: follow-ups due, ideas gone quiet, koppelingen without an answer, new
ideas without any koppeling."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from makelaar.domain.enums import CLOSED_IDEA_STATUSES, IdeaStatus, MatchStatus
from makelaar.services import vocabulary
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity, Idea, Match, Organisation

QUIET_WEEKS = "today_quiet_weeks"
ANSWER_DAYS = "today_answer_days"
DEFAULT_QUIET_WEEKS = 6
DEFAULT_ANSWER_DAYS = 14
LIMIT = 200

_OPEN_MATCH = (MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value, MatchStatus.COMMITTED.value)
_CLOSED = tuple(s.value for s in CLOSED_IDEA_STATUSES)


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


def today_overview(s: Session, today: date | None = None, now: datetime | None = None) -> Today:
    today = today or date.today()
    now = now or utcnow()
    quiet_weeks, answer_days = thresholds(s)

    due = s.execute(
        select(Match.follow_up_on, Match.status, Idea.id, Idea.reference, Idea.title, Organisation.name)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .where(Match.follow_up_on.is_not(None), Match.follow_up_on <= today, Match.status.in_(_OPEN_MATCH))
        .order_by(Match.follow_up_on, Idea.reference)
        .limit(LIMIT)
    ).all()
    follow_ups = [
        TodayItem(idea_id, ref, title, org, f"opvolgen ({status})", when, overdue=when < today)
        for when, status, idea_id, ref, title, org in due
    ]

    answer_before = now - timedelta(days=answer_days)
    waiting = s.execute(
        select(Match.updated_at, Match.status, Idea.id, Idea.reference, Idea.title, Organisation.name)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .where(
            Match.status.in_((MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value)),
            Match.updated_at < answer_before,
        )
        .order_by(Match.updated_at)
        .limit(LIMIT)
    ).all()
    unanswered = [
        TodayItem(idea_id, ref, title, org, f"geen antwoord sinds {status}", changed.date(), overdue=True)
        for changed, status, idea_id, ref, title, org in waiting
    ]

    last_activity = (
        select(Activity.idea_id, func.max(Activity.occurred_at).label("last"))
        .where(Activity.idea_id.is_not(None))
        .group_by(Activity.idea_id)
        .subquery()
    )
    quiet_before = now - timedelta(weeks=quiet_weeks)
    silent = s.execute(
        select(Idea.id, Idea.reference, Idea.title, func.coalesce(last_activity.c.last, Idea.updated_at))
        .outerjoin(last_activity, last_activity.c.idea_id == Idea.id)
        .where(
            Idea.status.not_in(_CLOSED),
            func.coalesce(last_activity.c.last, Idea.updated_at) < quiet_before,
        )
        .order_by(func.coalesce(last_activity.c.last, Idea.updated_at))
        .limit(LIMIT)
    ).all()
    quiet = [
        TodayItem(idea_id, ref, title, "", "stil sinds", last.date() if last else None)
        for idea_id, ref, title, last in silent
    ]

    has_match = select(Match.id).where(Match.idea_id == Idea.id).exists()
    fresh = s.execute(
        select(Idea.id, Idea.reference, Idea.title, Idea.received_on)
        .where(Idea.status.in_((IdeaStatus.NEW.value, IdeaStatus.EXPLORING.value)), ~has_match)
        .order_by(Idea.received_on)
        .limit(LIMIT)
    ).all()
    unmatched = [
        TodayItem(idea_id, ref, title, "", "nog geen koppeling", received) for idea_id, ref, title, received in fresh
    ]
    return Today(follow_ups, unanswered, quiet, unmatched, quiet_weeks, answer_days)
