"""Take the screenshots in docs/screenshots/ from the running program on the example data.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots.py

On the screen of a small municipal laptop (1366×768; the windows keep room for a taskbar). First a start on an
empty store (the welcome), then a throwaway store filled by `makelaar demo`; the real windows are grabbed, nothing
is drawn by hand.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QSettings, QSize, QTimer
from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parent / "screenshots"
# The main window on a 1366×768 screen with a taskbar of 40 pixels and a title bar.
LAPTOP = QSize(1366, 700)


def main() -> int:
    app = QApplication(sys.argv)
    from makelaar.app import install_translator
    from makelaar.services import demo, ideas, sessions
    from makelaar.services.listing import ListQuery
    from makelaar.storage.store import open_store
    from makelaar.ui.context import AppContext
    from makelaar.ui.intake import IntakeDialog
    from makelaar.ui.main_window import COUNT_ROLE, MainWindow
    from makelaar.ui.settings import UiSettings

    install_translator(app, "nl")
    folder = Path(tempfile.mkdtemp(prefix="makelaar-shots-"))
    OUT.mkdir(exist_ok=True)

    # A first start: an empty store, nobody named yet.
    empty = open_store(f"sqlite:///{folder / 'leeg.sqlite'}")
    first_settings = UiSettings(QSettings(str(folder / "eerste.ini"), QSettings.Format.IniFormat))
    first = MainWindow(AppContext(store=empty, settings=first_settings))
    first.apply_look()
    first.resize(LAPTOP)
    first.show()

    store = open_store(f"sqlite:///{folder / 'demo.sqlite'}")
    with store.begin() as s:
        demo.fill(s)
    settings = UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    settings.broker_name = "Marieke Jansen"
    ctx = AppContext(store=store, settings=settings)

    def shot(widget: QWidget, name: str, settle_ms: int = 0) -> None:
        for _ in range(5):
            app.processEvents()
        if settle_ms:
            # QPdfView renders its pages in a thread: give it a moment before the grab.
            loop = QEventLoop()
            QTimer.singleShot(settle_ms, loop.quit)
            loop.exec()
        widget.grab().save(str(OUT / f"{name}.png"))
        print("saved", OUT / f"{name}.png")

    shot(first, "eerste-start")
    first.show_view(first.organisations)
    shot(first, "organisaties-leeg")
    first.close()
    empty.close()
    window = MainWindow(ctx)
    window.apply_look()
    window.resize(LAPTOP)
    window.show()

    with store.begin() as s:
        # An idea that already has koppelingen, so every tab has something to show.
        rows = ideas.list_ideas(s, ListQuery(statuses=("gekoppeld",), sort="title", descending=False))
        idea_id = rows[0].id if rows else ideas.list_ideas(s, ListQuery())[0].id
        session_rows = sessions.list_sessions(s)
    # The navigation's counts are read in the background once the window is up: the picture shows them in.
    deadline = time.monotonic() + 10
    while window.nav.item(1).data(COUNT_ROLE) is None and time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    shot(window, "vandaag")
    window.show_view(window.ideas)
    window.ideas.reload(keep=idea_id)
    shot(window, "ideeen")
    window.show_view(window.organisations)
    window.organisations.table.selectRow(2)
    shot(window, "organisaties")
    window.show_view(window.matches)
    window.matches.table.selectRow(0)
    shot(window, "koppelingen")
    window.show_view(window.sessions)
    shot(window, "wijktafels")
    window.show_view(window.settings_view)
    shot(window, "instellingen")
    window.show_view(window.ideas)

    editor = window.open_idea(idea_id)
    shot(editor, "idee-gegevens")
    editor.tabs.setCurrentIndex(2)
    shot(editor, "idee-initiatiefnemers")
    editor.tabs.setCurrentWidget(editor.suggestions)
    shot(editor, "idee-suggesties")
    editor.tabs.setCurrentWidget(editor.matches_page)
    shot(editor, "idee-koppelingen")
    editor.tabs.setCurrentWidget(editor.timeline)
    shot(editor, "idee-tijdlijn")
    preview = editor.print_report()
    if preview is not None:
        shot(preview, "rapport-voorbeeld", settle_ms=1500)
        preview.close()
    editor.close()

    org_editor = window.open_organisation(window.organisations.current_id() or "")
    shot(org_editor, "organisatie")
    org_editor.close()

    import_wizard_shots(ctx, window, folder, shot)
    duplicates_shot(ctx, window, shot)
    exchange_shot(ctx, window, folder, shot)

    upcoming = [r for r in session_rows if r.held_on >= date.today()] or session_rows
    with store.begin() as s:
        session = sessions.get_session(s, upcoming[0].id)
    intake = IntakeDialog(ctx, session, window)
    intake.title.setText("Picknicktafels in het Lindepark")
    intake.description.setPlainText("Buren willen twee picknicktafels bij de speeltuin, zodat ouders elkaar treffen.")
    intake.name.setText("Fatima El Amrani")
    intake.consent_contact.setChecked(True)
    intake.phone.setText("06 12345678")
    intake.show()
    shot(intake, "wijktafel-intake")
    intake.set_form_state({})
    intake.reject()
    window.close()
    store.close()
    return 0


# A sociale kaart as municipalities keep it: Excel's Windows-1252, other headers, a title row, a column Makelaar does
# not know, a known organisation (updated), a new one and a row with a bad e-mail address (rejected).
SOCIALE_KAART = (
    "Sociale kaart Lindewaard, versie maart 2026\r\n"
    "Naam organisatie;Soort;Omschrijving;Biedt aan;Thema's;Wijk;E-mailadres;Telefoonnummer;Website;Opmerking\r\n"
    "Buurthuis De Molen;stichting;Buurthuis met zaal, keuken, tuin en nu ook een werkplaats.;ruimte, materiaal;"
    "welzijn, cultuur;Oosterhoek;info@demolen.nl;0571 123456;www.demolen.nl;gebeld in maart\r\n"
    "Kledingbank Lindewaard;stichting;Geeft kleding aan gezinnen die het even niet kunnen betalen.;"
    "materiaal, vrijwilligers;welzijn;hele gemeente;kleding@lindewaard.nl;06 12345678;;nieuw\r\n"
    "Kookclub Eén Tafel;vereniging;Samen koken en eten met buren, één keer per week.;vrijwilligers;welzijn;"
    "Havenkwartier;koken@;0571 654321;;e-mail klopt niet\r\n"
)


def import_wizard_shots(ctx: Any, window: Any, folder: Path, shot: Callable[[QWidget, str], None]) -> None:
    from makelaar.ui import main_window
    from makelaar.ui.import_wizard import ImportWizard

    source = folder / "sociale-kaart.csv"
    source.write_bytes(SOCIALE_KAART.encode("cp1252"))
    chooser = main_window.FileChooser.open
    main_window.FileChooser.open = staticmethod(lambda *_: str(source))  # type: ignore[method-assign]
    try:
        wizard = ImportWizard(ctx, "organisaties", window)
        wizard.show()
        wizard.file_page.choose_button.click()
        wizard.next()
        shot(wizard, "import-kolommen")
        wizard.next()
        shot(wizard, "import-voorbeeld")
        wizard.reject()
    finally:
        main_window.FileChooser.open = chooser  # type: ignore[method-assign]


def duplicates_shot(ctx: Any, window: Any, shot: Callable[[QWidget, str], None]) -> None:
    from makelaar.domain.records import OrganisationData
    from makelaar.services import organisations
    from makelaar.ui.duplicates_dialog import DuplicatesDialog

    with ctx.store.begin() as s:
        # The same buurthuis typed in again by a colleague, with a typo and its legal form.
        organisations.save_organisation(
            s,
            OrganisationData(
                name="Stichting Buurthuis De Moolen",
                description="Zaal voor 80 mensen in de Molenbuurt.",
                website="https://www.demolen.nl/",
                phone="0571 123456",
            ),
        )
    dialog = DuplicatesDialog(ctx, window)
    dialog.show()
    dialog.search()
    dialog.table.selectRow(0)
    shot(dialog, "dubbele-organisaties")
    dialog.reject()


def exchange_shot(ctx: Any, window: Any, folder: Path, shot: Callable[[QWidget, str], None]) -> None:
    import shutil

    from sqlalchemy import select

    from makelaar.services import exchange, organisations
    from makelaar.storage.models import Organisation
    from makelaar.storage.store import open_store
    from makelaar.ui.exchange_dialog import ExchangeDialog

    store = ctx.store
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(store.path, folder / "laptop.sqlite")
    laptop = open_store(f"sqlite:///{folder / 'laptop.sqlite'}")

    def describe(on: Any, text: str, phone: str) -> None:
        with on.begin() as s:
            org_id = s.scalar(select(Organisation.id).where(Organisation.name == "Dorpshuis Ellemeet"))
            data = organisations.get_organisation(s, org_id or "")
            data.description, data.phone = text, phone
            organisations.save_organisation(s, data)

    describe(store, "Dorpshuis met grote zaal en podium; vanaf 1 januari ook een repair café.", "0571 222333")
    describe(laptop, "Dorpshuis met grote zaal en podium, beheerd door vrijwilligers.", "0571 444555")
    path = folder / "van-laptop.json.gz"
    with laptop.begin() as s:
        exchange.export_changes(s, path)
    laptop.close()
    with store.begin() as s:
        plan = exchange.plan_import(s, exchange.read_file(path))
    dialog = ExchangeDialog(plan, window)
    dialog.show()
    shot(dialog, "uitwisseling-conflict")
    dialog.reject()


if __name__ == "__main__":
    raise SystemExit(main())
