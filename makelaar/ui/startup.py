"""Opening the store when the program starts: one program per store, a quick integrity check, and a damaged
store replaced by the newest good backup only when the user says so (never a silent empty store)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from makelaar.domain.errors import KnownError
from makelaar.storage import startup
from makelaar.storage.engine import sqlite_path
from makelaar.storage.migrate import SchemaState
from makelaar.storage.store import Store, look_before_touching, open_store

_HELD_ELSEWHERE = QLockFile.LockError.LockFailedError  # another program holds the lock (not a disk problem)


class StartupPrompts:
    """The questions and messages of the start (monkeypatched in tests)."""

    @staticmethod
    def inform(parent: QWidget | None, text: str) -> None:
        QMessageBox.critical(parent, "Makelaar", text)

    @staticmethod
    def restore(parent: QWidget | None, text: str) -> bool:
        answer = QMessageBox.question(
            parent, "Makelaar", text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        return answer == QMessageBox.StandardButton.Yes


@dataclass
class Opened:
    store: Store
    lock: QLockFile | None  # held while the program runs; released when it ends


def open_for_gui(
    url: str,
    parent: QWidget | None = None,
    *,
    check: Callable[[], startup.StartCheck] | None = None,
    while_checking: bool = False,
    actor: str | None = None,
) -> Opened | None:
    """The store for this program run, or None after telling the user why not.

    ``check``: the integrity check already started (``storage.startup.start_check``); by default it runs here.
    ``while_checking``: a store at the program's schema (nothing to upgrade) is opened without waiting for that
    check, its writes held until it answers (``Store.hold_writes``); the caller watches it (``watch_check``). A store
    that needs an upgrade, or that cannot even be looked at, waits for the check first, as always.
    ``actor``: the broker's name, so what opening does (re-applying the list of forgotten persons) names them.
    """
    path = sqlite_path(url)
    lock: QLockFile | None = None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)  # a lock left by a crashed run is recognised by its dead process, not by its age
        if not lock.tryLock(200) and lock.error() != _HELD_ELSEWHERE:
            # Not another program: the folder cannot be written to (read-only or full disk).
            StartupPrompts.inform(
                parent,
                QCoreApplication.translate(
                    "Startup",
                    "Makelaar kan niet schrijven in de map van de database (%1): de schijf is vol of alleen-lezen. "
                    "Er is niets veranderd; maak ruimte vrij of kies een andere plek.",
                ).replace("%1", str(path.parent)),
            )
            return None
        if not lock.isLocked():
            StartupPrompts.inform(
                parent,
                QCoreApplication.translate(
                    "Startup",
                    "Makelaar is al geopend met deze database (%1). Gebruik dat venster, of sluit het eerst; twee "
                    "programma's op één database kunnen elkaars werk overschrijven.",
                ).replace("%1", str(path)),
            )
            return None
        if while_checking and check is not None and path.exists():
            held = _open_while_checking(url, path, check, actor)
            if held is not None:
                return Opened(store=held, lock=lock)
        try:
            checked = check() if check is not None else startup.check_at_start(path)
        except KnownError as exc:  # the store cannot be read (no access, a missing folder): no damage, said so
            StartupPrompts.inform(parent, str(exc))
            lock.unlock()
            return None
        if not checked.ok:
            if checked.newest_good is None:
                StartupPrompts.inform(
                    parent,
                    QCoreApplication.translate(
                        "Startup",
                        "De database %1 is beschadigd (%2) en er is geen goede back-up. Makelaar schrijft er niets "
                        "in. Vraag de beheerder om hulp; het bestand is niet aangeraakt.",
                    )
                    .replace("%1", str(path))
                    .replace("%2", checked.problem),
                )
                lock.unlock()
                return None
            question = (
                QCoreApplication.translate(
                    "Startup",
                    "De database %1 is beschadigd (%2). De nieuwste goede back-up is %3. Die terugzetten? De "
                    "beschadigde database wordt apart bewaard. Wat na die back-up is ingevoerd, moet opnieuw.",
                )
                .replace("%1", str(path))
                .replace("%2", checked.problem)
                .replace("%3", checked.newest_good.name)
            )
            if not StartupPrompts.restore(parent, question):
                lock.unlock()
                return None
            try:
                startup.restore_newest_good(path, checked.newest_good)
            except KnownError as exc:
                StartupPrompts.inform(parent, str(exc))
                lock.unlock()
                return None
    try:
        store = open_store(url, actor=actor)
    except KnownError as exc:
        StartupPrompts.inform(parent, str(exc))
        if lock is not None:
            lock.unlock()
        return None
    return Opened(store=store, lock=lock)


def _open_while_checking(
    url: str, path: Path, check: Callable[[], startup.StartCheck], actor: str | None = None
) -> Store | None:
    """The store opened for reading while its check runs, when that writes nothing (its schema is current); None
    when it must wait for the check (an upgrade to make, or a file that cannot be looked at: the check says why)."""
    try:
        if look_before_touching(path) is not SchemaState.CURRENT:
            return None
        store = open_store(url, upgrade=False, actor=actor)  # just looked: nothing to upgrade, no need to look again
    except KnownError:
        return None
    store.hold_writes(check)
    return store


WATCH_MS = 50  # how often the window looks whether the check of a store opened while checking has answered


def watch_check(
    parent: QObject, pending: startup.PendingCheck, store: Store, on_damage: Callable[[startup.StartCheck], None]
) -> QTimer:
    """Look now and then whether the integrity check of a store opened while checking is done; when it found
    damage, ``on_damage`` gets its answer (the program then offers the newest good backup, as at any start). Until
    then the store holds every write (``Store.hold_writes``)."""
    timer = QTimer(parent)
    timer.setInterval(WATCH_MS)

    def look() -> None:
        if not pending.done():
            return
        timer.stop()
        answer = store.check_answer()  # the check's own failure is raised here, to the error dialog
        if answer is not None and not answer.ok:
            on_damage(answer)

    timer.timeout.connect(look)
    timer.start()
    return timer
