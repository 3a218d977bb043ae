"""Koppelingsrapport: one idea and the organisations that help with it, in two versions.

- For the resident (``audience="bewoner"``): what happens next, who helps with what and how to reach them, and
  whom to call at the municipality. The broker's notes on the koppelingen are internal and never printed here.
- For the partners (``audience="partners"``): per organisation what is asked of it, its own agreement and whom to
  contact. An organisation sees the names of the others and what they help with, never their notes or contacts.
  With ``organisation_id`` the version holds that one organisation; without it one letter per organisation, each
  on its own pages. There is no partner version of an idea that nobody is linked to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer
from sqlalchemy.orm import Session

from makelaar.domain.enums import CLOSED_IDEA_STATUSES, MatchStatus
from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date, format_euro
from makelaar.domain.records import BrokerContact, ContactData, IdeaData, MatchRow, OrganisationData
from makelaar.reports.common import Names, report_info
from makelaar.reports.privacy import Person, visible_person
from makelaar.reports.style import WIDTH, build_pdf, bullets, esc, facts, keep, markup, para, table
from makelaar.services import ideas, matches, organisations, vocabulary

Audience = Literal["bewoner", "partners"]

TITLE = "Koppelingsrapport"
SOON = "zo snel mogelijk"
CLOSED_STATUSES = {s.value for s in CLOSED_IDEA_STATUSES}
HELPING = (MatchStatus.COMMITTED.value, MatchStatus.DONE.value)


@dataclass(frozen=True)
class Partner:
    """One organisation linked to the idea for one need, with the contact person chosen for it."""

    match: MatchRow
    organisation: OrganisationData
    contact: ContactData | None

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def need(self) -> str:
        return self.match.need or "algemene hulp"

    @property
    def status(self) -> str:
        return self.match.status


def partners_of(s: Session, idea_id: str) -> list[Partner]:
    """The organisations linked to an idea that did not say no, in the order they were linked."""
    cache: dict[str, OrganisationData] = {}
    out = []
    for m in matches.matches_for_idea(s, idea_id):
        if m.status == MatchStatus.DECLINED.value:
            continue
        org = cache.get(m.organisation_id) or organisations.get_organisation(s, m.organisation_id)
        cache[m.organisation_id] = org
        contact = next((c for c in org.contacts if m.contact and c.name == m.contact), None)
        out.append(Partner(m, org, contact))
    return out


def partner_versions(s: Session, idea_id: str) -> list[tuple[str, str]]:
    """(organisation id, name) of every organisation a partner version can be made for; empty: none."""
    return _versions(partners_of(s, idea_id))


def _versions(partners: list[Partner]) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for p in partners:
        seen.setdefault(p.organisation.id or "", p.name)
    return list(seen.items())


def when(follow_up_on: date | None, today: date) -> str:
    """The follow-up date as the reader takes it: a date that has passed, or none, is "zo snel mogelijk"."""
    if follow_up_on is None or follow_up_on < today:
        return SOON
    return format_date(follow_up_on)


def contact_line(p: Partner) -> str:
    """Whom to reach at the organisation: the contact person of the koppeling, else the organisation itself."""
    org = p.organisation
    if p.contact is not None:
        c = p.contact
        return ", ".join(x for x in (c.name, c.phone or "", c.email or "") if x)
    if p.match.contact:
        return p.match.contact
    return ", ".join(x for x in (org.phone or "", org.email or "", org.website or "") if x)


def broker_lines(broker: BrokerContact, municipality: str) -> list[tuple[str, str]]:
    name = broker.name or f"De ideeënmakelaar van {municipality}"
    return [("Naam", name), ("Telefoon", broker.phone), ("E-mail", broker.email), ("Organisatie", municipality)]


# --- the resident's version ---------------------------------------------------------------------------------------


def resident_step(p: Partner) -> str:
    """What happens next with one koppeling, told to the resident; "" when nothing is left to do."""
    return {
        MatchStatus.PROPOSED.value: f"De makelaar vraagt {p.name} of zij u kunnen helpen met {p.need}.",
        MatchStatus.APPROACHED.value: (
            f"{p.name} is gevraagd om te helpen met {p.need}. Zij laten weten of dat kan. "
            "De makelaar belt na als het antwoord uitblijft."
        ),
        MatchStatus.COMMITTED.value: f"U maakt samen met {p.name} afspraken over {p.need}.",
    }.get(p.status, "")


def resident_steps(idea: IdeaData, partners: list[Partner], names: Names, today: date) -> list[tuple[str, str]]:
    """(when, what) for the resident, soonest first; "" as when for a closing word. Never empty: there is always
    something to say, and never "nothing left" while a need has nobody yet."""
    if idea.status in CLOSED_STATUSES:
        closed = f"Dit idee is afgesloten ({idea.status}). Heeft u een nieuw idee? Neem contact op met de makelaar."
        return [("", closed)]
    open_steps = [p for p in partners if resident_step(p)]
    open_steps.sort(key=lambda p: (p.match.follow_up_on or date.min, p.name))
    steps = [(when(p.match.follow_up_on, today), resident_step(p)) for p in open_steps]
    linked = {p.match.need for p in partners}
    missing = [names.terms[n] for n in idea.need_ids if n in names.terms and names.terms[n] not in linked]
    if not partners:
        steps.append((SOON, "De makelaar zoekt organisaties die u kunnen helpen en neemt daarna contact met u op."))
    elif missing:
        steps.append((SOON, f"De makelaar zoekt een organisatie die u kan helpen met {' en '.join(missing)}."))
    if not steps:
        steps.append(("", "De gevraagde hulp is gegeven. Heeft u nog iets nodig? Neem dan contact op met de makelaar."))
    return steps


def _steps(steps: list[tuple[str, str]]) -> list[Flowable]:
    """Dated steps as a table; a single closing word as a sentence (a table with an empty date says nothing)."""
    if all(not when_ for when_, _ in steps):
        return [para(what) for _, what in steps]
    return [table(["Wanneer", "Wat gebeurt er"], steps, [35 * mm, WIDTH - 35 * mm])]


def _need_rows(idea: IdeaData, partners: list[Partner], names: Names) -> list[list[str]]:
    rows = []
    for need_id in idea.need_ids:
        need = names.terms.get(need_id, "")
        linked = [p for p in partners if p.match.need == need]
        helping = [p.name for p in linked if p.status in HELPING]
        asked = [p.name for p in linked if p.status == MatchStatus.APPROACHED.value]
        if helping:
            state = f"{', '.join(helping)} helpt"
        elif asked:
            state = f"{', '.join(asked)} is gevraagd, nog geen antwoord"
        elif linked:
            state = "de makelaar gaat een organisatie vragen"
        else:
            state = "de makelaar zoekt nog een organisatie"
        rows.append([need, state])
    return rows


def _resident_story(
    idea: IdeaData, partners: list[Partner], names: Names, broker: BrokerContact, municipality: str, today: date
) -> list[Flowable]:
    story: list[Flowable] = [
        para(
            "In dit overzicht leest u wat er nu gebeurt met uw idee en welke organisaties u helpen. "
            "Heeft u vragen? Achteraan staat hoe u de makelaar bereikt."
        ),
        para("Wat gebeurt er nu?", "h2"),
        *_steps(resident_steps(idea, partners, names, today)),
        para("Wie helpt u?", "h2"),
    ]
    helping = [p for p in partners if p.status in HELPING]
    if helping:
        story += bullets(
            [f"<b>{esc(p.name)}</b> helpt met {esc(p.need)}. Contact: {esc(contact_line(p) or '–')}" for p in helping]
        )
    else:
        story.append(para("Er heeft nog geen organisatie toegezegd om te helpen."))
    asked = [p for p in partners if p.status == MatchStatus.APPROACHED.value]
    if asked:
        story += [
            para("Aan wie is het gevraagd?", "h3"),
            *bullets([esc(f"{p.name}: voor {p.need}. We wachten op hun antwoord.") for p in asked]),
        ]
    if idea.need_ids:
        story += [
            para("Wat is er nodig?", "h2"),
            table(["Wat nodig is", "Wie helpt"], _need_rows(idea, partners, names), [45 * mm, WIDTH - 45 * mm]),
        ]
    people = [visible_person(i) for i in idea.initiators]
    story += [para("Uw idee", "h2"), _idea_facts(idea, names, people, contact=True)]
    if idea.description:
        story += [Spacer(1, 2 * mm), para(idea.description)]
    story += keep([para("Vragen? Bel of mail de makelaar", "h2"), facts(broker_lines(broker, municipality))])
    return story


# --- the partners' version ----------------------------------------------------------------------------------------


def partner_ask(p: Partner, today: date) -> str:
    """What is asked of one partner now, in plain words."""
    by = when(p.match.follow_up_on, today)
    return {
        MatchStatus.PROPOSED.value: (
            f"Wij willen u vragen om te helpen met {p.need}. De makelaar neemt contact met u op."
        ),
        MatchStatus.APPROACHED.value: (
            f"Wij vragen u om te helpen met {p.need}. Wilt u laten weten of dat kan? "
            + ("Graag zo snel mogelijk." if by == SOON else f"Graag uiterlijk op {by}.")
        ),
        MatchStatus.COMMITTED.value: (
            f"U heeft toegezegd te helpen met {p.need}. Dank u wel. Maak samen met de initiatiefnemer afspraken."
        ),
        MatchStatus.DONE.value: f"U heeft geholpen met {p.need}. Dank u wel.",
    }.get(p.status, f"Wij vragen u om te helpen met {p.need}.")


def other_line(p: Partner) -> str:
    """Another partner as the one reading sees it: its name and its part, no notes, no contacts."""
    if p.status in HELPING:
        return f"{p.name} helpt met {p.need}."
    return f"{p.name} is gevraagd te helpen met {p.need}."


def _partner_story(
    idea: IdeaData,
    mine: list[Partner],
    others: list[Partner],
    names: Names,
    broker: BrokerContact,
    municipality: str,
    today: date,
) -> list[Flowable]:
    org = mine[0].organisation
    people = [visible_person(i) for i in idea.initiators]
    story: list[Flowable] = [
        para(f"Voor {org.name}", "h2"),
        para(
            "U krijgt dit overzicht omdat uw organisatie betrokken is bij dit idee van een bewoner. Hieronder staat "
            "wat we van u vragen en wie u kunt bellen. Gegevens van bewoners staan er alleen in als zij daar "
            "toestemming voor gaven."
        ),
        para("Wat vragen we van u?", "h3"),
    ]
    for p in mine:
        rows = [
            ("Gevraagd", p.need),
            ("Wat we vragen", partner_ask(p, today)),
            ("Uw contactpersoon", contact_line(p) if p.contact is not None or p.match.contact else ""),
            ("Afspraak", p.match.note),
        ]
        story.append(facts(rows))
    story += [para("Het idee", "h3"), _idea_facts(idea, names, people)]
    if idea.description:
        story += [Spacer(1, 2 * mm), para(idea.description)]
    # Only who helps or has been asked: a proposal the broker has not yet made is nobody's business but hers.
    involved = [p for p in others if p.status != MatchStatus.PROPOSED.value]
    if involved:
        story += [
            para("Wie doen er nog meer mee?", "h3"),
            *bullets([esc(other_line(p)) for p in involved]),
        ]
    contact = [("Makelaar", ", ".join(x for _, x in broker_lines(broker, municipality)[:3] if x))]
    shared = [p for p in people if p.shared and p.label]
    if shared:
        contact.append(("Initiatiefnemer", "; ".join(_person_line(p) for p in shared)))
    story += keep([para("Wie kunt u bellen of mailen?", "h3"), facts(contact)])
    return story


# --- both -----------------------------------------------------------------------------------------------------------


def _person_line(p: Person) -> str:
    return ", ".join(x for x in (p.label, p.phone, p.email) if x)


def _idea_facts(idea: IdeaData, names: Names, people: list[Person], *, contact: bool = False) -> Flowable:
    """The idea in label-value rows; with ``contact`` also the resident's contact data the partners see."""
    rows: list[tuple[str, str]] = [
        ("Nummer", idea.reference or ""),
        ("Titel", idea.title),
        ("Wijk", names.area(idea.area_id)),
        ("Thema's", names.term_list(idea.theme_ids)),
        ("Binnengekomen op", format_date(idea.received_on)),
        ("Aantal mensen", str(idea.team_size) if idea.team_size else ""),
        ("Gevraagd bedrag", format_euro(idea.requested_amount)),
        ("Stand van zaken", idea.status),
        ("Initiatiefnemer", ", ".join(p.label for p in people if p.label)),
    ]
    if contact:
        rows.append(("Partners zien uw contact", "; ".join(p.contact for p in people if p.shared and p.contact)))
    return facts(rows)


