"""Reading an exchange file: encrypted, gzipped or plain JSON; refused whole when damaged, too big or from a
newer program."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

from makelaar.domain.errors import KnownError
from makelaar.services import sealed
from makelaar.services.exchange.format import (
    FORMAT,
    FORMAT_VERSION,
    ExchangeFile,
    Incoming,
    IncomingDeletion,
)
from makelaar.services.exchange.validation import check_records
from makelaar.storage.tracking import (
    BY_TABLE,
)


class PassphraseNeededError(KnownError):
    """The file is encrypted and no passphrase was given."""


class PlainFileError(KnownError):
    """The file is not encrypted and reading a plain file was not chosen explicitly."""


# Files beyond these sizes are no exchange of a municipality's brokers: refused before they fill the memory. An
# export of everything in a store of 20,000 organisations and ideas is some tens of megabytes of JSON.
MAX_FILE_BYTES = 512 * 1024**2
MAX_JSON_BYTES = 512 * 1024**2


def is_encrypted(path: Path) -> bool:
    """Whether ``path`` is an encrypted exchange file (False when it cannot be read: read_file says why)."""
    try:
        with path.open("rb") as handle:
            return sealed.is_sealed(handle.read(len(sealed.MAGIC)))
    except OSError:
        return False


def _gunzip(raw: bytes) -> bytes:
    import zlib

    unpacker = zlib.decompressobj(wbits=31)
    try:
        out = unpacker.decompress(raw, MAX_JSON_BYTES)
    except zlib.error as exc:
        raise ValueError(str(exc)) from None
    if unpacker.unconsumed_tail or len(out) >= MAX_JSON_BYTES:
        raise ValueError("te groot")  # a gzip "bomb"
    if not unpacker.eof:
        raise ValueError("afgebroken")  # cut off: a truncated file is damaged, not half read
    return out


def read_file(path: Path, passphrase: str | None = None, *, allow_plain: bool = True) -> ExchangeFile:
    """Read an exchange file (encrypted, or plain or gzipped JSON); refuse a damaged one or one from a newer program.

    An encrypted file needs ``passphrase`` (else PassphraseNeededError); a wrong one, or a file changed on the way,
    is refused whole. ``allow_plain=False`` refuses a file that is not encrypted (PlainFileError): the CLI and the
    window read a plain file only when the user chose so explicitly.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise KnownError(f"{path} is te groot voor een uitwisselbestand; er is niets ingelezen.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KnownError(f"Het bestand {path} bestaat niet.") from None
    except OSError as exc:
        raise KnownError(f"Het bestand {path} kan niet worden gelezen: {exc.strerror or exc}.") from exc
    if sealed.is_sealed(raw):
        if passphrase is None:
            raise PassphraseNeededError(f"{path} is versleuteld; geef het wachtwoord van het uitwisselbestand.")
        raw = sealed.unseal(raw, passphrase, str(path))
    elif not allow_plain:
        raise PlainFileError(
            f"{path} is niet versleuteld. Een onversleuteld uitwisselbestand wordt alleen ingelezen als je daar "
            "uitdrukkelijk voor kiest (op de opdrachtregel: --unencrypted); er is niets ingelezen."
        )
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = _gunzip(raw)
        payload = json.loads(raw.decode("utf-8"))
    except RecursionError:
        # Nesting no exchange file has (a 200,000-deep array): refused before anything looks at it.
        raise KnownError(
            f"{path} is geen leesbaar uitwisselbestand van Makelaar: het is dieper genest dan een uitwisselbestand "
            "ooit is; er is niets ingelezen."
        ) from None
    except (OSError, EOFError, UnicodeDecodeError, ValueError):
        raise KnownError(
            f"{path} is geen leesbaar uitwisselbestand van Makelaar (het is beschadigd of iets anders)."
        ) from None
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise KnownError(f"{path} is geen uitwisselbestand van Makelaar.")
    version = payload.get("format_version")
    schema = str(payload.get("schema") or "")
    if not isinstance(version, int) or version > FORMAT_VERSION or not _known_schema(schema):
        raise KnownError(
            f"{path} is gemaakt met een nieuwere versie van Makelaar (bestandsversie {version}, schema {schema}, "
            f"programma {payload.get('program', '?')}). Werk dit programma eerst bij; er is niets ingelezen."
        )
    try:
        records = [
            Incoming(
                table=str(r["table"]),
                id=str(r["id"]),
                hash=str(r["hash"]),
                history=[str(h) for h in r.get("history") or []],
                data=dict(r["data"]),
            )
            for r in payload["records"]
        ]
        deletions = [
            IncomingDeletion(
                table=str(d["table"]),
                id=str(d["id"]),
                history=[str(h) for h in d.get("history") or []],
                deleted_at=datetime.fromisoformat(d["deleted_at"]) if d.get("deleted_at") else None,
            )
            for d in payload["deletions"]
        ]
        exported = payload.get("exported_at")
        data = ExchangeFile(
            store_id=str(payload.get("store_id") or ""),
            store_name=str(payload.get("store_name") or "een andere database"),
            exported_at=datetime.fromisoformat(exported) if exported else None,
            schema=schema,
            records=records,
            deletions=deletions,
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise KnownError(f"{path} is een beschadigd uitwisselbestand; er is niets ingelezen.") from None
    unknown = {r.table for r in records} | {d.table for d in deletions}
    unknown -= set(BY_TABLE)
    if unknown:
        raise KnownError(
            f"{path} bevat soorten gegevens die dit programma niet kent ({', '.join(sorted(unknown))}). "
            "Werk Makelaar bij; er is niets ingelezen."
        )
    check_records(path, records)
    return data


def _known_schema(schema: str) -> bool:
    return schema in _revisions()[1]


@cache
def _revisions() -> tuple[str, frozenset[str]]:
    """The program's schema revision and every one it knows. Read once: Alembic compiles each migration script
    every time it reads the folder, and the folder does not change while the program runs."""
    from alembic.script import ScriptDirectory

    from makelaar.storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head, frozenset(s.revision for s in script.walk_revisions())
