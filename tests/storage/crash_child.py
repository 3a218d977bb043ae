"""The program that tests/storage/test_crash.py kills with SIGKILL: it writes to a store and says what it committed.

    python crash_child.py ideas DB PREFIX      save ideas "PREFIX n" one per transaction, forever
    python crash_child.py import DB FILE...    import each organisations CSV in turn (one transaction each)

A line on stdout is printed, and flushed, only after the commit it names has returned: the parent may rely on every
line it has read. Lines are ``saved REFERENCE TITLE`` and ``imported ADDED FILE``; ``ready`` comes once the store
is open.
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from makelaar.domain.records import IdeaData
from makelaar.services.csvio import import_path
from makelaar.services.ideas import save_idea
from makelaar.storage.store import open_store


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def save_loop(db: str, prefix: str) -> None:
    store = open_store(f"sqlite:///{db}")
    say("ready")
    for n in count(1):
        title = f"{prefix} {n}"
        with store.begin() as s:
            saved = save_idea(s, IdeaData(title=title))
        say(f"saved {saved.reference} {title}")


def bulk_import(db: str, files: list[str]) -> None:
    store = open_store(f"sqlite:///{db}")
    say("ready")
    for name in files:
        result = import_path(store, "organisaties", Path(name))
        if result.rejected:
            raise SystemExit(f"rows rejected in {name}: {result.rejected[:3]}")
        say(f"imported {result.added} {name}")
    say("done")


def main(argv: list[str]) -> None:
    mode, db, *rest = argv
    if mode == "ideas":
        save_loop(db, rest[0])
    elif mode == "import":
        bulk_import(db, rest)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
