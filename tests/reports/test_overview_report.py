"""The overview for the council: a summary in words, the comparison with the period before, per wijk ideas and
outcomes, charts that read at a glance, and no pages of zeros for an empty period."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime

from reportlab.graphics.charts.barcharts import BarChart
from sqlalchemy import select

from makelaar.domain.enums import IdeaStatus
from makelaar.reports import build_overview_report
from makelaar.reports.overview import (
    NO_DATA,
    month_chart,
    month_chart_text,
    nice_step,
    outcome_chart,
    summary,
)
from makelaar.services import ideas
from makelaar.services.figures import overview_figures, previous_period
from makelaar.storage.models import Idea, Match
from makelaar.storage.store import Store
from tests.reports.conftest import TODAY, World, flat, pdf_text


def text_of(store: Store, date_from: date, date_to: date) -> str:
    out = io.BytesIO()
    with store.begin() as s:
        build_overview_report(s, date_from, date_to, out, today=TODAY)
    return flat(pdf_text(out.getvalue()))


def test_the_period_before_is_as_long() -> None:
    assert previous_period(date(2026, 1, 1), date(2026, 12, 31)) == (date(2025, 1, 1), date(2025, 12, 31))
    assert previous_period(date(2024, 1, 1), date(2024, 12, 31)) == (date(2023, 1, 1), date(2023, 12, 31))
    assert previous_period(date(2026, 3, 1), date(2026, 5, 31)) == (date(2025, 12, 1), date(2026, 2, 28))
    assert previous_period(date(2026, 9, 10), date(2026, 9, 19)) == (date(2026, 8, 31), date(2026, 9, 9))


def test_summary_and_comparison(store: Store, world: World) -> None:
    with store.begin() as s:
        idea = ideas.get_idea(s, world.private_idea.id or "")
        ideas.save_idea(s, replace(idea, status=IdeaStatus.REALISED.value))
        # Dated in the period (the services date a closure and a koppeling on the day they happen).
        row = s.get(Idea, idea.id)
        assert row is not None
        row.closed_on = date(2026, 9, 20)
        for match in s.scalars(select(Match)):
            match.created_at = datetime(2026, 9, 12, 10, 0)
    # Both ideas came in on 09-09-2026: the second half of September against the first half.
    text = text_of(store, date(2026, 9, 9), date(2026, 9, 30))
    assert "Samenvatting" in text
    assert "Van 09-09-2026 tot en met 30-09-2026 kwamen er 2 ideeën van bewoners binnen" in text
    assert "De periode ervoor is 18-08-2026 tot en met 08-09-2026" in text
    assert "Ideeën binnengekomen 2 0 +2" in text
    # Per wijk: ideas, koppelingen made, closed, realised.
    assert "Oosterhoek 2 3 1 1" in text
    assert "1 idee werd afgesloten, waarvan 1 gerealiseerd (100%)" in text
    later = text_of(store, date(2026, 10, 1), date(2026, 10, 22))
    assert "Ideeën binnengekomen 0 2 −2" in later


def test_an_empty_period_says_so_instead_of_zeros(store: Store, world: World) -> None:
    text = text_of(store, date(2019, 1, 1), date(2019, 6, 30))
    assert NO_DATA in text
    assert "kwamen er geen ideeën binnen, werden er geen koppelingen gemaakt" in text
    for table_heading in ("Cijfers per maand", "Ideeën per thema", "Hoe liepen de ideeën af?", "januari 2019"):
        assert table_heading not in text


def test_charts_read_at_a_glance(store: Store, world: World) -> None:
    with store.begin() as s:
        fig = overview_figures(s, date(2026, 1, 1), date(2026, 12, 31))
    for drawing in (month_chart(fig), outcome_chart(fig)):
        chart = next(c for c in drawing.contents if isinstance(c, BarChart))
        axis = chart.valueAxis
        assert axis.valueMin == 0 and float(axis.valueStep).is_integer()
        assert chart.barLabelFormat(3) == "3" and chart.barLabelFormat(0) == ""
        assert axis.labelTextFormat(1250) == "1.250"
        titles = [c.text for c in drawing.contents if hasattr(c, "text")]
        titles += [
            g.contents[0].text
            for g in drawing.contents
            if getattr(g, "contents", None) and hasattr(g.contents[0], "text")
        ]
        assert "aantal" in " ".join(titles) or "aantal ideeën" in titles
    months = next(c for c in month_chart(fig).contents if isinstance(c, BarChart))
    assert months.categoryAxis.labels.angle == 0
    assert months.categoryAxis.categoryNames[:3] == ["jan", "feb", "mrt"]
    assert "september 2026: 2 ideeën en 0 koppelingen;" in month_chart_text(fig)


def test_nice_steps_are_whole_numbers() -> None:
    assert [nice_step(n) for n in (1, 4, 6, 12, 30, 99, 1234)] == [1, 1, 2, 5, 10, 20, 500]


def test_summary_words_are_dutch(store: Store, world: World) -> None:
    with store.begin() as s:
        fig = overview_figures(s, date(2026, 1, 1), date(2026, 12, 31))
        before = overview_figures(s, date(2025, 1, 1), date(2025, 12, 31))
    words = summary(fig, before)
    assert "3 koppelingen met organisaties gemaakt; bij 0 daarvan (0%)" in words
    assert "De meeste kwamen uit Oosterhoek (2)." in words


def test_the_example_data_spreads_koppelingen_and_closures_over_the_year(store: Store) -> None:
    from datetime import timedelta

    from makelaar.services import demo

    with store.begin() as s:
        demo.fill(s)
    with store.begin() as s:
        fig = overview_figures(s, date.today() - timedelta(days=364), date.today())
    linked = [m.matches for m in fig.months]
    closed = [m.closed for m in fig.months]
    assert sum(1 for n in linked if n) >= 6 and max(linked) < sum(linked) / 2
    assert sum(1 for n in closed if n) >= 4 and max(closed) < sum(closed) / 2
    assert fig.closed >= 10
