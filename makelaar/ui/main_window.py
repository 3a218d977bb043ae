"""The main window: navigation on the left, the chosen area on the right, the store in the status bar."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QColor, QFont, QGuiApplication, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from makelaar.actions import backups
from makelaar.actions.common import NOTHING, Changes
from makelaar.domain.errors import KnownError
from makelaar.priority import give_way
from makelaar.services import vocabulary
from makelaar.storage import backup
from makelaar.storage.store import Store, open_store
from makelaar.ui import theme
from makelaar.ui.context import AppContext, Confirm, TextPrompt
from makelaar.ui.dialogs import FileChooser, Notice, may_write
from makelaar.ui.errors import show_error
from makelaar.ui.icons import icon
from makelaar.ui.list_views import IdeasView, OrganisationsView, RecordListView
from makelaar.ui.operations import announce, run_op
from makelaar.ui.tasks import run_cancellable
from makelaar.ui.today_view import TodayView
from makelaar.ui.window_size import available_size

# The editors, dialogs and reports are imported where they open, not here: the window appears without them.
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from makelaar.ui.audit_log import AuditLogDialog
    from makelaar.ui.duplicates_dialog import DuplicatesOutcome
    from makelaar.ui.idea_editor import IdeaEditor
    from makelaar.ui.match_all import MatchAllDialog
    from makelaar.ui.matches_view import MatchesView
    from makelaar.ui.organisation_editor import OrganisationEditor
    from makelaar.ui.report_preview import ReportPreview
    from makelaar.ui.sessions_view import SessionsView
    from makelaar.ui.settings_view import SettingsView
    from makelaar.ui.welcome import WelcomePanel


NAV_ICONS = {
    "today": "sun",
    "ideas": "lightbulb",
    "organisations": "building-2",
    "matches": "link",
    "sessions": "users",
    "settings_view": "settings",
}
COUNT_ROLE = Qt.ItemDataRole.UserRole + 1
COUNTS_POLL_MS = 50  # how often the window looks whether the counts read in the background are in

log = logging.getLogger(__name__)


class CountDelegate(QStyledItemDelegate):
    """A navigation entry with its count on the right ("Vandaag   3"), like the unread count in a mail program."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        count = index.data(COUNT_ROLE)
        if not count:
            return
        colours = theme.current()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(QColor(colours.on_accent if selected else colours.text))
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        area = option.rect.adjusted(0, 0, -14, 0)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), format_count(count))
        painter.restore()


def format_count(n: int) -> str:
    """1234 as 1.234, the Dutch way."""
    return f"{n:,}".replace(",", ".")


def put_on_look(ctx: AppContext) -> None:
    """The program's look with the municipality's accent colour, light or dark as the system is. The program puts
    it on before it builds its window (put on afterwards, it restyles every widget of the window once more)."""
    theme.apply(ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.ACCENT_SETTING)))


