"""Over Makelaar: version, licence and third-party licences, opened from the Help menu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from makelaar import buildinfo
from makelaar.ui.about import AboutDialog
from makelaar.ui.main_window import MainWindow


def _menu_action(window: MainWindow, menu_text: str, action_text: str) -> QAction:
    for top in window.menuBar().actions():
        menu = top.menu()
        if top.text() == menu_text and isinstance(menu, QMenu):
            for action in menu.actions():
                if action.text() == action_text:
                    return action
    raise AssertionError(f"{menu_text} › {action_text} niet gevonden")


def test_the_help_menu_opens_about_with_version_licence_and_store(qtbot: QtBot, window: MainWindow) -> None:
    _menu_action(window, "&Help", "&Over Makelaar").trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AboutDialog)
    assert dialog.version.text() == f"Makelaar {buildinfo.version()}"
    assert "EUPL-1.2" in dialog.licence.text()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.version)))
    assert window.ctx.store.description in texts
    third_party = dialog.third_party.toPlainText()
    assert "PySide6_Essentials" in third_party and "LGPL-3.0-only" in third_party
    assert "SQLAlchemy" in third_party
    dialog.reject()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_build_shows_its_own_version_and_licence_file(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / buildinfo.BUILD_INFO).write_text(
        json.dumps({"version": "2.0.0", "commit": "abc1234", "date": "07-12-2026"}), encoding="utf-8"
    )
    (tmp_path / buildinfo.THIRD_PARTY).write_text("libxcb-cursor0 0.1.4-1 MIT\n", encoding="utf-8")
    monkeypatch.setattr(buildinfo, "resources_dir", lambda: tmp_path)
    dialog = AboutDialog("SQLite: /tmp/x y/Zoë/makelaar.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.version.text() == "Makelaar 2.0.0 (build 07-12-2026, abc1234)"
    assert dialog.third_party.toPlainText() == "libxcb-cursor0 0.1.4-1 MIT\n"
    assert dialog.third_party.isReadOnly()
