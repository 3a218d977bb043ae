"""Import and export of organisations and ideas in the canonical CSV shape of DESIGN.md (and the same columns in XLSX).

Import rules a reader would not guess:

- Every row is saved through the same services as the GUI, each in its own savepoint, so a bad row is rejected
  (and written with its reason to ``<stem>-afgewezen.csv`` next to the input) while the good rows around it stay.
- An organisation already in the store (the same KvK number, else the same name apart from case, accents, spaces
  and legal form, else the same website) or an idea already in the store (same title and wijk) is updated, not
  added. A website several stored organisations share (a municipality's teams) identifies none of them. A row that
  would change nothing counts as unchanged, so importing the same file twice adds and changes nothing.
- The header is the row among the first ten that names the most known columns (a title above it is skipped); which
  file column feeds which canonical column is guessed from the header spellings (:func:`guess_mapping`) unless
  the caller (the import wizard) passes its own mapping.
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
import functools
import io
import os
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from sqlalchemy import Table as Table_
from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError
from sqlalchemy.orm import Session, SessionTransaction, selectinload

from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind, AreaKind, ConsentMethod, IdeaSource, IdeaStatus, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.domain.vocabulary import MUNICIPALITY_WIDE, normalise, split_list
from makelaar.services import audit, ideas, imports, matches, organisations
from makelaar.services import vocabulary as vocab
from makelaar.services.listing import ListQuery
from makelaar.storage.base import ACTOR_INFO, new_id, utcnow
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
        "biedt": ("biedt", "aanbod", "biedtaan", "soorthulp", "hulp"),
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
    return [h for i, h in enumerate(headers) if h.strip() and i not in used]


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
        raise KnownError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror}.") from exc
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
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def _delimiter(text: str) -> str:
    """The separator of the header line: whichever of ; tab , occurs most outside quotes (; when in doubt)."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {";": 0, "\t": 0, ",": 0}
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts.values())
    return next(d for d in (";", "\t", ",") if counts[d] == best)


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
    try:
        while True:
            first_line = skipped + reader.line_num + 1  # a quoted multi-line cell makes a record span several lines
            try:
                cells = next(reader)
            except StopIteration:
                break
            records.append((first_line, [c.replace("\r\n", "\n").replace("\r", "\n") for c in cells]))
    except csv.Error as exc:
        raise KnownError(f"{path} is geen leesbaar CSV-bestand (regel {skipped + reader.line_num}): {exc}.") from exc
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
        if self.unknown_columns:
            lines.append(f"Onbekende kolommen, niet ingelezen: {', '.join(self.unknown_columns)}.")
        if self.new_areas:
            lines.append(f"Nieuwe wijken toegevoegd: {', '.join(self.new_areas)}.")
        if self.new_kinds:
            lines.append(f"Nieuwe soorten organisatie toegevoegd: {', '.join(self.new_kinds)}.")
        if self.unknown_terms:
            listed = "; ".join(f"{value} ({_line_list(numbers)})" for value, numbers in self.unknown_terms.items())
            lines.append(f"Onbekende thema's en soorten hulp, weggelaten: {listed}.")
        return lines


def _line_list(numbers: list[int], shown: int = 10) -> str:
    text = f"regel {', '.join(str(n) for n in numbers[:shown])}"
    return text + (f" en nog {len(numbers) - shown}" if len(numbers) > shown else "")


# --- importing -------------------------------------------------------------------------------------------------------


