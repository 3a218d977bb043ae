"""`makelaar exchange export|import` as scripts see them: counts printed, exit 0 / 1 (conflicts, nothing applied)
/ 2 (a file that cannot be read or is refused)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from makelaar.cli import main
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """An office store with one organisation, and a laptop that began as a copy of it."""
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("MAKELAAR_DATABASE", raising=False)
    office_path, laptop_path = tmp_path / "kantoor.sqlite", tmp_path / "laptop.sqlite"
    office = open_store(sqlite_url_for(office_path))
    with office.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    with office.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    office.close()
    shutil.copy2(office_path, laptop_path)
    return sqlite_url_for(office_path), sqlite_url_for(laptop_path)


def _describe(url: str, text: str) -> None:
    store: Store = open_store(url)
    try:
        with store.begin() as s:
            [row] = organisations.list_organisations(s, ListQuery())
            data = organisations.get_organisation(s, row.id)
            data.description = text
            organisations.save_organisation(s, data)
    finally:
        store.close()


def _description(url: str) -> str:
    store = open_store(url)
    try:
        with store.begin() as s:
            [row] = organisations.list_organisations(s, ListQuery())
            return organisations.get_organisation(s, row.id).description
    finally:
        store.close()


def test_export_and_import_print_counts(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop = stores
    store = open_store(laptop)
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin"))
    store.close()
    path = tmp_path / "laptop.json.gz"

    code, out, err = run(capsys, "--database", laptop, "exchange", "export", str(path))
    assert (code, err) == (0, "")
    # The idea and its timeline line, and the office's organisation with its line: never exchanged before the copy.
    assert out.startswith("4 gewijzigde records en 0 verwijderingen geschreven naar ")

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("Proefdraai: er is niets gewijzigd. Uitwisseling met Gemeente: 2 toegevoegd, 0 bijgewerkt")

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("Uitwisseling met Gemeente: 2 toegevoegd, 0 bijgewerkt, 0 verwijderd")
    assert "  idee: toegevoegd 1" in out
    assert "Back-up vooraf: " in out

    code, out, _ = run(capsys, "--database", office, "exchange", "import", str(path))
    assert code == 0
    assert "0 toegevoegd, 0 bijgewerkt, 0 verwijderd" in out  # the same file twice changes nothing


def test_conflicts_without_keep_are_listed_and_nothing_is_applied(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop = stores
    _describe(office, "Kantoor")
    _describe(laptop, "Laptop")
    path = tmp_path / "laptop.json"
    assert run(capsys, "--database", laptop, "exchange", "export", str(path))[0] == 0

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))

    assert (code, err) == (1, "")
    assert "1 conflict." in out
    assert "  conflict: Organisatie O-" in out and "(beide gewijzigd)" in out
    assert "      omschrijving: hier 'Kantoor', in het bestand 'Laptop'" in out
    assert "Kies met --keep mine of --keep theirs" in out
    assert _description(office) == "Kantoor"

    code, out, _ = run(capsys, "--database", office, "exchange", "import", str(path), "--keep", "theirs")
    assert code == 0
    assert "1 bijgewerkt" in out
    assert _description(office) == "Laptop"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "bestaat niet"),
        ("geen json", "geen leesbaar uitwisselbestand"),
        (
            json.dumps({"format": "makelaar-uitwisseling", "format_version": 99, "schema": "0099"}),
            "nieuwere versie van Makelaar",
        ),
    ],
)
def test_a_file_that_cannot_be_read_or_is_refused_exits_2(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    office, _laptop = stores
    path = tmp_path / "uitwisseling.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))

    assert (code, out) == (2, "")
    assert err.startswith("makelaar: ") and message in err
