"""Koppelingen: created once per need, followed through their statuses, each step dated on the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from makelaar.domain.enums import ActivityKind, IdeaStatus, MatchStatus, Vocabulary
from makelaar.domain.errors import KnownError, NotFoundError, StaleRecordError
from makelaar.domain.records import ContactData, IdeaData, OrganisationData
from makelaar.services import activities, ideas, matches, organisations
from makelaar.storage.store import Store
from tests.conftest import term_id


@dataclass
class World:
    idea: str
    org: str
    inactive_org: str
    other_org: str
    contact: str
    space: str
    money: str


@pytest.fixture
def world(any_store: Store) -> World:
    with any_store.begin() as s:
        space = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        money = term_id(s, Vocabulary.HELP_TYPE, "geld")
        idea = ideas.save_idea(s, IdeaData(title="Buurtmoestuin", need_ids=[space, money]))
        org = organisations.save_organisation(
            s, OrganisationData(name="Volkstuinvereniging", contacts=[ContactData(name="Els")])
        )
        inactive = organisations.save_organisation(s, OrganisationData(name="Opgeheven stichting", active=False))
        other = organisations.save_organisation(s, OrganisationData(name="Wijkfonds"))
    return World(
        idea=idea.id or "",
        org=org.id or "",
        inactive_org=inactive.id or "",
        other_org=other.id or "",
        contact=org.contacts[0].id or "",
        space=space,
        money=money,
    )


def test_create_match_and_the_idea_becomes_gekoppeld(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(
            s,
            idea_id=world.idea,
            organisation_id=world.org,
            need_id=world.space,
            contact_id=world.contact,
            follow_up_on=date(2026, 12, 1),
            note=" Bellen na de vakantie ",
            author="makelaar",
        )
    assert (row.status, row.need, row.contact, row.note) == ("voorgesteld", "ruimte", "Els", "Bellen na de vakantie")
    assert (row.organisation_name, row.idea_title, row.follow_up_on) == (
        "Volkstuinvereniging",
        "Buurtmoestuin",
        date(2026, 12, 1),
    )
    with any_store.begin() as s:
        assert ideas.get_idea(s, world.idea).status == IdeaStatus.MATCHED
        texts = [a.text for a in activities.list_activities(s, idea_id=world.idea)]
        assert "Gekoppeld aan Volkstuinvereniging voor ruimte (voorgesteld); opvolgen op 01-12-2026." in texts
        assert "Status van 'nieuw' naar 'gekoppeld'." in texts
        org_timeline = activities.list_activities(s, organisation_id=world.org)
        assert any(a.text.startswith("Gekoppeld aan Volkstuinvereniging") for a in org_timeline)
        assert [m.id for m in matches.matches_for_organisation(s, world.org)] == [row.id]


def test_second_match_does_not_touch_the_idea_status_again(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=world.space)
        before = len(activities.list_activities(s, idea_id=world.idea))
        matches.create_match(s, idea_id=world.idea, organisation_id=world.other_org, need_id=world.money)
        after = activities.list_activities(s, idea_id=world.idea)
    assert len(after) == before + 1  # only the koppeling itself, no second status change
    assert [a.text for a in after].count("Status van 'nieuw' naar 'gekoppeld'.") == 1


def test_an_idea_in_progress_keeps_its_status(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        data = ideas.get_idea(s, world.idea)
        data.status = IdeaStatus.IN_PROGRESS.value
        ideas.save_idea(s, data)
        matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=None)
        assert ideas.get_idea(s, world.idea).status == IdeaStatus.IN_PROGRESS


def test_duplicate_match_is_refused(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=world.space)
        matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=None)
    for need in (world.space, None):
        with pytest.raises(KnownError, match="al gekoppeld"), any_store.begin() as s:
            matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=need)
    with any_store.begin() as s:
        # Another need of the same organisation is a different koppeling.
        matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=world.money)
        assert len(matches.matches_for_idea(s, world.idea)) == 3


def test_inactive_organisation_is_refused(any_store: Store, world: World) -> None:
    with pytest.raises(KnownError, match="niet actief"), any_store.begin() as s:
        matches.create_match(s, idea_id=world.idea, organisation_id=world.inactive_org, need_id=world.space)
    with any_store.begin() as s:
        assert matches.matches_for_idea(s, world.idea) == []
        assert ideas.get_idea(s, world.idea).status == IdeaStatus.NEW


def test_contact_of_another_organisation_is_refused(any_store: Store, world: World) -> None:
    with pytest.raises(KnownError, match="contactpersoon"), any_store.begin() as s:
        matches.create_match(
            s, idea_id=world.idea, organisation_id=world.other_org, need_id=None, contact_id=world.contact
        )


def test_missing_idea_is_not_found(any_store: Store, world: World) -> None:
    with pytest.raises(NotFoundError), any_store.begin() as s:
        matches.create_match(s, idea_id="bestaat-niet", organisation_id=world.org, need_id=None)


def test_statuses_move_along_and_every_step_is_dated(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=world.space)
    for status in (MatchStatus.APPROACHED, MatchStatus.COMMITTED, MatchStatus.DONE):
        with any_store.begin() as s:
            before = len(activities.list_activities(s, idea_id=world.idea))
            previous = row.status
            row = matches.update_match(s, row.id, version=row.version, status=status, follow_up_on=None)
            timeline = activities.list_activities(s, idea_id=world.idea)
        assert row.status == status
        assert len(timeline) == before + 1
        step = next(a for a in timeline if f"naar '{status.value}'" in a.text and "Koppeling" in a.text)
        assert step.kind == ActivityKind.STATUS
        assert f"status van '{previous}' naar '{status.value}'" in step.text
        assert isinstance(step.occurred_at, datetime)
        assert step.occurred_at.date() <= date.today()


def test_illegal_transition_is_refused_and_changes_nothing(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=world.space)
        before = len(activities.list_activities(s, idea_id=world.idea))
    with pytest.raises(KnownError, match="kan niet naar 'afgerond'") as info, any_store.begin() as s:
        matches.update_match(s, row.id, version=row.version, status=MatchStatus.DONE, follow_up_on=None)
    assert "benaderd" in str(info.value)  # says what is allowed
    with any_store.begin() as s:
        [again] = matches.matches_for_idea(s, world.idea)
        assert (again.status, again.version) == ("voorgesteld", row.version)
        assert len(activities.list_activities(s, idea_id=world.idea)) == before


def test_follow_up_date_change_is_dated_too(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=None)
        row = matches.update_match(
            s, row.id, version=row.version, status=MatchStatus.PROPOSED, follow_up_on=date(2026, 12, 24)
        )
        texts = [a.text for a in activities.list_activities(s, idea_id=world.idea)]
    assert row.follow_up_on == date(2026, 12, 24)
    assert "Koppeling met Volkstuinvereniging: opvolgen op 24-12-2026." in texts


def test_stale_match_update_is_refused(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=None)
    with any_store.begin() as s:
        matches.update_match(s, row.id, version=row.version, status=MatchStatus.APPROACHED, follow_up_on=None)
    with pytest.raises(StaleRecordError), any_store.begin() as s:
        matches.update_match(s, row.id, version=row.version, status=MatchStatus.DECLINED, follow_up_on=None)
    with any_store.begin() as s:
        assert matches.matches_for_idea(s, world.idea)[0].status == "benaderd"


def test_delete_match(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        row = matches.create_match(s, idea_id=world.idea, organisation_id=world.org, need_id=None)
    with any_store.begin() as s:
        matches.delete_match(s, row.id)
    with any_store.begin() as s:
        assert matches.matches_for_idea(s, world.idea) == []
        # The timeline keeps the history of the koppeling.
        assert any("Gekoppeld aan" in a.text for a in activities.list_activities(s, idea_id=world.idea))
        with pytest.raises(NotFoundError):
            matches.delete_match(s, row.id)
