"""ORM models of the store. Views never import these: they talk to services, which return domain objects."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from makelaar.storage.base import UUID_LEN, Base, KeyMixin, TrackedMixin, utcnow


class Versioned(TrackedMixin):
    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # A concurrent UPDATE from another session raises StaleDataError instead of overwriting silently.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def _link_table(name: str, left: str, right: str, right_table: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(
            left, String(UUID_LEN), ForeignKey(f"{left.removesuffix('_id')}s.id", ondelete="CASCADE"), primary_key=True
        ),
        Column(
            right, String(UUID_LEN), ForeignKey(f"{right_table}.id", ondelete="CASCADE"), primary_key=True, index=True
        ),
    )


idea_themes = _link_table("idea_themes", "idea_id", "term_id", "vocabulary_terms")
idea_needs = _link_table("idea_needs", "idea_id", "term_id", "vocabulary_terms")
idea_initiators = _link_table("idea_initiators", "idea_id", "initiator_id", "initiators")
organisation_offers = _link_table("organisation_offers", "organisation_id", "term_id", "vocabulary_terms")
organisation_themes = _link_table("organisation_themes", "organisation_id", "term_id", "vocabulary_terms")
organisation_areas = _link_table("organisation_areas", "organisation_id", "area_id", "areas")


class Setting(Base):
    """Business settings that belong to the store (the municipality's name), not to one laptop."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ReferenceCounter(Base):
    """The last number handed out per prefix and year, e.g. ('I', 2026) -> 42 for I-2026-0042."""

    __tablename__ = "reference_counters"
    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class VocabularyTerm(KeyMixin, Base):
    """One entry of a renamable word list: a theme, a type of help or an organisation kind."""

    __tablename__ = "vocabulary_terms"
    __table_args__ = (UniqueConstraint("vocabulary", "name", name="uq_vocabulary_terms_vocabulary_name"),)
    vocabulary: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    key: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)


class Area(KeyMixin, Base):
    """A wijk, buurt or dorp; buurten nest in a wijk. The one area of kind 'gemeente' is municipality-wide."""

    __tablename__ = "areas"
    name: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="wijk")
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)

    parent: Mapped[Area | None] = relationship(remote_side="Area.id")


class Initiator(Versioned, Base):
    """A resident behind an idea. Personal data: contact details only with a recorded consent."""

    __tablename__ = "initiators"
    reference: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(7))
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)

    consents: Mapped[list[Consent]] = relationship(
        back_populates="initiator", cascade="all, delete-orphan", order_by="Consent.recorded_at"
    )


class Consent(KeyMixin, Base):
    """A recorded consent: for what (contact, sharing with partners), given or withdrawn, when and how."""

    __tablename__ = "consents"
    initiator_id: Mapped[str] = mapped_column(ForeignKey("initiators.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(16), nullable=False)  # "contact" | "delen"
    given: Mapped[bool] = mapped_column(Boolean, nullable=False)
    method: Mapped[str] = mapped_column(String(16), nullable=False)
    recorded_on: Mapped[date] = mapped_column(Date, nullable=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)

    initiator: Mapped[Initiator] = relationship(back_populates="consents")


class IntakeSession(Versioned, Base):
    """A wijktafel or other meeting where ideas are collected."""

    __tablename__ = "sessions"
    reference: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    area: Mapped[Area | None] = relationship()


class Idea(Versioned, Base):
    __tablename__ = "ideas"
    # Every list sort ends on id so pages are stable; these indexes let SQLite read a page in order instead of
    # sorting 100,000 rows (bench/README.md).
    __table_args__ = (
        Index("ix_ideas_received", "received_on", "id"),
        Index("ix_ideas_updated", "updated_at", "id"),
        Index("ix_ideas_title", "title", "id"),
        Index("ix_ideas_status", "status", "received_on", "id"),
        Index("ix_ideas_area", "area_id", "received_on", "id"),
    )
    reference: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="nieuw")
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id", ondelete="SET NULL"))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    source: Mapped[str | None] = mapped_column(String(32))
    team_size: Mapped[int | None] = mapped_column(Integer)
    requested_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    received_on: Mapped[date] = mapped_column(Date, nullable=False)
    closed_on: Mapped[date | None] = mapped_column(Date)

    area: Mapped[Area | None] = relationship()
    session: Mapped[IntakeSession | None] = relationship()
    themes: Mapped[list[VocabularyTerm]] = relationship(secondary=idea_themes, order_by=VocabularyTerm.position)
    needs: Mapped[list[VocabularyTerm]] = relationship(secondary=idea_needs, order_by=VocabularyTerm.position)
    initiators: Mapped[list[Initiator]] = relationship(secondary=idea_initiators)


class Organisation(Versioned, Base):
    __tablename__ = "organisations"
    __table_args__ = (
        Index("ix_organisations_name", "name", "id"),
        # max(updated_at) tells the matching index whether the registry changed since it was built.
        Index("ix_organisations_updated", "updated_at"),
    )
    reference: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind_id: Mapped[str | None] = mapped_column(ForeignKey("vocabulary_terms.id", ondelete="SET NULL"), index=True)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    website: Mapped[str | None] = mapped_column(String(300))
    kvk: Mapped[str | None] = mapped_column(String(8), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(7))
    city: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, index=True)
    # Criteria of a fund (an organisation that gives money); all optional.
    fund_max_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    fund_min_initiators: Mapped[int | None] = mapped_column(Integer)
    fund_deadline: Mapped[date | None] = mapped_column(Date)
    fund_excludes: Mapped[str | None] = mapped_column(Text)
    # Contact fields whose value an import kept as the file gave it, not valid: "phone,email" (see domain.records).
    to_check: Mapped[str | None] = mapped_column(String(200))

    kind: Mapped[VocabularyTerm | None] = relationship()
    offers: Mapped[list[VocabularyTerm]] = relationship(secondary=organisation_offers, order_by=VocabularyTerm.position)
    themes: Mapped[list[VocabularyTerm]] = relationship(secondary=organisation_themes, order_by=VocabularyTerm.position)
    areas: Mapped[list[Area]] = relationship(secondary=organisation_areas, order_by=Area.position)
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", order_by="Contact.name"
    )


