"""Tagged PDF (PDF/UA-1) for ReportLab, which writes no structure of its own.

While the story is drawn, every tagged flowable wraps what it draws in a marked-content sequence
(``/P <</MCID n>> BDC … EMC``) and records which structure element that sequence belongs to; page headers,
footers, table rules and cut lines are wrapped as ``/Artifact``. After ReportLab has written the file,
:func:`finish` adds what it cannot: the structure tree (in drawing order, which in a one-column story is the
reading order), the parent tree, each page's ``/StructParents``, the document language and title, ``/MarkInfo``,
XMP metadata with the PDF/UA identifier, and bookmarks from the headings.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, FrameBreak, Paragraph, Table
from reportlab.platypus.paragraph import cleanBlockQuotedText

from makelaar.reports.text import break_long_addresses

# Paragraph styles whose paragraphs are headings, by level.
HEADINGS = {"title": "H1", "h2": "H2", "h3": "H3"}
# Headings that become bookmarks, and from how many pages on a report gets them.
BOOKMARKED = ("H1", "H2")
BOOKMARKS_FROM_PAGES = 3


@dataclass(eq=False)
class Node:
    """One structure element: its role, attributes, children (elements and marked content) and, for headings,
    the text and where it starts (page index, y) for the bookmarks."""

    role: str
    parent: Node | None = None
    kids: list[Node | tuple[int, int]] = field(default_factory=list)  # a tuple is (page index, MCID)
    alt: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    place: tuple[int, float] | None = None
    # The text as it is read: a paragraph's lines joined with spaces, where the page has only line breaks.
    actual_text: str = ""

    def add(self, role: str, **kw: Any) -> Node:
        child = Node(role, self, **kw)
        self.kids.append(child)
        return child


class Tagger:
    """The structure recorded while one document is drawn; lives on the canvas as ``canvas.tagger``."""

    def __init__(self) -> None:
        self.root = Node("Document")
        self.parents: list[Node] = [self.root]
        self.page = 0
        self.marked: dict[int, list[Node]] = {}  # page index -> the element of each MCID, in MCID order
        self.artifact_depth = 0
        self.broken_words: list[str] = []  # paragraphs in which a word had to be broken (a layout fault)
        # Elements by key: a paragraph's or table's own token (shared by its split parts), (table, row), a list.
        self._keyed: dict[object, Node] = {}

    @property
    def parent(self) -> Node:
        return self.parents[-1]

    def element(self, role: str, key: object, parent: Node | None = None, **kw: Any) -> Node:
        """The element for ``key``, made under ``parent`` (default: the current one) the first time it is asked."""
        found = self._keyed.get(key)
        if found is None:
            found = (parent or self.parent).add(role, **kw)
            self._keyed[key] = found
        return found

    def known(self, key: object) -> bool:
        return key in self._keyed

    @contextmanager
    def marked_content(self, canvas: Canvas, node: Node) -> Iterator[None]:
        """What is drawn inside belongs to ``node``; nothing is tagged inside an artifact."""
        if self.artifact_depth:
            yield
            return
        mcids = self.marked.setdefault(self.page, [])
        mcid = len(mcids)
        mcids.append(node)
        node.kids.append((self.page, mcid))
        canvas._code.append(f"/{node.role} <</MCID {mcid}>> BDC")
        try:
            yield
        finally:
            canvas._code.append("EMC")

    @contextmanager
    def artifact(self, canvas: Canvas, kind: str = "") -> Iterator[None]:
        """What is drawn inside is decoration or pagination, not content (``kind``: Header, Footer or "")."""
        if self.artifact_depth:
            self.artifact_depth += 1
        else:
            props = f"<</Type /Pagination /Subtype /{kind}>> BDC" if kind else "BMC"
            canvas._code.append(f"/Artifact {props}")
            self.artifact_depth = 1
        try:
            yield
        finally:
            self.artifact_depth -= 1
            if not self.artifact_depth:
                canvas._code.append("EMC")

    @contextmanager
    def inside(self, node: Node) -> Iterator[None]:
        """Elements made inside are children of ``node`` (a table cell, a list item)."""
        self.parents.append(node)
        try:
            yield
        finally:
            self.parents.pop()


def tagger_of(canvas: Canvas) -> Tagger | None:
    return getattr(canvas, "tagger", None)


@contextmanager
def artifact(canvas: Canvas, kind: str = "") -> Iterator[None]:
    """Decoration drawn inside is marked as an artifact (on an untagged canvas: nothing happens)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.artifact(canvas, kind):
        yield


