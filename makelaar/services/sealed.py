"""Encrypted exchange files: the laptop <-> office file carries residents' names and contact data on USB sticks and
by e-mail, so it is encrypted with a passphrase the team shares.

The container (version 1), in this order:

1. the line ``MAKELAAR-VERSLEUTELD`` (so anyone who opens the file sees what it is);
2. one line of JSON, the header: format version, cipher (AES-256-GCM), key derivation (scrypt with its salt and
   cost parameters) and the nonce;
3. the ciphertext of the gzipped exchange file, with GCM's 16-byte tag at its end.

The first two parts are the associated data of the encryption: a changed header (other cost parameters, another
salt) fails the check just like a changed byte of the ciphertext. A wrong passphrase and a tampered file cannot be
told apart, and both are refused before anything is read. The cipher and the key derivation are those of the
``cryptography`` library; nothing here is home-made but the layout.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from makelaar.domain.errors import KnownError

MAGIC = b"MAKELAAR-VERSLEUTELD\n"
VERSION = 1
MIN_PASSPHRASE = 10
# scrypt: 2**15 x 8 x 128 bytes = 32 MiB of memory, about 0.1 s on a laptop. Files with more than the upper bounds
# are refused unread (a crafted header must not make the program spend minutes or gigabytes).
_N, _R, _P = 2**15, 8, 1
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16
_MAX_HEADER = 4096


class WrongPassphraseError(KnownError):
    """The passphrase does not open the file, or the file was changed on the way."""


def is_sealed(raw: bytes) -> bool:
    return raw.startswith(MAGIC)


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise KnownError(
            f"Kies een wachtwoord van minstens {MIN_PASSPHRASE} tekens voor het uitwisselbestand (een zin die het "
            "team deelt, niet per e-mail bij het bestand)."
        )


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(plain: bytes, passphrase: str) -> bytes:
    """The container around ``plain``, encrypted with a key derived from ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_passphrase(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, Any] = {
        "versie": VERSION,
        "versleuteling": "AES-256-GCM",
        "sleutel": {"afleiding": "scrypt", "n": _N, "r": _R, "p": _P, "zout": base64.b64encode(salt).decode()},
        "nonce": base64.b64encode(nonce).decode(),
    }
    head = MAGIC + json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n"
    return head + AESGCM(_key(passphrase, salt, _N, _R, _P)).encrypt(nonce, plain, head)


def unseal(raw: bytes, passphrase: str, name: str) -> bytes:
    """The plain content of a container; a wrong passphrase or any change to the file is a KnownError."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    end = raw.find(b"\n", len(MAGIC), len(MAGIC) + _MAX_HEADER)
    damaged = KnownError(f"{name} is een beschadigd versleuteld uitwisselbestand; er is niets ingelezen.")
    if not is_sealed(raw) or end < 0:
        raise damaged
    head = raw[: end + 1]
    try:
        header = json.loads(raw[len(MAGIC) : end].decode("ascii"))
        version = header["versie"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise damaged from None
    if not isinstance(version, int) or version > VERSION:
        raise KnownError(
            f"{name} is versleuteld met een nieuwere versie van Makelaar (versie {version}). Werk dit programma eerst "
            "bij; er is niets ingelezen."
        )
    try:
        key = header["sleutel"]
        n, r, p = int(key["n"]), int(key["r"]), int(key["p"])
        salt = base64.b64decode(key["zout"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
        if header["versleuteling"] != "AES-256-GCM" or key["afleiding"] != "scrypt":
            raise ValueError("onbekende versleuteling")
    except (ValueError, KeyError, TypeError):
        raise damaged from None
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P) or len(nonce) != 12:
        raise damaged
    if len(salt) < 16:
        raise damaged
    try:
        return AESGCM(_key(passphrase, salt, n, r, p)).decrypt(nonce, raw[end + 1 :], head)
    except InvalidTag:
        raise WrongPassphraseError(
            f"Het wachtwoord opent {name} niet, of het bestand is onderweg veranderd. Er is niets ingelezen; "
            "controleer het wachtwoord of vraag een nieuw bestand."
        ) from None
