"""Ideas and their initiators, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from makelaar.domain.enums import ActivityKind, AreaKind, IdeaStatus, Vocabulary
from makelaar.domain.errors import AmbiguousError, NotFoundError, StaleRecordError, ValidationError
from makelaar.domain.records import AreaInfo, IdeaData, InitiatorData
from makelaar.services import activities, audit, exchange, ideas, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.storage.models import Consent, ExchangeRecord, Idea, Initiator, ReferenceCounter
from makelaar.storage.store import Store
from tests.conftest import count_rows, term_id


def _create(store: Store, data: IdeaData) -> IdeaData:
    with store.begin() as s:
        return ideas.save_idea(s, data)


def _consenting(name: str = "Fatima de Vries", **kw: object) -> InitiatorData:
    return InitiatorData(name=name, consent_contact=True, **kw)  # type: ignore[arg-type]


# --- creating, references -------------------------------------------------------------------------------------------


def test_create_gives_increasing_references(any_store: Store) -> None:
    first = _create(any_store, IdeaData(title="Buurtmoestuin"))
    second = _create(any_store, IdeaData(title="Repaircafé"))
    year = date.today().year
    assert first.reference is not None and second.reference is not None
    assert re.fullmatch(rf"I-{year}-\d{{4}}", first.reference)
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1
    assert first.id and first.version == 1
    assert first.status == IdeaStatus.NEW
    assert first.received_on == date.today()
    with any_store.begin() as s:
        timeline = activities.list_activities(s, idea_id=first.id)
        assert [a.text for a in timeline] == ["Idee geregistreerd."]


def test_saved_fields_come_back(any_store: Store) -> None:
    with any_store.begin() as s:
        theme = term_id(s, Vocabulary.THEME, "duurzaamheid")
        need = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        area = vocabulary.add_area(s, "Centrum")
        saved = ideas.save_idea(
            s,
            IdeaData(
                title="  Buurt   moestuin ",
                description=" Groente kweken\n",
                area_id=area.id,
                source="wijktafel",
                team_size=6,
                received_on=date(2026, 3, 2),
                theme_ids=[theme],
                need_ids=[need],
                initiators=[_consenting(email="fatima@voorbeeld.nl", phone="0612345678", postcode="1234ab")],
            ),
        )
    with any_store.begin() as s:
        got = ideas.get_idea(s, saved.id or "")
    assert got.title == "Buurt moestuin"
    assert got.description == "Groente kweken"
    assert (got.area_id, got.source, got.team_size, got.received_on) == (area.id, "wijktafel", 6, date(2026, 3, 2))
    assert got.theme_ids == [theme] and got.need_ids == [need]
    [person] = got.initiators
    assert (person.email, person.phone, person.postcode) == ("fatima@voorbeeld.nl", "06 12345678", "1234 AB")
    assert person.consent_contact and not person.consent_share
    assert person.reference is not None and person.reference.startswith("P-")


# --- validation -----------------------------------------------------------------------------------------------------


def test_bad_fields_are_reported_in_dutch_per_field(any_store: Store) -> None:
    bad = IdeaData(
        title=" ",
        team_size=0,
        initiators=[_consenting(postcode="0123 AB", email="fatima@", phone="12345")],
    )
    with pytest.raises(ValidationError) as info, any_store.begin() as s:
        ideas.save_idea(s, bad)
    err = info.value
    assert {e.field for e in err.errors} == {
        "title",
        "team_size",
        "initiators[0].postcode",
        "initiators[0].email",
        "initiators[0].phone",
    }
    assert err.for_field("title") == "De titel is verplicht."
    assert "geen geldige postcode" in (err.for_field("initiators[0].postcode") or "")
    assert "geen geldig e-mailadres" in (err.for_field("initiators[0].email") or "")
    assert "geen geldig telefoonnummer" in (err.for_field("initiators[0].phone") or "")
    assert "1234 AB" in str(err)  # every message in the one the user sees


def test_a_rejected_save_changes_nothing(any_store: Store) -> None:
    first = _create(any_store, IdeaData(title="Eerste"))
    assert first.id is not None
    with pytest.raises(ValidationError), any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Nieuw", initiators=[_consenting(email="kapot@")]))
    changed = replace(first, title="Gewijzigd", initiators=[_consenting(phone="abc")])
    with pytest.raises(ValidationError), any_store.begin() as s:
        ideas.save_idea(s, changed)
    with any_store.begin() as s:
        assert count_rows(s, Idea) == 1
        assert count_rows(s, Initiator) == 0
        again = ideas.get_idea(s, first.id)
        assert (again.title, again.version) == ("Eerste", first.version)
    # No reference number was used up by the refused save.
    second = _create(any_store, IdeaData(title="Tweede"))
    assert first.reference is not None and second.reference is not None
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1


def test_contact_data_without_contact_consent_is_refused(any_store: Store) -> None:
    person = InitiatorData(name="Jan", email="jan@voorbeeld.nl", consent_contact=False)
    with pytest.raises(ValidationError) as info, any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Bankje", initiators=[person]))
    message = info.value.for_field("initiators[0].consent_contact")
    assert message is not None and "toestemming" in message
    with any_store.begin() as s:
        assert count_rows(s, Initiator) == 0
        assert count_rows(s, Idea) == 0


def test_sharing_needs_contact_consent(any_store: Store) -> None:
    person = InitiatorData(name="Jan", consent_contact=False, consent_share=True)
    with pytest.raises(ValidationError) as info, any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Bankje", initiators=[person]))
    assert info.value.for_field("initiators[0].consent_share") is not None


def test_a_name_alone_needs_no_consent_and_consent_is_recorded(any_store: Store) -> None:
    saved = _create(any_store, IdeaData(title="Bankje", initiators=[InitiatorData(name="Jan")]))
    with any_store.begin() as s:
        assert count_rows(s, Consent) == 0
        data = ideas.get_idea(s, saved.id or "")
        data.initiators[0].email = "jan@voorbeeld.nl"
        data.initiators[0].consent_contact = True
        data.initiators[0].consent_on = date(2026, 5, 1)
        ideas.save_idea(s, data)
    with any_store.begin() as s:
        [consent] = s.scalars(select(Consent)).all()
        assert (consent.purpose, consent.given, consent.recorded_on) == ("contact", True, date(2026, 5, 1))


# --- optimistic locking, timeline, orphans --------------------------------------------------------------------------


def test_the_second_of_two_editors_gets_a_stale_record_error(any_store: Store) -> None:
    created = _create(any_store, IdeaData(title="Origineel"))
    assert created.id is not None
    with any_store.begin() as s:
        mine = ideas.get_idea(s, created.id)
    with any_store.begin() as s:
        theirs = ideas.get_idea(s, created.id)
    assert mine.version == theirs.version

    mine.title = "Eerst opgeslagen"
    with any_store.begin() as s:
        saved = ideas.save_idea(s, mine)
    assert saved.version == (mine.version or 0) + 1

    theirs.title = "Te laat"
    with pytest.raises(StaleRecordError, match="door iemand anders gewijzigd"), any_store.begin() as s:
        ideas.save_idea(s, theirs)
    with any_store.begin() as s:
        assert ideas.get_idea(s, created.id).title == "Eerst opgeslagen"


def test_status_change_goes_on_the_timeline(any_store: Store) -> None:
    created = _create(any_store, IdeaData(title="Speeltuin"))
    created.status = IdeaStatus.EXPLORING.value
    with any_store.begin() as s:
        ideas.save_idea(s, created, author="makelaar")
        timeline = activities.list_activities(s, idea_id=created.id)
    changes = [a for a in timeline if a.kind == ActivityKind.STATUS]
    assert len(changes) == 1
    assert changes[0].text == "Status van 'nieuw' naar 'in verkenning'."
    assert changes[0].author == "makelaar"
    # Saving without a status change adds nothing.
    with any_store.begin() as s:
        again = ideas.get_idea(s, created.id or "")
        again.description = "Met klimrek"
        ideas.save_idea(s, again)
        assert len(activities.list_activities(s, idea_id=created.id)) == len(timeline)


def test_closing_an_idea_sets_closed_on(any_store: Store) -> None:
    created = _create(any_store, IdeaData(title="Afgerond idee"))
    created.status = IdeaStatus.REALISED.value
    with any_store.begin() as s:
        ideas.save_idea(s, created)
        row = s.get(Idea, created.id)
        assert row is not None and row.closed_on == date.today()


def test_removed_initiator_without_other_ideas_is_deleted(any_store: Store) -> None:
    both = _create(
        any_store,
        IdeaData(title="Bankje", initiators=[_consenting("Anna", email="anna@voorbeeld.nl"), InitiatorData(name="Bo")]),
    )
    anna, bo = both.initiators
    # Bo is also behind another idea, so Bo stays when removed from this one.
    with any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Tweede idee van Bo", initiators=[bo]))
    with any_store.begin() as s:
        current = ideas.get_idea(s, both.id or "")
        current.initiators = []
        ideas.save_idea(s, current)
    with any_store.begin() as s:
        remaining = {p.name for p in s.scalars(select(Initiator))}
        assert remaining == {"Bo"}
        assert s.get(Initiator, anna.id) is None
        assert count_rows(s, Consent) == 0  # Anna's consent went with her
        assert ideas.get_idea(s, both.id or "").initiators == []


def test_deleting_an_idea_forgets_its_only_initiator(any_store: Store) -> None:
    created = _create(any_store, IdeaData(title="Weg ermee", initiators=[InitiatorData(name="Cas")]))
    with any_store.begin() as s:
        ideas.delete_idea(s, created.id or "")
    with any_store.begin() as s:
        assert count_rows(s, Idea) == 0
        assert count_rows(s, Initiator) == 0
        with pytest.raises(NotFoundError):
            ideas.get_idea(s, created.id or "")


def _pending(s: Session, table: str, record_id: str) -> bool:
    found = s.scalar(
        select(ExchangeRecord.pending).where(
            ExchangeRecord.record_table == table, ExchangeRecord.record_id == record_id
        )
    )
    return bool(found)


def test_an_unchanged_initiator_is_not_written_nor_travels_as_changed(any_store: Store, tmp_path: Path) -> None:
    created = _create(
        any_store,
        IdeaData(
            title="Buurtbibliotheek", initiators=[_consenting("Anna", email="anna@voorbeeld.nl", consent_share=True)]
        ),
    )
    [anna] = created.initiators
    with any_store.begin() as s:
        exchange.export_changes(s, tmp_path / "uitwisseling.json.gz")  # nothing is pending after an export
        person = s.get(Initiator, anna.id)
        assert person is not None
        stamped = person.updated_at
        consents = count_rows(s, Consent)
        logged = audit.count_entries(s)
    with any_store.begin() as s:
        current = ideas.get_idea(s, created.id or "")
        current.description = "Een kast met boeken bij de bushalte"
        saved = ideas.save_idea(s, current)
    assert saved.initiators == current.initiators  # the same version: not written
    with any_store.begin() as s:
        person = s.get(Initiator, anna.id)
        assert person is not None
        assert (person.version, person.updated_at) == (anna.version, stamped)
        assert count_rows(s, Consent) == consents
        assert audit.count_entries(s) == logged
        assert _pending(s, "ideas", created.id or "")
        assert not _pending(s, "initiators", anna.id or "")


def test_a_changed_initiator_is_written_and_travels_as_changed(any_store: Store, tmp_path: Path) -> None:
    created = _create(any_store, IdeaData(title="Buurtbibliotheek", initiators=[_consenting("Anna")]))
    with any_store.begin() as s:
        exchange.export_changes(s, tmp_path / "uitwisseling.json.gz")
    with any_store.begin() as s:
        current = ideas.get_idea(s, created.id or "")
        current.initiators = [replace(current.initiators[0], consent_share=True)]
        saved = ideas.save_idea(s, current)
    [anna] = saved.initiators
    assert anna.consent_share and anna.version == (created.initiators[0].version or 0) + 1
    with any_store.begin() as s:
        assert _pending(s, "initiators", anna.id or "")
        assert [(c.purpose, c.given) for c in s.scalars(select(Consent).order_by(Consent.recorded_at))] == [
            ("contact", True),
            ("delen", True),
        ]


def _people_by_key(data: IdeaData) -> IdeaData:
    """The idea with its initiators in key order: the store keeps no order among an idea's initiators."""
    return replace(data, initiators=sorted(data.initiators, key=lambda p: p.id or ""))


