"""Exchange between stores: a laptop that was offline and the office swap what changed, as one file.

The public shape (the CLI, the GUI and bench/ call these):

- :func:`export_changes` ``(s, path, everything=False) -> ExportSummary`` writes what changed since the last export
  (or everything) to one file: JSON, gzipped when the name ends in ``.gz``.
- :func:`read_file` ``(path) -> ExchangeFile`` reads a file and refuses one from a newer program with a Dutch
  :class:`KnownError`.
- :func:`plan_import` ``(s, data) -> Plan`` says what an import would do (added, updated, deleted, unchanged,
  conflicts with the fields side by side) and changes nothing.
- :func:`apply_import` ``(s, data, choices=None, keep=None) -> Plan`` applies it in the caller's transaction, with a
  choice (:class:`Choice` ``MINE``/``THEIRS``) per conflict key or ``keep`` for all; a conflict without a choice is a
  KnownError and nothing is applied.

How changes are found. Every exchanged record (vocabulary terms, areas, wijktafels, initiators and their consents,
ideas with their theme/need/initiator links, organisations with offers/themes/areas, contacts, koppelingen, timeline
entries) has a content hash over its columns and link sets (not its timestamps, version or reference).
makelaar.storage.tracking marks every ORM change *pending* for the next export and adds the hash the record had
before to its *history*; an ORM delete leaves a tombstone whose history ends with the deleted version.

The file carries per record its content and history, per deletion the history of what was deleted. The receiver,
with its own version L (and history), the incoming version T (and history):

- L == T: unchanged. T in my history (or the version I last took in): mine is newer, kept; it goes out next time.
- L in their history: only they changed it since the version I have: updated. Otherwise both changed it: a conflict,
  shown field by field. This also holds for a laptop that began as a copy of the office store: the copy's versions
  are in both histories.
- Not here and no tombstone: added. Deleted here: if T is a version I deleted, it stays deleted (my deletion goes to
  them); if they changed it since, a conflict (keep it deleted, or take it back). Something that hangs under a
  record deleted here (``ON DELETE CASCADE``, e.g. a koppeling of a deleted idea) stays deleted with it.
- A deletion of L (L in the deleted history) with nothing changed here under it: deleted. Otherwise (changed here,
  deleted there) a conflict, never a silent loss.

A choice is remembered in the record's history, so importing the same file again asks nothing and changes nothing,
and the other store takes the choice without asking again: "mine" puts their version in my history; keeping a
record that was deleted there puts a marker in it (``-`` + the deleted version) that makes the deleting store bring
it back, and what hangs under it is sent along (marked ``+`` + its version, which brings it back where a cascade
deleted it); taking back a record deleted here asks the other store, the same way, for what hangs under it.

After an export nothing is pending and the exported version joins each record's history: the next export holds
only what changed since. Records changed past the listener (the CSV import's bulk inserts) are found by their
``updated_at``; a store's first export sends every record (what the other store has counts as unchanged).

An import marks what it brought in pending too, so the office passes one laptop's changes on to the next: the
office imports every laptop's file first, then exports once, and every laptop imports that file. A lost file:
``everything=True`` (``makelaar exchange export --alles``) sends every record; what the other store already has
counts as unchanged.

Order. Parents before children (terms, areas, wijktafels, initiators, consents, ideas, organisations, contacts,
koppelingen, timeline), all additions and updates before any deletion, children deleted before parents: when a
laptop merged two organisations, the koppelingen it moved to the survivor arrive before the other one's deletion
would cascade over them. One transaction (the caller's): it all happens, or nothing.

Stores made independently have their own UUIDs for the default vocabulary and "hele gemeente". An incoming term
whose UUID is unknown here is matched by vocabulary and key or normalised name, an area by normalised name, a
koppeling by idea, organisation and need; the local record then takes the incoming UUID (every reference to it
follows), so both stores agree from then on.

References (I-2026-0042) are unique per store and two stores may hand out the same one. An added record whose
reference is taken here gets the next one from the local counter, and for an idea or organisation its timeline says
so; the counter is moved past every reference that comes in. References are never updated by an exchange.

A record that needs a parent this store does not have (and the file does not bring) is skipped and reported, not
saved half; a rename onto a name that another record here has is skipped and reported too.

Initiators changed by an exchange are logged in the audit log like any other change (the listener of
makelaar.services.audit sees the ORM changes).
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, true, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from makelaar import __version__
from makelaar.domain.enums import ActivityKind
from makelaar.domain.errors import KnownError
from makelaar.domain.formatting import format_date, format_datetime, format_euro
from makelaar.domain.vocabulary import normalise
from makelaar.services import audit, sealed
from makelaar.services.common import next_reference
from makelaar.services.vocabulary import get_setting, municipality_name, set_setting
from makelaar.storage.base import new_id, utcnow
from makelaar.storage.faults import environment_message
from makelaar.storage.files import write_private
from makelaar.storage.models import Activity, ReferenceCounter
from makelaar.storage.tracking import (
    APPLYING,
    BY_TABLE,
    REC_TABLE,
    SPECS,
    TOMB_TABLE,
    Spec,
    among,
    content_hash,
    join_history,
    read_contents,
    referencing_columns,
    split_history,
    typed,
)

FORMAT = "makelaar-uitwisseling"
FORMAT_VERSION = 1
STORE_ID = "exchange.store_id"
LAST_EXPORT = "exchange.last_export_at"
LAST_IMPORT = "exchange.last_import_at"
EXCHANGE_AUTHOR = "uitwisseling"

_REC = REC_TABLE
_TOMB = TOMB_TABLE

# What a record is called on screen, singular.
TABLE_LABELS = {
    "vocabulary_terms": "term",
    "areas": "wijk",
    "sessions": "wijktafel",
    "initiators": "initiatiefnemer",
    "consents": "toestemming",
    "ideas": "idee",
    "organisations": "organisatie",
    "contacts": "contactpersoon",
    "matches": "koppeling",
    "activities": "tijdlijnregel",
}

FIELD_LABELS = {
    "title": "titel",
    "description": "omschrijving",
    "status": "status",
    "area_id": "wijk",
    "session_id": "wijktafel",
    "source": "bron",
    "team_size": "teamgrootte",
    "requested_amount": "gevraagd bedrag",
    "received_on": "ontvangen op",
    "closed_on": "afgesloten op",
    "themes": "thema's",
    "needs": "behoeften",
    "initiators": "initiatiefnemers",
    "name": "naam",
    "kind_id": "soort",
    "website": "website",
    "kvk": "KvK-nummer",
    "email": "e-mail",
    "phone": "telefoon",
    "address": "adres",
    "postcode": "postcode",
    "city": "plaats",
    "active": "actief",
    "offers": "biedt",
    "areas": "wijken",
    "role": "functie",
    "note": "notitie",
    "follow_up_on": "opvolgen op",
    "need_id": "behoefte",
    "contact_id": "contactpersoon",
    "organisation_id": "organisatie",
    "idea_id": "idee",
    "text": "tekst",
    "kind": "soort",
    "occurred_at": "moment",
    "held_on": "datum",
    "place": "plaats",
    "notes": "notities",
    "retired_at": "uitgezet op",
    "anonymised_at": "geanonimiseerd op",
    "position": "volgorde",
    "parent_id": "hoort bij",
}

# What hangs under a record: kept with it when a deletion elsewhere is refused, and checked for local changes
# before a deletion is applied.
_CHILDREN: dict[str, tuple[tuple[str, str], ...]] = {
    "organisations": (
        ("contacts", "organisation_id"),
        ("matches", "organisation_id"),
        ("activities", "organisation_id"),
    ),
    "ideas": (("matches", "idea_id"), ("activities", "idea_id")),
    "initiators": (("consents", "initiator_id"),),
    "matches": (("activities", "match_id"),),
}


class Choice(StrEnum):
    MINE = "mine"
    THEIRS = "theirs"


class ConflictKind(StrEnum):
    BOTH_CHANGED = "beide gewijzigd"
    DELETED_HERE = "hier verwijderd, daar gewijzigd"
    DELETED_THERE = "hier gewijzigd, daar verwijderd"


@dataclass(frozen=True)
class Incoming:
    table: str
    id: str
    hash: str
    history: list[str]
    data: dict[str, Any]

    @cached_property
    def version(self) -> str:
        """The content hash of the incoming version (computed from its data, once)."""
        return content_hash(self.data)


@dataclass(frozen=True)
class IncomingDeletion:
    table: str
    id: str
    history: list[str]
    deleted_at: datetime | None


@dataclass(frozen=True)
class ExchangeFile:
    store_id: str
    store_name: str
    exported_at: datetime | None
    schema: str
    records: list[Incoming]
    deletions: list[IncomingDeletion]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    records: int
    deletions: int

    def summary_lines(self) -> list[str]:
        return [f"{self.records} gewijzigde records en {self.deletions} verwijderingen geschreven naar {self.path}."]


@dataclass(frozen=True)
class FieldDiff:
    field: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class Conflict:
    key: str
    table: str
    record_id: str
    kind: ConflictKind
    title: str
    fields: tuple[FieldDiff, ...]


@dataclass
class Plan:
    source: str
    exported_at: datetime | None
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(self.added.values()) + sum(self.updated.values()) + sum(self.deleted.values())

    def summary_lines(self) -> list[str]:
        lines = [
            f"Uitwisseling met {self.source}: {sum(self.added.values())} toegevoegd, "
            f"{sum(self.updated.values())} bijgewerkt, {sum(self.deleted.values())} verwijderd, "
            f"{self.unchanged} ongewijzigd, {len(self.conflicts)} "
            f"{'conflict' if len(self.conflicts) == 1 else 'conflicten'}."
        ]
        for table in BY_TABLE:
            parts = [
                f"{what} {counter[table]}"
                for what, counter in (
                    ("toegevoegd", self.added),
                    ("bijgewerkt", self.updated),
                    ("verwijderd", self.deleted),
                )
                if counter[table]
            ]
            if parts:
                lines.append(f"  {TABLE_LABELS[table]}: {', '.join(parts)}")
        lines.extend(f"  let op: {note}" for note in self.notes)
        lines.extend(f"  overgeslagen: {why}" for why in self.skipped)
        return lines


# --- the file --------------------------------------------------------------------------------------------------------


def store_id(s: Session) -> str:
    """This store's id in the exchange (made on first use; a copied store shares it, which does no harm)."""
    value = get_setting(s, STORE_ID)
    if not value:
        value = new_id()
        set_setting(s, STORE_ID, value)
    return value


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


