"""Field validation: normalised values for good input, a Dutch message naming the value for bad input."""

from __future__ import annotations

from datetime import date

import email_validator
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from makelaar.domain import validation as v


@pytest.mark.parametrize(
    ("typed", "clean"),
    [("1234ab", "1234 AB"), ("1234 AB", "1234 AB"), (" 9999zz ", "9999 ZZ"), ("", None), (None, None)],
)
def test_postcode_is_normalised(typed: str | None, clean: str | None) -> None:
    assert v.clean_postcode(typed) == clean


@pytest.mark.parametrize("typed", ["0123 AB", "123 AB", "1234 A", "12345", "ABCD 12"])
def test_bad_postcode_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(ValueError, match="geen geldige postcode") as info:
        v.clean_postcode(typed)
    assert typed.strip() in str(info.value)
    assert "1234 AB" in str(info.value)


def test_email_is_trimmed_and_domain_lowered() -> None:
    assert v.clean_email("  jan@Voorbeeld.NL ") == "jan@voorbeeld.nl"
    assert v.clean_email("") is None


@pytest.mark.parametrize("typed", ["jan@", "jan.nl", "a b@c.nl", "@voorbeeld.nl"])
def test_bad_email_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(ValueError, match="geen geldig e-mailadres"):
        v.clean_email(typed)


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("0612345678", "06 12345678"),
        ("06-12345678", "06 12345678"),
        ("+31612345678", "06 12345678"),
        ("020-1234567", "020 123 4567"),
        ("+49 30 12345678", "+49 30 12345678"),
        (" ", None),
    ],
)
def test_phone_is_written_as_in_nl(typed: str, clean: str | None) -> None:
    assert v.clean_phone(typed) == clean


@pytest.mark.parametrize("typed", ["123", "06123", "abc", "0612345678901"])
def test_bad_phone_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(ValueError, match="geen geldig telefoonnummer"):
        v.clean_phone(typed)


def test_kvk_has_eight_digits() -> None:
    assert v.clean_kvk("1234 56.78") == "12345678"
    assert v.clean_kvk(None) is None
    for bad in ("1234567", "123456789", "1234567a"):
        with pytest.raises(ValueError, match="KvK-nummer"):
            v.clean_kvk(bad)


def test_url_gets_a_scheme() -> None:
    assert v.clean_url("www.x.nl") == "https://www.x.nl"
    assert v.clean_url("http://a.nl/pad") == "http://a.nl/pad"
    assert v.clean_url("") is None


@pytest.mark.parametrize("typed", ["x", "http://nl", "ftp://a.nl", "www.x .nl", ".nl"])
def test_bad_url_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(ValueError, match="geen geldig webadres"):
        v.clean_url(typed)


@pytest.mark.parametrize("typed", ["31-01-2026", "2026-01-31", "31/01/2026", " 31-01-2026 "])
def test_dates_dutch_and_iso(typed: str) -> None:
    assert v.parse_date(typed) == date(2026, 1, 31)


def test_date_passes_through_and_blank_is_none() -> None:
    assert v.parse_date(date(2026, 2, 1)) == date(2026, 2, 1)
    assert v.parse_date("") is None
    assert v.parse_date(None) is None


@pytest.mark.parametrize("typed", ["31-02-2026", "gisteren", "2026-13-01"])
def test_impossible_date_is_refused_in_dutch(typed: str) -> None:
    with pytest.raises(ValueError, match="geen bestaande datum") as info:
        v.parse_date(typed)
    assert "dag-maand-jaar" in str(info.value)


def test_required_field_collapses_spaces() -> None:
    assert v.clean_required("  Buurt   moestuin ", "De titel") == "Buurt moestuin"
    with pytest.raises(ValueError, match="De titel is verplicht"):
        v.clean_required("   ", "De titel")


def test_team_size_is_a_positive_whole_number() -> None:
    assert v.clean_team_size("12") == 12
    assert v.clean_team_size(None) is None
    with pytest.raises(ValueError, match="heel getal"):
        v.clean_team_size("veel")
    with pytest.raises(ValueError, match=r"tussen 1 en 10\.000"):
        v.clean_team_size(0)


def test_checked_values_are_remembered_but_still_checked_every_time() -> None:
    for _ in range(2):
        assert v.clean_phone("020-1234567") == "020 123 4567"
        assert v.clean_email(" Naam@Voorbeeld.NL ") == "Naam@voorbeeld.nl"
        with pytest.raises(ValueError, match="geen geldig telefoonnummer"):
            v.clean_phone("12")
        with pytest.raises(ValueError, match="geen geldig e-mailadres"):
            v.clean_email("geen-mail")


# The fast check of plain ASCII addresses must never accept what email_validator refuses, and must normalise alike.
_ADDRESSISH = st.from_regex(
    r"[A-Za-z0-9_%+'.\-]{0,12}@[A-Za-z0-9.\-]{0,14}\.(nl|NL|com|x1|test|local|[a-z]{1,4})", fullmatch=True
)


@settings(max_examples=400, deadline=None)
@given(address=st.one_of(_ADDRESSISH, st.sampled_from(["a..b@x.nl", "a@ab--c.nl", "a@x-.nl", "x@y.localhost"])))
def test_fast_email_check_agrees_with_email_validator(address: str) -> None:
    fast = v._plain_email(address)
    try:
        slow: str | None = str(email_validator.validate_email(address, check_deliverability=False).normalized)
    except email_validator.EmailNotValidError:
        slow = None
    if fast is not None:
        assert fast == slow


def test_fast_email_check_takes_the_common_addresses_and_leaves_the_rest() -> None:
    assert v._plain_email("Jan.de-Vries+buurt@Gemeente.Lindewaard.NL") == "Jan.de-Vries+buurt@gemeente.lindewaard.nl"
    assert v._plain_email("o'brien@x.ie") == "o'brien@x.ie"
    for left_to_the_library in ("a..b@x.nl", ".a@x.nl", "a@x-.nl", "a@ab--c.nl", "a@x.local", "jé@x.nl", "a@x.n1"):
        assert v._plain_email(left_to_the_library) is None
    assert v.clean_email("Jan@Voorbeeld.NL") == "Jan@voorbeeld.nl"
