"""Types of help and themes proposed from an organisation's own words: each cue family, compounds at the start of a
word, a municipality's own entries by their name, and no proposal from a word inside another."""

from __future__ import annotations

import pytest

from makelaar.domain.proposals import HELP_CUES, THEME_CUES, propose

HELP = {name: name for name in HELP_CUES}
THEMES = {name: name for name in THEME_CUES}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dorpshuis met een grote zaal en een keuken, te huur voor verenigingen.", {"ruimte"}),
        ("Geeft subsidie voor initiatieven, een bijdrage tot 2.500 euro.", {"geld"}),
        ("Vacaturebank: zoekt vrijwilligers voor initiatieven.", {"vrijwilligers"}),
        ("Adviseert over isoleren en geeft cursussen.", {"advies"}),
        ("Brengt bewoners met elkaar in contact.", {"netwerk"}),
        ("Leent gereedschap uit aan bewoners.", {"materiaal"}),
        ("Loket voor evenementenvergunningen en ontheffingen.", {"vergunning"}),
        ("Huis-aan-huisblad dat berichten plaatst.", {"publiciteit"}),
        ("Regelt de vrijwilligersverzekering en helpt met een begroting.", {"organisatie", "vrijwilligers"}),
    ],
)
def test_each_kind_of_help_is_found_by_its_everyday_words(text: str, expected: set[str]) -> None:
    assert set(propose(text, HELP, HELP_CUES)) == expected


def test_themes_from_everyday_words_and_compounds_at_the_start() -> None:
    found = set(propose("Taallessen en huiswerkbegeleiding voor kinderen.", THEMES, THEME_CUES))
    assert {"onderwijs", "jeugd"} <= found
    assert set(propose("Zonnepanelen op daken van dorpshuizen.", THEMES, THEME_CUES)) == {"duurzaamheid"}


def test_a_cue_inside_another_word_is_no_evidence() -> None:
    # "fonds" inside "Wolfonds" is no fund; "les" inside "gesprekken" no lesson.
    assert propose("Wolfondsen en gesprekken.", HELP, HELP_CUES) == []


def test_a_municipalitys_own_entry_is_proposed_by_its_name_and_the_entries_order_is_kept() -> None:
    entries = {"t1": "ruimte", "t9": "Vervoer"}
    assert propose("Wij regelen vervoer naar de zaal.", entries, HELP_CUES) == ["t1", "t9"]
    assert propose("", entries, HELP_CUES) == []
