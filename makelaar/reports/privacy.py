"""The privacy rule of every report (issue 4 §2): a resident's name and contact data go on paper only when their
recorded consent covers sharing; otherwise their initials, or nothing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from makelaar.domain.records import InitiatorData

# Dutch name particles: written in lower case in initials, "Anna de Vries" -> "A.d.V.".
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "op", "la", "le", "du", "da"}


def initials(name: str) -> str:
    """'Anna de Vries' -> 'A.d.V.'; empty for an empty name."""
    parts = [p for p in name.replace(".", " ").split() if p]
    letters = []
    for p in parts:
        first = p[0]
        letters.append(first.lower() if p.lower() in _PARTICLES else first.upper())
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
