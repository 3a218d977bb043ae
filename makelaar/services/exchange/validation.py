"""The values an exchange file brings in, checked by the rules the editors and the CSV import use.

An exchange writes records past the services (Core inserts and updates), so without this check a file could store
what no editor would: an unknown status, a negative team size, an amount of 1e30 or NaN, a title of millions of
characters, control characters. Those break the editor, the reports and the XLSX export later, far from their
cause. A file that holds one is refused whole, naming the record and the field; nothing is read from it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import String

from makelaar.domain import validation as v
from makelaar.domain.enums import ActivityKind, AreaKind, IdeaSource, IdeaStatus, MatchStatus, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.services.exchange.format import FIELD_LABELS, TABLE_LABELS, Incoming
from makelaar.storage.tracking import BY_TABLE

# Columns that hold one of a fixed set of values.
_CHOICES: dict[tuple[str, str], type[StrEnum]] = {
    ("ideas", "status"): IdeaStatus,
    ("ideas", "source"): IdeaSource,
    ("matches", "status"): MatchStatus,
    ("activities", "kind"): ActivityKind,
    ("areas", "kind"): AreaKind,
    ("vocabulary_terms", "vocabulary"): Vocabulary,
}
# Whole numbers the editors keep between 1 and 10.000.
_TEAM_SIZES = frozenset({("ideas", "team_size"), ("organisations", "fund_min_initiators")})
# Any other whole number: what both backends' INTEGER holds.
_INT_RANGE = (-(2**31), 2**31 - 1)
# How many problems the message lists.
_SHOWN = 5


def check_records(path: Path, records: Sequence[Incoming]) -> None:
    """Refuse the file (KnownError) when a record holds a value the editors would refuse."""
    problems: list[str] = []
    for record in records:
        spec = BY_TABLE.get(record.table)
        if spec is None:
            continue  # read_file names tables it does not know
        for column, value in record.data.items():
            if column not in spec.types or value is None:
                continue
            try:
                _check(record.table, column, spec.types[column], spec.core.c[column].type, value)
            except ValueError as exc:
                problems.append(f"{_record_label(record)}, veld {FIELD_LABELS.get(column, column)}: {exc}")
                break  # one problem per record is enough to find it
        if len(problems) > _SHOWN:
            break
    if problems:
        shown = "\n".join(f"- {p}" for p in problems[:_SHOWN])
        more = "\n- ... en meer" if len(problems) > _SHOWN else ""
        raise KnownError(
            f"{path} bevat waarden die Makelaar niet bewaart; er is niets ingelezen. Verbeter ze in de database "
            f"die het bestand maakte en maak het opnieuw:\n{shown}{more}"
        )


def _record_label(record: Incoming) -> str:
    data: Mapping[str, Any] = record.data
    what = TABLE_LABELS.get(record.table, record.table)
    for key in ("reference", "title", "name"):
        value = data.get(key)
        if isinstance(value, str) and value.strip():
            return f"{what} {value.strip()[:60]}"
    return f"{what} {record.id[:36]}"


def _check(table: str, column: str, kind: Any, column_type: Any, value: Any) -> None:
    label = FIELD_LABELS.get(column, column).capitalize()
    if kind is str:
        if not isinstance(value, str):
            raise ValueError("geen tekst.")
        length = column_type.length if isinstance(column_type, String) and column_type.length else v.MAX_TEXT_LENGTH
        v.check_text(value, label, length)
        choices = _CHOICES.get((table, column))
        if choices is not None:
            v.clean_choice(value, tuple(c.value for c in choices), FIELD_LABELS.get(column, column))
    elif kind is bool:
        if not isinstance(value, bool):
            raise ValueError("geen ja of nee.")
    elif kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("geen heel getal.")
        if (table, column) in _TEAM_SIZES:
            v.clean_team_size(value)
        elif not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
            raise ValueError("het getal is te groot.")
    elif kind is Decimal:
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise ValueError("geen bedrag.")
        try:
            amount = Decimal(str(value))
        except InvalidOperation:
            raise ValueError(f"{label} is geen bedrag.") from None
        v.check_amount(amount, label)
    elif kind is date or kind is datetime:
        if not isinstance(value, str):
            raise ValueError("geen datum.")
        try:
            (datetime if kind is datetime else date).fromisoformat(value)
        except ValueError:
            raise ValueError("geen geldige datum.") from None
