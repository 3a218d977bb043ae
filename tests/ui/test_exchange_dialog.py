"""Uitwisselen in the GUI: the File menu exports changes and reads another store's file in, showing each conflict
side by side with a choice per record before anything is applied."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from makelaar.domain.records import OrganisationData
from makelaar.services import exchange, organisations
from makelaar.services.exchange import Choice, Plan
from makelaar.storage import backup
from makelaar.storage.models import Organisation
from makelaar.storage.store import Store, open_store
from makelaar.ui import exchange_dialog, main_window
from makelaar.ui.context import AppContext, Confirm
from makelaar.ui.exchange_dialog import ExchangeDialog, PassphraseDialog
from makelaar.ui.main_window import MainWindow
from tests.conftest import sqlite_url_for
from tests.ui.conftest import Shown


def _describe(store: Store, text: str) -> None:
    with store.begin() as s:
        org_id = s.scalar(select(Organisation.id).where(Organisation.name == "Buurthuis De Linde"))
        data = organisations.get_organisation(s, org_id or "")
        data.description = text
        organisations.save_organisation(s, data)


def _description(store: Store) -> str:
    with store.begin() as s:
        return s.scalar(select(Organisation.description).where(Organisation.name == "Buurthuis De Linde")) or ""


@pytest.fixture
def laptop(ctx: AppContext, tmp_path: Path) -> Iterator[Store]:
    """A laptop that began as a copy of the window's store; both then changed the same organisation."""
    office = ctx.store
    with office.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    with office.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert office.path is not None
    shutil.copy2(office.path, tmp_path / "laptop.sqlite")
    copy = open_store(sqlite_url_for(tmp_path / "laptop.sqlite"))
    _describe(office, "Versie van kantoor")
    _describe(copy, "Versie van de laptop")
    yield copy
    copy.close()


SECRET = "de moestuin bloeit in mei"


