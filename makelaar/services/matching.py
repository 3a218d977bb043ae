"""Suggestions: ranked, explained partners for an idea, and the ideas an organisation could help with.

The organisation profiles are loaded once per store into a :class:`~makelaar.domain.matching.MatchIndex` and kept
in memory. Every call first reads a cheap fingerprint of the store (number and last change of organisations,
koppelingen, areas and vocabulary); when it differs the index is rebuilt, so a suggestion never rests on an
organisation as it was before a save. :func:`invalidate` drops the index at once (the GUI may call it after a save,
but it does not have to).
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from makelaar.domain.enums import AreaKind, IdeaStatus, MatchStatus
from makelaar.domain.errors import NotFoundError
from makelaar.domain.matching import (
    DEFAULT_WEIGHTS,
    FundCriteria,
    IdeaProfile,
    MatchIndex,
    OrganisationProfile,
    PastMatch,
    Suggestion,
    Weights,
    rank,
    rank_ideas,
)
from makelaar.domain.vocabulary import normalise
from makelaar.services import longlived
from makelaar.storage.models import (
    Area,
    Idea,
    Match,
    Organisation,
    VocabularyTerm,
    idea_needs,
    idea_themes,
    organisation_areas,
    organisation_offers,
    organisation_themes,
)
from makelaar.storage.store import Store

# The ideas matching works for: still looking for partners or on their way (DESIGN.md, idea statuses).
OPEN_STATUSES = (
    IdeaStatus.NEW.value,
    IdeaStatus.EXPLORING.value,
    IdeaStatus.MATCHED.value,
    IdeaStatus.IN_PROGRESS.value,
)
# Koppelingen whose outcome teaches something: accepted or declined.
DECIDED_STATUSES = (MatchStatus.COMMITTED.value, MatchStatus.DONE.value, MatchStatus.DECLINED.value)

# How many recent ideas count for the word statistics: enough to know the common words, cheap to read.
BACKGROUND_IDEAS = 2_000

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class _Cached:
    fingerprint: tuple[Any, ...]
    index: MatchIndex


_cache: weakref.WeakKeyDictionary[Engine, _Cached] = weakref.WeakKeyDictionary()
_ideas_cache: weakref.WeakKeyDictionary[Engine, tuple[tuple[Any, ...], list[IdeaProfile]]] = weakref.WeakKeyDictionary()
_lock = threading.RLock()


def _engine(s: Session) -> Engine:
    bind = s.get_bind()
    return bind if isinstance(bind, Engine) else bind.engine


def invalidate(s: Session | None = None) -> None:
    """Forget the index of this session's store (of every store without one)."""
    with _lock:
        if s is None:
            _cache.clear()
            _ideas_cache.clear()
        else:
            _cache.pop(_engine(s), None)
            _ideas_cache.pop(_engine(s), None)


def fingerprint(s: Session) -> tuple[Any, ...]:
    """Changes whenever an organisation, koppeling, area or vocabulary entry is added, changed or removed.

    One statement. Without an index on organisations.updated_at and matches.updated_at both maxima scan their
    table (about 12 ms at 20,000 organisations and 50,000 koppelingen on SQLite).
    """
    aggregates = (
        (func.count(), Organisation),
        (func.max(Organisation.updated_at), Organisation),
        (func.count(), Match),
        (func.max(Match.updated_at), Match),
        (func.count(), Area),
        (func.count(Area.retired_at), Area),
        (func.max(Area.name), Area),
        (func.count(), VocabularyTerm),
        (func.count(VocabularyTerm.retired_at), VocabularyTerm),
        (func.max(VocabularyTerm.name), VocabularyTerm),
    )
    stmt = select(*(select(agg).select_from(table).scalar_subquery() for agg, table in aggregates))
    return tuple(s.execute(stmt).one())


def get_index(s: Session, *, weights: Weights = DEFAULT_WEIGHTS) -> MatchIndex:
    """The store's index, rebuilt when the fingerprint says the store changed."""
    engine = _engine(s)
    stamp = (*fingerprint(s), weights)
    with _lock:
        cached = _cache.get(engine)
        if cached is not None and cached.fingerprint == stamp:
            return cached.index
        index = load_index(s, weights=weights)
        _cache[engine] = _Cached(stamp, index)
    longlived.settle(len(index))
    return index


