"""Vandaag: what needs a call today, which ideas went quiet, which koppelingen got no answer, what is not linked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.formatting import format_date
from makelaar.services import today
from makelaar.services.today import TodayItem
from makelaar.ui.context import AppContext
from makelaar.ui.list_views import RecordTable
from makelaar.ui.models import Column, RowsTableModel


class TodayView(QWidget):
    """Signals:
    open_idea(str): the broker picked a line; the argument is the idea's id.
    attention_changed(int): how many lines ask for action (follow-ups due and koppelingen without answer).
    """

    open_idea = Signal(str)
    attention_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.quiet_weeks = QSpinBox()
        self.quiet_weeks.setRange(1, 104)
        self.quiet_weeks.setSuffix(self.tr(" weken"))
        self.quiet_weeks.setAccessibleName(self.tr("Een idee is stil na zoveel weken zonder contact"))
        self.answer_days = QSpinBox()
        self.answer_days.setRange(1, 365)
        self.answer_days.setSuffix(self.tr(" dagen"))
        self.answer_days.setAccessibleName(self.tr("Een koppeling wacht op antwoord na zoveel dagen"))
        settings = QHBoxLayout()
        settings.addWidget(QLabel(self.tr("Stil na:")))
        settings.addWidget(self.quiet_weeks)
        settings.addSpacing(16)
        settings.addWidget(QLabel(self.tr("Geen antwoord na:")))
        settings.addWidget(self.answer_days)
        settings.addStretch(1)

        self.sections: dict[str, tuple[QGroupBox, RecordTable, RowsTableModel[TodayItem]]] = {}
        grid = QGridLayout()
        for i, (key, title, who, nothing) in enumerate(
            (
                (
                    "follow_ups",
                    self.tr("Opvolgen: vandaag en te laat"),
                    self.tr("Organisatie"),
                    self.tr("Niets op te volgen vandaag. Een opvolgdatum zet je bij een koppeling."),
                ),
                (
                    "unanswered",
                    self.tr("Koppelingen zonder antwoord"),
                    self.tr("Organisatie"),
                    self.tr("Elke benaderde organisatie heeft geantwoord."),
                ),
                ("quiet", self.tr("Stille ideeën"), "", self.tr("Geen stille ideeën: overal is recent contact.")),
                (
                    "unmatched",
                    self.tr("Nieuwe ideeën zonder koppeling"),
                    "",
                    self.tr("Elk nieuw idee heeft een koppeling."),
                ),
            )
        ):
            columns: list[Column[TodayItem]] = [
                Column(self.tr("Idee"), lambda r: f"{r.idea_reference}  {r.idea_title}"),
            ]
            if who:
                columns.append(Column(who, lambda r: r.organisation, width=180))
            columns.append(
                Column(
                    self.tr("Datum"),
                    lambda r: format_date(r.when),
                    width=96,
                    warn=(lambda r: r.overdue) if key == "follow_ups" else None,
                    warning=self.tr("te laat"),
                )
            )
            model: RowsTableModel[TodayItem] = RowsTableModel(columns, self)
            table = RecordTable()
            table.setModel(model)
            table.placeholder = nothing
            table.setAccessibleName(title)
            table.setSelectionBehavior(RecordTable.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.activated_row.connect(lambda row, m=model: self._open(m, row))
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            # What to follow up today comes first and gets the whole width; the other three share the row below.
            if i == 0:
                grid.addWidget(box, 0, 0, 1, 3)
            else:
                grid.addWidget(box, 1, i - 1)
            self.sections[key] = (box, table, model)
        self.content = QWidget()
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(settings)
        layout.addLayout(grid, 1)
        # On a first start a welcome stands in for the four empty lists (set_welcome).
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.content)
        self.welcome: QWidget | None = None
        # The lists are filled when the screen is shown (showEvent), once: not here as well, at start.
        quiet_weeks, answer_days = self.ctx.read(today.thresholds)
        self.quiet_weeks.setValue(quiet_weeks)
        self.answer_days.setValue(answer_days)
        self.quiet_weeks.valueChanged.connect(self._thresholds_changed)
        self.answer_days.valueChanged.connect(self._thresholds_changed)
        self._preloaded = False
        self.attention = 0

    def set_welcome(self, welcome: QWidget | None) -> None:
        """Show ``welcome`` instead of the lists (a first start), or the lists again (None)."""
        if welcome is not None and self.pages.indexOf(welcome) < 0:
            self.pages.addWidget(welcome)
        self.welcome = welcome
        self.pages.setCurrentWidget(welcome or self.content)

    def showEvent(self, event: QShowEvent) -> None:
        # What is due changes with the day and with every koppeling: look again each time the screen is shown
        # (but not right after preload() filled it).
        if self._preloaded:
            self._preloaded = False
        else:
            self.reload()
        super().showEvent(event)

    def preload(self, overview: today.Today) -> None:
        """Fill the screen with an overview worked out elsewhere (at start, while the window was built): the next
        showing uses it instead of asking the store again."""
        self._fill(overview)
        self._preloaded = True

    @Slot()
    def reload(self) -> None:
        self._fill(self.ctx.read(lambda s: today.today_overview(s)))

    def _fill(self, overview: today.Today) -> None:
        for w, value in ((self.quiet_weeks, overview.quiet_weeks), (self.answer_days, overview.answer_days)):
            w.blockSignals(True)
            w.setValue(value)
            w.blockSignals(False)
        titles = {
            "follow_ups": self.tr("Opvolgen: vandaag en te laat"),
            "unanswered": self.tr("Koppelingen zonder antwoord"),
            "quiet": self.tr("Stille ideeën"),
            "unmatched": self.tr("Nieuwe ideeën zonder koppeling"),
        }
        for key, (box, table, model) in self.sections.items():
            rows: list[TodayItem] = getattr(overview, key)
            model.set_rows(rows)
            # A list cut off at its length says so: "(200+)", not "(200)" when there are 3,000.
            box.setTitle(f"{titles[key]} ({len(rows)}{'+' if key in overview.more else ''})")
            if model.columnCount() == 3:
                # The organisation as wide as its names, but never at the cost of the idea's title.
                table.resizeColumnToContents(1)
                table.horizontalHeader().resizeSection(1, min(table.columnWidth(1), 260))
        self.attention = len(overview.follow_ups) + len(overview.unanswered)
        self.attention_changed.emit(self.attention)
        overdue = sum(1 for r in overview.follow_ups if r.overdue)
        self.heading.setText(
            self.tr("Vandaag, %1: %2 te laat, %3 om op te volgen")
            .replace("%1", format_date(date.today()))
            .replace("%2", str(overdue))
            .replace("%3", str(len(overview.follow_ups) - overdue))
        )

    @Slot()
    def _thresholds_changed(self) -> None:
        weeks, days = self.quiet_weeks.value(), self.answer_days.value()
        self.ctx.act(self, lambda s: today.set_thresholds(s, weeks, days))
        self.reload()

    def _open(self, model: RowsTableModel[TodayItem], row: int) -> None:
        item = model.row_at(row)
        if item is not None:
            self.open_idea.emit(item.idea_id)

    def focus_search(self) -> None:
        table = self.sections["follow_ups"][1]
        table.setFocus()
        if table.model().rowCount():
            table.setCurrentIndex(table.model().index(0, 0, QModelIndex()))
