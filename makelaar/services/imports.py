"""The import journal: every real import is a batch that can be undone as a whole.

What the journal holds: per record an import added, an "added" change; per record it updated, an "updated" change
with the record's values from before the import as JSON (the fields, themes/offers/areas/needs by id, an
organisation's contact persons, an idea's initiators) and the version the import left the record at.

What undoing a batch does:

- An added record is deleted through the ORM (``session.delete``), so the deletion travels like any other.
- An updated record gets its values from before the import back, through the same services as the editors.
- Work done since the import is never destroyed silently. A record whose version is no longer the one the import
  left (someone edited it, or a later import changed it) is kept as it is; so is an added record that has since
  got koppelingen or timeline entries (deleting it would delete them too), and an idea whose initiator has been
  anonymised or erased since (undoing must not bring personal data back). Those records are listed in the result
  (and shown before the user confirms, see :func:`plan_undo`); the rest of the batch is undone.
- A record that no longer exists is skipped.
- The batch is then marked undone and cannot be undone again. Its before-values are cleared: they may hold
  residents' personal data, which is kept only while it serves a purpose.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from makelaar.domain.errors import KnownError, NotFoundError
from makelaar.domain.formatting import format_datetime
from makelaar.domain.records import ContactData, IdeaData, InitiatorData, OrganisationData
from makelaar.services import audit, ideas, organisations
from makelaar.storage.base import utcnow
from makelaar.storage.models import Activity, Idea, ImportBatch, ImportChange, Initiator, Match, Organisation


class ImportCounts(Protocol):
    """What the journal keeps of an import's result (csvio.ImportResult has it; named here so the import module
    and this one do not import each other)."""

    @property
    def added(self) -> int: ...

    @property
    def updated(self) -> int: ...

    @property
    def rejected(self) -> Sequence[object]: ...


ADDED = "added"
UPDATED = "updated"
UNDONE = "import ongedaan gemaakt"  # the audit log's kind for undoing an import of ideas (personal data)

_TABLES = {"organisaties": "organisations", "ideeen": "ideas"}
_CHUNK = 500
_FILE_NAME_LEN = 300


@dataclass(frozen=True)
class BatchInfo:
    """One import as the undo dialog lists it."""

    id: str
    kind: str
    file_name: str
    imported_at: datetime
    actor: str
    added: int
    updated: int
    rejected: int
    undone_at: datetime | None

    @property
    def when(self) -> str:
        """Local time, as 28-11-2026 10:15."""
        return format_datetime(self.imported_at)


@dataclass(frozen=True)
class KeptRecord:
    """A record an undo leaves as it is, and why."""

    record_id: str
    label: str
    reason: str


@dataclass
class UndoPlan:
    """What undoing a batch does (before: would do). ``gone`` counts records that no longer exist."""

    batch: BatchInfo
    delete: int = 0
    restore: int = 0
    gone: int = 0
    kept: list[KeptRecord] = field(default_factory=list)

    def summary_lines(self) -> list[str]:
        what = "organisaties" if self.batch.kind == "organisaties" else "ideeën"
        lines = [f"{what.capitalize()}: {self.delete} verwijderd, {self.restore} teruggezet naar vóór de import."]
        if self.gone:
            lines.append(f"{self.gone} bestonden al niet meer.")
        if self.kept:
            lines.append(f"{len(self.kept)} gelaten zoals ze zijn, omdat er na de import aan gewerkt is:")
            lines.extend(f"  {k.label}: {k.reason}" for k in self.kept)
        return lines


# --- recording -------------------------------------------------------------------------------------------------------


def record_batch(s: Session, kind: str, path: Path, result: ImportCounts, journal: dict[str, tuple[str, Any]]) -> str:
    """Write the journal of one finished import (in its transaction); returns the batch's id."""
    table = _TABLES[kind]
    model = _model(kind)
    s.flush()
    versions: dict[str, int] = {}
    ids = list(journal)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        versions.update(s.execute(select(model.id, model.version).where(model.id.in_(chunk))).tuples().all())
    name = str(path)
    if len(name) > _FILE_NAME_LEN:
        name = path.name[-_FILE_NAME_LEN:]
    # Stamped after the import's own work, so a timeline entry made later is recognised as later work.
    batch = ImportBatch(
        kind=kind,
        file_name=name,
        imported_at=utcnow(),
        actor=audit.current_actor(s),
        added=result.added,
        updated=result.updated,
        rejected=len(result.rejected),
    )
    s.add(batch)
    s.flush()
    rows = [
        {
            "batch_id": batch.id,
            "position": position,
            "record_table": table,
            "record_id": record_id,
            "action": action,
            "before": _encode(before) if action == UPDATED and before is not None else None,
            "version_after": versions.get(record_id),
        }
        for position, (record_id, (action, before)) in enumerate(journal.items())
    ]
    for start in range(0, len(rows), 2000):
        s.execute(insert(ImportChange), rows[start : start + 2000])
    return batch.id


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _encode(data: OrganisationData | IdeaData) -> str:
    values = asdict(data)
    for name in ("created_at", "updated_at", "version", "reference"):
        values.pop(name, None)
    return json.dumps(values, default=_json_default, ensure_ascii=False)


