"""How fast the reports are: the koppelingsrapport on the demo store (target < 0.3 s) and the overview over the
100,000-idea store (target < 5 s), each next to plain ReportLab drawing the same content from fixed data (no
database, no page template, same embedded font) — the floor.

    .venv/bin/python bench/reports_speed.py [bench/out/bench.sqlite] [--repeat 5] [--from 2022-01-01 --to 2026-12-31]

Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from makelaar.reports import build_matching_report, build_overview_report
from makelaar.reports.style import FONT, FONT_BOLD, register_fonts
from makelaar.services import demo, ideas, matches
from makelaar.services.figures import OverviewFigures, overview_figures
from makelaar.services.listing import ListQuery
from makelaar.storage.store import open_store

TARGET_MATCHING = 0.3
TARGET_OVERVIEW = 5.0


def timed(run: Callable[[], None], repeat: int) -> float:
    """The median of ``repeat`` runs after one warm-up (imports, font loading, caches)."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --- plain ReportLab: the same content, fixed data --------------------------------------------------------------------

BODY = ParagraphStyle("b", fontName=FONT, fontSize=10, leading=13)
HEAD = ParagraphStyle("h", fontName=FONT_BOLD, fontSize=13, leading=17)


def plain_pdf(story: list[Flowable]) -> None:
    SimpleDocTemplate(io.BytesIO(), pagesize=A4, title="t", author="a", subject="s", lang="nl-NL").build(story)


def plain_table(rows: list[list[str]]) -> Table:
    t = Table([[Paragraph(c, BODY) for c in row] for row in rows], repeatRows=1)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("LINEBELOW", (0, 0), (-1, -1), 0.4, "grey")]))
    return t


def plain_matching(facts: list[list[str]], partners: list[list[str]], text: str) -> None:
    """The partners' version as Makelaar writes it, in plain ReportLab: per partner a page with why it gets it, what
    is asked of it, the idea's facts and description, who else takes part and whom to call."""
    story: list[Flowable] = [Paragraph("Koppelingsrapport", HEAD)]
    for n, row in enumerate(partners[1:]):
        if n:
            story.append(PageBreak())
        story += [
            Paragraph(f"Voor {row[0]}", HEAD),
            Paragraph(INTRO, BODY),
            Paragraph("Wat vragen we van u?", HEAD),
            plain_table([["Gevraagd", row[1]], ["Wat we vragen", row[2]], ["Afspraak", row[3]]]),
            Paragraph("Het idee", HEAD),
            plain_table(facts),
            Paragraph(text, BODY),
            Paragraph("Wie doen er nog meer mee?", HEAD),
            *(Paragraph(f"{other[0]} helpt met {other[1]}.", BODY) for other in partners[1:] if other is not row),
            Paragraph("Wie kunt u bellen of mailen?", HEAD),
            plain_table([["Makelaar", "naam, telefoon, e-mail"]]),
        ]
    plain_pdf(story)


def idea_facts(idea: Any) -> list[list[str]]:
    """The idea's rows on a partner page (what Makelaar shows, with its own values as text)."""
    return [
        ["Nummer", idea.reference or ""],
        ["Titel", idea.title],
        ["Wijk", str(idea.area_id or "")],
        ["Thema's", ", ".join(idea.theme_ids)],
        ["Binnengekomen op", str(idea.received_on or "")],
        ["Aantal mensen", str(idea.team_size or "")],
        ["Gevraagd bedrag", str(idea.requested_amount or "")],
        ["Stand van zaken", idea.status],
        ["Initiatiefnemer", ", ".join(i.name for i in idea.initiators)],
    ]


def partner_rows(found: Sequence[Any]) -> list[list[str]]:
    """The koppelingen a partner version is made for (not the ones that said no), as table rows."""
    return [["Organisatie", "Helpt met", "Stand", "Volgende contact"]] + [
        [m.organisation_name, m.need or "", m.status, str(m.follow_up_on or "")]
        for m in found
        if m.status != "afgewezen"
    ]


# What every partner page says first (as long as Makelaar's own text).
INTRO = (
    "U krijgt dit overzicht omdat uw organisatie betrokken is bij dit idee van een bewoner. Hieronder staat wat we "
    "van u vragen en wie u kunt bellen. Gegevens van bewoners staan er alleen in als zij daar toestemming voor gaven."
)


