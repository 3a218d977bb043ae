"""Measure the proposed fixes for the slow list and search queries, in plain SQL, against what is sent today.

    .venv/bin/python bench/fixes.py bench/out/bench.sqlite [--repeat 15]

The store is copied to ``<store>-fixes.sqlite`` (a file copy, so the page layout stays the same) and the proposed
indexes are added to the copy only; makelaar/ is not touched. Each operation is then run as the services send it
today (on the original store) and as proposed (on the copy), alternating, and both must return the same rows.

Proposed (see README.md, "Recommended fixes"):

1. ``CREATE INDEX ix_ideas_updated_at ON ideas (updated_at, id, search_rowid)``: the default sort of the ideas list
   (updated, newest first, id as tie-break) walks an index instead of sorting 100,000 rows; ``search_rowid`` in it
   lets a search check each step against the FTS hits without reading the row.
2. Count a search from the FTS table (``SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?``) instead of
   ``count(*) FROM ideas WHERE search_rowid IN (SELECT rowid FROM ideas_fts ...)``: FTS rows and ideas are 1:1.
3. For a broad search (more hits than ``WALK_FROM``) write the condition as ``+ideas.search_rowid IN (...)``: the
   unary ``+`` keeps SQLite from driving the query by the hits, so it walks the sort index and stops after one page.
   A narrow search keeps today's shape (fetch the hits, sort them).
4. ``CREATE INDEX ix_ideas_status_area_updated ON ideas (status, area_id, updated_at)`` and the wijk filter written as
   one ``area_id IN (SELECT id FROM areas WHERE id = :wijk OR parent_id = :wijk)`` instead of
   ``area_id = :wijk OR area_id IN (SELECT ...)``, which SQLite cannot use an index for.
5. In ``fts5_query``, a one-letter word that is not the last one is matched whole, not as a prefix: a reference typed
   as I-2024-0123 becomes ``"i" AND "2024"* AND "0123"*``; ``"i"*`` alone expands to every word starting with i.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for p in (HERE, HERE.parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import run_core as rc  # noqa: E402
from sqlalchemy import text as sql_text  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

import makelaar.services.ideas as ideas_service  # noqa: E402
from makelaar.domain.records import Page  # noqa: E402
from makelaar.services.listing import ListQuery  # noqa: E402
from makelaar.storage.search import fts5_query, search_terms  # noqa: E402
from makelaar.storage.store import Store, open_store  # noqa: E402

FIX_DDL = [
    "CREATE INDEX IF NOT EXISTS ix_ideas_updated_at ON ideas (updated_at, id, search_rowid)",
    "CREATE INDEX IF NOT EXISTS ix_ideas_status_area_updated ON ideas (status, area_id, updated_at)",
]
# Above this many hits, walking the sort index beats sorting the hits (at 100,000 ideas the cross-over lies between
# about 500 and 1,900 hits; see the "shape" rows this script prints). Only for the updated sort: its index covers
# search_rowid, and updated_at does not correlate with the text (a walk of the title index can read most of it).
WALK_FROM = 1_000
ORDER = "i.updated_at DESC, i.id DESC"
FTS = "SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH ?"
SEARCHES = [*rc.IDEA_SEARCHES, "waterlelie", "0123", "bu"]


def copy_store(src: Path) -> Path:
    dst = src.with_name(src.stem + "-fixes" + src.suffix)
    con = sqlite3.connect(src, isolation_level=None)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    shutil.copyfile(src, dst)
    con = sqlite3.connect(dst, isolation_level=None)
    try:
        for ddl in FIX_DDL:
            con.execute(ddl)
    finally:
        con.close()
    print(f"copied to {dst} and added the proposed indexes in {time.perf_counter() - t0:.1f} s")
    return dst


def page_of(con: sqlite3.Connection, rows: list[Any], total: int) -> Page:
    needs = rc.floor_idea_needs(con, [r[0] for r in rows])
    return Page(rows=[(*r, ", ".join(needs.get(r[0], []))) for r in rows], total=total)


def in_transaction(con: sqlite3.Connection, fn: Callable[[], Page]) -> Page:
    con.execute("BEGIN")
    try:
        return fn()
    finally:
        con.execute("COMMIT")


def select_page(con: sqlite3.Connection, where: str, params: Sequence[Any]) -> list[Any]:
    return con.execute(
        f"SELECT {rc.IDEA_COLS} FROM ideas i LEFT JOIN areas a ON a.id = i.area_id {where} ORDER BY {ORDER} "
        f"LIMIT {rc.PAGE}",
        list(params),
    ).fetchall()


# --- today: the statements the services send (captured with run_core.py --explain) ----------------------------------


def now_search(con: sqlite3.Connection, text: str) -> Page:
    q = fts5_query(text)

    def run() -> Page:
        rows = select_page(con, f"WHERE i.search_rowid IN ({FTS})", [q])
        total = con.execute(f"SELECT count(*) FROM ideas i WHERE i.search_rowid IN ({FTS})", (q,)).fetchone()[0]
        return page_of(con, rows, total)

    return in_transaction(con, run)


def now_list(con: sqlite3.Connection) -> Page:
    return in_transaction(
        con, lambda: page_of(con, select_page(con, "", []), con.execute("SELECT count(*) FROM ideas").fetchone()[0])
    )


NOW_FILTER = "WHERE i.status IN (?, ?) AND (i.area_id = ? OR i.area_id IN (SELECT id FROM areas WHERE parent_id = ?))"
FIXED_FILTER = "WHERE i.status IN (?, ?) AND i.area_id IN (SELECT id FROM areas WHERE id = ? OR parent_id = ?)"


def filtered(con: sqlite3.Connection, where: str, wijk: str) -> Page:
    params = [*rc.OPEN_STATUSES, wijk, wijk]

    def run() -> Page:
        rows = select_page(con, where, params)
        total = con.execute(f"SELECT count(*) FROM ideas i {where}", params).fetchone()[0]
        return page_of(con, rows, total)

    return in_transaction(con, run)


# --- proposed ------------------------------------------------------------------------------------------------------


def fts5_query_fixed(text: str) -> str | None:
    """fts5_query with fix 5: a one-letter word before the last is matched whole."""
    terms = search_terms(text)
    if not terms:
        return None
    last = len(terms) - 1
    return " AND ".join(f'"{t}"' if len(t) == 1 and i < last else f'"{t}"*' for i, t in enumerate(terms))


def fixed_search(con: sqlite3.Connection, text: str, shape: str = "auto") -> Page:
    q = fts5_query_fixed(text)

    def run() -> Page:
        total = con.execute("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?", (q,)).fetchone()[0]
        walk = total > WALK_FROM if shape == "auto" else shape == "walk"
        plus = "+" if walk else ""
        rows = select_page(con, f"WHERE {plus}i.search_rowid IN ({FTS})", [q])
        return page_of(con, rows, total)

    return in_transaction(con, run)


def org_search(con: sqlite3.Connection, text: str, fts_count: bool) -> Page:
    """Organisations sorted by name: today's page shape; the count from the FTS table (fix 2) or as today."""
    q = fts5_query(text)
    fts = "SELECT rowid FROM organisations_fts WHERE organisations_fts MATCH ?"

    def run() -> Page:
        rows = con.execute(
            f"SELECT {rc.ORG_COLS} FROM organisations o LEFT JOIN vocabulary_terms t ON t.id = o.kind_id "
            f"WHERE o.search_rowid IN ({fts}) ORDER BY o.name, o.id LIMIT {rc.PAGE}",
            (q,),
        ).fetchall()
        if fts_count:
            total = con.execute("SELECT count(*) FROM organisations_fts WHERE organisations_fts MATCH ?", (q,))
        else:
            total = con.execute(f"SELECT count(*) FROM organisations o WHERE o.search_rowid IN ({fts})", (q,))
        offers, areas = rc.floor_org_extras(con, [r[0] for r in rows])
        return Page(
            rows=[(*r, ", ".join(offers.get(r[0], [])), ", ".join(areas.get(r[0], []))) for r in rows],
            total=total.fetchone()[0],
        )

    return in_transaction(con, run)


