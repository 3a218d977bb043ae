"""Koppelingsrapport: one idea, its needs, the organisations that help and the next steps — for the resident
(``audience="bewoner"``) or for the partners (``audience="partners"``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer
from sqlalchemy.orm import Session

from makelaar.domain.enums import MatchStatus
from makelaar.domain.formatting import format_date, format_euro
from makelaar.domain.records import ContactData, IdeaData, MatchRow, OrganisationData
from makelaar.reports.common import Names, report_info
from makelaar.reports.privacy import visible_person
from makelaar.reports.style import WIDTH, build_pdf, esc, facts, markup, para, table
from makelaar.services import ideas, matches, organisations

Audience = Literal["bewoner", "partners"]

TITLE = "Koppelingsrapport"

# What a status means, in plain words (B1).
STATUS_TEXT = {
    MatchStatus.PROPOSED.value: "De makelaar vraagt of zij willen helpen.",
    MatchStatus.APPROACHED.value: "Zij zijn gevraagd. We wachten op antwoord.",
    MatchStatus.COMMITTED.value: "Zij hebben ja gezegd.",
    MatchStatus.DONE.value: "De hulp is gegeven.",
}


def next_step(match: MatchRow) -> str:
    org = match.organisation_name
    what = f" bij {match.need}" if match.need else ""
    return {
        MatchStatus.PROPOSED.value: f"De makelaar vraagt {org} om te helpen{what}.",
        MatchStatus.APPROACHED.value: f"De makelaar vraagt {org} om een antwoord.",
        MatchStatus.COMMITTED.value: f"Afspraken maken met {org}{what}.",
    }.get(match.status, "")


@dataclass(frozen=True)
class _Partner:
    match: MatchRow
    organisation: OrganisationData
    contact: ContactData | None


def _partners(s: Session, rows: list[MatchRow]) -> list[_Partner]:
    cache: dict[str, OrganisationData] = {}
    out = []
    for m in rows:
        if m.status == MatchStatus.DECLINED.value:
            continue  # only the organisations that were chosen and did not say no
        org = cache.get(m.organisation_id) or organisations.get_organisation(s, m.organisation_id)
        cache[m.organisation_id] = org
        contact = next((c for c in org.contacts if m.contact and c.name == m.contact), None)
        out.append(_Partner(m, org, contact))
    return out


def _idea_facts(idea: IdeaData, names: Names) -> Flowable:
    people = [visible_person(i) for i in idea.initiators]
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
        # Shown to the resident too, so they can check what the partners see.
        ("Contact initiatiefnemer", "; ".join(p.contact for p in people if p.shared and p.contact)),
    ]
    return facts(rows)


def _partner_block(p: _Partner) -> Flowable:
    org, m = p.organisation, p.match
    contact = ""
    if p.contact is not None:
        c = p.contact
        contact = ", ".join(x for x in (c.name, c.role or "", c.email or "", c.phone or "") if x)
    elif m.contact:
        contact = m.contact
    general = ", ".join(x for x in (org.email or "", org.phone or "", org.website or "") if x)
    address = " ".join(x for x in (org.address or "", org.postcode or "", org.city or "") if x)
    rows = [
        ("Helpt met", m.need or "algemeen"),
        ("Stand van zaken", f"{m.status}: {STATUS_TEXT.get(m.status, '')}"),
        ("Contactpersoon", contact),
        ("Algemeen contact", general),
        ("Adres", address),
        ("Afspraak", m.note),
        ("Volgende contact", format_date(m.follow_up_on)),
    ]
    return KeepTogether([para(org.name, "h3"), facts(rows)])


def build_matching_report(
    s: Session,
    idea_id: str,
    out: Path | BinaryIO,
    *,
    audience: Audience = "bewoner",
    today: date | None = None,
) -> None:
    """Write the koppelingsrapport of one idea as a PDF to ``out``."""
    if audience not in ("bewoner", "partners"):
        raise ValueError(f"audience must be 'bewoner' or 'partners', not {audience!r}")
    idea = ideas.get_idea(s, idea_id)
    names = Names.load(s)
    partners = _partners(s, matches.matches_for_idea(s, idea_id))
    version = "voor de initiatiefnemer" if audience == "bewoner" else "voor de partners"
    info = report_info(s, f"{TITLE} {idea.reference}", f"Koppelingen voor idee {idea.reference}, {version}", today)

    story: list[Flowable] = [
        para(TITLE, "title"),
        markup(f"{esc(idea.reference)} · {esc(idea.title)} · versie {version}", "subtitle"),
    ]
    if audience == "bewoner":
        story.append(
            para(
                "In dit overzicht staat uw idee, wat u nodig heeft en welke organisaties u helpen. "
                "U ziet ook wat de volgende stappen zijn. Neem gerust contact op met de contactpersonen."
            )
        )
    else:
        story.append(
            para(
                "U krijgt dit overzicht omdat uw organisatie helpt bij dit idee. Zo weet iedereen wie wat doet "
                "en wanneer. Gegevens van bewoners staan er alleen in als zij daar toestemming voor gaven."
            )
        )

    story += [para("Het idee", "h2"), _idea_facts(idea, names)]
    if idea.description:
        story += [Spacer(1, 2 * mm), para(idea.description)]

    story.append(para("Wat is er nodig?", "h2"))
    if idea.need_ids:
        rows = []
        for need_id in idea.need_ids:
            need = names.terms.get(need_id, "")
            helpers = [p.organisation.name for p in partners if p.match.need == need]
            rows.append([need, ", ".join(helpers) or "nog niemand"])
        story.append(table(["Behoefte", "Wie helpt"], rows, [45 * mm, WIDTH - 45 * mm]))
    else:
        story.append(para("Er zijn nog geen behoeften vastgelegd."))

    story.append(para("Wie helpt er?", "h2"))
    if partners:
        story.append(
            table(
                ["Organisatie", "Helpt met", "Stand van zaken", "Volgende contact"],
                [
                    [p.organisation.name, p.match.need or "algemeen", p.match.status, format_date(p.match.follow_up_on)]
                    for p in partners
                ],
                [70 * mm, 32 * mm, 38 * mm, WIDTH - 140 * mm],
            )
        )
        story.append(para("Contactgegevens en afspraken", "h2"))
        story += [_partner_block(p) for p in partners]
    else:
        story.append(para("Er zijn nog geen organisaties gekoppeld. De makelaar zoekt verder."))

    story.append(para("Volgende stappen", "h2"))
    steps = [p.match for p in partners if next_step(p.match)]
    steps.sort(key=lambda m: (m.follow_up_on is None, m.follow_up_on or date.max, m.organisation_name))
    if steps:
        story.append(
            table(
                ["Wanneer", "Wat gebeurt er"],
                [[format_date(m.follow_up_on) or "zo snel mogelijk", next_step(m)] for m in steps],
                [35 * mm, WIDTH - 35 * mm],
            )
        )
    else:
        story.append(para("Er staan geen stappen meer open."))
    story += [
        Spacer(1, 4 * mm),
        para(f"Vragen? Neem contact op met de ideeënmakelaar van {info.municipality}.", "small"),
    ]
    build_pdf(out, info, story)
