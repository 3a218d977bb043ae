"""A suggestion's reasons and label in the UI's language: the plain-Dutch templates of
:mod:`makelaar.domain.reasons`, marked here for translation (lupdate reads only literals), rendered by the same
function the command line and the reports use."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from makelaar.domain import reasons as why
from makelaar.domain.matching import GOOD, POSSIBLE, Suggestion

CONTEXT = "Reasons"

# The same Dutch text as makelaar.domain.reasons.DUTCH (tests/ui/test_suggestions.py holds the two together);
# {0} and {1} are the reason's arguments and stay as they are in a translation.
TEMPLATES: dict[str, object] = {
    why.OFFERS: QT_TRANSLATE_NOOP("Reasons", "kan helpen met {0}"),
    why.THEMES: QT_TRANSLATE_NOOP("Reasons", "werkt aan {0}"),
    why.SAME_AREA: QT_TRANSLATE_NOOP("Reasons", "zit in {0} (zelfde wijk)"),
    why.WHOLE_MUNICIPALITY: QT_TRANSLATE_NOOP("Reasons", "werkt in de hele gemeente"),
    why.WORDS: QT_TRANSLATE_NOOP("Reasons", "gaat ook over {0}"),
    why.FAR: QT_TRANSLATE_NOOP("Reasons", "let op: biedt {0} in een andere wijk"),
    why.FUND_FITS: QT_TRANSLATE_NOOP("Reasons", "fonds: past binnen de voorwaarden"),
    why.FUND_NO_MONEY: QT_TRANSLATE_NOOP("Reasons", "fonds, maar dit idee vraagt geen geld"),
    why.FUND_AMOUNT: QT_TRANSLATE_NOOP("Reasons", "fonds: geeft hooguit {1}, dit idee vraagt {0} — past niet"),
    why.FUND_MIN_PEOPLE: QT_TRANSLATE_NOOP(
        "Reasons", "fonds: vraagt minstens {0} mensen, dit idee heeft er {1} — past niet"
    ),
    why.FUND_DEADLINE: QT_TRANSLATE_NOOP("Reasons", "fonds: aanvragen kon tot {0} — past niet"),
    why.FUND_EXCLUDES: QT_TRANSLATE_NOOP("Reasons", "fonds: steunt geen {0} — past niet"),
    why.FUND_LEGAL_FORM: QT_TRANSLATE_NOOP("Reasons", "fonds: alleen voor verenigingen en stichtingen — past niet"),
    why.FUND_NO_FOOD: QT_TRANSLATE_NOOP("Reasons", "fonds: geen geld voor eten en drinken — past niet"),
    why.FUND_SCHOOL_TIME: QT_TRANSLATE_NOOP("Reasons", "fonds: niet voor lessen onder schooltijd — past niet"),
    why.FUND_NO_EVENTS: QT_TRANSLATE_NOOP(
        "Reasons", "fonds: niet voor eenmalige activiteiten of evenementen — past niet"
    ),
    why.FUND_NO_HOMES: QT_TRANSLATE_NOOP("Reasons", "fonds: niet voor eigen woningen — past niet"),
    why.FUND_YOUTH: QT_TRANSLATE_NOOP("Reasons", "fonds: alleen voor kinderen en jongeren tot {0} jaar — past niet"),
    why.FUND_SUBJECTS: QT_TRANSLATE_NOOP("Reasons", "fonds: alleen voor {0} — past niet"),
    why.FUND_AREA: QT_TRANSLATE_NOOP("Reasons", "fonds: alleen voor {0} — past niet"),
    why.FUND_GROUP: QT_TRANSLATE_NOOP("Reasons", "fonds: alleen voor eigen {0} — past niet"),
    why.MONEY_GROUP: QT_TRANSLATE_NOOP("Reasons", "let op: het geld is alleen voor eigen {0}"),
    why.HELPED_BEFORE: QT_TRANSLATE_NOOP("Reasons", "hielp eerder bij een vergelijkbaar idee: {0}"),
    why.DECLINED_BEFORE: QT_TRANSLATE_NOOP("Reasons", "zei eerder nee bij een vergelijkbaar idee: {0}"),
}
_LABELS = {
    GOOD: QT_TRANSLATE_NOOP("Reasons", "goed"),
    POSSIBLE: QT_TRANSLATE_NOOP("Reasons", "mogelijk"),
}
_WHOLE = QT_TRANSLATE_NOOP("Reasons", "hele gemeente")
_ELSEWHERE = QT_TRANSLATE_NOOP("Reasons", "andere wijk")
# The words that join a list ("ruimte, geld en advies") and alternatives ("sport, muziek of natuur").
_AND = QT_TRANSLATE_NOOP("Reasons", "en")
_OR = QT_TRANSLATE_NOOP("Reasons", "of")


def _tr(text: object) -> str:
    # QT_TRANSLATE_NOOP returns its text unchanged, typed as object.
    return QCoreApplication.translate(CONTEXT, str(text))


def render(reason: why.Reason) -> str:
    """One reason in the UI's language."""
    template = TEMPLATES.get(reason.kind)
    templates = {reason.kind: _tr(template)} if template else {}
    return why.render(reason, templates, (_tr(_AND), _tr(_OR)))


def reasons(suggestion: Suggestion) -> list[str]:
    return [render(r) for r in suggestion.explanation]


def summary(suggestion: Suggestion) -> str:
    """The reasons on one line, as a list column shows them."""
    return "; ".join(reasons(suggestion))


# Shown in columns of their own ("Helpt met", "Waar"), so not again among the other reasons.
_IN_COLUMNS = frozenset({why.OFFERS, why.SAME_AREA, why.WHOLE_MUNICIPALITY})


def where(suggestion: Suggestion) -> str:
    """Where the partner is as seen from the idea: its wijk, the whole municipality, or another wijk."""
    for r in suggestion.explanation:
        if r.kind == why.SAME_AREA and r.args:
            return r.args[0]
        if r.kind == why.WHOLE_MUNICIPALITY:
            return _tr(_WHOLE)
    if any(r.kind == why.FAR for r in suggestion.explanation):
        return _tr(_ELSEWHERE)
    return ""


def rest(suggestion: Suggestion) -> str:
    """The reasons besides what it helps with and where, on one line."""
    return "; ".join(render(r) for r in suggestion.explanation if r.kind not in _IN_COLUMNS)


def label(suggestion: Suggestion) -> str:
    """ "goed" or "mogelijk" in the UI's language: how a broker reads a suggestion at a glance."""
    return _tr(_LABELS[suggestion.label])


def uncovered(needs: Sequence[str], suggestions: Sequence[Suggestion], top: int = 3) -> list[str]:
    """The needs (names) that none of the first ``top`` suggestions covers."""
    covered = {n for s in suggestions[:top] for n in s.covered_needs}
    return [n for n in needs if n not in covered]
