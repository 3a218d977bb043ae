"""A report that shows a resident by name leaves a line in the audit log; one that shows only initials does not."""

from __future__ import annotations

import io

from makelaar import reports
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import audit, ideas
from makelaar.storage.models import AuditEntry
from makelaar.storage.store import Store


def test_a_report_with_a_name_is_logged(store: Store) -> None:
    with store.begin() as s:
        shared = ideas.save_idea(
            s,
            IdeaData(
                title="Buurtbieb",
                initiators=[
                    InitiatorData(name="Ria Kok", email="ria@example.nl", consent_contact=True, consent_share=True)
                ],
            ),
        )
        private = ideas.save_idea(s, IdeaData(title="Speeltuin", initiators=[InitiatorData(name="Bas Vos")]))
    for idea in (shared, private):
        with store.begin() as s:
            reports.logged(
                lambda s_, o, i=idea.id: reports.build_matching_report(s_, i or "", o, audience="bewoner"), "test"
            )(s, io.BytesIO())
    with store.begin() as s:
        made = [(e.reference, e.detail) for e in s.query(AuditEntry).filter(AuditEntry.kind == audit.REPORT_MADE)]
    assert made == [(shared.initiators[0].reference, "test")]
