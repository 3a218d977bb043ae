"""Use cases for ideas and their initiators."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Connection, Select, bindparam, func, inspect, literal_column, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind, IdeaSource, IdeaStatus, Vocabulary
from makelaar.domain.errors import AmbiguousError, NotFoundError, StaleRecordError
from makelaar.domain.records import IdeaData, IdeaRow, InitiatorData, Page
from makelaar.services.common import Collector, load_terms, next_reference, session_holds
from makelaar.services.listing import ListQuery
from makelaar.storage.base import new_id, utcnow
from makelaar.storage.models import (
    Activity,
    Area,
    Consent,
    Idea,
    Initiator,
    VocabularyTerm,
    idea_initiators,
    idea_needs,
    idea_themes,
)
from makelaar.storage.search import MANY_HITS, count_search, matches_search

T = TypeVar("T")

SORTS: dict[str, Any] = {
    "reference": Idea.reference,
    "title": Idea.title,
    "status": Idea.status,
    "area": Area.name,
    "received": Idea.received_on,
    "updated": Idea.updated_at,
}


# A reference number, or the start of one as it is being typed (I-2, I-2026, I-2026-00).
REFERENCE = re.compile(r"[A-Za-z]-\d{1,4}(-\d*)?")


def _filtered(s: Session, q: ListQuery, stmt: Select[Any], *, many_hits: bool = False) -> Select[Any]:
    dialect = s.get_bind().dialect.name
    text = q.search.strip()
    if REFERENCE.fullmatch(text):
        # Typing a reference number looks it up directly (as words, "I" would match every word starting with i);
        # a range rather than LIKE, which SQLite cannot answer from the index (LIKE ignores case there).
        prefix = text.upper()
        if many_hits:
            # The start of a reference ("I-2") can match every idea: read the list in its sort order instead.
            stmt = stmt.where(
                sql_text("+ideas.reference >= :ref_lo AND +ideas.reference < :ref_hi").bindparams(
                    ref_lo=prefix, ref_hi=prefix + "\uffff"
                )
            )
        else:
            stmt = stmt.where(Idea.reference >= prefix, Idea.reference < prefix + "\uffff")
    elif text:
        clause = matches_search("ideas", dialect, text, many_hits=many_hits)
        if clause is not None:
            stmt = stmt.where(clause)
    if q.statuses:
        stmt = stmt.where(Idea.status.in_(q.statuses))
    if q.area_id:
        # A wijk includes its buurten. One IN over both lets the (area_id, received_on) index do the work.
        stmt = stmt.where(
            Idea.area_id.in_(select(Area.id).where(or_(Area.id == q.area_id, Area.parent_id == q.area_id)))
        )
    if q.theme_id:
        stmt = stmt.where(Idea.id.in_(select(idea_themes.c.idea_id).where(idea_themes.c.term_id == q.theme_id)))
    if q.help_type_id:
        stmt = stmt.where(Idea.id.in_(select(idea_needs.c.idea_id).where(idea_needs.c.term_id == q.help_type_id)))
    if q.session_id:
        stmt = stmt.where(Idea.session_id == q.session_id)
    return stmt


def filter_statement(s: Session, q: ListQuery, stmt: Select[Any]) -> Select[Any]:
    """``stmt`` narrowed to the ideas the list shows for ``q`` (an export of the current view uses it)."""
    return _filtered(s, q, stmt)


def count_ideas(s: Session, q: ListQuery) -> int:
    if (
        q.search.strip()
        and not REFERENCE.fullmatch(q.search.strip())
        and q == ListQuery(search=q.search, sort=q.sort, descending=q.descending)
    ):
        # Only a search: count in the index itself rather than through the IN on ideas.
        counted = count_search(s.get_bind().dialect.name, s, "ideas", q.search)
        if counted is not None:
            return counted
    return int(s.scalar(_filtered(s, q, select(func.count()).select_from(Idea))) or 0)


def list_ideas(
    s: Session, q: ListQuery, offset: int = 0, limit: int = 200, *, total: int | None = None
) -> list[IdeaRow]:
    """A page of the list. ``total`` is the count of the same query when the caller has it (a list view does):
    it decides whether a search is common enough to read the list in sort order, without counting again."""
    stmt = _LIST
    many = False
    if q.search.strip() and q.sort != "area" and s.get_bind().dialect.name == "sqlite":
        if total is not None:
            hits: int | None = total
        elif REFERENCE.fullmatch(q.search.strip()):
            hits = count_ideas(s, q)
        else:
            hits = count_search("sqlite", s, "ideas", q.search)
        many = hits is not None and hits > MANY_HITS
    stmt = _filtered(s, q, stmt, many_hits=many)
    key = SORTS.get(q.sort, Idea.updated_at)
    order = key.desc() if q.descending else key.asc()
    tiebreak = Idea.id.desc() if q.descending else Idea.id.asc()
    rows = s.execute(stmt.order_by(order, tiebreak).offset(offset).limit(limit)).all()
    needs = _names_for(s, idea_needs, [r[0] for r in rows])
    return [
        IdeaRow(
            id=r[0],
            reference=r[1],
            title=r[2],
            status=r[3],
            area=r[4] or "",
            received_on=r[5],
            updated_at=r[6],
            needs=", ".join(needs.get(r[0], [])),
        )
        for r in rows
    ]


# Statements built once: building a select of a dozen columns costs SQLAlchemy more (0.3-0.4 ms) than SQLite takes to
# answer it, and the list and the summary beside it run these on every keystroke.
_LIST = select(
    Idea.id, Idea.reference, Idea.title, Idea.status, Area.name, Idea.received_on, Idea.updated_at
).outerjoin(Area, Area.id == Idea.area_id)


def page_ideas(s: Session, q: ListQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(rows=list_ideas(s, q, offset, limit), total=count_ideas(s, q))


def _names_statement(link: Any) -> Select[Any]:
    left = link.c.idea_id if "idea_id" in link.c else link.c.organisation_id
    return (
        select(left, VocabularyTerm.name)
        .join(VocabularyTerm, VocabularyTerm.id == link.c.term_id)
        .where(left.in_(bindparam("owner_ids", expanding=True)))
        .order_by(VocabularyTerm.position)
    )


_NAMES: dict[str, Select[Any]] = {}


def _names_for(s: Session, link: Any, ids: Sequence[str]) -> dict[str, list[str]]:
    if not ids:
        return {}
    stmt = _NAMES.get(link.name)
    if stmt is None:
        stmt = _NAMES[link.name] = _names_statement(link)
    rows = s.execute(stmt, {"owner_ids": list(ids)}).all()
    out: dict[str, list[str]] = {}
    for owner, name in rows:
        out.setdefault(owner, []).append(name)
    return out


# --- one idea ------------------------------------------------------------------------------------------------------


def _latest_consent(initiator: Initiator, purpose: str) -> Consent | None:
    relevant = [c for c in initiator.consents if c.purpose == purpose]
    return relevant[-1] if relevant else None


def initiator_data(row: Initiator) -> InitiatorData:
    contact = _latest_consent(row, "contact")
    share = _latest_consent(row, "delen")
    recorded = contact or share
    return InitiatorData(
        id=row.id,
        reference=row.reference,
        version=row.version,
        name=row.name,
        email=row.email,
        phone=row.phone,
        address=row.address,
        postcode=row.postcode,
        consent_contact=bool(contact and contact.given),
        consent_share=bool(share and share.given),
        consent_method=recorded.method if recorded else "mondeling",
        consent_on=recorded.recorded_on if recorded else None,
    )


def idea_data(row: Idea) -> IdeaData:
    return _idea_data(
        row, [t.id for t in row.themes], [t.id for t in row.needs], [initiator_data(i) for i in row.initiators]
    )


def _idea_data(row: Idea, theme_ids: list[str], need_ids: list[str], initiators: list[InitiatorData]) -> IdeaData:
    return IdeaData(
        id=row.id,
        reference=row.reference,
        version=row.version,
        title=row.title,
        description=row.description,
        status=row.status,
        area_id=row.area_id,
        session_id=row.session_id,
        source=row.source,
        team_size=row.team_size,
        requested_amount=row.requested_amount,
        received_on=row.received_on,
        theme_ids=theme_ids,
        need_ids=need_ids,
        initiators=initiators,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _load(s: Session, idea_id: str) -> Idea:
    row = s.get(
        Idea,
        idea_id,
        options=[
            selectinload(Idea.themes),
            selectinload(Idea.needs),
            selectinload(Idea.initiators).selectinload(Initiator.consents),
        ],
    )
    if row is None:
        raise NotFoundError("Dit idee bestaat niet (meer).")
    return row


def get_idea(s: Session, idea_id: str) -> IdeaData:
    if session_holds(s, Idea, idea_id):
        # Changes in this session that are not in the store yet (or the idea is loaded already): as the ORM sees it.
        return idea_data(_load(s, idea_id))
    return _read_idea(s, idea_id)


_IDEA_COLUMNS = (
    Idea.id,
    Idea.reference,
    Idea.version,
    Idea.title,
    Idea.description,
    Idea.status,
    Idea.area_id,
    Idea.session_id,
    Idea.source,
    Idea.team_size,
    Idea.requested_amount,
    Idea.received_on,
    Idea.created_at,
    Idea.updated_at,
)


_IDEA_BY_ID = select(*_IDEA_COLUMNS).where(Idea.id == bindparam("idea_id"))
# Themes and needs in one query, each in the relationship's order (the term's position).
_IDEA_TERMS = (
    select(literal_column("0"), idea_themes.c.term_id, VocabularyTerm.position)
    .join(VocabularyTerm, VocabularyTerm.id == idea_themes.c.term_id)
    .where(idea_themes.c.idea_id == bindparam("idea_id"))
    .union_all(
        select(literal_column("1"), idea_needs.c.term_id, VocabularyTerm.position)
        .join(VocabularyTerm, VocabularyTerm.id == idea_needs.c.term_id)
        .where(idea_needs.c.idea_id == bindparam("idea_id"))
    )
)
_IDEA_PEOPLE = (
    select(
        Initiator.id,
        Initiator.reference,
        Initiator.version,
        Initiator.name,
        Initiator.email,
        Initiator.phone,
        Initiator.address,
        Initiator.postcode,
    )
    .join(idea_initiators, idea_initiators.c.initiator_id == Initiator.id)
    .where(idea_initiators.c.idea_id == bindparam("idea_id"))
)
_CONSENTS = (
    select(Consent.initiator_id, Consent.purpose, Consent.given, Consent.method, Consent.recorded_on)
    .where(Consent.initiator_id.in_(bindparam("initiator_ids", expanding=True)))
    .order_by(Consent.recorded_at)
)


def _read_idea(s: Session, idea_id: str) -> IdeaData:
    """``idea_data(_load(s, idea_id))`` with plain queries instead of ORM objects: what every view of an idea reads
    (the editor, the summary beside the list, reports), at a fraction of the ORM's cost."""
    conn = s.connection()
    r = conn.execute(_IDEA_BY_ID, {"idea_id": idea_id}).first()
    if r is None:
        raise NotFoundError("Dit idee bestaat niet (meer).")
    theme_ids, need_ids, initiators = _read_holdings(conn, idea_id)
    # The columns are named as the fields of IdeaData.
    return IdeaData(**r._asdict(), theme_ids=theme_ids, need_ids=need_ids, initiators=initiators)


