"""Field validation with Dutch messages, on well-kept libraries rather than hand-written patterns.

Each ``clean_*`` function takes what the user typed and returns the normalised value (``None`` for an empty
field) or raises :class:`ValueError` with a Dutch message that says what is wrong.

This is the one path for the editors, the CSV import and the exchange: the same limits hold whichever way a value
comes in, so nothing is stored that the editor, the reports or the XLSX export cannot show. The limits:

- amounts: finite, not negative, at most ``MAX_AMOUNT`` (€ 10.000.000,00; more than any initiative fund gives,
  and well inside the store's column of 12 digits, so SQLite and PostgreSQL refuse nothing the check let through);
- names and titles: ``MAX_NAME_LENGTH`` (200) characters, as the store's columns;
- long texts (descriptions, notes): ``MAX_TEXT_LENGTH`` (10.000) characters, a few printed pages;
- team sizes: 1 to ``MAX_TEAM_SIZE`` (10.000);
- no control characters (what a spreadsheet cannot hold); newline and tab only in long texts.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from makelaar.domain.formatting import MAX_AMOUNT as MAX_AMOUNT  # the amount rules live beside parse_euro
from makelaar.domain.formatting import check_amount, parse_euro

MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 10_000
MAX_TEAM_SIZE = 10_000

# Contact fields an import keeps as the file gave them when they fail their check, marked "te controleren" (a sociale
# kaart is full of "06-1234 5678 (na 18u)" and "via secretariaat"; the organisation must not be lost over them), and
# how long such a raw value may be: what the store's column holds.
CHECKABLE_FIELDS: dict[str, int] = {"phone": 32, "email": 254, "website": 300, "postcode": 7, "kvk": 8}
CHECKABLE_LABELS = {
    "phone": "telefoon",
    "email": "e-mail",
    "website": "website",
    "postcode": "postcode",
    "kvk": "KvK-nummer",
}


def to_check_text(fields: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """The marked fields as the store keeps them ("email,phone"), None when none is marked."""
    kept = sorted({f for f in fields if f in CHECKABLE_FIELDS})
    return ",".join(kept) or None


def to_check_fields(text: str | None) -> list[str]:
    return sorted({f for f in (text or "").split(",") if f in CHECKABLE_FIELDS})


def clean_contact_field(name: str, value: str | None) -> str | None:
    """The contact field ``name`` checked as the editor checks it (ValueError with the message when not valid)."""
    if name == "website":
        return check_length(clean_url(value), "Het webadres", CHECKABLE_FIELDS["website"])
    cleaner = {"phone": clean_phone, "email": clean_email, "postcode": clean_postcode, "kvk": clean_kvk}[name]
    return cleaner(value)


def keep_unchecked(name: str, value: str | None) -> str | None:
    """A marked field's raw value as it is kept: stripped, without control characters, within the column."""
    text = (value or "").strip() or None
    return check_line(text, f"{CHECKABLE_LABELS[name].capitalize()} (te controleren)", CHECKABLE_FIELDS[name])


# C0 control characters and DEL; tab, newline and carriage return are judged by the field (check_text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")


def check_text(
    value: str | None, label: str, max_length: int = MAX_TEXT_LENGTH, *, multiline: bool = True
) -> str | None:
    """``value`` when it fits the field: not longer than ``max_length`` and without control characters (a
    spreadsheet and a PDF cannot hold them); a single-line field takes no tab or line break either."""
    if value is None:
        return None
    check_length(value, label, max_length)
    bad = _CONTROL.search(value) or (None if multiline else _LINE_BREAKS.search(value))
    if bad is not None:
        raise ValueError(
            f"{label} bevat een onzichtbaar stuurteken (code {ord(bad.group()):#04x}) op plaats {bad.start() + 1}; "
            "haal het weg."
        )
    return value


def check_line(value: str | None, label: str, max_length: int = MAX_NAME_LENGTH) -> str | None:
    """check_text for a single-line field (a name, an address, a role)."""
    return check_text(value, label, max_length, multiline=False)


