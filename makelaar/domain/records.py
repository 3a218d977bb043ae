"""Plain records that services hand to the GUI and the command line (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class Term:
    id: str
    name: str
    key: str | None = None
    retired: bool = False


@dataclass(frozen=True)
class AreaInfo:
    id: str
    name: str
    kind: str
    parent_id: str | None = None
    retired: bool = False

    @property
    def municipality_wide(self) -> bool:
        return self.kind == "gemeente"


@dataclass
class InitiatorData:
    name: str
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    consent_contact: bool = False
    consent_share: bool = False
    consent_method: str = "mondeling"
    consent_on: date | None = None
    id: str | None = None
    reference: str | None = None
    version: int | None = None


@dataclass
class IdeaData:
    title: str
    description: str = ""
    status: str = "nieuw"
    area_id: str | None = None
    session_id: str | None = None
    source: str | None = None
    team_size: int | None = None
    requested_amount: Decimal | None = None
    received_on: date | None = None
    theme_ids: list[str] = field(default_factory=list)
    need_ids: list[str] = field(default_factory=list)
    initiators: list[InitiatorData] = field(default_factory=list)
    id: str | None = None
    reference: str | None = None
    version: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class IdeaRow:
    id: str
    reference: str
    title: str
    status: str
    area: str
    received_on: date
    updated_at: datetime
    needs: str


@dataclass
class ContactData:
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None
    id: str | None = None


@dataclass
class OrganisationData:
    name: str
    kind_id: str | None = None
    description: str = ""
    website: str | None = None
    kvk: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    active: bool = True
    fund_max_amount: Decimal | None = None
    fund_min_initiators: int | None = None
    fund_deadline: date | None = None
    fund_excludes: str | None = None
    offer_ids: list[str] = field(default_factory=list)
    theme_ids: list[str] = field(default_factory=list)
    area_ids: list[str] = field(default_factory=list)
    contacts: list[ContactData] = field(default_factory=list)
    # Contact fields ("phone", "email", "website", "postcode", "kvk") kept as an imported file gave them although
    # they are not valid: shown "te controleren" until the broker corrects them (validation.CHECKABLE_FIELDS).
    to_check: list[str] = field(default_factory=list)
    id: str | None = None
    reference: str | None = None
    version: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    reference: str
    name: str
    kind: str
    offers: str
    areas: str
    active: bool
    updated_at: datetime


@dataclass
class SessionData:
    title: str
    held_on: date
    place: str | None = None
    area_id: str | None = None
    notes: str | None = None
    id: str | None = None
    reference: str | None = None
    version: int | None = None


@dataclass(frozen=True)
class SessionRow:
    id: str
    reference: str
    title: str
    held_on: date
    place: str
    area: str
    idea_count: int


@dataclass(frozen=True)
class MatchRow:
    id: str
    idea_id: str
    idea_reference: str
    idea_title: str
    organisation_id: str
    organisation_name: str
    need: str
    contact: str
    status: str
    follow_up_on: date | None
    note: str
    version: int


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: str
    occurred_at: datetime
    text: str
    author: str
    idea_id: str | None
    organisation_id: str | None


@dataclass(frozen=True)
class Page:
    """A window of rows from a list query, with the total that matches."""

    rows: list
    total: int


@dataclass(frozen=True)
class BrokerContact:
    """Whom a resident or a partner contacts at the municipality: the broker's own name, phone and e-mail."""

    name: str = ""
    phone: str = ""
    email: str = ""
