"""Criteria of a fund on an organisation: maximum amount, minimum initiators, deadline, what it does not fund.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:16:45.277376
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


COLUMNS = ("fund_max_amount", "fund_min_initiators", "fund_deadline", "fund_excludes")


def upgrade() -> None:
    # Plain ADD/DROP COLUMN (SQLite >= 3.35 has both): batch mode would recreate the table on the way down and
    # lose the search triggers on organisations.
    op.add_column("organisations", sa.Column("fund_max_amount", sa.Numeric(precision=12, scale=2), nullable=True))
    op.add_column("organisations", sa.Column("fund_min_initiators", sa.Integer(), nullable=True))
    op.add_column("organisations", sa.Column("fund_deadline", sa.Date(), nullable=True))
    op.add_column("organisations", sa.Column("fund_excludes", sa.Text(), nullable=True))


def downgrade() -> None:
    for column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE organisations DROP COLUMN {column}")
