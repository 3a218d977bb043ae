"""`makelaar exchange export|import` as scripts see them: counts printed, exit 0 / 1 (conflicts, nothing applied)
/ 2 (a file that cannot be read or is refused)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from makelaar.cli import PASSPHRASE_ENV, main
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for

SECRET = "de moestuin bloeit in mei"


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
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, SECRET)
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
    assert run(capsys, "--database", laptop, "exchange", "export", str(path), "--onversleuteld")[0] == 0

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path), "--onversleuteld")

    assert (code, err) == (1, "")
    assert "1 conflict." in out
    assert "  conflict: Organisatie O-" in out and "(beide gewijzigd)" in out
    assert "      omschrijving: hier 'Kantoor', in het bestand 'Laptop'" in out
    assert "Kies met --keep mine of --keep theirs" in out
    assert _description(office) == "Kantoor"

    code, out, _ = run(
        capsys, "--database", office, "exchange", "import", str(path), "--keep", "theirs", "--onversleuteld"
    )
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

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path), "--onversleuteld")

    assert (code, out) == (2, "")
    assert err.startswith("makelaar: ") and message in err


# --- encrypted files ---------------------------------------------------------------------------------------------


def _export_encrypted(laptop: str, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = open_store(laptop)
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Geheime moestuin"))
    store.close()
    code, out, err = run(capsys, "--database", laptop, "exchange", "export", str(path))
    assert (code, err) == (0, ""), err
    assert "niet versleuteld" not in out


def test_the_exchange_file_is_encrypted_by_default(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, SECRET)
    office, laptop = stores
    path = tmp_path / "uitwisseling.makelaar"
    _export_encrypted(laptop, path, capsys)
    raw = path.read_bytes()
    assert raw.startswith(b"MAKELAAR-VERSLEUTELD\n")
    assert b"Geheime" not in raw and b"Buurthuis" not in raw

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))
    assert (code, err) == (0, "")
    assert "  idee: toegevoegd 1" in out


@pytest.mark.parametrize("damage", ["wachtwoord", "bestand", "kop"])
def test_a_wrong_passphrase_or_a_changed_file_is_refused_and_nothing_applied(
    stores: tuple[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, SECRET)
    office, laptop = stores
    path = tmp_path / "uitwisseling.makelaar"
    _export_encrypted(laptop, path, capsys)
    raw = bytearray(path.read_bytes())
    if damage == "wachtwoord":
        monkeypatch.setenv(PASSPHRASE_ENV, "een ander wachtwoord")
    elif damage == "bestand":
        raw[-40] ^= 0x01
    else:
        path_text = raw.decode("latin-1")
        raw = bytearray(path_text.replace('"r":8', '"r":9', 1).encode("latin-1"))
    path.write_bytes(bytes(raw))

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))

    assert (code, out) == (2, "")
    assert "niet, of het bestand is onderweg veranderd" in err
    store = open_store(office)
    try:
        with store.begin() as s:
            assert not ideas.list_ideas(s, ListQuery(), 0, 10)
    finally:
        store.close()


def test_a_plain_file_is_read_only_when_chosen_explicitly(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    office, laptop = stores
    path = tmp_path / "laptop.json"
    code, out, _err = run(capsys, "--database", laptop, "exchange", "export", str(path), "--onversleuteld")
    assert code == 0 and "niet versleuteld en bevat persoonsgegevens" in out

    code, out, err = run(capsys, "--database", office, "exchange", "import", str(path))
    assert (code, out) == (2, "")
    assert "niet versleuteld" in err and "--unencrypted" in err


def test_without_a_passphrase_and_without_a_terminal_the_export_says_how(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    _office, laptop = stores
    path = tmp_path / "uitwisseling.makelaar"
    code, _out, err = run(capsys, "--database", laptop, "exchange", "export", str(path))
    assert code == 2 and PASSPHRASE_ENV in err
    assert not path.exists()


def test_a_short_passphrase_is_refused(
    stores: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "kort")
    _office, laptop = stores
    code, _out, err = run(capsys, "--database", laptop, "exchange", "export", str(tmp_path / "x.makelaar"))
    assert code == 2 and "minstens 10 tekens" in err
