"""What importing an exchange file would do: added, updated, deleted, unchanged, conflicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from makelaar.domain.formatting import format_date, format_datetime, format_euro
from makelaar.domain.vocabulary import normalise
from makelaar.services import audit
from makelaar.services.exchange.format import (
    _CHILDREN,
    _TOMB,
    FIELD_LABELS,
    TABLE_LABELS,
    Conflict,
    ConflictKind,
    ExchangeFile,
    FieldDiff,
    Incoming,
    IncomingDeletion,
    Plan,
)
from makelaar.services.exchange.writing import (
    _VOCAB_TABLES,
    _state,
)
from makelaar.storage.tracking import (
    BY_TABLE,
    SPECS,
    Spec,
    among,
    content_hash,
    read_contents,
    split_history,
)

# --- planning --------------------------------------------------------------------------------------------------------


@dataclass
class _Action:
    kind: str  # add | resurrect | update | delete | keep | unchanged | conflict | written | skipped
    table: str
    id: str
    incoming: Incoming | None = None
    deletion: IncomingDeletion | None = None
    local_hash: str | None = None
    history: list[str] = field(default_factory=list)  # the local record's (or its tombstone's)
    conflict: Conflict | None = None
    values: list[str] = field(default_factory=list)  # anonymise: the local personal data that goes (for its copies)
    reference: str = ""  # anonymise, refuse: the local reference, for the audit log


@dataclass
class _Work:
    plan: Plan
    actions: list[_Action]
    rekey: dict[str, dict[str, str]]  # table -> local id -> incoming id
    names: dict[str, str]  # term/area id -> name, for showing conflicts


def plan_import(s: Session, data: ExchangeFile) -> Plan:
    """What importing ``data`` would do; changes nothing."""
    return _plan(s, data).plan


def _kept_marker(deleted_history: list[str]) -> str:
    """Put in a record's history when it is kept against a deletion elsewhere: the deleting store, seeing it,
    brings the record back instead of asking again."""
    return "-" + (deleted_history[-1] if deleted_history else "")


def _restore_marker(version: str) -> str:
    """Put in a record's history when it is sent to bring it back where it was deleted (the children of a record
    kept against a deletion, or of one a store took back): that store re-adds it instead of keeping it deleted."""
    return "+" + version


def _translate(spec: Spec, content: dict[str, Any], rekey: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    out = dict(content)
    for col, target in spec.refs.items():
        mapping = rekey.get(target)
        if mapping and out.get(col) in mapping:
            out[col] = mapping[out[col]]
    for link in spec.links:
        mapping = rekey.get(link.target)
        if mapping:
            out[link.name] = sorted(mapping.get(v, v) for v in out.get(link.name, []))
    return out


def _match_rekeys(
    conn: Connection, data: ExchangeFile, local: dict[str, dict[str, dict[str, Any]]], rekey: dict[str, dict[str, str]]
) -> None:
    """Local terms, areas and koppelingen that are the incoming ones under another UUID."""
    incoming_ids = {r.id for r in data.records}
    for table, key_of in (
        ("vocabulary_terms", _term_keys),
        ("areas", lambda d: [normalise(str(d.get("name") or ""))]),
    ):
        mine = local[table]
        index: dict[str, str] = {}
        for local_id, content in mine.items():
            if local_id in incoming_ids:
                continue
            for k in key_of(content):
                index.setdefault(k, local_id)
        taken: set[str] = set()
        for r in data.records:
            if r.table != table or r.id in mine:
                continue
            for k in key_of(r.data):
                found = index.get(k)
                if found and found not in taken:
                    rekey[table][found] = r.id
                    taken.add(found)
                    break
    unknown = [r for r in data.records if r.table == "matches" and r.id not in local["matches"]]
    if not unknown:
        return
    mt = BY_TABLE["matches"].core
    idea_ids = sorted({str(r.data.get("idea_id")) for r in unknown})
    by_triple: dict[tuple[Any, Any, Any], str] = {}
    for i in range(0, len(idea_ids), 500):
        rows = conn.execute(
            select(mt.c.id, mt.c.idea_id, mt.c.organisation_id, mt.c.need_id).where(
                mt.c.idea_id.in_(idea_ids[i : i + 500])
            )
        )
        for match_id, idea_id, org_id, need_id in rows:
            if match_id not in incoming_ids:
                by_triple[(idea_id, org_id, rekey["vocabulary_terms"].get(need_id, need_id))] = match_id
    for r in unknown:
        found = by_triple.pop((r.data.get("idea_id"), r.data.get("organisation_id"), r.data.get("need_id")), None)
        if found:
            rekey["matches"][found] = r.id


def _term_keys(content: Mapping[str, Any]) -> list[str]:
    vocab = str(content.get("vocabulary") or "")
    keys = []
    if content.get("key"):
        keys.append(f"{vocab}|key|{normalise(str(content['key']))}")
    keys.append(f"{vocab}|name|{normalise(str(content.get('name') or ''))}")
    return keys


def _plan(s: Session, data: ExchangeFile) -> _Work:
    s.flush()
    conn = s.connection()
    plan = Plan(source=data.store_name, exported_at=data.exported_at)
    rekey: dict[str, dict[str, str]] = {"vocabulary_terms": {}, "areas": {}, "matches": {}}
    by_table: dict[str, list[Incoming]] = defaultdict(list)
    for r in data.records:
        by_table[r.table].append(r)
    local: dict[str, dict[str, dict[str, Any]]] = {
        "vocabulary_terms": read_contents(conn, BY_TABLE["vocabulary_terms"]),
        "areas": read_contents(conn, BY_TABLE["areas"]),
        "matches": read_contents(conn, BY_TABLE["matches"], [r.id for r in by_table["matches"]]),
    }
    _match_rekeys(conn, data, local, rekey)
    names = {i: str(c.get("name")) for t in _VOCAB_TABLES for i, c in local[t].items()}
    names.update({rekey[t].get(i, i): str(c.get("name")) for t in _VOCAB_TABLES for i, c in local[t].items()})
    names.update({r.id: str(r.data.get("name")) for r in data.records if r.table in _VOCAB_TABLES})

    contents: dict[str, dict[str, dict[str, Any]]] = {}
    states: dict[str, dict[str, tuple[list[str], str | None, bool]]] = {}
    tombs: dict[str, dict[str, list[str]]] = {}
    backs: dict[str, dict[str, str]] = {}
    for spec in SPECS:
        incoming = by_table.get(spec.table, [])
        back = {new: old for old, new in rekey.get(spec.table, {}).items()}
        wanted = {back.get(r.id, r.id) for r in incoming}
        backs[spec.table] = back
        contents[spec.table] = read_contents(conn, spec, wanted) if wanted else {}
        states[spec.table] = _state(conn, spec.table, wanted) if wanted else {}
        tombs[spec.table] = _tombstones(conn, spec.table, [r.id for r in incoming]) if incoming else {}
    revived = _revived(by_table, contents, tombs)
    listed = _forgotten(s)
    # Parents deleted here: a record under one that the database would have deleted with it stays deleted.
    cascaded = _deleted_parents(conn, by_table, contents, backs)
    arriving: set[str] = set()

    actions: list[_Action] = []
    for spec in SPECS:
        for r in by_table.get(spec.table, []):
            own_id = backs[spec.table].get(r.id, r.id)
            content = contents[spec.table].get(own_id)
            if spec.table == "initiators":
                if r.data.get("anonymised_at"):
                    r = _anonymous(r)  # an anonymised person carries no personal data, whatever the file says
                one_way = _one_way(plan, spec, r, content, listed, states[spec.table].get(own_id))
                if one_way is not None:
                    actions.append(one_way)
                    continue
            theirs = r.version
            if content is None:
                gone_with = [
                    r.data[c]
                    for c in spec.cascades
                    if r.data.get(c) in cascaded.get(spec.refs[c], set()) and r.data.get(c) not in arriving
                ]
                if gone_with and r.id not in tombs[spec.table]:
                    plan.unchanged += 1
                    actions.append(_Action("keep", spec.table, r.id, r))
                    continue
                action = _missing(plan, spec, r, theirs, tombs[spec.table], revived, names)
                if action.kind in ("add", "resurrect", "conflict"):
                    arriving.add(r.id)
                actions.append(action)
                continue
            mine = content_hash(_translate(spec, content, rekey))
            history, seen, _pending = states[spec.table].get(own_id, ([], None, False))
            if mine == theirs:
                kind = "unchanged"
                if _restore_marker(mine) in r.history and _restore_marker(mine) not in history:
                    kind = "resend"  # they took this record back after deleting it: send what hangs under it
            elif mine in r.history:
                kind = "update"  # only they changed it since the version this store has
            elif theirs in history or theirs == seen:
                kind = "keep"  # this store's version is newer than theirs
            else:
                kind = "conflict"
            action = _Action(kind, spec.table, r.id, r, local_hash=mine, history=history)
            if kind == "conflict":
                action.conflict = _conflict(spec, r, content, rekey, ConflictKind.BOTH_CHANGED, names)
                plan.conflicts.append(action.conflict)
            elif kind == "update":
                plan.updated[spec.table] += 1
            else:
                plan.unchanged += 1
            actions.append(action)
    _plan_deletions(conn, data, plan, actions, rekey, names)
    _name_matches(conn, plan, data)
    gone = sum(1 for a in actions if a.kind == "anonymise")
    if gone:
        # Said before anything is applied (the dialog and --dry-run show it): this cannot be undone, not even with
        # the backup taken before the exchange, because the forgotten list is applied again after a restore.
        who, verb = ("initiatiefnemer is", "wordt") if gone == 1 else ("initiatiefnemers zijn", "worden")
        plan.notes.append(
            f"{gone} {who} in de andere database vergeten of geanonimiseerd en {verb} hier ook geanonimiseerd; dat "
            "kan niet ongedaan worden gemaakt."
        )
    return _Work(plan, actions, rekey, names)


# --- the one-way rule for forgotten persons -------------------------------------------------------------

_PERSONAL = ("email", "phone", "address", "postcode")


def _forgotten(s: Session) -> set[str]:
    """The persons this store keeps forgotten: those on its forgotten list (the store's anonymised persons are
    recognised by their record)."""
    from makelaar.services import privacy

    return privacy.forgotten_ids(s)


def _anonymous(r: Incoming) -> Incoming:
    data = {**r.data, "name": _ANONYMOUS_NAME, **dict.fromkeys(_PERSONAL)}
    return replace(r, data=data, history=[])


def _has_personal_data(data: Mapping[str, Any]) -> bool:
    return data.get("name") not in (None, "", _ANONYMOUS_NAME) or any(data.get(k) for k in _PERSONAL)


def _one_way(
    plan: Plan,
    spec: Spec,
    r: Incoming,
    content: dict[str, Any] | None,
    listed: set[str],
    state: tuple[list[str], str | None, bool] | None,
) -> _Action | None:
    """Anonymisation goes one way: a person forgotten or anonymised here never takes a name or contact data from a
    file (the attempt is logged), and a person the other store anonymised is anonymised here, whatever was changed
    here meanwhile (no conflict, no choice). None: the ordinary rules apply."""
    title = _title(spec, r.data)
    here_anonymous = content is not None and content.get("anonymised_at") is not None
    if content is None:
        if r.id not in listed:
            return None
        plan.skipped.append(f"{title}: is in deze database vergeten; niet opnieuw toegevoegd.")
        kind = "refuse" if _has_personal_data(r.data) else "skipped"
        return _Action(kind, spec.table, r.id, r, reference=str(r.data.get("reference") or ""))
    reference = str(content.get("reference") or "")
    if here_anonymous or r.id in listed:
        if not _has_personal_data(r.data):
            plan.unchanged += 1
            return _Action("unchanged-anonymous", spec.table, r.id, r)
        plan.notes.append(
            f"{title}: is in deze database vergeten of geanonimiseerd; naam en contactgegevens uit het bestand zijn "
            "niet overgenomen."
        )
        return _Action("refuse", spec.table, r.id, r, reference=reference)
    if not r.data.get("anonymised_at"):
        return None
    plan.updated[spec.table] += 1
    values = [str(content.get(k)) for k in ("name", "email", "phone", "address") if content.get(k)]
    return _Action(
        "anonymise",
        spec.table,
        r.id,
        r,
        local_hash=content_hash(content),
        history=state[0] if state else [],
        values=values,
        reference=reference,
    )


def _after_one_way(s: Session, work: _Work, forced: list[_Action]) -> None:
    """The audit log and the copies of the one-way rule, after the records were written."""
    from makelaar.services import privacy

    source = work.plan.source
    for a in work.actions:
        if a.kind == "refuse":
            audit.record(s, audit.REFUSED, "initiators", a.id, a.reference, detail=f"uitwisseling met {source}"[:200])
    done = [a for a in forced if a.kind == "written"]
    for a in done:
        audit.record(
            s, audit.ANONYMISED, "initiators", a.id, a.reference, detail=f"via uitwisseling met {source}"[:200]
        )
    privacy.erase_copies(s, [a.id for a in done], [v for a in done for v in a.values])
    privacy.reapply_forgotten(s, why=f"na uitwisseling met {source}"[:200])


_ANONYMOUS_NAME = "(geanonimiseerd)"


def _name_matches(conn: Connection, plan: Plan, data: ExchangeFile) -> None:
    """A koppeling in conflict is shown as idea – organisation."""
    wanted = [c.record_id for c in plan.conflicts if c.table == "matches"]
    if not wanted:
        return
    incoming = {(r.table, r.id): r.data for r in data.records}
    local = read_contents(conn, BY_TABLE["matches"], wanted)

    def name(table: str, column: str, record_id: Any) -> str:
        core = BY_TABLE[table].core
        here = conn.scalar(select(core.c[column]).where(core.c.id == record_id)) if record_id else None
        there = incoming.get((table, str(record_id)), {}).get(column)
        return str(here or there or "?")

    for i, c in enumerate(plan.conflicts):
        if c.table == "matches":
            d = incoming.get(("matches", c.record_id)) or local.get(c.record_id) or {}
            idea, org = (
                name("ideas", "title", d.get("idea_id")),
                name("organisations", "name", d.get("organisation_id")),
            )
            plan.conflicts[i] = replace(c, title=f"Koppeling {idea} – {org}")


def _deleted_parents(
    conn: Connection,
    by_table: Mapping[str, list[Incoming]],
    contents: Mapping[str, Mapping[str, Any]],
    backs: Mapping[str, Mapping[str, str]],
) -> dict[str, set[str]]:
    """Per table, the ids that incoming records hang under (ON DELETE CASCADE) and that were deleted here."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for spec in SPECS:
        for r in by_table.get(spec.table, []):
            if backs[spec.table].get(r.id, r.id) in contents[spec.table]:
                continue
            for col in spec.cascades:
                if r.data.get(col):
                    wanted[spec.refs[col]].add(str(r.data[col]))
    return {table: set(_tombstones(conn, table, ids)) for table, ids in wanted.items()}


