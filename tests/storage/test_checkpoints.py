"""WAL checkpoints in the background: a save never waits for SQLite copying its journal into the file."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import insert, select

from makelaar.domain.enums import ActivityKind
from makelaar.storage.base import new_id, utcnow
from makelaar.storage.checkpoints import BackgroundCheckpoints, checkpoint
from makelaar.storage.models import Activity
from makelaar.storage.startup import StartCheck
from makelaar.storage.store import Store, open_store

# 40 commits of 40 timeline entries of 4 kB: about 1,700 pages in the journal, past SQLite's own line of 1,000.
COMMITS, ROWS, TEXT = 40, 40, "Verslag van het gesprek aan de wijktafel. " * 100


def _write(store: Store) -> None:
    for _ in range(COMMITS):
        now = utcnow()
        rows = [
            {"id": new_id(), "kind": ActivityKind.NOTE.value, "text": TEXT, "occurred_at": now, "created_at": now}
            for _ in range(ROWS)
        ]
        with store.begin() as s:
            s.execute(insert(Activity), rows)


def _entry() -> dict[str, object]:
    return {"id": new_id(), "kind": ActivityKind.NOTE.value, "text": "Gebeld.", "occurred_at": utcnow()}


def _journal_frames(store: Store) -> int:
    assert store.path is not None
    return checkpoint(store.path)[1]


def test_saves_leave_the_checkpoint_to_the_background(store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    background = store.checkpoint_in_background(delay_s=3600)  # not due during this test
    assert background is not None
    _write(store)
    frames = _journal_frames(store)
    # Nothing was copied back on a commit: every frame since the start is still in the journal.
    assert frames > 1500
    assert background.last is None

    # The same writes on a store with SQLite's own checkpoints: the commit past 1,000 pages copied them back.
    other = open_store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    try:
        _write(other)
        assert _journal_frames(other) < 1100
    finally:
        other.close()


def test_a_checkpoint_follows_a_commit(store: Store) -> None:
    background = store.checkpoint_in_background(delay_s=0.01)
    assert background is not None
    _write(store)
    assert background.done.wait(timeout=30)
    assert background.last is not None
    busy, frames, copied = background.last
    assert busy == 0
    assert frames > 0
    assert copied == frames  # a passive checkpoint with nobody reading: all of it


def test_nothing_is_written_into_a_damaged_store(store: Store) -> None:
    store.hold_writes(lambda: StartCheck(ok=False, problem="Page 7: btreeInitPage() returns error code 11"))
    background = store.checkpoint_in_background(delay_s=3600)
    assert background is not None
    background._run()  # the checkpoint's own thread, run here: it asks first
    assert background.last is None
    assert not background.done.is_set()


def test_checkpoints_wait_for_the_start_check(store: Store) -> None:
    answer = threading.Event()
    asked_by: list[str] = []

    def check() -> StartCheck:
        asked_by.append(threading.current_thread().name)
        answer.wait(timeout=30)
        return StartCheck(ok=True)

    store.hold_writes(check)
    background = BackgroundCheckpoints(store.path or Path(), store._may_write_file, delay_s=0)
    background.schedule()
    background.schedule()  # while the first waits for the check: no second timer
    answer.set()
    assert background.done.wait(timeout=30)
    assert asked_by == ["makelaar-checkpoint"]  # the checkpoint asked the check (and so waited for its answer)
    assert background.last is not None


def test_only_a_transaction_that_wrote_asks_for_a_checkpoint(store: Store) -> None:
    background = store.checkpoint_in_background(delay_s=3600)
    assert background is not None
    with store.begin() as s:
        s.execute(select(Activity.id)).all()
    assert background._threads == []  # a read ends with a commit too
    with store.begin() as s:
        s.execute(insert(Activity), [_entry()])
    assert len(background._threads) == 1


def test_closing_the_store_stops_a_due_checkpoint_until_it_is_used_again(store: Store) -> None:
    background = store.checkpoint_in_background(delay_s=3600)
    assert background is not None
    with store.begin() as s:
        s.execute(insert(Activity), [_entry()])
    timers = list(background._threads)
    assert len(timers) == 1 and timers[0].is_alive()
    store.close()
    assert not timers[0].is_alive()
    with store.begin() as s:  # closed: its file may be replaced (a restore); a write of the old store waits no timer
        s.execute(insert(Activity), [_entry()])
    assert background._threads == []
    assert store.checkpoint_in_background() is background  # used again (a restore that failed): as before
    with store.begin() as s:
        s.execute(insert(Activity), [_entry()])
    assert len(background._threads) == 1
    assert background.last is None


def test_a_server_store_has_no_journal_file_of_ours(any_store: Store) -> None:
    found = any_store.checkpoint_in_background(delay_s=3600)
    assert (found is None) == (any_store.engine.dialect.name == "postgresql")


def test_flush_runs_the_due_checkpoint_now(store: Store) -> None:
    background = store.checkpoint_in_background(delay_s=3600)
    assert background is not None
    background.flush()
    assert background.last is None  # nothing was due
    with store.begin() as s:
        s.execute(insert(Activity), [_entry()])
    background.flush()
    assert background._threads == []
    assert background.last is not None
    busy, frames, copied = background.last
    assert busy == 0 and frames > 0 and copied == frames
