"""Values as Excel leaves them in a CSV or XLSX file, read back into what the editors would store."""

from __future__ import annotations

import re
from datetime import date, timedelta

from makelaar.domain import validation as v
from makelaar.services.csvio.columns import (
    normalise,
)

# --- values as Excel leaves them --------------------------------------------------------------------------------------
# Excel turns a column of numbers into numbers: a leading zero goes, 3 becomes 3.0, a date becomes a serial number.
# The import reads them back; the editors keep their strict checks (makelaar.domain.validation).

_EXCEL_EPOCH = date(1899, 12, 30)
_DUTCH_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt", "mar"),
            ("april", "apr"),
            ("mei",),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def _excel_kvk(value: str) -> str:
    """A KvK number as it identifies an organisation (no spaces or dots); one that lost its leading zero in Excel
    (seven digits) gets it back."""
    text = value.strip()
    if re.fullmatch(r"\d{7}\.0*", text):  # 1234567.0: a number cell read as text
        text = text.split(".")[0]
    digits = "".join(ch for ch in text if ch not in " .")
    return digits.zfill(8) if len(digits) in (7, 8) and digits.isdigit() else value


def _excel_phone(value: str) -> str:
    """A Dutch number that lost its leading zero in Excel (612345678: nine digits) gets it back."""
    text = value.strip()
    return "0" + text if len(text) == 9 and text.isdigit() and text[0] != "0" else value


def _excel_int(value: str) -> str:
    """3.0 or 3,0 (a number Excel wrote as a decimal) is 3."""
    match = re.fullmatch(r"\s*(\d+)[.,]0*\s*", value)
    return match.group(1) if match else value


def _excel_date(value: str) -> date | None:
    """A date as the editors accept it, or as Excel may write it: a serial number (45000), ISO with a time
    (2026-03-04 00:00:00) or with the month written out (4 maart 2026)."""
    text = value.strip()
    if re.fullmatch(r"\d{5}(\.0*)?", text) and 20_000 <= float(text) < 100_000:
        return _EXCEL_EPOCH + timedelta(days=int(float(text)))
    iso = re.fullmatch(r"(\d{4}-\d{1,2}-\d{1,2})[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?", text)
    if iso:
        text = iso.group(1)
    words = re.fullmatch(r"(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})", normalise(text))
    if words and words.group(2) in _DUTCH_MONTHS:
        try:
            return date(int(words.group(3)), _DUTCH_MONTHS[words.group(2)], int(words.group(1)))
        except ValueError:
            pass
    return v.parse_date(text)