def _read_holdings(conn: Connection, idea_id: str) -> tuple[list[str], list[str], list[InitiatorData]]:
    """An idea's theme ids, need ids and initiators as the store holds them, with plain queries."""
    key = {"idea_id": idea_id}
    ordered = sorted(conn.execute(_IDEA_TERMS, key).all(), key=lambda t: t[2])
    people = conn.execute(_IDEA_PEOPLE, key).all()
    consents: dict[str, dict[str, Any]] = {}
    if people:
        # The latest consent per person and purpose: the last in recorded order, as _latest_consent takes it.
        for c in conn.execute(_CONSENTS, {"initiator_ids": [p[0] for p in people]}):
            consents.setdefault(c[0], {})[c[1]] = c
    initiators = []
    for p in people:
        latest = consents.get(p[0], {})
        contact, share = latest.get("contact"), latest.get("delen")
        recorded = contact or share
        initiators.append(
            InitiatorData(
                id=p[0],
                reference=p[1],
                version=p[2],
                name=p[3],
                email=p[4],
                phone=p[5],
                address=p[6],
                postcode=p[7],
                consent_contact=bool(contact and contact[2]),
                consent_share=bool(share and share[2]),
                consent_method=recorded[3] if recorded else "mondeling",
                consent_on=recorded[4] if recorded else None,
            )
        )
    return [t[1] for t in ordered if t[0] == 0], [t[1] for t in ordered if t[0] == 1], initiators


