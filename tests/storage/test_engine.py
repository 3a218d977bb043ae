"""Every SQLite connection gets the settings that keep residents' data safe; URLs resolve as documented."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from makelaar.domain.errors import StoreError
from makelaar.storage import engine as engine_mod
from makelaar.storage.engine import describe, is_sqlite, make_engine, resolve_database_url, sqlite_path
from makelaar.storage.store import Store, open_store


def _pragmas(conn: Connection) -> dict[str, object]:
    return {
        name: conn.execute(text(f"PRAGMA {name}")).scalar()
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
    }


EXPECTED = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10_000}


def test_every_pooled_connection_has_the_settings(store: Store) -> None:
    with store.engine.connect() as first, store.engine.connect() as second:
        assert first.connection.driver_connection is not second.connection.driver_connection
        assert _pragmas(first) == EXPECTED
        assert _pragmas(second) == EXPECTED


def test_a_session_has_the_settings(store: Store) -> None:
    with store.begin() as s:
        assert _pragmas(s.connection()) == EXPECTED


def test_connection_used_for_the_first_migration_keeps_foreign_keys_on(sqlite_url: str) -> None:
    # The migration switches foreign keys off on its connection; it goes back to the pool afterwards.
    made = open_store(sqlite_url)
    try:
        assert made.upgrade is not None and made.upgrade.before is None
        pooled = made.engine.pool.checkedin()  # type: ignore[attr-defined]
        assert pooled >= 1
        with ExitStack() as stack:
            # Check out every pooled connection at once, so the migration's is among them.
            conns = [stack.enter_context(made.engine.connect()) for _ in range(pooled)]
            for conn in conns:
                assert _pragmas(conn) == EXPECTED
    finally:
        made.close()


def test_foreign_keys_are_enforced(store: Store) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), store.begin() as s:
        s.execute(text("INSERT INTO idea_themes (idea_id, term_id) VALUES ('geen-idee', 'geen-term')"))


def test_resolve_database_url_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path))
    monkeypatch.delenv(engine_mod.ENV_DATABASE, raising=False)
    assert resolve_database_url(None) == f"sqlite:///{tmp_path / 'makelaar.sqlite'}"
    monkeypatch.setenv(engine_mod.ENV_DATABASE, "sqlite:///uit-de-omgeving.sqlite")
    assert resolve_database_url(None) == "sqlite:///uit-de-omgeving.sqlite"
    assert resolve_database_url("sqlite:///expliciet.sqlite") == "sqlite:///expliciet.sqlite"


def test_url_helpers() -> None:
    assert is_sqlite("sqlite:////tmp/a.sqlite")
    assert not is_sqlite("postgresql+psycopg://jan:geheim@server/makelaar")
    assert sqlite_path("sqlite:////tmp/a.sqlite") == Path("/tmp/a.sqlite")
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://server/makelaar") is None
    assert "geheim" not in describe("postgresql+psycopg://jan:geheim@server/makelaar")


def test_unknown_database_kind_is_a_dutch_store_error() -> None:
    with pytest.raises(StoreError, match="Onbekend soort database"):
        make_engine("mysql://server/makelaar")
