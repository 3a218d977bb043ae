"""The layers: domain/, services/, storage/ and actions/ never import Qt (they run and are tested without a
window); imports go one way (domain <- storage <- services <- actions <- cli/ui); no two modules import each other
in a circle."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

LAYERS = ["makelaar.domain", "makelaar.services", "makelaar.storage", "makelaar.actions"]

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


# --- the import graph, read from the source (every import, also one inside a function or for type checking) ------

ROOT = Path(__file__).resolve().parent.parent / "makelaar"

# What each layer may not import. The top-level helpers (makelaar.files, makelaar.paths) sit below them all.
FORBIDDEN = {
    "domain": {"storage", "services", "actions", "reports", "cli", "ui", "app"},
    "storage": {"actions", "cli", "ui", "app", "reports"},
    "services": {"actions", "reports", "cli", "ui", "app"},  # reports read through services, not the reverse
    "reports": {"storage", "actions", "cli", "ui", "app"},
    "actions": {"cli", "ui", "app"},
    "cli": {"ui"},
    "ui": {"cli"},
}


def _modules(root: Path = ROOT, package: str = "makelaar") -> dict[str, Path]:
    found = {}
    for path in root.rglob("*.py"):
        parts = [package, *path.relative_to(root).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def import_graph(root: Path = ROOT, package: str = "makelaar") -> dict[str, set[str]]:
    """module -> the modules of the package it imports (``from a import b`` counts as a.b when b is a module)."""
    modules = _modules(root, package)

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
                targets = targets or [base]
            else:
                continue
            for target in targets:
                if target.split(".")[0] == package and (resolved := known(target)) and resolved != name:
                    graph[name].add(resolved)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, directly or round a circle (Tarjan's strongly connected
    components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_imports_go_one_way() -> None:
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if _layer(target) in FORBIDDEN.get(_layer(module), set())
    )
    assert wrong == []


def test_no_two_modules_import_each_other() -> None:
    assert circles(import_graph()) == []


def test_the_graph_check_notices_a_circle_and_a_wrong_direction(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "services").mkdir(parents=True)
    (package / "ui").mkdir()
    for folder in (package, package / "services", package / "ui"):
        (folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "services" / "a.py").write_text("def f():\n    from pkg.ui import b\n", encoding="utf-8")
    (package / "ui" / "b.py").write_text("from pkg.services.a import f\n", encoding="utf-8")
    graph = import_graph(package, "pkg")
    assert graph["pkg.services.a"] == {"pkg.ui.b"}
    assert circles(graph) == [["pkg.services.a", "pkg.ui.b"]]
