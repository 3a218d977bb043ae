"""The benchmark suite: every operation of the issue on the big store, each next to its floor, in one table.

    bench/run [STORE] [--repeat 15] [--starts 7] [--heavy 3] [--only TEXT] [--detail] [--keep]

(``bench/run`` runs this file with the repository's venv; STORE defaults to bench/out/bench.sqlite, made by
``bench/generate``.) See bench/README.md for what "ours" and "the floor" are in each row. The exit status is 1 when a
target is missed; the missed rows are named at the end.

The suite never changes the generated store: it brings it to the program's schema once (as the program does when it
opens an older store) and then works on two copies, ``bench/out/work.sqlite`` (ours, and the floor of every read) and
``bench/out/floor.sqlite`` (where the floor replays what ours wrote), deleted at the end unless ``--keep``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import math
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (str(ROOT), str(HERE)):
    if folder not in sys.path:
        sys.path.insert(0, folder)

import bare  # noqa: E402
import PySide6  # noqa: E402
import reports_speed  # noqa: E402
import run_core  # noqa: E402
import sqlalchemy  # noqa: E402
from matching_speed import FLOOR_SQL, fts_query  # noqa: E402
from PySide6.QtCore import QSettings, Qt, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import Engine, event, func, select  # noqa: E402

from makelaar.reports import build_matching_report, build_overview_report  # noqa: E402
from makelaar.reports.style import register_fonts  # noqa: E402
from makelaar.services import csvio, ideas, matches, matching  # noqa: E402
from makelaar.services.figures import overview_figures  # noqa: E402
from makelaar.storage import backup, startup  # noqa: E402
from makelaar.storage import engine as engine_settings  # noqa: E402
from makelaar.storage.models import Idea, Match  # noqa: E402
from makelaar.storage.store import Store, open_store  # noqa: E402
from makelaar.ui.context import AppContext, UnsavedPrompt  # noqa: E402
from makelaar.ui.idea_editor import IdeaEditor  # noqa: E402
from makelaar.ui.list_views import IdeasView, OrganisationsView  # noqa: E402
from makelaar.ui.settings import UiSettings  # noqa: E402

OUT = HERE / "out"
DEFAULT_STORE = OUT / "bench.sqlite"
MAX_RATIO = 3.0
RATIO_FLOOR_MS = run_core.RATIO_FLOOR_MS  # below this floor median the ratio is shown, not counted
GUI_SIZE = run_core.GUI_SIZE
EDITOR_SIZE = (1000, 700)
OVERVIEW_PERIOD = (date(2022, 1, 1), date(2026, 12, 31))
EXCHANGE_RECORDS = 1_000
MEMORY_MB = 400.0


# --- targets and rows -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    median_ms: float | None = None  # None: only the ratio counts
    p95_ms: float | None = None
    ratio: bool = True  # within MAX_RATIO of the floor
    # The GUI rows and the cold start are held to the toolkit's floor (the "bare Qt" column: the same SQL into plain
    # Qt widgets; for the start, the integrity check beside importing SQLAlchemy, then an empty window), every other
    # row to its SQL/ReportLab floor.
    toolkit: bool = False

    def __str__(self) -> str:
        parts = []
        if self.median_ms is not None:
            parts.append(f"< {self.median_ms:,.0f} ms")
        if self.p95_ms is not None:
            parts.append(f"p95 < {self.p95_ms:,.0f}")
        if self.ratio:
            parts.append(f"<= {MAX_RATIO:.0f}x {'bare' if self.toolkit else 'floor'}")
        return ", ".join(parts)


START = Target(600.0, 1000.0, toolkit=True)
KEYSTROKE = Target(50.0, 100.0, toolkit=True)
LIST = Target(200.0, toolkit=True)
GUI_STEP = Target(100.0, toolkit=True)  # opening an idea in its editor
STEP = Target(100.0)  # every other interactive step
BULK = Target()  # long work with progress: only the ratio


@dataclass
class Row:
    name: str
    target: Target
    ours: list[float]  # ms (MB for the memory row)
    floor: list[float]
    runs: int = 0
    unit: str = "ms"
    note: str = ""
    error: str | None = None
    limit_mb: float | None = None  # the memory row: a limit instead of a time target
    bare: list[float] = field(default_factory=list)  # the toolkit's floor (bench/bare.py), for information

    @property
    def bare_median(self) -> float:
        return statistics.median(self.bare) if self.bare else math.nan

    @property
    def bare_ratio(self) -> float:
        b = self.bare_median
        return self.median / b if b and not math.isnan(b) else math.nan

    @property
    def median(self) -> float:
        return statistics.median(self.ours)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor) if self.floor else math.nan

    @property
    def ratio(self) -> float:
        f = self.floor_median
        return self.median / f if f and not math.isnan(f) else math.nan

    def problems(self) -> list[str]:
        if self.error:
            return [self.error]
        out = []
        if self.limit_mb is not None:
            if self.median >= self.limit_mb:
                out.append(f"peak memory {self.median:.0f} MB >= {self.limit_mb:.0f} MB")
            return out
        t = self.target
        if t.median_ms is not None and self.median >= t.median_ms:
            out.append(f"median {self.median:,.1f} ms >= {t.median_ms:,.0f} ms")
        if t.p95_ms is not None and p95(self.ours) >= t.p95_ms:
            out.append(f"p95 {p95(self.ours):,.1f} ms >= {t.p95_ms:,.0f} ms")
        if t.ratio and t.toolkit:
            if not self.bare:
                out.append("no toolkit floor measured")
            elif self.bare_ratio > MAX_RATIO and self.bare_median >= RATIO_FLOOR_MS:
                out.append(f"{self.bare_ratio:.1f}x the toolkit's floor (bare Qt)")
        elif t.ratio and self.ratio > MAX_RATIO and self.floor_median >= RATIO_FLOOR_MS:
            out.append(f"{self.ratio:.1f}x its floor")
        return out

    @property
    def counted_ratio(self) -> float:
        """The ratio the 3x rule is applied to: to the toolkit's floor for the GUI rows and the start."""
        return self.bare_ratio if self.target.toolkit else self.ratio

    @property
    def counted_floor(self) -> float:
        return self.bare_median if self.target.toolkit else self.floor_median


