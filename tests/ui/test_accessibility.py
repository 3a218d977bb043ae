"""Every input of every form has a name a screen reader can speak (EN 301 549 / WCAG 2.1 AA, 4.1.2)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from makelaar.domain.records import MatchRow, SessionData
from makelaar.services import ideas, sessions
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.intake import IntakeDialog
from makelaar.ui.main_window import MainWindow
from makelaar.ui.match_dialog import MatchDialog, MatchStatusDialog
from makelaar.ui.organisation_editor import OrganisationEditor
from makelaar.ui.sessions_view import SessionDialog

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)


def _inside_composite(w: QWidget) -> bool:
    parent = w.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_inputs(root: QWidget) -> list[str]:
    missing = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS):
            continue
        # Parts of a composite widget (a spin box's line edit, a combo's popup list, a table's corner button) are
        # named by the whole.
        if _inside_composite(w) or w.objectName().startswith("qt_"):
            continue
        if type(w).__name__ in ("QTabBar", "QToolButton", "QHeaderView"):
            continue
        name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not name.replace("&", "").strip():
            missing.append(f"{type(w).__name__} {w.objectName()!r} in {type(root).__name__}")
    return missing


def forms(ctx: AppContext, sample: dict[str, str]) -> list[QWidget]:
    with ctx.store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
        session = sessions.save_session(s, SessionData(title="Wijktafel", held_on=date(2026, 11, 1)))
    row = MatchRow(
        id="m",
        idea_id="i",
        idea_reference="I",
        idea_title="t",
        organisation_id="o",
        organisation_name="O",
        need="",
        contact="",
        status="benaderd",
        follow_up_on=None,
        note="",
        version=1,
    )
    return [
        MainWindow(ctx),
        IdeaEditor(ctx, sample["garden"]),
        IdeaEditor(ctx),
        OrganisationEditor(ctx, sample["green"]),
        IntakeDialog(ctx, session),
        SessionDialog(ctx),
        MatchDialog(None, ctx, idea),
        MatchStatusDialog(None, row),
    ]


def test_every_input_has_an_accessible_name(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    problems: list[str] = []
    roots = forms(ctx, sample)
    for root in roots:
        qtbot.addWidget(root)
        problems += unnamed_inputs(root)
    assert problems == []
    # The walk really saw the forms' inputs (a walk that finds nothing proves nothing).
    editor = roots[1]
    assert isinstance(editor, IdeaEditor)
    assert editor.people.postcode in editor.findChildren(QLineEdit)
    assert editor.people.postcode.accessibleName() == "Postcode"


def test_the_check_finds_a_nameless_field(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    QLineEdit(holder)
    assert len(unnamed_inputs(holder)) == 1


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4])
def test_every_area_is_reachable_by_keyboard(qtbot: QtBot, ctx: AppContext, index: int) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shortcuts = {a.shortcut().toString() for a in window.actions()}
    assert f"Ctrl+{index + 1}" in shortcuts
    assert {"Ctrl+N", "Ctrl+F", "Ctrl+Q", "Ctrl+O"} <= shortcuts
