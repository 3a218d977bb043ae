"""Every output of the command line: never over the store, its journal or a backup; never over an existing file
without --overwrite; a report's look-up errors write nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from makelaar.cli import main
from makelaar.domain.records import OrganisationData
from makelaar.services import organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for


def _outputs(target: Path) -> dict[str, list[str]]:
    """Each command that writes a file the user names, aimed at ``target``."""
    return {
        "report": ["report", "overview", "--from", "01-01-2026", "--to", "31-12-2026", "-o", str(target)],
        "export": ["export", "organisaties", str(target)],
        "exchange": ["exchange", "export", "--unencrypted", str(target)],
        "backup": ["db", "backup", str(target)],
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up(store_file: Path) -> Path:
    """The store file with one backup of its own in the backups folder."""
    assert main(["--database", sqlite_url_for(store_file), "db", "backup"]) == 0
    return store_file


# "-o makelaar.sqlite" means makelaar.sqlite.pdf: a report can only reach the store through a link named .pdf.
CASES = [
    (command, which)
    for command in ("report", "export", "exchange", "backup")
    for which in ("store", "wal", "shm", "backup", "link")
    if command != "report" or which == "link"
]


@pytest.mark.parametrize(("command", "which"), CASES)
def test_no_output_replaces_the_store_or_its_backups(
    backed_up: Path, command: str, which: str, capsys: pytest.CaptureFixture[str]
) -> None:
    store_file = backed_up
    shm = Path(str(store_file) + "-shm")
    wal = Path(str(store_file) + "-wal")
    for companion in (shm, wal):
        companion.write_bytes(b"\x00" * 64)  # as a running window leaves them
    [backup] = list((store_file.parent / "backups").glob("*.sqlite"))
    link = store_file.parent / "rapport.pdf"
    link.symlink_to(store_file)
    target = {"store": store_file, "wal": wal, "shm": shm, "backup": backup, "link": link}[which]
    kept = _digest(backup)
    capsys.readouterr()
    argv = [*_outputs(target)[command], "--overwrite"]
    code = main(["--database", sqlite_url_for(store_file), *argv])
    out, err = capsys.readouterr()
    assert code == 2, out
    assert "een andere naam" in err and "Traceback" not in err
    # Opening the store may fold its journal in (and remove it), but nothing of ours was written in its place.
    assert _digest(backup) == kept
    for path in (store_file, wal, shm):
        assert not path.exists() or path.read_bytes()[:16] in (b"SQLite format 3\x00", b"\x00" * 16)
    reopened = open_store(sqlite_url_for(store_file))
    with reopened.begin() as s:
        assert [o.name for o in organisations.list_organisations(s, ListQuery())] == ["Buurthuis De Linde"]
    reopened.close()


@pytest.fixture
def url(any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store with one organisation on each backend, for the command line."""
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    store = any_store
    with store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    return store.url


@pytest.mark.parametrize("command", ["report", "export", "exchange"])
def test_an_existing_file_is_replaced_only_with_overwrite(
    url: str, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    suffix = {"report": ".pdf", "export": ".csv", "exchange": ".json"}[command]
    target = tmp_path / f"uitvoer{suffix}"
    target.write_text("het vorige bestand")
    code = main(["--database", url, *_outputs(target)[command]])
    _out, err = capsys.readouterr()
    assert code == 2
    assert "bestaat al" in err and "--overwrite" in err
    assert target.read_text() == "het vorige bestand"
    assert main(["--database", url, *_outputs(target)[command], "--overwrite"]) == 0
    assert target.read_bytes() != b"het vorige bestand"


def test_a_backup_replaces_an_earlier_backup_only_with_overwrite(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mijn-backup.sqlite"
    argv = ["--database", sqlite_url_for(store_file), "db", "backup", str(target)]
    assert main(argv) == 0
    first = _digest(target)
    assert main(argv) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert _digest(target) == first
    assert main([*argv, "--overwrite"]) == 0


def test_the_inzage_is_not_written_over_an_existing_file_unasked(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from makelaar.domain.records import IdeaData, InitiatorData
    from makelaar.services import ideas

    store = open_store(sqlite_url_for(store_file))
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin", initiators=[InitiatorData(name="Anna de Vries")]))
    store.close()
    target = tmp_path / "inzage.json"
    target.write_text("eerder")
    argv = ["--database", sqlite_url_for(store_file), "--as", "Cor", "privacy", "export", "Anna de Vries", "-o"]
    assert main([*argv, str(target)]) == 2
    assert target.read_text() == "eerder"
    assert main([*argv, str(target), "--overwrite"]) == 0
    assert '"Anna de Vries"' in target.read_text()
    assert main([*argv, str(store_file), "--overwrite"]) == 2
