"""The one stylesheet of every report: embedded font, paragraph styles, tables, and the A4 page with header and
footer ("pagina X van Y").

Paragraph text is XML markup, so user text always goes through :func:`para` (or :func:`esc`) first.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepTogether,
    PageTemplate,
    Table,
    TableStyle,
)

from makelaar.domain.formatting import format_date
from makelaar.reports.fonts import FONT, FONT_BOLD, register_fonts
from makelaar.reports.tagging import Figure, TaggedParagraph, TaggedTable, Tagger, artifact, finish, list_items
from makelaar.reports.text import keep_phone_numbers, plain, with_fallback

LANGUAGE = "nl-NL"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
HEADER_SPACE = 16 * mm
FOOTER_SPACE = 12 * mm
# The width a flowable may take.
WIDTH = PAGE_WIDTH - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#0b5394")
RULE = colors.HexColor("#9aa5b1")
SHADE = colors.HexColor("#e8eef5")
# Chart colours that stay apart when printed in grey as well.
SERIES = [colors.HexColor("#0b5394"), colors.HexColor("#e69138"), colors.HexColor("#6aa84f"), MUTED]

# Paragraphs look their font up when they are made, so the font is there as soon as the stylesheet is.
register_fonts()


def _style(name: str, **kw: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 10, "leading": 13.5, "textColor": INK, "alignment": TA_LEFT}
    base.update(kw)
    return ParagraphStyle(name, **base)


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", fontName=FONT_BOLD, fontSize=18, leading=23, spaceAfter=4, textColor=ACCENT),
    "subtitle": _style("subtitle", fontSize=11, leading=15, textColor=MUTED, spaceAfter=8),
    "h2": _style(
        "h2",
        fontName=FONT_BOLD,
        fontSize=13,
        leading=17,
        spaceBefore=10,
        spaceAfter=4,
        textColor=ACCENT,
        keepWithNext=1,
    ),
    "h3": _style("h3", fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=6, spaceAfter=2, keepWithNext=1),
    "body": _style("body", spaceAfter=4),
    "small": _style("small", fontSize=8.5, leading=11, textColor=MUTED),
    "cell": _style("cell", fontSize=9, leading=11.5),
    "cellbold": _style("cellbold", fontName=FONT_BOLD, fontSize=9, leading=11.5),
    "head": _style("head", fontName=FONT_BOLD, fontSize=9, leading=11.5, textColor=colors.white),
    "num": _style("num", fontSize=9, leading=11.5, alignment=TA_RIGHT),
    "headnum": _style(
        "headnum", fontName=FONT_BOLD, fontSize=9, leading=11.5, textColor=colors.white, alignment=TA_RIGHT
    ),
    "bullet": _style("bullet", leftIndent=12, bulletIndent=2, bulletFontName=FONT, spaceAfter=2),
    "card_ref": _style("card_ref", fontName=FONT_BOLD, fontSize=15, leading=19),
}


def esc(text: object) -> str:
    """User text made safe for Paragraph markup: line breaks kept, phone numbers kept on one line, characters the
    report font lacks set in the fallback font (see :mod:`makelaar.reports.text`)."""
    safe = escape("" if text is None else str(text)).replace("\n", "<br/>")
    return with_fallback(keep_phone_numbers(safe))


def para(text: object, style: str = "body") -> TaggedParagraph:
    """A paragraph of plain (user) text: escaped, never read as markup. Its style makes it a heading (title,
    h2, h3) or a paragraph in the PDF's structure."""
    return TaggedParagraph(esc(text), STYLES[style])


def markup(xml: str, style: str = "body") -> TaggedParagraph:
    """A paragraph of trusted markup; every user part in it must already have gone through :func:`esc`."""
    return TaggedParagraph(xml, STYLES[style])


def bullets(items: Sequence[str]) -> list[Flowable]:
    """A bulleted list; every item is trusted markup (user parts already through :func:`esc`)."""
    return list(list_items([TaggedParagraph(item, STYLES["bullet"], bulletText="•") for item in items]))


def figure(drawing: Flowable, alt: str) -> Figure:
    """A chart or picture with the sentence a screen reader says instead (what it shows, with its figures)."""
    return Figure(drawing, alt)


