"""Wijktafels and the timeline of notes, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from makelaar.domain.enums import ActivityKind
from makelaar.domain.errors import AmbiguousError, KnownError, NotFoundError, StaleRecordError, ValidationError
from makelaar.domain.records import IdeaData, OrganisationData, SessionData
from makelaar.services import activities, ideas, organisations, sessions, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store

# --- wijktafels -----------------------------------------------------------------------------------------------------


def test_session_reference_uses_the_year_it_was_held(any_store: Store) -> None:
    with any_store.begin() as s:
        first = sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2025, 10, 7)))
        second = sessions.save_session(s, SessionData(title="Wijktafel Zuid", held_on=date(2025, 11, 4)))
    assert first.reference is not None and re.fullmatch(r"W-2025-\d{4}", first.reference)
    assert second.reference is not None
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1


def test_session_validation_in_dutch(any_store: Store) -> None:
    with pytest.raises(ValidationError) as info, any_store.begin() as s:
        sessions.save_session(s, SessionData(title="  ", held_on=date(2026, 1, 1)))
    assert info.value.for_field("title") == "De naam van de wijktafel is verplicht."


def test_sessions_are_listed_newest_first_with_their_idea_count(any_store: Store) -> None:
    with any_store.begin() as s:
        noord = vocabulary.add_area(s, "Noord")
        old = sessions.save_session(
            s, SessionData(title="Wijktafel Noord", held_on=date(2026, 3, 1), place=" De Brug ", area_id=noord.id)
        )
        new = sessions.save_session(s, SessionData(title="Inloop Zuid", held_on=date(2026, 9, 1)))
        for title in ("Bankje", "Moestuin"):
            ideas.save_idea(s, IdeaData(title=title, session_id=old.id))
    with any_store.begin() as s:
        rows = sessions.list_sessions(s)
        assert [(r.title, r.idea_count, r.place, r.area) for r in rows] == [
            ("Inloop Zuid", 0, "", ""),
            ("Wijktafel Noord", 2, "De Brug", "Noord"),
        ]
        assert [r.id for r in sessions.list_sessions(s, "brug")] == [old.id]
        assert [r.id for r in sessions.list_sessions(s, "ZUID")] == [new.id]
        assert ideas.count_ideas(s, ListQuery(session_id=old.id)) == 2


def test_find_and_update_session(any_store: Store) -> None:
    with any_store.begin() as s:
        noord = sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2026, 3, 1)))
        sessions.save_session(s, SessionData(title="Wijktafel Zuid", held_on=date(2026, 4, 1)))
    assert noord.reference is not None and noord.id is not None
    with any_store.begin() as s:
        assert sessions.find_session(s, noord.reference.lower()).id == noord.id
        assert sessions.find_session(s, "noord").id == noord.id
        with pytest.raises(AmbiguousError) as info:
            sessions.find_session(s, "wijktafel")
        assert any("01-03-2026" in c for c in info.value.candidates)
        with pytest.raises(NotFoundError):
            sessions.find_session(s, "kerstmarkt")
    with any_store.begin() as s:
        sessions.save_session(s, replace(noord, notes="Twaalf bewoners"))
    with pytest.raises(StaleRecordError), any_store.begin() as s:
        sessions.save_session(s, replace(noord, notes="Te laat"))
    with any_store.begin() as s:
        assert sessions.get_session(s, noord.id).notes == "Twaalf bewoners"


# --- activities -----------------------------------------------------------------------------------------------------


def test_activities_on_an_idea_newest_first(any_store: Store) -> None:
    with any_store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Buurtmoestuin"))
        org = organisations.save_organisation(s, OrganisationData(name="Volkstuin"))
        base = datetime(2026, 5, 1, 10, 0)
        activities.add_activity(s, kind=ActivityKind.CALL, text=" Gebeld ", idea_id=idea.id, occurred_at=base)
        activities.add_activity(
            s, kind=ActivityKind.VISIT, text="Langs geweest", idea_id=idea.id, occurred_at=base + timedelta(days=2)
        )
        both = activities.add_activity(
            s,
            kind=ActivityKind.EMAIL,
            text="Mail aan beiden",
            idea_id=idea.id,
            organisation_id=org.id,
            occurred_at=base + timedelta(days=1),
            author="makelaar",
        )
    with any_store.begin() as s:
        on_idea = [
            (a.kind, a.text) for a in activities.list_activities(s, idea_id=idea.id) if a.kind != ActivityKind.NOTE
        ]
        on_org = [a.id for a in activities.list_activities(s, organisation_id=org.id) if a.kind == ActivityKind.EMAIL]
    assert on_idea == [("bezoek", "Langs geweest"), ("e-mail", "Mail aan beiden"), ("telefoongesprek", "Gebeld")]
    assert on_org == [both.id]
    assert both.author == "makelaar"


def test_activity_needs_a_subject_and_text(any_store: Store) -> None:
    with any_store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Bankje"))
        with pytest.raises(KnownError, match="hoort bij een idee of een organisatie"):
            activities.add_activity(s, kind=ActivityKind.NOTE, text="Los")
        with pytest.raises(KnownError, match="zonder tekst"):
            activities.add_activity(s, kind=ActivityKind.NOTE, text="   ", idea_id=idea.id)


def test_delete_activity(any_store: Store) -> None:
    with any_store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Bankje"))
        note = activities.add_activity(s, kind=ActivityKind.NOTE, text="Vergissing", idea_id=idea.id)
    with any_store.begin() as s:
        activities.delete_activity(s, note.id)
    with any_store.begin() as s:
        assert note.id not in {a.id for a in activities.list_activities(s, idea_id=idea.id)}
        with pytest.raises(NotFoundError):
            activities.delete_activity(s, note.id)


def test_deleting_an_idea_deletes_its_timeline(any_store: Store) -> None:
    with any_store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Bankje"))
        activities.add_activity(s, kind=ActivityKind.NOTE, text="Notitie", idea_id=idea.id)
    with any_store.begin() as s:
        ideas.delete_idea(s, idea.id or "")
    with any_store.begin() as s:
        assert activities.list_activities(s, idea_id=idea.id) == []
