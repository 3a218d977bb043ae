"""Every report kind is a tagged PDF (PDF/UA-1): checked with `pdfua` (the machine-checkable rules it covers) and
read back with pikepdf for the rest (tests/reports/pdfcheck.py), on the example data and on a stress store (30
ideas at one wijktafel with texts of 3,000 characters, an empty period)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from pdfua import validate
from sqlalchemy import select

from makelaar.actions import inzage as inzage_action
from makelaar.domain.enums import MatchStatus, Vocabulary
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData, SessionData
from makelaar.reports import (
    build_matching_report,
    build_organisation_report,
    build_overview_report,
    build_session_report,
    style,
)
from makelaar.services import demo, ideas, matches, organisations, sessions, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.storage.models import Initiator
from makelaar.storage.store import Store
from tests.conftest import open_sqlite_copy, term_id
from tests.reports import pdfcheck

TODAY = date(2026, 11, 28)
LONG = (
    "Bewoners van de Kadebuurt willen de oude loods aan het water ombouwen tot een werkplaats voor iedereen: "
    "repareren, leren lassen, fietsen opknappen en samen eten. "
) * 22  # about 3,000 characters

Build = Callable[[Any], None]


def render(store: Store, build: Callable[..., None], *args: Any, **kw: Any) -> bytes:
    out = io.BytesIO()
    with store.begin() as s:
        build(s, *args, out, today=TODAY, **kw)
    return out.getvalue()


def tmp_inzage(store: Store) -> Path:
    """A folder beside the store's file for the inzage, which the program writes to a file only."""
    assert store.path is not None
    return store.path.parent


def demo_reports(store: Store) -> dict[str, bytes]:
    with store.begin() as s:
        demo.fill(s)
    with store.begin() as s:
        rows = ideas.list_ideas(s, ListQuery(), limit=1000)
        linked = max(rows, key=lambda r: len(matches.matches_for_idea(s, r.id))).id
        session = max(sessions.list_sessions(s), key=lambda x: len(ideas.list_ideas(s, ListQuery(session_id=x.id))))
        org = max(
            organisations.list_organisations(s, ListQuery(), limit=1000),
            key=lambda o: len(matches.matches_for_organisation(s, o.id)),
        )
    # A resident's inzage (their own data, as a PDF) goes to residents too.
    with store.begin() as s:
        person = s.scalars(select(Initiator.id).where(Initiator.name.is_not(None)).order_by(Initiator.id)).first()
        assert person is not None
        inzage = tmp_inzage(store) / "inzage.pdf"
        inzage_action.write_export(s, person, inzage, today=TODAY)
    return {
        "demo inzage": inzage.read_bytes(),
        "demo koppelingsrapport bewoner": render(store, build_matching_report, linked, audience="bewoner"),
        "demo koppelingsrapport partners": render(store, build_matching_report, linked, audience="partners"),
        "demo wijktafelverslag": render(store, build_session_report, session.id),
        "demo organisatieblad": render(store, build_organisation_report, org.id),
        "demo overzicht": render(store, build_overview_report, date(2026, 1, 1), date(2026, 12, 31)),
    }


def stress_reports(store: Store) -> dict[str, bytes]:
    with store.begin() as s:
        area = vocabulary.add_area(s, "Kadebuurt")
        session = sessions.save_session(
            s, SessionData(title="Wijktafel Kadebuurt " + "en omstreken " * 8, held_on=TODAY, place="De Loods")
        )
        needs = [term_id(s, Vocabulary.HELP_TYPE, n) for n in ("ruimte", "geld", "advies", "vrijwilligers")]
        orgs = [
            organisations.save_organisation(
                s,
                OrganisationData(
                    name=f"Stichting Werkplaats aan het Water nummer {n} voor Kadebuurt en Havenkwartier",
                    description=LONG,
                    offer_ids=needs,
                    area_ids=[area.id],
                    email=f"info{n}@werkplaats-aan-het-water.example",
                    contacts=[ContactData(name=f"Contact {n}", email=f"c{n}@werkplaats.example", phone="0612345678")],
                ),
            )
            for n in range(8)
        ]
        made = []
        for n in range(30):
            made.append(
                ideas.save_idea(
                    s,
                    IdeaData(
                        title=f"Werkplaats in de loods, plan {n + 1}",
                        description=LONG,
                        area_id=area.id,
                        session_id=session.id,
                        received_on=TODAY - timedelta(days=n),
                        need_ids=needs,
                        initiators=[
                            InitiatorData(name=f"Fatima el Amrani {n}", consent_contact=True, consent_share=True)
                        ],
                    ),
                )
            )
        for org in orgs:
            for need in needs[:2]:
                matches.create_match(
                    s,
                    idea_id=made[0].id or "",
                    organisation_id=org.id or "",
                    need_id=need,
                    status=MatchStatus.APPROACHED,
                    follow_up_on=TODAY,
                    contact_id=org.contacts[0].id,
                    note=LONG[:600],
                )
    return {
        "stress wijktafelverslag": render(store, build_session_report, session.id),
        "stress koppelingsrapport bewoner": render(store, build_matching_report, made[0].id, audience="bewoner"),
        "stress koppelingsrapport partners": render(store, build_matching_report, made[0].id, audience="partners"),
        "stress organisatieblad": render(store, build_organisation_report, orgs[0].id),
        "stress overzicht": render(store, build_overview_report, date(2026, 1, 1), date(2026, 12, 31)),
        "leeg overzicht": render(store, build_overview_report, date(2019, 1, 1), date(2019, 6, 30)),
    }


