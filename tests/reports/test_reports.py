"""Every report read back out of its PDF: titles, references, ë and €, Dutch dates, metadata, the embedded font,
the QR codes, and the privacy rule for each report."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from makelaar.domain.records import InitiatorData
from makelaar.reports import (
    build_matching_report,
    build_organisation_report,
    build_overview_report,
    build_session_report,
)
from makelaar.reports import session as session_report
from makelaar.reports.privacy import initials, people_line, visible_person
from makelaar.storage.store import Store
from tests.conftest import open_sqlite_copy
from tests.reports.conftest import (
    PRIVATE_EMAIL,
    PRIVATE_INITIALS,
    PRIVATE_NAME,
    SHARED_EMAIL,
    SHARED_NAME,
    TODAY,
    World,
    flat,
    make_world,
    pdf_text,
)


def render(store: Store, build: Callable[..., None], *args: Any, **kw: Any) -> bytes:
    out = io.BytesIO()
    with store.begin() as s:
        build(s, *args, out, today=TODAY, **kw)
    return out.getvalue()


def reports(world: World) -> dict[str, tuple[Callable[..., None], tuple[Any, ...], dict[str, Any]]]:
    return {
        "koppelingsrapport bewoner (gedeeld)": (
            build_matching_report,
            (world.shared_idea.id,),
            {"audience": "bewoner"},
        ),
        "koppelingsrapport partners (gedeeld)": (
            build_matching_report,
            (world.shared_idea.id,),
            {"audience": "partners"},
        ),
        "koppelingsrapport bewoner (niet gedeeld)": (
            build_matching_report,
            (world.private_idea.id,),
            {"audience": "bewoner"},
        ),
        "koppelingsrapport partners (niet gedeeld)": (
            build_matching_report,
            (world.private_idea.id,),
            {"audience": "partners"},
        ),
        "wijktafelverslag": (build_session_report, (world.session.id,), {}),
        "organisatieblad": (build_organisation_report, (world.fund.id,), {}),
        "overzicht": (build_overview_report, (date(2026, 1, 1), date(2026, 12, 31)), {}),
    }


REPORTS = [
    "koppelingsrapport bewoner (gedeeld)",
    "koppelingsrapport partners (gedeeld)",
    "koppelingsrapport bewoner (niet gedeeld)",
    "koppelingsrapport partners (niet gedeeld)",
    "wijktafelverslag",
    "organisatieblad",
    "overzicht",
]


@pytest.fixture(scope="module")
def rendered(
    sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[World, dict[str, bytes]]]:
    """Every report once per module: the tests below only read them."""
    store = open_sqlite_copy(sqlite_template, tmp_path_factory.mktemp("reports"))
    try:
        world = make_world(store)
        yield world, {name: render(store, build, *args, **kw) for name, (build, args, kw) in reports(world).items()}
    finally:
        store.close()


# --- privacy ---------------------------------------------------------------------------------------------------------


def test_initials_keep_dutch_particles_small() -> None:
    assert initials("Anna de Vries") == "A.d.V."
    assert initials("Bram van Dijk") == "B.v.D."
    assert initials("jan") == "J."
    assert initials("") == ""


def test_a_resident_without_share_consent_shows_initials_only() -> None:
    private = InitiatorData(name="Bram van Dijk", email="b@example.nl", consent_contact=True, consent_share=False)
    shared = InitiatorData(name="Anna de Vries", email="a@example.nl", consent_contact=True, consent_share=True)
    assert visible_person(private).label == "B.v.D."
    assert visible_person(private).contact == ""
    assert visible_person(shared).label == "Anna de Vries"
    assert people_line([shared, private], contact=True) == "Anna de Vries (a@example.nl), B.v.D."


@pytest.mark.parametrize("name", REPORTS)
def test_privacy_rule_in_every_report(rendered: tuple[World, dict[str, bytes]], name: str) -> None:
    text = flat(pdf_text(rendered[1][name]))
    squashed = "".join(text.split())  # a narrow cell may wrap an e-mail address anywhere
    # Nobody's name or address is printed without consent to share, in any report.
    assert PRIVATE_NAME not in text
    assert PRIVATE_EMAIL not in squashed
    assert "Bram" not in text
    if name == "overzicht":
        # Figures only: no resident at all, even with consent.
        assert SHARED_NAME not in text
        assert SHARED_EMAIL not in squashed
        return
    if "niet gedeeld" in name:
        assert PRIVATE_INITIALS in text
        return
    if name == "wijktafelverslag":
        assert PRIVATE_INITIALS in text  # both ideas are on it
    if name == "organisatieblad":
        assert PRIVATE_INITIALS in text  # linked to both ideas
    assert SHARED_NAME in text
    assert SHARED_EMAIL in squashed


# --- content -----------------------------------------------------------------------------------------------------


def test_matching_report_content(rendered: tuple[World, dict[str, bytes]]) -> None:
    world, pdfs = rendered
    for audience in ("bewoner", "partners"):
        text = flat(pdf_text(pdfs[f"koppelingsrapport {audience} (gedeeld)"]))
        assert "Koppelingsrapport" in text
        assert world.shared_idea.reference in text
        assert "Ideeën-café in het buurthuis" in text
        assert "€ 1.250,00" in text
        assert "Energiecoöperatie Zon" in text
        assert "01-12-2026" in text  # the follow-up date, Dutch
        assert "Koffie & <thee> gratis." in text  # user text is text, not markup
        assert "Afgedrukt op 28-11-2026" in text
        assert "pagina 1 van" in text
    assert "versie voor de initiatiefnemer" in flat(pdf_text(pdfs["koppelingsrapport bewoner (gedeeld)"]))
    partners = flat(pdf_text(pdfs["koppelingsrapport partners (gedeeld)"]))
    assert "versie voor Energiecoöperatie Zon" in partners
    assert "Pieter Zwart" in partners and "p.zwart@zon.example" in partners


def test_matching_report_refuses_an_unknown_audience(store: Store, world: World) -> None:
    with pytest.raises(ValueError, match="audience"):
        render(store, build_matching_report, world.shared_idea.id, audience="pers")


def test_session_report_lists_every_idea_with_suggestions(rendered: tuple[World, dict[str, bytes]]) -> None:
    pdfs = rendered[1]
    text = flat(pdf_text(pdfs["wijktafelverslag"]))
    assert "Wijktafelverslag" in text
    assert "Wijktafel Oosterhoek" in text and "09-09-2026" in text
    assert "Ideeën-café in het buurthuis" in text and "Moestuin achter de school" in text
    assert "Matchkaarten" in text
    assert "Voorgestelde partner" in text


def test_session_report_has_one_qr_code_per_idea(store: Store, world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    class Recording(session_report.QrCodeWidget):  # type: ignore[misc]
        def __init__(self, value: str, **kw: Any) -> None:
            made.append(value)
            super().__init__(value, **kw)

    monkeypatch.setattr(session_report, "QrCodeWidget", Recording)
    text = flat(pdf_text(render(store, build_session_report, world.session.id)))
    references = sorted([world.shared_idea.reference or "", world.private_idea.reference or ""])
    assert sorted(made) == references
    # The reference as text too: in the list, on the card and under the QR code.
    for ref in references:
        assert text.count(ref) >= 3


def test_organisation_sheet_content(rendered: tuple[World, dict[str, bytes]]) -> None:
    world, pdfs = rendered
    text = flat(pdf_text(pdfs["organisatieblad"]))
    assert "Organisatieblad" in text
    assert "Energiecoöperatie Zon" in text
    assert "fonds" in text and "geld, advies" in text and "duurzaamheid" in text and "Oosterhoek" in text
    assert "€ 10.000,00" in text and "01-03-2027" in text
    assert "Geeft geld & advies <voor> duurzame ideeën." in text
    assert "Pieter Zwart" in text
    assert world.shared_idea.reference in text and world.private_idea.reference in text
    assert "2 koppelingen in totaal" in text


def test_overview_content(rendered: tuple[World, dict[str, bytes]]) -> None:
    text = flat(pdf_text(rendered[1]["overzicht"]))
    assert "Overzicht ideeën en koppelingen" in text
    assert "01-01-2026 tot en met 31-12-2026" in text
    for word in ("welzijn", "duurzaamheid", "Oosterhoek", "In deze periode is geen idee afgesloten."):
        assert word in text
    assert "Ideeën binnengekomen 2" in text
    assert "Koppelingen gemaakt 3" in text
    assert "september 2026" in text


def test_overview_figures_on_both_backends(any_store: Store) -> None:
    from makelaar.services.figures import overview_figures

    make_world(any_store)
    with any_store.begin() as s:
        fig = overview_figures(s, date(2026, 1, 1), date(2026, 12, 31))
        empty = overview_figures(s, date(2020, 1, 1), date(2020, 3, 31))
    assert fig.received == 2
    assert dict(fig.by_theme) == {"welzijn": 1, "duurzaamheid": 1}
    assert dict(fig.by_area) == {"Oosterhoek": 2}
    assert fig.matches == 3 and fig.committed == 0
    assert next(m for m in fig.months if m.month == 9).ideas == 2
    assert len(fig.months) == 12
    assert empty.received == 0 and len(empty.months) == 3
    out = io.BytesIO()
    with any_store.begin() as s:
        build_overview_report(s, date(2026, 1, 1), date(2026, 12, 31), out, today=TODAY)
    assert "Overzicht" in pdf_text(out.getvalue())


def test_overview_refuses_a_reversed_period(store: Store) -> None:
    with pytest.raises(ValueError, match="einddatum"):
        render(store, build_overview_report, date(2026, 2, 1), date(2026, 1, 1))


# --- the document itself --------------------------------------------------------------------------------------------


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    found = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            found.append(ref.get_object())
    return found


@pytest.mark.parametrize("name", REPORTS)
def test_metadata_language_and_embedded_font(rendered: tuple[World, dict[str, bytes]], name: str) -> None:
    reader = PdfReader(io.BytesIO(rendered[1][name]))
    meta = reader.metadata
    assert meta is not None
    assert meta.title and meta.subject
    assert meta.author == "Gemeente Lindewaard"
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    fonts = _fonts(reader)
    assert fonts
    assert all("DejaVuSans" in str(f["/BaseFont"]) for f in fonts), [f["/BaseFont"] for f in fonts]
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts if "/FontDescriptor" in f)
    assert any("/FontDescriptor" in f for f in fonts)


def test_reports_write_to_a_path(store: Store, world: World, tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    with store.begin() as s:
        build_matching_report(s, world.shared_idea.id or "", target, audience="partners", today=TODAY)
    assert target.read_bytes().startswith(b"%PDF")
