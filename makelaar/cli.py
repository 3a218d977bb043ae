"""The command line: `makelaar` starts the GUI; sub-commands drive the same services for scripts and checks."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from makelaar.storage.store import Store

# argparse takes its own words from gettext; these are the ones a user sees, in Dutch.
_ARGPARSE_NL = {
    "usage: ": "Gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
}
argparse._ = lambda text: _ARGPARSE_NL.get(text, text)  # type: ignore[attr-defined]

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
PASSPHRASE_ENV = "MAKELAAR_EXCHANGE_PASSPHRASE"


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


def _parser() -> argparse.ArgumentParser:
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

    db = sub.add_parser("db", help="de database bijwerken, controleren, back-uppen of terugzetten")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTIE", required=True, title="acties")
    dbsub.add_parser("upgrade", help="de database bijwerken naar deze versie (na een back-up)")
    dbsub.add_parser("check", help="de database controleren op beschadiging")
    b = dbsub.add_parser("backup", help="een gecontroleerde back-up maken")
    b.add_argument("file", nargs="?", metavar="BESTAND", help="waar de back-up komt (standaard: map backups)")
    r = dbsub.add_parser("restore", help="een back-up terugzetten")
    r.add_argument("file", metavar="BESTAND", help="de back-up die terug moet")
    dbsub.add_parser("info", help="toon welke database open is en wat erin staat")
    dbsub.add_parser(
        "wachtwoord",
        help="het wachtwoord van de PostgreSQL-server bewaren in de sleutelbos van het systeem (niet in platte tekst)",
    )

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

    match = sub.add_parser("match", help="organisaties voorstellen die bij een idee passen, met de redenen")
    match.add_argument("idea", nargs="?", metavar="IDEE", help="het nummer (I-2026-0042) of de titel van het idee")
    match.add_argument("--all", action="store_true", help="voor elk open idee")
    match.add_argument("--top", type=_positive, default=5, metavar="N", help="hoeveel suggesties per idee (5)")
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

    from makelaar import privacy_cli

    privacy_cli.add_parser(sub)
    return p


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen heel getal") from None
    if value < 1:
        raise argparse.ArgumentTypeError("moet 1 of meer zijn")
    return value


# Commands that change or export personal data: the audit log must say who, so without a name they ask for one.
_LOGGED = frozenset({"privacy", "import", "export", "exchange", "demo"})


def settings_name() -> str:
    """The broker's name from the program's settings (Instellingen), as the window uses it; empty when not set."""
    try:
        from PySide6.QtCore import QSettings
    except ImportError:
        return ""
    return str(QSettings("Makelaar", "Makelaar").value("ui/broker_name", "") or "").strip()


def actor(args: argparse.Namespace) -> str | None:
    """Who runs this command, for the audit log: --as NAAM, else the settings' name, else asked in a terminal.
    None: no name to be had (a script without --as); the log then names the computer account, marked as such."""
    given = (getattr(args, "actor", None) or "").strip() or settings_name()
    if given:
        return given
    if getattr(args, "command", None) in _LOGGED and sys.stdin.isatty():
        typed = input("Uw naam voor het logboek persoonsgegevens: ").strip()
        return typed or None
    return None


@contextmanager
def _open(args: argparse.Namespace) -> Iterator[Store]:
    """The store of this command, brought up to date, and closed again however the command ends."""
    from makelaar.storage.engine import resolve_database_url
    from makelaar.storage.store import open_store

    store = open_store(resolve_database_url(args.database), actor=actor(args))
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _engine(url: str) -> Iterator[Engine]:
    from makelaar.storage.engine import make_engine

    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextmanager
def _looking_engine(url: str, *, read_only: bool) -> Iterator[Engine]:
    """For check and info: an SQLite file is looked at as it is (nothing created, no WAL switch)."""
    from makelaar.storage.engine import sqlite_path
    from makelaar.storage.store import plain_engine

    path = sqlite_path(url)
    if path is None:
        with _engine(url) as engine:
            yield engine
        return
    if not path.exists():
        raise KnownError(f"Er is nog geen database op {path}; bij de eerste start maakt Makelaar die aan.")
    with plain_engine(path, read_only=read_only) as engine:
        yield engine


def _db(args: argparse.Namespace) -> int:
    from makelaar.services import storeinfo
    from makelaar.storage import backup, migrate
    from makelaar.storage.engine import resolve_database_url, sqlite_path

    url = resolve_database_url(args.database)
    if args.db_command == "upgrade":
        with _open(args) as store:
            res = store.upgrade
        assert res is not None
        if res.before == res.after:
            print(f"De database is al actueel (schema {res.after}).")
        else:
            print(f"Database bijgewerkt van schema {res.before or '(leeg)'} naar {res.after}.")
            if res.backup:
                print(f"Back-up vooraf: {res.backup}")
        return EXIT_OK
    if args.db_command == "wachtwoord":
        return _store_password(url)
    path = sqlite_path(url)
    if args.db_command == "check":
        with _looking_engine(url, read_only=False) as engine:
            report = storeinfo.check(engine, path)
        for line in report.lines:
            print(line)
        return EXIT_OK if report.ok else EXIT_PARTIAL
    if args.db_command == "info":
        with _looking_engine(url, read_only=True) as engine:
            lines = storeinfo.info(engine, path)
        for label, value in lines:
            print(f"{label:<22} {value}")
        return EXIT_OK
    if path is None:
        raise KnownError(
            "Back-up en terugzetten gaan hier alleen voor een SQLite-database; maak van een PostgreSQL-server "
            "een back-up met pg_dump."
        )
    if args.db_command == "backup":
        made = backup.take_backup(path, Path(args.file) if args.file else None)
        print(f"Back-up gemaakt en gecontroleerd: {made}")
        return EXIT_OK
    if args.db_command == "restore":
        from makelaar.storage.store import look_before_touching

        source = Path(args.file)
        if not source.exists():
            raise KnownError(f"Het bestand {source} bestaat niet.")
        # Refuse a newer, foreign or empty file before anything of the current store is replaced.
        if look_before_touching(source) is migrate.SchemaState.EMPTY:
            raise KnownError(f"Het bestand {source} bevat geen Makelaar-gegevens; er is niets teruggezet.")
        from makelaar.storage.lock import ProgramLock

        with ProgramLock.take(path):  # no window opens the store while it is replaced and brought up to date
            kept = backup.restore(path, source)
            with _engine(url) as engine:
                migrate.ensure_current(engine)
        print(f"Back-up {source} teruggezet op {path}.")
        if kept:
            print(f"De vorige database is bewaard als {kept}")
        return EXIT_OK
    raise AssertionError(args.db_command)


def _store_password(url: str) -> int:
    """Put the server's password in the platform's keyring (asked without echo), never in a file of ours."""
    import getpass

    from makelaar.storage.engine import KEYRING_SERVICE, describe, is_sqlite, keyring_key

    if is_sqlite(url):
        raise KnownError("Een SQLite-database heeft geen wachtwoord; geef met --database het adres van de server.")
    try:
        import keyring
    except ImportError:
        raise KnownError(
            "De sleutelbos is niet beschikbaar (het pakket keyring is niet geïnstalleerd). Zet het wachtwoord in "
            ".pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf), alleen leesbaar voor uzelf."
        ) from None
    if not sys.stdin.isatty():
        raise KnownError("Typ het wachtwoord in een terminal; het wordt niet uit een script gelezen.")
    secret = getpass.getpass(f"Wachtwoord voor {describe(url)}: ")
    if not secret:
        raise KnownError("Er is geen wachtwoord ingetypt; er is niets bewaard.")
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_key(url), secret)
    except Exception as exc:
        raise KnownError(f"De sleutelbos weigerde het wachtwoord: {exc}. Gebruik .pgpass.") from exc
    print(f"Wachtwoord voor {describe(url)} bewaard in de sleutelbos van het systeem.")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from makelaar.services import demo

    with _open(args) as store:
        store.backup_before("voor-voorbeeldgegevens")
        with store.begin() as s:
            summary = demo.fill(s, force=args.force)
    print(summary)
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from makelaar.services import csvio

    with _open(args) as store:
        made = None if args.dry_run else store.backup_before("voor-import")
        result = csvio.import_path(store, args.kind, Path(args.file), dry_run=args.dry_run)
    for line in result.summary_lines():
        print(line)
    if made is not None:
        print(f"Back-up vooraf: {made}")
    return EXIT_OK if not result.rejected else EXIT_PARTIAL


def _export(args: argparse.Namespace) -> int:
    from makelaar.services import csvio

    with _open(args) as store, store.begin() as s:
        count = csvio.export_path(s, args.kind, Path(args.file), own_records=args.own_records)
    print(f"{count} {'regel' if count == 1 else 'regels'} geschreven naar {args.file}.")
    return EXIT_OK


def passphrase(*, confirm: bool) -> str:
    """The exchange file's passphrase: from MAKELAAR_EXCHANGE_PASSPHRASE (scripts), else typed without echo."""
    import getpass

    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise KnownError(
            f"Het uitwisselbestand wordt versleuteld: zet het wachtwoord in {PASSPHRASE_ENV}, of start de opdracht "
            "in een terminal om het in te typen."
        )
    typed = getpass.getpass("Wachtwoord van het uitwisselbestand: ")
    if confirm and getpass.getpass("Nog een keer: ") != typed:
        raise KnownError("De twee wachtwoorden verschillen; er is niets geschreven.")
    return typed


