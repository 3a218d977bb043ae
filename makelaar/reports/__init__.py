"""PDF reports (ReportLab): one stylesheet, page templates, one module per report.

Import this package lazily (when a report is asked for): ReportLab costs ~0.2 s at start-up.
"""

from __future__ import annotations

from makelaar.reports.matching import build_matching_report
from makelaar.reports.organisation import build_organisation_report
from makelaar.reports.overview import build_overview_report
from makelaar.reports.session import build_session_report

__all__ = [
    "build_matching_report",
    "build_organisation_report",
    "build_overview_report",
    "build_session_report",
]
