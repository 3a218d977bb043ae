"""Contact details an import could not read as valid (a phone "06-1234 5678 (na 18u)", an e-mail "via secretariaat")
are kept as the file gave them and marked "te controleren" instead of costing the organisation: the fields so marked,
comma-separated (phone,email,website,postcode,kvk), on the organisation itself; NULL when nothing is to check.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A plain ADD COLUMN on both backends: batch mode would recreate the table on SQLite (and its search triggers).
    op.execute("ALTER TABLE organisations ADD COLUMN to_check VARCHAR(200)")


def downgrade() -> None:
    op.execute("ALTER TABLE organisations DROP COLUMN to_check")
