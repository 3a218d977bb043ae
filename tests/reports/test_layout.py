"""What every report does with awkward text: emoji and characters outside the report font, phone numbers, long
e-mail and web addresses, long names in the running header, and the initials of names with particles."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from makelaar.domain.records import ContactData, OrganisationData
from makelaar.reports import build_organisation_report
from makelaar.reports.privacy import initials
from makelaar.reports.style import FONT, MARGIN, PAGE_WIDTH, STYLES, fit, para
from makelaar.reports.text import MISSING, break_long_addresses
from makelaar.services import organisations
from makelaar.storage.store import Store
from tests.reports.conftest import TODAY, flat

LONG_EMAIL = "h.mulder@volkstuinvereniging.degroenevingers-lindewaard.example"


def sheet(store: Store, org: OrganisationData) -> bytes:
    with store.begin() as s:
        saved = organisations.save_organisation(s, org)
        out = io.BytesIO()
        build_organisation_report(s, saved.id or "", out, today=TODAY)
    return out.getvalue()


def line_text(line: object) -> str:
    """The text of one laid-out line of a Paragraph (plain lines are tuples, lines with markup FragLines)."""
    if isinstance(line, tuple):
        return " ".join(line[1])
    return "".join(getattr(w, "text", "") for w in line.words).strip()  # type: ignore[attr-defined]


def fonts_of(data: bytes) -> set[str]:
    found = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            found.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return found


def test_emoji_get_the_fallback_font_and_read_back(store: Store) -> None:
    # 🌻 and ☕ are in the fallback font; U+1FAE8 (a shaking face, Unicode 15) is in neither.
    data = sheet(store, OrganisationData(name="Buurttuin 🌻 De Zon", description="Koffie ☕ en taart \U0001fae8."))
    text = flat("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages))
    assert "Buurttuin 🌻 De Zon" in text
    assert "Koffie ☕ en taart" in text
    assert f"taart {MISSING}." in text  # a clear substitute, never an empty box
    assert "Symbola" in fonts_of(data) and "DejaVuSans" in fonts_of(data)
    # The running header cannot switch fonts: it shows the substitute.
    assert f"Organisatieblad Buurttuin {MISSING} De Zon" in text


def test_phone_numbers_stay_on_one_line_and_addresses_break_only_after_at_dot_or_slash() -> None:
    cell = para(f"Henk Mulder, 0513 48 27 90, {LONG_EMAIL}", "cell")
    cell.wrap(50 * 2.8346, 1000)  # a 50 mm column
    lines = [line_text(line) for line in cell.blPara.lines]
    phone = next(n for n, line in enumerate(lines) if "0513" in line)
    assert "0513\u00a048\u00a027\u00a090" in lines[phone]
    assert "".join(lines[phone + 1 :]) == LONG_EMAIL
    for line in lines[phone + 1 : -1]:
        assert line.endswith(("@", ".", "/")), lines
    assert cell._splitLongWordCount == 0


def test_break_long_addresses_cuts_only_after_at_dot_or_slash() -> None:
    def width(s: str) -> float:
        return stringWidth(s, FONT, 9)

    cut = break_long_addresses(f"Mail <b>{LONG_EMAIL}</b> of www.lindewaard.example/ideeen/indienen", width, 120)
    assert "<b>" in cut and "</b>" in cut
    pieces = cut.replace("<b>", "").replace("</b>", "").split("<br/>")
    assert all(p.rstrip().endswith(("@", ".", "/")) for p in pieces[:-1])
    assert "".join(pieces).replace("Mail ", "").startswith(LONG_EMAIL)
    assert break_long_addresses("kort@zon.example", width, 500) == "kort@zon.example"


def test_a_long_name_is_shortened_in_the_running_header(store: Store) -> None:
    name = "Stichting Samenwerkende Vrijwilligersorganisaties voor Welzijn, Zorg en Ontmoeting in Lindewaard " * 2
    data = sheet(store, OrganisationData(name=name.strip(), contacts=[ContactData(name="Els", email=LONG_EMAIL)]))
    first = (PdfReader(io.BytesIO(data)).pages[0].extract_text() or "").splitlines()
    header = next(line for line in first if line.startswith("Organisatieblad Stichting"))
    assert header.endswith("…")
    room = PAGE_WIDTH - 2 * MARGIN
    assert stringWidth(header, FONT, 9) <= room
    assert fit("Kort", FONT, 9, room) == "Kort"


def test_initials_of_names_with_particles() -> None:
    assert initials("Anna de Vries") == "A.d.V."
    assert initials("Jan van der Berg") == "J.v.d.B."
    assert initials("Kees ’t Hart") == "K.’t.H."
    assert initials("Kees 't Hart") == "K.’t.H."
    assert initials("Karim el Amrani") == "K.e.A."
    assert initials("Van Morrison") == "V.M."  # a first name is no particle
    assert initials("Ingrid de") == "I.D."  # nor is the last word
    assert initials("jan") == "J."
    assert initials("") == ""


def test_the_cell_style_uses_the_report_font() -> None:
    assert STYLES["cell"].fontName == FONT
