"""Engines and session factories for SQLite (the default, embedded store) and PostgreSQL (a team's server)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from makelaar.domain.errors import StoreError

ENV_DATABASE = "MAKELAAR_DATABASE"
BUSY_TIMEOUT_MS = 10_000


def user_data_dir() -> Path:
    """The platform's user-data folder for Makelaar (MAKELAAR_HOME overrides it, for tests and portable use)."""
    override = os.environ.get("MAKELAAR_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("Makelaar", appauthor=False))


def default_database_url() -> str:
    return f"sqlite:///{user_data_dir() / 'makelaar.sqlite'}"


def resolve_database_url(explicit: str | None) -> str:
    """--database wins over MAKELAAR_DATABASE, which wins over the embedded default store. An address with a
    password in it is refused: it would sit in plain text in a shortcut, a script or the shell's history."""
    url = explicit or os.environ.get(ENV_DATABASE) or default_database_url()
    refuse_password(url)
    return url


KEYRING_SERVICE = "Makelaar"


def refuse_password(url: str) -> None:
    parsed = parse_url(url)
    if parsed.password:
        raise StoreError(
            "Het database-adres bevat een wachtwoord; Makelaar neemt geen wachtwoord in platte tekst aan. Laat het "
            "wachtwoord weg uit het adres en zet het in het bestand .pgpass (Windows: %APPDATA%\\postgresql\\"
            "pgpass.conf, alleen leesbaar voor uzelf) of in de sleutelbos van het systeem: makelaar db wachtwoord."
        )


def keyring_key(url: str | URL) -> str:
    """Under which name the password of a server is kept in the platform's keyring: user@host:port/database."""
    parsed = parse_url(url) if isinstance(url, str) else url
    return f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or 5432}/{parsed.database or ''}"


def keyring_password(url: URL) -> str | None:
    """The server's password from the platform's keyring (Windows Credential Manager, macOS Keychain, the Secret
    Service on Linux), when the optional ``keyring`` package is installed and holds one; else None (libpq then
    reads ~/.pgpass itself)."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        found = keyring.get_password(KEYRING_SERVICE, keyring_key(url))
    except Exception:  # no keyring backend on this machine: as if nothing is stored
        return None
    return str(found) if found else None


SQLITE_PREFIX = "sqlite:///"


def parse_url(url: str) -> URL:
    """The URL of a store, or a StoreError that shows how one is written (a bare path is a common slip).

    In ``sqlite:///`` everything after the third slash is the file's path, letter for letter: a ``?``, ``#``, ``%``
    or space in a folder or file name is part of the name (a URL parser would cut the name at the ``?`` and open
    another file), and nothing is decoded.
    """
    if url.startswith(SQLITE_PREFIX) and url[len(SQLITE_PREFIX) :] not in ("", ":memory:"):
        return URL.create("sqlite", database=url[len(SQLITE_PREFIX) :])
    try:
        return make_url(url)
    except ArgumentError:
        raise StoreError(
            f"'{url}' is geen database-adres. Schrijf sqlite:///pad/naar/bestand.sqlite of "
            "postgresql+psycopg://gebruiker@server/naam."
        ) from None


def is_sqlite(url_or_engine: str | Engine) -> bool:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else parse_url(url_or_engine)
    return url.get_backend_name() == "sqlite"


def sqlite_path(url_or_engine: str | Engine) -> Path | None:
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else parse_url(url_or_engine)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """The settings of every SQLite connection of the program (a listener of each engine's ``connect``)."""
    # The sqlite3 module's own transaction handling is switched off (SQLAlchemy's recipe for transactional DDL):
    # SQLAlchemy's BEGIN is the only one, so a migration rolls back whole and PRAGMAs here run outside a
    # transaction (inside one, journal_mode=WAL silently answers 'delete').
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Residents' data: what is deleted or overwritten (a forgotten person) is overwritten with zeros in the file,
        # not left in free pages, also where SQLite was not built with this as its default.
        cursor.execute("PRAGMA secure_delete=ON")
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if str(mode).lower() not in ("wal", "memory"):
            raise StoreError(f"De database kon niet in WAL-modus worden gezet (modus: {mode}).")
        # Residents' data: a commit is on disk before we say it is saved.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(url: str, **kwargs: Any) -> Engine:
    """An engine with the connection settings every connection must have."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                from makelaar.storage.faults import raise_for_environment

                raise_for_environment(exc, path, outcome="De database is niet geopend.")
                raise
        # hide_parameters: an error message (shown with a traceback) must not carry a resident's data.
        engine = create_engine(parsed, connect_args={"check_same_thread": False}, hide_parameters=True, **kwargs)
        event.listen(engine, "connect", on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if parsed.get_backend_name() == "postgresql":
        secret = None if parsed.password else keyring_password(parsed)
        if secret is not None:
            # Handed to the driver only: never in the URL, so no message or log line can show it.
            kwargs["connect_args"] = {**kwargs.get("connect_args", {}), "password": secret}
        return create_engine(parsed, pool_pre_ping=True, hide_parameters=True, **kwargs)
    raise StoreError(
        f"Onbekend soort database: '{parsed.get_backend_name()}'. Gebruik sqlite:///pad of postgresql+psycopg://…"
    )


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Every session of the program comes from here; the change tracking of the exchange listens to all of them."""
    # Registers the session listener that fills exchange_records and tombstones on every ORM change: no session of
    # Makelaar writes untracked.
    import makelaar.storage.tracking  # noqa: F401

    # expire_on_commit=False: services hand plain values back after the transaction ends.
    return sessionmaker(bind=engine, expire_on_commit=False)


def describe(url_or_engine: str | Engine) -> str:
    """A human description of the store without a password: the file, or user@host/db."""
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else parse_url(url_or_engine)
    if url.get_backend_name() == "sqlite":
        return str(url.database or ":memory:")
    return url.render_as_string(hide_password=True)
