"""The program's icons: Lucide's line icons (ISC licence, resources/icons/LICENSE-lucide.txt), drawn in the colour
of the text so they follow light and dark mode."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from makelaar.paths import resources_dir
from makelaar.ui import theme

# Drawn at these sizes so a toolbar, a button and a 200 % screen each get a sharp one.
SIZES = (16, 20, 24, 32, 40, 48, 64)


@cache
def _svg(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, *, on_accent: bool = False) -> QIcon:
    """The icon ``name`` (a file in resources/icons) in the text colour; selected (in a list) in the colour of text
    on the accent. With ``on_accent`` it is drawn for an accent-coloured button."""
    return _icon(name, on_accent, theme.current())


@cache
def _icon(name: str, on_accent: bool, c: theme.Colours) -> QIcon:
    normal = c.on_accent if on_accent else c.text
    result = QIcon()
    for size in SIZES:
        result.addPixmap(_pixmap(name, normal, size), QIcon.Mode.Normal)
        result.addPixmap(_pixmap(name, c.on_accent, size), QIcon.Mode.Selected)
        result.addPixmap(_pixmap(name, c.disabled, size), QIcon.Mode.Disabled)
    return result
