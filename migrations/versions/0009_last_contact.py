"""The newest timeline entry of each idea on the idea itself (kept by triggers), and an index on koppelingen by
status and last change: the Vandaag screen's "gone quiet" and "no answer" lists from an index instead of the
whole timeline (on the benchmark store 120 ms -> 7 ms and 36 ms -> 2 ms). See makelaar/storage/last_contact.py.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies: later changes to makelaar.storage.last_contact must not change this migration.
# The newest entry of an idea, worked out again from the index (idea_id, occurred_at) after a delete or a move; an
# insert only raises it (also right when two PostgreSQL sessions add entries at once: UPDATE reads the row again
# after waiting for the other's lock).
_NEWEST = "(SELECT max(occurred_at) FROM activities WHERE idea_id = {ref})"
SQLITE = [
    "ALTER TABLE ideas ADD COLUMN last_activity_at DATETIME",
    "CREATE TRIGGER activities_contact_insert AFTER INSERT ON activities WHEN new.idea_id IS NOT NULL BEGIN\n"
    "    UPDATE ideas SET last_activity_at = max(coalesce(last_activity_at, new.occurred_at), new.occurred_at)\n"
    "    WHERE id = new.idea_id;\n"
    "END",
    "CREATE TRIGGER activities_contact_delete AFTER DELETE ON activities WHEN old.idea_id IS NOT NULL BEGIN\n"
    f"    UPDATE ideas SET last_activity_at = {_NEWEST.format(ref='old.idea_id')} WHERE id = old.idea_id;\n"
    "END",
    "CREATE TRIGGER activities_contact_update AFTER UPDATE OF idea_id, occurred_at ON activities BEGIN\n"
    f"    UPDATE ideas SET last_activity_at = {_NEWEST.format(ref='ideas.id')}\n"
    "    WHERE id IN (old.idea_id, new.idea_id);\n"
    "END",
]
POSTGRESQL = [
    "ALTER TABLE ideas ADD COLUMN last_activity_at TIMESTAMP WITHOUT TIME ZONE",
    "CREATE FUNCTION ideas_last_activity() RETURNS trigger LANGUAGE plpgsql AS $$\n"
    "BEGIN\n"
    "    IF TG_OP = 'INSERT' THEN\n"
    "        IF NEW.idea_id IS NOT NULL THEN\n"
    "            UPDATE ideas SET last_activity_at = GREATEST(last_activity_at, NEW.occurred_at)\n"
    "            WHERE id = NEW.idea_id;\n"
    "        END IF;\n"
    "        RETURN NULL;\n"
    "    END IF;\n"
    "    IF OLD.idea_id IS NOT NULL THEN\n"
    f"        UPDATE ideas SET last_activity_at = {_NEWEST.format(ref='OLD.idea_id')} WHERE id = OLD.idea_id;\n"
    "    END IF;\n"
    "    IF TG_OP = 'UPDATE' AND NEW.idea_id IS NOT NULL THEN\n"
    f"        UPDATE ideas SET last_activity_at = {_NEWEST.format(ref='NEW.idea_id')} WHERE id = NEW.idea_id;\n"
    "    END IF;\n"
    "    RETURN NULL;\n"
    "END $$",
    "CREATE TRIGGER activities_last_contact AFTER INSERT OR DELETE OR UPDATE OF idea_id, occurred_at ON activities\n"
    "FOR EACH ROW EXECUTE FUNCTION ideas_last_activity()",
]
BACKFILL = f"UPDATE ideas SET last_activity_at = {_NEWEST.format(ref='ideas.id')}"
INDEX = "CREATE INDEX ix_ideas_status_contact ON ideas (status, last_activity_at, updated_at, id)"
DOWNGRADE = {
    "sqlite": [
        "DROP TRIGGER IF EXISTS activities_contact_insert",
        "DROP TRIGGER IF EXISTS activities_contact_delete",
        "DROP TRIGGER IF EXISTS activities_contact_update",
        "DROP INDEX IF EXISTS ix_ideas_status_contact",
        "ALTER TABLE ideas DROP COLUMN last_activity_at",
    ],
    "postgresql": [
        "DROP TRIGGER IF EXISTS activities_last_contact ON activities",
        "DROP FUNCTION IF EXISTS ideas_last_activity()",
        "DROP INDEX IF EXISTS ix_ideas_status_contact",
        "ALTER TABLE ideas DROP COLUMN IF EXISTS last_activity_at",
    ],
}


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRESQL if postgresql else SQLITE:
        op.execute(statement)
    op.execute(BACKFILL)
    op.execute(INDEX)
    # Index operations only: batch mode runs them in place, without recreating the table.
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.create_index("ix_matches_status_updated", ["status", "updated_at", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("matches", schema=None) as batch_op:
        batch_op.drop_index("ix_matches_status_updated")
    for statement in DOWNGRADE[op.get_bind().dialect.name]:
        op.execute(statement)
