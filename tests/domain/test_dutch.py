"""Dutch text for matching: folding, stop words, stemming and compound splitting."""

from __future__ import annotations

from makelaar.domain.dutch import (
    SUPPORT_TERMS,
    Analyser,
    Lexicon,
    compound_parts,
    content_terms,
    fold,
    is_head,
    related_terms,
    stem,
    words,
)


def terms_of(text: str, analyser: Analyser | None = None) -> set[str]:
    return set((analyser or Analyser()).analyse(text).terms)


def test_fold_removes_case_and_diacritics() -> None:
    assert fold("Coöperatie CAFÉ") == "cooperatie cafe"
    assert fold("enquête") == "enquete"


def test_words_keep_the_written_form_next_to_the_folded_one() -> None:
    assert words("Het Reparatiecafé, één!") == [("het", "het"), ("reparatiecafe", "reparatiecafé"), ("een", "één")]
    assert words("a b") == []  # single letters are no words


def test_stop_words_are_left_out() -> None:
    assert terms_of("de en het van een voor met") == set()
    assert content_terms("Wij willen graag een moestuin") == {stem("moestuin")}


def test_stemming_joins_inflections() -> None:
    assert stem("moestuinen") == stem("moestuin")
    assert stem("ouderen") == stem("oudere")
    # Long and short vowels: koor/koren, zonnedak/zonnedaken.
    assert stem("koren") == stem("koor")
    assert stem("zonnedaken") == stem("zonnedak")


def test_parents_and_the_elderly_keep_their_own_stems() -> None:
    # Snowball stems both "ouders" (parents) and "ouderen" (the elderly) to "ouder".
    assert stem("ouderen") != stem("ouders")
    assert stem("oudere") == stem("ouderen")
    assert stem("ouders") == stem("ouder")


def test_diacritics_do_not_matter_for_terms() -> None:
    assert terms_of("Reparatiecafé") == terms_of("reparatiecafe")
    assert terms_of("ENQUÊTE") == terms_of("enquete")


def test_a_compound_splits_into_known_words() -> None:
    lexicon = Lexicon(["buurt", "moestuin"])
    assert compound_parts("buurtmoestuin", lexicon) == ["buurt", "moestuin"]
    # A linking -s- between the parts.
    assert set(compound_parts("verkeersveiligheid", Lexicon(["verkeer", "veiligheid"]))) >= {"verkeer", "veiligheid"}


def test_a_compound_splits_when_only_one_side_is_known() -> None:
    # Nobody in the registry writes "moestuin" alone, but "buurt" is known: the rest is still a part.
    assert "moestuin" in compound_parts("buurtmoestuin", Lexicon(["buurt"]))
    # The head known, the modifier not: "dijk" + "straat".
    assert "straat" in compound_parts("dijkstraat", Lexicon(["straten"]))


def test_no_split_without_a_known_word_or_into_fragments() -> None:
    assert compound_parts("buurtmoestuin", Lexicon()) == []
    assert compound_parts("kind", Lexicon(["kind"])) == []  # too short to hold two parts
    # The longest known word wins ("vrijwilligers|punt"), not a fragment ("vrijwillige|rspunt").
    parts = compound_parts("vrijwilligerspunt", Lexicon(["vrijwilligers", "vrijwillige"]))
    assert parts == ["vrijwilligers", "punt"]
    # A derivation is no compound: "huur" + "ders".
    assert "ders" not in compound_parts("huurders", Lexicon(["huur"]))


def test_what_is_left_of_a_compound_is_a_part_only_when_it_is_a_word() -> None:
    analyser = Analyser(Lexicon(["nieuw", "buurt"]))
    # "komers" is no Dutch word: "nieuwkomers" keeps its own term and "nieuw", no fragment.
    assert terms_of("nieuwkomers", analyser) == {stem("nieuwkomers"), stem("nieuw")}
    # "moestuin" is one, though nobody here writes it alone.
    assert stem("moestuin") in terms_of("buurtmoestuin", analyser)