def _exchange(args: argparse.Namespace) -> int:
    from makelaar.services import exchange, sealed

    path = Path(args.file)
    if args.exchange_command == "export":
        secret = None
        if not args.unencrypted:
            secret = passphrase(confirm=True)
            sealed.check_passphrase(secret)
        with _open(args) as store, store.begin() as s:
            summary = exchange.export_changes(s, path, everything=args.all, passphrase=secret)
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
    with _open(args) as store:
        with store.begin() as s:
            plan = exchange.plan_import(s, data)
        if args.dry_run or (plan.conflicts and keep is None):
            print(("Proefdraai: er is niets gewijzigd. " if args.dry_run else "") + plan.summary_lines()[0])
            for line in plan.summary_lines()[1:]:
                print(line)
            for c in plan.conflicts:
                print(f"  conflict: {c.title} ({c.kind.value})")
                for f in c.fields:
                    print(f"      {f.field}: hier '{f.mine}', in het bestand '{f.theirs}'")
            if plan.conflicts and keep is None:
                print("Er is niets ingelezen. Kies met --keep mine of --keep theirs welke versie blijft.")
                return EXIT_PARTIAL
            return EXIT_OK
        made = store.backup_before("voor-uitwisseling")
        with store.begin() as s:
            plan = exchange.apply_import(s, data, keep=keep)
    for line in plan.summary_lines():
        print(line)
    if made is not None:
        print(f"Back-up vooraf: {made}")
    return EXIT_OK


