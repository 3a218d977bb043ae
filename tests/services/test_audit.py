"""The audit log of personal data: written for every change and export, never holding the values."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

import makelaar.services.audit  # noqa: F401  (registers the listener; the store imports it too)
from makelaar.actions import inzage
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import audit, ideas, privacy
from makelaar.storage.models import AuditEntry
from makelaar.storage.store import Store

NAME = "Fatima Zwanenburg"
EMAIL = "fatima.zwanenburg@voorbeeld.nl"
PHONE = "0612345678"
ADDRESS = "Eikenlaan 17"
POSTCODE = "1234 AB"


def _person(**kw: object) -> InitiatorData:
    values: dict[str, object] = {
        "name": NAME,
        "email": EMAIL,
        "phone": PHONE,
        "address": ADDRESS,
        "postcode": POSTCODE,
        "consent_contact": True,
    }
    values.update(kw)
    return InitiatorData(**values)  # type: ignore[arg-type]


def _all_text(store: Store) -> str:
    with store.begin() as s:
        rows = s.scalars(select(AuditEntry)).all()
        return "\n".join(
            " | ".join(str(v) for v in (r.actor, r.kind, r.record_table, r.record_id, r.reference, r.detail))
            for r in rows
        )


def _kinds(store: Store) -> list[tuple[str, str, str]]:
    with store.begin() as s:
        return [(e.kind, e.table, e.detail) for e in reversed(audit.list_entries(s))]


def test_create_change_anonymise_and_export_are_logged_without_values(any_store: Store, tmp_path: Path) -> None:
    with any_store.begin() as s:
        audit.set_actor(s, "Broker Bea")
        idea = ideas.save_idea(s, IdeaData(title="Buurtmoestuin", initiators=[_person()]))
    person = idea.initiators[0]
    assert person.id is not None and person.reference is not None
    kinds = _kinds(any_store)
    assert (audit.CREATED, "initiators", "naam, contactgegevens") in kinds
    assert (audit.CONSENT_GIVEN, "consents", "contact") in kinds

    # A save that changes nothing personal adds nothing.
    before = len(kinds)
    with any_store.begin() as s:
        ideas.save_idea(s, replace(ideas.get_idea(s, idea.id or ""), title="Buurtmoestuin Eikenlaan"))
    assert len(_kinds(any_store)) == before

    with any_store.begin() as s:
        current = ideas.get_idea(s, idea.id or "")
        changed = replace(current.initiators[0], phone="0687654321")
        ideas.save_idea(s, replace(current, initiators=[changed]))
    assert _kinds(any_store)[-1] == (audit.CHANGED, "initiators", "contactgegevens")

    with any_store.begin() as s:
        inzage.write_export(s, person.id, tmp_path / "inzage.json")
        privacy.forget_person(s, person.id, actor="Broker Bea")
    kinds = _kinds(any_store)
    assert kinds[-2:] == [
        (audit.EXPORTED, "initiators", "JSON"),
        (audit.FORGOTTEN, "initiators", "op verzoek"),
    ]

    with any_store.begin() as s:
        lines = audit.list_entries(s)
        assert audit.count_entries(s) == len(lines)
    assert {line.reference for line in lines} == {person.reference}
    assert any(line.actor.startswith("Broker Bea") for line in lines)  # on a server: "(rol ...)" follows
    text = _all_text(any_store)
    for value in (NAME, "Fatima", "Zwanenburg", EMAIL, PHONE, "0687654321", ADDRESS, POSTCODE, "1234"):
        assert value not in text


def test_actor_defaults_to_the_system_user(store: Store) -> None:
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Repaircafé", initiators=[InitiatorData(name="Kees")]))
    with store.begin() as s:
        [line] = audit.list_entries(s)
    assert line.actor == audit.system_user()
    assert (line.kind, line.detail) == (audit.CREATED, "naam")
    assert line.occurred_at is not None


def test_dropping_an_initiator_logs_the_deletion(store: Store) -> None:
    with store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Speeltuin", initiators=[InitiatorData(name="Kees")]))
    with store.begin() as s:
        ideas.save_idea(s, replace(ideas.get_idea(s, idea.id or ""), initiators=[]))
    assert _kinds(store)[-1] == (audit.DELETED, "initiators", "")


def test_withdrawn_consent_is_logged(store: Store) -> None:
    with store.begin() as s:
        idea = ideas.save_idea(s, IdeaData(title="Speeltuin", initiators=[_person(consent_share=True)]))
    with store.begin() as s:
        current = ideas.get_idea(s, idea.id or "")
        ideas.save_idea(s, replace(current, initiators=[replace(current.initiators[0], consent_share=False)]))
    assert _kinds(store)[-1] == (audit.CONSENT_WITHDRAWN, "consents", "delen")


def test_list_entries_pages_newest_first(store: Store) -> None:
    with store.begin() as s:
        for n in range(5):
            audit.record(s, audit.EXPORTED, "initiators", f"id-{n}", f"P-2026-000{n}", "tester")
    with store.begin() as s:
        first = audit.list_entries(s, limit=2)
        rest = audit.list_entries(s, limit=10, offset=2)
    assert len(first) == 2 and len(rest) == 3
    assert {e.record_id for e in first + rest} == {f"id-{n}" for n in range(5)}
    assert first[0].occurred_at >= rest[-1].occurred_at
