"""The AVG by design: retention, and a resident's rights as one action each.

- Retention: an initiator whose every idea has been closed for longer than the retention period (setting
  ``retention_months``, default 24) is anonymised: name, e-mail, phone, address and postcode go; the reference, the
  consents (what was agreed, when and how), the ideas with their wijk, themes and outcome stay for the statistics.
- Inzage: :func:`export_person` gathers everything stored about one person; :func:`write_export` writes it as JSON
  or as a PDF.
- Rectificatie: the idea editor (``services.ideas.save_idea``); nothing new is needed.
- Vergetelheid: :func:`forget_person` anonymises now, whatever the retention period says.

Every action goes into the audit log (:mod:`makelaar.services.audit`) with its kind and reference, never the values.
"""

from __future__ import annotations

import json
import logging
import re
from calendar import monthrange
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from makelaar.domain.enums import CLOSED_IDEA_STATUSES
from makelaar.domain.errors import AmbiguousError, KnownError, NotFoundError
from makelaar.services import audit
from makelaar.services.common import DRY_RUN_INFO
from makelaar.services.vocabulary import get_setting, municipality_name, set_setting
from makelaar.storage import backup, forgotten
from makelaar.storage.base import ERASED_INFO, utcnow
from makelaar.storage.engine import user_data_dir
from makelaar.storage.files import write_private_bytes
from makelaar.storage.models import Area, Consent, ExchangeRecord, Idea, ImportChange, Initiator, idea_initiators

log = logging.getLogger(__name__)

RETENTION_MONTHS = "retention_months"
DEFAULT_RETENTION_MONTHS = 24
ANONYMOUS_NAME = "(geanonimiseerd)"

_CLOSED = sorted(s.value for s in CLOSED_IDEA_STATUSES)
_PURPOSES = {"contact": "contact door de gemeente", "delen": "delen met partnerorganisaties"}


# --- the retention period --------------------------------------------------------------------------------------------


def retention_months(s: Session) -> int:
    """The retention period in months; a missing or unreadable setting is the default (24)."""
    raw = get_setting(s, RETENTION_MONTHS, "")
    try:
        months = int(raw)
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
    return months if months >= 1 else DEFAULT_RETENTION_MONTHS


