"""The figures of the period overview for the council, counted in the database (GROUP BY), never by loading
ideas into Python: the overview must stay quick at 100,000 ideas. Read-only SQLAlchemy Core over the storage
models."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, extract, func, select
from sqlalchemy.orm import Session

from makelaar.domain.enums import IdeaStatus, MatchStatus
from makelaar.storage.models import Area, Idea, Match, VocabularyTerm, idea_themes

# The endings the council asks about, in this order.
OUTCOMES = [
    IdeaStatus.REALISED,
    IdeaStatus.INDEPENDENT,
    IdeaStatus.REFERRED,
    IdeaStatus.STOPPED,
    IdeaStatus.NO_CONTACT,
]
COMMITTED = (MatchStatus.COMMITTED.value, MatchStatus.DONE.value)
NO_AREA = "geen wijk bekend"


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    ideas: int = 0
    matches: int = 0
    closed: int = 0


@dataclass(frozen=True)
class AreaFigures:
    """One wijk (its buurten counted in) or village: ideas received, closed, realised, koppelingen made."""

    name: str
    received: int = 0
    closed: int = 0
    realised: int = 0
    matches: int = 0


@dataclass
class OverviewFigures:
    date_from: date
    date_to: date
    received: int = 0
    by_theme: list[tuple[str, int]] = field(default_factory=list)
    by_area: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    outcomes: list[tuple[str, int]] = field(default_factory=list)  # ideas closed in the period, per ending
    matches_by_status: list[tuple[str, int]] = field(default_factory=list)
    months: list[MonthFigures] = field(default_factory=list)
    areas: list[AreaFigures] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing came in, nothing was linked and nothing closed in the period."""
        return not (self.received or self.matches or self.closed)

    @property
    def realised(self) -> int:
        return dict(self.outcomes).get(IdeaStatus.REALISED.value, 0)

    @property
    def closed(self) -> int:
        return sum(n for _, n in self.outcomes)

    @property
    def matches(self) -> int:
        return sum(n for _, n in self.matches_by_status)

    @property
    def committed(self) -> int:
        return sum(n for status, n in self.matches_by_status if status in COMMITTED)


def _months(date_from: date, date_to: date) -> list[tuple[int, int]]:
    out = []
    y, m = date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _per_month(s: Session, column: Any, where: Any) -> dict[tuple[int, int], int]:
    year, month = extract("year", column), extract("month", column)
    rows = s.execute(select(year, month, func.count()).where(where).group_by(year, month))
    return {(int(y), int(m)): int(n) for y, m, n in rows}


def _grouped(s: Session, stmt: Any) -> dict[str, int]:
    return {str(key): int(n) for key, n in s.execute(stmt)}


