"""Opening a long list: its columns are fitted to the rows in view, which reads only the list's first page."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from makelaar.domain.records import IdeaData
from makelaar.services import ideas
from makelaar.storage.store import Store
from makelaar.ui.context import AppContext
from makelaar.ui.list_views import IdeasView
from makelaar.ui.models import PagedTableModel


def test_opening_a_list_of_many_pages_reads_only_the_first(
    qtbot: QtBot, ctx: AppContext, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PagedTableModel, "PAGE", 100)
    with store.begin() as s:
        for n in range(150):
            ideas.save_idea(s, IdeaData(title=f"Idee nummer {n} voor de buurt", description="Samen doen."))
    fetched: list[int] = []
    fetch = IdeasView._fetch

    def counting(view: IdeasView, offset: int, limit: int) -> list[Any]:
        fetched.append(offset)
        return fetch(view, offset, limit)

    monkeypatch.setattr(IdeasView, "_fetch", counting)
    view = IdeasView(ctx)
    qtbot.addWidget(view)
    view.reload()
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    assert view.model.rowCount() == 150
    assert fetched == []  # the first page came with the count; fitting the columns fetched nothing more
    view.table.scrollToBottom()  # the rest is read when the broker scrolls to it
    qtbot.waitUntil(lambda: fetched == [100])
