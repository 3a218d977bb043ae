"""Ctrl+P: a preview of the PDF, printing through the system's dialog, saving as PDF."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from makelaar.domain.records import SessionData
from makelaar.services import ideas, matches, sessions
from makelaar.ui import context, printing, report_preview
from makelaar.ui.context import AppContext
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.main_window import MainWindow
from makelaar.ui.report_preview import ReportPreview


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_ctrl_p_on_an_idea_previews_both_versions(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    with ctx.store.begin() as s:
        matches.create_match(s, idea_id=sample["garden"], organisation_id=sample["green"], need_id=None)
    editor = IdeaEditor(ctx, sample["garden"])
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview) and w.isVisible())
    qtbot.addWidget(preview)
    assert preview.document.pageCount() >= 1
    assert "Buurtmoestuin aan de Lindelaan" in text_of(preview.pdf)
    assert [preview.version.itemText(i) for i in range(preview.version.count())] == [
        "Versie voor de bewoner",
        "Versie voor de partners: Stichting Groen Doen",
    ]
    for_resident = preview.pdf
    preview.version.setCurrentIndex(1)
    assert preview.pdf != for_resident
    assert "Wat vragen we van u?" in text_of(preview.pdf)


def test_an_idea_without_koppelingen_has_no_partner_version(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    preview = printing.preview_idea(None, ctx, sample["garden"], "I-1")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    assert [preview.version.itemText(i) for i in range(preview.version.count())] == ["Versie voor de bewoner"]


def test_print_goes_to_the_chosen_printer(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "afdruk.pdf"

    def printer(_parent: object) -> QPrinter:
        # No printers on a test machine: Qt's PDF printer stands in for the one chosen in the print dialog.
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(target))
        return chosen

    monkeypatch.setattr(report_preview.PrinterChooser, "ask", staticmethod(printer))
    preview = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    assert preview.print_document()
    printed = PdfReader(str(target))
    assert len(printed.pages) == preview.document.pageCount()
    # The page carries the rendered report: an image with dark text on it, not a blank sheet.
    picture = printed.pages[0].images[0].image.convert("L")
    assert picture.getextrema()[0] < 100


def test_cancelled_print_dialog_prints_nothing(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_preview.PrinterChooser, "ask", staticmethod(lambda _p: None))
    preview = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    assert preview.print_document() is False


def test_save_as_pdf(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_preview.SaveChooser, "ask", staticmethod(lambda _p, _s: str(tmp_path / "blad")))
    preview = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    saved = preview.save_as()
    assert saved == tmp_path / "blad.pdf"
    assert saved.read_bytes() == preview.pdf
    assert ctx.settings.last_folder == str(tmp_path)


def test_main_window_prints_what_is_chosen(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.store.begin() as s:
        session = sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2026, 11, 26)))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show_view(window.sessions)
    window.sessions.reload()
    preview = window.print_current()
    assert preview is not None
    qtbot.addWidget(preview)
    assert session.reference and session.reference in text_of(preview.pdf)
    monkeypatch.setattr(printing.PeriodDialog, "ask", staticmethod(lambda _p: (date(2026, 1, 1), date(2026, 12, 31))))
    window.show_view(window.today)
    overview = window.print_current()
    assert overview is not None
    qtbot.addWidget(overview)
    assert "01-01-2026" in text_of(overview.pdf)


def test_period_must_run_forward(qtbot: QtBot) -> None:
    dialog = printing.PeriodDialog()
    qtbot.addWidget(dialog)
    dialog.start.set_value((dialog.end.value() or date.today()) + timedelta(days=1))
    dialog.accept()
    assert "einddatum" in dialog.message.text()
    assert dialog.result() == 0


def test_a_matchkaart_is_entered_back_by_its_number(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with ctx.store.begin() as s:
        reference = ideas.get_idea(s, sample["garden"]).reference
    monkeypatch.setattr(context.TextPrompt, "ask", staticmethod(lambda *_a: reference))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    editor = window.open_by_reference()
    assert editor is not None and editor.record_id == sample["garden"]
    assert editor.tabs.currentWidget() is editor.suggestions


def test_a_logo_chosen_in_the_settings_is_on_every_report(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QColor, QImage

    from makelaar.ui import settings_view

    picture = QImage(400, 120, QImage.Format.Format_RGB32)
    picture.fill(QColor("#0b5394"))
    logo = tmp_path / "logo.png"
    assert picture.save(str(logo))
    monkeypatch.setattr(settings_view.LogoChooser, "ask", staticmethod(lambda _p: str(logo)))
    view = settings_view.SettingsView(ctx)
    qtbot.addWidget(view)
    view.choose_logo()
    assert view.logo_remove.isEnabled()
    preview = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    page = PdfReader(io.BytesIO(preview.pdf)).pages[0]
    assert page.images, "the logo is drawn on the page"
    view.remove_logo()
    again = printing.preview_organisation(None, ctx, sample["green"], "Stichting Groen Doen")  # type: ignore[arg-type]
    qtbot.addWidget(again)
    assert not PdfReader(io.BytesIO(again.pdf)).pages[0].images


def test_not_an_image_is_refused_with_a_message(
    qtbot: QtBot, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from makelaar.ui import settings_view
    from tests.ui.conftest import Shown

    text = tmp_path / "logo.png"
    text.write_text("geen plaatje", encoding="utf-8")
    monkeypatch.setattr(settings_view.LogoChooser, "ask", staticmethod(lambda _p: str(text)))
    shown = Shown()
    monkeypatch.setattr(settings_view, "show_error", lambda _p, exc: shown.warnings.append(str(exc)))
    view = settings_view.SettingsView(ctx)
    qtbot.addWidget(view)
    view.choose_logo()
    assert shown.warnings and "geen afbeelding" in shown.warnings[0]
    assert not view.logo_remove.isEnabled()


def test_the_resident_reads_the_brokers_own_phone_and_e_mail_from_the_settings(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    from makelaar.ui import settings_view

    ctx.settings.broker_name = "Marieke Jansen"
    view = settings_view.SettingsView(ctx)
    qtbot.addWidget(view)
    view.broker_phone.setText("0612345678")
    view.broker_email.setText("marieke@")
    view.broker_email.editingFinished.emit()
    assert "geen geldig e-mailadres" in view.broker_problem.text()
    assert ctx.settings.broker_email == ""  # a mistake is not saved
    view.broker_email.setText("m.jansen@lindewaard.example")
    view.broker_email.editingFinished.emit()
    assert view.broker_problem.text() == ""
    assert ctx.settings.broker_email == "m.jansen@lindewaard.example"
    assert ctx.settings.broker_phone.replace(" ", "").replace("-", "") == "0612345678"
    preview = printing.preview_idea(None, ctx, sample["garden"], "I-1")  # type: ignore[arg-type]
    qtbot.addWidget(preview)
    text = text_of(preview.pdf)
    assert "Marieke Jansen" in text and "m.jansen@lindewaard.example" in text
    assert ctx.settings.broker_phone in text
