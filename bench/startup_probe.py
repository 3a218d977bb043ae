"""One program start, timed from outside: run by bench/run in a fresh process, never imported by the program.

    .venv/bin/python bench/startup_probe.py makelaar STORE [--lists]   # the real program: makelaar.cli.main
    .venv/bin/python bench/startup_probe.py empty                      # the floor: an empty QMainWindow
    .venv/bin/python bench/startup_probe.py stack STORE                # the stack's floor (below)

The probe starts the program exactly as ``makelaar --database sqlite:///STORE`` does (``makelaar.cli.main``, which
imports and calls ``makelaar.app.run_gui``), and changes nothing in it. It only wraps ``QMainWindow.show`` of the
process (before anything is imported) so that, once the first main window is shown, a 0 ms single-shot timer fires
when the event loop has handled every pending event: the first moment the window is interactive. At that moment it
prints one JSON line and quits the event loop (so run_gui closes the store and its lock as usual, and the daily
backup, due 500 ms after the show, never starts):

    {"ready": <time.monotonic() when idle>, "maxrss_kb": <peak resident memory, VmHWM>}

bench/run takes ``time.monotonic()`` right before it starts the process (CLOCK_MONOTONIC is system-wide on Linux), so
the figure covers the interpreter, the imports, the integrity check, opening the store, building and showing the
window. With ``--lists`` the probe first shows the ideas list and then the organisations list (each is queried when
first shown) and lets them paint, for the peak memory row.

``stack`` is what any program on this stack with an integrity check at start pays before its window: the same
``PRAGMA quick_check`` of STORE in a thread (plain sqlite3), SQLAlchemy with its ORM imported meanwhile, then an empty
QMainWindow shown once the check is done. bench/run shows it beside the issue's floor (the empty window), for
information.
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

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


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
    print(json.dumps({"ready": time.monotonic(), "maxrss_kb": peak_kb()}), flush=True)


def main() -> int:
    mode = sys.argv[1]
    lists = "--lists" in sys.argv
    original_show = QMainWindow.show
    done = False

    def when_idle(window: QMainWindow) -> None:
        nonlocal done
        if lists:
            nav = getattr(window, "nav", None)
            app = QApplication.instance()
            assert app is not None
            for row in (1, 2):  # Ideeën, Organisaties
                if nav is not None:
                    nav.setCurrentRow(row)
                app.processEvents()
        report()
        done = True
        window.close()
        QApplication.quit()

    def show(self: QMainWindow) -> None:
        original_show(self)
        if not done:
            QTimer.singleShot(0, lambda: when_idle(self))

    QMainWindow.show = show  # type: ignore[method-assign]

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

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        checking.join()
        window.show()
        return app.exec()
    if mode == "empty":
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
