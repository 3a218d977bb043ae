"""What an import did (or, in a dry run, would do) with each row of a file, and its summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from makelaar.services.csvio.columns import (
    _MAX_REASONS_SHOWN,
    column_letter,
)

ADDED, UPDATED, UNCHANGED, REJECTED = "added", "updated", "unchanged", "rejected"


@dataclass(frozen=True)
class RowOutcome:
    """What an import does (or, in a dry run, would do) with one row of the file.

    ``label`` is the row's name or title; ``target`` the stored record it updates or leaves unchanged, as
    "O-2026-0001 Stichting De Brug"; ``reason`` why a row is rejected.
    """

    number: int
    action: str  # ADDED | UPDATED | UNCHANGED | REJECTED
    label: str
    target: str = ""
    reason: str = ""
    record_id: str | None = None
    note: str = ""  # something the user should know about an imported row ("naam in het bestand wijkt af ...")


@dataclass
class ImportResult:
    kind: str
    path: Path
    dry_run: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str, list[str]]] = field(default_factory=list)
    new_areas: list[str] = field(default_factory=list)
    new_kinds: list[str] = field(default_factory=list)
    unknown_terms: dict[str, list[int]] = field(default_factory=dict)
    unknown_columns: list[str] = field(default_factory=list)
    # File columns whose header names a column an earlier one already feeds: (header, index), not read.
    duplicate_columns: list[tuple[str, int]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)  # (line, note) of imported rows
    # Lines whose help types or themes the file did not give and the import proposed from the row's words.
    proposed: list[int] = field(default_factory=list)
    rejects_path: Path | None = None
    # Rows whose name another row of the file has in another area: (line, what became of it).
    branches: list[tuple[int, str]] = field(default_factory=list)
    # Contact details stored as the file gave them and marked "te controleren": (line, field, value).
    to_check: list[tuple[int, str, str]] = field(default_factory=list)
    # What the reading of the file itself reported (rows of a sheet not read).
    file_notes: list[str] = field(default_factory=list)
    rows: list[RowOutcome] = field(default_factory=list)
    batch_id: str | None = None  # the journal entry that lets a real import be undone as a whole

    def kept_lines(self) -> list[str]:
        """What the import kept rather than rejected, and what it could not read: rows of a sheet not read, branches
        of one organisation in several areas, contact details stored "te controleren" (also the wizard's preview)."""
        lines = list(self.file_notes)
        if self.branches:
            lines.append("Dezelfde naam in een ander gebied (vestigingen):")
            lines.extend(_per_line(self.branches))
        if self.to_check:
            lines.append(
                "Te controleren (opgeslagen zoals het in het bestand stond; de organisatie is wel ingelezen, kijk het "
                "na in de organisatie of met het filter 'Te controleren'):"
            )
            lines.extend(_per_line([(number, f"{label} '{raw[:80]}'") for number, label, raw in self.to_check]))
        return lines

    def summary_lines(self) -> list[str]:
        what = "organisaties" if self.kind == "organisaties" else "ideeën"
        lines = []
        if self.dry_run:
            lines.append(f"Proefdraai voor {self.path}: er is niets opgeslagen. Bij echt inlezen gebeurt dit:")
        counts = f"{self.added} toegevoegd, {self.updated} bijgewerkt"
        if self.unchanged:
            counts += f", {self.unchanged} ongewijzigd"
        lines.append(f"{what.capitalize()}: {counts}, {len(self.rejected)} afgewezen.")
        if self.rejected:
            where = f" staan met de reden in {self.rejects_path}" if self.rejects_path else ""
            lines.append(f"Afgewezen regels{where}:")
            lines.extend(_per_line([(number, reason) for number, reason, _cells in self.rejected]))
        lines.extend(self.kept_lines())
        if self.notes:
            lines.append("Let op bij deze regels:")
            lines.extend(_per_line(self.notes))
        for header, index in self.duplicate_columns:
            lines.append(
                f"Kolom '{header}' staat twee keer in het bestand; de tweede (kolom {column_letter(index)}) is niet "
                "gebruikt."
            )
        if self.unknown_columns:
            lines.append(f"Onbekende kolommen, niet ingelezen: {', '.join(self.unknown_columns)}.")
        if self.new_areas:
            lines.append(f"Nieuwe wijken toegevoegd: {', '.join(self.new_areas)}.")
        if self.new_kinds:
            lines.append(f"Nieuwe soorten organisatie toegevoegd: {', '.join(self.new_kinds)}.")
        if self.unknown_terms:
            listed = "; ".join(f"{value} ({_line_list(numbers)})" for value, numbers in self.unknown_terms.items())
            lines.append(f"Onbekende thema's en soorten hulp, weggelaten: {listed}.")
        if self.proposed:
            lines.append(
                f"Bij {len(self.proposed)} organisaties stonden geen soorten hulp of thema's die Makelaar kent; ze "
                f"zijn voorgesteld uit de naam en omschrijving ({_line_list(self.proposed)}). Kijk ze na in de "
                "organisatie."
            )
        return lines


def _per_line(items: list[tuple[int, str]]) -> list[str]:
    """One indented line per row, the first _MAX_REASONS_SHOWN of them, then how many more."""
    lines = [f"  regel {number}: {text}" for number, text in items[:_MAX_REASONS_SHOWN]]
    if len(items) > _MAX_REASONS_SHOWN:
        lines.append(f"  ... en nog {len(items) - _MAX_REASONS_SHOWN} regels.")
    return lines


def _line_list(numbers: list[int], shown: int = 10) -> str:
    text = f"regel {', '.join(str(n) for n in numbers[:shown])}"
    return text + (f" en nog {len(numbers) - shown}" if len(numbers) > shown else "")
