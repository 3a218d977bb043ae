"""Import and export in the canonical CSV shape (and XLSX): real-world files, rejects, duplicates, round trips."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from makelaar.domain.enums import ConsentMethod, MatchStatus, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.services import csvio, ideas, matches, organisations
from makelaar.services import vocabulary as vocab
from makelaar.services.listing import ListQuery
from makelaar.storage.models import Idea, ImportBatch, Organisation
from makelaar.storage.store import Store, open_store
from tests.conftest import DEV_SET

DEV = DEV_SET
ORG_HEADER = "naam;soort;omschrijving;biedt;themas;wijken;contactpersoon;telefoon;email;website;adres;postcode;kvk"
IDEA_HEADER = "titel;omschrijving;wijk;themas;behoeften;teamgrootte;initiatiefnemer;email;telefoon;status;bron;datum"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 't.sqlite'}")
    yield opened
    opened.close()


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    yield opened
    opened.close()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def data_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return sum(1 for row in csv.reader(handle, delimiter=";") if any(row)) - 1


def count(store: Store, model: type) -> int:
    with store.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def org_by_name(store: Store, name: str) -> OrganisationData:
    with store.begin() as s:
        org_id = s.scalar(select(Organisation.id).where(Organisation.name == name))
        assert org_id is not None, f"{name} is not in the store"
        return organisations.get_organisation(s, org_id)


def term_names(store: Store, ids: list[str]) -> set[str]:
    with store.begin() as s:
        return {t.name for v in Vocabulary for t in vocab.list_terms(s, v, include_retired=True) if t.id in ids}


def area_names(store: Store, ids: list[str]) -> set[str]:
    with store.begin() as s:
        return {a.name for a in vocab.list_areas(s, include_retired=True) if a.id in ids}


def read_export(path: Path) -> list[list[str]]:
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path, read_only=True)
        rows = [[csvio._cell_text(v) for v in row] for row in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return rows
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


# --- the judged development set ----------------------------------------------------------------------------------


def test_import_matching_dev_organisations_adds_every_row_once(store: Store) -> None:
    path = DEV / "organisaties.csv"
    assert data_rows(path) == 30

    first = csvio.import_path(store, "organisaties", path)

    assert (first.added, first.updated, first.rejected) == (30, 0, [])
    assert count(store, Organisation) == 30
    assert set(first.new_areas) == {"Noord", "Overwaard", "Rivierwijk", "Centrum", "Zuid"}
    assert first.new_kinds == ["gemeentelijke organisatie"]
    assert first.summary_lines()[0] == "Organisaties: 30 toegevoegd, 0 bijgewerkt, 0 afgewezen."
    welfare = org_by_name(store, "Stichting Samen Brugwoude")
    assert term_names(store, welfare.offer_ids) == {"advies", "netwerk", "organisatie"}
    assert term_names(store, welfare.theme_ids) == {"welzijn", "zorg", "jeugd"}
    assert area_names(store, welfare.area_ids) == {"hele gemeente"}
    assert term_names(store, [welfare.kind_id or ""]) == {"stichting"}

    second = csvio.import_path(store, "organisaties", path)

    assert (second.added, second.updated, second.unchanged, second.rejected) == (0, 0, 30, [])
    assert second.new_areas == [] and second.new_kinds == []
    assert count(store, Organisation) == 30


def test_import_matching_dev_ideas_adds_every_row_once(store: Store) -> None:
    path = DEV / "ideeen.csv"
    assert data_rows(path) == 20

    first = csvio.import_path(store, "ideeen", path)

    assert (first.added, first.rejected) == (20, [])
    assert count(store, Idea) == 20
    with store.begin() as s:
        idea = ideas.find_idea(s, "Samen eten in de buurt")
    assert idea.team_size == 4
    assert idea.status == "nieuw"
    assert area_names(store, [idea.area_id or ""]) == {"Noord"}
    assert term_names(store, idea.need_ids) == {"ruimte", "vrijwilligers"}

    second = csvio.import_path(store, "ideeen", path)

    assert (second.added, second.updated, second.unchanged) == (0, 0, 20)
    assert count(store, Idea) == 20


# --- what real files look like ----------------------------------------------------------------------------------


def test_windows_1252_file_keeps_accents_euro_and_curly_quote(store: Store, tmp_path: Path) -> None:
    text = (
        "naam;soort;omschrijving;biedt;themas;wijken\r\n"
        "Café Élan;bedrijf;Bijdrage van € 50 voor ’s avonds, met ëën tafel;geld;cultuur;Zuid\r\n"
    )
    path = write(tmp_path / "excel.csv", text, "cp1252")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")

    result = csvio.import_path(store, "organisaties", path)

    assert result.added == 1
    org = org_by_name(store, "Café Élan")
    assert org.description == "Bijdrage van € 50 voor ’s avonds, met ëën tafel"


def test_bom_is_not_part_of_the_first_header(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "bom.csv", "\ufeffnaam;soort\nDe Brug;stichting\n")

    result = csvio.import_path(store, "organisaties", path)

    assert result.added == 1
    assert result.unknown_columns == []


@pytest.mark.parametrize("separator", [",", "\t", ";"])
def test_comma_tab_and_semicolon_separators(store: Store, tmp_path: Path, separator: str) -> None:
    rows = [
        ["naam", "soort", "biedt", "themas"],
        ["Buurthuis Oost", "stichting", "ruimte, vrijwilligers", "welzijn"],
        ["Fixbar", "informeel", "advies", "duurzaamheid"],
    ]
    with (tmp_path / "sep.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=separator).writerows(rows)

    result = csvio.import_path(store, "organisaties", tmp_path / "sep.csv")

    assert (result.added, result.unknown_columns) == (2, [])
    assert term_names(store, org_by_name(store, "Buurthuis Oost").offer_ids) == {"ruimte", "vrijwilligers"}


def test_crlf_and_multiline_cell_and_rows_numbered_as_excel_shows_them(store: Store, tmp_path: Path) -> None:
    text = (
        "naam;omschrijving;postcode\r\n"
        'Buurthuis Oost;"Eerste regel\r\nTweede regel\r\nDerde regel";1234 AB\r\n'
        ";Een rij zonder naam;1234 AB\r\n"
    )
    path = write(tmp_path / "multi.csv", text)

    result = csvio.import_path(store, "organisaties", path)

    assert result.added == 1
    assert org_by_name(store, "Buurthuis Oost").description == "Eerste regel\nTweede regel\nDerde regel"
    # The multi-line record spans lines 2-4 of the file but is one row in Excel: the nameless row is row 3.
    assert [number for number, _reason, _cells in result.rejected] == [3]


@pytest.mark.parametrize(
    "text",
    [
        # The quote is never closed: the csv reader would read every later row into that one cell.
        'naam;omschrijving;postcode\nDe Brug;Buurthuis\nHet Anker;"Ontmoeting, zie\nDe Ster;Zaal;1234 AB\n'
        "De Maan;Tuin;1234 AB\n",
        # A stray quote rows later closes it: the rows between would vanish into one cell.
        'naam;omschrijving;postcode\nDe Brug;Buurthuis;1234 AB\nHet Anker;"Ontmoeting;1234 AB\nDe Ster;Zaal;1234 AB\n'
        'De Maan;Tuin "groen";1234 AB\n',
    ],
)
def test_an_unbalanced_quote_refuses_the_file_naming_its_line(store: Store, tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "quote.csv", text)

    with pytest.raises(KnownError, match='op regel 3 van het bestand staat een aanhalingsteken \\("\\)'):
        csvio.import_path(store, "organisaties", path)

    with store.begin() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 0


def test_a_closed_multiline_cell_at_the_end_of_the_file_is_no_unbalanced_quote(tmp_path: Path) -> None:
    path = write(tmp_path / "ok.csv", 'naam;omschrijving;postcode\nDe Brug;"Twee\nregels";1234 AB\n')

    assert csvio.read_table(path).rows == [(2, ["De Brug", "Twee\nregels", "1234 AB"])]


@pytest.mark.parametrize(
    ("name_header", "theme_header"),
    [("Naam", "Thema's"), ("NAAM ", "THEMAS"), ("Naam organisatie", "thema’s"), (" naam", "Thema")],
)
def test_header_spellings(store: Store, tmp_path: Path, name_header: str, theme_header: str) -> None:
    header = f"{name_header};Soort;{theme_header};Wijken;E-mail"
    path = write(tmp_path / "h.csv", f"{header}\nDe Brug;stichting;Sport;Zuid;info@debrug.nl\n")

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, result.unknown_columns) == (1, [])
    org = org_by_name(store, "De Brug")
    assert term_names(store, org.theme_ids) == {"sport"}
    assert org.email == "info@debrug.nl"


def test_extra_columns_are_reported_not_fatal(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "x.csv", "naam;Opmerking intern;soort\nDe Brug;bellen in mei;stichting\n")

    result = csvio.import_path(store, "organisaties", path)

    assert result.added == 1
    assert result.unknown_columns == ["Opmerking intern"]
    assert "Onbekende kolommen, niet ingelezen: Opmerking intern." in result.summary_lines()


def test_xlsx_input(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Titel", "Wijk", "Teamgrootte", "Datum", "Initiatiefnemer", "Telefoon"])
    sheet.append(["Buurtmoestuin", "Noord", 4, date(2026, 1, 31), "Sanne de Boer", 612345678])
    book.save(tmp_path / "ideeen.xlsx")

    result = csvio.import_path(store, "ideeen", tmp_path / "ideeen.xlsx")

    assert (result.added, result.rejected) == (1, [])
    with store.begin() as s:
        idea = ideas.find_idea(s, "Buurtmoestuin")
    assert (idea.team_size, idea.received_on) == (4, date(2026, 1, 31))
    # Excel drops the leading 0 of a phone number typed as a number; it still reads as the same number.
    assert idea.initiators[0].phone == "06 12345678"


# --- rejects, reports and the vocabulary -------------------------------------------------------------------------


def test_invalid_contact_details_are_kept_to_check_and_only_a_nameless_row_is_rejected(
    store: Store, tmp_path: Path
) -> None:
    text = (
        "naam;soort;postcode;email;telefoon\n"
        "Goed Een;stichting;1234 AB;info@een.nl;\n"
        "Fout;stichting;1234;info@fout.nl;\n"
        "Goed Twee;vereniging;;info@twee.nl;\n"
        "Foute Mail;vereniging;;via secretariaat;06-1234 5678 (na 18u)\n"
        ";vereniging;1234 AB;info@niemand.nl;\n"
    )
    path = write(tmp_path / "sociale kaart.csv", text)

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, len(result.rejected)) == (4, 1)
    fout, mail = org_by_name(store, "Fout"), org_by_name(store, "Foute Mail")
    assert (fout.postcode, fout.to_check) == ("1234", ["postcode"])
    assert (mail.email, mail.phone, mail.to_check) == ("via secretariaat", "06-1234 5678 (na 18u)", ["email", "phone"])
    assert org_by_name(store, "Goed Een").to_check == []
    assert result.to_check == [
        (3, "postcode", "1234"),
        (5, "e-mail", "via secretariaat"),
        (5, "telefoon", "06-1234 5678 (na 18u)"),
    ]
    lines = result.summary_lines()
    assert lines[0] == "Organisaties: 4 toegevoegd, 0 bijgewerkt, 1 afgewezen."
    assert any(line.startswith("Te controleren (opgeslagen zoals het in het bestand stond") for line in lines)
    assert "  regel 3: postcode '1234'" in lines
    assert result.rejects_path == tmp_path / "sociale kaart-afgewezen.csv"
    raw = result.rejects_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["regel", "reden", "naam", "soort", "postcode", "email", "telefoon"]
    assert rows[1][0] == "6" and "De naam is verplicht" in rows[1][1]
    # Read again, the marked values are what is stored: nothing changes, nothing is listed again.
    again = csvio.import_path(store, "organisaties", path)
    assert (again.added, again.updated, again.unchanged, again.to_check) == (0, 0, 4, [])


def test_a_good_stored_contact_detail_is_not_replaced_by_an_invalid_one(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;telefoon\nDe Brug;020 123 4567\n"))

    result = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", "naam;telefoon\nDe Brug;bel ons\n"))

    assert (result.updated, result.unchanged, result.to_check) == (0, 1, [])
    assert "telefoon in het bestand is niet geldig ('bel ons'); die in Makelaar blijft" in result.rows[0].note
    assert org_by_name(store, "De Brug").phone == "020 123 4567"


def test_a_marked_detail_corrected_in_the_editor_loses_its_mark(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;postcode\nDe Brug;1234\n"))
    org = org_by_name(store, "De Brug")
    with store.begin() as s:
        # Saving something else keeps the raw value and its mark; a typed invalid value without a mark is refused.
        kept = organisations.save_organisation(s, replace(org, description="Buurthuis"))
        assert (kept.postcode, kept.to_check) == ("1234", ["postcode"])
    with store.begin() as s, pytest.raises(KnownError, match="geen geldige postcode"):
        organisations.save_organisation(s, replace(kept, postcode="99", to_check=[]))
    with store.begin() as s:
        fixed = organisations.save_organisation(s, replace(kept, postcode="1234ab"))
    assert (fixed.postcode, fixed.to_check) == ("1234 AB", [])
    with store.begin() as s:
        assert organisations.count_organisations(s, ListQuery(extra={"to_check": "1"})) == 0


def test_the_list_filter_te_controleren_shows_marked_organisations(any_store: Store, tmp_path: Path) -> None:
    text = "naam;email\nDe Brug;info@debrug.nl\nHet Anker;via de balie\n"
    csvio.import_path(any_store, "organisaties", write(tmp_path / "a.csv", text))

    with any_store.begin() as s:
        shown = organisations.list_organisations(s, ListQuery(extra={"to_check": "1"}))
        assert [r.name for r in shown] == ["Het Anker"]
        assert organisations.count_organisations(s, ListQuery(extra={"to_check": "1"})) == 1


def test_rejects_file_of_an_earlier_run_is_removed_when_all_rows_pass(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "k.csv", "naam;postcode\n;1234 AB\n")
    assert csvio.import_path(store, "organisaties", path).rejects_path == tmp_path / "k-afgewezen.csv"

    write(path, "naam;postcode\nDe Brug;1234 AB\n")
    result = csvio.import_path(store, "organisaties", path)

    assert result.rejects_path is None
    assert not (tmp_path / "k-afgewezen.csv").exists()


def test_unknown_wijk_and_kind_are_added_and_reported(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "w.csv", "naam;soort;wijken\nDe Brug;buurtnetwerk;Kanaalzone, hele gemeente\n")

    result = csvio.import_path(store, "organisaties", path)

    assert result.new_areas == ["Kanaalzone"]
    assert result.new_kinds == ["buurtnetwerk"]
    assert "Nieuwe wijken toegevoegd: Kanaalzone." in result.summary_lines()
    assert "Nieuwe soorten organisatie toegevoegd: buurtnetwerk." in result.summary_lines()
    with store.begin() as s:
        wide = vocab.municipality_area(s)
        assert vocab.find_area(s, "kanaalzone") is not None
    assert area_names(store, org_by_name(store, "De Brug").area_ids) == {"Kanaalzone", wide.name}


def test_new_wijk_of_a_rejected_row_is_not_added(store: Store, tmp_path: Path) -> None:
    long = "x" * 10_001  # a description beyond the limit: refused after the row's wijk was added
    path = write(tmp_path / "w.csv", f"naam;wijken;omschrijving\nDe Brug;Kanaalzone;{long}\nHet Anker;Haven;\n")

    result = csvio.import_path(store, "organisaties", path)

    assert result.new_areas == ["Haven"]
    with store.begin() as s:
        assert vocab.find_area(s, "Kanaalzone") is None


def test_unknown_theme_is_reported_and_left_off_and_unknown_offer_kept_in_the_description(
    store: Store, tmp_path: Path
) -> None:
    text = "naam;biedt;themas\nDe Brug;ruimte, koffie;sport, klimaat\nHet Anker;koffie;Klimaat\n"
    path = write(tmp_path / "t.csv", text)

    result = csvio.import_path(store, "organisaties", path)

    assert result.added == 2
    assert result.unknown_terms == {"klimaat": [2, 3]}
    org = org_by_name(store, "De Brug")
    assert term_names(store, org.theme_ids) == {"sport"}
    assert term_names(store, org.offer_ids) == {"ruimte"}
    assert "Biedt ook: koffie" in org.description
    assert any(
        line.startswith("Onbekende thema's en soorten hulp, weggelaten: klimaat (regel 2, 3)")
        for line in result.summary_lines()
    )
    # The kept words are not added a second time when the same file is read again.
    again = csvio.import_path(store, "organisaties", path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert org_by_name(store, "De Brug").description.count("koffie") == 1


@pytest.mark.parametrize("header", ["Stadsdeel", "Gebied", "Werkgebied", "Kern", "Dorp"])
def test_area_header_synonyms_of_real_files(store: Store, tmp_path: Path, header: str) -> None:
    path = write(tmp_path / "w.csv", f"Naam;{header};Categorie;Aanbod\nDe Brug;Oost;Zorg;ruimte, soep\n")

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, result.unknown_columns) == (1, [])
    org = org_by_name(store, "De Brug")
    with store.begin() as s:
        assert vocab.find_area(s, "Oost") is not None
        assert org.area_ids == [vocab.find_area(s, "Oost").id]
    assert term_names(store, org.theme_ids) == {"zorg"}
    assert term_names(store, org.offer_ids) == {"ruimte"}
    assert "Biedt ook: soep" in org.description


def test_vocabulary_matched_without_case_accents_or_key(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "v.csv", "naam;soort;themas\nDe Brug; COOPERATIE ;Openbare  Ruimte, WERK EN INKOMEN\n")

    csvio.import_path(store, "organisaties", path)

    org = org_by_name(store, "De Brug")
    assert term_names(store, [org.kind_id or ""]) == {"coöperatie"}
    assert term_names(store, org.theme_ids) == {"openbare ruimte", "werk en inkomen"}


# --- duplicates --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "incoming"),
    [
        ("Stichting De Brug", "De Brug"),
        ("De Brug", "stichting de brug"),
        ("Vereniging Dorpsbelang", "Dorpsbelang"),
        ("Bakkerij Jansen B.V.", "Bakkerij Jansen BV"),
        ("Coöperatie Zon U.A.", "Cooperatie  Zon"),
        ("St. Maatjeswerk", "Maatjeswerk"),
    ],
)
def test_organisation_recognised_by_name_without_legal_form(
    store: Store, tmp_path: Path, stored: str, incoming: str
) -> None:
    write(tmp_path / "a.csv", f"naam;omschrijving\n{stored};oud\n")
    csvio.import_path(store, "organisaties", tmp_path / "a.csv")
    write(tmp_path / "b.csv", f"naam;omschrijving\n{incoming};nieuw\n")

    result = csvio.import_path(store, "organisaties", tmp_path / "b.csv")

    assert (result.added, result.updated) == (0, 1)
    assert count(store, Organisation) == 1
    assert org_by_name(store, " ".join(incoming.split())).description == "nieuw"


def test_organisation_recognised_by_kvk(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "naam;kvk\nBuurtwerk Noord;12345678\nAnders;87654321\n")
    csvio.import_path(store, "organisaties", tmp_path / "a.csv")
    write(tmp_path / "b.csv", "naam;kvk;omschrijving\nWelzijn Noord-Oost;1234 5678;nieuw\n")

    result = csvio.import_path(store, "organisaties", tmp_path / "b.csv")

    # Recognised by its KvK number: updated, but a KvK number never renames (the name in Makelaar stays).
    assert (result.added, result.updated) == (0, 1)
    assert count(store, Organisation) == 2
    org = org_by_name(store, "Buurtwerk Noord")
    assert (org.kvk, org.description) == ("12345678", "nieuw")
    assert result.rows[0].note == "naam in het bestand wijkt af; naam in Makelaar blijft"
    assert any("naam in het bestand wijkt af" in line for line in result.summary_lines())


def test_organisation_key() -> None:
    assert csvio.organisation_key("Stichting  Café De Brug") == csvio.organisation_key("cafe de brug")
    assert csvio.organisation_key("Stichting") == "stichting"
    assert csvio.organisation_key("De Brug") != csvio.organisation_key("De Burg")


def test_empty_cells_never_clear_stored_values(store: Store, tmp_path: Path) -> None:
    write(
        tmp_path / "a.csv",
        f"{ORG_HEADER}\nDe Brug;stichting;Buurthuis;ruimte;welzijn;Zuid;Ans;06 12345678;a@b.nl;;;;\n",
    )
    csvio.import_path(store, "organisaties", tmp_path / "a.csv")
    write(tmp_path / "b.csv", f"{ORG_HEADER}\nDe Brug;;;;;;;;;www.debrug.nl;;;\n")

    result = csvio.import_path(store, "organisaties", tmp_path / "b.csv")

    assert result.updated == 1
    org = org_by_name(store, "De Brug")
    assert (org.description, org.phone, org.email, org.website) == (
        "Buurthuis",
        "06 12345678",
        "a@b.nl",
        "https://www.debrug.nl",
    )
    assert [c.name for c in org.contacts] == ["Ans"]
    assert term_names(store, org.offer_ids) == {"ruimte"}


def test_idea_same_title_and_wijk_is_updated_other_wijk_is_added(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "titel;wijk;teamgrootte\nBuurtmoestuin;Noord;3\n")
    csvio.import_path(store, "ideeen", tmp_path / "a.csv")
    write(tmp_path / "b.csv", "titel;wijk;teamgrootte\nbuurtmoestuin ;noord;5\nBuurtmoestuin;Zuid;2\n")

    result = csvio.import_path(store, "ideeen", tmp_path / "b.csv")

    assert (result.added, result.updated) == (1, 1)
    with store.begin() as s:
        sizes = sorted(s.scalars(select(Idea.team_size)))
    assert sizes == [2, 5]


# --- ideas -------------------------------------------------------------------------------------------------------


def test_idea_fields_dates_and_consent_for_contact(store: Store, tmp_path: Path) -> None:
    text = (
        f"{IDEA_HEADER}\n"
        "Buurtfeest;Op het plein;Centrum;cultuur;vergunning, geld;6;Ans Smit;ans@voorbeeld.nl;;in verkenning;"
        "wijktafel;31-01-2026\n"
        "Bankjes;In het park;Zuid;welzijn;geld;2;Piet;;;;E-mail;2026-02-15\n"
    )
    result = csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", text))

    assert (result.added, result.rejected) == (2, [])
    with store.begin() as s:
        feast = ideas.find_idea(s, "Buurtfeest")
        benches = ideas.find_idea(s, "Bankjes")
    assert (feast.status, feast.source, feast.received_on, feast.team_size) == (
        "in verkenning",
        "wijktafel",
        date(2026, 1, 31),
        6,
    )
    person = feast.initiators[0]
    assert (person.name, person.email, person.consent_contact, person.consent_share) == (
        "Ans Smit",
        "ans@voorbeeld.nl",
        True,
        False,
    )
    assert person.consent_method == ConsentMethod.FORM.value
    assert (benches.received_on, benches.source, benches.status) == (date(2026, 2, 15), "e-mail", "nieuw")
    # A name alone is not contact data: no consent is recorded for it.
    assert (benches.initiators[0].name, benches.initiators[0].consent_contact) == ("Piet", False)


def test_idea_row_with_bad_status_date_and_team_size_is_rejected_with_every_reason(
    store: Store, tmp_path: Path
) -> None:
    text = "titel;status;datum;teamgrootte;wijk\nGoed;nieuw;;;\nFout;bijna klaar;31-02-2026;veel;Nieuwbouw\n"

    result = csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", text))

    assert result.added == 1
    [(number, reason, cells)] = result.rejected
    assert number == 3
    assert cells == ["Fout", "bijna klaar", "31-02-2026", "veel", "Nieuwbouw"]
    assert "Onbekende status 'bijna klaar'; kies uit: nieuw, in verkenning" in reason
    assert "'31-02-2026' is geen bestaande datum" in reason
    assert "'veel' is geen aantal" in reason
    assert result.new_areas == []


def test_idea_with_contact_data_but_no_name_is_imported_without_them(store: Store, tmp_path: Path) -> None:
    text = "titel;wijk;email;initiatiefnemer\nIdee zonder naam;Centrum;a@b.nl;\nIdee met naam;Centrum;;Jan Jansen\n"

    result = csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", text))

    assert (result.added, result.rejected) == (2, [])
    assert "zonder naam van de initiatiefnemer" in result.rows[0].note
    assert result.rows[1].note == ""
    with store.begin() as s:
        assert ideas.find_idea(s, "Idee zonder naam").initiators == []
    again = csvio.import_path(store, "ideeen", tmp_path / "i.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


# --- dry run -----------------------------------------------------------------------------------------------------


def test_dry_run_reports_the_same_and_saves_nothing(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "d.csv", "naam;wijken;postcode\nDe Brug;Kanaalzone;\n;;1234 AB\n")

    dry = csvio.import_path(store, "organisaties", path, dry_run=True)

    assert (dry.added, len(dry.rejected), dry.new_areas) == (1, 1, ["Kanaalzone"])
    assert count(store, Organisation) == 0
    with store.begin() as s:
        assert vocab.find_area(s, "Kanaalzone") is None
    # The rejects file is written in a dry run too, so the rows can be fixed before the real run.
    assert dry.rejects_path is not None and dry.rejects_path.exists()
    assert dry.summary_lines()[0].startswith("Proefdraai voor ")

    real = csvio.import_path(store, "organisaties", path)

    assert (real.added, len(real.rejected), real.new_areas) == (1, 1, ["Kanaalzone"])
    assert count(store, Organisation) == 1


# --- unreadable files --------------------------------------------------------------------------------------------


def test_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match=r"Het bestand .*weg\.csv bestaat niet\."):
        csvio.import_path(store, "organisaties", tmp_path / "weg.csv")


def test_no_recognisable_header(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "rommel.csv", "foo;bar\n1;2\n")
    with pytest.raises(KnownError, match=r"rommel\.csv staat geen kolom 'naam'") as caught:
        csvio.import_path(store, "organisaties", path)
    assert "naam; soort; omschrijving" in str(caught.value)
    with pytest.raises(KnownError, match="geen kolom 'titel'"):
        csvio.import_path(store, "ideeen", path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.csv", b"", "is leeg"),
        ("plaatje.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen CSV-bestand"),
        ("kapot.xlsx", b"PK\x03\x04 dit is geen zip", "geen leesbaar Excel-bestand"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "oud Excel-bestand"),
    ],
)
def test_unreadable_files(store: Store, tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(KnownError, match=message) as caught:
        csvio.import_path(store, "organisaties", tmp_path / name)
    assert name in str(caught.value)
    assert count(store, Organisation) == 0


def test_unknown_kind(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="Onbekende soort"):
        csvio.import_path(store, "koppelingen", write(tmp_path / "k.csv", "naam\nx\n"))


# --- export ------------------------------------------------------------------------------------------------------


def _rich_store(store: Store, tmp_path: Path) -> None:
    """The development set plus an organisation with every contact field and an idea with a sharing initiator."""
    csvio.import_path(store, "organisaties", DEV / "organisaties.csv")
    csvio.import_path(store, "ideeen", DEV / "ideeen.csv")
    extra = (
        f"{ORG_HEADER}\n"
        'Wijkcentrum De Brug;;;;;;Gerda Hofman;0344 612 345;info@debrug.example;www.debrug.example;"Molenweg 4";'
        "4001 AB;41234567\n"
    )
    csvio.import_path(store, "organisaties", write(tmp_path / "extra.csv", extra))
    with store.begin() as s:
        idea = ideas.find_idea(s, "Buurtkoor")
        idea.status = "in verkenning"
        idea.source = "inloopspreekuur"
        idea.received_on = date(2026, 3, 2)
        idea.initiators = [
            InitiatorData(
                name="Ans Smit", email="ans@voorbeeld.nl", phone="0612345678", consent_contact=True, consent_share=True
            )
        ]
        ideas.save_idea(s, idea)


COMPARED_IDEA_COLUMNS = [
    csvio.EXPORT_HEADERS[c] for c in csvio.IDEA_COLUMNS if c not in ("initiatiefnemer", "email", "telefoon")
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_import_round_trip(store: Store, other_store: Store, tmp_path: Path, suffix: str) -> None:
    _rich_store(store, tmp_path)
    with store.begin() as s:
        assert csvio.export_path(s, "organisaties", tmp_path / f"org{suffix}") == 30
        assert csvio.export_path(s, "ideeen", tmp_path / f"ideas{suffix}") == 20

    orgs = csvio.import_path(other_store, "organisaties", tmp_path / f"org{suffix}")
    found = csvio.import_path(other_store, "ideeen", tmp_path / f"ideas{suffix}")
    assert (orgs.added, orgs.rejected, orgs.unknown_columns) == (30, [], [])
    assert (found.added, found.rejected, found.unknown_columns) == (20, [], [])
    with other_store.begin() as s:
        csvio.export_path(s, "organisaties", tmp_path / f"org2{suffix}")
        csvio.export_path(s, "ideeen", tmp_path / f"ideas2{suffix}")

    first, second = read_export(tmp_path / f"org{suffix}"), read_export(tmp_path / f"org2{suffix}")
    assert first[0] == ["Nummer", "Naam", "Soort", "Omschrijving", "Biedt", "Thema's", "Wijken", *first[0][7:]]
    assert [r[1:] for r in second] == [r[1:] for r in first]  # the numbers are the other store's own
    brug_row = first[[r[1] for r in first].index("Wijkcentrum De Brug")]
    assert brug_row[0].startswith("O-") and brug_row[1:3] == ["Wijkcentrum De Brug", "stichting"]
    brug = org_by_name(other_store, "Wijkcentrum De Brug")
    assert (brug.phone, brug.postcode, brug.kvk, brug.address, [c.name for c in brug.contacts]) == (
        "0344 612 345",
        "4001 AB",
        "41234567",
        "Molenweg 4",
        ["Gerda Hofman"],
    )

    def ideas_by_title(rows: list[list[str]]) -> dict[str, list[str]]:
        keep = [rows[0].index(c) for c in COMPARED_IDEA_COLUMNS]
        return {r[1]: [r[i] for i in keep] for r in rows[1:]}

    idea_rows = read_export(tmp_path / f"ideas{suffix}")
    assert idea_rows[0] == csvio.export_headers("ideeen")
    assert idea_rows[0][:2] == ["Nummer", "Titel"] and "Aantal mensen" in idea_rows[0]
    assert ideas_by_title(read_export(tmp_path / f"ideas2{suffix}")) == ideas_by_title(idea_rows)
    with other_store.begin() as s:
        choir = ideas.find_idea(s, "Buurtkoor")
    assert (choir.status, choir.source, choir.received_on) == ("in verkenning", "inloopspreekuur", date(2026, 3, 2))
    person = choir.initiators[0]
    assert (person.name, person.email, person.phone, person.consent_contact) == (
        "Ans Smit",
        "ans@voorbeeld.nl",
        "06 12345678",
        True,
    )

    # Importing the export back into the store it came from changes nothing.
    again = csvio.import_path(store, "organisaties", tmp_path / f"org{suffix}")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 30)
    again = csvio.import_path(store, "ideeen", tmp_path / f"ideas{suffix}")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 20)


def test_export_leaves_out_initiators_without_consent_for_sharing(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        for title, share in (("Gedeeld", True), ("Alleen contact", False)):
            ideas.save_idea(
                s,
                IdeaData(
                    title=title,
                    initiators=[
                        InitiatorData(
                            name=f"Bewoner {title}",
                            email="bewoner@voorbeeld.nl",
                            phone="06 12345678",
                            consent_contact=True,
                            consent_share=share,
                        )
                    ],
                ),
            )
        ideas.save_idea(s, IdeaData(title="Zonder mensen"))
        csvio.export_path(s, "ideeen", tmp_path / "i.csv")

    rows = read_export(tmp_path / "i.csv")
    people = {r[1]: r[7:10] for r in rows[1:]}
    assert people == {
        "Gedeeld": ["Bewoner Gedeeld", "bewoner@voorbeeld.nl", "06 12345678"],
        "Alleen contact": ["", "", ""],
        "Zonder mensen": ["", "", ""],
    }

    # Re-importing the export keeps the personal data the export left out.
    csvio.import_path(store, "ideeen", tmp_path / "i.csv")
    with store.begin() as s:
        kept = ideas.find_idea(s, "Alleen contact").initiators
    assert [(p.name, p.email) for p in kept] == [("Bewoner Alleen contact", "bewoner@voorbeeld.nl")]


def test_export_csv_is_excel_friendly(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", DEV / "organisaties.csv")
    with store.begin() as s:
        csvio.export_path(s, "organisaties", tmp_path / "o.csv")
    raw = (tmp_path / "o.csv").read_bytes()
    header = "Nummer;Naam;Soort;Omschrijving;Biedt;Thema's;Wijken;Contactpersoon;Telefoon;E-mail;Website;Adres;"
    assert raw.startswith(b"\xef\xbb\xbf" + f"{header}Postcode;KvK-nummer\r\n".encode())
    assert ";Stichting Samen Brugwoude;stichting;" in raw.decode("utf-8-sig")
    assert ";advies, netwerk, organisatie;welzijn, zorg, jeugd;hele gemeente;" in raw.decode("utf-8-sig")


def test_export_xlsx_has_bold_header_and_no_formulas(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name='=HYPERLINK("http://x")', description="+31 kort"))
        csvio.export_path(s, "organisaties", tmp_path / "o.xlsx")
    book = openpyxl.load_workbook(tmp_path / "o.xlsx")
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == csvio.export_headers("organisaties")
    assert all(c.font.b for c in sheet[1])
    assert sheet["B2"].value == '=HYPERLINK("http://x")'
    assert sheet["B2"].data_type == "s"
    book.close()


def test_export_koppelingen(store: Store, tmp_path: Path) -> None:
    follow = date.today() + timedelta(days=3)
    with store.begin() as s:
        org = organisations.save_organisation(s, OrganisationData(name="De Brug"))
        idea = ideas.save_idea(s, IdeaData(title="Buurtfeest"))
        need = vocab.find_term(s, Vocabulary.HELP_TYPE, "ruimte")
        assert org.id and idea.id and need
        row = matches.create_match(s, idea_id=idea.id, organisation_id=org.id, need_id=need.id, follow_up_on=follow)
        matches.update_match(
            s,
            row.id,
            version=row.version,
            status=MatchStatus.APPROACHED,
            follow_up_on=follow,
            note="Gebeld; zaal vrij?",
        )
        assert csvio.export_path(s, "koppelingen", tmp_path / "k.csv") == 1
    assert read_export(tmp_path / "k.csv") == [
        ["Idee", "Titel", "Organisatie", "Behoefte", "Status", "Opvolgen op", "Notitie"],
        [
            idea.reference,
            "Buurtfeest",
            "De Brug",
            "ruimte",
            "benaderd",
            follow.strftime("%d-%m-%Y"),
            "Gebeld; zaal vrij?",
        ],
    ]


def test_export_refuses_unknown_extension_and_kind(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        with pytest.raises(KnownError, match=r"alleen \.csv- en \.xlsx-bestanden"):
            csvio.export_path(s, "organisaties", tmp_path / "o.ods")
        with pytest.raises(KnownError, match="Onbekende soort"):
            csvio.export_path(s, "wijken", tmp_path / "o.csv")
        with pytest.raises(KnownError, match="kan niet worden geschreven"):
            csvio.export_path(s, "organisaties", tmp_path / "bestaat-niet" / "o.csv")
    assert not (tmp_path / "o.ods").exists()


def test_services_do_not_import_qt() -> None:
    code = (
        "import sys, makelaar.services.csvio, makelaar.services.demo; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_savepoints_keep_good_rows_on_every_backend(any_store: Store, tmp_path: Path) -> None:
    """The shared any_store fixture (tests/conftest.py) runs this on SQLite and, when configured, PostgreSQL."""
    first = csvio.import_path(any_store, "organisaties", DEV / "organisaties.csv")
    long = "x" * 10_001
    text = (
        "naam;postcode;wijken;omschrijving\nGoed;1234 AB;Kanaalzone;\n"
        f"Fout;1234 AB;Haven;{long}\nWijkcentrum De Brug;4001 AB;Noord;\n"
    )

    second = csvio.import_path(any_store, "organisaties", write(tmp_path / "k.csv", text))

    assert first.added == 30
    assert (second.added, second.updated, [r[0] for r in second.rejected]) == (1, 1, [3])
    assert second.new_areas == ["Kanaalzone"]
    assert count(any_store, Organisation) == 31
    assert org_by_name(any_store, "Wijkcentrum De Brug").postcode == "4001 AB"
    with any_store.begin() as s:
        assert vocab.find_area(s, "Haven") is None


def test_same_organisation_twice_in_one_file(store: Store, tmp_path: Path) -> None:
    text = "naam;omschrijving;website\nDe Brug;Buurthuis;\nStichting De Brug;;www.debrug.nl\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "d.csv", text))

    # The second row would change what the first just added: rejected, or every run would flip it back and forth.
    assert (result.added, result.updated) == (1, 0)
    assert "staat al op regel 2 van dit bestand" in result.rejected[0][1]
    org = org_by_name(store, "De Brug")
    assert (org.description, org.website) == ("Buurthuis", None)
    again = csvio.import_path(store, "organisaties", tmp_path / "d.csv")
    assert (again.added, again.updated, again.unchanged, len(again.rejected)) == (0, 0, 1, 1)


def test_a_repeated_row_is_unchanged(store: Store, tmp_path: Path) -> None:
    text = "naam;omschrijving\nDe Brug;Buurthuis\nDe Brug; Buurthuis \n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "d.csv", text))

    assert (result.added, result.unchanged, result.rejected) == (1, 1, [])


def test_rejected_update_leaves_the_stored_record_for_later_rows(store: Store, tmp_path: Path) -> None:
    csvio.import_path(
        store, "ideeen", write(tmp_path / "a.csv", "titel;initiatiefnemer;email\nBuurtfeest;Ans;ans@voorbeeld.nl\n")
    )
    text = "titel;initiatiefnemer;email;teamgrootte\nBuurtfeest;Ans;kapot;\nBuurtfeest;Ans;;3\n"

    result = csvio.import_path(store, "ideeen", write(tmp_path / "b.csv", text))

    assert [r[0] for r in result.rejected] == [2]
    assert result.updated == 1
    with store.begin() as s:
        idea = ideas.find_idea(s, "Buurtfeest")
    assert idea.team_size == 3
    assert [(p.name, p.email) for p in idea.initiators] == [("Ans", "ans@voorbeeld.nl")]


def test_excel_sep_hint_line_is_not_the_header(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "sep=,\r\nnaam,postcode\r\nDe Brug,1234 AB\r\n,1234 AB\r\n")

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, result.unknown_columns) == (1, [])
    # Excel does not show the hint line: the header is row 1 and the nameless row is row 3.
    assert [r[0] for r in result.rejected] == [3]


def test_summary_shortens_long_lists_of_lines(store: Store, tmp_path: Path) -> None:
    # "kwartet" is no theme and no word that points at one, so nothing is proposed in its place.
    rows = "".join(f"{'' if n > 15 else f'Organisatie {n}'};kwartet;1234 AB\n" for n in range(1, 41))
    path = write(tmp_path / "l.csv", f"naam;themas;postcode\n{rows}")

    lines = csvio.import_path(store, "organisaties", path).summary_lines()

    assert lines[0] == "Organisaties: 15 toegevoegd, 0 bijgewerkt, 25 afgewezen."
    assert sum(line.startswith("  regel ") for line in lines) == 20
    assert "  ... en nog 5 regels." in lines
    # Rejected rows are not counted for the unknown theme: they were not imported at all.
    unknown = "Onbekende thema's en soorten hulp, weggelaten: kwartet (regel 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 en nog 5)."
    assert lines[-1] == unknown


# --- duplicates by website, title rows, the wizard's mapping and preview ------------------------------------------


def test_organisation_recognised_by_website(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "naam;website\nBuurtwerk Noord;https://www.buurtwerk.nl/\nAnders;anders.nl\n")
    csvio.import_path(store, "organisaties", tmp_path / "a.csv")
    write(tmp_path / "b.csv", "naam;website;omschrijving\nWelzijn Noord-Oost;WWW.Buurtwerk.nl;nieuw\n")

    result = csvio.import_path(store, "organisaties", tmp_path / "b.csv")

    # Only the website says it is Buurtwerk Noord, under another name: neither renamed nor added a second time.
    assert (result.added, result.updated) == (0, 0)
    reason = result.rejected[0][1]
    assert "Buurtwerk Noord" in reason and "Bewerken → Dubbele organisaties zoeken" in reason
    assert count(store, Organisation) == 2
    assert org_by_name(store, "Buurtwerk Noord").description == ""


def test_website_shared_by_several_organisations_identifies_none(store: Store, tmp_path: Path) -> None:
    write(tmp_path / "a.csv", "naam;website\nTeam Groen;www.gemeente.nl\n")
    csvio.import_path(store, "organisaties", tmp_path / "a.csv")
    with store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Team Wmo", website="www.gemeente.nl"))
    write(tmp_path / "b.csv", "naam;website\nTeam Jeugd;www.gemeente.nl\n")

    result = csvio.import_path(store, "organisaties", tmp_path / "b.csv")

    assert (result.added, result.updated) == (1, 0)
    assert count(store, Organisation) == 3


def test_website_key() -> None:
    assert csvio.website_key("HTTPS://www.De-Brug.nl/") == csvio.website_key("de-brug.nl") == "de-brug.nl"
    assert csvio.website_key("www.debrug.nl/jeugd") != csvio.website_key("www.debrug.nl")
    assert csvio.website_key(None) == ""


def test_xlsx_with_a_title_row_above_the_header(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Sociale kaart Lindewaard, stand november 2026"])
    sheet.append([])
    sheet.append(["Naam organisatie", "E-mailadres", "Thema's", "Opmerking"])
    sheet.append(["Café Élan", "info@elan.nl", "cultuur", "€ 5 korting’s avonds"])
    book.save(tmp_path / "kaart.xlsx")

    table = csvio.read_table(tmp_path / "kaart.xlsx")
    result = csvio.import_path(store, "organisaties", tmp_path / "kaart.xlsx")

    assert (table.header_row, table.encoding, table.headers[0]) == (3, "Excel (.xlsx)", "Naam organisatie")
    assert (result.added, result.unknown_columns, result.rejected) == (1, ["Opmerking"], [])
    assert [r.number for r in result.rows] == [4]
    assert org_by_name(store, "Café Élan").email == "info@elan.nl"


def test_csv_title_line_and_what_was_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "t.csv", "Export café 1-11-2026;;\r\nnaam;soort;wijken\r\nDe Brug;stichting;Zuid\r\n", "cp1252"
    )

    table = csvio.read_table(path)

    assert (table.encoding, table.delimiter, table.header_row) == ("Windows-1252", ";", 2)
    assert table.headers == ["naam", "soort", "wijken"]
    assert table.rows == [(3, ["De Brug", "stichting", "Zuid"])]
    assert csvio.read_table(write(tmp_path / "b.csv", "\ufeffnaam,soort\nX,Y\n")).encoding == "UTF-8 met BOM"
    assert csvio.read_table(write(tmp_path / "c.csv", "naam\tsoort\nX\tY\n")).delimiter == "\t"


def test_guess_mapping_and_canonical_columns() -> None:
    headers = ["Naam organisatie", "Wat doen ze", "E-mailadres", "Thema's", "", "naam"]

    mapping = csvio.guess_mapping("organisaties", headers)

    assert mapping == {"naam": 0, "email": 2, "themas": 3}
    assert csvio.unmapped_columns(headers, mapping) == ["Wat doen ze", "naam"]
    assert csvio.canonical_columns("organisaties")[:3] == ["naam", "soort", "omschrijving"]
    assert "datum" in csvio.canonical_columns("ideeen")
    with pytest.raises(KnownError, match="Onbekende soort"):
        csvio.guess_mapping("wijken", headers)


def test_explicit_mapping_overrides_the_guess(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "Organisatie;Wat doen ze;Telefoon\nDe Brug;Buurthuis met zaal;06 12345678\n")
    guessed = csvio.import_path(store, "organisaties", path, dry_run=True)
    assert guessed.unknown_columns == ["Wat doen ze"]

    result = csvio.import_path(
        store, "organisaties", path, mapping={"naam": 0, "omschrijving": 1, "telefoon": csvio.IGNORE}
    )

    assert (result.added, result.unknown_columns) == (1, ["Telefoon"])
    org = org_by_name(store, "De Brug")
    assert (org.description, org.phone) == ("Buurthuis met zaal", None)


def test_explicit_mapping_is_checked(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "m.csv", "a;b\nDe Brug;x\n")
    with pytest.raises(KnownError, match="Onbekende kolom 'kleur'"):
        csvio.import_path(store, "organisaties", path, mapping={"naam": 0, "kleur": 1})
    with pytest.raises(KnownError, match="wijst naar kolom 5"):
        csvio.import_path(store, "organisaties", path, mapping={"naam": 5})
    with pytest.raises(KnownError, match="geen kolom 'naam'"):
        csvio.import_path(store, "organisaties", path, mapping={"naam": None, "omschrijving": 1})
    assert count(store, Organisation) == 0


def test_rows_say_what_happens_to_each_row_in_dry_run_and_real_run(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;omschrijving\nDe Brug;oud\nHet Anker;x\n"))
    text = f"naam;omschrijving;postcode\nStichting De Brug;nieuw;\nHet Anker;x;\nFout;{'x' * 10_001};\nNieuw;;\n"
    path = write(tmp_path / "b.csv", text)
    with store.begin() as s:
        brug = organisations.find_organisation(s, "De Brug")

    dry = csvio.import_path(store, "organisaties", path, dry_run=True)
    real = csvio.import_path(store, "organisaties", path)

    for result in (dry, real):
        assert [(r.number, r.action, r.label) for r in result.rows] == [
            (2, "updated", "Stichting De Brug"),
            (3, "unchanged", "Het Anker"),
            (4, "rejected", "Fout"),
            (5, "added", "Nieuw"),
        ]
        assert result.rows[0].target == f"{brug.reference} De Brug"
        assert result.rows[0].record_id == brug.id
        assert "De omschrijving is te lang" in result.rows[2].reason
        assert result.rows[3].record_id is not None
    assert count(store, Organisation) == 3


def test_idea_characters_survive(store: Store, tmp_path: Path) -> None:
    text = "titel;omschrijving\nCafé ’t Hoekje;Financiële hulp van € 1.250,00 voor de coöperatie\n"

    csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", text, "cp1252"))

    with store.begin() as s:
        idea = ideas.find_idea(s, "Café ’t Hoekje")
    assert idea.description == "Financiële hulp van € 1.250,00 voor de coöperatie"


def test_import_records_the_actor_of_the_store(store: Store, tmp_path: Path) -> None:
    store.actor = "Mieke Makelaar"
    result = csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam\nDe Brug\n"))
    with store.begin() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.actor == "Mieke Makelaar"


def test_new_organisations_are_stored_as_the_editor_stores_them(store: Store, tmp_path: Path) -> None:
    """New rows go in with one bulk insert per table: references, links, contacts, the timeline note and the search
    index must be as save_organisation makes them."""
    from makelaar.services import activities
    from makelaar.services.listing import ListQuery

    with store.begin() as s:
        first = organisations.save_organisation(s, OrganisationData(name="Bestaand"))
    text = (
        f"{ORG_HEADER}\n"
        "Buurthuis Oost;stichting;Zaal en koffie;ruimte;welzijn;Zuid;Ans;06 12345678;a@oost.nl;oost.nl;;;\n"
        "Fixbar;informeel;Repareren;advies;duurzaamheid;Noord;;;;;;;\n"
    )

    result = csvio.import_path(store, "organisaties", write(tmp_path / "n.csv", text))

    assert result.added == 2
    oost = org_by_name(store, "Buurthuis Oost")
    fix = org_by_name(store, "Fixbar")
    assert first.reference is not None
    year, number = first.reference.split("-")[1:]
    assert [oost.reference, fix.reference] == [f"O-{year}-{int(number) + n:04d}" for n in (1, 2)]
    assert (oost.version, oost.phone, oost.email, oost.website) == (1, "06 12345678", "a@oost.nl", "https://oost.nl")
    assert [c.name for c in oost.contacts] == ["Ans"]
    assert term_names(store, oost.offer_ids) == {"ruimte"} and area_names(store, oost.area_ids) == {"Zuid"}
    with store.begin() as s:
        notes = activities.list_activities(s, organisation_id=oost.id)
        found = organisations.list_organisations(s, ListQuery(search="koffie"))
        later = organisations.save_organisation(s, organisations.get_organisation(s, fix.id or ""))
    assert [n.text for n in notes] == ["Organisatie toegevoegd."]
    assert [o.name for o in found] == ["Buurthuis Oost"]
    assert later.version == 2  # an ordinary record from then on


# --- identity, Excel values, odd files -----------------------------------------------------------------------------


def test_records_with_the_same_name_survive_an_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        centrum = vocab.add_area(s, "Centrum").id
        for description, status in (("editie 2025", "gerealiseerd"), ("editie 2026", "nieuw")):
            ideas.save_idea(s, IdeaData(title="Buurtbarbecue", area_id=centrum, description=description, status=status))
        for city in ("Lindewaard", "Ellemeet"):
            organisations.save_organisation(
                s, OrganisationData(name="Voedselbank", city=city, description=f"afdeling {city}")
            )
        refs = sorted(s.scalars(select(Organisation.reference)))
    for kind in ("ideeen", "organisaties"):
        with store.begin() as s:
            csvio.export_path(s, kind, tmp_path / f"{kind}.csv")
        for _run in range(2):
            result = csvio.import_path(store, kind, tmp_path / f"{kind}.csv")
            assert (result.added, result.updated, result.rejected) == (0, 0, [])
            assert result.unchanged == 2
    with store.begin() as s:
        stored = {(o.description, o.city) for o in s.scalars(select(Organisation))}
        found = {(i.description, i.status) for i in s.scalars(select(Idea))}
    assert stored == {("afdeling Lindewaard", "Lindewaard"), ("afdeling Ellemeet", "Ellemeet")}
    assert found == {("editie 2025", "gerealiseerd"), ("editie 2026", "nieuw")}

    # A changed row cannot say which of the two it is: rejected, naming both.
    rows = read_export(tmp_path / "organisaties.csv")
    text = ";".join(rows[0]) + "\n" + ";".join(["", "Voedselbank", "", "afdeling Zuid", *rows[1][4:]]) + "\n"
    result = csvio.import_path(store, "organisaties", write(tmp_path / "changed.csv", text))
    assert result.updated == 0
    assert result.rejected[0][1] == (
        f"Er zijn meer organisaties met deze naam: {refs[0]}, {refs[1]}. Pas de rij of de organisaties in Makelaar aan."
    )


def test_kvk_of_one_and_name_of_another_is_rejected_naming_both(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;kvk\nBakkerij;11111111\nBieb;\n"))

    result = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", "naam;kvk\nBieb;11111111\n"))

    assert (result.added, result.updated) == (0, 0)
    reason = result.rejected[0][1]
    assert "De naam hoort bij O-" in reason and "Bieb" in reason and "Bakkerij" in reason


def test_kvk_lookup_follows_a_changed_kvk(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;kvk\nBakkerij;11111111\nBieb;\n"))
    text = "naam;kvk\nBakkerij;22222222\nBieb;11111111\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", text))

    assert (result.updated, result.rejected) == (2, [])
    assert (org_by_name(store, "Bakkerij").kvk, org_by_name(store, "Bieb").kvk) == ("22222222", "11111111")
    again = csvio.import_path(store, "organisaties", tmp_path / "b.csv")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


def test_website_several_rows_of_the_file_share_identifies_nobody(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;website\nGemeente;www.lindewaard.nl\n"))
    text = "naam;website\nTeam Jeugd;https://www.lindewaard.nl\nTeam Wmo;lindewaard.nl/\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", text))

    assert (result.added, result.updated, result.rejected) == (2, 0, [])
    assert org_by_name(store, "Gemeente").website == "https://www.lindewaard.nl"


def test_values_excel_mangled_are_read_back(store: Store, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["naam", "kvk", "telefoon"])
    sheet.append(["Nul Voorop", 1234567, 612345678])
    sheet.append(["Tekst", "7654321", "0201234567"])
    book.save(tmp_path / "o.xlsx")
    text = "titel;teamgrootte;datum\nA;3.0;45000\nB;3,0;2026-03-04 00:00:00\nC;4;4 maart 2026\n"

    orgs = csvio.import_path(store, "organisaties", tmp_path / "o.xlsx")
    result = csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", text))

    assert (orgs.added, orgs.rejected) == (2, [])
    org = org_by_name(store, "Nul Voorop")
    assert (org.kvk, org.phone) == ("01234567", "06 12345678")
    assert org_by_name(store, "Tekst").kvk == "07654321"
    assert (result.added, result.rejected) == (3, [])
    with store.begin() as s:
        found = {i.title: (i.team_size, i.received_on) for i in s.scalars(select(Idea))}
    assert found == {"A": (3, date(2023, 3, 15)), "B": (3, date(2026, 3, 4)), "C": (4, date(2026, 3, 4))}


def test_excel_tolerance_stays_out_of_the_editors() -> None:
    from makelaar.domain import validation

    for clean, value in ((validation.clean_kvk, "1234567"), (validation.clean_team_size, "3.0")):
        with pytest.raises(ValueError):
            clean(value)


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        (
            "Sociale kaart Lindewaard, stand 1 maart 2026\nnaam;email;website\nEen;een@x.nl;een.nl\nTwee;t@x.nl;t.nl\n",
            ";",
        ),
        ("Sociale kaart\nnaam,email\nOrg Een,een@x.nl\n", ","),
        ('"Kaart; versie 2"\nnaam\tomschrijving\nA\t"x, y; z"\nB\tb\n', "\t"),
    ],
)
def test_separator_is_found_over_several_lines(store: Store, tmp_path: Path, text: str, separator: str) -> None:
    path = write(tmp_path / "t.csv", text)

    table = csvio.read_table(path)
    result = csvio.import_path(store, "organisaties", path)

    assert (table.delimiter, table.header_row) == (separator, 2)
    assert result.added == len(table.rows) and result.rejected == []


def test_list_cell_with_line_breaks(store: Store, tmp_path: Path) -> None:
    text = 'naam;wijken;themas\nMulti;"Centrum\nOosterhoek";"welzijn\r\nzorg"\n'

    csvio.import_path(store, "organisaties", write(tmp_path / "m.csv", text))

    org = org_by_name(store, "Multi")
    assert area_names(store, org.area_ids) == {"Centrum", "Oosterhoek"}
    assert term_names(store, org.theme_ids) == {"welzijn", "zorg"}


def test_huge_cell_rejects_only_its_row(store: Store, tmp_path: Path) -> None:
    text = "naam;omschrijving\nGroot;" + "a" * 200_000 + "\nKlein;kort\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "h.csv", text))

    assert (result.added, [r[0] for r in result.rejected]) == (1, [2])
    assert result.rejected[0][1] == "De cel in kolom B (omschrijving) is te lang: 200000 tekens, de grens is 100000."


def test_idea_without_wijk_is_found_by_its_title_when_that_is_unique(store: Store, tmp_path: Path) -> None:
    text = "titel;wijk\nSamen koken;Centrum\nBuurtfeest;Centrum\nBuurtfeest;Oosterhoek\n"
    csvio.import_path(store, "ideeen", write(tmp_path / "a.csv", text))

    nowijk = "titel;wijk;status\nSamen koken;;in uitvoering\nBuurtfeest;;in uitvoering\n"
    result = csvio.import_path(store, "ideeen", write(tmp_path / "b.csv", nowijk))

    assert (result.added, result.updated) == (0, 1)
    assert result.rejected[0][1].startswith("Er zijn meer ideeën met deze titel")
    with store.begin() as s:
        assert ideas.find_idea(s, "Samen koken").status == "in uitvoering"
    other = csvio.import_path(store, "ideeen", write(tmp_path / "c.csv", "titel;wijk\nSamen koken;Noord\n"))
    assert (other.added, other.updated) == (1, 0)  # another wijk is another idea
    assert other.rows[0].action == csvio.ADDED


def test_duplicate_header_is_reported_as_such(store: Store, tmp_path: Path) -> None:
    text = "naam;omschrijving;email;email\nDubbel;x;a@x.nl;b@x.nl\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "d.csv", text))

    assert org_by_name(store, "Dubbel").email == "a@x.nl"
    assert result.unknown_columns == []
    assert "Kolom 'email' staat twee keer in het bestand; de tweede (kolom D) is niet gebruikt." in (
        result.summary_lines()
    )


def test_file_errors_are_dutch_per_cause(store: Store, tmp_path: Path) -> None:
    import errno

    missing = tmp_path / "weg" / "uit.csv"
    with store.begin() as s, pytest.raises(KnownError) as caught:
        csvio.export_path(s, "organisaties", missing)
    assert (
        str(caught.value)
        == f"{missing} kan niet worden geschreven: de map {missing.parent} bestaat niet (meer); kies een andere map."
    )
    target = tmp_path / "x.csv"
    assert "de schijf is vol" in csvio.file_error_text(OSError(errno.ENOSPC, "No space left on device"), target)
    assert "geen toestemming" in csvio.file_error_text(PermissionError(errno.EACCES, "Permission denied"), target)
    assert "geopend in een ander programma" in csvio.file_error_text(OSError(errno.EBUSY, "Device busy"), target)
    for exc in (OSError(errno.ENOSPC, "x"), PermissionError(errno.EACCES, "x"), FileNotFoundError(errno.ENOENT, "x")):
        assert "No " not in csvio.file_error_text(exc, target)


def test_stored_organisations_are_read_as_the_service_reads_them(any_store: Store) -> None:
    store = any_store
    csvio.import_path(store, "organisaties", DEV / "organisaties.csv")
    with store.begin() as s:
        first = s.scalars(select(Organisation.id)).first()
        assert first is not None
        organisations.save_organisation(
            s,
            replace(
                organisations.get_organisation(s, first),
                contacts=[ContactData(name="Piet", email="p@x.nl"), ContactData(name="Ans", role="voorzitter")],
            ),
        )
    with store.begin() as s:
        ids = list(s.scalars(select(Organisation.id)))
        fast = csvio._organisation_data_by_id(s, ids)
        assert len(fast) == len(ids) == 30
        for org_id in ids:
            slow = organisations.get_organisation(s, org_id)
            # Ids in lists compare as sets (the vocabulary orders them; ties have no order); contacts in order.
            assert csvio._comparable(fast[org_id]) == csvio._comparable(slow)
            assert (fast[org_id].version, fast[org_id].created_at) == (slow.version, slow.created_at)


def test_kvk_several_rows_share_under_other_names_identifies_nobody(store: Store, tmp_path: Path) -> None:
    text = "naam;kvk;omschrijving\nVoedselbank Noord;11111111;noord\nVoedselbank Zuid;11111111;zuid\n"

    first = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", text))
    again = csvio.import_path(store, "organisaties", tmp_path / "b.csv")
    changed = csvio.import_path(store, "organisaties", write(tmp_path / "c.csv", text.replace("zuid\n", "Zuid!\n")))

    assert (first.added, first.rejected) == (2, [])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert (changed.updated, changed.unchanged, changed.rejected) == (1, 1, [])
    assert org_by_name(store, "Voedselbank Zuid").description == "Zuid!"


def test_file_with_utf8_and_windows_1252_lines(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes("naam;omschrijving\nCafé Één;koffie\n".encode() + "Prijs;€5\n".encode("cp1252"))

    table = csvio.read_table(path)

    assert [cells for _n, cells in table.rows] == [["Café Één", "koffie"], ["Prijs", "€5"]]
    assert table.encoding == "UTF-8 en Windows-1252 door elkaar"


# --- a sociale kaart without Makelaar's vocabulary -------------------------------------------------------------------


def test_help_types_and_themes_are_proposed_from_the_words_of_a_row_that_has_none(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "kaart.csv",
        "Naam;Categorie;Levert;Omschrijving\n"
        "Taalhuis Centrum;Onderwijs;Taallessen;Gratis lessen Nederlands voor nieuwkomers, met vrijwilligers.\n"
        "Zaalverhuur De Ster;;;Grote zaal te huur voor bewoners.\n"
        "Eigen Fonds;fonds;geld;Geeft een bijdrage.\n",
    )
    result = csvio.import_path(store, "organisaties", path)
    assert result.added == 3 and not result.rejected
    taal = org_by_name(store, "Taalhuis Centrum")
    assert term_names(store, taal.offer_ids) == {"advies", "vrijwilligers"}
    assert "onderwijs" in term_names(store, taal.theme_ids)
    assert term_names(store, org_by_name(store, "Zaalverhuur De Ster").offer_ids) == {"ruimte"}
    # A row that names a known type of help keeps exactly that: nothing is proposed over what the file says.
    assert term_names(store, org_by_name(store, "Eigen Fonds").offer_ids) == {"geld"}
    assert result.proposed == [2, 3]
    # "Taallessen" in Levert is no type of help Makelaar knows: kept in the description, and the text proposes
    # one instead. Categorie holds themes: "fonds" is none, reported.
    assert "Biedt ook: Taallessen" in taal.description
    assert result.unknown_terms == {"fonds": [4]}
    assert any("voorgesteld uit de naam en omschrijving" in line for line in result.summary_lines())


def test_an_update_never_gets_proposals(store: Store, tmp_path: Path) -> None:
    first = write(tmp_path / "a.csv", "naam;biedt;omschrijving\nDe Ster;advies;Grote zaal te huur.\n")
    csvio.import_path(store, "organisaties", first)
    again = write(tmp_path / "b.csv", "naam;omschrijving\nDe Ster;Grote zaal te huur.\n")
    result = csvio.import_path(store, "organisaties", again)
    assert result.proposed == []
    assert term_names(store, org_by_name(store, "De Ster").offer_ids) == {"advies"}


def test_a_funds_conditions_in_its_description_fill_its_own_fields_for_the_broker_to_check(
    store: Store, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "fondsen.csv",
        "naam;soort;biedt;omschrijving\n"
        'Burenfonds;fonds;geld;"Bijdragen tot 15.000 euro. Alleen voor initiatieven met minimaal 10 vrijwilligers; '
        'geen eenmalige feesten of evenementen."\n'
        "Club;vereniging;advies;Geen bijdrage aan eten en drinken.\n",
    )
    result = csvio.import_path(store, "organisaties", path)
    fund = org_by_name(store, "Burenfonds")
    assert fund.fund_max_amount == Decimal("15000")
    assert fund.fund_min_initiators == 10
    assert fund.fund_excludes == "geen eenmalige activiteiten of evenementen"
    note = dict(result.notes)[2]
    assert note.startswith("voorwaarden gelezen uit de omschrijving: hooguit € 15.000,00; minstens 10 mensen")
    # Only a fund's description is read as conditions.
    club = org_by_name(store, "Club")
    assert club.fund_excludes is None and 3 not in dict(result.notes)


def test_xlsx_export_has_real_dates_and_numbers_and_reads_back(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtfeest", team_size=4, received_on=date(2026, 3, 2)))
        csvio.export_path(s, "ideeen", tmp_path / "i.xlsx")
    book = openpyxl.load_workbook(tmp_path / "i.xlsx")
    sheet = book.worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["Nummer", "Titel"] and "Thema's" in headers
    row = {h: c for h, c in zip(headers, sheet[2], strict=True)}
    assert str(row["Nummer"].value).startswith("I-") and row["Titel"].value == "Buurtfeest"
    assert row["Datum"].value.date() == date(2026, 3, 2) and row["Datum"].number_format == "DD-MM-YYYY"
    assert row["Aantal mensen"].value == 4
    book.close()
    # The export's own headers (and its number column) read back without a word about unknown columns.
    again = csvio.import_path(store, "ideeen", tmp_path / "i.xlsx")
    assert (again.unchanged, again.unknown_columns) == (1, [])


# --- files built to exhaust memory or time ---------------------------------------------------------------------------


def _without_dimension(source: Path, target: Path) -> Path:
    """The workbook as some programs write it: no stored size of the sheet, so a reader must walk every row."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<dimension[^>]*/>", b"", data)
            zout.writestr(item, data)
    return target


