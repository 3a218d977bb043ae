"""The organisation registry and its contact persons, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from makelaar.domain.enums import ActivityKind, AreaKind, Vocabulary
from makelaar.domain.errors import AmbiguousError, NotFoundError, StaleRecordError, ValidationError
from makelaar.domain.records import ContactData, OrganisationData
from makelaar.services import activities, organisations, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.storage.models import Contact, Organisation
from makelaar.storage.store import Store
from tests.conftest import count_rows, term_id


def _save(store: Store, data: OrganisationData) -> OrganisationData:
    with store.begin() as s:
        return organisations.save_organisation(s, data)


def test_create_normalises_fields(any_store: Store) -> None:
    with any_store.begin() as s:
        kind = term_id(s, Vocabulary.ORGANISATION_KIND, "stichting")
        offer = term_id(s, Vocabulary.HELP_TYPE, "advies")
        theme = term_id(s, Vocabulary.THEME, "duurzaamheid")
    saved = _save(
        any_store,
        OrganisationData(
            name=" Stichting  Groen Doen ",
            kind_id=kind,
            website="www.groendoen.nl",
            kvk="1234 5678",
            email="info@GroenDoen.nl",
            phone="0381234567",
            postcode="8011ab",
            city=" Zwolle ",
            offer_ids=[offer],
            theme_ids=[theme],
        ),
    )
    assert saved.reference is not None and re.fullmatch(rf"O-{date.today().year}-\d{{4}}", saved.reference)
    assert saved.name == "Stichting Groen Doen"
    assert (saved.website, saved.kvk, saved.email) == ("https://www.groendoen.nl", "12345678", "info@groendoen.nl")
    assert (saved.phone, saved.postcode, saved.city) == ("038 123 4567", "8011 AB", "Zwolle")
    assert (saved.kind_id, saved.offer_ids, saved.theme_ids) == (kind, [offer], [theme])
    with any_store.begin() as s:
        timeline = activities.list_activities(s, organisation_id=saved.id)
    assert [a.text for a in timeline] == ["Organisatie toegevoegd."]


def test_bad_fields_are_reported_in_dutch_per_field(any_store: Store) -> None:
    bad = OrganisationData(
        name="",
        website="geen adres",
        kvk="123",
        email="info@",
        phone="12",
        postcode="12 AB",
        contacts=[ContactData(name="", email="x@", phone="nee")],
    )
    with pytest.raises(ValidationError) as info, any_store.begin() as s:
        organisations.save_organisation(s, bad)
    err = info.value
    assert {e.field for e in err.errors} == {
        "name",
        "website",
        "kvk",
        "email",
        "phone",
        "postcode",
        "contacts[0].name",
        "contacts[0].email",
        "contacts[0].phone",
    }
    assert err.for_field("name") == "De naam is verplicht."
    assert "KvK-nummer" in (err.for_field("kvk") or "")
    assert "webadres" in (err.for_field("website") or "")
    assert "postcode" in (err.for_field("postcode") or "")
    with any_store.begin() as s:
        assert count_rows(s, Organisation) == 0


def test_contacts_are_saved_updated_and_removed(any_store: Store) -> None:
    saved = _save(
        any_store,
        OrganisationData(
            name="Buurthuis De Brug",
            contacts=[
                ContactData(name="Els Jansen", role="coördinator", phone="0612345678"),
                ContactData(name="Piet Bakker", email="piet@debrug.nl"),
            ],
        ),
    )
    assert saved.id is not None
    els, piet = sorted(saved.contacts, key=lambda c: c.name)
    assert els.id and piet.id and els.phone == "06 12345678"

    els.role = "beheerder"
    saved.contacts = [els, ContactData(name="Ahmed Yilmaz", email="ahmed@debrug.nl")]
    with any_store.begin() as s:
        organisations.save_organisation(s, saved)
    with any_store.begin() as s:
        listed = organisations.list_contacts(s, saved.id)
        assert [(c.name, c.role) for c in listed] == [("Ahmed Yilmaz", None), ("Els Jansen", "beheerder")]
        assert next(c.id for c in listed if c.name == "Els Jansen") == els.id  # updated in place
        assert count_rows(s, Contact) == 2  # Piet is gone


def test_stale_organisation_is_refused(any_store: Store) -> None:
    saved = _save(any_store, OrganisationData(name="Voedselbank"))
    with any_store.begin() as s:
        theirs = organisations.get_organisation(s, saved.id or "")
    _save(any_store, replace(saved, description="Eerst"))
    with pytest.raises(StaleRecordError), any_store.begin() as s:
        organisations.save_organisation(s, replace(theirs, description="Later"))
    with any_store.begin() as s:
        assert organisations.get_organisation(s, saved.id or "").description == "Eerst"


def test_deactivating_goes_on_the_timeline(any_store: Store) -> None:
    saved = _save(any_store, OrganisationData(name="Speel-o-theek"))
    _save(any_store, replace(saved, active=False))
    with any_store.begin() as s:
        texts = [
            a.text for a in activities.list_activities(s, organisation_id=saved.id) if a.kind == ActivityKind.STATUS
        ]
    assert texts == ["Niet meer actief."]


@pytest.fixture
def registry(any_store: Store) -> dict[str, str]:
    with any_store.begin() as s:
        wide = vocabulary.municipality_area(s)
        centrum = vocabulary.add_area(s, "Centrum", AreaKind.DISTRICT)
        noord = vocabulary.add_area(s, "Noord", AreaKind.DISTRICT)
        advice = term_id(s, Vocabulary.HELP_TYPE, "advies")
        space = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        sport = term_id(s, Vocabulary.THEME, "sport")
        fund = term_id(s, Vocabulary.ORGANISATION_KIND, "fonds")
        for name, areas, offers, themes, active, kind in [
            ("Buurthuis Centrum", [centrum.id], [space], [], True, None),
            ("Gemeentelijk fonds", [wide.id], [], [], True, fund),
            ("Sportclub Noord", [noord.id], [space], [sport], True, None),
            ("Oude stichting", [centrum.id], [advice], [], False, None),
        ]:
            organisations.save_organisation(
                s,
                OrganisationData(
                    name=name, area_ids=areas, offer_ids=offers, theme_ids=themes, active=active, kind_id=kind
                ),
            )
    return {"centrum": centrum.id, "noord": noord.id, "space": space, "sport": sport, "fund": fund}


def _names(store: Store, q: ListQuery) -> list[str]:
    with store.begin() as s:
        return [r.name for r in organisations.list_organisations(s, q)]


def test_area_filter_counts_municipality_wide_for_every_wijk(any_store: Store, registry: dict[str, str]) -> None:
    q = ListQuery(sort="name", descending=False)
    assert _names(any_store, replace(q, area_id=registry["centrum"])) == [
        "Buurthuis Centrum",
        "Gemeentelijk fonds",
        "Oude stichting",
    ]
    assert _names(any_store, replace(q, area_id=registry["noord"])) == ["Gemeentelijk fonds", "Sportclub Noord"]


def test_active_only_and_other_filters(any_store: Store, registry: dict[str, str]) -> None:
    q = ListQuery(sort="name", descending=False)
    everyone = ["Buurthuis Centrum", "Gemeentelijk fonds", "Oude stichting", "Sportclub Noord"]
    assert _names(any_store, q) == everyone
    assert _names(any_store, replace(q, descending=True)) == everyone[::-1]
    assert _names(any_store, replace(q, active_only=True)) == [n for n in everyone if n != "Oude stichting"]
    assert _names(any_store, replace(q, area_id=registry["centrum"], active_only=True)) == [
        "Buurthuis Centrum",
        "Gemeentelijk fonds",
    ]
    assert _names(any_store, replace(q, help_type_id=registry["space"])) == ["Buurthuis Centrum", "Sportclub Noord"]
    assert _names(any_store, replace(q, theme_id=registry["sport"])) == ["Sportclub Noord"]
    assert _names(any_store, replace(q, extra={"kind_id": registry["fund"]})) == ["Gemeentelijk fonds"]
    with any_store.begin() as s:
        page = organisations.page_organisations(s, q, offset=1, limit=2)
        assert ([r.name for r in page.rows], page.total) == (everyone[1:3], 4)
        [club] = organisations.list_organisations(s, replace(q, theme_id=registry["sport"]))
        assert (club.offers, club.areas, club.active) == ("ruimte", "Noord", True)


def test_find_organisation(any_store: Store, registry: dict[str, str]) -> None:
    with any_store.begin() as s:
        assert organisations.find_organisation(s, "sportclub noord").name == "Sportclub Noord"
        with pytest.raises(AmbiguousError) as info:
            organisations.find_organisation(s, "o")
        assert len(info.value.candidates) >= 2
        with pytest.raises(NotFoundError):
            organisations.find_organisation(s, "Zwembad")


def test_area_filter_follows_wijk_and_buurt(any_store: Store) -> None:
    with any_store.begin() as s:
        oost = vocabulary.add_area(s, "Oost")
        molenbuurt = vocabulary.add_area(s, "Molenbuurt", AreaKind.NEIGHBOURHOOD, oost.id)
        west = vocabulary.add_area(s, "West")
        wide = vocabulary.municipality_area(s)
        for name, area in (
            ("Wijkteam Oost", oost),
            ("Buurtclub Molen", molenbuurt),
            ("West Actief", west),
            ("Overal", wide),
        ):
            organisations.save_organisation(s, OrganisationData(name=name, area_ids=[area.id]))
    with any_store.begin() as s:

        def names(area_id: str) -> list[str]:
            q = ListQuery(area_id=area_id, sort="name", descending=False)
            return [r.name for r in organisations.list_organisations(s, q)]

        # An idea in the Molenbuurt can be helped by who works in its wijk, in the buurt itself, or everywhere.
        assert names(molenbuurt.id) == ["Buurtclub Molen", "Overal", "Wijkteam Oost"]
        # The wijk Oost includes who works in one of its buurten.
        assert names(oost.id) == ["Buurtclub Molen", "Overal", "Wijkteam Oost"]
        assert names(west.id) == ["Overal", "West Actief"]
