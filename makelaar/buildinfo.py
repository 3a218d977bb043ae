"""What this copy of Makelaar is: its version, its licence and the licences of what it brings along.

A built program (``packaging/build``) carries two generated files among its resources: ``build-info.json`` (the
version, commit and date of the build) and ``THIRD-PARTY-LICENSES.txt``. A source install has neither; there the
version comes from the package metadata and the third-party list is made from the installed distributions'
metadata when it is asked for. No Qt here: the command line and the about dialog both use it.

``python -m makelaar.buildinfo third-party FILE`` writes the third-party file (the build calls it).
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from makelaar import __version__
from makelaar.paths import resources_dir

if TYPE_CHECKING:
    from importlib.metadata import Distribution

LICENCE = "EUPL-1.2"
LICENCE_NAME = "European Union Public Licence, versie 1.2"
LICENCE_URL = "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12"
BUILD_INFO = "build-info.json"
THIRD_PARTY = "THIRD-PARTY-LICENSES.txt"

_LICENCE_FILE = re.compile(r"(?i)^(licen[cs]e|copying|notice|copyright)")
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Component:
    """One piece of software the program brings along."""

    name: str
    version: str
    licence: str
    texts: tuple[str, ...] = ()


def version() -> str:
    """The version of this program: the build's, else the installed package's, else the source's."""
    info = build_info()
    if info and info.get("version"):
        return str(info["version"])
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("makelaar")
    except PackageNotFoundError:  # a checkout on the path without an install
        return __version__


def build_info(folder: Path | None = None) -> dict[str, Any] | None:
    """What the build wrote about itself; None in a source install (or when the file is unreadable)."""
    path = (folder or resources_dir()) / BUILD_INFO
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def version_line() -> str:
    """``Makelaar 0.1.0``, and for a built program what build it is."""
    info = build_info()
    line = f"Makelaar {version()}"
    if info:
        details = [str(info[k]) for k in ("date", "commit", "platform") if info.get(k)]
        if details:
            line += f" (build {', '.join(details)})"
    return line


def version_text() -> str:
    """What ``makelaar --version`` prints: the version, the licence and where the third-party licences are."""
    bundled = resources_dir() / THIRD_PARTY
    where = (
        str(bundled) if bundled.is_file() else "Help › Over Makelaar (uit de gegevens van de geïnstalleerde pakketten)"
    )
    return f"{version_line()}\nLicentie: {LICENCE} ({LICENCE_NAME})\nLicenties van meegeleverde onderdelen: {where}"


# --- third-party licences -------------------------------------------------------------------------------------------


def _requirements(dist: Distribution, extras: set[str]) -> list[tuple[str, set[str]]]:
    """The distributions ``dist`` needs with ``extras`` chosen: (name, its extras). A requirement under another
    marker (a Python version, a platform) counts when it is installed: that is what this machine runs with."""
    wanted = []
    for req in dist.requires or []:
        spec, _, marker = req.partition(";")
        named = _EXTRA.findall(marker)
        if named and not extras.intersection(named):
            continue
        match = _NAME.match(spec)
        if match:
            sub = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
            wanted.append((match.group(1), sub))
    return wanted


