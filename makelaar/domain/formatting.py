"""Dutch presentation of dates and amounts (28-11-2026, € 1.250,00)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    # Not strftime: under PySide6 each call passes shiboken's import hook, ten times slower, in every date column.
    return f"{value.day:02d}-{value.month:02d}-{value.year:04d}"


def format_datetime(value: datetime | None) -> str:
    """Timestamps are stored as naive UTC; people read them in their local time."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC).astimezone()
    return value.strftime("%d-%m-%Y %H:%M")


def format_euro(value: Decimal | int | float | None) -> str:
    if value is None:
        return ""
    amount = Decimal(value).quantize(Decimal("0.01"))
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"{sign}€ {'.'.join(groups)},{cents}"


# The highest amount the store keeps: more than any initiative fund gives, and within every backend's column.
MAX_AMOUNT = Decimal("10000000.00")


def check_amount(amount: Decimal, label: str = "Het bedrag") -> Decimal:
    """An amount as the store keeps it (cents), or ValueError: not a number, negative, or more than MAX_AMOUNT."""
    if not amount.is_finite():
        raise ValueError(f"{label} is geen bedrag; schrijf het als 1.250,00.")
    if amount < 0:
        raise ValueError(f"{label} kan niet negatief zijn.")
    if amount > MAX_AMOUNT:
        raise ValueError(f"{label} is te hoog; het kan hooguit € 10.000.000,00 zijn.")
    return amount.quantize(Decimal("0.01"))


def parse_euro(text: str, label: str = "Het bedrag") -> Decimal | None:
    """Read '€ 1.250,00', '1250', '1.250' or '1250,5' as an amount; refuse what the store cannot keep (NaN,
    1e30, negative, more than € 10.000.000,00) with a Dutch message, never an arithmetic error."""
    cleaned = text.replace("€", "").replace(" ", "").strip()
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") >= 1 and len(cleaned.rsplit(".", 1)[1]) == 3:
        cleaned = cleaned.replace(".", "")
    try:
        amount = Decimal(cleaned)
    except ArithmeticError:
        raise ValueError(f"'{text.strip()[:40]}' is geen bedrag; schrijf het als 1.250,00.") from None
    if not amount.is_finite():
        raise ValueError(f"'{text.strip()[:40]}' is geen bedrag; schrijf het als 1.250,00.")
    return check_amount(amount, label)


def format_decimal(value: float, places: int = 2) -> str:
    """0.87 -> '0,87' (a Dutch decimal comma)."""
    return f"{value:.{places}f}".replace(".", ",")