def build_matching_report(
    s: Session,
    idea_id: str,
    out: Path | BinaryIO,
    *,
    audience: Audience = "bewoner",
    organisation_id: str | None = None,
    today: date | None = None,
    broker: BrokerContact | None = None,
) -> None:
    """Write the koppelingsrapport of one idea as a PDF to ``out``; see the module for the two versions.

    ``broker`` is who prints it (the program's window passes the broker's own details); without it, or without a
    name in it, the store's settings say who the resident can call."""
    if audience not in ("bewoner", "partners"):
        raise ValueError(f"audience must be 'bewoner' or 'partners', not {audience!r}")
    today = today or date.today()
    idea = ideas.get_idea(s, idea_id)
    names = Names.load(s)
    partners = partners_of(s, idea_id)
    if broker is None or not broker.name:
        broker = vocabulary.broker_contact(s)
    municipality = vocabulary.municipality_name(s)
    if audience == "bewoner":
        version = "voor de initiatiefnemer"
        body = _resident_story(idea, partners, names, broker, municipality, today)
    else:
        chosen = [(oid, name) for oid, name in _versions(partners) if organisation_id in (None, oid)]
        if not chosen:
            raise KnownError(
                f"Er is voor idee {idea.reference} geen partnerversie: er is nog geen organisatie aan gekoppeld."
                if organisation_id is None
                else "Deze organisatie is niet (meer) aan dit idee gekoppeld."
            )
        version = f"voor {chosen[0][1]}" if len(chosen) == 1 else "voor de partners"
        body = []
        for n, (oid, _name) in enumerate(chosen):
            mine = [p for p in partners if p.organisation.id == oid]
            others = [p for p in partners if p.organisation.id != oid]
            if n:
                body.append(PageBreak())
            body += _partner_story(idea, mine, others, names, broker, municipality, today)
    info = report_info(s, f"{TITLE} {idea.reference}", f"Koppelingen voor idee {idea.reference}, {version}", today)
    story: list[Flowable] = [
        para(TITLE, "title"),
        markup(f"{esc(idea.reference)} · {esc(idea.title)} · versie {esc(version)}", "subtitle"),
        *body,
    ]
    build_pdf(out, info, story)
