"""The example municipality: every status and kind of record is there, and a filled store is not filled twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from makelaar.domain.enums import AreaKind, IdeaSource, IdeaStatus, MatchStatus
from makelaar.domain.errors import KnownError
from makelaar.services import csvio, demo, ideas
from makelaar.services import vocabulary as vocab
from makelaar.storage.models import (
    Activity,
    Consent,
    Idea,
    IntakeSession,
    Match,
    Organisation,
    idea_initiators,
)
from makelaar.storage.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'demo.sqlite'}")
    yield opened
    opened.close()


@pytest.fixture
def filled(store: Store) -> tuple[Store, str]:
    with store.begin() as s:
        summary = demo.fill(s)
    return store, summary


def test_summary_and_municipality(filled: tuple[Store, str]) -> None:
    store, summary = filled
    with store.begin() as s:
        n_ideas = s.scalar(select(func.count()).select_from(Idea))
        n_orgs = s.scalar(select(func.count()).select_from(Organisation))
        n_matches = s.scalar(select(func.count()).select_from(Match))
        assert vocab.municipality_name(s) == "Gemeente Lindewaard"
    assert summary.startswith(
        f"Voorbeeldgegevens toegevoegd voor Gemeente Lindewaard: {n_ideas} ideeën, {n_orgs} organisaties, "
        f"4 wijktafels, {n_matches} koppelingen"
    )
    assert 45 <= (n_ideas or 0) <= 60
    assert 33 <= (n_orgs or 0) <= 40
    assert 28 <= (n_matches or 0) <= 40


def test_every_idea_status_source_and_match_status(filled: tuple[Store, str]) -> None:
    store, _ = filled
    with store.begin() as s:
        idea_statuses = Counter(s.scalars(select(Idea.status)))
        sources = set(s.scalars(select(Idea.source)))
        match_rows = s.execute(select(Match.status, Match.follow_up_on)).all()
    assert set(idea_statuses) == {st.value for st in IdeaStatus}
    assert sources == {src.value for src in IdeaSource}
    assert {status for status, _ in match_rows} == {st.value for st in MatchStatus}
    today = date.today()
    open_follow_ups = [d for status, d in match_rows if status in ("voorgesteld", "benaderd", "toegezegd")]
    assert all(d is not None for d in open_follow_ups)
    assert any(d < today for d in open_follow_ups if d), "some koppelingen must be overdue"
    assert any(d == today for d in open_follow_ups if d)
    assert any(d > today for d in open_follow_ups if d)
    closed = [d for status, d in match_rows if status in ("afgerond", "afgewezen")]
    assert closed and all(d is None for d in closed)


def test_areas_sessions_and_people(filled: tuple[Store, str]) -> None:
    store, _ = filled
    with store.begin() as s:
        areas = vocab.list_areas(s)
        kinds = Counter(a.kind for a in areas)
        assert kinds[AreaKind.DISTRICT.value] >= 5
        assert kinds[AreaKind.VILLAGE.value] >= 1
        by_id = {a.id: a for a in areas}
        buurten = [a for a in areas if a.kind == AreaKind.NEIGHBOURHOOD.value]
        assert len(buurten) >= 5
        assert all(a.parent_id and by_id[a.parent_id].kind == AreaKind.DISTRICT.value for a in buurten)
        sessions_with_ideas = s.scalar(
            select(func.count(func.distinct(Idea.session_id))).where(Idea.session_id.is_not(None))
        )
        assert sessions_with_ideas == s.scalar(select(func.count()).select_from(IntakeSession)) == 4
        without_people = s.scalar(
            select(func.count()).select_from(Idea).where(Idea.id.not_in(select(idea_initiators.c.idea_id)))
        )
        assert (without_people or 0) >= 2
        sharing = s.scalar(select(func.count()).where(Consent.purpose == "delen", Consent.given.is_(True)))
        contact_only = s.scalar(select(func.count()).where(Consent.purpose == "contact", Consent.given.is_(True)))
        assert 0 < (sharing or 0) < (contact_only or 0)
        assert (s.scalar(select(func.count()).where(Idea.requested_amount.is_not(None))) or 0) >= 10
        assert s.scalar(select(func.count()).select_from(Organisation).where(Organisation.active.is_(False))) == 2
        activity_kinds = set(s.scalars(select(Activity.kind)))
        assert {"notitie", "telefoongesprek", "e-mail", "bezoek", "overleg", "statuswijziging"} <= activity_kinds
        gone_quiet = ideas.find_idea(s, "Kerstmarkt in Rietveen")
        assert gone_quiet.status == IdeaStatus.NO_CONTACT.value and gone_quiet.initiators == []


def test_refuses_a_filled_store_unless_forced(filled: tuple[Store, str]) -> None:
    store, _ = filled
    with store.begin() as s:
        before = s.scalar(select(func.count()).select_from(Idea))
        with pytest.raises(KnownError) as caught:
            demo.fill(s)
    assert str(caught.value) == "De database bevat al gegevens; gebruik --force om voorbeeldgegevens toe te voegen."
    with store.begin() as s:
        demo.fill(s, force=True)
        after = s.scalar(select(func.count()).select_from(Idea))
    assert after == 2 * (before or 0)


def test_refuses_a_store_with_only_organisations(store: Store, tmp_path: Path) -> None:
    (tmp_path / "o.csv").write_text("naam\nDe Brug\n", encoding="utf-8")
    csvio.import_path(store, "organisaties", tmp_path / "o.csv")
    with store.begin() as s, pytest.raises(KnownError, match="--force"):
        demo.fill(s)


def test_is_deterministic(filled: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = filled
    other = open_store(f"sqlite:///{tmp_path / 'again.sqlite'}")
    try:
        with other.begin() as s:
            demo.fill(s)
        for name, opened in (("a", store), ("b", other)):
            with opened.begin() as s:
                csvio.export_path(s, "organisaties", tmp_path / f"{name}-o.csv")
                csvio.export_path(s, "ideeen", tmp_path / f"{name}-i.csv")
                csvio.export_path(s, "koppelingen", tmp_path / f"{name}-k.csv")
    finally:
        other.close()
    for part in ("o", "i", "k"):
        assert (tmp_path / f"a-{part}.csv").read_bytes() == (tmp_path / f"b-{part}.csv").read_bytes()


def test_exported_example_data_imports_cleanly(filled: tuple[Store, str], tmp_path: Path) -> None:
    store, _ = filled
    with store.begin() as s:
        organisations = csvio.export_path(s, "organisaties", tmp_path / "o.csv")
        idea_count = csvio.export_path(s, "ideeen", tmp_path / "i.csv")
    fresh = open_store(f"sqlite:///{tmp_path / 'fresh.sqlite'}")
    try:
        orgs = csvio.import_path(fresh, "organisaties", tmp_path / "o.csv")
        found = csvio.import_path(fresh, "ideeen", tmp_path / "i.csv")
    finally:
        fresh.close()
    assert (orgs.added, orgs.rejected) == (organisations, [])
    assert (found.added, found.rejected) == (idea_count, [])


def test_the_example_municipality_is_a_resource_file_and_a_damaged_one_is_named(tmp_path: Path) -> None:
    example = demo._example()
    assert example.municipality == "Gemeente Lindewaard"
    assert len(example.organisations) >= 30 and len(example.ideas) >= 40
    broken = tmp_path / "demo.json"
    broken.write_text('{"municipality": "Gemeente X", "areas": [{"name": "Noord", "kind": "gehucht"}]}', "utf-8")
    with pytest.raises(KnownError, match="beschadigd") as caught:
        demo._example(broken)
    assert str(broken) in str(caught.value)
    with pytest.raises(KnownError, match="niet te lezen"):
        demo._example(tmp_path / "weg.json")
