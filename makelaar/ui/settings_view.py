"""Instellingen: the municipality's name, who is working, the language, the word lists and the areas."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from makelaar.domain import validation as v
from makelaar.domain.enums import AreaKind, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.services import privacy, vocabulary
from makelaar.ui import theme
from makelaar.ui.context import AppContext, TextPrompt
from makelaar.ui.errors import show_error
from makelaar.ui.labels import label
from makelaar.ui.widgets import add_row


class LogoChooser:
    """Pick an image file (monkeypatched in tests)."""

    @staticmethod
    def ask(parent: QWidget) -> str | None:
        title = QCoreApplication.translate("SettingsView", "Logo kiezen")
        path, _ = QFileDialog.getOpenFileName(parent, title, "", "Afbeeldingen (*.png *.jpg *.jpeg)")
        return path or None


class ColourChooser:
    """Pick a colour (monkeypatched in tests); None when the broker cancels."""

    @staticmethod
    def ask(parent: QWidget, current: str) -> str | None:
        title = QCoreApplication.translate("SettingsView", "Huiskleur kiezen")
        chosen = QColorDialog.getColor(QColor(current), parent, title)
        return chosen.name() if chosen.isValid() else None


class TermList(QWidget):
    """One word list: add, rename, retire and bring back entries.

    Signals:
        changed(): the list was changed in the store.
    """

    changed = Signal()

    def __init__(self, ctx: AppContext, vocab: Vocabulary | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vocab = vocab
        self.list = QListWidget()
        self.list.setAccessibleName(label(vocab.label) if vocab else "")
        self.list.currentItemChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Toevoegen…"))
        self.rename_button = QPushButton(self.tr("&Hernoemen…"))
        self.retire_button = QPushButton(self.tr("&Uitzetten"))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.buttons = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.retire_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)
        self.reload()

    def entries(self) -> list[tuple[str, str, bool, str]]:
        """(id, name, retired, indent) per entry."""
        vocab = self.vocab
        assert vocab is not None
        terms = self.ctx.read(lambda s: vocabulary.list_terms(s, vocab, include_retired=True))
        return [(t.id, t.name, t.retired, "") for t in terms]

    def reload(self, select: str | None = None) -> None:
        current = select or self.current_id()
        self.list.clear()
        retired_note = self.tr("niet meer in gebruik")
        for entry_id, name, retired, indent in self.entries():
            text = indent + name + (f"  ({retired_note})" if retired else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            item.setData(Qt.ItemDataRole.UserRole + 1, retired)
            item.setData(Qt.ItemDataRole.UserRole + 2, name)
            if retired:
                item.setForeground(QColor("#777777"))
            self.list.addItem(item)
            if entry_id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    @Slot()
    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.rename_button.setEnabled(item is not None)
        self.retire_button.setEnabled(item is not None)
        retired = bool(item.data(Qt.ItemDataRole.UserRole + 1)) if item else False
        self.retire_button.setText(self.tr("&Weer gebruiken") if retired else self.tr("&Uitzetten"))

    def _run(self, fn: Callable[[Session], Any]) -> Any:
        result = self.ctx.act(self, fn)
        if result is not None:
            self.reload(getattr(result, "id", None))
            self.changed.emit()
        return result

    @Slot()
    def add(self) -> None:
        vocab = self.vocab
        assert vocab is not None
        name = TextPrompt.ask(
            self, self.tr("Toevoegen"), self.tr("Nieuw woord voor %1:").replace("%1", label(vocab.label))
        )
        if name:
            self._run(lambda s: vocabulary.add_term(s, vocab, name))

    @Slot()
    def rename(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        term_id = self.current_id() or ""
        old = str(item.data(Qt.ItemDataRole.UserRole + 2))
        name = TextPrompt.ask(self, self.tr("Hernoemen"), self.tr("Nieuwe naam:"), old)
        if name and name != old:
            self._run(lambda s: vocabulary.rename_term(s, term_id, name))

    @Slot()
    def toggle_retired(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        term_id = self.current_id() or ""
        retired = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self._run(lambda s: vocabulary.retire_term(s, term_id, not retired))


class AreaList(TermList):
    """Wijken, their buurten and dorpen. 'Hele gemeente' is always there."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, None, parent)
        self.list.setAccessibleName(self.tr("Wijken en buurten"))
        self.add_button.setText(self.tr("&Wijk toevoegen…"))
        self.add_child_button = QPushButton(self.tr("&Buurt toevoegen…"))
        self.add_child_button.setToolTip(self.tr("Een buurt in de gekozen wijk"))
        self.add_child_button.clicked.connect(self.add_child)
        self.add_village_button = QPushButton(self.tr("&Dorp toevoegen…"))
        self.add_village_button.clicked.connect(self.add_village)
        self.buttons.insertWidget(1, self.add_child_button)
        self.buttons.insertWidget(2, self.add_village_button)

    def entries(self) -> list[tuple[str, str, bool, str]]:
        areas = self.ctx.read(lambda s: vocabulary.list_areas(s, include_retired=True))
        return [(a.id, a.name, a.retired, "    " if a.kind == AreaKind.NEIGHBOURHOOD else "") for a in areas]

    def _add(self, kind: AreaKind, parent_id: str | None) -> None:
        title = self.tr("Toevoegen")
        name = TextPrompt.ask(self, title, self.tr("Naam van de %1:").replace("%1", label(kind.value)))
        if name:
            self._run(lambda s: vocabulary.add_area(s, name, kind, parent_id))

    @Slot()
    def add(self) -> None:
        self._add(AreaKind.DISTRICT, None)

    @Slot()
    def add_village(self) -> None:
        self._add(AreaKind.VILLAGE, None)

    @Slot()
    def add_child(self) -> None:
        parent = self.current_id()
        areas = {a.id: a for a in self.ctx.read(lambda s: vocabulary.list_areas(s, include_retired=True))}
        chosen = areas.get(parent or "")
        if chosen is not None and chosen.kind == AreaKind.NEIGHBOURHOOD:
            chosen = areas.get(chosen.parent_id or "")
        if chosen is None or chosen.kind not in (AreaKind.DISTRICT, AreaKind.VILLAGE):
            QMessageBox.information(
                self, self.tr("Buurt toevoegen"), self.tr("Kies eerst de wijk waar de buurt in ligt.")
            )
            return
        self._add(AreaKind.NEIGHBOURHOOD, chosen.id)

    @Slot()
    def rename(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        area_id = self.current_id() or ""
        old = str(item.data(Qt.ItemDataRole.UserRole + 2))
        name = TextPrompt.ask(self, self.tr("Hernoemen"), self.tr("Nieuwe naam:"), old)
        if name and name != old:
            self._run(lambda s: vocabulary.rename_area(s, area_id, name))

    @Slot()
    def toggle_retired(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        area_id = self.current_id() or ""
        retired = bool(item.data(Qt.ItemDataRole.UserRole + 1))
        self._run(lambda s: vocabulary.retire_area(s, area_id, not retired))


class SettingsView(QWidget):
    """Signals:
    vocabulary_changed(): a word list or the areas changed, so filters and forms must refill.
    municipality_changed(str): the municipality's name changed.
    accent_changed(str): the house colour changed (empty: the default).
    """

    vocabulary_changed = Signal()
    municipality_changed = Signal(str)
    accent_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        general = QGroupBox(self.tr("Algemeen"))
        form = QFormLayout(general)
        self.municipality = add_row(form, self.tr("Naam van de &gemeente:"), QLineEdit())
        self.municipality.setText(ctx.read(vocabulary.municipality_name))
        self.municipality.editingFinished.connect(self.save_municipality)
        self.broker = add_row(
            form, self.tr("Je &naam:"), QLineEdit(ctx.settings.broker_name), hint=self.tr("staat bij je notities")
        )
        self.broker.editingFinished.connect(self.save_broker)
        # Printed for the resident on the koppelingsrapport, so they know whom to call: the broker's own details.
        self.broker_phone = add_row(
            form,
            self.tr("Je tele&foonnummer:"),
            QLineEdit(ctx.settings.broker_phone),
            hint=self.tr("staat op het koppelingsrapport voor de bewoner"),
        )
        self.broker_email = add_row(
            form,
            self.tr("Je &e-mailadres:"),
            QLineEdit(ctx.settings.broker_email),
            hint=self.tr("staat op het koppelingsrapport voor de bewoner"),
        )
        self.broker_phone.editingFinished.connect(self.save_broker_contact)
        self.broker_email.editingFinished.connect(self.save_broker_contact)
        self.broker_problem = QLabel()
        self.broker_problem.setObjectName("errorText")
        self.broker_problem.setWordWrap(True)
        self.broker_problem.setAccessibleName(self.tr("Fout in je contactgegevens"))
        self.broker_problem.hide()  # shown only when there is a mistake to name
        form.addRow("", self.broker_problem)
        self.language = add_row(form, self.tr("&Taal:"), QComboBox())
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(ctx.settings.language), 0))
        self.language.currentIndexChanged.connect(self.save_language)
        self.language_note = QLabel()
        form.addRow("", self.language_note)
        self.retention = add_row(
            form,
            self.tr("&Bewaartermijn:"),
            QSpinBox(),
            hint=self.tr("Zoveel maanden na het afsluiten van het laatste idee worden naam en contactgegevens gewist"),
        )
        self.retention.setRange(1, 240)
        self.retention.setSuffix(self.tr(" maanden na afsluiten"))
        self.retention.setValue(ctx.read(privacy.retention_months))
        # Fields as wide as what they hold, not from edge to edge of a wide screen.
        for field, width in (
            (self.municipality, 420),
            (self.broker, 420),
            (self.broker_phone, 240),
            (self.broker_email, 420),
            (self.language, 240),
            (self.retention, 260),
        ):
            field.setMaximumWidth(width)
        self.retention.valueChanged.connect(self.save_retention)
        self.retention_preview = QLabel()
        self.retention_preview.setWordWrap(True)
        self.retention_preview.setAccessibleName(self.tr("Wie de bewaartermijn voorbij is"))
        form.addRow("", self.retention_preview)
        # Who is past the retention period takes a query over every initiator: worked out when the screen is first
        # shown, not while the main window is built at start.
        self._retention_preview_due = True
        self.logo_preview = QLabel()
        self.logo_preview.setAccessibleName(self.tr("Logo op de rapporten"))
        self.logo_preview.setMinimumHeight(48)
        self.logo_choose = QPushButton(self.tr("&Logo kiezen…"))
        self.logo_choose.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(self.tr("Logo &weghalen"))
        self.logo_remove.clicked.connect(self.remove_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 1)
        logo_row.addWidget(self.logo_choose)
        logo_row.addWidget(self.logo_remove)
        form.addRow(self.tr("Logo op rapporten:"), logo_row)
        self._show_logo()
        self.accent = QLineEdit()
        self.accent.setPlaceholderText(theme.DEFAULT_ACCENT)
        self.accent.setMaxLength(7)
        self.accent.setText(ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.ACCENT_SETTING)))
        self.accent.editingFinished.connect(self.save_accent)
        self.accent_swatch = QLabel()
        self.accent_swatch.setFixedSize(28, 28)
        self.accent_swatch.setAccessibleName(self.tr("Voorbeeld van de huiskleur"))
        self.accent_choose = QPushButton(self.tr("&Kleur kiezen…"))
        self.accent_choose.clicked.connect(self.choose_accent)
        self.accent_default = QPushButton(self.tr("Standaard&kleur"))
        self.accent_default.clicked.connect(lambda: self._set_accent(""))
        accent_row = QHBoxLayout()
        accent_row.addWidget(self.accent)
        accent_row.addWidget(self.accent_swatch)
        accent_row.addWidget(self.accent_choose)
        accent_row.addWidget(self.accent_default)
        accent_row.addStretch(1)
        accent_label = QLabel(self.tr("&Huiskleur:"))
        accent_label.setBuddy(self.accent)
        self.accent.setAccessibleName(self.tr("Huiskleur"))
        self.accent.setAccessibleDescription(
            self.tr("De kleur van het programma, zoals #0b5394; zo nodig donkerder, zodat tekst leesbaar blijft")
        )
        self.accent.setToolTip(self.accent.accessibleDescription())
        form.addRow(accent_label, accent_row)
        self._show_accent()

        self.lists = QTabWidget()
        self.lists.setAccessibleName(self.tr("Woordenlijsten"))
        self.term_lists: list[TermList] = []
        for vocab in (Vocabulary.THEME, Vocabulary.HELP_TYPE, Vocabulary.ORGANISATION_KIND):
            tl = TermList(ctx, vocab)
            tl.changed.connect(self.vocabulary_changed)
            self.term_lists.append(tl)
            self.lists.addTab(tl, label(vocab.label))
        self.areas = AreaList(ctx)
        self.areas.changed.connect(self.vocabulary_changed)
        self.lists.addTab(self.areas, self.tr("Wijken en buurten"))
        note = QLabel(
            self.tr(
                "Een woord dat je uitzet, blijft staan bij ideeën en organisaties die het al hadden, maar wordt niet "
                "meer aangeboden voor nieuwe."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(QLabel(self.tr("Woordenlijsten van de gemeente:")))
        layout.addWidget(self.lists, 1)
        layout.addWidget(note)

    def showEvent(self, event: QShowEvent) -> None:
        if self._retention_preview_due:
            self._show_retention_preview()
        super().showEvent(event)

    @Slot()
    def save_municipality(self) -> None:
        name = " ".join(self.municipality.text().split())
        current = self.ctx.read(vocabulary.municipality_name)
        if not name:
            # A name is needed on every report: put the one in use back rather than store an empty one.
            self.municipality.setText(current)
            return
        if name == current:
            return
        self.ctx.act(self, lambda s: vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, name))
        self.municipality_changed.emit(name)

    @Slot()
    def save_retention(self) -> None:
        months = self.retention.value()
        self.ctx.act(self, lambda s: privacy.set_retention_months(s, months))
        self._show_retention_preview()

    def _show_retention_preview(self) -> None:
        """What the next start will anonymise, by number only (no names on this screen)."""
        self._retention_preview_due = False
        due = self.ctx.read(lambda s: privacy.retention_preview(s))
        if not due:
            self.retention_preview.setText(self.tr("Niemand is de bewaartermijn voorbij."))
            return
        refs = ", ".join(item.reference for item in due[:10]) + (" …" if len(due) > 10 else "")
        self.retention_preview.setText(
            self.tr(
                "%n persoon/personen voorbij de bewaartermijn; bij de volgende start geanonimiseerd: %1", "", len(due)
            ).replace("%1", refs)
        )

    @Slot()
    def save_broker(self) -> None:
        self.ctx.settings.broker_name = self.broker.text().strip()
        self.ctx.store.actor = self.ctx.settings.broker_name or None

    @Slot()
    def save_broker_contact(self) -> None:
        """Phone and e-mail as the broker types them, once they are valid; a mistake is named and nothing saved."""
        problems: list[str] = []
        for field, clean, attr in (
            (self.broker_phone, v.clean_phone, "broker_phone"),
            (self.broker_email, v.clean_email, "broker_email"),
        ):
            try:
                value = clean(field.text()) or ""
            except ValueError as exc:
                problems.append(str(exc))
                continue
            setattr(self.ctx.settings, attr, value)
            if field.text() != value:
                field.setText(value)
        self.broker_problem.setText("\n".join(problems))
        self.broker_problem.setVisible(bool(problems))

    @Slot()
    def save_language(self) -> None:
        self.ctx.settings.language = str(self.language.currentData())
        self.language_note.setText(self.tr("De nieuwe taal geldt na het opnieuw starten van Makelaar."))

    def _show_logo(self) -> None:
        stored = self.ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.LOGO_SETTING))
        image = QImage()
        if stored:
            image.loadFromData(QByteArray.fromBase64(stored.encode("ascii")))
        if image.isNull():
            self.logo_preview.setText(self.tr("(geen logo)"))
            self.logo_remove.setEnabled(False)
            return
        self.logo_preview.setPixmap(
            QPixmap.fromImage(image).scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
        )
        self.logo_remove.setEnabled(True)

    @Slot()
    def choose_logo(self) -> None:
        path = LogoChooser.ask(self)
        if not path:
            return
        image = QImage(path)
        if image.isNull():
            show_error(
                self,
                KnownError(self.tr("%1 is geen afbeelding die Makelaar kan lezen (PNG of JPG).").replace("%1", path)),
            )
            return
        if image.height() > 600:
            # Sharp enough at 12 mm on paper, small enough to keep in the store.
            image = image.scaledToHeight(600, Qt.TransformationMode.SmoothTransformation)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; PySide6 takes str
        encoded = bytes(data.toBase64().data()).decode("ascii")
        self.ctx.act(self, lambda s: vocabulary.set_setting(s, vocabulary.LOGO_SETTING, encoded))
        self._show_logo()

    def _show_accent(self) -> None:
        used = theme.colours(theme.current().dark, self.accent.text()).accent
        self.accent_swatch.setStyleSheet(f"background: {used}; border: 1px solid {theme.current().border};")
        self.accent_swatch.setToolTip(used)

    @Slot()
    def save_accent(self) -> None:
        self._set_accent(self.accent.text())

    @Slot()
    def choose_accent(self) -> None:
        chosen = ColourChooser.ask(self, self.accent.text() or theme.DEFAULT_ACCENT)
        if chosen:
            self._set_accent(chosen)

    def _set_accent(self, text: str) -> None:
        value = text.strip()
        if value and not value.startswith("#"):
            value = "#" + value
        if value and not theme.valid_colour(value):
            show_error(
                self,
                KnownError(
                    self.tr("'%1' is geen kleur; schrijf zes tekens na een #, zoals #0b5394.").replace("%1", text)
                ),
            )
            return
        value = value.lower()
        self.accent.setText(value)
        stored = self.ctx.read(lambda s: vocabulary.get_setting(s, vocabulary.ACCENT_SETTING))
        if value != stored:
            self.ctx.act(self, lambda s: vocabulary.set_setting(s, vocabulary.ACCENT_SETTING, value))
            self.accent_changed.emit(value)
        self._show_accent()

    @Slot()
    def remove_logo(self) -> None:
        self.ctx.act(self, lambda s: vocabulary.set_setting(s, vocabulary.LOGO_SETTING, ""))
        self._show_logo()

    def focus_search(self) -> None:
        self.municipality.setFocus()
