"""The municipality's own word lists and areas: rename, add and retire; retired entries stay on old records."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from makelaar.domain import validation as v
from makelaar.domain.enums import AreaKind, Vocabulary
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.records import AreaInfo, BrokerContact, Term
from makelaar.domain.vocabulary import normalise
from makelaar.services.common import area_of, term_of
from makelaar.storage.base import utcnow
from makelaar.storage.models import Area, Setting, VocabularyTerm

MUNICIPALITY_NAME = "municipality_name"
LOGO_SETTING = "municipality_logo"  # the PNG, base64-encoded
ACCENT_SETTING = "municipality_accent"  # the house colour of the program's look, as #rrggbb; empty: the default
DEFAULT_MUNICIPALITY = "Gemeente"
# The broker whom residents and partners contact, as printed on the reports that go to them.
BROKER_NAME = "broker_name"
BROKER_PHONE = "broker_phone"
BROKER_EMAIL = "broker_email"


# Plain columns rather than ORM objects: lists are read far more often than terms change (every list and form).
_TERM_COLUMNS = (VocabularyTerm.id, VocabularyTerm.name, VocabularyTerm.key, VocabularyTerm.retired_at)


_TERMS = (
    select(*_TERM_COLUMNS)
    .where(VocabularyTerm.vocabulary == bindparam("vocabulary"))
    .order_by(VocabularyTerm.position, VocabularyTerm.name)
)
_ACTIVE_TERMS = (
    select(*_TERM_COLUMNS)
    .where(VocabularyTerm.vocabulary == bindparam("vocabulary"), VocabularyTerm.retired_at.is_(None))
    .order_by(VocabularyTerm.position, VocabularyTerm.name)
)


def list_terms(s: Session, vocabulary: Vocabulary, *, include_retired: bool = False) -> list[Term]:
    stmt = _TERMS if include_retired else _ACTIVE_TERMS
    return [
        Term(id=r[0], name=r[1], key=r[2], retired=r[3] is not None)
        for r in s.execute(stmt, {"vocabulary": vocabulary.value})
    ]


_ALL_TERMS = select(VocabularyTerm.vocabulary, *_TERM_COLUMNS).order_by(VocabularyTerm.position, VocabularyTerm.name)


def terms_by_vocabulary(s: Session) -> dict[str, list[Term]]:
    """Every term of every word list, retired ones too, in one query: vocabulary value -> terms in list order
    (what ``list_terms(..., include_retired=True)`` gives per list)."""
    out: dict[str, list[Term]] = {}
    for r in s.execute(_ALL_TERMS):
        out.setdefault(r[0], []).append(Term(id=r[1], name=r[2], key=r[3], retired=r[4] is not None))
    return out


# What the store's name columns of terms and areas hold.
_NAME_LENGTH = 120


def _clean_name(name: str, label: str) -> str:
    """A term's or area's name on one line, within the column and without control characters (domain.validation)."""
    clean = " ".join(name.split())
    try:
        v.check_line(clean, label, _NAME_LENGTH)
    except ValueError as exc:
        raise KnownError(str(exc)) from None
    return clean


def _check_name(s: Session, vocabulary: Vocabulary, name: str, exclude_id: str | None = None) -> str:
    clean = _clean_name(name, "De naam")
    if not clean:
        raise KnownError("Een naam is verplicht.")
    for t in s.scalars(select(VocabularyTerm).where(VocabularyTerm.vocabulary == vocabulary.value)):
        if t.id != exclude_id and normalise(t.name) == normalise(clean):
            raise KnownError(f"'{clean}' staat al in de lijst {vocabulary.label.lower()}.")
    return clean


def add_term(s: Session, vocabulary: Vocabulary, name: str) -> Term:
    clean = _check_name(s, vocabulary, name)
    last = s.scalar(select(func.max(VocabularyTerm.position)).where(VocabularyTerm.vocabulary == vocabulary.value))
    row = VocabularyTerm(vocabulary=vocabulary.value, name=clean, position=(last or 0) + 1)
    s.add(row)
    s.flush()
    return term_of(row)


def _term(s: Session, term_id: str) -> VocabularyTerm:
    row = s.get(VocabularyTerm, term_id)
    if row is None:
        raise NotFoundError("Dit woord bestaat niet meer.")
    return row


def rename_term(s: Session, term_id: str, name: str) -> Term:
    row = _term(s, term_id)
    row.name = _check_name(s, Vocabulary(row.vocabulary), name, exclude_id=row.id)
    s.flush()
    return term_of(row)


def retire_term(s: Session, term_id: str, retired: bool = True) -> Term:
    row = _term(s, term_id)
    row.retired_at = utcnow() if retired else None
    s.flush()
    return term_of(row)


def find_term(s: Session, vocabulary: Vocabulary, name: str) -> Term | None:
    """Match a value to the vocabulary regardless of case, accents and spaces (name or stable key)."""
    wanted = normalise(name)
    for t in s.scalars(select(VocabularyTerm).where(VocabularyTerm.vocabulary == vocabulary.value)):
        if normalise(t.name) == wanted or (t.key and wanted in (normalise(t.key), normalise(t.key.replace("_", " ")))):
            return term_of(t)
    return None


def list_areas(s: Session, *, include_retired: bool = False) -> list[AreaInfo]:
    """Areas in tree order: the municipality first, then each wijk followed by its buurten."""
    return _area_tree(_area_infos(s, _AREAS if include_retired else _ACTIVE_AREAS))


def area_lists(s: Session) -> tuple[list[AreaInfo], list[AreaInfo]]:
    """``(list_areas(s), list_areas(s, include_retired=True))`` from one query."""
    every = _area_infos(s, _AREAS)
    return _area_tree([a for a in every if not a.retired]), _area_tree(every)


_AREAS = select(Area.id, Area.name, Area.kind, Area.parent_id, Area.retired_at).order_by(Area.position, Area.name)
_ACTIVE_AREAS = (
    select(Area.id, Area.name, Area.kind, Area.parent_id, Area.retired_at)
    .where(Area.retired_at.is_(None))
    .order_by(Area.position, Area.name)
)


def _area_infos(s: Session, stmt: Any) -> list[AreaInfo]:
    return [AreaInfo(id=r[0], name=r[1], kind=r[2], parent_id=r[3], retired=r[4] is not None) for r in s.execute(stmt)]


def _area_tree(rows: list[AreaInfo]) -> list[AreaInfo]:
    children: dict[str | None, list[AreaInfo]] = {}
    ids = {r.id for r in rows}
    for r in rows:
        parent = r.parent_id if r.parent_id in ids else None
        children.setdefault(parent, []).append(r)
    ordered: list[AreaInfo] = []

    def walk(parent: str | None) -> None:
        for r in sorted(children.get(parent, []), key=lambda a: (a.kind != AreaKind.MUNICIPALITY, a.name.casefold())):
            ordered.append(r)
            walk(r.id)

    walk(None)
    return ordered


def add_area(s: Session, name: str, kind: AreaKind = AreaKind.DISTRICT, parent_id: str | None = None) -> AreaInfo:
    clean = _clean_name(name, "De naam van de wijk")
    if not clean:
        raise KnownError("Een naam voor de wijk is verplicht.")
    if find_area(s, clean) is not None:
        raise KnownError(f"Er is al een gebied met de naam '{clean}'.")
    row = Area(name=clean, kind=kind.value, parent_id=parent_id)
    s.add(row)
    s.flush()
    return area_of(row)


def rename_area(s: Session, area_id: str, name: str) -> AreaInfo:
    row = s.get(Area, area_id)
    if row is None:
        raise NotFoundError("Dit gebied bestaat niet meer.")
    clean = _clean_name(name, "De naam van de wijk")
    other = find_area(s, clean)
    if not clean or (other is not None and other.id != area_id):
        raise KnownError(f"Er is al een gebied met de naam '{clean}'." if clean else "Een naam is verplicht.")
    row.name = clean
    s.flush()
    return area_of(row)


def retire_area(s: Session, area_id: str, retired: bool = True) -> AreaInfo:
    row = s.get(Area, area_id)
    if row is None:
        raise NotFoundError("Dit gebied bestaat niet meer.")
    if row.kind == AreaKind.MUNICIPALITY and retired:
        raise KnownError("'Hele gemeente' kan niet worden uitgezet.")
    row.retired_at = utcnow() if retired else None
    s.flush()
    return area_of(row)


def find_area(s: Session, name: str) -> AreaInfo | None:
    wanted = normalise(name)
    for a in s.scalars(select(Area)):
        if normalise(a.name) == wanted:
            return area_of(a)
    return None


def municipality_area(s: Session) -> AreaInfo:
    row = s.scalar(select(Area).where(Area.kind == AreaKind.MUNICIPALITY.value).limit(1))
    if row is None:
        row = Area(name="hele gemeente", kind=AreaKind.MUNICIPALITY.value, position=0)
        s.add(row)
        s.flush()
    return area_of(row)


def get_setting(s: Session, key: str, default: str = "") -> str:
    row = s.get(Setting, key)
    return row.value if row is not None else default


def set_setting(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value
    s.flush()


def municipality_name(s: Session) -> str:
    return get_setting(s, MUNICIPALITY_NAME, DEFAULT_MUNICIPALITY)


def broker_contact(s: Session) -> BrokerContact:
    """The broker's name, phone and e-mail address as the reports print them ("" where not set)."""
    return BrokerContact(
        name=get_setting(s, BROKER_NAME).strip(),
        phone=get_setting(s, BROKER_PHONE).strip(),
        email=get_setting(s, BROKER_EMAIL).strip(),
    )


def set_broker_contact(s: Session, contact: BrokerContact) -> None:
    set_setting(s, BROKER_NAME, contact.name.strip())
    set_setting(s, BROKER_PHONE, contact.phone.strip())
    set_setting(s, BROKER_EMAIL, contact.email.strip())
