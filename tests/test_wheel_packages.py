"""Every package of the program is in the wheel: pyproject.toml lists them one by one (the migrations and resources
are mapped from the top of the repository), so a new package must be added there or the installed program misses it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_of_the_program_is_listed_for_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "makelaar").rglob("__init__.py")}
    assert found, "found no packages"
    assert found - listed == set()
