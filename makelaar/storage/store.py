"""An open store: engine, session factory and what the user should know about it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

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


def open_store(url: str, *, upgrade: bool = True) -> Store:
    """Open a store; by default back it up and bring it to the program's schema (refusing a newer one)."""
    try:
        engine = make_engine(url)
        result = migrate.ensure_current(engine) if upgrade else None
    except OperationalError as exc:
        raise StoreError(f"De database {describe(url)} kan niet worden geopend: {exc.orig}") from exc
    return Store(url=url, engine=engine, sessions=make_session_factory(engine), upgrade=result)