def navigation_counts(s: Session) -> dict[str, int]:
    """What the navigation counts: open ideas, active organisations and koppelingen still under way."""
    from makelaar.domain.enums import IdeaStatus, MatchStatus
    from makelaar.services import ideas, matches, organisations
    from makelaar.services.listing import ListQuery

    open_ideas = ListQuery(statuses=tuple(st.value for st in IdeaStatus if not st.is_closed))
    running = ListQuery(
        statuses=(MatchStatus.PROPOSED.value, MatchStatus.APPROACHED.value, MatchStatus.COMMITTED.value)
    )
    return {
        "ideas": ideas.count_ideas(s, open_ideas),
        "organisations": organisations.count_organisations(s, ListQuery(active_only=True)),
        "matches": matches.count_matches(s, running),
    }


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.editors: list[QWidget] = []
        self._action_icons: list[tuple[QAction, str]] = []
        self._menu_icons: list[tuple[QMenu, str]] = []
        self._follows_system = False
        self.today = TodayView(ctx)
        self.today.open_idea.connect(self.open_idea)
        # The other areas are built when first needed (shown, or asked for by an action): the window appears
        # with only Vandaag built. Until then the stack holds an empty page in their place.
        self._made: dict[str, QWidget] = {"today": self.today}
        self.areas: list[tuple[str, str]] = [
            (self.tr("Vandaag"), "today"),
            (self.tr("Ideeën"), "ideas"),
            (self.tr("Organisaties"), "organisations"),
            (self.tr("Koppelingen"), "matches"),
            (self.tr("Wijktafels"), "sessions"),
            (self.tr("Instellingen"), "settings_view"),
        ]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Onderdelen"))
        self.nav.setFixedWidth(200)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setItemDelegate(CountDelegate(self.nav))
        self.stack = QStackedWidget()
        for i, (title, name) in enumerate(self.areas):
            item = QListWidgetItem(title)
            item.setToolTip(f"{title} (Ctrl+{i + 1})")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
            self.stack.addWidget(self._made.get(name) or QWidget())
        self.refresh_icons()
        self.nav.currentRowChanged.connect(self._show_row)
        # The lists are queried when first shown (Vandaag opens first), or earlier when something reloads them.
        self._not_loaded: set[QWidget] = set()
        self.stack.currentChanged.connect(self._load_on_first_show)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, theme.SPACING, 0)
        row.setSpacing(theme.SPACING)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.store_label = QLabel()
        self.backup_label = QLabel()
        self.statusBar().addWidget(self.store_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._update_status()
        self._update_title()
        self.nav.setCurrentRow(0)
        self.welcome: WelcomePanel | None = None
        self._update_welcome()
        # The counts in the navigation are read in the background, asked for once the window is up: the window and
        # Vandaag wait neither for them nor for the thread that reads them competing with the window being built.
        self._counts_asked = 0
        QTimer.singleShot(0, self, self.update_counts_in_background)
        self.today.attention_changed.connect(lambda n: self._show_counts({"today": n}))
        ctx.changes.changed.connect(self._changed)
        geometry = ctx.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 680)
        # A window remembered from a bigger screen still fits this one, status bar and all.
        if not self.isMaximized():
            self.resize(self.size().boundedTo(available_size(self)))

    # -- menus --------------------------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name is not None:
            self._action_icons.append((action, icon_name))
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&Bestand"))
        self.new_action = self._action(
            self.tr("&Nieuw…"), self.new_in_current, QKeySequence.StandardKey.New, icon_name="plus"
        )
        file.addAction(self.new_action)
        file.addSeparator()
        file.addAction(
            self._action(
                self.tr("Organisaties &importeren…"), lambda: self.import_file("organisaties"), icon_name="file-down"
            )
        )
        file.addAction(self._action(self.tr("Ideeën i&mporteren…"), lambda: self.import_file("ideeen")))
        self.undo_import_action = self._action(self.tr("Import &ongedaan maken…"), self.undo_import, icon_name="undo-2")
        file.addAction(self.undo_import_action)
        export = file.addMenu(self.tr("&Exporteren"))
        self.export_action = self._action(
            self.tr("Wat de lijst &toont…"), self.export_current, "Ctrl+E", icon_name="file-up"
        )
        export.addAction(self.export_action)
        export.addSeparator()
        export.addAction(self._action(self.tr("Organisaties…"), lambda: self.export_file("organisaties")))
        export.addAction(self._action(self.tr("Ideeën…"), lambda: self.export_file("ideeen")))
        export.addAction(self._action(self.tr("Koppelingen…"), lambda: self.export_file("koppelingen")))
        file.addSeparator()
        self.exchange_export_action = self._action(
            self.tr("Wijzigingen exporteren voor uit&wisseling…"), self.export_exchange, icon_name="arrow-left-right"
        )
        file.addAction(self.exchange_export_action)
        self.exchange_export_all_action = self._action(
            self.tr("Alles exporteren voor uitwisseling (gemiste uitwisseling)…"),
            lambda: self.export_exchange(everything=True),
        )
        file.addAction(self.exchange_export_all_action)
        self.exchange_import_action = self._action(self.tr("Uitwisselbestand in&lezen…"), self.import_exchange)
        file.addAction(self.exchange_import_action)
        file.addSeparator()
        privacy_menu = file.addMenu(icon("shield"), self.tr("&Privacy"))
        self._menu_icons.append((privacy_menu, "shield"))
        self.audit_log_action = self._action(self.tr("&Logboek persoonsgegevens…"), self.show_audit_log)
        privacy_menu.addAction(self.audit_log_action)
        privacy_menu.addAction(self._action(self.tr("&Bewaartermijn instellen…"), self.show_retention))
        file.addSeparator()
        file.addAction(self._action(self.tr("&Back-up maken"), self.make_backup, icon_name="database-backup"))
        file.addAction(self._action(self.tr("Back-up &terugzetten…"), self.restore_backup, icon_name="archive-restore"))
        file.addAction(self._action(self.tr("&Voorbeeldgegevens laden"), self.load_demo, icon_name="sparkles"))
        file.addSeparator()
        file.addAction(self._action(self.tr("&Afsluiten"), self.close, "Ctrl+Q", icon_name="log-out"))

        edit = bar.addMenu(self.tr("B&ewerken"))
        self.find_action = self._action(
            self.tr("&Zoeken"), self.focus_search, QKeySequence.StandardKey.Find, icon_name="search"
        )
        edit.addAction(self.find_action)
        self.open_action = self._action(self.tr("&Openen"), self.open_current, "Ctrl+O")
        edit.addAction(self.open_action)
        edit.addSeparator()
        self.match_all_action = self._action(
            self.tr("&Suggesties voor alle open ideeën…"), self.match_all, "Ctrl+Shift+M", icon_name="sparkles"
        )
        edit.addAction(self.match_all_action)
        self.duplicates_action = self._action(
            self.tr("&Dubbele organisaties zoeken…"), lambda: self.find_duplicates(), icon_name="copy"
        )
        edit.addAction(self.duplicates_action)

        report_menu = bar.addMenu(self.tr("&Rapporten"))
        self.print_action = self._action(
            self.tr("&Afdrukken…"), self.print_current, QKeySequence.StandardKey.Print, icon_name="printer"
        )
        report_menu.addAction(self.print_action)
        report_menu.addAction(self._action(self.tr("&Overzicht voor college en raad…"), self.print_overview))
        report_menu.addSeparator()
        report_menu.addAction(
            self._action(
                self.tr("Matchkaart verwerken: idee openen op &nummer…"),
                self.open_by_reference,
                "Ctrl+G",
                icon_name="file-text",
            )
        )

        view = bar.addMenu(self.tr("&Beeld"))
        for i, (title, _name) in enumerate(self.areas):
            view.addAction(self._action(title, lambda _=False, i=i: self.show_area(i), f"Ctrl+{i + 1}"))
        view.addSeparator()
        view.addAction(
            self._action(
                self.tr("&Vernieuwen"), self.refresh_all, QKeySequence.StandardKey.Refresh, icon_name="refresh-cw"
            )
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Sneltoetsen"), self.show_shortcuts, "F1", icon_name="keyboard"))
        help_menu.addAction(self._action(self.tr("&Over Makelaar"), self.show_about, icon_name="info"))

    # -- navigation ---------------------------------------------------------------------------------------------

    def show_area(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    @Slot(int)
    def _show_row(self, index: int) -> None:
        if 0 <= index < len(self.areas):
            self._area(self.areas[index][1])  # built first, so the stack never shows the empty page
        self.stack.setCurrentIndex(index)

    @Slot(int)
    def _load_on_first_show(self, index: int) -> None:
        view = self.stack.widget(index)
        if isinstance(view, RecordListView) and view in self._not_loaded:
            view.reload()

    def apply_look(self) -> None:
        """The program's look with the municipality's accent colour, light or dark as the system is, and again
        whenever the system switches."""
        put_on_look(self.ctx)
        self.refresh_icons()
        if not self._follows_system:
            self._follows_system = True
            # A method of the window, so the connection goes with the window.
            QGuiApplication.styleHints().colorSchemeChanged.connect(self._scheme_changed)

    @Slot(Qt.ColorScheme)
    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self.apply_look()

    def refresh_icons(self) -> None:
        """Icons in the colours of the look in use (again after a switch between light and dark)."""
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setIcon(icon(NAV_ICONS[str(item.data(Qt.ItemDataRole.UserRole))]))
        for action, name in self._action_icons:
            action.setIcon(icon(name))
        for menu, name in self._menu_icons:
            menu.setIcon(icon(name))

    def update_counts(self) -> None:
        """The counts in the navigation: what Vandaag asks attention for, open ideas, active organisations and
        koppelingen still under way."""
        self._counts_asked += 1
        self._apply_counts(self.ctx.read(navigation_counts))

    def update_counts_in_background(self) -> None:
        """The same counts read in a thread of their own (SQLite leaves Python's lock while it counts), shown when
        they are in, unless counts asked for since then are newer. When the reading fails, it is done again here,
        so the error shows where it always does."""
        self._counts_asked += 1
        asked = self._counts_asked
        store = self.ctx.store
        answer: list[dict[str, int]] = []

        def read() -> None:
            give_way()  # the counts may come a moment after the window, never the window after them
            try:
                with store.begin() as s:
                    answer.append(navigation_counts(s))
            except Exception:
                log.exception("counting for the navigation in the background failed; counting again in the window")

        worker = threading.Thread(target=read, name="makelaar-counts", daemon=True)
        worker.start()
        timer = QTimer(self)  # a child of the window: it goes with the window
        timer.setInterval(COUNTS_POLL_MS)

        def look() -> None:
            if worker.is_alive():
                return
            timer.stop()
            timer.deleteLater()
            if asked != self._counts_asked:
                return  # newer counts were asked for meanwhile
            if answer:
                self._apply_counts(answer[0])
            else:
                self.update_counts()

        timer.timeout.connect(look)
        timer.start()

    def _apply_counts(self, counts: dict[str, int]) -> None:
        counts["today"] = self.today.attention
        self._show_counts(counts)

    def _show_counts(self, counts: dict[str, int]) -> None:
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            name = str(item.data(Qt.ItemDataRole.UserRole))
            if name not in counts:
                continue
            n = counts[name]
            item.setData(COUNT_ROLE, n)
            title = self.areas[i][0]
            described = {
                "today": self.tr("%1, %2 vragen aandacht"),
                "ideas": self.tr("%1, %2 lopend"),
                "organisations": self.tr("%1, %2 actief"),
                "matches": self.tr("%1, %2 lopend"),
            }.get(name)
            spoken = described.replace("%1", title).replace("%2", str(n)) if described and n else title
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)

    # -- the areas, built when first needed ---------------------------------------------------------------------

    @property
    def ideas(self) -> IdeasView:
        return cast(IdeasView, self._area("ideas"))

    @property
    def organisations(self) -> OrganisationsView:
        return cast(OrganisationsView, self._area("organisations"))

    @property
    def matches(self) -> MatchesView:
        return cast("MatchesView", self._area("matches"))

    @property
    def sessions(self) -> SessionsView:
        return cast("SessionsView", self._area("sessions"))

    @property
    def settings_view(self) -> SettingsView:
        return cast("SettingsView", self._area("settings_view"))

    def _built(self, name: str) -> QWidget | None:
        """An area if it was built, without building it."""
        return self._made.get(name)

    def _loaded(self, name: str) -> RecordListView | None:
        """A list that was built and queried (something to reload), else None."""
        view = self._made.get(name)
        return view if isinstance(view, RecordListView) and view not in self._not_loaded else None

    def _area(self, name: str) -> QWidget:
        view = self._made.get(name)
        if view is not None:
            return view
        view = self._build_area(name)
        self._made[name] = view
        if isinstance(view, RecordListView):
            self._not_loaded.add(view)
            view.model.reloaded.connect(lambda _total, v=view: self._not_loaded.discard(v))
        index = next(i for i, (_title, area) in enumerate(self.areas) if area == name)
        placeholder = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.blockSignals(True)  # the swap is not a change of area
        self.stack.insertWidget(index, view)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self.stack.blockSignals(False)
        return view

    def _build_area(self, name: str) -> QWidget:
        ctx = self.ctx
        if name == "ideas":
            ideas_view = IdeasView(ctx)
            ideas_view.open_requested.connect(self.open_idea)
            ideas_view.new_requested.connect(self.new_idea)
            ideas_view.add_empty_action(self.tr("Nieuw idee"), self.new_idea)
            ideas_view.add_empty_action(self.tr("Wijktafel plannen"), lambda: self.show_view(self.sessions))
            ideas_view.add_empty_action(self.tr("Voorbeeldgegevens laden"), self.load_demo)
            return ideas_view
        if name == "organisations":
            organisations_view = OrganisationsView(ctx)
            organisations_view.open_requested.connect(self.open_organisation)
            organisations_view.new_requested.connect(self.new_organisation)
            organisations_view.add_empty_action(
                self.tr("Sociale kaart importeren…"), lambda: self.import_file("organisaties")
            )
            organisations_view.add_empty_action(self.tr("Nieuwe organisatie"), self.new_organisation)
            organisations_view.add_empty_action(self.tr("Voorbeeldgegevens laden"), self.load_demo)
            # Also in the list's context menu (right click, menu key), starting at the chosen one.
            here = QAction(self.tr("Dubbele organisaties zoeken…"), organisations_view.table)
            self.duplicates_here_action = here
            here.triggered.connect(lambda: self.find_duplicates(organisations_view.current_id()))
            organisations_view.table.addAction(here)
            organisations_view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            return organisations_view
        if name == "matches":
            from makelaar.ui.matches_view import MatchesView

            matches_view = MatchesView(ctx)
            matches_view.open_idea.connect(self.open_idea)
            matches_view.add_empty_action(self.tr("Naar de ideeën"), lambda: self.show_view(self.ideas))
            matches_view.add_empty_action(self.tr("Voorbeeldgegevens laden"), self.load_demo)
            return matches_view
        if name == "sessions":
            from makelaar.ui.sessions_view import SessionsView

            sessions_view = SessionsView(ctx)
            sessions_view.ideas_changed.connect(lambda: self._reload_loaded("ideas"))
            sessions_view.ideas_changed.connect(self._update_welcome)
            return sessions_view
        if name == "settings_view":
            from makelaar.ui.settings_view import SettingsView

            settings = SettingsView(ctx)
            settings.vocabulary_changed.connect(self._vocabulary_changed)
            settings.municipality_changed.connect(self._update_title)
            settings.accent_changed.connect(self.apply_look)
            return settings
        raise KeyError(name)

    def _reload_loaded(self, name: str) -> None:
        view = self._loaded(name)
        if view is not None:
            view.reload()

    def _reload_keeping(self, name: str, record_id: str) -> None:
        """A saved record: its list (once queried) looks again and keeps it selected."""
        view = self._loaded(name)
        if view is not None:
            view.reload(keep=record_id)

    def show_view(self, view: QWidget) -> None:
        self.show_area(self.stack.indexOf(view))

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    @Slot()
    def focus_search(self) -> None:
        view = self.current_view()
        focus = getattr(view, "focus_search", None)
        if focus is not None:
            focus()

    @Slot()
    def new_in_current(self) -> None:
        view = self.current_view()
        if view is self._built("organisations"):
            self.new_organisation()
        elif view is self._built("sessions"):
            self.sessions.new_session()
        else:
            self.show_view(self.ideas)
            self.new_idea()

    @Slot()
    def open_current(self) -> None:
        view = self.current_view()
        if isinstance(view, RecordListView):
            record = view.current_id()
            if record:
                view.open_requested.emit(record)

    # -- editors ------------------------------------------------------------------------------------------------

    def _track(self, editor: IdeaEditor | OrganisationEditor, list_name: str) -> None:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(lambda record_id: self._reload_keeping(list_name, record_id))
        editor.saved.connect(lambda _id: self._update_welcome() if self.welcome is not None else None)
        editor.saved.connect(lambda _id: self.update_counts())
        editor.saved.connect(lambda _id: self.today.reload() if self.today.isVisible() else None)
        # Saving an idea or an organisation can change its koppelingen (status, names).
        editor.saved.connect(lambda _id: self._reload_loaded("matches"))
        editor.destroyed.connect(lambda _=None, e=editor: self.editors.remove(e) if e in self.editors else None)
        self.editors.append(editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()

    @Slot()
    def new_idea(self) -> IdeaEditor:
        from makelaar.ui.idea_editor import IdeaEditor

        editor = IdeaEditor(self.ctx, None, self)
        self._track(editor, "ideas")
        return editor

    @Slot(str)
    def open_idea(self, idea_id: str) -> IdeaEditor:
        from makelaar.ui.idea_editor import IdeaEditor

        for e in self.editors:
            if isinstance(e, IdeaEditor) and e.record_id == idea_id:
                e.raise_()
                e.activateWindow()
                return e
        editor = IdeaEditor(self.ctx, idea_id, self)
        editor.saved.connect(lambda _id: self._reload_loaded("organisations"))
        editor.deleted.connect(lambda _id: self._reload_loaded("ideas"))
        self._track(editor, "ideas")
        return editor

    @Slot()
    def new_organisation(self) -> OrganisationEditor:
        from makelaar.ui.organisation_editor import OrganisationEditor

        editor = OrganisationEditor(self.ctx, None, self)
        self._track(editor, "organisations")
        return editor

    @Slot(str)
    def open_organisation(self, organisation_id: str) -> OrganisationEditor:
        from makelaar.ui.organisation_editor import OrganisationEditor

        for e in self.editors:
            if isinstance(e, OrganisationEditor) and e.record_id == organisation_id:
                e.raise_()
                return e
        editor = OrganisationEditor(self.ctx, organisation_id, self)
        self._track(editor, "organisations")
        return editor

    # -- file actions -------------------------------------------------------------------------------------------

    def import_file(self, kind: str) -> None:
        """The import wizard: file, column mapping, preview, then the import (after a backup) and its summary."""
        from makelaar.ui.import_wizard import ImportWizard

        ImportWizard.ask(self, self.ctx, kind, close_editors=self._close_record_editors)

    @Slot()
    def undo_import(self) -> None:
        """Recent imports, one of which can be undone as a whole."""
        from makelaar.ui.import_wizard import UndoImportDialog

        UndoImportDialog.ask(self, self.ctx, close_editors=self._close_record_editors)

    _EXPORTED = {"organisaties": "organisations", "ideeen": "ideas", "koppelingen": "matches"}

    @Slot()
    def export_current(self) -> None:
        """Ctrl+E: export what the list on screen shows (the ideas when no list is on screen)."""
        view = self.current_view()
        found = (kind for kind, name in self._EXPORTED.items() if view is self._built(name))
        self.export_file(next(found, "ideeen"))

    def export_file(self, kind: str) -> None:
        from makelaar.actions.records import export_records
        from makelaar.services.listing import ListQuery
        from makelaar.ui.export_dialog import ExportDialog

        view = cast(RecordListView, self._area(self._EXPORTED[kind]))
        query = view.query
        shown, total = self.ctx.read(lambda s: (view.count(s, query), view.count(s, ListQuery())))
        what = {
            "organisaties": self.tr("organisaties"),
            "ideeen": self.tr("ideeën"),
            "koppelingen": self.tr("koppelingen"),
        }[kind]
        choice = ExportDialog.ask(self, what, shown, total, personal=kind == "ideeen")
        if choice is None:
            return
        path = FileChooser.save(
            self,
            self.tr("Exporteren naar"),
            str(Path(self.ctx.settings.last_folder or Path.home()) / f"{kind}.csv"),
            self.tr("CSV (*.csv);;Excel (*.xlsx)"),
        )
        if not path:
            return
        self.ctx.settings.last_folder = str(Path(path).parent)
        overwrite = may_write(self, Path(path))
        if overwrite is None:
            return
        count = run_op(
            self,
            self.ctx,
            lambda: export_records(
                self.ctx.store,
                kind,
                Path(path),
                query=query if choice.filtered else None,
                own_records=choice.own_records,
                overwrite=overwrite,
            ),
            progress=self.tr("Bezig met exporteren…"),
        )
        if count is None:
            return
        Notice.show(
            self,
            self.tr("Export klaar"),
            self.tr("%1 regels geschreven naar %2.").replace("%1", str(count)).replace("%2", path),
        )

    @Slot()
    def export_exchange(self, everything: bool = False) -> None:
        """What changed since the last exchange (or everything), as one file for the other store."""
        from makelaar.ui import exchange_dialog

        exchange_dialog.export_changes(self, everything=everything)

    @Slot()
    def import_exchange(self) -> None:
        """Another store's exchange file: the plan, a choice per conflict, then the merge (after a backup)."""
        from makelaar.ui import exchange_dialog

        exchange_dialog.import_file(self)

    @Slot()
    def show_audit_log(self) -> AuditLogDialog:
        """Bestand › Privacy › Logboek persoonsgegevens."""
        from makelaar.ui.audit_log import AuditLogDialog

        dialog = AuditLogDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def show_retention(self) -> None:
        """Bestand › Privacy › Bewaartermijn: the setting lives with the others, under Instellingen."""
        self.show_view(self.settings_view)
        self.settings_view.retention.setFocus()

    @Slot()
    def make_backup(self) -> None:
        path = self.ctx.store.path
        if path is None:
            show_error(self, KnownError(self.tr("Van een PostgreSQL-server maakt de beheerder de back-ups.")))
            return
        made = run_op(self, self.ctx, lambda: backups.make_backup(path), progress=self.tr("Back-up maken…"))
        if made is None:
            return
        self._update_status()
        Notice.show(
            self,
            self.tr("Back-up gemaakt"),
            self.tr("De back-up is gemaakt en gecontroleerd:\n%1").replace("%1", str(made)),
        )

    @Slot()
    def daily_backup(self) -> None:
        """At start, off the GUI thread: a verified backup once a day when something changed, then the retention
        period (anonymise who is past it, thin backups older than it)."""
        store, author = self.ctx.store, self.ctx.author
        done = run_op(
            self,
            self.ctx,
            lambda: backups.daily_upkeep(store, actor=author),
            progress=self.tr("Dagelijkse back-up maken…"),
        )
        if done is None:
            return
        self._update_status()
        anonymised = done.anonymised
        if anonymised:
            self.statusBar().showMessage(
                self.tr("%n persoon/personen geanonimiseerd: de bewaartermijn was voorbij.", "", anonymised), 15_000
            )

    @Slot()
    def restore_backup(self) -> bool:
        """Put a chosen backup in place of the store (the current one is kept as a backup first)."""
        from makelaar.ui.backup_dialog import BackupDialog

        path = self.ctx.store.path
        if path is None:
            show_error(self, KnownError(self.tr("Van een PostgreSQL-server zet de beheerder back-ups terug.")))
            return False
        for editor in list(self.editors):
            if not editor.close():
                return False  # an editor with changes the broker wants to keep
        chosen = run_op(self, self.ctx, lambda: BackupDialog.ask(path, self))
        if chosen is None or not Confirm.ask(
            self,
            self.tr("Back-up terugzetten"),
            self.tr("De database vervangen door de back-up van %1? Wat daarna is ingevoerd, is dan weg.").replace(
                "%1", chosen.name
            ),
        ):
            return False
        old = self.ctx.store
        old.close()

        def work() -> tuple[backups.RestoreDone, Store]:
            done = backups.restore_backup(old.url, chosen)
            return done, open_store(old.url, actor=old.actor)

        # The store is swapped before the views hear that everything changed: they read the restored one.
        restored = run_op(self, self.ctx, work, progress=self.tr("Back-up terugzetten…"), changes=lambda _r: NOTHING)
        if restored is None:
            # The old store is untouched and its engine reconnects on the next action.
            if old.checkpoints is not None:
                old.checkpoints.resume()
            return False
        done, fresh = restored
        fresh.actor = old.actor
        if old.checkpoints is not None:
            fresh.checkpoint_in_background(old.checkpoints.delay_s)
        self.ctx.store = fresh
        announce(self.ctx, done.changes)
        Notice.show(
            self, self.tr("Back-up teruggezet"), self.tr("De back-up %1 is teruggezet.").replace("%1", chosen.name)
        )
        return True

    def store_is_empty(self) -> bool:
        """No ideas and no organisations yet: a first start."""
        from makelaar.services import ideas, organisations
        from makelaar.services.listing import ListQuery

        everything = ListQuery()
        return not self.ctx.read(
            lambda s: ideas.count_ideas(s, everything) or organisations.count_organisations(s, everything)
        )

    @Slot()
    def load_demo(self) -> bool:
        """The example municipality, after a backup; on a store with data only when the broker says so."""
        from makelaar.actions.demo import load_demo

        empty = self.store_is_empty()
        question = (
            self.tr("Voorbeeldgegevens van een verzonnen gemeente toevoegen aan deze database?")
            if empty
            else self.tr(
                "Deze database bevat al gegevens. De voorbeeldgegevens van een verzonnen gemeente komen er dan "
                "tussen te staan. Makelaar maakt eerst een back-up, zodat je terug kunt (Bestand › Back-up "
                "terugzetten).\n\nToch voorbeeldgegevens toevoegen?"
            )
        )
        if not Confirm.ask(self, self.tr("Voorbeeldgegevens laden"), question):
            return False

        store = self.ctx.store
        done = run_op(
            self, self.ctx, lambda: load_demo(store, force=not empty), progress=self.tr("Voorbeeldgegevens laden…")
        )
        if done is None:
            return False
        Notice.show(self, self.tr("Voorbeeldgegevens"), done.summary)
        return True

    @Slot()
    def print_current(self) -> ReportPreview | None:
        """Ctrl+P prints what is in front of the broker: the chosen idea, organisation or wijktafel, else the
        overview."""
        from makelaar.ui.printing import preview_idea, preview_organisation

        view = self.current_view()
        if view is self._built("ideas") and self.ideas.current_id():
            row = self.ideas.model.row_at(self.ideas.table.currentIndex().row())
            return preview_idea(self, self.ctx, self.ideas.current_id() or "", getattr(row, "reference", ""))
        if view is self._built("organisations") and self.organisations.current_id():
            row = self.organisations.model.row_at(self.organisations.table.currentIndex().row())
            return preview_organisation(self, self.ctx, self.organisations.current_id() or "", getattr(row, "name", ""))
        if view is self._built("sessions") and self.sessions.current() is not None:
            return self.sessions.print_report()
        return self.print_overview()

    @Slot()
    def print_overview(self) -> ReportPreview | None:
        from makelaar.ui.printing import PeriodDialog, preview_overview

        period = PeriodDialog.ask(self)
        if period is None:
            return None
        return preview_overview(self, self.ctx, *period)

    @Slot()
    def open_by_reference(self) -> IdeaEditor | None:
        """A matchkaart comes back from the wijktafel: type its number and the idea opens at its suggestions."""
        from makelaar.services import ideas

        typed = TextPrompt.ask(
            self, self.tr("Matchkaart verwerken"), self.tr("Nummer van het idee (zoals I-2026-0042, 2026-42 of 42):")
        )
        if not typed:
            return None
        found = self.ctx.act(self, lambda s: ideas.find_idea(s, typed))
        if found is None or found.id is None:
            return None
        editor = self.open_idea(found.id)
        editor.tabs.setCurrentWidget(editor.suggestions)
        return editor

    @Slot()
    def match_all(self) -> MatchAllDialog | None:
        """Suggestions for every open idea, off the GUI thread, with progress and cancel."""
        from makelaar.services import matching
        from makelaar.ui.match_all import MatchAllDialog

        counted: list[int] = [0]

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> list[Any]:
            def report(done: int, total: int) -> None:
                counted[0] = total
                progress(done, total)

            with self.ctx.store.begin() as s:
                return matching.match_all(s, 5, report, cancelled)

        found = run_op(
            self, self.ctx, lambda: run_cancellable(self, self.tr("Suggesties zoeken voor alle open ideeën…"), work)
        )
        if found is None:
            return None
        results, cancelled = found
        dialog = MatchAllDialog(results, cancelled, counted[0] or len(results), self, self.ctx.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_idea.connect(self.open_idea)
        dialog.show()
        return dialog

    def find_duplicates(self, focus_id: str | None = None) -> DuplicatesOutcome | None:
        """Dubbele organisaties: likely pairs, compared side by side, merged or marked "geen dubbel"."""
        from makelaar.ui.duplicates_dialog import DuplicatesDialog
        from makelaar.ui.idea_editor import IdeaEditor

        outcome = DuplicatesDialog.ask(self, self.ctx, focus_id=focus_id, before_merge=self._close_organisation_editors)
        if outcome is not None and outcome.merged:
            for editor in self.editors:
                if isinstance(editor, IdeaEditor):
                    editor.refresh_matches()  # a koppeling may have moved to the survivor
        return outcome

    def _close_organisation_editors(self, organisation_ids: list[str]) -> bool:
        """Before a merge: close the open editors of these organisations (asking about unsaved changes), so none
        saves over a removed record or an old version later. False when the broker keeps one open."""
        from makelaar.ui.organisation_editor import OrganisationEditor

        for editor in list(self.editors):
            if isinstance(editor, OrganisationEditor) and editor.record_id in organisation_ids and not editor.close():
                return False
        return True

    def _close_record_editors(self, kind: str, record_ids: list[str]) -> bool:
        """Before an import or its undo: close the open editors of these organisations ("organisaties") or ideas
        (asking about unsaved changes), so none saves an old version over the import later. False when the broker
        keeps one open."""
        from makelaar.ui.idea_editor import IdeaEditor
        from makelaar.ui.organisation_editor import OrganisationEditor

        editor_type = OrganisationEditor if kind == "organisaties" else IdeaEditor
        wanted = set(record_ids)
        for editor in list(self.editors):
            if isinstance(editor, editor_type) and editor.record_id in wanted and not editor.close():
                return False
        return True

    # -- refreshing ---------------------------------------------------------------------------------------------

    def _update_welcome(self) -> None:
        """On an empty store Vandaag welcomes the broker with the first steps; once there is data, the lists."""
        if self.store_is_empty():
            if self.welcome is None:
                from makelaar.ui.welcome import WelcomePanel

                self.welcome = WelcomePanel(self.ctx)
                self.welcome.municipality_changed.connect(self._municipality_named)
                self.welcome.import_requested.connect(lambda: self.import_file("organisaties"))
                self.welcome.demo_requested.connect(self.load_demo)
                self.welcome.new_idea_requested.connect(self.new_idea)
                self.today.set_welcome(self.welcome)
                self.welcome.municipality.setFocus()  # the first step, ready to type in
            self.today.set_welcome(self.welcome)
        elif self.welcome is not None:
            self.today.set_welcome(None)

    @Slot(str)
    def _municipality_named(self, name: str) -> None:
        self._update_title()
        settings = self._built("settings_view")
        if settings is not None:
            view = cast("SettingsView", settings)
            view.municipality.setText(name)
            view.broker.setText(self.ctx.settings.broker_name)

    @Slot()
    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        """An action changed records: the views that show them look again (the status bar and title too, when the
        store was replaced or settings changed)."""
        if changes.store or changes.settings:
            self.refresh_all()
            self._update_title()
            self._update_status()
            return
        self._update_welcome()
        self.today.reload()
        self.update_counts()
        for name in ("ideas", "organisations", "matches"):
            view = self._built(name)
            if isinstance(view, RecordListView) and changes.touches(name) and view not in self._not_loaded:
                view.reload()
        sessions = self._built("sessions")
        if sessions is not None and (changes.sessions or changes.ideas):
            cast("SessionsView", sessions).reload()
        self._update_status()

    def refresh_all(self) -> None:
        """Everything built looks again (what is not built yet reads the store when it is)."""
        self._update_welcome()
        self.today.reload()
        self.update_counts()
        self._vocabulary_changed()
        sessions = self._built("sessions")
        if sessions is not None:
            cast("SessionsView", sessions).reload()

    @Slot()
    def _vocabulary_changed(self) -> None:
        for name in ("ideas", "organisations", "matches"):
            view = self._built(name)
            if isinstance(view, RecordListView):
                view.refresh_vocabulary()
                if view not in self._not_loaded:
                    view.reload()

    @Slot()
    def _update_title(self, *_: object) -> None:
        name = self.ctx.read(vocabulary.municipality_name)
        self.setWindowTitle(f"Makelaar — {name}")

    def _update_status(self) -> None:
        self.store_label.setText(self.tr("Database: %1").replace("%1", self.ctx.store.description))
        path = self.ctx.store.path
        if path is None:
            self.backup_label.setText(self.tr("Gedeelde server"))
            return
        taken = backup.list_backups(path)
        self.backup_label.setText(
            self.tr("Laatste back-up: %1").replace("%1", taken[0].taken_at.strftime("%d-%m-%Y %H:%M"))
            if taken
            else self.tr("Nog geen back-up")
        )

    # -- help ---------------------------------------------------------------------------------------------------

    @Slot()
    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+1 … Ctrl+6", self.tr("Vandaag, Ideeën, Organisaties, Koppelingen, Wijktafels, Instellingen")),
            ("Ctrl+E", self.tr("exporteren wat de lijst toont (CSV of Excel)")),
            ("Ctrl+N", self.tr("nieuw idee, organisatie of wijktafel")),
            ("Ctrl+F", self.tr("zoeken in de lijst")),
            ("Enter / Ctrl+O", self.tr("het gekozen record openen")),
            ("Ctrl+S / Enter", self.tr("opslaan in een formulier")),
            ("Ctrl+P", self.tr("rapport van het gekozen idee, de organisatie of de wijktafel afdrukken")),
            ("Ctrl+G", self.tr("een idee openen op nummer, bijvoorbeeld van een matchkaart")),
            ("Ctrl+Shift+M", self.tr("suggesties voor alle open ideeën")),
            ("Esc", self.tr("formulier sluiten (met vraag bij niet opgeslagen wijzigingen)")),
            ("F11", self.tr("intake op volledig scherm met grote letters")),
            ("F5", self.tr("vernieuwen")),
        ]
        text = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        Notice.show(self, self.tr("Sneltoetsen"), f"<table cellspacing='6'>{text}</table>")

    @Slot()
    def show_about(self) -> None:
        from makelaar.ui.about import AboutDialog

        AboutDialog.present(self, self.ctx.store.description)

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors):
            if not editor.close():
                event.ignore()
                return
        self.ctx.settings.geometry = self.saveGeometry()
        event.accept()
