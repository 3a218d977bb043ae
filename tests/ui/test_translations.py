"""The translations: complete, up to date with the code, built, and really shown by the UI.

A string added to the UI without a translation, a .ts not run through lupdate or a .qm not rebuilt fails here;
resources/translations/README.md says how to update, translate and build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.app import install_translator
from makelaar.ui.context import AppContext
from makelaar.ui.labels import label
from makelaar.ui.list_views import IdeasView, OrganisationsView
from makelaar.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "resources" / "translations"
BIN = Path(sys.executable).parent

# Each .ts with the lupdate options that made it: English translates everything, Dutch only the plural forms.
CATALOGUES = {"makelaar_en": [], "makelaar_nl": ["-pluralonly"]}

Message = tuple[str, str]  # (context, source)


def sources() -> list[str]:
    """The files lupdate reads, as in the README: makelaar/ui/*.py and makelaar/app.py."""
    return [str(p) for p in sorted((REPO / "makelaar" / "ui").glob("*.py"))] + [str(REPO / "makelaar" / "app.py")]


def messages(ts: Path) -> dict[Message, ET.Element]:
    """The live messages of a .ts (obsolete and vanished ones are not shown by Qt and do not count)."""
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source") or "")] = message
    return found


def run_tool(tool: str, *args: str) -> None:
    done = subprocess.run(
        [str(BIN / f"pyside6-{tool}"), *args], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, f"pyside6-{tool} failed:\n{done.stdout}\n{done.stderr}"


@contextmanager
def translator(app: QApplication, name: str) -> Iterator[QTranslator]:
    """Install the committed ``name``.qm on the application for the duration of the block."""
    loaded = QTranslator()
    assert loaded.load(name, str(TRANSLATIONS)), f"{name}.qm did not load from {TRANSLATIONS}"
    assert app.installTranslator(loaded)
    try:
        yield loaded
    finally:
        app.removeTranslator(loaded)


# -- the files ----------------------------------------------------------------------------------------------------


def test_every_english_message_has_a_finished_translation() -> None:
    found = messages(TRANSLATIONS / "makelaar_en.ts")
    assert len(found) > 300
    problems = []
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None
        if message.get("numerus") == "yes":
            texts = [form.text or "" for form in translation.findall("numerusform")]
            if len(texts) != 2:  # English: one, other
                problems.append(f"{context}: {source!r} has {len(texts)} plural forms")
        else:
            texts = [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for text in texts:
            for placeholder in re.findall(r"%[0-9n]", source):
                if placeholder not in text:
                    problems.append(f"{context}: {source!r} -> {text!r} lost {placeholder}")
            if source.count("&") != text.count("&"):
                problems.append(f"{context}: {source!r} -> {text!r} has a different number of & (mnemonics)")
    assert not problems, "\n".join(problems)


def test_the_dutch_catalogue_holds_the_plural_forms_only() -> None:
    found = messages(TRANSLATIONS / "makelaar_nl.ts")
    assert ("IdeasView", "%n idee(ën)") in found
    for (context, source), message in found.items():
        assert message.get("numerus") == "yes", f"{context}: {source!r} is not a plural message"
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, f"{context}: {source!r} unfinished"
        forms = [form.text or "" for form in translation.findall("numerusform")]
        assert len(forms) == 2 and all("%n" in f for f in forms), f"{context}: {source!r} -> {forms}"


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_ts_file_is_up_to_date_with_the_code(name: str, tmp_path: Path) -> None:
    committed = TRANSLATIONS / f"{name}.ts"
    fresh = tmp_path / committed.name
    shutil.copyfile(committed, fresh)
    run_tool("lupdate", "-silent", "-no-obsolete", *CATALOGUES[name], *sources(), "-ts", str(fresh))
    now, before = set(messages(fresh)), set(messages(committed))
    assert now == before, (
        f"{committed.name} does not match the code; run lupdate, translate and lrelease "
        f"(resources/translations/README.md).\nNew in the code: {sorted(now - before)}\n"
        f"Gone from the code: {sorted(before - now)}"
    )


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_qm_file_is_built_from_the_committed_ts(name: str, tmp_path: Path) -> None:
    built = tmp_path / f"{name}.qm"
    run_tool("lrelease", "-silent", str(TRANSLATIONS / f"{name}.ts"), "-qm", str(built))
    assert built.read_bytes() == (TRANSLATIONS / f"{name}.qm").read_bytes(), (
        f"{name}.qm is not the lrelease build of {name}.ts; run lrelease (resources/translations/README.md)"
    )


# -- in the running UI ----------------------------------------------------------------------------------------------


def test_english_main_window_and_labels(qtbot: QtBot, qapp: QApplication, ctx: AppContext) -> None:
    with translator(qapp, "makelaar_en"):
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&Reports", "&View", "&Help"]
        assert [window.nav.item(i).text() for i in range(2)] == ["Today", "Ideas"]
        # A string of the base class (RecordListView), looked up for the subclass at run time.
        assert window.ideas.search.accessibleName() == "Search"
        assert window.ideas.count_text(1) == "1 idea"
        assert window.organisations.count_text(2) == "2 organisations"
        assert label("nieuw") == "new"
    assert label("nieuw") == "nieuw"  # removed again: later tests see Dutch


def test_install_translator_loads_english(qapp: QApplication) -> None:
    installed = install_translator(qapp, "en")
    assert isinstance(installed, QTranslator)
    try:
        assert label("gekoppeld") == "matched"
    finally:
        qapp.removeTranslator(installed)
    assert label("gekoppeld") == "gekoppeld"


def test_dutch_plural_forms(qtbot: QtBot, qapp: QApplication, ctx: AppContext) -> None:
    ideas, organisations = IdeasView(ctx), OrganisationsView(ctx)
    qtbot.addWidget(ideas)
    qtbot.addWidget(organisations)
    assert ideas.count_text(1) == "1 idee(ën)"  # the source text, without the Dutch catalogue
    with translator(qapp, "makelaar_nl"):
        assert ideas.count_text(1) == "1 idee"
        assert ideas.count_text(2) == "2 ideeën"
        assert ideas.count_text(0) == "0 ideeën"
        assert organisations.count_text(1) == "1 organisatie"
        assert organisations.count_text(12) == "12 organisaties"
        assert label("nieuw") == "nieuw"  # everything else stays the Dutch source text