# A reference as typed from a matchkaart: I-2026-0042, 2026-42, or just 42 (the newest year's idea 42).
_SHORT_REFERENCE = re.compile(r"(?:I-?)?(?:(\d{4})-)?(\d{1,4})", re.IGNORECASE)


def _by_short_reference(s: Session, text: str) -> Idea | None:
    found = _SHORT_REFERENCE.fullmatch(text)
    if found is None:
        return None
    year, number = found.groups()
    pattern = f"I-{year or '____'}-{int(number):04d}"
    return s.scalar(select(Idea).where(func.upper(Idea.reference).like(pattern)).order_by(Idea.reference.desc()))


def find_idea(s: Session, ident: str) -> IdeaData:
    """An idea by reference number (I-2026-0042, 2026-42 or 42: the newest year's) or by title; an ambiguous
    title lists the candidates."""
    text = ident.strip()
    row = s.scalar(select(Idea).where(func.upper(Idea.reference) == text.upper())) or _by_short_reference(s, text)
    if row is None:
        candidates = list(s.scalars(select(Idea).where(func.lower(Idea.title) == text.lower()).limit(20)))
        if not candidates:
            candidates = list(
                s.scalars(select(Idea).where(func.lower(Idea.title).contains(text.lower(), autoescape=True)).limit(20))
            )
        if not candidates:
            raise NotFoundError(f"Geen idee gevonden met nummer of titel '{text}'.")
        if len(candidates) > 1:
            raise AmbiguousError(text, [f"{c.reference}  {c.title}" for c in candidates])
        row = candidates[0]
    return get_idea(s, row.id)


