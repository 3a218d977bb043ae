"""The program's icons: Lucide's line icons (ISC licence, resources/icons/LICENSE-lucide.txt), drawn in the colour
of the text so they follow light and dark mode.

An icon is drawn when it is first shown, at the size and screen scale it is shown at (a start with twenty icons
does not render a hundred pixmaps it may never need)."""

from __future__ import annotations

from functools import cache, lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from makelaar.paths import resources_dir
from makelaar.ui import theme


@cache
def _svg(name: str) -> bytes:
    return (resources_dir() / "icons" / f"{name}.svg").read_bytes()


@lru_cache(maxsize=512)
def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace(b"currentColor", colour.encode("ascii"))))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


class _SvgIcon(QIconEngine):
    def __init__(self, name: str, on_accent: bool) -> None:
        super().__init__()
        self._name = name
        self._on_accent = on_accent

    def _colour(self, mode: QIcon.Mode) -> str:
        c = theme.current()
        if mode == QIcon.Mode.Disabled:
            return c.disabled
        if mode == QIcon.Mode.Selected or self._on_accent:
            return c.on_accent
        return c.text

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        pixmap = QPixmap(_pixmap(self._name, self._colour(mode), side))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return _SvgIcon(self._name, self._on_accent)


def icon(name: str, *, on_accent: bool = False) -> QIcon:
    """The icon ``name`` (a file in resources/icons) in the text colour of the look in use; selected (in a list) in
    the colour of text on the accent. With ``on_accent`` it is drawn for an accent-coloured button."""
    _svg(name)  # a missing file fails here, where the icon is asked for, not later while painting
    return QIcon(_SvgIcon(name, on_accent))
