"""The default vocabulary of DESIGN.md, and how list values are matched to it."""

from __future__ import annotations

import unicodedata

from makelaar.domain.enums import Vocabulary

# (key, Dutch name). The key never changes, so a renamed entry is still recognised by matching and imports.
DEFAULT_TERMS: dict[Vocabulary, list[tuple[str, str]]] = {
    Vocabulary.HELP_TYPE: [
        ("ruimte", "ruimte"),
        ("geld", "geld"),
        ("vrijwilligers", "vrijwilligers"),
        ("advies", "advies"),
        ("netwerk", "netwerk"),
        ("materiaal", "materiaal"),
        ("vergunning", "vergunning"),
        ("publiciteit", "publiciteit"),
        ("organisatie", "organisatie"),
    ],
    Vocabulary.THEME: [
        ("welzijn", "welzijn"),
        ("zorg", "zorg"),
        ("gezondheid", "gezondheid"),
        ("sport", "sport"),
        ("cultuur", "cultuur"),
        ("jeugd", "jeugd"),
        ("onderwijs", "onderwijs"),
        ("wonen", "wonen"),
        ("openbare_ruimte", "openbare ruimte"),
        ("duurzaamheid", "duurzaamheid"),
        ("veiligheid", "veiligheid"),
        ("werk_en_inkomen", "werk en inkomen"),
    ],
    Vocabulary.ORGANISATION_KIND: [
        ("stichting", "stichting"),
        ("vereniging", "vereniging"),
        ("cooperatie", "coöperatie"),
        ("bedrijf", "bedrijf"),
        ("fonds", "fonds"),
        ("gemeente", "gemeente"),
        ("overheid", "overheid"),
        ("onderwijs", "onderwijs"),
        ("zorgorganisatie", "zorgorganisatie"),
        ("woningcorporatie", "woningcorporatie"),
        ("kerk", "kerk/levensbeschouwing"),
        ("informeel", "informeel (bewonersgroep, netwerk)"),
    ],
}

MUNICIPALITY_WIDE = "hele gemeente"


def normalise(text: str) -> str:
    """Fold case, accents and surrounding/inner runs of spaces, for matching a value to the vocabulary."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def split_list(cell: str | None) -> list[str]:
    """Split a list cell ("welzijn, zorg") into its values, dropping empty ones.

    A semicolon or a line break (Alt+Enter in an Excel cell) separates values like a comma.
    """
    if not cell:
        return []
    for separator in (";", "\r\n", "\n", "\r"):
        cell = cell.replace(separator, ",")
    return [part.strip() for part in cell.split(",") if part.strip()]
