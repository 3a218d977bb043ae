"""Wijktafelverslag: every idea of one evening with its top suggestions, and per idea a matchkaart to cut out
(reference as text and as a QR code, tick boxes for the suggested partners, room for notes), so what was agreed
on paper can be entered back by reference afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from makelaar.domain.enums import CLOSED_IDEA_STATUSES, MatchStatus
from makelaar.domain.formatting import format_date
from makelaar.domain.matching import Suggestion
from makelaar.domain.records import IdeaData, MatchRow, SessionData
from makelaar.reports.common import Names, reason_text, report_info
from makelaar.reports.privacy import visible_person
from makelaar.reports.style import (
    CELL_FONT,
    FONT,
    INK,
    RULE,
    WIDTH,
    Keep,
    build_pdf,
    esc,
    facts,
    figure,
    markup,
    para,
    table,
)
from makelaar.reports.tagging import Decoration, TaggedTable, artifact
from makelaar.services import ideas, matches, matching, sessions
from makelaar.services.listing import ListQuery

TITLE = "Wijktafelverslag"
TOP = 3
QR_SIZE = 34 * mm
TICK_BOX = 5 * mm  # a square big enough for a cross with a marker
WRITING_LINES = 4
CLOSED_STATUSES = {s.value for s in CLOSED_IDEA_STATUSES}


@dataclass(frozen=True)
class _Entry:
    idea: IdeaData
    suggestions: list[Suggestion]
    linked: list[MatchRow]


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``value`` as a square drawing ``size`` points wide."""
    widget = QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    sx, sy = size / width, size / height
    drawing = Drawing(size, size, transform=[sx, 0, 0, sy, -x0 * sx, -y0 * sy], initialFontName=FONT)
    drawing.add(widget)
    return drawing


def session_ideas(s: Session, session_id: str) -> list[IdeaData]:
    """The ideas collected at a session, in reference order."""
    rows = ideas.list_ideas(s, ListQuery(session_id=session_id, sort="reference", descending=False), limit=100_000)
    return [ideas.get_idea(s, r.id) for r in rows]


def _idea_block(entry: _Entry, names: Names) -> list[Flowable]:
    """One open idea with its suggestions, on one page together (a long idea may still run over)."""
    idea = entry.idea
    people = [visible_person(i) for i in idea.initiators]
    rows = [
        ("Wijk", names.area(idea.area_id)),
        ("Thema's", names.term_list(idea.theme_ids)),
        ("Nodig", names.term_list(idea.need_ids)),
        ("Initiatiefnemer", ", ".join(p.label for p in people if p.label)),
        ("Contact", "; ".join(p.contact for p in people if p.shared and p.contact)),
        ("Stand van zaken", idea.status),
    ]
    linked = [m for m in entry.linked if m.status != MatchStatus.DECLINED.value]
    if linked:
        rows.append(("Al gekoppeld", ", ".join(f"{m.organisation_name} ({m.status})" for m in linked)))
    block: list[Flowable] = [markup(f"{esc(idea.reference)} · {esc(idea.title)}", "h3"), facts(rows, 34 * mm)]
    if idea.description:
        block.append(para(idea.description, "cell"))
    block.append(Spacer(1, 2 * mm))
    if entry.suggestions:
        block.append(
            table(
                ["Nr.", "Voorgestelde partner", "Waarom deze partner"],
                [[str(n), sug.name, reason_text(sug)] for n, sug in enumerate(entry.suggestions, start=1)],
                [10 * mm, 60 * mm, WIDTH - 70 * mm],
            )
        )
    else:
        block.append(para("Geen passende organisatie gevonden. De makelaar zoekt verder.", "small"))
    return [Keep(block), Spacer(1, 5 * mm)]


def _closed_list(closed: list[IdeaData]) -> list[Flowable]:
    """Ideas of the evening that are closed by now: named with how they ended, no suggestions, no card."""
    return [
        para("Afgesloten ideeën", "h2"),
        para("Deze ideeën van de avond zijn inmiddels afgesloten. Er zijn geen suggesties of matchkaarten voor."),
        table(
            ["Nummer", "Idee", "Hoe het afliep"],
            [[idea.reference or "", idea.title, idea.status] for idea in closed],
            [30 * mm, WIDTH - 75 * mm, 45 * mm],
        ),
    ]


