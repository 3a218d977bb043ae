"""Types of help and themes proposed from an organisation's own words, for a sociale kaart that has none.

A real municipality's published sociale kaart rarely speaks Makelaar's vocabulary: it has a name, a category, a line
"Levert: ..." and a description, but no column of help types or themes. Matching on words alone then ranks a
"Carrière coach café" above two language classes for a taalcafé. :func:`propose` reads the words that say a type of
help or a theme in everyday Dutch ("zaal", "te huur" -> ruimte; "subsidie", "bijdrage" -> geld; "taalles",
"huiswerk" -> onderwijs) and proposes the vocabulary entries they point at. The import uses it only for a row
that names none itself, and says so in its summary, for the broker to check.

Cues are word beginnings (compound-aware at the start: "zaalverhuur", "taalles"), matched after folding case and
accents. Entries a municipality added or renamed are proposed when their own name occurs in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from makelaar.domain.dutch import fold

# Everyday Dutch cues per default type of help (DESIGN.md's vocabulary), as word beginnings.
HELP_CUES: dict[str, tuple[str, ...]] = {
    "ruimte": (
        "ruimte",
        "zaal",
        "zalen",
        "lokaal",
        "lokalen",
        "te huur",
        "verhuur",
        "ontmoetingsplek",
        "ontmoetingsruimte",
        "vergaderruimte",
        "kantine",
        "accommodatie",
        "buurthuis",
        "wijkcentrum",
        "dorpshuis",
        "gebouw",
        "terrein",
        "huiskamer",
    ),
    "geld": (
        "geld",
        "subsidie",
        "fonds",
        "bijdrage",
        "financi",
        "budget",
        "sponsor",
        "donatie",
        "gift",
        "giften",
        "vergoeding",
    ),
    "vrijwilligers": ("vrijwilliger", "vrijwilligers", "handen", "maatje", "maatjes", "buddy"),
    "advies": (
        "advies",
        "adviseer",
        "adviseert",
        "adviseren",
        "begeleid",
        "coach",
        "ondersteun",
        "informatie",
        "voorlichting",
        "cursus",
        "cursussen",
        "training",
        "workshop",
        "spreekuur",
        "les ",
        "lessen",
        "uitleg",
        "denkt mee",
        "denken mee",
        "meedenken",
    ),
    "netwerk": (
        "netwerk",
        "contacten",
        "verbind",
        "in contact",
        "doorverwijz",
        "verwijst",
        "samenwerk",
        "kent iedereen",
        "kennen de buurt",
    ),
    "materiaal": (
        "materiaal",
        "materialen",
        "gereedschap",
        "uitlenen",
        "uitleen",
        "leent",
        "lenen",
        "spullen",
        "kleding",
        "voedsel",
        "tenten",
    ),
    "vergunning": ("vergunning", "ontheffing", "toestemming", "melding", "regels", "evenementenloket"),
    "publiciteit": (
        "publiciteit",
        "krant",
        "huis-aan-huisblad",
        "omroep",
        "radio",
        "nieuwsbrief",
        "social media",
        "aankondig",
        "berichten",
        "pers",
    ),
    "organisatie": (
        "verzekering",
        "administratie",
        "begroting",
        "rechtsvorm",
        "stichting oprichten",
        "plan maken",
        "plannen uit te werken",
        "organiseren",
    ),
}

# Everyday Dutch cues per default theme.
THEME_CUES: dict[str, tuple[str, ...]] = {
    "welzijn": ("welzijn", "eenzaam", "ontmoet", "buurt", "mantelzorg", "senioren", "ouderen", "opbouwwerk"),
    "zorg": ("zorg", "thuiszorg", "verpleeg", "mantelzorg", "dagbesteding", "beperking", "wmo", "dementie"),
    "gezondheid": ("gezond", "bewegen", "huisarts", "ggd", "reanim", "ehbo", "roken", "voeding"),
    "sport": ("sport", "voetbal", "hockey", "tennis", "gym", "bewegen", "zwem", "fiets", "wandel", "schaats"),
    "cultuur": (
        "cultuur",
        "muziek",
        "theater",
        "kunst",
        "erfgoed",
        "historie",
        "museum",
        "bibliotheek",
        "koor",
        "film",
        "expositie",
        "dans",
    ),
    "jeugd": ("jeugd", "jongeren", "kinderen", "kind ", "tiener", "scouting", "speeltuin", "school"),
    "onderwijs": (
        "onderwijs",
        "school",
        "scholen",
        "leren",
        "taal",
        "huiswerk",
        "cursus",
        "les ",
        "lessen",
        "bibliotheek",
        "digitale vaardig",
    ),
    "wonen": ("wonen", "woning", "huurder", "huurwoning", "corporatie", "woonlocatie", "verhuur van woningen"),
    "openbare ruimte": ("openbare ruimte", "groen", "park", "straat", "speelplek", "bermen", "wegen", "plein"),
    "duurzaamheid": (
        "duurzaam",
        "energie",
        "zonnepan",
        "isol",
        "klimaat",
        "natuur",
        "afval",
        "repareren",
        "reparatie",
        "hergebruik",
        "tuin",
    ),
    "veiligheid": ("veilig", "preventie", "inbraak", "wijkagent", "politie", "brand", "verkeer"),
    "werk en inkomen": (
        "werk",
        "inkomen",
        "schuld",
        "armoede",
        "uitkering",
        "voedselbank",
        "geldzaken",
        "baan",
        "sollicit",
        "krap",
    ),
}


def _pattern(cues: Iterable[str]) -> re.Pattern[str]:
    words = sorted({fold(c) for c in cues if c}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")")


def propose(text: str, entries: Mapping[str, str], cues: Mapping[str, Iterable[str]]) -> list[str]:
    """The ids of the vocabulary ``entries`` (id -> name) that ``text`` points at, in the entries' order: by the
    everyday ``cues`` of an entry with a default name (:data:`HELP_CUES`, :data:`THEME_CUES`), or else by the
    entry's own name."""
    folded = f" {fold(text)} "
    if not folded.strip():
        return []
    out: list[str] = []
    for ident, name in entries.items():
        key = fold(name).strip()
        if not key:
            continue
        # A default entry by its everyday words only: "organisatie" in "Organisatie De Ster" is no help with
        # organising. An entry the municipality added is found by its own name.
        pattern = _pattern(tuple(cues.get(key, ())) or (key,))
        if pattern.search(folded):
            out.append(ident)
    return out
