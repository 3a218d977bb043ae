"""The exchange between a laptop and the office: write what changed to one file, read such a file and merge it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from makelaar.actions.common import (
    NOTHING,
    RECORDS,
    Changes,
    DryRunDone,
    backup_before,
    check_output,
    write_output,
    writing,
)

if TYPE_CHECKING:
    from makelaar.services.exchange import Choice, ExchangeFile, ExportSummary, Plan
    from makelaar.storage.store import Store


def export_changes(
    store: Store, path: Path, *, everything: bool = False, passphrase: str | None = None, overwrite: bool = False
) -> ExportSummary:
    """Write the exchange file; the records count as sent only when the file is in place (one transaction)."""
    from makelaar.services import exchange

    check_output(store, path, overwrite=overwrite)
    summaries: list[ExportSummary] = []
    with writing(store), store.begin() as s:

        def write(temporary: Path) -> None:
            summaries.append(exchange.export_changes(s, temporary, everything=everything, passphrase=passphrase))

        write_output(store, path, write, overwrite=overwrite)
    return summaries[0]


def plan_exchange(store: Store, data: ExchangeFile) -> Plan:
    """What merging ``data`` would do, with its conflicts; changes nothing."""
    from makelaar.services import exchange

    with store.begin() as s:
        return exchange.plan_import(s, data)


@dataclass
class ExchangeDone:
    plan: Plan
    backup: Path | None
    changes: Changes
    dry_run: bool = False


def merge_exchange(
    store: Store,
    data: ExchangeFile,
    *,
    choices: Mapping[str, Choice] | None = None,
    keep: Choice | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExchangeDone:
    """Merge ``data`` after a backup. A dry run does the same merge and rolls it back, so its counts are the real
    run's; files outside the store (the forgotten list, intake drafts) are left alone then."""
    from makelaar.services import exchange
    from makelaar.services.common import DRY_RUN_INFO
    from makelaar.storage.base import REFUSALS_INFO

    if dry_run:
        plans: list[Plan] = []
        try:
            with store.begin() as s:
                s.info[DRY_RUN_INFO] = True
                plans.append(exchange.apply_import(s, data, choices=choices, keep=keep, progress=progress))
                s.info.pop(REFUSALS_INFO, None)  # nothing was refused: nothing was written
                raise DryRunDone
        except DryRunDone:
            pass
        return ExchangeDone(plan=plans[0], backup=None, changes=NOTHING, dry_run=True)
    with writing(store):
        made = backup_before(store, "voor-uitwisseling")
        with store.begin() as s:
            plan = exchange.apply_import(s, data, choices=choices, keep=keep, progress=progress)
    return ExchangeDone(plan=plan, backup=made, changes=RECORDS if plan.changes else NOTHING)
