"""Fault injection: a user action is killed with SIGKILL at a precise point, or runs out of disk.

Killed during a backup, a restore, an exchange export or import, and the daily upkeep that thins old backups
(fault_child.py stops at a named call and waits to be killed; no clock is involved). After each kill the store
passes SQLite's integrity check, holds the state from before the action or after it (never a mix), every backup
and exchange file there is whole, and what the killed action was writing is readable by the user alone and gone
after the next start (``open_store``) or the next run of that action.

A full disk is a small tmpfs (mounted for the test where root may mount; else skipped, saying why): saving, a
backup and an exchange export then fail with "De schijf is vol" (a plain private file write with the system's
ENOSPC, for its caller to word) and leave the store and the earlier files as they were.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from makelaar.domain.errors import KnownError, StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import exchange, ideas, privacy
from makelaar.storage import backup, startup
from makelaar.storage.files import write_private_bytes
from makelaar.storage.store import open_store
from tests.conftest import sqlite_url_for
from tests.storage.faultenv import child, fill, titles, tmpfs

CHILD = Path(__file__).with_name("fault_child.py")
WAIT_S = 120  # a bound on each wait for the child, not a timing assertion


def kill_at(point: str, store: Path, file: Path | None = None) -> None:
    """Run the action of ``point`` in a child process and SIGKILL it once it stands at that point."""
    action = point.split("-")[0]
    with child(CHILD, action, point, str(store), *([str(file)] if file else [])) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline().strip()
        if line != f"stopped {point}":
            proc.kill()
            _out, err = proc.communicate(timeout=WAIT_S)
            pytest.fail(f"the child did not stop at {point} (said {line!r}):\n{err}")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=WAIT_S)
        assert proc.returncode == -signal.SIGKILL


def sound(path: Path) -> None:
    """SQLite's full integrity check, read-only (before anything opens the file for writing)."""
    conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.name.endswith((".partial", ".restoring", ".tmp"))]


def assert_private(paths: list[Path]) -> None:
    for path in paths:
        assert path.stat().st_mode & 0o777 == 0o600, path


def store_with(folder: Path, template: Path, *names: str) -> Path:
    path = folder / "makelaar.sqlite"
    shutil.copy2(template, path)
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        for name in names:
            ideas.save_idea(s, IdeaData(title=name))
    opened.close()
    return path


@pytest.mark.parametrize("point", ["backup-kopie", "backup-plaatsen"])
def test_a_killed_backup_leaves_the_store_and_earlier_backups_whole(
    tmp_path: Path, sqlite_template: Path, point: str
) -> None:
    path = store_with(tmp_path, sqlite_template, "Bankje", "Moestuin")
    earlier = backup.take_backup(path)
    kill_at(point, path)
    half = leftovers(tmp_path)
    assert [p.parent for p in half] == [backup.backup_dir(path)]  # the copy it was writing, left behind
    assert_private(half)
    sound(path)
    assert titles(path) == ["Bankje", "Moestuin"]
    assert leftovers(tmp_path) == []  # the next start removed the half copy
    assert [b.path for b in backup.list_backups(path)] == [earlier]
    backup.verify(earlier)


@pytest.mark.parametrize("point", ["restore-bewaren", "restore-kopie", "restore-journaal"])
def test_a_killed_restore_leaves_the_store_before_or_after_never_a_mix(
    tmp_path: Path, sqlite_template: Path, point: str
) -> None:
    path = store_with(tmp_path, sqlite_template, "In de back-up")
    taken = backup.take_backup(path)
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        ideas.save_idea(s, IdeaData(title="Daarna ingevoerd"))
    opened.close()
    kill_at(point, path, taken)
    half = leftovers(tmp_path)
    assert len(half) == 1 and half[0].name.endswith(".restoring" if point != "restore-bewaren" else ".partial")
    assert_private(half)
    sound(path)
    assert startup.check_at_start(path).ok
    # Killed before the one step that puts the copy in place: the state from before, whole.
    assert titles(path) == ["Daarna ingevoerd", "In de back-up"]
    assert leftovers(tmp_path) == []
    for made in backup.list_backups(path):
        backup.verify(made.path)
    backup.restore(path, taken)  # and the restore, run again, completes
    assert titles(path) == ["In de back-up"]


