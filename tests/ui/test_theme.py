"""The look: every text colour reads on its background (at least 4.5:1, WCAG 2.1 AA) in light and dark, whatever
house colour a municipality picks; the stylesheet uses no colour outside that checked set; the house colour set in
Instellingen reaches the running program."""

from __future__ import annotations

import re
from dataclasses import astuple

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from makelaar.services import vocabulary
from makelaar.ui import theme
from makelaar.ui.main_window import MainWindow

HOUSE_COLOURS = [None, "#0b5394", "#ffcc00", "#e30613", "#00a651", "#7fb2e5", "#ffffff", "#000000", "#f28c00"]


def test_contrast_is_computed_as_wcag_says() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert theme.contrast("#0b5394", "#0b5394") == pytest.approx(1.0)


@pytest.mark.parametrize("dark", [False, True], ids=["licht", "donker"])
@pytest.mark.parametrize("house", HOUSE_COLOURS)
def test_every_text_colour_reads_on_its_background(dark: bool, house: str | None) -> None:
    colours = theme.colours(dark, house)
    low = {
        name: round(theme.contrast(fg, bg), 2)
        for name, (fg, bg) in colours.text_pairs().items()
        if theme.contrast(fg, bg) < theme.MIN_CONTRAST
    }
    assert not low, f"te weinig contrast: {low}"


@pytest.mark.parametrize("dark", [False, True], ids=["licht", "donker"])
def test_the_stylesheet_uses_only_the_checked_colours(dark: bool) -> None:
    colours = theme.colours(dark, "#ffcc00")
    used = set(re.findall(r"#[0-9a-fA-F]{6}\b", theme.stylesheet(colours)))
    assert used <= {v for v in astuple(colours) if isinstance(v, str)}
    assert colours.accent in used and colours.text in used


def test_a_house_colour_keeps_its_hue_where_it_already_reads() -> None:
    assert theme.colours(False, "#e30613").accent == "#e30613"  # red on white reads as it is
    assert theme.colours(False, "#ffcc00").accent != "#ffcc00"  # yellow is darkened for white text on it
    assert theme.colours(False, "no colour").accent == theme.DEFAULT_ACCENT


def test_the_house_colour_from_settings_colours_the_program(
    qtbot: QtBot, window: MainWindow, restored_look: None, qapp: QApplication
) -> None:
    window.apply_look()
    assert qapp.palette().highlight().color().name() == theme.DEFAULT_ACCENT
    assert "QListWidget#navigation" in qapp.styleSheet()
    view = window.settings_view
    window.show_view(view)
    view.accent.setFocus()
    view.accent.clear()
    qtbot.keyClicks(view.accent, "#e30613")
    view.accent.editingFinished.emit()
    assert window.ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.ACCENT_SETTING)) == "#e30613"
    assert qapp.palette().highlight().color().name() == "#e30613"
    assert theme.current().accent == "#e30613"
    qtbot.mouseClick(view.accent_default, Qt.MouseButton.LeftButton)
    assert qapp.palette().highlight().color().name() == theme.DEFAULT_ACCENT


def test_a_wrong_house_colour_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, restored_look: None, shown: object
) -> None:
    view = window.settings_view
    view.accent.setText("rood")
    view.accent.editingFinished.emit()
    assert window.ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.ACCENT_SETTING)) == ""
    assert "'rood' is geen kleur" in shown.warnings[0]


def test_the_navigation_shows_icons_and_counts(qtbot: QtBot, window: MainWindow, sample: dict[str, str]) -> None:
    from makelaar.ui.main_window import COUNT_ROLE

    window.refresh_all()
    by_name = {window.nav.item(i).data(Qt.ItemDataRole.UserRole): window.nav.item(i) for i in range(window.nav.count())}
    assert by_name["ideas"].data(COUNT_ROLE) == 2  # both sample ideas are still open
    assert by_name["organisations"].data(COUNT_ROLE) == 2
    assert by_name["ideas"].data(Qt.ItemDataRole.AccessibleTextRole) == "Ideeën, 2 lopend"
    for item in by_name.values():
        assert not item.icon().isNull()
        assert not item.icon().pixmap(20, 20).toImage().isNull()


def test_every_icon_the_program_names_is_shipped_with_its_licence() -> None:
    from makelaar.paths import resources_dir
    from makelaar.ui.main_window import NAV_ICONS

    folder = resources_dir() / "icons"
    assert "ISC License" in (folder / "LICENSE-lucide.txt").read_text(encoding="utf-8")
    named = set(NAV_ICONS.values()) | {"calendar", "shield", "plus", "printer", "search", "sparkles"}
    assert all((folder / f"{name}.svg").is_file() for name in named)


def test_the_look_follows_the_system_into_dark_mode(
    qtbot: QtBot, window: MainWindow, restored_look: None, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.apply_look()
    assert qapp.palette().window().color().name() == theme.LIGHT.window
    # The system switches to dark (offscreen Qt cannot, so its answer and its signal are played here).
    monkeypatch.setattr(theme, "system_is_dark", lambda: True)
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert qapp.palette().window().color().name() == theme.DARK.window
    assert theme.current().dark
    assert theme.DARK.text in qapp.styleSheet()


def test_dialog_buttons_show_no_stock_icons_even_where_the_desktop_wants_them(
    qapp: QApplication, restored_look: None
) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QProxyStyle, QStyle

    class IconsOnButtons(QProxyStyle):  # as KDE's and GNOME's platform themes answer
        def styleHint(self, hint: QStyle.StyleHint, *args: object) -> int:
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, *args)  # type: ignore[arg-type]

    theme.apply()
    qapp.setStyle(IconsOnButtons(QStyleFactory.create("Fusion")))
    qapp.setStyleSheet(qapp.styleSheet())  # the stylesheet over the desktop's style, as on such a desktop
    plain = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Save)
    assert all(button.icon().isNull() for button in plain.buttons())
    qapp.setStyleSheet("")
    with_icons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Save)
    assert not any(button.icon().isNull() for button in with_icons.buttons())  # what the stylesheet prevents
