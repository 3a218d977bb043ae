"""Applying a planned exchange import in the caller's transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from makelaar.domain.enums import ActivityKind
from makelaar.domain.errors import KnownError
from makelaar.services.common import next_reference
from makelaar.services.exchange.format import (
    _REC,
    _TOMB,
    EXCHANGE_AUTHOR,
    LAST_IMPORT,
    Choice,
    ConflictKind,
    ExchangeFile,
    Plan,
    store_id,
)
from makelaar.services.exchange.planning import (
    _Action,
    _after_one_way,
    _children,
    _kept_marker,
    _plan,
    _restore_marker,
    _title,
    _Work,
)
from makelaar.services.exchange.writing import (
    _state,
    _upsert,
)
from makelaar.services.vocabulary import set_setting
from makelaar.storage.base import new_id, utcnow
from makelaar.storage.models import Activity, ReferenceCounter
from makelaar.storage.tracking import (
    APPLYING,
    BY_TABLE,
    SPECS,
    Spec,
    among,
    content_hash,
    join_history,
    read_contents,
    referencing_columns,
    split_history,
    typed,
)

# --- applying --------------------------------------------------------------------------------------------------------


def apply_import(
    s: Session,
    data: ExchangeFile,
    choices: Mapping[str, Choice] | None = None,
    keep: Choice | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Plan:
    """Apply ``data`` in the caller's transaction. Each conflict needs a choice (``choices`` by Conflict.key, or
    ``keep`` for all); without one nothing is applied and a KnownError says so."""
    work = _plan(s, data)
    picks: dict[str, Choice] = {}
    for c in work.plan.conflicts:
        pick = (choices or {}).get(c.key) or keep
        if pick is None:
            raise KnownError(
                f"Er is bij {len(work.plan.conflicts)} records een conflict; kies per record of jouw versie of die van "
                "de andere database blijft. Er is niets ingelezen."
            )
        picks[c.key] = Choice(pick)
    forced = [a for a in work.actions if a.kind == "anonymise"]
    s.info[APPLYING] = True
    try:
        _apply(s, work, picks, progress)
        s.flush()
    finally:
        s.info.pop(APPLYING, None)
    _after_one_way(s, work, forced)
    store_id(s)
    set_setting(s, LAST_IMPORT, utcnow().isoformat())
    return work.plan


def _rekey(conn: Connection, table: str, old: str, new: str) -> None:
    """Give a local record the incoming UUID; every reference follows. Link rows are taken out and put back, other
    references are cleared and restored around the key change, so no foreign key is broken at any moment."""
    link_rows: list[tuple[Table, list[dict[str, Any]]]] = []
    cleared: list[tuple[Table, str, list[str]]] = []
    for col in referencing_columns(table):
        t = col.table
        if col.primary_key:
            rows = [{**dict(r._mapping), col.name: new} for r in conn.execute(select(t).where(col == old))]
            conn.execute(delete(t).where(col == old))
            if rows:
                link_rows.append((t, rows))
        else:
            ids = list(conn.scalars(select(t.c.id).where(col == old)))
            if ids:
                conn.execute(update(t).where(col == old).values({col.name: None}))
                cleared.append((t, col.name, [new if i == old else i for i in ids]))
    core = BY_TABLE[table].core
    conn.execute(update(core).where(core.c.id == old).values(id=new))
    for t, rows in link_rows:
        conn.execute(insert(t), rows)
    for t, column, ids in cleared:
        conn.execute(update(t).where(t.c.id.in_(ids)).values({column: new}))
    for st in (_REC, _TOMB):
        conn.execute(delete(st).where(st.c.record_table == table, st.c.record_id == new))
        conn.execute(update(st).where(st.c.record_table == table, st.c.record_id == old).values(record_id=new))


def _values(spec: Spec, content: Mapping[str, Any]) -> dict[str, Any]:
    return {c: typed(spec.types[c], content.get(c)) for c in spec.columns}


def _apply(s: Session, work: _Work, picks: Mapping[str, Choice], progress: Callable[[int, int], None] | None) -> None:
    conn = s.connection()
    for table, mapping in work.rekey.items():
        for old, new in mapping.items():
            _rekey(conn, table, old, new)
    s.expire_all()
    plan = work.plan
    states: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # table -> id -> exchange state to set
    known_only: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # the same, only where a row exists
    tombs: dict[tuple[str, str], str | None] = {}  # tombstones to write (history) or drop (None)
    total, done = len(work.actions), 0
    by_table: dict[str, list[_Action]] = defaultdict(list)
    for a in work.actions:
        by_table[a.table].append(a)
    for spec in SPECS:
        todo = by_table.get(spec.table, [])
        writes: list[tuple[_Action, bool]] = []  # (action, is new here)
        for a in todo:
            r = a.incoming
            if r is None:
                continue
            pick = picks.get(a.conflict.key) if a.conflict else None
            deleted_here = a.conflict is not None and a.conflict.kind is ConflictKind.DELETED_HERE
            theirs = r.version
            if a.kind in ("add", "resurrect") or (deleted_here and pick is Choice.THEIRS):
                writes.append((a, True))
            elif a.kind in ("update", "anonymise") or pick is Choice.THEIRS:
                writes.append((a, False))
            elif a.kind == "refuse":
                if a.reference and not (a.conflict or a.deletion) and _exists(conn, spec.table, r.id):
                    # Stays anonymous here, and goes back so the other store anonymises it too.
                    states[spec.table][r.id] = {"history": "", "seen_hash": None, "pending": True}
            elif deleted_here and pick is Choice.MINE:
                # Stays deleted; the deletion goes back with a history that holds their version.
                tombs[(spec.table, r.id)] = join_history(a.history, r.history, [theirs])
            elif pick is Choice.MINE:
                # Stays as it is here and goes to them with their version in its history: they take it.
                hist = join_history(a.history, r.history, [theirs])
                states[spec.table][r.id] = {"history": hist, "seen_hash": theirs, "pending": True}
            elif a.kind == "unchanged":
                known_only[spec.table][r.id] = {"history": join_history(a.history, r.history), "seen_hash": theirs}
            elif a.kind == "resend":
                hist = join_history(a.history, r.history, [_restore_marker(theirs)])
                states[spec.table][r.id] = {"history": hist, "seen_hash": theirs}
                _mark_children(conn, spec.table, r.id, states)
        _write_records(s, spec, writes, plan, states, tombs)
        done += len(todo)
        if progress is not None:
            progress(done, total)
    s.flush()
    # Deletions last, children before parents: moved koppelingen are already under the surviving organisation.
    for spec in reversed(SPECS):
        for a in by_table.get(spec.table, []):
            d = a.deletion
            if d is None:
                continue
            pick = picks.get(a.conflict.key) if a.conflict else None
            if a.kind == "delete" or pick is Choice.THEIRS:
                row = s.get(spec.model, a.id)
                if row is not None:
                    s.delete(row)
                    s.flush()
                tombs[(spec.table, a.id)] = join_history(a.history, d.history, [a.local_hash or ""])
                states[spec.table].pop(a.id, None)
                conn.execute(delete(_REC).where(_REC.c.record_table == spec.table, _REC.c.record_id == a.id))
                if a.kind == "conflict":
                    plan.deleted[spec.table] += 1
            elif pick is Choice.MINE:
                hist = join_history(a.history, [_kept_marker(d.history)])
                states[spec.table][a.id] = {"history": hist, "pending": True}
                _mark_children(conn, spec.table, a.id, states)
    s.flush()
    for table, rows in states.items():
        _upsert(conn, table, rows)
    for table, rows in known_only.items():
        _upsert(conn, table, {i: v for i, v in rows.items() if i not in states.get(table, {})}, create=False)
    now = utcnow()
    for (table, record_id), history in tombs.items():
        conn.execute(delete(_TOMB).where(_TOMB.c.record_table == table, _TOMB.c.record_id == record_id))
        if history is not None:
            conn.execute(
                insert(_TOMB).values(
                    record_table=table, record_id=record_id, deleted_at=now, history=history, pending=True
                )
            )


def _exists(conn: Connection, table: str, record_id: str) -> bool:
    return bool(_existing_ids(conn, table, [record_id]))


def _mark_children(conn: Connection, table: str, record_id: str, states: dict[str, dict[str, dict[str, Any]]]) -> None:
    """Send what hangs under a record with the next export, marked so a store that deleted it re-adds it."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for child, child_id in _children(conn, table, record_id):
        by_table[child].append(child_id)
    for child, ids in by_table.items():
        found = read_contents(conn, BY_TABLE[child], ids)
        state = _state(conn, child, ids)
        for i, content in found.items():
            before = states[child].get(i, {}).get("history")
            history = split_history(before) if before is not None else state.get(i, ([], None, False))[0]
            marker = _restore_marker(content_hash(content))
            states[child].setdefault(i, {}).update({"history": join_history(history, [marker]), "pending": True})


