"""The municipality's own word lists and areas, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from makelaar.domain.enums import AreaKind, Vocabulary
from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.records import IdeaData
from makelaar.domain.vocabulary import DEFAULT_TERMS
from makelaar.services import ideas, vocabulary
from makelaar.storage.store import Store
from tests.conftest import term_id


def test_default_vocabulary_is_seeded_in_order(any_store: Store) -> None:
    with any_store.begin() as s:
        for vocab, entries in DEFAULT_TERMS.items():
            terms = vocabulary.list_terms(s, vocab)
            assert [(t.key, t.name) for t in terms] == entries
        [wide] = [a for a in vocabulary.list_areas(s) if a.municipality_wide]
        assert wide.name == "hele gemeente"


def test_rename_keeps_the_key(any_store: Store) -> None:
    with any_store.begin() as s:
        green = term_id(s, Vocabulary.THEME, "duurzaamheid")
        renamed = vocabulary.rename_term(s, green, "  Klimaat en  energie ")
    assert (renamed.id, renamed.key, renamed.name) == (green, "duurzaamheid", "Klimaat en energie")
    with any_store.begin() as s:
        # Imports and matching still recognise the entry by its stable key, and by its new name.
        assert term_id(s, Vocabulary.THEME, "duurzaamheid") == green
        assert term_id(s, Vocabulary.THEME, "KLIMAAT EN ENERGIE") == green
        assert "Klimaat en energie" in [t.name for t in vocabulary.list_terms(s, Vocabulary.THEME)]


def test_retired_term_is_no_longer_offered_but_stays_on_old_ideas(any_store: Store) -> None:
    with any_store.begin() as s:
        sport = term_id(s, Vocabulary.THEME, "sport")
        idea = ideas.save_idea(s, IdeaData(title="Cruijff court", theme_ids=[sport]))
        retired = vocabulary.retire_term(s, sport)
    assert retired.retired
    with any_store.begin() as s:
        assert sport not in [t.id for t in vocabulary.list_terms(s, Vocabulary.THEME)]
        assert sport in [t.id for t in vocabulary.list_terms(s, Vocabulary.THEME, include_retired=True)]
        assert ideas.get_idea(s, idea.id or "").theme_ids == [sport]
        # And it can come back.
        assert not vocabulary.retire_term(s, sport, retired=False).retired
        assert sport in [t.id for t in vocabulary.list_terms(s, Vocabulary.THEME)]


@pytest.mark.parametrize("name", ["Duurzaamheid", " DUURZAAMHEID ", "duurzaamhéid"])
def test_duplicate_names_are_refused_without_regard_to_case_or_accents(any_store: Store, name: str) -> None:
    with pytest.raises(KnownError, match="staat al in de lijst"), any_store.begin() as s:
        vocabulary.add_term(s, Vocabulary.THEME, name)
    with any_store.begin() as s:
        coop = term_id(s, Vocabulary.ORGANISATION_KIND, "cooperatie")
        with pytest.raises(KnownError, match="staat al in de lijst"):
            vocabulary.add_term(s, Vocabulary.ORGANISATION_KIND, "Cooperatie")
        with pytest.raises(KnownError, match="staat al in de lijst"):
            vocabulary.rename_term(s, term_id(s, Vocabulary.ORGANISATION_KIND, "fonds"), "COÖPERATIE")
        # Renaming an entry to a spelling of its own name is fine.
        assert vocabulary.rename_term(s, coop, "Coöperatie").name == "Coöperatie"


def test_same_name_in_another_list_is_fine_and_new_terms_go_last(any_store: Store) -> None:
    with any_store.begin() as s:
        # "onderwijs" is both a theme and an organisation kind by default; "organisatie" is a type of help.
        added = vocabulary.add_term(s, Vocabulary.THEME, "Organisatie")
        themes = vocabulary.list_terms(s, Vocabulary.THEME)
    assert themes[-1] == added
    assert added.key is None
    with pytest.raises(KnownError, match="verplicht"), any_store.begin() as s:
        vocabulary.add_term(s, Vocabulary.THEME, "   ")


def test_missing_term_is_not_found(any_store: Store) -> None:
    with pytest.raises(NotFoundError), any_store.begin() as s:
        vocabulary.rename_term(s, "bestaat-niet", "x")


def test_areas_nest_and_list_in_tree_order(any_store: Store) -> None:
    with any_store.begin() as s:
        zuid = vocabulary.add_area(s, "Zuid")
        noord = vocabulary.add_area(s, "Noord")
        vocabulary.add_area(s, "Vogelwijk", AreaKind.NEIGHBOURHOOD, parent_id=noord.id)
        vocabulary.add_area(s, "Bloemenbuurt", AreaKind.NEIGHBOURHOOD, parent_id=zuid.id)
        names = [a.name for a in vocabulary.list_areas(s)]
        assert names == ["hele gemeente", "Noord", "Vogelwijk", "Zuid", "Bloemenbuurt"]
        with pytest.raises(KnownError, match="al een gebied"):
            vocabulary.add_area(s, " noord ")
        with pytest.raises(KnownError, match="al een gebied"):
            vocabulary.rename_area(s, zuid.id, "NOORD")
        assert vocabulary.rename_area(s, zuid.id, "Zuid-West").name == "Zuid-West"
        assert vocabulary.find_area(s, "zuid-west") == vocabulary.rename_area(s, zuid.id, "Zuid-West")


def test_hele_gemeente_cannot_be_retired_but_a_wijk_can(any_store: Store) -> None:
    with any_store.begin() as s:
        wide = vocabulary.municipality_area(s)
        with pytest.raises(KnownError, match="kan niet worden uitgezet"):
            vocabulary.retire_area(s, wide.id)
        oost = vocabulary.add_area(s, "Oost")
        assert vocabulary.retire_area(s, oost.id).retired
        assert "Oost" not in [a.name for a in vocabulary.list_areas(s)]
        assert "Oost" in [a.name for a in vocabulary.list_areas(s, include_retired=True)]
    with any_store.begin() as s:
        assert not vocabulary.municipality_area(s).retired
        assert vocabulary.municipality_area(s).id == wide.id  # not created twice


def test_settings_are_kept_in_the_store(any_store: Store) -> None:
    with any_store.begin() as s:
        assert vocabulary.municipality_name(s) == vocabulary.DEFAULT_MUNICIPALITY
        vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, "Brugwoude")
        vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, "Brugwoude-Oost")
    with any_store.begin() as s:
        assert vocabulary.municipality_name(s) == "Brugwoude-Oost"
