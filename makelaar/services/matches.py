"""Koppelingen: an idea linked to an organisation for a need, followed through its statuses."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from makelaar.domain import validation as v
from makelaar.domain.enums import MATCH_TRANSITIONS, ActivityKind, IdeaStatus, MatchStatus
from makelaar.domain.errors import KnownError, NotFoundError, StaleRecordError
from makelaar.domain.formatting import format_date
from makelaar.domain.records import MatchRow, Page
from makelaar.services.listing import ListQuery
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity, Area, Contact, Idea, Match, Organisation, VocabularyTerm

_OPEN_IDEA = {IdeaStatus.NEW.value, IdeaStatus.EXPLORING.value}


OPEN_MATCH_STATUSES = (MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value, MatchStatus.COMMITTED.value)

# ListQuery.extra["follow_up"] in the koppelingen list: which follow-up dates to show.
FOLLOW_UP_OVERDUE = "te-laat"
FOLLOW_UP_WEEK = "deze-week"
FOLLOW_UP_NONE = "geen"

SORTS: dict[str, Any] = {
    "idea": Idea.reference,
    "title": Idea.title,
    "organisation": Organisation.name,
    "status": Match.status,
    "follow_up": Match.follow_up_on,
    "updated": Match.updated_at,
}


def _statement(*where: object) -> Select[Any]:
    need = aliased(VocabularyTerm)
    return (
        # Columns, not Match objects: a list reads many and changes none.
        select(
            Match.id,
            Match.idea_id,
            Match.organisation_id,
            Match.status,
            Match.follow_up_on,
            Match.note,
            Match.version,
            Idea.reference,
            Idea.title,
            Organisation.name,
            need.name,
            Contact.name,
        )
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .outerjoin(need, need.id == Match.need_id)
        .outerjoin(Contact, Contact.id == Match.contact_id)
        .where(*where)  # type: ignore[arg-type]
    )


def _rows(s: Session, *where: object) -> list[MatchRow]:
    return _to_rows(s, _statement(*where).order_by(Match.created_at))


def _to_rows(s: Session, stmt: Select[Any], params: dict[str, Any] | None = None) -> list[MatchRow]:
    return [
        MatchRow(
            id=match_id,
            idea_id=idea_id,
            idea_reference=ref,
            idea_title=title,
            organisation_id=organisation_id,
            organisation_name=org,
            need=need_name or "",
            contact=contact or "",
            status=status,
            follow_up_on=follow_up_on,
            note=note or "",
            version=version,
        )
        for (
            match_id,
            idea_id,
            organisation_id,
            status,
            follow_up_on,
            note,
            version,
            ref,
            title,
            org,
            need_name,
            contact,
        ) in s.execute(stmt, params)
    ]


def filter_statement(q: ListQuery, stmt: Select[Any], today: date | None = None) -> Select[Any]:
    """``stmt`` (which joins ideas and organisations) narrowed to the koppelingen the list shows for ``q``: search in
    the idea's number and title and the organisation's name, status, the idea's wijk (with its buurten), need and
    follow-up date (``q.extra["follow_up"]``)."""
    text = q.search.strip().casefold()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                func.lower(Idea.reference).like(pattern, escape="\\"),
                func.lower(Idea.title).like(pattern, escape="\\"),
                func.lower(Organisation.name).like(pattern, escape="\\"),
            )
        )
    if q.statuses:
        stmt = stmt.where(Match.status.in_(q.statuses))
    if q.area_id:
        stmt = stmt.where(
            Idea.area_id.in_(select(Area.id).where(or_(Area.id == q.area_id, Area.parent_id == q.area_id)))
        )
    if q.help_type_id:
        stmt = stmt.where(Match.need_id == q.help_type_id)
    follow_up = q.extra.get("follow_up")
    if follow_up:
        # Only open koppelingen wait for a follow-up.
        stmt = stmt.where(Match.status.in_(OPEN_MATCH_STATUSES))
        today = today or date.today()
        if follow_up == FOLLOW_UP_NONE:
            stmt = stmt.where(Match.follow_up_on.is_(None))
        elif follow_up == FOLLOW_UP_OVERDUE:
            stmt = stmt.where(Match.follow_up_on < today)
        else:
            stmt = stmt.where(Match.follow_up_on <= today + timedelta(days=7))
    return stmt


def count_matches(s: Session, q: ListQuery, today: date | None = None) -> int:
    stmt = (
        select(func.count())
        .select_from(Match)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
    )
    return int(s.scalar(filter_statement(q, stmt, today)) or 0)


def list_matches(
    s: Session, q: ListQuery, offset: int = 0, limit: int = 200, today: date | None = None
) -> list[MatchRow]:
    """A page of the koppelingen list, sorted as ``q`` says (follow-up dates without a date last)."""
    stmt = filter_statement(q, _statement(), today)
    # The need's name comes from an aliased join: take it from the statement itself.
    key = stmt.selected_columns[4] if q.sort == "need" else SORTS.get(q.sort, Match.follow_up_on)
    order = [key.desc() if q.descending else key.asc()]
    if q.sort == "follow_up":
        # An open koppeling without a date is not more urgent than one with a date.
        order.insert(0, Match.follow_up_on.is_(None))
    tiebreak = Match.id.desc() if q.descending else Match.id.asc()
    return _to_rows(s, stmt.order_by(*order, tiebreak).offset(offset).limit(limit))


def page_matches(s: Session, q: ListQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(rows=list_matches(s, q, offset, limit), total=count_matches(s, q))


def _existing(s: Session, idea_id: str, organisation_id: str, need_id: str | None) -> Match | None:
    """The koppeling of this idea with this organisation for this need, if there is one."""
    return s.scalar(
        select(Match).where(
            Match.idea_id == idea_id,
            Match.organisation_id == organisation_id,
            Match.need_id.is_(None) if need_id is None else Match.need_id == need_id,
        )
    )


def _row(s: Session, match_id: str) -> MatchRow:
    return _rows(s, Match.id == match_id)[0]


def get_match(s: Session, match_id: str) -> MatchRow:
    rows = _rows(s, Match.id == match_id)
    if not rows:
        raise NotFoundError("Deze koppeling bestaat niet meer.")
    return rows[0]


def _add(s: Session, row: Match, text: str, author: str | None) -> Match:
    """Store a new koppeling and its first line on the timeline of both the idea and the organisation."""
    s.add(row)
    s.flush()
    s.add(
        Activity(
            idea_id=row.idea_id,
            organisation_id=row.organisation_id,
            match_id=row.id,
            kind=ActivityKind.STATUS.value,
            text=text,
            author=author,
        )
    )
    return row


# Built once: the summary beside the lists and the editors ask these for every record shown.
_FOR_IDEA = _statement(Match.idea_id == bindparam("owner_id")).order_by(Match.created_at)
_FOR_ORGANISATION = _statement(Match.organisation_id == bindparam("owner_id")).order_by(Match.created_at)


def matches_for_idea(s: Session, idea_id: str) -> list[MatchRow]:
    return _to_rows(s, _FOR_IDEA, {"owner_id": idea_id})


def matches_for_organisation(s: Session, organisation_id: str) -> list[MatchRow]:
    return _to_rows(s, _FOR_ORGANISATION, {"owner_id": organisation_id})


def create_match(
    s: Session,
    *,
    idea_id: str,
    organisation_id: str,
    need_id: str | None,
    status: MatchStatus = MatchStatus.PROPOSED,
    follow_up_on: date | None = None,
    contact_id: str | None = None,
    note: str | None = None,
    author: str | None = None,
) -> MatchRow:
    idea = s.get(Idea, idea_id)
    org = s.get(Organisation, organisation_id)
    if idea is None or org is None:
        raise NotFoundError("Het idee of de organisatie bestaat niet (meer).")
    if not org.active:
        raise KnownError(f"{org.name} is niet actief; kies een andere organisatie of zet deze eerst op actief.")
    _check_note(note)
    if _existing(s, idea_id, organisation_id, need_id) is not None:
        raise KnownError(f"{org.name} is al gekoppeld aan dit idee voor deze behoefte.")
    if contact_id is not None:
        contact = s.get(Contact, contact_id)
        if contact is None or contact.organisation_id != organisation_id:
            raise KnownError("Deze contactpersoon hoort niet bij de gekozen organisatie.")
    need_name = s.get(VocabularyTerm, need_id).name if need_id else None  # type: ignore[union-attr]
    what = f" voor {need_name}" if need_name else ""
    follow = f"; opvolgen op {format_date(follow_up_on)}" if follow_up_on else ""
    row = _add(
        s,
        Match(
            idea_id=idea_id,
            organisation_id=organisation_id,
            need_id=need_id,
            contact_id=contact_id,
            status=status.value,
            follow_up_on=follow_up_on,
            note=(note or "").strip() or None,
        ),
        f"Gekoppeld aan {org.name}{what} ({status.value}){follow}.",
        author,
    )
    if idea.status in _OPEN_IDEA:
        s.add(
            Activity(
                idea_id=idea_id,
                kind=ActivityKind.STATUS.value,
                text=f"Status van '{idea.status}' naar '{IdeaStatus.MATCHED.value}'.",
                author=author,
            )
        )
        idea.status = IdeaStatus.MATCHED.value
        idea.updated_at = utcnow()
    s.flush()
    return _row(s, row.id)


def update_match(
    s: Session,
    match_id: str,
    *,
    version: int,
    status: MatchStatus,
    follow_up_on: date | None,
    note: str | None = None,
    author: str | None = None,
) -> MatchRow:
    """Move a koppeling to another status or follow-up date; every change is dated on the timeline."""
    row = s.get(Match, match_id)
    if row is None:
        raise NotFoundError("Deze koppeling bestaat niet (meer).")
    if row.version != version:
        raise StaleRecordError("Deze koppeling")
    _check_note(note)
    old = MatchStatus(row.status)
    if status != old and status not in MATCH_TRANSITIONS[old]:
        allowed = ", ".join(sorted(t.value for t in MATCH_TRANSITIONS[old]))
        raise KnownError(f"Een koppeling met status '{old.value}' kan niet naar '{status.value}'; wel naar: {allowed}.")
    org = s.get(Organisation, row.organisation_id)
    changes = []
    if status != old:
        changes.append(f"status van '{old.value}' naar '{status.value}'")
    if follow_up_on != row.follow_up_on:
        changes.append(f"opvolgen op {format_date(follow_up_on)}" if follow_up_on else "geen opvolgdatum meer")
    row.status = status.value
    row.follow_up_on = follow_up_on
    if note is not None:
        row.note = note.strip() or None
    row.updated_at = utcnow()
    try:
        s.flush()
    except StaleDataError as exc:
        raise StaleRecordError("Deze koppeling") from exc
    if changes:
        s.add(
            Activity(
                idea_id=row.idea_id,
                organisation_id=row.organisation_id,
                match_id=row.id,
                kind=ActivityKind.STATUS.value,
                text=f"Koppeling met {org.name if org else '?'}: {', '.join(changes)}.",
                author=author,
            )
        )
        s.flush()
    return _row(s, row.id)


def delete_match(s: Session, match_id: str) -> None:
    row = s.get(Match, match_id)
    if row is None:
        raise NotFoundError("Deze koppeling bestaat niet (meer).")
    s.delete(row)
    s.flush()


def decline_suggestion(
    s: Session,
    *,
    idea_id: str,
    organisation_id: str,
    need_id: str | None,
    reason: str,
    author: str | None = None,
) -> MatchRow:
    """The broker turns a suggestion down: kept as a koppeling 'afgewezen' with the reason, so later suggestions
    for similar ideas learn from it and the timeline says why."""
    if not reason.strip():
        raise KnownError("Schrijf kort op waarom deze suggestie niet past; dat helpt bij volgende suggesties.")
    org = s.get(Organisation, organisation_id)
    if org is None or s.get(Idea, idea_id) is None:
        raise NotFoundError("Het idee of de organisatie bestaat niet (meer).")
    _check_note(reason)
    if _existing(s, idea_id, organisation_id, need_id) is not None:
        raise KnownError(f"{org.name} is al gekoppeld aan dit idee voor deze behoefte; wijzig daar de status.")
    row = _add(
        s,
        Match(
            idea_id=idea_id,
            organisation_id=organisation_id,
            need_id=need_id,
            status=MatchStatus.DECLINED.value,
            note=reason.strip(),
        ),
        f"Suggestie {org.name} afgewezen: {reason.strip()}",
        author,
    )
    s.flush()
    return _row(s, row.id)


def _check_note(note: str | None) -> None:
    """A koppeling's note keeps to the limits every text in the store keeps (domain.validation)."""
    try:
        v.check_text((note or "").strip(), "De notitie")
    except ValueError as exc:
        raise KnownError(str(exc)) from None
