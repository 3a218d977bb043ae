"""Measure the everyday operations through the program's services against plain sqlite3 (the floor).

    .venv/bin/python bench/run_core.py bench/out/bench.sqlite [--repeat 15] [--explain]

Each operation is run once to warm up, then ``--repeat`` times; "ours" and "floor" alternate within a repetition so
both see the same cache state. "Ours" opens a fresh session from the store's session factory for every operation,
as the GUI does for a user action (``store.begin()``); the floor is the same rows fetched with plain ``sqlite3`` on
one open connection, inside a read transaction. Both sides return the same rows: the script checks that.

Targets (from the project): a search keystroke < 50 ms median, opening or sorting a list < 200 ms, opening an idea
< 100 ms, and every operation within 3x of its floor. The exit status is 1 when any row misses.
"""

from __future__ import annotations

import argparse
import math
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from makelaar.domain.records import Page  # noqa: E402
from makelaar.services.activities import list_activities  # noqa: E402
from makelaar.services.ideas import get_idea, page_ideas  # noqa: E402
from makelaar.services.listing import ListQuery  # noqa: E402
from makelaar.services.matches import matches_for_idea  # noqa: E402
from makelaar.services.organisations import page_organisations  # noqa: E402
from makelaar.storage.search import fts5_query  # noqa: E402
from makelaar.storage.store import Store, open_store  # noqa: E402

PAGE = 200
SEARCH_MS = 50.0
LIST_MS = 200.0
IDEA_MS = 100.0
MAX_RATIO = 3.0
IDEA_SEARCHES = ["moes", "moestu", "buurt", "speel", "repair caf", "I-2024-0123"]
ORG_SEARCHES = ["stich", "voedsel", "buurt", "moes"]
OPEN_STATUSES = ("nieuw", "in verkenning")


# --- plain SQL: the floor -------------------------------------------------------------------------------------------

IDEA_COLS = "i.id, i.reference, i.title, i.status, a.name, i.received_on, i.updated_at"
ORG_COLS = "o.id, o.reference, o.name, t.name, o.active, o.updated_at"


def marks(n: int) -> str:
    return ", ".join("?" * n)


