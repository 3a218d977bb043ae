"""The AVG access export (inzage): everything kept about one resident, as PDF or JSON, readable by the user alone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import NOTHING, Changes, check_output, write_output, writing
from makelaar.domain.errors import KnownError

if TYPE_CHECKING:
    from makelaar.services.privacy import ExportResult, PersonRef
    from makelaar.storage.store import Store


def write_inzage(
    store: Store,
    initiator_id: str,
    out: Path,
    *,
    actor: str | None = None,
    today: date | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the inzage of one person to ``out`` (.json or .pdf); the audit log says who made it."""
    from makelaar.services import privacy

    if out.suffix.lower() not in (".json", ".pdf"):
        raise KnownError(f"Kies een bestand dat eindigt op .json of .pdf, niet '{out.name}'.")
    check_output(store, out, overwrite=overwrite)
    results: list[ExportResult] = []
    with writing(store), store.begin() as s:

        def write(temporary: Path) -> None:
            results.append(privacy.write_export(s, initiator_id, temporary, actor=actor, today=today))

        write_output(store, out, write, overwrite=overwrite)
    return replace(results[0], path=out)


@dataclass
class ForgetDone:
    person: PersonRef
    forgotten: bool  # False: the person was already anonymised, nothing changed
    idea_references: list[str]
    changes: Changes


def forget_person(store: Store, ident: str, *, actor: str | None = None) -> ForgetDone:
    """Erase a person's name and contact data now (the ideas and consents stay), by reference or name."""
    from makelaar.services import privacy

    with writing(store), store.begin() as s:
        person = privacy.find_person(s, ident)
        done = privacy.forget_person(s, person.id, actor=actor)
        idea_refs = privacy.ideas_of_person(s, person.id)
    return ForgetDone(
        person=person, forgotten=done, idea_references=idea_refs, changes=Changes(persons=True) if done else NOTHING
    )
