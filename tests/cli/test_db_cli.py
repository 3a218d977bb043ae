"""`makelaar db ...` in-process: the command-line contract of DESIGN.md, with Dutch help and errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from makelaar import __version__
from makelaar.cli import main
from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.storage import engine as engine_module
from makelaar.storage import store as store_module
from makelaar.storage.engine import make_engine
from makelaar.storage.store import open_store


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("MAKELAAR_HOME", str(folder))
    monkeypatch.delenv("MAKELAAR_DATABASE", raising=False)
    return folder


def _titles(url: str) -> list[str]:
    store = open_store(url)
    try:
        with store.begin() as s:
            return sorted(r.title for r in ideas.list_ideas(s, ListQuery()))
    finally:
        store.close()


def _add_idea(url: str, title: str) -> None:
    store = open_store(url)
    try:
        with store.begin() as s:
            ideas.save_idea(s, IdeaData(title=title))
    finally:
        store.close()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.splitlines()[0] == f"Makelaar {__version__}"  # then the licences


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Gebruik: makelaar")
    assert "opdrachten" in out
    assert "toon deze hulp en stop" in out
    assert "usage:" not in out


def test_db_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["db", "--help"])
    out = capsys.readouterr().out
    assert "Gebruik: makelaar db" in out
    for action in ("upgrade", "check", "backup", "restore", "info"):
        assert action in out


def test_unknown_command_errors_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["opruimen"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "Gebruik:" in err
    assert "fout: argument OPDRACHT: ongeldige keuze: 'opruimen'" in err


def test_missing_db_action_errors_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["db"])
    assert done.value.code == 2
    assert "deze argumenten ontbreken" in capsys.readouterr().err


def test_db_upgrade_twice(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out
    assert "Database bijgewerkt van schema (leeg) naar" in out
    assert (home / "makelaar.sqlite").exists()
    assert main(["db", "upgrade"]) == 0
    assert "De database is al actueel" in capsys.readouterr().out


def test_db_info_and_check(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    _add_idea(f"sqlite:///{home / 'makelaar.sqlite'}", "Buurtmoestuin")
    capsys.readouterr()
    assert main(["db", "info"]) == 0
    info = capsys.readouterr().out
    assert str(home / "makelaar.sqlite") in info
    assert "SQLite" in info
    lines = {line.split()[0]: line.split()[-1] for line in info.splitlines() if line.strip()}
    assert lines["Ideeën"] == "1"
    assert lines["Organisaties"] == "0"
    assert "nog geen" in info  # no backup yet
    assert main(["db", "check"]) == 0
    assert "De database is in orde." in capsys.readouterr().out


def test_db_check_reports_a_store_newer_than_the_program(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    conn = sqlite3.connect(home / "makelaar.sqlite")
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    conn.close()
    capsys.readouterr()
    assert main(["db", "check"]) == 1
    assert "nieuwer dan dit programma" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 2
    assert "nieuwere versie van Makelaar" in capsys.readouterr().err


def test_db_backup_and_restore(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{home / 'makelaar.sqlite'}"
    main(["db", "upgrade"])
    _add_idea(url, "Voor de back-up")
    target = tmp_path / "kopie.sqlite"
    assert main(["db", "backup", str(target)]) == 0
    assert "Back-up gemaakt en gecontroleerd" in capsys.readouterr().out
    assert backup.verify(target)["ideas"] == 1

    _add_idea(url, "Na de back-up")
    assert _titles(url) == ["Na de back-up", "Voor de back-up"]
    assert main(["db", "restore", str(target)]) == 0
    out = capsys.readouterr().out
    assert "teruggezet" in out
    assert "De vorige database is bewaard als" in out
    assert _titles(url) == ["Voor de back-up"]


def test_db_backup_without_file_goes_to_the_backups_folder(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    assert main(["db", "backup"]) == 0
    [made] = backup.list_backups(home / "makelaar.sqlite")
    assert str(made.path) in capsys.readouterr().out


def test_db_restore_of_a_missing_file(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["db", "upgrade"])
    assert main(["db", "restore", str(home / "bestaat-niet.sqlite")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_database_option_is_honoured(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "elders.sqlite"
    assert main(["--database", f"sqlite:///{other}", "db", "upgrade"]) == 0
    assert other.exists()
    assert not (home / "makelaar.sqlite").exists()
    main(["--database", f"sqlite:///{other}", "db", "info"])
    assert str(other) in capsys.readouterr().out


def test_environment_variable_is_honoured_and_the_option_wins(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "uit-omgeving.sqlite"
    monkeypatch.setenv("MAKELAAR_DATABASE", f"sqlite:///{from_env}")
    assert main(["db", "upgrade"]) == 0
    assert from_env.exists()
    assert not (home / "makelaar.sqlite").exists()
    explicit = tmp_path / "expliciet.sqlite"
    assert main(["--database", f"sqlite:///{explicit}", "db", "upgrade"]) == 0
    assert explicit.exists()


def test_backup_of_a_postgresql_store_is_refused_in_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    # Refused before any connection is made: no server is needed.
    url = "postgresql+psycopg://makelaar@127.0.0.1:1/makelaar"
    assert main(["--database", url, "db", "backup", "kopie.sqlite"]) == 2
    err = capsys.readouterr().err
    assert "alleen voor een SQLite-database" in err
    assert "pg_dump" in err
    assert main(["--database", url, "db", "restore", "kopie.sqlite"]) == 2


@pytest.fixture
def cli_engines(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Engine]]:
    """Every engine the command line makes, disposed after the test.

    cli.py does not dispose the engines of `db upgrade/check/info`; on PostgreSQL the garbage-collected connections
    raise ResourceWarning (an error in this suite). Until that is fixed (see test_cli_closes_its_connections) the
    tests on PostgreSQL clean up after it.
    """
    made: list[Engine] = []

    def recording(url: str, **kwargs: Any) -> Engine:
        engine = make_engine(url, **kwargs)
        made.append(engine)
        return engine

    monkeypatch.setattr(engine_module, "make_engine", recording)
    monkeypatch.setattr(store_module, "make_engine", recording)
    yield made
    for engine in made:
        engine.dispose()


def _connections(server_url: str, database: str) -> int:
    admin = create_engine(server_url, poolclass=NullPool)
    try:
        with admin.connect() as conn:
            query = text("SELECT count(*) FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()")
            return int(conn.execute(query, {"db": database}).scalar_one())
    finally:
        admin.dispose()


def test_db_commands_on_postgresql(pg_url: str, cli_engines: list[Engine], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", pg_url, "db", "upgrade"]) == 0
    assert "bijgewerkt" in capsys.readouterr().out
    assert main(["--database", pg_url, "db", "check"]) == 0
    assert "De database is in orde." in capsys.readouterr().out
    assert main(["--database", pg_url, "db", "info"]) == 0
    assert "PostgreSQL-server" in capsys.readouterr().out
    assert cli_engines


def test_cli_closes_its_connections(pg_server: str, pg_url: str, cli_engines: list[Engine]) -> None:
    for action in ("upgrade", "check", "info"):
        assert main(["--database", pg_url, "db", action]) == 0
    database = make_url(pg_url).database
    assert database is not None
    assert _connections(pg_server, database) == 0
