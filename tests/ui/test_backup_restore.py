"""Restore a chosen backup from the GUI: the store is replaced, the current one kept, every screen refreshed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup
from makelaar.ui import backup_dialog, context, main_window
from makelaar.ui.backup_dialog import BackupDialog
from makelaar.ui.context import AppContext
from makelaar.ui.main_window import MainWindow


def test_restore_a_chosen_backup(qtbot: QtBot, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    path = ctx.store.path
    assert path is not None
    with ctx.store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Voor de back-up"))
    made = backup.take_backup(path, reason="test")
    ctx.store.checkpoint_in_background(delay_s=3600)  # as the program does for the store of its window
    with ctx.store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Na de back-up"))
    old = ctx.store
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.ideas.reload()
    assert window.ideas.model.rowCount() == 2

    chosen: list[Path] = []

    def ask(store_path: Path, parent: object = None) -> Path | None:
        dialog = BackupDialog(store_path)  # the real list, as the broker sees it
        qtbot.addWidget(dialog)
        listed = [dialog.model.row_at(i).path for i in range(dialog.model.rowCount())]  # type: ignore[union-attr]
        assert made in listed
        dialog.table.selectRow(listed.index(made))
        chosen.append(dialog.chosen() or Path())
        return dialog.chosen()

    monkeypatch.setattr(backup_dialog.BackupDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: True))
    monkeypatch.setattr(main_window.Notice, "show", staticmethod(lambda *_: None))
    restore = backup.restore
    stopped_first: list[bool] = []

    def restoring(*args: object) -> object:
        # The old store's checkpoints are stopped before its file is replaced: none can open it meanwhile.
        assert old.checkpoints is not None
        stopped_first.append(old.checkpoints._stopped and old.checkpoints._threads == [])
        return restore(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(backup, "restore", restoring)
    assert window.restore_backup()
    assert stopped_first == [True]
    assert chosen == [made]
    with ctx.store.begin() as s:
        assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Voor de back-up"]
    assert window.ideas.model.rowCount() == 1  # the screens show the restored store
    # The restored store checkpoints in the background too.
    assert ctx.store.checkpoints is not None and ctx.store.checkpoints is not old.checkpoints
    ctx.store.close()
    kept = [b.path.name for b in backup.list_backups(path)]
    assert any("voor-terugzetten" in name for name in kept)  # what was replaced is kept


def test_no_backups_yet_says_so(qtbot: QtBot, ctx: AppContext, shown: object) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.restore_backup() is False
    assert "nog geen back-ups" in shown.warnings[0]  # type: ignore[attr-defined]
