"""Item models. Lists at municipal scale are paged from SQL; small lists hold their rows.

Both models take column specifications, so each view says in one place what it shows.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from makelaar.ui import theme

R = TypeVar("R")

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

# Plain ints: data() is called for every role of every cell painted (about 1,200 calls per screen of a list), and
# Qt passes the role as an int, so these are compared without going through the enum.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ID = int(ID_ROLE.value) if hasattr(ID_ROLE, "value") else int(ID_ROLE)
_ROW = int(ROW_ROLE.value) if hasattr(ROW_ROLE, "value") else int(ROW_ROLE)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_SHOWN_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _ID, _ROW, _FOREGROUND})
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R], str]
    sort_key: str | None = None  # the service's sort name; None = not sortable
    align_right: bool = False
    width: int = 0  # 0: stretch to fill the table
    # A cell that needs attention (a follow-up date gone by): shown in the warning colour, and its tooltip says why
    # in words, so the colour is not the only sign.
    warn: Callable[[R], bool] | None = None
    warning: str = ""


class _ColumnsModel(QAbstractTableModel, Generic[R]):
    """What both table models share: the columns, their headers and how a cell shows a row."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title
        return None

    def cell(self, row: R, column: int, role: int) -> Any:
        if role == _DISPLAY:
            return self._columns[column].value(row)
        if role == _TOOLTIP:
            shown = self._columns[column]
            text = shown.value(row)
            return f"{text} ({shown.warning})" if shown.warn is not None and shown.warn(row) else text
        if role == _FOREGROUND:
            shown = self._columns[column]
            return QColor(theme.current().error) if shown.warn is not None and shown.warn(row) else None
        if role == _ALIGNMENT:
            return _RIGHT if self._columns[column].align_right else None
        if role == _ID:
            return getattr(row, "id", None)
        if role == _ROW:
            return row
        return None


class RowsTableModel(_ColumnsModel[R]):
    """A small table whose rows are held in memory (a timeline, a list of koppelingen)."""

    def __init__(self, columns: Sequence[Column[R]], parent: Any = None) -> None:
        super().__init__(columns, parent)
        self._rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[R]:
        return list(self._rows)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SHOWN_ROLES or not index.isValid():
            return None
        row = index.row()
        if not (0 <= row < len(self._rows)):
            return None
        return self.cell(self._rows[row], index.column(), role)


class PagedTableModel(_ColumnsModel[R]):
    """A table over a query of any size: the count comes first, rows are fetched a page at a time when shown.

    Filtering, sorting and searching happen in SQL (the fetchers); this model only caches pages.

    Signals:
        reloaded(int): the query was run again; the argument is the number of matching rows.
    """

    reloaded = Signal(int)

    PAGE = 200
    MAX_PAGES = 40

    def __init__(
        self,
        columns: Sequence[Column[R]],
        first: Callable[[int], tuple[int, list[R]]],
        fetch: Callable[[int, int], list[R]],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._first = first  # (count, first page) in one go: one transaction, one snapshot
        self._fetch = fetch  # a later page
        self._total = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._last: tuple[int, list[R]] | None = None  # the page asked for last: a screen's cells are on one page
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.on_sort: Callable[[str, bool], None] | None = None
        self.on_sorted: Callable[[], None] | None = None  # after the rows came back in the new order
        # The (column, order) the rows were just loaded in by sort(), until anything else reloads them.
        self._sorted_as: tuple[int, Qt.SortOrder] | None = None

    # -- loading --------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._last = None
        self._sorted_as = None
        # The first page comes along with the count, so the first screen shows at once.
        self._total, page = self._first(self.PAGE)
        if self._total:
            self._pages[0] = page
        self.endResetModel()
        self.reloaded.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    def _page(self, number: int) -> list[R]:
        last = self._last
        if last is not None and last[0] == number:
            return last[1]
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * self.PAGE, self.PAGE)
            self._pages[number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        self._last = (number, page)
        return page

    def row_at(self, row: int) -> R | None:
        if not (0 <= row < self._total):
            return None
        page = self._page(row // self.PAGE)
        offset = row % self.PAGE
        return page[offset] if offset < len(page) else None

    def find_row(self, record_id: str) -> int:
        """The row of a record among the loaded pages, or -1."""
        for number, page in self._pages.items():
            for i, r in enumerate(page):
                if getattr(r, "id", None) == record_id:
                    return number * self.PAGE + i
        return -1

    # -- Qt model API ---------------------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Roles nobody shows are answered before a page would be fetched for them.
        if role not in _SHOWN_ROLES or not index.isValid():
            return None
        number = index.row()
        if not (0 <= number < self._total):
            return None
        page = self._page(number // self.PAGE)
        offset = number % self.PAGE
        return self.cell(page[offset], index.column(), role) if offset < len(page) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self._columns)):
            return
        key = self._columns[column].sort_key
        if key is None or self.on_sort is None:
            return
        if self._sorted_as == (column, order):
            # QTableView.sortByColumn asks twice (once through the header's indicator, once itself): the rows are in
            # this order already and nothing reloaded them since, so the second request costs nothing.
            return
        self.sort_column, self.sort_order = column, order
        self.on_sort(key, order == Qt.SortOrder.DescendingOrder)
        self.reload()
        self._sorted_as = (column, order)
        if self.on_sorted is not None:
            self.on_sorted()
