"""The program that tests/storage/test_lock.py runs beside itself: it holds a store's one-program lock, as a window
(Qt's QLockFile) or as a command (storage.lock.ProgramLock) does, until its stdin closes.

    python lock_child.py qt|plain STORE

It prints ``held`` once it holds the lock (``refused`` when it could not take it), and ``released`` after it let
go.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(kind: str, store: Path) -> None:
    if kind == "qt":
        from PySide6.QtCore import QLockFile

        lock = QLockFile(str(store) + ".lock")
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            print("refused", flush=True)
            return
        print("held", flush=True)
        sys.stdin.read()
        lock.unlock()
    else:
        from makelaar.domain.errors import StoreError
        from makelaar.storage.lock import ProgramLock

        try:
            taken = ProgramLock.take(store)
        except StoreError:
            print("refused", flush=True)
            return
        print("held", flush=True)
        sys.stdin.read()
        taken.release()
    print("released", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
