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
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from makelaar.domain.enums import MatchStatus
from makelaar.domain.formatting import format_date
from makelaar.domain.matching import Suggestion
from makelaar.domain.records import IdeaData, MatchRow, SessionData
from makelaar.reports.common import Names, report_info
from makelaar.reports.privacy import visible_person
from makelaar.reports.style import CELL_FONT, FONT, INK, RULE, WIDTH, build_pdf, esc, facts, figure, markup, para, table
from makelaar.reports.tagging import Decoration, TaggedTable
from makelaar.services import ideas, matches, matching, sessions
from makelaar.services.listing import ListQuery

TITLE = "Wijktafelverslag"
TOP = 3
QR_SIZE = 34 * mm
TICK = "\u2610"  # ☐, in DejaVu Sans


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
    head: list[Flowable] = [markup(f"{esc(idea.reference)} · {esc(idea.title)}", "h3"), facts(rows, 34 * mm)]
    if idea.description:
        head.append(para(idea.description, "cell"))
    out: list[Flowable] = [KeepTogether(head), Spacer(1, 2 * mm)]
    if entry.suggestions:
        out.append(
            table(
                ["", "Voorgestelde partner", "Waarom"],
                [[str(n), sug.name, "; ".join(sug.reasons)] for n, sug in enumerate(entry.suggestions, start=1)],
                [8 * mm, 62 * mm, WIDTH - 70 * mm],
            )
        )
    else:
        out.append(para("Geen passende organisatie gevonden. De makelaar zoekt verder.", "small"))
    out.append(Spacer(1, 4 * mm))
    return out


def _matchkaart(entry: _Entry, names: Names) -> Flowable:
    idea = entry.idea
    reference = idea.reference or ""
    left = [figure(qr_drawing(reference), f"QR-code met nummer {reference}"), para(reference, "small")]
    ticks = [markup(f'<font size="13">{TICK}</font>  {esc(sug.name)}', "cell") for sug in entry.suggestions]
    ticks.append(markup(f'<font size="13">{TICK}</font>  Andere partner: ' + "." * 60, "cell"))
    lines = Table([[""]] * 3, colWidths=[WIDTH - 50 * mm], rowHeights=[7 * mm] * 3)
    lines.setStyle(TableStyle([*CELL_FONT, ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)]))
    right: list[Flowable] = [
        para(reference, "card_ref"),
        para(idea.title, "cellbold"),
        para(" · ".join(x for x in (names.area(idea.area_id), names.term_list(idea.need_ids)) if x), "small"),
        Spacer(1, 2 * mm),
        para("Welke partners passen? Zet een kruisje.", "cell"),
        *ticks,
        Spacer(1, 2 * mm),
        para("Afspraken en notities:", "cell"),
        Decoration(lines),
    ]
    card = TaggedTable([[left, right]], colWidths=[44 * mm, WIDTH - 44 * mm], layout=True)
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
    return KeepTogether([card, Spacer(1, 6 * mm)])


def build_session_report(s: Session, session_id: str, out: Path | BinaryIO, *, today: date | None = None) -> None:
    """Write the wijktafelverslag of one session as a PDF to ``out``."""
    session: SessionData = sessions.get_session(s, session_id)
    names = Names.load(s)
    entries = [
        _Entry(
            idea=idea,
            suggestions=matching.suggest(s, idea.id or "", top=TOP),
            linked=matches.matches_for_idea(s, idea.id or ""),
        )
        for idea in session_ideas(s, session_id)
    ]
    info = report_info(s, f"{TITLE} {session.reference}", f"Ideeën en suggesties van {session.title}", today)
    story: list[Flowable] = [
        para(TITLE, "title"),
        markup(f"{esc(session.title)} · {esc(format_date(session.held_on))}", "subtitle"),
        facts(
            [
                ("Nummer", session.reference or ""),
                ("Datum", format_date(session.held_on)),
                ("Plaats", session.place or ""),
                ("Wijk", names.area(session.area_id)),
                ("Ideeën", str(len(entries))),
                ("Notities", session.notes or ""),
            ]
        ),
        para(
            f"Dit zijn de ideeën van deze avond. Bij elk idee staan de {TOP} organisaties die het best "
            "lijken te passen, met de reden. Achterin staat per idee een matchkaart om uit te knippen.",
        ),
        para("Ideeën van deze avond", "h2"),
    ]
    if not entries:
        story.append(para("Bij deze wijktafel zijn nog geen ideeën vastgelegd."))
    for entry in entries:
        story += _idea_block(entry, names)
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
        story += [_matchkaart(entry, names) for entry in entries]
    build_pdf(out, info, story)
