"""Exporting organisations, ideas and koppelingen to CSV or XLSX, every file written whole or not at all."""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from makelaar.domain.enums import AreaKind
from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date
from makelaar.services import audit, ideas, matches, organisations
from makelaar.services.csvio.columns import (
    DATE_HEADERS,
    EXPORT_HEADERS,
    EXPORT_KINDS,
    NUMBER_HEADERS,
    _escaped,
    export_headers,
)
from makelaar.services.csvio.reading import (
    file_error_text,
)
from makelaar.services.listing import ListQuery
from makelaar.storage.files import write_private
from makelaar.storage.models import (
    Area,
    Idea,
    Initiator,
    Match,
    Organisation,
    VocabularyTerm,
)

# --- exporting -------------------------------------------------------------------------------------------------------


def _names(items: Sequence[Any]) -> str:
    return ", ".join(i.name for i in items)


def organisation_rows(s: Session, query: ListQuery | None = None) -> tuple[list[str], list[list[str]]]:
    """All organisations, or those the list shows for ``query``, in the canonical shape."""
    stmt = (
        select(Organisation)
        .options(
            selectinload(Organisation.kind),
            selectinload(Organisation.offers),
            selectinload(Organisation.themes),
            selectinload(Organisation.areas),
            selectinload(Organisation.contacts),
        )
        .order_by(Organisation.name, Organisation.reference)
    )
    if query is not None:
        stmt = organisations.filter_statement(s, query, stmt)
        if query.sort == "kind":
            stmt = stmt.outerjoin(VocabularyTerm, VocabularyTerm.id == Organisation.kind_id)
        stmt = _list_order(stmt, query, organisations.SORTS.get(query.sort, Organisation.name), Organisation.id)
    rows = []
    for o in s.scalars(stmt):
        areas = sorted(o.areas, key=lambda a: (a.kind != AreaKind.MUNICIPALITY.value, a.position, a.name.casefold()))
        rows.append(
            [
                o.reference,
                o.name,
                o.kind.name if o.kind else "",
                o.description,
                _names(o.offers),
                _names(o.themes),
                _names(areas),
                o.contacts[0].name if o.contacts else "",
                o.phone or "",
                o.email or "",
                o.website or "",
                o.address or "",
                o.postcode or "",
                o.kvk or "",
            ]
        )
    return export_headers("organisaties"), rows


def idea_rows(
    s: Session, query: ListQuery | None = None, *, own_records: bool = False
) -> tuple[list[str], list[list[str]]]:
    """All ideas, or those the list shows for ``query``, in the canonical shape.

    An initiator's name and contact details are only written with their consent for sharing (AVG), unless
    ``own_records``: a file for the municipality's own records, which then holds every initiator's data there is.
    """
    stmt = (
        select(Idea)
        .options(
            selectinload(Idea.area),
            selectinload(Idea.themes),
            selectinload(Idea.needs),
            selectinload(Idea.initiators).selectinload(Initiator.consents),
        )
        .order_by(Idea.reference)
    )
    if query is not None:
        stmt = ideas.filter_statement(s, query, stmt)
        if query.sort == "area":
            stmt = stmt.outerjoin(Area, Area.id == Idea.area_id)
        stmt = _list_order(stmt, query, ideas.SORTS.get(query.sort, Idea.updated_at), Idea.id)
    rows = []
    for i in s.scalars(stmt):
        # Personal data leaves the program only with the initiator's consent for sharing (AVG); the first such
        # initiator is the idea's contact in the file.
        people = sorted(map(ideas.initiator_data, i.initiators), key=lambda p: (not p.consent_share, p.reference))
        sharing = next((p for p in people if own_records or p.consent_share), None)
        rows.append(
            [
                i.reference,
                i.title,
                i.description,
                i.area.name if i.area else "",
                _names(i.themes),
                _names(i.needs),
                str(i.team_size) if i.team_size is not None else "",
                sharing.name if sharing else "",
                (sharing.email or "") if sharing else "",
                (sharing.phone or "") if sharing else "",
                i.status,
                i.source or "",
                format_date(i.received_on),
            ]
        )
    return export_headers("ideeen"), rows


def match_rows(s: Session, query: ListQuery | None = None) -> tuple[list[str], list[list[str]]]:
    """All koppelingen, or those the koppelingen list shows for ``query``."""
    stmt = (
        select(Match, Idea.reference, Idea.title, Organisation.name, VocabularyTerm.name)
        .join(Idea, Idea.id == Match.idea_id)
        .join(Organisation, Organisation.id == Match.organisation_id)
        .outerjoin(VocabularyTerm, VocabularyTerm.id == Match.need_id)
        .order_by(Idea.reference, Organisation.name, Match.created_at)
    )
    if query is not None:
        stmt = matches.filter_statement(query, stmt)
        key = VocabularyTerm.name if query.sort == "need" else matches.SORTS.get(query.sort, Match.follow_up_on)
        # As the list: an open koppeling without a follow-up date comes after those with one.
        first = [Match.follow_up_on.is_(None)] if query.sort == "follow_up" else []
        stmt = _list_order(stmt, query, key, Match.id, first=first)
    rows = [
        [ref, title, org, need or "", m.status, format_date(m.follow_up_on), m.note or ""]
        for m, ref, title, org, need in s.execute(stmt)
    ]
    return export_headers("koppelingen"), rows


