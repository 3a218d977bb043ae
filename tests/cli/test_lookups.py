"""Look-ups on the command line take % and _ as the characters they are, and absurd dates are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.cli import main
from makelaar.domain.records import IdeaData, OrganisationData, SessionData
from makelaar.services import ideas, organisations, sessions
from makelaar.storage.store import Store


@pytest.fixture
def url(any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    with any_store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Actie 50% korting"))
        organisations.save_organisation(s, OrganisationData(name="Actie 50 plus"))
        ideas.save_idea(s, IdeaData(title="Moestuin plan_a"))
        ideas.save_idea(s, IdeaData(title="Moestuin planXa"))
    return any_store.url


def test_a_percent_sign_finds_only_that(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "blad.pdf"
    assert main(["--database", url, "report", "organisation", "50%", "-o", str(out)]) == 0, capsys.readouterr().err
    assert out.exists()


def test_an_underscore_finds_only_that(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "match", "plan_a"]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out.splitlines()[0] == "Moestuin plan_a"


def test_a_wijktafel_search_takes_the_percent_sign_literally(any_store: Store) -> None:
    from datetime import date

    with any_store.begin() as s:
        sessions.save_session(s, SessionData(title="Wijktafel 100% groen", held_on=date(2026, 3, 1)))
        sessions.save_session(s, SessionData(title="Wijktafel 100 jaar", held_on=date(2026, 3, 2)))
        found = sessions.list_sessions(s, "100%")
    assert [row.title for row in found] == ["Wijktafel 100% groen"]


@pytest.mark.parametrize("day", ["01-01-0001", "31-12-9999", "31-12-1899", "01-01-2101"])
def test_absurd_dates_are_refused(url: str, tmp_path: Path, day: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "overzicht.pdf"
    assert main(["--database", url, "report", "overview", "--from", day, "--to", "31-12-2026", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "tussen 1900 en 2100" in err and "Traceback" not in err
    assert not out.exists()


def test_an_end_before_the_start_is_refused(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "overzicht.pdf"
    assert (
        main(["--database", url, "report", "overview", "--from", "2026-12-31", "--to", "2026-01-01", "-o", str(out)])
        == 2
    )
    assert "vóór de begindatum" in capsys.readouterr().err
