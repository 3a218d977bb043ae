"""ideas.last_activity_at: kept by the database for every writer (the ORM, Core bulk inserts, deletes, moves)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update

from makelaar.domain.enums import ActivityKind
from makelaar.domain.records import IdeaData
from makelaar.services import activities, ideas
from makelaar.storage.base import new_id
from makelaar.storage.last_contact import last_activity
from makelaar.storage.models import Activity, Idea
from makelaar.storage.store import Store

MARCH = datetime(2026, 3, 9, 15, 30)
APRIL = datetime(2026, 4, 1, 9, 0)
MAY = datetime(2026, 5, 20, 11, 15)


def _last(store: Store, *idea_ids: str) -> list[datetime | None]:
    with store.begin() as s:
        found = dict(s.execute(select(Idea.id, last_activity()).where(Idea.id.in_(idea_ids))).tuples().all())
    return [found[i] for i in idea_ids]


def test_every_kind_of_write_keeps_the_newest_entry(any_store: Store) -> None:
    with any_store.begin() as s:
        first = ideas.save_idea(s, IdeaData(title="Buurtmoestuin")).id or ""
        second = ideas.save_idea(s, IdeaData(title="Speeltuin")).id or ""
        s.execute(Activity.__table__.delete())
    assert _last(any_store, first, second) == [None, None]

    with any_store.begin() as s:  # the ORM
        april = activities.add_activity(s, kind=ActivityKind.NOTE, text="Gebeld", idea_id=first, occurred_at=APRIL)
        activities.add_activity(s, kind=ActivityKind.NOTE, text="Eerder", idea_id=first, occurred_at=MARCH)
    assert _last(any_store, first, second) == [APRIL, None]  # an older entry does not lower it

    with any_store.begin() as s:  # a Core bulk insert (import, exchange)
        s.execute(
            insert(Activity),
            [
                {"id": new_id(), "idea_id": second, "kind": "notitie", "text": "a", "occurred_at": MAY},
                {"id": new_id(), "idea_id": second, "kind": "notitie", "text": "b", "occurred_at": MARCH},
            ],
        )
    assert _last(any_store, first, second) == [APRIL, MAY]

    with any_store.begin() as s:  # moved to the other idea: both worked out again
        s.execute(update(Activity).where(Activity.id == april.id).values(idea_id=second))
    assert _last(any_store, first, second) == [MARCH, MAY]

    with any_store.begin() as s:  # a date corrected
        s.execute(update(Activity).where(Activity.occurred_at == MAY).values(occurred_at=MARCH))
    assert _last(any_store, first, second) == [MARCH, APRIL]

    with any_store.begin() as s:  # deleted: back to the newest left, or none
        activities.delete_activity(s, april.id)
        for entry in s.scalars(select(Activity).where(Activity.idea_id == first)):
            s.delete(entry)
    assert _last(any_store, first, second) == [None, MARCH]
