"""The integrity check started in the background (as the program starts it, before its windows are imported) decides
what happens at start exactly as the check run in place does."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.storage import startup as checks
from makelaar.storage.store import open_store
from makelaar.ui import startup


def _store_with_an_idea(path: Path, title: str) -> None:
    made = open_store(f"sqlite:///{path}")
    with made.begin() as s:
        ideas.save_idea(s, IdeaData(title=title))
    with made.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


def test_a_sound_store_passes_the_background_check(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Heel")
    assert checks.start_check(path)().ok
    assert checks.start_check(tmp_path / "nog-niet.sqlite")().ok  # a first start: nothing to check yet


def test_a_damaged_store_found_by_the_background_check_is_restored(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    monkeypatch.setattr(
        startup.StartupPrompts, "restore", staticmethod(lambda _p, text: questions.append(text) or True)
    )
    path = tmp_path / "makelaar.sqlite"
    _store_with_an_idea(path, "Bewaard in de back-up")
    backup.take_backup(path, reason="test")
    _damage(path)
    pending = checks.start_check(path)
    opened = startup.open_for_gui(f"sqlite:///{path}", check=pending)
    assert opened is not None
    try:
        assert "beschadigd" in questions[0]
        with opened.store.begin() as s:
            assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Bewaard in de back-up"]
    finally:
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()


def test_a_failing_background_check_is_raised_to_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_path: Path) -> checks.StartCheck:
        raise OSError("schijf weg")

    monkeypatch.setattr(checks, "check_at_start", broken)
    with pytest.raises(OSError, match="schijf weg"):
        checks.start_check(tmp_path / "makelaar.sqlite")()
