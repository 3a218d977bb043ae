"""A report as a PDF file, with its line in the audit log for each resident it shows by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from makelaar.actions.common import check_output, write_output, writing

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from makelaar.storage.store import Store

Builder = Callable[["Session", "BinaryIO | Path"], None]


def pdf_name(out: Path) -> Path:
    """ "-o rapport" means rapport.pdf, which a PDF viewer opens."""
    return out if out.suffix.lower() == ".pdf" else out.with_name(out.name + ".pdf")


@contextmanager
def _maybe_writing(store: Store, logged: bool) -> Iterator[None]:
    with writing(store) if logged else nullcontext():
        yield


def write_report(
    store: Store,
    build: Callable[[Session, Path], None],
    out: Path,
    *,
    title: str | None,
    overwrite: bool = False,
) -> Path:
    """Build the report into ``out`` (a new file, or over an earlier one with ``overwrite``; never over the store).
    ``title``: the report's name in the audit log, for a report that shows residents by name (None: it shows
    nobody, nothing is logged). The file and the log lines come together or not at all."""
    from makelaar import reports

    check_output(store, out, overwrite=overwrite)  # before anything is built or logged
    builder: Builder = reports.logged(build, title) if title else build  # type: ignore[arg-type,assignment]
    with _maybe_writing(store, title is not None), store.begin() as s:
        write_output(store, out, lambda temporary: builder(s, temporary), overwrite=overwrite)
    return out


def save_pdf(store: Store, pdf: bytes, out: Path, *, overwrite: bool) -> Path:
    """A report already built (the preview's) saved as a file, never over the store."""
    from makelaar import files
    from makelaar.actions.common import protected

    return files.write_bytes(out, pdf, protect=protected(store), overwrite=overwrite)