def floor_idea_needs(con: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    if ids:
        for owner, name in con.execute(
            f"SELECT n.idea_id, t.name FROM idea_needs n JOIN vocabulary_terms t ON t.id = n.term_id "
            f"WHERE n.idea_id IN ({marks(len(ids))}) ORDER BY t.position",
            list(ids),
        ):
            out.setdefault(owner, []).append(name)
    return out


def floor_ideas_page(con: sqlite3.Connection, order: str, where: str = "", params: Sequence[Any] = ()) -> Page:
    """The first page of the ideas list plus its total, as page_ideas returns them."""
    con.execute("BEGIN")
    try:
        rows = con.execute(
            f"SELECT {IDEA_COLS} FROM ideas i LEFT JOIN areas a ON a.id = i.area_id {where} "
            f"ORDER BY {order} LIMIT {PAGE}",
            list(params),
        ).fetchall()
        needs = floor_idea_needs(con, [r[0] for r in rows])
        total = con.execute(f"SELECT count(*) FROM ideas i {where}", list(params)).fetchone()[0]
    finally:
        con.execute("COMMIT")
    return Page(rows=[(*r, ", ".join(needs.get(r[0], []))) for r in rows], total=total)


def floor_ideas_search(con: sqlite3.Connection, text: str) -> Page:
    """FTS5 MATCH joined to the ideas (the shape SQLite plans best), sorted by updated desc; the count from FTS."""
    q = fts5_query(text)
    con.execute("BEGIN")
    try:
        rows = con.execute(
            f"SELECT {IDEA_COLS} FROM ideas_fts f JOIN ideas i ON i.search_rowid = f.rowid "
            f"LEFT JOIN areas a ON a.id = i.area_id WHERE ideas_fts MATCH ? "
            f"ORDER BY i.updated_at DESC, i.id DESC LIMIT {PAGE}",
            (q,),
        ).fetchall()
        needs = floor_idea_needs(con, [r[0] for r in rows])
        total = con.execute("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?", (q,)).fetchone()[0]
    finally:
        con.execute("COMMIT")
    return Page(rows=[(*r, ", ".join(needs.get(r[0], []))) for r in rows], total=total)


def floor_org_extras(con: sqlite3.Connection, ids: Sequence[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    offers: dict[str, list[str]] = {}
    areas: dict[str, list[str]] = {}
    if ids:
        for owner, name in con.execute(
            f"SELECT x.organisation_id, t.name FROM organisation_offers x JOIN vocabulary_terms t ON t.id = x.term_id "
            f"WHERE x.organisation_id IN ({marks(len(ids))}) ORDER BY t.position",
            list(ids),
        ):
            offers.setdefault(owner, []).append(name)
        for owner, name in con.execute(
            f"SELECT x.organisation_id, a.name FROM organisation_areas x JOIN areas a ON a.id = x.area_id "
            f"WHERE x.organisation_id IN ({marks(len(ids))}) ORDER BY a.position, a.name",
            list(ids),
        ):
            areas.setdefault(owner, []).append(name)
    return offers, areas


def floor_orgs_page(con: sqlite3.Connection, search: str | None = None) -> Page:
    con.execute("BEGIN")
    try:
        if search is None:
            rows = con.execute(
                f"SELECT {ORG_COLS} FROM organisations o LEFT JOIN vocabulary_terms t ON t.id = o.kind_id "
                f"ORDER BY o.name, o.id LIMIT {PAGE}"
            ).fetchall()
            total = con.execute("SELECT count(*) FROM organisations").fetchone()[0]
        else:
            q = fts5_query(search)
            rows = con.execute(
                f"SELECT {ORG_COLS} FROM organisations_fts f JOIN organisations o ON o.search_rowid = f.rowid "
                f"LEFT JOIN vocabulary_terms t ON t.id = o.kind_id WHERE organisations_fts MATCH ? "
                f"ORDER BY o.name, o.id LIMIT {PAGE}",
                (q,),
            ).fetchall()
            total = con.execute(
                "SELECT count(*) FROM organisations_fts WHERE organisations_fts MATCH ?", (q,)
            ).fetchone()[0]
        offers, areas = floor_org_extras(con, [r[0] for r in rows])
    finally:
        con.execute("COMMIT")
    return Page(rows=[(*r, ", ".join(offers.get(r[0], [])), ", ".join(areas.get(r[0], []))) for r in rows], total=total)


def floor_open_idea(con: sqlite3.Connection, idea_id: str) -> tuple[Any, ...]:
    """The rows behind get_idea + list_activities + matches_for_idea."""
    con.execute("BEGIN")
    try:
        idea = con.execute("SELECT * FROM ideas WHERE id = ?", (idea_id,)).fetchone()
        themes = con.execute(
            "SELECT t.id FROM idea_themes x JOIN vocabulary_terms t ON t.id = x.term_id WHERE x.idea_id = ? "
            "ORDER BY t.position",
            (idea_id,),
        ).fetchall()
        needs = con.execute(
            "SELECT t.id FROM idea_needs x JOIN vocabulary_terms t ON t.id = x.term_id WHERE x.idea_id = ? "
            "ORDER BY t.position",
            (idea_id,),
        ).fetchall()
        people = con.execute(
            "SELECT p.* FROM idea_initiators x JOIN initiators p ON p.id = x.initiator_id WHERE x.idea_id = ?",
            (idea_id,),
        ).fetchall()
        consents = (
            con.execute(
                f"SELECT * FROM consents WHERE initiator_id IN ({marks(len(people))}) ORDER BY recorded_at",
                [p[-1] for p in people],
            ).fetchall()
            if people
            else []
        )
        activities = con.execute(
            "SELECT id, kind, occurred_at, text, author, idea_id, organisation_id FROM activities WHERE idea_id = ? "
            "ORDER BY occurred_at DESC, created_at DESC LIMIT 500",
            (idea_id,),
        ).fetchall()
        matches = con.execute(
            "SELECT m.*, i.reference, i.title, o.name, n.name, c.name FROM matches m "
            "JOIN ideas i ON i.id = m.idea_id JOIN organisations o ON o.id = m.organisation_id "
            "LEFT JOIN vocabulary_terms n ON n.id = m.need_id LEFT JOIN contacts c ON c.id = m.contact_id "
            "WHERE m.idea_id = ? ORDER BY m.created_at",
            (idea_id,),
        ).fetchall()
    finally:
        con.execute("COMMIT")
    return idea, themes, needs, people, consents, activities, matches


# --- the program's services: ours -----------------------------------------------------------------------------------


def ours_open_idea(store: Store, idea_id: str) -> tuple[Any, ...]:
    with store.begin() as s:
        return get_idea(s, idea_id), list_activities(s, idea_id=idea_id), matches_for_idea(s, idea_id)


def ours_ideas(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return page_ideas(s, q, 0, PAGE)


def ours_orgs(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return page_organisations(s, q, 0, PAGE)


# --- measuring ------------------------------------------------------------------------------------------------------


@dataclass
class Op:
    name: str
    kind: str  # "search" | "list" | "idea": which target applies
    ours: Callable[[int], Any]
    floor: Callable[[int], Any]
    same: Callable[[Any, Any], bool]


@dataclass
class Result:
    op: Op
    ours: list[float]
    floor: list[float]

    @property
    def target(self) -> float:
        return {"search": SEARCH_MS, "list": LIST_MS, "idea": IDEA_MS}[self.op.kind]

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
    def passed(self) -> bool:
        return self.ours_median < self.target and self.ratio <= MAX_RATIO


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile (with 15 runs: the slowest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def timed(fn: Callable[[int], Any], i: int) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn(i)
    return (time.perf_counter() - t0) * 1000.0, out


def same_page(ours: Page, floor: Page) -> bool:
    return ours.total == floor.total and [r.id for r in ours.rows] == [r[0] for r in floor.rows]


def same_idea(ours: tuple[Any, ...], floor: tuple[Any, ...]) -> bool:
    data, acts, matches = ours
    return (
        data.id == floor[0][-2]  # ideas.* ends with id, search_rowid
        and [a.id for a in acts] == [a[0] for a in floor[5]]
        and sorted(m.id for m in matches) == sorted(m[-6] for m in floor[6])
    )


def measure(op: Op, repeat: int) -> Result:
    _, o = timed(op.ours, -1)
    _, f = timed(op.floor, -1)
    if not op.same(o, f):
        raise SystemExit(f"{op.name}: the services and the plain query disagree; fix the floor query first.")
    ours: list[float] = []
    floor: list[float] = []
    for i in range(repeat):
        # Alternate which side goes first so neither always gets the warmer cache.
        if i % 2:
            ours.append(timed(op.ours, i)[0])
            floor.append(timed(op.floor, i)[0])
        else:
            floor.append(timed(op.floor, i)[0])
            ours.append(timed(op.ours, i)[0])
    return Result(op, ours, floor)


def build_ops(store: Store, con: sqlite3.Connection, repeat: int, seed: int) -> list[Op]:
    wijk_id, wijk_name = con.execute(
        "SELECT a.id, a.name FROM areas a WHERE a.kind IN ('wijk', 'dorp') ORDER BY "
        "(SELECT count(*) FROM ideas i WHERE i.area_id = a.id OR i.area_id IN "
        "(SELECT id FROM areas b WHERE b.parent_id = a.id)) DESC LIMIT 1"
    ).fetchone()
    all_ids = [r[0] for r in con.execute("SELECT id FROM ideas ORDER BY reference")]
    rng = random.Random(seed)
    picks = [rng.choice(all_ids) for _ in range(repeat + 1)]

    def pick(i: int) -> str:
        return picks[i + 1]

    ops: list[Op] = [
        Op(
            "(a) open ideas list (updated desc)",
            "list",
            lambda i: ours_ideas(store, ListQuery()),
            lambda i: floor_ideas_page(con, "i.updated_at DESC, i.id DESC"),
            same_page,
        ),
        Op(
            "(b) open organisations list (name)",
            "list",
            lambda i: ours_orgs(store, ListQuery(sort="name", descending=False)),
            lambda i: floor_orgs_page(con),
            same_page,
        ),
    ]
    for text in IDEA_SEARCHES:
        ops.append(
            Op(
                f"(c) search ideas '{text}'",
                "search",
                lambda i, t=text: ours_ideas(store, ListQuery(search=t)),  # type: ignore[misc]
                lambda i, t=text: floor_ideas_search(con, t),  # type: ignore[misc]
                same_page,
            )
        )
    for text in ORG_SEARCHES:
        ops.append(
            Op(
                f"(d) search organisations '{text}'",
                "search",
                lambda i, t=text: ours_orgs(store, ListQuery(search=t, sort="name", descending=False)),  # type: ignore[misc]
                lambda i, t=text: floor_orgs_page(con, t),  # type: ignore[misc]
                same_page,
            )
        )
    ops += [
        Op(
            "(e) sort ideas by title",
            "list",
            lambda i: ours_ideas(store, ListQuery(sort="title", descending=False)),
            lambda i: floor_ideas_page(con, "i.title ASC, i.id ASC"),
            same_page,
        ),
        Op(
            f"(f) filter status open + wijk {wijk_name}",
            "list",
            lambda i: ours_ideas(store, ListQuery(statuses=OPEN_STATUSES, area_id=wijk_id)),
            lambda i: floor_ideas_page(
                con,
                "i.updated_at DESC, i.id DESC",
                f"WHERE i.status IN ({marks(len(OPEN_STATUSES))}) AND (i.area_id = ? OR i.area_id IN "
                "(SELECT id FROM areas WHERE parent_id = ?))",
                [*OPEN_STATUSES, wijk_id, wijk_id],
            ),
            same_page,
        ),
        Op(
            "(g) open an idea (random)",
            "idea",
            lambda i: ours_open_idea(store, pick(i)),
            lambda i: floor_open_idea(con, pick(i)),
            same_idea,
        ),
    ]
    return ops


def explain(store: Store, con: sqlite3.Connection, ops: list[Op]) -> None:
    """Print every statement the services send for each operation, with SQLite's plan for it."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        for op in ops:
            seen.clear()
            op.ours(-1)
            print(f"\n=== {op.name}")
            for statement, params in seen:
                if not statement.lstrip().upper().startswith("SELECT"):
                    continue
                print("  " + " ".join(statement.split())[:400])
                for row in con.execute(f"EXPLAIN QUERY PLAN {statement}", params):
                    print(f"      {row[3]}")
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)


def describe_store(path: Path, con: sqlite3.Connection) -> None:
    size = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists())
    print(f"store: {path} ({size / 1e6:.1f} MB), SQLite {sqlite3.sqlite_version}")
    tables = [
        "ideas", "organisations", "idea_themes", "idea_needs", "initiators", "consents", "contacts",
        "organisation_offers", "organisation_themes", "organisation_areas", "matches", "activities", "areas",
        "sessions",
    ]  # fmt: skip
    counts = [f"{t} {con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]:,}" for t in tables]
    print("rows: " + ", ".join(counts))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path, help="an SQLite store, e.g. bench/out/bench.sqlite")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1, help="which random ideas (g) opens")
    ap.add_argument("--only", default="", help="run only operations whose name contains this text")
    ap.add_argument("--explain", action="store_true", help="print the services' SQL with EXPLAIN QUERY PLAN")
    args = ap.parse_args(argv)
    path: Path = args.store.resolve()
    if not path.exists():
        raise SystemExit(f"{path} does not exist; generate it first with bench/generate.py")

    t0 = time.perf_counter()
    store = open_store(f"sqlite:///{path}")
    print(f"open_store: {(time.perf_counter() - t0) * 1000:.0f} ms")
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        describe_store(path, con)
        ops = [op for op in build_ops(store, con, args.repeat, args.seed) if args.only in op.name]
        if args.explain:
            explain(store, con, ops)
            return 0
        results = [measure(op, args.repeat) for op in ops]
    finally:
        con.close()
        store.close()

    print(f"\n{args.repeat} runs each after one warm-up; times in ms; ratio = ours median / floor median.")
    print(
        f"targets: search < {SEARCH_MS:.0f}, list < {LIST_MS:.0f}, open idea < {IDEA_MS:.0f}, ratio <= {MAX_RATIO:.0f}"
    )
    header = (
        f"{'operation':<44} | {'ours med':>8} | {'ours p95':>8} | {'floor med':>9} | {'ratio':>6} | target | result"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r.op.name:<44} | {r.ours_median:8.1f} | {p95(r.ours):8.1f} | {r.floor_median:9.1f} | "
            f"{r.ratio:6.2f} | {r.target:6.0f} | {'PASS' if r.passed else 'FAIL'}"
        )
    failed = [r for r in results if not r.passed]
    print(f"\n{len(results) - len(failed)} of {len(results)} operations pass.")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
