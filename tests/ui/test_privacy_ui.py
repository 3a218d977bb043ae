"""A resident's rights from the idea editor (inzage, vergeten), and the audit log in Instellingen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.services import ideas, privacy
from makelaar.storage.store import Store
from makelaar.ui import context, idea_editor
from makelaar.ui.audit_log import AuditLogDialog
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow
from makelaar.ui.settings_view import SettingsView


def editor_on_person(qtbot: QtBot, ctx: AppContext, idea_id: str) -> IdeaEditor:
    editor = IdeaEditor(ctx, idea_id)
    qtbot.addWidget(editor)
    editor.tabs.setCurrentWidget(editor.people)
    editor.people.list.setCurrentRow(0)
    return editor


def test_inzage_writes_everything_about_the_person(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "inzage.json"
    monkeypatch.setattr(idea_editor.SaveChooser, "ask", staticmethod(lambda _p, _s: str(target)))
    editor = editor_on_person(qtbot, ctx, sample["garden"])
    assert editor.people.inzage_button.isEnabled()
    with qtbot.waitSignal(editor.people.inzage_requested):
        editor.people.inzage_button.click()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "Anna de Vries" in json.dumps(data, ensure_ascii=False)
    assert "anna@example.nl" in json.dumps(data, ensure_ascii=False)


def test_forget_erases_the_person_and_keeps_the_idea(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: True))
    editor = editor_on_person(qtbot, ctx, sample["garden"])
    with qtbot.waitSignal(editor.saved):
        editor.people.forget_button.click()
    with store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
    assert idea.title == "Buurtmoestuin aan de Lindelaan"
    assert idea.initiators[0].name == privacy.ANONYMOUS_NAME and idea.initiators[0].email is None
    assert editor.people.name.text() == privacy.ANONYMOUS_NAME  # the editor shows what is stored now
    assert not editor.is_dirty()

    log = AuditLogDialog(ctx)
    qtbot.addWidget(log)
    log.show()
    shown = [log.model.index(r, 2).data() for r in range(log.model.rowCount())]
    assert "vergeten" in shown or "geanonimiseerd" in shown
    texts = " ".join(str(log.model.index(r, c).data()) for r in range(log.model.rowCount()) for c in range(5))
    assert "Anna de Vries" not in texts and "anna@example.nl" not in texts


def test_the_retention_period_is_set_in_the_settings(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    assert view.retention.value() == privacy.DEFAULT_RETENTION_MONTHS
    view.retention.setValue(12)
    with store.begin() as s:
        assert privacy.retention_months(s) == 12


def test_the_settings_preview_who_retention_will_anonymise(qtbot: QtBot, ctx: AppContext, store: Store) -> None:
    from datetime import date

    from makelaar.domain.records import IdeaData, InitiatorData
    from makelaar.storage.models import Idea

    with store.begin() as s:
        done = ideas.save_idea(
            s, IdeaData(title="Afgerond", status="gerealiseerd", initiators=[InitiatorData(name="Kees Bakker")])
        )
        s.get(Idea, done.id).closed_on = date(2020, 1, 1)  # type: ignore[union-attr]
        reference = done.initiators[0].reference
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    assert view.retention_preview.text() == ""  # worked out when the screen is shown, not at start
    view.show()
    assert reference and reference in view.retention_preview.text()
    assert "Kees" not in view.retention_preview.text()  # numbers only, no names on this screen


def test_the_logbook_has_its_own_place_under_file_privacy(qtbot: QtBot, window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    privacy_menu = next(a.menu() for a in file_menu.actions() if a.text() == "&Privacy")
    assert privacy_menu.actions()[0].text() == "&Logboek persoonsgegevens…"
    privacy_menu.actions()[0].trigger()
    log = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AuditLogDialog))
    assert log.isVisible() and log.windowTitle() == "Logboek persoonsgegevens"
    log.close()
    tabs = window.settings_view.lists
    assert "Logboek persoonsgegevens" not in [tabs.tabText(i) for i in range(tabs.count())]
