"""Files with residents' data are readable by the user alone (0600), also when they replace a file that was not, and
every CSV the program writes is safe to open in a spreadsheet (no formula runs)."""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from makelaar.actions import inzage
from makelaar.domain.errors import StoreError
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import csvio, exchange, ideas
from makelaar.storage import backup
from makelaar.storage.store import Store


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask of most desktops: without care, new files are readable by everyone (0644)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def world_readable(path: Path) -> Path:
    path.write_text("oud", encoding="utf-8")
    path.chmod(0o644)
    return path


INJECTED = '=HYPERLINK("http://example.invalid";"klik")'


@pytest.fixture
def resident(store: Store) -> tuple[Store, IdeaData]:
    with store.begin() as s:
        saved = ideas.save_idea(
            s,
            IdeaData(
                title=INJECTED,
                description="+31 6 plan",
                initiators=[
                    InitiatorData(
                        name="@Anna Oud",
                        email="anna@voorbeeld.nl",
                        consent_contact=True,
                        consent_method="formulier",
                        consent_on=date(2026, 1, 15),
                    )
                ],
            ),
        )
    return store, saved


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_own_records_export_is_private_also_over_an_existing_file(
    resident: tuple[Store, IdeaData], tmp_path: Path, suffix: str
) -> None:
    store, _idea = resident
    out = world_readable(tmp_path / f"eigen{suffix}")
    with store.begin() as s:
        csvio.export_path(s, "ideeen", out, own_records=True)
    assert mode(out) == 0o600
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("name", ["uit.json", "uit.json.gz"])
def test_the_exchange_file_is_private(resident: tuple[Store, IdeaData], tmp_path: Path, name: str) -> None:
    store, _idea = resident
    out = world_readable(tmp_path / name)
    with store.begin() as s:
        exchange.export_changes(s, out, everything=True)
    assert mode(out) == 0o600
    assert exchange.read_file(out).records


@pytest.mark.parametrize("name", ["inzage.json", "inzage.pdf"])
def test_the_inzage_is_private(resident: tuple[Store, IdeaData], tmp_path: Path, name: str) -> None:
    store, idea = resident
    out = world_readable(tmp_path / name)
    with store.begin() as s:
        inzage.write_export(s, idea.initiators[0].id or "", out)
    assert mode(out) == 0o600
    assert out.stat().st_size > 100


def test_the_rejects_file_is_private(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "ideeen.csv"
    source.write_text("titel;initiatiefnemer;email\n;Anna;geen-adres\n", encoding="utf-8")
    world_readable(csvio.rejects_path_for(source))
    result = csvio.import_path(store, "ideeen", source)
    assert result.rejects_path is not None
    assert mode(result.rejects_path) == 0o600


def test_backups_and_their_partial_copies_are_private(store: Store, tmp_path: Path) -> None:
    assert store.path is not None
    made = backup.take_backup(store.path, tmp_path / "kopie.sqlite")
    assert mode(made) == 0o600
    assert not list(tmp_path.glob("*.partial"))


def test_a_failed_restore_leaves_no_copy_behind(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert store.path is not None
    made = backup.take_backup(store.path, tmp_path / "kopie.sqlite")
    real = backup.verify
    seen: list[Path] = []

    def verify_fails_on_the_copy(path: Path) -> dict[str, int]:
        seen.append(path)
        if path.name.endswith(".restoring"):
            assert mode(path) == 0o600  # private while it is being made
            raise StoreError("beschadigd")
        return real(path)

    monkeypatch.setattr(backup, "verify", verify_fails_on_the_copy)
    with pytest.raises(StoreError):
        backup.restore(store.path, made)
    assert any(p.name.endswith(".restoring") for p in seen)
    assert not list(store.path.parent.glob("*.restoring"))


def _cells(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(
    resident: tuple[Store, IdeaData], tmp_path: Path
) -> None:
    store, _idea = resident
    out = tmp_path / "eigen.csv"
    with store.begin() as s:
        csvio.export_path(s, "ideeen", out, own_records=True)
    cells = [c for row in _cells(out)[1:] for c in row]
    assert "'" + INJECTED in cells
    assert "'+31 6 plan" in cells
    assert any(c.startswith("'@Anna Oud") for c in cells)
    for c in cells:
        assert not c.startswith(("=", "+", "-", "@", "\t", "\r")), c
    # Read back by the program, the cells are what was stored.
    table = csvio.read_table(out)
    assert INJECTED in [c for _n, row in table.rows for c in row]


def test_the_rejects_file_escapes_what_the_file_brought_in(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "ideeen.csv"
    source.write_text('titel;initiatiefnemer;email\n;"=1+2";-3\n', encoding="utf-8")
    result = csvio.import_path(store, "ideeen", source)
    assert result.rejects_path is not None
    cells = [c for row in _cells(result.rejects_path)[1:] for c in row]
    assert "'=1+2" in cells and "'-3" in cells


@pytest.mark.parametrize("elsewhere", [None, 4242])
def test_leftovers_of_an_interrupted_backup_or_restore_go_or_are_made_private(
    store: Store, monkeypatch: pytest.MonkeyPatch, elsewhere: int | None
) -> None:
    """Copies named the way an older version names them (no process id): removed at the next open, unless another
    running Makelaar holds the store (it may be writing one): then made readable by the user alone."""
    from makelaar.storage.store import open_store

    assert store.path is not None
    monkeypatch.setattr(backup, "holder_elsewhere", lambda _store: elsewhere)
    folder = backup.backup_dir(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "makelaar-20260101-120000-000000-dagelijks.sqlite.partial"
    restoring = store.path.with_name(store.path.name + ".restoring")
    for leftover in (partial, restoring):
        leftover.write_bytes(b"kopie")
        leftover.chmod(0o644)
    open_store(store.url).close()
    if elsewhere is None:
        assert not partial.exists() and not restoring.exists()
    else:
        assert mode(partial) == 0o600 and mode(restoring) == 0o600


@pytest.mark.parametrize("part", ["", "-wal"])
def test_an_export_aimed_at_the_store_itself_is_refused(resident: tuple[Store, IdeaData], part: str) -> None:
    from makelaar.domain.errors import KnownError

    store, idea = resident
    assert store.path is not None
    with store.engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")  # the journal exists while the store is open
    target = Path(str(store.path) + part)
    before = target.read_bytes()
    with pytest.raises(KnownError, match="is een database"), store.begin() as s:
        exchange.export_changes(s, target, everything=True)
    assert target.read_bytes() == before
    # A backup that happens to be called .csv is not overwritten by an export either.
    disguised = backup.take_backup(store.path, store.path.with_name("kopie.csv"))
    with pytest.raises(KnownError, match="is een database"), store.begin() as s:
        csvio.export_path(s, "ideeen", disguised, own_records=True)
    backup.verify(disguised)
    with store.begin() as s:
        assert ideas.get_idea(s, idea.id or "").title == INJECTED
