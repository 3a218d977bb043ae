"""UI state in QSettings, behind one typed module (business data lives in the store)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings if settings is not None else QSettings("Makelaar", "Makelaar")

    @property
    def language(self) -> str:
        value = self._s.value("ui/language", "nl")
        return str(value) if value in ("nl", "en") else "nl"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    def window_size(self, key: str) -> QSize | None:
        """The size a window (an editor, the print preview) had when the broker last closed it."""
        value = self._s.value(f"windows/{key}")
        return value if isinstance(value, QSize) else None

    def set_window_size(self, key: str, size: QSize) -> None:
        self._s.setValue(f"windows/{key}", size)

    @property
    def last_folder(self) -> str:
        return str(self._s.value("ui/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("ui/last_folder", value)

    @property
    def broker_name(self) -> str:
        """Who is working on this laptop, written on timeline entries."""
        return str(self._s.value("ui/broker_name", ""))

    @broker_name.setter
    def broker_name(self, value: str) -> None:
        self._s.setValue("ui/broker_name", value)

    @property
    def broker_phone(self) -> str:
        """The broker's own phone number, printed for the resident on the koppelingsrapport."""
        return str(self._s.value("ui/broker_phone", ""))

    @broker_phone.setter
    def broker_phone(self, value: str) -> None:
        self._s.setValue("ui/broker_phone", value)

    @property
    def broker_email(self) -> str:
        """The broker's own e-mail address, printed for the resident on the koppelingsrapport."""
        return str(self._s.value("ui/broker_email", ""))

    @broker_email.setter
    def broker_email(self, value: str) -> None:
        self._s.setValue("ui/broker_email", value)

    def sync(self) -> None:
        self._s.sync()