def _existing_ids(conn: Connection, table: str, ids: Iterable[str]) -> set[str]:
    core = BY_TABLE[table].core
    items = sorted(set(ids))
    found: set[str] = set()
    for i in range(0, len(items), 500):
        found.update(conn.scalars(select(core.c.id).where(among(core.c.id, items[i : i + 500]))).all())
    return found


def _write_records(
    s: Session,
    spec: Spec,
    writes: list[tuple[_Action, bool]],
    plan: Plan,
    states: dict[str, dict[str, dict[str, Any]]],
    tombs: dict[tuple[str, str], str | None],
) -> None:
    if not writes:
        return
    s.flush()
    conn = s.connection()
    # Which parents are here: the required ones must be, optional ones and links to missing records are dropped.
    present: dict[str, set[str]] = {}
    for col, target in spec.refs.items():
        present[col] = _existing_ids(
            conn, target, (str(a.incoming.data.get(col)) for a, _n in writes if a.incoming and a.incoming.data.get(col))
        )
    for col, target in spec.refs.items():
        if target == spec.table:
            # A wijk under a wijk that arrives in the same file: parents are added first (below).
            present[col] |= {a.id for a, _n in writes}
            writes = _parents_first(writes, col)
    for link in spec.links:
        present[link.name] = _existing_ids(
            conn, link.target, (v for a, _n in writes if a.incoming for v in a.incoming.data.get(link.name, []))
        )
    unique_names = _unique_names(conn, spec, writes)
    references = _taken_references(conn, spec, writes)
    notes: list[Activity] = []
    existing = sorted(a.id for a, is_new in writes if not is_new)
    loaded: dict[str, Any] = _orm_rows(s, spec, existing) if spec.table in _ORM_UPDATED else _rows(conn, spec, existing)
    updates: list[tuple[dict[str, Any], dict[str, Any]]] = []
    if "reference" in spec.columns:
        # The local counter moves past every incoming reference first, so neither a fresh number for a collision
        # nor the next record made here takes one of them.
        _bump_counters(conn, [str(a.incoming.data.get("reference") or "") for a, new in writes if new and a.incoming])
    with s.no_autoflush:
        _write_rows(s, spec, writes, plan, states, tombs, present, unique_names, references, loaded, updates, notes)
        # As the ORM's flush does: a table's updates before its inserts.
        _update_rows(s, spec, updates)
    s.flush()
    _write_links(conn, spec, writes, present)
    if notes:
        s.add_all(notes)
        for n in notes:
            states["activities"][n.id] = {"history": "", "pending": True}


