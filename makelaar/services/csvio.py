"""Import and export of organisations and ideas in the canonical CSV shape of DESIGN.md (and the same columns in XLSX).

Import rules a reader would not guess:

- Every row is saved through the same services as the GUI, each in its own savepoint, so a bad row is rejected
  (and written with its reason to ``<stem>-afgewezen.csv`` next to the input) while the good rows around it stay.
- An organisation already in the store (the same KvK number, else the same name apart from case, accents, spaces
  and legal form) or an idea already in the store (same title and wijk; without a wijk, the same title when only
  one idea has it) is updated, not added. A row that would change nothing counts as unchanged, so importing the
  same file twice adds and changes nothing.
- Identity is never guessed. A KvK number does not rename: the stored name stays (the row says so). A row whose
  name is one organisation's and KvK number another's, or whose website alone points at an organisation with
  another name, is rejected (pointing to Dubbele organisaties zoeken), not added a second time. A website several
  stored organisations or several rows share (a municipality's teams) identifies nobody; so does a KvK number
  several rows share under different names (branches). When several stored records have the row's key (two
  "Voedselbank"s), the row is unchanged if it repeats one of them exactly (an export read back in), else rejected
  naming them. A later row for a record an earlier row of the file already added or updated may only repeat it.
- Values as Excel leaves them are read back: a KvK number or phone number that lost its leading zero, 3.0 for 3,
  a date as a serial number or with a time. The editors keep their strict checks.
- The separator is the one of ; tab , that splits most of the first 20 lines into the same number of columns.
  The header is the row among the first ten that names the most known columns (a title above it is skipped);
  which file column feeds which canonical column is guessed from the header spellings (:func:`guess_mapping`)
  unless the caller (the import wizard) passes its own mapping. A second column with the same header is reported
  and not read. A cell longer than ``MAX_CELL_LENGTH`` rejects its row.
- Every row's outcome (added, updated which record, unchanged, rejected why) is in ``ImportResult.rows``; the
  wizard's preview is a dry run of the same code.
- A real import is journalled as a batch (:mod:`makelaar.services.imports`) so it can be undone as a whole.
- An empty cell never clears a stored value and a list cell only replaces the stored list when it names at least
  one known entry: an export leaves out personal data without consent, and importing it again must not erase it.
- A dry run does all the work, writes the rejects file too (so the user can fix the rows before the real run) and
  rolls everything back at the end.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import functools
import io
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table as Table_
from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, SessionTransaction, selectinload

from makelaar.domain import criteria, proposals
from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind, AreaKind, ConsentMethod, IdeaSource, IdeaStatus, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date, format_euro
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.domain.vocabulary import MUNICIPALITY_WIDE, split_list
from makelaar.domain.vocabulary import normalise as _normalise
from makelaar.services import audit, ideas, imports, matches, organisations
from makelaar.services import vocabulary as vocab
from makelaar.services.listing import ListQuery
from makelaar.storage.base import ACTOR_INFO, new_id, utcnow
from makelaar.storage.files import write_private
from makelaar.storage.models import (
    Activity,
    Area,
    Contact,
    Idea,
    Initiator,
    Match,
    Organisation,
    ReferenceCounter,
    VocabularyTerm,
    organisation_areas,
    organisation_offers,
    organisation_themes,
)
from makelaar.storage.store import Store

# Called for every list value, name and contact of every row, mostly on the same few values.
normalise = functools.lru_cache(maxsize=65_536)(_normalise)

IMPORT_KINDS = ("organisaties", "ideeen")
# A mapping value for a column that is not read.
IGNORE = "ignore"
EXPORT_KINDS = ("organisaties", "ideeen", "koppelingen")

ORGANISATION_COLUMNS = [
    "naam",
    "soort",
    "omschrijving",
    "biedt",
    "themas",
    "wijken",
    "contactpersoon",
    "telefoon",
    "email",
    "website",
    "adres",
    "postcode",
    "kvk",
]
IDEA_COLUMNS = [
    "titel",
    "omschrijving",
    "wijk",
    "themas",
    "behoeften",
    "teamgrootte",
    "initiatiefnemer",
    "email",
    "telefoon",
    "status",
    "bron",
    "datum",
]
MATCH_COLUMNS = ["idee", "titel", "organisatie", "behoefte", "status", "opvolgen", "notitie"]

# An export as a person reads it in Excel: the record's number first, then the columns under readable headers. The
# import reads these headers back (they fold to the canonical names: "Thema's" is "themas", "Aantal mensen" is
# "teamgrootte"), and passes over the number, which the store gives out itself.
REFERENCE_HEADER = "Nummer"
EXPORT_HEADERS = {
    "naam": "Naam",
    "soort": "Soort",
    "omschrijving": "Omschrijving",
    "biedt": "Biedt",
    "themas": "Thema's",
    "wijken": "Wijken",
    "contactpersoon": "Contactpersoon",
    "telefoon": "Telefoon",
    "email": "E-mail",
    "website": "Website",
    "adres": "Adres",
    "postcode": "Postcode",
    "kvk": "KvK-nummer",
    "titel": "Titel",
    "wijk": "Wijk",
    "behoeften": "Behoeften",
    "teamgrootte": "Aantal mensen",
    "initiatiefnemer": "Initiatiefnemer",
    "status": "Status",
    "bron": "Binnengekomen via",
    "datum": "Datum",
    "idee": "Idee",
    "organisatie": "Organisatie",
    "behoefte": "Behoefte",
    "opvolgen": "Opvolgen op",
    "notitie": "Notitie",
}
# Columns with a date (dd-mm-jjjj in a CSV file, a real date in Excel) and with a number.
DATE_HEADERS = frozenset({"Datum", "Opvolgen op"})
NUMBER_HEADERS = frozenset({"Aantal mensen"})
_PASSED_OVER = frozenset({"nummer"})  # REFERENCE_HEADER as the import folds it


def export_headers(kind: str) -> list[str]:
    """The header row of an export of this kind."""
    if kind == "koppelingen":
        return [EXPORT_HEADERS[c] for c in MATCH_COLUMNS]  # the idea's number is already its first column
    columns = ORGANISATION_COLUMNS if kind == "organisaties" else IDEA_COLUMNS
    return [REFERENCE_HEADER, *(EXPORT_HEADERS[c] for c in columns)]


_SHARED_ALIASES: dict[str, tuple[str, ...]] = {
    "omschrijving": ("omschrijving", "beschrijving", "toelichting", "description"),
    "themas": ("themas", "thema", "themes"),
    "telefoon": ("telefoon", "telefoonnummer", "telefoonnr", "tel", "telnr", "mobiel", "phone"),
    "email": ("email", "emailadres", "mail", "mailadres"),
}
# Header spellings seen in real files, keyed by the canonical column. Headers are compared after folding case and
# accents and dropping everything that is not a letter or digit ("Thema's" -> "themas", "E-mail" -> "email").
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "organisaties": {
        **_SHARED_ALIASES,
        "naam": ("naam", "naamorganisatie", "organisatienaam", "organisatie", "name"),
        "soort": ("soort", "soortorganisatie", "organisatiesoort", "type", "typeorganisatie", "categorie"),
        "biedt": ("biedt", "aanbod", "biedtaan", "soorthulp", "hulp", "levert"),
        "wijken": ("wijken", "wijk", "gebied", "gebieden", "werkgebied", "buurt", "buurten"),
        "contactpersoon": ("contactpersoon", "contactpersonen", "contact", "naamcontactpersoon"),
        "website": ("website", "webadres", "site", "internet", "url"),
        "adres": ("adres", "bezoekadres", "straat", "straatenhuisnummer"),
        "postcode": ("postcode",),
        "kvk": ("kvk", "kvknummer", "kvknr", "kamervankoophandel"),
        # Not in the canonical shape, but the registry keeps them and real files have them.
        "plaats": ("plaats", "woonplaats", "vestigingsplaats"),
        "actief": ("actief",),
    },
    "ideeen": {
        **_SHARED_ALIASES,
        "titel": ("titel", "naamidee", "idee", "initiatief", "title"),
        "wijk": ("wijk", "wijken", "buurt", "gebied", "dorp"),
        "behoeften": ("behoeften", "behoefte", "nodig", "hulpvraag", "watisnodig"),
        "teamgrootte": ("teamgrootte", "aantal", "aantalmensen", "aantalinitiatiefnemers", "groepsgrootte"),
        "initiatiefnemer": ("initiatiefnemer", "initiatiefnemers", "naaminitiatiefnemer", "aanvrager", "bewoner"),
        "status": ("status",),
        "bron": ("bron", "binnengekomenvia", "via", "kanaal"),
        "datum": ("datum", "ontvangen", "ontvangenop", "binnengekomen", "datumbinnengekomen"),
    },
}
_REQUIRED = {"organisaties": "naam", "ideeen": "titel"}
_KNOWN_HEADERS = frozenset(alias for names in _ALIASES.values() for aliases in names.values() for alias in aliases)
# The columns the import reads, in the order the wizard offers them.
_CANONICAL = {
    "organisaties": [*ORGANISATION_COLUMNS, "plaats", "actief"],
    "ideeen": list(IDEA_COLUMNS),
}

# Legal-form words that do not make an organisation another one ("Stichting De Brug" is "De Brug").
_LEGAL_FORMS = frozenset({"stichting", "st", "vereniging", "cooperatie", "bv", "ua", "nv", "vof"})

_STATUSES = {normalise(s.value): s.value for s in IdeaStatus}
_SOURCES = {normalise(s.value): s.value for s in IdeaSource} | {
    "email": IdeaSource.EMAIL.value,
    "mail": IdeaSource.EMAIL.value,
    "inloop": IdeaSource.WALK_IN.value,
    "spreekuur": IdeaSource.WALK_IN.value,
    "telefonisch": IdeaSource.PHONE.value,
}
_YES = frozenset({"ja", "j", "1", "waar", "yes", "x", "actief"})
_NO = frozenset({"nee", "n", "0", "onwaar", "no", "niet actief", "inactief"})

_MAX_REASONS_SHOWN = 20


def _header_key(header: str) -> str:
    return "".join(ch for ch in normalise(header) if ch.isalnum())


def canonical_columns(kind: str) -> list[str]:
    """The columns an import of this kind reads, in the order of the canonical shape (then the extras)."""
    _check_kind(kind)
    return list(_CANONICAL[kind])


def guess_mapping(kind: str, headers: Sequence[str]) -> dict[str, int]:
    """Canonical column -> index of the file column it is read from, guessed from the header spellings.

    A header no alias knows, or a second header for a column already found, is left out (reported as unknown).
    """
    _check_kind(kind)
    aliases = {alias: key for key, names in _ALIASES[kind].items() for alias in names}
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        key = aliases.get(_header_key(header)) if header.strip() else None
        if key is not None and key not in mapping:
            mapping[key] = index
    return mapping


def unmapped_columns(headers: Sequence[str], mapping: Mapping[str, int]) -> list[str]:
    """The named file columns the mapping does not read: reported, never a reason to refuse the file."""
    used = set(mapping.values())
    return [h for i, h in enumerate(headers) if h.strip() and i not in used and _header_key(h) not in _PASSED_OVER]


def duplicate_columns(kind: str, headers: Sequence[str], mapping: Mapping[str, int]) -> list[tuple[str, int]]:
    """The file columns not read because their header names a column another file column already feeds (two
    "email" columns): (header, index)."""
    aliases = {alias: key for key, names in _ALIASES[kind].items() for alias in names}
    used = set(mapping.values())
    out = []
    for index, header in enumerate(headers):
        key = aliases.get(_header_key(header)) if header.strip() else None
        if key is not None and index not in used and key in mapping:
            out.append((header, index))
    return out


def column_letter(index: int) -> str:
    """The spreadsheet name of a column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _check_kind(kind: str) -> None:
    if kind not in IMPORT_KINDS:
        raise KnownError(f"Onbekende soort '{kind}'; kies organisaties of ideeen.")


