"""Change tracking for the exchange between stores: record contents, their hashes, and a session
listener that keeps ``exchange_records`` and ``tombstones`` up to date.

Every ORM flush that adds, changes or deletes an exchanged record (idea, organisation, koppeling, timeline entry,
...) marks it *pending* for the next export and adds the hash of the version it had before (read from the database)
to the record's *history*. Two stores compare histories to tell a one-sided change (my version is an ancestor of
yours) from a conflict, also when one store began as a copy of the other. An ORM delete leaves a tombstone whose
history ends with the deleted version. A record the database deletes by itself (``ON DELETE CASCADE``, e.g. the
koppelingen of a deleted idea) gets no tombstone: the other store's database cascades the same way.

Changes made with Core statements (the bulk inserts of the CSV import and of the benchmark generator) pass the
listener by; the exporter also sends records whose ``updated_at`` is newer than the last export (on a first export:
every record), and ``everything=True`` sends all.

The listener is registered when the first session factory is made (storage.engine.make_session_factory, which every
session of Makelaar comes from), so no session of Makelaar writes untracked.
The exchange itself switches it off while it applies a file (``session.info[APPLYING]``): it writes that state
itself.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    event,
    insert,
    literal_column,
    select,
    union_all,
    update,
)
from sqlalchemy.orm import Session, SessionTransaction, UOWTransaction

from makelaar.storage.base import new_id, utcnow
from makelaar.storage.models import (
    Activity,
    Area,
    Consent,
    Contact,
    ExchangeRecord,
    Idea,
    Initiator,
    IntakeSession,
    Match,
    Organisation,
    Tombstone,
    VocabularyTerm,
    idea_initiators,
    idea_needs,
    idea_themes,
    organisation_areas,
    organisation_offers,
    organisation_themes,
)

REC_TABLE = cast(Table, ExchangeRecord.__table__)
TOMB_TABLE = cast(Table, Tombstone.__table__)

# Session.info key: the exchange is applying a file and keeps the exchange state itself.
APPLYING = "makelaar.exchange.applying"

# Session.info key: the records whose history already has their version from before this transaction.
_DONE = "makelaar.exchange.done"

# Hashes of earlier versions a record remembers (a few years of weekly edits).
HISTORY_MAX = 60

# Columns that travel with a record but are not part of what "changed" means: timestamps move on every save, and a
# reference may differ between stores after a collision (the exchange gives the incoming record a fresh one).
UNHASHED = frozenset({"created_at", "updated_at", "reference"})

_CHUNK = 500


@dataclass(frozen=True)
class Link:
    """A many-to-many set that belongs to a record's content (an idea's themes)."""

    name: str
    table: Table
    own: str
    other: str
    target: str  # the table the other column points at


@dataclass(frozen=True)
class Spec:
    """How one table travels: its payload columns (all but id and version), which of them point at other
    exchanged tables, and its link sets."""

    table: str
    model: type[Any]
    columns: tuple[str, ...]
    refs: Mapping[str, str]
    required: frozenset[str]
    cascades: frozenset[str]  # references whose target's deletion deletes this record (ON DELETE CASCADE)
    links: tuple[Link, ...] = ()
    types: Mapping[str, Any] = field(default_factory=dict)

    @property
    def core(self) -> Table:
        return cast(Table, self.model.__table__)


def _spec(model: type[Any], *links: Link) -> Spec:
    table: Table = model.__table__
    cols: list[str] = []
    refs: dict[str, str] = {}
    required: set[str] = set()
    cascades: set[str] = set()
    types: dict[str, Any] = {}
    for col in table.columns:
        if col.name in ("id", "version"):
            continue
        cols.append(col.name)
        types[col.name] = col.type.python_type
        for fk in col.foreign_keys:
            refs[col.name] = fk.column.table.name
            if not col.nullable:
                required.add(col.name)
            if (fk.ondelete or "").upper() == "CASCADE":
                cascades.add(col.name)
    return Spec(table.name, model, tuple(cols), refs, frozenset(required), frozenset(cascades), links, types)


# Parents before children: the order in which an exchange adds and updates (and deletes in reverse).
SPECS: tuple[Spec, ...] = (
    _spec(VocabularyTerm),
    _spec(Area),
    _spec(IntakeSession),
    _spec(Initiator),
    _spec(Consent),
    _spec(
        Idea,
        Link("themes", idea_themes, "idea_id", "term_id", "vocabulary_terms"),
        Link("needs", idea_needs, "idea_id", "term_id", "vocabulary_terms"),
        Link("initiators", idea_initiators, "idea_id", "initiator_id", "initiators"),
    ),
    _spec(
        Organisation,
        Link("offers", organisation_offers, "organisation_id", "term_id", "vocabulary_terms"),
        Link("themes", organisation_themes, "organisation_id", "term_id", "vocabulary_terms"),
        Link("areas", organisation_areas, "organisation_id", "area_id", "areas"),
    ),
    _spec(Contact),
    _spec(Match),
    _spec(Activity),
)
BY_TABLE: dict[str, Spec] = {s.table: s for s in SPECS}
BY_MODEL: dict[type[Any], Spec] = {s.model: s for s in SPECS}


# --- contents and hashes ---------------------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A column value as JSON holds it; the same value always gives the same text, on SQLite and PostgreSQL."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return value


def typed(kind: Any, value: Any) -> Any:
    """The column value back from its JSON form."""
    if value is None:
        return None
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if kind is Decimal:
        return Decimal(value)
    if kind is bool:
        return bool(value)
    if kind is int:
        return int(value)
    return value


# What json.dumps(..., sort_keys=True, separators=(",", ":"), ensure_ascii=False) makes, without a new encoder per call.
_HASH_JSON = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(content: Mapping[str, Any]) -> str:
    kept = {k: v for k, v in content.items() if k not in UNHASHED}
    return hashlib.sha256(_HASH_JSON.encode(kept).encode("utf-8")).hexdigest()[:32]


# The keyword of ``among``'s id list, for a statement built once and given its ids when it runs: ``{_IDS: batch}``.
_IDS = "among_ids"


def among(column: ColumnElement[Any], batch: list[str] | None = None) -> ColumnElement[bool]:
    """``column IN (batch)`` with the list as one expanding parameter: SQLAlchemy does not coerce each value.
    Without ``batch`` the ids come when the statement runs, as ``{_IDS: batch}``."""
    return column.in_(bindparam(_IDS, batch, expanding=True))


def _chunks(ids: Collection[str]) -> Iterator[list[str]]:
    items = sorted(ids)
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


# The exchange state of records by id: their history (oldest first) and whether they are pending.
State = dict[str, tuple[list[str], bool]]


@dataclass(frozen=True)
class _Reads:
    """The statements that read one table's contents, built once: building them anew costs SQLAlchemy more than the
    database takes to answer (every save reads the version it replaces)."""

    rows: Select[Any]  # every record
    rows_among: Select[Any]  # the records with ids _IDS
    rows_among_state: Select[Any]  # the same, each with its exchange state (history, pending; None without one)
    links: CompoundSelect | None  # (link number, owner, target) of every link set, of every record
    links_among: CompoundSelect | None  # the same of the records with ids _IDS


_READS: dict[str, _Reads] = {}


def _reads(spec: Spec) -> _Reads:
    found = _READS.get(spec.table)
    if found is None:
        table = spec.core
        rows = select(table.c.id, *(table.c[c] for c in spec.columns))
        pairs = [
            select(literal_column(str(n)), link.table.c[link.own], link.table.c[link.other])
            for n, link in enumerate(spec.links)
        ]
        among_pairs = [pair.where(among(link.table.c[link.own])) for pair, link in zip(pairs, spec.links, strict=True)]
        rec = REC_TABLE
        found = _READS[spec.table] = _Reads(
            rows,
            rows.where(among(table.c.id)),
            select(table.c.id, *(table.c[c] for c in spec.columns), rec.c.history, rec.c.pending)
            .select_from(table.outerjoin(rec, and_(rec.c.record_table == spec.table, rec.c.record_id == table.c.id)))
            .where(among(table.c.id)),
            union_all(*pairs) if pairs else None,
            union_all(*among_pairs) if pairs else None,
        )
    return found


def read_contents(
    conn: Connection, spec: Spec, ids: Collection[str] | None = None, *, states: State | None = None
) -> dict[str, dict[str, Any]]:
    """The content of records as the database holds them (ids None: all), link sets as sorted id lists. With
    ``states`` (and ids), the exchange state of each record read is put there too, read with its row."""
    reads = _reads(spec)
    names = spec.columns
    # Strings, numbers and booleans are their own JSON form; only dates and amounts need plain().
    converted = [i for i, c in enumerate(names) if spec.types[c] not in (str, int, bool)]
    out: dict[str, dict[str, Any]] = {}
    batches: Iterable[list[str] | None] = [None] if ids is None else _chunks(ids)
    for batch in batches:
        if batch is None:
            result = conn.execute(reads.rows)
            rows: Iterable[Row[Any]] = result  # all of a big table: not twice in memory
        elif states is None:
            rows = conn.execute(reads.rows_among, {_IDS: batch}).all()
        else:
            rows = conn.execute(reads.rows_among_state, {_IDS: batch}).all()
        for row in rows:
            values = list(row[1 : len(names) + 1])
            if states is not None and row[-1] is not None:  # pending, None where the record has no exchange state
                states[row[0]] = (split_history(row[-2]), bool(row[-1]))
            for i in converted:
                values[i] = plain(values[i])
            out[row[0]] = dict(zip(names, values, strict=True))
        links = reads.links if batch is None else reads.links_among
        if links is None:
            continue
        found: list[dict[str, list[str]]] = [defaultdict(list) for _ in spec.links]
        for n, owner, target in conn.execute(links, {} if batch is None else {_IDS: batch}).all():
            found[int(n)][owner].append(target)
        for record_id in batch if batch is not None else list(out):
            if record_id in out:
                for link, targets in zip(spec.links, found, strict=True):
                    out[record_id][link.name] = sorted(targets.get(record_id, []))
    return out


# --- the listener ----------------------------------------------------------------------------------------------------


def _ids_by_table(objs: Iterable[Any]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for obj in objs:
        spec = BY_MODEL.get(type(obj))
        if spec is None:
            continue
        if obj.id is None:
            obj.id = new_id()  # the same value the column default would give at INSERT; needed now
        found[spec.table].add(obj.id)
    return found


def split_history(text: str | None) -> list[str]:
    return text.split() if text else []


def join_history(*parts: Iterable[str]) -> str:
    """Histories merged, oldest first, each hash once, the newest HISTORY_MAX kept."""
    merged: dict[str, None] = {}
    for part in parts:
        for h in part:
            if h:
                merged.pop(h, None)
                merged[h] = None
    return " ".join(list(merged)[-HISTORY_MAX:])


_EXISTING = select(REC_TABLE.c.record_id, REC_TABLE.c.history, REC_TABLE.c.pending).where(
    REC_TABLE.c.record_table == bindparam("k_table"), among(REC_TABLE.c.record_id)
)
_ADD_STATE = insert(REC_TABLE)
_SET_STATE = (
    update(REC_TABLE)
    .where(REC_TABLE.c.record_table == bindparam("k_table"), REC_TABLE.c.record_id == bindparam("k_id"))
    .values(history=bindparam("history"), pending=bindparam("pending"))
)


def _existing(conn: Connection, table: str, ids: Collection[str]) -> State:
    out: State = {}
    for batch in _chunks(ids):
        rows = conn.execute(_EXISTING, {"k_table": table, _IDS: batch})
        out.update({r[0]: (split_history(r[1]), bool(r[2])) for r in rows.all()})
    return out


def _before(conn: Connection, table: str, ids: Collection[str]) -> tuple[dict[str, dict[str, Any]], State]:
    """The records' contents as the database holds them, and their exchange state: read together, and the state
    alone of a record whose row is gone."""
    known: State = {}
    before = read_contents(conn, BY_TABLE[table], ids, states=known)
    gone = [i for i in ids if i not in before]
    if gone:
        known.update(_existing(conn, table, gone))
    return before, known


def mark_changed(conn: Connection, table: str, ids: Collection[str], *, new: bool = False) -> None:
    """Mark records pending for the next export and add the version they had before to their history."""
    if not ids:
        return
    before: dict[str, dict[str, Any]] = {}
    if new:
        known = _existing(conn, table, ids)
    else:
        before, known = _before(conn, table, ids)
    fresh: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for i in ids:
        previous = [content_hash(before[i])] if i in before else []
        if i not in known:
            fresh.append({"record_table": table, "record_id": i, "history": join_history(previous), "pending": True})
            continue
        history, pending = known[i]
        if pending and (not previous or (history and history[-1] == previous[0])):
            continue
        changed.append({"k_table": table, "k_id": i, "history": join_history(history, previous), "pending": True})
    if fresh:
        conn.execute(_ADD_STATE, fresh)
    if changed:
        conn.execute(_SET_STATE, changed)


def mark_deleted(conn: Connection, table: str, ids: Collection[str]) -> None:
    """Leave a tombstone for each record, its history ending with the deleted version; drop its exchange state."""
    if not ids:
        return
    rec, tomb = REC_TABLE, TOMB_TABLE
    before, known = _before(conn, table, ids)
    now = utcnow()
    rows = []
    for i in ids:
        last = [content_hash(before[i])] if i in before else []
        rows.append(
            {
                "record_table": table,
                "record_id": i,
                "deleted_at": now,
                "history": join_history(known.get(i, ([], False))[0], last),
                "pending": True,
            }
        )
    for batch in _chunks(ids):
        conn.execute(delete(tomb).where(tomb.c.record_table == table, tomb.c.record_id.in_(batch)))
        conn.execute(delete(rec).where(rec.c.record_table == table, rec.c.record_id.in_(batch)))
    conn.execute(insert(tomb), rows)


def _before_flush(s: Session, flush_context: UOWTransaction, instances: Any) -> None:
    if s.info.get(APPLYING):
        return
    new = _ids_by_table(s.new)
    changed = _ids_by_table(o for o in s.dirty if s.is_modified(o))
    deleted = _ids_by_table(s.deleted)
    if not (new or changed or deleted):
        return
    # A record's history gets the version it had before this transaction, not the half-saved states between the
    # flushes of one save.
    done: set[tuple[str, str]] = s.info.setdefault(_DONE, set())
    conn = s.connection()
    for table, ids in new.items():
        mark_changed(conn, table, ids, new=True)
        done.update((table, i) for i in ids)
    for table, ids in changed.items():
        fresh = {i for i in ids - deleted.get(table, set()) if (table, i) not in done}
        mark_changed(conn, table, fresh)
        done.update((table, i) for i in fresh)
    for table, ids in deleted.items():
        # The database clears references to a deleted record and drops its link rows: that changes the records
        # that pointed at it too, so they travel as changed.
        for child, owner, column in _nulled_by(table):
            referring = {i for batch in _chunks(ids) for i in conn.scalars(select(owner).where(column.in_(batch)))}
            referring -= deleted.get(child, set())
            fresh = {i for i in referring if (child, i) not in done}
            mark_changed(conn, child, fresh)
            done.update((child, i) for i in fresh)
        mark_deleted(conn, table, ids)


def _nulled_by(table: str) -> list[tuple[str, Column[Any], Column[Any]]]:
    """Where the database changes exchanged records when a ``table`` record is deleted: references it clears (ON
    DELETE SET NULL, the koppeling on a timeline line) and link rows it drops (an idea's initiator). As (owner
    table, the column with the owner's id, the column pointing at ``table``)."""
    out: list[tuple[str, Column[Any], Column[Any]]] = []
    for spec in SPECS:
        for col in spec.core.columns:
            for fk in col.foreign_keys:
                if fk.column.table.name == table and (fk.ondelete or "").upper() == "SET NULL":
                    out.append((spec.table, spec.core.c.id, col))
        for link in spec.links:
            if link.target == table:
                out.append((spec.table, link.table.c[link.own], link.table.c[link.other]))
    return out


def _after_transaction_end(s: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        s.info.pop(_DONE, None)


def referencing_columns(table: str) -> list[Column[Any]]:
    """Every column of the schema that points at ``table``.id."""
    from makelaar.storage.base import Base

    out: list[Column[Any]] = []
    for t in Base.metadata.sorted_tables:
        for col in t.columns:
            if any(fk.column.table.name == table and fk.column.name == "id" for fk in col.foreign_keys):
                out.append(col)
    return out


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "after_transaction_end", _after_transaction_end)