# The height of the body of a page, and how much of it must be left to start a block that cannot be kept whole.
BODY_HEIGHT = PAGE_HEIGHT - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE
MIN_START = 0.2 * BODY_HEIGHT
# A heading with what follows moves to the next page whole only up to this height; a taller group starts where
# it is, so no page is left nearly empty for a long table.
SHORT_GROUP = 0.4 * BODY_HEIGHT


class Keep(KeepTogether):
    """Flowables kept on one page: moved to the next page whole when they do not fit here but do on a page; when
    they fit on no page, they start here (if a fifth of the page is left), so no page is left nearly empty."""

    whole_up_to = BODY_HEIGHT

    def __init__(self, flowables: Sequence[Flowable], maxHeight: float | None = None) -> None:
        super().__init__(list(flowables), maxHeight)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        if aH >= self._H or aH >= BODY_HEIGHT - 1:
            return content
        if self.whole_up_to >= self._H or aH < MIN_START:
            return [FrameBreak(), *content]
        return content


class KeepWithNext(Keep):
    """A heading with the flowable it introduces (ReportLab groups them by ``keepWithNext``)."""

    whole_up_to = SHORT_GROUP


def keep(flowables: Sequence[Flowable]) -> list[Flowable]:
    """The flowables on one page together (a heading with what it introduces, an idea with its suggestions)."""
    return [Keep(list(flowables))]


def attach_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading right before a kept block goes into that block, so the two cannot end up on separate pages."""
    out: list[Flowable] = []
    for f in story:
        while isinstance(f, Keep) and out and out[-1].getKeepWithNext():
            f = type(f)([out.pop(), *f._content])
        out.append(f)
    return out


# A table of up to this many rows moves to the next page whole, with its heading, rather than leaving one or two
# rows (or only its heading) at the bottom of a page.
SHORT_TABLE = 24


def keep_short(flowables: Sequence[Flowable]) -> list[Flowable]:
    """A heading with what follows, together on one page when the tables in it are short; a long table may run
    over pages (its header repeats), but its heading and first rows stay together."""
    if all(len(getattr(f, "_cellvalues", ())) <= SHORT_TABLE for f in flowables):
        return keep(flowables)
    return list(flowables)


Cell: TypeAlias = str | Flowable

# A table sets its cells' font on the canvas even when every cell is a flowable; without this it is Helvetica,
# which would then sit unembedded in the PDF.
CELL_FONT: list[tuple[Any, ...]] = [("FONT", (0, 0), (-1, -1), FONT, 9)]


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    total_row: bool = False,
) -> Table:
    """A table whose header repeats on every page. Strings are user text (escaped); columns in ``numeric`` are
    right-aligned; ``total_row`` sets the last row in bold."""

    def cell(value: Cell, col: int, style: str) -> Flowable:
        if isinstance(value, Flowable):
            return value
        if col in numeric:
            style = "headnum" if style == "head" else "num"
        return para(value, style)

    data = [[cell(h, i, "head") for i, h in enumerate(header)]]
    for n, row in enumerate(rows):
        bold = total_row and n == len(rows) - 1
        data.append([cell(v, i, "cellbold" if bold else "cell") for i, v in enumerate(row)])
    t = TaggedTable(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", header_rows=1)
    commands: list[tuple[Any, ...]] = [
        *CELL_FONT,
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for n in range(2, len(data), 2):
        commands.append(("BACKGROUND", (0, n), (-1, n), SHADE))
    if total_row and rows:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, INK))
    t.setStyle(TableStyle(commands))
    return t


def facts(rows: Sequence[tuple[str, Cell]], label_width: float = 42 * mm) -> Table:
    """Label-value pairs ("Wijk: Oosterhoek") as a borderless two-column table; empty values are left out."""
    data = [
        [para(label, "cellbold"), value if isinstance(value, Flowable) else para(value, "cell")]
        for label, value in rows
        if isinstance(value, Flowable) or str(value).strip()
    ]
    if not data:
        data = [[para("", "cell"), para("", "cell")]]
    t = TaggedTable(data, colWidths=[label_width, WIDTH - label_width], hAlign="LEFT", header_cols=1)
    t.setStyle(
        TableStyle(
            [
                *CELL_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return t


def fit(text: str, font: str, size: float, room: float) -> str:
    """One line of ``text`` no wider than ``room``: shortened at a word with "…" when it is too long."""
    text = " ".join(plain(text).split())
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    words = text.split(" ")
    while len(words) > 1 and pdfmetrics.stringWidth(" ".join(words) + " …", font, size) > room:
        words.pop()
    short = " ".join(words)
    while short and pdfmetrics.stringWidth(short + "…", font, size) > room:
        short = short[:-1]
    return short.rstrip(" ,·-") + (" …" if len(words) > 1 else "…")


# --- the page -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInfo:
    """What every page and the PDF's metadata say."""

    title: str
    subject: str
    municipality: str
    printed_on: date
    logo: ImageReader | None = None


