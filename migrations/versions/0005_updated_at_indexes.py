"""Indexes on updated_at of organisations and koppelingen: the matching index checks max(updated_at) on every
suggestion to see whether it must be rebuilt (12 ms -> 1 ms on 20,000 organisations).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 08:52:43.857007
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Index operations only: batch mode runs them in place, without recreating the tables.
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index("ix_matches_updated", ["updated_at"], unique=False)

    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.create_index("ix_organisations_updated", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index("ix_organisations_updated")

    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index("ix_matches_updated")
