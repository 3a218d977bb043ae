"""Which report Ctrl+P makes where, and the period asked for the overview."""

from __future__ import annotations

from datetime import date
from typing import BinaryIO, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from makelaar.domain.formatting import format_date
from makelaar.domain.records import BrokerContact
from makelaar.ui.context import AppContext
from makelaar.ui.report_preview import Builder, ReportPreview
from makelaar.ui.widgets import add_row, date_edit, get_date


def _show(preview: ReportPreview) -> ReportPreview:
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.show()
    return preview


def preview_idea(parent: QWidget, ctx: AppContext, idea_id: str, reference: str) -> ReportPreview:
    """The resident's version, and one version per linked organisation (none when nobody is linked yet)."""
    from makelaar import reports

    settings = ctx.settings
    broker = BrokerContact(name=settings.broker_name, phone=settings.broker_phone, email=settings.broker_email)

    def version(audience: Literal["bewoner", "partners"], organisation_id: str | None = None) -> Builder:
        def build(s: Session, out: BinaryIO) -> None:
            reports.build_matching_report(
                s, idea_id, out, audience=audience, organisation_id=organisation_id, broker=broker
            )

        return reports.logged(build, f"koppelingsrapport {reference} ({audience})")  # type: ignore[arg-type]

    versions = [(QCoreApplication.translate("Printing", "Versie voor de bewoner"), version("bewoner"))]
    for_partners = QCoreApplication.translate("Printing", "Versie voor de partners")
    for organisation_id, name in ctx.read(lambda s: reports.partner_versions(s, idea_id)):
        versions.append((f"{for_partners}: {name}", version("partners", organisation_id)))
    return _show(
        ReportPreview(
            ctx,
            QCoreApplication.translate("Printing", "Koppelingsrapport %1").replace("%1", reference),
            f"koppelingsrapport-{reference}.pdf",
            versions,
            parent,
        )
    )


def preview_organisation(parent: QWidget, ctx: AppContext, organisation_id: str, name: str) -> ReportPreview:
    from makelaar import reports

    def build(s: Session, out: BinaryIO) -> None:
        reports.build_organisation_report(s, organisation_id, out)

    title = QCoreApplication.translate("Printing", "Organisatieblad %1").replace("%1", name)
    logged = reports.logged(build, "organisatieblad")  # type: ignore[arg-type]
    return _show(ReportPreview(ctx, title, "organisatieblad.pdf", [(title, logged)], parent))


def preview_session(parent: QWidget, ctx: AppContext, session_id: str, reference: str) -> ReportPreview:
    from makelaar import reports

    def build(s: Session, out: BinaryIO) -> None:
        reports.build_session_report(s, session_id, out)

    title = QCoreApplication.translate("Printing", "Wijktafelverslag %1").replace("%1", reference)
    logged = reports.logged(build, f"wijktafelverslag {reference}")  # type: ignore[arg-type]
    return _show(ReportPreview(ctx, title, f"wijktafelverslag-{reference}.pdf", [(title, logged)], parent))


def preview_overview(parent: QWidget, ctx: AppContext, start: date, end: date) -> ReportPreview:
    from makelaar import reports

    def build(s: Session, out: BinaryIO) -> None:
        reports.build_overview_report(s, start, end, out)

    title = (
        QCoreApplication.translate("Printing", "Overzicht %1 tot en met %2")
        .replace("%1", format_date(start))
        .replace("%2", format_date(end))
    )
    return _show(ReportPreview(ctx, title, f"overzicht-{start:%Y%m%d}-{end:%Y%m%d}.pdf", [(title, build)], parent))


class PeriodDialog(QDialog):
    """The period of the overview: from 1 January of this year to today unless the broker chooses otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Overzicht voor college en raad"))
        today = date.today()
        form = QFormLayout()
        self.start = add_row(form, self.tr("&Van:"), date_edit(date(today.year, 1, 1)))
        self.end = add_row(form, self.tr("&Tot en met:"), date_edit(today))
        self.message = QLabel()
        self.message.setObjectName("errorText")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Rapport maken"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def period(self) -> tuple[date, date]:
        start, end = get_date(self.start), get_date(self.end)
        assert start is not None and end is not None
        return start, end

    def accept(self) -> None:
        problem = self.start.problem() or self.end.problem()
        if problem:
            self.message.setText(problem)
            return
        start, end = self.period()
        if end < start:
            self.message.setText(self.tr("De einddatum ligt voor de begindatum."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[date, date] | None:
        dialog = cls(parent)
        return dialog.period() if dialog.exec() == QDialog.DialogCode.Accepted else None
