"""What a list view asks for: search text, filters, sort. Filtering, sorting and searching run in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ListQuery:
    search: str = ""
    statuses: tuple[str, ...] = ()
    area_id: str | None = None
    theme_id: str | None = None
    help_type_id: str | None = None  # a need (ideas) or an offer (organisations)
    session_id: str | None = None
    active_only: bool = False
    sort: str = "updated"
    descending: bool = True
    extra: dict[str, str] = field(default_factory=dict)
