"""Failures the environment causes reach the user as a Dutch StoreError, and nothing is half saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import engine as engine_module
from makelaar.storage.store import Store, open_store


def test_a_store_held_by_another_program_gives_a_dutch_message(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    store.engine.dispose()  # new connections take the short timeout
    assert store.path is not None
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        with pytest.raises(StoreError, match="niet opgeslagen"), store.begin() as s:
            ideas.save_idea(s, IdeaData(title="Bankjes bij de vijver"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    with store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == 0
        ideas.save_idea(s, IdeaData(title="Bankjes bij de vijver"))  # once free, the same action works
    with store.begin() as s:
        assert ideas.count_ideas(s, ListQuery()) == 1


def test_other_database_errors_are_not_disguised(store: Store) -> None:
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError), store.begin() as s:
        s.execute(text("SELECT * FROM no_such_table"))


def test_the_store_is_readable_by_the_user_alone(tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"  # created under the usual umask 022, which would give 0644
    made = open_store(f"sqlite:///{path}")
    try:
        with made.begin() as s:
            ideas.save_idea(s, IdeaData(title="Privé"))
        for part in (path, Path(str(path) + "-wal")):
            assert oct(part.stat().st_mode & 0o777) == "0o600", part
    finally:
        made.close()