def warm(store: Store) -> None:
    """Build the store's index ahead of the first suggestion, and prepare what rankings would otherwise make on first
    use (:meth:`MatchIndex.prepare`): at 20,000 organisations that takes seconds, which the window spends while the
    broker reads Vandaag rather than when an idea's suggestions or a match-all are asked for."""
    with store.begin() as s:
        index = get_index(s)
    index.prepare()


# --- loading profiles ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Areas:
    wijk_of: dict[str, str]
    wide: frozenset[str]
    names: dict[str, str]


def _areas(s: Session) -> _Areas:
    rows = s.execute(select(Area.id, Area.name, Area.kind, Area.parent_id)).all()
    kinds = {r.id: r.kind for r in rows}
    wijk_of: dict[str, str] = {}
    for r in rows:
        # A buurt belongs to its wijk; a wijk or dorp is its own.
        in_wijk = r.kind == AreaKind.NEIGHBOURHOOD.value and r.parent_id and kinds.get(r.parent_id) != "gemeente"
        wijk_of[r.id] = r.parent_id if in_wijk else r.id
    wide = frozenset(r.id for r in rows if r.kind == AreaKind.MUNICIPALITY.value)
    return _Areas(wijk_of=wijk_of, wide=wide, names={r.id: r.name for r in rows})


def _term_names(s: Session) -> tuple[dict[str, str], dict[str, str]]:
    """Display names of all vocabulary entries, and each organisation kind's stable key (or folded name)."""
    names: dict[str, str] = {}
    kind_keys: dict[str, str] = {}
    for tid, vocabulary, key, name in s.execute(
        select(VocabularyTerm.id, VocabularyTerm.vocabulary, VocabularyTerm.key, VocabularyTerm.name)
    ):
        names[tid] = name
        if vocabulary == "organisation_kind":
            kind_keys[tid] = key or normalise(name)
    return names, kind_keys


def _links(s: Session, table: Any, left: str, where: Any = None) -> dict[str, list[str]]:
    right = next(c for c in table.c.keys() if c != left)  # noqa: SIM118 (a ColumnCollection, not a dict)
    stmt = select(table.c[left], table.c[right])
    if where is not None:
        stmt = stmt.where(where)
    out: dict[str, list[str]] = {}
    for owner, other in s.execute(stmt):
        out.setdefault(owner, []).append(other)
    return out


def organisation_profiles(
    s: Session, areas: _Areas | None = None, *, only: str | None = None
) -> list[OrganisationProfile]:
    """Every organisation (or the one ``only``) as a matching profile, inactive ones included."""
    areas = areas or _areas(s)
    _, kind_keys = _term_names(s)
    where_org = Organisation.id == only if only else None
    offers = _links(
        s, organisation_offers, "organisation_id", organisation_offers.c.organisation_id == only if only else None
    )
    themes = _links(
        s, organisation_themes, "organisation_id", organisation_themes.c.organisation_id == only if only else None
    )
    served = _links(
        s, organisation_areas, "organisation_id", organisation_areas.c.organisation_id == only if only else None
    )
    stmt = select(
        Organisation.id,
        Organisation.name,
        Organisation.description,
        Organisation.kind_id,
        Organisation.active,
        Organisation.fund_max_amount,
        Organisation.fund_min_initiators,
        Organisation.fund_deadline,
        Organisation.fund_excludes,
    ).order_by(Organisation.name, Organisation.id)
    if where_org is not None:
        stmt = stmt.where(where_org)
    out: list[OrganisationProfile] = []
    for r in s.execute(stmt):
        area_ids = frozenset(served.get(r.id, ()))
        out.append(
            OrganisationProfile(
                id=r.id,
                name=r.name,
                description=r.description or "",
                kind=kind_keys.get(r.kind_id or "", ""),
                active=bool(r.active),
                offers=frozenset(offers.get(r.id, ())),
                themes=frozenset(themes.get(r.id, ())),
                areas=area_ids - areas.wide,
                wijken=frozenset(areas.wijk_of.get(a, a) for a in area_ids - areas.wide),
                municipality_wide=bool(area_ids & areas.wide),
                fund=FundCriteria(
                    max_amount=r.fund_max_amount,
                    min_initiators=r.fund_min_initiators,
                    deadline=r.fund_deadline,
                    excludes=r.fund_excludes,
                ),
            )
        )
    return out