# --- flowables that tag what they draw -------------------------------------------------------------------------


class TaggedParagraph(Paragraph):
    """A paragraph that is a P, a heading (by its style) or a list item's body. Both halves of a paragraph split
    over two pages belong to one element."""

    def __init__(self, text: Any, style: Any, *args: Any, **kw: Any) -> None:
        super().__init__(text, style, *args, **kw)
        self.role = HEADINGS.get(style.name, "P")
        self.key: object = object()
        self.chain: tuple[tuple[str, object], ...] = ()  # enclosing elements by (role, key), outermost first
        self._rewrapped = False

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Laid out as usual; when that had to break a word because an e-mail or web address is wider than the
        line, the address is cut after an @, . or / instead, and laid out again."""
        size = super().wrap(availWidth, availHeight)
        if getattr(self, "_splitLongWordCount", 0) and getattr(self, "text", None) and not self._rewrapped:
            self._rewrapped = True
            style = self.style
            room = availWidth - style.leftIndent - style.rightIndent - 1
            cut = break_long_addresses(self.text, lambda s: stringWidth(s, style.fontName, style.fontSize), room)
            if cut != self.text:
                self._setup(cut, style, self.bulletText, None, cleanBlockQuotedText)
                size = super().wrap(availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        whole = self.text_of_whole()
        parts = super().split(availWidth, availHeight)
        for part in parts:
            if isinstance(part, TaggedParagraph):
                part.role, part.key, part.chain, part.whole = self.role, self.key, self.chain, whole
        return parts

    def text_of_whole(self) -> str:
        """The plain text of the paragraph before any split, on one line."""
        whole = getattr(self, "whole", None)
        return whole if whole is not None else " ".join(self.getPlainText().split())

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        if tagger is None or tagger.artifact_depth:
            super().drawOn(canvas, x, y, _sW)
            return
        if getattr(self, "_splitLongWordCount", 0):
            tagger.broken_words.append(self.text_of_whole())
        parent = tagger.parent
        for role, key in self.chain:
            parent = tagger.element(role, key, parent)
        first = not tagger.known(self.key)
        node = tagger.element(self.role, self.key, parent)
        if first:
            node.actual_text = self.text_of_whole()
            if self.role in BOOKMARKED:
                node.text = node.actual_text
                node.place = (tagger.page, canvas._currentMatrix[5] + y + self.height)
        with tagger.marked_content(canvas, node):
            super().drawOn(canvas, x, y, _sW)


class Figure(Flowable):
    """A drawing (chart, QR code) as a Figure with its alternative text: what a screen reader says instead."""

    def __init__(self, drawing: Flowable, alt: str) -> None:
        super().__init__()
        self.drawing = drawing
        self.alt = alt
        self.width = float(getattr(drawing, "width", 0))
        self.height = float(getattr(drawing, "height", 0))
        self.hAlign = getattr(drawing, "hAlign", "LEFT")

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.drawing.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        tagger = tagger_of(canvas)
        if tagger is None or tagger.artifact_depth:
            self.drawing.drawOn(canvas, 0, 0)
            return
        a, _b, _c, d, e, f = canvas._currentMatrix
        box = [round(e, 2), round(f, 2), round(e + a * self.width, 2), round(f + d * self.height, 2)]
        node = tagger.parent.add("Figure", alt=self.alt, attributes={"O": "Layout", "BBox": box})
        with tagger.marked_content(canvas, node):
            self.drawing.drawOn(canvas, 0, 0)


class Decoration(Flowable):
    """A flowable that is only decoration (writing lines, a cut line): an artifact, never read out."""

    def __init__(self, flowable: Flowable) -> None:
        super().__init__()
        self.flowable = flowable

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self.flowable.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        with artifact(self.canv):
            self.flowable.drawOn(self.canv, 0, 0)


class TaggedTable(Table):
    """A table as Table > TR > TH/TD; the first ``header_rows`` rows hold column headers, the first
    ``header_cols`` columns row headers. A header row repeated on a later page is an artifact (it was read once).
    With ``layout`` it is no table to a reader: its cells' content is read in order, its rules are decoration."""

    def __init__(self, *args: Any, header_rows: int = 0, header_cols: int = 0, layout: bool = False, **kw: Any) -> None:
        kw["renderCB"] = kw.get("renderCB") or _render
        super().__init__(*args, **kw)
        self.header_rows, self.header_cols, self.layout = header_rows, header_cols, layout
        self.key: object = object()
        self.rows: list[int] = list(range(len(self._cellvalues)))  # each row's index in the unsplit table
        self.drawn: set[int] = set()  # shared by the parts of a split table
        self._cell_scope: list[Any] = []

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts = super().split(availWidth, availHeight)
        # No single row alone on the next page: move one more row over when this page keeps enough of them.
        moved = False
        if len(parts) == 2 and isinstance(parts[0], Table) and isinstance(parts[1], Table):
            first, rest = len(parts[0]._cellvalues), len(parts[1]._cellvalues) - self._repeated()
            if rest == 1 and first - self.header_rows >= 3:
                heights = parts[0]._rowHeights
                fewer = super().split(availWidth, sum(heights[:-1]) + 0.01)
                if len(fewer) == 2:
                    parts, moved = fewer, True
        if len(parts) == 2 and all(isinstance(p, TaggedTable) for p in parts):
            head, tail = parts
            assert isinstance(head, TaggedTable) and isinstance(tail, TaggedTable)
            n = len(head._cellvalues)
            repeated = len(tail._cellvalues) - (len(self.rows) - n)
            head.rows = self.rows[:n]
            tail.rows = self.rows[:repeated] + self.rows[n:]
            for part in (head, tail):
                part.header_rows, part.header_cols, part.layout = self.header_rows, self.header_cols, self.layout
                part.key, part.drawn = self.key, self.drawn
        # The rows moved over go to the next page, even though this one would have room for them now.
        return [parts[0], FrameBreak(), parts[1]] if moved else parts

    def _repeated(self) -> int:
        return self.repeatRows if isinstance(self.repeatRows, int) else len(self.repeatRows)


