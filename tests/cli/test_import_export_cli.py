"""`makelaar import`, `export` and `demo` as scripts see them: exit codes 0 / 1 / 2 and what is printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.cli import main
from tests.conftest import DEV_SET

DEV = DEV_SET


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty default store in tmp_path (MAKELAAR_HOME), never the user's own."""
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MAKELAAR_DATABASE", raising=False)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def counts(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    code, out, _ = run(capsys, "db", "info")
    assert code == 0
    return {line[:22].strip(): line[22:].strip() for line in out.splitlines()}


def test_import_all_rows_exits_0(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", "organisaties", str(DEV / "organisaties.csv"))

    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Organisaties: 30 toegevoegd, 0 bijgewerkt, 0 afgewezen."
    assert "Nieuwe wijken toegevoegd: " in out

    code, out, _ = run(capsys, "import", "ideeen", str(DEV / "ideeen.csv"))
    assert code == 0
    assert out.splitlines()[0] == "Ideeën: 20 toegevoegd, 0 bijgewerkt, 0 afgewezen."
    assert counts(capsys)["Organisaties"] == "30"
    assert counts(capsys)["Ideeën"] == "20"

    code, out, _ = run(capsys, "import", "organisaties", str(DEV / "organisaties.csv"))
    assert code == 0
    assert out.splitlines()[0] == "Organisaties: 0 toegevoegd, 0 bijgewerkt, 30 ongewijzigd, 0 afgewezen."


def test_import_with_rejected_rows_exits_1(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "kaart.csv"
    # Only a nameless row is rejected: an invalid postcode is kept "te controleren".
    path.write_text("naam;postcode\nGoed;1234 AB\n;1234 AB\nTe controleren;12\n", encoding="utf-8")

    code, out, err = run(capsys, "import", "organisaties", str(path))

    assert (code, err) == (1, "")
    assert out.splitlines()[0] == "Organisaties: 2 toegevoegd, 0 bijgewerkt, 1 afgewezen."
    assert "  regel 3: De naam is verplicht." in out
    assert "  regel 4: postcode '12'" in out
    assert str(home / "kaart-afgewezen.csv") in out
    assert (home / "kaart-afgewezen.csv").exists()
    assert counts(capsys)["Organisaties"] == "2"


def test_dry_run_saves_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import", "ideeen", str(DEV / "ideeen.csv"), "--dry-run")

    assert code == 0
    assert out.startswith("Proefdraai voor ")
    assert "Ideeën: 20 toegevoegd" in out
    assert counts(capsys)["Ideeën"] == "0"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("weg.csv", None, "bestaat niet"),
        ("rommel.csv", "foo;bar\n1;2\n", "staat geen kolom 'naam'"),
        ("leeg.csv", "", "is leeg"),
    ],
)
def test_unreadable_file_exits_2_with_message_on_stderr(
    home: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None, message: str
) -> None:
    path = home / name
    if content is not None:
        path.write_text(content, encoding="utf-8")

    code, out, err = run(capsys, "import", "organisaties", str(path))

    assert code == 2
    assert out == ""
    assert err.startswith("makelaar: ")
    assert message in err and name in err


def test_export_csv_and_xlsx(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "import", "organisaties", str(DEV / "organisaties.csv"))

    for kind, file, rows in (
        ("organisaties", "o.csv", 30),
        ("organisaties", "o.xlsx", 30),
        ("ideeen", "i.csv", 0),
        ("koppelingen", "k.xlsx", 0),
    ):
        code, out, err = run(capsys, "export", kind, str(home / file))
        assert (code, err) == (0, "")
        assert out == f"{rows} regels geschreven naar {home / file}.\n"
        assert (home / file).stat().st_size > 0

    code, out, err = run(capsys, "export", "organisaties", str(home / "o.pdf"))
    assert code == 2
    assert "alleen .csv- en .xlsx-bestanden" in err
    assert not (home / "o.pdf").exists()


def test_demo_fills_once(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert out.startswith("Voorbeeldgegevens toegevoegd voor Gemeente Lindewaard: ")
    ideas_before = counts(capsys)["Ideeën"]

    code, out, err = run(capsys, "demo")
    assert code == 2
    assert err == "makelaar: De database bevat al gegevens; gebruik --force om voorbeeldgegevens toe te voegen.\n"
    assert counts(capsys)["Ideeën"] == ideas_before

    code, _, _ = run(capsys, "demo", "--force")
    assert code == 0
    assert int(counts(capsys)["Ideeën"]) == 2 * int(ideas_before)


def test_import_of_a_file_as_excel_writes_it_twice(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "excel.csv"
    text = "Naam organisatie;E-mailadres;Thema's;Intern\r\nCafé Élan;info@elan.nl;cultuur;€ 5\r\n"
    path.write_bytes(text.encode("cp1252"))

    code, out, err = run(capsys, "import", "organisaties", str(path))

    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Organisaties: 1 toegevoegd, 0 bijgewerkt, 0 afgewezen."
    assert "Onbekende kolommen, niet ingelezen: Intern." in out

    code, out, _ = run(capsys, "import", "organisaties", str(path))

    assert code == 0
    assert out.splitlines()[0] == "Organisaties: 0 toegevoegd, 0 bijgewerkt, 1 ongewijzigd, 0 afgewezen."
    assert counts(capsys)["Organisaties"] == "1"
