"""Fixtures of the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.domain.records import OrganisationData
from makelaar.services import organisations
from makelaar.storage.store import open_store
from tests.conftest import sqlite_url_for


@pytest.fixture
def store_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An SQLite store file with one organisation, closed; the user's folder (MAKELAAR_HOME) in tmp_path."""
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    path = tmp_path / "makelaar.sqlite"
    store = open_store(sqlite_url_for(path))
    with store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    store.close()
    return path
