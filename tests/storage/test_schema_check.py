"""A planted backup is refused: before a restore or an open, the schema is compared with what the
migrations create; an extra trigger or spy table, or a missing table, is named in Dutch and nothing is changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from makelaar.domain.errors import StoreError
from makelaar.storage import backup, schema_check, schema_head
from makelaar.storage.migrate import head_revision
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for

SPY = (
    "CREATE TABLE spy_copy (name TEXT, email TEXT);\n"
    "CREATE TRIGGER undo_forget AFTER UPDATE OF anonymised_at ON initiators BEGIN\n"
    "    INSERT INTO spy_copy VALUES (old.name, old.email);\n"
    "    UPDATE initiators SET anonymised_at = NULL WHERE id = new.id;\n"
    "END;\n"
)


def _copy(template: Path, target: Path, script: str = "") -> Path:
    shutil.copy2(template, target)
    if script:
        conn = sqlite3.connect(target)
        conn.executescript(script)
        conn.close()
    return target


def test_the_kept_head_schema_is_what_the_migrations_make() -> None:
    assert head_revision() == schema_head.REVISION
    fresh = schema_check._migrated_sqlite(head_revision())
    assert schema_check.differences(fresh, schema_head.SQLITE) == []


def test_the_programs_own_store_and_backups_pass(store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    made = backup.take_backup(store.path, tmp_path / "eigen.sqlite")
    schema_check.check_backup(made)
    # Its own triggers (the search index, migration 0009's last contact) are recognised.
    assert "trigger activities_contact_insert" in schema_head.SQLITE
    assert "trigger ideas_fts_update" in schema_head.SQLITE


def test_a_backup_with_a_planted_trigger_and_spy_table_is_refused(
    store: Store, sqlite_template: Path, tmp_path: Path
) -> None:
    planted = _copy(sqlite_template, tmp_path / "geplant.sqlite", SPY)
    assert store.path is not None
    before = store.path.read_bytes()
    with pytest.raises(StoreError) as refused:
        backup.restore(store.path, planted)
    message = str(refused.value)
    assert "extra trigger 'undo_forget' (op tabel initiators)" in message
    assert "extra tabel 'spy_copy'" in message
    assert "niets gewijzigd" in message
    assert store.path.read_bytes() == before
    assert not list(tmp_path.glob("*.restoring"))


def test_a_backup_missing_a_table_is_refused(store: Store, sqlite_template: Path, tmp_path: Path) -> None:
    planted = _copy(sqlite_template, tmp_path / "zonder-logboek.sqlite", "DROP TABLE audit_log;")
    assert store.path is not None
    with pytest.raises(StoreError, match="ontbrekende tabel 'audit_log'"):
        backup.restore(store.path, planted)


def test_a_trigger_of_ours_with_another_body_is_refused(sqlite_template: Path, tmp_path: Path) -> None:
    script = (
        "DROP TRIGGER ideas_fts_delete;\n"
        "CREATE TRIGGER ideas_fts_delete AFTER DELETE ON ideas BEGIN DELETE FROM audit_log; END;\n"
    )
    planted = _copy(sqlite_template, tmp_path / "anders.sqlite", script)
    with pytest.raises(StoreError, match="gewijzigde trigger 'ideas_fts_delete'"):
        schema_check.check_backup(planted)


def test_an_extra_column_is_named(sqlite_template: Path, tmp_path: Path) -> None:
    planted = _copy(sqlite_template, tmp_path / "kolom.sqlite", "ALTER TABLE initiators ADD COLUMN kopie TEXT;")
    with pytest.raises(StoreError, match="gewijzigde tabel 'initiators' \\(extra kolom kopie\\)"):
        schema_check.check_backup(planted)


def test_a_store_file_with_a_planted_trigger_is_not_opened(sqlite_template: Path, tmp_path: Path) -> None:
    planted = _copy(sqlite_template, tmp_path / "makelaar.sqlite", SPY)
    before = planted.read_bytes()
    with pytest.raises(StoreError, match="extra trigger 'undo_forget'"):
        open_store(sqlite_url_for(planted))
    assert planted.read_bytes() == before


def test_a_file_that_is_no_makelaar_backup_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE x (a)")
    conn.close()
    with pytest.raises(StoreError, match="geen back-up van Makelaar"):
        schema_check.check_backup(other)


def test_an_older_store_is_compared_with_its_own_revision(tmp_path: Path) -> None:
    older = schema_check._migrated_sqlite("0008")
    assert "trigger activities_contact_insert" not in older
    assert schema_check.differences(older, schema_check.expected_sqlite("0008")) == []


def test_db_check_names_the_difference(
    sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from makelaar.cli import main

    planted = _copy(sqlite_template, tmp_path / "makelaar.sqlite", SPY)
    assert main(["--database", sqlite_url_for(planted), "db", "check"]) == 1
    out = capsys.readouterr().out
    assert "extra trigger 'undo_forget' (op tabel initiators)" in out
    assert "in orde" not in out


def test_db_restore_refuses_a_planted_backup(
    sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from makelaar.cli import main

    target = _copy(sqlite_template, tmp_path / "makelaar.sqlite")
    before = target.read_bytes()
    planted = _copy(sqlite_template, tmp_path / "geplant.sqlite", SPY)
    assert main(["--database", sqlite_url_for(target), "db", "restore", str(planted)]) == 2
    err = capsys.readouterr().err
    assert "extra trigger 'undo_forget'" in err and "extra tabel 'spy_copy'" in err
    assert target.read_bytes() == before