@pytest.mark.parametrize("point", ["export-plaatsen", "export-vastleggen"])
def test_a_killed_exchange_export_leaves_a_whole_file_and_the_store(
    tmp_path: Path, sqlite_template: Path, point: str
) -> None:
    path = store_with(tmp_path, sqlite_template, "Bankje")
    target = tmp_path / "uitwisseling.json.gz"
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        exchange.export_changes(s, target, everything=True)
        ideas.save_idea(s, IdeaData(title="Moestuin"))
    opened.close()
    before = target.read_bytes()
    kill_at(point, path, target)
    sound(path)
    assert len(leftovers(tmp_path)) == (1 if point == "export-plaatsen" else 0)
    assert_private(leftovers(tmp_path))
    # Whole: the earlier file, or the new one with both ideas; never half of one.
    sent = {r.data.get("title") for r in exchange.read_file(target).records if r.table == "ideas"}
    assert target.read_bytes() == before or sent == {"Bankje", "Moestuin"}
    assert titles(path) == ["Bankje", "Moestuin"]
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        exchange.export_changes(s, target, everything=True)  # the next export to that file
    opened.close()
    assert leftovers(tmp_path) == []


def test_a_killed_exchange_import_leaves_the_store_as_before(tmp_path: Path, sqlite_template: Path) -> None:
    (tmp_path / "bron").mkdir()
    (tmp_path / "doel").mkdir()
    source = store_with(tmp_path / "bron", sqlite_template, "Bankje", "Moestuin")
    target = store_with(tmp_path / "doel", sqlite_template)
    sent = tmp_path / "uitwisseling.json.gz"
    opened = open_store(sqlite_url_for(source))
    with opened.begin() as s:
        exchange.export_changes(s, sent, everything=True)
    opened.close()
    kill_at("import-vastleggen", target, sent)
    sound(target)
    assert titles(target) == []  # nothing of a half import
    assert leftovers(tmp_path) == []
    opened = open_store(sqlite_url_for(target))
    with opened.begin() as s:
        exchange.apply_import(s, exchange.read_file(sent), keep=exchange.Choice.THEIRS)
    opened.close()
    assert titles(target) == ["Bankje", "Moestuin"]  # the same import, run again, is whole


@pytest.mark.parametrize("point", ["retention-dunnen", "retention-vastleggen"])
def test_a_killed_upkeep_leaves_every_backup_whole(tmp_path: Path, sqlite_template: Path, point: str) -> None:
    path = store_with(tmp_path, sqlite_template, "Bankje")
    recent = backup.take_backup(path)
    old = [recent.with_name(f"{path.stem}-2015{month:02d}01-120000-000000-dagelijks.sqlite") for month in (1, 2, 3)]
    for name in old:
        shutil.copy2(recent, name)
    kill_at(point, path)
    sound(path)
    remaining = {b.path for b in backup.list_backups(path)}
    assert recent in remaining and remaining <= {recent, *old}
    for name in remaining:
        backup.verify(name)  # each deleted whole or kept whole
    assert titles(path) == ["Bankje"]
    assert leftovers(tmp_path) == []
    opened = open_store(sqlite_url_for(path))
    with opened.begin() as s:
        privacy.housekeeping(s, path)  # the next upkeep finishes the job
    opened.close()
    assert {b.path for b in backup.list_backups(path)} == {recent}


def test_a_full_disk_is_named_and_nothing_is_lost(tmp_path: Path, sqlite_template: Path) -> None:
    with tmpfs(tmp_path / "klein", "4m") as disk:
        path = store_with(disk, sqlite_template, "Bankje")
        earlier = backup.take_backup(path)
        sent = disk / "uitwisseling.json.gz"
        written = disk / "export.csv"
        write_private_bytes(written, b"naam\nBankje\n")
        opened = open_store(sqlite_url_for(path))  # open, as the window is when the disk fills up
        try:
            with opened.begin() as s:
                exchange.export_changes(s, sent, everything=True)
            exported = sent.read_bytes()
            filler = fill(disk)
            with pytest.raises(StoreError, match="De schijf is vol") as caught, opened.begin() as s:
                for n in range(2000):
                    ideas.save_idea(s, IdeaData(title=f"Groot idee {n}", description="x" * 2000))
            assert "niet opgeslagen" in str(caught.value) and "beschadigd" not in str(caught.value)
            with pytest.raises(KnownError, match="De schijf is vol") as caught, opened.begin() as s:
                exchange.export_changes(s, sent, everything=True)
            assert str(disk) in str(caught.value)
        finally:
            opened.close()
        with pytest.raises(StoreError, match="De schijf is vol") as caught:
            backup.take_backup(path)
        assert str(disk) in str(caught.value)
        with pytest.raises(OSError) as failed:  # the caller names it (csvio.file_error_text, storage.faults)
            write_private_bytes(written, b"x" * 1_000_000)
        assert failed.value.errno == errno.ENOSPC
        filler.unlink()
        assert written.read_bytes() == b"naam\nBankje\n"
        assert sent.read_bytes() == exported
        assert [b.path for b in backup.list_backups(path)] == [earlier]
        sound(path)
        assert titles(path) == ["Bankje"]
        assert leftovers(disk) == []
