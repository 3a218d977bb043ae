"""Opening a long list: its columns are fitted to the rows in view, which reads only the list's first page."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.storage.store import Store
from makelaar.ui import theme
from makelaar.ui.context import AppContext
from makelaar.ui.list_views import IdeasView, OrganisationsView
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


@pytest.mark.parametrize("styled", [False, True], ids=["kaal", "met de opmaak"])
@pytest.mark.parametrize("view_class", [IdeasView, OrganisationsView])
def test_the_columns_are_as_wide_as_qt_itself_would_fit_them(
    qtbot: QtBot,
    ctx: AppContext,
    store: Store,
    styled: bool,
    view_class: type[IdeasView] | type[OrganisationsView],
    restored_look: None,
) -> None:
    # A fitted column is measured on its widest text only; it must come out as Qt's own fitting of every row in view.
    with store.begin() as s:
        # Widths that differ within a column (a status of 5 letters and one of 18), so the widest row decides.
        for title, status in [("Moestuin", "nieuw"), ("Buurtfeest", "zelfstandig verder"), ("Ijs", "gestopt")]:
            ideas.save_idea(s, IdeaData(title=title, description="Samen.", status=status))
        for name in ("Wijkteam", "Stichting Welzijn Lindewaard en Omstreken", "Bibliotheek"):
            organisations.save_organisation(s, OrganisationData(name=name, email="info@voorbeeld.nl"))
    if styled:
        theme.apply()
    view = view_class(ctx)
    qtbot.addWidget(view)
    view.reload()
    view.resize(1100, 760)
    view.show()
    header = view.table.horizontalHeader()
    fixed = [i for i, c in enumerate(view.columns()) if c.width]
    ours = [header.sectionSize(i) for i in fixed]
    for i in fixed:  # Qt's own: every row in view measured
        width = view.columns()[i].width
        view.table.resizeColumnToContents(i)
        header.resizeSection(i, min(header.sectionSize(i), max(width, header.sectionSizeHint(i))))
    assert ours == [header.sectionSize(i) for i in fixed]
    assert len(fixed) >= 3
