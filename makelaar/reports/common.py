"""What all reports read the same way: the municipality, its logo, the names of vocabulary entries and areas."""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.utils import ImageReader
from sqlalchemy.orm import Session

from makelaar.domain.enums import Vocabulary
from makelaar.domain.matching import Suggestion
from makelaar.reports.style import ReportInfo
from makelaar.services import vocabulary

# Settings key of an optional logo shown in the header of every report: the PNG itself, base64-encoded, so it
# travels with the store (a team on a shared server, a backup) instead of pointing at one laptop's file.
LOGO_SETTING = vocabulary.LOGO_SETTING

log = logging.getLogger(__name__)


def _logo(s: Session) -> ImageReader | None:
    stored = vocabulary.get_setting(s, LOGO_SETTING).strip()
    if not stored:
        return None
    try:
        return ImageReader(io.BytesIO(base64.b64decode(stored, validate=True)))
    except (ValueError, OSError):
        log.warning("the logo in the settings cannot be read; reports are made without it")
        return None


def reason_text(suggestion: Suggestion) -> str:
    """Why a partner is suggested, in plain Dutch, as the matching service words it."""
    return "; ".join(suggestion.reasons)


def report_info(s: Session, title: str, subject: str, today: date | None = None) -> ReportInfo:
    logo = _logo(s)
    return ReportInfo(
        title=title,
        subject=subject,
        municipality=vocabulary.municipality_name(s),
        printed_on=today or date.today(),
        logo=logo,
    )


@dataclass
class Names:
    """Display names by id of every vocabulary entry and area, retired ones included (old records keep them)."""

    terms: dict[str, str] = field(default_factory=dict)
    areas: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, s: Session) -> Names:
        names = cls()
        for voc in Vocabulary:
            for t in vocabulary.list_terms(s, voc, include_retired=True):
                names.terms[t.id] = t.name
        for a in vocabulary.list_areas(s, include_retired=True):
            names.areas[a.id] = a.name
        return names

    def term_list(self, ids: list[str]) -> str:
        return ", ".join(self.terms[i] for i in ids if i in self.terms)

    def area(self, area_id: str | None) -> str:
        return self.areas.get(area_id or "", "")

    def area_list(self, ids: list[str]) -> str:
        return ", ".join(self.areas[i] for i in ids if i in self.areas)
