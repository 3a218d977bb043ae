"""The actions' lock in the window's own process: the window holds the store (QLockFile), an action it runs goes
ahead and leaves the window's lock in place; another program's lock refuses it."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from makelaar.actions.demo import load_demo
from makelaar.actions.lock import StoreInUse, lock_path
from makelaar.storage.store import Store


def test_an_action_in_the_window_keeps_the_window_lock(store: Store) -> None:
    from PySide6.QtCore import QLockFile

    assert store.path is not None
    window_lock = QLockFile(str(lock_path(store.path)))
    window_lock.setStaleLockTime(0)
    assert window_lock.tryLock(100)
    try:
        done = load_demo(store)
        assert done.changes.ideas and done.backup is not None
        assert lock_path(store.path).exists()  # still the window's
        assert window_lock.isLocked()
    finally:
        window_lock.unlock()


def test_an_action_is_refused_while_another_program_holds_the_store(store: Store) -> None:
    assert store.path is not None
    # A running process that is not this one (the parent of the test run), as another window would be.
    lock_path(store.path).write_text(f"{os.getppid()}\npython3\n{socket.gethostname()}\n", encoding="utf-8")
    with pytest.raises(StoreInUse, match="Makelaar is geopend met deze database"):
        load_demo(store)
    assert not list((store.path.parent / "backups").glob("*voor-voorbeeldgegevens*"))


def test_a_lock_of_another_computer_is_not_taken_for_stale(store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    lock_path(store.path).write_text("999999999\npython3\nde-laptop-van-kantoor\n", encoding="utf-8")
    with pytest.raises(StoreInUse):
        load_demo(store)