def _checked_mapping(kind: str, headers: Sequence[str], mapping: Mapping[str, int | str | None]) -> dict[str, int]:
    """An explicit mapping as the wizard gives it; a column mapped to None or "ignore" is not read."""
    known = set(_CANONICAL[kind])
    out: dict[str, int] = {}
    for key, index in mapping.items():
        if key not in known:
            raise KnownError(f"Onbekende kolom '{key}'; kies uit: {', '.join(_CANONICAL[kind])}.")
        if index is None or index == IGNORE:
            continue
        if not isinstance(index, int) or not 0 <= index < len(headers):
            raise KnownError(
                f"De kolom '{key}' wijst naar kolom {index}, maar het bestand heeft {len(headers)} kolommen."
            )
        out[key] = index
    return out


def website_key(url: str | None) -> str:
    """A website as it identifies an organisation: no scheme, "www.", case or trailing slash."""
    text = (url or "").strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    return text.rstrip("/")


# Pure and called for every row of a file, often twice (finding what to prefetch, then the row itself).
@functools.lru_cache(maxsize=65_536)
def organisation_key(name: str) -> str:
    """The name an organisation is recognised by: no case, accents, punctuation or legal-form words."""
    words = [re.sub(r"[\W_]", "", w) for w in normalise(name).split()]
    kept = [w for w in words if w and w not in _LEGAL_FORMS]
    return " ".join(kept) or " ".join(w for w in words if w)


def idea_key(title: str) -> str:
    return normalise(title)


# --- values as Excel leaves them --------------------------------------------------------------------------------------
# Excel turns a column of numbers into numbers: a leading zero goes, 3 becomes 3.0, a date becomes a serial number.
# The import reads them back; the editors keep their strict checks (makelaar.domain.validation).