def previous_period(date_from: date, date_to: date) -> tuple[date, date]:
    """The period of the same length just before: whole months shift by months (a year to the year before),
    any other period by its number of days."""
    after_end = date_to + timedelta(days=1)
    if date_from.day == 1 and after_end.day == 1:
        months = (after_end.year - date_from.year) * 12 + after_end.month - date_from.month
        index = date_from.year * 12 + date_from.month - 1 - months
        start = date(index // 12, index % 12 + 1, 1)
        return start, date_from - timedelta(days=1)
    length = (date_to - date_from).days + 1
    return date_from - timedelta(days=length), date_from - timedelta(days=1)


def overview_figures(s: Session, date_from: date, date_to: date, *, detail: bool = True) -> OverviewFigures:
    """Everything the overview shows for ideas received, koppelingen made and ideas closed between the two dates
    (both included). Without ``detail`` only the totals (per status and outcome), for the period to compare with:
    no themes, wijken or months."""
    if date_to < date_from:
        raise ValueError("De einddatum ligt voor de begindatum.")
    fig = OverviewFigures(date_from, date_to)
    received = Idea.received_on.between(date_from, date_to)
    # Koppelingen carry a timestamp: from the start of the first day to the start of the day after the last.
    start, end = datetime.combine(date_from, time.min), datetime.combine(date_to + timedelta(days=1), time.min)
    made = and_(Match.created_at >= start, Match.created_at < end)
    closed = and_(Idea.closed_on.between(date_from, date_to), Idea.status.in_([o.value for o in OUTCOMES]))

    statuses = _grouped(s, select(Idea.status, func.count()).where(received).group_by(Idea.status))
    order = [st.value for st in IdeaStatus]
    fig.by_status = [(st, int(statuses[st])) for st in order if statuses.get(st)]
    fig.by_status += [(st, int(n)) for st, n in statuses.items() if st not in order]
    fig.received = sum(n for _, n in fig.by_status)

    # Closed ideas per area and ending: the outcomes, and per wijk the closed and the realised ones.
    closed_rows = s.execute(
        select(Idea.area_id, Idea.status, func.count()).where(closed).group_by(Idea.area_id, Idea.status)
    ).all()
    outcomes: dict[str, int] = {}
    for _area_id, status, n in closed_rows:
        outcomes[status] = outcomes.get(status, 0) + int(n)
    fig.outcomes = [(o.value, int(outcomes.get(o.value, 0))) for o in OUTCOMES]
    if detail:
        _themes(s, fig, received)
        _areas(s, fig, received, made, closed_rows)
        ideas_pm = _per_month(s, Idea.received_on, received)
        matches_pm = _per_month(s, Match.created_at, made)
        closed_pm = _per_month(s, Idea.closed_on, closed)
        fig.months = [
            MonthFigures(y, m, ideas_pm.get((y, m), 0), matches_pm.get((y, m), 0), closed_pm.get((y, m), 0))
            for y, m in _months(date_from, date_to)
        ]

    match_statuses = _grouped(s, select(Match.status, func.count()).where(made).group_by(Match.status))
    fig.matches_by_status = [(st.value, int(match_statuses.get(st.value, 0))) for st in MatchStatus]

    return fig


def _themes(s: Session, fig: OverviewFigures, received: Any) -> None:
    themes = s.execute(
        select(VocabularyTerm.name, func.count())
        .select_from(idea_themes)
        .join(Idea, Idea.id == idea_themes.c.idea_id)
        .join(VocabularyTerm, VocabularyTerm.id == idea_themes.c.term_id)
        .where(received)
        .group_by(VocabularyTerm.id, VocabularyTerm.name, VocabularyTerm.position)
        .order_by(func.count().desc(), VocabularyTerm.position)
    )
    fig.by_theme = [(name, int(n)) for name, n in themes]


def _areas(s: Session, fig: OverviewFigures, received: Any, made: Any, closed_rows: Any) -> None:
    """Per area in SQL, then buurten rolled up into their wijk (the areas are a few dozen rows)."""
    areas = {a.id: a for a in s.execute(select(Area.id, Area.name, Area.kind, Area.parent_id))}

    def wijk(area_id: str | None) -> str:
        area = areas.get(area_id)
        if area is None:
            return NO_AREA
        if area.kind == "buurt" and area.parent_id in areas:
            return str(areas[area.parent_id].name)
        return str(area.name)

    per_wijk: dict[str, dict[str, int]] = {}

    def add(column: str, area_id: str | None, n: int) -> None:
        counts = per_wijk.setdefault(wijk(area_id), {})
        counts[column] = counts.get(column, 0) + int(n)

    for area_id, n in s.execute(select(Idea.area_id, func.count()).where(received).group_by(Idea.area_id)):
        add("received", area_id, n)
    for area_id, status, n in closed_rows:
        add("closed", area_id, n)
        if status == IdeaStatus.REALISED.value:
            add("realised", area_id, n)
    linked = select(Idea.area_id, func.count()).select_from(Match).join(Idea, Idea.id == Match.idea_id)
    for area_id, n in s.execute(linked.where(made).group_by(Idea.area_id)):
        add("matches", area_id, n)
    fig.by_area = sorted(
        ((name, c["received"]) for name, c in per_wijk.items() if c.get("received")),
        key=lambda kv: (-kv[1], kv[0].casefold()),
    )
    fig.areas = sorted(
        (AreaFigures(name, **c) for name, c in per_wijk.items()),
        key=lambda a: (-a.received, -a.closed, a.name.casefold()),
    )
