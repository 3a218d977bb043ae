"""Start the GUI: QApplication, translations, the store (backed up and migrated first), the main window."""

from __future__ import annotations

import gc
import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from makelaar.storage.startup import PendingCheck, StartCheck
    from makelaar.storage.store import Store
    from makelaar.ui.settings import UiSettings
    from makelaar.ui.startup import Opened

T = TypeVar("T")

log = logging.getLogger(__name__)


def _has_display() -> bool:
    if sys.platform.startswith("linux"):
        platform = os.environ.get("QT_QPA_PLATFORM", "")
        return bool(platform) or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def install_translator(app: object, language: str) -> object | None:
    """Load the UI translation for ``language`` (Dutch is the source language and needs none)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from makelaar.paths import resources_dir

    if language == "nl":
        qt = QTranslator(app)  # type: ignore[arg-type]
        if qt.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)  # type: ignore[attr-defined]
        # Dutch is the source language; this file only holds its plural forms ("1 idee" / "2 ideeën").
        plurals = QTranslator(app)  # type: ignore[arg-type]
        if plurals.load("makelaar_nl", str(resources_dir() / "translations")):
            app.installTranslator(plurals)  # type: ignore[attr-defined]
        else:
            log.warning("no Dutch plural forms (makelaar_nl.qm)")
        return qt
    translator = QTranslator(app)  # type: ignore[arg-type]
    if translator.load(f"makelaar_{language}", str(resources_dir() / "translations")):
        app.installTranslator(translator)  # type: ignore[attr-defined]
        return translator
    log.warning("no translation for language %s", language)
    return None


def _sqlite_file_early(database: str | None) -> Path | None:
    """The SQLite file this run opens, worked out without importing SQLAlchemy (which takes longer than the
    integrity check needs to get going); None when the address is not a plain ``sqlite:///`` one, and the caller
    asks storage.engine as always. tests/test_app.py keeps the two answers the same."""
    url = database or os.environ.get("MAKELAAR_DATABASE")
    if not url:
        home = os.environ.get("MAKELAAR_HOME")
        if home:
            return Path(home) / "makelaar.sqlite"
        import platformdirs

        return Path(platformdirs.user_data_dir("Makelaar", appauthor=False)) / "makelaar.sqlite"
    rest = url.removeprefix("sqlite:///")
    if rest == url or not rest or rest == ":memory:" or any(c in rest for c in "?#%"):
        return None
    return Path(rest)


def _in_background(work: Callable[[], T]) -> Callable[[], T | None]:
    """Start ``work`` in a thread; the returned function waits for its answer (None when it failed: whoever asked
    then does the work itself, so the error shows where it always does)."""
    answer: list[T] = []

    def run() -> None:
        try:
            answer.append(work())
        except Exception:
            log.exception("work in the background at start failed; it is done again in the window")

    worker = threading.Thread(target=run, name="makelaar-start", daemon=True)
    worker.start()

    def wait() -> T | None:
        worker.join()
        return answer[0] if answer else None

    return wait


def _warm_matching(store: Store) -> None:
    from makelaar.priority import give_way
    from makelaar.services import matching

    give_way()  # the broker's clicks come first; the index is ready well before the first suggestion anyway
    matching.warm(store)


# What the first screen reads with and what the window's modules import that needs no Qt.
_BEFORE_QT = (
    "makelaar.storage.store",
    "makelaar.services.today",
    "sqlalchemy.dialects.sqlite",  # when the store's engine is made
    "makelaar.storage.tracking",
    "makelaar.storage.schema_check",
    "makelaar.storage.schema_head",
    "makelaar.actions.common",
    "makelaar.actions.backups",
    "makelaar.services.activities",
    "makelaar.services.ideas",
    "makelaar.services.organisations",
)


def _import_before_qt() -> None:
    """Modules without Qt that the start needs, imported before PySide6: PySide6's import hook makes every module
    imported after it dearer (it reads the module's source, looking for PySide6's own "__feature__" imports)."""
    for name in _BEFORE_QT:
        importlib.import_module(name)


def run_gui(database: str | None = None) -> int:
    if not _has_display():
        print(
            "makelaar: er is geen beeldscherm gevonden (DISPLAY is niet gezet). Start Makelaar op een bureaublad, "
            "of gebruik de opdrachten op de opdrachtregel (makelaar --help).",
            file=sys.stderr,
        )
        return 2
    # No cyclic garbage collection while the program starts: its imports and its window make some 100,000 objects
    # that live as long as the program, and the collector would walk them over and over on the way (about a tenth
    # of the start). Back on as soon as the window is shown (_start_done); on every other way out, at the end.
    gc.disable()
    try:
        return _run_gui(database)
    finally:
        gc.enable()


def _start_done() -> None:
    """The window is up: what the start made lives as long as the program, so it is moved out of the collector's
    sight (``gc.freeze``; services.longlived hands it back at its next collection), and collecting is on again."""
    gc.freeze()
    gc.enable()


def _run_gui(database: str | None) -> int:
    from makelaar.storage.startup import start_check

    # The integrity check of the store runs in the background while the rest is imported (it needs no Qt and no
    # SQLAlchemy, so it starts before those are imported).
    early = _sqlite_file_early(database)
    check = start_check(early) if early is not None else None
    from makelaar.storage.engine import resolve_database_url, sqlite_path

    url = resolve_database_url(database)
    path = sqlite_path(url)
    if path != early:  # not a plain address: check the file storage.engine names
        check = start_check(path) if path is not None else None
    _import_before_qt()

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from makelaar.ui.errors import install_excepthook
    from makelaar.ui.settings import UiSettings
    from makelaar.ui.startup import open_for_gui

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Makelaar")
    app.setOrganizationName("Makelaar")
    settings = UiSettings()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    install_translator(app, settings.language)
    install_excepthook()
    # A store at the program's schema opens while its integrity check still runs (its writes wait for the answer),
    # so the window is not held up by a check of a big store. Damage found after the window is up closes it; the
    # start then goes on as with damage found before: the newest good backup is offered.
    found: list[StartCheck] = []
    opening_check: Callable[[], StartCheck] | None = check
    while_checking = True
    while True:
        opened = open_for_gui(
            url, check=opening_check, while_checking=while_checking, actor=settings.broker_name or None
        )
        if opened is None:
            return 2
        watched = check if while_checking and opened.store.held else None
        code = _run_window(app, opened, settings, watched, found)
        opened.store.close()
        if opened.lock is not None:
            opened.lock.unlock()
        if not found:
            return code
        answer = found.pop()

        def opening_check(answer: StartCheck = answer) -> StartCheck:
            return answer

        while_checking = False


def _run_window(
    app: QApplication,
    opened: Opened,
    settings: UiSettings,
    pending: PendingCheck | None,
    found: list[StartCheck],
) -> int:
    """The main window on an opened store until the program ends (or damage found by the check ends it early:
    then ``found`` gets the check's answer)."""
    from makelaar.services import today

    opened.store.actor = settings.broker_name or None  # the audit log says who changed personal data
    store = opened.store
    store.checkpoint_in_background()  # a save never waits for SQLite copying its journal into the file

    def first_screen_data() -> today.Today:
        with store.begin() as s:
            return today.today_overview(s)

    # The first screen (Vandaag) is worked out while the window's modules are imported and the window is built:
    # SQLite leaves Python's lock while it reads, so the queries run on another core.
    first_screen = _in_background(first_screen_data)
    from PySide6.QtCore import QCoreApplication, QEvent, QTimer

    from makelaar.ui.context import AppContext
    from makelaar.ui.main_window import MainWindow, put_on_look
    from makelaar.ui.startup import watch_check

    ctx = AppContext(store=store, settings=settings)
    put_on_look(ctx)  # before the window is built, so its widgets are styled once
    window = MainWindow(ctx)
    window.apply_look()  # the look is already on: this only follows the system's light or dark from now on
    overview = first_screen()
    if overview is not None:
        window.today.preload(overview)
    window.show()
    _start_done()
    if pending is not None:

        def damaged(answer: StartCheck) -> None:
            found.append(answer)
            app.exit(0)

        watch_check(window, pending, opened.store, damaged)
    # Once the window is up: a daily backup when something changed, with its own progress. (A timer of the window's
    # own, so it goes with the window.)
    first_backup = QTimer(window)
    first_backup.setSingleShot(True)
    first_backup.setInterval(500)
    first_backup.timeout.connect(window.daily_backup)
    first_backup.start()
    # A laptop left running for days still gets its daily backup: look again every few hours (a no-op when today's
    # backup exists or nothing changed).
    every_few_hours = QTimer(window)
    every_few_hours.setInterval(3 * 60 * 60 * 1000)
    every_few_hours.timeout.connect(window.daily_backup)
    every_few_hours.start()
    # Then the matching index, in the background: the first suggestion need not wait for it.
    warm_index = QTimer(window)
    warm_index.setSingleShot(True)
    warm_index.setInterval(3000)
    warm_index.timeout.connect(lambda: _in_background(lambda: _warm_matching(store)))
    warm_index.start()
    code = app.exec()
    # The window goes with its timers (a restart after damage must not find the old one's backup still due).
    window.hide()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return int(code)
