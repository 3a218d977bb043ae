"""`makelaar import`, `makelaar export` and `makelaar demo`: records in and out of files, the example data."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from makelaar.cli.common import EXIT_OK, EXIT_PARTIAL, add_overwrite, open_for


def add_parsers(sub: Any) -> None:
    demo = sub.add_parser("demo", help="vul de database met voorbeeldgegevens van een verzonnen gemeente")
    demo.add_argument("--force", action="store_true", help="ook als de database al gegevens bevat")

    imp = sub.add_parser("import", help="organisaties of ideeën inlezen uit CSV of XLSX")
    imp.add_argument("kind", choices=["organisaties", "ideeen"], metavar="SOORT", help="organisaties of ideeen")
    imp.add_argument("file", metavar="BESTAND")
    imp.add_argument("--dry-run", action="store_true", help="alleen laten zien wat er zou gebeuren")

    exp = sub.add_parser("export", help="organisaties, ideeën of koppelingen wegschrijven naar CSV of XLSX")
    exp.add_argument(
        "kind",
        choices=["organisaties", "ideeen", "koppelingen"],
        metavar="SOORT",
        help="organisaties, ideeen of koppelingen",
    )
    exp.add_argument("file", metavar="BESTAND", help="eindigt op .csv of .xlsx")
    exp.add_argument(
        "--own-records",
        action="store_true",
        help="ideeën met de gegevens van alle initiatiefnemers, ook zonder toestemming om te delen: alleen voor de "
        "eigen administratie van de gemeente (komt in het logboek persoonsgegevens)",
    )
    add_overwrite(exp)


def run_demo(args: argparse.Namespace) -> int:
    from makelaar.actions.demo import load_demo

    with open_for(args, writes=True) as store:
        done = load_demo(store, force=args.force)
    print(done.summary)
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from makelaar.actions.imports import import_file

    # A dry run changes nothing, so it may look while the window is open; it predicts the real run all the same.
    with open_for(args, writes=not args.dry_run) as store:
        done = import_file(store, args.kind, Path(args.file), dry_run=args.dry_run)
    for line in done.result.summary_lines():
        print(line)
    if done.backup is not None:
        print(f"Back-up vooraf: {done.backup}")
    return EXIT_OK if not done.result.rejected else EXIT_PARTIAL


def run_export(args: argparse.Namespace) -> int:
    from makelaar.actions.records import export_records

    with open_for(args) as store:
        count = export_records(
            store, args.kind, Path(args.file), own_records=args.own_records, overwrite=args.overwrite
        )
    print(f"{count} {'regel' if count == 1 else 'regels'} geschreven naar {args.file}.")
    return EXIT_OK
