"""`makelaar exchange export|import`: the changes between a laptop and the office in one file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from makelaar.cli.common import EXIT_OK, EXIT_PARTIAL, PASSPHRASE_ENV, add_overwrite, open_for, passphrase


def add_parser(sub: Any) -> None:
    xch = sub.add_parser("exchange", help="wijzigingen uitwisselen tussen laptop en kantoor (één bestand)")
    xsub = xch.add_subparsers(dest="exchange_command", metavar="ACTIE", required=True, title="acties")
    x_exp = xsub.add_parser("export", help="schrijf wat sinds de vorige uitwisseling is veranderd naar een bestand")
    x_exp.add_argument("file", metavar="BESTAND", help="bijvoorbeeld uitwisseling.makelaar")
    # Options are English, like the rest of the command line; the Dutch spellings of earlier versions stay as
    # aliases so scripts keep working.
    x_exp.add_argument(
        "--all", "--alles", dest="all", action="store_true", help="alle records, niet alleen de wijzigingen"
    )
    x_exp.add_argument(
        "--unencrypted",
        "--onversleuteld",
        dest="unencrypted",
        action="store_true",
        help="niet versleutelen (JSON, .json of .json.gz); standaard wordt het bestand versleuteld met het "
        f"wachtwoord uit {PASSPHRASE_ENV} of dat je intypt",
    )
    add_overwrite(x_exp)
    x_imp = xsub.add_parser("import", help="een uitwisselbestand inlezen en samenvoegen")
    x_imp.add_argument("file", metavar="BESTAND")
    x_imp.add_argument(
        "--unencrypted",
        "--onversleuteld",
        dest="unencrypted",
        action="store_true",
        help="ook een onversleuteld bestand inlezen (standaard geweigerd)",
    )
    x_imp.add_argument("--dry-run", action="store_true", help="alleen laten zien wat er zou gebeuren")
    x_imp.add_argument(
        "--keep",
        choices=["mine", "theirs"],
        help="bij conflicten: mine = de versie in deze database, theirs = die uit het bestand",
    )


def run(args: argparse.Namespace) -> int:
    from makelaar.actions import exchange as action
    from makelaar.services import exchange, sealed

    path = Path(args.file)
    if args.exchange_command == "export":
        secret = None
        if not args.unencrypted:
            secret = passphrase(confirm=True)
            sealed.check_passphrase(secret)
        with open_for(args, writes=True) as store:
            summary = action.export_changes(
                store, path, everything=args.all, passphrase=secret, overwrite=args.overwrite
            )
        if args.all:
            # The whole store, for a laptop that missed an exchange: not "changed" records.
            print(
                f"Alles uit deze database geschreven naar {path}: alle {summary.records} records, niet alleen de "
                f"wijzigingen, en {summary.deletions} verwijderingen. Wat de andere kant al heeft, blijft daar "
                "ongewijzigd."
            )
        else:
            for line in summary.summary_lines():
                print(line)
        if secret is None:
            print("Let op: dit bestand is niet versleuteld en bevat persoonsgegevens.")
        return EXIT_OK
    secret = passphrase(confirm=False) if exchange.is_encrypted(path) else None
    data = exchange.read_file(path, secret, allow_plain=args.unencrypted)
    keep = exchange.Choice(args.keep) if args.keep else None
    with open_for(args, writes=not args.dry_run) as store:
        plan = action.plan_exchange(store, data)
        if plan.conflicts and keep is None:
            # The real run and the dry run alike: nothing is merged until a choice is made.
            print(("Proefdraai: er is niets gewijzigd. " if args.dry_run else "") + plan.summary_lines()[0])
            for line in plan.summary_lines()[1:]:
                print(line)
            for c in plan.conflicts:
                print(f"  conflict: {c.title} ({c.kind.value})")
                for f in c.fields:
                    print(f"      {f.field}: hier '{f.mine}', in het bestand '{f.theirs}'")
            print("Er is niets ingelezen. Kies met --keep mine of --keep theirs welke versie blijft.")
            return EXIT_PARTIAL
        done = action.merge_exchange(store, data, keep=keep, dry_run=args.dry_run)
    lines = done.plan.summary_lines()
    print(("Proefdraai: er is niets gewijzigd. " if args.dry_run else "") + lines[0])
    for line in lines[1:]:
        print(line)
    if done.backup is not None:
        print(f"Back-up vooraf: {done.backup}")
    return EXIT_OK
