"""Why a suggestion was made, as data: a :class:`Reason` is a kind and its arguments (names of help, themes, places,
shared words, an earlier idea), rendered in plain Dutch (B1) by :func:`dutch` for the command line and the reports,
and by the UI through its translations (the same templates, marked for translation there).

A reason says what a broker would say on the phone: "kan helpen met ruimte en geld", "zit in Strijkveen (zelfde
wijk)", "fonds: alleen voor verenigingen en stichtingen — past niet", never "noemt: kade" or a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# The kinds, in the order a list of reasons shows them.
OFFERS = "offers"  # args: the types of help the idea needs that the organisation offers
THEMES = "themes"  # args: the shared themes
SAME_AREA = "same_area"  # args: the idea's wijk (or buurt)
WHOLE_MUNICIPALITY = "whole_municipality"  # no args
WORDS = "words"  # args: the shared words, the most telling first
FAR = "far"  # args: the place-bound help it offers elsewhere
FUND_FITS = "fund_fits"  # no args
FUND_NO_MONEY = "fund_no_money"  # no args: a fund, while the idea asks for no money
# A fund's criterion the idea does not meet, one kind each (see makelaar.domain.criteria).
FUND_AMOUNT = "fund_amount"  # args: amount asked, the fund's maximum (both formatted)
FUND_MIN_PEOPLE = "fund_min_people"  # args: the minimum, the idea's team size
FUND_DEADLINE = "fund_deadline"  # args: the last day (formatted)
FUND_EXCLUDES = "fund_excludes"  # args: the fund's own words for what it does not support
FUND_LEGAL_FORM = "fund_legal_form"  # no args
FUND_NO_FOOD = "fund_no_food"  # no args
FUND_SCHOOL_TIME = "fund_school_time"  # no args
FUND_NO_EVENTS = "fund_no_events"  # no args
FUND_NO_HOMES = "fund_no_homes"  # no args
FUND_YOUTH = "fund_youth"  # args: the age limit
FUND_SUBJECTS = "fund_subjects"  # args: the subjects it is for
FUND_AREA = "fund_area"  # args: the areas it is for
FUND_GROUP = "fund_group"  # args: the people it is for ("huurders")
MONEY_GROUP = "money_group"  # args: the people an organisation's own money is for
HELPED_BEFORE = "helped_before"  # args: the title of a similar idea it said yes to
DECLINED_BEFORE = "declined_before"  # args: the title of a similar idea it said no to

# Kinds whose arguments are one list, shown joined as {0} ("ruimte, geld en advies"); the others are positional.
LISTS = frozenset({OFFERS, THEMES, WORDS, FAR, FUND_SUBJECTS, FUND_AREA})
ALTERNATIVES = frozenset({FUND_SUBJECTS, FUND_AREA})  # joined with "of"
FUND_MISFITS = frozenset(
    {
        FUND_AMOUNT,
        FUND_MIN_PEOPLE,
        FUND_DEADLINE,
        FUND_EXCLUDES,
        FUND_LEGAL_FORM,
        FUND_NO_FOOD,
        FUND_SCHOOL_TIME,
        FUND_NO_EVENTS,
        FUND_NO_HOMES,
        FUND_YOUTH,
        FUND_SUBJECTS,
        FUND_AREA,
        FUND_GROUP,
    }
)

# Plain Dutch for each kind.
DUTCH: dict[str, str] = {
    OFFERS: "kan helpen met {0}",
    THEMES: "werkt aan {0}",
    SAME_AREA: "zit in {0} (zelfde wijk)",
    WHOLE_MUNICIPALITY: "werkt in de hele gemeente",
    WORDS: "gaat ook over {0}",
    FAR: "let op: biedt {0} in een andere wijk",
    FUND_FITS: "fonds: past binnen de voorwaarden",
    FUND_NO_MONEY: "fonds, maar dit idee vraagt geen geld",
    FUND_AMOUNT: "fonds: geeft hooguit {1}, dit idee vraagt {0} — past niet",
    FUND_MIN_PEOPLE: "fonds: vraagt minstens {0} mensen, dit idee heeft er {1} — past niet",
    FUND_DEADLINE: "fonds: aanvragen kon tot {0} — past niet",
    FUND_EXCLUDES: "fonds: steunt geen {0} — past niet",
    FUND_LEGAL_FORM: "fonds: alleen voor verenigingen en stichtingen — past niet",
    FUND_NO_FOOD: "fonds: geen geld voor eten en drinken — past niet",
    FUND_SCHOOL_TIME: "fonds: niet voor lessen onder schooltijd — past niet",
    FUND_NO_EVENTS: "fonds: niet voor eenmalige activiteiten of evenementen — past niet",
    FUND_NO_HOMES: "fonds: niet voor eigen woningen — past niet",
    FUND_YOUTH: "fonds: alleen voor kinderen en jongeren tot {0} jaar — past niet",
    FUND_SUBJECTS: "fonds: alleen voor {0} — past niet",
    FUND_AREA: "fonds: alleen voor {0} — past niet",
    FUND_GROUP: "fonds: alleen voor eigen {0} — past niet",
    MONEY_GROUP: "let op: het geld is alleen voor eigen {0}",
    HELPED_BEFORE: "hielp eerder bij een vergelijkbaar idee: {0}",
    DECLINED_BEFORE: "zei eerder nee bij een vergelijkbaar idee: {0}",
}


@dataclass(frozen=True)
class Reason:
    """One reason for a suggestion: its kind (a key of :data:`DUTCH`) and its arguments, as shown to the broker."""

    kind: str
    args: tuple[str, ...] = ()

    @property
    def misfit(self) -> bool:
        """Whether this reason says a fund's criteria do not fit the idea."""
        return self.kind in FUND_MISFITS

    def dutch(self) -> str:
        return render(self, DUTCH)

    def __str__(self) -> str:
        return self.dutch()


def join(items: Sequence[str], conjunction: str = "en") -> str:
    """'a', 'a en b', 'a, b en c' (as Dutch writes a list; ``conjunction`` for another language's word)."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def render(reason: Reason, templates: dict[str, str], conjunctions: tuple[str, str] = ("en", "of")) -> str:
    """A reason in the language of ``templates``: a list kind's arguments joined as that language lists things
    (``conjunctions``: its words for "and" and "or"; the subjects and areas a fund is for are alternatives), the
    others in their places {0}, {1}."""
    template = templates.get(reason.kind) or DUTCH.get(reason.kind, reason.kind)
    if reason.kind in LISTS:
        word = conjunctions[1] if reason.kind in ALTERNATIVES else conjunctions[0]
        return template.replace("{0}", join(reason.args, word))
    out = template
    for n, arg in enumerate(reason.args):
        out = out.replace(f"{{{n}}}", arg)
    return out


def dutch(reasons: Sequence[Reason]) -> list[str]:
    return [r.dutch() for r in reasons]
