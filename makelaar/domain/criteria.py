"""A fund's criteria read from its own words, and checked against an idea.

A sociale kaart states a fund's conditions in its description far more often than in separate fields: "alleen voor
verenigingen", "minimaal 10 vrijwilligers", "geen bijdrage aan eten en drinken", "niet voor lessen onder
schooltijd", "geen eenmalige evenementen", "geen bijdrage aan individuele woningen", "voor kinderen en jongeren tot
18 jaar op het gebied van sport, muziek of natuur", "tot 2.500 euro". :func:`read` finds what can be recognised,
each as a :class:`Criterion` with the words it was read from (so the broker can see and confirm it), and
:func:`misfits` says which of them an idea does not meet.

Every check errs on the side of "fits": a criterion only counts against an idea when the idea's own words show it
(its title is about food, it says "onder schooltijd", it is a one-off event without anything recurring). A fund is
never dropped for what the idea does not say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from makelaar.domain.dutch import fold, stem

# The kinds of criterion, stable keys (the reasons and the import summary name them).
LEGAL_FORM = "rechtsvorm"  # only registered associations or foundations apply
MIN_PEOPLE = "minimum_mensen"  # at least N volunteers or initiators
NO_FOOD = "geen_eten"  # no money for food and drink
NO_SCHOOL_TIME = "niet_onder_schooltijd"  # no lessons within school hours
NO_EVENTS = "geen_evenementen"  # no one-off events or parties
NO_HOMES = "geen_woningen"  # nothing for individual (private) homes
YOUTH = "jeugd"  # only for children and young people (up to an age)
SUBJECTS = "onderwerpen"  # only for some subjects ("op het gebied van sport, muziek of natuur")
MAX_AMOUNT = "max_bedrag"  # at most this amount per initiative
GROUP = "doelgroep"  # only for its own people ("voor initiatieven van eigen huurders", "alleen voor de eigen leden")

_NUMBERS = {
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
    "twintig": 20,
}


@dataclass(frozen=True)
class Criterion:
    """One condition of a fund: its kind, a value where it has one (a number, an age, subjects) and the words of the
    description it was read from."""

    kind: str
    value: int | Decimal | tuple[str, ...] | None = None
    phrase: str = ""


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;:!?])\s+|\n+", text) if s.strip()]


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _amount(text: str) -> Decimal | None:
    """ "2.500" / "2500" / "1.000,50" as a Decimal (Dutch notation)."""
    cleaned = text.replace(".", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


_NEG = r"(?:geen|niet|nooit|uitgezonderd|behalve)"
_LEGAL = re.compile(
    r"alleen (?:voor |door )?(?:geregistreerde |erkende )?(?:verenigingen|stichtingen|clubs|rechtspersonen)"
    r"|met een kvk[- ]?inschrijving|ingeschreven (?:bij|in) de kvk"
    r"|niet voor (?:losse |informele )?(?:bewonersgroepen|bewoners|particulieren|individuen|personen)"
)
_MIN = re.compile(
    r"(?:minimaal|minstens|ten ?minste|vanaf|met meer dan) (\d+|\w+) "
    r"(vrijwilligers|initiatiefnemers|deelnemers|bewoners|mensen|personen|huishoudens)"
)
_FOOD_WORDS = r"(?:eten(?: en drinken)?|drinken|voedsel|maaltijden|catering|consumpties|hapjes|drankjes|koffie)"
_FOOD = re.compile(rf"{_NEG} (?:\w+ ){{0,3}}(?:aan|voor) {_FOOD_WORDS}|{_FOOD_WORDS} (?:wordt|worden) niet vergoed")
_SCHOOL = re.compile(rf"{_NEG} .{{0,80}}(?:onder|binnen|tijdens) (?:schooltijd|lestijd|schooluren)")
_EVENTS = re.compile(
    rf"{_NEG} (?:\w+ ){{0,3}}(?:eenmalige|losse|incidentele) (?:\w+ ){{0,2}}"
    r"(?:feesten|feestjes|evenementen|activiteiten|festiviteiten)"
    rf"|{_NEG} (?:\w+ ){{0,2}}(?:feesten|evenementen|festiviteiten)"
)
_HOMES = re.compile(rf"{_NEG} .{{0,30}}(?:individuele|particuliere|eigen|prive) (?:woningen|woning|huizen|huis)")
_YOUTH = re.compile(r"(?:kinderen|jongeren|jeugd|tieners|scholieren)(?:[^.;]{0,40}?) (?:tot|t/m|tot en met) (\d+) jaar")
_SUBJECTS = re.compile(r"op het gebied van ([\w ,]+?)(?:[.;]|$| voor | met )")
_GROUP = re.compile(
    r"(?:alleen )?voor (?:initiatieven |projecten |activiteiten )?(?:van )?(?:de |haar |zijn |hun )?eigen (\w+)"
    r"|alleen voor (?:de )?(leden|huurders|bewoners|cliënten|clienten|deelnemers)\b"
)
_MAX = re.compile(
    r"(?:tot|maximaal|max\.?|hooguit|ten hoogste) (?:€ ?|eur )?(\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?: euro)?"
)


def read(text: str | None) -> list[Criterion]:
    """The criteria that can be recognised in a fund's description (or its stated exclusions), in order."""
    if not text:
        return []
    found: dict[str, Criterion] = {}
    for sentence in _sentences(text):
        folded = fold(sentence)
        plain = re.sub(r"[^\w€.,/ -]+", " ", folded)
        plain = re.sub(r"\s+", " ", plain)
        m = _LEGAL.search(plain)
        if m:
            found.setdefault(LEGAL_FORM, Criterion(LEGAL_FORM, None, sentence))
        m = _MIN.search(plain)
        if m and (n := _number(m.group(1))) is not None and n > 1:
            found.setdefault(MIN_PEOPLE, Criterion(MIN_PEOPLE, n, sentence))
        if _FOOD.search(plain):
            found.setdefault(NO_FOOD, Criterion(NO_FOOD, None, sentence))
        if _SCHOOL.search(plain):
            found.setdefault(NO_SCHOOL_TIME, Criterion(NO_SCHOOL_TIME, None, sentence))
        if _EVENTS.search(plain):
            found.setdefault(NO_EVENTS, Criterion(NO_EVENTS, None, sentence))
        if _HOMES.search(plain):
            found.setdefault(NO_HOMES, Criterion(NO_HOMES, None, sentence))
        m = _YOUTH.search(plain)
        if m:
            found.setdefault(YOUTH, Criterion(YOUTH, int(m.group(1)), sentence))
        m = _SUBJECTS.search(plain)
        if m:
            subjects = tuple(
                s.strip() for s in re.split(r",| of | en ", m.group(1)) if s.strip() and len(s.strip()) > 2
            )
            if subjects:
                found.setdefault(SUBJECTS, Criterion(SUBJECTS, subjects, sentence))
        m = _GROUP.search(plain)
        if m:
            group = m.group(1) or m.group(2)
            found.setdefault(GROUP, Criterion(GROUP, (group,), sentence))
        m = _MAX.search(plain)
        if m and ("euro" in plain or "€" in plain):
            amount = _amount(m.group(1))
            if amount is not None and amount >= 50:
                found.setdefault(MAX_AMOUNT, Criterion(MAX_AMOUNT, amount, sentence))
    return list(found.values())


