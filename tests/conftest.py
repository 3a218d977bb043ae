"""Shared fixtures: stores on SQLite and PostgreSQL, and the pytest-alembic configuration.

PostgreSQL tests use the server in MAKELAAR_TEST_POSTGRES (``bash .ci/test`` starts a throwaway one and always sets
it); every test gets a database of its own. Without the variable those tests are skipped with a reason.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from makelaar.domain.enums import Vocabulary
from makelaar.services.vocabulary import find_term
from makelaar.storage import migrate
from makelaar.storage.engine import make_engine
from makelaar.storage.store import Store, open_store

# Read when a QApplication or a store is made, not at import: no window system needed, and no test touches the
# user's own store or server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_TEST_HOME = tempfile.mkdtemp(prefix="makelaar-test-home-")
os.environ["MAKELAAR_HOME"] = _TEST_HOME
atexit.register(shutil.rmtree, _TEST_HOME, ignore_errors=True)
os.environ.pop("MAKELAAR_DATABASE", None)

PG_ENV = "MAKELAAR_TEST_POSTGRES"


def _dev_set(name: str = "matching-dev") -> Path:
    """A judged matching set: shared/ lies beside the repository (also in CI's fresh clone)."""
    beside = Path(__file__).resolve().parents[1].parent / "shared" / "data" / name
    for folder in (beside, Path("/work/shared/data") / name):
        if (folder / "beoordeling.csv").exists():
            return folder
    return beside  # tests that use it fail on the missing file, saying where they looked


DEV_SET = _dev_set()  # Brugwoude, a town with wijken
DEV_SET2 = _dev_set("matching-dev2")  # Aldervenne, a rural municipality of villages
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def sqlite_url_for(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a store file that does not exist yet."""
    return sqlite_url_for(tmp_path / "makelaar.sqlite")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store migrated once per run; tests get a copy (a migration takes ~0.1 s, a copy ~1 ms)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    made = open_store(sqlite_url_for(path))
    with made.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    return path


def open_sqlite_copy(template: Path, folder: Path) -> Store:
    target = folder / "makelaar.sqlite"
    shutil.copy2(template, target)
    return open_store(sqlite_url_for(target))


@pytest.fixture
def store(sqlite_template: Path, tmp_path: Path) -> Iterator[Store]:
    """An open, migrated SQLite store in tmp_path (a copy of the template, so its upgrade.before is already head)."""
    opened = open_sqlite_copy(sqlite_template, tmp_path)
    yield opened
    opened.close()


# --- PostgreSQL ------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_server() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test on (bash .ci/test starts one)")
    return url


@contextmanager
def pg_database(server_url: str, template: str | None = None) -> Iterator[str]:
    """A uniquely named database on the server for the duration of the block, dropped afterwards."""
    name = f"makelaar_test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            source = ""
            if template:
                # FILE_COPY (PostgreSQL 15+) copies a small database ~5x faster than the default WAL_LOG.
                modern = int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) >= 150000
                source = f' TEMPLATE "{template}"' + (" STRATEGY FILE_COPY" if modern else "")
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{source}')
        try:
            yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """The name of a database migrated once per run; tests get a copy (CREATE DATABASE ... TEMPLATE)."""
    with pg_database(pg_server) as url:
        made = open_store(url)
        made.close()
        name = make_url(url).database
        assert name is not None
        yield name


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server, dropped after the test."""
    with pg_database(pg_server) as url:
        yield url


@pytest.fixture(params=BACKENDS)
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An open, migrated store on SQLite and on PostgreSQL (the test runs once for each)."""
    if request.param == "sqlite":
        opened = open_sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path)
        yield opened
        opened.close()
        return
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    with pg_database(server, template) as url:
        opened = open_store(url)
        yield opened
        opened.close()


# --- pytest-alembic --------------------------------------------------------------------------------------------------


@pytest.fixture
def alembic_config() -> Config:
    return migrate.alembic_config()


@pytest.fixture(params=BACKENDS)
def alembic_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The built-in pytest-alembic tests run on an empty store of each backend."""
    if request.param == "sqlite":
        engine = make_engine(sqlite_url_for(tmp_path / "alembic.sqlite"))
    else:
        engine = make_engine(request.getfixturevalue("pg_url"))
    yield engine
    engine.dispose()


# --- helpers for service tests ---------------------------------------------------------------------------------------


def term_id(s: Session, vocabulary: Vocabulary, name: str) -> str:
    """The id of a vocabulary entry by name or key (the default vocabulary is seeded by the first migration)."""
    term = find_term(s, vocabulary, name)
    assert term is not None, f"{vocabulary.value}: {name}"
    return term.id


def count_rows(s: Session, model: type[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)
