"""Full-text search, on SQLite (FTS5) and PostgreSQL (tsvector): prefixes, diacritics, and kept in step."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.search import fts5_query, pg_tsquery, search_terms
from makelaar.storage.store import Store, open_store

MOESTUIN, REPAIR, SPEELTUIN = "Buurtmoestuin aan de Ëikenlaan", "Repaircafé in het buurthuis", "Speeltuin opknappen"
CASES = [
    ("buurtmoes", [MOESTUIN]),
    ("BUURTMOESTUIN", [MOESTUIN]),
    ("eikenlaan", [MOESTUIN]),
    ("ëikenlaan", [MOESTUIN]),
    ("EIKENL", [MOESTUIN]),
    ("repaircafe", [REPAIR]),
    ("buurt", [MOESTUIN, REPAIR]),
    ("fiets", [REPAIR]),  # the description counts too
    ("speeltuin wipk", [SPEELTUIN]),  # every word must occur, the last as a prefix
    ("speeltuin groente", []),
    ("zwembad", []),
    ("", [MOESTUIN, REPAIR, SPEELTUIN]),
    ("'\"*()", [MOESTUIN, REPAIR, SPEELTUIN]),  # nothing to search for: no filter, and no syntax error
]


def _search(store: Store, query: str) -> list[str]:
    with store.begin() as s:
        return sorted(r.title for r in ideas.list_ideas(s, ListQuery(search=query)))


@pytest.fixture
def with_ideas(any_store: Store) -> Store:
    with any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title=MOESTUIN, description="Groente kweken"))
        ideas.save_idea(s, IdeaData(title=REPAIR, description="Samen fietsen repareren"))
        ideas.save_idea(s, IdeaData(title=SPEELTUIN, description="Nieuwe wipkip"))
    return any_store


def test_search_finds_by_word_prefix_without_regard_to_accents(with_ideas: Store) -> None:
    for query, titles in CASES:
        assert _search(with_ideas, query) == titles, query


def test_search_by_reference(with_ideas: Store) -> None:
    with with_ideas.begin() as s:
        rows = ideas.list_ideas(s, ListQuery(sort="reference", descending=False))
        second = rows[1]
        assert [r.id for r in ideas.list_ideas(s, ListQuery(search=second.reference))] == [second.id]
        number = second.reference.rsplit("-", 1)[1]
        assert [r.id for r in ideas.list_ideas(s, ListQuery(search=number))] == [second.id]


def test_search_follows_a_changed_title(with_ideas: Store) -> None:
    with with_ideas.begin() as s:
        [row] = ideas.list_ideas(s, ListQuery(search="speeltuin"))
        data = ideas.get_idea(s, row.id)
        data.title = "Skatebaan bij de school"
        ideas.save_idea(s, data)
    assert _search(with_ideas, "speeltuin") == []
    assert _search(with_ideas, "skateb") == ["Skatebaan bij de school"]
    assert _search(with_ideas, "wipkip") == ["Skatebaan bij de school"]


def test_search_forgets_a_deleted_idea(with_ideas: Store) -> None:
    with with_ideas.begin() as s:
        [row] = ideas.list_ideas(s, ListQuery(search="repaircafe"))
        ideas.delete_idea(s, row.id)
    assert _search(with_ideas, "repaircafe") == []
    assert _search(with_ideas, "buurt") == ["Buurtmoestuin aan de Ëikenlaan"]
    with with_ideas.begin() as s:
        assert ideas.page_ideas(s, ListQuery(search="buurt")).total == 1


def test_search_organisations_by_name_description_and_city(any_store: Store) -> None:
    with any_store.begin() as s:
        organisations.save_organisation(
            s, OrganisationData(name="Stichting Groen Doen", description="Tuinadvies", city="Brugwoude")
        )
        organisations.save_organisation(s, OrganisationData(name="Fietsenmakerij Öztürk", city="Zwolle"))

        def names(query: str) -> list[str]:
            return sorted(r.name for r in organisations.list_organisations(s, ListQuery(search=query)))

        assert names("groen") == ["Stichting Groen Doen"]
        assert names("tuinadv") == ["Stichting Groen Doen"]
        assert names("brugwoude") == ["Stichting Groen Doen"]
        assert names("ozturk") == ["Fietsenmakerij Öztürk"]
        assert names("zwolle fiets") == ["Fietsenmakerij Öztürk"]
        assert organisations.page_organisations(s, ListQuery(search="stichting")).total == 1


def test_query_builders_quote_what_the_user_typed() -> None:
    assert search_terms("  Ëikenlaan, MOES-tuin ") == ["eikenlaan", "moes", "tuin"]
    assert fts5_query('moes" OR *') == '"moes"* AND "or"*'
    assert fts5_query(" ,.; ") is None
    assert pg_tsquery("moestuin") == "'moestuin':*"
    assert pg_tsquery("I-2026") == "'i':* & ('2026':* | '-2026':*)"
    assert pg_tsquery("") is None


@pytest.mark.postgres
def test_postgresql_search_folds_capitals_in_a_c_locale_database(pg_server: str) -> None:
    """lower() leaves 'Ë' alone when LC_CTYPE is C; the search must not depend on the server's locale."""
    name = f"makelaar_c_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.exec_driver_sql(
            f"CREATE DATABASE \"{name}\" ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
        )
    try:
        opened = open_store(make_url(pg_server).set(database=name).render_as_string(hide_password=False))
        try:
            with opened.begin() as s:
                ideas.save_idea(s, IdeaData(title="Bankjes aan de ËIKENLAAN"))
            with opened.begin() as s:
                assert [r.title for r in ideas.list_ideas(s, ListQuery(search="eikenlaan"))] == [
                    "Bankjes aan de ËIKENLAAN"
                ]
        finally:
            opened.close()
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()
