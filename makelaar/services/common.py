"""Helpers shared by the services: reference numbers, term lookups, validation collection."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from makelaar.domain.errors import FieldError, ValidationError
from makelaar.domain.records import AreaInfo, Term
from makelaar.storage.models import Area, ReferenceCounter, VocabularyTerm

T = TypeVar("T")


def next_reference(s: Session, prefix: str, year: int | None = None) -> str:
    """The next readable reference for a prefix, e.g. I-2026-0042. Safe against concurrent writers."""
    year = year or date.today().year
    counter = s.get(ReferenceCounter, (prefix, year), with_for_update=True)
    if counter is None:
        counter = ReferenceCounter(prefix=prefix, year=year, last=0)
        s.add(counter)
        s.flush()
    # An UPDATE ... SET last = last + 1 serialises concurrent writers on PostgreSQL and SQLite alike.
    s.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last=ReferenceCounter.last + 1)
    )
    s.refresh(counter)
    return f"{prefix}-{year}-{counter.last:04d}"


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