def test_an_xlsx_without_dimension_and_a_long_empty_tail_is_read_to_the_data_and_says_so(
    store: Store, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["naam", "wijken"])
    sheet.append(["De Brug", "Oost"])
    sheet.append(["Het Anker", "West"])
    sheet.cell(row=15_000, column=1, value="ver onder de lege rijen")
    book.save(tmp_path / "met.xlsx")
    path = _without_dimension(tmp_path / "met.xlsx", tmp_path / "kaart.xlsx")

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, result.rejected) == (2, [])
    assert any(
        "Onder rij 3 van het werkblad volgen meer dan 10000 lege rijen" in line for line in result.summary_lines()
    )


def test_a_sheet_of_a_million_empty_rows_is_not_walked_to_its_end(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from makelaar.services.csvio import reading

    consumed = 0

    def rows() -> Iterator[tuple[SimpleNamespace, ...]]:
        nonlocal consumed
        for number in range(1, 1_000_001):
            consumed += 1
            value = ("naam", "De Brug", "Het Anker")[number - 1] if number <= 3 else None
            yield (SimpleNamespace(value=value, row=number),)

    records, notes = reading._xlsx_records(tmp_path / "bom.xlsx", rows())

    assert records == [(1, ["naam"]), (2, ["De Brug"]), (3, ["Het Anker"])]
    assert notes and "niet gelezen" in notes[0]
    assert consumed <= 3 + reading._MAX_EMPTY_RUN  # reading stopped: memory and time stay bounded


def test_too_many_filled_rows_are_refused_with_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    from makelaar.services.csvio import reading

    monkeypatch.setattr(reading, "MAX_ROWS", 50)
    rows = ((SimpleNamespace(value=f"Organisatie {n}", row=n),) for n in range(1, 1_000_001))

    with pytest.raises(KnownError, match="meer dan 50 gevulde rijen"):
        reading._xlsx_records(tmp_path / "groot.xlsx", rows)


def test_a_file_beyond_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from makelaar.services.csvio import reading

    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    path = write(tmp_path / "groot.csv", "naam\n" + "De Brug\n" * 100)

    with pytest.raises(KnownError, match="groter dan"):
        csvio.read_table(path)


def test_a_free_text_contact_cell_gives_its_details_and_is_kept_in_the_notes(store: Store, tmp_path: Path) -> None:
    free = (
        "Langsgaan, bellen of mailen: Kramatplantsoen 101, 1095 LC Amsterdam. Tel: 020 - 665 8001 "
        "E-mail: info@voedselbank.nl. " + "Open op werkdagen van negen tot vijf, behalve op feestdagen. " * 4
    )
    assert len(free) > 200  # longer than a contact person's name may be: this once rejected the row
    text = f"naam;contactpersoon;telefoon\nVoedselbank;{free};\nBuurthuis;Jan de Vries;020 123 4567\n"
    path = write(tmp_path / "kaart.csv", text)

    result = csvio.import_path(store, "organisaties", path)

    assert (result.added, result.rejected) == (2, [])
    bank = org_by_name(store, "Voedselbank")
    assert (bank.phone, bank.email, bank.postcode) == ("020 665 8001", "info@voedselbank.nl", "1095 LC")
    assert f"Contact: {free.strip()}" in bank.description
    assert bank.contacts == []
    assert [c.name for c in org_by_name(store, "Buurthuis").contacts] == ["Jan de Vries"]
    again = csvio.import_path(store, "organisaties", path)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)


