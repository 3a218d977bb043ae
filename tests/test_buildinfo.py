"""The version and the licences: what --version and Over Makelaar say, in a source install and in a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from makelaar import buildinfo, cli


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Resources as a build leaves them: build-info.json and the generated third-party file."""
    (tmp_path / buildinfo.BUILD_INFO).write_text(
        json.dumps({"version": "9.9.9", "commit": "abc1234", "date": "07-12-2026", "platform": "windows-AMD64"}),
        encoding="utf-8",
    )
    (tmp_path / buildinfo.THIRD_PARTY).write_text("Qt 6.11.3 LGPL-3.0-only (uit de build)\n", encoding="utf-8")
    monkeypatch.setattr(buildinfo, "resources_dir", lambda: tmp_path)
    return tmp_path


def test_the_runtime_dependencies_and_nothing_for_tests_or_builds() -> None:
    names = {str(d.metadata["Name"]).lower().replace("_", "-") for d in buildinfo.runtime_distributions()}
    assert {"makelaar", "pyside6-essentials", "pyside6-addons", "sqlalchemy", "reportlab", "alembic"} <= names
    assert "psycopg-binary" in names  # reached through the [binary] extra of psycopg
    assert not names & {"pytest", "mypy", "ruff", "hypothesis", "pyinstaller"}


def test_a_source_install_lists_every_component_with_its_licence() -> None:
    text = buildinfo.render(buildinfo.components())
    assert "EUPL-1.2" in text.splitlines()[0]
    table = text.split("=" * 100)[0]
    assert "PySide6_Essentials" in table and "LGPL-3.0-only" in table
    assert "SQLAlchemy" in table and "MIT" in table
    assert "DejaVu" in table and "Python" in table
    # The licence texts follow in full: SQLAlchemy's own file, and the fonts' licence from resources/.
    assert "Permission is hereby granted" in text
    assert "Bitstream" in text
    assert buildinfo.third_party_text() == text  # no generated file: made from the metadata


def test_a_build_shows_its_version_and_its_generated_file(built: Path) -> None:
    assert buildinfo.version_line() == "Makelaar 9.9.9 (build 07-12-2026, abc1234, windows-AMD64)"
    assert buildinfo.third_party_text() == "Qt 6.11.3 LGPL-3.0-only (uit de build)\n"
    assert str(built / buildinfo.THIRD_PARTY) in buildinfo.version_text()


def test_version_names_the_licence(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["--version"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Makelaar {buildinfo.version()}")
    assert "EUPL-1.2" in out
    assert "Over Makelaar" in out  # a source install has no generated file: the dialog makes the list


def test_the_build_writes_the_third_party_file_with_what_it_bundles(tmp_path: Path) -> None:
    copyright_file = tmp_path / "copyright"
    copyright_file.write_text("Copyright (C) 2013 Michael Stapelberg\nLicense: MIT\n", encoding="utf-8")
    out = tmp_path / "THIRD-PARTY-LICENSES.txt"
    assert buildinfo._main(["third-party", str(out), f"libxcb-cursor0=0.1.4-1=MIT={copyright_file}"]) == 0
    text = out.read_text(encoding="utf-8")
    summary = text.split("=" * 100)[0]
    python_table, system_table = summary.split("systeembibliotheken")
    assert "SQLAlchemy" in python_table and "libxcb-cursor0  0.1.4-1  MIT" in system_table
    assert "Michael Stapelberg" in text  # the package's copyright file in full
