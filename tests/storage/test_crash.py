"""Crash safety: the program is killed with SIGKILL, many times over, while it saves and while it imports.

A child process (crash_child.py) writes to a store and prints a line after each commit has returned; the parent
reads a seeded random number of those lines, kills the child mid-work and opens the survivor. Each time the store
must open with open_store, pass ``integrity_check`` (and FTS5's own check), and hold every record the child
reported as committed, each one whole (its reference, its search row). The next cycle continues on that survivor.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text

from makelaar.services.ideas import list_ideas
from makelaar.services.listing import ListQuery
from makelaar.storage.models import Organisation
from makelaar.storage.store import open_store

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("crash_child.py")
LINE_TIMEOUT_S = 60  # a bound on each wait for the child, not a timing assertion


@dataclass
class Child:
    proc: subprocess.Popen[str]
    stderr_path: Path
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)

    def read(self) -> str:
        """The child's next line; fails (with its stderr) if it died or said nothing within the bound."""
        try:
            line = self.lines.get(timeout=LINE_TIMEOUT_S)
        except queue.Empty:
            pytest.fail(f"the child said nothing for {LINE_TIMEOUT_S} s")
        if line is None:
            self.proc.wait(timeout=LINE_TIMEOUT_S)
            pytest.fail(f"the child ended (code {self.proc.returncode}):\n{self.stderr_path.read_text()}")
        return line

    def read_within(self, seconds: float) -> str | None:
        """The child's next line if it comes within ``seconds`` (a bounded wait on the pipe), else None."""
        try:
            line = self.lines.get(timeout=seconds)
        except queue.Empty:
            return None
        if line is None:
            self.proc.wait(timeout=LINE_TIMEOUT_S)
            pytest.fail(f"the child ended (code {self.proc.returncode}):\n{self.stderr_path.read_text()}")
        return line

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=LINE_TIMEOUT_S)


@contextmanager
def child(tmp_path: Path, *args: str) -> Iterator[Child]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    stderr_path = tmp_path / "child-stderr.txt"
    with stderr_path.open("w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=stderr, text=True, env=env
        )
    c = Child(proc, stderr_path)

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            c.lines.put(line.rstrip("\n"))
        c.lines.put(None)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    try:
        assert c.read() == "ready"
        yield c
    finally:
        c.kill()  # never a stray process, whatever happened above
        reader.join(timeout=LINE_TIMEOUT_S)
        if proc.stdout is not None:
            proc.stdout.close()