def _revived(
    by_table: Mapping[str, list[Incoming]],
    contents: Mapping[str, Mapping[str, Any]],
    tombs: Mapping[str, Mapping[str, list[str]]],
) -> set[str]:
    """Records deleted here that the other store kept against that deletion, with what hangs under them."""
    revived = {
        r.id
        for table, records in by_table.items()
        for r in records
        if r.id not in contents[table] and r.id in tombs[table] and _kept_marker(tombs[table][r.id]) in r.history
    }
    for r in by_table.get("ideas", []):
        if r.id in revived:
            revived.update(r.data.get("initiators", []))
    for spec in SPECS:
        for r in by_table.get(spec.table, []):
            if r.id in tombs[spec.table] and any(r.data.get(col) in revived for col in spec.refs):
                revived.add(r.id)
    return revived


def _tombstones(conn: Connection, table: str, ids: Collection[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    items = sorted(ids)
    for i in range(0, len(items), 500):
        rows = conn.execute(
            select(_TOMB.c.record_id, _TOMB.c.history).where(
                _TOMB.c.record_table == table, among(_TOMB.c.record_id, items[i : i + 500])
            )
        )
        out.update({a: split_history(b) for a, b in rows})
    return out


def _missing(
    plan: Plan,
    spec: Spec,
    r: Incoming,
    theirs: str,
    tombs: Mapping[str, list[str]],
    revived: set[str],
    names: Mapping[str, str],
) -> _Action:
    if r.id not in tombs:
        plan.added[spec.table] += 1
        return _Action("add", spec.table, r.id, r)
    if r.id in revived or _restore_marker(theirs) in r.history:
        plan.added[spec.table] += 1
        return _Action("resurrect", spec.table, r.id, r, history=tombs[r.id])
    if theirs in tombs[r.id]:
        plan.unchanged += 1  # deleted here, not changed there since: the deletion goes to them
        return _Action("keep", spec.table, r.id, r)
    conflict = _conflict(spec, r, None, {}, ConflictKind.DELETED_HERE, names)
    plan.conflicts.append(conflict)
    return _Action("conflict", spec.table, r.id, r, history=tombs[r.id], conflict=conflict)


def _plan_deletions(
    conn: Connection,
    data: ExchangeFile,
    plan: Plan,
    actions: list[_Action],
    rekey: Mapping[str, Mapping[str, str]],
    names: Mapping[str, str],
) -> None:
    by_table: dict[str, list[IncomingDeletion]] = defaultdict(list)
    for d in data.deletions:
        by_table[d.table].append(d)
    moved = {(r.table, r.id) for r in data.records}
    for spec in reversed(SPECS):
        gone = by_table.get(spec.table, [])
        if not gone:
            continue
        ids = [d.id for d in gone]
        contents = read_contents(conn, spec, ids)
        state = _state(conn, spec.table, ids)
        for d in gone:
            content = contents.get(d.id)
            if content is None or (spec.table, d.id) in moved:
                plan.unchanged += 1
                continue
            mine = content_hash(_translate(spec, content, rekey))
            history = state.get(d.id, ([], None, False))[0]
            if mine in d.history and not _children_changed(conn, spec.table, d.id, moved, rekey):
                plan.deleted[spec.table] += 1
                actions.append(_Action("delete", spec.table, d.id, deletion=d, local_hash=mine, history=history))
            elif _kept_marker(d.history) in history:
                plan.unchanged += 1  # kept against this very deletion before
            else:
                conflict = _conflict(spec, None, content, rekey, ConflictKind.DELETED_THERE, names, record_id=d.id)
                plan.conflicts.append(conflict)
                actions.append(
                    _Action(
                        "conflict",
                        spec.table,
                        d.id,
                        deletion=d,
                        local_hash=mine,
                        history=history,
                        conflict=conflict,
                    )
                )


def _children(conn: Connection, table: str, record_id: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for child, column in _CHILDREN.get(table, ()):
        core = BY_TABLE[child].core
        out.extend((child, i) for i in conn.scalars(select(core.c.id).where(core.c[column] == record_id)))
    if table == "ideas":
        link = BY_TABLE["ideas"].links[2]
        people = list(conn.scalars(select(link.table.c[link.other]).where(link.table.c[link.own] == record_id)))
        out.extend(("initiators", p) for p in people)
        for p in people:
            out.extend(_children(conn, "initiators", p))
    return out


def _children_changed(
    conn: Connection,
    table: str,
    record_id: str,
    moved: Collection[tuple[str, str]],
    rekey: Mapping[str, Mapping[str, str]],
) -> bool:
    """Whether something under the record changed here since the last exchange (it would go with the cascade)."""
    by_table: dict[str, list[str]] = defaultdict(list)
    for child, child_id in _children(conn, table, record_id):
        if (child, child_id) not in moved:
            by_table[child].append(child_id)
    for child, ids in by_table.items():
        state = _state(conn, child, ids)
        pending = [i for i in ids if i in state and state[i][2]]
        if not pending:
            continue
        spec = BY_TABLE[child]
        found = read_contents(conn, spec, pending)
        for i in pending:
            if i in found and content_hash(_translate(spec, found[i], rekey)) != state[i][1]:
                return True
    return False


def _show(spec: Spec, name: str, value: Any, names: Mapping[str, str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(names.get(v, "(onbekend)") for v in value) if name != "initiators" else f"{len(value)}"
    if name in spec.refs and spec.refs[name] in ("vocabulary_terms", "areas"):
        return names.get(str(value), "(onbekend)")
    if name in spec.refs:
        return "(gekoppeld record)"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    kind = spec.types.get(name)
    try:
        if kind is datetime:
            return format_datetime(datetime.fromisoformat(value))
        if kind is date:
            return format_date(date.fromisoformat(value))
        if kind is Decimal:
            return format_euro(Decimal(value))
    except (ValueError, ArithmeticError):
        pass  # shown as it is in the file
    return str(value)


def _title(spec: Spec, content: Mapping[str, Any]) -> str:
    label = TABLE_LABELS[spec.table].capitalize()
    parts = [str(content[k]) for k in ("reference", "title", "name") if content.get(k) and k in spec.columns]
    if spec.table == "initiators":
        parts = [str(content.get("reference") or "")]
    if spec.table == "activities":
        parts = [str(content.get("text") or "")[:60]]
    if spec.table == "matches":
        parts = [str(content.get("status") or "")]
    return f"{label} {' '.join(parts)}".strip()


def _conflict(
    spec: Spec,
    r: Incoming | None,
    local: dict[str, Any] | None,
    rekey: Mapping[str, Mapping[str, str]],
    kind: ConflictKind,
    names: Mapping[str, str],
    *,
    record_id: str | None = None,
) -> Conflict:
    mine = _translate(spec, local, rekey) if local is not None else None
    theirs = r.data if r is not None else None
    fields: list[FieldDiff] = []
    shown = [c for c in spec.columns if c not in ("created_at", "updated_at", "reference")]
    shown += [link.name for link in spec.links]
    for name in shown:
        a = mine.get(name) if mine is not None else None
        b = theirs.get(name) if theirs is not None else None
        if mine is not None and theirs is not None and a == b:
            continue
        if (mine is None or theirs is None) and a in (None, "", []) and b in (None, "", []):
            continue  # one side deleted: show what the other holds
        fields.append(
            FieldDiff(
                field=FIELD_LABELS.get(name, name),
                mine=_show(spec, name, a, names) if mine is not None else "(verwijderd)",
                theirs=_show(spec, name, b, names) if theirs is not None else "(verwijderd)",
            )
        )
        if (mine is None or theirs is None) and len(fields) >= 6:
            break
    rid = record_id or (r.id if r is not None else "")
    title = _title(spec, theirs if theirs is not None else (local or {}))
    return Conflict(f"{spec.table}:{rid}", spec.table, rid, kind, title, tuple(fields))
