"""Text longer than the store keeps is refused with a message, on every backend (PostgreSQL would fail the save)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from makelaar.domain.errors import ValidationError
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.domain.validation import MAX_AMOUNT, MAX_TEXT_LENGTH
from makelaar.services import ideas, organisations
from makelaar.services.common import next_reference
from makelaar.storage.models import Idea
from makelaar.storage.store import Store
from tests.conftest import count_rows


def test_too_long_fields_are_named(any_store: Store) -> None:
    with any_store.begin() as s, pytest.raises(ValidationError) as caught:
        organisations.save_organisation(
            s,
            OrganisationData(name="x" * 201, city="y" * 121, contacts=[ContactData(name="Jan", role="r" * 201)]),
        )
    fields = {e.field for e in caught.value.errors}
    assert fields == {"name", "city", "contacts[0].role"}
    assert "te lang: 201 tekens, de grens is 200" in str(caught.value)


def test_idea_title_and_address_limits(any_store: Store) -> None:
    with any_store.begin() as s, pytest.raises(ValidationError) as caught:
        ideas.save_idea(
            s,
            IdeaData(
                title="t" * 201,
                initiators=[InitiatorData(name="An", address="a" * 201, consent_contact=True)],
            ),
        )
    assert {e.field for e in caught.value.errors} == {"title", "initiators[0].address"}
    with any_store.begin() as s:
        saved = ideas.save_idea(s, IdeaData(title="t" * 200))
    assert saved.title == "t" * 200


def test_references_count_on_per_prefix_and_year(any_store: Store) -> None:
    with any_store.begin() as s:
        got = [next_reference(s, "X", 2031) for _ in range(3)] + [next_reference(s, "Y", 2031)]
        got.append(next_reference(s, "X", 2032))
    assert got == ["X-2031-0001", "X-2031-0002", "X-2031-0003", "Y-2031-0001", "X-2032-0001"]


# --- one validation path: amounts, statuses, numbers, control characters --------------------------------------------


@pytest.mark.parametrize(
    "amount",
    [Decimal("NaN"), Decimal("Infinity"), Decimal("1e30"), Decimal("-5"), Decimal("12345678901.99")],
)
def test_impossible_amounts_are_refused_by_name_on_every_backend(any_store: Store, amount: Decimal) -> None:
    with any_store.begin() as s, pytest.raises(ValidationError) as caught:
        ideas.save_idea(s, IdeaData(title="Buurtfeest", requested_amount=amount))
    assert [e.field for e in caught.value.errors] == ["requested_amount"]
    assert "Het gevraagde bedrag" in str(caught.value)
    with any_store.begin() as s, pytest.raises(ValidationError) as caught:
        organisations.save_organisation(s, OrganisationData(name="Fonds", fund_max_amount=amount))
    assert [e.field for e in caught.value.errors] == ["fund_max_amount"]
    with any_store.begin() as s:
        assert count_rows(s, Idea) == 0


def test_the_highest_amount_is_kept_to_the_cent(any_store: Store) -> None:
    with any_store.begin() as s:
        saved = ideas.save_idea(s, IdeaData(title="Groot plan", requested_amount=MAX_AMOUNT))
    assert saved.requested_amount == Decimal("10000000.00")


def test_unknown_status_negative_team_and_control_characters_are_refused(any_store: Store) -> None:
    with any_store.begin() as s, pytest.raises(ValidationError) as caught:
        ideas.save_idea(s, IdeaData(title="Bel\x07feest", description="Tekst\x00", status="verzonnen", team_size=-3))
    assert {e.field for e in caught.value.errors} == {"title", "description", "status", "team_size"}
    assert "stuurteken" in str(caught.value)


def test_a_ten_million_character_title_is_refused_not_stored(any_store: Store) -> None:
    with any_store.begin() as s, pytest.raises(ValidationError, match="te lang: 10000000 tekens"):
        ideas.save_idea(s, IdeaData(title="t" * 10_000_000))


def test_newlines_and_tabs_stay_allowed_in_long_texts(any_store: Store) -> None:
    with any_store.begin() as s:
        saved = ideas.save_idea(s, IdeaData(title="Moestuin", description="Eerst:\n\t- grond\n\t- zaad"))
    assert saved.description == "Eerst:\n\t- grond\n\t- zaad"
    with any_store.begin() as s, pytest.raises(ValidationError, match="De omschrijving is te lang"):
        ideas.save_idea(s, IdeaData(title="Lang", description="x" * (MAX_TEXT_LENGTH + 1)))