def assert_sound(engine: Engine) -> None:
    """SQLite's integrity_check, the foreign keys and FTS5's own index check all pass."""
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalars().all() == ["ok"]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        for table in ("ideas", "organisations"):
            # Raises SQLITE_CORRUPT_VTAB when the full-text index does not match its rows.
            conn.execute(text(f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')"))
        conn.rollback()


def test_killed_save_loop_loses_no_committed_idea(tmp_path: Path) -> None:
    rng = random.Random(20240613)
    db = tmp_path / "makelaar.sqlite"
    committed: dict[str, str] = {}  # title -> reference, as the child reported after each commit
    reported: list[int] = []  # per cycle: how many commits the parent saw before the kill
    for cycle in range(15):
        prefix = f"Idee c{cycle}"
        wanted = rng.randint(5, 40)
        with child(tmp_path, "ideas", str(db), prefix) as c:
            for _ in range(wanted):
                kind, reference, title = c.read().split(" ", 2)
                assert kind == "saved"
                committed[title] = reference
            c.kill()
        reported.append(wanted)

        store = open_store(f"sqlite:///{db}")
        try:
            assert_sound(store.engine)
            with store.begin() as s:
                rows = s.execute(text("SELECT title, reference, search_rowid FROM ideas")).all()
                in_store = {title: reference for title, reference, _ in rows}
                # Every reported commit survived, under the reference the child was given.
                missing = {t: r for t, r in committed.items() if in_store.get(t) != r}
                assert not missing, f"cycle {cycle}: committed ideas lost: {sorted(missing)[:5]}"
                # No half-written idea: each has a reference, a search row with its title, and is found by search.
                assert all(r and rowid is not None for _, r, rowid in rows)
                fts = {rowid: t for rowid, t in s.execute(text("SELECT rowid, title FROM ideas_fts"))}
                assert {rowid: t for t, _, rowid in rows} == fts
                assert len({r for _, r, _ in rows}) == len(rows)
                # Per cycle the saved ideas are 1..m without a gap, m at least what the child reported.
                for done, n in enumerate(reported):
                    numbers = sorted(int(t.rsplit(" ", 1)[1]) for t in in_store if t.startswith(f"Idee c{done} "))
                    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= n
                for title in rng.sample(sorted(in_store), 5):
                    hits = list_ideas(s, ListQuery(search=title), limit=10_000)
                    assert title in {h.title for h in hits}, f"search does not find {title!r}"
        finally:
            store.close()
    assert len(committed) == sum(reported)


FILES = 6
ROWS = 250
FILE_SECONDS = 0.8  # about how long one file takes to import here; only spreads the moment of the kill


def write_csv(path: Path, cycle: int, number: int) -> None:
    lines = ["naam,omschrijving,telefoon,website"]
    lines += [
        f"Buurtvereniging C{cycle}F{number}R{r},Vereniging nummer {r} voor de wijk,0201234567,https://example.org/c{cycle}f{number}/{r}"
        for r in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def imported(line: str, paths: list[Path], cycle: int, n: int) -> tuple[int, int]:
    """The child's report that file n of this cycle was imported whole."""
    kind, added, name = line.split(" ", 2)
    assert (kind, int(added), name) == ("imported", ROWS, str(paths[n]))
    return cycle, n


def test_killed_bulk_import_is_all_or_nothing_per_file(tmp_path: Path) -> None:
    rng = random.Random(1_2024_06)
    db = tmp_path / "makelaar.sqlite"
    committed_files: list[tuple[int, int]] = []  # (cycle, file) the child reported as imported
    expected_total = 0
    for cycle in range(5):
        folder = tmp_path / f"c{cycle}"
        folder.mkdir()
        paths = [folder / f"organisaties-{n}.csv" for n in range(FILES)]
        for n, path in enumerate(paths):
            write_csv(path, cycle, n)
        wanted = rng.randint(0, FILES - 3)  # 0: killed during the first file

        with child(tmp_path, "import", str(db), *map(str, paths)) as c:
            for n in range(wanted):
                committed_files.append(imported(c.read(), paths, cycle, n))
            # The kill lands anywhere in the next file's import, its commit included: wait for its line a random
            # while, and count it as committed if it comes.
            line = c.read_within(rng.uniform(0, 1.5 * FILE_SECONDS))
            if line is not None:
                committed_files.append(imported(line, paths, cycle, wanted))
                wanted += 1
            c.kill()

        store = open_store(f"sqlite:///{db}")
        try:
            assert_sound(store.engine)
            with store.begin() as s:
                names = s.scalars(select(Organisation.name)).all()
                per_file: dict[tuple[int, int], int] = {}
                for name in names:
                    c_part, f_part = name.removeprefix("Buurtvereniging C").split("R")[0].split("F")
                    key = (int(c_part), int(f_part))
                    per_file[key] = per_file.get(key, 0) + 1
                # A killed import leaves all of a file's rows or none of them.
                assert set(per_file.values()) <= {ROWS}, f"cycle {cycle}: a half import {per_file}"
                # Every reported import survived; this cycle's imports are a prefix of its files.
                assert set(committed_files) <= set(per_file)
                done = sorted(f for (cyc, f) in per_file if cyc == cycle)
                assert done == list(range(len(done))) and len(done) >= wanted
                expected_total += len(done) * ROWS
                assert len(names) == expected_total
                # Each organisation is whole: reference and search row.
                assert s.scalar(text("SELECT count(*) FROM organisations WHERE search_rowid IS NULL")) == 0
                assert s.scalar(select(func.count(func.distinct(Organisation.reference)))) == len(names)
                joined = s.scalar(
                    text(
                        "SELECT count(*) FROM organisations o JOIN organisations_fts f ON f.rowid = o.search_rowid "
                        "WHERE f.name = o.name"
                    )
                )
                assert joined == s.scalar(text("SELECT count(*) FROM organisations_fts")) == len(names)
        finally:
            store.close()
