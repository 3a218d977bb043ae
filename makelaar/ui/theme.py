"""One look for the whole program: colours (light and dark, following the system), the municipality's accent colour,
a type scale and spacing, applied as a Fusion palette plus one stylesheet.

Every colour pair that carries text is checked for a contrast of at least 4.5:1 (WCAG 2.1 AA); an accent colour
that would fall short (a light yellow house colour) is darkened or lightened until it passes.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyle

DEFAULT_ACCENT = "#0b5394"  # the blue of the reports
MIN_CONTRAST = 4.5

# The type scale in points, and the spacing step in pixels, that every screen uses.
FONT_PT = 10
TITLE_PT = 16
SECTION_PT = 12
SPACING = 8


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    text = hex_colour.lstrip("#")
    return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG 2.1 defines it."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _shift(hex_colour: str, step: float) -> str:
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(hex_colour))
    return _hex(colorsys.hls_to_rgb(h, max(0.0, min(1.0, lightness + step)), s))


def readable_on(colour: str, background: str, *, minimum: float = MIN_CONTRAST) -> str:
    """``colour``, made darker (on a light background) or lighter (on a dark one) until it reads on ``background``."""
    step = -0.02 if luminance(background) > 0.18 else 0.02
    for _ in range(60):
        if contrast(colour, background) >= minimum:
            return colour
        colour = _shift(colour, step)
    return "#000000" if step < 0 else "#ffffff"


def valid_colour(text: str) -> bool:
    value = text.strip().lstrip("#")
    return len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)


@dataclass(frozen=True)
class Colours:
    window: str  # behind everything
    base: str  # fields, lists, cards
    alternate: str  # every other row
    text: str
    muted: str  # explanations, empty states
    border: str
    grid: str
    nav: str  # the navigation column and the status bar
    hover: str
    header: str  # table headers
    accent: str  # selection, default button, navigation: white text on it
    on_accent: str
    accent_text: str  # the accent as text or line on the base colour (links, the current tab)
    focus: str  # the focus ring
    error: str
    success: str
    disabled: str
    dark: bool

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every pair of text colour and background the stylesheet uses, by name."""
        return {
            "tekst op venster": (self.text, self.window),
            "tekst op veld": (self.text, self.base),
            "tekst op wisselrij": (self.text, self.alternate),
            "uitleg op venster": (self.muted, self.window),
            "uitleg op veld": (self.muted, self.base),
            "tekst in navigatie": (self.text, self.nav),
            "tekst op kopregel": (self.text, self.header),
            "tekst onder de muis": (self.text, self.hover),
            "gekozen (accent)": (self.on_accent, self.accent),
            "link en tabblad": (self.accent_text, self.base),
            "link op venster": (self.accent_text, self.window),
            "focusrand op veld": (self.focus, self.base),
            "fout op veld": (self.error, self.base),
            "fout op venster": (self.error, self.window),
            "melding op venster": (self.success, self.window),
            "uitgeschakeld op venster": (self.disabled, self.window),
        }


LIGHT = Colours(
    window="#f4f6f9",
    base="#ffffff",
    alternate="#f3f6fa",
    text="#1f2933",
    muted="#4f5b67",
    border="#b8c1cc",
    grid="#e1e6ec",
    nav="#e8edf3",
    hover="#dce4ee",
    header="#eef2f6",
    accent=DEFAULT_ACCENT,
    on_accent="#ffffff",
    accent_text=DEFAULT_ACCENT,
    focus=DEFAULT_ACCENT,
    error="#b00020",
    success="#1b5e20",
    disabled="#5f6b77",
    dark=False,
)

DARK = Colours(
    window="#1d2127",
    base="#262b32",
    alternate="#2b3038",
    text="#e8ebef",
    muted="#b3bcc6",
    border="#4a525d",
    grid="#353c45",
    nav="#181b20",
    hover="#323943",
    header="#2e343c",
    accent=DEFAULT_ACCENT,
    on_accent="#ffffff",
    accent_text="#8ab8e6",
    focus="#8ab8e6",
    error="#ff8a80",
    success="#8fd694",
    disabled="#a0a9b4",
    dark=True,
)


