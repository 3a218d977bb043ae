"""Organisatieblad: what the registry knows of one organisation, and the ideas it is linked to."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from sqlalchemy.orm import Session

from makelaar.domain.formatting import format_date, format_euro
from makelaar.reports.common import Names, report_info
from makelaar.reports.privacy import visible_person
from makelaar.reports.style import WIDTH, build_pdf, esc, facts, markup, para, table
from makelaar.services import ideas, matches, organisations

TITLE = "Organisatieblad"


def build_organisation_report(
    s: Session, organisation_id: str, out: Path | BinaryIO, *, today: date | None = None
) -> None:
    """Write the organisatieblad of one organisation as a PDF to ``out``."""
    org = organisations.get_organisation(s, organisation_id)
    names = Names.load(s)
    info = report_info(s, f"{TITLE} {org.name}", f"Gegevens en koppelingen van {org.name}", today)
    address = " ".join(x for x in (org.address or "", org.postcode or "", org.city or "") if x)
    story: list[Flowable] = [
        para(TITLE, "title"),
        markup(f"{esc(org.name)} · {esc(org.reference)}", "subtitle"),
        facts(
            [
                ("Nummer", org.reference or ""),
                ("Soort", names.terms.get(org.kind_id or "", "")),
                ("Actief", "ja" if org.active else "nee, niet meer actief"),
                ("Adres", address),
                ("E-mail", org.email or ""),
                ("Telefoon", org.phone or ""),
                ("Website", org.website or ""),
                ("KvK-nummer", org.kvk or ""),
                ("Laatst bijgewerkt", format_date(org.updated_at)),
            ]
        ),
    ]
    if org.description:
        story += [Spacer(1, 2 * mm), para(org.description)]

    story += [
        para("Wat zij bieden", "h2"),
        facts(
            [
                ("Biedt", names.term_list(org.offer_ids) or "niet bekend"),
                ("Thema's", names.term_list(org.theme_ids) or "niet bekend"),
                ("Werkt in", names.area_list(org.area_ids) or "niet bekend"),
            ]
        ),
    ]
    fund = [
        ("Hoogste bedrag", format_euro(org.fund_max_amount)),
        ("Minimaal aantal initiatiefnemers", str(org.fund_min_initiators) if org.fund_min_initiators else ""),
        ("Aanvragen vóór", format_date(org.fund_deadline)),
        ("Betaalt niet voor", org.fund_excludes or ""),
    ]
    if any(value for _, value in fund):
        story += [para("Voorwaarden van het fonds", "h2"), facts(fund, 60 * mm)]

    story.append(para("Contactpersonen", "h2"))
    if org.contacts:
        story.append(
            table(
                ["Naam", "Functie", "E-mail", "Telefoon"],
                [[c.name, c.role or "", c.email or "", c.phone or ""] for c in org.contacts],
                [42 * mm, 32 * mm, 70 * mm, WIDTH - 144 * mm],
            )
        )
    else:
        story.append(para("Er zijn geen contactpersonen bekend."))

    linked = matches.matches_for_organisation(s, organisation_id)
    story.append(para("Gekoppelde ideeën", "h2"))
    if linked:
        people: dict[str, Flowable] = {}
        for m in linked:
            if m.idea_id not in people:
                shown = [visible_person(i) for i in ideas.get_idea(s, m.idea_id).initiators]
                lines = [esc(p.label) + (f"<br/>{esc(p.contact)}" if p.contact else "") for p in shown if p.label]
                people[m.idea_id] = markup("<br/>".join(lines), "cell")
        story.append(para(f"{len(linked)} {'koppeling' if len(linked) == 1 else 'koppelingen'} in totaal.", "small"))
        story.append(
            table(
                ["Idee", "Initiatiefnemer", "Helpt met", "Stand", "Volgende contact"],
                [
                    [
                        markup(f"<b>{esc(m.idea_reference)}</b><br/>{esc(m.idea_title)}", "cell"),
                        people[m.idea_id],
                        m.need or "algemeen",
                        m.status,
                        format_date(m.follow_up_on),
                    ]
                    for m in linked
                ],
                [48 * mm, 40 * mm, 30 * mm, 24 * mm, WIDTH - 142 * mm],
            )
        )
    else:
        story.append(para("Deze organisatie is nog niet aan een idee gekoppeld."))
    build_pdf(out, info, story)
