"""A small municipality made through the services: two ideas at one wijktafel, one resident who agreed to share
their data and one who did not, two organisations and three koppelingen."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from makelaar.domain.enums import MatchStatus, Vocabulary
from makelaar.domain.records import BrokerContact, ContactData, IdeaData, InitiatorData, OrganisationData, SessionData
from makelaar.services import ideas, matches, organisations, sessions, vocabulary
from makelaar.storage.store import Store
from tests.conftest import term_id

TODAY = date(2026, 11, 28)
SHARED_NAME, SHARED_EMAIL = "Anna de Vries", "anna.devries@example.nl"
PRIVATE_NAME, PRIVATE_EMAIL = "Bram van Dijk", "bram.vandijk@example.nl"
PRIVATE_INITIALS = "B.v.D."
BROKER = BrokerContact(name="Sanne Bakker", phone="0513 48 27 90", email="s.bakker@lindewaard.example")
FUND_NOTE = "Aanvraag van € 1.250,00 ligt klaar."
INTERNAL_NOTE = "Nog bellen; eerst het plan op papier laten zetten"


@dataclass(frozen=True)
class World:
    shared_idea: IdeaData  # its initiator agreed to share
    private_idea: IdeaData  # its initiator did not
    session: SessionData
    fund: OrganisationData
    buurthuis: OrganisationData


def make_world(store: Store) -> World:
    with store.begin() as s:
        vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, "Gemeente Lindewaard")
        vocabulary.set_broker_contact(s, BROKER)
        area = vocabulary.add_area(s, "Oosterhoek")
        session = sessions.save_session(
            s, SessionData(title="Wijktafel Oosterhoek", held_on=date(2026, 9, 9), place="Buurthuis De Molen")
        )
        fund = organisations.save_organisation(
            s,
            OrganisationData(
                name="Energiecoöperatie Zon",
                kind_id=term_id(s, Vocabulary.ORGANISATION_KIND, "fonds"),
                description="Geeft geld & advies <voor> duurzame ideeën.",
                email="info@zon.example",
                offer_ids=[term_id(s, Vocabulary.HELP_TYPE, "geld"), term_id(s, Vocabulary.HELP_TYPE, "advies")],
                theme_ids=[term_id(s, Vocabulary.THEME, "duurzaamheid")],
                area_ids=[area.id],
                contacts=[ContactData(name="Pieter Zwart", role="secretaris", email="p.zwart@zon.example")],
                fund_max_amount=Decimal("10000"),
                fund_deadline=date(2027, 3, 1),
            ),
        )
        buurthuis = organisations.save_organisation(
            s,
            OrganisationData(
                name="Buurthuis De Molen",
                offer_ids=[
                    term_id(s, Vocabulary.HELP_TYPE, "ruimte"),
                    term_id(s, Vocabulary.HELP_TYPE, "vrijwilligers"),
                ],
                theme_ids=[term_id(s, Vocabulary.THEME, "welzijn")],
                area_ids=[area.id],
            ),
        )
        needs = {n: term_id(s, Vocabulary.HELP_TYPE, n) for n in ("ruimte", "geld", "advies")}
        shared = ideas.save_idea(
            s,
            IdeaData(
                title="Ideeën-café in het buurthuis",
                description="Elke maand een avond waar bewoners ideeën delen. Koffie & <thee> gratis.",
                area_id=area.id,
                session_id=session.id,
                source="wijktafel",
                team_size=4,
                requested_amount=Decimal("1250"),
                received_on=date(2026, 9, 9),
                theme_ids=[term_id(s, Vocabulary.THEME, "welzijn")],
                need_ids=[needs["ruimte"], needs["geld"]],
                initiators=[
                    InitiatorData(name=SHARED_NAME, email=SHARED_EMAIL, consent_contact=True, consent_share=True)
                ],
            ),
        )
        private = ideas.save_idea(
            s,
            IdeaData(
                title="Moestuin achter de school",
                area_id=area.id,
                session_id=session.id,
                source="wijktafel",
                received_on=date(2026, 9, 9),
                theme_ids=[term_id(s, Vocabulary.THEME, "duurzaamheid")],
                need_ids=[needs["ruimte"], needs["advies"]],
                initiators=[
                    InitiatorData(name=PRIVATE_NAME, email=PRIVATE_EMAIL, consent_contact=True, consent_share=False)
                ],
            ),
        )
        matches.create_match(
            s,
            idea_id=shared.id or "",
            organisation_id=fund.id or "",
            need_id=needs["geld"],
            status=MatchStatus.APPROACHED,
            follow_up_on=date(2026, 12, 1),
            contact_id=fund.contacts[0].id,
            note=FUND_NOTE,
        )
        matches.create_match(
            s,
            idea_id=private.id or "",
            organisation_id=fund.id or "",
            need_id=needs["advies"],
            status=MatchStatus.APPROACHED,
            follow_up_on=date(2026, 12, 3),
        )
        matches.create_match(
            s, idea_id=private.id or "", organisation_id=buurthuis.id or "", need_id=needs["ruimte"], note=INTERNAL_NOTE
        )
        return World(
            shared_idea=ideas.get_idea(s, shared.id or ""),
            private_idea=ideas.get_idea(s, private.id or ""),
            session=session,
            fund=organisations.get_organisation(s, fund.id or ""),
            buurthuis=organisations.get_organisation(s, buurthuis.id or ""),
        )


@pytest.fixture
def world(store: Store) -> World:
    return make_world(store)


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces made single spaces (wrapped cells break names)."""
    return " ".join(text.split())
