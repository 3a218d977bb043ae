"""Opening a store: a first start creates it, an older one is backed up before the upgrade, a newer one is refused."""

from __future__ import annotations

import hashlib
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from makelaar.domain.errors import StoreError
from makelaar.paths import migrations_dir
from makelaar.services import ideas
from makelaar.services.listing import ListQuery
from makelaar.storage import backup, migrate, revisions
from makelaar.storage.engine import make_engine
from makelaar.storage.migrate import SchemaState
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _set_revision(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    finally:
        conn.close()


def test_first_start_creates_and_migrates_the_store(sqlite_url: str, tmp_path: Path) -> None:
    path = tmp_path / "makelaar.sqlite"
    assert not path.exists()
    made = open_store(sqlite_url)
    try:
        assert path.exists()
        assert made.upgrade is not None
        assert made.upgrade.before is None
        assert made.upgrade.after == migrate.head_revision()
        assert made.upgrade.backup is None  # nothing to back up in a new store
        assert not backup.backup_dir(path).exists()
        assert migrate.schema_state(made.engine) == (SchemaState.CURRENT, migrate.head_revision())
        with made.engine.connect() as conn:
            themes = conn.execute(text("SELECT count(*) FROM vocabulary_terms WHERE vocabulary = 'theme'")).scalar()
            wide = conn.execute(text("SELECT name FROM areas WHERE kind = 'gemeente'")).scalar()
        assert themes == 12
        assert wide == "hele gemeente"
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        made.close()


def test_second_start_changes_nothing(store: Store) -> None:
    assert store.path is not None
    store.close()
    again = open_store(store.url)
    try:
        assert again.upgrade is not None
        assert again.upgrade.before == again.upgrade.after == migrate.head_revision()
        assert again.upgrade.backup is None
    finally:
        again.close()


def test_store_newer_than_the_program_is_refused_untouched(store: Store) -> None:
    path = store.path
    assert path is not None
    store.close()
    _set_revision(path, "ffff")
    before = _digest(path)
    with pytest.raises(StoreError, match="nieuwere versie van Makelaar") as info:
        open_store(store.url)
    assert "ffff" in str(info.value)
    assert _digest(path) == before
    assert not backup.backup_dir(path).exists()


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "iets-anders.sqlite"
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("CREATE TABLE boodschappen (wat TEXT)")
        conn.execute("INSERT INTO boodschappen VALUES ('melk')")
    conn.close()
    before = _digest(path)
    with pytest.raises(StoreError, match="geen Makelaar-database"):
        open_store(sqlite_url_for(path))
    assert _digest(path) == before


@pytest.fixture
def newer_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path) -> str:
    """The program as it would be with one more migration (head -> an added table), so a store at head is BEHIND.

    (It asks for sqlite_template so the shared template is made with the real migrations, before the patch.)
    """
    scripts = tmp_path / "migrations-next"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9999_test_next.py").write_text(
        f'''"""A later migration, for tests."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_next", sa.Column("id", sa.Integer, primary_key=True), sa.Column("fk", sa.Integer))
    # What the migration saw: foreign keys must be off while batch migrations recreate tables.
    op.execute("INSERT INTO test_next (id, fk) SELECT 1, foreign_keys FROM pragma_foreign_keys")


def downgrade() -> None:
    op.drop_table("test_next")
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(revisions, "migrations_dir", lambda: scripts)
    assert migrate.head_revision() == "9999"
    return head


def test_older_store_is_backed_up_before_the_upgrade(store: Store, newer_program: str) -> None:
    path = store.path
    assert path is not None
    with store.begin() as s:
        s.execute(text("INSERT INTO settings (key, value) VALUES ('municipality_name', 'Brugwoude')"))
    assert migrate.schema_state(store.engine) == (SchemaState.BEHIND, newer_program)
    store.close()

    upgraded = open_store(store.url)
    try:
        result = upgraded.upgrade
        assert result is not None
        assert (result.before, result.after) == (newer_program, "9999")
        assert result.backup is not None
        assert result.backup.parent == backup.backup_dir(path)
        assert result.backup.stat().st_mode & 0o777 == 0o600
        assert migrate.current_revision(upgraded.engine) == "9999"
        with upgraded.engine.connect() as conn:
            assert conn.execute(text("SELECT fk FROM test_next")).scalar_one() == 0
            # ... and on again for the connection afterwards.
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        upgraded.close()

    # The backup is the store as it was before the upgrade, with its data.
    saved = sqlite3.connect(f"file:{result.backup}?mode=ro", uri=True)
    try:
        assert saved.execute("SELECT version_num FROM alembic_version").fetchone() == (newer_program,)
        assert saved.execute("SELECT value FROM settings WHERE key = 'municipality_name'").fetchone() == ("Brugwoude",)
        tables = {r[0] for r in saved.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "test_next" not in tables
    finally:
        saved.close()


def test_upgrade_without_backup_when_asked(store: Store, newer_program: str) -> None:
    result = migrate.upgrade(store.engine, take_backup=False)
    assert result.backup is None
    assert result.after == "9999"


def test_postgresql_store_newer_than_the_program_is_refused(pg_url: str) -> None:
    made = open_store(pg_url)
    with made.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    made.close()
    with pytest.raises(StoreError, match="nieuwere versie"):
        open_store(pg_url)
    engine = make_engine(pg_url)
    try:
        assert migrate.schema_state(engine) == (SchemaState.AHEAD, "ffff")
    finally:
        engine.dispose()


def test_file_that_is_no_database_gives_a_dutch_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notities.sqlite"
    path.write_text("Dit is een tekstbestand, geen database.\n" * 100, encoding="utf-8")
    before = _digest(path)
    with pytest.raises(StoreError, match="geen bruikbare Makelaar-database"):
        open_store(sqlite_url_for(path))
    assert _digest(path) == before


def test_store_left_by_a_killed_process_opens_with_its_committed_data(store: Store) -> None:
    # A crash loses at most the edit in progress: the committed idea is in the WAL, the uncommitted one is not.
    store.close()
    child = textwrap.dedent(
        f"""
        import os, signal
        from makelaar.domain.records import IdeaData
        from makelaar.services import ideas
        from makelaar.storage.store import open_store

        store = open_store({store.url!r})
        with store.begin() as s:
            ideas.save_idea(s, IdeaData(title="Vastgelegd"))
        s = store.sessions()
        s.begin()
        ideas.save_idea(s, IdeaData(title="Half af"))
        s.flush()
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert store.path is not None and Path(f"{store.path}-wal").exists()
    reopened = open_store(store.url)
    try:
        with reopened.begin() as s:
            assert [r.title for r in ideas.list_ideas(s, ListQuery())] == ["Vastgelegd"]
    finally:
        reopened.close()
