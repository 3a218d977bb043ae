"""makelaar.files: output written whole or not at all, never over the store, never over a file unasked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from makelaar import files
from makelaar.files import OutputRefused


def _store(folder: Path) -> Path:
    store = folder / "makelaar.sqlite"
    store.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    (folder / "makelaar.sqlite-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)
    (folder / "makelaar.sqlite-shm").write_bytes(b"\x00" * 64)  # the index has no magic of its own
    (folder / "backups").mkdir()
    (folder / "backups" / "makelaar-20260101-120000-000000-dagelijks.sqlite").write_bytes(b"x" * 10)
    return store


def _writer(data: bytes):  # type: ignore[no-untyped-def]
    def write(path: Path) -> None:
        path.write_bytes(data)

    return write


@pytest.mark.parametrize(
    "name",
    [
        "makelaar.sqlite",
        "makelaar.sqlite-wal",
        "makelaar.sqlite-shm",
        "backups/makelaar-20260101-120000-000000-dagelijks.sqlite",
    ],
)
def test_the_store_its_journal_and_its_backups_are_refused(tmp_path: Path, name: str) -> None:
    store = _store(tmp_path)
    target = tmp_path / name
    before = target.read_bytes()
    with pytest.raises(OutputRefused, match="database van Makelaar"):
        files.write_output(target, _writer(b"%PDF"), protect=files.protected_paths(store), overwrite=True)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_the_store_is_recognised_through_a_symbolic_and_a_hard_link(tmp_path: Path) -> None:
    store = _store(tmp_path)
    (tmp_path / "out").mkdir()
    soft = tmp_path / "out" / "rapport.pdf"
    soft.symlink_to(tmp_path / "makelaar.sqlite-shm")
    hard = tmp_path / "out" / "lijst.csv"
    os.link(tmp_path / "makelaar.sqlite-shm", hard)
    for target in (soft, hard):
        with pytest.raises(OutputRefused):
            files.write_output(target, _writer(b"a;b\n"), protect=files.protected_paths(store), overwrite=True)
    assert (tmp_path / "makelaar.sqlite-shm").read_bytes() == b"\x00" * 64


def test_an_existing_file_is_replaced_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    target.write_text("eerder")
    with pytest.raises(OutputRefused, match="bestaat al"):
        files.write_output(target, _writer(b"nieuw"))
    assert target.read_text() == "eerder"
    files.write_output(target, _writer(b"nieuw"), overwrite=True)
    assert target.read_text() == "nieuw"


def test_a_failed_write_keeps_the_earlier_file_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "lijst.csv"
    target.write_text("eerder")

    def fails(path: Path) -> None:
        path.write_text("half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputRefused, match="onveranderd"):
        files.write_output(target, fails, overwrite=True)
    assert target.read_text() == "eerder"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.csv"]


def test_personal_data_is_readable_by_the_user_alone(tmp_path: Path) -> None:
    target = tmp_path / "inzage.json"
    files.write_bytes(target, b"{}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_link_planted_at_the_temporary_name_is_never_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "elders.txt"
    victim.write_text("van iemand anders")
    names = iter(["aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(files, "_token", lambda: next(names))
    (tmp_path / ".aaaaaaaaaaaa.partial-lijst.csv").symlink_to(victim)
    files.write_output(tmp_path / "lijst.csv", _writer(b"nieuw"))
    assert victim.read_text() == "van iemand anders"
    assert (tmp_path / "lijst.csv").read_text() == "nieuw"


def test_a_message_of_the_writer_names_the_chosen_file_not_the_temporary_one(tmp_path: Path) -> None:
    from makelaar.domain.errors import KnownError

    def refuses(path: Path) -> None:
        raise KnownError(f"{path} heeft een andere extensie.")

    target = tmp_path / "lijst.txt"
    with pytest.raises(KnownError) as caught:
        files.write_output(target, refuses)
    assert str(caught.value) == f"{target} heeft een andere extensie."
