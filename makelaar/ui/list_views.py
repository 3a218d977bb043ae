"""The Ideeën and Organisaties areas: a searchable, filterable list with the selected record's summary beside it."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from makelaar.domain.enums import IdeaStatus, Vocabulary
from makelaar.domain.formatting import format_date, format_euro
from makelaar.domain.records import AreaInfo, IdeaRow, OrganisationRow, Term
from makelaar.services import activities, ideas, matches, organisations, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.ui import theme
from makelaar.ui.context import AppContext
from makelaar.ui.icons import icon
from makelaar.ui.labels import label
from makelaar.ui.models import ID_ROLE, Column, PagedTableModel
from makelaar.ui.widgets import area_items, fill_combo


def escape(text: str) -> str:
    """HTML-escaped text for a summary panel. (The html module is imported when the first panel is filled, not
    with the program: importing it reads its table of 2,000 named characters.)"""
    from html import escape as html_escape

    return html_escape(text)


MEASURED_ROWS = 30  # rows a list's column is fitted to: a full screen of them on a laptop


class RecordTable(QTableView):
    """A table where Enter opens the current record, like a double click.

    Signals:
        activated_row(int): Enter or double click on a row.
    """

    activated_row = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(lambda index: self.activated_row.emit(index.row()))
        # Tab leaves the table (to the next control) instead of walking every cell of a 100,000-row list.
        self.setTabKeyNavigation(False)
        self.placeholder = ""  # said in the empty table, so an empty list is not a blank box
        # Fitting a column measures the rows in view and a few more, not Qt's default of 1,000: a list's rows are
        # fetched a page at a time, and measuring 1,000 fetched five pages and asked every cell of them for its text
        # (five times more than the rest of opening the list); on Vandaag it was a tenth of the program's start.
        self.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.placeholder and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(theme.current().muted))
            area = self.viewport().rect().adjusted(12, 12, -12, -12)
            flags = int(Qt.AlignmentFlag.AlignCenter.value) | int(Qt.TextFlag.TextWordWrap.value)
            painter.drawText(area, flags, self.placeholder)
            painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class RecordListView(QWidget):
    """Search field and filters above a paged table, the selected record's summary beside it.

    Signals:
        open_requested(str): the user wants to open the record with this id.
        new_requested(): the user wants a new record.
    """

    open_requested = Signal(str)
    new_requested = Signal()

    search_delay_ms = 150
    # False for a list whose records are made elsewhere (koppelingen are made on an idea): no New button.
    can_create = True

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ListQuery(sort=self.default_sort()[0], descending=self.default_sort()[1])
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Zoeken"))
        self._shown: str | None = None  # the record whose summary is on screen
        # Names of terms and areas for the summary, read with the filter lists (refresh_vocabulary), not per record.
        self._term_names: dict[str, str] = {}
        self._area_names: dict[str, str] = {}
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._run_search)
        self.search.installEventFilter(self)
        self.filters = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Aantal gevonden"))

        self.model: PagedTableModel[Any] = PagedTableModel(self.columns(), self._first_page, self._fetch, self)
        self.table = RecordTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Lijst"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        column = next((i for i, c in enumerate(self.columns()) if c.sort_key == self.query.sort), -1)
        order = Qt.SortOrder.DescendingOrder if self.query.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)
        # Enabling sorting sorts once by the indicator, which is the default sort already in the query: only after
        # it does a header click reach the query (else the list would load twice before the caller's reload()).
        self.table.setSortingEnabled(True)
        self.model.on_sort = self._sort
        self.model.on_sorted = self._sorted
        self._sort_keeps: str | None = None
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for i, c in enumerate(self.columns()):
            if c.width:
                header.resizeSection(i, c.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.activated_row.connect(self._open_row)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QTextBrowser()
        self.detail.setAccessibleName(self.tr("Samenvatting"))
        self.detail.setOpenLinks(False)

        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        self.empty_text = QLabel()
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setObjectName("emptyText")
        self.empty_actions = QHBoxLayout()
        self.empty_actions.addStretch(1)
        self.empty_actions.addStretch(1)
        # Nothing matches the search or the filters: say so, and offer the way back to the whole list.
        self.clear_button = QPushButton(self.tr("Zoekterm en filters &wissen"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.empty_actions.insertWidget(1, self.clear_button)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addLayout(self.empty_actions)
        empty_layout.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.new_button = QPushButton(icon("plus"), "")
        self.new_button.clicked.connect(self.new_requested)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        if self.can_create:
            top.addWidget(self.new_button)
        self.filters.addStretch(1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(top)
        lv.addLayout(self.filters)
        lv.addWidget(self.stack, 1)
        lv.addWidget(self.count_label)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        # The list gets the room (titles read whole); the summary a readable column beside it.
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([900, 290])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.model.reloaded.connect(self._reloaded)

    # -- for subclasses -----------------------------------------------------------------------------------------

    def columns(self) -> list[Column[Any]]:
        raise NotImplementedError

    def default_sort(self) -> tuple[str, bool]:
        return ("received", True)

    def count(self, s: Session, q: ListQuery) -> int:
        raise NotImplementedError

    def fetch(self, s: Session, q: ListQuery, offset: int, limit: int, total: int | None = None) -> list[Any]:
        """A page of the list; ``total`` is the count of the same query when the caller has it."""
        raise NotImplementedError

    def summary_html(self, record_id: str) -> str:
        raise NotImplementedError

    def empty_message(self) -> str:
        raise NotImplementedError

    def count_text(self, n: int) -> str:
        raise NotImplementedError

    # -- behaviour ----------------------------------------------------------------------------------------------

    def _fetch(self, offset: int, limit: int) -> list[Any]:
        q, total = self.query, self.model.total
        return self.ctx.read(lambda s: self.fetch(s, q, offset, limit, total))

    def _first_page(self, limit: int) -> tuple[int, list[Any]]:
        """The count and the first page from one snapshot of the store, so that they agree while others change it."""
        q = self.query

        def read(s: Session) -> tuple[int, list[Any]]:
            if s.get_bind().dialect.name == "postgresql":
                # One transaction is one snapshot on SQLite; PostgreSQL's default gives each statement its own.
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            total = self.count(s, q)
            return total, self.fetch(s, q, 0, limit, total) if total else []

        return self.ctx.read(read)

    def _sort(self, key: str, descending: bool) -> None:
        self._sort_keeps = self.current_id()
        self.set_query(sort=key, descending=descending, reload=False)

    def _sorted(self) -> None:
        # The record that was selected stays selected (and its summary shown) in the new order, as after a reload.
        self._select(self._sort_keeps)

    def set_query(self, *, reload: bool = True, **changes: Any) -> None:
        values = {**self.query.__dict__, **changes}
        self.query = ListQuery(**values)
        if reload:
            self.reload(refresh_detail=False)

    def reload(self, keep: str | None = None, *, refresh_detail: bool = True) -> None:
        """Run the query again, keeping the selected record (or ``keep``) selected where it still matches.

        ``refresh_detail=False`` (a new search or filter) leaves the summary alone when the same record stays
        selected: its data did not change.
        """
        current = keep or self.current_id()
        if refresh_detail:
            self._shown = None
        self.model.reload()
        self._select(current)

    def _select(self, current: str | None) -> None:
        """Select ``current`` where the loaded rows have it, else the first row; no rows: no summary."""
        row = self.model.find_row(current) if current else -1
        if row < 0 and self.model.total:
            row = 0
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._shown = None
            self.detail.clear()

    @Slot()
    def _search_changed(self) -> None:
        # Wait until typing pauses: a search per letter of a fast typist is work nobody sees.
        self._search_timer.start(self.search_delay_ms)

    @Slot()
    def _run_search(self) -> None:
        self._search_timer.stop()
        if self.search.text() != self.query.search:
            self.set_query(search=self.search.text())

    def _fit_columns(self) -> None:
        """The fixed columns as wide as what they show (measured on the rows in view), at most their set width
        unless their header needs more; the stretching column (the title, the name) gets what is left.

        What ``resizeColumnToContents`` works out, with one of Qt's measurements per column instead of one per row:
        the row whose text is widest is found by the text alone (a cell's width is its text plus the same margins
        in every row of a column), and only that cell is measured as Qt measures it. Measuring every row in view
        asked each of their cells for eight roles, a tenth of opening a list."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        in_view = (self.model.row_at(n) for n in range(min(self.model.rowCount(), MEASURED_ROWS)))
        rows = [(n, r) for n, r in enumerate(in_view) if r is not None]
        grid = 1 if self.table.showGrid() else 0
        for i, c in enumerate(self.columns()):
            if not c.width:
                continue
            content = 0
            if rows:
                widest, _row = max(rows, key=lambda nr: metrics.horizontalAdvance(c.value(nr[1]) or ""))
                content = self.table.sizeHintForIndex(self.model.index(widest, i)).width() + grid
            needed = max(content, header.sectionSizeHint(i))
            header.resizeSection(i, min(needed, max(c.width, header.sectionSizeHint(i))))

    @Slot(int)
    def _reloaded(self, total: int) -> None:
        self._fit_columns()
        self.count_label.setText(self.count_text(total))
        filtered = bool(self.query.search.strip()) or self._has_filters()
        if total == 0:
            self.empty_text.setText(self.no_results_message() if filtered else self.empty_message())
            self.clear_button.setVisible(filtered)
            for i in range(self.empty_actions.count()):
                item = self.empty_actions.itemAt(i)
                widget = item.widget() if item is not None else None
                if widget is not None and widget is not self.clear_button:
                    widget.setVisible(not filtered)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.table)
        # Nothing in the store yet: no empty summary beside the explanation.
        self.detail.setVisible(total > 0 or filtered)

    def no_results_message(self) -> str:
        return self.tr("Niets gevonden met deze zoekterm en filters.")

    @Slot()
    def clear_filters(self) -> None:
        """Back to the whole list: no search text, every filter on "alle"."""
        for i in range(self.filters.count()):
            item = self.filters.itemAt(i)
            widget = item.widget() if item is not None else None
            widget_blocked = widget is not None and widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, QCheckBox):
                widget.setChecked(False)
            if widget is not None:
                widget.blockSignals(widget_blocked)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        blank = ListQuery()
        self.set_query(
            search="",
            statuses=blank.statuses,
            area_id=None,
            theme_id=None,
            help_type_id=None,
            active_only=False,
            extra={},
        )
        self.search.setFocus()

    def _has_filters(self) -> bool:
        q = self.query
        return bool(q.statuses or q.area_id or q.theme_id or q.help_type_id or q.active_only or q.extra)

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.model.data(self.model.index(index.row(), 0), ID_ROLE)
        return str(value) if value else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, *_: Any) -> None:
        record_id = self.current_id()
        if record_id is not None and record_id == self._shown:
            return
        self._shown = record_id
        self.detail.setHtml(self.summary_html(record_id) if record_id else "")

    @Slot(int)
    def _open_row(self, row: int) -> None:
        value = self.model.data(self.model.index(row, 0), ID_ROLE)
        if value:
            self.open_requested.emit(str(value))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down in the search field goes to the results, as in a file dialog.
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self._run_search()
            self.table.setFocus()
            if not self.table.currentIndex().isValid() and self.model.rowCount():
                self.table.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    def add_filter(self, combo: QComboBox, name: str, on_change: Callable[[Any], None]) -> None:
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # As wide as a short choice, not as the longest one ("informeel (bewonersgroep, netwerk)"): the filters may
        # not push the summary beside the list out of view; the open list shows every choice whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(11)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        combo.currentIndexChanged.connect(lambda _i: on_change(combo.currentData()))
        self.filters.insertWidget(self.filters.count() - 1, combo)

    def add_empty_action(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        self.empty_actions.insertWidget(self.empty_actions.count() - 1, button)
        return button

    def refresh_vocabulary(self) -> None:
        """Fill the filter lists again after the vocabulary or areas changed."""

    def _remember_names(self, terms: dict[str, list[Term]], areas: list[AreaInfo], vocabularies: Any) -> None:
        self._term_names = {t.id: t.name for v in vocabularies for t in terms.get(v.value, [])}
        self._area_names = {a.id: a.name for a in areas}

    def _names_known(self, term_ids: list[str], area_ids: list[str]) -> bool:
        return all(t in self._term_names for t in term_ids) and all(a in self._area_names for a in area_ids)

    def order_tabs(self) -> None:
        """Tab goes search, filters, New, the list, the summary: the order they are read on screen."""
        chain: list[QWidget] = [self.search]
        for i in range(self.filters.count()):
            item = self.filters.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None:
                chain.append(widget)
        chain += [self.new_button] if self.can_create else []
        chain += [self.table, self.detail]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)