def _decimal(value: Any) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _only(cls: type, values: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in values.items() if k in names}


def decode_organisation(text: str, record_id: str) -> OrganisationData:
    values = json.loads(text)
    values["contacts"] = [ContactData(**_only(ContactData, c)) for c in values.get("contacts", [])]
    values["fund_max_amount"] = _decimal(values.get("fund_max_amount"))
    values["fund_deadline"] = _date(values.get("fund_deadline"))
    data = OrganisationData(**_only(OrganisationData, values))
    data.id, data.version = record_id, None
    return data


def decode_idea(text: str, record_id: str) -> IdeaData:
    values = json.loads(text)
    people = []
    for p in values.get("initiators", []):
        person = InitiatorData(**_only(InitiatorData, p))
        # The undo checks the idea's version itself; the initiator's own version moved on with the import.
        person.version = None
        person.consent_on = _date(p.get("consent_on"))
        people.append(person)
    values["initiators"] = people
    values["requested_amount"] = _decimal(values.get("requested_amount"))
    values["received_on"] = _date(values.get("received_on"))
    data = IdeaData(**_only(IdeaData, values))
    data.id, data.version = record_id, None
    return data


# --- listing and undoing ---------------------------------------------------------------------------------------------


def _model(kind: str) -> Any:
    return Organisation if kind == "organisaties" else Idea


def _info(row: ImportBatch) -> BatchInfo:
    return BatchInfo(
        id=row.id,
        kind=row.kind,
        file_name=row.file_name,
        imported_at=row.imported_at,
        actor=row.actor,
        added=row.added,
        updated=row.updated,
        rejected=row.rejected,
        undone_at=row.undone_at,
    )


def list_batches(s: Session, limit: int = 30) -> list[BatchInfo]:
    """The most recent imports, newest first (undone ones too, marked)."""
    rows = s.scalars(select(ImportBatch).order_by(ImportBatch.imported_at.desc(), ImportBatch.id).limit(limit))
    return [_info(r) for r in rows]


def _batch(s: Session, batch_id: str) -> ImportBatch:
    row = s.get(ImportBatch, batch_id)
    if row is None:
        raise NotFoundError("Deze import staat niet (meer) in het overzicht.")
    if row.undone_at is not None:
        raise KnownError(f"Deze import is al ongedaan gemaakt op {format_datetime(row.undone_at)}.")
    return row


@dataclass
class _Decision:
    plan: UndoPlan
    delete: list[ImportChange] = field(default_factory=list)
    restore: list[ImportChange] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)