def validate_initiator(c: Collector, i: int, data: InitiatorData) -> InitiatorData:
    prefix = f"initiators[{i}]."
    name = c.check(prefix + "name", v.clean_required, data.name, "De naam van de initiatiefnemer")
    clean = InitiatorData(
        id=data.id,
        reference=data.reference,
        version=data.version,
        name=name or "",
        email=c.check(prefix + "email", v.clean_email, data.email),
        phone=c.check(prefix + "phone", v.clean_phone, data.phone),
        address=c.check(prefix + "address", v.check_line, (data.address or "").strip() or None, "Het adres", 200),
        postcode=c.check(prefix + "postcode", v.clean_postcode, data.postcode),
        consent_contact=data.consent_contact,
        consent_share=data.consent_share,
        consent_method=data.consent_method,
        consent_on=data.consent_on,
    )
    has_contact = any((clean.email, clean.phone, clean.address, clean.postcode))
    if has_contact and not clean.consent_contact:
        c.add(
            prefix + "consent_contact",
            f"{clean.reference or 'De initiatiefnemer'} heeft geen toestemming gegeven voor contact; zonder die "
            "toestemming worden geen contactgegevens bewaard. Vink de toestemming aan of laat de contactgegevens leeg.",
        )
    if clean.consent_share and not clean.consent_contact:
        c.add(prefix + "consent_share", "Delen met partners kan alleen als er ook toestemming voor contact is.")
    return clean


def validate_idea(data: IdeaData) -> IdeaData:
    c = Collector()
    title = c.check("title", v.clean_required, data.title, "De titel")
    c.check("status", v.clean_choice, data.status, tuple(s.value for s in IdeaStatus), "status")
    if data.source:
        c.check("source", v.clean_choice, data.source, tuple(s.value for s in IdeaSource), "bron")
    team = c.check("team_size", v.clean_team_size, data.team_size)
    amount = c.check("requested_amount", v.clean_amount, data.requested_amount, "Het gevraagde bedrag")
    description = c.check("description", v.check_text, (data.description or "").strip(), "De omschrijving")
    initiators = [validate_initiator(c, i, p) for i, p in enumerate(data.initiators)]
    c.raise_if_any()
    return IdeaData(
        id=data.id,
        reference=data.reference,
        version=data.version,
        title=title or "",
        description=description or "",
        status=data.status,
        area_id=data.area_id or None,
        session_id=data.session_id or None,
        source=data.source or None,
        team_size=team,
        requested_amount=amount,
        received_on=data.received_on or date.today(),
        theme_ids=list(data.theme_ids),
        need_ids=list(data.need_ids),
        initiators=initiators,
    )


def _record_consent(row: Initiator, purpose: str, given: bool, was: bool, method: str, on: date | None) -> None:
    """A consent is recorded when it differs from the latest one (``was``: that one was given; no consent yet counts
    as not given)."""
    if given != was:
        row.consents.append(Consent(purpose=purpose, given=given, method=method, recorded_on=on or date.today()))