def set_retention_months(s: Session, months: int) -> None:
    if not 1 <= months <= 1200:
        raise KnownError("De bewaartermijn is een aantal maanden van 1 tot en met 1200.")
    set_setting(s, RETENTION_MONTHS, str(months))


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier; a day the earlier month lacks becomes its last day (31 May - 3 -> 28 Feb)."""
    total = day.year * 12 + (day.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


@dataclass(frozen=True)
class RetentionItem:
    """One initiator whose data the retention rule will anonymise (references only: a preview leaks nothing)."""

    initiator_id: str
    reference: str
    idea_references: list[str]
    closed_on: date  # the last of their ideas to close


def _due_statement(s: Session, today: date, *columns: Any) -> Any:
    cutoff = months_before(today, retention_months(s))
    # Ideas that keep their initiators' data: still open, closed without a date, or closed too recently.
    keeping = (
        select(idea_initiators.c.initiator_id)
        .join(Idea, Idea.id == idea_initiators.c.idea_id)
        .where(or_(Idea.status.not_in(_CLOSED), Idea.closed_on.is_(None), Idea.closed_on > cutoff))
    )
    return (
        select(*columns)
        .where(
            Initiator.anonymised_at.is_(None),
            Initiator.id.in_(select(idea_initiators.c.initiator_id)),
            Initiator.id.not_in(keeping),
        )
        .order_by(Initiator.reference)
    )


def _due(s: Session, today: date) -> list[Initiator]:
    return list(s.scalars(_due_statement(s, today, Initiator)))


def _ideas_of(s: Session, initiator_ids: Sequence[str]) -> dict[str, list[Idea]]:
    if not initiator_ids:
        return {}
    rows = s.execute(
        select(idea_initiators.c.initiator_id, Idea)
        .join(Idea, Idea.id == idea_initiators.c.idea_id)
        .where(idea_initiators.c.initiator_id.in_(initiator_ids))
        .order_by(Idea.reference)
    ).all()
    out: dict[str, list[Idea]] = {}
    for initiator_id, idea in rows:
        out.setdefault(initiator_id, []).append(idea)
    return out


def retention_preview(s: Session, today: date | None = None) -> list[RetentionItem]:
    """Who :func:`apply_retention` would anonymise today: every idea of theirs closed longer than the period ago.

    Plain rows, not ORM objects: a store where retention was never applied can list tens of thousands of people.
    """
    today = today or date.today()
    due = s.execute(_due_statement(s, today, Initiator.id, Initiator.reference)).all()
    ideas: dict[str, list[tuple[str, date | None]]] = {}
    ids = [row[0] for row in due]
    for start in range(0, len(ids), 5_000):  # bounded IN lists
        rows = s.execute(
            select(idea_initiators.c.initiator_id, Idea.reference, Idea.closed_on)
            .join(Idea, Idea.id == idea_initiators.c.idea_id)
            .where(idea_initiators.c.initiator_id.in_(ids[start : start + 5_000]))
            .order_by(Idea.reference)
        ).all()
        for initiator_id, reference, closed_on in rows:
            ideas.setdefault(initiator_id, []).append((reference, closed_on))
    items = []
    for initiator_id, reference in due:
        theirs = ideas.get(initiator_id, [])
        closed = [c for _r, c in theirs if c is not None]
        items.append(
            RetentionItem(
                initiator_id=initiator_id,
                reference=reference,
                idea_references=[r for r, _c in theirs],
                closed_on=max(closed),
            )
        )
    return items


def _anonymise(person: Initiator, when: datetime | None = None) -> None:
    # The consents stay: they record what was agreed, when and how, and hold no contact data themselves.
    person.name = ANONYMOUS_NAME
    person.email = person.phone = person.address = person.postcode = None
    person.anonymised_at = when or utcnow()
    person.updated_at = utcnow()


def is_anonymous(person: Initiator) -> bool:
    """Whether a person holds no personal data any more (and is marked so)."""
    return (
        person.anonymised_at is not None
        and person.name == ANONYMOUS_NAME
        and not any((person.email, person.phone, person.address, person.postcode))
    )


def _personal_values(person: Initiator) -> list[str]:
    """The values that must leave every copy the program keeps (the name only when it is one)."""
    values = [person.email, person.phone, person.address]
    if person.name and person.name != ANONYMOUS_NAME:
        values.append(person.name)
    return [v for v in values if v and v.strip()]


def apply_retention(s: Session, today: date | None = None, actor: str | None = None) -> int:
    """Anonymise everyone the preview lists; returns how many."""
    due = _due(s, today or date.today())
    if not due:
        return 0
    now = utcnow()
    _remember(s, {person.id: now for person in due})
    values: list[str] = []
    for person in due:
        values.extend(_personal_values(person))
        _anonymise(person, now)
        audit.record(
            s, audit.ANONYMISED, "initiators", person.id, person.reference, actor, detail="bewaartermijn verstreken"
        )
    erase_copies(s, [p.id for p in due], values)
    log.info("bewaartermijn: %d initiatiefnemers geanonimiseerd", len(due))
    return len(due)


# --- every copy the program keeps ------------------------------------------------------------------------------------

_UUID_IN_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CHUNK = 500


def _list_path(s: Session) -> Path | None:
    bind = s.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    return forgotten.list_path(engine)


def _remember(s: Session, persons: Mapping[str, datetime]) -> None:
    """Put persons on the forgotten list before they are anonymised in the store: if the list cannot be written,
    nothing is anonymised (the caller's transaction rolls back) and the user is told."""
    path = _list_path(s)
    if path is None:
        return
    try:
        forgotten.add(path, persons)
    except OSError as exc:
        raise KnownError(
            f"De lijst van vergeten personen ({path}) kan niet worden bijgewerkt: {exc.strerror or exc}. "
            "Er is niets gewist; maak ruimte vrij of controleer de map, en probeer het opnieuw."
        ) from exc


def erase_copies(s: Session, person_ids: Collection[str], values: Iterable[str] = ()) -> None:
    """Remove what the program keeps of anonymised persons besides their record:

    - the import journal: an import's before-values (``import_changes.before``) hold the initiators of an idea with
      name, e-mail and phone; those entries become anonymous (the undo then keeps such an idea as it is);
    - the exchange bookkeeping: the hashes of the record's earlier versions (derived from its personal data) go; an
      anonymised person travels by the one-way rule of the exchange, not by history;
    - drafts of the intake (a form not yet saved) that name the person, by name, e-mail or phone: those fields are
      emptied (the idea's own text stays).

    The audit log never holds values, and the search index holds no initiators. On SQLite ``secure_delete`` is on
    (storage.engine), so the freed space of the old row is overwritten too.
    """
    ids = set(person_ids)
    if not ids:
        return
    s.info[ERASED_INFO] = True  # the store empties its journal after the commit
    s.flush()
    conn = s.connection()
    items = sorted(ids)
    for start in range(0, len(items), _CHUNK):
        conn.execute(
            update(ExchangeRecord)
            .where(
                ExchangeRecord.record_table == "initiators", ExchangeRecord.record_id.in_(items[start : start + _CHUNK])
            )
            .values(history="", seen_hash=None, pending=True)
        )
    _scrub_journal(s, ids)
    if not s.info.get(DRY_RUN_INFO):
        _scrub_drafts([v for v in values if v])


def _scrub_journal(s: Session, ids: set[str]) -> None:
    rows = s.execute(
        select(ImportChange.id, ImportChange.before).where(
            ImportChange.record_table == "ideas", ImportChange.before.is_not(None)
        )
    ).all()
    changed: list[tuple[str, str]] = []
    for change_id, before in rows:
        if not before or not ids.intersection(_UUID_IN_TEXT.findall(before)):
            continue
        try:
            values = json.loads(before)
        except ValueError:
            changed.append((change_id, "{}"))  # unreadable: nothing to undo with anyway
            continue
        for person in values.get("initiators", []) if isinstance(values, dict) else []:
            if isinstance(person, dict) and person.get("id") in ids:
                person.update(name=ANONYMOUS_NAME, email=None, phone=None, address=None, postcode=None)
        changed.append((change_id, json.dumps(values, ensure_ascii=False)))
    for change_id, text in changed:
        s.execute(update(ImportChange).where(ImportChange.id == change_id).values(before=text))


def drafts_dir() -> Path:
    """Where the intake keeps its drafts (makelaar.ui.intake.draft_path)."""
    return user_data_dir() / "drafts"


def _scrub_drafts(values: list[str]) -> None:
    """Empty the name, e-mail and phone fields of intake drafts that hold the person's; a draft whose other text
    still names them (a whole word of six characters or more) goes whole. A short name alone ("Jo") never removes
    a draft about someone else."""
    folder = drafts_dir()
    wanted = {v.strip().casefold() for v in values if v.strip()}
    if not wanted or not folder.is_dir():
        return
    words = [re.compile(rf"(?<!\w){re.escape(v)}(?!\w)") for v in wanted if len(v) >= 6]
    for path in folder.iterdir():
        if not path.is_file() or path.is_symlink():
            continue
        try:
            if path.stat().st_size > 10 * 1024 * 1024:
                continue  # no draft of ours is that big
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        try:
            content = json.loads(text)
        except ValueError:
            content = None
        try:
            if not isinstance(content, dict):
                if any(w.search(text.casefold()) for w in words):
                    path.unlink()  # a damaged draft that names the person: it cannot be cleaned, so it goes
                continue
            emptied = False
            for key in ("name", "email", "phone"):
                if str(content.get(key) or "").strip().casefold() in wanted:
                    content[key] = ""
                    emptied = True
            rest = json.dumps(content, ensure_ascii=False).casefold()
            if any(w.search(rest) for w in words):
                path.unlink()  # the person is named elsewhere in the draft (its text): it goes whole
            elif emptied:
                write_private_bytes(path, json.dumps(content, ensure_ascii=False).encode("utf-8"))
        except OSError:
            log.warning("een concept van de intake kon niet worden opgeschoond")


def forgotten_ids(s: Session) -> set[str]:
    """The persons on this store's forgotten list (an unreadable list counts as empty here: see reapply)."""
    path = _list_path(s)
    if path is None:
        return set()
    try:
        return set(forgotten.read(path))
    except OSError:
        return set()


def reapply_forgotten(s: Session, actor: str | None = None, why: str = "", *, sync: bool = True) -> int:
    """Anonymise again every person on the forgotten list that holds personal data in this store (a restored
    backup, a dump put back, an exchange), logged as such; with ``sync``, also put the store's anonymised persons on
    the list (a scan of the initiators: at start and after an exchange, not at every open). Returns how many were
    anonymised again."""
    path = _list_path(s)
    if path is None:
        return 0
    try:
        listed = forgotten.read(path)
    except OSError as exc:
        # The store still opens; forgetting someone new says what is wrong with the list (see _remember).
        log.warning("de lijst van vergeten personen kan niet worden gelezen: %s", exc.strerror or exc)
        return 0
    again: list[Initiator] = []
    keys = sorted(listed)
    for start in range(0, len(keys), _CHUNK):
        again.extend(
            s.scalars(
                select(Initiator).where(
                    Initiator.id.in_(keys[start : start + _CHUNK]),
                    or_(
                        Initiator.anonymised_at.is_(None),
                        Initiator.name != ANONYMOUS_NAME,
                        Initiator.email.is_not(None),
                        Initiator.phone.is_not(None),
                        Initiator.address.is_not(None),
                        Initiator.postcode.is_not(None),
                    ),
                )
            )
        )
    values: list[str] = []
    for person in again:
        values.extend(_personal_values(person))
        _anonymise(person, listed.get(person.id) or utcnow())
        audit.record(s, audit.REAPPLIED, "initiators", person.id, person.reference, actor, detail=why)
    if again:
        erase_copies(s, [p.id for p in again], values)
        log.warning("vergeten opnieuw toegepast op %d initiatiefnemers", len(again))
    if not sync or s.info.get(DRY_RUN_INFO):
        return len(again)
    anonymised = select(Initiator.id, Initiator.anonymised_at).where(Initiator.anonymised_at.is_not(None))
    here = {i: when for i, when in s.execute(anonymised) if i not in listed}
    if here:
        try:
            forgotten.add(path, here)
        except OSError as exc:
            log.warning("de lijst van vergeten personen kon niet worden bijgewerkt: %s", exc.strerror or exc)
    return len(again)


# --- a resident's rights -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRef:
    id: str
    reference: str
    name: str
    anonymised: bool


def _ref(row: Initiator) -> PersonRef:
    return PersonRef(id=row.id, reference=row.reference, name=row.name, anonymised=row.anonymised_at is not None)


def find_person(s: Session, ident: str) -> PersonRef:
    """An initiator by reference (P-2026-0001) or by exact name (case does not matter); an ambiguous name lists the
    candidates with their reference."""
    text = ident.strip()
    if not text:
        raise NotFoundError("Geef het nummer (P-2026-0001) of de naam van de persoon.")
    row = s.scalar(select(Initiator).where(func.upper(Initiator.reference) == text.upper()))
    if row is not None:
        return _ref(row)
    candidates = list(
        s.scalars(
            select(Initiator).where(func.lower(Initiator.name) == text.lower()).order_by(Initiator.reference).limit(20)
        )
    )
    if not candidates:
        raise NotFoundError(f"Geen persoon gevonden met nummer of naam '{text}'.")
    if len(candidates) > 1:
        ideas = _ideas_of(s, [c.id for c in candidates])
        raise AmbiguousError(
            text,
            [
                # The reference and the ideas tell them apart; the name is the one typed, not repeated.
                c.reference + (f"  (idee {', '.join(i.reference for i in ideas[c.id])})" if ideas.get(c.id) else "")
                for c in candidates
            ],
        )
    return _ref(candidates[0])


def _load_person(s: Session, initiator_id: str) -> Initiator:
    row = s.get(Initiator, initiator_id, options=[selectinload(Initiator.consents)])
    if row is None:
        raise NotFoundError("Deze persoon bestaat niet (meer).")
    return row


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def export_person(s: Session, initiator_id: str, *, actor: str | None = None, medium: str = "") -> dict[str, Any]:
    """Everything stored about one person, as plain data (keys in Dutch: the resident reads it). Logged as an
    inzage; ``medium`` ("JSON", "PDF") goes into the log line."""
    person = _load_person(s, initiator_id)
    ideas = _ideas_of(s, [person.id]).get(person.id, [])
    areas = {a.id: a.name for a in s.scalars(select(Area).where(Area.id.in_({i.area_id for i in ideas if i.area_id})))}
    history = [
        {
            "wanneer": _iso(line.occurred_at),
            "wat": line.kind,
            "door": line.actor,
            "welke_gegevens": line.detail,
        }
        for line in audit.entries_for(s, person.id, person.reference)
    ]
    data: dict[str, Any] = {
        "soort": "Inzage persoonsgegevens",
        "gemeente": municipality_name(s),
        "gemaakt_op": _iso(utcnow().replace(microsecond=0)),
        "persoon": {
            "nummer": person.reference,
            "naam": person.name,
            "e-mail": person.email,
            "telefoon": person.phone,
            "adres": person.address,
            "postcode": person.postcode,
            "vastgelegd_op": _iso(person.created_at),
            "laatst_gewijzigd_op": _iso(person.updated_at),
            "geanonimiseerd_op": _iso(person.anonymised_at),
        },
        "toestemmingen": [_consent(c) for c in person.consents],
        "ideeen": [
            {
                "nummer": i.reference,
                "titel": i.title,
                "status": i.status,
                "wijk": areas.get(i.area_id or ""),
                "ontvangen_op": _iso(i.received_on),
                "afgesloten_op": _iso(i.closed_on),
            }
            for i in ideas
        ],
        "bewaartermijn": (
            f"{retention_months(s)} maanden na het afsluiten van het laatste idee; daarna worden naam en "
            "contactgegevens gewist."
        ),
        "logboek": history,
    }
    audit.record(s, audit.EXPORTED, "initiators", person.id, person.reference, actor, detail=medium)
    s.flush()
    return data


def _consent(c: Consent) -> dict[str, Any]:
    return {
        "waarvoor": _PURPOSES.get(c.purpose, c.purpose),
        "gegeven": c.given,
        "hoe": c.method,
        "datum": _iso(c.recorded_on),
        "vastgelegd_op": _iso(c.recorded_at),
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


@dataclass
class ExportResult:
    path: Path
    format: str
    reference: str
    counts: dict[str, int] = field(default_factory=dict)


def forget_person(s: Session, initiator_id: str, actor: str | None = None) -> bool:
    """Erase a person's name and contact data now (anonymised; the ideas and consents stay). False when the person
    was already anonymised: nothing to do, nothing logged."""
    person = _load_person(s, initiator_id)
    if person.anonymised_at is not None:
        return False
    now = utcnow()
    _remember(s, {person.id: now})
    values = _personal_values(person)
    _anonymise(person, now)
    audit.record(s, audit.FORGOTTEN, "initiators", person.id, person.reference, actor, detail="op verzoek")
    erase_copies(s, [person.id], values)
    return True


def ideas_of_person(s: Session, initiator_id: str) -> list[str]:
    """The references of the ideas a person is behind."""
    return [i.reference for i in _ideas_of(s, [initiator_id]).get(initiator_id, [])]


def housekeeping(s: Session, store_path: Path | None, today: date | None = None, actor: str | None = None) -> int:
    """What runs when the program starts: anonymise who is past the retention period, and delete the program's
    backups older than that period, so erased data does not live on in them. Returns how many were anonymised."""
    today = today or date.today()
    reapply_forgotten(s, actor, why="bij het starten")
    done = apply_retention(s, today, actor)
    if store_path is not None:
        cutoff = months_before(today, retention_months(s))
        backup.thin_before(store_path, datetime(cutoff.year, cutoff.month, cutoff.day))
    return done