def p95(values: Sequence[float]) -> float:
    return run_core.p95(values)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    return run_core.timed(fn)


def loadavg() -> str:
    return run_core.loadavg()


# --- recording SQL, writes included ---------------------------------------------------------------------------------

Trace = list[tuple[str, Any, bool]]  # statement, parameters, executemany


@contextmanager
def recording(engine: Engine) -> Iterator[Trace]:
    """As run_core.recording, but keeps executemany (an import, a save) so the floor can replay writes too."""
    trace: Trace = []

    def on_execute(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, executemany: bool) -> None:
        trace.append((statement, parameters, executemany))

    def on_commit(_c: Any) -> None:
        trace.append(("COMMIT", (), False))

    def on_rollback(_c: Any) -> None:
        trace.append(("ROLLBACK", (), False))

    hooks: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", on_execute),
        ("commit", on_commit),
        ("rollback", on_rollback),
    ]
    for name, fn in hooks:
        event.listen(engine, name, fn)
    try:
        yield trace
    finally:
        for name, fn in hooks:
            event.remove(engine, name, fn)


def replay(con: sqlite3.Connection, trace: Trace) -> None:
    for statement, parameters, many in trace:
        if many:
            con.executemany(statement, parameters)
        else:
            con.execute(statement, parameters).fetchall()


def statements(trace: Trace) -> int:
    return sum(1 for s, _, _ in trace if s not in ("BEGIN", "COMMIT", "ROLLBACK"))


def plain(path: Path) -> sqlite3.Connection:
    """The floor's connection: autocommit (the recorded BEGIN/COMMIT are the only ones) with the very settings every
    connection of the program gets (``storage.engine``'s connect hook: WAL, synchronous=FULL, foreign keys,
    secure_delete, the busy timeout), and no checkpoint on a commit (the program's window checkpoints in a thread of
    its own), so a replayed write costs what the program's costs in SQLite."""
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    engine_settings.on_sqlite_connect(con, None)
    con.execute("PRAGMA wal_autocheckpoint=0")
    return con


