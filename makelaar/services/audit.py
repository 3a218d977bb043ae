"""The audit log of personal data: who, when, what kind of change, on which record — never the values.

Changes to initiators and new consents are logged by a ``before_flush`` listener on every :class:`Session`, so the
idea editor, the intake, imports and the demo are covered without each remembering to log. The listener is
registered when this module is imported; the store imports it, so no session of Makelaar writes unlogged.

What a line holds: the actor (the broker's name from the session, see :func:`set_actor`, else the user name of the
operating system), the time in UTC, a kind ("persoonsgegevens gewijzigd"), the table, the record's id, its readable
reference (P-2026-0001) and which *kinds* of fields changed ("naam, contactgegevens"). A name, an address or any
other value never goes into the log, nor into a log file.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, event, func, inspect, or_, select
from sqlalchemy.orm import Session, UOWTransaction
from sqlalchemy.orm.base import NO_VALUE

from makelaar.domain.errors import KnownError
from makelaar.storage.base import ACTOR_INFO, REFUSALS_INFO, new_id, utcnow
from makelaar.storage.models import AuditEntry, Consent, Initiator

log = logging.getLogger(__name__)

# Kinds of change, as the log shows them.
CREATED = "persoonsgegevens vastgelegd"
CHANGED = "persoonsgegevens gewijzigd"
DELETED = "persoonsgegevens verwijderd"
CONSENT_GIVEN = "toestemming vastgelegd"
CONSENT_WITHDRAWN = "toestemming ingetrokken"
ANONYMISED = "geanonimiseerd"
FORGOTTEN = "vergeten"
EXPORTED = "inzage geëxporteerd"
FILE_EXPORTED = "bestand met persoonsgegevens geëxporteerd"
REPORT_MADE = "rapport met naam gemaakt"
REAPPLIED = "vergeten opnieuw toegepast"  # a restored backup or an exchange brought a forgotten person back
REFUSED = "terugzetten geweigerd"  # an attempt to put personal data back on a forgotten person
UNANONYMISED = "anonimisering opgeheven"  # never by the program itself; logged if anything did it

# Which kind of personal data a column of initiators holds; the log names the kind, never the value.
FIELD_KINDS = {
    "name": "naam",
    "email": "contactgegevens",
    "phone": "contactgegevens",
    "address": "contactgegevens",
    "postcode": "contactgegevens",
}

_ACTOR_KEY = ACTOR_INFO
_ACTOR_LEN = 120


@dataclass(frozen=True)
class AuditLine:
    """One line of the log as the program shows it."""

    id: str
    occurred_at: datetime
    actor: str
    kind: str
    table: str
    record_id: str
    reference: str
    detail: str


def system_user() -> str:
    """The user name of the operating system, marked as such (no broker's name was given), or "onbekend" where there
    is none (a container without passwd)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        return "onbekend"
    return f"{user} (computeraccount)" if user else "onbekend"


def set_actor(s: Session, actor: str | None) -> None:
    """Who the changes of this session are by (the broker's name from the settings); None: the system user."""
    if actor:
        s.info[_ACTOR_KEY] = actor
    else:
        s.info.pop(_ACTOR_KEY, None)


def current_actor(s: Session) -> str:
    return str(s.info.get(_ACTOR_KEY) or system_user())


def record(
    s: Session,
    kind: str,
    table: str,
    record_id: str,
    reference: str = "",
    actor: str | None = None,
    *,
    detail: str = "",
) -> None:
    """Add one line to the log (written with the session's next flush). Pass kinds and references, never values."""
    s.add(_entry(s, kind, table, record_id, reference, actor, detail))


_ROLE_KEY = "makelaar.audit.role"


def server_role(s: Session) -> str | None:
    """On PostgreSQL the role this session connects as (each broker has their own); None on SQLite."""
    if s.get_bind().dialect.name != "postgresql":
        return None
    if _ROLE_KEY not in s.info:
        s.info[_ROLE_KEY] = str(s.connection().exec_driver_sql("SELECT current_user").scalar() or "")
    return str(s.info[_ROLE_KEY]) or None


def who(s: Session, actor: str | None = None) -> str:
    """What a log line says about who did it: the broker's name, and on a server the role they connected as."""
    name = actor or current_actor(s)
    role = server_role(s)
    if role and role != name:
        name = f"{name} (rol {role})"
    return name[:_ACTOR_LEN]


def _entry(
    s: Session, kind: str, table: str, record_id: str, reference: str, actor: str | None, detail: str
) -> AuditEntry:
    who_ = who(s, actor)
    return AuditEntry(
        id=new_id(),
        occurred_at=utcnow(),
        actor=who_,
        kind=kind,
        record_table=table,
        record_id=record_id,
        reference=reference or "",
        detail=detail,
    )


def list_entries(s: Session, limit: int = 200, offset: int = 0) -> list[AuditLine]:
    """The newest lines first, a page at a time."""
    rows = s.scalars(
        select(AuditEntry).order_by(AuditEntry.occurred_at.desc(), AuditEntry.id.desc()).offset(offset).limit(limit)
    )
    return [_line(r) for r in rows]


def count_entries(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def entries_for(s: Session, record_id: str, reference: str | None = None) -> list[AuditLine]:
    """Every line about one record, oldest first; with ``reference``, also the lines about the consents of that
    initiator (they carry the initiator's reference)."""
    about = AuditEntry.record_id == record_id
    if reference:
        about = or_(about, and_(AuditEntry.record_table == "consents", AuditEntry.reference == reference))
    rows = s.scalars(select(AuditEntry).where(about).order_by(AuditEntry.occurred_at, AuditEntry.id))
    return [_line(r) for r in rows]


def _line(row: AuditEntry) -> AuditLine:
    return AuditLine(
        id=row.id,
        occurred_at=row.occurred_at,
        actor=row.actor,
        kind=row.kind,
        table=row.record_table,
        record_id=row.record_id,
        reference=row.reference,
        detail=row.detail,
    )


# --- the listener ----------------------------------------------------------------------------------------------------


def _changed_kinds(obj: Initiator) -> list[str]:
    state = inspect(obj)
    kinds: list[str] = []
    for column, kind in FIELD_KINDS.items():
        if state.attrs[column].history.has_changes() and kind not in kinds:
            kinds.append(kind)
    return kinds


def _filled_kinds(obj: Initiator) -> list[str]:
    kinds: list[str] = []
    for column, kind in FIELD_KINDS.items():
        if getattr(obj, column) and kind not in kinds:
            kinds.append(kind)
    return kinds


def _ensure_id(obj: Initiator | Consent) -> str:
    # Keys get their default at INSERT, after this listener; the log needs them now. Setting it here is the same
    # value the default would have made.
    if obj.id is None:
        obj.id = new_id()
    return obj.id


def _before_flush(s: Session, flush_context: UOWTransaction, instances: Any) -> None:
    entries: list[AuditEntry] = []
    for obj in s.new:
        if isinstance(obj, Initiator):
            entries.append(
                _entry(s, CREATED, "initiators", _ensure_id(obj), obj.reference, None, ", ".join(_filled_kinds(obj)))
            )
        elif isinstance(obj, Consent):
            owner = obj.initiator
            reference = owner.reference if owner is not None else ""
            kind = CONSENT_GIVEN if obj.given else CONSENT_WITHDRAWN
            entries.append(_entry(s, kind, "consents", _ensure_id(obj), reference, None, obj.purpose))
    for obj in s.dirty:
        if not isinstance(obj, Initiator) or not s.is_modified(obj, include_collections=False):
            continue
        _refuse_undoing(s, obj)
        if inspect(obj).attrs.anonymised_at.history.has_changes():
            # Anonymising is logged by whoever does it, as "geanonimiseerd" (retention) or "vergeten" (a request).
            continue
        kinds = _changed_kinds(obj)
        if kinds:
            entries.append(_entry(s, CHANGED, "initiators", obj.id, obj.reference, None, ", ".join(kinds)))
    for obj in s.deleted:
        if isinstance(obj, Initiator):
            entries.append(_entry(s, DELETED, "initiators", obj.id, obj.reference, None, ""))
    if entries:
        s.add_all(entries)
        # Counts and kinds only: a log file must never hold personal data.
        log.debug("audit: %d regels", len(entries))


class AnonymisedError(KnownError):
    """Personal data was to be put back on a person who was forgotten or anonymised: refused (one way only)."""

    def __init__(self, reference: str) -> None:
        super().__init__(
            f"{reference or 'Deze persoon'} is vergeten of geanonimiseerd; naam en contactgegevens kunnen niet "
            "terugkomen. Er is niets opgeslagen. Is het iemand die opnieuw contact zoekt, voeg dan een nieuwe "
            "initiatiefnemer toe."
        )


def _puts_data_back(obj: Initiator) -> bool:
    """Whether this change clears the anonymisation or writes a name or contact data (anonymising is allowed)."""
    state = inspect(obj)
    if obj.anonymised_at is None:
        return True
    for column in FIELD_KINDS:
        if not state.attrs[column].history.has_changes():
            continue
        value = getattr(obj, column)
        if value and not (column == "name" and value == "(geanonimiseerd)"):
            return True
    return False


def note_refusal(s: Session, record_id: str, reference: str, detail: str) -> None:
    """Remember an attempt to bring a forgotten person's data back; the log line is written with the session's
    commit, or after its rollback in a transaction of its own (see :func:`write_refusals`)."""
    pending: dict[str, tuple[str, str, str]] = s.info.setdefault(REFUSALS_INFO, {})
    pending[record_id] = (reference, detail, who(s))


def _refuse_undoing(s: Session, obj: Initiator) -> None:
    """The one-way rule: a person anonymised in the store stays anonymous, whichever path writes."""
    history = inspect(obj).attrs.anonymised_at.history
    was = next((v for v in (*history.deleted, *history.unchanged) if v is not NO_VALUE), None)
    if was is None or not _puts_data_back(obj):
        return
    note_refusal(s, obj.id, obj.reference, "naam of contactgegevens terugzetten")
    raise AnonymisedError(obj.reference)


def _entries_for_refusals(pending: dict[str, tuple[str, str, str]]) -> list[AuditEntry]:
    return [
        AuditEntry(
            id=new_id(),
            occurred_at=utcnow(),
            actor=actor[:_ACTOR_LEN],
            kind=REFUSED,
            record_table="initiators",
            record_id=record_id,
            reference=reference,
            detail=detail[:200],
        )
        for record_id, (reference, detail, actor) in pending.items()
    ]


def _before_commit(s: Session) -> None:
    pending = s.info.pop(REFUSALS_INFO, None)
    if pending:
        s.add_all(_entries_for_refusals(pending))


def write_refusals(s: Session, pending: dict[str, tuple[str, str, str]]) -> None:
    """Write the log lines of refused attempts whose own transaction was rolled back."""
    s.add_all(_entries_for_refusals(pending))


event.listen(Session, "before_flush", _before_flush)
event.listen(Session, "before_commit", _before_commit)
