"""The AVG by design (issue 6 §2): retention, and a resident's rights as one action each.

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
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from makelaar.domain.enums import CLOSED_IDEA_STATUSES
from makelaar.domain.errors import AmbiguousError, KnownError, NotFoundError
from makelaar.services import audit
from makelaar.services.vocabulary import get_setting, municipality_name, set_setting
from makelaar.storage import backup
from makelaar.storage.base import utcnow
from makelaar.storage.models import Area, Consent, Idea, Initiator, idea_initiators

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


def _anonymise(person: Initiator) -> None:
    # The consents stay: they record what was agreed, when and how, and hold no contact data themselves.
    person.name = ANONYMOUS_NAME
    person.email = person.phone = person.address = person.postcode = None
    person.anonymised_at = utcnow()
    person.updated_at = person.anonymised_at


def apply_retention(s: Session, today: date | None = None, actor: str | None = None) -> int:
    """Anonymise everyone the preview lists; returns how many."""
    due = _due(s, today or date.today())
    for person in due:
        _anonymise(person)
        audit.record(
            s, audit.ANONYMISED, "initiators", person.id, person.reference, actor, detail="bewaartermijn verstreken"
        )
    s.flush()
    log.info("bewaartermijn: %d initiatiefnemers geanonimiseerd", len(due))
    return len(due)


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
                f"{c.reference}  {c.name}"
                + (f"  (idee {', '.join(i.reference for i in ideas[c.id])})" if ideas.get(c.id) else "")
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


def write_export(
    s: Session, initiator_id: str, out: Path, *, actor: str | None = None, today: date | None = None
) -> ExportResult:
    """Write the inzage to ``out``; its suffix (.json or .pdf) decides the format."""
    suffix = out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise KnownError(f"Kies een bestand dat eindigt op .json of .pdf, niet '{out.name}'.")
    if not out.parent.exists():
        raise KnownError(f"De map {out.parent} bestaat niet; kies een map die er is.")
    fmt = suffix[1:].upper()
    data = export_person(s, initiator_id, actor=actor, medium=fmt)
    try:
        if fmt == "JSON":
            out.write_text(to_json(data) + "\n", encoding="utf-8")
        else:
            _write_pdf(data, out, today or date.today())
    except OSError as exc:
        raise KnownError(f"Het bestand {out} kon niet worden geschreven: {exc.strerror or exc}.") from exc
    return ExportResult(
        path=out,
        format=fmt,
        reference=data["persoon"]["nummer"],
        counts={"toestemmingen": len(data["toestemmingen"]), "ideeen": len(data["ideeen"])},
    )


def _write_pdf(data: dict[str, Any], out: Path, today: date) -> None:
    # Imported here: the services stay light to import, and the stylesheet registers its font on import.
    # (This report would sit in makelaar/reports/ beside the others; it lives here until it moves.)
    from reportlab.lib.units import mm
    from reportlab.platypus import Flowable

    from makelaar.domain.formatting import format_date
    from makelaar.reports.style import WIDTH, ReportInfo, build_pdf, facts, para, table

    def day(value: str | None) -> str:
        if not value:
            return ""
        return format_date(date.fromisoformat(value[:10]))

    def moment(value: str | None) -> str:
        return f"{day(value)} {value[11:16]}" if value else ""

    person = data["persoon"]
    info = ReportInfo(
        title="Inzage persoonsgegevens",
        subject=f"Wat Makelaar bewaart over {person['nummer']}",
        municipality=data["gemeente"],
        printed_on=today,
    )
    story: list[Flowable] = [
        para("Inzage persoonsgegevens", "title"),
        para(f"Alles wat de gemeente in Makelaar over {person['nummer']} bewaart.", "subtitle"),
        para("Persoon", "h2"),
        facts(
            [
                ("Nummer", person["nummer"]),
                ("Naam", person["naam"]),
                ("E-mail", person["e-mail"] or "(niet bewaard)"),
                ("Telefoon", person["telefoon"] or "(niet bewaard)"),
                ("Adres", person["adres"] or "(niet bewaard)"),
                ("Postcode", person["postcode"] or "(niet bewaard)"),
                ("Vastgelegd op", day(person["vastgelegd_op"])),
                ("Laatst gewijzigd", day(person["laatst_gewijzigd_op"])),
                ("Geanonimiseerd op", day(person["geanonimiseerd_op"])),
            ]
        ),
        para("Toestemmingen", "h2"),
    ]
    if data["toestemmingen"]:
        story.append(
            table(
                ["Waarvoor", "Gegeven", "Hoe", "Datum"],
                [
                    [c["waarvoor"], "ja" if c["gegeven"] else "nee (ingetrokken)", c["hoe"], day(c["datum"])]
                    for c in data["toestemmingen"]
                ],
                [WIDTH - 95 * mm, 35 * mm, 30 * mm, 30 * mm],
            )
        )
    else:
        story.append(para("Er is geen toestemming vastgelegd."))
    story.append(para("Ideeën", "h2"))
    if data["ideeen"]:
        story.append(
            table(
                ["Nummer", "Titel", "Status", "Wijk", "Ontvangen", "Afgesloten"],
                [
                    [
                        i["nummer"],
                        i["titel"],
                        i["status"],
                        i["wijk"] or "",
                        day(i["ontvangen_op"]),
                        day(i["afgesloten_op"]),
                    ]
                    for i in data["ideeen"]
                ],
                [26 * mm, WIDTH - 132 * mm, 26 * mm, 26 * mm, 27 * mm, 27 * mm],
            )
        )
    else:
        story.append(para("Deze persoon staat bij geen enkel idee (meer)."))
    story.append(para("Bewaartermijn", "h2"))
    story.append(para(data["bewaartermijn"]))
    story.append(para("Logboek", "h2"))
    if data["logboek"]:
        story.append(
            table(
                ["Wanneer (UTC)", "Wat", "Door", "Welke gegevens"],
                [[moment(e["wanneer"]), e["wat"], e["door"], e["welke_gegevens"]] for e in data["logboek"]],
                [36 * mm, 50 * mm, 40 * mm, WIDTH - 126 * mm],
            )
        )
    else:
        story.append(para("Het logboek heeft nog geen regels over deze persoon."))
    story.append(
        para(
            "Klopt er iets niet, of wilt u dat uw gegevens worden gewist? Neem contact op met de gemeente; "
            "u hoeft dit niet te motiveren.",
            "small",
        )
    )
    build_pdf(out, info, story)


def forget_person(s: Session, initiator_id: str, actor: str | None = None) -> bool:
    """Erase a person's name and contact data now (anonymised; the ideas and consents stay). False when the person
    was already anonymised: nothing to do, nothing logged."""
    person = _load_person(s, initiator_id)
    if person.anonymised_at is not None:
        return False
    _anonymise(person)
    audit.record(s, audit.FORGOTTEN, "initiators", person.id, person.reference, actor, detail="op verzoek")
    s.flush()
    return True


def ideas_of_person(s: Session, initiator_id: str) -> list[str]:
    """The references of the ideas a person is behind."""
    return [i.reference for i in _ideas_of(s, [initiator_id]).get(initiator_id, [])]


def housekeeping(s: Session, store_path: Path | None, today: date | None = None, actor: str | None = None) -> int:
    """What runs when the program starts: anonymise who is past the retention period, and delete the program's
    backups older than that period, so erased data does not live on in them. Returns how many were anonymised."""
    today = today or date.today()
    done = apply_retention(s, today, actor)
    if store_path is not None:
        cutoff = months_before(today, retention_months(s))
        backup.thin_before(store_path, datetime(cutoff.year, cutoff.month, cutoff.day))
    return done