# --- the bench -------------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.repeat: int = args.repeat
        self.rows: list[Row] = []
        self.keystrokes_typed: dict[str, list[run_core.Keystroke]] = {}
        self.tmp = tempfile.TemporaryDirectory(prefix="makelaar-bench-")
        self.tmpdir = Path(self.tmp.name)

    def wanted(self, name: str) -> bool:
        return self.args.only.lower() in name.lower()

    def add(self, row: Row) -> None:
        self.rows.append(row)
        mark = "FAIL" if row.problems() else "pass"
        if row.error:
            print(f"  {row.name}: {row.error}", flush=True)
        elif row.limit_mb is not None:
            print(f"  {row.name}: {row.median:.0f} MB ({mark})", flush=True)
        else:
            bare = f", bare Qt {row.bare_median:,.2f} ms, ratio {row.bare_ratio:.2f}" if row.bare else ""
            print(
                f"  {row.name}: median {row.median:,.1f} ms, floor {row.floor_median:,.2f} ms, "
                f"ratio {row.ratio:.2f}{bare} ({mark})",
                flush=True,
            )

    def guarded(self, name: str, target: Target, fn: Callable[[], Row | None]) -> None:
        if not self.wanted(name):
            return
        try:
            row = fn()
        except Exception as exc:  # report and go on: one broken row must not hide the others
            row = Row(name, target, [math.nan], [], error=f"not measured: {type(exc).__name__}: {exc}")
        if row is not None:
            self.add(row)

    # -- setting up ---------------------------------------------------------------------------------------------

    def prepare(self, source: Path) -> None:
        print(f"bringing {source.name} to the program's schema (as the program does when it opens it) ...", flush=True)
        folder = backup.backup_dir(source)
        before = set(folder.glob("*.sqlite")) if folder.is_dir() else set()
        open_store(f"sqlite:///{source}").close()
        for made in set(folder.glob("*.sqlite")) - before if folder.is_dir() else set():
            # The program backs a store up before and after an upgrade (about 480 MB each); of a generated store,
            # which bench/generate makes again in a minute, they are not kept.
            print(f"  removing the upgrade backup {made.name}", flush=True)
            made.unlink()
        work_dir = Path(self.args.work) if self.args.work else OUT
        work_dir.mkdir(parents=True, exist_ok=True)
        self.work = work_dir / "work.sqlite"
        self.floor_path = work_dir / "floor.sqlite"
        for target in (self.work, self.floor_path):
            remove_store(target)
            t0 = time.perf_counter()
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            dst = sqlite3.connect(target)
            src.backup(dst)
            dst.close()
            src.close()
            print(f"  copied to {target.name} in {time.perf_counter() - t0:.1f} s", flush=True)
        self.store = open_store(f"sqlite:///{self.work}")
        self.store.checkpoint_in_background()  # as the program does for the store of its window
        self.con = plain(self.work)  # reads: the same file as ours
        self.floor_con = plain(self.floor_path)  # writes: a copy where ours' changes are not yet made
        qInstallMessageHandler(run_core.quiet_qt)
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        self.app = app
        UnsavedPrompt.ask = staticmethod(lambda parent, what: "discard")  # type: ignore[method-assign]
        settings = UiSettings(QSettings(str(self.tmpdir / "bench.ini"), QSettings.Format.IniFormat))
        self.ctx = AppContext(store=self.store, settings=settings)
        rng = random.Random(self.args.seed)
        with self.store.begin() as s:
            self.open_ids = list(
                s.scalars(select(Idea.id).where(Idea.status.in_(matching.OPEN_STATUSES)).order_by(Idea.reference))
            )
            self.all_ids = list(s.scalars(select(Idea.id).order_by(Idea.reference)))
            most = s.execute(
                select(Match.idea_id, func.count()).group_by(Match.idea_id).order_by(func.count().desc()).limit(1)
            ).one()
            self.report_idea = str(most[0])
        self.picks = [rng.choice(self.open_ids) for _ in range(4 * self.repeat + 10)]
        run_core.describe_store(self.work, self.con)

    def close(self) -> None:
        for con in (getattr(self, "con", None), getattr(self, "floor_con", None)):
            if con is not None:
                con.close()
        if getattr(self, "store", None) is not None:
            self.store.close()
        self.tmp.cleanup()
        if not self.args.keep:
            for target in (getattr(self, "work", None), getattr(self, "floor_path", None)):
                if target is not None:
                    remove_store(target)
        # Backups the program made of the work copy (none are expected; the upgrade ran on the source).
        work_dir = Path(self.args.work) if self.args.work else OUT
        for leftover in (work_dir / "backups").glob("work-*.sqlite"):
            leftover.unlink()

    def journals_copied(self, *stores: Store) -> None:
        """Untimed, before each timed exchange: no checkpoint is due or running, and both files' journals are copied
        back, so that neither ours nor the floor shares the disk with a checkpoint of the run before (the program's
        window checkpoints 2 s after a write; the suite writes faster than a broker does). Not before each save: a
        save right after a full checkpoint also restarts the journal, which a save at the table seldom does."""
        for store in (self.store, *stores):
            if store.checkpoints is not None:
                store.checkpoints.flush()
        for con in (self.con, self.floor_con):
            con.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    # -- one pattern: ours recorded, the floor replays it -------------------------------------------------------

    def replayed(
        self,
        name: str,
        target: Target,
        ours: Callable[[int], Any],
        *,
        after: Callable[[Any], None] | None = None,
        writes: bool = False,
        repeat: int | None = None,
        extra_floor: Callable[[int], None] | None = None,
        bare_floor: Callable[[Trace], None] | None = None,
        note: str = "",
    ) -> Row:
        """Ours run ``i`` is recorded every time and the floor replays that very trace (so per-run differences such as
        another idea are the same on both sides). For reads the two alternate which goes first; a write can only be
        replayed after ours made it, on the floor copy (where it is not yet made)."""
        n = repeat or self.repeat
        warm = ours(-1)
        if after is not None:
            after(warm)
        con = self.floor_con if writes else self.con
        ours_ms: list[float] = []
        floor_ms: list[float] = []
        bare_ms: list[float] = []
        counts: set[int] = set()

        def floor_run(trace: Trace, i: int) -> float:
            t0 = time.perf_counter()
            replay(con, trace)
            if extra_floor is not None:
                extra_floor(i)
            return (time.perf_counter() - t0) * 1000.0

        for i in range(n):
            if writes:
                # A write can be replayed only after ours made it, and on the floor copy, where it is not yet made.
                with recording(self.store.engine) as trace:
                    ms, out = timed(lambda i=i: ours(i))
                if after is not None:
                    after(out)
                ours_ms.append(ms)
                floor_ms.append(floor_run(trace, i))
            else:
                # Reads: record run i once (untimed), then time ours and the replay, alternating which goes first.
                with recording(self.store.engine) as trace:
                    out = ours(i)
                if after is not None:
                    after(out)

                def run_ours(i: int = i) -> float:
                    ms, out = timed(lambda: ours(i))
                    if after is not None:
                        after(out)
                    return ms

                if i % 2 == 0:
                    ours_ms.append(run_ours())
                    floor_ms.append(floor_run(trace, i))
                else:
                    floor_ms.append(floor_run(trace, i))
                    ours_ms.append(run_ours())
                if bare_floor is not None:
                    if i == 0:
                        bare_floor(trace)  # warm-up
                    bare_ms.append(timed(lambda trace=trace: bare_floor(trace))[0])  # type: ignore[misc]
            counts.add(statements(trace))
        sql = "-".join(str(c) for c in sorted({min(counts), max(counts)}))
        return Row(name, target, ours_ms, floor_ms, runs=n, note=note or f"{sql} statements", bare=bare_ms)

    # -- the rows -----------------------------------------------------------------------------------------------

    def cold_start(self) -> None:
        probe = HERE / "startup_probe.py"
        env = {**os.environ, "XDG_CONFIG_HOME": str(self.tmpdir / "config"), "QT_QPA_PLATFORM": "offscreen"}
        env.pop("MAKELAAR_DATABASE", None)

        def start(*argv: str) -> dict[str, float]:
            t0 = time.monotonic()
            done = subprocess.run(
                [sys.executable, str(probe), *argv], capture_output=True, text=True, env=env, timeout=120, check=False
            )
            lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
            if done.returncode != 0 or not lines:
                raise RuntimeError(f"the probe failed ({done.returncode}): {done.stderr.strip()[-400:]}")
            data = json.loads(lines[-1])
            return {"ms": (data["ready"] - t0) * 1000.0, "mb": data["maxrss_kb"] / 1024.0}

        if self.wanted("cold start"):
            # Close ours' engine first: the probe takes the store's lock file and checks the store as a program does.
            self.store.engine.dispose()
            try:
                start("makelaar", str(self.work))  # warm the OS cache and the bytecode caches
                start("empty")
                start("stack", str(self.work))
                ours: list[float] = []
                floor: list[float] = []
                stack: list[float] = []
                for i in range(self.args.starts):
                    if i % 2:
                        floor.append(start("empty")["ms"])
                        ours.append(start("makelaar", str(self.work))["ms"])
                    else:
                        ours.append(start("makelaar", str(self.work))["ms"])
                        floor.append(start("empty")["ms"])
                    stack.append(start("stack", str(self.work))["ms"])
                self.add(
                    Row(
                        "cold start to an interactive main window",
                        START,
                        ours,
                        floor,
                        runs=self.args.starts,
                        note="floor: empty QMainWindow; bare: quick_check beside importing SQLAlchemy, then the window",
                        bare=stack,
                    )
                )
            except Exception as exc:
                self.add(Row("cold start to an interactive main window", START, [math.nan], [], error=str(exc)))
        if self.wanted("peak memory"):
            try:
                ours_mb = [start("makelaar", str(self.work), "--lists")["mb"] for _ in range(3)]
                floor_mb = [start("empty")["mb"] for _ in range(3)]
                self.add(
                    Row(
                        "peak memory with the lists open",
                        Target(ratio=False),
                        ours_mb,
                        floor_mb,
                        runs=3,
                        unit="MB",
                        limit_mb=MEMORY_MB,
                        note="peak resident memory (VmHWM) of the process; reference: an empty QMainWindow",
                    )
                )
            except Exception as exc:
                self.add(Row("peak memory with the lists open", Target(), [math.nan], [], error=str(exc)))

    def integrity_check(self) -> Row:
        path = self.work

        def floor_once() -> None:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            con.execute("PRAGMA quick_check").fetchall()
            con.close()

        n = self.args.heavy + 2
        startup.check_at_start(path)
        ours: list[float] = []
        floor: list[float] = []
        for i in range(n):
            pair = [(ours, lambda: startup.check_at_start(path)), (floor, floor_once)]
            for bucket, fn in pair if i % 2 == 0 else pair[::-1]:
                bucket.append(timed(fn)[0])
        return Row("integrity check at start", BULK, ours, floor, runs=n, note="floor: PRAGMA quick_check")

    def gui_open_list(self, cls: type[IdeasView] | type[OrganisationsView], name: str) -> Row:
        def ours(_i: int) -> Any:
            view = cls(self.ctx)
            view.reload()
            view.resize(*GUI_SIZE)
            view.show()
            self.app.processEvents()
            return view

        return self.replayed(
            name,
            LIST,
            ours,
            after=run_core.close_widget,
            bare_floor=lambda trace: bare.open_table(self.app, self.con, trace),
        )

    def gui_sort(self) -> Row:
        view = IdeasView(self.ctx)
        view.reload()
        view.resize(*GUI_SIZE)
        view.show()
        self.app.processEvents()
        columns = view.columns()
        title = next(i for i, c in enumerate(columns) if c.sort_key == "title")
        received = next(i for i, c in enumerate(columns) if c.sort_key == "received")

        def ours(_i: int) -> None:
            # A click on the Titel header: the list sorted by title, A first.
            view.table.sortByColumn(title, Qt.SortOrder.AscendingOrder)
            self.app.processEvents()

        def back(_out: Any) -> None:  # untimed: back to the default order for the next run
            view.table.sortByColumn(received, Qt.SortOrder.DescendingOrder)
            self.app.processEvents()

        table = bare.ShownTable(self.app)
        try:
            return self.replayed(
                "sort a list (ideas by title, GUI)",
                LIST,
                ours,
                after=back,
                bare_floor=lambda trace: table.show_rows(self.con, trace),
            )
        finally:
            table.close()
            run_core.close_widget(view)

    def keystrokes(self) -> list[Row]:
        view = IdeasView(self.ctx)
        view.reload()
        view.resize(*GUI_SIZE)
        view.show()
        self.app.processEvents()
        words: dict[str, list[run_core.Keystroke]] = {}
        # run_core.type_word records with its own (read-only) recorder and replays on a plain connection.
        read_con = sqlite3.connect(self.work, isolation_level=None, check_same_thread=False)
        try:
            for word in run_core.TYPED:
                words[word] = run_core.type_word(view, self.app, self.store.engine, read_con, word, self.repeat)
        finally:
            read_con.close()
            run_core.close_widget(view)
        self.keystrokes_typed = words
        counted = [k for strokes in words.values() for k in strokes]
        pooled = run_core.pooled("x", counted)
        # The toolkit's floor: each counted keystroke's SQL, and its page in a plain shown table (bench/bare.py).
        table = bare.ShownTable(self.app)
        bare_ms: list[float] = []
        try:
            for k in counted:
                if len(k.prefix) >= run_core.KEYSTROKE_FROM:
                    table.show_rows(self.con, k.trace)  # warm-up
                    bare_ms += [timed(lambda k=k: table.show_rows(self.con, k.trace))[0] for _ in range(3)]
        finally:
            table.close()
        return [
            Row(
                f"a search keystroke (GUI, {len(run_core.TYPED)} words, >= {run_core.KEYSTROKE_FROM} chars)",
                KEYSTROKE,
                pooled.ours,
                pooled.floor,
                runs=len(pooled.ours),
                note=f"{pooled.sql} statements",
                bare=bare_ms,
            )
        ]

    def open_idea(self) -> Row:
        def ours(i: int) -> IdeaEditor:
            editor = IdeaEditor(self.ctx, self.picks[i + 1])
            editor.resize(*EDITOR_SIZE)
            editor.show()
            editor.tabs.setCurrentWidget(editor.suggestions)  # the suggestions are computed when shown
            self.app.processEvents()
            if editor.suggestions.model.rowCount() == 0:
                raise RuntimeError("the suggestions panel stayed empty")
            return editor

        with self.store.begin() as s:  # the matching index is built once per store; a warm index is the common case
            matching.get_index(s)
        probe = ours(0)
        tabs = [probe.tabs.tabText(i) for i in range(probe.tabs.count())]
        shown = probe.tabs.indexOf(probe.suggestions)
        run_core.close_widget(probe)
        return self.replayed(
            "open an idea with its timeline and suggestions (GUI)",
            GUI_STEP,
            ours,
            after=run_core.close_widget,
            bare_floor=lambda trace: bare.open_editor(self.app, self.con, trace, tabs, shown, EDITOR_SIZE),
        )

    def save_idea(self) -> Row:
        n = self.repeat
        offset = 2 * n + 2  # ideas no other row opens
        targets = self.picks[offset : offset + n + 1]
        loaded = {}
        with self.store.begin() as s:
            for idea_id in targets:
                loaded[idea_id] = ideas.get_idea(s, idea_id)

        def ours(i: int) -> Any:
            data = loaded[targets[i + 1]]
            changed = replace(data, description=data.description + f"\nAanvulling {i + 2}: de buurt helpt mee.")
            with self.store.begin() as s:
                return ideas.save_idea(s, changed, author="bench")

        return self.replayed("save an idea", STEP, ours, writes=True)

    def match_one(self) -> Row:
        rng = random.Random(self.args.seed + 7)
        chosen = rng.sample(self.open_ids, self.repeat + 1)
        with self.store.begin() as s:
            texts = {r.id: fts_query(r.title, r.description) for r in s.execute(
                select(Idea.id, Idea.title, Idea.description).where(Idea.id.in_(chosen)))}  # fmt: skip
            matching.get_index(s)
        ours: list[float] = []
        floor: list[float] = []

        def one(idea_id: str) -> None:
            with self.store.begin() as s:
                matching.suggest(s, idea_id, top=5)

        one(chosen[0])
        for i, idea_id in enumerate(chosen[1:]):
            pair = [
                (ours, lambda idea_id=idea_id: one(idea_id)),
                (floor, lambda idea_id=idea_id: self.con.execute(FLOOR_SQL, (texts[idea_id],)).fetchall()),
            ]
            for bucket, fn in pair if i % 2 == 0 else pair[::-1]:
                bucket.append(timed(fn)[0])
        return Row("match one idea", STEP, ours, floor, runs=len(ours), note="floor: one FTS5 query")

    def matching_report(self) -> Row:
        idea_id = self.report_idea
        with self.store.begin() as s:
            idea = ideas.get_idea(s, idea_id)
            found = matches.matches_for_idea(s, idea_id)
        facts = reports_speed.idea_facts(idea)
        partners = reports_speed.partner_rows(found)

        def ours(_i: int) -> None:
            with self.store.begin() as s:
                build_matching_report(s, idea_id, io.BytesIO(), audience="partners")

        return self.replayed(
            "koppelingsrapport",
            BULK,
            ours,
            writes=True,  # it writes an audit line; replayed on the floor copy
            repeat=self.args.heavy + 2,
            extra_floor=lambda _i: reports_speed.plain_matching(facts, partners, idea.description),
            note=f"{len(found)} koppelingen; floor: its SQL + plain ReportLab",
        )

    def overview(self) -> Row:
        start, end = OVERVIEW_PERIOD
        with self.store.begin() as s:
            fig = overview_figures(s, start, end)

        def ours(_i: int) -> None:
            with self.store.begin() as s:
                build_overview_report(s, start, end, io.BytesIO())

        return self.replayed(
            "period overview (5 years)",
            BULK,
            ours,
            repeat=self.args.heavy + 2,
            extra_floor=lambda _i: reports_speed.plain_overview(fig),
            note="floor: its SQL + plain ReportLab",
        )

    def import_organisations(self) -> Row:
        csv_path = self.tmpdir / "organisaties.csv"
        with self.store.begin() as s:
            n = csvio.export_path(s, "organisaties", csv_path)
        ours: list[float] = []
        floor: list[float] = []
        for i in range(self.args.heavy):
            ours_path, floor_path = self.tmpdir / f"import-{i}.sqlite", self.tmpdir / f"import-{i}-floor.sqlite"
            # A fresh store with the real schema (untimed), and a copy of it for the floor: the migration gives the
            # default vocabulary new UUIDs, and the replayed rows refer to ours'.
            open_store(f"sqlite:///{ours_path}").close()
            shutil.copyfile(ours_path, floor_path)
            target = open_store(f"sqlite:///{ours_path}")
            target.checkpoint_in_background()  # the window's store, as the import runs in the program
            try:
                with recording(target.engine) as trace:
                    ms, result = timed(lambda target=target: csvio.import_path(target, "organisaties", csv_path))
            finally:
                target.close()
            if result.rejected or result.added + result.updated + result.unchanged != n:
                raise RuntimeError(f"{n} rows: {'; '.join(result.summary_lines())}")
            con = plain(floor_path)
            try:
                floor.append(timed(lambda con=con, trace=trace: replay(con, trace))[0])
            finally:
                con.close()
            ours.append(ms)
            for p in (ours_path, floor_path):
                remove_store(p)
                shutil.rmtree(p.parent / "backups", ignore_errors=True)
        return Row(
            f"import {n:,} organisations",
            BULK,
            ours,
            floor,
            runs=len(ours),
            note=f"{statements(trace)} statements; floor: its rows with executemany",
        )

    def exchange(self) -> Row:
        name = f"an exchange of {EXCHANGE_RECORDS:,} records"
        try:
            module = importlib.import_module("makelaar.services.exchange")
        except ImportError:
            return Row(name, EXCHANGE, [math.nan], [], error="not measured: exchange module missing")
        return exchange_row(self, module, name)

    def verified_backup(self) -> Row:
        n = self.args.heavy
        ours: list[float] = []
        floor: list[float] = []
        for i in range(n):
            a, b = self.tmpdir / f"backup-{i}.sqlite", self.tmpdir / f"vacuum-{i}.sqlite"

            def plain_vacuum(b: Path = b) -> None:
                con = sqlite3.connect(self.work, isolation_level=None)
                con.execute("VACUUM INTO ?", (str(b),))
                con.close()

            pair = [(ours, lambda a=a: backup.take_backup(self.work, a)), (floor, plain_vacuum)]
            for bucket, fn in pair if i % 2 == 0 else pair[::-1]:
                bucket.append(timed(fn)[0])
            a.unlink(missing_ok=True)
            b.unlink(missing_ok=True)
        return Row("a verified backup", BULK, ours, floor, runs=n, note="floor: VACUUM INTO")

    # -- all of it ----------------------------------------------------------------------------------------------

    def run(self) -> None:
        self.guarded("integrity check at start", BULK, self.integrity_check)
        self.guarded(
            "open the ideas list (GUI)", LIST, lambda: self.gui_open_list(IdeasView, "open the ideas list (GUI)")
        )
        self.guarded(
            "open the organisations list (GUI)",
            LIST,
            lambda: self.gui_open_list(OrganisationsView, "open the organisations list (GUI)"),
        )
        if self.wanted("a search keystroke"):
            try:
                for row in self.keystrokes():
                    self.add(row)
            except Exception as exc:
                self.add(Row("a search keystroke (GUI)", KEYSTROKE, [math.nan], [], error=f"{exc}"))
        self.guarded("sort a list (ideas by title, GUI)", LIST, self.gui_sort)
        self.guarded("open an idea with its timeline and suggestions (GUI)", GUI_STEP, self.open_idea)
        self.guarded("save an idea", STEP, self.save_idea)
        self.guarded("match one idea", STEP, self.match_one)
        self.guarded("koppelingsrapport", BULK, self.matching_report)
        self.guarded("period overview (5 years)", BULK, self.overview)
        self.guarded("import 20,000 organisations", BULK, self.import_organisations)
        self.guarded(f"an exchange of {EXCHANGE_RECORDS:,} records", EXCHANGE, self.exchange)
        self.guarded("a verified backup", BULK, self.verified_backup)
        self.cold_start()  # last: it closes ours' connections (the probe opens the store as a program)


