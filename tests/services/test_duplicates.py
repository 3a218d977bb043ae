"""Duplicate organisations: finding likely pairs, "geen dubbel", and merging without losing anything."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import event, select, update
from sqlalchemy.orm import Session

from makelaar.domain.enums import ActivityKind, MatchStatus, Vocabulary
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.records import ContactData, IdeaData, OrganisationData
from makelaar.services import activities, duplicates, ideas, matches, organisations, vocabulary
from makelaar.services.duplicates import KEEP, OTHER, MergeChoices
from makelaar.storage.models import Activity, Contact, Match, Organisation, Setting
from makelaar.storage.store import Store
from tests.conftest import count_rows, term_id


def _org(s: Session, name: str, **fields: object) -> str:
    saved = organisations.save_organisation(s, OrganisationData(name=name, **fields))  # type: ignore[arg-type]
    assert saved.id is not None
    return saved.id


def _reasons(pairs: list[duplicates.DuplicatePair], x: str, y: str) -> tuple[str, ...]:
    for p in pairs:
        if {p.a_id, p.b_id} == {x, y}:
            return p.reasons
    return ()


# --- finding ---------------------------------------------------------------------------------------------------------


def test_each_reason_finds_its_pair_and_nothing_else(any_store: Store) -> None:
    with any_store.begin() as s:
        kern = _org(s, "Buurthuis De Kern")
        kern_spaces = _org(s, "Buurthuis de  Kern ")
        kern_legal = _org(s, "Stichting Buurthuis De Kern")
        keern = _org(s, "Buurthuis De Keern")
        brug = _org(s, "Buurthuis De Brug")  # a different buurthuis: no pair with De Kern
        kvk_a = _org(s, "Voetbalvereniging Oost", kvk="12345678")
        kvk_b = _org(s, "Atletiekclub Zuid", kvk="1234 5678")
        web_a = _org(s, "Repair Café Lindelaan", website="www.repair-lindelaan.nl")
        web_b = _org(s, "Reparatiepunt Molenweg", website="https://repair-lindelaan.nl/")
        mail_a = _org(s, "Taalhuis Centrum", email="info@taalhuis.nl")
        mail_b = _org(s, "Leesclub Havenkwartier", email="Info@Taalhuis.nl")
        phone_a = _org(s, "Voedselbank Brugwoude", phone="038 123 4567")
        phone_b = _org(s, "Kledingruil Oosterpark")
        lonely = _org(s, "Natuurwerkgroep Ellerhoek", kvk="87654321", website="natuur.nl", phone="06 12345678")
        # An import or another program may have stored the number as typed.
        s.execute(update(Organisation).where(Organisation.id == phone_b).values(phone="+31 (0)38-1234567"))
        pairs = duplicates.find_duplicates(s)

    kern_family = [kern, kern_spaces, kern_legal]
    expected = {
        frozenset(p)
        for p in [
            (kern, kern_spaces),
            (kern, kern_legal),
            (kern_spaces, kern_legal),
            (kern, keern),
            (kern_spaces, keern),
            (kern_legal, keern),
            (kvk_a, kvk_b),
            (web_a, web_b),
            (mail_a, mail_b),
            (phone_a, phone_b),
        ]
    }
    assert {frozenset((p.a_id, p.b_id)) for p in pairs} == expected
    for x in kern_family:
        assert _reasons(pairs, x, keern) == ("bijna dezelfde naam",)
        assert _reasons(pairs, x, brug) == ()
    assert _reasons(pairs, kern, kern_legal) == ("zelfde naam",)
    assert _reasons(pairs, kvk_a, kvk_b) == ("zelfde KvK-nummer",)
    assert _reasons(pairs, web_a, web_b) == ("zelfde website",)
    assert _reasons(pairs, mail_a, mail_b) == ("zelfde e-mailadres",)
    assert _reasons(pairs, phone_a, phone_b) == ("zelfde telefoonnummer",)
    assert not any(p.involves(lonely) for p in pairs)
    # The older record comes first (the default survivor); the likeliest pairs first.
    assert all(p.a_reference < p.b_reference for p in pairs)
    assert pairs[0].score >= pairs[-1].score


def test_reasons_add_up_and_inactive_organisations_count(store: Store) -> None:
    with store.begin() as s:
        a = _org(s, "Speeltuinvereniging Het Hofje", kvk="11112222", email="bestuur@hofje.nl")
        b = _org(s, "Speeltuin Het Hofje", kvk="11112222", email="bestuur@hofje.nl", active=False)
        pairs = duplicates.find_duplicates(s)
    assert len(pairs) == 1
    assert pairs[0].reasons == ("zelfde KvK-nummer", "zelfde e-mailadres")
    assert (pairs[0].a_id, pairs[0].b_id, pairs[0].b_active) == (a, b, False)
    assert pairs[0].score > 0.95


def test_a_value_many_share_is_no_pair_signal(store: Store) -> None:
    with store.begin() as s:
        for i in range(duplicates.MAX_GROUP + 1):
            _org(s, f"Gemeente team {'abcdefghijklmnopq'[i]}{i}", phone="14 038")
        assert duplicates.find_duplicates(s) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://www.de-kern.nl/", "de-kern.nl"),
        ("http://WWW.De-Kern.nl", "https://de-kern.nl/?utm=x"),
        ("facebook.com/dekern/", "https://www.facebook.com/dekern"),
    ],
)
def test_website_key_ignores_how_it_is_written(a: str, b: str) -> None:
    assert duplicates.website_key(a) == duplicates.website_key(b)


def test_website_key_keeps_the_path() -> None:
    assert duplicates.website_key("facebook.com/dekern") != duplicates.website_key("facebook.com/debrug")


@pytest.mark.parametrize("written", ["038-1234567", "+31 38 123 4567", "0031 (0)38 1234567", "038 123 4567"])
def test_phone_key_is_the_same_number_however_written(written: str) -> None:
    assert duplicates.phone_key(written) == "0381234567"


def test_phone_key_of_a_foreign_number_and_of_nothing() -> None:
    assert duplicates.phone_key("+32 2 123 45 67") == duplicates.phone_key("0032 2 1234567") == "+3221234567"
    assert duplicates.phone_key("  ") is None


@pytest.mark.parametrize(
    ("a", "b", "similar"),
    [
        ("kern", "keern", True),
        ("buurthuis", "buurthius", True),
        ("vrijwilligerscentrale", "vrijwiligerscentrle", True),
        ("kern", "kerk", False),  # one letter in four is too much
        ("12", "13", False),
        ("oosterpark", "oosterhof", False),
    ],
)
def test_word_similarity_allows_a_typo(a: str, b: str, similar: bool) -> None:
    assert (duplicates.word_similarity(a, b) >= 0.8) is similar


def test_a_word_more_is_near_a_word_replaced_is_not(store: Store) -> None:
    with store.begin() as s:
        short = _org(s, "De Kern")
        longer = _org(s, "Buurthuis De Kern")
        alone = _org(s, "Kern")
        longest = _org(s, "Buurthuis De Kern Zuid")
        team_a = _org(s, "Team Openbare Ruimte Oosterpark")
        team_b = _org(s, "Team Openbare Ruimte Oosterhof")
        for filler in ("Zwembad Het Wiel", "Sportpark De Wiel", "Muziekschool Allegro", "Bibliotheek Noord"):
            _org(s, filler)
        pairs = duplicates.find_duplicates(s)
    assert _reasons(pairs, short, longer) == ("bijna dezelfde naam",)
    assert _reasons(pairs, team_a, team_b) == ()
    assert _reasons(pairs, alone, longest) == ()


# --- geen dubbel -----------------------------------------------------------------------------------------------------


def test_a_dismissed_pair_stays_dismissed(any_store: Store) -> None:
    with any_store.begin() as s:
        a = _org(s, "Buurthuis De Kern")
        b = _org(s, "Buurthuis de Kern")
        c = _org(s, "Buurthuis De Keern")
    with any_store.begin() as s:
        duplicates.dismiss(s, b, a)
        duplicates.dismiss(s, a, b)  # twice is once
    with any_store.begin() as s:
        pairs = duplicates.find_duplicates(s)
        everything = duplicates.find_duplicates(s, include_dismissed=True)
        stored = list(s.scalars(select(Setting).where(Setting.key.startswith(duplicates.DISMISSED_PREFIX))))
    assert {frozenset((p.a_id, p.b_id)) for p in pairs} == {frozenset((a, c)), frozenset((b, c))}
    assert frozenset((a, b)) in {frozenset((p.a_id, p.b_id)) for p in everything}
    assert len(stored) == 1 and len(stored[0].key) <= 64 and set(stored[0].value.split()) == {a, b}
    with any_store.begin() as s:
        duplicates.undismiss(s, a, b)
        assert len(duplicates.find_duplicates(s)) == 3


def test_dismissing_needs_two_existing_organisations(store: Store) -> None:
    with store.begin() as s:
        a = _org(s, "Buurthuis De Kern")
        with pytest.raises(KnownError):
            duplicates.dismiss(s, a, a)
        with pytest.raises(NotFoundError):
            duplicates.dismiss(s, a, "00000000-0000-0000-0000-000000000000")


def test_a_dismissal_carries_over_to_the_survivor(store: Store) -> None:
    with store.begin() as s:
        keep = _org(s, "Buurthuis De Kern", email="info@dekern.nl")
        other = _org(s, "Stichting Buurthuis De Kern")
        third = _org(s, "Buurthuis de Keern", email="info@dekern.nl")  # the broker knows: another one
        duplicates.dismiss(s, other, third)
        duplicates.dismiss(s, keep, third)
    with store.begin() as s:
        duplicates.merge(s, keep, other)
    with store.begin() as s:
        assert duplicates.find_duplicates(s) == []
        assert duplicates.dismissed_pairs(s) == {tuple(sorted((keep, third)))}


# --- merging ---------------------------------------------------------------------------------------------------------


@dataclass
class Registry:
    keep: str
    other: str
    garden: str
    dinner: str
    ruimte: str
    vrijwilligers: str
    noord: str
    zuid: str


def _registry(store: Store) -> Registry:
    """Two records of one buurthuis, each with contacts, koppelingen and a timeline; both have a koppeling with
    the garden idea for ruimte."""
    with store.begin() as s:
        ruimte = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        vrijwilligers = term_id(s, Vocabulary.HELP_TYPE, "vrijwilligers")
        welzijn = term_id(s, Vocabulary.THEME, "welzijn")
        cultuur = term_id(s, Vocabulary.THEME, "cultuur")
        noord = vocabulary.add_area(s, "Noord").id
        zuid = vocabulary.add_area(s, "Zuid").id
        keep = _org(
            s,
            "Buurthuis De Kern",
            email="bestuur@dekern.nl",
            offer_ids=[ruimte],
            theme_ids=[welzijn],
            area_ids=[noord],
            contacts=[ContactData(name="Jan de Vries", email="jan@dekern.nl")],
        )
        other = _org(
            s,
            "Stichting Buurthuis De Kern",
            description="Het buurthuis aan de Lindelaan.",
            website="www.dekern.nl",
            email="info@dekern.nl",
            kvk="12345678",
            offer_ids=[ruimte, vrijwilligers],
            theme_ids=[cultuur],
            area_ids=[zuid, noord],
            contacts=[
                ContactData(name="Jan de Vries", email="JAN@dekern.nl", role="beheerder", phone="06 12345678"),
                ContactData(name="Piet Bakker", role="voorzitter"),
            ],
        )
        garden = ideas.save_idea(s, IdeaData(title="Moestuin", need_ids=[ruimte, vrijwilligers])).id
        dinner = ideas.save_idea(s, IdeaData(title="Samen eten", need_ids=[ruimte])).id
        assert garden and dinner
        other_jan = next(c.id for c in organisations.list_contacts(s, other) if c.name == "Jan de Vries")
        matches.create_match(
            s, idea_id=garden, organisation_id=keep, need_id=ruimte, note="Zaal is op dinsdag vrij.", author="A"
        )
        matches.create_match(
            s,
            idea_id=garden,
            organisation_id=other,
            need_id=ruimte,
            status=MatchStatus.APPROACHED,
            contact_id=other_jan,
            note="Jan belt terug.",
            author="B",
        )
        matches.create_match(s, idea_id=garden, organisation_id=other, need_id=vrijwilligers, author="B")
        matches.create_match(s, idea_id=dinner, organisation_id=other, need_id=None, author="B")
        activities.add_activity(s, kind=ActivityKind.CALL, text="Gebeld met Jan.", organisation_id=other)
        activities.add_activity(s, kind=ActivityKind.NOTE, text="Sleutel bij de buren.", organisation_id=keep)
    return Registry(keep, other, garden, dinner, ruimte, vrijwilligers, noord, zuid)


def test_merge_keeps_every_koppeling_contact_and_timeline_entry(any_store: Store) -> None:
    r = _registry(any_store)
    with any_store.begin() as s:
        activity_ids = set(s.scalars(select(Activity.id)))
        matches_before = count_rows(s, Match)
        seen = duplicates.compare(s, r.keep, r.other)
    assert (seen.a.matches, seen.a.contacts, seen.b.matches, seen.b.contacts) == (1, 1, 3, 2)

    deleted: list[object] = []
    with any_store.begin() as s:
        event.listen(s, "persistent_to_deleted", lambda _s, obj: deleted.append(obj))
        result = duplicates.merge(
            s,
            r.keep,
            r.other,
            MergeChoices(keep_version=seen.a.data.version, other_version=seen.b.data.version),
            author="Test",
        )
    assert (result.matches_moved, result.matches_combined) == (2, 1)
    assert (result.contacts_moved, result.contacts_combined) == (1, 1)
    # Deleted through the ORM (the exchange between laptops records ORM deletions), not by a bulk DELETE.
    assert any(isinstance(o, Organisation) and o.id == r.other for o in deleted)

    with any_store.begin() as s:
        assert s.get(Organisation, r.other) is None
        # Every koppeling: two moved, the two for the garden and ruimte became one.
        assert count_rows(s, Match) == matches_before - 1
        rows = matches.matches_for_organisation(s, r.keep)
        assert sorted((m.idea_id, m.need) for m in rows) == sorted(
            [(r.garden, "ruimte"), (r.garden, "vrijwilligers"), (r.dinner, "")]
        )
        combined = next(m for m in rows if m.idea_id == r.garden and m.need == "ruimte")
        assert combined.status == MatchStatus.APPROACHED.value  # the more advanced one
        assert combined.note == "Zaal is op dinsdag vrij.\n\nJan belt terug."
        assert combined.contact == "Jan de Vries"
        # Every timeline entry is still there and none points at the removed organisation or koppeling.
        after = {a.id: a for a in s.scalars(select(Activity))}
        assert activity_ids <= set(after)
        assert len(after) == len(activity_ids) + 2  # "Samengevoegd met ..." and one on the combined koppeling
        assert all(a.organisation_id != r.other for a in after.values())
        match_ids = set(s.scalars(select(Match.id)))
        assert all(a.match_id is None or a.match_id in match_ids for a in after.values())
        on_combined = [a for a in after.values() if a.match_id == combined.id]
        assert len(on_combined) == 3  # both "koppeling gemaakt" lines and the note about the merge
        timeline = activities.list_activities(s, organisation_id=r.keep)
        texts = [a.text for a in timeline]
        assert "Gebeld met Jan." in texts and "Sleutel bij de buren." in texts
        merged_line = next(a for a in timeline if a.text.startswith("Samengevoegd met"))
        assert merged_line.text.startswith("Samengevoegd met Stichting Buurthuis De Kern (O-")
        assert merged_line.author == "Test"
        # Contacts: Jan once (with what the other knew of him), Piet moved.
        contacts = {c.name: c for c in organisations.list_contacts(s, r.keep)}
        assert set(contacts) == {"Jan de Vries", "Piet Bakker"}
        assert (contacts["Jan de Vries"].role, contacts["Jan de Vries"].phone) == ("beheerder", "06 12345678")
        assert count_rows(s, Contact) == 2
        # Fields: keep's values, the other's where keep had none; offers, themes and areas united.
        data = organisations.get_organisation(s, r.keep)
        assert (data.name, data.email) == ("Buurthuis De Kern", "bestuur@dekern.nl")
        assert (data.website, data.kvk, data.description) == (
            "https://www.dekern.nl",
            "12345678",
            "Het buurthuis aan de Lindelaan.",
        )
        assert set(data.offer_ids) == {r.ruimte, r.vrijwilligers}
        assert len(data.theme_ids) == 2
        assert set(data.area_ids) == {r.noord, r.zuid}
        assert data.version is not None and data.version > (seen.a.data.version or 0)


def test_merge_applies_the_chosen_values(any_store: Store) -> None:
    r = _registry(any_store)
    with any_store.begin() as s:
        duplicates.merge(
            s,
            r.keep,
            r.other,
            MergeChoices(fields={"name": OTHER, "email": OTHER, "website": KEEP, "description": KEEP}),
        )
    with any_store.begin() as s:
        data = organisations.get_organisation(s, r.keep)
    assert (data.name, data.email) == ("Stichting Buurthuis De Kern", "info@dekern.nl")
    assert (data.website, data.description) == (None, "")  # keep's empty values, as chosen
    assert data.kvk == "12345678"  # not chosen: the other's, keep had none


def test_choices_from_the_side_by_side_view(store: Store) -> None:
    r = _registry(store)
    with store.begin() as s:
        seen = duplicates.compare(s, r.keep, r.other)
    assert set(seen.differing()) >= {"name", "email", "website", "kvk", "description"}
    assert "city" not in seen.differing()
    # The broker keeps B (the other) and takes A's name.
    choices = duplicates.merge_choices_for(seen, keep_is_a=False, picked={"name": "a", "email": "b"})
    assert choices.fields == {"name": OTHER, "email": KEEP}
    assert (choices.keep_version, choices.other_version) == (seen.b.data.version, seen.a.data.version)
    with store.begin() as s:
        duplicates.merge(s, r.other, r.keep, choices)
    with store.begin() as s:
        data = organisations.get_organisation(s, r.other)
        assert s.get(Organisation, r.keep) is None
    assert (data.name, data.email) == ("Buurthuis De Kern", "info@dekern.nl")


def test_merge_refuses_when_either_record_changed_since_it_was_seen(any_store: Store) -> None:
    r = _registry(any_store)
    with any_store.begin() as s:
        seen = duplicates.compare(s, r.keep, r.other)
    with any_store.begin() as s:
        edited = organisations.get_organisation(s, r.other)
        edited.city = "Zwolle"
        organisations.save_organisation(s, edited)
    choices = MergeChoices(keep_version=seen.a.data.version, other_version=seen.b.data.version)
    with (
        pytest.raises(KnownError, match=r"Stichting Buurthuis De Kern .* is gewijzigd nadat je"),
        any_store.begin() as s,
    ):
        duplicates.merge(s, r.keep, r.other, choices)
    with any_store.begin() as s:
        assert s.get(Organisation, r.other) is not None
        assert len(matches.matches_for_organisation(s, r.keep)) == 1


def test_an_inactive_organisation_can_be_merged(store: Store) -> None:
    with store.begin() as s:
        keep = _org(s, "Buurthuis De Kern", active=False)
        other = _org(s, "Buurthuis de Kern")
        duplicates.merge(s, keep, other, MergeChoices(fields={"active": OTHER}))
    with store.begin() as s:
        assert organisations.get_organisation(s, keep).active is True
        assert s.get(Organisation, other) is None


def test_merge_with_itself_or_a_missing_record_is_refused(store: Store) -> None:
    with store.begin() as s:
        keep = _org(s, "Buurthuis De Kern")
        with pytest.raises(KnownError, match="met zichzelf"):
            duplicates.merge(s, keep, keep)
        with pytest.raises(NotFoundError):
            duplicates.merge(s, keep, "00000000-0000-0000-0000-000000000000")
