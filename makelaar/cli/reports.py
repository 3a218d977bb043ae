"""`makelaar match` and `makelaar report ...`: suggestions on the terminal, reports as PDF files."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makelaar.cli.common import EXIT_OK, add_overwrite, open_for, positive
from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def add_parsers(sub: Any) -> None:
    match = sub.add_parser("match", help="organisaties voorstellen die bij een idee passen, met de redenen")
    match.add_argument("idea", nargs="?", metavar="IDEE", help="het nummer (I-2026-0042) of de titel van het idee")
    match.add_argument("--all", action="store_true", help="voor elk open idee")
    match.add_argument("--top", type=positive, default=5, metavar="N", help="hoeveel suggesties per idee (5)")
    match.add_argument("--json", action="store_true", help="als JSON, voor scripts")

    rep = sub.add_parser("report", help="een PDF-rapport maken")
    rsub = rep.add_subparsers(dest="report_kind", metavar="RAPPORT", required=True, title="rapporten")
    r_match = rsub.add_parser("matching", help="koppelingsrapport van één idee")
    r_match.add_argument("idea", metavar="IDEE", help="nummer (I-2026-0042) of titel")
    r_match.add_argument(
        "--for",
        "--voor",
        dest="audience",
        choices=["bewoner", "partners"],
        default="bewoner",
        help="voor de bewoner of voor de partners",
    )
    r_session = rsub.add_parser("session", help="wijktafelverslag met matchkaarten")
    r_session.add_argument("session", metavar="WIJKTAFEL", help="nummer (W-2026-0001) of naam")
    r_org = rsub.add_parser("organisation", help="organisatieblad")
    r_org.add_argument("organisation", metavar="ORGANISATIE", help="nummer (O-2026-0001) of naam")
    r_over = rsub.add_parser("overview", help="overzicht van een periode voor college en raad")
    r_over.add_argument("--from", dest="date_from", required=True, metavar="DATUM", help="31-01-2026 of 2026-01-31")
    r_over.add_argument("--to", dest="date_to", required=True, metavar="DATUM", help="31-12-2026 of 2026-12-31")
    for parser in (r_match, r_session, r_org, r_over):
        parser.add_argument("-o", "--output", required=True, metavar="BESTAND.pdf", help="waar het rapport komt")
        add_overwrite(parser)


def run_match(args: argparse.Namespace) -> int:
    from makelaar.domain.matching import CLOSED
    from makelaar.services import ideas, matching

    if args.all == bool(args.idea):
        raise KnownError("Geef één idee (nummer of titel) of --all voor alle open ideeën.")
    with open_for(args) as store, store.begin() as s:
        idea_ids = None if args.all else [ideas.find_idea(s, args.idea).id or ""]
        results = matching.match_all(s, args.top, idea_ids=idea_ids)
    if args.json:
        print(matching.to_json(results))
        return EXIT_OK
    for idea, suggestions in results:
        print(idea.title)
        if idea.status in CLOSED:
            print(f"    afgesloten ({idea.status}): geen suggesties meer")
        elif not suggestions:
            print("    geen passende actieve organisaties gevonden")
        for n, sug in enumerate(suggestions, start=1):
            print(f"  {n}. {sug.name}  ({sug.label})")
            for reason in sug.reasons:
                print(f"       - {reason}")
        print()
    return EXIT_OK


def run_report(args: argparse.Namespace) -> int:
    from makelaar import reports
    from makelaar.actions.printing import pdf_name, write_report
    from makelaar.domain.validation import plausible_date
    from makelaar.services import ideas, organisations, sessions

    out = pdf_name(Path(args.output))
    if args.report_kind == "overview":
        start, end = plausible_date(args.date_from, "begindatum"), plausible_date(args.date_to, "einddatum")
        if end < start:
            raise KnownError("De einddatum ligt vóór de begindatum; er is geen rapport gemaakt.")
    with open_for(args) as store:
        with store.begin() as s:  # the record is looked up first: a wrong name writes no file
            if args.report_kind == "matching":
                idea_id = ideas.find_idea(s, args.idea).id or ""
            elif args.report_kind == "session":
                session_id = sessions.find_session(s, args.session).id or ""
            elif args.report_kind == "organisation":
                org_id = organisations.find_organisation(s, args.organisation).id or ""
        build: Callable[[Session, Path], None]
        if args.report_kind == "matching":
            title: str | None = "koppelingsrapport"
            build = lambda s_, o: reports.build_matching_report(s_, idea_id, o, audience=args.audience)  # noqa: E731
        elif args.report_kind == "session":
            title = "wijktafelverslag"
            build = lambda s_, o: reports.build_session_report(s_, session_id, o)  # noqa: E731
        elif args.report_kind == "organisation":
            title = "organisatieblad"
            build = lambda s_, o: reports.build_organisation_report(s_, org_id, o)  # noqa: E731
        else:
            title = None  # figures only: nobody is shown by name
            build = lambda s_, o: reports.build_overview_report(s_, start, end, o)  # noqa: E731
        write_report(store, build, out, title=title, overwrite=args.overwrite)
    print(f"Rapport geschreven naar {out}.")
    return EXIT_OK
