"""Wijktafel intake: register ideas one after another, keyboard only, with a draft that survives a crash.

The screen shows nothing of other residents (a resident often looks along): only the titles already collected.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from makelaar.domain import validation as v
from makelaar.domain.enums import ConsentMethod, IdeaSource, Vocabulary
from makelaar.domain.errors import KnownError, ValidationError
from makelaar.domain.formatting import format_date
from makelaar.domain.records import IdeaData, InitiatorData, SessionData
from makelaar.services import ideas, vocabulary
from makelaar.services.listing import ListQuery
from makelaar.storage.engine import user_data_dir
from makelaar.ui.context import AppContext, UnsavedPrompt
from makelaar.ui.errors import show_error
from makelaar.ui.widgets import CheckList, FieldErrors, add_row, check_on_leave
from makelaar.ui.window_size import remember_size


def draft_path(session_id: str) -> Path:
    return user_data_dir() / "drafts" / f"intake-{session_id}.json"


def write_draft(path: Path, content: dict[str, Any]) -> None:
    """Write atomically (a crash mid-write leaves the previous draft), readable by the user alone."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(content, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_draft(path: Path) -> dict[str, Any] | None:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        # A damaged draft is set aside, not silently deleted: it may hold a resident's words.
        path.replace(path.with_suffix(".damaged"))
        return None
    return content if isinstance(content, dict) else None


