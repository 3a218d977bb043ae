"""Migrations: pytest-alembic's four built-in tests on both backends, and an upgrade of a store that holds data."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from pytest_alembic.tests import (
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)
from sqlalchemy import text

from makelaar.domain.records import IdeaData
from makelaar.services import ideas, matches, organisations, today
from makelaar.services.listing import ListQuery
from makelaar.storage import migrate
from makelaar.storage.engine import make_engine
from makelaar.storage.store import open_store
from tests.conftest import BACKENDS, sqlite_url_for

# The four built-ins, collected here (pyproject points pytest_alembic_tests_path at a missing file on purpose:
# pytest-alembic's own collector breaks on newer pytest). The alembic_engine fixture runs each on both backends.
__all__ = [
    "test_model_definitions_match_ddl",
    "test_single_head_revision",
    "test_up_down_consistency",
    "test_upgrade",
]


def _revisions_base_to_head() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [s.revision for s in reversed(list(script.walk_revisions()))]


def test_revision_list_ends_at_head() -> None:
    revisions = _revisions_base_to_head()
    assert revisions, "no migrations found"
    assert revisions[-1] == migrate.head_revision()


@pytest.fixture(params=BACKENDS)
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return sqlite_url_for(tmp_path / "old.sqlite")
    return str(request.getfixturevalue("pg_url"))


def test_store_with_data_from_the_first_migration_upgrades_to_head(empty_url: str) -> None:
    first = _revisions_base_to_head()[0]
    engine = make_engine(empty_url)
    cfg = migrate.alembic_config(engine)
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, first)
        if conn.in_transaction():
            conn.commit()
    assert migrate.current_revision(engine) == first

    # Data as the program at the first revision would have written it, in plain SQL.
    now = datetime(2026, 3, 1, 12, 0, 0)
    idea_id, org_id, match_id, person_id = (str(uuid.uuid4()) for _ in range(4))
    with engine.begin() as conn:
        area_id = conn.execute(text("SELECT id FROM areas WHERE kind = 'gemeente'")).scalar_one()
        need_id = conn.execute(
            text("SELECT id FROM vocabulary_terms WHERE vocabulary = 'help_type' AND key = 'ruimte'")
        ).scalar_one()
        tracked = {"created_at": now, "updated_at": now, "version": 1}
        conn.execute(
            text(
                "INSERT INTO ideas (id, reference, title, description, status, area_id, received_on, "
                "created_at, updated_at, version) VALUES (:id, 'I-2026-0001', 'Buurtmoestuin aan de Ëikenlaan', "
                "'Groente kweken met de buren', 'nieuw', :area, :received, :created_at, :updated_at, :version)"
            ),
            {"id": idea_id, "area": area_id, "received": date(2026, 3, 1), **tracked},
        )
        conn.execute(
            text(
                "INSERT INTO organisations (id, reference, name, description, active, created_at, updated_at, "
                "version) VALUES (:id, 'O-2026-0001', 'Volkstuinvereniging De Spade', 'Moestuinen en advies', "
                ":active, :created_at, :updated_at, :version)"
            ),
            {"id": org_id, "active": True, **tracked},
        )
        conn.execute(
            text(
                "INSERT INTO initiators (id, reference, name, created_at, updated_at, version) "
                "VALUES (:id, 'P-2026-0001', 'Fatima', :created_at, :updated_at, :version)"
            ),
            {"id": person_id, **tracked},
        )
        conn.execute(
            text("INSERT INTO idea_initiators (idea_id, initiator_id) VALUES (:i, :p)"), {"i": idea_id, "p": person_id}
        )
        conn.execute(text("INSERT INTO idea_needs (idea_id, term_id) VALUES (:i, :t)"), {"i": idea_id, "t": need_id})
        conn.execute(
            text(
                "INSERT INTO matches (id, idea_id, organisation_id, need_id, status, created_at, updated_at, version) "
                "VALUES (:id, :i, :o, :t, 'benaderd', :created_at, :updated_at, :version)"
            ),
            {"id": match_id, "i": idea_id, "o": org_id, "t": need_id, **tracked},
        )
        for when in (datetime(2026, 3, 2, 10, 0), datetime(2026, 3, 9, 15, 30)):  # the newest: 9 March
            conn.execute(
                text(
                    "INSERT INTO activities (id, idea_id, kind, occurred_at, text, created_at) "
                    "VALUES (:id, :i, 'notitie', :at, 'Gebeld met Fatima', :at)"
                ),
                {"id": str(uuid.uuid4()), "i": idea_id, "at": when},
            )
        conn.execute(
            text(
                "INSERT INTO reference_counters (prefix, year, last) VALUES ('I', 2026, 1), ('O', 2026, 1), "
                "('P', 2026, 1)"
            )
        )
    engine.dispose()

    # What the program does at start.
    store = open_store(empty_url)
    try:
        assert store.upgrade is not None
        assert store.upgrade.after == migrate.head_revision()
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        with store.begin() as s:
            idea = ideas.find_idea(s, "I-2026-0001")
            assert idea.title == "Buurtmoestuin aan de Ëikenlaan"
            assert idea.need_ids == [need_id]
            assert [p.name for p in idea.initiators] == ["Fatima"]
            org = organisations.get_organisation(s, org_id)
            assert org.name == "Volkstuinvereniging De Spade"
            [row] = matches.matches_for_idea(s, idea_id)
            assert (row.organisation_name, row.status, row.need) == (
                "Volkstuinvereniging De Spade",
                "benaderd",
                "ruimte",
            )
            # The search index covers the rows written before the upgrade.
            for query in ("buurtmoestuin", "eikenlaan", "Buurtmoes", "groente kweken", "I-2026-0001"):
                page = ideas.page_ideas(s, ListQuery(search=query))
                assert [r.id for r in page.rows] == [idea_id], query
                assert page.total == 1
            assert ideas.page_ideas(s, ListQuery(search="fietsenstalling")).total == 0
            found = organisations.page_organisations(s, ListQuery(search="spade"))
            assert [r.id for r in found.rows] == [org_id]
            # The newest timeline entry written before the upgrade is the idea's last contact on Vandaag.
            view = today.today_overview(s, today=date(2026, 6, 1), now=datetime(2026, 6, 1, 9, 0))
            assert [(i.idea_id, i.when) for i in view.quiet] == [(idea_id, date(2026, 3, 9))]
            # New references continue after the existing ones.
            new = ideas.save_idea(s, IdeaData(title="Tweede idee"))
            assert new.reference == f"I-{date.today().year}-{'0002' if date.today().year == 2026 else '0001'}"
    finally:
        store.close()
