"""While the program has a store open (its window holds the lock file), no command changes that store: a restore
would pull the file away under the window, whose later saves would vanish."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from makelaar.cli import main
from makelaar.domain.records import OrganisationData
from makelaar.services import organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import open_store
from tests.conftest import sqlite_url_for

# The window's own lock: a QLockFile on <store>.lock, held by another process until its stdin closes.
_WINDOW = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
lock.setStaleLockTime(0)
print("held" if lock.tryLock(1000) else "not held", flush=True)
sys.stdin.read()
lock.unlock()
"""


@contextmanager
def _program_running(store_file: Path) -> Iterator[None]:
    with subprocess.Popen(
        [sys.executable, "-c", _WINDOW, str(store_file)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            assert proc.stdout.readline().strip() == "held"
            yield
        finally:
            proc.stdin.close()
            proc.wait(timeout=30)


@pytest.fixture
def window(store_file: Path) -> Iterator[None]:
    with _program_running(store_file):
        yield


def _names(path: Path) -> list[str]:
    store = open_store(sqlite_url_for(path))
    try:
        with store.begin() as s:
            return [o.name for o in organisations.list_organisations(s, ListQuery())]
    finally:
        store.close()


def test_restore_is_refused_while_the_program_runs(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url_for(store_file)
    assert main(["--database", url, "db", "backup", str(tmp_path / "oud.sqlite")]) == 0
    store = open_store(url)
    with store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Voedselbank Oost"))
    store.close()
    capsys.readouterr()
    # Started only now: the backup and the save above were made while nobody held the store.
    with _program_running(store_file):
        assert main(["--database", url, "db", "restore", str(tmp_path / "oud.sqlite")]) == 2
        assert "Makelaar is geopend met deze database" in capsys.readouterr().err
    assert sorted(_names(store_file)) == ["Buurthuis De Linde", "Voedselbank Oost"]
    # With the program closed the same restore goes ahead.
    assert main(["--database", url, "db", "restore", str(tmp_path / "oud.sqlite")]) == 0
    assert _names(store_file) == ["Buurthuis De Linde"]


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--force"],
        ["import", "organisaties", "{csv}"],
        ["privacy", "retention", "--apply"],
        ["exchange", "export", "--unencrypted", "{out}"],
    ],
)
def test_writing_commands_wait_for_the_program_to_close(
    store_file: Path, tmp_path: Path, window: None, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    csv = tmp_path / "kaart.csv"
    csv.write_text("naam;wijk\nVoedselbank;Oost\n", encoding="utf-8")
    filled = [a.replace("{csv}", str(csv)).replace("{out}", str(tmp_path / "uit.json")) for a in argv]
    assert main(["--database", sqlite_url_for(store_file), "--as", "Cor", *filled]) == 2
    assert "Makelaar is geopend met deze database" in capsys.readouterr().err
    assert _names(store_file) == ["Buurthuis De Linde"]
    assert not (tmp_path / "uit.json").exists()


def test_reading_commands_still_work_while_the_program_runs(
    store_file: Path, window: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", sqlite_url_for(store_file), "db", "info"]) == 0
    assert main(["--database", sqlite_url_for(store_file), "match", "--all"]) == 0


def test_a_lock_left_by_a_crashed_program_does_not_block(store_file: Path, tmp_path: Path) -> None:
    import socket

    Path(str(store_file) + ".lock").write_text(f"999999999\npython3\n{socket.gethostname()}\n")
    csv = tmp_path / "kaart.csv"
    csv.write_text("naam;wijk\nVoedselbank;Oost\n", encoding="utf-8")
    assert main(["--database", sqlite_url_for(store_file), "import", "organisaties", str(csv)]) == 0
    assert not Path(str(store_file) + ".lock").exists()
