"""What an export holds: what the list shows now or everything, and for ideas whose personal data goes with it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class ExportChoice:
    filtered: bool  # only what the list shows now
    own_records: bool  # every initiator's personal data, for the municipality's own records


class ExportDialog(QDialog):
    """Two questions before the file is chosen. Residents' data leaves the program only with their consent for
    sharing, unless the broker says in so many words that the file is for the municipality's own records."""

    def __init__(self, what: str, shown: int, total: int, personal: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exporteren: %1").replace("%1", what))
        layout = QVBoxLayout(self)

        scope = QGroupBox(self.tr("Wat wil je exporteren?"))
        scope_layout = QVBoxLayout(scope)
        self.shown_only = QRadioButton(self.tr("Wat de lijst nu toont, met de filters en zoekterm (%1)"))
        self.shown_only.setText(self.shown_only.text().replace("%1", str(shown)))
        self.everything = QRadioButton(self.tr("Alles (%1)").replace("%1", str(total)))
        self.shown_only.setAccessibleName(self.tr("Alleen wat de lijst toont"))
        self.everything.setAccessibleName(self.tr("Alles exporteren"))
        group = QButtonGroup(self)
        group.addButton(self.shown_only)
        group.addButton(self.everything)
        narrowed = shown != total
        self.shown_only.setEnabled(narrowed)
        (self.shown_only if narrowed else self.everything).setChecked(True)
        scope_layout.addWidget(self.shown_only)
        scope_layout.addWidget(self.everything)
        layout.addWidget(scope)

        self.for_partners = QRadioButton(
            self.tr("Om te delen: alleen initiatiefnemers die toestemming gaven om hun gegevens te delen")
        )
        self.for_own_records = QRadioButton(
            self.tr(
                "Voor de eigen administratie van de gemeente: alle initiatiefnemers "
                "(komt in het logboek persoonsgegevens)"
            )
        )
        self.for_partners.setAccessibleName(self.tr("Persoonsgegevens alleen met toestemming om te delen"))
        self.for_own_records.setAccessibleName(self.tr("Alle persoonsgegevens voor de eigen administratie"))
        self.for_partners.setChecked(True)
        people = QGroupBox(self.tr("Persoonsgegevens van initiatiefnemers"))
        people_layout = QVBoxLayout(people)
        people_group = QButtonGroup(self)
        for button in (self.for_partners, self.for_own_records):
            people_group.addButton(button)
            people_layout.addWidget(button)
        note = QLabel(
            self.tr(
                "Een bestand met persoonsgegevens bewaar je niet langer dan nodig en deel je niet verder dan "
                "de toestemming van de bewoner."
            )
        )
        note.setWordWrap(True)
        people_layout.addWidget(note)
        people.setVisible(personal)
        layout.addWidget(people)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Bestand kiezen…"))
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuleren"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> ExportChoice:
        return ExportChoice(filtered=self.shown_only.isChecked(), own_records=self.for_own_records.isChecked())

    @classmethod
    def ask(cls, parent: QWidget, what: str, shown: int, total: int, personal: bool) -> ExportChoice | None:
        dialog = cls(what, shown, total, personal, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
