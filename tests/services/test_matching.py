"""Suggestions through the services: from the store, cached per store, as JSON, and measured on the judged set."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from makelaar.domain.enums import AreaKind, IdeaStatus, MatchStatus, Vocabulary
from makelaar.domain.errors import NotFoundError
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, matches, matching, organisations
from makelaar.services import vocabulary as vocab
from makelaar.storage.store import Store
from tests.conftest import DEV_SET, DEV_SET2, term_id

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 28)


@dataclass
class World:
    idea: str
    centre: str
    volunteers: str
    fund: str
    closed_fund: str
    inactive: str
    far: str
    ids: dict[str, str]


@pytest.fixture
def world(any_store: Store) -> World:
    with any_store.begin() as s:
        t = {n: term_id(s, Vocabulary.HELP_TYPE, n) for n in ("ruimte", "geld", "vrijwilligers", "advies")}
        t |= {n: term_id(s, Vocabulary.THEME, n) for n in ("duurzaamheid", "welzijn", "sport")}
        fonds = term_id(s, Vocabulary.ORGANISATION_KIND, "fonds")
        wide = vocab.municipality_area(s).id
        noord = vocab.add_area(s, "Noord").id
        noord_oost = vocab.add_area(s, "Noord-Oost", AreaKind.NEIGHBOURHOOD, parent_id=noord).id
        zuid = vocab.add_area(s, "Zuid").id

        def save(
            name: str, description: str, offers: list[str], themes: list[str], areas: list[str], **kw: object
        ) -> str:
            data = OrganisationData(
                name=name,
                description=description,
                offer_ids=[t[o] for o in offers],
                theme_ids=[t[x] for x in themes],
                area_ids=areas,
                **kw,  # type: ignore[arg-type]
            )
            saved = organisations.save_organisation(s, data)
            assert saved.id
            return saved.id

        centre = save("Buurthuis De Linde", "Zaal met keuken voor de moestuinclub.", ["ruimte"], ["welzijn"], [noord])
        volunteers = save("Vrijwilligerscentrale", "Zoekt vrijwilligers.", ["vrijwilligers"], ["welzijn"], [wide])
        fund = save("Groenfonds", "Geld voor groene plannen.", ["geld"], ["duurzaamheid"], [wide], kind_id=fonds)
        closed_fund = save(
            "Klein Fonds",
            "Geld voor groene plannen.",
            ["geld"],
            ["duurzaamheid"],
            [wide],
            kind_id=fonds,
            fund_max_amount=Decimal("1000"),
        )
        inactive = save(
            "Moestuinvereniging (opgeheven)",
            "Moestuin, tuinadvies en vrijwilligers.",
            ["ruimte", "vrijwilligers", "geld"],
            ["duurzaamheid"],
            [noord],
            active=False,
        )
        far = save("Sportpark Zuid", "Velden en kleedkamers.", ["ruimte"], ["sport"], [zuid])
        idea = ideas.save_idea(
            s,
            IdeaData(
                title="Buurtmoestuin aan de Lindelaan",
                description="Bewoners willen samen groenten kweken in een moestuin.",
                area_id=noord_oost,
                theme_ids=[t["duurzaamheid"], t["welzijn"]],
                need_ids=[t["ruimte"], t["vrijwilligers"], t["geld"]],
                team_size=4,
                requested_amount=Decimal("2500"),
                received_on=TODAY,
            ),
        )
        assert idea.id
    return World(idea.id, centre, volunteers, fund, closed_fund, inactive, far, t)


def test_suggest_ranks_explains_and_covers(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        got = matching.suggest(s, world.idea, top=5, today=TODAY)
    by_id = {x.organisation_id: x for x in got}
    assert world.inactive not in by_id
    assert {x.organisation_id for x in got[:3]} == {world.centre, world.volunteers, world.fund}
    centre = by_id[world.centre]
    assert centre.reasons[0] == "kan helpen met ruimte"
    assert "zit in Noord (zelfde wijk)" in centre.reasons  # the idea's buurt lies in the centre's wijk
    assert any(r.startswith("gaat ook over ") and "moestuin" in r for r in centre.reasons)
    assert "kan helpen met geld" in by_id[world.fund].reasons
    closed = by_id[world.closed_fund]
    assert not closed.fits
    assert "fonds: geeft hooguit € 1.000,00, dit idee vraagt € 2.500,00 — past niet" in closed.reasons
    assert closed.score < by_id[world.fund].score
    assert [x.score for x in got] == sorted((x.score for x in got), reverse=True)


def test_suggest_for_an_unknown_idea(any_store: Store, world: World) -> None:
    with any_store.begin() as s, pytest.raises(NotFoundError):
        matching.suggest(s, "00000000-0000-0000-0000-000000000000")


def test_warming_builds_the_index_the_first_suggestion_then_uses(
    any_store: Store, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    matching.invalidate()
    builds: list[int] = []
    real = matching.load_index
    monkeypatch.setattr(matching, "load_index", lambda s, **kw: builds.append(1) or real(s, **kw))
    matching.warm(any_store)
    assert builds == [1]
    with any_store.begin() as s:
        assert matching.suggest(s, world.idea, top=3, today=TODAY)
    assert builds == [1]  # the suggestion found it built


def test_the_index_follows_saves_without_being_told(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        first = matching.suggest(s, world.idea, top=10, today=TODAY)
        index = matching.get_index(s)
        assert matching.get_index(s) is index  # cached while nothing changes
    with any_store.begin() as s:
        data = organisations.get_organisation(s, world.inactive)
        data.active = True
        organisations.save_organisation(s, data)
    with any_store.begin() as s:
        again = matching.suggest(s, world.idea, top=10, today=TODAY)
        assert matching.get_index(s) is not index
    assert world.inactive not in {x.organisation_id for x in first}
    assert again[0].organisation_id == world.inactive  # active again, and the best fit
    matching.invalidate()
    with any_store.begin() as s:
        assert matching.get_index(s) is not index


def test_existing_koppelingen_leave_the_list_and_outcomes_teach(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        matches.create_match(
            s, idea_id=world.idea, organisation_id=world.centre, need_id=world.ids["ruimte"], follow_up_on=TODAY
        )
        # A similar idea whose koppeling with the far sports park was accepted.
        other = ideas.save_idea(
            s,
            IdeaData(
                title="Moestuin aan de Lindelaan",
                description="Samen groenten kweken in een moestuin.",
                theme_ids=[world.ids["duurzaamheid"], world.ids["welzijn"]],
                need_ids=[world.ids["ruimte"], world.ids["vrijwilligers"], world.ids["geld"]],
                received_on=TODAY,
            ),
        )
        assert other.id
        row = matches.create_match(s, idea_id=other.id, organisation_id=world.far, need_id=world.ids["ruimte"])
        for status in (MatchStatus.APPROACHED, MatchStatus.COMMITTED):
            row = matches.update_match(s, row.id, version=row.version, status=status, follow_up_on=None)
    with any_store.begin() as s:
        got = matching.suggest(s, world.idea, top=6, today=TODAY)
    by_id = {x.organisation_id: x for x in got}
    assert world.centre not in by_id
    assert "hielp eerder bij een vergelijkbaar idee: Moestuin aan de Lindelaan" in by_id[world.far].reasons


def test_match_all_goes_over_open_ideas_with_progress_and_cancel(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        done = ideas.save_idea(
            s, IdeaData(title="Oud plan", status=IdeaStatus.REALISED.value, need_ids=[world.ids["ruimte"]])
        )
        seen: list[tuple[int, int]] = []
        results = matching.match_all(s, 3, progress=lambda n, total: seen.append((n, total)), today=TODAY)
        assert [idea.id for idea, _ in results] == [world.idea]
        assert done.id not in {idea.id for idea, _ in results}
        assert seen == [(1, 1)]
        assert len(results[0][1]) == 3
        assert matching.match_all(s, 3, cancelled=lambda: True) == []


def test_json_has_exactly_the_documented_shape(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        results = matching.match_all(s, 2, today=TODAY)
    text = matching.to_json(results)
    data = json.loads(text)
    assert json.loads(json.dumps(data)) == data
    assert isinstance(data, list) and len(data) == 1
    assert set(data[0]) == {"idea", "suggestions"}
    assert data[0]["idea"] == "Buurtmoestuin aan de Lindelaan"
    assert len(data[0]["suggestions"]) == 2
    for sug in data[0]["suggestions"]:
        assert set(sug) == {"organisation", "score", "reasons"}
        assert isinstance(sug["organisation"], str)
        assert isinstance(sug["score"], float) and sug["score"] == round(sug["score"], 2)
        assert all(isinstance(r, str) for r in sug["reasons"]) and sug["reasons"]
    assert '"score": 0.' in text or '"score": 1.0' in text
    # The reasons are the plain-Dutch texts a broker reads, not codes.
    assert data[0]["suggestions"][0]["reasons"][0].startswith("kan helpen met ")


def test_a_closed_idea_gets_no_suggestions_even_when_asked_for_by_name(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        idea = ideas.get_idea(s, world.idea)
        idea.status = IdeaStatus.REALISED.value
        ideas.save_idea(s, idea)
    with any_store.begin() as s:
        assert matching.suggest(s, world.idea, today=TODAY) == []
        assert matching.match_all(s, 5, idea_ids=[world.idea], today=TODAY)[0][1] == []
        assert matching.match_all(s, 5, today=TODAY) == []  # not among the open ideas either


def test_suggest_for_organisation_lists_open_ideas_it_fits(any_store: Store, world: World) -> None:
    with any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Voetbaltoernooi", theme_ids=[world.ids["sport"]], received_on=TODAY))
        got = matching.suggest_for_organisation(s, world.centre, top=5, today=TODAY)
        assert [x.idea_title for x in got] == ["Buurtmoestuin aan de Lindelaan"]
        assert got[0].organisation_id == world.centre
        assert "kan helpen met ruimte" in got[0].reasons
        assert matching.suggest_for_organisation(s, world.inactive) == []
        with pytest.raises(NotFoundError):
            matching.suggest_for_organisation(s, "00000000-0000-0000-0000-000000000000")


# --- the judged sets of two municipalities --------------------------------------------------------------------------


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("matching_eval", ROOT / "bench" / "matching_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("matching_eval", module)
    spec.loader.exec_module(module)
    return module


def _scores(folder: Path, workdir: Path) -> object:
    assert (folder / "beoordeling.csv").exists(), f"the judged set is missing: {folder}"
    evaluation = _eval_module()
    store, judged = evaluation.load_dev(folder, workdir)
    try:
        scores, _ = evaluation.run_service(store, judged)
    finally:
        store.close()
    return scores


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory: pytest.TempPathFactory) -> object:
    return _scores(DEV_SET, tmp_path_factory.mktemp("matching-dev"))


@pytest.fixture(scope="module")
def dev2_scores(tmp_path_factory: pytest.TempPathFactory) -> object:
    return _scores(DEV_SET2, tmp_path_factory.mktemp("matching-dev2"))


# Floors at the measured figures (bench/matching_eval.py): a drop below one is a regression. The targets are
# nDCG@5 >= 0.85, P@3 >= 0.75 and hit@1 >= 0.80 on both sets, each above the plain weighted sum (town: 0.869 / 0.650
# / 0.950, villages: 0.705 / 0.711 / 0.700): the town's first suggestion must be right every time to beat it.
def test_town_ndcg_p3_hit1(dev_scores: object) -> None:
    assert dev_scores.ndcg5 >= 0.94  # type: ignore[attr-defined]
    assert dev_scores.p3 >= 0.80  # type: ignore[attr-defined]
    assert dev_scores.hit1 == 1.0  # type: ignore[attr-defined]


def test_villages_ndcg_p3_hit1(dev2_scores: object) -> None:
    assert dev2_scores.ndcg5 >= 0.85  # type: ignore[attr-defined]
    assert dev2_scores.p3 >= 0.80  # type: ignore[attr-defined]
    assert dev2_scores.hit1 >= 0.80  # type: ignore[attr-defined]