def test_what_a_save_returns_is_what_the_store_then_holds(any_store: Store) -> None:
    with any_store.begin() as s:
        green, sport = (term_id(s, Vocabulary.THEME, name) for name in ("duurzaamheid", "sport"))
        created = ideas.save_idea(
            s,
            IdeaData(
                title="Sportveldje",
                theme_ids=[green],
                need_ids=[term_id(s, Vocabulary.HELP_TYPE, "ruimte")],
                initiators=[InitiatorData(name="Bo"), _consenting("Cas", phone="0612345678")],
            ),
        )
    with any_store.begin() as s:
        assert _people_by_key(created) == _people_by_key(ideas.get_idea(s, created.id or ""))
    bo, cas = created.initiators
    changes = [
        lambda d: replace(d, description="Met doelen", requested_amount=Decimal("250")),
        lambda d: replace(d, theme_ids=[sport, green]),
        lambda d: replace(d, theme_ids=[green, sport]),
        lambda d: replace(d, need_ids=[]),
        lambda d: replace(d, initiators=[cas]),
        lambda d: replace(d, initiators=[*d.initiators, InitiatorData(name="Dirk")]),
        lambda d: replace(d, initiators=[replace(p, name=p.name + " Jansen") for p in d.initiators]),
        lambda d: replace(
            d, initiators=[replace(p, consent_contact=True, consent_method="formulier") for p in d.initiators]
        ),
    ]
    for change in changes:
        with any_store.begin() as s:
            current = ideas.get_idea(s, created.id or "")
            saved = ideas.save_idea(s, change(current))
        with any_store.begin() as s:
            assert _people_by_key(saved) == _people_by_key(ideas.get_idea(s, created.id or ""))
    with any_store.begin() as s:
        assert s.get(Initiator, bo.id) is None  # removed from its only idea: forgotten


