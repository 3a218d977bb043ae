"""User text on paper: characters the report font lacks, phone numbers, e-mail and web addresses.

- A character DejaVu Sans has no glyph for (an emoji in a title, a rare symbol) is set in the fallback font
  Symbola, which ships with the program; one that neither has becomes a visible "[?]", never an empty box. Both
  fonts are embedded with their Unicode map, so the text layer reads the character itself back.
- A phone number is never broken over two lines: its spaces become non-breaking spaces.
- An e-mail or web address is broken only after ``@``, ``.`` or ``/`` when it does not fit on a line
  (:func:`break_long_addresses`), never in the middle of a word.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from makelaar.paths import resources_dir

FALLBACK_FONT = "Symbola"
MISSING = "[?]"
# Joiners and variation selectors steer emoji rendering; a font without colour emoji draws them as boxes.
_INVISIBLE = {"\u200d", "\ufe0e", "\ufe0f"}

_lock = threading.Lock()

# A phone number as people write them: 0513 48 27 90, 06-1234 5678, +31 6 12345678.
_PHONE = re.compile(r"(?<![\w.,])\+?\d[\d\- ]{6,}\d(?![\w]|[.,]\d)")
# An e-mail address, or a web address with a scheme, www. or a path.
_ADDRESS = re.compile(r"[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+|(?:https?://|www\.)[^\s<>]+|[^\s<>/]+\.[a-z]{2,}/[^\s<>]*")
_TAG = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=1)
def _main_glyphs() -> frozenset[int]:
    from makelaar.reports.fonts import FONT, register_fonts

    register_fonts()
    font = pdfmetrics.getFont(FONT)
    return frozenset(font.face.charToGlyph)


def _fallback_glyphs() -> frozenset[int]:
    """The code points of the fallback font, registered the first time a report needs it (it is 3 MB)."""
    with _lock:
        if FALLBACK_FONT not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FALLBACK_FONT, str(resources_dir() / "fonts" / "Symbola.ttf")))
    return _fallback_cmap()


@lru_cache(maxsize=1)
def _fallback_cmap() -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(FALLBACK_FONT).face.charToGlyph)


def covered(text: str) -> bool:
    """True when the report font has a glyph for every character of ``text``."""
    glyphs = _main_glyphs()
    return all(ord(c) in glyphs or c in "\n\t" for c in text)


def plain(text: str) -> str:
    """Text for places that cannot switch fonts (the running header): missing characters become "[?]"."""
    if covered(text):
        return text
    glyphs = _main_glyphs()
    return "".join(c if ord(c) in glyphs else MISSING for c in text if c not in _INVISIBLE)


def with_fallback(markup: str) -> str:
    """Escaped markup with every run of characters the report font lacks set in the fallback font."""
    if covered(markup):
        return markup
    glyphs, fallback = _main_glyphs(), _fallback_glyphs()
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(f'<font name="{FALLBACK_FONT}">{"".join(run)}</font>')
            run.clear()

    for c in markup:
        if c in _INVISIBLE:
            continue
        if ord(c) in glyphs or c in "\n\t":
            flush()
            out.append(c)
        elif ord(c) in fallback:
            run.append(c)
        else:
            flush()
            out.append(MISSING)
    flush()
    return "".join(out)


def keep_phone_numbers(text: str) -> str:
    """Phone numbers with non-breaking spaces, so a line never ends inside one."""
    return _PHONE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


def break_long_addresses(markup: str, width_of: Callable[[str], float], room: float) -> str:
    """The markup with every e-mail or web address wider than ``room`` cut into lines (``<br/>``) after an ``@``,
    ``.`` or ``/``, each line as full as fits; tags and everything else are left alone."""

    def cut(m: re.Match[str]) -> str:
        address = m.group(0)
        if width_of(address) <= room:
            return address
        pieces = re.findall(r"[^@./]*[@./]|[^@./]+$", address)
        lines = [""]
        for piece in pieces:
            if lines[-1] and width_of(lines[-1] + piece) > room:
                lines.append("")
            lines[-1] += piece
        return "<br/>".join(lines)

    parts = _TAG.split(markup)
    for i in range(0, len(parts), 2):  # the even parts are text, the odd ones tags
        parts[i] = _ADDRESS.sub(cut, parts[i])
    return "".join(parts)
