"""A store, its backups and its lock in folders that real user names and synced drives produce: spaces, letters
outside ASCII, and characters that mean something in a URI (``#``, ``%``, ``?``, ``&``, ``'``)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest
from pytestqt.qtbot import QtBot

from makelaar import app, cli
from makelaar.paths import sqlite_uri
from makelaar.storage import backup, startup
from makelaar.storage.engine import resolve_database_url, sqlite_path

FOLDERS = ["x y/Zoë Ĳsselmeer", "O'Brien & Co #1 %20 (oud)", "Wat nu? #2 %3F/ja?mode=ro"]


def test_an_sqlite_uri_escapes_what_a_uri_would_misread() -> None:
    assert sqlite_uri(PurePosixPath("/home/zoë/x y/#1 %20/m.sqlite"), "ro") == (
        "file:///home/zo%C3%AB/x%20y/%231%20%2520/m.sqlite?mode=ro"
    )
    # The form SQLite documents for Windows: file:///C:/..., with the drive letter and forward slashes.
    assert sqlite_uri(PureWindowsPath(r"C:\Users\Zoë de Vries\AppData\Local\Makelaar\m.sqlite"), "rw") == (
        "file:///C:/Users/Zo%C3%AB%20de%20Vries/AppData/Local/Makelaar/m.sqlite?mode=rw"
    )


@pytest.mark.parametrize("folder", FOLDERS)
def test_backup_check_and_restore_work_in_any_folder(
    tmp_path: Path, folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from makelaar.storage.checkpoints import checkpoint
    from makelaar.storage.store import open_store, plain_engine

    path = tmp_path / folder / "make laar?.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--database", url, "db", "upgrade"]) == 0
    # Only that file (and its journal) was made: none cut off at the "?" or the "#".
    made = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert made <= {path.relative_to(tmp_path).with_name(path.name + end) for end in ("", "-wal", "-shm")}
    opened = open_store(url)
    with opened.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA database_list").fetchall()[0][2] == str(path)
    opened.close()
    assert checkpoint(path)[0] == 0
    with plain_engine(path) as engine, engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA database_list").fetchall()[0][2] == str(path)
    assert cli.main(["--database", url, "db", "backup"]) == 0
    taken = backup.list_backups(path)
    assert [b.path.parent for b in taken] == [path.parent / "backups"]
    assert "alembic_version" in backup.verify(taken[0].path)
    assert startup.quick_check(path) is None
    assert startup.check_at_start(path).ok
    assert cli.main(["--database", url, "db", "restore", str(taken[0].path)]) == 0
    assert cli.main(["--database", url, "db", "check"]) == 0
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith((".partial", ".restoring"))]
    capsys.readouterr()


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_default_store_follows_an_unusual_home(
    tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / folder
    monkeypatch.setenv("MAKELAAR_HOME", str(home))
    assert cli.main(["db", "upgrade"]) == 0
    assert (home / "makelaar.sqlite").is_file()
    # The start's early look at the file and the store's own reading of the address name the same file.
    assert app._sqlite_file_early(None) == sqlite_path(resolve_database_url(None)) == home / "makelaar.sqlite"
    capsys.readouterr()


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_lock_holds_in_any_folder(
    qtbot: QtBot, tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from makelaar.ui import startup as ui_startup

    told: list[str] = []
    monkeypatch.setattr(ui_startup.StartupPrompts, "inform", staticmethod(lambda _p, text: told.append(text)))
    path = tmp_path / folder / "makelaar.sqlite"
    url = f"sqlite:///{path}"
    first = ui_startup.open_for_gui(url)
    assert first is not None and first.lock is not None
    try:
        assert Path(str(path) + ".lock").is_file()
        assert ui_startup.open_for_gui(url) is None
        assert "al geopend" in told[0]
    finally:
        first.store.close()
        first.lock.unlock()
