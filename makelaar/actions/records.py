"""Organisations, ideas or koppelingen written to a CSV or XLSX file."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import check_output, write_output, writing

if TYPE_CHECKING:
    from makelaar.services.listing import ListQuery
    from makelaar.storage.store import Store


def export_records(
    store: Store,
    kind: str,
    path: Path,
    *,
    query: ListQuery | None = None,
    own_records: bool = False,
    overwrite: bool = False,
) -> int:
    """Write the rows to ``path`` (.csv or .xlsx); returns how many. With ``own_records`` the file holds every
    initiator's data. An export of ideas with initiators leaves a line in the audit log, a write: the store's lock
    is held for it."""
    from makelaar.services import csvio

    check_output(store, path, overwrite=overwrite)
    counts: list[int] = []
    with writing(store) if own_records or kind == "ideeen" else nullcontext(), store.begin() as s:

        def write(temporary: Path) -> None:
            counts.append(csvio.export_path(s, kind, temporary, query=query, own_records=own_records))

        write_output(store, path, write, overwrite=overwrite)
    return counts[0]