# --- lists ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def listed(any_store: Store) -> dict[str, str]:
    """Five ideas across areas, themes, needs and statuses; returns names -> ids."""
    with any_store.begin() as s:
        centrum = vocabulary.add_area(s, "Centrum", AreaKind.DISTRICT)
        binnenstad = vocabulary.add_area(s, "Binnenstad", AreaKind.NEIGHBOURHOOD, parent_id=centrum.id)
        noord = vocabulary.add_area(s, "Noord", AreaKind.DISTRICT)
        green = term_id(s, Vocabulary.THEME, "duurzaamheid")
        sport = term_id(s, Vocabulary.THEME, "sport")
        space = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        money = term_id(s, Vocabulary.HELP_TYPE, "geld")

        def add(title: str, area: AreaInfo, status: str, themes: list[str], needs: list[str]) -> str:
            data = IdeaData(title=title, area_id=area.id, theme_ids=themes, need_ids=needs)
            saved = ideas.save_idea(s, data)
            if status != IdeaStatus.NEW:
                saved.status = status
                ideas.save_idea(s, saved)
            return saved.id or ""

        ids = {
            "Appelboomgaard": add("Appelboomgaard", centrum, IdeaStatus.NEW, [green], [space]),
            "Bloemenlint": add("Bloemenlint", binnenstad, IdeaStatus.EXPLORING, [green], [money]),
            "Cruijff court": add("Cruijff court", noord, IdeaStatus.NEW, [sport], [space, money]),
            "Dansavond": add("Dansavond", noord, IdeaStatus.STOPPED, [], []),
            "Eetclub": add("Eetclub", binnenstad, IdeaStatus.NEW, [], [money]),
        }
        ids.update(centrum=centrum.id, noord=noord.id, green=green, space=space, money=money)
    return ids


