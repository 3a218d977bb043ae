"""Backups and restores never destroy what the user did not ask to touch."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from makelaar.cli import main


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    assert main(["demo"]) == 0
    return tmp_path


def test_a_backup_to_a_chosen_folder_keeps_everything_there(home: Path) -> None:
    folder = home / "usb"
    folder.mkdir()
    mine = [folder / f"makelaar-mijn-bestand-{i:02d}.sqlite" for i in range(25)]
    for path in mine:
        path.write_text("van mij", encoding="utf-8")
    target = folder / "makelaar-kopie.sqlite"
    assert main(["db", "backup", str(target)]) == 0
    assert target.exists()
    assert all(p.read_text(encoding="utf-8") == "van mij" for p in mine)


def test_restoring_a_file_that_is_no_store_changes_nothing(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = home / "home" / "makelaar.sqlite"
    before = _digest(store)
    for bad in ("tekst", "leeg", "nieuwer"):
        path = home / f"{bad}.sqlite"
        if bad == "tekst":
            path.write_text("geen database\n" * 50, encoding="utf-8")
        elif bad == "leeg":
            sqlite3.connect(path).close()
        else:
            conn = sqlite3.connect(path)
            conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            conn.execute("INSERT INTO alembic_version VALUES ('9999_toekomst')")
            conn.commit()
            conn.close()
        assert main(["db", "restore", str(path)]) == 2, bad
        assert _digest(store) == before, bad
    err = capsys.readouterr().err
    assert "geen bruikbare Makelaar-database" in err
    assert "geen Makelaar-gegevens" in err
    assert "nieuwere versie" in err


def test_check_reports_a_file_that_is_no_database(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = home / "kapot.sqlite"
    path.write_text("geen database\n" * 50, encoding="utf-8")
    assert main(["--database", f"sqlite:///{path}", "db", "check"]) == 1
    assert "beschadigd of is geen database" in capsys.readouterr().out
    assert main(["--database", str(path), "db", "info"]) == 2
    assert "geen database-adres" in capsys.readouterr().err


def test_an_import_is_preceded_by_a_backup(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = home / "organisaties.csv"
    source.write_text(
        "naam;soort;omschrijving;biedt;themas;wijken\nRepair Café Oost;informeel;;materiaal;;\n", encoding="utf-8"
    )
    assert main(["import", "organisaties", str(source)]) == 0
    assert "Back-up vooraf" in capsys.readouterr().out
    assert list((home / "home" / "backups").glob("makelaar-*-voor-import.sqlite"))
    assert main(["import", "organisaties", str(source), "--dry-run"]) == 0
    assert (
        len(list((home / "home" / "backups").glob("makelaar-*-voor-import.sqlite"))) == 1
    )  # a dry run changes nothing
