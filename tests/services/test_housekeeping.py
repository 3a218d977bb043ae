"""At start: who is past the retention period is anonymised, and backups older than that period are deleted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import audit, csvio, ideas, privacy
from makelaar.storage import backup
from makelaar.storage.models import AuditEntry, Idea
from makelaar.storage.store import Store


def test_housekeeping_anonymises_and_thins_old_backups(store: Store) -> None:
    path = store.path
    assert path is not None
    with store.begin() as s:
        old = ideas.save_idea(
            s,
            IdeaData(
                title="Oud plan",
                status="gestopt",
                initiators=[InitiatorData(name="Joop Zoet", email="joop@example.nl", consent_contact=True)],
            ),
        )
        s.get(Idea, old.id).closed_on = date(2023, 1, 10)  # type: ignore[union-attr]
    folder = backup.backup_dir(path)
    folder.mkdir(parents=True, exist_ok=True)
    ancient = folder / f"{path.stem}-20230301-120000-000000-dagelijks.sqlite"
    recent = folder / f"{path.stem}-20261101-120000-000000-dagelijks.sqlite"
    mine = folder / "bewaar-mij.sqlite"
    for p in (ancient, recent, mine):
        p.write_text("x", encoding="utf-8")
    with store.begin() as s:
        assert privacy.housekeeping(s, path, today=date(2026, 11, 28), actor="Marieke") == 1
    with store.begin() as s:
        person = ideas.get_idea(s, old.id or "").initiators[0]
    assert person.name == privacy.ANONYMOUS_NAME and person.email is None
    assert not ancient.exists()  # older than 24 months: the erased data must not live on there
    assert recent.exists() and mine.exists()


def test_exporting_residents_data_to_a_file_is_logged(store: Store, tmp_path: Path) -> None:
    with store.begin() as s:
        ideas.save_idea(
            s,
            IdeaData(
                title="Bankje",
                initiators=[
                    InitiatorData(name="An Bos", email="an@example.nl", consent_contact=True, consent_share=True)
                ],
            ),
        )
    with store.begin() as s:
        csvio.export_path(s, "ideeen", tmp_path / "ideeen.csv")
    with store.begin() as s:
        kinds = [e.kind for e in s.query(AuditEntry)]
        details = " ".join(e.detail or "" for e in s.query(AuditEntry))
    assert audit.FILE_EXPORTED in kinds
    assert "An Bos" not in details and "an@example.nl" not in details
