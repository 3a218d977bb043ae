"""Reading a CSV or XLSX file into a table (encoding, separator, header row), and what the operating system
means when a file cannot be read or written."""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date
from makelaar.services.csvio.columns import (
    _KNOWN_HEADERS,
    _header_key,
    _unescaped,
)

# --- errors from the operating system ---------------------------------------------------------------------------------


def file_error_text(exc: OSError, path: Path, *, reading: bool = False) -> str:
    """Why ``path`` cannot be written (or read), in Dutch, per cause (the system's own text is often English)."""
    folder = path.parent
    if isinstance(exc, FileNotFoundError) or exc.errno == errno.ENOENT:
        return f"de map {folder} bestaat niet (meer); kies een andere map"
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "de schijf is vol; maak ruimte vrij of kies een andere schijf"
    if getattr(exc, "winerror", None) in (32, 33) or exc.errno in (errno.EBUSY, errno.ETXTBSY):
        return "het bestand is geopend in een ander programma; sluit het (in Excel) en probeer het opnieuw"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        if reading:
            return "je hebt geen toestemming om het te lezen, of het is geopend in een ander programma (Excel?)"
        return (
            f"je hebt geen toestemming om in {folder} te schrijven, of het bestand is geopend in een ander "
            "programma (Excel?) of alleen-lezen; sluit het of kies een andere map"
        )
    if isinstance(exc, IsADirectoryError):
        return f"{path} is een map, geen bestand"
    if exc.errno == errno.EROFS:
        return f"{folder} staat op een schijf waarop niet geschreven kan worden"
    return f"het besturingssysteem meldt fout {exc.errno or '?'} ({exc.strerror or exc})"


# --- reading a file --------------------------------------------------------------------------------------------------


@dataclass
class Table:
    """A file's header and data rows; each row carries its line (CSV) or row (XLSX) number in the file.

    ``encoding`` and ``delimiter`` say how the file was read (for the import wizard); ``header_row`` is the line or
    row of the header, which is not the first when a title stands above it.
    """

    headers: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str = ""
    delimiter: str = ""
    header_row: int = 1
    # What the user should know about the file as read (rows not read), for the import summary.
    notes: list[str] = field(default_factory=list)