class TickBox(Flowable):
    """An empty square to put a cross in: drawn decoration, so the text layer reads only the partner's name."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return TICK_BOX, TICK_BOX

    def draw(self) -> None:
        with artifact(self.canv):
            self.canv.setStrokeColor(INK)
            self.canv.setLineWidth(0.9)
            self.canv.rect(0, 0, TICK_BOX, TICK_BOX)


def _tick_list(partners: list[str]) -> Flowable:
    """The partners to tick, one per row, each behind its box."""
    ticks = TaggedTable(
        [[TickBox(), para(name, "cell")] for name in partners],
        colWidths=[TICK_BOX + 3 * mm, WIDTH - 46 * mm - TICK_BOX - 15 * mm],
        hAlign="LEFT",
        layout=True,
    )
    ticks.setStyle(
        TableStyle(
            [
                *CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                # Rows as high as their name (a long one takes two lines), at least the box and a gap.
                ("TOPPADDING", (0, 0), (-1, -1), 0.75 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.75 * mm),
            ]
        )
    )
    return ticks


def _matchkaart(entry: _Entry, names: Names, evening: str) -> Flowable:
    idea = entry.idea
    reference = idea.reference or ""
    left = [figure(qr_drawing(reference), f"QR-code met nummer {reference}"), para(reference, "small")]
    lines = Table([[""]] * WRITING_LINES, colWidths=[WIDTH - 52 * mm], rowHeights=[7.5 * mm] * WRITING_LINES)
    lines.setStyle(TableStyle([*CELL_FONT, ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]))
    right: list[Flowable] = [
        para(reference, "card_ref"),
        para(idea.title, "cellbold"),
        para(" · ".join(x for x in (names.area(idea.area_id), names.term_list(idea.need_ids)) if x), "small"),
        para(evening, "small"),
        Spacer(1, 2 * mm),
        para("Welke partners passen? Zet een kruisje.", "cell"),
        _tick_list([sug.name for sug in entry.suggestions] + ["Andere partner:"]),
        Spacer(1, 2 * mm),
        para("Afspraken en notities:", "cell"),
        Decoration(lines),
    ]
    card = TaggedTable([[left, right]], colWidths=[46 * mm, WIDTH - 46 * mm], layout=True)
    card.setStyle(
        TableStyle(
            [
                *CELL_FONT,
                # A dashed line to cut along.
                ("BOX", (0, 0), (-1, -1), 0.8, INK, None, (4, 3)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return Keep([card, Spacer(1, 6 * mm)])


def build_session_report(s: Session, session_id: str, out: Path | BinaryIO, *, today: date | None = None) -> None:
    """Write the wijktafelverslag of one session as a PDF to ``out``: the open ideas with their suggestions, the
    closed ones apart, and a matchkaart per open idea."""
    session: SessionData = sessions.get_session(s, session_id)
    names = Names.load(s)
    collected = session_ideas(s, session_id)
    closed = [idea for idea in collected if idea.status in CLOSED_STATUSES]
    entries = [
        _Entry(
            idea=idea,
            suggestions=matching.suggest(s, idea.id or "", top=TOP),
            linked=matches.matches_for_idea(s, idea.id or ""),
        )
        for idea in collected
        if idea.status not in CLOSED_STATUSES
    ]
    evening = f"{session.title} · {format_date(session.held_on)}"
    info = report_info(s, f"{TITLE} {session.reference}", f"Ideeën en suggesties van {session.title}", today)
    count = f"{len(collected)}" + (f", waarvan {len(closed)} afgesloten" if closed else "")
    story: list[Flowable] = [
        para(TITLE, "title"),
        para(evening, "subtitle"),
        facts(
            [
                ("Nummer", session.reference or ""),
                ("Datum", format_date(session.held_on)),
                ("Plaats", session.place or ""),
                ("Wijk", names.area(session.area_id)),
                ("Ideeën", count),
                ("Notities", session.notes or ""),
            ]
        ),
        Spacer(1, 2 * mm),
        para(
            f"Dit zijn de ideeën van deze avond. Bij elk open idee staan de {TOP} organisaties die het best "
            "lijken te passen, met de reden. Achterin staat per open idee een matchkaart om uit te knippen.",
        ),
        para("Ideeën van deze avond", "h2"),
    ]
    if not collected:
        story.append(para("Bij deze wijktafel zijn nog geen ideeën vastgelegd."))
    elif not entries:
        story.append(para("Alle ideeën van deze avond zijn afgesloten."))
    for entry in entries:
        story += _idea_block(entry, names)
    if closed:
        story += _closed_list(closed)
    if entries:
        story += [
            PageBreak(),
            para("Matchkaarten", "h2"),
            para(
                "Knip de kaarten uit langs de stippellijn. Zet een kruisje bij de partners die passen en schrijf de "
                "afspraken op. Voer de kaart daarna in het programma in met het nummer of de QR-code.",
            ),
            Spacer(1, 3 * mm),
        ]
        story += [_matchkaart(entry, names, evening) for entry in entries]
    build_pdf(out, info, story)
