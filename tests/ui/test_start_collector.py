"""The start of the program: no garbage collection on the way to the window, collecting on again once it is up.

Each start runs in a process of its own: run_gui puts translators, a locale and a look on the whole application.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.storage.store import open_store

_PROGRAM = r"""
import gc, json, sys
from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication
from makelaar import app
from makelaar.ui import errors, main_window, settings, startup

path, ini, held_elsewhere = sys.argv[1], sys.argv[2], sys.argv[3] == "held"
own_settings = settings.UiSettings
settings.UiSettings = lambda: own_settings(QSettings(ini, QSettings.Format.IniFormat))
errors.install_excepthook = lambda: None
told = []
startup.StartupPrompts.inform = staticmethod(lambda _parent, text: told.append(text))
seen = {}
built = main_window.MainWindow.__init__
def building(window, ctx):
    seen["while building the window"] = gc.isenabled()
    built(window, ctx)
main_window.MainWindow.__init__ = building
def event_loop(_app):
    seen["once the window is up"] = gc.isenabled()
    return 0
QApplication.exec = event_loop
if held_elsewhere:  # another program has the store open
    other = QLockFile(path + ".lock")
    assert other.tryLock(0)
code = app.run_gui(f"sqlite:///{path}")
print(json.dumps({"code": code, "seen": seen, "after": gc.isenabled(), "told": told}))
"""


def start(tmp_path: Path, *, held_elsewhere: bool = False) -> dict[str, object]:
    path = tmp_path / "makelaar.sqlite"
    store = open_store(f"sqlite:///{path}")
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin", description="Groente voor de buurt."))
    store.close()
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(path), str(tmp_path / "ui.ini"), "held" if held_elsewhere else "free"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_collector_waits_until_the_window_is_up(tmp_path: Path) -> None:
    result = start(tmp_path)
    assert result["code"] == 0
    assert result["seen"] == {"while building the window": False, "once the window is up": True}
    assert result["after"] is True


def test_the_collector_is_on_again_when_the_start_ends_early(tmp_path: Path) -> None:
    result = start(tmp_path, held_elsewhere=True)
    assert result["code"] == 2
    assert result["seen"] == {}  # no window
    told = result["told"]
    assert isinstance(told, list) and "al geopend" in told[0]
    assert result["after"] is True
