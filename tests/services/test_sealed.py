"""The encrypted exchange file: AES-256-GCM with a scrypt key in a versioned container; a wrong passphrase, a changed
byte anywhere (header included) or a file from a newer program is refused before anything is read."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from makelaar.domain.errors import KnownError
from makelaar.services import exchange, sealed
from makelaar.services.exchange import reading as exchange_reading
from makelaar.storage.store import Store

SECRET = "de moestuin bloeit in mei"


def test_seal_and_unseal_round_trip_with_a_fresh_salt_and_nonce() -> None:
    first, second = sealed.seal(b"inhoud", SECRET), sealed.seal(b"inhoud", SECRET)
    assert first != second  # salt and nonce differ every time
    assert first.startswith(sealed.MAGIC) and b"inhoud" not in first
    assert sealed.unseal(first, SECRET, "x") == b"inhoud"


@pytest.mark.parametrize("where", [-1, -20, len(sealed.MAGIC) + 5])
def test_any_changed_byte_is_refused(where: int) -> None:
    raw = bytearray(sealed.seal(b"inhoud", SECRET))
    raw[where] ^= 0x20
    with pytest.raises(KnownError, match=r"niet, of het bestand is onderweg veranderd|beschadigd"):
        sealed.unseal(bytes(raw), SECRET, "x")


def test_a_newer_container_and_absurd_cost_parameters_are_refused_unread() -> None:
    raw = sealed.seal(b"inhoud", SECRET)
    with pytest.raises(KnownError, match="nieuwere versie"):
        sealed.unseal(raw.replace(b'"versie":1', b'"versie":2', 1), SECRET, "x")
    with pytest.raises(KnownError, match="beschadigd"):
        sealed.unseal(raw.replace(b'"n":32768', b'"n":1073741824', 1), SECRET, "x")


def test_an_encrypted_file_needs_its_passphrase(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "uit.makelaar"
    with store.begin() as s:
        exchange.export_changes(s, path, passphrase=SECRET)
    with pytest.raises(exchange.PassphraseNeededError):
        exchange.read_file(path)
    assert exchange.read_file(path, SECRET).records
    with pytest.raises(sealed.WrongPassphraseError):
        exchange.read_file(path, "een ander wachtwoord")


def test_a_short_passphrase_marks_nothing_as_sent(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="minstens"), store.begin() as s:
        exchange.export_changes(s, tmp_path / "uit.makelaar", passphrase="kort")
    assert not (tmp_path / "uit.makelaar").exists()


def test_a_gzip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange_reading, "MAX_JSON_BYTES", 1000)
    path = tmp_path / "bom.json.gz"
    path.write_bytes(gzip.compress(b" " * 100_000))
    with pytest.raises(KnownError, match="geen leesbaar uitwisselbestand"):
        exchange.read_file(path)
