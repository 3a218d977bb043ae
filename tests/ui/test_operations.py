"""The window's one runner for actions: an existing file is replaced only after a question whose default is No;
the action's Dutch error is shown one way; the views refresh because the action said what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from makelaar.actions.common import Changes
from makelaar.domain.errors import KnownError
from makelaar.domain.records import OrganisationData
from makelaar.services import organisations
from makelaar.ui import dialogs
from makelaar.ui.context import AppContext
from makelaar.ui.dialogs import FileChooser, Notice, OverwriteQuestion
from makelaar.ui.export_dialog import ExportChoice, ExportDialog
from makelaar.ui.main_window import MainWindow
from makelaar.ui.operations import run_op
from tests.ui.conftest import Shown


@pytest.fixture
def export_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    target = tmp_path / "organisaties.csv"
    monkeypatch.setattr(
        ExportDialog, "ask", staticmethod(lambda *_, **__: ExportChoice(filtered=False, own_records=False))
    )
    monkeypatch.setattr(FileChooser, "save", staticmethod(lambda *_: str(target)))
    monkeypatch.setattr(Notice, "show", staticmethod(lambda *_: None))
    return target


def test_an_existing_export_is_kept_when_the_broker_says_no(
    window: MainWindow, export_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_to.write_text("de lijst van vorige week", encoding="utf-8")
    asked: list[Path] = []
    monkeypatch.setattr(OverwriteQuestion, "ask", staticmethod(lambda _p, path: asked.append(path) or False))
    window.export_file("organisaties")
    assert asked == [export_to]
    assert export_to.read_text(encoding="utf-8") == "de lijst van vorige week"


def test_an_existing_export_is_replaced_when_the_broker_says_yes(
    window: MainWindow, export_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export_to.write_text("de lijst van vorige week", encoding="utf-8")
    monkeypatch.setattr(OverwriteQuestion, "ask", staticmethod(lambda *_: True))
    window.export_file("organisaties")
    assert export_to.read_text(encoding="utf-8-sig").startswith("Nummer;Naam")


def test_a_new_file_is_written_without_a_question(
    window: MainWindow, export_to: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OverwriteQuestion, "ask", staticmethod(lambda *_: pytest.fail("nothing to replace")))
    window.export_file("organisaties")
    assert export_to.exists()


def test_the_question_defaults_to_no(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[tuple[object, ...]] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        seen.append(args)
        return args[4]  # type: ignore[return-value]  # Enter: the default button

    monkeypatch.undo()  # the suite answers yes to this question; here the real one is looked at
    monkeypatch.setattr(dialogs.QMessageBox, "question", staticmethod(question))
    assert OverwriteQuestion.ask(None, tmp_path / "lijst.csv") is False
    [(_parent, _title, text, _buttons, default)] = seen
    assert default == QMessageBox.StandardButton.No
    assert str(tmp_path / "lijst.csv") in str(text)


def test_an_export_over_the_store_is_refused_with_a_message(
    window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, shown: Shown
) -> None:
    store_path = ctx.store.path
    assert store_path is not None
    before = store_path.read_bytes()
    monkeypatch.setattr(
        ExportDialog, "ask", staticmethod(lambda *_, **__: ExportChoice(filtered=False, own_records=False))
    )
    monkeypatch.setattr(FileChooser, "save", staticmethod(lambda *_: str(store_path)))
    window.export_file("organisaties")
    assert shown.warnings and "database van Makelaar" in shown.warnings[-1]
    assert store_path.read_bytes() == before


def test_the_runner_shows_a_known_error_and_announces_nothing(qtbot: QtBot, ctx: AppContext, shown: Shown) -> None:
    def fails() -> None:
        raise KnownError("De schijf is vol; er is niets opgeslagen.")

    with qtbot.assertNotEmitted(ctx.changes.changed):
        assert run_op(None, ctx, fails) is None
    assert shown.warnings == ["De schijf is vol; er is niets opgeslagen."]


def test_views_refresh_when_an_action_announces_what_changed(qtbot: QtBot, window: MainWindow, ctx: AppContext) -> None:
    window.show_view(window.organisations)
    before = window.organisations.model.rowCount()

    def add() -> Changes:
        with ctx.store.begin() as s:
            organisations.save_organisation(s, OrganisationData(name="Voedselbank Oost"))
        return Changes(organisations=True)

    with qtbot.waitSignal(ctx.changes.changed):
        run_op(window, ctx, add, changes=lambda c: c)
    assert window.organisations.model.rowCount() == before + 1
