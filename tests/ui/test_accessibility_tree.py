"""Every window as a screen reader meets it (EN 301 549 / WCAG 2.1 AA): the accessibility tree Qt hands to the
screen reader has a name for every control, a role for every control, and Tab reaches every control and comes back
round (no keyboard trap). docs/accessibility.md lists what is checked here and what is checked by hand."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from makelaar.domain.records import SessionData
from makelaar.services import ideas, sessions
from makelaar.ui.audit_log import AuditLogDialog
from makelaar.ui.context import AppContext
from makelaar.ui.duplicates_dialog import DuplicatesDialog
from makelaar.ui.export_dialog import ExportDialog
from makelaar.ui.idea_editor import IdeaEditor
from makelaar.ui.import_wizard import ImportWizard
from makelaar.ui.intake import IntakeDialog
from makelaar.ui.main_window import MainWindow
from makelaar.ui.match_all import MatchAllDialog
from makelaar.ui.match_dialog import MatchDialog
from makelaar.ui.organisation_editor import OrganisationEditor
from makelaar.ui.printing import PeriodDialog, preview_organisation
from makelaar.ui.sessions_view import SessionDialog
from tests.ui.test_accessibility import _inside_composite

Role = QAccessible.Role
# Roles of what a user operates: each needs a name a screen reader speaks.
CONTROLS = {
    Role.EditableText,
    Role.ComboBox,
    Role.SpinBox,
    Role.PushButton,
    Role.CheckBox,
    Role.RadioButton,
    Role.List,
    Role.Table,
    Role.Tree,
    Role.PageTab,
    Role.ButtonMenu,
    Role.ButtonDropDown,
}
# A control's own parts (a combo box's text field, a table's cells) are named by the control or by their data.
COMPOSITES = {Role.ComboBox, Role.SpinBox, Role.List, Role.Table, Role.Tree, Role.ScrollBar}
# Widgets a user can operate; Tab must reach each one.
INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QTabBar,
)


@dataclass
class Found:
    controls: int = 0
    unnamed: list[str] | None = None
    roleless: list[str] | None = None


def walk(root: QWidget) -> Found:
    """Go through the accessibility tree under ``root`` as a screen reader does."""
    found = Found(unnamed=[], roleless=[])
    top = QAccessible.queryAccessibleInterface(root)
    assert top is not None and top.isValid()

    def visit(node: QAccessibleInterface, path: str) -> None:
        for i in range(node.childCount()):
            child = node.child(i)
            if child is None or not child.isValid() or child.state().invisible:
                continue
            role = child.role()
            name = child.text(QAccessible.Text.Name).replace("&", "").strip()
            where = f"{path} > {role.name} {type(child.object()).__name__}"
            if role == Role.NoRole:
                assert found.roleless is not None
                found.roleless.append(where)
            if role in CONTROLS:
                found.controls += 1
                if not name and not child.state().disabled:
                    assert found.unnamed is not None
                    found.unnamed.append(where)
            if role not in COMPOSITES:
                visit(child, where)

    visit(top, type(root).__name__)
    return found


def reachable_by_tab(qtbot: QtBot, window: QWidget) -> tuple[list[QWidget], list[QWidget]]:
    """Press Tab from the first control until focus comes back round: the controls visited in order, and the ones
    on screen that Tab never reached."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    expected = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, INPUTS)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not _inside_composite(w)
        and not w.objectName().startswith("qt_")
        and w.window() is window
    ]
    start = QApplication.focusWidget() or expected[0]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    start = QApplication.focusWidget() or start
    visited: list[QWidget] = [start]
    for _ in range(300):
        current = QApplication.focusWidget()
        assert current is not None
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is current:
            pytest.fail(f"Tab stays in {type(current).__name__} {current.accessibleName()!r}: a keyboard trap")
        if now is start or now is None:
            break
        visited.append(now)
    else:
        pytest.fail(f"Tab never came back round in {type(window).__name__}: a keyboard trap")
    missed = [w for w in expected if w not in visited and not any(w.isAncestorOf(v) for v in visited)]
    # Tab enters a group of option buttons once; the arrow keys choose within it (as on every desktop).
    missed = [w for w in missed if not (isinstance(w, QRadioButton) and any(_same_group(w, v) for v in visited))]
    return visited, missed


def _same_group(radio: QRadioButton, other: QWidget) -> bool:
    return isinstance(other, QRadioButton) and other.parentWidget() is radio.parentWidget() and radio.autoExclusive()


