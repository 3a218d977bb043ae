"""Exchange between stores (issue 5 §4): per record where it stands in the exchange, and tombstones of deletions.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 10:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_records",
        sa.Column("record_table", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("seen_hash", sa.String(length=64), nullable=True),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("record_table", "record_id", name=op.f("pk_exchange_records")),
    )
    with op.batch_alter_table("exchange_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_exchange_records_pending"), ["pending"], unique=False)

    op.create_table(
        "tombstones",
        sa.Column("record_table", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("record_table", "record_id", name=op.f("pk_tombstones")),
    )
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tombstones_pending"), ["pending"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tombstones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tombstones_pending"))
    op.drop_table("tombstones")
    with op.batch_alter_table("exchange_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_exchange_records_pending"))
    op.drop_table("exchange_records")