class _Importer:
    """One import: lookups built once, then one savepoint per row."""

    def __init__(
        self, s: Session, kind: str, table: Table, result: ImportResult, columns: dict[str, int] | None = None
    ) -> None:
        self.s = s
        self.kind = kind
        self.table = table
        self.result = result
        self.columns = guess_mapping(kind, table.headers) if columns is None else columns
        result.unknown_columns.extend(unmapped_columns(table.headers, self.columns))
        # Record id -> (ADDED or UPDATED, its data before the first change of this import); for the undo.
        self.journal: dict[str, tuple[str, Any]] = {}
        self._touched: tuple[str, str, Any, str] | None = None  # this row's record: id, action, before, target
        # New organisations, validated, waiting for the bulk insert at the end of the run.
        self.pending: dict[str, OrganisationData] = {}
        self._savepoint: SessionTransaction | None = None
        self._undo: list[Callable[[], None]] = []
        self._row_unknown: list[str] = []
        self._spellings: dict[str, str] = {}
        # The stored records this file updates, as plain data (never changed in place).
        self.stored: dict[str, Any] = {}
        self._load_lookups()

    def _load_lookups(self) -> None:
        s = self.s
        wide = vocab.municipality_area(s)
        self.areas: dict[str, str] = {normalise(a.name): a.id for a in s.scalars(select(Area))}
        for alias in (MUNICIPALITY_WIDE, "gemeentebreed", "gemeente breed", "heel de gemeente", wide.name):
            self.areas.setdefault(normalise(alias), wide.id)
        self.terms: dict[str, dict[str, str]] = {v.value: {} for v in Vocabulary}
        for t in s.scalars(select(VocabularyTerm).order_by(VocabularyTerm.position)):
            known = self.terms.setdefault(t.vocabulary, {})
            known.setdefault(normalise(t.name), t.id)
            if t.key:
                known.setdefault(normalise(t.key.replace("_", " ")), t.id)
        self.orgs_by_name: dict[str, str] = {}
        self.orgs_by_kvk: dict[str, str] = {}
        # A website that several organisations share (a municipality's teams) says nothing: mapped to None.
        self.orgs_by_website: dict[str, str | None] = {}
        self.ideas_by_key: dict[tuple[str, str | None], str] = {}
        if self.kind == "organisaties":
            for org_id, name, kvk, website in s.execute(
                select(Organisation.id, Organisation.name, Organisation.kvk, Organisation.website)
            ):
                self.orgs_by_name.setdefault(organisation_key(name), org_id)
                if kvk:
                    self.orgs_by_kvk.setdefault(kvk, org_id)
                site = website_key(website)
                if site:
                    self.orgs_by_website[site] = None if site in self.orgs_by_website else org_id
        else:
            for idea_id, title, area_id in s.execute(select(Idea.id, Idea.title, Idea.area_id)):
                self.ideas_by_key.setdefault((idea_key(title), area_id), idea_id)

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

    def term_ids(self, vocabulary: Vocabulary, cell: str) -> list[str]:
        known = self.terms[vocabulary.value]
        out: list[str] = []
        for value in split_list(cell):
            found = known.get(normalise(value))
            if found is None:
                self._row_unknown.append(value)
            elif found not in out:
                out.append(found)
        return out

    def cell(self, cells: Sequence[str], key: str) -> str:
        index = self.columns.get(key)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    def _existing_organisation(self, name: str, kvk: str, website: str = "") -> str | None:
        """The stored organisation a row is: same KvK number, else same name, else same website."""
        found: str | None = None
        if kvk:
            with contextlib.suppress(ValueError):  # validation rejects a bad number with its own message
                found = self.orgs_by_kvk.get(v.clean_kvk(kvk) or "")
        found = found or self.orgs_by_name.get(organisation_key(name))
        if found is None and website_key(website):
            found = self.orgs_by_website.get(website_key(website))
        return found

    def _prefetch(self) -> None:
        """Load the stored records this file updates in a few queries, not a handful per row."""
        if self.kind == "organisaties" and not self.orgs_by_name:
            return  # an empty registry: every row is new
        if self.kind == "organisaties":
            wanted = {
                self._existing_organisation(self.cell(c, "naam"), self.cell(c, "kvk"), self.cell(c, "website"))
                for _, c in self.table.rows
            }
        else:
            wanted = {
                self.ideas_by_key.get(
                    (idea_key(self.cell(c, "titel")), self.areas.get(normalise(self.cell(c, "wijk"))))
                )
                for _, c in self.table.rows
            }
        ids = sorted(i for i in wanted if i)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            if self.kind == "organisaties":
                for o in self.s.scalars(
                    select(Organisation)
                    .where(Organisation.id.in_(chunk))
                    .options(
                        selectinload(Organisation.offers),
                        selectinload(Organisation.themes),
                        selectinload(Organisation.areas),
                        selectinload(Organisation.contacts),
                    )
                ):
                    self.stored[o.id] = organisations.organisation_data(o)
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
            self._undo.clear()
            self._row_unknown.clear()
            self._touched = None
            label = self.cell(cells, label_key)
            self._savepoint = None
            try:
                outcome = handle(cells)
            except (KnownError, DataError) as exc:
                if self._savepoint is not None:
                    self._savepoint.rollback()
                for undo in reversed(self._undo):
                    undo()
                reason = _reason(exc)
                self.result.rejected.append((number, reason, list(cells)))
                self.result.rows.append(RowOutcome(number, REJECTED, label, reason=reason))
                continue
            if self._savepoint is not None:
                self._savepoint.commit()
            setattr(self.result, outcome, getattr(self.result, outcome) + 1)
            record_id, target = "", ""
            if self._touched is not None:
                record_id, action, before, target = self._touched
                if action != UNCHANGED:
                    # The first change of a record in this import holds the values to go back to.
                    self.journal.setdefault(record_id, (action, before))
            self.result.rows.append(RowOutcome(number, outcome, label, target=target, record_id=record_id or None))
            for value in self._row_unknown:
                # One entry per value whatever its spelling, under the spelling seen first.
                spelling = self._spellings.setdefault(normalise(value), value)
                rows = self.result.unknown_terms.setdefault(spelling, [])
                if number not in rows:
                    rows.append(number)
        self._insert_pending()

    def _organisation(self, cells: Sequence[str]) -> str:
        def c(key: str) -> str:
            return self.cell(cells, key)

        name = c("naam")
        if not name:
            raise KnownError("De naam is verplicht.")
        existing_id = self._existing_organisation(name, c("kvk"), c("website"))
        active: bool | None = None
        if c("actief"):
            answer = normalise(c("actief"))
            if answer not in _YES | _NO:
                raise KnownError(f"'{c('actief')}' in de kolom actief is geen ja of nee.")
            active = answer in _YES
        before: OrganisationData | None = None
        if existing_id:
            before = self.stored.get(existing_id) or organisations.get_organisation(self.s, existing_id)
        data = replace(before) if before else OrganisationData(name=name)
        data.name = name
        if c("soort"):
            data.kind_id = self.kind_id(c("soort"))
        for key, attr in (
            ("omschrijving", "description"),
            ("website", "website"),
            ("kvk", "kvk"),
            ("email", "email"),
            ("telefoon", "phone"),
            ("adres", "address"),
            ("postcode", "postcode"),
            ("plaats", "city"),
        ):
            if c(key):
                setattr(data, attr, c(key))
        if active is not None:
            data.active = active
        offers = self.term_ids(Vocabulary.HELP_TYPE, c("biedt"))
        themes = self.term_ids(Vocabulary.THEME, c("themas"))
        areas = list(dict.fromkeys(self.area_id(n) for n in split_list(c("wijken"))))
        data.offer_ids = offers or data.offer_ids
        data.theme_ids = themes or data.theme_ids
        data.area_ids = areas or data.area_ids
        contact = c("contactpersoon")
        # The file's telefoon and email are the organisation's own; contactpersoon names the person to ask for.
        if contact and all(normalise(ct.name) != normalise(contact) for ct in data.contacts):
            data.contacts = [*data.contacts, ContactData(name=contact)]
        target = _label(before.reference, before.name) if before is not None else ""
        if before is not None and _same(
            organisations.validate_organisation(data), _valid_or_none(organisations.validate_organisation, before)
        ):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        if existing_id is None or existing_id in self.pending:
            saved = self._pend(existing_id or new_id(), data)
        else:
            # No autoflush: the service assigns the new record's lists after a query, which would otherwise flush
            # the half-made record and lazy-load each list back (a third of the time of a large import).
            self._writing()
            with self.s.no_autoflush:
                saved = organisations.save_organisation(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        self._remember(self.orgs_by_name, organisation_key(saved.name), saved.id)
        if saved.kvk:
            self._remember(self.orgs_by_kvk, saved.kvk, saved.id)
        site = website_key(saved.website)
        if site and site not in self.orgs_by_website:
            self._remember(self.orgs_by_website, site, saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    def _pend(self, record_id: str, data: OrganisationData) -> OrganisationData:
        """A new organisation is validated now and inserted with the others at the end, in one bulk insert per
        table: saving 20,000 a row at a time through the ORM takes minutes (PITFALLS.md)."""
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
            team = v.clean_team_size(c("teamgrootte"))
        except ValueError as exc:
            problems.append(str(exc))
        try:
            received = v.parse_date(c("datum"))
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
        key = (idea_key(title), area_id)
        existing_id = self.ideas_by_key.get(key)
        before: IdeaData | None = None
        if existing_id:
            before = self.stored.get(existing_id) or ideas.get_idea(self.s, existing_id)
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
        self._merge_initiator(data, c("initiatiefnemer"), c("email"), c("telefoon"))
        target = _label(before.reference, before.title) if before is not None else ""
        if before is not None and _same(ideas.validate_idea(data), _valid_or_none(ideas.validate_idea, before)):
            self._touched = (existing_id or "", UNCHANGED, None, target)
            return UNCHANGED
        self._writing()
        with self.s.no_autoflush:
            saved = ideas.save_idea(self.s, data)
        assert saved.id is not None
        self._remember(self.stored, saved.id, saved)
        self._remember(self.ideas_by_key, key, saved.id)
        action = UPDATED if existing_id else ADDED
        self._touched = (saved.id, action, before, target)
        return action

    @staticmethod
    def _merge_initiator(data: IdeaData, name: str, email: str, phone: str) -> None:
        if not (name or email or phone):
            return
        person = next((p for p in data.initiators if name and normalise(p.name) == normalise(name)), None)
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


_ORGANISATION_FIELDS = (
    "name",
    "kind_id",
    "description",
    "website",
    "kvk",
    "email",
    "phone",
    "address",
    "postcode",
    "city",
    "active",
    "fund_max_amount",
    "fund_min_initiators",
    "fund_deadline",
    "fund_excludes",
)


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
) -> ImportResult:
    """Import organisations or ideas from a CSV or XLSX file; see the module docstring for the rules.

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
        importer = _Importer(s, kind, table, result, columns)
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
            f"De afgewezen regels kunnen niet worden opgeslagen in {target}: {exc.strerror}. Er is niets ingelezen."
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
    return ORGANISATION_COLUMNS, rows


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
    return IDEA_COLUMNS, rows


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
    return MATCH_COLUMNS, rows


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
        raise KnownError(
            f"{path} kan niet worden geschreven: {exc.strerror}. Staat het bestand nog open in Excel?"
        ) from exc
    if kind == "ideeen" and "initiatiefnemer" in headers:
        column = list(headers).index("initiatiefnemer")
        people = sum(1 for row in rows if row[column].strip())
        if people:
            # The audit log says that residents' data left the program, and how much; not whose or what.
            purpose = ", eigen administratie" if own_records else ""
            audit.record(
                s, audit.FILE_EXPORTED, "ideas", "-", detail=f"{people} initiatiefnemer(s), {suffix[1:]}{purpose}"
            )
    return len(rows)


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Write to a temporary file beside the target first, so a failed write never leaves half a file."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    def write(target: Path) -> None:
        # UTF-8 with BOM and ';': what Dutch Excel opens without asking, and what it writes itself.
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(headers)
            writer.writerows(rows)

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

    numeric = headers.index("teamgrootte") if "teamgrootte" in headers else -1
    sheet.append([header_cell(h) for h in headers])
    for row in rows:
        sheet.append([int(x) if i == numeric and x.isdigit() else text_cell(x) for i, x in enumerate(row)])
    _replace_atomically(path, lambda target: book.save(target))