def _match(args: argparse.Namespace) -> int:
    from makelaar.domain.matching import CLOSED
    from makelaar.services import ideas, matching

    if args.all == bool(args.idea):
        raise KnownError("Geef één idee (nummer of titel) of --all voor alle open ideeën.")
    with _open(args) as store, store.begin() as s:
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


def _report(args: argparse.Namespace) -> int:
    from makelaar import reports
    from makelaar.domain.validation import parse_date
    from makelaar.services import ideas, organisations, sessions

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")  # "-o rapport" means rapport.pdf, which a PDF viewer opens
    if not out.parent.exists():
        raise KnownError(f"De map {out.parent} bestaat niet; kies een map die er is.")
    with _open(args) as store, store.begin() as s:
        if args.report_kind == "matching":
            idea_id = ideas.find_idea(s, args.idea).id or ""
            reports.logged(
                lambda s_, o: reports.build_matching_report(s_, idea_id, o, audience=args.audience), "koppelingsrapport"
            )(s, out)
        elif args.report_kind == "session":
            session_id = sessions.find_session(s, args.session).id or ""
            reports.logged(lambda s_, o: reports.build_session_report(s_, session_id, o), "wijktafelverslag")(s, out)
        elif args.report_kind == "organisation":
            org_id = organisations.find_organisation(s, args.organisation).id or ""
            reports.logged(lambda s_, o: reports.build_organisation_report(s_, org_id, o), "organisatieblad")(s, out)
        else:
            try:
                start, end = parse_date(args.date_from), parse_date(args.date_to)
                if start is None or end is None:
                    raise ValueError("Geef een begin- en een einddatum.")
                reports.build_overview_report(s, start, end, out)
            except ValueError as exc:
                raise KnownError(str(exc)) from None
    print(f"Rapport geschreven naar {out}.")
    return EXIT_OK


def _privacy(args: argparse.Namespace) -> int:
    from makelaar import privacy_cli

    with _open(args) as store:
        return privacy_cli.run(args, store)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "privacy": _privacy,
    "report": _report,
    "match": _match,
    "db": _db,
    "demo": _demo,
    "import": _import,
    "export": _export,
    "exchange": _exchange,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
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