class _NumberedCanvas(Canvas):
    """Keeps every page until the end, so the footer can say "pagina X van Y" (the total is known only then).
    Carries the :class:`Tagger` that records the structure while the story is drawn."""

    tagger: Tagger

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self.tagger.page += 1
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            with artifact(self, "Footer"):
                self.setFont(FONT, 8.5)
                self.setFillColor(MUTED)
                self.drawRightString(PAGE_WIDTH - MARGIN, MARGIN - 8 * mm, f"pagina {number} van {total}")
            super().showPage()
        super().save()


class ReportDocument(BaseDocTemplate):
    """A4 with the municipality and the report's title at the top, the print date and page numbers at the bottom."""

    def __init__(self, out: Path | BinaryIO, info: ReportInfo) -> None:
        register_fonts()
        self.info = info
        target: str | BinaryIO = str(out) if isinstance(out, Path) else out
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE,
            bottomMargin=MARGIN + FOOTER_SPACE,
            title=info.title,
            author=info.municipality,
            subject=info.subject,
            creator="Makelaar",
            lang=LANGUAGE,
            initialFontName=FONT,
            keepTogetherClass=KeepWithNext,
        )
        # No padding: body, tables and the header share one left and one right margin.
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        info = self.info
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN
        left = MARGIN
        with artifact(canvas, "Header"):
            if info.logo is not None:
                # A logo from the settings, 12 mm high, before the municipality's name.
                canvas.drawImage(
                    info.logo, left, top - 12 * mm, height=12 * mm, width=30 * mm, preserveAspectRatio=True, anchor="w"
                )
                left += 32 * mm
            room = PAGE_WIDTH - MARGIN - left
            canvas.setFillColor(ACCENT)
            canvas.setFont(FONT_BOLD, 10)
            canvas.drawString(left, top - 4 * mm, fit(info.municipality, FONT_BOLD, 10, room))
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, 9)
            canvas.drawString(left, top - 9 * mm, fit(info.title, FONT, 9, room))
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, top - 12 * mm, PAGE_WIDTH - MARGIN, top - 12 * mm)
        with artifact(canvas, "Footer"):
            bottom = MARGIN - 4 * mm
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, bottom, PAGE_WIDTH - MARGIN, bottom)
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, 8.5)
            canvas.drawString(MARGIN, MARGIN - 8 * mm, f"Afgedrukt op {format_date(info.printed_on)}")
        canvas.restoreState()


def build_pdf(out: Path | BinaryIO, info: ReportInfo, story: list[Flowable]) -> None:
    """Lay out the story and write it as a tagged PDF (PDF/UA-1) to ``out``."""
    tagger = Tagger()

    def canvas(*args: Any, **kw: Any) -> _NumberedCanvas:
        made = _NumberedCanvas(*args, **kw)
        made.tagger = tagger
        return made

    raw = io.BytesIO()
    ReportDocument(raw, info).build(attach_headings(story), canvasmaker=canvas)
    tagged = finish(
        raw.getvalue(),
        tagger,
        title=info.title,
        author=info.municipality,
        subject=info.subject,
        language=LANGUAGE,
    )
    if isinstance(out, Path):
        out.write_bytes(tagged)
    else:
        out.write(tagged)
