"""Both versions of the koppelingsrapport read back from the PDF: what each must say and what it must never show
(the broker's notes to the resident, one partner's notes and contacts to another)."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest

from makelaar.domain.enums import MatchStatus
from makelaar.domain.errors import KnownError
from makelaar.domain.records import IdeaData
from makelaar.reports import build_matching_report
from makelaar.reports.matching import partner_versions
from makelaar.services import ideas, matches
from makelaar.storage.store import Store
from tests.reports.conftest import BROKER, FUND_NOTE, INTERNAL_NOTE, TODAY, World, flat, pdf_text


def text_of(store: Store, idea_id: str, *, today: date = TODAY, **kw: object) -> str:
    out = io.BytesIO()
    with store.begin() as s:
        build_matching_report(s, idea_id, out, today=today, **kw)  # type: ignore[arg-type]
    return flat(pdf_text(out.getvalue()))


def section(text: str, heading: str, *following: str) -> str:
    """The text from ``heading`` up to the first of ``following`` that comes after it."""
    start = text.index(heading)
    ends = [text.find(h, start + len(heading)) for h in following]
    return text[start : min([e for e in ends if e >= 0] or [len(text)])]


RESIDENT_HEADINGS = ("Wat gebeurt er nu?", "Wie helpt u?", "Aan wie is het gevraagd?", "Wat is er nodig?", "Uw idee")


def test_resident_version_starts_with_what_happens_next_and_names_the_broker(store: Store, world: World) -> None:
    text = text_of(store, world.private_idea.id or "", audience="bewoner")
    positions = [text.index(h) for h in RESIDENT_HEADINGS]
    assert positions == sorted(positions)
    for detail in (BROKER.name, BROKER.phone, BROKER.email):
        assert detail in text


def test_resident_version_leaves_out_every_internal_note(store: Store, world: World) -> None:
    for idea in (world.shared_idea, world.private_idea):
        text = text_of(store, idea.id or "", audience="bewoner")
        assert INTERNAL_NOTE not in text
        assert FUND_NOTE not in text
        assert "Afspraak" not in text


def test_resident_version_does_not_count_a_proposal_as_help(store: Store, world: World) -> None:
    text = text_of(store, world.private_idea.id or "", audience="bewoner")
    # Buurthuis De Molen is only "voorgesteld", the fund "benaderd": neither helps yet.
    helps = section(text, "Wie helpt u?", *RESIDENT_HEADINGS[2:])
    assert "Buurthuis De Molen" not in helps and "Energiecoöperatie Zon" not in helps
    assert "nog geen organisatie toegezegd" in helps
    asked = section(text, "Aan wie is het gevraagd?", "Wat is er nodig?")
    assert "Energiecoöperatie Zon" in asked and "Buurthuis De Molen" not in asked
    # What happens next does mention the proposal, as something the broker will do.
    steps = section(text, "Wat gebeurt er nu?", "Wie helpt u?")
    assert "De makelaar vraagt Buurthuis De Molen" in steps


def test_resident_version_lists_a_committed_partner_with_its_contact(store: Store, world: World) -> None:
    with store.begin() as s:
        fund = next(m for m in matches.matches_for_idea(s, world.shared_idea.id or "") if m.need == "geld")
        matches.update_match(s, fund.id, version=fund.version, status=MatchStatus.COMMITTED, follow_up_on=None)
    text = text_of(store, world.shared_idea.id or "", audience="bewoner")
    helps = section(text, "Wie helpt u?", "Wat is er nodig?")
    assert "Energiecoöperatie Zon helpt met geld" in helps
    assert "Pieter Zwart" in helps and "p.zwart@zon.example" in helps


def test_a_follow_up_date_in_the_past_reads_as_soon_as_possible(store: Store, world: World) -> None:
    later = date(2026, 12, 2)  # the fund's follow-up (01-12-2026) has passed
    for audience in ("bewoner", "partners"):
        text = text_of(store, world.shared_idea.id or "", audience=audience, today=later)
        assert "zo snel mogelijk" in text.lower()
        assert "01-12-2026" not in text
    assert "01-12-2026" in text_of(store, world.shared_idea.id or "", audience="bewoner")


def test_a_new_idea_without_partners(store: Store, world: World) -> None:
    with store.begin() as s:
        fresh = ideas.save_idea(s, IdeaData(title="Bankje bij de vijver", received_on=TODAY - timedelta(days=1)))
        assert partner_versions(s, fresh.id or "") == []
    text = text_of(store, fresh.id or "", audience="bewoner")
    assert "Er staan geen stappen meer open" not in text
    assert "De makelaar zoekt organisaties die u kunnen helpen" in text
    assert "Er heeft nog geen organisatie toegezegd" in text
    with pytest.raises(KnownError, match="geen partnerversie"):
        text_of(store, fresh.id or "", audience="partners")


def test_each_partner_reads_only_its_own_notes_and_contacts(store: Store, world: World) -> None:
    idea_id = world.private_idea.id or ""
    with store.begin() as s:
        assert {name for _, name in partner_versions(s, idea_id)} == {"Energiecoöperatie Zon", "Buurthuis De Molen"}
        fund_match = next(m for m in matches.matches_for_idea(s, idea_id) if m.organisation_id == world.fund.id)
        matches.update_match(
            s,
            fund_match.id,
            version=fund_match.version,
            status=MatchStatus.APPROACHED,
            follow_up_on=date(2026, 12, 3),
            note="Advies over de grond; Pieter komt kijken.",
        )
    fund = text_of(store, idea_id, audience="partners", organisation_id=world.fund.id)
    buurthuis = text_of(store, idea_id, audience="partners", organisation_id=world.buurthuis.id)

    assert "versie voor Energiecoöperatie Zon" in fund
    assert "Wij vragen u om te helpen met advies" in fund
    assert "Graag uiterlijk op 03-12-2026" in fund
    assert "Advies over de grond; Pieter komt kijken." in fund
    assert INTERNAL_NOTE not in fund
    # Another partner only proposed (not yet asked) is not named at all; one asked is named with its part only.
    assert "Buurthuis De Molen" not in fund

    assert "versie voor Buurthuis De Molen" in buurthuis
    assert INTERNAL_NOTE in buurthuis
    assert "Advies over de grond" not in buurthuis
    assert "Pieter Zwart" not in buurthuis and "p.zwart@zon.example" not in buurthuis
    assert "Energiecoöperatie Zon is gevraagd te helpen met advies." in buurthuis
    for text in (fund, buurthuis):
        assert BROKER.phone in text and BROKER.email in text


def test_the_partners_version_without_an_organisation_gives_every_partner_its_own_pages(
    store: Store, world: World
) -> None:
    out = io.BytesIO()
    with store.begin() as s:
        build_matching_report(s, world.private_idea.id or "", out, audience="partners", today=TODAY)
    from pypdf import PdfReader

    pages = [flat(p.extract_text() or "") for p in PdfReader(io.BytesIO(out.getvalue())).pages]
    fund = [p for p in pages if "Voor Energiecoöperatie Zon" in p]
    buurthuis = [p for p in pages if "Voor Buurthuis De Molen" in p]
    assert fund and buurthuis and not set(map(id, fund)) & set(map(id, buurthuis))
    assert all(INTERNAL_NOTE not in p for p in fund)


def test_an_organisation_that_is_not_linked_gets_no_version(store: Store, world: World) -> None:
    with pytest.raises(KnownError, match="niet \\(meer\\) aan dit idee gekoppeld"):
        text_of(store, world.shared_idea.id or "", audience="partners", organisation_id=world.buurthuis.id)


def test_help_given_for_one_need_is_not_all_help_while_another_need_has_nobody(store: Store, world: World) -> None:
    with store.begin() as s:
        fund = next(m for m in matches.matches_for_idea(s, world.shared_idea.id or "") if m.need == "geld")
        fund = matches.update_match(s, fund.id, version=fund.version, status=MatchStatus.COMMITTED, follow_up_on=None)
        matches.update_match(s, fund.id, version=fund.version, status=MatchStatus.DONE, follow_up_on=None)
    text = text_of(store, world.shared_idea.id or "", audience="bewoner")
    steps = section(text, "Wat gebeurt er nu?", "Wie helpt u?")
    assert "De makelaar zoekt een organisatie die u kan helpen met ruimte." in steps
    assert "De gevraagde hulp is gegeven" not in steps
