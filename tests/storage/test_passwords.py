"""No plain-text password for the server: an address with one is refused (it would sit in a shortcut, a script or
the shell's history); the password comes from .pgpass (libpq reads it) or the platform's keyring."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from makelaar.cli import main
from makelaar.domain.errors import StoreError
from makelaar.storage import engine as engine_module
from makelaar.storage.engine import keyring_key, make_engine, parse_url, resolve_database_url

WITH_PASSWORD = "postgresql+psycopg://bea:geheim123@server.gemeente.nl/makelaar"


def test_an_address_with_a_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(StoreError, match=r"\.pgpass") as refused:
        resolve_database_url(WITH_PASSWORD)
    assert "geheim123" not in str(refused.value)
    monkeypatch.setenv("MAKELAAR_DATABASE", WITH_PASSWORD)
    with pytest.raises(StoreError, match="sleutelbos"):
        resolve_database_url(None)


def test_the_command_line_refuses_it_without_showing_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", WITH_PASSWORD, "db", "info"]) == 2
    out, err = capsys.readouterr()
    assert "wachtwoord" in err and "geheim123" not in out + err


@pytest.fixture
def fake_keyring(monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], str]:
    kept: dict[tuple[str, str], str] = {}
    module: Any = types.ModuleType("keyring")
    module.get_password = lambda service, key: kept.get((service, key))
    module.set_password = lambda service, key, value: kept.__setitem__((service, key), value)
    monkeypatch.setitem(sys.modules, "keyring", module)
    return kept


def test_the_password_comes_from_the_keyring_and_never_into_the_url(
    fake_keyring: dict[tuple[str, str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "postgresql+psycopg://bea@server.gemeente.nl/makelaar"
    fake_keyring[("Makelaar", "bea@server.gemeente.nl:5432/makelaar")] = "uit-de-sleutelbos"
    seen: dict[str, Any] = {}

    def create_engine(address: str, **kwargs: Any) -> Any:
        seen.update(address=address, **kwargs)
        return object()

    monkeypatch.setattr(engine_module, "create_engine", create_engine)
    make_engine(url)
    assert seen["connect_args"] == {"password": "uit-de-sleutelbos"}
    assert "uit-de-sleutelbos" not in seen["address"]
    assert keyring_key(parse_url(url)) == "bea@server.gemeente.nl:5432/makelaar"


def test_without_a_keyring_entry_libpq_reads_pgpass_itself(
    fake_keyring: dict[tuple[str, str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(engine_module, "create_engine", lambda address, **kw: seen.update(kw) or object())
    make_engine("postgresql+psycopg://bea@server.gemeente.nl/makelaar")
    assert "connect_args" not in seen


def test_storing_the_password_needs_a_terminal(
    fake_keyring: dict[tuple[str, str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", "postgresql+psycopg://bea@server/makelaar", "db", "wachtwoord"]) == 2
    assert "terminal" in capsys.readouterr().err
    assert fake_keyring == {}
