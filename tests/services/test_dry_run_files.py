"""A dry run (rolled back) leaves the files beside the store alone: the forgotten list and the intake drafts
change only when the records they follow really change."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import ideas, privacy
from makelaar.services.common import DRY_RUN_INFO
from makelaar.storage import forgotten
from makelaar.storage.base import utcnow
from makelaar.storage.models import Initiator
from makelaar.storage.store import Store


class _RolledBack(Exception):
    pass


def _run(store: Store, dry_run: bool, work: Callable[[Session], object]) -> None:
    """``work`` in one transaction, marked and rolled back as a dry run when ``dry_run``."""
    try:
        with store.begin() as s:
            s.info[DRY_RUN_INFO] = dry_run
            work(s)
            if dry_run:
                raise _RolledBack
    except _RolledBack:
        pass


def _anonymised_person(store: Store) -> str:
    with store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Buurtmoestuin", initiators=[InitiatorData(name="Anna de Vries")]))
        person_id = idea.initiators[0].id or ""
        # Anonymised in the store (as an exchange from another laptop does) but not yet on this store's list.
        row = s.get(Initiator, person_id)
        assert row is not None
        row.anonymised_at = utcnow()
    return person_id


@pytest.mark.parametrize("dry_run", [True, False])
def test_the_forgotten_list_follows_only_a_real_change(
    any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    person_id = _anonymised_person(any_store)
    listed = forgotten.list_path(any_store.engine)
    assert listed is not None
    _run(any_store, dry_run, lambda s: privacy.reapply_forgotten(s, sync=True))
    on_list = forgotten.read(listed) if listed.exists() else {}
    assert (person_id in on_list) is not dry_run


@pytest.mark.parametrize("dry_run", [True, False])
def test_intake_drafts_are_cleaned_only_for_a_real_change(
    any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dry_run: bool
) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    person_id = _anonymised_person(any_store)
    drafts = privacy.drafts_dir()
    drafts.mkdir(parents=True)
    draft = drafts / "concept.json"
    draft.write_text(json.dumps({"name": "Anna de Vries", "title": "Bankje"}), encoding="utf-8")
    _run(any_store, dry_run, lambda s: privacy.erase_copies(s, [person_id], ["Anna de Vries"]))
    assert (json.loads(draft.read_text(encoding="utf-8"))["name"] == "Anna de Vries") is dry_run