def _decide(s: Session, batch: ImportBatch) -> _Decision:
    model = _model(batch.kind)
    label_column = model.name if batch.kind == "organisaties" else model.title
    owner = Match.organisation_id if batch.kind == "organisaties" else Match.idea_id
    noted = Activity.organisation_id if batch.kind == "organisaties" else Activity.idea_id
    changes = list(s.scalars(select(ImportChange).where(ImportChange.batch_id == batch.id).order_by("position")))
    current: dict[str, tuple[int, str]] = {}
    matched: set[str] = set()
    later_notes: set[str] = set()
    ids = [c.record_id for c in changes]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for record_id, version, reference, label in s.execute(
            select(model.id, model.version, model.reference, label_column).where(model.id.in_(chunk))
        ):
            current[record_id] = (version, f"{reference} {label}")
        matched.update(s.scalars(select(owner).where(owner.in_(chunk)).distinct()))
        later_notes.update(
            s.scalars(select(noted).where(noted.in_(chunk), Activity.created_at > batch.imported_at).distinct())
        )
    decision = _Decision(UndoPlan(batch=_info(batch)))
    plan = decision.plan
    for change in changes:
        found = current.get(change.record_id)
        if found is None:
            plan.gone += 1
            continue
        version, label = found
        decision.labels[change.record_id] = label
        reason = ""
        if change.version_after is not None and version != change.version_after:
            reason = "na de import gewijzigd"
        elif change.action == ADDED and change.record_id in matched:
            reason = "heeft koppelingen"
        elif change.action == ADDED and change.record_id in later_notes:
            reason = "heeft notities of contactmomenten van na de import"
        elif change.action == UPDATED and batch.kind == "ideeen" and _people_gone(s, change):
            reason = "een initiatiefnemer is sinds de import geanonimiseerd of verwijderd"
        if reason:
            plan.kept.append(KeptRecord(change.record_id, label, reason))
        elif change.action == ADDED:
            decision.delete.append(change)
        else:
            decision.restore.append(change)
    plan.delete = len(decision.delete)
    plan.restore = len(decision.restore)
    return decision


def _people_gone(s: Session, change: ImportChange) -> bool:
    ids = [p.get("id") for p in json.loads(change.before or "{}").get("initiators", []) if p.get("id")]
    if not ids:
        return False
    present = {
        person_id
        for person_id, anonymised in s.execute(
            select(Initiator.id, Initiator.anonymised_at).where(Initiator.id.in_(ids))
        )
        if anonymised is None
    }
    return any(i not in present for i in ids)


def plan_undo(s: Session, batch_id: str) -> UndoPlan:
    """What :func:`undo_batch` would do, for the confirmation; changes nothing."""
    return _decide(s, _batch(s, batch_id)).plan


def undo_batch(s: Session, batch_id: str, *, author: str | None = None) -> UndoPlan:
    """Undo one import as a whole (see the module docstring for what is kept); returns what was done."""
    batch = _batch(s, batch_id)
    decision = _decide(s, batch)
    plan = decision.plan
    if batch.kind == "organisaties":
        _delete_organisations(s, [c.record_id for c in decision.delete])
    else:
        for change in decision.delete:
            ideas.delete_idea(s, change.record_id)
    for change in decision.restore:
        try:
            with s.begin_nested():
                if batch.kind == "organisaties":
                    organisations.save_organisation(
                        s, decode_organisation(change.before or "{}", change.record_id), author=author
                    )
                else:
                    ideas.save_idea(s, decode_idea(change.before or "{}", change.record_id), author=author)
        except KnownError as exc:
            plan.restore -= 1
            label = decision.labels.get(change.record_id, change.record_id)
            plan.kept.append(KeptRecord(change.record_id, label, " ".join(str(exc).split())))
    for change in s.scalars(select(ImportChange).where(ImportChange.batch_id == batch.id)):
        change.before = None
    batch.undone_at = utcnow()
    if batch.kind == "ideeen":
        audit.record(
            s, UNDONE, "import_batches", batch.id, detail=f"{plan.delete} verwijderd, {plan.restore} teruggezet"
        )
    s.flush()
    return plan


def record_ids(s: Session, batch_id: str) -> list[str]:
    """The records an import added or updated: the ones undoing it may delete or change (the UI closes their open
    editors first)."""
    return list(s.scalars(select(ImportChange.record_id).where(ImportChange.batch_id == batch_id).order_by("position")))


def _delete_organisations(s: Session, ids: list[str]) -> None:
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in s.scalars(
            select(Organisation).where(Organisation.id.in_(chunk)).options(selectinload(Organisation.contacts))
        ):
            s.delete(row)
        s.flush()