# A file to import is read whole into memory: beyond this size it is refused first (20,000 organisations in the
# canonical shape are about 10 MB).
MAX_FILE_BYTES = 200 * 1024**2


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX file into a table, or raise KnownError saying why it cannot be read."""
    if not path.exists():
        raise KnownError(f"Het bestand {path} bestaat niet.")
    if path.is_dir():
        raise KnownError(f"{path} is een map, geen bestand.")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KnownError(
                f"{path} is groter dan {MAX_FILE_BYTES // 1024**2} MB; dat is geen sociale kaart of lijst met ideeën "
                "die Makelaar in één keer inleest. Verdeel het bestand over een paar kleinere."
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise KnownError(
            f"Het bestand {path} kan niet worden gelezen: {file_error_text(exc, path, reading=True)}."
        ) from exc
    suffix = path.suffix.lower()
    if suffix == ".xls" or raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise KnownError(
            f"{path} is een oud Excel-bestand (.xls); sla het in Excel op als .xlsx of als CSV en lees het opnieuw in."
        )
    if suffix in (".xlsx", ".xlsm") or raw.startswith(b"PK\x03\x04"):
        return _read_xlsx(path)
    text, encoding = _decode(path, raw)
    table = _read_csv(path, text)
    table.encoding = encoding
    return table


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding as the wizard shows it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst" is UTF-16
        return raw.decode("utf-16"), "UTF-16"
    if b"\x00" in raw:
        raise KnownError(f"{path} is geen CSV-bestand (het bevat binaire gegevens); kies een .csv- of .xlsx-bestand.")
    try:
        return raw.decode("utf-8-sig"), ("UTF-8 met BOM" if raw.startswith(b"\xef\xbb\xbf") else "UTF-8")
    except UnicodeDecodeError:
        pass
    # Excel on Windows writes CSV in Windows-1252; latin-1 takes the five bytes that code page leaves undefined.
    try:
        text, encoding = raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, encoding = raw.decode("latin-1"), "Latin-1"
    # A file pasted together from two sources: lines that are valid UTF-8 (with accents) are read as UTF-8.
    lines = raw.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    utf8 = [line for line in lines if not line.isascii() and _is_utf8(line)]
    if utf8:
        legacy = "cp1252" if encoding == "Windows-1252" else "latin-1"
        text = "\n".join(line.decode("utf-8") if _is_utf8(line) else line.decode(legacy) for line in lines)
        encoding = f"UTF-8 en {encoding} door elkaar"
    return text, encoding


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# How many records of a file the separator is guessed from, and how much of the file is read for that.
_DELIMITER_SAMPLE_RECORDS = 20
_DELIMITER_SAMPLE_CHARS = 256 * 1024
# A cell may hold this many characters; a longer one rejects its row. csv's own limit is set well above it, so
# one such cell never makes the whole file unreadable.
MAX_CELL_LENGTH = 100_000
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


def _delimiter(text: str) -> str:
    """The separator: of ; tab , the one that splits most of the first records into the same number (more than
    one) of columns. A title line above the header, with a comma or without any separator, does not decide it.
    On a tie the one giving more columns wins, then ; (what Dutch Excel writes)."""
    sample = text[:_DELIMITER_SAMPLE_CHARS]
    best: tuple[int, int, int] = (0, 0, 0)
    chosen = ";"
    for rank, delimiter in enumerate((",", "\t", ";")):  # ; last: it wins ties
        counts: dict[int, int] = {}
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        seen = 0
        with contextlib.suppress(csv.Error):
            for cells in reader:
                if not any(c.strip() for c in cells):
                    continue
                counts[len(cells)] = counts.get(len(cells), 0) + 1
                seen += 1
                if seen >= _DELIMITER_SAMPLE_RECORDS:
                    break
        width, lines = max(((w, n) for w, n in counts.items() if w > 1), key=lambda x: (x[1], x[0]), default=(0, 0))
        score = (lines, width, rank)
        if score > best:
            best, chosen = score, delimiter
    return chosen


def _read_csv(path: Path, text: str) -> Table:
    # Excel writes "sep=;" on the first line when asked to; it names the separator and is not a header.
    first, _, rest = text.partition("\n")
    hint = re.fullmatch(r"sep=(.)", first.strip("\r"))
    skipped = 1 if hint else 0
    if hint:
        text = rest
    delimiter = hint.group(1) if hint else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Rows are numbered as Excel shows them (every record one row, the first one row 1), not by physical line: a
    # quoted cell with line breaks spans several lines but is one row. The physical lines are kept for the
    # unbalanced-quote check, which must say where in the file the quote opens.
    records: list[tuple[int, list[str]]] = []
    lines: list[int] = []
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        while True:
            first_line = skipped + reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                break
            lines.append(first_line)
            records.append((len(records) + 1, [_unescaped(c).replace("\r\n", "\n").replace("\r", "\n") for c in cells]))
    except csv.Error as exc:
        line = skipped + reader.line_num
        if "field larger than field limit" in str(exc):
            raise KnownError(
                f"{path} kan niet worden gelezen: bij regel {line} staat een cel van meer dan "
                f"{_CSV_FIELD_LIMIT // (1024 * 1024)} MB. Is het wel een tabel?"
            ) from exc
        raise KnownError(
            f"{path} is geen leesbaar CSV-bestand: bij regel {line} klopt de opbouw niet ({exc}). Staat er een "
            'aanhalingsteken (") dat niet wordt afgesloten?'
        ) from exc
    _check_quotes(path, text, delimiter, skipped, records, lines)
    table = _table(path, records)
    table.delimiter = delimiter
    return table


def _check_quotes(
    path: Path, text: str, delimiter: str, skipped: int, records: list[tuple[int, list[str]]], lines: list[int]
) -> None:
    """Refuse a file in which a quote opens a cell and is never closed (or only closed rows later by a stray quote):
    the csv reader then silently reads the rest of the file, or the rows up to that stray quote, as one cell, and
    those rows would be lost without a word. The message names the line where the quote opens."""
    if not records:
        return
    widths: dict[int, int] = {}
    for _n, cells in records:
        widths[len(cells)] = widths.get(len(cells), 0) + 1
    width = max(widths, key=lambda w: (widths[w], w))
    last = len(records) - 1
    for at, ((_n, cells), first_line) in enumerate(zip(records, lines, strict=True)):
        newlines_before = 0
        for index, cell in enumerate(cells):
            if "\n" in cell and (
                _swallows_rows(cell, delimiter, width)
                or (at == last and index == len(cells) - 1 and _open_at_end(text, first_line - skipped, delimiter))
            ):
                raise KnownError(
                    f"{path} kan niet worden gelezen: op regel {first_line + newlines_before} van het bestand "
                    'staat een aanhalingsteken (") dat een cel opent maar niet afsluit, zodat de regels erna in '
                    "die ene cel zouden belanden. Haal het aanhalingsteken weg of sluit het af, en lees het bestand "
                    "opnieuw in; er is niets ingelezen."
                )
            newlines_before += cell.count("\n")


def _swallows_rows(cell: str, delimiter: str, width: int) -> bool:
    """Whether a multi-line cell holds lines that look like whole rows of the file (as many separators)."""
    if width < 3:
        return False
    return any(line.count(delimiter) >= width - 1 for line in cell.split("\n")[1:])


def _open_at_end(text: str, first_line: int, delimiter: str) -> bool:
    """Whether the record starting at ``first_line`` (1-based, in ``text``) ends the file inside a quoted cell."""
    start = 0
    for _ in range(first_line - 1):
        start = text.index("\n", start) + 1
    quoted = False
    at_cell_start = True
    i = start
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"':
                if text.startswith('"', i + 1):
                    i += 1
                else:
                    quoted = False
        elif ch == '"' and at_cell_start:
            quoted = True
        at_cell_start = not quoted and ch in (delimiter, "\n", "\r")
        i += 1
    return quoted


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> Table:
    import openpyxl

    try:
        # openpyxl warns about Excel features it does not read (data validation, conditional formats); harmless.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and key errors alike for a damaged or foreign file
        raise KnownError(f"{path} is geen leesbaar Excel-bestand (.xlsx): {exc}.") from exc
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise KnownError(f"{path} bevat geen werkblad.")
        records, notes = _xlsx_records(path, sheet.iter_rows())
    finally:
        book.close()
    table = _table(path, records)
    table.encoding = "Excel (.xlsx)"
    table.notes.extend(notes)
    return table


# A sheet is read until this many empty rows follow each other: a sheet without a stored size ("dimension") and a
# million formatted but empty rows below the data would otherwise be read row by row for minutes.
_MAX_EMPTY_RUN = 10_000
# More filled rows than any municipality's sociale kaart or list of ideas: refused rather than read into memory.
MAX_ROWS = 200_000


def _xlsx_records(path: Path, rows: Iterable[Sequence[Any]]) -> tuple[list[tuple[int, list[str]]], list[str]]:
    """The filled rows of a sheet, each with its row number as Excel shows it, and what the user should know
    about rows not read. Empty rows are not kept; reading stops after ``_MAX_EMPTY_RUN`` of them in a row."""
    records: list[tuple[int, list[str]]] = []
    empty_run = 0
    number = 0
    for row in rows:
        number = _row_number(row, number + 1)
        cells = [_cell_text(getattr(cell, "value", None)) for cell in row]
        if not any(c.strip() for c in cells):
            empty_run += 1
            if empty_run >= _MAX_EMPTY_RUN:
                last = records[-1][0] if records else 0
                return records, [
                    f"Onder rij {last} van het werkblad volgen meer dan {_MAX_EMPTY_RUN} lege rijen; wat daaronder "
                    "nog staat, is niet gelezen. Staat daar wel iets, zet het dan direct onder de andere rijen."
                ]
            continue
        empty_run = 0
        records.append((number, cells))
        if len(records) > MAX_ROWS:
            raise KnownError(
                f"{path} heeft meer dan {MAX_ROWS} gevulde rijen; dat is te groot om in te lezen. Verdeel het "
                "bestand over een paar kleinere."
            )
    return records, []


def _row_number(row: Sequence[Any], expected: int) -> int:
    """The row's number as Excel shows it: a sheet may start below row 1, and read-only cells know their row."""
    for cell in row:
        found = getattr(cell, "row", None)
        if isinstance(found, int):
            return found
    return expected


# How far down a title and notes above the header may reach.
_HEADER_SEARCH_ROWS = 10


def _table(path: Path, records: list[tuple[int, list[str]]]) -> Table:
    filled = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not filled:
        raise KnownError(f"{path} is leeg; er staan geen kolomnamen en geen regels in.")
    # The header is the row among the first few that names the most known columns; rows above it are a title
    # ("Sociale kaart Lindewaard 2026") or notes. On a tie the first row wins.
    hits = [sum(1 for c in cells if _header_key(c) in _KNOWN_HEADERS) for _n, cells in filled[:_HEADER_SEARCH_ROWS]]
    at = hits.index(max(hits))
    number, headers = filled[at]
    return Table(headers=[h.strip() for h in headers], rows=filled[at + 1 :], header_row=number)


# --- the result of an import -----------------------------------------------------------------------------------------