# --- the same name in another area: branches -------------------------------------------------------------------------


def test_the_same_name_in_another_area_with_the_same_data_is_one_organisation_for_both(
    any_store: Store, tmp_path: Path
) -> None:
    text = (
        "Naam;Stadsdeel;Omschrijving;Telefoon\n"
        "Maatschappelijk werk;Zuid;Hulp bij geldzaken;020 123 4567\n"
        "Maatschappelijk werk;West;Hulp bij geldzaken;020 123 4567\n"
    )
    path = write(tmp_path / "kaart.csv", text)

    result = csvio.import_path(any_store, "organisaties", path)

    assert (result.added, result.rejected) == (1, [])
    assert count(any_store, Organisation) == 1
    assert area_names(any_store, org_by_name(any_store, "Maatschappelijk werk").area_ids) == {"Zuid", "West"}
    assert result.branches == [(3, "'Maatschappelijk werk' ook in West: één organisatie voor Zuid, West")]
    assert "Dezelfde naam in een ander gebied (vestigingen):" in result.summary_lines()
    again = csvio.import_path(any_store, "organisaties", path)
    assert (again.added, again.updated, again.unchanged, again.rejected) == (0, 0, 2, [])


def test_the_same_name_in_another_area_with_other_data_is_a_branch_named_by_its_area(
    any_store: Store, tmp_path: Path
) -> None:
    text = (
        "Naam;Stadsdeel;Omschrijving;Telefoon\n"
        "Voedselbank;Centrum;Pakketten op dinsdag;020 123 4567\n"
        "Voedselbank;Oost;Pakketten op vrijdag;020 765 4321\n"
        "Buurthuis;Oost;Koffie;\n"
    )
    path = write(tmp_path / "kaart.csv", text)

    result = csvio.import_path(any_store, "organisaties", path)

    assert (result.added, result.rejected) == (3, [])
    centrum, oost = org_by_name(any_store, "Voedselbank (Centrum)"), org_by_name(any_store, "Voedselbank (Oost)")
    assert (centrum.phone, oost.phone) == ("020 123 4567", "020 765 4321")
    assert area_names(any_store, oost.area_ids) == {"Oost"}
    assert result.branches == [
        (2, "'Voedselbank' in Centrum: opgeslagen als 'Voedselbank (Centrum)'"),
        (3, "'Voedselbank' in Oost met andere gegevens: opgeslagen als 'Voedselbank (Oost)'"),
    ]
    again = csvio.import_path(any_store, "organisaties", path)
    assert (again.added, again.updated, again.unchanged, again.rejected) == (0, 0, 3, [])
    assert count(any_store, Organisation) == 3