# Rows by key with statements built once: Session.get builds its query anew on every call, and generating its cache key
# costs more than the database takes to answer.
_IDEA_ROW = select(Idea).where(Idea.id == bindparam("record_id"))
_INITIATOR_ROW = select(Initiator).where(Initiator.id == bindparam("record_id"))


def _get(s: Session, model: type[T], stmt: Select[tuple[T]], record_id: str | None) -> T | None:
    """``s.get(model, record_id)``, read with ``stmt`` when the session does not hold the record."""
    if s.identity_map.get(identity_key(model, record_id)) is not None:
        return s.get(model, record_id)
    return s.scalars(stmt, {"record_id": record_id}).first()


def _initiator_row(s: Session, data: InitiatorData) -> Initiator:
    row = _get(s, Initiator, _INITIATOR_ROW, data.id)
    if row is None:
        # Messages name a resident by reference, never by name: they end up in terminals and screenshots.
        what = f"Initiatiefnemer {data.reference}" if data.reference else "Deze initiatiefnemer"
        raise NotFoundError(f"{what} bestaat niet meer.")
    return row


def _save_initiator(s: Session, data: InitiatorData, stored: InitiatorData | None = None) -> Initiator:
    """Write an initiator; ``stored``: the initiator as read with the idea, whose consents need not be loaded again."""
    if data.id:
        row = _initiator_row(s, data)
        if data.version is not None and row.version != data.version:
            raise StaleRecordError(f"De gegevens van initiatiefnemer {row.reference}")
    else:
        # The key now rather than at INSERT: the idea's list of initiators is compared by key before the flush.
        row = Initiator(id=new_id(), reference=next_reference(s, "P"), name=data.name)
        s.add(row)
    row.name = data.name
    row.email, row.phone, row.address, row.postcode = data.email, data.phone, data.address, data.postcode
    row.updated_at = utcnow()
    if stored is None:
        stored = initiator_data(row)
    _record_consent(row, "contact", data.consent_contact, stored.consent_contact, data.consent_method, data.consent_on)
    _record_consent(row, "delen", data.consent_share, stored.consent_share, data.consent_method, data.consent_on)
    return row


# What saving an initiator may change: its fields, and its consents (a consent is recorded only when it differs from
# the latest one, so equal flags mean no new consent).
_INITIATOR_SAVED = ("name", "email", "phone", "address", "postcode", "consent_contact", "consent_share")


def _unchanged_initiator(stored: InitiatorData, data: InitiatorData) -> bool:
    """Whether saving ``data`` over ``stored`` would write nothing (and finds no stale version)."""
    return (data.version is None or data.version == stored.version) and all(
        getattr(data, name) == getattr(stored, name) for name in _INITIATOR_SAVED
    )


def _save_initiators(
    s: Session, row: Idea, wanted: list[InitiatorData], stored: list[InitiatorData]
) -> tuple[list[Initiator | InitiatorData], set[str]]:
    """The idea's initiators saved: an unchanged one is not written (it keeps its version and ``updated_at`` and does
    not travel as changed), only the changed and new ones. Returns each as saved (a row, or its unchanged data) and
    the ids of those no longer behind the idea."""
    before = {p.id: p for p in stored if p.id}
    saved: list[Initiator | InitiatorData] = []
    for p in wanted:
        known = before.get(p.id) if p.id else None
        saved.append(known if known is not None and _unchanged_initiator(known, p) else _save_initiator(s, p, known))
    after = {p.id for p in saved if p.id}
    if after != set(before):
        row.initiators = [p if isinstance(p, Initiator) else _initiator_row(s, p) for p in saved]
    return saved, set(before) - after


def _saved_initiator(saved: Initiator | InitiatorData, stored: InitiatorData | None) -> InitiatorData:
    """An initiator as saved: an unchanged one as read; a written one from its row, with its consents as read when it
    got no new one (they are not loaded for that)."""
    if isinstance(saved, InitiatorData):
        return saved
    if stored is not None and "consents" in inspect(saved).unloaded:
        fields = ("name", "email", "phone", "address", "postcode", "version")
        return replace(stored, **{name: getattr(saved, name) for name in fields})
    return initiator_data(saved)


