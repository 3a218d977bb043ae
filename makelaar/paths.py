"""Where the migrations and resources are: inside the package when installed, at the repository top in a checkout."""

from __future__ import annotations

from pathlib import Path, PurePath

_PACKAGE = Path(__file__).resolve().parent


def _locate(installed: str, checkout: str) -> Path:
    inside = _PACKAGE / installed
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / checkout


def migrations_dir() -> Path:
    return _locate("_migrations", "migrations")


def resources_dir() -> Path:
    return _locate("_resources", "resources")


def sqlite_uri(path: PurePath, mode: str) -> str:
    """An SQLite ``file:`` URI for ``path`` opened in ``mode`` (``ro``, ``rw``, ``rwc``). Every character that means
    something in a URI (``#``, ``%``, ``?``, a space) is escaped, and a Windows path becomes ``file:///C:/...``, so
    any folder a user name or a synced drive produces works."""
    absolute = path if path.is_absolute() else Path(path).absolute()
    return f"{absolute.as_uri()}?mode={mode}"