def prototype_page_ideas(s: Session, q: ListQuery) -> Page:
    """page_ideas with fixes 2, 3 and 5, sketched for a search-only query (to measure them through the ORM).

    This only swaps the search clause the services use, for the length of one call, in this process.
    """
    assert q == ListQuery(search=q.search, sort=q.sort, descending=q.descending), "search-only queries"
    fq = fts5_query_fixed(q.search)
    total = int(s.scalar(sql_text("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH :q"), {"q": fq}) or 0)
    plus = "+" if total > WALK_FROM and q.sort == "updated" else ""
    clause = sql_text(f"{plus}ideas.search_rowid IN (SELECT rowid FROM ideas_fts WHERE ideas_fts MATCH :fts_q)")
    original = ideas_service.matches_search
    ideas_service.matches_search = lambda *_a: clause.bindparams(fts_q=fq)  # type: ignore[assignment]
    try:
        rows = ideas_service.list_ideas(s, q, 0, rc.PAGE)
    finally:
        ideas_service.matches_search = original
    return Page(rows=rows, total=total)


def services_today(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return ideas_service.page_ideas(s, q, 0, rc.PAGE)


def services_fixed(store: Store, q: ListQuery) -> Page:
    with store.begin() as s:
        return prototype_page_ideas(s, q) if q.search else ideas_service.page_ideas(s, q, 0, rc.PAGE)


# --- measuring -----------------------------------------------------------------------------------------------------


@dataclass
class Pair:
    name: str
    now: Callable[[], Page]
    fixed: Callable[[], Page]
    note: str = ""


def row_id(row: Any) -> str:
    return str(row.id if hasattr(row, "id") else row[0])


def measure(pair: Pair, repeat: int) -> tuple[list[float], list[float]]:
    a, b = pair.now(), pair.fixed()
    if a.total != b.total or [row_id(r) for r in a.rows] != [row_id(r) for r in b.rows]:
        raise SystemExit(f"{pair.name}: the proposed query returns other rows than today's")
    now: list[float] = []
    fixed: list[float] = []
    for i in range(repeat):
        order = (pair.now, now), (pair.fixed, fixed)
        for fn, out in order if i % 2 else reversed(order):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000.0)
    return now, fixed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args(argv)
    src: Path = args.store.resolve()
    dst = copy_store(src)
    old = sqlite3.connect(src, isolation_level=None)
    new = sqlite3.connect(dst, isolation_level=None)
    old_store = open_store(f"sqlite:///{src}")
    new_store = open_store(f"sqlite:///{dst}")
    try:
        wijk_id, wijk_name = old.execute(
            "SELECT a.id, a.name FROM areas a WHERE a.kind IN ('wijk', 'dorp') ORDER BY "
            "(SELECT count(*) FROM ideas i WHERE i.area_id = a.id OR i.area_id IN "
            "(SELECT id FROM areas b WHERE b.parent_id = a.id)) DESC LIMIT 1"
        ).fetchone()
        pairs = [
            Pair("(a) open ideas list", lambda: now_list(old), lambda: now_list(new), "fix 1"),
            Pair(
                f"(f) status open + wijk {wijk_name}",
                lambda: filtered(old, NOW_FILTER, wijk_id),
                lambda: filtered(new, FIXED_FILTER, wijk_id),
                "fix 4",
            ),
        ]
        for text in SEARCHES:
            hits = old.execute("SELECT count(*) FROM ideas_fts WHERE ideas_fts MATCH ?", (fts5_query(text),)).fetchone()
            shape = "walk" if hits[0] > WALK_FROM else "sort hits"
            pairs.append(
                Pair(
                    f"(c) search ideas '{text}' ({hits[0]:,} hits)",
                    lambda t=text: now_search(old, t),  # type: ignore[misc]
                    lambda t=text: fixed_search(new, t),  # type: ignore[misc]
                    f"fixes 1-3 ({shape})" if fts5_query(text) == fts5_query_fixed(text) else f"fixes 1-3, 5 ({shape})",
                )
            )
        for text in rc.ORG_SEARCHES:
            pairs.append(
                Pair(
                    f"(d) search organisations '{text}'",
                    lambda t=text: org_search(old, t, False),  # type: ignore[misc]
                    lambda t=text: org_search(new, t, True),  # type: ignore[misc]
                    "fix 2",
                )
            )
        # Both shapes on the fixed store, to show where the cross-over lies.
        for text in SEARCHES:
            pairs.append(
                Pair(
                    f"  shape '{text}': sort hits vs walk",
                    lambda t=text: fixed_search(new, t, "sort"),  # type: ignore[misc]
                    lambda t=text: fixed_search(new, t, "walk"),  # type: ignore[misc]
                    "(now = sort hits, fixed = walk)",
                )
            )
        # Through the services: today's page_ideas on today's store vs the prototype on the fixed store.
        pairs.append(
            Pair(
                "services: (a) open ideas list",
                lambda: services_today(old_store, ListQuery()),
                lambda: services_fixed(new_store, ListQuery()),
                "page_ideas, fix 1 (index only)",
            )
        )
        for text in rc.IDEA_SEARCHES:
            pairs.append(
                Pair(
                    f"services: (c) search ideas '{text}'",
                    lambda t=text: services_today(old_store, ListQuery(search=t)),  # type: ignore[misc]
                    lambda t=text: services_fixed(new_store, ListQuery(search=t)),  # type: ignore[misc]
                    "page_ideas vs prototype, fixes 1-3, 5",
                )
            )
        results = [(p, *measure(p, args.repeat)) for p in pairs]
    finally:
        old.close()
        new.close()
        old_store.close()
        new_store.close()

    print(f"\n{args.repeat} runs each, ms (median / p95); one operation = page + needs + count")
    print("plain sqlite3, except the 'services:' rows (a fresh session per operation, through the ORM)")
    header = (
        f"{'operation':<46} | {'now med':>7} | {'now p95':>7} | {'fixed med':>9} | {'fixed p95':>9} | {'x':>5} | note"
    )
    print(header)
    print("-" * len(header))
    for p, now, fixed in results:
        speedup = statistics.median(now) / statistics.median(fixed)
        print(
            f"{p.name:<46} | {statistics.median(now):7.1f} | {rc.p95(now):7.1f} | {statistics.median(fixed):9.1f} | "
            f"{rc.p95(fixed):9.1f} | {speedup:5.1f} | {p.note}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
