"""Starting the GUI: the work done in the background while the window is built."""

from __future__ import annotations

import pytest

from makelaar import app


def test_background_work_hands_over_its_answer() -> None:
    wait = app._in_background(lambda: 42)
    assert wait() == 42


def test_failed_background_work_is_left_to_the_window(caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> int:
        raise RuntimeError("de database is weg")

    wait = app._in_background(broken)
    assert wait() is None  # the window then asks itself, and shows the error where it always does
    assert "de database is weg" in caplog.text


@pytest.mark.parametrize(
    ("database", "environment", "known_early"),
    [
        (None, {"MAKELAAR_HOME": "/tmp/makelaar-thuis"}, True),
        (None, {}, True),
        (None, {"MAKELAAR_DATABASE": "sqlite:////srv/gedeeld/makelaar.sqlite"}, True),
        ("sqlite:////home/anna/Makelaar/ideeën.sqlite", {}, True),
        ("sqlite:///relatief/makelaar.sqlite", {}, True),
        ("sqlite:////pad/met%20spatie.sqlite", {}, False),
        ("sqlite:////pad/makelaar.sqlite?mode=ro", {}, False),
        ("sqlite+pysqlite:////pad/makelaar.sqlite", {}, False),
        ("sqlite:///:memory:", {}, False),
        ("postgresql+psycopg://anna@server/makelaar", {}, False),
    ],
)
def test_the_early_store_file_is_the_one_the_store_opens(
    database: str | None, environment: dict[str, str], known_early: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The integrity check starts on the file worked out before SQLAlchemy is imported; it must be the same file
    # (or none, and then the program asks storage.engine).
    from makelaar.storage.engine import resolve_database_url, sqlite_path

    for name in ("MAKELAAR_HOME", "MAKELAAR_DATABASE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    early = app._sqlite_file_early(database)
    assert (early is not None) == known_early
    if early is not None:
        assert early == sqlite_path(resolve_database_url(database))


def test_what_the_start_imports_before_qt_brings_no_qt_along() -> None:
    # Imported before PySide6 so that PySide6's import hook does not read their sources; a module that pulled Qt in
    # would import the rest after PySide6 after all.
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys\n"
        "from makelaar import app\n"
        "app._import_before_qt()\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    assert "makelaar.services.ideas" in app._BEFORE_QT  # the lists' services are among them
