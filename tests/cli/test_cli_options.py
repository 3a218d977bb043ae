"""The command line's options are English; the Dutch spellings of earlier versions keep working as aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.cli import _parser, main
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.storage.store import open_store
from tests.conftest import sqlite_url_for


@pytest.mark.parametrize(
    ("english", "dutch", "dest"),
    [
        (["exchange", "export", "f.json", "--all"], ["exchange", "export", "f.json", "--alles"], "all"),
        (["report", "matching", "I-1", "--for", "partners", "-o", "r.pdf"], None, "audience"),
        (["report", "matching", "I-1", "--voor", "partners", "-o", "r.pdf"], None, "audience"),
        (["privacy", "retention", "--months", "6"], ["privacy", "retention", "--maanden", "6"], "maanden"),
    ],
)
def test_english_options_and_their_dutch_aliases(english: list[str], dutch: list[str] | None, dest: str) -> None:
    parsed = vars(_parser().parse_args(english))
    assert parsed[dest] in (True, "partners", 6)
    if dutch is not None:
        assert vars(_parser().parse_args(dutch))[dest] == parsed[dest]


def test_exchange_export_all_says_the_file_holds_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("MAKELAAR_EXCHANGE_PASSPHRASE", "het wachtwoord van het team")
    url = sqlite_url_for(tmp_path / "laptop.sqlite")
    store = open_store(url)
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin"))
    store.close()
    for option in ("--all", "--alles"):
        assert main(["--database", url, "exchange", "export", str(tmp_path / f"alles{option}.makelaar"), option]) == 0
        out = capsys.readouterr().out
        assert out.startswith("Alles uit deze database geschreven naar ")
        assert "niet alleen de wijzigingen" in out and "gewijzigde" not in out


def test_a_report_without_pdf_extension_gets_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    out = tmp_path / "rapport"
    assert main(["report", "overview", "--from", "01-01-2026", "--to", "31-12-2026", "-o", str(out)]) == 0
    assert not out.exists()
    assert (tmp_path / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert f"Rapport geschreven naar {tmp_path / 'rapport.pdf'}." in capsys.readouterr().out
