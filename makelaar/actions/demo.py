"""The example municipality, after a backup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import RECORDS, Changes, backup_before, writing

if TYPE_CHECKING:
    from makelaar.storage.store import Store


@dataclass
class DemoDone:
    summary: str
    backup: Path | None
    changes: Changes = RECORDS


def load_demo(store: Store, *, force: bool = False) -> DemoDone:
    """Fill the store with the example municipality; a store with data only with ``force``."""
    from makelaar.services import demo

    with writing(store):
        made = backup_before(store, "voor-voorbeeldgegevens")
        with store.begin() as s:
            summary = demo.fill(s, force=force)
    return DemoDone(summary=summary, backup=made)
