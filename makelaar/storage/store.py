"""An open store: engine, session factory and what the user should know about it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from makelaar.domain.errors import StoreError
from makelaar.storage import migrate
from makelaar.storage.engine import describe, make_engine, make_session_factory, sqlite_path


@dataclass
class Store:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    upgrade: migrate.UpgradeResult | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.engine)

    @property
    def description(self) -> str:
        return describe(self.engine)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One session per user action: committed when the block ends, rolled back on any error."""
        with self.sessions.begin() as s:
            yield s

    def close(self) -> None:
        self.engine.dispose()


def _look_before_touching(path: Path) -> None:
    """Refuse a newer or foreign SQLite file through a read-only connection.

    The store's own engine switches every connection to WAL, which rewrites the header of a file in another journal
    mode: a file we refuse must not have been changed by looking at it.
    """
    probe = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True), poolclass=NullPool
    )
    try:
        state, rev = migrate.schema_state(probe)
    finally:
        probe.dispose()
    migrate.refuse_unusable(state, rev)


def open_store(url: str, *, upgrade: bool = True) -> Store:
    """Open a store; by default back it up and bring it to the program's schema (refusing a newer one)."""
    engine: Engine | None = None
    try:
        path = sqlite_path(url)
        if upgrade and path is not None and path.exists():
            _look_before_touching(path)
        engine = make_engine(url)
        result = migrate.ensure_current(engine) if upgrade else None
    except DatabaseError as exc:
        if engine is not None:
            engine.dispose()
        raise StoreError(f"De database {describe(url)} kan niet worden geopend: {exc.orig}") from exc
    except BaseException:
        if engine is not None:
            engine.dispose()
        raise
    return Store(url=url, engine=engine, sessions=make_session_factory(engine), upgrade=result)