def _ordered_needs(s: Session, where: Any) -> dict[str, list[str]]:
    """Needs per idea in the vocabulary's order (coverage and reasons list them that way)."""
    out: dict[str, list[str]] = {}
    stmt = (
        select(idea_needs.c.idea_id, idea_needs.c.term_id)
        .join(VocabularyTerm, VocabularyTerm.id == idea_needs.c.term_id)
        .where(where)
        .order_by(VocabularyTerm.position, VocabularyTerm.name)
    )
    for idea_id, term_id in s.execute(stmt):
        out.setdefault(idea_id, []).append(term_id)
    return out


def idea_profiles(s: Session, where: Any, areas: _Areas | None = None, *, order: bool = True) -> list[IdeaProfile]:
    """The ideas matching ``where`` (a clause on ideas) as matching profiles. ``where`` may be a subquery clause
    on Idea.id; needs and themes are read with the same clause."""
    areas = areas or _areas(s)
    id_clause = Idea.id.in_(select(Idea.id).where(where))
    needs = _ordered_needs(s, idea_needs.c.idea_id.in_(select(Idea.id).where(where)))
    themes = _links(s, idea_themes, "idea_id", idea_themes.c.idea_id.in_(select(Idea.id).where(where)))
    stmt = select(
        Idea.id,
        Idea.title,
        Idea.description,
        Idea.area_id,
        Idea.team_size,
        Idea.requested_amount,
        Idea.received_on,
        Idea.status,
    ).where(id_clause)
    if order:
        stmt = stmt.order_by(Idea.reference)
    out = []
    for r in s.execute(stmt):
        wide = r.area_id is not None and r.area_id in areas.wide
        out.append(
            IdeaProfile(
                id=r.id,
                title=r.title,
                description=r.description or "",
                area_id=None if wide else r.area_id,
                wijk_id=None if wide or r.area_id is None else areas.wijk_of.get(r.area_id, r.area_id),
                municipality_wide=wide,
                needs=tuple(needs.get(r.id, ())),
                themes=frozenset(themes.get(r.id, ())),
                team_size=r.team_size,
                requested_amount=r.requested_amount,
                received_on=r.received_on,
                status=r.status,
            )
        )
    return out


def _past_matches(
    s: Session, where: Any, areas: _Areas, ideas: dict[str, IdeaProfile] | None = None
) -> list[PastMatch]:
    """Koppelingen matching ``where`` with the profile of their idea."""
    rows = s.execute(select(Match.idea_id, Match.organisation_id, Match.status, Match.need_id).where(where)).all()
    if ideas is None:
        ideas = {p.id: p for p in idea_profiles(s, Idea.id.in_(select(Match.idea_id).where(where)), areas, order=False)}
    return [
        PastMatch(idea=ideas[r.idea_id], organisation_id=r.organisation_id, status=r.status, need_id=r.need_id)
        for r in rows
        if r.idea_id in ideas
    ]


def load_index(s: Session, *, weights: Weights = DEFAULT_WEIGHTS) -> MatchIndex:
    """Build the index from the store (uncached): active organisations and the decided koppelingen."""
    areas = _areas(s)
    names, _ = _term_names(s)
    names.update(areas.names)
    history = _past_matches(s, Match.status.in_(DECIDED_STATUSES), areas)
    return MatchIndex(
        organisation_profiles(s, areas),
        names=names,
        history=history,
        background=idea_texts(s),
        places=areas.names.values(),
        weights=weights,
    )


def idea_texts(s: Session, limit: int = BACKGROUND_IDEAS) -> list[str]:
    """Title and description of the most recent ideas: how common a word is among ideas (see MatchIndex)."""
    stmt = select(Idea.title, Idea.description).order_by(Idea.received_on.desc(), Idea.id).limit(limit)
    return [f"{title} {description or ''}" for title, description in s.execute(stmt)]


# --- use cases -----------------------------------------------------------------------------------------------------


