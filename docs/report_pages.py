"""Render every report of the example data to PNG pages in docs/reports/ (needs pdftoppm from poppler-utils).

.venv/bin/python docs/report_pages.py
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import date
from pathlib import Path

from makelaar import reports
from makelaar.services import demo, ideas, matches, organisations, sessions
from makelaar.services.listing import ListQuery
from makelaar.storage.store import open_store

OUT = Path(__file__).resolve().parent / "reports"


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="makelaar-reports-"))
    store = open_store(f"sqlite:///{folder / 'demo.sqlite'}")
    with store.begin() as s:
        demo.fill(s)
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with store.begin() as s:
        linked = ideas.list_ideas(s, ListQuery(statuses=("gekoppeld", "in uitvoering"), sort="title", descending=False))
        idea_id = linked[0].id
        partner_id = reports.partner_versions(s, idea_id)[0][0]
        session_id = sessions.list_sessions(s)[0].id
        # The organisation with the most koppelingen: a sheet with something on it.
        org_id = max(
            organisations.list_organisations(s, ListQuery(sort="name", descending=False), limit=1000),
            key=lambda o: len(matches.matches_for_organisation(s, o.id)),
        ).id
        made = {
            "koppelingsrapport-bewoner": lambda p: reports.build_matching_report(s, idea_id, p, audience="bewoner"),
            "koppelingsrapport-partners": lambda p: reports.build_matching_report(
                s, idea_id, p, audience="partners", organisation_id=partner_id
            ),
            "wijktafelverslag": lambda p: reports.build_session_report(s, session_id, p),
            "organisatieblad": lambda p: reports.build_organisation_report(s, org_id, p),
            "overzicht": lambda p: reports.build_overview_report(s, date(date.today().year, 1, 1), date.today(), p),
        }
        for name, build in made.items():
            pdf = folder / f"{name}.pdf"
            build(pdf)
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / name)], check=True)
            print("rendered", name)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
