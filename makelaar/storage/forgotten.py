"""The list of forgotten and anonymised persons, kept outside the store and outside its backups.

A restore of an older backup, a PostgreSQL dump put back by its administrator, or an exchange file from a laptop
that still has the old data would bring a forgotten resident back. The list says who must stay forgotten; the
program applies it again after every open of a store (so after every restore), at every start and after every
exchange import (:func:`makelaar.services.privacy.reapply_forgotten`).

What the list holds: per person the record's UUID and when they were anonymised. No name, no reference, nothing
else: the list itself is no personal data of the resident.

Where it is: for an SQLite store, beside the store (``makelaar.sqlite`` -> ``makelaar-vergeten.json``), so a
restore, which replaces only the store file, leaves it; the backups folder never holds it. For a server, in the
user-data folder under ``vergeten/``, one file per server and database (a hash of host, port and database name).
The file is written whole (a crash leaves the previous one) and readable by the user alone.

A damaged or oversized list is set aside (``.beschadigd``) and made again from the anonymised persons of the store:
those are the ones the list must hold anyway.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import re
import stat
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from makelaar.storage.engine import parse_url, sqlite_path, user_data_dir
from makelaar.storage.files import write_private_bytes

log = logging.getLogger(__name__)

FORMAT = "makelaar-vergeten"
FORMAT_VERSION = 1
# A million persons fit in about 80 MB; a file far larger than any real list is not read (a planted "bomb").
MAX_BYTES = 128 * 1024 * 1024
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def list_path(url_or_engine: str | Engine) -> Path | None:
    """Where the forgotten list of this store lives (None for an in-memory store, which has no restore)."""
    path = sqlite_path(url_or_engine)
    if path is not None:
        return path.with_name(f"{path.stem}-vergeten.json")
    url = url_or_engine.url if isinstance(url_or_engine, Engine) else parse_url(url_or_engine)
    if url.get_backend_name() == "sqlite":
        return None
    where = f"{url.get_backend_name()}|{(url.host or '').lower()}|{url.port or ''}|{url.database or ''}"
    key = hashlib.sha256(where.encode("utf-8")).hexdigest()[:24]
    return user_data_dir() / "vergeten" / f"{key}.json"


def read(path: Path) -> dict[str, datetime]:
    """The persons on the list: UUID -> when anonymised. A missing list is empty; a damaged one is set aside and
    counts as empty (the caller fills it again from the store)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return {}
    if not stat.S_ISREG(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "geen gewoon bestand", str(path))
    # Too big: not read, set aside below. OSError (no access) goes to the caller: the list is there, unreadable.
    raw = b"" if info.st_size > MAX_BYTES else path.read_bytes()
    try:
        if info.st_size > MAX_BYTES:
            raise ValueError("te groot")
        payload = json.loads(raw.decode("utf-8"))
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise ValueError("geen lijst van vergeten personen")
        out: dict[str, datetime] = {}
        for item in payload.get("personen", []):
            ident, when = str(item["id"]), datetime.fromisoformat(str(item["wanneer"]))
            if not _UUID.match(ident):
                raise ValueError("geen UUID")
            out[ident.lower()] = when.replace(tzinfo=None)
        return out
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        aside = path.with_name(path.name + ".beschadigd")
        with contextlib.suppress(OSError):
            os.replace(path, aside)
        log.warning("de lijst van vergeten personen was onleesbaar (%s); opnieuw opgebouwd uit de database", exc)
        return {}


def add(path: Path, persons: Mapping[str, datetime]) -> dict[str, datetime]:
    """Add persons to the list (the earliest moment per person is kept); returns the list as written."""
    merged = read(path)
    changed = False
    for ident, when in persons.items():
        key = ident.lower()
        if not _UUID.match(key):
            continue
        if key not in merged:
            merged[key] = when.replace(tzinfo=None)
            changed = True
    if changed or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "uitleg": "Personen die in Makelaar vergeten of geanonimiseerd zijn (alleen hun sleutel en wanneer). "
            "Makelaar past deze lijst opnieuw toe na het terugzetten van een back-up en na elke uitwisseling. "
            "Niet verwijderen.",
            "personen": [
                {"id": ident, "wanneer": when.isoformat()} for ident, when in sorted(merged.items(), key=lambda i: i[0])
            ],
        }
        write_private_bytes(path, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
    return merged