def suggest(s: Session, idea_id: str, top: int = 5, *, today: date | None = None) -> list[Suggestion]:
    """The ``top`` organisations for one idea, best first, each with a score (0–1) and its reasons.

    Organisations already linked to the idea are left out; the needs they cover count as covered.
    """
    index = get_index(s)
    areas = _areas(s)
    found = idea_profiles(s, Idea.id == idea_id, areas, order=False)
    if not found:
        raise NotFoundError("Dit idee bestaat niet (meer).")
    idea = found[0]
    own = _past_matches(s, Match.idea_id == idea_id, areas, {idea.id: idea})
    return rank(index, idea, top=top, today=today, linked=own)


def suggest_for_organisation(
    s: Session, organisation_id: str, top: int = 10, *, today: date | None = None
) -> list[Suggestion]:
    """The reverse view: open ideas this organisation could help with, best first (empty for an inactive one).

    Each Suggestion names the organisation and the idea (``idea_id``, ``idea_title``); reasons as for ``suggest``.
    """
    index = get_index(s)
    if s.get(Organisation, organisation_id) is None:
        raise NotFoundError("Deze organisatie bestaat niet (meer).")
    if organisation_id not in index.position:
        return []  # inactive: never suggested, in either direction
    linked = set(s.scalars(select(Match.idea_id).where(Match.organisation_id == organisation_id)))
    return rank_ideas(index, organisation_id, open_ideas(s), top=top, today=today, linked=linked)


def open_ideas(s: Session) -> list[IdeaProfile]:
    """Every open idea as a profile, kept per store while no idea is added, changed or removed (the reverse view
    reads them all; at 26,000 open ideas that is 1.5 s of SQL, the check 1 ms through the updated_at index)."""
    stamp = tuple(
        s.execute(
            select(
                select(func.count()).select_from(Idea).scalar_subquery(),
                select(func.max(Idea.updated_at)).scalar_subquery(),
            )
        ).one()
    )
    engine = _engine(s)
    with _lock:
        cached = _ideas_cache.get(engine)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    ideas = idea_profiles(s, Idea.status.in_(OPEN_STATUSES), order=False)
    with _lock:
        _ideas_cache[engine] = (stamp, ideas)
    longlived.settle(len(ideas))
    return ideas


def match_all(
    s: Session,
    top: int = 5,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    idea_ids: Sequence[str] | None = None,
    today: date | None = None,
) -> list[tuple[IdeaProfile, list[Suggestion]]]:
    """Suggestions for every open idea (or the ideas ``idea_ids``), in reference order.

    ``progress(done, total)`` is called after each idea; when ``cancelled()`` answers True the ideas done so far
    are returned.
    """
    index = get_index(s)
    areas = _areas(s)
    where = Idea.status.in_(OPEN_STATUSES) if idea_ids is None else Idea.id.in_(list(idea_ids))
    ideas = idea_profiles(s, where, areas)
    by_id = {i.id: i for i in ideas}
    own: dict[str, list[PastMatch]] = {}
    for m in _past_matches(s, Match.idea_id.in_(select(Idea.id).where(where)), areas, by_id):
        own.setdefault(m.idea.id, []).append(m)
    results: list[tuple[IdeaProfile, list[Suggestion]]] = []
    total = len(ideas)
    for n, idea in enumerate(ideas, start=1):
        if cancelled is not None and cancelled():
            break
        results.append((idea, rank(index, idea, top=top, today=today, linked=own.get(idea.id, []))))
        if progress is not None:
            progress(n, total)
    return results


def to_json_data(results: Iterable[tuple[IdeaProfile, Sequence[Suggestion]]]) -> list[dict[str, Any]]:
    """The command line's JSON shape (DESIGN.md) as plain lists and dicts."""
    return [
        {
            "idea": idea.title,
            "suggestions": [
                {"organisation": sug.name, "score": round(float(sug.score), 2), "reasons": list(sug.reasons)}
                for sug in suggestions
            ],
        }
        for idea, suggestions in results
    ]


def to_json(results: Iterable[tuple[IdeaProfile, Sequence[Suggestion]]], *, indent: int | None = 2) -> str:
    """``[{"idea": "<titel>", "suggestions": [{"organisation": "<naam>", "score": 0.87, "reasons": [...]}]}]``"""
    return json.dumps(to_json_data(results), ensure_ascii=False, indent=indent)
