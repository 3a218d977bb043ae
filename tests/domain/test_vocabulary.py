"""Matching list values to the vocabulary: case, accents and spaces do not matter."""

from __future__ import annotations

from makelaar.domain.enums import MATCH_TRANSITIONS, MatchStatus
from makelaar.domain.vocabulary import DEFAULT_TERMS, normalise, split_list


def test_normalise_folds_case_accents_and_spaces() -> None:
    assert normalise("  Coöperatie ") == "cooperatie"
    assert normalise("Openbare   Ruimte") == "openbare ruimte"
    assert normalise("ËIKENLAAN") == normalise("eikenlaan")


def test_split_list_drops_empty_values() -> None:
    assert split_list("welzijn, zorg;; sport ,") == ["welzijn", "zorg", "sport"]
    assert split_list("") == []
    assert split_list(None) == []


def test_default_terms_have_unique_keys_and_names() -> None:
    for entries in DEFAULT_TERMS.values():
        keys = [k for k, _ in entries]
        names = [normalise(n) for _, n in entries]
        assert len(set(keys)) == len(keys)
        assert len(set(names)) == len(names)


def test_match_statuses_follow_the_design() -> None:
    assert MatchStatus.APPROACHED in MATCH_TRANSITIONS[MatchStatus.PROPOSED]
    assert MatchStatus.COMMITTED in MATCH_TRANSITIONS[MatchStatus.APPROACHED]
    assert MatchStatus.DONE in MATCH_TRANSITIONS[MatchStatus.COMMITTED]
    assert MatchStatus.DONE not in MATCH_TRANSITIONS[MatchStatus.PROPOSED]
    assert set(MATCH_TRANSITIONS) == set(MatchStatus)


def test_split_list_splits_on_line_breaks_from_excel_cells() -> None:
    # Alt+Enter in an Excel cell puts a line break between the values.
    assert split_list("Centrum\nOosterhoek") == ["Centrum", "Oosterhoek"]
    assert split_list("welzijn\r\nzorg,\n sport") == ["welzijn", "zorg", "sport"]