_EXCEL_EPOCH = date(1899, 12, 30)
_DUTCH_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _excel_kvk(value: str) -> str:
    """A KvK number as it identifies an organisation (no spaces or dots); one that lost its leading zero in Excel
    (seven digits) gets it back."""
    text = value.strip()
    if re.fullmatch(r"\d{7}\.0*", text):  # 1234567.0: a number cell read as text
        text = text.split(".")[0]
    digits = "".join(ch for ch in text if ch not in " .")
    return digits.zfill(8) if len(digits) in (7, 8) and digits.isdigit() else value


def _excel_phone(value: str) -> str:
    """A Dutch number that lost its leading zero in Excel (612345678: nine digits) gets it back."""
    text = value.strip()
    return "0" + text if len(text) == 9 and text.isdigit() and text[0] != "0" else value


def _excel_int(value: str) -> str:
    """3.0 or 3,0 (a number Excel wrote as a decimal) is 3."""
    match = re.fullmatch(r"\s*(\d+)[.,]0*\s*", value)
    return match.group(1) if match else value


def _excel_date(value: str) -> date | None:
    """A date as the editors accept it, or as Excel may write it: a serial number (45000), ISO with a time
    (2026-03-04 00:00:00) or with the month written out (4 maart 2026)."""
    text = value.strip()
    if re.fullmatch(r"\d{5}(\.0*)?", text) and 20_000 <= float(text) < 100_000:
        return _EXCEL_EPOCH + timedelta(days=int(float(text)))
    iso = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", text)
    if iso:
        text = iso.group(1)
    words = re.fullmatch(r"(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})", normalise(text))
    if words and words.group(2) in _DUTCH_MONTHS:
        try:
            return date(int(words.group(3)), _DUTCH_MONTHS[words.group(2)], int(words.group(1)))
        except ValueError:
            pass
    return v.parse_date(text)


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


def read_table(path: Path) -> Table:
    """Read a CSV or XLSX file into a table, or raise KnownError saying why it cannot be read."""
    if not path.exists():
        raise KnownError(f"Het bestand {path} bestaat niet.")
    if path.is_dir():
        raise KnownError(f"{path} is een map, geen bestand.")
    try:
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
    records: list[tuple[int, list[str]]] = []
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        while True:
            first_line = skipped + reader.line_num + 1  # a quoted multi-line cell makes a record span several lines
            try:
                cells = next(reader)
            except StopIteration:
                break
            records.append((first_line, [_unescaped(c).replace("\r\n", "\n").replace("\r", "\n") for c in cells]))
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
    table = _table(path, records)
    table.delimiter = delimiter
    return table


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
        records = [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    table = _table(path, records)
    table.encoding = "Excel (.xlsx)"
    return table


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


ADDED, UPDATED, UNCHANGED, REJECTED = "added", "updated", "unchanged", "rejected"


@dataclass(frozen=True)
class RowOutcome:
    """What an import does (or, in a dry run, would do) with one row of the file.

    ``label`` is the row's name or title; ``target`` the stored record it updates or leaves unchanged, as
    "O-2026-0001 Stichting De Brug"; ``reason`` why a row is rejected.
    """

    number: int
    action: str  # ADDED | UPDATED | UNCHANGED | REJECTED
    label: str
    target: str = ""
    reason: str = ""
    record_id: str | None = None
    note: str = ""  # something the user should know about an imported row ("naam in het bestand wijkt af ...")


@dataclass
class ImportResult:
    kind: str
    path: Path
    dry_run: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str, list[str]]] = field(default_factory=list)
    new_areas: list[str] = field(default_factory=list)
    new_kinds: list[str] = field(default_factory=list)
    unknown_terms: dict[str, list[int]] = field(default_factory=dict)
    unknown_columns: list[str] = field(default_factory=list)
    # File columns whose header names a column an earlier one already feeds: (header, index), not read.
    duplicate_columns: list[tuple[str, int]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, note) of imported rows
    # Lines whose help types or themes the file did not give and the import proposed from the row's words.
    proposed: list[int] = field(default_factory=list)
    rejects_path: Path | None = None
    rows: list[RowOutcome] = field(default_factory=list)
    batch_id: str | None = None  # the journal entry that lets a real import be undone as a whole

    def summary_lines(self) -> list[str]:
        what = "organisaties" if self.kind == "organisaties" else "ideeën"
        lines = []
        if self.dry_run:
            lines.append(f"Proefdraai voor {self.path}: er is niets opgeslagen. Bij echt inlezen gebeurt dit:")
        counts = f"{self.added} toegevoegd, {self.updated} bijgewerkt"
        if self.unchanged:
            counts += f", {self.unchanged} ongewijzigd"
        lines.append(f"{what.capitalize()}: {counts}, {len(self.rejected)} afgewezen.")
        if self.rejected:
            where = f" staan met de reden in {self.rejects_path}" if self.rejects_path else ""
            lines.append(f"Afgewezen regels{where}:")
            for number, reason, _cells in self.rejected[:_MAX_REASONS_SHOWN]:
                lines.append(f"  regel {number}: {reason}")
            if len(self.rejected) > _MAX_REASONS_SHOWN:
                lines.append(f"  ... en nog {len(self.rejected) - _MAX_REASONS_SHOWN} regels.")
        if self.notes:
            lines.append("Let op bij deze regels:")
            for number, note in self.notes[:_MAX_REASONS_SHOWN]:
                lines.append(f"  regel {number}: {note}")
            if len(self.notes) > _MAX_REASONS_SHOWN:
                lines.append(f"  ... en nog {len(self.notes) - _MAX_REASONS_SHOWN} regels.")
        for header, index in self.duplicate_columns:
            lines.append(
                f"Kolom '{header}' staat twee keer in het bestand; de tweede (kolom {column_letter(index)}) is niet "
                "gebruikt."
            )
        if self.unknown_columns:
            lines.append(f"Onbekende kolommen, niet ingelezen: {', '.join(self.unknown_columns)}.")
        if self.new_areas:
            lines.append(f"Nieuwe wijken toegevoegd: {', '.join(self.new_areas)}.")
        if self.new_kinds:
            lines.append(f"Nieuwe soorten organisatie toegevoegd: {', '.join(self.new_kinds)}.")
        if self.unknown_terms:
            listed = "; ".join(f"{value} ({_line_list(numbers)})" for value, numbers in self.unknown_terms.items())
            lines.append(f"Onbekende thema's en soorten hulp, weggelaten: {listed}.")
        if self.proposed:
            lines.append(
                f"Bij {len(self.proposed)} organisaties stonden geen soorten hulp of thema's die Makelaar kent; ze "
                f"zijn voorgesteld uit de naam en omschrijving ({_line_list(self.proposed)}). Kijk ze na in de "
                "organisatie."
            )
        return lines


def _line_list(numbers: list[int], shown: int = 10) -> str:
    text = f"regel {', '.join(str(n) for n in numbers[:shown])}"
    return text + (f" en nog {len(numbers) - shown}" if len(numbers) > shown else "")


