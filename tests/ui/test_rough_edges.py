"""Rough edges a new broker ran into, each driven as a broker would: keys, clicks, the menus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import MatchStatus
from makelaar.domain.records import MatchRow
from makelaar.ui.context import AppContext
from makelaar.ui.main_window import MainWindow
from makelaar.ui.match_all import MatchAllDialog
from makelaar.ui.match_dialog import MatchStatusDialog
from makelaar.ui.organisation_editor import OrganisationEditor


def _match_row(status: str) -> MatchRow:
    return MatchRow(
        id="m",
        idea_id="i",
        idea_reference="I-2026-0001",
        idea_title="Buurtmoestuin",
        organisation_id="o",
        organisation_name="Stichting Groen Doen",
        need="ruimte",
        contact="",
        status=status,
        follow_up_on=None,
        note="",
        version=1,
    )


@pytest.mark.parametrize(
    ("now", "after_enter"),
    [
        ("voorgesteld", MatchStatus.APPROACHED),
        ("benaderd", MatchStatus.COMMITTED),
        ("toegezegd", MatchStatus.DONE),
        ("afgewezen", MatchStatus.APPROACHED),
        ("afgerond", MatchStatus.DONE),
    ],
)
def test_enter_in_the_status_dialog_takes_the_natural_next_step(
    qtbot: QtBot, now: str, after_enter: MatchStatus
) -> None:
    dialog = MatchStatusDialog(None, _match_row(now))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.status, Qt.Key.Key_Return)
    assert dialog.change().status is after_enter


def test_an_existing_organisation_opens_under_its_own_name(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    editor = OrganisationEditor(ctx, sample["green"])
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Organisatie Stichting Groen Doen"
    new = OrganisationEditor(ctx, None)
    qtbot.addWidget(new)
    assert new.windowTitle() == "Nieuwe organisatie"


def test_suggestions_for_all_ideas_end_without_cancel_when_not_cancelled(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: any(isinstance(w, MatchAllDialog) for w in QApplication.topLevelWidgets()))
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MatchAllDialog))
    assert not dialog.cancelled
    assert "Afgebroken" not in dialog.summary.text()
    assert dialog.summary.text().startswith("2 open ideeën bekeken")
    dialog.close()
