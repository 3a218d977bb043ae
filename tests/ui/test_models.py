from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from makelaar.ui.models import ID_ROLE, Column, PagedTableModel, RowsTableModel


@dataclass(frozen=True)
class Row:
    id: str
    name: str


def make_paged(total: int) -> tuple[PagedTableModel[Row], list[tuple[int, int]]]:
    calls: list[tuple[int, int]] = []
    rows = [Row(str(i), f"naam {i:05d}") for i in range(total)]

    def fetch(offset: int, limit: int) -> list[Row]:
        calls.append((offset, limit))
        return rows[offset : offset + limit]

    def first(limit: int) -> tuple[int, list[Row]]:
        return total, fetch(0, limit) if total else []

    model: PagedTableModel[Row] = PagedTableModel(
        [Column("Naam", lambda r: r.name, "name"), Column("Nummer", lambda r: r.id)], first, fetch
    )
    return model, calls


def test_paged_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model, _ = make_paged(1_000)
    model.reload()
    qtmodeltester.check(model)


def test_paged_model_fetches_only_the_pages_shown() -> None:
    model, calls = make_paged(100_000)
    model.reload()
    assert model.rowCount() == 100_000
    assert calls == [(0, 200)]  # the count and the first page, nothing more
    assert model.data(model.index(45_678, 0)) == "naam 45678"
    assert calls[-1] == (45_600, 200)
    assert model.data(model.index(45_679, 1), ID_ROLE) == "45679"
    assert len(calls) == 2  # the same page again comes from the cache


def test_paged_model_sort_asks_the_query_and_reloads() -> None:
    model, calls = make_paged(10)
    asked: list[tuple[str, bool]] = []
    model.on_sort = lambda key, desc: asked.append((key, desc))
    model.reload()
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert asked == [("name", True)]
    assert len(calls) == 2
    model.sort(1)  # not sortable: nothing happens
    assert asked == [("name", True)]


def test_rows_model_passes_modeltester(qtmodeltester: ModelTester) -> None:
    model: RowsTableModel[Row] = RowsTableModel([Column("Naam", lambda r: r.name)])
    model.set_rows([Row("1", "een"), Row("2", "twee")])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 0)) == "twee"
    assert model.row_at(0) == Row("1", "een")
