"""The Koppelingen area (follow-up across ideas) and Ctrl+E: exporting what a list shows."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import MatchStatus, Vocabulary
from makelaar.services import matches
from makelaar.storage.store import Store
from makelaar.ui.export_dialog import ExportChoice, ExportDialog
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import FileChooser, MainWindow, Notice
from tests.ui.conftest import terms


@pytest.fixture
def linked(store: Store, sample: dict[str, str]) -> dict[str, str]:
    """The sample with two koppelingen: one late, one without a follow-up date."""
    needs = terms(store, Vocabulary.HELP_TYPE)
    with store.begin() as s:
        late = matches.create_match(
            s,
            idea_id=sample["garden"],
            organisation_id=sample["green"],
            need_id=needs["ruimte"],
            follow_up_on=date.today() - timedelta(days=3),
        )
        later = matches.create_match(s, idea_id=sample["dinner"], organisation_id=sample["fund"], need_id=needs["geld"])
        matches.update_match(s, later.id, version=later.version, status=MatchStatus.APPROACHED, follow_up_on=None)
    return {**sample, "late": late.id, "later": later.id}


def shown_ids(window: MainWindow) -> list[str]:
    view = window.matches
    return [row.id for i in range(view.model.rowCount()) if (row := view.model.row_at(i)) is not None]


def test_koppelingen_area_filters_and_opens_the_idea(qtbot: QtBot, linked: dict[str, str], window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    view = window.matches
    assert window.stack.currentWidget() is view
    # Late first, the one without a date last.
    assert shown_ids(window) == [linked["late"], linked["later"]]
    assert view.count_label.text() == "2 koppeling(en)"

    view.follow_up_filter.setCurrentIndex(view.follow_up_filter.findData(matches.FOLLOW_UP_OVERDUE))
    assert shown_ids(window) == [linked["late"]]
    assert "Stichting Groen Doen" in view.detail.toPlainText()
    assert "Gekoppeld aan Stichting Groen Doen" in view.detail.toPlainText()  # the koppeling's timeline

    view.follow_up_filter.setCurrentIndex(0)
    qtbot.keyClicks(view.search, "samen eten")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert shown_ids(window) == [linked["later"]]

    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    editor = window.editors[-1]
    assert isinstance(editor, IdeaEditor)
    assert editor.record_id == linked["dinner"]


def test_export_dialog_offers_the_list_only_when_it_is_narrowed(qtbot: QtBot) -> None:
    narrowed = ExportDialog("ideeën", 3, 10, personal=True)
    qtbot.addWidget(narrowed)
    assert narrowed.shown_only.isEnabled() and narrowed.shown_only.isChecked()
    assert narrowed.choice() == ExportChoice(filtered=True, own_records=False)
    narrowed.for_own_records.click()
    narrowed.everything.click()
    assert narrowed.choice() == ExportChoice(filtered=False, own_records=True)

    whole = ExportDialog("organisaties", 10, 10, personal=False)
    qtbot.addWidget(whole)
    assert not whole.shown_only.isEnabled() and whole.everything.isChecked()
    assert whole.for_own_records.isHidden() or not whole.for_own_records.isVisibleTo(whole)


def test_ctrl_e_exports_what_the_list_shows(
    qtbot: QtBot, linked: dict[str, str], window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[int, int, bool]] = []

    def answer(_parent: object, _what: str, shown: int, total: int, personal: bool) -> ExportChoice:
        asked.append((shown, total, personal))
        return ExportChoice(filtered=True, own_records=False)

    monkeypatch.setattr(ExportDialog, "ask", staticmethod(answer))
    target = tmp_path / "lijst.csv"
    monkeypatch.setattr(FileChooser, "save", staticmethod(lambda *_: str(target)))
    notices: list[str] = []
    monkeypatch.setattr(Notice, "show", staticmethod(lambda _p, _t, text: notices.append(text)))

    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.ideas.search, "moestuin")
    qtbot.keyClick(window.ideas.search, Qt.Key.Key_Return)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)

    assert asked == [(1, 2, True)]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert [r[1] for r in rows[1:]] == ["Buurtmoestuin aan de Lindelaan"]
    # Anna gave consent for contact, not for sharing: her name stays out of a file to share.
    assert rows[1][rows[0].index("Initiatiefnemer")] == ""
    assert notices and str(target) in notices[0]

    # The koppelingen list, filtered on late follow-ups, exports just that one.
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.matches.follow_up_filter.setCurrentIndex(window.matches.follow_up_filter.findData(matches.FOLLOW_UP_OVERDUE))
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked[-1] == (1, 2, False)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert [r[2] for r in rows[1:]] == ["Stichting Groen Doen"]
