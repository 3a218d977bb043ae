"""Composite indexes so list pages are read in order, not sorted (bench: opening 100k ideas 82 -> 10 ms).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 08:08:06.623728
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Index operations only: batch mode runs them in place and never recreates the table (which would drop the
    # search triggers on ideas).
    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ideas_area_id"))
        batch_op.drop_index(batch_op.f("ix_ideas_received_on"))
        batch_op.drop_index(batch_op.f("ix_ideas_status_updated"))
        batch_op.drop_index(batch_op.f("ix_ideas_title"))
        batch_op.create_index("ix_ideas_title", ["title", "id"], unique=False)
        batch_op.create_index("ix_ideas_area", ["area_id", "received_on", "id"], unique=False)
        batch_op.create_index("ix_ideas_received", ["received_on", "id"], unique=False)
        batch_op.create_index("ix_ideas_status", ["status", "received_on", "id"], unique=False)
        batch_op.create_index("ix_ideas_updated", ["updated_at", "id"], unique=False)

    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisations_name"))
        batch_op.create_index("ix_organisations_name", ["name", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("organisations", schema=None) as batch_op:
        batch_op.drop_index("ix_organisations_name")
        batch_op.create_index(batch_op.f("ix_organisations_name"), ["name"], unique=False)

    with op.batch_alter_table("ideas", schema=None) as batch_op:
        batch_op.drop_index("ix_ideas_updated")
        batch_op.drop_index("ix_ideas_status")
        batch_op.drop_index("ix_ideas_received")
        batch_op.drop_index("ix_ideas_area")
        batch_op.drop_index("ix_ideas_title")
        batch_op.create_index(batch_op.f("ix_ideas_title"), ["title"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_status_updated"), ["status", "updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_received_on"), ["received_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_ideas_area_id"), ["area_id"], unique=False)
