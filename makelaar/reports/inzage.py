"""The inzage (AVG access export) as a PDF for the resident: their data, consents, ideas and log lines."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from makelaar.domain.formatting import format_date
from makelaar.reports.style import WIDTH, ReportInfo, build_pdf, facts, para, table


def build_inzage_report(data: dict[str, Any], out: Path | BinaryIO, today: date) -> None:
    """The inzage as a PDF: what ``services.privacy.export_person`` gathered, laid out for the resident."""

    def day(value: str | None) -> str:
        if not value:
            return ""
        return format_date(date.fromisoformat(value[:10]))

    def moment(value: str | None) -> str:
        return f"{day(value)} {value[11:16]}" if value else ""

    person = data["persoon"]
    info = ReportInfo(
        title="Inzage persoonsgegevens",
        subject=f"Wat Makelaar bewaart over {person['nummer']}",
        municipality=data["gemeente"],
        printed_on=today,
    )
    story: list[Flowable] = [
        para("Inzage persoonsgegevens", "title"),
        para(f"Alles wat de gemeente in Makelaar over {person['nummer']} bewaart.", "subtitle"),
        para("Persoon", "h2"),
        facts(
            [
                ("Nummer", person["nummer"]),
                ("Naam", person["naam"]),
                ("E-mail", person["e-mail"] or "(niet bewaard)"),
                ("Telefoon", person["telefoon"] or "(niet bewaard)"),
                ("Adres", person["adres"] or "(niet bewaard)"),
                ("Postcode", person["postcode"] or "(niet bewaard)"),
                ("Vastgelegd op", day(person["vastgelegd_op"])),
                ("Laatst gewijzigd", day(person["laatst_gewijzigd_op"])),
                ("Geanonimiseerd op", day(person["geanonimiseerd_op"])),
            ]
        ),
        para("Toestemmingen", "h2"),
    ]
    if data["toestemmingen"]:
        story.append(
            table(
                ["Waarvoor", "Gegeven", "Hoe", "Datum"],
                [
                    [c["waarvoor"], "ja" if c["gegeven"] else "nee (ingetrokken)", c["hoe"], day(c["datum"])]
                    for c in data["toestemmingen"]
                ],
                [WIDTH - 95 * mm, 35 * mm, 30 * mm, 30 * mm],
            )
        )
    else:
        story.append(para("Er is geen toestemming vastgelegd."))
    story.append(para("Ideeën", "h2"))
    if data["ideeen"]:
        story.append(
            table(
                # Five columns: on A4 six leave the title too little room and break its long words.
                ["Idee", "Status", "Wijk", "Ontvangen", "Afgesloten"],
                [
                    [
                        f"{i['nummer']} {i['titel']}",
                        i["status"],
                        i["wijk"] or "",
                        day(i["ontvangen_op"]),
                        day(i["afgesloten_op"]),
                    ]
                    for i in data["ideeen"]
                ],
                [WIDTH - 112 * mm, 28 * mm, 32 * mm, 26 * mm, 26 * mm],
            )
        )
    else:
        story.append(para("Deze persoon staat bij geen enkel idee (meer)."))
    story.append(para("Bewaartermijn", "h2"))
    story.append(para(data["bewaartermijn"]))
    story.append(para("Logboek", "h2"))
    if data["logboek"]:
        story.append(
            table(
                ["Wanneer (UTC)", "Wat", "Door", "Welke gegevens"],
                [[moment(e["wanneer"]), e["wat"], e["door"], e["welke_gegevens"]] for e in data["logboek"]],
                [36 * mm, 50 * mm, 40 * mm, WIDTH - 126 * mm],
            )
        )
    else:
        story.append(para("Het logboek heeft nog geen regels over deze persoon."))
    story.append(
        para(
            "Klopt er iets niet, of wilt u dat uw gegevens worden gewist? Neem contact op met de gemeente; "
            "u hoeft dit niet te motiveren.",
            "small",
        )
    )
    build_pdf(out, info, story)
