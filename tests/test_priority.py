"""Background work at start gives way to the window: its thread alone runs at a lower priority."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path

import pytest

from makelaar import priority
from makelaar.storage import startup

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread priorities are Linux's")


@linux_only
def test_giving_way_lowers_the_calling_thread_and_no_other() -> None:
    main_before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen: dict[str, int | bool] = {}

    def background() -> None:
        seen["lowered"] = priority.give_way()
        seen["nice"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    worker = threading.Thread(target=background)
    worker.start()
    worker.join()
    assert seen["lowered"] is True
    assert seen["nice"] == max(main_before, priority.BACKGROUND_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_before


def test_elsewhere_giving_way_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(priority.sys, "platform", "win32")
    before = os.getpriority(os.PRIO_PROCESS, 0) if hasattr(os, "getpriority") else None
    assert priority.give_way() is False
    if before is not None:
        assert os.getpriority(os.PRIO_PROCESS, 0) == before


def test_the_integrity_check_at_start_runs_in_a_thread_that_gives_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "makelaar.sqlite"
    sqlite3.connect(path).close()
    callers: list[str] = []
    monkeypatch.setattr(startup, "give_way", lambda: callers.append(threading.current_thread().name) or True)
    answer = startup.start_check(path)()
    assert answer is not None
    assert callers == ["makelaar-start-check"]
