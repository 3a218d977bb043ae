"""Overzicht for a period, for the college and the council: a summary in words, the comparison with the period
before, ideas per theme, wijk and status, how they ended, koppelingen and how many led to a commitment, and the
trend per month — tables and charts that read at a glance."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import BarChart, HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session

from makelaar.domain.formatting import format_date, format_decimal
from makelaar.reports.common import report_info
from makelaar.reports.style import (
    FONT,
    INK,
    MUTED,
    RULE,
    SERIES,
    WIDTH,
    build_pdf,
    figure,
    keep,
    keep_short,
    para,
    table,
)
from makelaar.services.figures import OverviewFigures, overview_figures, previous_period

TITLE = "Overzicht"
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
NO_DATA = "Geen gegevens in deze periode."


def count(n: int) -> str:
    """12345 -> '12.345' (a Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    return f"{format_decimal(100 * part / whole, 0)}%" if whole else "–"


def difference(now: int, before: int) -> str:
    if now == before:
        return "gelijk"
    return f"+{count(now - before)}" if now > before else f"−{count(before - now)}"


def ideas_word(n: int) -> str:
    return f"{count(n)} {'idee' if n == 1 else 'ideeën'}"


def matches_word(n: int) -> str:
    return f"{count(n)} {'koppeling' if n == 1 else 'koppelingen'}"


# --- words ----------------------------------------------------------------------------------------------------------


def summary(fig: OverviewFigures, before: OverviewFigures) -> str:
    """The period in one paragraph, for a council member who reads nothing else."""
    period = f"Van {format_date(fig.date_from)} tot en met {format_date(fig.date_to)}"
    if fig.empty:
        return (
            f"{period} kwamen er geen ideeën binnen, werden er geen koppelingen gemaakt en werd er geen idee "
            "afgesloten."
        )
    change = fig.received - before.received
    if not before.received:
        compared = "in de periode ervoor waren het er geen"
    elif change == 0:
        compared = "evenveel als in de periode ervoor"
    else:
        more = "meer" if change > 0 else "minder"
        compared = f"{count(abs(change))} {more} dan in de periode ervoor ({count(before.received)})"
    came = "kwam" if fig.received == 1 else "kwamen"
    parts = [f"{period} {came} er {ideas_word(fig.received)} van bewoners binnen, {compared}."]
    if fig.by_theme:
        themes = " en ".join(f"{name} ({count(n)})" for name, n in fig.by_theme[:2])
        parts.append(f"De meeste gingen over {themes}.")
    if fig.by_area and fig.by_area[0][0]:
        parts.append(f"De meeste kwamen uit {fig.by_area[0][0]} ({count(fig.by_area[0][1])}).")
    if fig.matches:
        parts.append(
            f"Er {'werd' if fig.matches == 1 else 'werden'} {matches_word(fig.matches)} met organisaties gemaakt; "
            f"bij {count(fig.committed)} daarvan "
            f"({percent(fig.committed, fig.matches)}) zegde de organisatie hulp toe."
        )
    else:
        parts.append("Er werden geen koppelingen met organisaties gemaakt.")
    if fig.closed:
        parts.append(
            f"{ideas_word(fig.closed).capitalize()} {'werd' if fig.closed == 1 else 'werden'} afgesloten, "
            f"waarvan {count(fig.realised)} "
            f"gerealiseerd ({percent(fig.realised, fig.closed)})."
        )
    return " ".join(parts)


def month_chart_text(fig: OverviewFigures) -> str:
    """The month chart in one sentence, with its figures, for readers who cannot see it."""
    parts = [
        f"{MONTH_NAMES[m.month - 1]} {m.year}: {ideas_word(m.ideas)} en {matches_word(m.matches)}" for m in fig.months
    ]
    return "Staafdiagram per maand van de ideeën die binnenkwamen en de koppelingen die werden gemaakt. " + (
        "; ".join(parts) + "."
    )


def outcome_chart_text(fig: OverviewFigures) -> str:
    if not fig.closed:
        return "Staafdiagram van de uitkomsten: in deze periode is geen idee afgesloten."
    parts = [f"{name} {count(n)}" for name, n in fig.outcomes]
    return f"Staafdiagram van hoe de {ideas_word(fig.closed)} afliepen die werden afgesloten: " + ", ".join(parts) + "."


# --- charts -----------------------------------------------------------------------------------------------------------


def nice_step(top: int, ticks: int = 5) -> int:
    """A whole step (1, 2, 5, 10, 20, 50, …) that divides 0…top into at most about ``ticks`` parts."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if top <= step * factor * ticks:
                return step * factor
        step *= 10


def _value_axis(chart: BarChart, top: int) -> None:
    """Whole numbers only, from 0, with a little room above the highest bar for its label."""
    step = nice_step(max(top, 1))
    axis = chart.valueAxis
    axis.valueMin = 0
    axis.valueStep = step
    axis.valueMax = step * (-(-max(top, 1) // step)) + (step if top % step == 0 or top < step else 0)
    axis.labels.fontName = FONT
    axis.labels.fontSize = 7.5
    axis.labels.fillColor = MUTED
    axis.labelTextFormat = lambda v: count(round(v))
    axis.visibleGrid = True
    axis.gridStrokeColor = RULE
    axis.gridStrokeWidth = 0.3
    axis.strokeColor = RULE


def _bar_labels(chart: BarChart, anchor: str) -> None:
    chart.barLabelFormat = _bar_value
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = anchor


def _bar_value(value: float) -> str:
    # A bar of zero has no label: a row of zeros along the axis reads as clutter, not as news.
    return count(round(value)) if value else ""


def month_chart(fig: OverviewFigures, width: float = WIDTH, height: float = 72 * mm) -> Drawing:
    """Ideas received and koppelingen made per month, side by side, each bar with its number."""
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y = 14 * mm, 16 * mm
    chart.width, chart.height = width - 18 * mm, height - 28 * mm
    chart.data = [[m.ideas for m in fig.months], [m.matches for m in fig.months]]
    # Labels stay horizontal: with many months only every second, third… month is named.
    step = max(1, -(-len(fig.months) // 12))
    chart.categoryAxis.categoryNames = [
        (MONTHS[m.month - 1] if len({x.year for x in fig.months}) == 1 else f"{MONTHS[m.month - 1]} {m.year % 100:02d}")
        if i % step == 0
        else ""
        for i, m in enumerate(fig.months)
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 0
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -2
    chart.categoryAxis.strokeColor = RULE
    _value_axis(chart, max([m.ideas for m in fig.months] + [m.matches for m in fig.months] + [0]))
    _bar_labels(chart, "s")
    chart.barLabels.dy = 1.5
    chart.barSpacing = 1
    chart.groupSpacing = 4
    chart.bars.strokeColor = None
    for i in range(2):
        chart.bars[i].fillColor = SERIES[i]
    drawing.add(chart)
    drawing.add(
        String(
            chart.x + chart.width / 2,
            3 * mm,
            "maand",
            fontName=FONT,
            fontSize=7.5,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    title = String(0, 0, "aantal", fontName=FONT, fontSize=7.5, fillColor=MUTED, textAnchor="middle")
    drawing.add(_vertical(title, 4 * mm, chart.y + chart.height / 2))
    legend = Legend()
    legend.x, legend.y = 16 * mm, height - 3 * mm
    legend.fontName = FONT
    legend.fontSize = 8
    legend.columnMaximum = 1
    legend.deltax = 55 * mm
    legend.dxTextSpace = 4
    legend.alignment = "right"
    legend.colorNamePairs = [(SERIES[0], "ideeën binnengekomen"), (SERIES[1], "koppelingen gemaakt")]
    drawing.add(legend)
    return drawing


def _vertical(label: String, x: float, y: float) -> Group:
    """An axis title written upwards along the value axis."""
    return Group(label, transform=(0, 1, -1, 0, x, y))


def outcome_chart(fig: OverviewFigures, width: float = WIDTH, height: float = 52 * mm) -> Drawing:
    """How the ideas closed in the period ended, as horizontal bars with their numbers."""
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 12 * mm
    chart.width, chart.height = width - 52 * mm, height - 14 * mm
    # Bars from top to bottom in the order of the table: the axis runs from the bottom up.
    rows = list(reversed(fig.outcomes))
    chart.data = [[n for _, n in rows]]
    chart.categoryAxis.categoryNames = [name for name, _ in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.strokeColor = RULE
    _value_axis(chart, max([n for _, n in rows] + [0]))
    _bar_labels(chart, "w")
    chart.barLabels.dx = 3
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = SERIES[2]
    drawing.add(chart)
    axis_title = String(chart.x + chart.width / 2, 2 * mm, "aantal ideeën", fontName=FONT, fontSize=7.5)
    axis_title.textAnchor = "middle"
    axis_title.fillColor = MUTED
    drawing.add(axis_title)
    return drawing


# --- tables -----------------------------------------------------------------------------------------------------------


def _count_table(header: str, rows: Sequence[tuple[str, int]], whole: int, *, share: str = "Aandeel") -> Flowable:
    body: list[list[str | Flowable]] = [[name, count(n), percent(n, whole)] for name, n in rows]
    body.append(["Totaal", count(sum(n for _, n in rows)), ""])
    return table([header, "Aantal", share], body, [WIDTH - 60 * mm, 30 * mm, 30 * mm], numeric=(1, 2), total_row=True)


def _comparison(fig: OverviewFigures, before: OverviewFigures) -> Flowable:
    lines: list[tuple[str, Callable[[OverviewFigures], int]]] = [
        ("Ideeën binnengekomen", lambda f: f.received),
        ("Ideeën afgesloten", lambda f: f.closed),
        ("Waarvan gerealiseerd", lambda f: f.realised),
        ("Koppelingen gemaakt", lambda f: f.matches),
        ("Met een toezegging", lambda f: f.committed),
    ]
    return table(
        ["Kerncijfer", "Deze periode", "Periode ervoor", "Verschil"],
        [[label, count(get(fig)), count(get(before)), difference(get(fig), get(before))] for label, get in lines],
        [WIDTH - 105 * mm, 35 * mm, 35 * mm, 35 * mm],
        numeric=(1, 2, 3),
    )


def _per_area(fig: OverviewFigures) -> Flowable:
    return table(
        ["Wijk of dorp", "Ideeën", "Koppelingen", "Afgesloten", "Gerealiseerd"],
        [[a.name, count(a.received), count(a.matches), count(a.closed), count(a.realised)] for a in fig.areas]
        + [["Totaal", count(fig.received), count(fig.matches), count(fig.closed), count(fig.realised)]],
        [WIDTH - 112 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm],
        numeric=(1, 2, 3, 4),
        total_row=True,
    )


def build_overview_report(
    s: Session, date_from: date, date_to: date, out: Path | BinaryIO, *, today: date | None = None
) -> None:
    """Write the overview of the period ``date_from``–``date_to`` (both included) as a PDF to ``out``."""
    fig = overview_figures(s, date_from, date_to)
    before_from, before_to = previous_period(date_from, date_to)
    before = overview_figures(s, before_from, before_to, detail=False)
    period = f"{format_date(date_from)} tot en met {format_date(date_to)}"
    info = report_info(s, f"{TITLE} {period}", f"Ideeën en koppelingen van {period}, voor college en raad", today)
    story: list[Flowable] = [
        para(f"{TITLE} ideeën en koppelingen", "title"),
        para(f"Periode: {period}", "subtitle"),
        para("Samenvatting", "h2"),
        para(summary(fig, before)),
        *keep(
            [
                para("Vergeleken met de periode ervoor", "h2"),
                para(
                    f"De periode ervoor is {format_date(before_from)} tot en met {format_date(before_to)}, "
                    "even lang als deze.",
                    "small",
                ),
                _comparison(fig, before),
            ]
        ),
    ]
    if fig.empty:
        story += [para("Cijfers", "h2"), para(NO_DATA)]
        build_pdf(out, info, story)
        return
    story += [
        *keep(
            [
                para("Per maand", "h2"),
                figure(month_chart(fig), month_chart_text(fig)),
            ]
        ),
    ]
    story += keep_short(
        [
            para("Ideeën per wijk", "h2"),
            para(
                "Waar de ideeën vandaan kwamen die in deze periode binnenkwamen, en per wijk de koppelingen die "
                "werden gemaakt en de ideeën die werden afgesloten. Buurten tellen mee bij hun wijk.",
                "small",
            ),
            _per_area(fig),
        ]
    )
    story += keep_short(
        [
            para("Ideeën per thema", "h2"),
            para(
                "Een idee kan bij meer dan één thema horen. Daarom is het totaal soms hoger dan het aantal ideeën.",
                "small",
            ),
            _count_table("Thema", fig.by_theme, fig.received, share="Van de ideeën")
            if fig.by_theme
            else para("Er kwamen in deze periode geen ideeën met een thema binnen."),
        ]
    )
    story += keep_short(
        [
            para("Ideeën per status", "h2"),
            para("De status van vandaag van de ideeën die in deze periode binnenkwamen.", "small"),
            _count_table("Status", fig.by_status, fig.received),
        ]
    )
    ending: list[Flowable] = [
        para("Hoe liepen de ideeën af?", "h2"),
        para("Ideeën die in deze periode zijn afgesloten, naar uitkomst.", "small"),
    ]
    if fig.closed:
        ending += [
            figure(outcome_chart(fig), outcome_chart_text(fig)),
            Spacer(1, 2 * mm),
            _count_table("Uitkomst", fig.outcomes, fig.closed),
        ]
    else:
        ending.append(para("In deze periode is geen idee afgesloten."))
    story += keep(ending)
    linked: list[Flowable] = [para("Koppelingen", "h2")]
    if fig.matches:
        linked += [
            para(
                f"In deze periode zijn {matches_word(fig.matches)} gemaakt. Bij {count(fig.committed)} daarvan zegde "
                "de organisatie hulp toe (toegezegd of afgerond).",
            ),
            _count_table("Stand van de koppeling", [r for r in fig.matches_by_status if r[1]], fig.matches),
        ]
    else:
        linked.append(para("In deze periode zijn geen koppelingen gemaakt."))
    story += keep_short(linked)
    story += keep_short(
        [
            para("Cijfers per maand", "h2"),
            table(
                ["Maand", "Ideeën binnen", "Koppelingen", "Afgesloten"],
                [
                    [f"{MONTH_NAMES[m.month - 1]} {m.year}", count(m.ideas), count(m.matches), count(m.closed)]
                    for m in fig.months
                ]
                + [["Totaal", count(fig.received), count(fig.matches), count(fig.closed)]],
                [WIDTH - 105 * mm, 35 * mm, 35 * mm, 35 * mm],
                numeric=(1, 2, 3),
                total_row=True,
            ),
        ]
    )
    build_pdf(out, info, story)
