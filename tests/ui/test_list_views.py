"""Searching, filtering, sorting and opening from the Ideeën and Organisaties lists."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event, text
from sqlalchemy.orm import Session

from makelaar.domain.enums import Vocabulary
from makelaar.domain.records import IdeaData
from makelaar.services import ideas, organisations
from makelaar.services.listing import ListQuery
from makelaar.storage.store import Store
from makelaar.ui.context import AppContext
from makelaar.ui.list_views import IdeasView, OrganisationsView
from makelaar.ui.settings import UiSettings
from tests.ui.conftest import terms


def titles(view: IdeasView) -> list[str]:
    return [view.model.index(r, 1).data() for r in range(view.model.rowCount())]


def names(view: OrganisationsView) -> list[str]:
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def type_search(qtbot: QtBot, view: IdeasView | OrganisationsView, text: str) -> None:
    """Type into the search field and wait for the pause after typing that starts the search."""
    view.search.clear()
    qtbot.keyClicks(view.search, text)
    qtbot.waitUntil(lambda: view.query.search == text)


def make_ideas_view(qtbot: QtBot, ctx: AppContext) -> IdeasView:
    view = IdeasView(ctx)
    qtbot.addWidget(view)
    view.reload()
    view.show()
    return view


def test_search_as_you_type(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    assert sorted(titles(view)) == ["Buurtmoestuin aan de Lindelaan", "Samen eten met ouderen"]
    type_search(qtbot, view, "moes")
    assert titles(view) == ["Buurtmoestuin aan de Lindelaan"]
    assert view.count_label.text().startswith("1 idee")
    type_search(qtbot, view, "ouderen eten")  # every word, in any order, in title or description
    assert titles(view) == ["Samen eten met ouderen"]
    type_search(qtbot, view, "zwembad")
    assert titles(view) == []
    # A search without hits says so (not "here come the ideas") and offers the way back to the whole list.
    assert view.stack.currentWidget() is view.empty
    assert view.empty_text.text() == "Niets gevonden met deze zoekterm en filters."
    assert view.clear_button.isVisible()
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert view.search.text() == "" and len(titles(view)) == 2
    assert view.stack.currentWidget() is view.table


def test_filters_by_status_area_theme_and_need(
    qtbot: QtBot, ctx: AppContext, store: object, sample: dict[str, str]
) -> None:
    view = make_ideas_view(qtbot, ctx)
    view.status_filter.setCurrentIndex(view.status_filter.findData("in verkenning"))
    assert titles(view) == ["Samen eten met ouderen"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("open"))
    assert len(titles(view)) == 2
    view.area_filter.setCurrentIndex(view.area_filter.findData(sample["noord"]))
    assert titles(view) == ["Buurtmoestuin aan de Lindelaan"]
    view.area_filter.setCurrentIndex(0)
    needs = terms(ctx.store, Vocabulary.HELP_TYPE)
    view.need_filter.setCurrentIndex(view.need_filter.findData(needs["geld"]))
    assert titles(view) == ["Samen eten met ouderen"]
    view.need_filter.setCurrentIndex(0)
    themes = terms(ctx.store, Vocabulary.THEME)
    view.theme_filter.setCurrentIndex(view.theme_filter.findData(themes["duurzaamheid"]))
    assert titles(view) == ["Buurtmoestuin aan de Lindelaan"]


def test_sorting_by_clicking_a_column_header(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    header = view.table.horizontalHeader()
    title_header = QPoint(header.sectionViewportPosition(1) + 5, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title_header)
    assert view.query.sort == "title"
    first = titles(view)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title_header)
    second = titles(view)
    assert len(first) == 2
    assert {first[0], second[0]} == {"Buurtmoestuin aan de Lindelaan", "Samen eten met ouderen"}
    assert second == list(reversed(first))
    assert first in (sorted(first), sorted(first, reverse=True))


def test_the_selected_record_stays_selected_when_sorting(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    row = titles(view).index("Samen eten met ouderen")
    view.table.selectRow(row)
    chosen = view.current_id()
    assert "Samen eten met ouderen" in view.detail.toPlainText()
    header = view.table.horizontalHeader()
    for _ in range(2):  # both orders
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(1) + 5, 5)
        )
        assert view.current_id() == chosen
        assert titles(view)[view.table.currentIndex().row()] == "Samen eten met ouderen"
        assert "Samen eten met ouderen" in view.detail.toPlainText()  # the summary is of the selected idea


def test_enter_opens_the_selected_record(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    view.table.setFocus()
    view.table.selectRow(0)
    expected = view.current_id()
    with qtbot.waitSignal(view.open_requested) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [expected]


def test_selection_shows_the_summary(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    type_search(qtbot, view, "moestuin")
    view.table.selectRow(0)
    html = view.detail.toPlainText()
    assert "Buurtmoestuin aan de Lindelaan" in html
    assert "ruimte, vrijwilligers" in html
    assert "Anna de Vries" in html


def test_empty_list_teaches_what_belongs_there(qtbot: QtBot, ctx: AppContext) -> None:
    view = make_ideas_view(qtbot, ctx)
    assert view.stack.currentWidget() is view.empty
    assert "wijktafel" in view.empty_text.text()
    orgs = OrganisationsView(ctx)
    qtbot.addWidget(orgs)
    orgs.reload()
    assert orgs.stack.currentWidget() is orgs.empty
    assert "importeer" in orgs.empty_text.text()


def test_organisations_search_filter_and_active_only(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = OrganisationsView(ctx)
    qtbot.addWidget(view)
    view.reload()
    assert names(view) == ["Buurtfonds Lindewaard", "Stichting Groen Doen"]  # by name, A-Z
    type_search(qtbot, view, "groen")
    assert names(view) == ["Stichting Groen Doen"]
    type_search(qtbot, view, "")
    needs = terms(ctx.store, Vocabulary.HELP_TYPE)
    view.offer_filter.setCurrentIndex(view.offer_filter.findData(needs["geld"]))
    assert names(view) == ["Buurtfonds Lindewaard"]
    view.offer_filter.setCurrentIndex(0)
    view.area_filter.setCurrentIndex(view.area_filter.findData(sample["noord"]))
    assert names(view) == ["Stichting Groen Doen"]


def test_search_waits_for_a_pause_in_typing(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    qtbot.keyClicks(view.search, "moes")
    assert view.query.search == ""  # nothing ran per letter
    qtbot.waitUntil(lambda: titles(view) == ["Buurtmoestuin aan de Lindelaan"])
    view.search.setText("ouderen")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # Enter searches at once
    assert titles(view) == ["Samen eten met ouderen"]


def test_keyboard_reaches_filters_and_results(qtbot: QtBot, ctx: AppContext, sample: dict[str, str]) -> None:
    view = make_ideas_view(qtbot, ctx)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.status_filter  # the filters come right after the search field
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is view.table
    assert view.table.currentIndex().row() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)  # Tab leaves the list instead of walking its cells
    assert QApplication.focusWidget() is view.detail


def test_the_count_and_the_first_page_come_from_one_transaction(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    # One snapshot: on a shared server another broker's new idea cannot be in the count and not on the page.
    view = make_ideas_view(qtbot, ctx)
    transactions: list[list[str]] = []

    def statement(_conn: object, _cursor: object, sql: str, *_: object) -> None:
        if sql.startswith("BEGIN"):
            transactions.append([])
        elif transactions:
            transactions[-1].append(sql)

    event.listen(ctx.store.engine, "before_cursor_execute", statement)
    try:
        type_search(qtbot, view, "moes")
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", statement)
    assert titles(view) == ["Buurtmoestuin aan de Lindelaan"]
    listing = [t for t in transactions if any("count(" in sql for sql in t)]
    assert len(listing) == 1
    assert any("FROM ideas LEFT OUTER JOIN areas" in sql for sql in listing[0])


def test_on_a_server_the_count_and_the_first_page_share_one_snapshot(
    qtbot: QtBot, any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL's default (READ COMMITTED) gives each statement a snapshot of its own: the list asks for one.
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ctx = AppContext(store=any_store, settings=settings)
    with any_store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin"))
    view = IdeasView(ctx)
    qtbot.addWidget(view)
    isolation: list[str] = []
    count = view.count

    def counting(s: Session, q: ListQuery) -> int:
        if s.get_bind().dialect.name == "postgresql":
            isolation.append(str(s.execute(text("SHOW transaction_isolation")).scalar()))
        return count(s, q)

    monkeypatch.setattr(view, "count", counting)
    view.reload()
    assert titles(view) == ["Buurtmoestuin"]
    on_server = any_store.engine.dialect.name == "postgresql"
    assert isolation == (["repeatable read"] if on_server else [])


def test_an_address_wraps_where_a_letter_would() -> None:
    from makelaar.ui.list_views import address_html

    assert address_html("Molenweg 4", "4049 AB", "Lindewaard") == "Molenweg 4<br>4049&nbsp;AB Lindewaard"
    assert address_html(None, "4049 AB", None) == "4049&nbsp;AB"
    assert address_html("Molenweg <4>", None, "Lindewaard") == "Molenweg &lt;4&gt;<br>Lindewaard"
    assert address_html(None, None, None) == ""


def test_the_te_controleren_filter_shows_organisations_with_marked_details_and_keeps_the_kind_filter(
    qtbot: QtBot, ctx: AppContext, sample: dict[str, str]
) -> None:
    with ctx.store.begin() as s:
        groen = organisations.find_organisation(s, "Stichting Groen Doen")
        organisations.save_organisation(s, replace(groen, phone="bel de balie", to_check=["phone"]))
    view = OrganisationsView(ctx)
    qtbot.addWidget(view)
    view.reload()
    assert names(view) == ["Buurtfonds Lindewaard", "Stichting Groen Doen"]

    view.to_check.click()

    assert names(view) == ["Stichting Groen Doen"]
    kind = view.kind_filter.findData(groen.kind_id) if groen.kind_id else 0
    view.kind_filter.setCurrentIndex(kind)
    assert view.query.extra.get("to_check") == "1"  # choosing a kind keeps the other filter
    view.to_check.click()
    assert "to_check" not in view.query.extra


def test_long_filter_choices_do_not_push_the_summary_aside(
    qtbot: QtBot, ctx: AppContext, store: Store, sample: dict[str, str]
) -> None:
    from makelaar.services import vocabulary

    long_kind = "informeel (bewonersgroep, netwerk, buurtcomité of vriendenclub zonder rechtsvorm)"
    with store.begin() as s:
        vocabulary.add_term(s, Vocabulary.ORGANISATION_KIND, long_kind)
    view = OrganisationsView(ctx)
    qtbot.addWidget(view)
    view.reload()
    assert view.kind_filter.findText(long_kind) >= 0
    # The filter is as wide as a short choice; the longest one would make it wider than the whole row of filters.
    assert view.kind_filter.sizeHint().width() < view.kind_filter.fontMetrics().horizontalAdvance(long_kind)
    view.resize(1150, 600)
    view.show()
    qtbot.waitExposed(view)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.isVisible())
    assert view.splitter.sizes()[1] >= 260  # the summary beside the list stays readable
