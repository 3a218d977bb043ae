"""makelaar report matching|session|organisation|overview ... -o FILE.pdf"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from makelaar.cli import main


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    assert main(["demo"]) == 0
    return tmp_path


def test_each_report_by_reference_or_name(home: Path) -> None:
    cases = {
        "matching": ["matching", "I-2026-0015", "--voor", "partners"],
        "session": ["session", "W-2026-0001"],
        "organisation": ["organisation", "Bakkerij Van Dam"],
        "overview": ["overview", "--from", "01-01-2026", "--to", "2026-12-31"],
    }
    expected = {
        "matching": "Koppelingsrapport",
        "session": "Wijktafelverslag",
        "organisation": "Organisatieblad",
        "overview": "01-01-2026",
    }
    for kind, args in cases.items():
        out = home / f"{kind}.pdf"
        assert main(["report", *args, "-o", str(out)]) == 0, kind
        assert expected[kind] in text_of(out), kind


def test_an_ambiguous_name_lists_the_candidates(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "organisation", "Buurt", "-o", str(home / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert "niet eenduidig" in err and "Buurthuis De Molen" in err
    assert not (home / "x.pdf").exists()


def test_an_impossible_date_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "overview", "--from", "31-02-2026", "--to", "31-12-2026", "-o", str(home / "x.pdf")]) == 2
    assert "geen bestaande datum" in capsys.readouterr().err