def _titles(store: Store, q: ListQuery, offset: int = 0, limit: int = 200) -> list[str]:
    with store.begin() as s:
        return [r.title for r in ideas.list_ideas(s, q, offset, limit)]


def test_list_filters(any_store: Store, listed: dict[str, str]) -> None:
    by_title = ListQuery(sort="title", descending=False)
    assert _titles(any_store, replace(by_title, statuses=("nieuw",))) == ["Appelboomgaard", "Cruijff court", "Eetclub"]
    assert _titles(any_store, replace(by_title, statuses=("gestopt", "in verkenning"))) == ["Bloemenlint", "Dansavond"]
    # A wijk includes its buurten.
    assert _titles(any_store, replace(by_title, area_id=listed["centrum"])) == [
        "Appelboomgaard",
        "Bloemenlint",
        "Eetclub",
    ]
    assert _titles(any_store, replace(by_title, area_id=listed["noord"])) == ["Cruijff court", "Dansavond"]
    assert _titles(any_store, replace(by_title, theme_id=listed["green"])) == ["Appelboomgaard", "Bloemenlint"]
    assert _titles(any_store, replace(by_title, help_type_id=listed["money"])) == [
        "Bloemenlint",
        "Cruijff court",
        "Eetclub",
    ]
    combined = replace(by_title, area_id=listed["centrum"], help_type_id=listed["money"], statuses=("nieuw",))
    assert _titles(any_store, combined) == ["Eetclub"]
    with any_store.begin() as s:
        [row] = ideas.list_ideas(s, replace(by_title, search="cruijff"))
        assert row.area == "Noord"
        assert row.needs == "ruimte, geld"  # in vocabulary order
        assert ideas.count_ideas(s, replace(by_title, area_id=listed["centrum"])) == 3


