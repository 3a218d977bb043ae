"""The exchange file's format: its name and version, the labels of what it carries, and the plan an import shows."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from makelaar.services.vocabulary import get_setting, set_setting
from makelaar.storage.base import new_id
from makelaar.storage.tracking import (
    BY_TABLE,
    REC_TABLE,
    TOMB_TABLE,
    content_hash,
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
