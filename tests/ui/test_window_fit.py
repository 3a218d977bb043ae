"""Every window fits a 1366×768 laptop with its taskbar, also at 200 % scaling, and opens at the size it had."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from pytestqt.qtbot import QtBot

from makelaar.ui.context import AppContext
from makelaar.ui.main_window import MainWindow
from makelaar.ui.organisation_editor import OrganisationEditor
from makelaar.ui.window_size import FRAME

REPO = Path(__file__).resolve().parents[2]


def test_every_window_fits_a_laptop_at_200_percent(sqlite_template: Path, tmp_path: Path) -> None:
    # A 2732×1440 screen (1536 less a taskbar) at 200 %: 1366×720 for the program to use.
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 2732, "height": 1440, "logicalDpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    shutil.copy(sqlite_template, tmp_path / "store.sqlite")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": "2",
        "MAKELAAR_HOME": str(tmp_path / "home"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.window_fit_probe", str(tmp_path / "store.sqlite")],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    windows = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(windows) == 8
    for name, w in windows.items():
        room_w, room_h = w["room"]
        assert (room_w, room_h, w["ratio"]) == (1366, 720, 2.0), name
        # The window with a frame (title bar and border) around it fits, and so does the smallest size it can take.
        assert w["size"][0] + FRAME.width() <= room_w and w["size"][1] + FRAME.height() <= room_h, name
        assert w["smallest"][0] <= room_w - FRAME.width() and w["smallest"][1] <= room_h - FRAME.height(), name


def test_an_editor_opens_at_the_size_it_was_closed_at(qtbot: QtBot, ctx: AppContext) -> None:
    first = OrganisationEditor(ctx, None)
    qtbot.addWidget(first)
    first.show()
    smallest = first.minimumSizeHint()
    chosen = QSize(max(700, smallest.width() + 10), max(520, smallest.height() + 10))
    first.resize(chosen)
    first.close()
    again = OrganisationEditor(ctx, None)
    qtbot.addWidget(again)
    assert again.size() == chosen


def test_the_main_window_comes_back_at_its_size_but_within_the_screen(qtbot: QtBot, ctx: AppContext) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    room = first.screen().availableGeometry().size() - FRAME
    smallest = first.minimumSizeHint()
    chosen = QSize(room.width(), max(smallest.height() + 10, room.height() - 60))  # smaller than it opened
    assert chosen != first.size()
    first.resize(chosen)
    first.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.size() == chosen
    again.resize(3000, 2000)  # as saved on a big office screen
    again.close()
    small = MainWindow(ctx)
    qtbot.addWidget(small)
    room = small.screen().availableGeometry().size() - FRAME
    assert small.width() <= room.width() and small.height() <= room.height()