def _render(table: TaggedTable, event: str, *args: Any) -> None:
    """ReportLab's table drawing hook: backgrounds and rules become artifacts, rows and cells elements."""
    canvas = table.canv
    tagger = tagger_of(canvas)
    if tagger is None:
        return
    scope = table._cell_scope
    if event in ("startBG", "startLines"):
        scope.append(tagger.artifact(canvas))
        scope[-1].__enter__()
    elif event in ("endBG", "endLines"):
        scope.pop().__exit__(None, None, None)
    elif table.layout:
        return
    elif event == "startRow":
        row = table.rows[args[0]]
        if row in table.drawn:
            scope.append(tagger.artifact(canvas))
        else:
            table.drawn.add(row)
            element = tagger.element("Table", table.key)
            scope.append(tagger.inside(tagger.element("TR", (table.key, row), element)))
        scope[-1].__enter__()
    elif event == "endRow":
        scope.pop().__exit__(None, None, None)
    elif event == "startCell":
        row, col = table.rows[args[0]], args[1]
        if tagger.artifact_depth:
            scope.append(None)
            return
        header = row < table.header_rows or col < table.header_cols
        attributes = {"O": "Table", "Scope": "Column" if row < table.header_rows else "Row"} if header else {}
        cell = tagger.parent.add("TH" if header else "TD", attributes=attributes)
        scope.append(tagger.inside(cell))
        scope[-1].__enter__()
    elif event == "endCell":
        done = scope.pop()
        if done is not None:
            done.__exit__(None, None, None)


def list_items(paragraphs: Sequence[TaggedParagraph]) -> list[TaggedParagraph]:
    """The paragraphs as the items of one list: L > LI > LBody."""
    group = object()
    for p in paragraphs:
        p.role = "LBody"
        p.chain = (("L", group), ("LI", object()))
    return list(paragraphs)


# --- after ReportLab: the structure tree and the document's accessibility entries -----------------------------