# --- what an idea's words show ----------------------------------------------------------------------------------------

# Roots of food and drink (compound-aware: "koffieochtend", "eetpunt", "kookclub" contain one).
FOOD_ROOTS = (
    "koffie",
    "thee",
    "gebak",
    "taart",
    "maaltijd",
    "lunch",
    "diner",
    "ontbijt",
    "soep",
    "hapje",
    "snack",
    "drankje",
    "catering",
    "eetpunt",
    "eettafel",
    "eetcafe",
    "etentje",
    "eten",
    "drinken",
    "barbecue",
    "gekookt",
    "koken",
    "kookt",
)
# Food words that also name a service ("boodschappenhulp" is help with shopping): evidence only where money is asked.
FOOD_COSTS = (*FOOD_ROOTS, "boodschappen")
EVENT_ROOTS = (
    "markt",
    "feest",
    "concert",
    "festival",
    "musical",
    "voorstelling",
    "braderie",
    "optocht",
    "toernooi",
    "kermis",
    "evenement",
    "weekend",
    "opening",
    "herdenking",
    "sportdag",
    "speeldag",
    "burendag",
)
RECURRING = re.compile(
    r"\b(?:elke|iedere|ieder|wekelijks|maandelijks|tweewekelijks|structureel|blijvend|vaste?|doorlopend|"
    r"per (?:week|maand)|eens per|twee keer per|middagen per|avonden per|(?:jaar|maanden|weken) lang)\b"
)
YOUTH_WORDS = re.compile(
    r"\b(?:kinderen|kind|jongeren|jeugd|tieners|scholieren|leerlingen|brugklas|groep [1-8]|basisschool|"
    r"peuters|kleuters|tot \d+ jaar|van \d+ tot \d+)\b"
)
_MONEY_CLAUSE = re.compile(r"\b(?:geld|bijdrage|kosten|budget|subsidie)\b([^.;]{0,60})")
_CARRIED = re.compile(r"\b(?:vereniging|stichting|cooperatie|bestuur|club van|kvk)\b|\bsamen met (?:de |het )?[a-z]")
_SCHOOL_TIME = re.compile(r"\b(?:onder|binnen|tijdens) (?:schooltijd|lestijd|schooluren)\b")
_OWN_HOMES = re.compile(
    r"\b(?:hun|eigen|particuliere|individuele)(?: \w+){0,2} (?:\w*huizen|\w*huis|\w*woningen|\w*woning)\b"
)


def _has_root(words: Iterable[str], roots: Iterable[str], *, head_only: bool = False) -> bool:
    """Whether a word is one of ``roots`` or a compound that begins or (``head_only``: only) ends with one: a
    root inside a word is no evidence ("thee" in "bibliotheek")."""
    roots = tuple(roots)
    if head_only:
        return any(w.endswith(roots) for w in words)
    return any(w.startswith(roots) or w.endswith(roots) for w in words)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


