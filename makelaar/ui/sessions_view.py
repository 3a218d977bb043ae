"""The Wijktafels area: the meetings, the ideas collected at each, and the intake."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.errors import KnownError, ValidationError
from makelaar.domain.formatting import format_date
from makelaar.domain.records import SessionData, SessionRow
from makelaar.services import ideas, sessions, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.ui.context import AppContext, UnsavedPrompt
from makelaar.ui.errors import show_error
from makelaar.ui.icons import icon
from makelaar.ui.models import Column, RowsTableModel
from makelaar.ui.widgets import FieldErrors, add_row, area_items, date_edit, date_problem, fill_combo, get_date

if TYPE_CHECKING:
    from makelaar.ui.report_preview import ReportPreview


class SessionDialog(QDialog):
    """Open (or change) a wijktafel: name, date, place and wijk."""

    def __init__(self, ctx: AppContext, data: SessionData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = data or SessionData(title="", held_on=date.today())
        self.saved: SessionData | None = None
        self.setWindowTitle(self.tr("Wijktafel") if data else self.tr("Nieuwe wijktafel"))
        areas = ctx.read(lambda s: vocabulary.list_areas(s, include_retired=True))
        form = QFormLayout()
        self.title = add_row(form, self.tr("&Naam:"), QLineEdit(self.data.title))
        self.title.setPlaceholderText(self.tr("bijvoorbeeld Wijktafel Noord"))
        self.held_on = add_row(form, self.tr("&Datum:"), date_edit(self.data.held_on))
        self.place = add_row(form, self.tr("&Plaats:"), QLineEdit(self.data.place or ""))
        self.place.setPlaceholderText(self.tr("bijvoorbeeld Buurthuis De Linde"))
        self.area = add_row(form, self.tr("&Wijk:"), QComboBox())
        fill_combo(self.area, area_items(areas, empty=self.tr("(geen)"), keep=[self.data.area_id]), self.data.area_id)
        self.notes = add_row(form, self.tr("&Notities:"), QPlainTextEdit(self.data.notes or ""))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label)
        self.errors.register("title", self.title)
        self.errors.register("held_on", self.held_on)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Opslaan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self._start = self._typed()

    def _typed(self) -> tuple[object, ...]:
        return (
            self.title.text(),
            get_date(self.held_on),
            self.place.text(),
            self.area.currentData(),
            self.notes.toPlainText(),
        )

    def reject(self) -> None:
        if self._typed() != self._start:
            answer = UnsavedPrompt.ask(self, self.tr("Deze wijktafel"))
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()

    def accept(self) -> None:
        held_on = get_date(self.held_on) or date.today()
        data = SessionData(
            id=self.data.id,
            reference=self.data.reference,
            version=self.data.version,
            title=self.title.text(),
            held_on=held_on,
            place=self.place.text(),
            area_id=self.area.currentData(),
            notes=self.notes.toPlainText(),
        )
        try:
            problems = date_problem("held_on", self.held_on)
            if problems:
                raise ValidationError(problems)
            with self.ctx.store.begin() as s:
                self.saved = sessions.save_session(s, data)
        except ValidationError as exc:
            first = self.errors.show(exc)
            if first is not None:
                first.setFocus()
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        super().accept()

    @classmethod
    def ask(cls, ctx: AppContext, data: SessionData | None = None, parent: QWidget | None = None) -> SessionData | None:
        dialog = cls(ctx, data, parent)
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None


class SessionsView(QWidget):
    """Signals:
    ideas_changed(): ideas were registered in an intake.
    open_idea(str): the user wants to open an idea of the selected wijktafel.
    """

    ideas_changed = Signal()
    open_idea = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Zoeken"))
        self.search.setPlaceholderText(self.tr("Zoek op naam, plaats of nummer… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.model: RowsTableModel[SessionRow] = RowsTableModel(
            [
                Column(self.tr("Nummer"), lambda r: r.reference),
                Column(self.tr("Datum"), lambda r: format_date(r.held_on)),
                Column(self.tr("Naam"), lambda r: r.title),
                Column(self.tr("Plaats"), lambda r: r.place),
                Column(self.tr("Wijk"), lambda r: r.area),
                Column(self.tr("Ideeën"), lambda r: str(r.idea_count), align_right=True),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab goes on to the next control, arrows move in the table
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Wijktafels"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.start_intake)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Ideeën van deze wijktafel"))
        self.new_button = QPushButton(icon("plus"), self.tr("&Nieuwe wijktafel…"))
        self.new_button.clicked.connect(self.new_session)
        self.edit_button = QPushButton(icon("pencil"), self.tr("&Wijzigen…"))
        self.edit_button.clicked.connect(self.edit_session)
        self.intake_button = QPushButton(icon("presentation"), self.tr("&Intake starten"))
        self.intake_button.setToolTip(self.tr("Ideeën registreren bij deze wijktafel"))
        self.intake_button.clicked.connect(self.start_intake)
        self.print_button = QPushButton(icon("printer"), self.tr("&Verslag afdrukken…"))
        self.print_button.setToolTip(self.tr("Wijktafelverslag met matchkaarten (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.intake_button)
        top.addWidget(self.print_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        # No wijktafels yet: what they are for, and the button to plan the first.
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.hint = QLabel(
            self.tr(
                "Hier komen de wijktafels: bijeenkomsten waar bewoners hun ideeën brengen. Plan de eerste, en "
                "registreer daar de ideeën met de snelle intake."
            )
        )
        self.hint.setObjectName("emptyText")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_new_button = QPushButton(self.tr("Eerste wijktafel &plannen…"))
        self.empty_new_button.clicked.connect(self.new_session)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.empty_new_button)
        empty_buttons.addStretch(1)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.hint)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)
        lv.addWidget(self.pages, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Queried when first shown (the window starts on Vandaag), or earlier when something reloads it.
        self.loaded = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.reload()
        super().showEvent(event)

    def focus_search(self) -> None:
        self.search.setFocus()

    @Slot()
    def reload(self) -> None:
        self.loaded = True
        current = self.current()
        rows = self.ctx.read(lambda s: sessions.list_sessions(s, self.search.text()))
        self.model.set_rows(rows)
        # A few dozen rows: every column as wide as what it shows, the name taking the rest.
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != 2:
                self.table.resizeColumnToContents(column)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.pages.setCurrentWidget(self.empty if not rows and not self.search.text() else self.table)
        ids = [r.id for r in rows]
        if rows:
            self.table.selectRow(ids.index(current.id) if current and current.id in ids else 0)
        has = bool(rows)
        self.edit_button.setEnabled(has)
        self.intake_button.setEnabled(has)
        self.print_button.setEnabled(has)

    def current(self) -> SessionRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, session_id: str) -> None:
        for i, r in enumerate(self.model.rows()):
            if r.id == session_id:
                self.table.selectRow(i)

    @Slot()
    def _show_detail(self) -> None:
        row = self.current()
        if row is None:
            self.detail.clear()
            return
        found = self.ctx.read(
            lambda s: ideas.list_ideas(s, ListQuery(session_id=row.id, sort="reference", descending=False), 0, 500)
        )
        items = "".join(f"<li>{escape(i.reference)} {escape(i.title)}</li>" for i in found)
        collected, none_yet = self.tr("Opgehaalde ideeën"), self.tr("nog geen")
        self.detail.setHtml(
            f"<h2>{escape(row.title)}</h2><p>{escape(format_date(row.held_on))} {escape(row.place)}"
            f" {escape(row.area)}</p><h3>{collected}</h3>"
            f"<ul>{items or '<li>' + none_yet + '</li>'}</ul>"
        )

    @Slot()
    def new_session(self) -> None:
        saved = SessionDialog.ask(self.ctx, None, self)
        if saved is not None and saved.id:
            self.reload()
            self.select(saved.id)

    @Slot()
    def edit_session(self) -> None:
        row = self.current()
        if row is None:
            return
        data = self.ctx.read(lambda s: sessions.get_session(s, row.id))
        if SessionDialog.ask(self.ctx, data, self) is not None:
            self.reload()

    @Slot()
    def print_report(self) -> ReportPreview | None:
        from makelaar.ui.printing import preview_session  # the reports load when first used, not at start

        row = self.current()
        if row is None:
            return None
        return preview_session(self, self.ctx, row.id, row.reference)

    @Slot()
    def start_intake(self) -> None:
        row = self.current()
        if row is None:
            return
        from makelaar.ui.intake import IntakeDialog  # loaded when first used, not at start

        data = self.ctx.read(lambda s: sessions.get_session(s, row.id))
        dialog = IntakeDialog(self.ctx, data, self)
        dialog.idea_registered.connect(lambda _id: self.ideas_changed.emit())
        dialog.exec()
        self.reload()
