"""Wijktafel intake: idea after idea from the keyboard, and a draft that survives a crash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import Vocabulary
from makelaar.domain.records import SessionData
from makelaar.services import ideas, sessions
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store
from makelaar.ui.context import AppContext
from makelaar.ui.intake import IntakeDialog, draft_path
from tests.ui.conftest import terms


def make_session(store: Store, area_id: str | None = None) -> SessionData:
    with store.begin() as s:
        return sessions.save_session(
            s, SessionData(title="Wijktafel Noord", held_on=date(2026, 11, 26), place="Buurthuis", area_id=area_id)
        )


def open_intake(qtbot: QtBot, ctx: AppContext, session: SessionData) -> IntakeDialog:
    dialog = IntakeDialog(ctx, session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_two_ideas_in_a_row_from_the_keyboard(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    session = make_session(store, sample["noord"])
    dialog = open_intake(qtbot, ctx, session)
    assert dialog.focusWidget() is dialog.title
    qtbot.keyClicks(dialog.title, "Rommelmarkt op het plein")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.description, "Eens per jaar, voor de speeltuin")
    qtbot.keyClick(dialog.description, Qt.Key.Key_Tab)  # Tab leaves the description (no tab characters)
    qtbot.keyClicks(dialog.name, "Karin Smit")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.consent_contact, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.consent_contact, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.email, "karin@example.nl")
    needs = terms(store, Vocabulary.HELP_TYPE)
    dialog.needs.setFocus()
    dialog.needs.setCurrentRow(list(needs).index("vergunning"))
    qtbot.keyClick(dialog.needs, Qt.Key.Key_Space)
    with qtbot.waitSignal(dialog.idea_registered):
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)  # Enter saves and starts the next idea
    assert dialog.title.text() == ""
    assert dialog.focusWidget() is dialog.title
    assert dialog.done_list.count() == 1
    qtbot.keyClicks(dialog.title, "Bloembakken in de straat")
    with qtbot.waitSignal(dialog.idea_registered):
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.done_list.count() == 2
    with store.begin() as s:
        rows = ideas.list_ideas(s, ListQuery(session_id=session.id, sort="reference", descending=False))
        first = ideas.get_idea(s, rows[0].id)
    assert [r.title for r in rows] == ["Rommelmarkt op het plein", "Bloembakken in de straat"]
    assert first.description == "Eens per jaar, voor de speeltuin"
    assert first.area_id == sample["noord"]
    assert first.source == "wijktafel"
    assert first.received_on == date(2026, 11, 26)
    assert first.need_ids == [needs["vergunning"]]
    person = first.initiators[0]
    assert (person.name, person.email, person.consent_contact) == ("Karin Smit", "karin@example.nl", True)
    # Nothing of the residents is on the screen a resident looks at: only titles.
    shown = [dialog.done_list.item(i).text() for i in range(dialog.done_list.count())]
    assert not any("Karin" in line for line in shown)


def test_draft_survives_a_crash(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    session = make_session(store)
    dialog = open_intake(qtbot, ctx, session)
    qtbot.keyClicks(dialog.title, "Jeu de boules baan")
    qtbot.keyClicks(dialog.name, "Henk")
    assert session.id is not None
    path = draft_path(session.id)
    assert path.exists()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    # The program dies: no close, no reject, the widget is simply gone.
    dialog.hide()
    dialog.deleteLater()
    again = open_intake(qtbot, ctx, session)
    assert again.title.text() == "Jeu de boules baan"
    assert again.name.text() == "Henk"
    assert "teruggezet" in again.notice.text()
    with qtbot.waitSignal(again.idea_registered):
        again.save_and_next()
    assert not path.exists()


def test_rejected_intake_keeps_the_form(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    session = make_session(store)
    dialog = open_intake(qtbot, ctx, session)
    qtbot.keyClicks(dialog.name, "Zonder titel")
    dialog.save_and_next()
    assert "titel is verplicht" in dialog.error_label.text()
    assert dialog.name.text() == "Zonder titel"
    assert dialog.done_list.count() == 0


def test_damaged_draft_is_set_aside(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    session = make_session(store)
    assert session.id is not None
    path: Path = draft_path(session.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{niet af", encoding="utf-8")
    dialog = open_intake(qtbot, ctx, session)
    assert dialog.title.text() == ""
    assert path.with_suffix(".damaged").exists()


def test_withdrawing_consent_empties_the_contact_fields(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    dialog = open_intake(qtbot, ctx, make_session(store))
    dialog.consent_contact.setChecked(True)
    dialog.email.setText("piet@example.nl")
    dialog.consent_share.setChecked(True)
    dialog.consent_contact.setChecked(False)
    assert dialog.email.text() == ""
    assert not dialog.consent_share.isChecked()
