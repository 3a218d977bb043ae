"""Writing an exchange file: what changed since the last export, each record with its history."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, true, update
from sqlalchemy.orm import Session

from makelaar import __version__
from makelaar.domain.errors import KnownError
from makelaar.services import audit, sealed
from makelaar.services.exchange.format import (
    _REC,
    _TOMB,
    FORMAT,
    FORMAT_VERSION,
    LAST_EXPORT,
    ExportSummary,
    store_id,
)
from makelaar.services.exchange.reading import (
    _revisions,
)
from makelaar.services.vocabulary import get_setting, municipality_name, set_setting
from makelaar.storage.base import utcnow
from makelaar.storage.faults import environment_message
from makelaar.storage.files import write_private
from makelaar.storage.tracking import (
    SPECS,
    Spec,
    among,
    content_hash,
    join_history,
    read_contents,
    split_history,
)


def _write(path: Path, payload: dict[str, Any], passphrase: str | None = None) -> None:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

    def write(target: Path) -> None:
        if passphrase is not None:
            target.write_bytes(sealed.seal(gzip.compress(text.encode("utf-8"), compresslevel=6), passphrase))
        elif path.name.endswith(".gz"):
            # Level 6 (zlib's default): under half of level 9's time, for a file a few per cent larger.
            with gzip.open(target, "wt", encoding="utf-8", compresslevel=6) as fh:
                fh.write(text)
        else:
            target.write_text(text, encoding="utf-8")

    try:
        # Names and contact data on a USB stick: readable by the user alone, and whole or not at all.
        write_private(path, write)
    except OSError as exc:
        # A full disk or a read-only stick is said in Dutch (storage.faults), else what the system says.
        reason = environment_message(exc, path) or f"{exc.strerror or exc}."
        raise KnownError(f"Het uitwisselbestand {path} kan niet worden geschreven: {reason}") from exc


# --- export ----------------------------------------------------------------------------------------------------------

_VOCAB_TABLES = ("vocabulary_terms", "areas")


def _state(
    conn: Connection, table: str, ids: Collection[str] | None = None
) -> dict[str, tuple[list[str], str | None, bool]]:
    """Exchange state per record: (history, seen, pending)."""
    stmt = select(_REC.c.record_id, _REC.c.history, _REC.c.seen_hash, _REC.c.pending).where(
        _REC.c.record_table == table
    )
    if ids is None:
        return {r[0]: (split_history(r[1]), r[2], bool(r[3])) for r in conn.execute(stmt)}
    out: dict[str, tuple[list[str], str | None, bool]] = {}
    items = sorted(ids)
    for i in range(0, len(items), 500):
        for r in conn.execute(stmt.where(among(_REC.c.record_id, items[i : i + 500]))).all():
            out[r[0]] = (split_history(r[1]), r[2], bool(r[3]))
    return out


def _pending_ids(conn: Connection) -> dict[str, set[str]]:
    """Per table, the records marked pending for the next export (one query, on the index of ``pending``)."""
    out: dict[str, set[str]] = defaultdict(set)
    for table, record_id in conn.execute(select(_REC.c.record_table, _REC.c.record_id).where(_REC.c.pending == true())):
        out[table].add(record_id)
    return out


def _recently_touched(conn: Connection, spec: Spec, since: datetime) -> set[str]:
    table = spec.core
    column = table.c.get("updated_at")
    if column is None:
        column = table.c.get("created_at")
    if column is None:
        return set()
    return set(conn.scalars(select(table.c.id).where(column > since)).all())


def export_changes(s: Session, path: Path, *, everything: bool = False, passphrase: str | None = None) -> ExportSummary:
    """Write what changed since the last export (``everything``: every record) to ``path``, each record with the
    hashes of its earlier versions; then nothing is pending any more. With ``passphrase`` the file is encrypted
    (makelaar.services.sealed); without, it is plain JSON (gzipped when the name ends in ``.gz``)."""
    if passphrase is not None:
        sealed.check_passphrase(passphrase)  # before anything is marked as sent
    s.flush()
    conn = s.connection()
    since_text = get_setting(s, LAST_EXPORT)
    since = datetime.fromisoformat(since_text) if since_text else None
    out_records: list[dict[str, Any]] = []
    sent = 0
    # Only what is pending or was touched is read (with its exchange state), not the whole store: after the first
    # export every record has a row in exchange_records.
    pending = _pending_ids(conn) if since is not None and not everything else {}
    for spec in SPECS:
        always = everything or spec.table in _VOCAB_TABLES
        # Changed past the listener (Core statements: the CSV import, the benchmark generator): found by updated_at
        # since the last export, or all of them on a first export.
        touched = _recently_touched(conn, spec, since) if since is not None else None
        if always or touched is None:
            wanted: set[str] | None = None
            state = _state(conn, spec.table)
        else:
            wanted = pending.get(spec.table, set()) | touched
            state = _state(conn, spec.table, wanted) if wanted else {}
        contents = read_contents(conn, spec, wanted) if wanted is None or wanted else {}
        settle: list[dict[str, Any]] = []
        untracked: list[dict[str, Any]] = []
        for record_id in sorted(contents):
            data = contents[record_id]
            current = content_hash(data)
            row = state.get(record_id)
            history = row[0] if row is not None else []
            moved = not history or history[-1] != current
            if row is not None:
                fresh = moved and (row[2] or touched is None or record_id in touched)
                if fresh or row[2]:
                    settle.append({"k_id": record_id, "history": join_history(history, [current]), "pending": False})
            else:
                fresh = touched is None or record_id in touched
                if fresh:
                    untracked.append(
                        {"record_table": spec.table, "record_id": record_id, "history": current, "pending": False}
                    )
            if fresh or always:
                out_records.append(
                    {"table": spec.table, "id": record_id, "hash": current, "history": history, "data": data}
                )
                # Terms and areas always go along (other records point at them); they count when they changed.
                sent += int(fresh and (spec.table not in _VOCAB_TABLES or (row is not None and row[2])))
        if settle:
            # The exported version joins the history: a later change made past the listener still shows as a
            # change of that version.
            conn.execute(
                update(_REC)
                .where(_REC.c.record_table == spec.table, _REC.c.record_id == bindparam("k_id"))
                .values(history=bindparam("history"), pending=bindparam("pending")),
                settle,
            )
        if untracked:
            conn.execute(insert(_REC), untracked)
    tomb_stmt = select(_TOMB.c.record_table, _TOMB.c.record_id, _TOMB.c.history, _TOMB.c.deleted_at)
    if not everything:
        tomb_stmt = tomb_stmt.where(_TOMB.c.pending.is_(True))
    deletions = [
        {"table": t, "id": i, "history": split_history(h), "deleted_at": d.isoformat() if d else None}
        for t, i, h, d in conn.execute(tomb_stmt.order_by(_TOMB.c.record_table, _TOMB.c.record_id))
    ]
    now = utcnow()
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema": _revisions()[0],
        "program": __version__,
        "store_id": store_id(s),
        "store_name": municipality_name(s),
        "exported_at": now.isoformat(),
        "records": out_records,
        "deletions": deletions,
    }
    _write(path, payload, passphrase)
    people = sum(1 for r in out_records if r["table"] == "initiators")
    if people:
        # The audit log says that residents' data left the program, and how much; not whose or what.
        how = "versleuteld" if passphrase is not None else "onversleuteld"
        audit.record(
            s, audit.FILE_EXPORTED, "initiators", "-", detail=f"{people} initiatiefnemer(s), uitwisselbestand, {how}"
        )
    conn.execute(update(_TOMB).where(_TOMB.c.pending.is_(True)).values(pending=False))
    set_setting(s, LAST_EXPORT, now.isoformat())
    return ExportSummary(path=path, records=sent, deletions=len(deletions))


def _upsert(conn: Connection, table: str, rows: Mapping[str, dict[str, Any]], *, create: bool = True) -> None:
    """Set exchange state of records: existing rows are updated in the given columns, missing ones made."""
    if not rows:
        return
    known = _state(conn, table, list(rows))
    fresh = [
        {"record_table": table, "record_id": i, "history": "", "seen_hash": None, "pending": False, **values}
        for i, values in rows.items()
        if i not in known
    ]
    if fresh and create:
        conn.execute(insert(_REC), fresh)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for record_id, values in rows.items():
        if record_id in known and values:
            by_columns[tuple(sorted(values))].append({"k_id": record_id, **{f"v_{k}": v for k, v in values.items()}})
    for columns, params in by_columns.items():
        conn.execute(
            update(_REC)
            .where(_REC.c.record_table == table, _REC.c.record_id == bindparam("k_id"))
            .values({c: bindparam(f"v_{c}") for c in columns}),
            params,
        )
