"""Who did it: the audit log names the broker on every path of the command line (--as NAAM, else the name from the
program's settings), never the bare computer account; on PostgreSQL it also names the role the broker connected as."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from makelaar.cli import common as cli_common
from makelaar.cli import main
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import audit, ideas, privacy
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for


@pytest.fixture
def url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(cli_common, "settings_name", lambda: "")  # no name in this machine's settings
    url = sqlite_url_for(tmp_path / "makelaar.sqlite")
    store = open_store(url)
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Bankje", initiators=[InitiatorData(name="Anna Oud")]))
    store.close()
    return url


def _actors(url: str, kind: str) -> list[str]:
    store = open_store(url)
    try:
        with store.begin() as s:
            return [line.actor for line in audit.list_entries(s) if line.kind == kind]
    finally:
        store.close()


def test_as_names_the_broker_in_the_log(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", url, "--as", "Bea de Vries", "privacy", "forget", "Anna Oud"]) == 0
    assert _actors(url, audit.FORGOTTEN) == ["Bea de Vries"]


def test_the_settings_name_is_used_without_as(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_common, "settings_name", lambda: "Cor uit de instellingen")
    assert main(["--database", url, "privacy", "forget", "Anna Oud"]) == 0
    assert _actors(url, audit.FORGOTTEN) == ["Cor uit de instellingen"]


def test_without_a_name_the_log_says_it_was_only_the_computer_account(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", url, "privacy", "forget", "Anna Oud"]) == 0
    [who] = _actors(url, audit.FORGOTTEN)
    assert who == audit.system_user() and who.endswith("(computeraccount)")


def test_the_settings_name_is_read_from_the_programs_settings_file(tmp_path: Path) -> None:
    config = tmp_path / "config"
    (config / "Makelaar").mkdir(parents=True)
    (config / "Makelaar" / "Makelaar.conf").write_text("[ui]\nbroker_name=Dirk van het kantoor\n", encoding="utf-8")
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", "from makelaar.cli import settings_name; print(settings_name())"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == "Dirk van het kantoor"


def test_on_postgresql_the_log_names_the_role_too(any_store: Store) -> None:
    any_store.actor = "Bea de Vries"
    with any_store.begin() as s:
        saved = ideas.save_idea(s, IdeaData(title="Bankje", initiators=[InitiatorData(name="Anna Oud")]))
    with any_store.begin() as s:
        privacy.forget_person(s, saved.initiators[0].id or "")
    with any_store.begin() as s:
        actors = {line.actor for line in audit.list_entries(s)}
    if any_store.engine.dialect.name == "postgresql":
        role = any_store.engine.url.username
        assert actors == {f"Bea de Vries (rol {role})"}
    else:
        assert actors == {"Bea de Vries"}