def colours(dark: bool, accent: str | None = None) -> Colours:
    """The colours for the system's light or dark mode with the municipality's accent colour (or the default),
    adjusted where needed so that every text stays readable."""
    chosen = accent if accent and valid_colour(accent) else DEFAULT_ACCENT
    chosen = "#" + chosen.strip().lstrip("#").lower()
    base = DARK if dark else LIGHT
    fill = readable_on(chosen, base.on_accent)  # white text on the accent
    line = readable_on(chosen, base.base)
    line = readable_on(line, base.window)
    return replace(base, accent=fill, accent_text=line, focus=line)


def stylesheet(c: Colours) -> str:
    """The one stylesheet of the program. Sizes of type are in points (they follow the system's scaling)."""
    return f"""
QMainWindow, QDialog, QWizard {{ background: {c.window}; }}
QLabel#pageTitle {{ font-size: {TITLE_PT}pt; font-weight: 600; color: {c.text}; }}
QLabel#sectionTitle {{ font-size: {SECTION_PT}pt; font-weight: 600; color: {c.text}; }}
QLabel#note, QLabel#emptyText {{ color: {c.muted}; }}
QLabel#emptyText {{ font-size: {SECTION_PT}pt; }}
QLabel#errorText {{ color: {c.error}; }}
QLabel#successText {{ color: {c.success}; }}
QListWidget#navigation {{
    background: {c.nav}; border: none; border-right: 1px solid {c.border}; padding: {SPACING}px 6px;
    font-size: 11pt; color: {c.text}; outline: 0;
}}
QListWidget#navigation::item {{ padding: 7px 8px; margin: 1px 0; border-radius: 6px; color: {c.text}; }}
QListWidget#navigation::item:hover:!selected {{ background: {c.hover}; }}
QListWidget#navigation::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QListWidget#navigation:focus {{ border-right: 2px solid {c.focus}; }}
QStatusBar {{ background: {c.nav}; color: {c.text}; border-top: 1px solid {c.border}; }}
QStatusBar QLabel {{ color: {c.text}; padding: 0 {SPACING}px; }}
QPushButton {{
    padding: 5px 14px; min-height: 20px; border: 1px solid {c.border}; border-radius: 5px;
    background: {c.base}; color: {c.text};
}}
QPushButton:hover {{ border-color: {c.accent_text}; background: {c.hover}; }}
QPushButton:focus {{ border: 2px solid {c.focus}; }}
QPushButton:default {{ background: {c.accent}; color: {c.on_accent}; border-color: {c.accent}; }}
QPushButton:default:focus {{ border: 2px solid {c.text}; }}
QPushButton:disabled {{ color: {c.disabled}; background: {c.window}; }}
QLineEdit, QPlainTextEdit, QTextEdit {{
    padding: 4px 6px; border: 1px solid {c.border}; border-radius: 4px; background: {c.base}; color: {c.text};
    selection-background-color: {c.accent}; selection-color: {c.on_accent};
}}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus {{ border: 2px solid {c.focus}; }}
QTextBrowser {{ border: 1px solid {c.border}; border-radius: 4px; padding: {SPACING}px; }}
QTableView, QTreeView, QListView {{
    background: {c.base}; alternate-background-color: {c.alternate}; color: {c.text}; gridline-color: {c.grid};
    border: 1px solid {c.border}; border-radius: 4px;
    selection-background-color: {c.accent}; selection-color: {c.on_accent};
}}
QTableView:focus, QTreeView:focus, QListView:focus {{ border: 2px solid {c.focus}; }}
QTableView::item:selected:!active, QTreeView::item:selected:!active, QListView::item:selected:!active {{
    background: {c.hover}; color: {c.text};
}}
QHeaderView::section {{
    background: {c.header}; color: {c.text}; padding: 5px 6px; border: none;
    border-bottom: 1px solid {c.border}; border-right: 1px solid {c.grid}; font-weight: 600;
}}
QGroupBox {{
    font-weight: 600; border: 1px solid {c.border}; border-radius: 6px; margin-top: 14px;
    padding: {SPACING}px 6px 6px 6px; background: {c.base};
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; color: {c.text}; }}
QGroupBox QTableView {{ border: none; }}
QFrame#card {{ background: {c.base}; border: 1px solid {c.border}; border-radius: 8px; }}
QFrame#card QLabel {{ background: transparent; }}
QFrame#card QLabel#stepNumber {{
    background: {c.accent}; color: {c.on_accent}; border-radius: 15px; font-weight: 700; font-size: {SECTION_PT}pt;
    min-width: 30px; max-width: 30px; min-height: 30px; max-height: 30px;
}}
QTabWidget::pane {{ border: 1px solid {c.border}; border-radius: 4px; background: {c.base}; top: -1px; }}
QTabBar::tab {{
    padding: 6px 12px; margin-right: 2px; color: {c.text}; background: {c.window};
    border: 1px solid {c.border}; border-bottom: none; border-top-left-radius: 4px; border-top-right-radius: 4px;
}}
QTabBar::tab:selected {{ background: {c.base}; border-top: 3px solid {c.accent_text}; font-weight: 600; }}
QTabBar::tab:focus {{ color: {c.accent_text}; text-decoration: underline; }}
QToolTip {{ background: {c.base}; color: {c.text}; border: 1px solid {c.border}; padding: 4px; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
"""


