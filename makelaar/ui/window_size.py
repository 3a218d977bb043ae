"""Every window fits the screen it opens on (a 1366×768 laptop with its taskbar, or 200 % scaling) and opens
again at the size the broker gave it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from makelaar.ui.settings import UiSettings

# The smallest screen a municipal laptop has (in device-independent pixels, so also a 2732×1536 screen at 200 %),
# less a taskbar: every window's default size and smallest size fit in it, title bar included.
SMALL_SCREEN = QSize(1366, 768 - 48)
# What a title bar and window border add around the contents.
FRAME = QSize(16, 40)


def available_size(widget: QWidget) -> QSize:
    """The room for a window's contents on its screen: the screen without taskbar, less the window's frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size() if screen is not None else SMALL_SCREEN
    return room - FRAME


class RememberedSize(QObject):
    """Watches a window: it opens at its remembered size (or ``default``), never larger than the screen, and its
    size is remembered when it closes."""

    def __init__(self, window: QWidget, settings: UiSettings, key: str, default: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._key = key
        saved = settings.window_size(key)
        wanted = saved if saved is not None and saved.isValid() else default
        window.resize(wanted.boundedTo(available_size(window)))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = watched is self._window and event.type() in (QEvent.Type.Close, QEvent.Type.Hide)
        if closing and not self._window.isFullScreen() and not self._window.isMaximized():
            self._settings.set_window_size(self._key, self._window.size())
        return False


def remember_size(window: QWidget, settings: UiSettings, key: str, width: int, height: int) -> RememberedSize:
    return RememberedSize(window, settings, key, QSize(width, height))