def runtime_distributions(root: str = "makelaar") -> list[Distribution]:
    """``root`` and every installed distribution it needs at run time (no test or build extras), by name."""
    from importlib.metadata import PackageNotFoundError, distribution

    def key(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    found: dict[str, Distribution] = {}
    todo: list[tuple[str, set[str]]] = [(root, set())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (key(name), frozenset(extras)) in seen:
            continue
        seen.add((key(name), frozenset(extras)))
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        found.setdefault(key(name), dist)
        todo.extend(_requirements(dist, extras))
    return [found[k] for k in sorted(found)]


def _field(dist: Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(dist: Distribution) -> str:
    """The licence a distribution declares: its SPDX expression, a short licence field, or its classifiers."""
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License")
    if field and "\n" not in field and len(field) <= 80 and field.upper() != "UNKNOWN":
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return "onbekend (zie de tekst hieronder)" if field else "onbekend"


def licence_texts(dist: Distribution) -> tuple[str, ...]:
    """The licence files a distribution ships in its metadata folder (LICENSE, COPYING, NOTICE, licenses/...)."""
    texts = []
    for file in dist.files or []:
        parts = file.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if "licenses" in parts[1:-1] or _LICENCE_FILE.match(parts[-1]):
            try:
                text = file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            texts.append(f"--- {'/'.join(parts[1:])}\n{text.strip()}")
    if not texts:  # an old-style field that holds the whole licence text
        field = _field(dist, "License")
        if "\n" in field:
            texts.append(field)
    return tuple(texts)


def components() -> list[Component]:
    """Everything the program brings along besides itself: the Python runtime, the fonts and every distribution
    it needs."""
    found = [
        Component(
            "Python",
            ".".join(str(n) for n in sys.version_info[:3]),
            "PSF-2.0",
            _python_licence(),
        ),
        Component(
            "DejaVu-lettertypen (rapporten)",
            "2.37",
            "Bitstream Vera / Arev Fonts License (vrij)",
            _read(resources_dir() / "fonts" / "LICENSE-DejaVu.txt"),
        ),
    ]
    for dist in runtime_distributions():
        name = str(dist.metadata["Name"])
        if name.lower() == "makelaar":
            continue
        licence = licence_of(dist)
        found.append(Component(name, dist.version, licence, licence_texts(dist) or _common_licence(licence)))
    return found


# Texts of licences a distribution names without shipping them (Qt for Python's wheels ship none): Debian keeps
# them in /usr/share/common-licenses; elsewhere the text says where the licence is published.
_COMMON = {
    "LGPL-3.0": ("LGPL-3", "GPL-3", "https://www.gnu.org/licenses/lgpl-3.0.html"),
    "GPL-3.0": ("GPL-3", None, "https://www.gnu.org/licenses/gpl-3.0.html"),
}


def _common_licence(licence: str) -> tuple[str, ...]:
    for spdx, (main, extra, url) in _COMMON.items():
        if spdx in licence:
            folder = Path("/usr/share/common-licenses")
            texts = [t for name in (main, extra) if name for t in _read(folder / name)]
            return tuple(texts) or (f"De volledige tekst van {spdx}: {url}",)
    return ()


def _read(path: Path) -> tuple[str, ...]:
    try:
        return (path.read_text(encoding="utf-8").strip(),)
    except (OSError, UnicodeDecodeError):
        return ()


def _python_licence() -> tuple[str, ...]:
    for folder in (
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
        Path(sys.base_prefix),
    ):
        for name in ("LICENSE.txt", "LICENSE"):
            text = _read(folder / name)
            if text:
                return text
    return ()


def _table(items: list[Component]) -> list[str]:
    width = max((len(c.name) for c in items), default=0)
    vwidth = max((len(c.version) for c in items), default=0)
    return [f"  {c.name.ljust(width)}  {c.version.ljust(vwidth)}  {c.licence}" for c in items]


def render(items: list[Component], system: list[Component] | None = None) -> str:
    """The third-party text: a summary table first (the system libraries a build bundles in a table of their
    own), then each licence in full."""
    system = list(system or [])
    lines = [
        f"{version_line()} valt onder de {LICENCE_NAME} ({LICENCE}):",
        LICENCE_URL,
        "",
        "Makelaar bevat de volgende onderdelen van derden, elk onder zijn eigen licentie:",
        "",
        *_table(items),
    ]
    if system:
        lines += ["", "En deze systeembibliotheken (Debian-pakketten), met hun copyrightbestand:", "", *_table(system)]
    items = items + system
    first_with: dict[str, str] = {}
    for c in items:
        lines += ["", "=" * 100, f"{c.name} {c.version} — {c.licence}", "=" * 100]
        if not c.texts:
            lines.append("(geen licentietekst meegeleverd in de pakketgegevens)")
        for text in c.texts:
            if text in first_with:  # the same licence text once in full (Qt's three wheels share theirs)
                lines.append(f"(dezelfde tekst als bij {first_with[text]} hierboven)")
            else:
                first_with[text] = c.name
                lines.append(text)
    return "\n".join(lines) + "\n"


def third_party_text() -> str:
    """The third-party licences: the file the build generated, else made now from the installed metadata."""
    bundled = resources_dir() / THIRD_PARTY
    try:
        return bundled.read_text(encoding="utf-8")
    except OSError:
        return render(components())


def _main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "third-party":
        print(
            "gebruik: python -m makelaar.buildinfo third-party BESTAND [PAKKET=VERSIE=LICENTIE=COPYRIGHTBESTAND ...]",
            file=sys.stderr,
        )
        return 2
    extra = []
    for spec in argv[2:]:
        name, version_, rest = spec.split("=", 2)
        licence, text = rest.rsplit("=", 1)
        extra.append(Component(name, version_, licence, _read(Path(text))))
    Path(argv[1]).write_text(render(components(), extra), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
