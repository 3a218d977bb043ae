"""Two imports of the same file at the same time (two windows, or the window and a script): "nooit dubbel" holds on
both backends, and the one that has to wait gets its turn or a Dutch message, never a traceback."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from makelaar.services import csvio
from makelaar.services.csvio import importing
from makelaar.storage.models import Organisation
from makelaar.storage.store import Store

ROWS = 25


def test_the_same_file_imported_twice_at_once_stores_every_organisation_once(
    any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kaart.csv"
    path.write_text("naam;wijken\n" + "".join(f"Organisatie {n};Wijk {n % 3}\n" for n in range(ROWS)), encoding="utf-8")
    # Both imports meet after reading the registry and before writing: without serialising, both find it without
    # the file's organisations. With it, the second never gets there while the first runs: the meeting is given
    # up and the first goes on alone.
    meeting = threading.Barrier(2, timeout=3)
    prefetch = importing._Importer._prefetch

    def meet_then_prefetch(self: Any) -> None:
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        prefetch(self)

    monkeypatch.setattr(importing._Importer, "_prefetch", meet_then_prefetch)
    results: list[csvio.ImportResult] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            results.append(csvio.import_path(any_store, "organisaties", path))
        except BaseException as exc:  # collected: the assertion below names it
            failures.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # The second import waited its turn: no "database is locked", no half import, and it found everything there.
    assert failures == []
    with any_store.begin() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == ROWS
    assert sorted((r.added, r.unchanged) for r in results) == [(0, ROWS), (ROWS, 0)]


def test_an_import_that_cannot_get_the_store_says_so_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from makelaar.domain.errors import KnownError
    from makelaar.storage import engine
    from makelaar.storage.store import open_store

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)  # the wait for the other writer, short for the test
    store = open_store(f"sqlite:///{tmp_path / 'm.sqlite'}")
    path = tmp_path / "kaart.csv"
    path.write_text("naam\nDe Brug\n", encoding="utf-8")
    other = sqlite3.connect(str(tmp_path / "m.sqlite"), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another program (or Makelaar) is writing and does not let go
        with pytest.raises(KnownError, match="Er wordt al een ander bestand in deze database ingelezen"):
            csvio.import_path(store, "organisaties", path)
    finally:
        other.rollback()
        other.close()
    with store.begin() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 0
    store.close()
