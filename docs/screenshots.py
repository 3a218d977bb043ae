"""Take the screenshots in docs/screenshots/ from the running program on the example data.

    xvfb-run -a -s "-screen 0 1440x900x24" .venv/bin/python docs/screenshots.py

Uses a throwaway store filled by `makelaar demo`; the real windows are grabbed, nothing is drawn by hand.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    app = QApplication(sys.argv)
    from makelaar.app import install_translator
    from makelaar.services import demo, ideas, sessions
    from makelaar.services.listing import ListQuery
    from makelaar.storage.store import open_store
    from makelaar.ui.context import AppContext
    from makelaar.ui.intake import IntakeDialog
    from makelaar.ui.main_window import MainWindow
    from makelaar.ui.settings import UiSettings

    install_translator(app, "nl")
    folder = Path(tempfile.mkdtemp(prefix="makelaar-shots-"))
    store = open_store(f"sqlite:///{folder / 'demo.sqlite'}")
    with store.begin() as s:
        demo.fill(s)
    settings = UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))
    settings.broker_name = "Marieke Jansen"
    ctx = AppContext(store=store, settings=settings)
    window = MainWindow(ctx)
    window.resize(1400, 860)
    window.show()
    OUT.mkdir(exist_ok=True)

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

    with store.begin() as s:
        # An idea that already has koppelingen, so every tab has something to show.
        rows = ideas.list_ideas(s, ListQuery(statuses=("gekoppeld",), sort="title", descending=False))
        idea_id = rows[0].id if rows else ideas.list_ideas(s, ListQuery())[0].id
        session_rows = sessions.list_sessions(s)
    shot(window, "vandaag")
    window.show_view(window.ideas)
    window.ideas.reload(keep=idea_id)
    shot(window, "ideeen")
    window.show_view(window.organisations)
    window.organisations.table.selectRow(2)
    shot(window, "organisaties")
    window.show_view(window.sessions)
    shot(window, "wijktafels")
    window.show_view(window.settings_view)
    shot(window, "instellingen")
    window.show_view(window.ideas)

    editor = window.open_idea(idea_id)
    editor.resize(900, 680)
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
        preview.resize(820, 900)
        shot(preview, "rapport-voorbeeld", settle_ms=1500)
        preview.close()
    editor.close()

    org_editor = window.open_organisation(window.organisations.current_id() or "")
    org_editor.resize(900, 680)
    shot(org_editor, "organisatie")
    org_editor.close()

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


if __name__ == "__main__":
    raise SystemExit(main())
