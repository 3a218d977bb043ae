"""What all reports read the same way: the municipality, its logo, the names of vocabulary entries and areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from makelaar.domain.enums import Vocabulary
from makelaar.reports.style import ReportInfo
from makelaar.services import vocabulary

# Settings key of an optional logo file (PNG or JPG) shown in the header of every report.
LOGO_SETTING = "municipality_logo"


def report_info(s: Session, title: str, subject: str, today: date | None = None) -> ReportInfo:
    logo_path = vocabulary.get_setting(s, LOGO_SETTING).strip()
    logo = Path(logo_path) if logo_path and Path(logo_path).is_file() else None
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
