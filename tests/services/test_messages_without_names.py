"""Messages that would name a resident use the reference (P-2026-0001) instead: they end up in terminals, screenshots
and help-desk e-mails."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.domain.errors import AmbiguousError, StaleRecordError, ValidationError
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import csvio, ideas, privacy
from makelaar.storage.store import Store

NAME = "Zwanetta Quirijnsen"


def _two_ideas_one_person(store: Store) -> tuple[IdeaData, IdeaData]:
    with store.begin() as s:
        first = ideas.save_idea(
            s,
            IdeaData(
                title="Bankje", initiators=[InitiatorData(name=NAME, email="zq@voorbeeld.nl", consent_contact=True)]
            ),
        )
        second = ideas.get_idea(s, ideas.save_idea(s, IdeaData(title="Speeltuin")).id or "")
        second.initiators = [first.initiators[0]]
        ideas.save_idea(s, second)
    with store.begin() as s:
        return ideas.get_idea(s, first.id or ""), ideas.get_idea(s, second.id or "")


def test_the_stale_record_message_names_the_reference(any_store: Store) -> None:
    first, second = _two_ideas_one_person(any_store)
    reference = first.initiators[0].reference or ""
    second.initiators[0].phone = "0612345678"
    with any_store.begin() as s:
        ideas.save_idea(s, second)  # the person's version moves on
    first.initiators[0].email = "ander@voorbeeld.nl"
    with pytest.raises(StaleRecordError) as stale, any_store.begin() as s:
        ideas.save_idea(s, first)
    assert reference in str(stale.value)
    assert NAME not in str(stale.value)


def test_a_missing_consent_names_the_reference(store: Store) -> None:
    first, _second = _two_ideas_one_person(store)
    first.initiators[0].consent_contact = False
    with pytest.raises(ValidationError) as refused, store.begin() as s:
        ideas.save_idea(s, first)
    assert (first.initiators[0].reference or "") in str(refused.value)
    assert NAME not in str(refused.value)


def test_import_rejections_do_not_echo_e_mail_or_phone(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "ideeen.csv"
    source.write_text(
        "titel;initiatiefnemer;email;telefoon\nBankje;Anna;anna(at)voorbeeld.nl;\nSpeeltuin;Bert;;06-geheim-99\n",
        encoding="utf-8",
    )
    result = csvio.import_path(store, "ideeen", source)
    reasons = [reason for _n, reason, _cells in result.rejected]
    assert len(reasons) == 2
    assert "geen geldig e-mailadres" in reasons[0] and "geen geldig telefoonnummer" in reasons[1]
    shown = "\n".join(result.summary_lines())
    assert "anna(at)voorbeeld.nl" not in shown and "06-geheim-99" not in shown


def test_an_ambiguous_name_lists_references_not_the_name_again(store: Store) -> None:
    for title in ("Bankje", "Speeltuin"):
        with store.begin() as s:
            ideas.save_idea(s, IdeaData(title=title, initiators=[InitiatorData(name=NAME)]))
    with pytest.raises(AmbiguousError) as ambiguous, store.begin() as s:
        privacy.find_person(s, NAME)
    assert len(ambiguous.value.candidates) == 2
    assert all(c.startswith("P-") and NAME not in c for c in ambiguous.value.candidates)
