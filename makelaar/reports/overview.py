"""Overzicht for a period, for the college and the council: ideas per theme, wijk, status and outcome,
koppelingen and how many led to a commitment, the trend per month — tables and charts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer
from sqlalchemy.orm import Session

from makelaar.domain.formatting import format_date, format_decimal
from makelaar.reports.common import report_info
from makelaar.reports.figures import OverviewFigures, overview_figures
from makelaar.reports.style import FONT, INK, MUTED, RULE, SERIES, WIDTH, build_pdf, facts, figure, para, table

TITLE = "Overzicht"
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip


def count(n: int) -> str:
    """12345 -> '12.345' (a Dutch thousands separator)."""
    return f"{n:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    return f"{format_decimal(100 * part / whole, 0)}%" if whole else "–"


def _count_table(header: str, rows: Sequence[tuple[str, int]], whole: int, *, share: str = "Aandeel") -> Flowable:
    body: list[list[str | Flowable]] = [[name, count(n), percent(n, whole)] for name, n in rows]
    body.append(["Totaal", count(sum(n for _, n in rows)), ""])
    return table([header, "Aantal", share], body, [WIDTH - 60 * mm, 30 * mm, 30 * mm], numeric=(1, 2), total_row=True)


def month_chart(fig: OverviewFigures, width: float = WIDTH, height: float = 70 * mm) -> Drawing:
    """Ideas received and koppelingen made per month, side by side."""
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 16 * mm
    chart.width, chart.height = width - 16 * mm, height - 26 * mm
    chart.data = [[m.ideas for m in fig.months], [m.matches for m in fig.months]]
    step = max(1, -(-len(fig.months) // 18))  # at most 18 labels under the bars
    chart.categoryAxis.categoryNames = [
        f"{MONTHS[m.month - 1]} {m.year % 100:02d}" if i % step == 0 else "" for i, m in enumerate(fig.months)
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 45 if len(fig.months) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(fig.months) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.barSpacing = 0.5
    chart.groupSpacing = 3
    chart.bars.strokeColor = None
    for i in range(2):
        chart.bars[i].fillColor = SERIES[i]
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 14 * mm, height - 3 * mm
    legend.fontName = FONT
    legend.fontSize = 8
    legend.columnMaximum = 1
    legend.deltax = 60 * mm
    legend.alignment = "right"
    legend.colorNamePairs = [(SERIES[0], "ideeën binnengekomen"), (SERIES[1], "koppelingen gemaakt")]
    drawing.add(legend)
    return drawing


def outcome_chart(fig: OverviewFigures, width: float = WIDTH, height: float = 48 * mm) -> Drawing:
    """How the ideas closed in the period ended, as horizontal bars with their numbers."""
    drawing = Drawing(width, height, initialFontName=FONT)
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 4 * mm
    chart.width, chart.height = width - 56 * mm, height - 8 * mm
    # Bars from top to bottom in the order of the table: the axis runs from the bottom up.
    rows = list(reversed(fig.outcomes))
    chart.data = [[n for _, n in rows]]
    chart.categoryAxis.categoryNames = [name for name, _ in rows]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.fillColor = INK
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = SERIES[2]
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    if not fig.closed:
        drawing.add(String(width / 2, height / 2, "geen ideeën afgesloten", fontName=FONT, fontSize=9, fillColor=MUTED))
    return drawing


def month_chart_text(fig: OverviewFigures) -> str:
    """The month chart in one sentence, with its figures, for readers who cannot see it."""
    parts = [f"{MONTH_NAMES[m.month - 1]} {m.year}: {m.ideas} en {m.matches}" for m in fig.months]
    return (
        "Staafdiagram van het aantal ideeën dat binnenkwam en het aantal koppelingen dat werd gemaakt, per maand. "
        + "; ".join(parts)
        + "."
    )


def outcome_chart_text(fig: OverviewFigures) -> str:
    if not fig.closed:
        return "Staafdiagram van de uitkomsten: in deze periode is geen idee afgesloten."
    parts = [f"{name} {n}" for name, n in fig.outcomes]
    return f"Staafdiagram van hoe de {fig.closed} afgesloten ideeën afliepen: " + ", ".join(parts) + "."


def build_overview_report(
    s: Session, date_from: date, date_to: date, out: Path | BinaryIO, *, today: date | None = None
) -> None:
    """Write the overview of the period ``date_from``–``date_to`` (both included) as a PDF to ``out``."""
    fig = overview_figures(s, date_from, date_to)
    period = f"{format_date(date_from)} tot en met {format_date(date_to)}"
    info = report_info(s, f"{TITLE} {period}", f"Ideeën en koppelingen van {period}, voor college en raad", today)
    realised = dict(fig.outcomes).get("gerealiseerd", 0)
    story: list[Flowable] = [
        para(f"{TITLE} ideeën en koppelingen", "title"),
        para(f"Periode: {period}", "subtitle"),
        para(
            "Dit overzicht laat zien hoeveel ideeën van bewoners er binnenkwamen, waar ze over gingen en hoe ze "
            "afliepen. Ook staat erin hoeveel koppelingen met organisaties er zijn gemaakt, en hoe vaak een "
            "organisatie echt hulp toezegde."
        ),
        para("Kerncijfers", "h2"),
        facts(
            [
                ("Ideeën binnengekomen", count(fig.received)),
                ("Ideeën afgesloten", count(fig.closed)),
                (
                    "Waarvan gerealiseerd",
                    f"{count(realised)} ({percent(realised, fig.closed)} van de afgesloten ideeën)",
                ),
                ("Koppelingen gemaakt", count(fig.matches)),
                (
                    "Met een toezegging",
                    f"{count(fig.committed)} ({percent(fig.committed, fig.matches)} van de koppelingen: "
                    "toegezegd of afgerond)",
                ),
            ],
            60 * mm,
        ),
        para("Per maand", "h2"),
        figure(month_chart(fig), month_chart_text(fig)),
        para("Ideeën per thema", "h2"),
        para(
            "Een idee kan bij meer dan één thema horen. Daarom is het totaal soms hoger dan het aantal ideeën.", "small"
        ),
        _count_table("Thema", fig.by_theme, fig.received, share="Van de ideeën"),
        para("Ideeën per wijk", "h2"),
        _count_table("Wijk", fig.by_area, fig.received),
        para("Ideeën per status", "h2"),
        para("De status van vandaag van de ideeën die in deze periode binnenkwamen.", "small"),
        _count_table("Status", fig.by_status, fig.received),
        KeepTogether(
            [
                para("Hoe liepen de ideeën af?", "h2"),
                para("Ideeën die in deze periode zijn afgesloten, naar uitkomst.", "small"),
                figure(outcome_chart(fig), outcome_chart_text(fig)),
                Spacer(1, 2 * mm),
                _count_table("Uitkomst", fig.outcomes, fig.closed),
            ]
        ),
        para("Koppelingen", "h2"),
        para(
            f"In deze periode zijn {count(fig.matches)} koppelingen gemaakt. "
            f"Bij {count(fig.committed)} daarvan zegde de organisatie hulp toe (toegezegd of afgerond).",
        ),
        _count_table("Stand van de koppeling", fig.matches_by_status, fig.matches),
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
    build_pdf(out, info, story)