# --- importing -------------------------------------------------------------------------------------------------------


class _Importer:
    """One import: lookups built once, then one savepoint per row."""

    def __init__(
        self,
        s: Session,
        kind: str,
        table: Table,
        result: ImportResult,
        columns: dict[str, int] | None = None,
        *,
        propose: bool = True,
    ) -> None:
        self.s = s
        self.propose = propose
        self.kind = kind
        self.table = table
        self.result = result
        self.columns = guess_mapping(kind, table.headers) if columns is None else columns
        unmapped = unmapped_columns(table.headers, self.columns)
        doubles = duplicate_columns(kind, table.headers, self.columns)
        result.duplicate_columns.extend(doubles)
        doubled = {header for header, _index in doubles}
        result.unknown_columns.extend(h for h in unmapped if h not in doubled)
        # Record id -> (ADDED or UPDATED, its data before the first change of this import); for the undo.
        self.journal: dict[str, tuple[str, Any]] = {}
        self._touched: tuple[str, str, Any, str] | None = None  # this row's record: id, action, before, target
        self._note = ""  # what the row's outcome should say besides its action
        self._proposed = False  # whether the row's help types or themes were proposed from its words
        # New organisations, validated, waiting for the bulk insert at the end of the run.
        self.pending: dict[str, OrganisationData] = {}
        self._savepoint: SessionTransaction | None = None
        self._undo: list[Callable[[], None]] = []
        self._row_unknown: list[str] = []
        self._spellings: dict[str, str] = {}
        # The stored records this file updates, as plain data (never changed in place).
        self.stored: dict[str, Any] = {}
        # Record id -> the line of this file that added, updated or left it: a later line for the same record may
        # only repeat it, or the import would change it back and forth and never settle.
        self.claimed: dict[str, int] = {}
        self.references: dict[str, str] = {}  # record id -> its reference and name, for the reasons
        self.number = 0  # the line being imported
        self._load_lookups()

    def _load_lookups(self) -> None:
        s = self.s
        wide = vocab.municipality_area(s)
        self.areas: dict[str, str] = {normalise(a.name): a.id for a in s.scalars(select(Area))}
        for alias in (MUNICIPALITY_WIDE, "gemeentebreed", "gemeente breed", "heel de gemeente", wide.name):
            self.areas.setdefault(normalise(alias), wide.id)
        self.terms: dict[str, dict[str, str]] = {v.value: {} for v in Vocabulary}
        # The entries in use, id -> name, for proposing them from a row's words (see _propose).
        self.term_names: dict[str, dict[str, str]] = {v.value: {} for v in Vocabulary}
        for t in s.scalars(select(VocabularyTerm).order_by(VocabularyTerm.position)):
            if t.retired_at is None:
                self.term_names.setdefault(t.vocabulary, {})[t.id] = t.name
            known = self.terms.setdefault(t.vocabulary, {})
            known.setdefault(normalise(t.name), t.id)
            if t.key:
                known.setdefault(normalise(t.key.replace("_", " ")), t.id)
        # Every key maps to all the records that have it: a key several records share identifies none of them.
        self.orgs_by_name: dict[str, list[str]] = {}
        self.orgs_by_kvk: dict[str, list[str]] = {}
        self.orgs_by_website: dict[str, list[str]] = {}
        self.ideas_by_key: dict[tuple[str, str | None], list[str]] = {}
        self.ideas_by_title: dict[str, list[str]] = {}
        # Websites several rows of this file share (a municipality's teams), and KvK numbers several rows share
        # under different names (branches of one legal entity): they identify nobody either.
        self.file_sites: set[str] = set()
        self.file_kvks: set[str] = set()
        if self.kind == "organisaties":
            for org_id, reference, name, kvk, website in s.execute(
                select(
                    Organisation.id, Organisation.reference, Organisation.name, Organisation.kvk, Organisation.website
                ).order_by(Organisation.reference)
            ):
                self.references[org_id] = _label(reference, name)
                self.orgs_by_name.setdefault(organisation_key(name), []).append(org_id)
                if kvk:
                    self.orgs_by_kvk.setdefault(kvk, []).append(org_id)
                site = website_key(website)
                if site:
                    self.orgs_by_website.setdefault(site, []).append(org_id)
            if "website" in self.columns:
                seen: set[str] = set()
                for _n, cells in self.table.rows:
                    site = website_key(self.cell(cells, "website"))
                    if site in seen:
                        self.file_sites.add(site)
                    elif site:
                        seen.add(site)
            if "kvk" in self.columns:
                names: dict[str, str] = {}
                for _n, cells in self.table.rows:
                    kvk = _excel_kvk(self.cell(cells, "kvk"))
                    name = organisation_key(self.cell(cells, "naam"))
                    if kvk and names.setdefault(kvk, name) != name:
                        self.file_kvks.add(kvk)
        else:
            for idea_id, reference, title, area_id in s.execute(
                select(Idea.id, Idea.reference, Idea.title, Idea.area_id).order_by(Idea.reference)
            ):
                self.references[idea_id] = _label(reference, title)
                self.ideas_by_key.setdefault((idea_key(title), area_id), []).append(idea_id)
                self.ideas_by_title.setdefault(idea_key(title), []).append(idea_id)

    def _writing(self) -> None:
        """Called before a row first writes to the store: from then on the row has a savepoint, so a rejected row
        leaves nothing behind. Most rows of a large file only add to the bulk insert and need none."""
        if self._savepoint is None:
            self._savepoint = self.s.begin_nested()

    # Lookups that may add to the store; each addition is undone from the dicts when its row is rolled back.

    def _remember(
        self, table: dict[Any, Any], key: Any, value: Any, report: list[str] | None = None, name: str = ""
    ) -> None:
        missing = object()
        old = table.get(key, missing)
        table[key] = value
        if report is not None:
            report.append(name)

        def undo() -> None:
            if old is missing:
                table.pop(key, None)
            else:
                table[key] = old
            if report is not None:
                report.remove(name)

        self._undo.append(undo)

    def _index(self, table: dict[Any, list[str]], old_key: Any, new_key: Any, record_id: str) -> None:
        """Move a record from one key of a lookup to another (a row changed its KvK number or website)."""
        if old_key == new_key and old_key and record_id in table.get(old_key, []):
            return
        if old_key and record_id in (old_ids := table.get(old_key, [])):
            at = old_ids.index(record_id)
            old_ids.remove(record_id)
            self._undo.append(functools.partial(old_ids.insert, at, record_id))
        if new_key and record_id not in (new_ids := table.setdefault(new_key, [])):
            new_ids.append(record_id)
            self._undo.append(functools.partial(new_ids.remove, record_id))

    def area_id(self, name: str) -> str:
        key = normalise(name)
        found = self.areas.get(key)
        if found is None:
            self._writing()
            area = vocab.add_area(self.s, name, AreaKind.DISTRICT)
            found = area.id
            self._remember(self.areas, key, found, self.result.new_areas, area.name)
        return found

    def kind_id(self, name: str) -> str:
        known = self.terms[Vocabulary.ORGANISATION_KIND.value]
        key = normalise(name)
        found = known.get(key)
        if found is None:
            self._writing()
            term = vocab.add_term(self.s, Vocabulary.ORGANISATION_KIND, name)
            found = term.id
            self._remember(known, key, found, self.result.new_kinds, term.name)
        return found

    def _read_fund_criteria(self, data: OrganisationData) -> None:
        """A new fund's conditions as its description states them, into its own fields where they are empty (the
        maximum, the minimum of people, what it does not support), said in the row's note for the broker to check."""
        found = criteria.read(data.description)
        said: list[str] = []
        for crit in found:
            if crit.kind == criteria.MAX_AMOUNT and data.fund_max_amount is None and isinstance(crit.value, Decimal):
                data.fund_max_amount = crit.value
                said.append(f"hooguit {format_euro(crit.value)}")
            elif crit.kind == criteria.MIN_PEOPLE and data.fund_min_initiators is None and isinstance(crit.value, int):
                data.fund_min_initiators = crit.value
                said.append(f"minstens {crit.value} mensen")
        if not data.fund_excludes:
            phrases = [p for p in (criteria.phrase(crit) for crit in found) if p]
            if phrases:
                data.fund_excludes = "; ".join(phrases)
                said.extend(phrases)
        if said:
            self._add_note("voorwaarden gelezen uit de omschrijving: " + "; ".join(said))

    def _term_list(self, vocabulary: Vocabulary, ids: Sequence[str]) -> str:
        names = self.term_names[vocabulary.value]
        return ", ".join(names.get(i, i) for i in ids)

    def _add_note(self, note: str) -> None:
        self._note = f"{self._note}; {note}" if self._note else note

    def _propose(self, vocabulary: Vocabulary, text: str, cues: Mapping[str, tuple[str, ...]]) -> list[str]:
        found = proposals.propose(text, self.term_names[vocabulary.value], cues)
        if found:
            self._proposed = True
        return found

    def term_ids(self, vocabulary: Vocabulary, cell: str) -> list[str]:
        known = self.terms[vocabulary.value]
        out: list[str] = []
        for value in split_list(cell):
            found = known.get(normalise(value))
            if found is None:
                if value not in self._row_unknown:
                    self._row_unknown.append(value)
            elif found not in out:
                out.append(found)
        return out

    def cell(self, cells: Sequence[str], key: str) -> str:
        index = self.columns.get(key)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    def _refs(self, ids: Sequence[str]) -> str:
        return ", ".join(
            self.references.get(i, "").split(" ")[0] or f"nieuw (regel {self.claimed.get(i)})" for i in ids
        )

    def _organisation_candidates(self, name: str, kvk: str, website: str) -> tuple[list[str], bool]:
        """The stored organisations a row may be, and whether the row's name is not theirs (matched by KvK).

        Same KvK number, else same name (apart from case, accents, spaces and legal form), else same website;
        several candidates are sorted out by the caller. A row that points at two different records, or only by
        website at a record with another name, is rejected here.
        """
        by_name = self.orgs_by_name.get(organisation_key(name), [])
        by_kvk = self.orgs_by_kvk.get(kvk, []) if kvk and kvk not in self.file_kvks else []
        if len(by_kvk) > 1:
            # Branches with one KvK number: the name says which, else only an exact repeat of one of them will do.
            named = [i for i in by_kvk if i in by_name]
            return (named if len(named) == 1 else list(by_kvk)), False
        if by_kvk:
            found = by_kvk[0]
            if by_name and found not in by_name:
                raise KnownError(
                    f"De naam hoort bij {self._labels(by_name)}, maar het KvK-nummer {kvk} bij {self._labels(by_kvk)}. "
                    "Pas de rij aan, of voeg de organisaties samen via Bewerken → Dubbele organisaties zoeken."
                )
            return [found], not by_name
        if by_name:
            return list(by_name), False
        site = website_key(website)
        by_site = self.orgs_by_website.get(site, []) if site and site not in self.file_sites else []
        if len(by_site) == 1:
            raise KnownError(
                f"De website {website} hoort bij {self._labels(by_site)}, die een andere naam heeft. Is het dezelfde "
                "organisatie, pas dan de naam in de rij aan of voeg ze samen via Bewerken → Dubbele organisaties "
                "zoeken; is het een andere, verbeter dan de website."
            )
        return [], False

    def _labels(self, ids: Sequence[str]) -> str:
        return ", ".join(self.references.get(i) or f"de organisatie van regel {self.claimed.get(i)}" for i in ids)

    def _prefetch(self) -> None:
        """Load the stored records this file updates in a few queries, not a handful per row."""
        wanted: set[str] = set()
        if self.kind == "organisaties":
            if not self.orgs_by_name:
                return  # an empty registry: every row is new
            for _, c in self.table.rows:
                wanted.update(self.orgs_by_name.get(organisation_key(self.cell(c, "naam")), ()))
                kvk = _excel_kvk(self.cell(c, "kvk"))
                if kvk:
                    wanted.update(self.orgs_by_kvk.get(kvk, ()))
                site = website_key(self.cell(c, "website"))
                if site:
                    wanted.update(self.orgs_by_website.get(site, ()))
        else:
            for _, c in self.table.rows:
                title = idea_key(self.cell(c, "titel"))
                area = self.areas.get(normalise(self.cell(c, "wijk"))) if self.cell(c, "wijk") else None
                wanted.update(self.ideas_by_key.get((title, area), ()) if area else self.ideas_by_title.get(title, ()))
        ids = sorted(wanted)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if self.kind == "organisaties":
                self.stored.update(_organisation_data_by_id(self.s, chunk))
            else:
                for i in self.s.scalars(
                    select(Idea)
                    .where(Idea.id.in_(chunk))
                    .options(
                        selectinload(Idea.themes),
                        selectinload(Idea.needs),
                        selectinload(Idea.initiators).selectinload(Initiator.consents),
                    )
                ):
                    self.stored[i.id] = ideas.idea_data(i)

    # The run.

    def run(self) -> None:
        self._prefetch()
        handle = self._organisation if self.kind == "organisaties" else self._idea
        label_key = _REQUIRED[self.kind]
        for number, cells in self.table.rows:
            self.number = number
            self._undo.clear()
            self._row_unknown.clear()
            self._touched = None
            self._note = ""
            self._proposed = False
            label = self.cell(cells, label_key)
            self._savepoint = None
            try:
                too_long = next((i for i, cell in enumerate(cells) if len(cell) > MAX_CELL_LENGTH), None)
                if too_long is not None:
                    header = self.table.headers[too_long] if too_long < len(self.table.headers) else ""
                    raise KnownError(
                        f"De cel in kolom {column_letter(too_long)} ({header or 'zonder naam'}) is te lang: "
                        f"{len(cells[too_long])} tekens, de grens is {MAX_CELL_LENGTH}."
                    )
                outcome = handle(cells)
            except (KnownError, DataError) as exc:
                if self._savepoint is not None:
                    self._savepoint.rollback()
                for undo in reversed(self._undo):
                    undo()
                reason = _reason(exc)
                self.result.rejected.append((number, reason, list(cells)))
                self.result.rows.append(RowOutcome(number, REJECTED, label[:200], reason=reason))
                continue
            if self._savepoint is not None:
                self._savepoint.commit()
            setattr(self.result, outcome, getattr(self.result, outcome) + 1)
            record_id, target = "", ""
            if self._touched is not None:
                record_id, action, before, target = self._touched
                self.claimed.setdefault(record_id, number)
                if action != UNCHANGED:
                    # The first change of a record in this import holds the values to go back to.
                    self.journal.setdefault(record_id, (action, before))
            self.result.rows.append(
                RowOutcome(number, outcome, label, target=target, record_id=record_id or None, note=self._note)
            )
            if self._note:
                self.result.notes.append((number, self._note))
            if self._proposed:
                self.result.proposed.append(number)
            for value in self._row_unknown:
                # One entry per value whatever its spelling, under the spelling seen first.
                spelling = self._spellings.setdefault(normalise(value), value)
                rows = self.result.unknown_terms.setdefault(spelling, [])
                if number not in rows:
                    rows.append(number)
        self._insert_pending()

    def _repeated(self, record_id: str, what: str) -> KnownError:
        line = self.claimed[record_id]
        return KnownError(
            f"{what} staat al op regel {line} van dit bestand, met andere gegevens. Laat één van beide regels staan."
        )

    def _organisation(self, cells: Sequence[str]) -> str:
        def c(key: str) -> str:
            return self.cell(cells, key)

        name = c("naam")
        if not name:
            raise KnownError("De naam is verplicht.")
        active: bool | None = None
        if c("actief"):
            answer = normalise(c("actief"))
            if answer not in _YES | _NO:
                raise KnownError(f"'{c('actief')}' in de kolom actief is geen ja of nee.")
            active = answer in _YES
        kvk = _excel_kvk(c("kvk"))
        candidates, other_name = self._organisation_candidates(name, kvk, c("website"))
        if len(candidates) > 1:
            # Several stored organisations have this name (or KvK number): the row is one of them only when it
            # repeats it exactly, as an unchanged export does; anything else cannot be told apart.
            for candidate in candidates:
                before = self._stored(candidate)
                data = self._organisation_data(cells, before, name, kvk, active, keep_name=False)
                if self._unchanged(organisations.validate_organisation, data, before):
                    self._touched = (candidate, UNCHANGED, None, _label(before.reference, before.name))
                    return UNCHANGED
            what = (
                "met dit KvK-nummer"
                if kvk and kvk not in self.file_kvks and len(self.orgs_by_kvk.get(kvk, [])) > 1
                else "met deze naam"
            )
            raise KnownError(
                f"Er zijn meer organisaties {what}: {self._refs(candidates)}. "
                "Pas de rij of de organisaties in Makelaar aan."
            )
        existing_id = candidates[0] if candidates else None
        before = self._stored(existing_id) if existing_id else None
        data = self._organisation_data(cells, before, name, kvk, active, keep_name=other_name)
        target = _label(before.reference, before.name) if before is not None else ""
        if before is not None and other_name:
            self._note = "naam in het bestand wijkt af; naam in Makelaar blijft"
        if before is not None and self._unchanged(organisations.validate_organisation, data, before):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        if existing_id is not None and existing_id in self.claimed:
            raise self._repeated(existing_id, "Deze organisatie")
        if existing_id is None:
            saved = self._pend(new_id(), data)
        else:
            # No autoflush: the service assigns the new record's lists after a query, which would otherwise flush
            # the half-made record and lazy-load each list back (a third of the time of a large import).
            self._writing()
            with self.s.no_autoflush:
                saved = organisations.save_organisation(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        old = before or OrganisationData(name="")
        self._index(
            self.orgs_by_name, organisation_key(old.name) if before else "", organisation_key(saved.name), saved.id
        )
        self._index(self.orgs_by_kvk, old.kvk or "", saved.kvk or "", saved.id)
        self._index(self.orgs_by_website, website_key(old.website), website_key(saved.website), saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    def _stored(self, record_id: str) -> Any:
        found = self.stored.get(record_id)
        if found is None:
            found = (
                organisations.get_organisation(self.s, record_id)
                if self.kind == "organisaties"
                else ideas.get_idea(self.s, record_id)
            )
        return found

    def _unchanged(self, validate: Callable[[Any], Any], data: Any, before: Any) -> bool:
        """Whether saving ``data`` would leave ``before`` as it is (an unchanged export read in again)."""
        if _same(data, before):
            return True  # the file repeats the stored (already clean) values: no need to validate anything
        clean = validate(data)
        # The stored values are normally clean already; only when not is the stored record cleaned to compare.
        return _same(clean, before) or _same(clean, _valid_or_none(validate, before))

    def _organisation_data(
        self,
        cells: Sequence[str],
        before: OrganisationData | None,
        name: str,
        kvk: str,
        active: bool | None,
        *,
        keep_name: bool,
    ) -> OrganisationData:
        def c(key: str) -> str:
            return self.cell(cells, key)

        data = replace(before) if before else OrganisationData(name=name)
        if not keep_name:
            data.name = name
        if c("soort"):
            data.kind_id = self.kind_id(c("soort"))
        for attr, value in (
            ("description", c("omschrijving")),
            ("website", c("website")),
            ("kvk", kvk),
            ("email", c("email")),
            ("phone", _excel_phone(c("telefoon"))),
            ("address", c("adres")),
            ("postcode", c("postcode")),
            ("city", c("plaats")),
        ):
            if value:
                setattr(data, attr, value)
        if active is not None:
            data.active = active
        offers = self.term_ids(Vocabulary.HELP_TYPE, c("biedt"))
        themes = self.term_ids(Vocabulary.THEME, c("themas"))
        if self.propose and not before:
            # A sociale kaart without our vocabulary: propose it from the row's own words, for the broker to check.
            text = " ".join((name, c("soort"), c("biedt"), c("themas"), c("omschrijving")))
            said: list[str] = []
            if not offers:
                offers = self._propose(Vocabulary.HELP_TYPE, text, proposals.HELP_CUES)
                if offers:
                    said.append("soorten hulp " + self._term_list(Vocabulary.HELP_TYPE, offers))
            if not themes:
                themes = self._propose(Vocabulary.THEME, text, proposals.THEME_CUES)
                if themes:
                    said.append("thema's " + self._term_list(Vocabulary.THEME, themes))
            if said:
                self._add_note("voorgesteld uit de tekst: " + "; ".join(said))
        areas = list(dict.fromkeys(self.area_id(n) for n in split_list(c("wijken"))))
        data.offer_ids = offers or data.offer_ids
        data.theme_ids = themes or data.theme_ids
        if not before and normalise(c("soort")) == "fonds":
            self._read_fund_criteria(data)
        data.area_ids = areas or data.area_ids
        contact = c("contactpersoon")
        # The file's telefoon and email are the organisation's own; contactpersoon names the person to ask for.
        if contact and all(normalise(ct.name) != normalise(contact) for ct in data.contacts):
            data.contacts = [*data.contacts, ContactData(name=contact)]
        return data

    def _pend(self, record_id: str, data: OrganisationData) -> OrganisationData:
        """A new organisation is validated now and inserted with the others at the end, in one bulk insert per
        table: saving 20,000 a row at a time through the ORM takes minutes, a Core insert of the same rows seconds."""
        clean = organisations.validate_organisation(data)
        clean.id = record_id
        self._remember(self.pending, record_id, clean)
        return clean

    def _insert_pending(self) -> None:
        """Insert the new organisations as save_organisation would have: links, contacts, a note on the timeline."""
        pending = list(self.pending.values())
        if not pending:
            return
        now = utcnow()
        references = _reserve_references(self.s, "O", len(pending))
        orgs: list[dict[str, Any]] = []
        links: dict[Any, list[dict[str, str]]] = {
            organisation_offers: [],
            organisation_themes: [],
            organisation_areas: [],
        }
        contacts: list[dict[str, Any]] = []
        notes: list[dict[str, Any]] = []
        for data, reference in zip(pending, references, strict=True):
            assert data.id is not None
            stamps = {"version": 1, "created_at": now, "updated_at": now}
            orgs.append(
                {"id": data.id, "reference": reference, **stamps, **{a: getattr(data, a) for a in _ORGANISATION_FIELDS}}
            )
            for link, ids in (
                (organisation_offers, data.offer_ids),
                (organisation_themes, data.theme_ids),
                (organisation_areas, data.area_ids),
            ):
                column = "area_id" if link is organisation_areas else "term_id"
                links[link].extend({"organisation_id": data.id, column: i} for i in dict.fromkeys(ids))
            contacts.extend(
                {**asdict(ct), "id": new_id(), "organisation_id": data.id, **stamps} for ct in data.contacts
            )
            notes.append(
                {
                    "id": new_id(),
                    "organisation_id": data.id,
                    "kind": ActivityKind.NOTE.value,
                    "text": "Organisatie toegevoegd.",
                    "occurred_at": now,
                    "created_at": now,
                }
            )
        # Core inserts on the session's connection: the ORM's bulk insert inspects every dict again.
        conn = self.s.connection()
        conn.execute(insert(_core_table(Organisation)), orgs)
        for link, rows in links.items():
            if rows:
                conn.execute(insert(link), rows)
        if contacts:
            conn.execute(insert(_core_table(Contact)), contacts)
        conn.execute(insert(_core_table(Activity)), notes)
        self.pending.clear()

    def _idea(self, cells: Sequence[str]) -> str:
        def c(key: str) -> str:
            return self.cell(cells, key)

        title = c("titel")
        if not title:
            raise KnownError("De titel is verplicht.")
        area_id = self.area_id(c("wijk")) if c("wijk") else None
        problems: list[str] = []
        team: int | None = None
        received: date | None = None
        try:
            team = v.clean_team_size(_excel_int(c("teamgrootte")))
        except ValueError as exc:
            problems.append(str(exc))
        try:
            received = _excel_date(c("datum"))
        except ValueError as exc:
            problems.append(str(exc))
        status = _STATUSES.get(normalise(c("status"))) if c("status") else None
        if c("status") and status is None:
            problems.append(f"Onbekende status '{c('status')}'; kies uit: {', '.join(s.value for s in IdeaStatus)}.")
        source = _SOURCES.get(normalise(c("bron"))) if c("bron") else None
        if c("bron") and source is None:
            problems.append(f"Onbekende bron '{c('bron')}'; kies uit: {', '.join(s.value for s in IdeaSource)}.")
        if problems:
            raise KnownError(" ".join(problems))
        title_key = idea_key(title)
        # Without a wijk the title alone says which idea it is, when exactly one stored idea has it.
        candidates = list(
            self.ideas_by_key.get((title_key, area_id), []) if area_id else self.ideas_by_title.get(title_key, [])
        )

        def build(before: IdeaData | None) -> IdeaData:
            # The initiators are copied too: merging the file's contact data changes them in place.
            data = (
                replace(before, initiators=[replace(p) for p in before.initiators])
                if before
                else IdeaData(title=title, area_id=area_id)
            )
            data.title = title
            if c("omschrijving"):
                data.description = c("omschrijving")
            data.theme_ids = self.term_ids(Vocabulary.THEME, c("themas")) or data.theme_ids
            data.need_ids = self.term_ids(Vocabulary.HELP_TYPE, c("behoeften")) or data.need_ids
            data.team_size = team if team is not None else data.team_size
            data.status = status or data.status
            data.source = source or data.source
            data.received_on = received or data.received_on
            self._note = self._merge_initiator(data, c("initiatiefnemer"), c("email"), _excel_phone(c("telefoon")))
            return data

        if len(candidates) > 1:
            for candidate in candidates:
                before = self._stored(candidate)
                if self._unchanged(ideas.validate_idea, build(before), before):
                    self._touched = (candidate, UNCHANGED, None, _label(before.reference, before.title))
                    return UNCHANGED
            where = "in deze wijk" if area_id else "(het bestand noemt geen wijk)"
            raise KnownError(
                f"Er zijn meer ideeën met deze titel {where}: {self._refs(candidates)}. "
                "Pas de rij of de ideeën in Makelaar aan."
            )
        existing_id = candidates[0] if candidates else None
        before = self._stored(existing_id) if existing_id else None
        data = build(before)
        target = _label(before.reference, before.title) if before is not None else ""
        if before is not None and self._unchanged(ideas.validate_idea, data, before):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        if existing_id is not None and existing_id in self.claimed:
            raise self._repeated(existing_id, "Dit idee")
        self._writing()
        with self.s.no_autoflush:
            saved = ideas.save_idea(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        if before is None:
            self._remember(self.references, saved.id, _label(saved.reference, saved.title))
        self._index(self.ideas_by_key, None, (idea_key(saved.title), saved.area_id), saved.id)
        self._index(self.ideas_by_title, None, idea_key(saved.title), saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    @staticmethod
    def _merge_initiator(data: IdeaData, name: str, email: str, phone: str) -> str:
        """Add the file's initiator to the idea, or their e-mail/phone to the one with that name; returns a note
        for the row when contact details without a name were left out."""
        if not (name or email or phone):
            return ""
        if not name:
            # Contact details without a person they belong to cannot be stored (nor asked for consent).
            return "e-mail of telefoon zonder naam van de initiatiefnemer; niet opgeslagen"
        person = next((p for p in data.initiators if normalise(p.name) == normalise(name)), None)
        if person is None:
            person = InitiatorData(name=name)
            data.initiators = [*data.initiators, person]
        person.email = email or person.email
        person.phone = phone or person.phone
        if (email or phone) and not person.consent_contact:
            # The municipality collected these contact details on its own form for this purpose; the file is its
            # record of that consent, so it is stored as consent for contact (not for sharing with partners).
            person.consent_contact = True
            person.consent_method = ConsentMethod.FORM.value
            person.consent_on = date.today()
        return ""


_ORGANISATION_FIELDS = organisations.ORGANISATION_FIELDS


def _organisation_data_by_id(s: Session, ids: Sequence[str]) -> dict[str, OrganisationData]:
    """Organisations as ``organisations.organisation_data`` gives them, read with plain queries: loading 20,000
    through the ORM with their lists takes seconds."""
    org = _core_table(Organisation)
    out: dict[str, OrganisationData] = {}
    names = list(_ORGANISATION_FIELDS)
    for row in s.execute(
        select(
            org.c.id, org.c.reference, org.c.version, org.c.created_at, org.c.updated_at, *(org.c[a] for a in names)
        ).where(org.c.id.in_(ids))
    ).mappings():
        out[row["id"]] = OrganisationData(
            id=row["id"],
            reference=row["reference"],
            version=row["version"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            **{a: row[a] for a in names},
        )
    for link, column, attr, order in (
        (organisation_offers, "term_id", "offer_ids", VocabularyTerm.position),
        (organisation_themes, "term_id", "theme_ids", VocabularyTerm.position),
        (organisation_areas, "area_id", "area_ids", Area.position),
    ):
        target = VocabularyTerm if column == "term_id" else Area
        for org_id, linked in s.execute(
            select(link.c.organisation_id, link.c[column])
            .join(target, target.id == link.c[column])
            .where(link.c.organisation_id.in_(ids))
            .order_by(link.c.organisation_id, order)
        ):
            getattr(out[org_id], attr).append(linked)
    for org_id, contact_id, name, role, email, phone in s.execute(
        select(Contact.organisation_id, Contact.id, Contact.name, Contact.role, Contact.email, Contact.phone)
        .where(Contact.organisation_id.in_(ids))
        .order_by(Contact.organisation_id, Contact.name)
    ):
        out[org_id].contacts.append(ContactData(id=contact_id, name=name, role=role, email=email, phone=phone))
    return out


def _core_table(model: Any) -> Table_:
    table: Table_ = model.__table__
    return table


def _label(reference: str | None, name: str) -> str:
    return f"{reference} {name}" if reference else name


def _reserve_references(s: Session, prefix: str, count: int) -> list[str]:
    """``count`` consecutive reference numbers in one statement (as services.common.next_reference hands out one)."""
    year = date.today().year
    upsert = postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = (
        upsert(ReferenceCounter)
        .values(prefix=prefix, year=year, last=count)
        .on_conflict_do_update(
            index_elements=[ReferenceCounter.prefix, ReferenceCounter.year],
            set_={"last": ReferenceCounter.last + count},
        )
        .returning(ReferenceCounter.last)
    )
    last = int(s.execute(stmt).scalar_one())
    return [f"{prefix}-{year}-{n:04d}" for n in range(last - count + 1, last + 1)]


def _valid_or_none(validate: Callable[[Any], Any], data: Any) -> Any:
    try:
        return validate(data)
    except KnownError:
        return None


_IGNORED_IN_COMPARISON = frozenset({"version", "created_at", "updated_at"})


def _comparable(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return tuple(
            (f.name, _comparable(getattr(value, f.name))) for f in fields(value) if f.name not in _IGNORED_IN_COMPARISON
        )
    if isinstance(value, list):
        items = [_comparable(x) for x in value]
        # Term and area ids: their order comes from the vocabulary, not from the file.
        return tuple(sorted(items)) if all(isinstance(x, str) for x in items) else tuple(items)
    return value


def _same(new: Any, old: Any) -> bool:
    return old is not None and _comparable(new) == _comparable(old)


def _reason(exc: Exception) -> str:
    if isinstance(exc, DataError):
        return "Een waarde is te lang of heeft een vorm die de database niet aanneemt."
    return " ".join(str(exc).split())


def rejects_path_for(path: Path) -> Path:
    return path.with_name(f"{path.stem}-afgewezen.csv")


def import_path(
    store: Store,
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, int | str | None] | None = None,
    table: Table | None = None,
    propose: bool = True,
) -> ImportResult:
    """Import organisations or ideas from a CSV or XLSX file; see the module docstring for the rules.

    With ``propose`` a new organisation whose row names no type of help or theme Makelaar knows gets them proposed
    from its own words (:mod:`makelaar.domain.proposals`); each such row says so in its note.

    ``mapping`` (canonical column -> file column index, or None / "ignore") replaces the guess from the headers;
    a column it leaves out is not read. ``table`` is the file as :func:`read_table` already read it (the wizard
    reads it once to show it). A real import is journalled as a batch that :mod:`makelaar.services.imports` can
    undo; ``result.rows`` says per row what happened (in a dry run: what would happen).
    """
    _check_kind(kind)
    if table is None:
        table = read_table(path)
    columns = None if mapping is None else _checked_mapping(kind, table.headers, mapping)
    required = _REQUIRED[kind]
    result = ImportResult(kind=kind, path=path, dry_run=dry_run)
    with store.sessions() as s:
        if store.actor:
            s.info[ACTOR_INFO] = store.actor
        s.begin()
        importer = _Importer(s, kind, table, result, columns, propose=propose)
        if required not in importer.columns:
            expected = "; ".join(ORGANISATION_COLUMNS[:6] if kind == "organisaties" else IDEA_COLUMNS[:6])
            raise KnownError(
                f"In {path} staat geen kolom '{required}'. De eerste regel moet de kolomnamen bevatten, zoals: "
                f"{expected}."
            )
        importer.run()
        if not dry_run and importer.journal:
            result.batch_id = imports.record_batch(s, kind, path, result, importer.journal)
        # Written before the commit: if the rejected rows cannot be saved for the user, nothing is imported.
        result.rejects_path = _write_rejects(path, table.headers, result.rejected)
        if dry_run:
            s.rollback()
        else:
            s.commit()
    return result


def _write_rejects(path: Path, headers: list[str], rejected: list[tuple[int, str, list[str]]]) -> Path | None:
    target = rejects_path_for(path)
    try:
        if not rejected:
            # A rejects file from an earlier run would suggest rows failed this time too.
            target.unlink(missing_ok=True)
            return None
        _write_csv(target, ["regel", "reden", *headers], [[str(n), reason, *cells] for n, reason, cells in rejected])
    except OSError as exc:
        raise KnownError(
            f"De afgewezen regels kunnen niet worden opgeslagen in {target}: {file_error_text(exc, target)}. "
            "Er is niets ingelezen."
        ) from exc
    return target


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


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): such a cell gets a leading apostrophe,
# so Excel and LibreOffice show it as text. A cell read back with that apostrophe loses it again (_unescaped).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unescaped(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


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
