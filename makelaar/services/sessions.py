"""Wijktafels: the meetings where ideas are collected."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from makelaar.domain import validation as v
from makelaar.domain.errors import AmbiguousError, NotFoundError, StaleRecordError
from makelaar.domain.formatting import format_date
from makelaar.domain.records import SessionData, SessionRow
from makelaar.services.common import Collector, next_reference
from makelaar.storage.base import utcnow
from makelaar.storage.models import Area, Idea, IntakeSession


def _data(row: IntakeSession) -> SessionData:
    return SessionData(
        id=row.id,
        reference=row.reference,
        version=row.version,
        title=row.title,
        held_on=row.held_on,
        place=row.place,
        area_id=row.area_id,
        notes=row.notes,
    )


def list_sessions(s: Session, search: str = "") -> list[SessionRow]:
    counts = (
        select(Idea.session_id, func.count().label("n")).where(Idea.session_id.is_not(None)).group_by(Idea.session_id)
    ).subquery()
    stmt = (
        select(IntakeSession, Area.name, counts.c.n)
        .outerjoin(Area, Area.id == IntakeSession.area_id)
        .outerjoin(counts, counts.c.session_id == IntakeSession.id)
        .order_by(IntakeSession.held_on.desc(), IntakeSession.reference.desc())
    )
    if search.strip():
        # autoescape: a search for "50%" or "a_b" finds those characters, not any text.
        text = search.strip().lower()
        stmt = stmt.where(
            func.lower(IntakeSession.title).contains(text, autoescape=True)
            | func.lower(func.coalesce(IntakeSession.place, "")).contains(text, autoescape=True)
            | func.lower(IntakeSession.reference).contains(text, autoescape=True)
        )
    return [
        SessionRow(
            id=row.id,
            reference=row.reference,
            title=row.title,
            held_on=row.held_on,
            place=row.place or "",
            area=area or "",
            idea_count=int(n or 0),
        )
        for row, area, n in s.execute(stmt)
    ]


def session_choices(s: Session) -> list[tuple[str, str, date]]:
    """(id, title, date) of every wijktafel, newest first: what a form offers to choose from."""
    rows = s.execute(
        select(IntakeSession.id, IntakeSession.title, IntakeSession.held_on).order_by(
            IntakeSession.held_on.desc(), IntakeSession.reference.desc()
        )
    )
    return [(r[0], r[1], r[2]) for r in rows]


def get_session(s: Session, session_id: str) -> SessionData:
    row = s.get(IntakeSession, session_id)
    if row is None:
        raise NotFoundError("Deze wijktafel bestaat niet (meer).")
    return _data(row)


def find_session(s: Session, ident: str) -> SessionData:
    text = ident.strip()
    row = s.scalar(select(IntakeSession).where(func.upper(IntakeSession.reference) == text.upper()))
    if row is None:
        candidates = list(
            s.scalars(
                select(IntakeSession)
                .where(func.lower(IntakeSession.title).contains(text.lower(), autoescape=True))
                .limit(20)
            )
        )
        if not candidates:
            raise NotFoundError(f"Geen wijktafel gevonden met nummer of titel '{text}'.")
        if len(candidates) > 1:
            raise AmbiguousError(text, [f"{c.reference}  {c.title} ({format_date(c.held_on)})" for c in candidates])
        row = candidates[0]
    return _data(row)


def save_session(s: Session, data: SessionData) -> SessionData:
    c = Collector()
    title = c.check("title", v.clean_required, data.title, "De naam van de wijktafel")
    if data.held_on is None:
        c.add("held_on", "De datum is verplicht.")
    c.raise_if_any()
    if data.id:
        row = s.get(IntakeSession, data.id)
        if row is None:
            raise NotFoundError("Deze wijktafel bestaat niet (meer).")
        if data.version is not None and row.version != data.version:
            raise StaleRecordError(f"Wijktafel {row.reference}")
    else:
        row = IntakeSession(
            reference=next_reference(s, "W", data.held_on.year), title=title or "", held_on=data.held_on
        )
        s.add(row)
    row.title = title or ""
    row.held_on = data.held_on
    row.place = (data.place or "").strip() or None
    row.area_id = data.area_id or None
    row.notes = (data.notes or "").strip() or None
    row.updated_at = utcnow()
    try:
        s.flush()
    except StaleDataError as exc:
        raise StaleRecordError(f"Wijktafel {row.reference}") from exc
    return _data(row)
