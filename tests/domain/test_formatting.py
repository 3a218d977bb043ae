"""Dutch presentation: € 1.250,00 and 28-11-2026."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from makelaar.domain.formatting import format_date, format_euro, parse_euro


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1250, "€ 1.250,00"),
        (0, "€ 0,00"),
        (Decimal("999.5"), "€ 999,50"),
        (1234567.891, "€ 1.234.567,89"),
        (-3.5, "-€ 3,50"),
        (None, ""),
    ],
)
def test_format_euro(amount: Decimal | int | float | None, text: str) -> None:
    assert format_euro(amount) == text


def test_format_date_is_day_month_year() -> None:
    assert format_date(date(2026, 11, 28)) == "28-11-2026"
    assert format_date(datetime(2026, 1, 2, 23, 59)) == "02-01-2026"
    assert format_date(None) == ""


@pytest.mark.parametrize(
    ("text", "amount"),
    [("€ 1.250,00", "1250.00"), ("1250", "1250.00"), ("1.250", "1250.00"), ("1250,5", "1250.50"), ("  ", None)],
)
def test_parse_euro(text: str, amount: str | None) -> None:
    assert parse_euro(text) == (Decimal(amount) if amount is not None else None)


def test_parse_euro_refuses_nonsense_and_negative() -> None:
    with pytest.raises(ValueError, match="geen bedrag"):
        parse_euro("veel geld")
    with pytest.raises(ValueError, match="negatief"):
        parse_euro("-5")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("NaN", "geen bedrag"),
        ("Infinity", "geen bedrag"),
        ("-inf", "geen bedrag"),
        ("1e30", "te hoog"),
        ("12.345.678.901,99", "te hoog"),
        ("10.000.000,01", "te hoog"),
    ],
)
def test_parse_euro_refuses_what_the_store_cannot_keep_with_a_message(text: str, message: str) -> None:
    # Each of these once ended in an arithmetic error (the bug dialog) or a failed save on PostgreSQL.
    with pytest.raises(ValueError, match=message):
        parse_euro(text)
    assert parse_euro("10.000.000,00") == Decimal("10000000.00")