def plain_overview(fig: OverviewFigures) -> None:
    chart = VerticalBarChart()
    chart.width, chart.height = 160 * mm, 50 * mm
    chart.data = [[m.ideas for m in fig.months], [m.matches for m in fig.months]]
    chart.categoryAxis.categoryNames = [f"{m.month}-{m.year}" for m in fig.months]
    chart.categoryAxis.labels.fontName = chart.valueAxis.labels.fontName = FONT
    months = Drawing(170 * mm, 60 * mm, initialFontName=FONT)
    months.add(chart)
    outcome = VerticalBarChart()
    outcome.data = [[n for _, n in fig.outcomes]]
    outcome.categoryAxis.categoryNames = [name for name, _ in fig.outcomes]
    outcome.categoryAxis.labels.fontName = outcome.valueAxis.labels.fontName = FONT
    outcomes = Drawing(170 * mm, 50 * mm, initialFontName=FONT)
    outcomes.add(outcome)
    story: list[Flowable] = [Paragraph("Overzicht", HEAD), months]
    for title, rows in (
        ("Thema", fig.by_theme),
        ("Wijk", fig.by_area),
        ("Status", fig.by_status),
        ("Uitkomst", fig.outcomes),
        ("Koppelingen", fig.matches_by_status),
    ):
        story += [Paragraph(title, HEAD), plain_table([[title, "Aantal"]] + [[k, str(v)] for k, v in rows])]
    story += [
        outcomes,
        plain_table(
            [["Maand", "Ideeën", "Koppelingen"]]
            + [[f"{m.month}-{m.year}", str(m.ideas), str(m.matches)] for m in fig.months]
        ),
    ]
    plain_pdf(story)


# --- the runs ---------------------------------------------------------------------------------------------------------


def bench_matching(repeat: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'demo.sqlite'}")
        try:
            with store.begin() as s:
                demo.fill(s)
            with store.begin() as s:
                # The idea with the most koppelingen: the biggest report.
                rows = ideas.list_ideas(s, ListQuery(), limit=1000)
                idea_id = max(rows, key=lambda r: len(matches.matches_for_idea(s, r.id))).id
                found = matches.matches_for_idea(s, idea_id)
                idea = ideas.get_idea(s, idea_id)

            def ours() -> None:
                with store.begin() as s:
                    build_matching_report(s, idea_id, io.BytesIO(), audience="partners")

            ours_time = timed(ours, repeat)
        finally:
            store.close()
    facts = idea_facts(idea)
    partners = partner_rows(found)
    plain_time = timed(lambda: plain_matching(facts, partners, idea.description), repeat)
    return ours_time, plain_time


def bench_overview(path: Path, date_from: date, date_to: date, repeat: int) -> tuple[float, float, float]:
    store = open_store(f"sqlite:///{path}")
    try:
        with store.begin() as s:
            fig = overview_figures(s, date_from, date_to)

        def figures_only() -> None:
            with store.begin() as s:
                overview_figures(s, date_from, date_to)

        def ours() -> None:
            with store.begin() as s:
                build_overview_report(s, date_from, date_to, io.BytesIO())

        sql_time = timed(figures_only, repeat)
        ours_time = timed(ours, repeat)
    finally:
        store.close()
    plain_time = timed(lambda: plain_overview(fig), repeat)
    print(f"  ({fig.received:,} ideeën, {fig.matches:,} koppelingen, {len(fig.months)} maanden)")
    return ours_time, plain_time, sql_time


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("store", nargs="?", default="bench/out/bench.sqlite", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--from", dest="date_from", type=date.fromisoformat, default=date(2022, 1, 1))
    p.add_argument("--to", dest="date_to", type=date.fromisoformat, default=date(2026, 12, 31))
    args = p.parse_args()
    register_fonts()
    ok = True

    ours, plain = bench_matching(args.repeat)
    print(
        f"koppelingsrapport (demo)   ours {ours:6.3f} s   plain ReportLab {plain:6.3f} s   ratio {ours / plain:4.1f}x"
    )
    print(f"  target < {TARGET_MATCHING} s: {'ok' if ours < TARGET_MATCHING else 'MISSED'}")
    ok &= ours < TARGET_MATCHING

    if not args.store.exists():
        print(f"{args.store} does not exist; make it with bench/generate.py (see bench/README.md)")
        return 1
    ours, plain, sql = bench_overview(args.store, args.date_from, args.date_to, args.repeat)
    print(
        f"overzicht ({args.store.name})   ours {ours:6.3f} s (of which SQL {sql:5.3f} s)   "
        f"plain ReportLab {plain:6.3f} s   ratio {ours / plain:4.1f}x"
    )
    print(f"  target < {TARGET_OVERVIEW} s: {'ok' if ours < TARGET_OVERVIEW else 'MISSED'}")
    ok &= ours < TARGET_OVERVIEW
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
