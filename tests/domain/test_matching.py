"""Matching, one signal at a time: in each case two organisations differ in that signal only (the favoured one is
listed last, so a tie would put it second), and breaking the signal fails the test."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from makelaar.domain import reasons as why
from makelaar.domain.matching import (
    DEFAULT_WEIGHTS,
    FundCriteria,
    IdeaProfile,
    MatchIndex,
    OrganisationProfile,
    PastMatch,
    Suggestion,
    rank,
    rank_ideas,
)
from makelaar.domain.reasons import Reason

NAMES = {
    "ruimte": "ruimte",
    "geld": "geld",
    "vrijwilligers": "vrijwilligers",
    "advies": "advies",
    "materiaal": "materiaal",
    "duurzaamheid": "duurzaamheid",
    "sport": "sport",
    "welzijn": "welzijn",
    "noord": "Noord",
    "noord-oost": "Noord-Oost",
    "zuid": "Zuid",
}
TODAY = date(2026, 11, 28)


def org(ident: str, **kw: object) -> OrganisationProfile:
    defaults: dict[str, object] = {
        "name": f"Stichting {ident.capitalize()}",
        "description": "",
        "offers": frozenset({"ruimte"}),
        "themes": frozenset({"welzijn"}),
        "municipality_wide": True,
    }
    defaults.update(kw)
    return OrganisationProfile(id=ident, **defaults)  # type: ignore[arg-type]


def idea(**kw: object) -> IdeaProfile:
    ident = str(kw.pop("id", "idee"))
    defaults: dict[str, object] = {
        "title": "Samen iets doen",
        "description": "",
        "needs": ("ruimte",),
        "themes": frozenset({"welzijn"}),
        "area_id": "noord",
        "wijk_id": "noord",
    }
    defaults.update(kw)
    return IdeaProfile(id=ident, **defaults)  # type: ignore[arg-type]


def in_wijk(wijk: str) -> dict[str, object]:
    """The area fields of an organisation that works in one wijk only."""
    return {"areas": frozenset({wijk}), "wijken": frozenset({wijk}), "municipality_wide": False}


def ranked(orgs: list[OrganisationProfile], the_idea: IdeaProfile, **kw: object) -> list[Suggestion]:
    history = kw.pop("history", ())
    background = kw.pop("background", ())
    places = kw.pop("places", ())
    index = MatchIndex(
        orgs,
        names=NAMES,
        history=history,  # type: ignore[arg-type]
        background=background,  # type: ignore[arg-type]
        places=places,  # type: ignore[arg-type]
    )
    return rank(index, the_idea, today=TODAY, **kw)  # type: ignore[arg-type]


def names(suggestions: list[Suggestion]) -> list[str]:
    return [s.organisation_id for s in suggestions]


# --- each signal ----------------------------------------------------------------------------------------------------


def test_needs_vs_offers() -> None:
    got = ranked([org("alfa", offers=frozenset({"advies"})), org("bravo")], idea())
    assert names(got) == ["bravo", "alfa"]
    assert got[0].score - got[1].score >= 0.05
    assert "kan helpen met ruimte" in got[0].reasons
    assert got[0].covered_needs == ["ruimte"]
    assert got[1].covered_needs == []


def test_theme() -> None:
    the_idea = idea(themes=frozenset({"duurzaamheid"}))
    got = ranked([org("alfa", themes=frozenset({"sport"})), org("bravo", themes=frozenset({"duurzaamheid"}))], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert "werkt aan duurzaamheid" in got[0].reasons
    # Also where neither offers what is needed (the theme alone, not through the needs).
    got = ranked(
        [
            org("alfa", themes=frozenset({"sport"}), offers=frozenset({"advies"}), description="spelletjes"),
            org("bravo", themes=frozenset({"duurzaamheid"}), offers=frozenset({"advies"}), description="spelletjes"),
        ],
        replace(the_idea, description="Met spelletjes."),
    )
    assert names(got) == ["bravo", "alfa"]
    assert got[0].score - got[1].score >= 0.05


def test_area_same_wijk_before_municipality_wide_before_elsewhere() -> None:
    elsewhere = org("alfa", areas=frozenset({"zuid"}), wijken=frozenset({"zuid"}), municipality_wide=False)
    wide = org("bravo")
    local = org("charlie", areas=frozenset({"noord"}), wijken=frozenset({"noord"}), municipality_wide=False)
    got = ranked([elsewhere, wide, local], idea())
    assert names(got) == ["charlie", "bravo", "alfa"]
    assert [r for r in got[0].explanation if r.kind == why.SAME_AREA] == [Reason(why.SAME_AREA, ("Noord",))]
    assert "werkt in de hele gemeente" in got[1].reasons
    assert not {why.SAME_AREA, why.WHOLE_MUNICIPALITY} & {r.kind for r in got[2].explanation}
    assert "let op: biedt ruimte in een andere wijk" in got[2].reasons  # a room is bound to a place


def test_area_an_idea_in_a_buurt_of_the_organisations_wijk_is_in_the_same_wijk() -> None:
    the_idea = idea(area_id="noord-oost", wijk_id="noord")
    local = org("charlie", areas=frozenset({"noord"}), wijken=frozenset({"noord"}), municipality_wide=False)
    got = ranked([org("bravo"), local], the_idea)
    assert names(got) == ["charlie", "bravo"]
    assert "zit in Noord (zelfde wijk)" in got[0].reasons


def test_a_place_name_says_where_not_what() -> None:
    # "Noord" in the idea and in an organisation's name is where, which the area signal counts: no shared subject.
    the_idea = idea(title="Repareren in Noord", themes=frozenset())
    named = org("alfa", name="Stichting Noord", themes=frozenset())
    fixers = org("bravo", description="Wij repareren fietsen.", themes=frozenset())
    got = ranked([named, fixers], the_idea, places=["Noord", "Zuid", "hele gemeente"])
    assert names(got) == ["bravo", "alfa"]
    assert "gaat ook over repareren" in got[0].reasons
    assert not any("noord" in r.casefold() for r in got[1].reasons)
    # Without the store's area names the place word would count as a shared word, and more than "repareren".
    assert names(ranked([named, fixers], the_idea)) == ["alfa", "bravo"]


def test_a_room_across_town_counts_less_unless_its_words_show_it_is_the_place() -> None:
    # Rooms are nearly always offered in one wijk (the registry says so: the rooms in Oost are local too), so a room
    # is bound to a place. On the same theme, a room across town is worth less than one in the idea's own wijk.
    the_idea = idea(title="Samen koken")
    oost = [org(f"oost{k}", themes=frozenset(), **in_wijk("oost")) for k in range(3)]
    far = org("alfa", **in_wijk("zuid"))
    near = org("bravo", themes=frozenset(), **in_wijk("noord"))
    got = ranked([*oost, far, near], the_idea)
    assert names(got)[:2] == ["bravo", "alfa"]
    assert "let op: biedt ruimte in een andere wijk" in got[1].reasons
    assert not any(r.startswith("let op") for r in got[0].reasons)
    # Unless its own words show it is the place for this very subject: then it is worth the trip.
    kitchen = replace(far, description="Wij koken samen in onze keuken.")
    got = ranked([*oost, kitchen, near], the_idea)
    assert names(got)[0] == "alfa"
    assert not any(r.startswith("let op") for r in got[0].reasons)
    # Distance only counts where the idea has a place: a municipality-wide idea takes a room anywhere.
    got = ranked([*oost, far, near], replace(the_idea, area_id=None, wijk_id=None, municipality_wide=True))
    assert not any(r.startswith("let op") for s in got for r in s.reasons)


def test_parents_are_not_the_elderly() -> None:
    # The stemmer makes "ouders" (parents) and "ouderen" (the elderly) one word; matching keeps them apart.
    the_idea = idea(title="Ouders helpen op het schoolplein", themes=frozenset())
    seniors = org("alfa", description="Wij behartigen de belangen van ouderen.", themes=frozenset())
    parents = org("bravo", description="Een vereniging van ouders.", themes=frozenset())
    got = ranked([seniors, parents], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert not any(r.startswith("gaat ook over") for r in got[1].reasons)


def test_text_with_a_compound() -> None:
    # The idea says "buurtmoestuin", the organisation "moestuin".
    the_idea = idea(title="Buurtmoestuin bij de school", description="Samen groenten kweken.")
    got = ranked(
        [
            org("alfa", description="Wij beheren een voetbalveld."),
            org("bravo", description="Wij beheren een moestuin."),
        ],
        the_idea,
    )
    assert names(got) == ["bravo", "alfa"]
    assert any(r.startswith("gaat ook over ") and "moestuin" in r for r in got[0].reasons)


def test_text_with_a_compound_the_other_way_round() -> None:
    # The organisation says "buurtmoestuin", the idea "moestuin"; the store's ideas are the background.
    the_idea = idea(title="Een moestuin voor de school", description="Kinderen kweken groenten.")
    got = ranked(
        [
            org("alfa", description="Wij beheren een voetbalveld."),
            org("bravo", description="Wij beheren de buurtmoestuin."),
        ],
        the_idea,
        background=[f"{the_idea.title} {the_idea.description}"],
    )
    assert names(got) == ["bravo", "alfa"]
    assert "gaat ook over moestuin" in got[0].reasons


def test_text_a_compounds_head_counts_more_than_its_modifier() -> None:
    # "Schoolmoestuin" is a moestuin: the organisation that names the head is the better partner than the one that
    # names the modifier (a school), though each shares one word of the compound.
    the_idea = idea(title="Schoolmoestuin", description="Groenten kweken.", themes=frozenset())
    got = ranked(
        [
            org("alfa", description="Wij beheren een school.", themes=frozenset()),
            org("bravo", description="Wij beheren een moestuin.", themes=frozenset()),
        ],
        the_idea,
        background=["Een school", "Een moestuin"],
    )
    assert names(got) == ["bravo", "alfa"]
    assert got[0].score > got[1].score


def test_text_ignores_diacritics() -> None:
    the_idea = idea(title="Reparatiecafé in de buurt")
    got = ranked(
        [
            org("alfa", description="Wij beheren een voetbalveld."),
            org("bravo", description="Elke maand een reparatiecafe."),
        ],
        the_idea,
    )
    assert names(got) == ["bravo", "alfa"]
    assert "gaat ook over reparatiecafé" in got[0].reasons  # shown as the idea writes it


def test_text_related_words_count_but_less_than_the_word_itself() -> None:
    # The idea says "koken", one organisation "keuken" (a related word), another nothing of the kind.
    the_idea = idea(
        title="Samen koken",
        description="Daarna spelletjes, verhalen vertellen, foto's bekijken en afwassen.",
        themes=frozenset(),
    )
    plain = org("alfa", description="Wij beheren een voetbalveld.", themes=frozenset())
    kitchen = org("bravo", description="Wij hebben een grote keuken.", themes=frozenset())
    got = ranked([plain, kitchen], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert "gaat ook over keuken (bij koken)" in got[0].reasons
    # The idea's own word counts more than a related one.
    cooks = org("charlie", description="Wij koken elke week.", themes=frozenset())
    got = ranked([kitchen, cooks], the_idea)
    assert names(got) == ["charlie", "bravo"]
    assert got[0].score > got[1].score


def test_asking_words_are_no_evidence() -> None:
    # "zoeken" and "nodig" are in nearly every idea: an organisation that "zoekt" shares no subject with it.
    the_idea = idea(title="Wij zoeken iemand", description="Er is hulp nodig.", themes=frozenset())
    got = ranked([org("alfa", description="Zoekt vrijwilligers die nodig zijn.", themes=frozenset())], the_idea)
    assert not any(r.startswith("gaat ook over") for r in got[0].reasons)


def test_a_general_support_organisation_fills_in_where_nothing_specific_fits() -> None:
    # Both offer the advice the idea needs on a subject neither shares; the welfare organisation helps with any plan.
    the_idea = idea(title="Voetbaltoernooi", needs=("advies",), themes=frozenset({"sport"}))
    firm = org("alfa", description="Adviesbureau voor bedrijven.", offers=frozenset({"advies"}), themes=frozenset())
    welfare = org(
        "bravo",
        description="Welzijnswerk: opbouwwerkers denken mee over plannen.",
        offers=frozenset({"advies"}),
        themes=frozenset(),
    )
    got = ranked([firm, welfare], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert got[0].score - got[1].score >= 0.05
    # The kind alone marks it too.
    by_kind = replace(welfare, description="Wij denken mee.", kind="welzijnsorganisatie")
    assert names(ranked([firm, by_kind], the_idea)) == ["bravo", "alfa"]
    # A partner that fits the subject still comes first.
    club = org(
        "charlie", description="Wij organiseren voetbal.", offers=frozenset({"advies"}), themes=frozenset({"sport"})
    )
    assert names(ranked([welfare, club], the_idea)) == ["charlie", "bravo"]
    # No head start when it offers nothing the idea needs, or for help that is no general support (rooms).
    index = MatchIndex([welfare, firm], names=NAMES)
    assert index.broad_prior(0, ["advies"]) > 0.0
    assert index.broad_prior(0, ["ruimte"]) == 0.0
    assert index.broad_prior(1, ["advies"]) == 0.0


def fund(ident: str, **criteria: object) -> OrganisationProfile:
    return org(ident, kind="fonds", offers=frozenset({"geld"}), fund=FundCriteria(**criteria))  # type: ignore[arg-type]


def test_a_fund_that_does_not_fit_is_kept_lower_with_the_reason() -> None:
    the_idea = idea(needs=("geld",), requested_amount=Decimal("5000"))
    got = ranked([fund("alfa", max_amount=Decimal("2500")), fund("bravo", max_amount=Decimal("10000"))], the_idea)
    assert names(got) == ["bravo", "alfa"]
    misfit = got[1]
    assert not misfit.fits
    assert "fonds: geeft hooguit € 2.500,00, dit idee vraagt € 5.000,00 — past niet" in misfit.reasons
    assert misfit.score < got[0].score
    assert got[0].fits
    assert "fonds: past binnen de voorwaarden" in got[0].reasons


def test_fund_criteria_team_size_deadline_and_exclusions() -> None:
    the_idea = idea(
        needs=("geld",), title="Buurtborrel", description="Met bier en muziek.", team_size=2, received_on=TODAY
    )
    got = ranked(
        [
            fund("alfa", min_initiators=3),
            fund("bravo", deadline=date(2026, 3, 1)),
            fund("charlie", excludes="alcohol, bier"),
            fund("delta", excludes="sport"),
        ],
        the_idea,
    )
    reasons = {s.organisation_id: s.reasons for s in got}
    assert "fonds: vraagt minstens 3 mensen, dit idee heeft er 2 — past niet" in reasons["alfa"]
    assert "fonds: aanvragen kon tot 01-03-2026 — past niet" in reasons["bravo"]
    assert "fonds: steunt geen bier — past niet" in reasons["charlie"]
    assert not any(r.endswith("past niet") for r in reasons["delta"])
    assert names(got)[0] == "delta"


def test_an_organisation_that_offers_money_with_criteria_counts_as_a_fund() -> None:
    money_giver = org("alfa", kind="bedrijf", offers=frozenset({"geld"}), fund=FundCriteria(max_amount=Decimal("100")))
    got = ranked([money_giver], idea(needs=("geld",), requested_amount=Decimal("500")))
    assert not got[0].fits


def similar_idea(ident: str) -> IdeaProfile:
    return idea(id=ident, title="Samen iets doen in het park", description="Een middag met spelletjes.")


def test_an_accepted_koppeling_for_a_similar_idea_lifts() -> None:
    earlier = PastMatch(idea=similar_idea("eerder"), organisation_id="bravo", status="toegezegd")
    the_idea = idea(title="Samen iets doen in het park", description="Een middag met spelletjes en muziek.")
    got = ranked([org("alfa"), org("bravo")], the_idea, history=[earlier])
    assert names(got) == ["bravo", "alfa"]
    assert "hielp eerder bij een vergelijkbaar idee: Samen iets doen in het park" in got[0].reasons


def test_a_declined_koppeling_for_a_similar_idea_lowers() -> None:
    earlier = PastMatch(idea=similar_idea("eerder"), organisation_id="alfa", status="afgewezen")
    the_idea = idea(title="Samen iets doen in het park", description="Een middag met spelletjes en muziek.")
    got = ranked([org("alfa"), org("bravo")], the_idea, history=[earlier])
    assert names(got) == ["bravo", "alfa"]
    assert any(r.startswith("zei eerder nee bij een vergelijkbaar idee") for r in got[1].reasons)


def test_a_local_organisations_yes_in_its_own_wijk_does_not_lift_it_elsewhere() -> None:
    # Two community centres in Zuid: one said yes to a similar idea in Zuid. For an idea in Noord that yes shows
    # nothing (it helped where it is); for one more idea in Zuid it does.
    in_zuid = replace(similar_idea("eerder"), area_id="zuid", wijk_id="zuid")
    earlier = PastMatch(idea=in_zuid, organisation_id="bravo", status="toegezegd")
    centres = [org("alfa", **in_wijk("zuid")), org("bravo", **in_wijk("zuid"))]
    the_idea = idea(title="Samen iets doen in het park", description="Een middag met spelletjes en muziek.")
    in_noord = ranked(centres, the_idea, history=[earlier])
    assert not any("eerder " in r for s in in_noord for r in s.reasons)
    also_zuid = ranked(centres, replace(the_idea, area_id="zuid", wijk_id="zuid"), history=[earlier])
    assert names(also_zuid)[0] == "bravo"
    assert any(r.startswith("hielp eerder") for r in also_zuid[0].reasons)
    # A yes for an idea outside its own wijk does show that it travels.
    in_noord_before = replace(similar_idea("elders"), area_id="noord", wijk_id="noord")
    travelled = PastMatch(idea=in_noord_before, organisation_id="bravo", status="toegezegd")
    assert names(ranked(centres, the_idea, history=[travelled]))[0] == "bravo"


def test_an_outcome_for_an_unlike_idea_does_not_count() -> None:
    unlike = idea(
        id="ander", title="Schaakclub", description="Schaken op dinsdag.", needs=("geld",), themes=frozenset()
    )
    earlier = PastMatch(idea=unlike, organisation_id="bravo", status="afgerond")
    got = ranked([org("alfa"), org("bravo")], idea(title="Samen koken"), history=[earlier])
    assert names(got) == ["alfa", "bravo"]
    assert not any("eerder " in r for s in got for r in s.reasons)


def test_inactive_organisations_are_never_suggested() -> None:
    best = org("alfa", description="moestuin", active=False, areas=frozenset({"noord"}), wijken=frozenset({"noord"}))
    got = ranked([best, org("bravo")], idea(title="Moestuin"))
    assert names(got) == ["bravo"]
    index = MatchIndex([best], names=NAMES)
    assert rank_ideas(index, "alfa", [idea()]) == []


def test_coverage_the_top_three_cover_every_need() -> None:
    the_idea = idea(
        title="Repaircafé in het buurthuis",
        description="Repareren van fietsen, lampen en kleding met koffie.",
        needs=("ruimte", "geld", "vrijwilligers"),
    )
    advice = [
        org(
            f"advies{k}",
            offers=frozenset({"advies"}),
            description="Advies over repareren van fietsen, lampen, kleding.",
        )
        for k in range(4)
    ]
    providers = [
        org("zaal", offers=frozenset({"ruimte"})),
        org("fonds", offers=frozenset({"geld"})),
        org("handen", offers=frozenset({"vrijwilligers"})),
    ]
    got = ranked([*advice, *providers], the_idea, top=5)
    assert any(s.organisation_id.startswith("advies") for s in got), "the advice organisations do score"
    covered = {n for s in got[:3] for n in s.covered_needs}
    assert covered == {"ruimte", "geld", "vrijwilligers"}


def test_coverage_a_second_provider_of_a_covered_need_comes_after_one_for_an_open_need() -> None:
    the_idea = idea(needs=("ruimte", "vrijwilligers"))
    rooms = [org("zaal1"), org("zaal2")]
    hands = org("handen", offers=frozenset({"vrijwilligers"}), themes=frozenset())
    got = ranked([*rooms, hands], the_idea)
    assert names(got)[:2] in (["zaal1", "handen"], ["handen", "zaal1"])
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)


def test_coverage_money_adds_up_a_second_fund_comes_before_a_second_room() -> None:
    # A fund gives part of a budget (co-financing), so money from one fund does not cover the need for money; one
    # room does cover the need for a room. The second room is listed first, so a tie would put it third.
    the_idea = idea(needs=("ruimte", "geld"))
    orgs = [org("zaal1"), fund("fonds1"), org("zaal2"), fund("fonds2")]
    got = ranked(orgs, the_idea, top=4)
    assert sorted(names(got)[:2]) == ["fonds1", "zaal1"]
    assert names(got)[2:] == ["fonds2", "zaal2"]
    assert got[2].score - got[3].score >= 0.05
    assert [s.score for s in got] == sorted((s.score for s in got), reverse=True)
    # Money covered like any other help (and, like a room, bound to a place): the second fund and the second room
    # are alike again.
    alike = MatchIndex(orgs, names=NAMES, weights=replace(DEFAULT_WEIGHTS, cofunding=0.0, travels=False))
    again = rank(alike, the_idea, top=4, today=TODAY)
    assert names(again)[2:] == ["zaal2", "fonds2"]
    assert again[2].score == again[3].score


def test_existing_koppelingen_are_left_out_and_their_needs_count_as_covered() -> None:
    the_idea = idea(id="dit", needs=("ruimte", "vrijwilligers"))
    linked = [PastMatch(idea=the_idea, organisation_id="zaal1", status="benaderd", need_id="ruimte")]
    hands = org("handen", offers=frozenset({"vrijwilligers"}), themes=frozenset())
    got = ranked([org("zaal1"), org("zaal2"), hands], the_idea, linked=linked)
    assert "zaal1" not in names(got)
    assert names(got)[0] == "handen"


# --- reasons, scores, reverse ----------------------------------------------------------------------------------------


def test_reasons_are_dutch_and_name_the_evidence() -> None:
    local = org(
        "charlie",
        description="Wij beheren een moestuin voor ouderen.",
        offers=frozenset({"ruimte", "vrijwilligers"}),
        themes=frozenset({"duurzaamheid"}),
        areas=frozenset({"noord"}),
        wijken=frozenset({"noord"}),
        municipality_wide=False,
    )
    the_idea = idea(
        title="Moestuin voor ouderen",
        needs=("ruimte", "vrijwilligers"),
        themes=frozenset({"duurzaamheid"}),
    )
    got = ranked([local], the_idea)[0]
    assert got.reasons[:4] == [
        "kan helpen met ruimte en vrijwilligers",
        "werkt aan duurzaamheid",
        "zit in Noord (zelfde wijk)",
        "gaat ook over moestuin en ouderen",
    ]
    assert got.explanation[0] == Reason(why.OFFERS, ("ruimte", "vrijwilligers"))
    assert 0.0 <= got.score <= 1.0
    assert got.score == round(got.score, 2)


def test_scores_are_rounded_and_descending() -> None:
    got = ranked([org(f"o{k}", description="moestuin" * (k % 2)) for k in range(8)], idea(title="moestuin"), top=8)
    scores = [s.score for s in got]
    assert scores == sorted(scores, reverse=True)
    assert all(s == round(s, 2) and 0.0 <= s <= 1.0 for s in scores)


def test_reverse_view_ranks_the_ideas_an_organisation_fits() -> None:
    gardener = org("tuin", description="Wij beheren een moestuin.", themes=frozenset({"duurzaamheid"}))
    index = MatchIndex([gardener, org("bravo")], names=NAMES)
    garden = idea(id="tuinidee", title="Moestuin", themes=frozenset({"duurzaamheid"}))
    other = idea(id="sportidee", title="Voetbaltoernooi", needs=("geld",), themes=frozenset({"sport"}))
    linked = idea(id="al", title="Moestuin twee", themes=frozenset({"duurzaamheid"}))
    got = rank_ideas(index, "tuin", [other, garden, linked], linked={"al"}, today=TODAY)
    assert [s.idea_id for s in got] == ["tuinidee"]  # the football idea shares nothing; "al" is linked already
    assert got[0].organisation_id == "tuin"
    assert got[0].idea_title == "Moestuin"
    assert "gaat ook over moestuin" in got[0].reasons


def test_an_idea_without_anything_in_common_gets_nothing() -> None:
    assert ranked([org("alfa", offers=frozenset(), themes=frozenset())], idea(title="Xyz", themes=frozenset())) == []


def test_profiles_are_plain_and_hashable() -> None:
    a = org("alfa")
    assert replace(a, name="Ander").id == "alfa"
    assert hash(idea()) == hash(idea())


# --- signals that carry over to another municipality ----------------------------------------------------------------


def test_a_generalist_offering_every_kind_of_help_comes_after_the_specialist() -> None:
    # Both offer the room on the same subject, in the same place; one also claims every other kind of help.
    every = frozenset({"ruimte", "geld", "vrijwilligers", "advies", "materiaal"})
    generalist = org("alfa", offers=every)
    specialist = org("bravo", offers=frozenset({"ruimte"}))
    got = ranked([generalist, specialist], idea())
    assert names(got) == ["bravo", "alfa"]
    # Claiming n of the registry's kinds says less the larger n is, never more than a typical organisation's claim.
    index = MatchIndex([generalist, specialist], names=NAMES)
    assert index.specific[0] < 0.8
    assert index.specific[1] == 1.0
    flat = MatchIndex([generalist, specialist], names=NAMES, weights=replace(DEFAULT_WEIGHTS, specificity=0.0))
    assert flat.specific == [1.0, 1.0]


def test_a_general_support_organisation_does_not_take_the_first_place_from_a_partner_on_the_subject() -> None:
    # The volunteer centre covers both needs; the sports club one, on the idea's own subject. The club is the one a
    # broker phones first; the volunteer centre follows. Without the rule the centre would come first.
    the_idea = idea(title="Voetbaltoernooi", needs=("vrijwilligers", "advies"), themes=frozenset({"sport"}))
    centre = org(
        "alfa",
        name="Vrijwilligerscentrale",
        description="Wij zoeken vrijwilligers.",
        offers=frozenset({"vrijwilligers", "advies"}),
        themes=frozenset(),
    )
    club = org("bravo", description="Sportclub.", offers=frozenset({"advies"}), themes=frozenset({"sport"}))
    got = ranked([centre, club], the_idea)
    assert names(got) == ["bravo", "alfa"]
    eager = MatchIndex([centre, club], names=NAMES, weights=replace(DEFAULT_WEIGHTS, broad_first=1.0))
    assert names(rank(eager, the_idea, today=TODAY)) == ["alfa", "bravo"]


def test_a_room_counts_where_the_building_is_not_everywhere_the_organisation_serves() -> None:
    # Both serve Noord and Zuid; one says its hall is in Zuid, the other that it is in Noord.
    serves = {"areas": frozenset({"noord", "zuid"}), "wijken": frozenset({"noord", "zuid"}), "municipality_wide": False}
    elsewhere = org("alfa", description="Een zaal midden in Zuid, te huur voor bewoners.", **serves)
    here = org("bravo", description="Een zaal in het centrum van Noord, te huur voor bewoners.", **serves)
    got = ranked([elsewhere, here], idea(), places=["Noord", "Zuid"])
    assert names(got) == ["bravo", "alfa"]
    assert "let op: biedt ruimte in een andere wijk" in got[1].reasons
    assert not any(r.startswith("let op") for r in got[0].reasons)
    index = MatchIndex([elsewhere, here], names=NAMES, places=["Noord", "Zuid"])
    assert index.located == [frozenset({"zuid"}), frozenset({"noord"})]


def test_a_compound_with_a_generic_head_is_about_its_modifier() -> None:
    # "cafe" heads many compounds here (a format, not a subject): the taalcafe is about language.
    the_idea = idea(title="Taalcafe voor nieuwkomers", description="Nederlands oefenen.", needs=("ruimte",))
    repair = org("alfa", name="Repaircafe", description="Het cafe waar we samen repareren.")
    language = org("bravo", name="Taalhuis", description="Taal leren: lessen voor volwassenen in taal.")
    background = ["Een digicafe in het dorp.", "Een mantelzorgcafe.", "Een taalcafe.", "Een repaircafe."]
    got = ranked([repair, language], the_idea, background=background)
    assert names(got) == ["bravo", "alfa"]
    index = MatchIndex([repair, language], names=NAMES, background=background)
    assert "cafe" in index.analyser.generic
    plain = MatchIndex(
        [repair, language], names=NAMES, background=background, weights=replace(DEFAULT_WEIGHTS, generic_heads=False)
    )
    assert plain.analyser.generic == frozenset()


def test_a_compounds_parts_add_nothing_where_the_whole_word_matches() -> None:
    # Both texts say "nieuwkomers": one piece of evidence, however the word splits.
    the_idea = idea(title="Fietsles voor nieuwkomers", needs=("ruimte",), themes=frozenset())
    index = MatchIndex(
        [org("alfa", description="Hulp voor nieuwkomers.", themes=frozenset())],
        names=NAMES,
        background=["Nieuw in de wijk.", "Een komer en gaander."],
    )
    q = index.query(the_idea)
    whole = [t for t in q.terms if t not in q.part_of and "nieuwkom" in t]
    assert whole, q.terms
    from makelaar.domain.matching import _bm25  # the text signal itself

    only_whole = sum(q.terms[t] * index.idf[t] * index.doc_terms[0][t] for t in whole)
    assert _bm25(index, q, index.doc_terms[0]) == only_whole


def test_common_dutch_words_weigh_less_than_rare_ones() -> None:
    # The same number of organisations use each word; Dutch at large uses "werk" far more than "imker".
    index = MatchIndex(
        [org("alfa", description="imker"), org("bravo", description="werk")],
        names=NAMES,
    )
    assert index.idf["imker"] > index.idf["werk"]
    flat = MatchIndex(
        [org("alfa", description="imker"), org("bravo", description="werk")],
        names=NAMES,
        weights=replace(DEFAULT_WEIGHTS, general=0.0),
    )
    assert flat.idf["imker"] == flat.idf["werk"]


def test_time_and_quantity_words_are_no_shared_subject() -> None:
    # "Een keer per maand, met weinig geld" names when and how much, not what: an organisation that only shares
    # those words shares nothing with the idea.
    the_idea = idea(title="Ruilmarkt", description="Een ruilmarkt elke maand, voor mensen met weinig geld.")
    bare = {"offers": frozenset(), "themes": frozenset()}
    chance = org("alfa", description="Twee keer per maand open, voor wie weinig tijd heeft.", **bare)
    got = ranked([chance, org("bravo", description="Organiseert een ruilmarkt.", **bare)], the_idea)
    assert names(got) == ["bravo"]


def test_a_fund_for_an_idea_that_asks_no_money_is_no_reason_to_call() -> None:
    the_idea = idea(needs=("ruimte",))
    got = ranked([fund("alfa"), org("bravo", offers=frozenset({"advies"}))], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert Reason(why.FUND_NO_MONEY) in got[1].explanation


def test_a_funds_criteria_in_its_description_push_it_down_with_the_reason() -> None:
    the_idea = idea(
        title="Koffieochtend voor ouderen",
        description="Elke week koffie schenken. We zoeken geld voor koffie en gebak.",
        needs=("geld",),
        team_size=2,
    )
    picky = org(
        "alfa",
        kind="fonds",
        offers=frozenset({"geld"}),
        description="Fonds voor ontmoeting. Geen bijdrage aan eten en drinken.",
    )
    open_fund = org("bravo", kind="fonds", offers=frozenset({"geld"}), description="Fonds voor ontmoeting.")
    got = ranked([picky, open_fund], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert not got[1].fits
    assert "fonds: geen geld voor eten en drinken — past niet" in got[1].reasons


def test_an_area_fund_gives_no_money_outside_its_areas() -> None:
    village_fund = fund("alfa")
    village_fund = replace(village_fund, municipality_wide=False, areas=frozenset({"zuid"}), wijken=frozenset({"zuid"}))
    got = ranked([village_fund, fund("bravo")], idea(needs=("geld",)))
    assert names(got) == ["bravo", "alfa"]
    assert "fonds: alleen voor Zuid — past niet" in got[1].reasons


def test_money_for_an_organisations_own_people_does_not_cover_anyone_elses_idea() -> None:
    corporation = org(
        "alfa",
        kind="woningcorporatie",
        offers=frozenset({"geld", "advies"}),
        description="Verhuurt woningen; heeft een budget voor initiatieven van eigen huurders.",
    )
    the_idea = idea(needs=("geld",), title="Buurtfeest")
    got = ranked([corporation, fund("bravo")], the_idea)
    assert names(got) == ["bravo", "alfa"]
    assert "let op: het geld is alleen voor eigen huurders" in got[1].reasons
    assert "geld" not in got[1].covered_needs
    tenants = replace(the_idea, title="Huurders maken een moestuin")
    assert "geld" in ranked([corporation], tenants)[0].covered_needs


def test_a_closed_idea_gets_no_suggestions() -> None:
    for status in ("gerealiseerd", "doorverwezen", "gestopt", "zelfstandig verder", "geen contact meer"):
        assert ranked([org("alfa")], idea(status=status)) == []
    assert names(ranked([org("alfa")], idea(status="in uitvoering"))) == ["alfa"]


def test_labels_are_words_not_numbers() -> None:
    from makelaar.domain.matching import label

    assert label(0.8) == "goed"
    assert label(0.2) == "mogelijk"
    assert label(0.9, fits=False) == "mogelijk"
    got = ranked([org("alfa")], idea())[0]
    assert got.label in ("goed", "mogelijk")


def test_a_criterion_stored_in_words_is_checked_once() -> None:
    # An import writes "geen bijdrage aan eten en drinken" into the fund's own list; the description says it too.
    the_idea = idea(title="Eetpunt", description="Samen eten en drinken. Geld voor de boodschappen.", needs=("geld",))
    stated = fund("alfa", excludes="geen bijdrage aan eten en drinken")
    stated = replace(stated, description="Geen bijdrage aan eten en drinken.")
    got = ranked([stated], the_idea)[0]
    assert [r for r in got.explanation if r.misfit] == [Reason(why.FUND_NO_FOOD)]


def test_advice_travels_a_room_does_not() -> None:
    # Both work only in Zuid, where their providers are local; the idea is in Noord. Advice from Zuid keeps its value
    # and gets no warning; a room in Zuid does.
    registry = [
        org("alfa", offers=frozenset({"advies"}), **in_wijk("zuid")),
        org("bravo", offers=frozenset({"ruimte"}), **in_wijk("zuid")),
        org("charlie", offers=frozenset({"advies", "ruimte"}), **in_wijk("noord")),
    ]
    the_idea = idea(needs=("advies", "ruimte"))
    index = MatchIndex(registry, names=NAMES)
    assert index.locality["advies"] > 0.5  # its providers here happen to be local ...
    assert index.bound["advies"] <= 0.2  # ... but advice is not bound to a place
    assert index.bound["ruimte"] == index.locality["ruimte"]
    got = {s.organisation_id: s for s in ranked(registry, the_idea)}
    assert not any(r.kind == why.FAR for r in got["alfa"].explanation)
    assert Reason(why.FAR, ("ruimte",)) in got["bravo"].explanation
    bound = MatchIndex(registry, names=NAMES, weights=replace(DEFAULT_WEIGHTS, travels=False))
    assert bound.bound["advies"] == bound.locality["advies"]


def test_preparing_the_index_ahead_changes_no_ranking() -> None:
    earlier = PastMatch(idea=similar_idea("eerder"), organisation_id="bravo", status="toegezegd")
    orgs = [org("alfa", description="Zaal voor spelletjes."), org("bravo"), org("charlie", description="Muziek.")]
    the_idea = idea(title="Samen iets doen in het park", description="Een middag met spelletjes en muziek.")

    def made() -> MatchIndex:
        return MatchIndex(orgs, names=NAMES, history=[earlier])

    prepared = made()
    prepared.prepare()
    assert prepared._past_rows and prepared._vectors is not None  # made ahead, not on first use
    ahead = rank(prepared, the_idea, today=TODAY)
    on_demand = rank(made(), the_idea, today=TODAY)
    assert [(s.organisation_id, s.score, s.reasons) for s in ahead] == [
        (s.organisation_id, s.score, s.reasons) for s in on_demand
    ]
