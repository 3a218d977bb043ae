"""Run by test_window_fit in a process of its own, on a screen given by the environment (a 1366×768 laptop at
200 % scaling): opens every window of the program on the store named on the command line and prints, per
window, the screen's free room and the window's size, as JSON."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from makelaar.domain.records import SessionData
from makelaar.services import sessions
from makelaar.storage.store import open_store
from makelaar.ui.context import AppContext
from makelaar.ui.settings import UiSettings


def main() -> None:
    app = QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{sys.argv[1]}")
    settings = UiSettings(QSettings(str(Path(sys.argv[1]).with_suffix(".ini")), QSettings.Format.IniFormat))
    ctx = AppContext(store=store, settings=settings)
    with store.begin() as s:
        session = sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2026, 11, 26)))

    from makelaar.ui.duplicates_dialog import DuplicatesDialog
    from makelaar.ui.idea_editor import IdeaEditor
    from makelaar.ui.import_wizard import ImportWizard
    from makelaar.ui.intake import IntakeDialog
    from makelaar.ui.main_window import MainWindow
    from makelaar.ui.match_all import MatchAllDialog
    from makelaar.ui.organisation_editor import OrganisationEditor
    from makelaar.ui.printing import preview_overview

    window = MainWindow(ctx)
    windows: dict[str, QWidget] = {
        "hoofdvenster": window,
        "idee": IdeaEditor(ctx, None),
        "organisatie": OrganisationEditor(ctx, None),
        "afdrukvoorbeeld": preview_overview(window, ctx, date(2026, 1, 1), date(2026, 12, 31)),
        "intake": IntakeDialog(ctx, session),
        "import": ImportWizard(ctx, "organisaties"),
        "dubbele organisaties": DuplicatesDialog(ctx),
        "alle suggesties": MatchAllDialog([], False, 0, None, settings),
    }
    found = {}
    for name, w in windows.items():
        w.show()
        app.processEvents()
        room = w.screen().availableGeometry()
        found[name] = {
            "room": [room.width(), room.height()],
            "size": [w.width(), w.height()],
            "smallest": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
            "ratio": w.devicePixelRatio(),
        }
        w.hide()
    print(json.dumps(found))
    store.close()


if __name__ == "__main__":
    main()