BROKEN: list[str] = []  # paragraphs of the reports below in which a word had to be broken


class RecordingTagger(style.Tagger):
    def __init__(self) -> None:
        super().__init__()
        self.broken_words = BROKEN


@pytest.fixture(scope="module")
def pdfs(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, bytes]]:
    made: dict[str, bytes] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(style, "Tagger", RecordingTagger)
        for name, fill in (("demo", demo_reports), ("stress", stress_reports)):
            store = open_sqlite_copy(sqlite_template, tmp_path_factory.mktemp(name))
            try:
                made.update(fill(store))
            finally:
                store.close()
    yield made


def test_no_word_is_broken_inside(pdfs: dict[str, bytes]) -> None:
    assert pdfs and BROKEN == []


KINDS = [
    "demo inzage",
    "demo koppelingsrapport bewoner",
    "demo koppelingsrapport partners",
    "demo wijktafelverslag",
    "demo organisatieblad",
    "demo overzicht",
    "stress wijktafelverslag",
    "stress koppelingsrapport bewoner",
    "stress koppelingsrapport partners",
    "stress organisatieblad",
    "stress overzicht",
    "leeg overzicht",
]


@pytest.mark.parametrize("name", KINDS)
def test_the_pdfua_checker_finds_nothing(pdfs: dict[str, bytes], name: str, tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(pdfs[name])
    report = validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []
    # Every rule it has ran; none was skipped on something it could not read.
    assert report.skipped == ()


@pytest.mark.parametrize("name", KINDS)
def test_the_structure_reads_back(pdfs: dict[str, bytes], name: str) -> None:
    assert pdfcheck.problems(pdfs[name]) == []


def test_the_stress_reports_are_long_enough_to_prove_something(pdfs: dict[str, bytes]) -> None:
    with pikepdf.open(io.BytesIO(pdfs["stress wijktafelverslag"])) as pdf:
        assert len(pdf.pages) > 20
        with pdf.open_outline() as outline:
            titles = [item.title for item in outline.root]
        assert titles and titles[0] == "Wijktafelverslag"


def test_figures_say_what_they_show(pdfs: dict[str, bytes]) -> None:
    def alts(data: bytes) -> list[str]:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return [str(e.obj.Alt) for e in pdfcheck.walk(pdfcheck.structure(pdf)) if e.role == "/Figure"]

    session = alts(pdfs["demo wijktafelverslag"])
    assert session and all(a.startswith("QR-code met nummer I-") for a in session)
    overview = alts(pdfs["demo overzicht"])
    assert len(overview) >= 2
    assert any("per maand" in a and "januari 2026" in a for a in overview)
    assert alts(pdfs["leeg overzicht"]) == []  # no charts of zeros


def test_the_checks_catch_untagged_content() -> None:
    """The own checks fail on a plain ReportLab PDF (no structure) and on content outside any mark."""
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.drawString(100, 700, "Zonder structuur")
    canvas.save()
    assert "no structure tree" in pdfcheck.problems(out.getvalue())
    with pikepdf.open(io.BytesIO(out.getvalue())) as pdf:
        found = pdfcheck.scan_page(pdf.pages[0], 0)[1]
    assert found and "outside marked content" in found[0]


@pytest.mark.parametrize("name", KINDS)
def test_the_layout_holds(pdfs: dict[str, bytes], name: str) -> None:
    assert pdfcheck.layout_problems(pdfs[name]) == []