@pytest.fixture(autouse=True)
def team_passphrase(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The broker types the team's passphrase; the list says per question whether it was asked twice (export)."""
    asked: list[bool] = []

    def ask(_parent: QWidget | None, *, confirm: bool) -> str:
        asked.append(confirm)
        return SECRET

    monkeypatch.setattr(PassphraseDialog, "ask", staticmethod(ask))
    return asked


@pytest.fixture
def laptop_file(laptop: Store, tmp_path: Path) -> Path:
    path = tmp_path / "van-laptop.makelaar"
    with laptop.begin() as s:
        exchange.export_changes(s, path, passphrase=SECRET)
    return path


def _plan(ctx: AppContext, path: Path) -> Plan:
    with ctx.store.begin() as s:
        return exchange.plan_import(s, exchange.read_file(path, SECRET))


def _choose_theirs(qtbot: QtBot, dialog: ExchangeDialog) -> None:
    assert not dialog.apply_button.isEnabled()  # a conflict without a choice: nothing can be applied yet
    qtbot.mouseClick(dialog.theirs, Qt.MouseButton.LeftButton)


def test_the_dialog_shows_a_conflict_side_by_side_and_takes_a_choice(
    qtbot: QtBot, ctx: AppContext, laptop_file: Path
) -> None:
    plan = _plan(ctx, laptop_file)
    dialog = ExchangeDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()

    assert "1 conflict." in dialog.summary.text()
    assert dialog.conflict_list.count() == 1
    assert "nog kiezen" in dialog.conflict_list.item(0).text()
    rows = {
        dialog.fields.item(r, 0).text(): (dialog.fields.item(r, 1).text(), dialog.fields.item(r, 2).text())
        for r in range(dialog.fields.rowCount())
    }
    assert rows["Omschrijving"] == ("Versie van kantoor", "Versie van de laptop")
    assert dialog.missing.text() == "Conflicten nog zonder keuze: 1"

    _choose_theirs(qtbot, dialog)

    assert dialog.apply_button.isEnabled()
    assert dialog.choices() == {plan.conflicts[0].key: Choice.THEIRS}
    assert "hun versie" in dialog.conflict_list.item(0).text()

    qtbot.mouseClick(dialog.all_mine, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {plan.conflicts[0].key: Choice.MINE}
    assert dialog.mine.isChecked() and not dialog.theirs.isChecked()
    for widget in (dialog.conflict_list, dialog.fields, dialog.mine, dialog.theirs, dialog.all_mine):
        assert widget.accessibleName()


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(main_window.Notice, "show", staticmethod(lambda _p, _t, text: seen.append(text)))
    return seen


def test_reading_a_file_in_backs_up_applies_the_choice_and_refreshes(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    laptop_file: Path,
    notices: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(lambda *_: str(laptop_file)))

    def ask(parent: QWidget | None, plan: Plan) -> dict[str, Choice] | None:
        dialog = ExchangeDialog(plan, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        _choose_theirs(qtbot, dialog)
        return dialog.choices()

    monkeypatch.setattr(ExchangeDialog, "ask", classmethod(lambda _cls, parent, plan: ask(parent, plan)))
    assert window.exchange_import_action in window.menuBar().actions()[0].menu().actions()

    window.exchange_import_action.trigger()

    assert _description(ctx.store) == "Versie van de laptop"
    assert notices and notices[-1].startswith("Uitwisseling met Gemeente: 0 toegevoegd, 1 bijgewerkt")
    assert ctx.store.path is not None
    assert any("voor-uitwisseling" in b.path.name for b in backup.list_backups(ctx.store.path))


def test_cancelling_the_dialog_changes_nothing(
    window: MainWindow, ctx: AppContext, laptop_file: Path, notices: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(lambda *_: str(laptop_file)))
    monkeypatch.setattr(ExchangeDialog, "ask", classmethod(lambda *_: None))

    assert exchange_dialog.import_file(window) is None

    assert _description(ctx.store) == "Versie van kantoor"
    assert notices == []


def test_exporting_writes_the_file_the_other_store_reads(
    window: MainWindow,
    ctx: AppContext,
    laptop: Store,
    tmp_path: Path,
    notices: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "van-kantoor.json.gz"
    monkeypatch.setattr(main_window.FileChooser, "save", staticmethod(lambda *_: str(target)))

    window.exchange_export_action.trigger()

    assert target.exists()
    assert notices and notices[-1].endswith(f"geschreven naar {target}.")
    with laptop.begin() as s:
        plan = exchange.plan_import(s, exchange.read_file(target, SECRET))
    assert len(plan.conflicts) == 1


def test_everything_goes_out_again_for_a_laptop_that_missed_an_exchange(
    window: MainWindow, ctx: AppContext, tmp_path: Path, notices: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    first, again = tmp_path / "eerste.json.gz", tmp_path / "alles.json.gz"
    targets = iter([first, first, again])
    monkeypatch.setattr(main_window.FileChooser, "save", staticmethod(lambda *_: str(next(targets))))

    def records(path: Path) -> set[tuple[str, str]]:
        # Vocabulary terms and areas always go along (other records point at them): the rest is what changed.
        return {
            (r.table, r.id)
            for r in exchange.read_file(path, SECRET).records
            if r.table not in ("vocabulary_terms", "areas")
        }

    window.exchange_export_action.trigger()
    sent = records(first)
    assert sent
    # Nothing changed since: a second export of the changes holds none of them, "alles" holds every record again.
    window.exchange_export_action.trigger()
    assert records(first) == set()
    window.exchange_export_all_action.trigger()
    assert records(again) == sent
    # ... and says so: the whole store, not "changed records".
    assert notices[-1].startswith(f"Alles uit deze database geschreven naar {again}: alle ")
    assert "gewijzigde" not in notices[-1] and "gewijzigde" in notices[-3]


def test_a_file_from_a_newer_program_is_refused_with_a_message(
    window: MainWindow, ctx: AppContext, tmp_path: Path, shown: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nieuw.json"
    path.write_text(json.dumps({"format": exchange.FORMAT, "format_version": 99, "schema": "0099"}), encoding="utf-8")
    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(lambda *_: str(path)))
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda *_: True))  # yes, read this plain file
    monkeypatch.setattr(ExchangeDialog, "ask", classmethod(lambda *_: pytest.fail("no dialog for a refused file")))

    window.exchange_import_action.trigger()

    assert any("nieuwere versie van Makelaar" in w for w in shown.warnings)
    QApplication.processEvents()


# --- the passphrase ---------------------------------------------------------------------------------------------


def test_export_asks_the_passphrase_twice_and_writes_an_encrypted_file(
    window: MainWindow, tmp_path: Path, notices: list[str], team_passphrase: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "van-kantoor.makelaar"
    monkeypatch.setattr(main_window.FileChooser, "save", staticmethod(lambda *_: str(target)))

    window.exchange_export_action.trigger()

    assert team_passphrase == [True]
    assert exchange.is_encrypted(target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_cancelling_the_passphrase_writes_nothing(
    window: MainWindow, tmp_path: Path, notices: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "van-kantoor.makelaar"
    monkeypatch.setattr(main_window.FileChooser, "save", staticmethod(lambda *_: str(target)))
    monkeypatch.setattr(PassphraseDialog, "ask", staticmethod(lambda *_a, **_k: None))

    window.exchange_export_action.trigger()

    assert not target.exists() and notices == []


def test_a_wrong_passphrase_is_refused_with_a_message_and_nothing_applied(
    window: MainWindow,
    ctx: AppContext,
    laptop_file: Path,
    shown: Shown,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(lambda *_: str(laptop_file)))
    monkeypatch.setattr(PassphraseDialog, "ask", staticmethod(lambda *_a, **_k: "een ander wachtwoord"))
    monkeypatch.setattr(ExchangeDialog, "ask", classmethod(lambda *_: pytest.fail("nothing to show")))

    window.exchange_import_action.trigger()

    assert any("onderweg veranderd" in w for w in shown.warnings)
    assert _description(ctx.store) == "Versie van kantoor"
    QApplication.processEvents()


def test_a_plain_file_is_read_in_only_after_the_user_confirms(
    window: MainWindow, ctx: AppContext, laptop: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = tmp_path / "onversleuteld.json"
    with laptop.begin() as s:
        exchange.export_changes(s, plain)
    asked: list[str] = []
    monkeypatch.setattr(main_window.FileChooser, "open", staticmethod(lambda *_: str(plain)))
    monkeypatch.setattr(Confirm, "ask", staticmethod(lambda _p, _title, text: asked.append(text) or False))
    monkeypatch.setattr(ExchangeDialog, "ask", classmethod(lambda *_: pytest.fail("declined: nothing to show")))

    assert exchange_dialog.import_file(window) is None

    assert asked and "niet versleuteld" in asked[0]
    assert _description(ctx.store) == "Versie van kantoor"


def test_the_passphrase_dialog_checks_length_and_repetition(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "kort")
    dialog.check()
    assert "minstens 10 tekens" in dialog.problem.text() and dialog.isVisible()
    dialog.passphrase.setText(SECRET)
    dialog.again.setText(SECRET + "!")
    dialog.check()
    assert "verschillen" in dialog.problem.text() and dialog.isVisible()
    dialog.again.setText(SECRET)
    dialog.check()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