class PassphraseNeededError(KnownError):
    """The file is encrypted and no passphrase was given."""


class PlainFileError(KnownError):
    """The file is not encrypted and reading a plain file was not chosen explicitly."""


# Files beyond these sizes are no exchange of a municipality's brokers: refused before they fill the memory.
MAX_FILE_BYTES = 2 * 1024**3
MAX_JSON_BYTES = 4 * 1024**3


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an encrypted exchange file (False when it cannot be read: read_file says why)."""
    try:
        with path.open("rb") as handle:
            return sealed.is_sealed(handle.read(len(sealed.MAGIC)))
    except OSError:
        return False


def _gunzip(raw: bytes) -> bytes:
    import zlib

    unpacker = zlib.decompressobj(wbits=31)
    try:
        out = unpacker.decompress(raw, MAX_JSON_BYTES)
    except zlib.error as exc:
        raise ValueError(str(exc)) from None
    if unpacker.unconsumed_tail or len(out) >= MAX_JSON_BYTES:
        raise ValueError("te groot")  # a gzip "bomb"
    if not unpacker.eof:
        raise ValueError("afgebroken")  # cut off: a truncated file is damaged, not half read
    return out


def read_file(path: Path, passphrase: str | None = None, *, allow_plain: bool = True) -> ExchangeFile:
    """Read an exchange file (encrypted, or plain or gzipped JSON); refuse a damaged one or one from a newer program.

    An encrypted file needs ``passphrase`` (else PassphraseNeededError); a wrong one, or a file changed on the way,
    is refused whole. ``allow_plain=False`` refuses a file that is not encrypted (PlainFileError): the CLI and the
    window read a plain file only when the user chose so explicitly.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KnownError(f"{path} is te groot voor een uitwisselbestand; er is niets ingelezen.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KnownError(f"Het bestand {path} bestaat niet.") from None
    except OSError as exc:
        raise KnownError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}.") from exc
    if sealed.is_sealed(raw):
        if passphrase is None:
            raise PassphraseNeededError(f"{path} is versleuteld; geef het wachtwoord van het uitwisselbestand.")
        raw = sealed.unseal(raw, passphrase, str(path))
    elif not allow_plain:
        raise PlainFileError(
            f"{path} is niet versleuteld. Een onversleuteld uitwisselbestand wordt alleen ingelezen als je daar "
            "uitdrukkelijk voor kiest (op de opdrachtregel: --unencrypted); er is niets ingelezen."
        )
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = _gunzip(raw)
        payload = json.loads(raw.decode("utf-8"))
    except (OSError, EOFError, UnicodeDecodeError, ValueError):
        raise KnownError(
            f"{path} is geen leesbaar uitwisselbestand van Makelaar (het is beschadigd of iets anders)."
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise KnownError(f"{path} is geen uitwisselbestand van Makelaar.")
    version = payload.get("format_version")
    schema = str(payload.get("schema") or "")
    if not isinstance(version, int) or version > FORMAT_VERSION or not _known_schema(schema):
        raise KnownError(
            f"{path} is gemaakt met een nieuwere versie van Makelaar (bestandsversie {version}, schema {schema}, "
            f"programma {payload.get('program', '?')}). Werk dit programma eerst bij; er is niets ingelezen."
        )
    try:
        records = [
            Incoming(
                table=str(r["table"]),
                id=str(r["id"]),
                hash=str(r["hash"]),
                history=[str(h) for h in r.get("history") or []],
                data=dict(r["data"]),
            )
            for r in payload["records"]
        ]
        deletions = [
            IncomingDeletion(
                table=str(d["table"]),
                id=str(d["id"]),
                history=[str(h) for h in d.get("history") or []],
                deleted_at=datetime.fromisoformat(d["deleted_at"]) if d.get("deleted_at") else None,
            )
            for d in payload["deletions"]
        ]
        exported = payload.get("exported_at")
        data = ExchangeFile(
            store_id=str(payload.get("store_id") or ""),
            store_name=str(payload.get("store_name") or "een andere database"),
            exported_at=datetime.fromisoformat(exported) if exported else None,
            schema=schema,
            records=records,
            deletions=deletions,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise KnownError(f"{path} is een beschadigd uitwisselbestand; er is niets ingelezen.") from None
    unknown = {r.table for r in records} | {d.table for d in deletions}
    unknown -= set(BY_TABLE)
    if unknown:
        raise KnownError(
            f"{path} bevat soorten gegevens die dit programma niet kent ({', '.join(sorted(unknown))}). "
            "Werk Makelaar bij; er is niets ingelezen."
        )
    return data


def _known_schema(schema: str) -> bool:
    return schema in _revisions()[1]


@cache
def _revisions() -> tuple[str, frozenset[str]]:
    """The program's schema revision and every one it knows. Read once: Alembic compiles each migration script
    every time it reads the folder, and the folder does not change while the program runs."""
    from alembic.script import ScriptDirectory

    from makelaar.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(s.revision for s in script.walk_revisions())


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