@dataclass(frozen=True)
class IdeaText:
    """The facts about an idea that criteria are checked against, read once from its title and description."""

    food_is_main_cost: bool
    one_off_event: bool
    within_school_time: bool
    for_own_homes: bool
    for_youth: bool
    carried_by_organisation: bool
    terms: frozenset[str]  # the folded words, for subject checks

    @classmethod
    def of(cls, title: str, description: str, themes: Iterable[str] = ()) -> IdeaText:
        text = f"{title}. {description}"
        folded = re.sub(r"\s+", " ", fold(text))
        title_words = _words(title)
        money = " ".join(m.group(1) for m in _MONEY_CLAUSE.finditer(folded))
        food = _has_root(title_words, FOOD_ROOTS) or _has_root(_words(money), FOOD_COSTS)
        event = _has_root(_words(text), EVENT_ROOTS, head_only=True) and not RECURRING.search(folded)
        # The original text's capitals tell a name ("samen met SV Oosterwinde") from a common word.
        carried = bool(_CARRIED.search(folded)) and (
            bool(re.search(r"\b(?:vereniging|stichting|cooperatie|bestuur|kvk)\b", folded))
            or bool(re.search(r"samen met (?:de |het )?[A-Z0-9]", text))
        )
        youth = bool(YOUTH_WORDS.search(folded)) or any(fold(t) == "jeugd" for t in themes)
        return cls(
            food_is_main_cost=food,
            one_off_event=event,
            within_school_time=bool(_SCHOOL_TIME.search(folded)),
            for_own_homes=bool(_OWN_HOMES.search(folded)),
            for_youth=youth,
            carried_by_organisation=carried,
            terms=frozenset(_words(text)),
        )


def misfits(
    criteria: Iterable[Criterion],
    idea: IdeaText,
    *,
    team_size: int | None = None,
    requested: Decimal | None = None,
    related: Iterable[str] = (),
) -> list[Criterion]:
    """The criteria the idea does not meet, as far as its words and fields show. ``related`` are words of the
    idea's subject beyond its own (related words of its terms), for the subject check."""
    out: list[Criterion] = []
    subject_words = idea.terms | frozenset(related)
    for c in criteria:
        broken = (
            (c.kind == LEGAL_FORM and not idea.carried_by_organisation)
            or (c.kind == MIN_PEOPLE and team_size is not None and isinstance(c.value, int) and team_size < c.value)
            or (c.kind == NO_FOOD and idea.food_is_main_cost)
            or (c.kind == NO_SCHOOL_TIME and idea.within_school_time)
            or (c.kind == NO_EVENTS and idea.one_off_event)
            or (c.kind == NO_HOMES and idea.for_own_homes)
            or (c.kind == YOUTH and not idea.for_youth)
        )
        if broken:
            out.append(c)
        elif c.kind == GROUP and isinstance(c.value, tuple):
            # "huurders" in the criterion, "Huurders van seniorencomplex De Linde" in the idea (or "huurder").
            if not any(any(w.startswith(g[:-1] if len(g) > 5 else g) for w in idea.terms) for g in c.value):
                out.append(c)
        elif c.kind == SUBJECTS and isinstance(c.value, tuple):
            wanted = {fold(s) for s in c.value} | {stem(fold(s)) for s in c.value}
            if not any(any(s in w for w in subject_words) for s in wanted):
                out.append(c)
        elif c.kind == MAX_AMOUNT and requested is not None and isinstance(c.value, Decimal) and requested > c.value:
            out.append(c)
    return out


# The criteria a fund's own fields cannot hold, written back as phrases that read() recognises again: what an import
# stores in a fund's "steunt niet" field for the broker to see and correct.
_PHRASES = {
    LEGAL_FORM: "alleen voor verenigingen en stichtingen",
    NO_FOOD: "geen bijdrage aan eten en drinken",
    NO_SCHOOL_TIME: "niet voor lessen onder schooltijd",
    NO_EVENTS: "geen eenmalige activiteiten of evenementen",
    NO_HOMES: "geen bijdrage aan eigen woningen",
}


def phrase(criterion: Criterion) -> str | None:
    """A criterion as a short phrase for a fund's list of exclusions; None for the ones a fund has a field for
    (the maximum amount, the minimum of people)."""
    if criterion.kind in _PHRASES:
        return _PHRASES[criterion.kind]
    if criterion.kind == YOUTH:
        return f"alleen voor kinderen en jongeren tot {criterion.value} jaar"
    if criterion.kind == SUBJECTS and isinstance(criterion.value, tuple):
        items = list(criterion.value)
        listed = items[0] if len(items) == 1 else f"{', '.join(items[:-1])} of {items[-1]}"
        return f"alleen op het gebied van {listed}"
    if criterion.kind == GROUP and isinstance(criterion.value, tuple):
        return f"alleen voor eigen {criterion.value[0]}"
    return None