def _unbroken(text: str | None) -> str:
    """Text that must not break over two lines (a phone number, a postcode), escaped for the summary."""
    return escape(text or "").replace(" ", "&nbsp;")


def address_html(street: str | None, postcode: str | None, city: str | None) -> str:
    """An address as a letter has it: the street on one line, postcode and place on the next, the postcode never
    split ("Molenweg 4" / "4049 AB Lindewaard")."""
    place = " ".join(x for x in (_unbroken(postcode), escape(city or "")) if x)
    return "<br>".join(x for x in (escape(street or ""), place) if x)


def _list(items: list[str]) -> str:
    return escape(", ".join(items)) if items else "—"


class IdeasView(RecordListView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search.setPlaceholderText(self.tr("Zoek in titel, omschrijving en nummer… (Ctrl+F)"))
        self.new_button.setText(self.tr("&Nieuw idee"))
        self.status_filter = QComboBox()
        self.area_filter = QComboBox()
        self.theme_filter = QComboBox()
        self.need_filter = QComboBox()
        self.add_filter(self.status_filter, self.tr("Filter op status"), self._status_changed)
        self.add_filter(self.area_filter, self.tr("Filter op wijk"), lambda v: self.set_query(area_id=v))
        self.add_filter(self.theme_filter, self.tr("Filter op thema"), lambda v: self.set_query(theme_id=v))
        self.add_filter(self.need_filter, self.tr("Filter op behoefte"), lambda v: self.set_query(help_type_id=v))
        self.refresh_vocabulary()
        self.order_tabs()

    def refresh_vocabulary(self) -> None:
        (areas, all_areas), terms = self.ctx.read(
            lambda s: (vocabulary.area_lists(s), vocabulary.terms_by_vocabulary(s))
        )
        self._remember_names(terms, all_areas, _IDEA_VOCABULARIES)
        themes = [t for t in terms.get(Vocabulary.THEME.value, []) if not t.retired]
        needs = [t for t in terms.get(Vocabulary.HELP_TYPE.value, []) if not t.retired]
        statuses: list[tuple[str, Any]] = [
            (self.tr("Alle statussen"), None),
            (self.tr("Lopend"), "open"),
            (self.tr("Afgesloten"), "closed"),
        ] + [(label(s.value), s.value) for s in IdeaStatus]
        fill_combo(self.status_filter, statuses, self.status_filter.currentData())
        fill_combo(
            self.area_filter, area_items(_areas_for_filter(areas), empty=self.tr("Alle wijken")), self.query.area_id
        )
        fill_combo(
            self.theme_filter, [(self.tr("Alle thema's"), None)] + [(t.name, t.id) for t in themes], self.query.theme_id
        )
        fill_combo(
            self.need_filter,
            [(self.tr("Alle behoeften"), None)] + [(t.name, t.id) for t in needs],
            self.query.help_type_id,
        )

    def _status_changed(self, value: str | None) -> None:
        if value == "open":
            statuses = tuple(s.value for s in IdeaStatus if not s.is_closed)
        elif value == "closed":
            statuses = tuple(s.value for s in IdeaStatus if s.is_closed)
        else:
            statuses = (value,) if value else ()
        self.set_query(statuses=statuses)

    def columns(self) -> list[Column[IdeaRow]]:
        return [
            Column(self.tr("Nummer"), lambda r: r.reference, "reference", width=100),
            Column(self.tr("Titel"), lambda r: r.title, "title"),
            Column(self.tr("Status"), lambda r: label(r.status), "status", width=105),
            Column(self.tr("Wijk"), lambda r: r.area, "area", width=110),
            Column(self.tr("Datum"), lambda r: format_date(r.received_on), "received", width=92),
            Column(self.tr("Behoeften"), lambda r: r.needs, width=140),
        ]

    def count(self, s: Session, q: ListQuery) -> int:
        return ideas.count_ideas(s, q)

    def fetch(self, s: Session, q: ListQuery, offset: int, limit: int, total: int | None = None) -> list[IdeaRow]:
        return ideas.list_ideas(s, q, offset, limit, total=total)

    def count_text(self, n: int) -> str:
        return self.tr("%n idee(ën)", "", n)

    def empty_message(self) -> str:
        return self.tr(
            "Hier komen de ideeën van bewoners. Registreer een idee met Ctrl+N, start een wijktafel om ideeën "
            "op te halen, of laad de voorbeeldgegevens om het programma te verkennen."
        )

    def summary_html(self, record_id: str) -> str:
        def load(s: Session) -> tuple[Any, ...]:
            data = ideas.get_idea(s, record_id)
            if not self._names_known(data.theme_ids + data.need_ids, [data.area_id] if data.area_id else []):
                # A term or area made since the lists were read (an import): read the names again.
                (_, all_areas), all_terms = vocabulary.area_lists(s), vocabulary.terms_by_vocabulary(s)
                self._remember_names(all_terms, all_areas, _IDEA_VOCABULARIES)
            return (
                data,
                matches.matches_for_idea(s, record_id),
                activities.list_activities(s, idea_id=record_id, limit=5),
            )

        data, links, recent = self.ctx.read(load)
        terms, areas = self._term_names, self._area_names
        no_links, links_title, recent_title = (
            self.tr("nog geen koppelingen"),
            self.tr("Koppelingen"),
            self.tr("Laatst gebeurd"),
        )
        rows = [
            (self.tr("Status"), escape(label(data.status))),
            (self.tr("Wijk"), escape(areas.get(data.area_id, "—"))),
            (self.tr("Thema's"), _list([terms[t] for t in data.theme_ids if t in terms])),
            (self.tr("Behoeften"), _list([terms[t] for t in data.need_ids if t in terms])),
            (self.tr("Aantal mensen"), str(data.team_size) if data.team_size else "—"),
            (self.tr("Gevraagd bedrag"), escape(format_euro(data.requested_amount)) or "—"),
            (self.tr("Binnengekomen"), escape(format_date(data.received_on))),
            (self.tr("Initiatiefnemers"), _list([p.name for p in data.initiators])),
        ]
        table = "".join(f"<tr><td nowrap><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        link_items = (
            "".join(
                f"<li>{escape(m.organisation_name)} — {escape(m.need or '')} ({escape(label(m.status))}"
                f"{', ' + escape(format_date(m.follow_up_on)) if m.follow_up_on else ''})</li>"
                for m in links
            )
            or f"<li>{no_links}</li>"
        )
        recent_items = "".join(f"<li>{escape(format_date(a.occurred_at))}: {escape(a.text)}</li>" for a in recent)
        return (
            f"<h2>{escape(data.reference or '')} {escape(data.title)}</h2>"
            f"<p>{escape(data.description).replace(chr(10), '<br>')}</p>"
            f"<table cellspacing='4'>{table}</table>"
            f"<h3>{links_title}</h3><ul>{link_items}</ul>"
            f"<h3>{recent_title}</h3><ul>{recent_items}</ul>"
        )


class OrganisationsView(RecordListView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search.setPlaceholderText(self.tr("Zoek in naam, omschrijving en plaats… (Ctrl+F)"))
        self.new_button.setText(self.tr("&Nieuwe organisatie"))
        self.area_filter = QComboBox()
        self.theme_filter = QComboBox()
        self.offer_filter = QComboBox()
        self.kind_filter = QComboBox()
        self.add_filter(self.area_filter, self.tr("Filter op wijk"), lambda v: self.set_query(area_id=v))
        self.add_filter(self.theme_filter, self.tr("Filter op thema"), lambda v: self.set_query(theme_id=v))
        self.add_filter(self.offer_filter, self.tr("Filter op aanbod"), lambda v: self.set_query(help_type_id=v))
        self.add_filter(self.kind_filter, self.tr("Filter op soort"), lambda v: self._set_extra("kind_id", v))
        self.active_only = QCheckBox(self.tr("Alleen actieve"))
        self.active_only.setAccessibleName(self.tr("Alleen actieve organisaties"))
        self.active_only.toggled.connect(lambda on: self.set_query(active_only=on))
        self.filters.insertWidget(self.filters.count() - 1, self.active_only)
        # Organisations with a contact detail an import kept as it stood in the file: the broker's to-do list.
        self.to_check = QCheckBox(self.tr("Te controleren"))
        self.to_check.setAccessibleName(self.tr("Alleen organisaties met gegevens die te controleren zijn"))
        self.to_check.toggled.connect(lambda on: self._set_extra("to_check", "1" if on else None))
        self.filters.insertWidget(self.filters.count() - 1, self.to_check)
        self.refresh_vocabulary()
        self.order_tabs()

    def default_sort(self) -> tuple[str, bool]:
        return ("name", False)

    def _set_extra(self, key: str, value: str | None) -> None:
        """One of the organisation filters kept in ``ListQuery.extra``, the others left as they are."""
        extra = {k: v for k, v in self.query.extra.items() if k != key}
        if value:
            extra[key] = value
        self.set_query(extra=extra)

    def refresh_vocabulary(self) -> None:
        (areas, all_areas), terms = self.ctx.read(
            lambda s: (vocabulary.area_lists(s), vocabulary.terms_by_vocabulary(s))
        )
        self._remember_names(terms, all_areas, Vocabulary)

        def active(v: Vocabulary) -> list[Term]:
            return [t for t in terms.get(v.value, []) if not t.retired]

        themes, offers, kinds = (
            active(Vocabulary.THEME),
            active(Vocabulary.HELP_TYPE),
            active(Vocabulary.ORGANISATION_KIND),
        )
        fill_combo(
            self.area_filter, area_items(_areas_for_filter(areas), empty=self.tr("Alle wijken")), self.query.area_id
        )
        fill_combo(self.theme_filter, _terms(self.tr("Alle thema's"), themes), self.query.theme_id)
        fill_combo(self.offer_filter, _terms(self.tr("Al het aanbod"), offers), self.query.help_type_id)
        fill_combo(self.kind_filter, _terms(self.tr("Alle soorten"), kinds), self.query.extra.get("kind_id"))

    def columns(self) -> list[Column[OrganisationRow]]:
        return [
            Column(self.tr("Naam"), lambda r: r.name, "name"),
            Column(self.tr("Soort"), lambda r: r.kind, "kind", width=120),
            Column(self.tr("Biedt"), lambda r: r.offers, width=200),
            Column(self.tr("Werkt in"), lambda r: r.areas, width=150),
            Column(self.tr("Actief"), lambda r: self.tr("ja") if r.active else self.tr("nee"), "active", width=60),
        ]

    def count(self, s: Session, q: ListQuery) -> int:
        return organisations.count_organisations(s, q)

    def fetch(
        self, s: Session, q: ListQuery, offset: int, limit: int, total: int | None = None
    ) -> list[OrganisationRow]:
        return organisations.list_organisations(s, q, offset, limit)

    def count_text(self, n: int) -> str:
        return self.tr("%n organisatie(s)", "", n)

    def empty_message(self) -> str:
        return self.tr(
            "Hier komt de sociale kaart: de organisaties die bewoners kunnen helpen. Voeg er een toe met Ctrl+N, "
            "importeer een lijst (Bestand › Organisaties importeren…) of laad de voorbeeldgegevens."
        )

    def summary_html(self, record_id: str) -> str:
        def load(s: Session) -> tuple[Any, ...]:
            data = organisations.get_organisation(s, record_id)
            term_ids = data.offer_ids + data.theme_ids + ([data.kind_id] if data.kind_id else [])
            if not self._names_known(term_ids, data.area_ids):
                # A term or area made since the lists were read (an import): read the names again.
                (_, all_areas), all_terms = vocabulary.area_lists(s), vocabulary.terms_by_vocabulary(s)
                self._remember_names(all_terms, all_areas, Vocabulary)
            return data, matches.matches_for_organisation(s, record_id)

        data, links = self.ctx.read(load)
        terms, areas = self._term_names, self._area_names
        no_people, no_links = self.tr("geen contactpersonen"), self.tr("nog geen koppelingen")
        people_title, links_title = self.tr("Contactpersonen"), self.tr("Koppelingen")
        rows = [
            (self.tr("Soort"), escape(terms.get(data.kind_id or "", "—"))),
            (self.tr("Biedt"), _list([terms[t] for t in data.offer_ids if t in terms])),
            (self.tr("Thema's"), _list([terms[t] for t in data.theme_ids if t in terms])),
            (self.tr("Werkt in"), _list([areas[a] for a in data.area_ids if a in areas])),
            (self.tr("Website"), escape(data.website or "—")),
            (self.tr("E-mail"), escape(data.email or "—")),
            (self.tr("Telefoon"), _unbroken(data.phone) or "—"),
            (self.tr("Adres"), address_html(data.address, data.postcode, data.city) or "—"),
            (self.tr("KvK"), escape(data.kvk or "—")),
            (self.tr("Actief"), self.tr("ja") if data.active else self.tr("nee")),
        ]
        table = "".join(f"<tr><td nowrap><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        people = (
            "".join(
                f"<li>{escape(c.name)}{' (' + escape(c.role) + ')' if c.role else ''} "
                f"{_unbroken(c.phone)} {escape(c.email or '')}</li>"
                for c in data.contacts
            )
            or f"<li>{no_people}</li>"
        )
        link_items = (
            "".join(
                f"<li>{escape(m.idea_reference)} {escape(m.idea_title)} ({escape(label(m.status))})</li>" for m in links
            )
            or f"<li>{no_links}</li>"
        )
        return (
            f"<h2>{escape(data.name)}</h2><p>{escape(data.description).replace(chr(10), '<br>')}</p>"
            f"<table cellspacing='4'>{table}</table>"
            f"<h3>{people_title}</h3><ul>{people}</ul>"
            f"<h3>{links_title}</h3><ul>{link_items}</ul>"
        )


_IDEA_VOCABULARIES = (Vocabulary.THEME, Vocabulary.HELP_TYPE)


def _terms(empty: str, terms: list[Term]) -> list[tuple[str, str | None]]:
    return [(empty, None)] + [(t.name, t.id) for t in terms]


def _areas_for_filter(areas: list[AreaInfo]) -> list[AreaInfo]:
    return [a for a in areas if not a.municipality_wide]
