"""The timeline of notes and contact moments on ideas and organisations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.records import ActivityRow
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity


def _row(a: Activity) -> ActivityRow:
    return ActivityRow(
        id=a.id,
        kind=a.kind,
        occurred_at=a.occurred_at,
        text=a.text,
        author=a.author or "",
        idea_id=a.idea_id,
        organisation_id=a.organisation_id,
    )


def add_activity(
    s: Session,
    *,
    kind: ActivityKind,
    text: str,
    idea_id: str | None = None,
    organisation_id: str | None = None,
    occurred_at: datetime | None = None,
    author: str | None = None,
) -> ActivityRow:
    if not idea_id and not organisation_id:
        raise KnownError("Een notitie hoort bij een idee of een organisatie.")
    if not text.strip():
        raise KnownError("Een notitie zonder tekst wordt niet bewaard; schrijf op wat er besproken is.")
    try:
        v.check_text(text.strip(), "De notitie")
    except ValueError as exc:
        raise KnownError(str(exc)) from None
    row = Activity(
        idea_id=idea_id,
        organisation_id=organisation_id,
        kind=kind.value,
        text=text.strip(),
        occurred_at=occurred_at or utcnow(),
        author=author,
    )
    s.add(row)
    s.flush()
    return _row(row)


# Columns, not Activity objects (a timeline is read far more often than written); the select built once.
_COLUMNS = select(
    Activity.id,
    Activity.kind,
    Activity.occurred_at,
    Activity.text,
    Activity.author,
    Activity.idea_id,
    Activity.organisation_id,
)


def list_activities(
    s: Session,
    *,
    idea_id: str | None = None,
    organisation_id: str | None = None,
    match_id: str | None = None,
    limit: int = 500,
) -> list[ActivityRow]:
    stmt = _COLUMNS
    if idea_id:
        stmt = stmt.where(Activity.idea_id == idea_id)
    if organisation_id:
        stmt = stmt.where(Activity.organisation_id == organisation_id)
    if match_id:
        stmt = stmt.where(Activity.match_id == match_id)
    stmt = stmt.order_by(Activity.occurred_at.desc(), Activity.created_at.desc()).limit(limit)
    return [
        ActivityRow(
            id=a[0],
            kind=a[1],
            occurred_at=a[2],
            text=a[3],
            author=a[4] or "",
            idea_id=a[5],
            organisation_id=a[6],
        )
        for a in s.execute(stmt)
    ]


def delete_activity(s: Session, activity_id: str) -> None:
    row = s.get(Activity, activity_id)
    if row is None:
        raise NotFoundError("Deze notitie bestaat niet meer.")
    s.delete(row)
    s.flush()