# Issue 5 asks for the exchange of 1,000 changed records in under 5 s; issue 7 for within 3x of its floor.
EXCHANGE = Target(5000.0)


def exchange_row(bench: Bench, module: Any, name: str) -> Row:
    """Ours: ``export_changes`` on the work copy, where 1,000 ideas were just changed through the ORM (untimed, as a
    user's edits; the tracking listener marks them), ``read_file`` and ``apply_import`` on the other copy, each in
    its own session. The floor: the same 1,000 idea rows read from the one file and written into the other with
    plain sqlite3 (one SELECT, one executemany UPDATE of every column, one transaction)."""
    for needed in ("export_changes", "read_file", "apply_import"):
        if not hasattr(module, needed):
            return Row(name, EXCHANGE, [math.nan], [], error=f"not measured: exchange module has no {needed}")
    store = bench.store
    other = open_store(f"sqlite:///{bench.floor_path}")
    other.checkpoint_in_background()  # the office's window reads the file in: its store checkpoints in the background
    rng = random.Random(bench.args.seed + 11)
    pool = list(bench.all_ids)
    rng.shuffle(pool)
    ours: list[float] = []
    floor: list[float] = []
    applied: list[str] = []
    columns = [r[1] for r in bench.con.execute("PRAGMA table_info(ideas)")]
    settable = [c for c in columns if c != "id"]
    update_sql = f"UPDATE ideas SET {', '.join(f'{c} = ?' for c in settable)} WHERE id = ?"
    try:
        for i in range(bench.args.heavy + 1):  # the first is a warm-up
            chosen = pool[i * EXCHANGE_RECORDS : (i + 1) * EXCHANGE_RECORDS]
            with store.begin() as s:  # the user's changes, untimed
                for idea in s.scalars(select(Idea).where(Idea.id.in_(chosen))):
                    idea.description = f"{idea.description}\nBijgewerkt op de laptop ({i})."
            path = bench.tmpdir / f"exchange-{i}.json.gz"
            bench.journals_copied(other)

            def run_ours(path: Path = path) -> Any:
                with store.begin() as s:
                    module.export_changes(s, path)
                data = module.read_file(path)
                with other.begin() as s:
                    # A record both copies changed (one saved by an earlier row, say) is a conflict: the incoming
                    # version wins, as the office does with a laptop's file.
                    return module.apply_import(s, data, keep=module.Choice.THEIRS)

            ms, plan = timed(run_ours)
            updated = sum(plan.updated.values())
            if updated < EXCHANGE_RECORDS:
                raise RuntimeError(f"the exchange updated {updated} records, not {EXCHANGE_RECORDS}")
            applied = plan.summary_lines()

            def run_floor(chosen: list[str] = chosen) -> None:
                marks = ",".join("?" * len(chosen))
                rows = bench.con.execute(f"SELECT {', '.join(settable)}, id FROM ideas WHERE id IN ({marks})", chosen)
                values = rows.fetchall()
                bench.floor_con.execute("BEGIN")
                bench.floor_con.executemany(update_sql, values)
                bench.floor_con.execute("COMMIT")

            bench.journals_copied(other)
            floor_ms = timed(run_floor)[0]
            if i:
                ours.append(ms)
                floor.append(floor_ms)
            path.unlink(missing_ok=True)
    finally:
        other.close()
    return Row(
        name,
        EXCHANGE,
        ours,
        floor,
        runs=len(ours),
        note=f"{applied[0] if applied else ''} floor: SELECT + executemany UPDATE of the same rows",
    )


def remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- output ---------------------------------------------------------------------------------------------------------


def fmt_ms(value: float) -> str:
    if math.isnan(value):
        return "-"
    if value >= 1000:
        return f"{value / 1000:,.2f} s"
    if value >= 10:
        return f"{value:,.0f} ms"
    return f"{value:,.1f} ms"


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'operation':<56} | {'runs':>4} | {'median':>9} | {'p95':>9} | {'floor':>9} | {'ratio':>6} | "
        f"{'target':<24} | result | {'bare Qt':>9} | {'÷ bare':>6}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        if r.error:
            print(
                f"{r.name:<56} | {'':>4} | {'':>9} | {'':>9} | {'':>9} | {'':>6} | {r.target!s:<24} | FAIL: {r.error}"
            )
            continue
        if r.limit_mb is not None:
            result = "FAIL" if r.problems() else "pass"
            print(
                f"{r.name:<56} | {r.runs:>4} | {r.median:>6.0f} MB | {max(r.ours):>6.0f} MB | "
                f"{r.floor_median:>6.0f} MB | {r.ratio:>6.2f} | {'< ' + f'{r.limit_mb:.0f} MB':<24} | {result}"
            )
            continue
        problems = r.problems()
        ratio = f"{r.ratio:6.2f}" + ("*" if r.ratio > MAX_RATIO and r.floor_median < RATIO_FLOOR_MS else " ")
        print(
            f"{r.name:<56} | {r.runs:>4} | {fmt_ms(r.median):>9} | {fmt_ms(p95(r.ours)):>9} | "
            f"{fmt_ms(r.floor_median):>9} | {ratio:>6}| {r.target!s:<24} | {'FAIL' if problems else 'pass':<6} | "
            + (f"{fmt_ms(r.bare_median):>9} | {r.bare_ratio:>6.2f}" if r.bare else f"{'':>9} |")
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", nargs="?", type=Path, default=DEFAULT_STORE, help="made by bench/generate")
    ap.add_argument("--repeat", type=int, default=15, help="runs of each interactive operation (default 15)")
    ap.add_argument("--starts", type=int, default=7, help="program starts, and as many empty windows (default 7)")
    ap.add_argument("--heavy", type=int, default=3, help="runs of import, backup (default 3; reports get 2 more)")
    ap.add_argument("--seed", type=int, default=1, help="which random ideas are opened, saved and matched")
    ap.add_argument("--only", default="", help="only the rows whose name contains this text")
    ap.add_argument("--detail", action="store_true", help="also run_core's service-level rows and every keystroke")
    ap.add_argument("--keep", action="store_true", help="keep bench/out/work.sqlite and floor.sqlite")
    ap.add_argument("--work", metavar="DIR", help="where the two work copies go (default bench/out)")
    args = ap.parse_args(argv)
    source: Path = args.store.resolve()
    if not source.exists():
        raise SystemExit(f"{source} does not exist; make it first with bench/generate (about 70 s)")

    started = datetime.now()
    load_start = loadavg()
    print(
        f"{started:%d-%m-%Y %H:%M}, {os.cpu_count()} cores, load average {load_start} at the start; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"PySide6 {PySide6.__version__} ({os.environ['QT_QPA_PLATFORM']})",
        flush=True,
    )
    register_fonts()
    bench = Bench(args)
    detail: list[run_core.Result] = []
    try:
        bench.prepare(source)
        bench.run()
        if args.detail:
            ops = [op for op in run_core.build_ops(bench.store, bench.con, bench.ctx, bench.app, args.seed)]
            read_con = sqlite3.connect(bench.work, isolation_level=None, check_same_thread=False)
            try:
                detail = [run_core.measure(op, bench.store.engine, read_con, args.repeat) for op in ops]
            finally:
                read_con.close()
    finally:
        bench.close()

    print(f"\n{started:%d-%m-%Y %H:%M}: load average {load_start} at the start, {loadavg()} at the end.")
    print(
        "median / p95 of ours; floor = its median; ratio = ours median / floor median ('*': floor under "
        f"{RATIO_FLOOR_MS:.0f} ms, the ratio is shown but not counted). Targets: see bench/README.md. "
        "bare Qt = the toolkit's floor (bench/bare.py): the same SQL with its rows in plain Qt widgets (a QTableView; "
        "for opening an idea, plain widgets on the same tabs); for the cold start, the integrity check beside "
        "importing SQLAlchemy, then an empty window. The GUI rows and the cold start are held to 3x bare Qt "
        "('<= 3x bare'), every other row to 3x its floor ('<= 3x floor'); every time target counts as well.\n"
    )
    print_table(bench.rows)
    notes = [f"  {r.name}: {r.note}" for r in bench.rows if r.note and not r.error]
    if notes:
        print("\n" + "\n".join(notes))
    if args.detail:
        print("\nservice-level rows (run_core.py):")
        run_core.print_table(detail)
        if getattr(bench, "keystrokes_typed", None):
            run_core.print_keystrokes(bench.keystrokes_typed)
    missed = [(r.name, r.problems()) for r in bench.rows if r.problems()]
    if missed:
        print(f"\n{len(missed)} of {len(bench.rows)} rows miss a target:")
        for name, why in missed:
            print(f"  - {name}: {'; '.join(why)}")
        return 1
    print(f"\nall {len(bench.rows)} rows meet their targets.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
