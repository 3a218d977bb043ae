"""The columns of the canonical CSV shape, the header spellings real files use, and how names are compared."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from makelaar.domain.enums import IdeaSource, IdeaStatus
from makelaar.domain.errors import KnownError
from makelaar.domain.vocabulary import normalise as _normalise

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
    # "Categorie" in a published sociale kaart holds themes ("Zorg", "Wonen"), not organisation kinds.
    "themas": ("themas", "thema", "themes", "categorie", "categorieen"),
    "telefoon": ("telefoon", "telefoonnummer", "telefoonnr", "tel", "telnr", "mobiel", "phone"),
    "email": ("email", "emailadres", "mail", "mailadres"),
}
# Header spellings seen in real files, keyed by the canonical column. Headers are compared after folding case and
# accents and dropping everything that is not a letter or digit ("Thema's" -> "themas", "E-mail" -> "email").
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "organisaties": {
        **_SHARED_ALIASES,
        "naam": ("naam", "naamorganisatie", "organisatienaam", "organisatie", "name"),
        "soort": ("soort", "soortorganisatie", "organisatiesoort", "type", "typeorganisatie"),
        "biedt": ("biedt", "aanbod", "biedtaan", "soorthulp", "hulp", "levert"),
        "wijken": (
            "wijken",
            "wijk",
            "gebied",
            "gebieden",
            "werkgebied",
            "werkgebieden",
            "buurt",
            "buurten",
            "stadsdeel",
            "stadsdelen",
            "kern",
            "kernen",
            "dorp",
            "dorpen",
        ),
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
        "wijk": ("wijk", "wijken", "buurt", "gebied", "werkgebied", "stadsdeel", "kern", "dorp"),
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


# What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): such a cell gets a leading apostrophe,
# so Excel and LibreOffice show it as text. A cell read back with that apostrophe loses it again (_unescaped).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unescaped(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell
