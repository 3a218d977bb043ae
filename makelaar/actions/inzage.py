"""The AVG access export (inzage): everything kept about one resident, as PDF or JSON, readable by the user alone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import NOTHING, Changes, check_output, write_output, writing
from makelaar.domain.errors import KnownError
from makelaar.storage.files import write_private, write_private_bytes

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from makelaar.services.privacy import ExportResult, PersonRef
    from makelaar.storage.store import Store


def write_export(
    s: Session, initiator_id: str, out: Path, *, actor: str | None = None, today: date | None = None
) -> ExportResult:
    """Write the inzage to ``out`` in the caller's transaction (the audit line with it); its suffix (.json or
    .pdf) decides the format. Readable by the user alone (0600), written whole or not at all."""
    from makelaar.services import privacy

    suffix = out.suffix.lower()
    if suffix not in (".json", ".pdf"):
        raise KnownError(f"Kies een bestand dat eindigt op .json of .pdf, niet '{out.name}'.")
    if not out.parent.exists():
        raise KnownError(f"De map {out.parent} bestaat niet; kies een map die er is.")
    fmt = suffix[1:].upper()
    data = privacy.export_person(s, initiator_id, actor=actor, medium=fmt)
    try:
        if fmt == "JSON":
            write_private_bytes(out, (privacy.to_json(data) + "\n").encode("utf-8"))
        else:
            from makelaar.reports.inzage import build_inzage_report

            write_private(out, lambda target: build_inzage_report(data, target, today or date.today()))
    except OSError as exc:
        raise KnownError(f"Het bestand {out} kon niet worden geschreven: {exc.strerror or exc}.") from exc
    return privacy.ExportResult(
        path=out,
        format=fmt,
        reference=data["persoon"]["nummer"],
        counts={"toestemmingen": len(data["toestemmingen"]), "ideeen": len(data["ideeen"])},
    )


def write_inzage(
    store: Store,
    initiator_id: str,
    out: Path,
    *,
    actor: str | None = None,
    today: date | None = None,
    overwrite: bool = False,
) -> ExportResult:
    """Write the inzage of one person to ``out`` (.json or .pdf), never over the store or an existing file unasked;
    the audit log says who made it."""
    if out.suffix.lower() not in (".json", ".pdf"):
        raise KnownError(f"Kies een bestand dat eindigt op .json of .pdf, niet '{out.name}'.")
    check_output(store, out, overwrite=overwrite)
    results: list[ExportResult] = []
    with writing(store), store.begin() as s:

        def write(temporary: Path) -> None:
            results.append(write_export(s, initiator_id, temporary, actor=actor, today=today))

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


@dataclass
class ForgottenInIdea:
    forgotten: bool  # False: the person was already anonymised, nothing changed
    changes: Changes


def forget_initiator(store: Store, initiator_id: str, *, actor: str | None = None) -> ForgottenInIdea:
    """The same for the person a broker has selected on an idea (by id): name and contact data erased now."""
    from makelaar.services import privacy

    with writing(store), store.begin() as s:
        done = privacy.forget_person(s, initiator_id, actor=actor)
    return ForgottenInIdea(forgotten=done, changes=Changes(persons=True, ideas=True) if done else NOTHING)
