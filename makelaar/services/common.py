"""Helpers shared by the services: reference numbers, term lookups, validation collection."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.records import AreaInfo, Term
from makelaar.storage.models import Area, ReferenceCounter, VocabularyTerm

T = TypeVar("T")

# Session.info: this transaction is a dry run that will be rolled back; a service leaves files outside the store
# (the forgotten list, intake drafts) alone, since the records it would change them for stay as they are.
DRY_RUN_INFO = "makelaar.dry_run"


def next_reference(s: Session, prefix: str, year: int | None = None) -> str:
    """The next readable reference for a prefix, e.g. I-2026-0042. Safe against concurrent writers."""
    year = year or date.today().year
    # One statement: insert the counter at 1 or add one to it. The row lock of the upsert serialises concurrent
    # writers on PostgreSQL; SQLite has one writer at a time anyway.
    # The dialect modules are imported here: the PostgreSQL one takes about 50 ms (asyncio included), which a start
    # on SQLite does not need.
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql as dialect
    else:
        from sqlalchemy.dialects import sqlite as dialect  # type: ignore[no-redef]
    insert = dialect.insert
    stmt = (
        insert(ReferenceCounter)
        .values(prefix=prefix, year=year, last=1)
        .on_conflict_do_update(
            index_elements=[ReferenceCounter.prefix, ReferenceCounter.year], set_={"last": ReferenceCounter.last + 1}
        )
        .returning(ReferenceCounter.last)
    )
    number = int(s.execute(stmt).scalar_one())
    return f"{prefix}-{year}-{number:04d}"


class Collector:
    """Collects field errors so one save reports every problem at once."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def check(self, field: str, func: Callable[..., T], *args: object) -> T | None:
        try:
            return func(*args)
        except ValueError as exc:
            self.errors.append(FieldError(field, str(exc)))
            return None

    def add(self, field: str, message: str) -> None:
        self.errors.append(FieldError(field, message))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def session_holds(s: Session, model: type[Any], record_id: str) -> bool:
    """Whether the ORM must answer for this record: the session has changes not yet in the store, or holds the
    record already. Otherwise a plain read of the store is the same and cheaper."""
    return bool(s.new or s.dirty or s.deleted) or s.identity_map.get(identity_key(model, record_id)) is not None


def term_of(row: VocabularyTerm) -> Term:
    return Term(id=row.id, name=row.name, key=row.key, retired=row.retired_at is not None)


def area_of(row: Area) -> AreaInfo:
    return AreaInfo(
        id=row.id, name=row.name, kind=row.kind, parent_id=row.parent_id, retired=row.retired_at is not None
    )


def load_terms(s: Session, ids: Iterable[str], vocabulary: str) -> list[VocabularyTerm]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    rows = s.scalars(
        select(VocabularyTerm).where(VocabularyTerm.id.in_(wanted), VocabularyTerm.vocabulary == vocabulary)
    ).all()
    found = {r.id: r for r in rows}
    return [found[i] for i in wanted if i in found]


def load_areas(s: Session, ids: Iterable[str]) -> list[Area]:
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = {a.id: a for a in s.scalars(select(Area).where(Area.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]
