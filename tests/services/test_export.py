"""Export of what a list shows (its filters), personal data by consent or for the municipality's own records, and the
koppelingen list the export of koppelingen follows."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from makelaar.cli import main
from makelaar.domain.enums import IdeaStatus, MatchStatus, Vocabulary
from makelaar.domain.records import IdeaData, InitiatorData, OrganisationData
from makelaar.services import audit, csvio, ideas, matches, organisations
from makelaar.services import vocabulary as vocab
from makelaar.services.listing import ListQuery
from makelaar.storage.models import AuditEntry
from makelaar.storage.store import Store
from tests.conftest import term_id

TODAY = date(2026, 11, 28)


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def make_registry(store: Store) -> dict[str, str]:
    """Three organisations, three ideas and three koppelingen with different states; returns ids by name."""
    ids: dict[str, str] = {}
    with store.begin() as s:
        wijk = vocab.add_area(s, "Oosterpark").id
        other = vocab.add_area(s, "Zuiderhof").id
        ruimte = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        geld = term_id(s, Vocabulary.HELP_TYPE, "geld")
        for name, offers, area, active in (
            ("Buurthuis De Kern", [ruimte], wijk, True),
            ("Fonds Oosterpark", [geld], wijk, True),
            ("Sportclub Zuiderhof", [ruimte], other, False),
        ):
            saved = organisations.save_organisation(
                s, OrganisationData(name=name, offer_ids=offers, area_ids=[area], active=active)
            )
            assert saved.id
            ids[name] = saved.id
        for title, area, status in (
            ("Moestuin Oosterpark", wijk, IdeaStatus.NEW),
            ("Buurtfeest Zuiderhof", other, IdeaStatus.NEW),
            ("Speeltuin Oosterpark", wijk, IdeaStatus.REALISED),
        ):
            idea = ideas.save_idea(s, IdeaData(title=title, area_id=area, status=status.value, need_ids=[ruimte, geld]))
            assert idea.id
            ids[title] = idea.id
        late = matches.create_match(
            s,
            idea_id=ids["Moestuin Oosterpark"],
            organisation_id=ids["Buurthuis De Kern"],
            need_id=ruimte,
            follow_up_on=TODAY - timedelta(days=2),
        )
        ids["late"] = late.id
        soon = matches.create_match(
            s,
            idea_id=ids["Moestuin Oosterpark"],
            organisation_id=ids["Fonds Oosterpark"],
            need_id=geld,
            follow_up_on=TODAY + timedelta(days=5),
        )
        ids["soon"] = soon.id
        undated = matches.create_match(
            s, idea_id=ids["Speeltuin Oosterpark"], organisation_id=ids["Buurthuis De Kern"], need_id=ruimte
        )
        matches.update_match(s, undated.id, version=undated.version, status=MatchStatus.APPROACHED, follow_up_on=None)
        ids["undated"] = undated.id
    return ids


def test_organisations_export_follows_the_list_filters(store: Store, tmp_path: Path) -> None:
    make_registry(store)
    with store.begin() as s:
        ruimte = term_id(s, Vocabulary.HELP_TYPE, "ruimte")
        filtered = ListQuery(help_type_id=ruimte, active_only=True)
        shown = [r.name for r in organisations.list_organisations(s, filtered)]
        assert csvio.export_path(s, "organisaties", tmp_path / "o.csv", query=filtered) == 1
        assert csvio.export_path(s, "organisaties", tmp_path / "zoek.csv", query=ListQuery(search="fonds")) == 1
        assert csvio.export_path(s, "organisaties", tmp_path / "alle.csv") == 3
    assert shown == ["Buurthuis De Kern"]
    assert [r[1] for r in read(tmp_path / "o.csv")[1:]] == shown
    assert [r[1] for r in read(tmp_path / "zoek.csv")[1:]] == ["Fonds Oosterpark"]


def test_ideas_export_follows_the_list_filters(any_store: Store, tmp_path: Path) -> None:
    ids = make_registry(any_store)
    with any_store.begin() as s:
        area = ideas.get_idea(s, ids["Moestuin Oosterpark"]).area_id
        # The koppeling made the moestuin "gekoppeld".
        query = ListQuery(area_id=area, statuses=(IdeaStatus.MATCHED.value,))
        assert csvio.export_path(s, "ideeen", tmp_path / "i.csv", query=query) == 1
        assert csvio.export_path(s, "ideeen", tmp_path / "wijk.csv", query=ListQuery(area_id=area)) == 2
    assert [r[1] for r in read(tmp_path / "i.csv")[1:]] == ["Moestuin Oosterpark"]
    assert sorted(r[1] for r in read(tmp_path / "wijk.csv")[1:]) == ["Moestuin Oosterpark", "Speeltuin Oosterpark"]


def test_own_records_export_has_every_initiator_and_is_audited(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        ideas.save_idea(
            s,
            IdeaData(
                title="Bankje bij de vijver",
                initiators=[InitiatorData(name="Anna de Vries", email="anna@voorbeeld.nl", consent_contact=True)],
            ),
        )
        assert csvio.export_path(s, "ideeen", tmp_path / "partners.csv") == 1
    with store.begin() as s:
        assert csvio.export_path(s, "ideeen", tmp_path / "eigen.csv", own_records=True) == 1
    partners = read(tmp_path / "partners.csv")[1]
    own = read(tmp_path / "eigen.csv")[1]
    assert partners[7:10] == ["", "", ""]
    assert own[7:9] == ["Anna de Vries", "anna@voorbeeld.nl"]
    with store.begin() as s:
        lines = s.scalars(select(AuditEntry).where(AuditEntry.kind == audit.FILE_EXPORTED)).all()
    # Only the file with a resident in it leaves a line, and it says what the file was for.
    assert [line.detail for line in lines] == ["1 initiatiefnemer(s), csv, eigen administratie"]


def test_koppelingen_list_filters_and_sorts(any_store: Store) -> None:
    ids = make_registry(any_store)
    with any_store.begin() as s:
        geld = term_id(s, Vocabulary.HELP_TYPE, "geld")

        def listed(**changes: object) -> list[str]:
            q = ListQuery(**{"sort": "follow_up", "descending": False, **changes})  # type: ignore[arg-type]
            rows = matches.list_matches(s, q, today=TODAY)
            assert matches.count_matches(s, q, today=TODAY) == len(rows)
            return [r.id for r in rows]

        # Dated follow-ups first, earliest first; one without a date last.
        assert listed() == [ids["late"], ids["soon"], ids["undated"]]
        assert listed(descending=True) == [ids["soon"], ids["late"], ids["undated"]]
        assert listed(extra={"follow_up": matches.FOLLOW_UP_OVERDUE}) == [ids["late"]]
        assert listed(extra={"follow_up": matches.FOLLOW_UP_WEEK}) == [ids["late"], ids["soon"]]
        assert listed(extra={"follow_up": matches.FOLLOW_UP_NONE}) == [ids["undated"]]
        assert listed(statuses=(MatchStatus.APPROACHED.value,)) == [ids["undated"]]
        assert listed(help_type_id=geld) == [ids["soon"]]
        assert listed(search="SPEELTUIN") == [ids["undated"]]
        assert listed(search="fonds") == [ids["soon"]]
        assert listed(search="100%") == []
        by_org = [
            r.organisation_name for r in matches.list_matches(s, ListQuery(sort="organisation", descending=False))
        ]
        assert by_org == ["Buurthuis De Kern", "Buurthuis De Kern", "Fonds Oosterpark"]


def test_koppelingen_export_follows_the_list_filters(store: Store, tmp_path: Path) -> None:
    make_registry(store)
    with store.begin() as s:
        query = ListQuery(statuses=(MatchStatus.PROPOSED.value,))
        assert csvio.export_path(s, "koppelingen", tmp_path / "k.csv", query=query) == 2
    rows = read(tmp_path / "k.csv")
    assert rows[0] == csvio.export_headers("koppelingen")
    assert sorted(r[2] for r in rows[1:]) == ["Buurthuis De Kern", "Fonds Oosterpark"]
    assert {r[4] for r in rows[1:]} == {"voorgesteld"}


def test_filtered_export_imports_back_unchanged(store: Store, tmp_path: Path) -> None:
    make_registry(store)
    with store.begin() as s:
        query = ListQuery(active_only=True)
        csvio.export_path(s, "organisaties", tmp_path / "o.csv", query=query)
    result = csvio.import_path(store, "organisaties", tmp_path / "o.csv")
    assert (result.added, result.updated, len(result.rejected)) == (0, 0, 0)
    with store.begin() as s:
        csvio.export_path(s, "organisaties", tmp_path / "o2.csv", query=ListQuery(active_only=True))
    assert read(tmp_path / "o2.csv") == read(tmp_path / "o.csv")


def test_cli_export_for_own_records(store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with store.begin() as s:
        ideas.save_idea(
            s,
            IdeaData(title="Bankje", initiators=[InitiatorData(name="Piet Jansen", consent_contact=True)]),
        )
    url = store.engine.url.render_as_string(hide_password=False)
    store.close()
    assert main(["--database", url, "export", "ideeen", str(tmp_path / "delen.csv")]) == 0
    assert main(["--database", url, "export", "ideeen", str(tmp_path / "eigen.csv"), "--own-records"]) == 0
    assert "1 regel geschreven" in capsys.readouterr().out
    assert read(tmp_path / "delen.csv")[1][7] == ""
    assert read(tmp_path / "eigen.csv")[1][7] == "Piet Jansen"


def test_an_export_of_the_list_reads_in_the_list_order(any_store: Store, tmp_path: Path) -> None:
    make_registry(any_store)
    with any_store.begin() as s:
        by_title = ListQuery(sort="title", descending=True)
        csvio.export_path(s, "ideeen", tmp_path / "i.csv", query=by_title)
        shown = [r.title for r in ideas.list_ideas(s, by_title)]
        by_kind = ListQuery(sort="kind", descending=False)
        csvio.export_path(s, "organisaties", tmp_path / "o.csv", query=by_kind)
        listed = [r.name for r in organisations.list_organisations(s, by_kind)]
        follow = ListQuery(sort="follow_up", descending=False)
        csvio.export_path(s, "koppelingen", tmp_path / "k.csv", query=follow)
    assert [r[1] for r in read(tmp_path / "i.csv")[1:]] == shown == sorted(shown, reverse=True)
    assert [r[1] for r in read(tmp_path / "o.csv")[1:]] == listed
    # Late first, the koppeling without a follow-up date last.
    assert [r[5] for r in read(tmp_path / "k.csv")[1:]][-1] == ""
    assert read(tmp_path / "k.csv")[1][2] == "Buurthuis De Kern"
