"""Contact details found in free text, as real sociale kaarts put them in one cell ("Langsgaan, bellen of mailen:
Kramatplantsoen 101, 1095 LC Amsterdam. Tel: 020 - 665 8001 E-mail: info@voorbeeld.nl").

Only what can be recognised and passes the same checks as the editor's fields is taken; the text itself is kept by
the caller, so nothing is lost when a detail is not recognised.
"""

from __future__ import annotations

import re

from makelaar.domain import validation as v

_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+")
_WEBSITE = re.compile(r"(?:https?://|www\.)[^\s,;()<>]+", re.IGNORECASE)
_POSTCODE = re.compile(r"\b[1-9][0-9]{3} ?[A-Za-z]{2}\b")
# Something that is more than a person's name: digits, an address sign, a web address or a colon ("Tel:").
_NOT_A_NAME = re.compile(r"\d|@|www\.|https?://|:", re.IGNORECASE)


def is_free_text(cell: str) -> bool:
    """Whether a contact cell holds more than a person's name (and so is no contact person to store)."""
    return len(cell) > v.MAX_NAME_LENGTH or _NOT_A_NAME.search(cell) is not None


def find_contact_details(text: str) -> dict[str, str]:
    """The first valid phone number, e-mail address, website and postcode in ``text``, cleaned as the editor would
    store them; a kind that is missing or not valid is left out."""
    found: dict[str, str] = {}
    for match in _EMAIL.finditer(text):
        email = _valid(v.clean_email, match.group().rstrip("."))
        if email:
            found["email"] = email
            break
    without_email = _EMAIL.sub(" ", text)
    for match in _WEBSITE.finditer(without_email):
        site = _valid(v.clean_url, match.group().rstrip(".:"))
        if site:
            found["website"] = site
            break
    phone = _phone(without_email)
    if phone:
        found["phone"] = phone
    for match in _POSTCODE.finditer(without_email):
        postcode = _valid(v.clean_postcode, match.group())
        if postcode:
            found["postcode"] = postcode
            break
    return found


def _phone(text: str) -> str | None:
    import phonenumbers

    for match in phonenumbers.PhoneNumberMatcher(text, "NL"):
        phone = _valid(v.clean_phone, match.raw_string)
        if phone:
            return phone
    return None


def _valid(clean: object, value: str) -> str | None:
    assert callable(clean)
    try:
        result = clean(value)
    except ValueError:
        return None
    return result if isinstance(result, str) else None