def palette_colours(c: Colours) -> dict[str, str]:
    """QPalette roles for the Fusion style, so what the stylesheet does not draw matches it."""
    return {
        "Window": c.window,
        "WindowText": c.text,
        "Base": c.base,
        "AlternateBase": c.alternate,
        "Text": c.text,
        "Button": c.base,
        "ButtonText": c.text,
        "Highlight": c.accent,
        "HighlightedText": c.on_accent,
        "Link": c.accent_text,
        "LinkVisited": c.accent_text,
        "ToolTipBase": c.base,
        "ToolTipText": c.text,
        "PlaceholderText": c.muted,
        "Mid": c.border,
        "Midlight": c.grid,
        "Light": c.base,
        "Dark": c.border,
        "Shadow": c.border,
        "BrightText": c.error,
    }


def _style() -> QStyle:
    """Fusion, the same on every platform. (The stock icons some desktops put on OK, Save and Close are switched
    off in the stylesheet, not by a Python subclass of the style: that would be asked thousands of style hints
    while the window is built.)"""
    from PySide6.QtWidgets import QStyleFactory

    style = QStyleFactory.create("Fusion")
    return style


def system_is_dark() -> bool:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(accent: str | None = None, *, dark: bool | None = None) -> Colours:
    """Put the look on the running application: the Fusion style, the palette, the stylesheet and the type size.
    ``dark`` None follows the system."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    chosen = colours(system_is_dark() if dark is None else dark, accent)
    palette = QPalette()
    for name, colour in palette_colours(chosen).items():
        palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(chosen.disabled))
    sheet = stylesheet(chosen)
    font = app.font()
    if _put_on[0] is app and app.styleSheet() == sheet and app.palette() == palette and font.pointSize() == FONT_PT:
        # Already on the application (the program puts it on before it builds its window): putting it on again
        # would restyle every widget of the window for nothing.
        _in_use[0] = chosen
        return chosen
    app.setStyle(_style())
    app.setPalette(palette)
    font.setPointSize(FONT_PT)
    app.setFont(font)
    app.setStyleSheet(sheet)
    _in_use[0] = chosen
    _put_on[0] = app
    return chosen


def current() -> Colours:
    """The colours in use (the light ones before ``apply`` ran)."""
    return _in_use[0]


def forget() -> None:
    """Back to the light colours as before ``apply`` (for a test that took the look off the application again)."""
    _in_use[0] = LIGHT
    _put_on[0] = None


_in_use: list[Colours] = [LIGHT]
_put_on: list[object] = [None]  # the application the whole look was last put on
