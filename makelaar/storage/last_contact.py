"""The newest timeline entry of each idea, kept on the idea by the database itself.

The Vandaag screen lists the open ideas that went quiet, the quietest first. Worked out from the timeline, that
means looking up the newest entry of every open idea (26,000 of 100,000 ideas: 120 ms on the benchmark store, on
every start). So ``ideas.last_activity_at`` holds it, kept by triggers on ``activities`` (every writer: the ORM, the
bulk inserts of an import or an exchange, a cascade), with an index that answers the list from the index alone (7 ms).

Like the search index it is not ORM metadata: the ORM never writes it, the exchange does not send it (the other
store's triggers work it out from the timeline entries it receives), and migrations/env.py leaves it out of the
comparison with the models.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, DateTime, literal_column

COLUMN = "last_activity_at"
INDEX = "ix_ideas_status_contact"  # the column, its index and the triggers are made by migration 0009


def last_activity() -> ColumnElement[datetime]:
    """``ideas.last_activity_at`` in a query (NULL: the idea has no timeline entry)."""
    return literal_column(f"ideas.{COLUMN}", DateTime())


def is_last_contact_object(name: str | None, type_: str) -> bool:
    return (type_ == "column" and name == COLUMN) or (type_ == "index" and name == INDEX)
