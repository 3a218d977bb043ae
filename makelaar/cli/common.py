"""What every sub-command shares: exit codes, Dutch argparse words, who runs it, the store it works on."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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

# 0: done; 1: done, but rows were rejected or conflicts wait for a choice; 2: refused or failed (also a crash).
EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
PASSPHRASE_ENV = "MAKELAAR_EXCHANGE_PASSPHRASE"

OVERWRITE_HELP = "een bestaand bestand vervangen (standaard geweigerd)"


def add_overwrite(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overwrite", action="store_true", help=OVERWRITE_HELP)


def positive(text: str) -> int:
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
def open_for(args: argparse.Namespace, *, writes: bool = False) -> Iterator[Store]:
    """The store of this command, brought up to date, and closed again however the command ends. ``writes``: the
    command changes the store, so it holds the store's lock from before opening (which may upgrade it) to the
    end, and is refused while the window or another command holds it."""
    from makelaar.actions.lock import program_lock
    from makelaar.storage.engine import resolve_database_url, sqlite_path
    from makelaar.storage.store import open_store

    url = resolve_database_url(args.database)
    with program_lock(sqlite_path(url) if writes else None):
        store = open_store(url, actor=actor(args))
        try:
            yield store
        finally:
            store.close()


@contextmanager
def engine_for(url: str) -> Iterator[Engine]:
    from makelaar.storage.engine import make_engine

    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


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


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
