"""Reading a tagged PDF back: what the `pdfua` checker does not cover.

- every piece of page content (text, paths, images) is inside marked content that the structure tree claims,
  or inside an artifact;
- every MCID on a page is in the parent tree, pointing at the element that holds it;
- every Figure has alternative text, every table header cells (TH with a scope), every table data cells;
- the reading order of the tree follows the page: on each page the next piece of text is below the one before
  or, for a second column, to its right;
- the document-level entries: language, title shown, marked, PDF/UA identifier, bookmarks when long.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf

# Operators that put something on the page.
TEXT = {"Tj", "TJ", "'", '"'}
PAINT = TEXT | {"f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "Do", "sh", "BI"}
# How far (points) a line may sit above the one before it and still be read as below it (table cells that share
# a top, a bold word's baseline).
SLACK = 2.0


@dataclass
class Mark:
    page: int
    mcid: int
    text_at: tuple[float, float] | None = None  # the first glyph's origin on the page
    lowest: float | None = None  # the lowest line of text in it


@dataclass
class Element:
    role: str
    obj: Any
    kids: list[Element | tuple[int, int]] = field(default_factory=list)


def _mul(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def scan_page(page: pikepdf.Page, index: int) -> tuple[dict[int, Mark], list[str]]:
    """The MCIDs of a page with where their text starts, and the content found outside marks and artifacts."""
    marks: dict[int, Mark] = {}
    loose: list[str] = []
    stack: list[str | int] = []  # per open sequence: its MCID, "artifact", or "other"
    ctm = [1.0, 0, 0, 1.0, 0, 0]
    saved: list[list[float]] = []
    tm = [1.0, 0, 0, 1.0, 0, 0]
    tlm = list(tm)
    leading = 0.0
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name == "q":
            saved.append(list(ctm))
        elif name == "Q":
            ctm = saved.pop()
        elif name == "cm":
            ctm = _mul([float(x) for x in operands], ctm)
        elif name == "BT":
            tm, tlm = [1.0, 0, 0, 1.0, 0, 0], [1.0, 0, 0, 1.0, 0, 0]
        elif name == "Tm":
            tm = [float(x) for x in operands]
            tlm = list(tm)
        elif name in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if name == "TD":
                leading = -ty
            tlm = _mul([1, 0, 0, 1, tx, ty], tlm)
            tm = list(tlm)
        elif name == "TL":
            leading = float(operands[0])
        elif name in ("T*", "'", '"'):
            tlm = _mul([1, 0, 0, 1, 0, -leading], tlm)
            tm = list(tlm)
        elif name == "BDC":
            props = operands[1]
            mcid = props.get("/MCID") if isinstance(props, pikepdf.Dictionary) else None
            if str(operands[0]) == "/Artifact":
                stack.append("artifact")
            elif mcid is not None:
                stack.append(int(mcid))
                marks[int(mcid)] = Mark(index, int(mcid))
            else:
                stack.append("other")
        elif name == "BMC":
            stack.append("artifact" if str(operands[0]) == "/Artifact" else "other")
        elif name == "EMC":
            stack.pop()
        if name in PAINT:
            owner = next((s for s in reversed(stack) if s != "other"), None)
            if owner is None:
                loose.append(f"page {index + 1}: '{name}' outside marked content")
            elif isinstance(owner, int) and name in TEXT:
                x, y = _mul(tm, ctm)[4:]
                mark = marks[owner]
                if mark.text_at is None:
                    mark.text_at = (x, y)
                mark.lowest = y if mark.lowest is None else min(mark.lowest, y)
    if stack:
        loose.append(f"page {index + 1}: {len(stack)} marked-content sequences not closed")
    return marks, loose


def _element(obj: Any) -> Element:
    el = Element(str(obj.get("/S")), obj)
    page_of = obj.get("/Pg")
    kids = obj.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else ([] if kids is None else [kids])
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == pikepdf.Name.MCR:
            el.kids.append((kid.Pg.objgen, int(kid.MCID)))
        elif isinstance(kid, pikepdf.Dictionary):
            el.kids.append(_element(kid))
        else:
            el.kids.append((page_of.objgen, int(kid)))
    return el


def structure(pdf: pikepdf.Pdf) -> Element:
    """The document element at the top of the structure tree."""
    top = pdf.Root.StructTreeRoot.K
    return _element(top[0] if isinstance(top, pikepdf.Array) else top)


def walk(el: Element) -> Iterator[Element]:
    yield el
    for kid in el.kids:
        if isinstance(kid, Element):
            yield from walk(kid)


def content_order(el: Element) -> Iterator[tuple[Any, int]]:
    """(page, MCID) of the marked content in the order of the tree (the reading order)."""
    for kid in el.kids:
        if isinstance(kid, Element):
            yield from content_order(kid)
        else:
            yield kid


def problems(data: bytes) -> list[str]:
    """Everything wrong with the tagged PDF (empty: nothing found)."""
    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        if str(root.get("/Lang", "")) != "nl-NL":
            found.append("no /Lang nl-NL")
        if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
            found.append("not /MarkInfo /Marked")
        if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
            found.append("no DisplayDocTitle")
        with pdf.open_metadata() as meta:
            if meta.get("pdfuaid:part") != "1":
                found.append("no PDF/UA identifier in the XMP metadata")
            if not meta.get("dc:title"):
                found.append("no dc:title")
        if len(pdf.pages) > 2 and "/Outlines" not in root:
            found.append(f"{len(pdf.pages)} pages but no bookmarks")
        if "/StructTreeRoot" not in root:
            return [*found, "no structure tree"]

        page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        marks: dict[tuple[int, int], Mark] = {}
        for i, page in enumerate(pdf.pages):
            page_marks, loose = scan_page(page, i)
            found += loose
            marks.update({(i, m): mark for m, mark in page_marks.items()})

        tree = structure(pdf)
        order = [(page_index[p], m) for p, m in content_order(tree)]
        if sorted(order) != sorted(marks) or len(set(order)) != len(order):
            missing = set(marks) - set(order)
            found.append(f"marked content not (once) in the structure tree: {sorted(missing)[:5]}")

        # The parent tree points each MCID back at the element that holds it.
        nums = root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        holder = {}
        for el in walk(tree):
            for kid in el.kids:
                if isinstance(kid, tuple):
                    holder[(page_index[kid[0]], kid[1])] = el.obj.objgen
        for i, page in enumerate(pdf.pages):
            key = page.obj.get("/StructParents")
            if key is None:
                found.append(f"page {i + 1} has no /StructParents")
                continue
            array = parents.get(int(key), [])
            for mcid, elem in enumerate(array):
                if holder.get((i, mcid)) != elem.objgen:
                    found.append(f"page {i + 1} MCID {mcid}: parent tree points at the wrong element")

        for el in walk(tree):
            if el.role == "/Figure" and not str(el.obj.get("/Alt", "")).strip():
                found.append("a Figure without /Alt")
            if el.role == "/Table":
                cells = [c for c in walk(el) if c.role in ("/TH", "/TD")]
                if not any(c.role == "/TH" for c in cells):
                    found.append("a Table without header cells")
                if not any(c.role == "/TD" for c in cells):
                    found.append("a Table without data cells")
            if el.role == "/TH" and "/Scope" not in el.obj.get("/A", {}):
                found.append("a TH without /Scope")
            if el.role == "/TR" and not all(isinstance(k, Element) and k.role in ("/TH", "/TD") for k in el.kids):
                found.append("a TR with something else than cells")

        # Headings descend one level at a time (H1, H2, H3), starting at H1.
        level = 0
        for el in walk(tree):
            if el.role in ("/H1", "/H2", "/H3", "/H4"):
                new = int(el.role[2])
                if new > level + 1:
                    found.append(f"heading {el.role} follows H{level}: a level is skipped")
                level = new

        # Reading order: per page, each next piece of text below the one before, or to its right.
        previous: dict[int, tuple[float, float]] = {}
        for page, mcid in order:
            at = marks.get((page, mcid), Mark(page, mcid)).text_at
            if at is None:
                continue
            before = previous.get(page)
            if before is not None and at[1] > before[1] + SLACK and at[0] <= before[0] + SLACK:
                found.append(f"page {page + 1} MCID {mcid}: read after text that stands below it")
            previous[page] = at
        if [p for p, _ in order] != sorted(p for p, _ in order):
            found.append("the tree reads the pages out of order")
    return found


# A4 and the reports' margins (makelaar.reports.style), in points.
PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898
MARGIN = 51.0236
BODY_TOP = PAGE_HEIGHT - MARGIN - 45.354  # below the running header
BODY_BOTTOM = MARGIN + 34.016  # above the footer
NEARLY_EMPTY = 0.12  # a page whose text covers less of the body height than this is nearly empty


def layout_problems(data: bytes) -> list[str]:
    """Layout faults a reader sees: a heading alone at the foot of a page, a nearly empty page, text outside the
    margins."""
    found: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        tree = structure(pdf)
        page_index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        role_of = {}
        for el in walk(tree):
            for kid in el.kids:
                if isinstance(kid, tuple):
                    role_of[(page_index[kid[0]], kid[1])] = el.role
        pages = len(pdf.pages)
        for i, page in enumerate(pdf.pages):
            marks, _ = scan_page(page, i)
            placed = [(m.text_at, role_of.get((i, n), "")) for n, m in marks.items() if m.text_at is not None]
            lowest = min((m.lowest for m in marks.values() if m.lowest is not None), default=0.0)
            if not placed:
                found.append(f"page {i + 1} has no text")
                continue
            xs = [at[0] for at, _ in placed]
            ys = [at[1] for at, _ in placed]
            if min(xs) < MARGIN - 0.5:
                found.append(f"page {i + 1}: text left of the margin ({min(xs):.1f} < {MARGIN:.1f})")
            for at, role in placed:
                if role in ("/H1", "/H2", "/H3") and abs(at[0] - MARGIN) > 0.5:
                    found.append(f"page {i + 1}: a heading off the margin ({at[0]:.1f}, not {MARGIN:.1f})")
            if pages > 1 and (max(ys) - lowest) < NEARLY_EMPTY * (BODY_TOP - BODY_BOTTOM):
                found.append(f"page {i + 1} of {pages} is nearly empty")
            last = min(placed, key=lambda p: (p[0][1], -p[0][0]))
            if i < pages - 1 and last[1] in ("/H1", "/H2", "/H3"):
                found.append(f"page {i + 1} ends with a heading")
    return found
