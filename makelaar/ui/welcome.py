"""The first start on an empty store: three steps, each with its action, instead of four empty lists."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from makelaar.services import vocabulary
from makelaar.ui.context import AppContext
from makelaar.ui.widgets import add_row


class WelcomePanel(QWidget):
    """Welkom: name the municipality and yourself, bring in the sociale kaart, or look around with example data.

    Signals:
        municipality_changed(str): the name of the municipality was saved.
        import_requested(): the broker wants to import the sociale kaart (the import wizard).
        demo_requested(): the broker wants to look around with the example data.
        new_idea_requested(): the broker wants to register a first idea straight away.
    """

    municipality_changed = Signal(str)
    import_requested = Signal()
    demo_requested = Signal()
    new_idea_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("welcome")
        title = QLabel(self.tr("Welkom bij Makelaar"))
        title.setObjectName("pageTitle")
        intro = QLabel(
            self.tr(
                "Met Makelaar houd je de ideeën van bewoners bij en koppel je ze aan organisaties die kunnen "
                "helpen. De database is nog leeg. Drie stappen om te beginnen:"
            )
        )
        intro.setWordWrap(True)

        # Step 1: who and where.
        self.municipality = QLineEdit()
        self.municipality.setPlaceholderText(self.tr("bijvoorbeeld Gemeente Lindewaard"))
        self.broker = QLineEdit(ctx.settings.broker_name)
        self.broker.setPlaceholderText(self.tr("staat bij je notities en in het logboek"))
        name = ctx.read(vocabulary.municipality_name)
        if name != vocabulary.DEFAULT_MUNICIPALITY:
            self.municipality.setText(name)
        form = QFormLayout()
        add_row(form, self.tr("Naam van de &gemeente:"), self.municipality)
        add_row(form, self.tr("Je &naam:"), self.broker)
        self.save_button = QPushButton(self.tr("&Opslaan"))
        self.save_button.clicked.connect(self.save_profile)
        self.saved_note = QLabel()
        self.saved_note.setObjectName("note")
        saved_row = QHBoxLayout()
        saved_row.addWidget(self.save_button)
        saved_row.addWidget(self.saved_note, 1)
        form.addRow("", saved_row)
        for line in (self.municipality, self.broker):
            line.returnPressed.connect(self.save_profile)

        # Step 2: the sociale kaart.
        self.import_button = QPushButton(self.tr("Sociale kaart &importeren…"))
        self.import_button.clicked.connect(self.import_requested)

        # Step 3: or look around first.
        self.demo_button = QPushButton(self.tr("&Voorbeeldgegevens laden"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_idea_button = QPushButton(self.tr("Eerste &idee invoeren"))
        self.new_idea_button.clicked.connect(self.new_idea_requested)
        self.new_idea_button.setToolTip(self.tr("Nieuw idee (Ctrl+N)"))

        for line in (self.municipality, self.broker):
            line.setMaximumWidth(420)
        # A column of readable width on a wide screen, not lines from edge to edge.
        column = QWidget()
        column.setMaximumWidth(900)
        outer = QHBoxLayout(self)
        outer.addWidget(column, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(
            self._step(
                "1",
                self.tr("Wie ben je en voor welke gemeente werk je?"),
                self.tr("De naam van de gemeente staat boven elk rapport; jouw naam bij je notities."),
                form,
            )
        )
        layout.addWidget(
            self._step(
                "2",
                self.tr("Breng de sociale kaart binnen"),
                self.tr(
                    "Heb je een lijst met organisaties in Excel of als CSV? Makelaar leest hem in en laat eerst "
                    "zien wat er gebeurt."
                ),
                self._buttons(self.import_button),
            )
        )
        layout.addWidget(
            self._step(
                "3",
                self.tr("Of kijk eerst rond"),
                self.tr(
                    "Voorbeeldgegevens van de verzonnen gemeente Lindewaard laten zien hoe alles werkt. Je kunt ook "
                    "meteen een eerste idee invoeren."
                ),
                self._buttons(self.demo_button, self.new_idea_button),
            )
        )
        layout.addStretch(1)
        self.setTabOrder(self.municipality, self.broker)
        self.setTabOrder(self.broker, self.save_button)
        self.setTabOrder(self.save_button, self.import_button)
        self.setTabOrder(self.import_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.new_idea_button)

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for b in buttons:
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _step(self, number: str, title: str, text: str, content: QFormLayout | QHBoxLayout) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        frame.setAccessibleName(self.tr("Stap %1: %2").replace("%1", number).replace("%2", title))
        badge = QLabel(number)
        badge.setObjectName("stepNumber")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setAccessibleName(self.tr("Stap %1").replace("%1", number))
        heading = QLabel(title)
        heading.setObjectName("sectionTitle")
        explanation = QLabel(text)
        explanation.setWordWrap(True)
        body = QVBoxLayout()
        body.addWidget(heading)
        body.addWidget(explanation)
        body.addLayout(content)
        row = QHBoxLayout(frame)
        row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(body, 1)
        return frame

    @Slot()
    def save_profile(self) -> None:
        municipality = " ".join(self.municipality.text().split())
        broker = self.broker.text().strip()
        self.ctx.settings.broker_name = broker
        self.ctx.store.actor = broker or None
        if municipality:
            self.ctx.act(self, lambda s: vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, municipality))
            self.municipality_changed.emit(municipality)
        self.saved_note.setText(self.tr("Opgeslagen. Ga verder met stap 2 of 3."))
        self.import_button.setFocus()
