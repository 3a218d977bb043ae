"""Use cases for the organisation registry (the sociale kaart) and its contact persons."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, bindparam, func, or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind, Vocabulary
from makelaar.domain.errors import AmbiguousError, NotFoundError, StaleRecordError
from makelaar.domain.records import ContactData, OrganisationData, OrganisationRow, Page
from makelaar.services.common import Collector, load_areas, load_terms, next_reference, session_holds
from makelaar.services.listing import ListQuery
from makelaar.storage.base import utcnow
from makelaar.storage.models import (
    Activity,
    Area,
    Contact,
    Organisation,
    VocabularyTerm,
    organisation_areas,
    organisation_offers,
    organisation_themes,
)
from makelaar.storage.search import count_search, matches_search

# The scalar fields of an organisation as OrganisationData and the Organisation row share them.
ORGANISATION_FIELDS = (
    "name",
    "kind_id",
    "description",
    "website",
    "kvk",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "active",
    "fund_max_amount",
    "fund_min_initiators",
    "fund_deadline",
    "fund_excludes",
)

SORTS: dict[str, Any] = {
    "reference": Organisation.reference,
    "name": Organisation.name,
    "kind": VocabularyTerm.name,
    "updated": Organisation.updated_at,
    "active": Organisation.active,
}


def _filtered(s: Session, q: ListQuery, stmt: Select[Any]) -> Select[Any]:
    if q.search.strip():
        clause = matches_search("organisations", s.get_bind().dialect.name, q.search)
        if clause is not None:
            stmt = stmt.where(clause)
    if q.active_only:
        stmt = stmt.where(Organisation.active.is_(True))
    if q.area_id:
        # Who works there: in that area itself, in the wijk a buurt lies in, in a buurt of that wijk, or in the
        # whole municipality.
        parent = select(Area.parent_id).where(Area.id == q.area_id).scalar_subquery()
        related = select(Area.id).where(
            or_(
                Area.id == q.area_id,
                Area.id == parent,
                Area.parent_id == q.area_id,
                Area.kind == "gemeente",
            )
        )
        areas = select(organisation_areas.c.organisation_id).where(organisation_areas.c.area_id.in_(related))
        stmt = stmt.where(Organisation.id.in_(areas))
    if q.theme_id:
        stmt = stmt.where(
            Organisation.id.in_(
                select(organisation_themes.c.organisation_id).where(organisation_themes.c.term_id == q.theme_id)
            )
        )
    if q.help_type_id:
        stmt = stmt.where(
            Organisation.id.in_(
                select(organisation_offers.c.organisation_id).where(organisation_offers.c.term_id == q.help_type_id)
            )
        )
    if q.extra.get("kind_id"):
        stmt = stmt.where(Organisation.kind_id == q.extra["kind_id"])
    if q.extra.get("to_check"):
        stmt = stmt.where(Organisation.to_check.is_not(None))
    return stmt


def filter_statement(s: Session, q: ListQuery, stmt: Select[Any]) -> Select[Any]:
    """``stmt`` narrowed to the organisations the list shows for ``q`` (an export of the current view uses it)."""
    return _filtered(s, q, stmt)


def count_organisations(s: Session, q: ListQuery) -> int:
    if q.search.strip() and q == ListQuery(search=q.search, sort=q.sort, descending=q.descending):
        counted = count_search(s.get_bind().dialect.name, s, "organisations", q.search)
        if counted is not None:
            return counted
    return int(s.scalar(_filtered(s, q, select(func.count()).select_from(Organisation))) or 0)


def list_organisations(s: Session, q: ListQuery, offset: int = 0, limit: int = 200) -> list[OrganisationRow]:
    stmt = select(
        Organisation.id,
        Organisation.reference,
        Organisation.name,
        VocabularyTerm.name,
        Organisation.active,
        Organisation.updated_at,
    ).outerjoin(VocabularyTerm, VocabularyTerm.id == Organisation.kind_id)
    stmt = _filtered(s, q, stmt)
    key = SORTS.get(q.sort, Organisation.name)
    order = key.desc() if q.descending else key.asc()
    tiebreak = Organisation.id.desc() if q.descending else Organisation.id.asc()
    rows = s.execute(stmt.order_by(order, tiebreak).offset(offset).limit(limit)).all()
    ids = [r[0] for r in rows]
    offers = _offer_names(s, ids)
    areas = _area_names(s, ids)
    return [
        OrganisationRow(
            id=r[0],
            reference=r[1],
            name=r[2],
            kind=r[3] or "",
            active=bool(r[4]),
            updated_at=r[5],
            offers=", ".join(offers.get(r[0], [])),
            areas=", ".join(areas.get(r[0], [])),
        )
        for r in rows
    ]


def page_organisations(s: Session, q: ListQuery, offset: int = 0, limit: int = 200) -> Page:
    return Page(rows=list_organisations(s, q, offset, limit), total=count_organisations(s, q))


def _offer_names(s: Session, ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if ids:
        for owner, name in s.execute(
            select(organisation_offers.c.organisation_id, VocabularyTerm.name)
            .join(VocabularyTerm, VocabularyTerm.id == organisation_offers.c.term_id)
            .where(organisation_offers.c.organisation_id.in_(ids))
            .order_by(VocabularyTerm.position)
        ):
            out.setdefault(owner, []).append(name)
    return out


def _area_names(s: Session, ids: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if ids:
        for owner, name in s.execute(
            select(organisation_areas.c.organisation_id, Area.name)
            .join(Area, Area.id == organisation_areas.c.area_id)
            .where(organisation_areas.c.organisation_id.in_(ids))
            .order_by(Area.position, Area.name)
        ):
            out.setdefault(owner, []).append(name)
    return out


def organisation_data(row: Organisation) -> OrganisationData:
    return OrganisationData(
        id=row.id,
        reference=row.reference,
        version=row.version,
        name=row.name,
        kind_id=row.kind_id,
        description=row.description,
        website=row.website,
        kvk=row.kvk,
        email=row.email,
        phone=row.phone,
        address=row.address,
        postcode=row.postcode,
        city=row.city,
        active=row.active,
        fund_max_amount=row.fund_max_amount,
        fund_min_initiators=row.fund_min_initiators,
        fund_deadline=row.fund_deadline,
        fund_excludes=row.fund_excludes,
        to_check=v.to_check_fields(row.to_check),
        offer_ids=[t.id for t in row.offers],
        theme_ids=[t.id for t in row.themes],
        area_ids=[a.id for a in row.areas],
        contacts=[ContactData(id=c.id, name=c.name, role=c.role, email=c.email, phone=c.phone) for c in row.contacts],
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _load(s: Session, organisation_id: str) -> Organisation:
    row = s.get(
        Organisation,
        organisation_id,
        options=[
            selectinload(Organisation.offers),
            selectinload(Organisation.themes),
            selectinload(Organisation.areas),
            selectinload(Organisation.contacts),
        ],
    )
    if row is None:
        raise NotFoundError("Deze organisatie bestaat niet (meer).")
    return row


def get_organisation(s: Session, organisation_id: str) -> OrganisationData:
    if session_holds(s, Organisation, organisation_id):
        # Changes in this session that are not in the store yet (or the record is loaded already): as the ORM sees it.
        return organisation_data(_load(s, organisation_id))
    return _read_organisation(s, organisation_id)


_ORGANISATION_COLUMNS = (
    Organisation.id,
    Organisation.reference,
    Organisation.version,
    Organisation.name,
    Organisation.kind_id,
    Organisation.description,
    Organisation.website,
    Organisation.kvk,
    Organisation.email,
    Organisation.phone,
    Organisation.address,
    Organisation.postcode,
    Organisation.city,
    Organisation.active,
    Organisation.fund_max_amount,
    Organisation.fund_min_initiators,
    Organisation.fund_deadline,
    Organisation.fund_excludes,
    Organisation.created_at,
    Organisation.updated_at,
    Organisation.to_check,
)


def _linked(link: Any, column: Any, target: Any, position: Any) -> Select[Any]:
    return (
        select(target.id)
        .join(link, column == target.id)
        .where(link.c.organisation_id == bindparam("organisation_id"))
        .order_by(position)
    )


# Built once (building a select costs SQLAlchemy more than SQLite takes to answer these).
_ORGANISATION_BY_ID = select(*_ORGANISATION_COLUMNS).where(Organisation.id == bindparam("organisation_id"))
_OFFERS = _linked(organisation_offers, organisation_offers.c.term_id, VocabularyTerm, VocabularyTerm.position)
_THEMES = _linked(organisation_themes, organisation_themes.c.term_id, VocabularyTerm, VocabularyTerm.position)
_AREAS = _linked(organisation_areas, organisation_areas.c.area_id, Area, Area.position)
_CONTACTS = (
    select(Contact.id, Contact.name, Contact.role, Contact.email, Contact.phone)
    .where(Contact.organisation_id == bindparam("organisation_id"))
    .order_by(Contact.name)
)


def _read_organisation(s: Session, organisation_id: str) -> OrganisationData:
    """``organisation_data(_load(s, organisation_id))`` with plain queries instead of ORM objects (the summary beside
    the list and the editor read an organisation far more often than it changes)."""
    key = {"organisation_id": organisation_id}
    r = s.execute(_ORGANISATION_BY_ID, key).first()
    if r is None:
        raise NotFoundError("Deze organisatie bestaat niet (meer).")

    def linked(stmt: Select[Any]) -> list[str]:
        return list(s.scalars(stmt, key))

    contacts = s.execute(_CONTACTS, key).all()
    return OrganisationData(
        id=r[0],
        reference=r[1],
        version=r[2],
        name=r[3],
        kind_id=r[4],
        description=r[5],
        website=r[6],
        kvk=r[7],
        email=r[8],
        phone=r[9],
        address=r[10],
        postcode=r[11],
        city=r[12],
        active=r[13],
        fund_max_amount=r[14],
        fund_min_initiators=r[15],
        fund_deadline=r[16],
        fund_excludes=r[17],
        to_check=v.to_check_fields(r[20]),
        offer_ids=linked(_OFFERS),
        theme_ids=linked(_THEMES),
        area_ids=linked(_AREAS),
        contacts=[ContactData(id=c[0], name=c[1], role=c[2], email=c[3], phone=c[4]) for c in contacts],
        created_at=r[18],
        updated_at=r[19],
    )


def find_organisation(s: Session, ident: str) -> OrganisationData:
    text = ident.strip()
    row = s.scalar(select(Organisation).where(func.upper(Organisation.reference) == text.upper()))
    if row is None:
        candidates = list(s.scalars(select(Organisation).where(func.lower(Organisation.name) == text.lower())))
        if not candidates:
            candidates = list(
                s.scalars(
                    select(Organisation)
                    .where(func.lower(Organisation.name).contains(text.lower(), autoescape=True))
                    .limit(20)
                )
            )
        if not candidates:
            raise NotFoundError(f"Geen organisatie gevonden met nummer of naam '{text}'.")
        if len(candidates) > 1:
            raise AmbiguousError(text, [f"{c.reference}  {c.name}" for c in candidates])
        row = candidates[0]
    return get_organisation(s, row.id)


def validate_organisation(data: OrganisationData) -> OrganisationData:
    c = Collector()
    name = c.check("name", v.clean_required, data.name, "De naam")
    contacts = []
    for i, ct in enumerate(data.contacts):
        p = f"contacts[{i}]."
        contacts.append(
            ContactData(
                id=ct.id,
                name=c.check(p + "name", v.clean_required, ct.name, "De naam van de contactpersoon") or "",
                role=c.check(p + "role", v.check_line, (ct.role or "").strip() or None, "De functie", 200),
                email=c.check(p + "email", v.clean_email, ct.email),
                phone=c.check(p + "phone", v.clean_phone, ct.phone),
            )
        )
    description: str | None = c.check("description", v.check_text, (data.description or "").strip(), "De omschrijving")
    # A contact field marked "te controleren" keeps its raw value until it is valid; then the mark goes.
    checked: dict[str, str | None] = {}
    to_check: set[str] = set()
    for attr in v.CHECKABLE_FIELDS:
        value = getattr(data, attr)
        if attr in data.to_check:
            try:
                checked[attr] = v.clean_contact_field(attr, value)
            except ValueError:
                checked[attr] = c.check(attr, v.keep_unchecked, attr, value)
                to_check.add(attr)
        else:
            checked[attr] = c.check(attr, v.clean_contact_field, attr, value)
    clean = OrganisationData(
        id=data.id,
        reference=data.reference,
        version=data.version,
        name=name or "",
        kind_id=data.kind_id or None,
        description=description or "",
        website=checked["website"],
        kvk=checked["kvk"],
        email=checked["email"],
        phone=checked["phone"],
        address=c.check("address", v.check_line, (data.address or "").strip() or None, "Het adres", 200),
        postcode=checked["postcode"],
        city=c.check("city", v.check_line, (data.city or "").strip() or None, "De plaats", 120),
        active=data.active,
        fund_max_amount=c.check("fund_max_amount", v.clean_amount, data.fund_max_amount, "Het maximumbedrag"),
        fund_min_initiators=c.check("fund_min_initiators", v.clean_team_size, data.fund_min_initiators),
        fund_deadline=data.fund_deadline,
        fund_excludes=c.check(
            "fund_excludes",
            v.check_text,
            (data.fund_excludes or "").strip() or None,
            "Wat het fonds niet betaalt",
            2000,
        ),
        offer_ids=list(data.offer_ids),
        theme_ids=list(data.theme_ids),
        area_ids=list(data.area_ids),
        contacts=contacts,
        to_check=sorted(to_check),
    )
    c.raise_if_any()
    return clean


def save_organisation(s: Session, data: OrganisationData, *, author: str | None = None) -> OrganisationData:
    clean = validate_organisation(data)
    if clean.id:
        row = _load(s, clean.id)
        if clean.version is not None and row.version != clean.version:
            raise StaleRecordError(f"Organisatie {row.name}")
        created = False
        was_active = row.active
    else:
        row = Organisation(reference=next_reference(s, "O"), name=clean.name)
        s.add(row)
        created = True
        was_active = True
    for attr in ORGANISATION_FIELDS:
        setattr(row, attr, getattr(clean, attr))
    row.to_check = v.to_check_text(clean.to_check)
    row.offers = load_terms(s, clean.offer_ids, Vocabulary.HELP_TYPE.value)
    row.themes = load_terms(s, clean.theme_ids, Vocabulary.THEME.value)
    row.areas = load_areas(s, clean.area_ids)
    existing = {ct.id: ct for ct in row.contacts}
    kept: list[Contact] = []
    for ct in clean.contacts:
        contact = existing.get(ct.id or "") or Contact(name=ct.name)
        contact.name, contact.role, contact.email, contact.phone = ct.name, ct.role, ct.email, ct.phone
        kept.append(contact)
    row.contacts = kept
    row.updated_at = utcnow()
    try:
        s.flush()
    except StaleDataError as exc:
        raise StaleRecordError(f"Organisatie {row.name}") from exc
    if created:
        s.add(
            Activity(
                organisation_id=row.id, kind=ActivityKind.NOTE.value, text="Organisatie toegevoegd.", author=author
            )
        )
    elif was_active != clean.active:
        s.add(
            Activity(
                organisation_id=row.id,
                kind=ActivityKind.STATUS.value,
                text="Weer actief." if clean.active else "Niet meer actief.",
                author=author,
            )
        )
    s.flush()
    return get_organisation(s, row.id)


def list_contacts(s: Session, organisation_id: str) -> list[ContactData]:
    rows = s.scalars(select(Contact).where(Contact.organisation_id == organisation_id).order_by(Contact.name))
    return [ContactData(id=c.id, name=c.name, role=c.role, email=c.email, phone=c.phone) for c in rows]