def finish(pdf_bytes: bytes, tagger: Tagger, *, title: str, author: str, subject: str, language: str) -> bytes:
    """The PDF from ReportLab with the structure tree and everything else a tagged PDF/UA-1 file carries."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    pages = pdf.pages
    refs: dict[int, Any] = {}

    def make(node: Node, parent: Any) -> Any:
        elem = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + node.role), P=parent))
        refs[id(node)] = elem
        kids = Array()
        page_of = next((k[0] for k in node.kids if isinstance(k, tuple)), None)
        if page_of is not None:
            elem.Pg = pages[page_of].obj
        for kid in node.kids:
            if isinstance(kid, tuple):
                page, mcid = kid
                if page == page_of:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=pages[page].obj, MCID=mcid))
            else:
                kids.append(make(kid, elem))
        # One kid stands alone rather than in an array (the usual form; some checkers only read that one).
        elem.K = kids[0] if len(kids) == 1 else kids
        if node.actual_text:
            elem.ActualText = String(node.actual_text)
        if node.alt:
            elem.Alt = String(node.alt)
        if node.attributes:
            attrs = Dictionary()
            for k, v in node.attributes.items():
                attrs[Name("/" + k)] = Name("/" + v) if isinstance(v, str) else Array(v)
            elem.A = attrs
        return elem

    _fix_unicode_maps(pdf)
    tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    document = make(tagger.root, tree_root)
    nums = Array()
    for index, page in enumerate(pages):
        page.obj.StructParents = index
        page.obj.Tabs = Name.S
        nums.append(index)
        nums.append(pdf.make_indirect(Array([refs[id(n)] for n in tagger.marked.get(index, [])])))
    tree_root.K = Array([document])
    tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    tree_root.ParentTreeNextKey = len(pages)
    root = pdf.Root
    root.StructTreeRoot = tree_root
    root.MarkInfo = Dictionary(Marked=True)
    root.Lang = String(language)
    root.ViewerPreferences = Dictionary(DisplayDocTitle=True)

    headings = [n for n in _walk(tagger.root) if n.place is not None]
    if len(pages) >= BOOKMARKS_FROM_PAGES and headings:
        _bookmarks(pdf, headings)
        root.PageMode = Name.UseOutlines

    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:title"] = title
        meta["dc:creator"] = [author]
        meta["dc:description"] = subject
        meta["dc:language"] = [language]
        meta["xmp:CreatorTool"] = "Makelaar"
        meta["xmp:ModifyDate"] = datetime.now(UTC).isoformat(timespec="seconds")
        meta["pdf:Producer"] = "Makelaar (ReportLab, pikepdf)"
        meta["pdfuaid:part"] = "1"
    pdf.docinfo[Name.Producer] = String("Makelaar (ReportLab, pikepdf)")
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


_WIDE_CODE = re.compile(rb"<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>")


def _fix_unicode_maps(pdf: Any) -> None:
    """ReportLab writes a character beyond U+FFFF (an emoji) into a font's ToUnicode map as five hex digits, which
    readers take as one 16-bit character and a stray digit; the map needs the UTF-16 surrogate pair."""

    def pair(m: re.Match[bytes]) -> bytes:
        code = int(m.group(2), 16) - 0x10000
        high, low = 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)
        return b"<%s> <%04X%04X>" % (m.group(1), high, low)

    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = _WIDE_CODE.sub(pair, data)
            if fixed != data:
                cmap.write(fixed)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for kid in node.kids:
        if isinstance(kid, Node):
            yield from _walk(kid)


def _bookmarks(pdf: Any, headings: list[Node]) -> None:
    """H1 and H2 as bookmarks; an H2 nests under the H1 before it."""
    from pikepdf import Array, Name, OutlineItem

    with pdf.open_outline() as outline:
        top: OutlineItem | None = None
        for node in headings:
            assert node.place is not None
            page, y = node.place
            item = OutlineItem(node.text, page)
            item.destination = Array([pdf.pages[page].obj, Name.XYZ, None, y, None])
            if node.role == "H1" or top is None:
                outline.root.append(item)
                top = item if node.role == "H1" else top
            else:
                top.children.append(item)
