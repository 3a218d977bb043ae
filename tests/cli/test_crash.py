"""A bug in a command ends in a Dutch message and exit code 2: never a traceback, never 1 ("rows rejected")."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from makelaar.cli import main


def test_an_unexpected_error_is_exit_2_with_a_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from makelaar.cli import entry

    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))

    def broken(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(entry.COMMANDS, "demo", broken)
    assert main(["demo"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("makelaar: er ging iets onverwacht mis")
    assert "Traceback" not in err
