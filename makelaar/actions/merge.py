"""Merging two organisations that are one (duplicates), after a backup."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import Changes, backup_before, writing

if TYPE_CHECKING:
    from makelaar.services.duplicates import MergeChoices, MergeResult
    from makelaar.storage.store import Store


MERGED = Changes(organisations=True, matches=True, ideas=True)


@dataclass
class MergeDone:
    result: MergeResult
    backup: Path | None
    changes: Changes = MERGED


def merge_organisations(
    store: Store,
    keep_id: str,
    other_id: str,
    choices: MergeChoices | None = None,
    *,
    author: str | None = None,
    backup: bool = True,
) -> MergeDone:
    """Fold ``other_id`` into ``keep_id``. ``backup``: make one first (a session of several merges makes one)."""
    from makelaar.services import duplicates

    with writing(store):
        made = backup_before(store, "voor-samenvoegen") if backup else None
        with store.begin() as s:
            result = duplicates.merge(s, keep_id, other_id, choices, author=author)
    return MergeDone(result=result, backup=made)