def clean_amount(value: Decimal | float | int | str | None, label: str = "Het bedrag") -> Decimal | None:
    """An amount from any source: a Decimal, a number, or text as a Dutch user writes it (1.250,00)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(f"{label} is geen bedrag; schrijf het als 1.250,00.")
    if isinstance(value, str):
        return parse_euro(value, label)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{label} is geen bedrag; schrijf het als 1.250,00.") from None
    return check_amount(amount, label)


def clean_choice(value: str | None, allowed: tuple[str, ...], label: str) -> str:
    """One of the allowed values (a status, a source), or ValueError naming them."""
    if value not in allowed:
        shown = (value or "")[:40]
        raise ValueError(f"Onbekende {label} '{shown}'; kies uit: {', '.join(allowed)}.")
    return value


def _blank(value: str | None) -> bool:
    return value is None or not value.strip()


def clean_postcode(value: str | None) -> str | None:
    if _blank(value):
        return None
    assert value is not None
    # python-stdnum takes about 13 ms to import (it brings pydoc along): imported when a postcode is first checked.
    from stdnum.exceptions import ValidationError as StdnumError
    from stdnum.nl import postcode as nl_postcode

    try:
        return str(nl_postcode.validate(value))
    except StdnumError:
        raise ValueError(
            f"'{value.strip()}' is geen geldige postcode; schrijf vier cijfers en twee letters, zoals 1234 AB."
        ) from None


def clean_email(value: str | None) -> str | None:
    if _blank(value):
        return None
    assert value is not None
    clean = _email(value.strip())
    if clean is None:
        # Not the value itself: an import's rejections go to the terminal, and a resident's address is no example.
        raise ValueError("E-mail: geen geldig e-mailadres; schrijf het zoals naam@voorbeeld.nl.")
    return clean


def clean_phone(value: str | None) -> str | None:
    if _blank(value):
        return None
    assert value is not None
    clean = _phone(value)
    if clean is None:
        raise ValueError("Telefoon: geen geldig telefoonnummer; schrijf het zoals 06 12345678 of 020 123 4567.")
    return clean


# The checks are pure and slow (a large import checks the same addresses and numbers again, e.g. an unchanged
# re-import), so each value is checked once; None: not valid.
# The common case, an ASCII address such as jan.de-vries+buurt@gemeente.nl, checked by one expression; anything else
# (Unicode, quoting, "--" in a label, lengths near the limits, reserved names) goes to email_validator. The expression
# accepts a strict subset of what email_validator accepts and normalises the same way (the domain in lower case):
# tests/domain/test_validation.py compares the two on generated addresses. It is about 50 times faster, which an
# import of 20,000 organisations notices.
_PLAIN_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*)@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})"
)


# email_validator and phonenumbers take about 45 ms to import: they are imported when a value is first checked,
# not when the program starts.
@functools.cache
def _reserved_domains() -> tuple[str, ...]:
    import email_validator

    return tuple(email_validator.SPECIAL_USE_DOMAIN_NAMES)


def _plain_email(value: str) -> str | None:
    """The normalised address when the fast check can decide it is valid; None when email_validator must look."""
    found = _PLAIN_EMAIL.fullmatch(value)
    if found is None or len(value) > 200 or len(found["local"]) > 64 or "--" in found["domain"]:
        return None
    domain = found["domain"].lower()
    if any(domain == name or domain.endswith("." + name) for name in _reserved_domains()):
        return None
    return f"{found['local']}@{domain}"


@functools.lru_cache(maxsize=16_384)
def _email(value: str) -> str | None:
    plain = _plain_email(value)
    if plain is not None:
        return plain
    import email_validator

    try:
        return str(email_validator.validate_email(value, check_deliverability=False).normalized)
    except email_validator.EmailNotValidError:
        return None


@functools.lru_cache(maxsize=16_384)
def _phone(value: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 31
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt))


def clean_kvk(value: str | None) -> str | None:
    """A KvK number has eight digits (no check digit since 2016); spaces and dots are allowed when typing."""
    if _blank(value):
        return None
    assert value is not None
    digits = "".join(ch for ch in value if ch not in " .")
    if len(digits) != 8 or not digits.isdigit():
        raise ValueError(f"'{value.strip()}' is geen geldig KvK-nummer; dat zijn acht cijfers.")
    return digits


def clean_url(value: str | None) -> str | None:
    if _blank(value):
        return None
    assert value is not None
    text = value.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or "." not in host or " " in text or host.startswith("."):
        raise ValueError(f"'{value.strip()}' is geen geldig webadres, zoals www.voorbeeld.nl.")
    return text


def clean_required(value: str | None, label: str, max_length: int = MAX_NAME_LENGTH) -> str:
    if _blank(value):
        raise ValueError(f"{label} is verplicht.")
    assert value is not None
    clean = " ".join(value.split()) if "\n" not in value else value.strip()
    check_text(clean, label, max_length)
    return clean


def check_length(value: str | None, label: str, max_length: int) -> str | None:
    """The store keeps at most ``max_length`` characters; say so rather than cut a resident's words."""
    if value is not None and len(value) > max_length:
        raise ValueError(f"{label} is te lang: {len(value)} tekens, de grens is {max_length}.")
    return value


def clean_team_size(value: int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{value}' is geen aantal; vul een heel getal in.") from None
    if number < 1 or number > MAX_TEAM_SIZE:
        raise ValueError("Het aantal mensen achter het idee moet tussen 1 en 10.000 liggen.")
    return number


def parse_date(value: str | date | None) -> date | None:
    """Accept 31-01-2026 (Dutch) and 2026-01-31 (ISO)."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is geen bestaande datum; schrijf dag-maand-jaar, zoals 28-11-2026.")


EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


def plausible_date(value: str, what: str = "datum") -> date:
    """A date typed on the command line (31-01-2026 or 2026-01-31), refused with a Dutch message when it is missing,
    not a date, or outside 1900-2100 (year 1 or 9999 is a typing error, and the database cannot hold every year)."""
    from makelaar.domain.errors import KnownError

    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise KnownError(f"De {what}: {exc}") from None
    if parsed is None:
        raise KnownError(f"Geef een {what}, zoals 28-11-2026.")
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise KnownError(
            f"De {what} {value.strip()} ligt niet tussen {EARLIEST_YEAR} en {LATEST_YEAR}; schrijf dag-maand-jaar, "
            "zoals 28-11-2026."
        )
    return parsed