def _save_terms(
    s: Session, row: Idea, attr: str, wanted: list[str], stored: list[str], vocabulary: Vocabulary
) -> list[str]:
    """Set a term list of the idea (themes, needs) unless it holds these terms already; returns their ids in the
    terms' order, as the idea is read back."""
    ids = list(dict.fromkeys(wanted))
    if set(ids) == set(stored):
        return stored
    terms = load_terms(s, ids, vocabulary.value)
    setattr(row, attr, terms)
    return [t.id for t in sorted(terms, key=lambda t: t.position)]


def _stored(s: Session, idea_id: str) -> tuple[Idea, IdeaData]:
    """The idea's row, and its themes, needs and initiators as the store holds them: read with plain queries unless
    this session holds the idea or changes (then as the ORM sees them)."""
    if session_holds(s, Idea, idea_id):
        row = _load(s, idea_id)
        return row, idea_data(row)
    found = _get(s, Idea, _IDEA_ROW, idea_id)
    if found is None:
        raise NotFoundError("Dit idee bestaat niet (meer).")
    theme_ids, need_ids, initiators = _read_holdings(s.connection(), idea_id)
    return found, IdeaData(title=found.title, theme_ids=theme_ids, need_ids=need_ids, initiators=initiators)


def save_idea(s: Session, data: IdeaData, *, author: str | None = None) -> IdeaData:
    """Create or update an idea. A stale version is refused; a status change goes on the timeline. Only what differs
    from the store is written: unchanged initiators, themes and needs are left as they are."""
    clean = validate_idea(data)
    if clean.id:
        row, stored = _stored(s, clean.id)
        if clean.version is not None and row.version != clean.version:
            raise StaleRecordError(f"Idee {row.reference}")
        old_status: str | None = row.status
    else:
        stored = IdeaData(title="")
        row = Idea(reference=next_reference(s, "I"), title=clean.title, received_on=clean.received_on)
        s.add(row)
        old_status = None
    # No autoflush while the record is filled in: the term and initiator look-ups would otherwise write the half-set
    # row first (a second UPDATE, the version moved twice, a stale version reported as a raw StaleDataError).
    with s.no_autoflush:
        row.title = clean.title
        row.description = clean.description
        row.status = clean.status
        row.area_id = clean.area_id
        row.session_id = clean.session_id
        row.source = clean.source
        row.team_size = clean.team_size
        row.requested_amount = clean.requested_amount
        row.received_on = clean.received_on or date.today()
        if IdeaStatus(clean.status).is_closed:
            row.closed_on = row.closed_on or date.today()
        else:
            row.closed_on = None
        theme_ids = _save_terms(s, row, "themes", clean.theme_ids, stored.theme_ids, Vocabulary.THEME)
        need_ids = _save_terms(s, row, "needs", clean.need_ids, stored.need_ids, Vocabulary.HELP_TYPE)
        people, dropped = _save_initiators(s, row, clean.initiators, stored.initiators)
        row.updated_at = utcnow()  # always an UPDATE, so the version moves on with every save
    try:
        s.flush()
    except StaleDataError as exc:
        raise StaleRecordError(f"Idee {row.reference}") from exc
    if dropped:
        _forget_orphans(s, dropped)
    if old_status is not None and old_status != clean.status:
        s.add(
            Activity(
                idea_id=row.id,
                kind=ActivityKind.STATUS.value,
                text=f"Status van '{old_status}' naar '{clean.status}'.",
                author=author,
            )
        )
    elif old_status is None:
        s.add(Activity(idea_id=row.id, kind=ActivityKind.NOTE.value, text="Idee geregistreerd.", author=author))
    s.flush()
    # As saved, from what this session holds rather than read again.
    known = {p.id: p for p in stored.initiators}
    return _idea_data(row, theme_ids, need_ids, [_saved_initiator(p, known.get(p.id)) for p in people])


def _forget_orphans(s: Session, initiator_ids: set[str]) -> None:
    """An initiator no longer behind any idea is removed: personal data is kept only while it serves an idea."""
    for initiator_id in initiator_ids:
        linked = s.scalar(
            select(func.count()).select_from(idea_initiators).where(idea_initiators.c.initiator_id == initiator_id)
        )
        if not linked:
            orphan = s.get(Initiator, initiator_id)
            if orphan is not None:
                s.delete(orphan)
    s.flush()


def delete_idea(s: Session, idea_id: str) -> None:
    row = _load(s, idea_id)
    people = {i.id for i in row.initiators}
    s.delete(row)
    s.flush()
    _forget_orphans(s, people)
