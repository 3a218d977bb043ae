"""One program start, timed from outside: run by bench/run in a fresh process, never imported by the program.

    .venv/bin/python bench/startup_probe.py makelaar STORE [--lists]   # the real program: makelaar.cli.main
    .venv/bin/python bench/startup_probe.py empty                      # the floor: an empty QMainWindow
    .venv/bin/python bench/startup_probe.py stack STORE                # the stack's floor (below)

The probe starts the program exactly as ``makelaar --database sqlite:///STORE`` does (``makelaar.cli.main``, which
imports and calls ``makelaar.app.run_gui``), and changes nothing in it, not even the order of its imports: it wraps
``QMainWindow.show`` the moment the program itself imports PySide6's widgets (an import hook; the probe imports no
Qt before that, since a module imported after PySide6 costs more), so that, once the first main window is shown,
a 0 ms single-shot timer fires when the event loop has handled every pending event: the first moment the window is
interactive. At that moment it prints one JSON line and quits the event loop (so run_gui closes the store and its
lock as usual, and the daily backup, due 500 ms after the show, never starts):

    {"ready": <time.monotonic() when idle>, "maxrss_kb": <peak resident memory, VmHWM>, "main_cpu_s": <CPU time>}

bench/run takes ``time.monotonic()`` right before it starts the process (CLOCK_MONOTONIC is system-wide on Linux), so
the figure covers the interpreter, the imports, the integrity check, opening the store, building and showing the
window. With ``--lists`` the probe first shows the ideas list and then the organisations list (each is queried when
first shown) and lets them paint, for the peak memory row.

``stack`` is what any program on this stack with an integrity check at start pays before its window: the same
``PRAGMA quick_check`` of STORE in a thread (plain sqlite3), SQLAlchemy with its ORM imported meanwhile, then an empty
QMainWindow shown once the check is done: the toolkit's floor of the cold start, the one bench/run holds it to (3x),
beside the empty window for reference.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import importlib.machinery  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any  # noqa: E402


def peak_kb() -> int:
    """The process's peak resident memory. Not ru_maxrss: Linux carries that over from the parent across fork and
    exec, so a probe started by a big benchmark process would report the benchmark's peak. VmHWM is this process's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def report() -> None:
    # main_cpu_s: the CPU time of the program's own thread until then (not of the integrity check's), which other
    # work on a shared machine hardly changes: for comparing two versions of the start when the wall clock drifts.
    print(json.dumps({"ready": time.monotonic(), "maxrss_kb": peak_kb(), "main_cpu_s": time.thread_time()}), flush=True)


class _WhenImported:
    """Calls ``then(module)`` right after the program's own import of ``name`` has run, and changes nothing else
    (the module is found and loaded by the finders that follow). A finder by its ``find_spec`` alone: deriving from
    ``importlib.abc.MetaPathFinder`` would import importlib.abc and importlib.resources, some 13 ms the program
    itself does not pay."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self.name, self.then = name, then

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != self.name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        loader: Any = spec.loader
        original = loader.exec_module
        then = self.then

        def exec_module(module: ModuleType) -> None:
            original(module)
            then(module)

        loader.exec_module = exec_module
        return spec


def main() -> int:
    mode = sys.argv[1]
    lists = "--lists" in sys.argv
    done = False

    def watch_windows(widgets: ModuleType) -> None:
        from PySide6.QtCore import QTimer

        app_class, window_class = widgets.QApplication, widgets.QMainWindow
        original_show = window_class.show

        def when_idle(window: Any) -> None:
            nonlocal done
            if lists:
                nav = getattr(window, "nav", None)
                app = app_class.instance()
                assert app is not None
                for row in (1, 2):  # Ideeën, Organisaties
                    if nav is not None:
                        nav.setCurrentRow(row)
                    app.processEvents()
            report()
            done = True
            window.close()
            app_class.quit()

        def show(self: Any) -> None:
            original_show(self)
            if not done:
                QTimer.singleShot(0, lambda: when_idle(self))

        window_class.show = show

    sys.meta_path.insert(0, _WhenImported("PySide6.QtWidgets", watch_windows))

    if mode == "stack":
        import sqlite3
        import threading

        def check() -> None:
            con = sqlite3.connect(f"file:{Path(sys.argv[2]).resolve()}?mode=ro", uri=True)
            con.execute("PRAGMA quick_check").fetchall()
            con.close()

        checking = threading.Thread(target=check)
        checking.start()
        import sqlalchemy.orm  # noqa: F401
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        checking.join()
        window.show()
        return app.exec()
    if mode == "empty":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        return app.exec()
    store = sys.argv[2]
    from makelaar.cli import main as makelaar_main

    return makelaar_main(["--database", f"sqlite:///{Path(store).resolve()}"])


if __name__ == "__main__":
    raise SystemExit(main())
