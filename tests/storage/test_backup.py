"""Backups: a verified private copy, bounded in time even with a writer busy, and a restore that puts data back."""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.storage.store import Store, open_store


def _add_ideas(store: Store, *titles: str) -> list[str]:
    with store.begin() as s:
        return [ideas.save_idea(s, IdeaData(title=t)).id or "" for t in titles]


def _titles(store: Store) -> list[str]:
    with store.begin() as s:
        return sorted(r.title for r in ideas.list_ideas(s, ListQuery()))


def test_backup_is_a_verified_private_copy(store: Store) -> None:
    _add_ideas(store, "Buurtmoestuin", "Repaircafé")
    path = store.path
    assert path is not None
    made = backup.take_backup(path)
    assert made.parent == backup.backup_dir(path)
    assert made.stat().st_mode & 0o777 == 0o600
    counts = backup.verify(made)
    assert counts == backup.verify(path)
    assert counts["ideas"] == 2
    assert counts["vocabulary_terms"] > 0
    assert not list(made.parent.glob("*.partial"))
    assert [b.path for b in backup.list_backups(path)] == [made]


def test_backup_to_a_chosen_file(store: Store, tmp_path: Path) -> None:
    _add_ideas(store, "Speeltuin")
    assert store.path is not None
    target = tmp_path / "elders" / "kopie.sqlite"
    assert backup.take_backup(store.path, target) == target.resolve()
    assert backup.verify(target)["ideas"] == 1


def test_backup_finishes_while_another_connection_holds_a_write_transaction(store: Store) -> None:
    _add_ideas(store, "Vastgelegd idee")
    path = store.path
    assert path is not None
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE ideas SET title = 'Nog niet vastgelegd'")
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["path"] = backup.take_backup(path)
        except Exception as exc:
            result["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    try:
        worker.start()
        worker.join(timeout=60)  # a bound against a hang, not a timing assertion
        assert not worker.is_alive(), "the backup hung while a write transaction was open"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "error" not in result, result.get("error")
    saved = sqlite3.connect(f"file:{result['path']}?mode=ro", uri=True)
    try:
        # Only committed data is in the backup.
        assert saved.execute("SELECT title FROM ideas").fetchall() == [("Vastgelegd idee",)]
    finally:
        saved.close()


def test_restore_puts_the_data_back(store: Store) -> None:
    _add_ideas(store, "Buurtmoestuin", "Repaircafé")
    path = store.path
    assert path is not None
    saved = backup.take_backup(path)
    with store.begin() as s:
        for row in ideas.list_ideas(s, ListQuery()):
            ideas.delete_idea(s, row.id)
    _add_ideas(store, "Later idee")
    assert _titles(store) == ["Later idee"]
    store.close()

    kept = backup.restore(path, saved)

    reopened = open_store(store.url)
    try:
        assert _titles(reopened) == ["Buurtmoestuin", "Repaircafé"]
        # The search index came back with the rows.
        with reopened.begin() as s:
            assert ideas.page_ideas(s, ListQuery(search="repair")).total == 1
    finally:
        reopened.close()
    # What was replaced is kept aside, not lost.
    assert kept is not None and kept.exists()
    assert backup.verify(kept)["ideas"] == 1
    assert path.stat().st_mode & 0o777 == 0o600


def test_restore_refuses_a_damaged_backup_and_leaves_the_store(store: Store, tmp_path: Path) -> None:
    _add_ideas(store, "Blijft staan")
    path = store.path
    assert path is not None
    store.close()
    damaged = tmp_path / "kapot.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(StoreError):
        backup.restore(path, damaged)
    reopened = open_store(store.url)
    try:
        assert _titles(reopened) == ["Blijft staan"]
    finally:
        reopened.close()


def test_backup_of_a_missing_store_is_a_dutch_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="geen database om te back-uppen"):
        backup.take_backup(tmp_path / "bestaat-niet.sqlite")


def test_backups_rotate(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup, "KEEP_NEWEST", 2)
    path = store.path
    assert path is not None
    made = [backup.take_backup(path, reason=f"r{i}") for i in range(4)]
    left = sorted(p.name for p in backup.backup_dir(path).glob("*.sqlite"))
    # All four are of today: the two newest whatever their age, and the newest of the day (the same one).
    assert left == sorted(p.name for p in made[-2:])


def test_rotation_keeps_days_weeks_and_months() -> None:
    from datetime import datetime, timedelta

    now = datetime(2026, 11, 28, 12, 0)
    taken = [now - timedelta(hours=6 * i) for i in range(4 * 400)]  # four backups a day for 400 days
    keep = backup.backups_to_keep(taken)
    assert len({t.date() for t in keep if t > now - timedelta(days=7)}) == 7  # one for each of the last 7 days
    assert max(keep) == now
    assert len({(t.year, t.month) for t in keep}) == 12  # reaching back a year, month by month
    assert min(keep) > now - timedelta(days=366)
    assert len(keep) <= backup.KEEP_NEWEST + 7 + 4 + 12


def test_a_backup_that_takes_too_long_is_stopped(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    path = store.path
    assert path is not None
    with store.engine.begin() as conn:  # enough rows that the copy takes many steps of SQLite's machine
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "INSERT INTO settings (key, value) SELECT 'k' || i, printf('%0100d', i) FROM n"
        )
    monkeypatch.setattr(backup, "BACKUP_TIMEOUT_S", 0.0)  # every backup is now over its time
    with pytest.raises(StoreError, match="back-up"):
        backup.take_backup(path, reason="te-laat")
    assert not list(backup.backup_dir(path).glob("*te-laat*")), "no half-made backup is left behind"


def test_the_next_open_removes_only_copies_of_ours_nobody_writes(store: Store) -> None:
    path = store.path
    assert path is not None
    folder = backup.backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    own = f"{path.stem}-20260101-120000-000000-dagelijks.sqlite"
    dead = [folder / f"{own}.999999999.partial", path.with_name(f"{path.name}.999999999.restoring")]  # no such pid
    running = folder / f"{own}.{os.getppid()}.partial"  # a backup another running process is writing
    kept = [running, folder / own, folder / "iets-anders.sqlite.partial", path.with_name("ander.sqlite.1.restoring")]
    for leftover in (*dead, *kept):
        leftover.write_bytes(b"kopie")
    store.close()
    open_store(store.url).close()
    assert [p for p in dead if p.exists()] == []
    assert [p for p in kept if not p.exists()] == [] and path.is_file()