@pytest.fixture
def windows(ctx: AppContext, sample: dict[str, str]) -> dict[str, Callable[[], QWidget]]:
    with ctx.store.begin() as s:
        idea = ideas.get_idea(s, sample["garden"])
        session = sessions.save_session(s, SessionData(title="Wijktafel Noord", held_on=date(2026, 11, 26)))

    def main_window(area: int) -> Callable[[], QWidget]:
        def make() -> QWidget:
            window = MainWindow(ctx)
            window.show_area(area)
            return window

        return make

    def editor(make: Callable[[], IdeaEditor | OrganisationEditor], tab: int) -> Callable[[], QWidget]:
        def opened() -> QWidget:
            made = make()
            made.tabs.setCurrentIndex(tab)
            return made

        return opened

    found: dict[str, Callable[[], QWidget]] = {f"hoofdvenster {i}": main_window(i) for i in range(6)}
    for tab in range(6):
        found[f"idee tab {tab}"] = editor(lambda: IdeaEditor(ctx, sample["garden"]), tab)
    for tab in range(7):
        found[f"organisatie tab {tab}"] = editor(lambda: OrganisationEditor(ctx, sample["fund"]), tab)
    found.update(
        {
            "nieuw idee": lambda: IdeaEditor(ctx),
            "intake": lambda: IntakeDialog(ctx, session),
            "wijktafel": lambda: SessionDialog(ctx),
            "koppeling maken": lambda: MatchDialog(None, ctx, idea),
            "importeren": lambda: ImportWizard(ctx, "organisaties"),
            "dubbele organisaties": lambda: DuplicatesDialog(ctx),
            "afdrukvoorbeeld": lambda: preview_organisation(None, ctx, sample["green"], "Groen Doen"),  # type: ignore[arg-type]
            "periode": lambda: PeriodDialog(None),
            "exporteren": lambda: ExportDialog("ideeën", 1, 2, personal=True),
            "logboek": lambda: AuditLogDialog(ctx),
            "alle suggesties": lambda: MatchAllDialog([], False, 0),
        }
    )
    return found


WINDOWS = [f"hoofdvenster {i}" for i in range(6)] + [f"idee tab {t}" for t in range(6)]
WINDOWS += [f"organisatie tab {t}" for t in range(7)]
WINDOWS += [
    "nieuw idee",
    "intake",
    "wijktafel",
    "koppeling maken",
    "importeren",
    "dubbele organisaties",
    "afdrukvoorbeeld",
    "periode",
    "exporteren",
    "logboek",
    "alle suggesties",
]


@pytest.mark.parametrize("name", WINDOWS)
def test_every_control_has_a_name_and_a_role(
    qtbot: QtBot, windows: dict[str, Callable[[], QWidget]], name: str
) -> None:
    window = windows[name]()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    found = walk(window)
    assert found.unnamed == [], f"zonder naam in {name}"
    assert found.roleless == [], f"zonder rol in {name}"
    assert found.controls >= 2, f"de wandeling vond niets in {name}"  # a walk that finds nothing proves nothing


@pytest.mark.parametrize("name", WINDOWS)
def test_tab_reaches_every_control_and_comes_back_round(
    qtbot: QtBot, windows: dict[str, Callable[[], QWidget]], name: str
) -> None:
    window = windows[name]()
    qtbot.addWidget(window)
    visited, missed = reachable_by_tab(qtbot, window)
    assert missed == [], f"Tab bereikt niet: {[(type(w).__name__, w.accessibleName()) for w in missed]}"
    assert len(visited) >= 2


def test_the_welcome_reads_in_order_and_is_named(qtbot: QtBot, window: MainWindow) -> None:
    # An empty store: the first start.
    assert window.welcome is not None
    found = walk(window)
    assert found.unnamed == [] and found.controls >= 6
    visited, missed = reachable_by_tab(qtbot, window)
    assert missed == []
    welcome = window.welcome
    order = [w for w in visited if welcome.isAncestorOf(w)]
    assert order == [
        welcome.municipality,
        welcome.broker,
        welcome.save_button,
        welcome.import_button,
        welcome.demo_button,
        welcome.new_idea_button,
    ]
    assert welcome.municipality.accessibleName() == "Naam van de gemeente"


def test_the_walk_finds_a_nameless_control(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    QLineEdit(holder)
    holder.show()
    assert len(walk(holder).unnamed or []) == 1


def test_the_tab_walk_finds_a_keyboard_trap(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QVBoxLayout(holder)
    for w in (QLineEdit(), QPlainTextEdit(), QLineEdit()):  # Tab in a plain text field types a tab: stuck there
        w.setAccessibleName("veld")
        row.addWidget(w)
    holder.findChildren(QPlainTextEdit)[0].setFocus()
    with pytest.raises(pytest.fail.Exception, match="keyboard trap"):
        reachable_by_tab(qtbot, holder)