def test_buurtmoestuin_and_moestuin_share_a_term_both_ways() -> None:
    analyser = Analyser(Lexicon(w for w, _ in words("een buurt met een moestuin")))
    assert terms_of("Buurtmoestuin", analyser) & terms_of("moestuin", analyser)
    # As a query, the idea's own words make its compounds split.
    plain = Analyser(Lexicon())
    query = set(plain.analyse("Buurtmoestuin voor de buurt", extend=True).terms)
    assert stem("moestuin") in query


def test_a_compounds_first_part_is_marked_as_modifier_its_head_not() -> None:
    # Dutch compounds are right-headed: a schoolmoestuin is a moestuin; "school" only modifies it.
    analysed = Analyser(Lexicon(["school", "moestuin"])).analyse("Schoolmoestuin")
    roles = dict(zip(analysed.terms, analysed.modifier, strict=True))
    assert roles == {stem("schoolmoestuin"): False, stem("school"): True, stem("moestuin"): False}
    # The head before an inflection or a derivational ending is still the head.
    assert is_head("geveltuintjes", "tuin")
    assert is_head("moestuinen", "tuin")
    assert not is_head("volkstuinpark", "tuin")


def test_shown_words_are_the_readable_forms() -> None:
    analysed = Analyser(Lexicon(["buurt"])).analyse("De Buurtmoestuinen en het Café", extend=True)
    assert analysed.shown[stem("cafe")] == "café"
    assert analysed.shown[stem("moestuinen")] == "moestuinen"


def test_ignored_words_are_dropped_whole_and_as_parts() -> None:
    analyser = Analyser(Lexicon(["buurt", "moestuin"]), ignore=["buurt"])
    got = terms_of("buurt buurtmoestuin", analyser)
    assert stem("buurt") not in got
    assert stem("moestuin") in got


def test_term_set_is_the_set_of_the_analysed_terms() -> None:
    # The similarity of two ideas uses term_set, a shortcut of analyse: it must give the very same terms.
    analyser = Analyser(Lexicon(["buurt", "moestuin", "school", "cafe", "repair"]), ignore=["huis"])
    texts = [
        "Schoolmoestuin en buurtmoestuinen bij het Café",
        "Het huis en het buurthuis: 2026 of 12,50",
        "Een Repair Café in de buurt, een a b c",
        "Ouderen en ouders; ÉÉN naïeve buurtschool",
        "",
    ]
    for text in texts:
        expected = frozenset(analyser.analyse(text).terms)
        assert analyser.term_set(text) == expected
        assert analyser.term_set(text) == expected  # the second time from its memory
    assert stem("moestuin") in analyser.term_set("schoolmoestuin")
    assert stem("huis") not in analyser.term_set("het buurthuis")  # ignored, also as a part


def test_related_words_go_both_ways_with_a_readable_word() -> None:
    assert related_terms(stem("koken"))[stem("keuken")] == "keuken"
    assert stem("koken") in related_terms(stem("keuken"))
    assert stem("omroep") in related_terms(stem("filmen"))
    assert stem("senioren") in related_terms(stem("ouderen"))
    assert stem("koken") not in related_terms(stem("koken"))  # not related to itself
    assert related_terms(stem("schaken")) == {}


def test_related_words_cover_the_subjects_brokers_meet_beyond_the_literal_word() -> None:
    # Paperwork and money trouble, language, repairs, traffic: a help desk for money matters speaks of "geldzaken"
    # where an idea says "administratie".
    assert stem("geldzaken") in related_terms(stem("administratie"))
    assert stem("lezen") in related_terms(stem("taal"))
    assert stem("repair") in related_terms(stem("repareren"))
    assert stem("fietspad") in related_terms(stem("verkeer"))
    # A word with two meanings stays out: a "budget" is a grant as often as a household's money.
    assert stem("budget") not in related_terms(stem("administratie"))
    # An audience is no subject: newcomers are not a language course.
    assert stem("nieuwkomers") not in related_terms(stem("taal"))


def test_support_words_are_stems_of_kinds_of_organisation() -> None:
    assert stem("opbouwwerkers") in SUPPORT_TERMS
    assert stem("vrijwilligerscentrale") in SUPPORT_TERMS
    assert set(terms_of("Welzijnswerk voor de wijk")) & SUPPORT_TERMS
    assert not set(terms_of("Muziekschool met koren")) & SUPPORT_TERMS