def test_list_sorts_by_title_both_ways(any_store: Store, listed: dict[str, str]) -> None:
    names = ["Appelboomgaard", "Bloemenlint", "Cruijff court", "Dansavond", "Eetclub"]
    assert _titles(any_store, ListQuery(sort="title", descending=False)) == names
    assert _titles(any_store, ListQuery(sort="title", descending=True)) == names[::-1]


def test_list_pages_with_total(any_store: Store, listed: dict[str, str]) -> None:
    q = ListQuery(sort="title", descending=False)
    with any_store.begin() as s:
        first = ideas.page_ideas(s, q, offset=0, limit=2)
        second = ideas.page_ideas(s, q, offset=2, limit=2)
        last = ideas.page_ideas(s, q, offset=4, limit=2)
        beyond = ideas.page_ideas(s, q, offset=10, limit=2)
        filtered = ideas.page_ideas(s, replace(q, statuses=("nieuw",)), offset=0, limit=1)
    assert [r.title for r in first.rows] == ["Appelboomgaard", "Bloemenlint"]
    assert [r.title for r in second.rows] == ["Cruijff court", "Dansavond"]
    assert [r.title for r in last.rows] == ["Eetclub"]
    assert beyond.rows == []
    assert first.total == second.total == last.total == beyond.total == 5
    assert (len(filtered.rows), filtered.total) == (1, 3)


# --- finding --------------------------------------------------------------------------------------------------------


def test_find_idea_by_reference_and_by_title(any_store: Store) -> None:
    moestuin = _create(any_store, IdeaData(title="Buurtmoestuin Eikenlaan"))
    _create(any_store, IdeaData(title="Buurtmoestuin Beukenlaan"))
    _create(any_store, IdeaData(title="Speeltuin"))
    assert moestuin.reference is not None
    with any_store.begin() as s:
        assert ideas.find_idea(s, moestuin.reference.lower()).id == moestuin.id
        assert ideas.find_idea(s, "  speeltuin ").title == "Speeltuin"
        assert ideas.find_idea(s, "eikenlaan").id == moestuin.id  # part of a title, when only one has it
        with pytest.raises(AmbiguousError) as info:
            ideas.find_idea(s, "buurtmoestuin")
        assert len(info.value.candidates) == 2
        assert all("Buurtmoestuin" in c and c.startswith("I-") for c in info.value.candidates)
        assert "niet eenduidig" in str(info.value)
        with pytest.raises(NotFoundError, match="Geen idee gevonden"):
            ideas.find_idea(s, "zwembad")


def test_reference_counter_is_per_year(any_store: Store) -> None:
    _create(any_store, IdeaData(title="Dit jaar"))
    with any_store.begin() as s:
        counters = {(c.prefix, c.year): c.last for c in s.scalars(select(ReferenceCounter))}
    assert counters == {("I", date.today().year): 1}
