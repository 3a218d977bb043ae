"""Suggestions for every open idea at once: computed off the GUI thread with progress and cancel, then shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain.matching import IdeaProfile, Suggestion
from makelaar.ui import reasons as shown
from makelaar.ui.settings import UiSettings
from makelaar.ui.window_size import remember_size

Results = Sequence[tuple[IdeaProfile, Sequence[Suggestion]]]


class MatchAllDialog(QDialog):
    """Signals:
    open_idea(str): the broker wants to open this idea.
    """

    open_idea = Signal(str)

    def __init__(
        self,
        results: Results,
        cancelled: bool,
        total: int,
        parent: QWidget | None = None,
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggesties voor alle open ideeën"))
        self.cancelled = cancelled
        self.summary = summary = QLabel(
            self.tr("Afgebroken: %1 van %2 ideeën bekeken.").replace("%1", str(len(results))).replace("%2", str(total))
            if cancelled
            else self.tr("%1 open ideeën bekeken. Dubbelklik of Enter op een idee om het te openen.").replace(
                "%1", str(len(results))
            )
        )
        summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Suggesties per idee"))
        self.tree.setHeaderLabels([self.tr("Idee en suggesties"), self.tr("Past"), self.tr("Waarom")])
        self.tree.setColumnWidth(0, 380)
        self.tree.setColumnWidth(1, 80)
        for idea, suggestions in results:
            top = QTreeWidgetItem([idea.title, "", self.tr("%n suggestie(s)", "", len(suggestions))])
            top.setData(0, Qt.ItemDataRole.UserRole, idea.id)
            for sug in suggestions:
                child = QTreeWidgetItem([sug.name, shown.label(sug), shown.summary(sug)])
                child.setData(0, Qt.ItemDataRole.UserRole, idea.id)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        if settings is not None:
            remember_size(self, settings, "MatchAllDialog", 1000, 640)
        else:
            self.resize(1000, 640)

    @Slot(QTreeWidgetItem, int)
    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        idea_id = item.data(0, Qt.ItemDataRole.UserRole)
        if idea_id:
            self.open_idea.emit(str(idea_id))