class Contact(Versioned, Base):
    """A contact person at an organisation."""

    __tablename__ = "contacts"
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))

    organisation: Mapped[Organisation] = relationship(back_populates="contacts")


class Match(Versioned, Base):
    """A koppeling: an idea linked to an organisation for one need, with its own status and follow-up date."""

    __tablename__ = "matches"
    __table_args__ = (
        UniqueConstraint("idea_id", "organisation_id", "need_id", name="uq_matches_idea_organisation_need"),
        Index("ix_matches_status_follow_up", "status", "follow_up_on"),
        Index("ix_matches_status_updated", "status", "updated_at", "id"),
        Index("ix_matches_updated", "updated_at"),
    )
    idea_id: Mapped[str] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[str] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[str | None] = mapped_column(ForeignKey("vocabulary_terms.id", ondelete="SET NULL"))
    contact_id: Mapped[str | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(32), nullable=False, default="voorgesteld")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    idea: Mapped[Idea] = relationship()
    organisation: Mapped[Organisation] = relationship()
    need: Mapped[VocabularyTerm | None] = relationship()
    contact: Mapped[Contact | None] = relationship()


class Activity(KeyMixin, Base):
    """A timeline entry (note, call, e-mail, visit, status change) on an idea, an organisation or both."""

    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_idea_occurred", "idea_id", "occurred_at"),
        Index("ix_activities_organisation_occurred", "organisation_id", "occurred_at"),
    )
    idea_id: Mapped[str | None] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"))
    match_id: Mapped[str | None] = mapped_column(ForeignKey("matches.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(32), nullable=False)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    author: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class AuditEntry(KeyMixin, Base):
    """One line of the audit log of personal data: who, when, what kind of change, on which record — never the
    values. No foreign key: the line must outlive the record it is about (an erased initiator)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_occurred", "occurred_at", "id"),)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    actor: Mapped[str] = mapped_column(String(120), nullable=False)
    kind: Mapped[str] = mapped_column(String(64), nullable=False)
    record_table: Mapped[str] = mapped_column(String(64), nullable=False)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False, index=True)
    reference: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    detail: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class ImportBatch(KeyMixin, Base):
    """One import of a file, kept so the import can be undone as a whole."""

    __tablename__ = "import_batches"
    __table_args__ = (Index("ix_import_batches_imported", "imported_at"),)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)  # "organisaties" | "ideeen"
    file_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    actor: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    added: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    updated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rejected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", order_by="ImportChange.position"
    )


class ImportChange(KeyMixin, Base):
    """One record an import added or updated. ``before`` holds the record's values before an update as JSON, so an
    undo can put them back; ``version_after`` tells the undo whether someone changed the record since."""

    __tablename__ = "import_changes"
    batch_id: Mapped[str] = mapped_column(ForeignKey("import_batches.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    record_table: Mapped[str] = mapped_column(String(64), nullable=False)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # "added" | "updated"
    before: Mapped[str | None] = mapped_column(Text)
    version_after: Mapped[int | None] = mapped_column(Integer)

    batch: Mapped[ImportBatch] = relationship(back_populates="changes")


class ExchangeRecord(Base):
    """Where a record stands in the exchange between stores; see makelaar.services.exchange.

    ``history`` holds the content hashes of the record's earlier versions (oldest first, space-separated, bounded):
    a store whose version is in another's history has nothing the other lacks. ``seen_hash`` is the last incoming
    version this store took in; ``pending`` says the record goes out with the next export. A record without a row
    has not changed since the store began (or was copied).
    """

    __tablename__ = "exchange_records"
    record_table: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    history: Mapped[str] = mapped_column(Text, nullable=False, default="")
    seen_hash: Mapped[str | None] = mapped_column(String(64))
    pending: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, index=True)


class Tombstone(Base):
    """A deleted record, kept so the deletion travels to the other stores. ``history`` ends with the
    version that was deleted, so a store that changed the record since sees a conflict instead of losing it."""

    __tablename__ = "tombstones"
    record_table: Mapped[str] = mapped_column(String(64), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    deleted_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    history: Mapped[str] = mapped_column(Text, nullable=False, default="")
    pending: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, index=True)
