"""The privacy rule of every report: a resident's name and contact data go on paper only when their
recorded consent covers sharing; otherwise their initials, or nothing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from makelaar.domain.records import InitiatorData

# Name particles (Dutch and others common in Dutch municipalities): in the initials they stay lower case, as in
# the name, so "Anna de Vries" is "A.d.V." and "Karim el Amrani" "K.e.A.".
_PARTICLES = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "aan", "bij", "uit", "voor", "onder",
    "la", "le", "du", "da", "di", "del", "dos", "das", "von", "zu", "el", "al", "ben", "bin", "ibn", "abu",
}  # fmt: skip
# "'t" (het) is a particle already shortened: it stays as it is written, with its apostrophe.
_APOSTROPHES = "'’‘`´"


def initials(name: str) -> str:
    """'Anna de Vries' -> 'A.d.V.', 'Jan van der Berg' -> 'J.v.d.B.', 'Kees ’t Hart' -> 'K.’t.H.',
    'Karim el Amrani' -> 'K.e.A.'; empty for an empty name."""
    parts = [p for p in name.replace(".", " ").split() if p]
    letters = []
    for n, p in enumerate(parts):
        bare = p.strip(_APOSTROPHES).lower()
        last = n == len(parts) - 1
        if p[0] in _APOSTROPHES and bare in ("t", "s"):
            letters.append("’" + bare)  # 't, 's
        elif bare in _PARTICLES and n > 0 and not last:
            letters.append(bare[0])
        else:
            # A name part may start with an apostrophe or be hyphenated: its first letter counts.
            first = next((c for c in p if c.isalpha()), "")
            if first:
                letters.append(first.upper())
    return "".join(f"{c}." for c in letters)


@dataclass(frozen=True)
class Person:
    """What a report may show of one resident."""

    label: str  # the full name with consent to share, else the initials ("" when there is nothing to show)
    email: str = ""
    phone: str = ""
    shared: bool = False

    @property
    def contact(self) -> str:
        return ", ".join(p for p in (self.email, self.phone) if p)


# The references of the residents whose name a report being built shows (see shown_people()).
_shown: ContextVar[set[str] | None] = ContextVar("makelaar_report_shown_people", default=None)


@contextmanager
def shown_people() -> Iterator[set[str]]:
    """Collect the references of residents shown by name while a report is built, for the audit log."""
    token = _shown.set(set())
    try:
        collected = _shown.get()
        assert collected is not None
        yield collected
    finally:
        _shown.reset(token)


def visible_person(initiator: InitiatorData) -> Person:
    """The one place that decides what of a resident appears on paper."""
    if initiator.consent_share and initiator.consent_contact:
        collecting = _shown.get()
        if collecting is not None and initiator.reference:
            collecting.add(initiator.reference)
        return Person(label=initiator.name, email=initiator.email or "", phone=initiator.phone or "", shared=True)
    return Person(label=initials(initiator.name))


def people_line(initiators: Iterable[InitiatorData], *, contact: bool = False) -> str:
    """The residents behind an idea in one line, as the privacy rule allows ("" when none); with ``contact`` their
    e-mail and phone follow the name where they may be shared."""
    parts = []
    for p in map(visible_person, initiators):
        if p.label:
            parts.append(f"{p.label} ({p.contact})" if contact and p.contact else p.label)
    return ", ".join(parts)
