"""Translated labels for the stored codes (statuses, kinds). The codes are Dutch; the labels follow the UI language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# Marked for lupdate: every stored code that is shown on screen.
_MARKED = [
    QT_TRANSLATE_NOOP("Label", "nieuw"),
    QT_TRANSLATE_NOOP("Label", "in verkenning"),
    QT_TRANSLATE_NOOP("Label", "gekoppeld"),
    QT_TRANSLATE_NOOP("Label", "in uitvoering"),
    QT_TRANSLATE_NOOP("Label", "gerealiseerd"),
    QT_TRANSLATE_NOOP("Label", "zelfstandig verder"),
    QT_TRANSLATE_NOOP("Label", "doorverwezen"),
    QT_TRANSLATE_NOOP("Label", "gestopt"),
    QT_TRANSLATE_NOOP("Label", "geen contact meer"),
    QT_TRANSLATE_NOOP("Label", "voorgesteld"),
    QT_TRANSLATE_NOOP("Label", "benaderd"),
    QT_TRANSLATE_NOOP("Label", "toegezegd"),
    QT_TRANSLATE_NOOP("Label", "afgewezen"),
    QT_TRANSLATE_NOOP("Label", "afgerond"),
    QT_TRANSLATE_NOOP("Label", "notitie"),
    QT_TRANSLATE_NOOP("Label", "telefoongesprek"),
    QT_TRANSLATE_NOOP("Label", "e-mail"),
    QT_TRANSLATE_NOOP("Label", "bezoek"),
    QT_TRANSLATE_NOOP("Label", "overleg"),
    QT_TRANSLATE_NOOP("Label", "statuswijziging"),
    QT_TRANSLATE_NOOP("Label", "wijktafel"),
    QT_TRANSLATE_NOOP("Label", "inloopspreekuur"),
    QT_TRANSLATE_NOOP("Label", "telefoon"),
    QT_TRANSLATE_NOOP("Label", "website"),
    QT_TRANSLATE_NOOP("Label", "anders"),
    QT_TRANSLATE_NOOP("Label", "mondeling"),
    QT_TRANSLATE_NOOP("Label", "formulier"),
    QT_TRANSLATE_NOOP("Label", "gemeente"),
    QT_TRANSLATE_NOOP("Label", "wijk"),
    QT_TRANSLATE_NOOP("Label", "buurt"),
    QT_TRANSLATE_NOOP("Label", "dorp"),
    QT_TRANSLATE_NOOP("Label", "Thema's"),
    QT_TRANSLATE_NOOP("Label", "Soorten hulp (behoefte en aanbod)"),
    QT_TRANSLATE_NOOP("Label", "Soorten organisatie"),
]


def label(code: str | None) -> str:
    if not code:
        return ""
    return QCoreApplication.translate("Label", code)
