"""What every action shares: the changes it reports, the lock, the backup before a bulk change, safe output."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar import files
from makelaar.actions.lock import program_lock

if TYPE_CHECKING:
    from makelaar.storage.store import Store


@dataclass(frozen=True)
class Changes:
    """Which kinds of records an action changed; ``store`` means the whole store was replaced (a restore)."""

    ideas: bool = False
    organisations: bool = False
    matches: bool = False  # koppelingen
    sessions: bool = False  # wijktafels
    persons: bool = False  # initiatiefnemers and their consent
    settings: bool = False
    store: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{k: getattr(self, k) or getattr(other, k) for k in self.__dataclass_fields__})

    @property
    def any(self) -> bool:
        return any(getattr(self, k) for k in self.__dataclass_fields__)

    def touches(self, kind: str) -> bool:
        """Whether a view of ``kind`` (a field name) must refresh: also after the store was replaced."""
        return self.store or bool(getattr(self, kind))


NOTHING = Changes()
EVERYTHING = Changes(
    ideas=True, organisations=True, matches=True, sessions=True, persons=True, settings=True, store=True
)
RECORDS = Changes(ideas=True, organisations=True, matches=True, sessions=True, persons=True, settings=True)


@contextmanager
def writing(store: Store) -> Iterator[None]:
    """Hold the store's one-program lock for a writing action (refused while another program holds it), and refuse
    writing into a store its start check found damaged."""
    with program_lock(store.path):
        store.ensure_writable()
        yield


def backup_before(store: Store, reason: str) -> Path | None:
    """The verified backup before a bulk change (import, exchange, example data, merge, retention): the one place
    it is made. None on a server, which its administrator backs up. Call it inside :func:`writing`."""
    return store.backup_before(reason)


def protected(store: Store) -> list[Path]:
    """The files no output of this store may replace: the store, its journal and its backups."""
    return files.protected_paths(store.path)


def write_output(
    store: Store, target: Path, write: Callable[[Path], None], *, overwrite: bool, private: bool = True
) -> Path:
    """An output file of an action, through :func:`makelaar.files.write_output`, never over this store."""
    return files.write_output(target, write, protect=protected(store), overwrite=overwrite, private=private)


def check_output(store: Store, target: Path, *, overwrite: bool) -> None:
    """Refuse a target before any work is done (a report is not built, an export not marked as sent)."""
    files.check_target(target, protect=protected(store), overwrite=overwrite)


class DryRunDone(Exception):
    """Raised inside ``Store.begin()`` to roll back what a dry run did, after it counted it."""
