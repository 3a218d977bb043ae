"""Declarative base with a naming convention, UUID keys and the common columns."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Session.info key of who acts in a session (the broker's name), read by the audit log.
ACTOR_INFO = "makelaar.actor"
# Session.info key of refused attempts to bring a forgotten person's data back, logged even when the attempt's own
# transaction rolls back (makelaar.services.audit).
REFUSALS_INFO = "makelaar.audit.refusals"
# Session.info key: personal data was erased in this transaction; after the commit an SQLite store copies its journal
# back and empties it, so the old values are in neither file (makelaar.storage.store).
ERASED_INFO = "makelaar.erased"


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Keys are UUIDs written as text: records travel between laptops and must never collide.
UUID_LEN = 36


class KeyMixin:
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True, default=new_id)


class TrackedMixin(KeyMixin):
    """UUID key, created/updated timestamps (UTC) and a version counter for optimistic locking."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
