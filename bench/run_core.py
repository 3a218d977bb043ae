"""Measure the everyday operations as the program runs them against the same SQL in plain sqlite3 (the floor).

    .venv/bin/python bench/run_core.py bench/out/bench.sqlite [--repeat 15] [--only TEXT] [--explain]

"Ours" runs an operation the way the program does: (a)-(g) through the services, with a fresh session per
operation (``store.begin()``, one session per user action, as the GUI does); (h)-(j) through the real widgets on
Qt's offscreen platform. The floor is the same SQL in plain sqlite3: ours is first run with a
``before_cursor_execute`` listener on the store's engine that records every statement with its parameters as the
driver gets them (plus the COMMIT that ends each session), and the floor replays exactly those statements on one
open ``sqlite3`` connection, fetching every row. The ratio ours / floor is therefore what the program adds on top of
SQLite: the ORM, Python objects, a session per action and, for (h)-(j), the widgets.

Each operation runs once to warm up, is recorded (twice, to check that it sends the same SQL every time), and is
then timed ``--repeat`` times, ours and the floor alternating (which goes first flips every run).

Targets (from the project): a search keystroke < 50 ms median (in the GUI also < 100 ms p95), opening or sorting a
list < 200 ms, opening an idea < 100 ms, and every operation within 3x of its floor; the 3x rule is not applied
where the floor's median is under 1 ms (there the ratio measures Python's call overhead, not the query). The exit
status is 1 when a time target is missed or a counted ratio is over 3.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 is imported

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import PySide6  # noqa: E402
import sqlalchemy  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import Engine, event  # noqa: E402

from makelaar.domain.records import Page  # noqa: E402
from makelaar.services.activities import list_activities  # noqa: E402
from makelaar.services.ideas import get_idea, page_ideas  # noqa: E402
from makelaar.services.listing import ListQuery  # noqa: E402
from makelaar.services.matches import matches_for_idea  # noqa: E402
from makelaar.services.organisations import page_organisations  # noqa: E402
from makelaar.storage.store import Store, open_store  # noqa: E402
from makelaar.ui.context import AppContext, UnsavedPrompt  # noqa: E402
from makelaar.ui.idea_editor import IdeaEditor  # noqa: E402
from makelaar.ui.list_views import IdeasView, OrganisationsView, RecordListView  # noqa: E402
from makelaar.ui.settings import UiSettings  # noqa: E402

PAGE = 200
MAX_RATIO = 3.0
RATIO_FLOOR_MS = 1.0  # below this floor median the 3x rule is shown but not counted
KEYSTROKE_FROM = 3  # keystrokes from this many characters on count for the (i) rows; shorter ones are listed only
IDEA_SEARCHES = ["moes", "moestu", "buurt", "speel", "repair caf", "I-2024-0123"]
# (i) types the searches of (c) one character at a time; 'moes' is typed on the way to 'moestu'.
TYPED = [w for w in IDEA_SEARCHES if not any(o != w and o.startswith(w) for o in IDEA_SEARCHES)]
ORG_SEARCHES = ["stich", "voedsel", "buurt", "moes"]
OPEN_STATUSES = ("nieuw", "in verkenning")
GUI_SIZE = (1100, 760)  # the list area of the 1280x800 main window


@dataclass(frozen=True)
class Target:
    median_ms: float
    p95_ms: float | None = None

    def __str__(self) -> str:
        return f"{self.median_ms:.0f}" + (f" / p95 {self.p95_ms:.0f}" if self.p95_ms else "")


SEARCH = Target(50.0)
LIST = Target(200.0)
IDEA = Target(100.0)
KEYSTROKE = Target(50.0, 100.0)


# --- recording what the program sends, and replaying it in plain sqlite3 ---------------------------------------------

Trace = list[tuple[str, Any]]


@contextmanager
def recording(engine: Engine) -> Iterator[Trace]:
    """Every statement the engine sends while the block runs, with its parameters as the driver gets them.

    The engine's own BEGIN (sent with exec_driver_sql) comes through ``before_cursor_execute``; the commit that ends a
    session does not (it is the driver's ``commit()``), so the ``commit``/``rollback`` events add it as a statement.
    """
    trace: Trace = []

    def on_execute(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, executemany: bool) -> None:
        if executemany:
            raise RuntimeError(f"executemany in a read-only operation: {statement[:80]}")
        trace.append((statement, parameters))

    def on_commit(_c: Any) -> None:
        trace.append(("COMMIT", ()))

    def on_rollback(_c: Any) -> None:
        trace.append(("ROLLBACK", ()))

    listeners: list[tuple[str, Callable[..., None]]] = [
        ("before_cursor_execute", on_execute),
        ("commit", on_commit),
        ("rollback", on_rollback),
    ]
    for name, fn in listeners:
        event.listen(engine, name, fn)
    try:
        yield trace
    finally:
        for name, fn in listeners:
            event.remove(engine, name, fn)


def replay(con: sqlite3.Connection, trace: Trace) -> list[list[Any]]:
    """The floor: the recorded statements with their parameters on a plain connection, every row fetched."""
    return [con.execute(statement, parameters).fetchall() for statement, parameters in trace]


def queries(trace: Trace) -> int:
    """Statements in a trace apart from BEGIN / COMMIT / ROLLBACK."""
    return sum(1 for statement, _ in trace if statement not in ("BEGIN", "COMMIT", "ROLLBACK"))


# --- the operations -------------------------------------------------------------------------------------------------


@dataclass
class Op:
    name: str
    target: Target
    ours: Callable[[int], Any]
    varies: bool = False  # the SQL differs per run (another random idea): record every run, not once
    after: Callable[[Any], None] | None = None  # untimed clean-up of what ours returned (close a window)
    check: Callable[[Any, list[list[Any]]], str | None] | None = None


def ours_ideas(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return page_ideas(s, q, 0, PAGE)


def ours_orgs(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return page_organisations(s, q, 0, PAGE)


def ours_open_idea(store: Store, idea_id: str) -> tuple[Any, ...]:
    with store.begin() as s:
        return get_idea(s, idea_id), list_activities(s, idea_id=idea_id), matches_for_idea(s, idea_id)


def page_in_replay(page: Page, results: list[list[Any]]) -> str | None:
    """The replay is the same SQL by construction; still check that it holds the page and the total ours shows."""
    ids = [r.id for r in page.rows]
    if not any([row[0] for row in rows] == ids for rows in results if rows and len(rows[0]) > 1):
        return "the page ours shows is not among the replayed results"
    if not any(rows == [(page.total,)] for rows in results):
        return f"the total {page.total} is not among the replayed results"
    return None


def quiet_qt(kind: QtMsgType, _context: Any, message: str) -> None:
    """Qt's messages, without the one the offscreen platform prints for every window (as pyproject's qt_log_ignore)."""
    if "does not support propagateSizeHints" not in message:
        print(f"Qt: {message}", file=sys.stderr)


def close_widget(widget: QWidget) -> None:
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def build_ops(store: Store, con: sqlite3.Connection, ctx: AppContext, app: QApplication, seed: int) -> list[Op]:
    wijk_id, wijk_name = con.execute(
        "SELECT a.id, a.name FROM areas a WHERE a.kind IN ('wijk', 'dorp') ORDER BY "
        "(SELECT count(*) FROM ideas i WHERE i.area_id = a.id OR i.area_id IN "
        "(SELECT id FROM areas b WHERE b.parent_id = a.id)) DESC LIMIT 1"
    ).fetchone()
    all_ids = [r[0] for r in con.execute("SELECT id FROM ideas ORDER BY reference")]
    rng = random.Random(seed)
    picks = [rng.choice(all_ids) for _ in range(1000)]

    def pick(i: int) -> str:
        return picks[i + 1]

    def ideas_op(name: str, target: Target, q: ListQuery) -> Op:
        return Op(name, target, lambda i: ours_ideas(store, q), check=page_in_replay)

    def orgs_op(name: str, target: Target, q: ListQuery) -> Op:
        return Op(name, target, lambda i: ours_orgs(store, q), check=page_in_replay)

    def open_list(cls: type[RecordListView]) -> Callable[[int], RecordListView]:
        def run(i: int) -> RecordListView:
            # As the main window does: build the view, load it, show it; processEvents lays it out and paints.
            view = cls(ctx)
            view.reload()
            view.resize(*GUI_SIZE)
            view.show()
            app.processEvents()
            return view

        return run

    def open_editor(i: int) -> IdeaEditor:
        editor = IdeaEditor(ctx, pick(i))
        editor.show()
        app.processEvents()
        return editor

    def close_editor(editor: IdeaEditor) -> None:
        if editor.is_dirty():
            print(f"note: the editor of {editor.record_id} reports unsaved changes right after opening")
        close_widget(editor)

    ops = [
        ideas_op("(a) open ideas list (updated desc)", LIST, ListQuery()),
        orgs_op("(b) open organisations list (name)", LIST, ListQuery(sort="name", descending=False)),
    ]
    ops += [ideas_op(f"(c) search ideas '{t}'", SEARCH, ListQuery(search=t)) for t in IDEA_SEARCHES]
    ops += [
        orgs_op(f"(d) search organisations '{t}'", SEARCH, ListQuery(search=t, sort="name", descending=False))
        for t in ORG_SEARCHES
    ]
    ops += [
        ideas_op("(e) sort ideas by title", LIST, ListQuery(sort="title", descending=False)),
        ideas_op(
            f"(f) filter status open + wijk {wijk_name}", LIST, ListQuery(statuses=OPEN_STATUSES, area_id=wijk_id)
        ),
        Op("(g) open an idea (random)", IDEA, lambda i: ours_open_idea(store, pick(i)), varies=True),
        Op("(h) GUI: open ideas list", LIST, open_list(IdeasView), after=close_widget),
        Op("(h) GUI: open organisations list", LIST, open_list(OrganisationsView), after=close_widget),
        Op("(j) GUI: open an idea (random)", IDEA, open_editor, varies=True, after=close_editor),
    ]
    return ops


# --- measuring ------------------------------------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    target: Target
    ours: list[float]
    floor: list[float]
    sql: str  # statements per run (without BEGIN/COMMIT)
    error: str | None = None

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor)

    @property
    def ratio(self) -> float:
        return self.ours_median / self.floor_median if self.floor_median > 0 else math.inf

    @property
    def time_ok(self) -> bool:
        if self.error:
            return False
        p95_ok = self.target.p95_ms is None or p95(self.ours) < self.target.p95_ms
        return self.ours_median < self.target.median_ms and p95_ok

    @property
    def ratio_check(self) -> str:
        if self.error:
            return "-"
        if self.ratio <= MAX_RATIO:
            return "yes"
        return "no*" if self.floor_median < RATIO_FLOOR_MS else "NO"

    @property
    def failed(self) -> bool:
        return not self.time_ok or self.ratio_check == "NO"

    @property
    def verdict(self) -> str:
        why = [w for w, bad in (("time", not self.time_ok), ("ratio", self.ratio_check == "NO")) if bad]
        return f"FAIL ({', '.join(why)})" if why else "PASS"


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (with 15 runs: the slowest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000.0, out


def record(engine: Engine, op: Op, i: int) -> tuple[Trace, Any]:
    with recording(engine) as trace:
        out = op.ours(i)
    if op.after is not None:
        op.after(out)
    return trace, out


def measure(op: Op, engine: Engine, con: sqlite3.Connection, repeat: int) -> Result:
    try:
        return _measure(op, engine, con, repeat)
    except Exception as exc:  # a widget another engineer is changing, say: report it and go on
        return Result(op.name, op.target, [math.nan], [math.nan], "-", error=f"{type(exc).__name__}: {exc}")


def _measure(op: Op, engine: Engine, con: sqlite3.Connection, repeat: int) -> Result:
    warm = op.ours(-1)
    if op.after is not None:
        op.after(warm)
    traces: dict[int, Trace] = {}
    trace, first = record(engine, op, -1)
    again, _ = record(engine, op, -1)
    if again != trace:
        raise RuntimeError("sends different SQL on two identical runs; the replay would not be the same query")
    traces[-1] = trace
    if op.varies:
        for i in range(repeat):
            traces[i] = record(engine, op, i)[0]
    replayed = replay(con, trace)
    if op.check is not None:
        problem = op.check(first, replayed)
        if problem:
            raise RuntimeError(problem)

    def run_ours(i: int) -> float:
        ms, out = timed(lambda: op.ours(i))
        if op.after is not None:
            op.after(out)
        return ms

    ours: list[float] = []
    floor: list[float] = []
    for i in range(repeat):
        t = traces[i] if op.varies else trace
        # Alternate which side goes first so neither always gets the warmer cache.
        if i % 2:
            ours.append(run_ours(i))
            floor.append(timed(lambda t=t: replay(con, t))[0])  # type: ignore[misc]
        else:
            floor.append(timed(lambda t=t: replay(con, t))[0])  # type: ignore[misc]
            ours.append(run_ours(i))
    counts = sorted({queries(t) for t in traces.values()})
    sql = str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"
    return Result(op.name, op.target, ours, floor, sql)


@dataclass
class Keystroke:
    prefix: str
    hits: int
    trace: Trace
    result: Result


def type_word(
    view: IdeasView, app: QApplication, engine: Engine, con: sqlite3.Connection, word: str, repeat: int
) -> list[Keystroke]:
    """(i): type ``word`` into an open ideas list one character at a time, timing every keystroke.

    Every run starts from an empty search field (untimed); the keystroke is ``setText(prefix)`` plus Enter (which
    searches at once instead of after the typing pause: the count and the first page, the model reset, the selected
    row's summary) plus processEvents (paint). The pause itself is not work and is not timed.
    """
    prefixes = [word[:n] for n in range(1, len(word) + 1)]

    def clear() -> None:
        view.search.setText("")
        view.search.returnPressed.emit()
        app.processEvents()

    def key(prefix: str) -> None:
        view.search.setText(prefix)
        view.search.returnPressed.emit()
        app.processEvents()

    traces: dict[str, Trace] = {}
    hits: dict[str, int] = {}
    for attempt in range(3):  # a warm-up, then twice recorded: the same SQL both times
        clear()
        for prefix in prefixes:
            if attempt == 0:
                key(prefix)
                continue
            with recording(engine) as trace:
                key(prefix)
            if attempt == 2 and trace != traces[prefix]:
                raise RuntimeError(f"keystroke '{prefix}' sends different SQL on two identical runs")
            traces[prefix] = trace
            hits[prefix] = view.model.total
    ours: dict[str, list[float]] = {p: [] for p in prefixes}
    floor: dict[str, list[float]] = {p: [] for p in prefixes}
    for i in range(repeat):
        clear()
        for prefix in prefixes:
            if i % 2:
                ours[prefix].append(timed(lambda p=prefix: key(p))[0])  # type: ignore[misc]
                floor[prefix].append(timed(lambda p=prefix: replay(con, traces[p]))[0])  # type: ignore[misc]
            else:
                floor[prefix].append(timed(lambda p=prefix: replay(con, traces[p]))[0])  # type: ignore[misc]
                ours[prefix].append(timed(lambda p=prefix: key(p))[0])  # type: ignore[misc]
    return [
        Keystroke(p, hits[p], traces[p], Result(f"'{p}'", KEYSTROKE, ours[p], floor[p], str(queries(traces[p]))))
        for p in prefixes
    ]


def pooled(name: str, strokes: list[Keystroke]) -> Result:
    counted = [k for k in strokes if len(k.prefix) >= KEYSTROKE_FROM]
    counts = sorted({queries(k.trace) for k in counted})
    return Result(
        name,
        KEYSTROKE,
        [ms for k in counted for ms in k.result.ours],
        [ms for k in counted for ms in k.result.floor],
        str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}",
    )


# --- output ---------------------------------------------------------------------------------------------------------


def explain(con: sqlite3.Connection, name: str, trace: Trace) -> None:
    """Every distinct statement of one operation (with how often it is sent) and SQLite's plan for it."""
    print(f"\n=== {name}")
    seen: dict[str, tuple[int, Any]] = {}
    for statement, params in trace:
        if statement.lstrip().upper().startswith("SELECT"):
            n, first = seen.get(statement, (0, params))
            seen[statement] = (n + 1, first)
    for statement, (n, params) in seen.items():
        print(f"  {n}x " + " ".join(statement.split())[:400])
        for row in con.execute(f"EXPLAIN QUERY PLAN {statement}", params):
            print(f"      {row[3]}")


def describe_store(path: Path, con: sqlite3.Connection) -> None:
    size = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    print(f"store: {path} ({size / 1e6:.1f} MB)")
    tables = [
        "ideas", "organisations", "idea_themes", "idea_needs", "initiators", "consents", "contacts",
        "organisation_offers", "organisation_themes", "organisation_areas", "matches", "activities", "areas",
        "sessions",
    ]  # fmt: skip
    counts = [f"{t} {con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]:,}" for t in tables]
    print("rows: " + ", ".join(counts))


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def print_table(results: list[Result]) -> None:
    header = (
        f"{'operation':<46} | {'SQL':>5} | {'ours med':>8} | {'ours p95':>8} | {'floor med':>9} | {'ratio':>6} | "
        f"ratio <= 3 | {'target':>12} | result"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        if r.error:
            print(f"{r.name:<46} | ERROR: {r.error}")
            continue
        print(
            f"{r.name:<46} | {r.sql:>5} | {r.ours_median:8.1f} | {p95(r.ours):8.1f} | {r.floor_median:9.2f} | "
            f"{r.ratio:6.2f} | {r.ratio_check:<10} | {r.target!s:>12} | {r.verdict}"
        )


def print_keystrokes(words: dict[str, list[Keystroke]]) -> None:
    print(f"\n(i) every keystroke (only those of {KEYSTROKE_FROM} characters or more count for the rows above):")
    header = (
        f"  {'typed':<14} | {'hits':>7} | {'SQL':>3} | {'ours med':>8} | {'ours p95':>8} | {'floor med':>9} | ratio"
    )
    print(header)
    print("  " + "-" * (len(header) - 2))
    for strokes in words.values():
        for k in strokes:
            r = k.result
            print(
                f"  {r.name:<14} | {k.hits:>7,} | {r.sql:>3} | {r.ours_median:8.1f} | {p95(r.ours):8.1f} | "
                f"{r.floor_median:9.2f} | {r.ratio:5.2f}"
            )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path, help="an SQLite store, e.g. bench/out/bench.sqlite")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1, help="which random ideas (g) and (j) open")
    ap.add_argument("--only", default="", help="run only operations whose name contains this text")
    ap.add_argument("--explain", action="store_true", help="print the program's SQL with EXPLAIN QUERY PLAN")
    args = ap.parse_args(argv)
    path: Path = args.store.resolve()
    if not path.exists():
        raise SystemExit(f"{path} does not exist; generate it first with bench/generate.py")

    print(
        f"{datetime.now():%d-%m-%Y %H:%M}, {os.cpu_count()} cores, load average {loadavg()} at the start; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, SQLAlchemy {sqlalchemy.__version__}, "
        f"PySide6 {PySide6.__version__} ({os.environ['QT_QPA_PLATFORM']})"
    )
    t0 = time.perf_counter()
    store = open_store(f"sqlite:///{path}")
    print(f"open_store: {(time.perf_counter() - t0) * 1000:.0f} ms")
    # The floor's connection: plain sqlite3, kept open across runs as the pool keeps the program's. Autocommit mode as
    # the engine sets it (engine.py), so the recorded BEGIN / COMMIT are the only ones.
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    qInstallMessageHandler(quiet_qt)
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    UnsavedPrompt.ask = staticmethod(lambda parent, what: "discard")  # type: ignore[method-assign]
    tmp = tempfile.TemporaryDirectory()
    ctx = AppContext(store=store, settings=UiSettings(QSettings(f"{tmp.name}/bench.ini", QSettings.Format.IniFormat)))
    results: list[Result] = []
    words: dict[str, list[Keystroke]] = {}
    try:
        describe_store(path, con)
        ops = [op for op in build_ops(store, con, ctx, app, args.seed) if args.only in op.name]
        typed = [w for w in TYPED if args.only in f"(i) GUI: keystrokes '{w}'"]
        if args.explain:
            for op in ops:
                explain(con, op.name, record(store.engine, op, -1)[0])
        else:
            results = [measure(op, store.engine, con, args.repeat) for op in ops]
        if typed:
            view = IdeasView(ctx)
            view.reload()
            view.resize(*GUI_SIZE)
            view.show()
            app.processEvents()
            try:
                for word in typed:
                    words[word] = type_word(view, app, store.engine, con, word, 1 if args.explain else args.repeat)
            finally:
                close_widget(view)
        if args.explain:
            for strokes in words.values():
                for k in strokes:
                    explain(con, f"(i) GUI keystroke '{k.prefix}' ({k.hits:,} hits)", k.trace)
            return 0
    finally:
        con.close()
        store.close()
        tmp.cleanup()

    if words:
        counted = [k for strokes in words.values() for k in strokes]
        j = next((n for n, r in enumerate(results) if r.name.startswith("(j)")), len(results))
        results[j:j] = [
            *(pooled(f"(i) GUI: keystrokes '{w}' (>= {KEYSTROKE_FROM} chars)", s) for w, s in words.items()),
            pooled(f"(i) GUI: all keystrokes >= {KEYSTROKE_FROM} chars", counted),
        ]
    print(f"\nload average at the end: {loadavg()}")
    print(
        f"\n{args.repeat} runs each after a warm-up; times in ms. The floor replays the SQL the program sent (recorded "
        "with before_cursor_execute) on one plain sqlite3 connection and fetches every row; ratio = ours median / "
        "floor median; SQL = statements per run without BEGIN/COMMIT."
    )
    print(
        f"targets: search < {SEARCH}, GUI keystroke < {KEYSTROKE}, list < {LIST}, open idea < {IDEA}; "
        f"ratio <= {MAX_RATIO:.0f}: 'no*' = over {MAX_RATIO:.0f}x but the floor median is under "
        f"{RATIO_FLOOR_MS:.0f} ms, so the ratio measures Python call overhead rather than the query and does not fail "
        "the run; 'NO' fails it."
    )
    print_table(results)
    if words:
        print_keystrokes(words)
    failed = [r for r in results if r.failed]
    print(f"\n{len(results) - len(failed)} of {len(results)} rows pass.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
