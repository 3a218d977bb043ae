"""Import organisations or ideas from a CSV/XLSX file (after a backup), and undo an earlier import."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import NOTHING, Changes, backup_before, writing

if TYPE_CHECKING:
    from makelaar.services.csvio import ImportResult, Table
    from makelaar.services.imports import UndoPlan
    from makelaar.storage.store import Store


def _changes(kind: str) -> Changes:
    # An idea's row also brings its initiators and consent; an organisation's its offers and contacts.
    if kind == "ideeen":
        return Changes(ideas=True, persons=True, settings=True)
    return Changes(organisations=True, settings=True)


@dataclass
class ImportDone:
    result: ImportResult
    backup: Path | None
    changes: Changes


def import_file(
    store: Store,
    kind: str,
    path: Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, int | str | None] | None = None,
    table: Table | None = None,
    propose: bool = True,
) -> ImportDone:
    """Import ``path``; a dry run does the same work and rolls it back, so it reports what the real run does."""
    from makelaar.services import csvio

    if dry_run:
        result = csvio.import_path(store, kind, path, dry_run=True, mapping=mapping, table=table, propose=propose)
        return ImportDone(result=result, backup=None, changes=NOTHING)
    with writing(store):
        made = backup_before(store, "voor-import")
        result = csvio.import_path(store, kind, path, mapping=mapping, table=table, propose=propose)
    return ImportDone(result=result, backup=made, changes=_changes(kind) if result.rows else NOTHING)


@dataclass
class UndoDone:
    plan: UndoPlan
    changes: Changes


def undo_import(store: Store, batch_id: str, *, author: str | None = None) -> UndoDone:
    """Undo one import as a whole (what was changed by hand since then is kept, as the plan says)."""
    from makelaar.services import imports

    with writing(store), store.begin() as s:
        plan = imports.undo_batch(s, batch_id, author=author)
    return UndoDone(plan=plan, changes=_changes(plan.batch.kind) | Changes(matches=True))
