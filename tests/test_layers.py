"""domain/, services/ and storage/ never import Qt: they run and are tested without a window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LAYERS = ["makelaar.domain", "makelaar.services", "makelaar.storage"]

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    imported = []
    for name in sys.argv[1:]:
        package = importlib.import_module(name)
        imported.append(name)
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"))
    print(json.dumps({"imported": imported, "qt": qt}))
    """
)


def _probe(*packages: str, path: Path | None = None) -> dict[str, list[str]]:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(path), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *packages], capture_output=True, text=True, timeout=120, check=False, env=env
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@pytest.mark.parametrize("layer", LAYERS)
def test_layer_does_not_load_qt(layer: str) -> None:
    result = _probe(layer)
    assert len(result["imported"]) > 1, "walked no modules"
    assert result["qt"] == [], f"{layer} loads Qt: {result['qt']}"


def test_the_probe_notices_qt_deep_in_a_package(tmp_path: Path) -> None:
    # The check itself works: a submodule that imports Qt is caught.
    package = tmp_path / "layer_with_qt"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "view.py").write_text("from PySide6 import QtCore  # noqa: F401\n", encoding="utf-8")
    result = _probe("layer_with_qt", path=tmp_path)
    assert result["imported"] == ["layer_with_qt", "layer_with_qt.view"]
    assert "PySide6.QtCore" in result["qt"]
