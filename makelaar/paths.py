"""Where the migrations and resources are: inside the package when installed, at the repository top in a checkout."""

from __future__ import annotations

from pathlib import Path

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
