"""A fund's criteria read from its own words, one reader at a time, and checked against what an idea says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from makelaar.domain import criteria as c
from makelaar.domain.criteria import Criterion, IdeaText, misfits, read


def kinds(text: str) -> dict[str, object]:
    return {x.kind: x.value for x in read(text)}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Alleen voor verenigingen en stichtingen met een KvK-inschrijving.", c.LEGAL_FORM, None),
        ("Niet voor losse bewonersgroepen.", c.LEGAL_FORM, None),
        ("Alleen voor initiatieven met minimaal 10 vrijwilligers.", c.MIN_PEOPLE, 10),
        ("Je hebt minstens drie initiatiefnemers nodig.", c.MIN_PEOPLE, 3),
        ("Geen bijdrage aan eten en drinken.", c.NO_FOOD, None),
        ("Eten en drinken worden niet vergoed.", c.NO_FOOD, None),
        ("Geen bijdrage aan eten en drinken, sport of lessen binnen schooltijd.", c.NO_SCHOOL_TIME, None),
        ("Niet voor activiteiten onder schooltijd.", c.NO_SCHOOL_TIME, None),
        ("Geen eenmalige feesten of evenementen.", c.NO_EVENTS, None),
        ("Geen losse activiteiten of evenementen.", c.NO_EVENTS, None),
        ("Geen bijdrage aan individuele woningen.", c.NO_HOMES, None),
        ("Voor kinderen en jongeren tot 18 jaar.", c.YOUTH, 18),
        ("Op het gebied van sport, muziek of natuur.", c.SUBJECTS, ("sport", "muziek", "natuur")),
        ("Bijdragen tot 2.500 euro per initiatief.", c.MAX_AMOUNT, Decimal("2500")),
        ("Maximaal € 750 per aanvraag.", c.MAX_AMOUNT, Decimal("750")),
        ("Een budget voor initiatieven van eigen huurders.", c.GROUP, ("huurders",)),
        ("Het clubhuis is alleen voor de eigen leden.", c.GROUP, ("leden",)),
    ],
)
def test_each_reader_finds_its_criterion(text: str, kind: str, value: object) -> None:
    found = kinds(text)
    assert found.get(kind, "missing") == value


@pytest.mark.parametrize(
    "text",
    [
        "Wij steunen initiatieven voor eten en drinken met de buren.",  # food is what it supports, not excluded
        "Tot ziens in de zaal!",  # "tot" without an amount
        "Voor jong en oud, verenigingen en bewonersgroepen.",  # no restriction
        "Bewoners die samen iets organiseren.",
    ],
)
def test_ordinary_sentences_are_no_criteria(text: str) -> None:
    assert read(text) == []


def test_the_words_a_criterion_came_from_are_kept_for_the_broker() -> None:
    found = read("Een fonds voor de buurt. Geen bijdrage aan eten en drinken.")
    assert found == [Criterion(c.NO_FOOD, None, "Geen bijdrage aan eten en drinken.")]


def facts(title: str, description: str = "", themes: tuple[str, ...] = ()) -> IdeaText:
    return IdeaText.of(title, description, themes)


def test_food_is_the_main_cost_in_the_title_or_where_money_is_asked() -> None:
    assert facts("Koffieochtend voor ouderen").food_is_main_cost
    assert facts("Eetpunt", "Ze zoeken geld voor de boodschappen.").food_is_main_cost
    # A drink after the concert is a side item; a library is no tea.
    assert not facts("Kerstconcert", "Ze zoeken een plek en geld. Na afloop glühwein.").food_is_main_cost
    assert not facts("Taalmaatjes in de bibliotheek").food_is_main_cost
    # Help with shopping is no food bill.
    assert not facts("Boodschappenhulp", "Buren doen boodschappen voor ouderen.").food_is_main_cost


def test_a_one_off_event_unless_something_recurs() -> None:
    assert facts("Najaarsmarkt op het plein", "In oktober een markt.").one_off_event
    assert facts("Zomersportdag voor kinderen").one_off_event
    assert not facts("Koffieochtend", "Elke donderdag koffie.").one_off_event
    assert not facts("Blazersklas", "Een jaar lang les, met een slotconcert.").one_off_event
    # The word inside a name is not an event ("Marktplein" in a plan for benches).
    assert not facts("Bankjes op het Marktplein").one_off_event


def test_school_time_homes_youth_and_a_carrying_organisation() -> None:
    assert facts("Blazersklas", "Lessen onder schooltijd.").within_school_time
    assert facts("Samen isoleren", "Bewoners willen hun huizen isoleren.").for_own_homes
    assert not facts("Zonnepanelen op het dorpshuis").for_own_homes
    assert facts("Huiswerkklas", "Voor kinderen uit groep 7 en 8.").for_youth
    assert facts("Iets", "", ("jeugd",)).for_youth
    assert not facts("Koffieochtend voor ouderen").for_youth
    assert facts("Sportdag", "Ouders willen samen met SV Oosterwinde een sportdag.").carried_by_organisation
    assert facts("Zonnepanelen", "Samen met het bestuur van het dorpshuis.").carried_by_organisation
    assert not facts("Schaakclub", "Een leraar wil een schaakclub beginnen.").carried_by_organisation


def test_misfits_are_only_what_the_idea_shows() -> None:
    fund = read(
        "Alleen voor verenigingen. Minimaal 10 vrijwilligers. Geen bijdrage aan eten en drinken. "
        "Voor kinderen tot 18 jaar op het gebied van sport, muziek of natuur. Tot 1.000 euro."
    )
    coffee = facts("Koffieochtend voor ouderen", "Geld voor koffie en gebak.")
    broken = {x.kind for x in misfits(fund, coffee, team_size=2, requested=Decimal("1500"))}
    assert broken == {c.LEGAL_FORM, c.MIN_PEOPLE, c.NO_FOOD, c.YOUTH, c.SUBJECTS, c.MAX_AMOUNT}
    sports = facts("Zomersportdag voor kinderen", "Ouders willen samen met SV Oosterwinde een sportdag.")
    assert misfits(fund, sports, team_size=12, requested=Decimal("800")) == []
    # What the idea does not say counts as fitting: no team size, no amount.
    assert {x.kind for x in misfits(fund, sports)} == set()


def test_a_subject_is_found_through_related_words() -> None:
    fund = read("Op het gebied van sport, muziek of natuur.")
    band = facts("Blazersklas", "Kinderen leren een blaasinstrument spelen.")
    assert misfits(fund, band) == fund
    assert misfits(fund, band, related=["muziek"]) == []