# Updated through the ORM, not with Core statements: the audit log's listener sees changed initiators in the session;
# terms and areas are few, and areas point at areas (the ORM orders those).
_ORM_UPDATED = frozenset({"initiators", "vocabulary_terms", "areas"})


def _orm_rows(s: Session, spec: Spec, ids: list[str]) -> dict[str, Any]:
    loaded: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        loaded.update({row.id: row for row in s.scalars(select(spec.model).where(spec.model.id.in_(ids[i : i + 500])))})
    return loaded


def _rows(conn: Connection, spec: Spec, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The stored column values of records (typed as the ORM holds them), with their version where it counts."""
    core = spec.core
    versioned = spec.model.__mapper__.version_id_col is not None
    cols = [core.c.id, *(core.c[c] for c in spec.columns), *([core.c.version] if versioned else [])]
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        for row in conn.execute(select(*cols).where(among(core.c.id, ids[i : i + 500]))).all():
            out[row[0]] = dict(row._mapping)
    return out


def _update_rows(s: Session, spec: Spec, updates: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Write changed column values with one executemany per set of columns; what the ORM's flush would write, in
    fewer statements: the changed columns, ``updated_at`` set by its onupdate where it did not come along, and the
    version counter moved on (a row whose version changed meanwhile is a StaleDataError, as in the ORM)."""
    if not updates:
        return
    core = spec.core
    versioned = spec.model.__mapper__.version_id_col is not None
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for current, changed in updates:
        params = {"k_id": current["id"], **{f"v_{c}": v for c, v in changed.items()}}
        if versioned:
            params["k_version"] = current["version"]
            params["v_version"] = current["version"] + 1
        groups[tuple(sorted(changed))].append(params)
    conn = s.connection()
    for columns, rows in groups.items():
        stmt = update(core).where(core.c.id == bindparam("k_id"))
        values: dict[str, Any] = {c: bindparam(f"v_{c}") for c in columns}
        if versioned:
            stmt = stmt.where(core.c.version == bindparam("k_version"))
            values["version"] = bindparam("v_version")
        result = conn.execute(stmt.values(values), rows)
        if versioned and result.rowcount != len(rows):
            raise StaleDataError(
                f"UPDATE statement on table '{spec.table}' expected to update {len(rows)} row(s); "
                f"{result.rowcount} were matched."
            )
    for current, _changed in updates:
        # Objects of these records that this session holds read their new values when next used.
        obj = s.identity_map.get(identity_key(spec.model, current["id"]))
        if obj is not None:
            s.expire(obj)


def _parents_first(writes: list[tuple[_Action, bool]], column: str) -> list[tuple[_Action, bool]]:
    """Order records that point at each other (areas in areas) so a parent is written before its children."""
    pending = {a.id: (a, n) for a, n in writes}
    ordered: list[tuple[_Action, bool]] = []
    while pending:
        ready = [
            i for i, (a, _n) in pending.items() if a.incoming is None or a.incoming.data.get(column) not in pending
        ]
        if not ready:  # a cycle: the database refuses it anyway, keep the file's order
            ready = list(pending)
        for i in ready:
            ordered.append(pending.pop(i))
    return ordered


def _write_rows(
    s: Session,
    spec: Spec,
    writes: list[tuple[_Action, bool]],
    plan: Plan,
    states: dict[str, dict[str, dict[str, Any]]],
    tombs: dict[tuple[str, str], str | None],
    present: Mapping[str, set[str]],
    unique_names: Mapping[str, str],
    references: set[str],
    loaded: Mapping[str, Any],
    updates: list[tuple[dict[str, Any], dict[str, Any]]],
    notes: list[Activity],
) -> None:
    for a, is_new in writes:
        r = a.incoming
        assert r is not None
        title = _title(spec, r.data)
        missing = [c for c in spec.required | spec.cascades if r.data.get(c) and r.data.get(c) not in present[c]]
        missing += [c for c in spec.required if not r.data.get(c)]
        if spec.table == "activities" and not any(r.data.get(c) in present[c] for c in ("idea_id", "organisation_id")):
            missing.append("idea_id")
        if missing:
            plan.skipped.append(f"{title}: hoort bij iets dat in deze database niet (meer) bestaat.")
            _uncount(plan, a, spec.table, is_new)
            continue
        clash = unique_names.get(a.id)
        if clash:
            plan.skipped.append(f"{title}: de naam '{clash}' is hier al in gebruik voor iets anders.")
            _uncount(plan, a, spec.table, is_new)
            continue
        try:
            values = _values(spec, r.data)
        except (ValueError, TypeError, KeyError):
            raise KnownError(
                f"Het uitwisselbestand is beschadigd: {title} heeft een ongeldige waarde. Er is niets ingelezen."
            ) from None
        for col in spec.refs:
            if values[col] is not None and values[col] not in present[col]:
                values[col] = None
        theirs = r.version
        if is_new:
            if "reference" in values and values["reference"] in references:
                old_ref = values["reference"]
                prefix, year = _ref_parts(old_ref)
                values["reference"] = next_reference(s, prefix, year)
                references.add(values["reference"])
                plan.notes.append(
                    f"{title}: nummer {old_ref} was hier al in gebruik; kreeg nummer {values['reference']}."
                )
                if spec.table in ("ideas", "organisations"):
                    what = "dit idee" if spec.table == "ideas" else "deze organisatie"
                    notes.append(
                        Activity(
                            id=new_id(),
                            idea_id=r.id if spec.table == "ideas" else None,
                            organisation_id=r.id if spec.table == "organisations" else None,
                            kind=ActivityKind.NOTE.value,
                            text=f"Nummer {old_ref} was in deze database al in gebruik; {what} kreeg bij de "
                            f"uitwisseling nummer {values['reference']}.",
                            author=EXCHANGE_AUTHOR,
                        )
                    )
            elif "reference" in values:
                references.add(values["reference"])
            row = spec.model(id=r.id, **values)
            s.add(row)
            # New here: it goes on with the next export (to the office's other laptops). Taken back after a
            # deletion here: marked, so the other store sends what hangs under it (deleted here with it).
            taken_back = a.kind == "conflict"
            hist = join_history(r.history, [_restore_marker(theirs)] if taken_back else [])
            states[spec.table][r.id] = {"history": hist, "seen_hash": theirs, "pending": True}
            tombs[(spec.table, r.id)] = None
        else:
            row = loaded.get(r.id)
            if row is None:
                plan.skipped.append(f"{title}: bestaat hier niet meer.")
                _uncount(plan, a, spec.table, is_new)
                continue
            values.pop("reference", None)
            if isinstance(row, dict):
                changed = {col: value for col, value in values.items() if row[col] != value}
                if "updated_at" in row:
                    stamp = values.get("updated_at") or utcnow()
                    changed.pop("updated_at", None)
                    if stamp != row["updated_at"]:
                        changed["updated_at"] = stamp
                if changed:
                    updates.append((row, changed))
            else:
                for col, value in values.items():
                    if getattr(row, col) != value:
                        setattr(row, col, value)
                if hasattr(row, "updated_at"):
                    row.updated_at = values.get("updated_at") or utcnow()
            hist = join_history(a.history, [a.local_hash or ""], r.history)
            states[spec.table][r.id] = {"history": hist, "seen_hash": theirs, "pending": True}
        if a.kind == "conflict":
            (plan.added if is_new else plan.updated)[spec.table] += 1
        a.kind = "written"


def _write_links(
    conn: Connection, spec: Spec, writes: list[tuple[_Action, bool]], present: Mapping[str, set[str]]
) -> None:
    """Put the link sets (an idea's themes, ...) as they came in, where they differ from what is here."""
    done = [a for a, _n in writes if a.kind == "written" and a.incoming is not None]
    ids = sorted(a.id for a in done)
    for link in spec.links:
        own, other = link.table.c[link.own], link.table.c[link.other]
        have: dict[str, list[str]] = defaultdict(list)
        for i in range(0, len(ids), 500):
            for owner, target in conn.execute(select(own, other).where(among(own, ids[i : i + 500]))).all():
                have[owner].append(target)
        stale: list[str] = []
        rows: list[dict[str, str]] = []
        for a in done:
            assert a.incoming is not None
            wanted = sorted(v for v in a.incoming.data.get(link.name, []) if v in present[link.name])
            if wanted != sorted(have.get(a.id, [])):
                stale.append(a.id)
                rows.extend({link.own: a.id, link.other: v} for v in wanted)
        for i in range(0, len(stale), 500):
            conn.execute(delete(link.table).where(own.in_(stale[i : i + 500])))
        if rows:
            conn.execute(insert(link.table), rows)


def _uncount(plan: Plan, a: _Action, table: str, is_new: bool) -> None:
    if a.kind == "conflict":
        return
    counter = plan.added if is_new else plan.updated
    counter[table] -= 1
    a.kind = "skipped"


def _unique_names(conn: Connection, spec: Spec, writes: list[tuple[_Action, bool]]) -> dict[str, str]:
    """Records whose incoming values are taken here by another record: a term's or area's name, a koppeling's
    idea, organisation and need."""
    out: dict[str, str] = {}
    core = spec.core
    if spec.table in ("vocabulary_terms", "areas"):
        taken: dict[tuple[str, str], str] = {}
        for row in conn.execute(select(core)):
            m = row._mapping
            taken[(str(m.get("vocabulary", "")), m["name"])] = m["id"]
        for a, _n in writes:
            assert a.incoming is not None
            key = (str(a.incoming.data.get("vocabulary", "")), str(a.incoming.data.get("name")))
            owner = taken.get(key)
            if owner is not None and owner != a.id:
                out[a.id] = key[1]
    elif spec.table == "matches":
        idea_ids = sorted({str(a.incoming.data.get("idea_id")) for a, _n in writes if a.incoming})
        triples: dict[tuple[Any, Any, Any], str] = {}
        for i in range(0, len(idea_ids), 500):
            rows = conn.execute(
                select(core.c.id, core.c.idea_id, core.c.organisation_id, core.c.need_id).where(
                    core.c.idea_id.in_(idea_ids[i : i + 500])
                )
            )
            triples.update({(r[1], r[2], r[3]): r[0] for r in rows})
        incoming = {a.id for a, _n in writes}
        for a, _n in writes:
            assert a.incoming is not None
            d = a.incoming.data
            owner = triples.get((d.get("idea_id"), d.get("organisation_id"), d.get("need_id")))
            if owner is not None and owner != a.id and owner not in incoming:
                out[a.id] = "dit idee, deze organisatie en deze behoefte"
    return out


def _taken_references(conn: Connection, spec: Spec, writes: list[tuple[_Action, bool]]) -> set[str]:
    if "reference" not in spec.columns:
        return set()
    core = spec.core
    refs = sorted({str(a.incoming.data.get("reference")) for a, new in writes if new and a.incoming})
    found: set[str] = set()
    for i in range(0, len(refs), 500):
        found.update(conn.scalars(select(core.c.reference).where(core.c.reference.in_(refs[i : i + 500]))).all())
    return found


def _ref_parts(reference: str) -> tuple[str, int | None]:
    parts = reference.split("-")
    year = int(parts[1]) if len(parts) >= 3 and parts[1].isdigit() else None
    return parts[0] or "X", year


def _bump_counters(conn: Connection, references: Iterable[str]) -> None:
    """Move the local counters past incoming references, so the next local record never gets one of them."""
    highest: dict[tuple[str, int], int] = {}
    for reference in references:
        parts = reference.split("-")
        if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
            continue
        key = (parts[0], int(parts[1]))
        highest[key] = max(highest.get(key, 0), int(parts[2]))
    counters = cast(Table, ReferenceCounter.__table__)
    for (prefix, year), number in highest.items():
        where = (counters.c.prefix == prefix, counters.c.year == year)
        last = conn.scalar(select(counters.c.last).where(*where))
        if last is None:
            conn.execute(insert(counters).values(prefix=prefix, year=year, last=number))
        elif last < number:
            conn.execute(update(counters).where(*where).values(last=number))