def test_a_branch_beside_an_organisation_already_in_makelaar_leaves_its_name(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;wijken\nVoedselbank;Centrum\n"))
    text = "naam;wijken;omschrijving\nVoedselbank;Centrum;Dinsdag\nVoedselbank;Oost;Vrijdag\n"

    result = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", text))

    assert (result.added, result.updated, result.rejected) == (1, 1, [])
    assert org_by_name(store, "Voedselbank").description == "Dinsdag"
    assert org_by_name(store, "Voedselbank (Oost)").description == "Vrijdag"


def test_idea_rows_with_values_no_editor_stores_are_rejected_naming_field_and_row(store: Store, tmp_path: Path) -> None:
    text = (
        "titel;teamgrootte;status;omschrijving\n"
        "Buurtfeest;3;nieuw;Op het plein\n"
        "Negatief team;-3;nieuw;\n"
        "Verzonnen status;2;bijna klaar;\n"
        "Bel\x07feest;2;nieuw;\n"
        "Stuurteken;2;nieuw;Tekst\x01met stuurteken\n"
    )
    path = write(tmp_path / "ideeen.csv", text)

    result = csvio.import_path(store, "ideeen", path)

    assert result.added == 1
    reasons = {number: reason for number, reason, _cells in result.rejected}
    assert sorted(reasons) == [3, 4, 5, 6]
    assert "tussen 1 en 10.000" in reasons[3]
    assert "Onbekende status 'bijna klaar'" in reasons[4]
    assert "De titel bevat een onzichtbaar stuurteken" in reasons[5]
    assert "De omschrijving bevat een onzichtbaar stuurteken" in reasons[6]
    assert count(store, Idea) == 1


def test_an_area_name_no_editor_stores_rejects_its_row_with_a_message(any_store: Store, tmp_path: Path) -> None:
    long = "Wijk " + "x" * 130  # longer than an area's name may be: PostgreSQL failed the whole row with a DataError
    path = write(tmp_path / "w.csv", f"naam;wijken\nDe Brug;Oost\x07\nHet Anker;{long}\nDe Ster;West\n")

    result = csvio.import_path(any_store, "organisaties", path)

    reasons = {number: reason for number, reason, _cells in result.rejected}
    assert "De naam van de wijk bevat een onzichtbaar stuurteken" in reasons[2]
    assert "De naam van de wijk is te lang" in reasons[3]
    assert result.new_areas == ["West"]
