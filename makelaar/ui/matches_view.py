"""The Koppelingen area: every koppeling in one list, to follow them up across ideas (what is late, what waits for an
answer), with the selected koppeling's timeline beside it."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy.orm import Session

from makelaar.domain.enums import MatchStatus, Vocabulary
from makelaar.domain.formatting import format_date
from makelaar.domain.records import MatchRow
from makelaar.services import activities, matches, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.ui.context import AppContext
from makelaar.ui.labels import label
from makelaar.ui.list_views import RecordListView
from makelaar.ui.models import Column
from makelaar.ui.widgets import area_items, fill_combo


def _overdue(row: MatchRow) -> bool:
    """A koppeling still under way whose follow-up date has gone by."""
    running = (MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value, MatchStatus.COMMITTED.value)
    return row.follow_up_on is not None and row.follow_up_on < date.today() and row.status in running


class MatchesView(RecordListView):
    """Signals:
    open_idea(str): the user wants the idea of the chosen koppeling (Enter or a double click on a row).
    """

    open_idea = Signal(str)
    # A koppeling is made on an idea (its suggestions or Koppelen), not out of nothing.
    can_create = False

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search.setPlaceholderText(self.tr("Zoek op idee, nummer of organisatie… (Ctrl+F)"))
        self.status_filter = QComboBox()
        self.follow_up_filter = QComboBox()
        self.area_filter = QComboBox()
        self.need_filter = QComboBox()
        self.add_filter(self.status_filter, self.tr("Filter op status"), self._status_changed)
        self.add_filter(self.follow_up_filter, self.tr("Filter op opvolgdatum"), self._follow_up_changed)
        self.add_filter(self.area_filter, self.tr("Filter op wijk"), lambda v: self.set_query(area_id=v))
        self.add_filter(self.need_filter, self.tr("Filter op behoefte"), lambda v: self.set_query(help_type_id=v))
        self.open_requested.connect(self._open_idea_of)
        self.refresh_vocabulary()
        self.order_tabs()
        # Six columns: the list gets more of the width than the summary beside it (2:1 instead of 3:2).
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)

    def default_sort(self) -> tuple[str, bool]:
        return ("follow_up", False)

    def refresh_vocabulary(self) -> None:
        areas, needs = self.ctx.read(
            lambda s: (vocabulary.list_areas(s), vocabulary.list_terms(s, Vocabulary.HELP_TYPE))
        )
        statuses: list[tuple[str, str | None]] = [
            (self.tr("Alle statussen"), None),
            (self.tr("Lopend"), "open"),
        ] + [(label(s.value), s.value) for s in MatchStatus]
        fill_combo(self.status_filter, statuses, self.status_filter.currentData())
        follow_ups: list[tuple[str, str | None]] = [
            (self.tr("Alle opvolgdata"), None),
            (self.tr("Te laat"), matches.FOLLOW_UP_OVERDUE),
            (self.tr("Binnen een week"), matches.FOLLOW_UP_WEEK),
            (self.tr("Zonder opvolgdatum"), matches.FOLLOW_UP_NONE),
        ]
        fill_combo(self.follow_up_filter, follow_ups, self.query.extra.get("follow_up"))
        wijken = [a for a in areas if not a.municipality_wide]
        fill_combo(self.area_filter, area_items(wijken, empty=self.tr("Alle wijken")), self.query.area_id)
        fill_combo(
            self.need_filter,
            [(self.tr("Alle behoeften"), None)] + [(t.name, t.id) for t in needs],
            self.query.help_type_id,
        )

    def _status_changed(self, value: str | None) -> None:
        if value == "open":
            self.set_query(statuses=matches.OPEN_MATCH_STATUSES)
        else:
            self.set_query(statuses=(value,) if value else ())

    def _follow_up_changed(self, value: str | None) -> None:
        self.set_query(extra={"follow_up": value} if value else {})

    def columns(self) -> list[Column[MatchRow]]:
        return [
            # Narrow fixed columns: the idea's title (the one that stretches) must stay readable beside them.
            Column(
                self.tr("Opvolgen"),
                lambda r: format_date(r.follow_up_on),
                "follow_up",
                width=90,
                warn=_overdue,
                warning=self.tr("te laat"),
            ),
            Column(self.tr("Idee"), lambda r: r.idea_reference, "idea", width=100),
            Column(self.tr("Titel"), lambda r: r.idea_title, "title"),
            Column(self.tr("Organisatie"), lambda r: r.organisation_name, "organisation", width=190),
            Column(self.tr("Behoefte"), lambda r: r.need, "need", width=95),
            Column(self.tr("Status"), lambda r: label(r.status), "status", width=95),
        ]

    def count(self, s: Session, q: ListQuery) -> int:
        return matches.count_matches(s, q)

    def fetch(self, s: Session, q: ListQuery, offset: int, limit: int, total: int | None = None) -> list[MatchRow]:
        return matches.list_matches(s, q, offset, limit)

    def count_text(self, n: int) -> str:
        return self.tr("%n koppeling(en)", "", n)

    def empty_message(self) -> str:
        return self.tr(
            "Hier komen de koppelingen: een idee met een organisatie die kan helpen. Open een idee en kies een "
            "suggestie (Ctrl+2 voor de ideeën), of laad de voorbeeldgegevens."
        )

    def _open_idea_of(self, match_id: str) -> None:
        # The row on screen knows its idea; a koppeling no longer loaded is looked up.
        row = self.model.row_at(self.model.find_row(match_id))
        idea_id = row.idea_id if row is not None else self.ctx.read(lambda s: matches.get_match(s, match_id).idea_id)
        self.open_idea.emit(idea_id)

    def summary_html(self, record_id: str) -> str:
        def load(s: Session) -> tuple[Any, ...]:
            row = matches.get_match(s, record_id)
            return row, activities.list_activities(s, match_id=record_id, limit=50)

        row, lines = self.ctx.read(load)
        rows = [
            (self.tr("Organisatie"), escape(row.organisation_name)),
            (self.tr("Behoefte"), escape(row.need or "—")),
            (self.tr("Status"), escape(label(row.status))),
            (self.tr("Opvolgen op"), escape(format_date(row.follow_up_on)) or "—"),
            (self.tr("Contactpersoon"), escape(row.contact or "—")),
            (self.tr("Notitie"), escape(row.note or "—").replace("\n", "<br>")),
        ]
        table = "".join(f"<tr><td nowrap><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        timeline_title = self.tr("Tijdlijn")
        hint = self.tr("Enter opent het idee.")
        items = "".join(f"<li>{escape(format_date(a.occurred_at))}: {escape(a.text)}</li>" for a in lines)
        return (
            f"<h2>{escape(row.idea_reference)} {escape(row.idea_title)}</h2>"
            f"<table cellspacing='4'>{table}</table>"
            f"<h3>{timeline_title}</h3><ul>{items}</ul><p><i>{hint}</i></p>"
        )
