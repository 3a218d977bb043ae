"""`makelaar privacy ...`: retention, inzage and vergetelheid from the command line.

makelaar.cli.entry adds the command with :func:`add_parser` and runs it with :func:`run` inside its error handling:
a :class:`~makelaar.domain.errors.KnownError` becomes a Dutch message and exit code 2.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makelaar.cli.common import EXIT_OK, add_overwrite, plural
from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from makelaar.storage.store import Store


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `privacy` with its actions to the sub-commands of the main parser."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "privacy", help="bewaartermijn toepassen, persoonsgegevens inzien of wissen (AVG)"
    )
    psub = p.add_subparsers(dest="privacy_command", metavar="ACTIE", required=True, title="acties")
    ret = psub.add_parser(
        "retention",
        help="laten zien wiens gegevens de bewaartermijn voorbij zijn (met --apply: anonimiseren)",
    )
    ret.add_argument("--apply", action="store_true", help="de getoonde personen nu anonimiseren")
    ret.add_argument(
        "--months",
        "--maanden",
        dest="maanden",
        type=_months,
        metavar="N",
        help="de bewaartermijn eerst op N maanden na afsluiten zetten (standaard 24)",
    )
    exp = psub.add_parser("export", help="alles wat over een persoon bewaard is, als PDF of JSON (inzage)")
    exp.add_argument("person", metavar="PERSOON", help="nummer (P-2026-0001) of naam")
    exp.add_argument("-o", "--output", required=True, metavar="BESTAND", help="eindigt op .pdf of .json")
    add_overwrite(exp)
    fgt = psub.add_parser("forget", help="naam en contactgegevens van een persoon nu wissen (de ideeën blijven)")
    fgt.add_argument("person", metavar="PERSOON", help="nummer (P-2026-0001) of naam")
    log = psub.add_parser("log", help="het logboek van persoonsgegevens tonen (nieuwste eerst; zonder de waarden)")
    log.add_argument("--top", type=_months, default=50, metavar="N", help="hoeveel regels (50)")
    return p


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen heel getal") from None
    if not 1 <= value <= 1200:
        raise argparse.ArgumentTypeError("moet tussen 1 en 1200 liggen")
    return value


def run(args: argparse.Namespace, store: Store, *, today: date | None = None) -> int:
    """Run one `privacy` action on an open store; the audit log names the store's actor (``makelaar --as NAAM``,
    or the name from the settings)."""
    from makelaar.domain.formatting import format_date
    from makelaar.services import privacy

    today = today or date.today()
    command = args.privacy_command
    if command == "retention":
        with store.begin() as s:
            if args.maanden is not None:
                privacy.set_retention_months(s, args.maanden)
            months = privacy.retention_months(s)
            items = privacy.retention_preview(s, today)
        print(f"Bewaartermijn: {months} maanden nadat het laatste idee van een persoon is afgesloten.")
        if not items:
            print("Niemand is de bewaartermijn voorbij; er valt niets te anonimiseren.")
            return EXIT_OK
        if args.apply:
            from makelaar.actions.backups import apply_retention

            done = apply_retention(store, today)
            if done.backup is not None:
                print(f"Back-up vooraf: {done.backup}")
            print(f"{plural(done.anonymised, 'persoon', 'personen')} geanonimiseerd; de ideeën blijven bewaard.")
            return EXIT_OK
        n = len(items)
        print(f"{plural(n, 'persoon', 'personen')} {'zou' if n == 1 else 'zouden'} worden geanonimiseerd:")
        for item in items:
            ideas = ", ".join(item.idea_references)
            print(f"  {item.reference}  idee {ideas}  (afgesloten op {format_date(item.closed_on)})")
        print("Gebruik --apply om dit nu te doen.")
        return EXIT_OK
    if command == "export":
        out = Path(args.output)
        if out.suffix.lower() not in (".json", ".pdf"):
            # Said before anything is looked up or logged.
            raise KnownError(f"Kies een bestand dat eindigt op .json of .pdf, niet '{out.name}'.")
        from makelaar.actions.inzage import write_inzage

        with store.begin() as s:
            person = privacy.find_person(s, args.person)
        result = write_inzage(store, person.id, out, today=today, overwrite=getattr(args, "overwrite", False))
        print(
            f"Inzage van {result.reference} geschreven naar {result.path} ({result.format}): "
            f"{plural(result.counts['toestemmingen'], 'toestemming', 'toestemmingen')}, "
            f"{plural(result.counts['ideeen'], 'idee', 'ideeën')}."
        )
        print("Dit bestand bevat persoonsgegevens: geef het alleen aan de persoon zelf en verwijder het daarna.")
        return EXIT_OK
    if command == "forget":
        from makelaar.actions.inzage import forget_person

        forgot = forget_person(store, args.person)
        person, idea_refs = forgot.person, forgot.idea_references
        if not forgot.forgotten:
            print(f"{person.reference} was al geanonimiseerd; er is niets gewijzigd.")
            return EXIT_OK
        print(
            f"{person.reference} is geanonimiseerd: naam, e-mail, telefoon, adres en postcode zijn gewist. "
            f"De toestemmingen en {plural(len(idea_refs), 'idee', 'ideeën')} blijven bewaard zonder persoonsgegevens."
        )
        return EXIT_OK
    if command == "log":
        from makelaar.services import audit

        with store.begin() as s:
            lines = audit.list_entries(s, limit=args.top)
        if not lines:
            print("Het logboek is nog leeg.")
        for line in lines:
            what = f"{line.reference or line.record_id} ({line.detail})" if line.detail else line.reference
            print(f"{line.occurred_at:%d-%m-%Y %H:%M} UTC  {line.actor}  {line.kind}  {what}")
        return EXIT_OK
    raise KnownError(f"Onbekende privacy-actie '{command}'.")
