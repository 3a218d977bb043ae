"""Exchange between stores: what a laptop changed offline arrives at the office and back, conflicts are
shown side by side, deletions travel, nothing is silently overwritten and a file imported twice changes nothing."""

from __future__ import annotations

import atexit
import contextlib
import gzip
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from makelaar.domain.enums import MATCH_TRANSITIONS, ActivityKind, AreaKind, MatchStatus, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.services import activities, audit, csvio, duplicates, exchange, ideas, matches, organisations
from makelaar.services.exchange import Choice, ConflictKind
from makelaar.services.vocabulary import add_area, find_area, municipality_area
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity, Area, Idea, Match, Organisation, Tombstone, VocabularyTerm
from makelaar.storage.store import Store, open_store
from makelaar.storage.tracking import SPECS, UNHASHED, read_contents
from tests.conftest import pg_database, sqlite_url_for, term_id


def dump(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """Every exchanged record by table and id, without what may differ between stores (timestamps, references)."""
    with store.begin() as s:
        conn = s.connection()
        return {
            spec.table: {
                i: {k: v for k, v in c.items() if k not in UNHASHED} for i, c in read_contents(conn, spec).items()
            }
            for spec in SPECS
        }


def send(
    src: Store,
    dst: Store,
    folder: Path,
    *,
    keep: Choice | None = None,
    choices: dict[str, Choice] | None = None,
    everything: bool = False,
) -> exchange.Plan:
    """Export from src, import into dst: one leg of an exchange."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"uitwisseling-{len(list(folder.iterdir()))}.json.gz"
    with src.begin() as s:
        exchange.export_changes(s, path, everything=everything)
    data = exchange.read_file(path)
    with dst.begin() as s:
        return exchange.apply_import(s, data, choices=choices, keep=keep)


@dataclass
class Pair:
    office: Store
    laptop: Store
    folder: Path


def _clone(store: Store, target: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    path = store.path
    if path is not None:
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(path, target)
        copy = open_store(sqlite_url_for(target))
        yield copy
        copy.close()
        return
    name = make_url(store.url).database
    store.engine.dispose()  # CREATE DATABASE ... TEMPLATE needs the template without connections
    with pg_database(request.getfixturevalue("pg_server"), name) as url:
        copy = open_store(url)
        yield copy
        copy.close()


@pytest.fixture
def office(any_store: Store) -> Store:
    """The office store, with a registry and an idea the laptop will share."""
    with any_store.begin() as s:
        space = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        organisations.save_organisation(
            s,
            OrganisationData(
                name="Buurthuis De Linde", offer_ids=[space], contacts=[ContactData(name="Els", email="els@linde.nl")]
            ),
        )
        other = organisations.save_organisation(s, OrganisationData(name="Buurthuis de Linde (dubbel)"))
        idea = ideas.save_idea(
            s,
            IdeaData(
                title="Buurtmoestuin",
                need_ids=[space],
                initiators=[InitiatorData(name="Fatima Yilmaz", email="f@example.nl", consent_contact=True)],
            ),
        )
        matches.create_match(s, idea_id=idea.id or "", organisation_id=other.id or "", need_id=space)
    return any_store


@pytest.fixture
def pair(office: Store, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Pair]:
    """The office and a laptop that started as a copy of it (the normal case: shared UUIDs)."""
    yield from (
        Pair(office, laptop, tmp_path / "files") for laptop in _clone(office, tmp_path / "laptop.sqlite", request)
    )


def _org(store: Store, name: str) -> Organisation:
    with store.begin() as s:
        row = s.scalar(select(Organisation).where(Organisation.name == name))
        assert row is not None, name
        return row


def _idea(store: Store, title: str) -> Idea:
    with store.begin() as s:
        row = s.scalar(select(Idea).where(Idea.title == title))
        assert row is not None, title
        return row


def _describe(store: Store, name: str, text: str) -> None:
    with store.begin() as s:
        data = organisations.get_organisation(s, _org(store, name).id)
        data.description = text
        organisations.save_organisation(s, data)


def test_records_added_on_the_laptop_arrive_with_their_links(pair: Pair) -> None:
    with pair.laptop.begin() as s:
        sport = term_id(s, Vocabulary.THEME, "sport")
        money = term_id(s, Vocabulary.HELP_TYPE, "geld")
        idea = ideas.save_idea(
            s,
            IdeaData(
                title="Voetbalkooi",
                theme_ids=[sport],
                need_ids=[money],
                initiators=[InitiatorData(name="Jan Bakker", phone="06-12345678", consent_contact=True)],
            ),
        )
        org = organisations.save_organisation(
            s, OrganisationData(name="Sportclub Noord", theme_ids=[sport], contacts=[ContactData(name="Kees")])
        )
        matches.create_match(s, idea_id=idea.id or "", organisation_id=org.id or "", need_id=money)
        activities.add_activity(s, kind=ActivityKind.CALL, text="Kees gebeld", organisation_id=org.id)

    plan = send(pair.laptop, pair.office, pair.folder)

    assert plan.conflicts == []
    assert plan.added["ideas"] == 1
    assert plan.added["organisations"] == 1
    assert plan.added["initiators"] == 1
    assert plan.added["consents"] == 1
    assert plan.added["contacts"] == 1
    assert plan.added["matches"] == 1
    assert plan.added["activities"] >= 3  # registered, added, gekoppeld, gebeld
    assert plan.summary_lines()[0].startswith("Uitwisseling met ")
    assert dump(pair.office) == dump(pair.laptop)
    with pair.office.begin() as s:
        got = ideas.get_idea(s, idea.id or "")
        assert got.theme_ids == [sport]
        assert got.initiators[0].name == "Jan Bakker"
        assert got.initiators[0].consent_contact


def test_a_change_on_one_side_is_updated_on_the_other(pair: Pair) -> None:
    _describe(pair.laptop, "Buurthuis De Linde", "Open op dinsdag en donderdag.")
    with pair.office.begin() as s:
        idea = ideas.get_idea(s, _idea(pair.office, "Buurtmoestuin").id)
        idea.description = "Achter de school."
        ideas.save_idea(s, idea)

    to_office = send(pair.laptop, pair.office, pair.folder)
    to_laptop = send(pair.office, pair.laptop, pair.folder)

    assert to_office.conflicts == [] and to_laptop.conflicts == []
    assert to_office.updated["organisations"] == 1
    assert to_laptop.updated["ideas"] == 1
    for store in (pair.office, pair.laptop):
        assert _org(store, "Buurthuis De Linde").description == "Open op dinsdag en donderdag."
        assert _idea(store, "Buurtmoestuin").description == "Achter de school."
    assert dump(pair.office) == dump(pair.laptop)


def test_an_update_moves_the_version_on_and_the_session_sees_it(pair: Pair) -> None:
    """Updates are written with bulk statements, not through the ORM: they must still do what a save does."""
    _describe(pair.laptop, "Buurthuis De Linde", "Open op maandag.")
    theirs, before = _org(pair.laptop, "Buurthuis De Linde"), _org(pair.office, "Buurthuis De Linde")
    path = pair.folder / "uitwisseling.json"
    pair.folder.mkdir()
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    data = exchange.read_file(path)
    with pair.office.begin() as s:
        held = s.get(Organisation, before.id)  # loaded in the importing session before the import
        assert held is not None and held.description != "Open op maandag."
        plan = exchange.apply_import(s, data)
        assert plan.updated["organisations"] == 1
        assert held.description == "Open op maandag."
        assert held.version == before.version + 1
        assert held.updated_at == theirs.updated_at
        held.city = "Zwolle"  # a save after the import is not refused as a concurrent change
    after = _org(pair.office, "Buurthuis De Linde")
    assert (after.description, after.city, after.version) == ("Open op maandag.", "Zwolle", before.version + 2)


@pytest.mark.parametrize("choice", [Choice.MINE, Choice.THEIRS])
def test_a_record_changed_on_both_sides_is_a_conflict_the_user_decides(pair: Pair, choice: Choice) -> None:
    _describe(pair.office, "Buurthuis De Linde", "Versie van kantoor")
    _describe(pair.laptop, "Buurthuis De Linde", "Versie van de laptop")
    org_id = _org(pair.office, "Buurthuis De Linde").id

    files = pair.folder
    files.mkdir()
    path = files / "van-laptop.json"
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    data = exchange.read_file(path)
    with pair.office.begin() as s:
        plan = exchange.plan_import(s, data)
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.BOTH_CHANGED
    assert conflict.key == f"organisations:{org_id}"
    assert conflict.title.startswith("Organisatie O-") and conflict.title.endswith(" Buurthuis De Linde")
    assert ("omschrijving", "Versie van kantoor", "Versie van de laptop") in [
        (f.field, f.mine, f.theirs) for f in conflict.fields
    ]
    with pytest.raises(KnownError, match="een conflict"), pair.office.begin() as s:
        exchange.apply_import(s, data)
    assert _org(pair.office, "Buurthuis De Linde").description == "Versie van kantoor"  # nothing applied

    with pair.office.begin() as s:
        exchange.apply_import(s, data, choices={conflict.key: choice})
    chosen = "Versie van kantoor" if choice is Choice.MINE else "Versie van de laptop"
    assert _org(pair.office, "Buurthuis De Linde").description == chosen

    back = send(pair.office, pair.laptop, pair.folder)
    assert back.conflicts == []  # the laptop takes the office's decision without asking again
    assert _org(pair.laptop, "Buurthuis De Linde").description == chosen
    assert dump(pair.office) == dump(pair.laptop)


def test_deletions_travel_and_a_merge_moves_koppelingen_before_the_deletion(pair: Pair) -> None:
    keep_id = _org(pair.laptop, "Buurthuis De Linde").id
    gone_id = _org(pair.laptop, "Buurthuis de Linde (dubbel)").id
    with pair.laptop.begin() as s:
        # What merging duplicates does: the koppeling moves to the survivor, then the other is deleted via the ORM.
        for m in s.scalars(select(Match).where(Match.organisation_id == gone_id)):
            m.organisation_id = keep_id
            m.updated_at = utcnow()
        for a in s.scalars(select(Activity).where(Activity.organisation_id == gone_id)):
            a.organisation_id = keep_id
        s.flush()
        s.delete(s.get(Organisation, gone_id))
        note = activities.add_activity(s, kind=ActivityKind.NOTE, text="weg ermee", organisation_id=keep_id)
    with pair.laptop.begin() as s:
        activities.delete_activity(s, note.id)
        assert s.get(Tombstone, ("organisations", gone_id)) is not None
        assert s.get(Tombstone, ("activities", note.id)) is not None

    plan = send(pair.laptop, pair.office, pair.folder)

    assert plan.conflicts == []
    assert plan.deleted["organisations"] == 1
    with pair.office.begin() as s:
        assert s.get(Organisation, gone_id) is None
        [moved] = s.scalars(select(Match)).all()
        assert moved.organisation_id == keep_id
    assert dump(pair.office) == dump(pair.laptop)


def test_merging_duplicates_on_the_laptop_arrives_whole_at_the_office(pair: Pair) -> None:
    keep_id = _org(pair.laptop, "Buurthuis De Linde").id
    gone_id = _org(pair.laptop, "Buurthuis de Linde (dubbel)").id
    with pair.office.begin() as s:
        activities.add_activity(s, kind=ActivityKind.CALL, text="Gebeld", organisation_id=keep_id)
    with pair.laptop.begin() as s:
        duplicates.merge(s, keep_id, gone_id)

    plan = send(pair.laptop, pair.office, pair.folder)
    back = send(pair.office, pair.laptop, pair.folder)

    assert plan.conflicts == [] and back.conflicts == []
    assert plan.deleted["organisations"] == 1
    with pair.office.begin() as s:
        assert s.get(Organisation, gone_id) is None
        assert [m.organisation_id for m in s.scalars(select(Match))] == [keep_id]
    assert dump(pair.office) == dump(pair.laptop)


@pytest.mark.parametrize("choice", [Choice.MINE, Choice.THEIRS])
def test_a_deletion_of_a_record_changed_here_is_a_conflict(pair: Pair, choice: Choice) -> None:
    org_id = _org(pair.laptop, "Buurthuis De Linde").id
    with pair.laptop.begin() as s:
        s.delete(s.get(Organisation, org_id))
    _describe(pair.office, "Buurthuis De Linde", "Nog steeds open")

    files = pair.folder
    files.mkdir()
    path = files / "van-laptop.json"
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    with pair.office.begin() as s:
        plan = exchange.plan_import(s, exchange.read_file(path))
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.DELETED_THERE
    assert plan.deleted["organisations"] == 0
    with pair.office.begin() as s:
        exchange.apply_import(s, exchange.read_file(path), keep=choice)

    with pair.office.begin() as s:
        assert (s.get(Organisation, org_id) is None) == (choice is Choice.THEIRS)
    send(pair.office, pair.laptop, pair.folder)  # kept: it comes back on the laptop, with its contact
    with pair.laptop.begin() as s:
        assert (s.get(Organisation, org_id) is None) == (choice is Choice.THEIRS)
    assert dump(pair.office) == dump(pair.laptop)


def test_a_record_deleted_here_but_changed_there_is_a_conflict(pair: Pair) -> None:
    org_id = _org(pair.office, "Buurthuis De Linde").id
    with pair.office.begin() as s:
        s.delete(s.get(Organisation, org_id))
    _describe(pair.laptop, "Buurthuis De Linde", "Verhuisd naar de Markt")

    plan_files = pair.folder
    plan_files.mkdir()
    path = plan_files / "van-laptop.json"
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    with pair.office.begin() as s:
        plan = exchange.plan_import(s, exchange.read_file(path))
    [conflict] = plan.conflicts
    assert conflict.kind is ConflictKind.DELETED_HERE
    assert ("omschrijving", "(verwijderd)", "Verhuisd naar de Markt") in [
        (f.field, f.mine, f.theirs) for f in conflict.fields
    ]
    with pair.office.begin() as s:
        exchange.apply_import(s, exchange.read_file(path), keep=Choice.THEIRS)
    assert _org(pair.office, "Buurthuis De Linde").description == "Verhuisd naar de Markt"


def test_importing_the_same_file_twice_changes_nothing(pair: Pair) -> None:
    _describe(pair.laptop, "Buurthuis De Linde", "Laptop")
    _describe(pair.office, "Buurthuis De Linde", "Kantoor")
    with pair.laptop.begin() as s:
        ideas.save_idea(s, IdeaData(title="Repair café"))
    pair.folder.mkdir()
    path = pair.folder / "van-laptop.json"
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    data = exchange.read_file(path)
    with pair.office.begin() as s:
        first = exchange.apply_import(s, data, keep=Choice.MINE)
    assert first.added["ideas"] == 1 and len(first.conflicts) == 1
    before = dump(pair.office)

    with pair.office.begin() as s:
        second = exchange.apply_import(s, data)  # no choice needed: the conflict was decided

    assert second.changes == 0 and second.conflicts == []
    assert dump(pair.office) == before


def test_a_file_from_a_newer_program_is_refused(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "nieuw.json.gz"
    with store.begin() as s:
        exchange.export_changes(s, path)
    payload = json.loads(gzip.decompress(path.read_bytes()))

    for change, message in (
        ({"format_version": exchange.FORMAT_VERSION + 1}, "nieuwere versie van Makelaar"),
        ({"schema": "0999"}, "nieuwere versie van Makelaar"),
        ({"format": "iets-anders"}, "geen uitwisselbestand"),
    ):
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(payload | change), encoding="utf-8")
        with pytest.raises(KnownError, match=message):
            exchange.read_file(bad)
    garbage = tmp_path / "rommel.json"
    garbage.write_bytes(b"\x1f\x8bnot really gzip")
    with pytest.raises(KnownError, match="beschadigd"):
        exchange.read_file(garbage)
    with pytest.raises(KnownError, match="bestaat niet"):
        exchange.read_file(tmp_path / "weg.json")


@pytest.fixture
def fresh(any_store: Store, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A store migrated on its own: its default vocabulary and "hele gemeente" have UUIDs of their own."""
    if any_store.path is not None:
        made = open_store(sqlite_url_for(tmp_path / "eigen.sqlite"))
        yield made
        made.close()
        return
    made = open_store(request.getfixturevalue("pg_url"))
    yield made
    made.close()


def test_stores_made_independently_match_vocabulary_and_areas_by_name(
    any_store: Store, fresh: Store, tmp_path: Path
) -> None:
    with any_store.begin() as s:
        local_sport = term_id(s, Vocabulary.THEME, "sport")
    with fresh.begin() as s:
        sport = term_id(s, Vocabulary.THEME, "Sport")
        everywhere = municipality_area(s).id
        assert sport != local_sport
        ideas.save_idea(s, IdeaData(title="Sportdag", theme_ids=[sport], area_id=everywhere))
        organisations.save_organisation(s, OrganisationData(name="Atletiekclub", theme_ids=[sport]))

    plan = send(fresh, any_store, tmp_path / "files")

    assert plan.conflicts == [] and plan.skipped == []
    with any_store.begin() as s:
        assert len(s.scalars(select(VocabularyTerm).where(VocabularyTerm.name == "sport")).all()) == 1
        assert len(s.scalars(select(Area)).all()) == 1
        got = ideas.get_idea(s, _idea(any_store, "Sportdag").id)
        assert got.theme_ids == [sport]  # the local term took the incoming UUID
        assert got.area_id == everywhere == (find_area(s, "hele gemeente") or municipality_area(s)).id
    back = send(any_store, fresh, tmp_path / "files")
    assert back.conflicts == []
    assert dump(any_store) == dump(fresh)


def test_a_reference_taken_here_gets_a_fresh_one_and_the_timeline_says_so(pair: Pair) -> None:
    with pair.office.begin() as s:
        mine = ideas.save_idea(s, IdeaData(title="Kantoor-idee"))
    with pair.laptop.begin() as s:
        theirs = ideas.save_idea(s, IdeaData(title="Laptop-idee"))
    assert mine.reference == theirs.reference  # both counters handed out the same number

    plan = send(pair.laptop, pair.office, pair.folder)

    assert plan.added["ideas"] == 1
    assert any(theirs.reference or "" in note for note in plan.notes)
    with pair.office.begin() as s:
        arrived = ideas.get_idea(s, theirs.id or "")
        assert arrived.reference != theirs.reference
        lines = [a.text for a in activities.list_activities(s, idea_id=theirs.id)]
        assert any(f"Nummer {theirs.reference} was in deze database al in gebruik" in t for t in lines)
        later = ideas.save_idea(s, IdeaData(title="Nog een"))
        assert later.reference not in (mine.reference, arrived.reference)
    send(pair.office, pair.laptop, pair.folder)
    send(pair.laptop, pair.office, pair.folder)
    assert dump(pair.office) == dump(pair.laptop)


def test_an_initiator_changed_by_an_exchange_is_in_the_audit_log(pair: Pair) -> None:
    idea_id = _idea(pair.laptop, "Buurtmoestuin").id
    with pair.laptop.begin() as s:
        data = ideas.get_idea(s, idea_id)
        data.initiators[0].phone = "06-87654321"
        ideas.save_idea(s, data)
        person = data.initiators[0].id or ""

    send(pair.laptop, pair.office, pair.folder)

    with pair.office.begin() as s:
        kinds = [(e.kind, e.detail) for e in audit.entries_for(s, person)]
    assert (audit.CHANGED, "contactgegevens") in kinds
    with pair.laptop.begin() as s:
        exported = [(e.kind, e.detail) for e in audit.list_entries(s) if e.kind == audit.FILE_EXPORTED]
    assert exported == [(audit.FILE_EXPORTED, "1 initiatiefnemer(s), uitwisselbestand, onversleuteld")]


def test_koppeling_made_on_both_sides_for_the_same_need_becomes_one(pair: Pair) -> None:
    with pair.office.begin() as s:
        money = term_id(s, Vocabulary.HELP_TYPE, "geld")
    for store in (pair.office, pair.laptop):
        with store.begin() as s:
            matches.create_match(
                s,
                idea_id=_idea(store, "Buurtmoestuin").id,
                organisation_id=_org(store, "Buurthuis De Linde").id,
                need_id=money,
                status=MatchStatus.PROPOSED,
            )

    send(pair.laptop, pair.office, pair.folder, keep=Choice.MINE)
    send(pair.office, pair.laptop, pair.folder, keep=Choice.MINE)
    send(pair.laptop, pair.office, pair.folder, keep=Choice.MINE)

    with pair.office.begin() as s:
        assert len(s.scalars(select(Match).where(Match.need_id == money)).all()) == 1
    assert dump(pair.office) == dump(pair.laptop)


def test_everything_export_after_a_lost_file(pair: Pair) -> None:
    _describe(pair.laptop, "Buurthuis De Linde", "Verloren wijziging")
    pair.folder.mkdir()
    with pair.laptop.begin() as s:
        exchange.export_changes(s, pair.folder / "kwijt.json")  # never arrives

    nothing = send(pair.laptop, pair.office, pair.folder)
    assert nothing.changes == 0
    again = send(pair.laptop, pair.office, pair.folder, everything=True)

    assert again.updated["organisations"] == 1 and again.conflicts == []
    assert _org(pair.office, "Buurthuis De Linde").description == "Verloren wijziging"


# --- property: random edits on two stores that exchange both ways end equal -----------------------------------------

_TEMPLATE: list[Path] = []


def _seeded_template() -> Path:
    """A migrated store with a small registry, made once per run (hypothesis examples copy it)."""
    if _TEMPLATE:
        return _TEMPLATE[0]
    folder = Path(tempfile.mkdtemp(prefix="makelaar-exchange-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = folder / "seed.sqlite"
    made = open_store(sqlite_url_for(path))
    with made.begin() as s:
        need = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        orgs = [
            organisations.save_organisation(
                s, OrganisationData(name=f"Organisatie {n}", contacts=[ContactData(name="Els")])
            )
            for n in range(3)
        ]
        made_ideas = [ideas.save_idea(s, IdeaData(title=f"Idee {n}", need_ids=[need])) for n in range(3)]
        matches.create_match(s, idea_id=made_ideas[0].id or "", organisation_id=orgs[0].id or "", need_id=need)
    with made.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    _TEMPLATE.append(path)
    return path


WORDS = st.sampled_from(["tuin", "buurthuis", "koffie", "speeltuin", "bankje"])
EDIT = st.tuples(
    st.sampled_from(
        [
            "add_org",
            "edit_org",
            "delete_org",
            "add_idea",
            "edit_idea",
            "delete_idea",
            "add_match",
            "move_match",
            "delete_match",
            "add_note",
            "delete_note",
        ]
    ),
    st.integers(0, 5),
    st.integers(0, 5),
    WORDS,
)


def _ids(s: Session, model: type[Any]) -> list[str]:
    return list(s.scalars(select(model.id).order_by(model.created_at, model.id)))


def _edit(store: Store, op: str, i: int, j: int, word: str) -> None:
    with store.begin() as s:
        orgs, idea_ids, match_ids = _ids(s, Organisation), _ids(s, Idea), _ids(s, Match)
        notes = list(
            s.scalars(select(Activity.id).where(Activity.author == "test").order_by(Activity.created_at, Activity.id))
        )
        if op == "add_org":
            organisations.save_organisation(
                s, OrganisationData(name=f"Nieuw {word}", contacts=[ContactData(name=word)])
            )
        elif op == "edit_org" and orgs:
            data = organisations.get_organisation(s, orgs[i % len(orgs)])
            data.description = f"{data.description} {word}".strip()
            organisations.save_organisation(s, data)
        elif op == "delete_org" and orgs:
            s.delete(s.get(Organisation, orgs[i % len(orgs)]))  # as merging duplicates does
        elif op == "add_idea":
            ideas.save_idea(s, IdeaData(title=f"Plan {word}"))
        elif op == "edit_idea" and idea_ids:
            idea = ideas.get_idea(s, idea_ids[i % len(idea_ids)])
            idea.description = f"{idea.description} {word}".strip()
            ideas.save_idea(s, idea)
        elif op == "delete_idea" and idea_ids:
            ideas.delete_idea(s, idea_ids[i % len(idea_ids)])
        elif op == "add_match" and orgs and idea_ids:
            with contextlib.suppress(KnownError):  # already linked: nothing to do
                matches.create_match(
                    s, idea_id=idea_ids[i % len(idea_ids)], organisation_id=orgs[j % len(orgs)], need_id=None
                )
        elif op == "move_match" and match_ids:
            row = s.get(Match, match_ids[i % len(match_ids)])
            assert row is not None
            nxt = sorted(MATCH_TRANSITIONS[MatchStatus(row.status)])[
                j % len(MATCH_TRANSITIONS[MatchStatus(row.status)])
            ]
            matches.update_match(s, row.id, version=row.version, status=nxt, follow_up_on=None, note=word)
        elif op == "delete_match" and match_ids:
            matches.delete_match(s, match_ids[i % len(match_ids)])
        elif op == "add_note" and (orgs or idea_ids):
            on_idea = bool(idea_ids) and (j % 2 == 0 or not orgs)
            activities.add_activity(
                s,
                kind=ActivityKind.NOTE,
                text=word,
                idea_id=idea_ids[i % len(idea_ids)] if on_idea else None,
                organisation_id=None if on_idea else orgs[i % len(orgs)],
                author="test",
            )
        elif op == "delete_note" and notes:
            activities.delete_activity(s, notes[i % len(notes)])


@settings(
    max_examples=int(os.environ.get("EXCHANGE_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    office_edits=st.lists(EDIT, max_size=6),
    laptop_edits=st.lists(EDIT, max_size=6),
    rule=st.sampled_from([Choice.MINE, Choice.THEIRS]),
    settled=st.booleans(),
)
def test_random_edits_on_two_stores_that_exchange_both_ways_end_equal(
    office_edits: list[tuple[str, int, int, str]],
    laptop_edits: list[tuple[str, int, int, str]],
    rule: Choice,
    settled: bool,
) -> None:
    """The laptop starts as a copy of the office store (settled: one that had exported before the copy)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy2(_seeded_template(), folder / "office.sqlite")
        office = open_store(sqlite_url_for(folder / "office.sqlite"))
        if settled:
            with office.begin() as s:
                exchange.export_changes(s, folder / "earlier.json")
        with office.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(folder / "office.sqlite", folder / "laptop.sqlite")
        laptop = open_store(sqlite_url_for(folder / "laptop.sqlite"))
        try:
            for edit in office_edits:
                _edit(office, *edit)
            for edit in laptop_edits:
                _edit(laptop, *edit)
            legs = [(laptop, office), (office, laptop)] * 3
            quiet = 0
            for src, dst in legs:
                plan = send(src, dst, folder / "files", keep=rule)
                quiet = quiet + 1 if plan.changes == 0 and not plan.conflicts and not plan.skipped else 0
                if quiet == 2:
                    break
            assert quiet == 2, "the stores kept changing each other"
            assert dump(office) == dump(laptop)
        finally:
            office.close()
            laptop.close()


def test_a_koppeling_in_conflict_is_named_by_idea_and_organisation(pair: Pair) -> None:
    for store, status in ((pair.office, MatchStatus.APPROACHED), (pair.laptop, MatchStatus.DECLINED)):
        with store.begin() as s:
            [row] = s.scalars(select(Match)).all()
            matches.update_match(s, row.id, version=row.version, status=status, follow_up_on=None)

    plan = send(pair.laptop, pair.office, pair.folder, keep=Choice.THEIRS)

    koppeling = [c for c in plan.conflicts if c.table == "matches"]
    assert [c.title for c in koppeling] == ["Koppeling Buurtmoestuin – Buurthuis de Linde (dubbel)"]
    assert ("status", "benaderd", "afgewezen") in [(f.field, f.mine, f.theirs) for f in koppeling[0].fields]
    with pair.office.begin() as s:
        assert [m.status for m in s.scalars(select(Match))] == ["afgewezen"]


def test_new_wijken_arrive_with_their_buurten(pair: Pair) -> None:
    with pair.laptop.begin() as s:
        north = add_area(s, "Noord")
        add_area(s, "Noord-Oost", AreaKind.NEIGHBOURHOOD, parent_id=north.id)

    plan = send(pair.laptop, pair.office, pair.folder)

    assert plan.added["areas"] == 2 and plan.skipped == []
    with pair.office.begin() as s:
        child = s.scalar(select(Area).where(Area.name == "Noord-Oost"))
        assert child is not None and child.parent_id == north.id


def test_a_damaged_value_refuses_the_whole_file(pair: Pair) -> None:
    with pair.laptop.begin() as s:
        ideas.save_idea(s, IdeaData(title="Kapot"))
    pair.folder.mkdir()
    path = pair.folder / "kapot.json"
    with pair.laptop.begin() as s:
        exchange.export_changes(s, path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    for r in payload["records"]:
        if r["table"] == "ideas" and r["data"]["title"] == "Kapot":
            r["data"]["received_on"] = "31-02-2026"
    path.write_text(json.dumps(payload), encoding="utf-8")

    # Refused as it is read, naming the record and the field, before anything is planned or applied.
    with (
        pytest.raises(KnownError, match=r"idee I-\d{4}-\d{4}, veld ontvangen op: geen geldige datum"),
        pair.office.begin() as s,
    ):
        exchange.apply_import(s, exchange.read_file(path))
    with pair.office.begin() as s:
        assert s.scalar(select(Idea).where(Idea.title == "Kapot")) is None


def test_organisations_from_a_csv_import_are_exchanged_too(pair: Pair, tmp_path: Path) -> None:
    send(pair.laptop, pair.office, pair.folder)  # a first exchange: from here on only changes travel
    csv = tmp_path / "kaart.csv"
    csv.write_text("naam;omschrijving\nRepair Café Noord;Elke zaterdag\n", encoding="utf-8")
    csvio.import_path(pair.laptop, "organisaties", csv)  # bulk inserts, past the ORM listener

    plan = send(pair.laptop, pair.office, pair.folder)

    assert plan.added["organisations"] == 1 and plan.conflicts == []
    assert _org(pair.office, "Repair Café Noord").description == "Elke zaterdag"


def test_the_office_passes_one_laptops_changes_on_to_the_next(pair: Pair, tmp_path: Path) -> None:
    path = pair.laptop.path
    if path is None:
        pytest.skip("three stores as files: the SQLite case shows it")
    with pair.laptop.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(path, tmp_path / "tweede.sqlite")
    second = open_store(sqlite_url_for(tmp_path / "tweede.sqlite"))
    try:
        _describe(pair.laptop, "Buurthuis De Linde", "Van laptop 1")
        with second.begin() as s:
            ideas.save_idea(s, IdeaData(title="Van laptop 2"))

        # The office reads every laptop's file first, then exports once; every laptop reads that file.
        assert send(pair.laptop, pair.office, pair.folder).conflicts == []
        assert send(second, pair.office, pair.folder).conflicts == []
        pair.folder.mkdir(exist_ok=True)
        office_file = pair.folder / "van-kantoor.json.gz"
        with pair.office.begin() as s:
            exchange.export_changes(s, office_file)
        for laptop in (pair.laptop, second):
            with laptop.begin() as s:
                assert exchange.apply_import(s, exchange.read_file(office_file)).conflicts == []

        assert dump(pair.office) == dump(pair.laptop) == dump(second)
        assert _org(second, "Buurthuis De Linde").description == "Van laptop 1"
        _idea(pair.laptop, "Van laptop 2")
    finally:
        second.close()


# --- the one-way rule for forgotten persons ---------------------------------------------------------------


def _fatima(store: Store) -> tuple[str, str, str | None, str | None]:
    from makelaar.storage.models import Initiator

    with store.begin() as s:
        row = s.scalar(select(Initiator).where(Initiator.reference.is_not(None)).order_by(Initiator.reference))
        assert row is not None
        return row.id, row.name, row.email, row.phone


def _forget_fatima(store: Store) -> str:
    from makelaar.services import privacy

    person_id = _fatima(store)[0]
    with store.begin() as s:
        assert privacy.forget_person(s, person_id, actor="Kantoor")
    return person_id


def _laptop_edits_fatima(laptop: Store) -> None:
    with laptop.begin() as s:
        idea = ideas.find_idea(s, "Buurtmoestuin")
        idea.initiators[0].phone = "0611122233"
        ideas.save_idea(s, idea)


def _kinds(store: Store, person_id: str) -> list[str]:
    with store.begin() as s:
        return [e.kind for e in audit.entries_for(s, person_id)]


@pytest.mark.parametrize("keep", [Choice.MINE, Choice.THEIRS])
def test_a_laptop_that_edited_a_forgotten_person_does_not_bring_her_back(pair: Pair, keep: Choice) -> None:
    from makelaar.services import privacy

    _laptop_edits_fatima(pair.laptop)
    person_id = _forget_fatima(pair.office)

    plan = send(pair.laptop, pair.office, pair.folder, keep=keep)

    assert not [c for c in plan.conflicts if c.table == "initiators"]
    assert any("niet overgenomen" in n for n in plan.notes)
    assert not any("Fatima" in line for line in plan.summary_lines())
    assert _fatima(pair.office)[1:] == (privacy.ANONYMOUS_NAME, None, None)
    assert _kinds(pair.office, person_id)[-1] == audit.REFUSED

    # The office's answer anonymises her on the laptop too, whatever the laptop changed; then both agree.
    back = send(pair.office, pair.laptop, pair.folder, keep=Choice.MINE)
    assert not [c for c in back.conflicts if c.table == "initiators"]
    assert _fatima(pair.laptop)[1:] == (privacy.ANONYMOUS_NAME, None, None)
    assert audit.ANONYMISED in _kinds(pair.laptop, person_id)
    again = send(pair.laptop, pair.office, pair.folder)
    assert _fatima(pair.office)[1:] == (privacy.ANONYMOUS_NAME, None, None)
    assert not again.notes
    with pair.laptop.begin() as s:
        assert person_id in privacy.forgotten_ids(s)


def test_forget_then_exchange_keep_mine_on_the_laptop_still_forgets(pair: Pair) -> None:
    from makelaar.services import privacy

    _laptop_edits_fatima(pair.laptop)
    _id, name, email, phone = _fatima(pair.laptop)
    person_id = _forget_fatima(pair.office)

    plan = send(pair.office, pair.laptop, pair.folder, keep=Choice.MINE)

    assert plan.updated["initiators"] == 1
    assert any("ook geanonimiseerd; dat kan niet ongedaan" in n for n in plan.notes)
    assert _fatima(pair.laptop)[1:] == (privacy.ANONYMOUS_NAME, None, None)
    path = pair.laptop.path
    if path is not None:
        with pair.laptop.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        raw = path.read_bytes()
        for value in (name, email, phone):
            assert value and value.encode() not in raw, value
    assert person_id


def test_a_file_that_claims_anonymous_but_carries_a_name_is_stripped(pair: Pair) -> None:
    from makelaar.services import privacy

    person_id = _forget_fatima(pair.office)
    path = pair.folder / "bewerkt.json"
    pair.folder.mkdir(parents=True, exist_ok=True)
    with pair.office.begin() as s:
        exchange.export_changes(s, path)
    payload = json.loads(path.read_text(encoding="utf-8"))
    for r in payload["records"]:
        if r["table"] == "initiators":
            r["data"]["name"] = "Fatima Yilmaz"
            r["data"]["email"] = "f@example.nl"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pair.laptop.begin() as s:
        exchange.apply_import(s, exchange.read_file(path))
    assert _fatima(pair.laptop)[1:] == (privacy.ANONYMOUS_NAME, None, None)
    assert person_id


def test_a_forgotten_person_deleted_here_is_not_added_again(pair: Pair) -> None:
    from makelaar.storage.models import Initiator

    person_id = _forget_fatima(pair.office)
    with pair.office.begin() as s:
        ideas.delete_idea(s, ideas.find_idea(s, "Buurtmoestuin").id or "")
    with pair.office.begin() as s:
        assert s.get(Initiator, person_id) is None
    # The laptop still has her, with her data, and sends everything.
    plan = send(pair.laptop, pair.office, pair.folder, everything=True, keep=Choice.THEIRS)
    with pair.office.begin() as s:
        row = s.get(Initiator, person_id)
        assert row is None or row.name != "Fatima Yilmaz"
    assert any("vergeten" in line for line in plan.skipped)
