"""Alembic environment. The program passes its own connection in ``config.attributes['connection']``."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Engine, pool, text

from makelaar.storage import models  # noqa: F401  (registers the tables)
from makelaar.storage.base import Base
from makelaar.storage.last_contact import is_last_contact_object
from makelaar.storage.search import is_search_object

config = context.config
target_metadata = Base.metadata


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # The search index (FTS5 tables and triggers on SQLite, a tsvector column on PostgreSQL) and the ideas' newest
    # timeline entry are kept by the database itself and are not part of the ORM metadata.
    return not is_search_object(name, type_) and not is_last_contact_object(name, type_)


def _configure(connection: Any) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_object=include_object,
        compare_type=True,
    )


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if isinstance(connection, Engine):
        # pytest-alembic hands over an Engine rather than a Connection.
        with connection.connect() as conn:
            _run(conn)
            if conn.in_transaction():
                conn.commit()
        return
    if connection is not None:
        _run(connection)
        return
    from makelaar.storage.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _sqlite_foreign_keys(connection: Any, on: bool) -> None:
    # On the driver's own connection (autocommit): through SQLAlchemy the PRAGMA would autobegin a transaction,
    # inside which SQLite ignores it.
    driver = connection.connection.driver_connection
    driver.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    if driver.execute("PRAGMA foreign_keys").fetchone()[0] != int(on):
        raise RuntimeError("PRAGMA foreign_keys kon niet worden omgezet.")


def _run(connection: Any) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if not sqlite:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    # Batch migrations recreate tables; with foreign keys on, that would cascade deletes. Off for the migration
    # (outside a transaction, where the PRAGMA has effect), checked before commit, and on again afterwards.
    if connection.in_transaction():
        connection.commit()
    _sqlite_foreign_keys(connection, on=False)
    try:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
            problems = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise RuntimeError(f"Migratie zou verwijzingen breken: {problems[:5]}")
        if connection.in_transaction():
            connection.commit()
    finally:
        if connection.in_transaction():
            connection.rollback()
        _sqlite_foreign_keys(connection, on=True)


if context.is_offline_mode():
    raise SystemExit("Makelaar runs migrations online only.")
run_migrations_online()