class IntakeDialog(QDialog):
    """Signals:
    idea_registered(str): an idea was saved; the argument is its id.
    """

    idea_registered = Signal(str)

    def __init__(self, ctx: AppContext, session: SessionData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self._draft = draft_path(session.id or "none")
        self._loading = False
        self.setWindowTitle(self.tr("Intake: %1").replace("%1", session.title))
        themes, needs = ctx.read(
            lambda s: (vocabulary.list_terms(s, Vocabulary.THEME), vocabulary.list_terms(s, Vocabulary.HELP_TYPE))
        )
        self.header = QLabel(
            f"{session.title} — {format_date(session.held_on)}" + (f" — {session.place}" if session.place else "")
        )
        self.header.setObjectName("pageTitle")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("successText")
        self.notice.setAccessibleName(self.tr("Melding"))

        form = QFormLayout()
        self.title = add_row(form, self.tr("&Titel van het idee:"), QLineEdit())
        self.title.setMaxLength(200)
        self.description = add_row(form, self.tr("&Korte omschrijving:"), QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(90)
        self.name = add_row(form, self.tr("&Naam initiatiefnemer:"), QLineEdit())
        self.consent_contact = add_row(
            form, self.tr("Toestemming &contact:"), QCheckBox(self.tr("de gemeente mag contact opnemen"))
        )
        self.email = add_row(form, self.tr("&E-mail:"), QLineEdit())
        self.phone = add_row(form, self.tr("Tele&foon:"), QLineEdit())
        self.consent_share = add_row(
            form, self.tr("Toestemming &delen:"), QCheckBox(self.tr("gegevens mogen naar partnerorganisaties"))
        )
        self.team_size = add_row(form, self.tr("Aantal &mensen:"), QSpinBox())
        self.team_size.setRange(0, 10_000)
        self.team_size.setSpecialValueText(self.tr("onbekend"))
        self.themes = CheckList()
        self.themes.setAccessibleName(self.tr("Thema's"))
        self.themes.set_terms(themes)
        self.needs = CheckList()
        self.needs.setAccessibleName(self.tr("Behoeften"))
        self.needs.set_terms(needs)
        grid = QGridLayout()
        lab_themes = QLabel(self.tr("T&hema's:"))
        lab_themes.setBuddy(self.themes)
        lab_needs = QLabel(self.tr("&Wat is er nodig:"))
        lab_needs.setBuddy(self.needs)
        grid.addWidget(lab_themes, 0, 0)
        grid.addWidget(lab_needs, 0, 1)
        grid.addWidget(self.themes, 1, 0)
        grid.addWidget(self.needs, 1, 1)

        self.done_list = QListWidget()
        self.done_list.setAccessibleName(self.tr("Al geregistreerd bij deze wijktafel"))
        self.done_list.setMaximumHeight(120)
        self.done_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_label = QLabel()

        self.error_label = QLabel()
        self.errors = FieldErrors(self.error_label)
        for field, widget in (
            ("title", self.title),
            ("team_size", self.team_size),
            ("initiators[0].name", self.name),
            ("initiators[0].email", self.email),
            ("initiators[0].phone", self.phone),
            ("initiators[0].consent_contact", self.consent_contact),
            ("initiators[0].consent_share", self.consent_share),
        ):
            self.errors.register(field, widget)
        check_on_leave(self.errors, self.email, v.clean_email)
        check_on_leave(self.errors, self.phone, v.clean_phone)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Opslaan en &volgende"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Enter of Ctrl+S"))
        close = buttons.addButton(self.tr("Intake &sluiten"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_and_next)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_and_next)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_presentation)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        layout.addWidget(self.done_label)
        layout.addWidget(self.done_list)

        for w in (self.title, self.name, self.email, self.phone):
            w.textChanged.connect(self.save_draft)
        self.description.textChanged.connect(self.save_draft)
        for cb in (self.consent_contact, self.consent_share):
            cb.toggled.connect(self.save_draft)
        self.consent_contact.toggled.connect(self._update_enabled)
        self.team_size.valueChanged.connect(self.save_draft)
        self.themes.selection_changed.connect(self.save_draft)
        self.needs.selection_changed.connect(self.save_draft)

        self._update_enabled()
        self.refresh_done()
        self.restore_draft()
        remember_size(self, ctx.settings, "IntakeDialog", 760, 680)
        self.title.setFocus()

    # -- the form -----------------------------------------------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "name": self.name.text(),
            "consent_contact": self.consent_contact.isChecked(),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "consent_share": self.consent_share.isChecked(),
            "team_size": self.team_size.value(),
            "themes": self.themes.selected_ids(),
            "needs": self.needs.selected_ids(),
        }

    def is_blank(self) -> bool:
        state = self.form_state()
        return not any(state[k] for k in ("title", "description", "name", "email", "phone", "themes", "needs"))

    def set_form_state(self, state: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.title.setText(str(state.get("title", "")))
            self.description.setPlainText(str(state.get("description", "")))
            self.name.setText(str(state.get("name", "")))
            self.consent_contact.setChecked(bool(state.get("consent_contact", False)))
            self.email.setText(str(state.get("email", "")))
            self.phone.setText(str(state.get("phone", "")))
            self.consent_share.setChecked(bool(state.get("consent_share", False)))
            self.team_size.setValue(int(state.get("team_size", 0) or 0))
            for cl, key in ((self.themes, "themes"), (self.needs, "needs")):
                for i in range(cl.count()):
                    item = cl.item(i)
                    on = item.data(Qt.ItemDataRole.UserRole) in set(state.get(key, []))
                    item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._loading = False

    @Slot()
    def _update_enabled(self) -> None:
        allowed = self.consent_contact.isChecked()
        for w in (self.email, self.phone, self.consent_share):
            w.setEnabled(allowed)
        if not allowed and not self._loading:
            # Without consent no contact details are kept: empty the fields rather than refuse the save later.
            self.email.clear()
            self.phone.clear()
            self.consent_share.setChecked(False)

    def idea_data(self) -> IdeaData:
        state = self.form_state()
        people = []
        if state["name"].strip():
            people.append(
                InitiatorData(
                    name=state["name"],
                    email=state["email"] or None,
                    phone=state["phone"] or None,
                    consent_contact=state["consent_contact"],
                    consent_share=state["consent_share"] and state["consent_contact"],
                    consent_method=ConsentMethod.IN_PERSON.value,
                    consent_on=self.session.held_on,
                )
            )
        return IdeaData(
            title=state["title"],
            description=state["description"],
            area_id=self.session.area_id,
            session_id=self.session.id,
            source=IdeaSource.SESSION.value,
            team_size=state["team_size"] or None,
            received_on=self.session.held_on or date.today(),
            theme_ids=state["themes"],
            need_ids=state["needs"],
            initiators=people,
        )

    # -- drafts -------------------------------------------------------------------------------------------------

    @Slot()
    def save_draft(self) -> None:
        if self._loading:
            return
        if self.is_blank():
            self._draft.unlink(missing_ok=True)
            return
        try:
            write_draft(self._draft, self.form_state())
        except OSError as exc:
            self.notice.setText(self.tr("Het concept kon niet worden bewaard: %1").replace("%1", str(exc)))

    def restore_draft(self) -> None:
        state = read_draft(self._draft)
        if state:
            self.set_form_state(state)
            self.notice.setText(
                self.tr("Een idee dat nog niet was opgeslagen, is teruggezet. Controleer het en sla het op.")
            )

    # -- actions ------------------------------------------------------------------------------------------------

    def refresh_done(self) -> None:
        if self.session.id is None:
            return
        sid = self.session.id
        rows = self.ctx.read(
            lambda s: ideas.list_ideas(s, ListQuery(session_id=sid, sort="reference", descending=False), 0, 500)
        )
        self.done_list.clear()
        for r in rows:
            self.done_list.addItem(f"{r.reference}  {r.title}")
        self.done_label.setText(self.tr("Al geregistreerd bij deze wijktafel: %n", "", len(rows)))

    @Slot()
    def save_and_next(self) -> None:
        data = self.idea_data()
        try:
            with self.ctx.store.begin() as s:
                saved = ideas.save_idea(s, data, author=self.ctx.author)
        except ValidationError as exc:
            self.notice.clear()
            first = self.errors.show(exc)
            if first is not None:
                first.setFocus()
            return
        except KnownError as exc:
            show_error(self, exc)
            return
        self.errors.clear()
        self._draft.unlink(missing_ok=True)
        self.set_form_state({})
        self.notice.setText(self.tr("Opgeslagen als %1. Volgende idee.").replace("%1", saved.reference or ""))
        self.refresh_done()
        self.idea_registered.emit(saved.id or "")
        self.title.setFocus()

    def reject(self) -> None:
        if not self.is_blank():
            answer = UnsavedPrompt.ask(self, self.tr("Het idee in de intake"))
            if answer == "cancel":
                return
            if answer == "save":
                self.save_and_next()
                if not self.is_blank():
                    return
            else:
                self._draft.unlink(missing_ok=True)
        super().reject()

    @Slot()
    def toggle_presentation(self) -> None:
        """Full screen with large type, for a table where the resident reads along (F11)."""
        if self.isFullScreen():
            self.showNormal()
            self.setFont(QFont())
        else:
            big = QFont(self.font())
            big.setPointSizeF(big.pointSizeF() * 1.4)
            self.setFont(big)
            self.showFullScreen()