def _list_order(stmt: Any, query: ListQuery, key: Any, tiebreak: Any, first: Sequence[Any] = ()) -> Any:
    """``stmt`` in the order the list shows for ``query``: an export of what the list shows reads the same."""
    if query.descending:
        return stmt.order_by(None).order_by(*first, key.desc(), tiebreak.desc())
    return stmt.order_by(None).order_by(*first, key.asc(), tiebreak.asc())


def export_rows(
    s: Session, kind: str, query: ListQuery | None = None, *, own_records: bool = False
) -> tuple[list[str], list[list[str]]]:
    if kind == "organisaties":
        return organisation_rows(s, query)
    if kind == "ideeen":
        return idea_rows(s, query, own_records=own_records)
    if kind == "koppelingen":
        return match_rows(s, query)
    raise KnownError(f"Onbekende soort '{kind}'; kies organisaties, ideeen of koppelingen.")


def export_path(s: Session, kind: str, path: Path, *, query: ListQuery | None = None, own_records: bool = False) -> int:
    """Write organisations, ideas or koppelingen to .csv (canonical shape) or .xlsx; returns the number of rows.

    ``query``: only what a list shows with these filters. ``own_records``: every initiator's personal data, for the
    municipality's own records (see ``idea_rows``); the audit log says so.
    """
    if kind not in EXPORT_KINDS:
        raise KnownError(f"Onbekende soort '{kind}'; kies organisaties, ideeen of koppelingen.")
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise KnownError(f"Makelaar schrijft alleen .csv- en .xlsx-bestanden; {path} heeft een andere extensie.")
    headers, rows = export_rows(s, kind, query, own_records=own_records)
    try:
        if suffix == ".csv":
            _write_csv(path, headers, rows)
        else:
            _write_xlsx(path, headers, rows, title=kind)
    except OSError as exc:
        raise KnownError(f"{path} kan niet worden geschreven: {file_error_text(exc, path)}.") from exc
    if kind == "ideeen" and EXPORT_HEADERS["initiatiefnemer"] in headers:
        column = list(headers).index(EXPORT_HEADERS["initiatiefnemer"])
        people = sum(1 for row in rows if row[column].strip())
        if people:
            # The audit log says that residents' data left the program, and how much; not whose or what.
            purpose = ", eigen administratie" if own_records else ""
            audit.record(
                s, audit.FILE_EXPORTED, "ideas", "-", detail=f"{people} initiatiefnemer(s), {suffix[1:]}{purpose}"
            )
    return len(rows)


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside the target first, so a failed write never leaves half a file. The file is
    readable by the user alone (0600) from its first byte, also when it replaces one that was not: exports and
    rejects files hold residents' data (storage.files)."""
    write_private(path, write)


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    def write(target: Path) -> None:
        # UTF-8 with BOM and ';': what Dutch Excel opens without asking, and what it writes itself.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow([_escaped(h) for h in headers])
            writer.writerows([_escaped(str(c)) for c in row] for row in rows)

    _replace_atomically(path, write)


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str) -> None:
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    # Write-only mode streams the rows: a normal workbook slows down quadratically on 20,000 organisations.
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        longest = max([len(header), *(len(r[index - 1]) for r in rows[:500])])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(10, longest + 2), 60)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}1"
    bold = Font(bold=True)

    def header_cell(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        return cell

    def text_cell(text: str) -> WriteOnlyCell | str:
        if not text.startswith("="):
            return text
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # text that looks like a formula stays text (no formula injection)
        return cell

    numbers = {i for i, h in enumerate(headers) if h in NUMBER_HEADERS}
    dates = {i for i, h in enumerate(headers) if h in DATE_HEADERS}

    def date_cell(text: str) -> WriteOnlyCell | str:
        try:
            day = datetime.strptime(text, "%d-%m-%Y").date()
        except ValueError:
            return text_cell(text)  # empty, or not a date after all: as it is
        cell = WriteOnlyCell(sheet, value=day)
        cell.number_format = "DD-MM-YYYY"  # a real date Excel sorts and filters, shown the Dutch way
        return cell

    def cell(index: int, text: str) -> WriteOnlyCell | str | int:
        if index in numbers and text.isdigit():
            return int(text)
        if index in dates:
            return date_cell(text)
        return text_cell(text)

    sheet.append([header_cell(h) for h in headers])
    for row in rows:
        sheet.append([cell(i, x) for i, x in enumerate(row)])
    _replace_atomically(path, lambda target: book.save(target))
