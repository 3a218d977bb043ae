"""`makelaar db ...`: bring the store up to date, check it, show it, back it up, put a backup back, store the
server's password."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makelaar.cli.common import EXIT_OK, EXIT_PARTIAL, add_overwrite, engine_for, open_for
from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from sqlalchemy import Engine


def add_parser(sub: Any) -> None:
    db = sub.add_parser("db", help="de database bijwerken, controleren, back-uppen of terugzetten")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTIE", required=True, title="acties")
    dbsub.add_parser("upgrade", help="de database bijwerken naar deze versie (na een back-up)")
    dbsub.add_parser("check", help="de database controleren op beschadiging")
    b = dbsub.add_parser("backup", help="een gecontroleerde back-up maken")
    b.add_argument("file", nargs="?", metavar="BESTAND", help="waar de back-up komt (standaard: map backups)")
    add_overwrite(b)
    r = dbsub.add_parser("restore", help="een back-up terugzetten (niet terwijl Makelaar open is)")
    r.add_argument("file", metavar="BESTAND", help="de back-up die terug moet")
    dbsub.add_parser("info", help="toon welke database open is en wat erin staat")
    dbsub.add_parser(
        "wachtwoord",
        help="het wachtwoord van de PostgreSQL-server bewaren in de sleutelbos van het systeem (niet in platte tekst)",
    )


@contextmanager
def _looking_engine(url: str, *, read_only: bool) -> Iterator[Engine]:
    """For check and info: an SQLite file is looked at as it is (nothing created, no WAL switch)."""
    from makelaar.storage.engine import sqlite_path
    from makelaar.storage.store import plain_engine

    path = sqlite_path(url)
    if path is None:
        with engine_for(url) as engine:
            yield engine
        return
    if not path.exists():
        raise KnownError(f"Er is nog geen database op {path}; bij de eerste start maakt Makelaar die aan.")
    with plain_engine(path, read_only=read_only) as engine:
        yield engine


def run(args: argparse.Namespace) -> int:
    from makelaar.actions import backups
    from makelaar.services import storeinfo
    from makelaar.storage.engine import resolve_database_url, sqlite_path

    url = resolve_database_url(args.database)
    if args.db_command == "upgrade":
        with open_for(args, writes=True) as store:
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
    if args.db_command == "backup":
        made = backups.make_backup(path, Path(args.file) if args.file else None, overwrite=args.overwrite)
        print(f"Back-up gemaakt en gecontroleerd: {made}")
        return EXIT_OK
    if args.db_command == "restore":
        done = backups.restore_backup(url, Path(args.file))
        print(f"Back-up {done.source} teruggezet op {done.store_path}.")
        if done.kept:
            print(f"De vorige database is bewaard als {done.kept}")
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
