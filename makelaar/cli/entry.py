"""The command line: `makelaar` starts the GUI; sub-commands run the same actions for scripts and checks."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from makelaar.cli import db, exchange, privacy, records, reports
from makelaar.cli.common import EXIT_FAILED, EXIT_OK, open_for
from makelaar.domain.errors import KnownError

log = logging.getLogger("makelaar.cli")


class _VersionAction(argparse.Action):
    """``--version``: the build's version and the licences, worked out only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from makelaar.buildinfo import version_text

        # One write: a reader that takes only the first line (makelaar --version | head -1) gets it whole, and
        # the program is not left writing to a closed pipe.
        sys.stdout.write(version_text() + "\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="makelaar",
        description="Makelaar: ideeën van bewoners registreren, organisaties vinden en koppelen. "
        "Zonder opdracht start het programma.",
        epilog="Zonder --database gebruikt Makelaar de database in je gebruikersmap (of MAKELAAR_DATABASE).",
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        help="toon het versienummer, de licentie en waar de licenties van meegeleverde onderdelen staan, en stop",
    )
    p.add_argument(
        "--database",
        metavar="URL",
        help="de database: sqlite:///pad/naar/bestand.sqlite of postgresql+psycopg://gebruiker@server/naam",
    )
    p.add_argument(
        "--as",
        dest="actor",
        metavar="NAAM",
        help="uw naam voor het logboek persoonsgegevens (standaard: de naam uit de instellingen van het programma; "
        "anders vraagt Makelaar erom)",
    )
    sub = p.add_subparsers(dest="command", metavar="OPDRACHT", title="opdrachten")
    db.add_parser(sub)
    records.add_parsers(sub)
    exchange.add_parser(sub)
    reports.add_parsers(sub)
    privacy.add_parser(sub)
    return p


def _privacy(args: argparse.Namespace) -> int:
    with open_for(args, writes=args.privacy_command != "log") as store:
        return privacy.run(args, store)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "privacy": _privacy,
    "report": reports.run_report,
    "match": reports.run_match,
    "db": db.run,
    "demo": records.run_demo,
    "import": records.run_import,
    "export": records.run_export,
    "exchange": exchange.run,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from makelaar.app import run_gui

        try:
            return run_gui(args.database)
        except KnownError as exc:  # e.g. a database address with a password in it, refused before any window
            print(f"makelaar: {exc}", file=sys.stderr)
            return EXIT_FAILED
    try:
        return COMMANDS[args.command](args)
    except KnownError as exc:
        print(f"makelaar: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:
        # The reader stopped early (makelaar match --all --json | head): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("makelaar: afgebroken. Wat nog niet klaar was, is niet opgeslagen.", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        # A bug, not the user's doing: a Dutch message and exit 2 (never 1, which means "rows rejected"); the
        # details go to the log only when asked for (MAKELAAR_DEBUG), never as a traceback on the terminal.
        if os.environ.get("MAKELAAR_DEBUG"):
            log.exception("onverwachte fout")
        print(
            f"makelaar: er ging iets onverwacht mis ({type(exc).__name__}: {exc}). Wat deze opdracht deed, is niet "
            "half opgeslagen. Meld dit aan de beheerder, met de opdracht die u gaf.",
            file=sys.stderr,
        )
        return EXIT_FAILED
