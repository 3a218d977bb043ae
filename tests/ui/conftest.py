"""Fixtures for GUI tests: an AppContext on a fresh store, dialogs that never block, and captured messages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from makelaar.domain.enums import Vocabulary
from makelaar.domain.records import IdeaData, InitiatorData, OrganisationData
from makelaar.services import ideas, organisations, vocabulary
from makelaar.storage.store import Store
from makelaar.ui import context, dialogs, errors, theme
from makelaar.ui.context import AppContext
from makelaar.ui.settings import UiSettings

if TYPE_CHECKING:
    from makelaar.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, ctx: AppContext) -> MainWindow:
    """The main window, shown and active (keyboard shortcuts only reach an active window)."""
    from makelaar.ui.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


@pytest.fixture
def ctx(store: Store, tmp_path: Path) -> AppContext:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    settings.broker_name = "Test Makelaar"
    return AppContext(store=store, settings=settings)


class Shown:
    """What the error display would have shown."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.criticals: list[str] = []


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[Shown]:
    """No test ever blocks on a message box: messages are collected instead."""
    seen = Shown()
    monkeypatch.setattr(errors.ErrorDisplay, "warn", staticmethod(lambda _p, _t, text: seen.warnings.append(text)))
    monkeypatch.setattr(
        errors.ErrorDisplay, "critical", staticmethod(lambda _p, _t, text, details: seen.criticals.append(details))
    )
    yield seen


@pytest.fixture(autouse=True)
def no_blocking_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A widget closed at teardown must not wait for an answer: unsaved changes are discarded there.

    Tests that are about these questions patch them again with their own answers.
    """
    monkeypatch.setattr(context.UnsavedPrompt, "ask", staticmethod(lambda *_: "discard"))
    monkeypatch.setattr(context.Confirm, "ask", staticmethod(lambda *_: True))
    monkeypatch.setattr(dialogs.OverwriteQuestion, "ask", staticmethod(lambda *_: True))


def terms(store: Store, vocab: Vocabulary) -> dict[str, str]:
    """name -> id of a vocabulary."""
    with store.begin() as s:
        return {t.name: t.id for t in vocabulary.list_terms(s, vocab)}


@pytest.fixture
def sample(store: Store) -> dict[str, str]:
    """A few records to look at: two ideas, two organisations, a wijk. Returns their ids by name."""
    needs = terms(store, Vocabulary.HELP_TYPE)
    themes = terms(store, Vocabulary.THEME)
    with store.begin() as s:
        noord = vocabulary.add_area(s, "Noord")
        zuid = vocabulary.add_area(s, "Zuid")
        garden = ideas.save_idea(
            s,
            IdeaData(
                title="Buurtmoestuin aan de Lindelaan",
                description="Een moestuin voor en door de buurt.",
                area_id=noord.id,
                theme_ids=[themes["duurzaamheid"]],
                need_ids=[needs["ruimte"], needs["vrijwilligers"]],
                initiators=[InitiatorData(name="Anna de Vries", email="anna@example.nl", consent_contact=True)],
            ),
        )
        dinner = ideas.save_idea(
            s,
            IdeaData(
                title="Samen eten met ouderen",
                description="Eens per maand koken voor buren die alleen wonen.",
                area_id=zuid.id,
                status="in verkenning",
                theme_ids=[themes["welzijn"]],
                need_ids=[needs["geld"]],
            ),
        )
        green = organisations.save_organisation(
            s,
            OrganisationData(
                name="Stichting Groen Doen",
                description="Helpt bewoners met groen in de wijk.",
                offer_ids=[needs["ruimte"], needs["advies"]],
                area_ids=[noord.id],
            ),
        )
        fund = organisations.save_organisation(
            s, OrganisationData(name="Buurtfonds Lindewaard", offer_ids=[needs["geld"]], area_ids=[zuid.id])
        )
    assert garden.id and dinner.id and green.id and fund.id
    return {
        "garden": garden.id,
        "dinner": dinner.id,
        "green": green.id,
        "fund": fund.id,
        "noord": noord.id,
        "zuid": zuid.id,
    }


@pytest.fixture
def restored_look(qapp: QApplication) -> Iterator[None]:
    """The look is put on the whole application: take it off again for the tests that follow."""
    style, sheet, palette, font = qapp.style().name(), qapp.styleSheet(), qapp.palette(), qapp.font()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)
    qapp.setFont(font)
    theme.forget()
