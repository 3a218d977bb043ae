"""Vergeten is complete and one way: after a forget no copy of the person's name, e-mail or phone is left
anywhere in the store file, and no restore, undo, import or exchange brings them back."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from makelaar.domain.errors import KnownError
from makelaar.services import audit, csvio, exchange, ideas, imports, privacy
from makelaar.storage import backup, forgotten
from makelaar.storage.models import AuditEntry, Initiator
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for

NAME = "Zwanetta Quirijnsen"
EMAIL = "zq.bewoner@voorbeeld.nl"
PHONE = "0687654321"


def write(path: Path, body: str) -> Path:
    path.write_text(body, encoding="utf-8")
    return path


def _import_person(store: Store, folder: Path) -> str:
    """The person arrives by a CSV import, and a second import updates her idea: its undo journal holds her data."""
    csvio.import_path(
        store,
        "ideeen",
        write(folder / "a.csv", f"titel;initiatiefnemer;email;telefoon\nBuurtfeest;{NAME};{EMAIL};{PHONE}\n"),
    )
    result = csvio.import_path(
        store, "ideeen", write(folder / "b.csv", f"titel;initiatiefnemer;teamgrootte\nBuurtfeest;{NAME};4\n")
    )
    assert result.batch_id is not None
    with store.begin() as s:
        person = s.scalar(select(Initiator).where(Initiator.name == NAME))
        assert person is not None and person.email == EMAIL
        return person.id


def _stored_values(store: Store, person_id: str) -> list[str]:
    with store.begin() as s:
        person = s.get(Initiator, person_id)
        assert person is not None
        return [v for v in (person.name, person.email, person.phone) if v]


def _raw(path: Path) -> bytes:
    return path.read_bytes()


def _checkpoint(store: Store) -> None:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _forget(store: Store, person_id: str) -> None:
    with store.begin() as s:
        assert privacy.forget_person(s, person_id, actor="Broker Bea")


def _is_anonymous(store: Store, person_id: str) -> bool:
    with store.begin() as s:
        person = s.get(Initiator, person_id)
        assert person is not None
        return privacy.is_anonymous(person)


def test_after_forget_no_copy_is_left_in_the_store_file(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    values = _stored_values(store, person_id)
    assert len(values) == 3
    # The exchange bookkeeping and a draft of the intake know her too.
    with store.begin() as s:
        exchange.export_changes(s, tmp_path / "uit.json")
    drafts = privacy.drafts_dir()
    drafts.mkdir(parents=True, exist_ok=True)
    draft = drafts / "intake-test.json"
    draft.write_text(json.dumps({"title": "Bankje", "name": NAME, "email": EMAIL, "phone": ""}), encoding="utf-8")
    try:
        _checkpoint(store)
        assert store.path is not None
        assert all(v.encode() in _raw(store.path) for v in values)  # the test sees them before

        _forget(store, person_id)
        _checkpoint(store)

        raw = _raw(store.path)
        for value in values:
            assert value.encode("utf-8") not in raw, value
        kept = json.loads(draft.read_text(encoding="utf-8"))
        assert kept == {"title": "Bankje", "name": "", "email": "", "phone": ""}
        assert draft.stat().st_mode & 0o777 == 0o600
    finally:
        draft.unlink(missing_ok=True)
    with store.begin() as s:
        change = s.scalar(select(imports.ImportChange).where(imports.ImportChange.before.is_not(None)))
        assert change is not None and privacy.ANONYMOUS_NAME in (change.before or "")
        row = s.execute(
            text("SELECT history FROM exchange_records WHERE record_table = 'initiators' AND record_id = :i"),
            {"i": person_id},
        ).scalar_one()
        assert row == ""  # no hashes of her earlier versions


def test_retention_clears_the_copies_too(store: Store, tmp_path: Path) -> None:
    from datetime import date

    from makelaar.storage.models import Idea

    person_id = _import_person(store, tmp_path)
    values = _stored_values(store, person_id)
    with store.begin() as s:
        for idea in s.scalars(select(Idea)):
            idea.status, idea.closed_on = "gerealiseerd", date(2020, 1, 1)
    with store.begin() as s:
        assert privacy.apply_retention(s, date(2026, 11, 28)) == 1
    _checkpoint(store)
    assert store.path is not None
    raw = _raw(store.path)
    assert not any(v.encode() in raw for v in values)
    listed = forgotten.read(forgotten.list_path(store.url) or Path())
    assert person_id in listed


def test_forget_then_undo_import_keeps_her_forgotten(any_store: Store, tmp_path: Path) -> None:
    person_id = _import_person(any_store, tmp_path)
    _forget(any_store, person_id)
    with any_store.begin() as s:
        # Her data left the import journal with the forget, before any undo.
        journal = " ".join(c.before or "" for c in s.scalars(select(imports.ImportChange)))
        batch = imports.list_batches(s)[0]
        plan = imports.undo_batch(s, batch.id)
    assert privacy.ANONYMOUS_NAME in journal
    assert plan.restore == 0
    assert [k.reason for k in plan.kept] == ["een initiatiefnemer is sinds de import geanonimiseerd of verwijderd"]
    assert _is_anonymous(any_store, person_id)
    assert NAME not in journal and EMAIL not in journal


def test_the_forgotten_list_holds_no_personal_data_and_is_private(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    _forget(store, person_id)
    path = forgotten.list_path(store.url)
    assert path is not None and path.parent == tmp_path and path.exists()
    body = path.read_text(encoding="utf-8")
    assert person_id in body
    assert NAME not in body and EMAIL not in body and PHONE not in body
    assert "P-" not in body  # not even the reference
    assert path.stat().st_mode & 0o777 == 0o600
    # It is not in the backups folder, so a restore does not take it back.
    assert not list(backup.backup_dir(store.path or tmp_path).glob("*vergeten*"))


def test_forget_then_restore_forgets_again(tmp_path: Path, sqlite_template: Path) -> None:
    target = tmp_path / "makelaar.sqlite"
    shutil.copy2(sqlite_template, target)
    store = open_store(sqlite_url_for(target))
    try:
        person_id = _import_person(store, tmp_path)
        values = _stored_values(store, person_id)
        old = backup.take_backup(target, reason="voor-vergeten")
        _forget(store, person_id)
    finally:
        store.close()

    backup.restore(target, old)
    reopened = open_store(sqlite_url_for(target))
    try:
        assert _is_anonymous(reopened, person_id)
        with reopened.begin() as s:
            kinds = [e.kind for e in audit.entries_for(s, person_id)]
        assert kinds[-1] == audit.REAPPLIED
        _checkpoint(reopened)
        raw = _raw(target)
        for value in values:
            assert value.encode() not in raw, value
    finally:
        reopened.close()


@pytest.mark.postgres
def test_forget_then_dump_put_back_on_postgresql_forgets_again(pg_server: str, pg_template: str) -> None:
    from tests.conftest import pg_database

    with pg_database(pg_server, pg_template) as url:
        store = open_store(url)
        try:
            with store.begin() as s:
                saved = ideas.save_idea(
                    s,
                    ideas.IdeaData(
                        title="Bankje",
                        initiators=[ideas.InitiatorData(name=NAME, email=EMAIL, consent_contact=True)],
                    ),
                )
            person_id = saved.initiators[0].id or ""
            _forget(store, person_id)
            # What an administrator's pg_restore of last week's dump does: the row as it was.
            with store.engine.begin() as conn:
                conn.execute(
                    text("UPDATE initiators SET name = :n, email = :e, anonymised_at = NULL WHERE id = :i"),
                    {"n": NAME, "e": EMAIL, "i": person_id},
                )
        finally:
            store.close()
        again = open_store(url)
        try:
            assert _is_anonymous(again, person_id)
        finally:
            again.close()


def test_a_damaged_forgotten_list_is_set_aside_and_made_again(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    _forget(store, person_id)
    path = forgotten.list_path(store.url)
    assert path is not None
    path.write_bytes(b"\x00garbage")
    with store.begin() as s:
        assert privacy.reapply_forgotten(s) == 0
    assert person_id in forgotten.read(path)
    assert path.with_name(path.name + ".beschadigd").exists()


def test_forget_refuses_when_the_list_cannot_be_written(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    path = forgotten.list_path(store.url)
    assert path is not None
    path.mkdir()  # a folder where the file should go: the list cannot be written
    with pytest.raises(KnownError, match="niets gewist"), store.begin() as s:
        privacy.forget_person(s, person_id)
    assert not _is_anonymous(store, person_id)


@pytest.fixture
def person(any_store: Store) -> Iterator[tuple[Store, str]]:
    with any_store.begin() as s:
        saved = ideas.save_idea(
            s,
            ideas.IdeaData(
                title="Bankje", initiators=[ideas.InitiatorData(name=NAME, email=EMAIL, consent_contact=True)]
            ),
        )
    yield any_store, saved.initiators[0].id or ""


def test_no_path_puts_data_back_on_a_forgotten_person_and_the_attempt_is_logged(person: tuple[Store, str]) -> None:
    store, person_id = person
    _forget(store, person_id)
    with pytest.raises(audit.AnonymisedError, match="P-"), store.begin() as s:
        row = s.get(Initiator, person_id)
        assert row is not None
        row.name, row.email, row.anonymised_at = NAME, EMAIL, None
    assert _is_anonymous(store, person_id)
    with store.begin() as s:
        refused = s.scalars(select(AuditEntry).where(AuditEntry.kind == audit.REFUSED)).all()
    assert [(r.record_id, r.detail) for r in refused] == [(person_id, "naam of contactgegevens terugzetten")]
    assert NAME not in refused[0].detail


def test_a_csv_import_does_not_bring_a_forgotten_person_back(any_store: Store, tmp_path: Path) -> None:
    store = any_store
    person_id = _import_person(store, tmp_path)
    _forget(store, person_id)
    # A file that names the anonymous person (an earlier export, edited) with her e-mail again.
    result = csvio.import_path(
        store,
        "ideeen",
        write(tmp_path / "c.csv", f"titel;initiatiefnemer;email\nBuurtfeest;{privacy.ANONYMOUS_NAME};{EMAIL}\n"),
    )
    assert len(result.rejected) == 1
    assert EMAIL not in " ".join(r[1] for r in result.rejected)
    assert _is_anonymous(store, person_id)
    with store.begin() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.kind == audit.REFUSED)) is not None


def test_a_short_name_does_not_remove_a_draft_about_someone_else(store: Store) -> None:
    with store.begin() as s:
        saved = ideas.save_idea(s, ideas.IdeaData(title="Bankje", initiators=[ideas.InitiatorData(name="Jo")]))
    drafts = privacy.drafts_dir()
    drafts.mkdir(parents=True, exist_ok=True)
    other = drafts / "intake-ander.json"
    body = {"title": "Project jongeren", "description": "Jo-jo wedstrijd", "name": "Kees", "email": "", "phone": ""}
    other.write_text(json.dumps(body), encoding="utf-8")
    try:
        _forget(store, saved.initiators[0].id or "")
        assert json.loads(other.read_text(encoding="utf-8")) == body
    finally:
        other.unlink(missing_ok=True)


def test_a_draft_that_names_her_in_its_text_goes_whole(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    drafts = privacy.drafts_dir()
    drafts.mkdir(parents=True, exist_ok=True)
    draft = drafts / "intake-tekst.json"
    draft.write_text(json.dumps({"title": "Bankje", "description": f"Gebeld met {NAME}", "name": ""}), encoding="utf-8")
    try:
        _forget(store, person_id)
        assert not draft.exists()
    finally:
        draft.unlink(missing_ok=True)


def test_after_forget_the_journal_holds_no_copy_either(store: Store, tmp_path: Path) -> None:
    person_id = _import_person(store, tmp_path)
    values = _stored_values(store, person_id)
    _forget(store, person_id)  # no checkpoint by the test: the store empties its journal itself
    assert store.path is not None
    wal = Path(str(store.path) + "-wal")
    raw = _raw(store.path) + (_raw(wal) if wal.exists() else b"")
    for value in values:
        assert value.encode() not in raw, value
