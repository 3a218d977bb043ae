"""Text longer than the store keeps is refused with a message, on every backend (PostgreSQL would fail the save)."""

from __future__ import annotations

import pytest

from makelaar.domain.errors import ValidationError
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.services.common import next_reference
from makelaar.storage.store import Store


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
