"""PDF reports (ReportLab): one stylesheet, page templates, one module per report.

Import this package lazily (when a report is asked for): ReportLab costs ~0.2 s at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from makelaar.reports.matching import build_matching_report, partner_versions
from makelaar.reports.organisation import build_organisation_report
from makelaar.reports.overview import build_overview_report
from makelaar.reports.session import build_session_report

__all__ = [
    "build_matching_report",
    "build_organisation_report",
    "build_overview_report",
    "build_session_report",
    "logged",
    "partner_versions",
]


def logged(build: Callable[[Session, BinaryIO | Path], None], title: str) -> Callable[[Session, BinaryIO | Path], None]:
    """The same report builder, now leaving a line in the audit log for each resident it shows by name."""
    from makelaar.reports.privacy import shown_people
    from makelaar.services import audit

    def run(s: Session, out: BinaryIO | Path) -> None:
        with shown_people() as shown:
            build(s, out)
        for reference in sorted(shown):
            audit.record(s, audit.REPORT_MADE, "initiators", "-", reference, detail=title)

    return run
