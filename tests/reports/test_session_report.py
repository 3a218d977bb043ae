"""The wijktafelverslag: open ideas with their suggestions, closed ideas apart without them, and a matchkaart per
open idea that names the evening and has real boxes to tick."""

from __future__ import annotations

import io
from dataclasses import replace

import pikepdf
from pypdf import PdfReader

from makelaar.domain.enums import IdeaStatus
from makelaar.reports import build_session_report
from makelaar.services import ideas, matching
from makelaar.storage.store import Store
from tests.reports import pdfcheck
from tests.reports.conftest import TODAY, World, flat


def render(store: Store, world: World) -> bytes:
    out = io.BytesIO()
    with store.begin() as s:
        build_session_report(s, world.session.id or "", out, today=TODAY)
    return out.getvalue()


def close(store: Store, world: World) -> None:
    with store.begin() as s:
        idea = ideas.get_idea(s, world.private_idea.id or "")
        ideas.save_idea(s, replace(idea, status=IdeaStatus.REALISED.value))


def test_a_closed_idea_is_listed_apart_without_suggestions_or_card(store: Store, world: World) -> None:
    close(store, world)
    pages = [flat(p.extract_text() or "") for p in PdfReader(io.BytesIO(render(store, world))).pages]
    text = " ".join(pages)
    closed_ref, open_ref = world.private_idea.reference or "", world.shared_idea.reference or ""
    apart = text[text.index("Afgesloten ideeën") : text.index("Matchkaarten")]
    assert f"{closed_ref} Moestuin achter de school gerealiseerd" in apart
    assert "Voorgestelde partner" not in apart
    before = text[: text.index("Afgesloten ideeën")]
    assert closed_ref not in before.split("Ideeën van deze avond", 1)[1]
    cards = text[text.index("Matchkaarten") :]
    assert open_ref in cards and closed_ref not in cards
    assert "2, waarvan 1 afgesloten" in text


def test_each_idea_stays_on_one_page_with_its_suggestions(store: Store, world: World) -> None:
    pages = [flat(p.extract_text() or "") for p in PdfReader(io.BytesIO(render(store, world))).pages]
    for idea in (world.shared_idea, world.private_idea):
        heading = f"{idea.reference} · {idea.title}"
        page = next(p for p in pages if heading in p)
        block = page[page.index(heading) :]
        assert "Voorgestelde partner" in block or "Geen passende organisatie gevonden" in block


def test_the_matchkaart_names_the_evening_and_draws_its_boxes(store: Store, world: World) -> None:
    data = render(store, world)
    text = flat("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))
    cards = text[text.index("Matchkaarten") :]
    assert cards.count("Wijktafel Oosterhoek · 09-09-2026") == 2
    assert "☐" not in cards and "....." not in cards
    # The boxes are drawn squares of five millimetres (in artifacts: pdfcheck), one per partner and one for
    # "Andere partner".
    with pikepdf.open(io.BytesIO(data)) as pdf:
        squares = [
            ops
            for page in pdf.pages
            for ops, op in pikepdf.parse_content_stream(page)
            if str(op) == "re" and abs(float(ops[2]) - 14.17) < 0.1 and abs(float(ops[3]) - 14.17) < 0.1
        ]
    with store.begin() as s:
        suggested = sum(len(matching.suggest(s, i.id or "", top=3)) for i in (world.shared_idea, world.private_idea))
    assert len(squares) == suggested + 2
    assert pdfcheck.problems(data) == []


def test_a_long_partner_name_on_the_card_gets_a_row_high_enough() -> None:
    from makelaar.reports.session import TICK_BOX, _tick_list
    from makelaar.reports.style import WIDTH

    name = "Stichting Werkplaats aan het Water voor Kadebuurt, Havenkwartier en omstreken"
    ticks = _tick_list([name, "Andere partner:"])
    ticks.wrap(WIDTH - 46 * 2.8346, 1000)
    long_row, short_row = ticks._rowHeights
    assert short_row >= TICK_BOX
    assert long_row > short_row + 8  # two lines of text, not one line's height with the name running over
