"""The import journal and undoing an import as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from makelaar.domain.enums import ActivityKind, Vocabulary
from makelaar.domain.errors import KnownError
from makelaar.domain.records import OrganisationData
from makelaar.services import activities, audit, csvio, ideas, imports, matches, organisations
from makelaar.services import vocabulary as vocab
from makelaar.storage.models import Contact, ImportBatch, ImportChange, Initiator, Organisation
from makelaar.storage.store import Store


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def count(store: Store, model: type) -> int:
    with store.begin() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def org(store: Store, name: str) -> OrganisationData:
    with store.begin() as s:
        return organisations.find_organisation(s, name)


def names(store: Store, ids: list[str]) -> set[str]:
    with store.begin() as s:
        terms = {t.id: t.name for v in Vocabulary for t in vocab.list_terms(s, v, include_retired=True)}
        areas = {a.id: a.name for a in vocab.list_areas(s, include_retired=True)}
    return {terms.get(i) or areas[i] for i in ids}


def undo(store: Store, batch_id: str | None) -> imports.UndoPlan:
    assert batch_id is not None
    with store.begin() as s:
        return imports.undo_batch(s, batch_id)


ORIGINAL = (
    "naam;soort;omschrijving;biedt;themas;wijken;contactpersoon;telefoon;website\n"
    "De Brug;stichting;Buurthuis;ruimte;welzijn;Noord;Ans;06 12345678;\n"
    "Het Anker;vereniging;Sportclub;vrijwilligers;sport;Zuid;;;www.anker.nl\n"
)
UPDATE = (
    "naam;omschrijving;biedt;themas;wijken;contactpersoon;telefoon;website\n"
    "Stichting De Brug;Wijkcentrum met zaal;ruimte, advies;cultuur;Zuid;Piet;010 1234567;www.debrug.nl\n"
    "Nieuw Initiatief;Eerste keer;geld;;;;;\n"
)


def test_real_import_is_journalled_dry_run_and_no_op_are_not(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path / "kaart.csv", ORIGINAL)

    dry = csvio.import_path(store, "organisaties", path, dry_run=True)
    assert dry.batch_id is None
    assert count(store, ImportBatch) == 0

    real = csvio.import_path(store, "organisaties", path)
    again = csvio.import_path(store, "organisaties", path)

    assert real.batch_id is not None
    assert again.batch_id is None  # nothing changed, nothing to undo
    with store.begin() as s:
        [batch] = imports.list_batches(s)
        changes = list(s.scalars(select(ImportChange).where(ImportChange.batch_id == real.batch_id)))
    assert (batch.id, batch.kind, batch.file_name) == (real.batch_id, "organisaties", str(path))
    assert (batch.added, batch.updated, batch.rejected, batch.undone_at) == (2, 0, 0, None)
    assert {c.action for c in changes} == {"added"}
    assert all(c.before is None and c.version_after is not None for c in changes)


def test_undo_deletes_added_and_restores_updated_with_links_and_contacts(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", ORIGINAL))
    before = org(store, "De Brug")
    second = csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", UPDATE))
    assert (second.added, second.updated) == (1, 1)
    changed = org(store, "Stichting De Brug")
    assert names(store, changed.offer_ids) == {"ruimte", "advies"}
    assert sorted(c.name for c in changed.contacts) == ["Ans", "Piet"]
    with store.begin() as s:
        journal = {c.action: c for c in s.scalars(select(ImportChange).where(ImportChange.batch_id == second.batch_id))}
    assert journal["updated"].before is not None and "Buurthuis" in journal["updated"].before

    plan = undo(store, second.batch_id)

    assert (plan.delete, plan.restore, plan.kept, plan.gone) == (1, 1, [], 0)
    assert count(store, Organisation) == 2
    restored = org(store, "De Brug")
    assert (restored.name, restored.description, restored.phone, restored.website) == (
        "De Brug",
        "Buurthuis",
        "06 12345678",
        None,
    )
    assert names(store, restored.offer_ids) == {"ruimte"}
    assert names(store, restored.theme_ids) == {"welzijn"}
    assert names(store, restored.area_ids) == {"Noord"}
    assert [(c.id, c.name) for c in restored.contacts] == [(c.id, c.name) for c in before.contacts]
    assert count(store, Contact) == 1  # Piet, added by the import, went with the undo
    with store.begin() as s:
        [latest, first] = imports.list_batches(s)
        assert latest.undone_at is not None and first.undone_at is None
        # The before-values (possibly personal data) are not kept once they served their purpose.
        assert s.scalar(select(ImportChange.before).where(ImportChange.batch_id == second.batch_id)) is None


def test_undone_batch_cannot_be_undone_twice(store: Store, tmp_path: Path) -> None:
    result = csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", ORIGINAL))
    undo(store, result.batch_id)
    assert count(store, Organisation) == 0

    with pytest.raises(KnownError, match="al ongedaan gemaakt"):
        undo(store, result.batch_id)
    with store.begin() as s, pytest.raises(KnownError, match="al ongedaan gemaakt"):
        imports.plan_undo(s, result.batch_id or "")


def test_work_after_the_import_is_kept_and_reported(store: Store, tmp_path: Path) -> None:
    text = "naam\nBewerkt Later\nMet Koppeling\nMet Notitie\nOngemoeid\n"
    csvio.import_path(store, "ideeen", write(tmp_path / "i.csv", "titel\nBuurtfeest\n"))
    result = csvio.import_path(store, "organisaties", write(tmp_path / "o.csv", text))
    with store.begin() as s:
        edited = organisations.find_organisation(s, "Bewerkt Later")
        edited.description = "Na de import aangevuld"
        organisations.save_organisation(s, edited)
        idea = ideas.find_idea(s, "Buurtfeest")
        matched = organisations.find_organisation(s, "Met Koppeling")
        matches.create_match(s, idea_id=idea.id or "", organisation_id=matched.id or "", need_id=None)
        noted = organisations.find_organisation(s, "Met Notitie")
        activities.add_activity(s, kind=ActivityKind.CALL, text="Gebeld", organisation_id=noted.id)
        preview = imports.plan_undo(s, result.batch_id or "")

    assert (preview.delete, preview.restore) == (1, 0)
    assert {(k.label.split(" ", 1)[1], k.reason) for k in preview.kept} == {
        ("Bewerkt Later", "na de import gewijzigd"),
        ("Met Koppeling", "heeft koppelingen"),
        ("Met Notitie", "heeft notities of contactmomenten van na de import"),
    }
    done = undo(store, result.batch_id)

    assert (done.delete, len(done.kept)) == (1, 3)
    with store.begin() as s:
        left = set(s.scalars(select(Organisation.name)))
    assert left == {"Bewerkt Later", "Met Koppeling", "Met Notitie"}
    assert org(store, "Bewerkt Later").description == "Na de import aangevuld"
    assert any("Met Koppeling" in line and "heeft koppelingen" in line for line in done.summary_lines())


def test_later_import_changing_the_same_record_protects_it(store: Store, tmp_path: Path) -> None:
    first = csvio.import_path(store, "organisaties", write(tmp_path / "a.csv", "naam;omschrijving\nDe Brug;een\n"))
    csvio.import_path(store, "organisaties", write(tmp_path / "b.csv", "naam;omschrijving\nDe Brug;twee\n"))

    plan = undo(store, first.batch_id)

    assert (plan.delete, [k.reason for k in plan.kept]) == (0, ["na de import gewijzigd"])
    assert org(store, "De Brug").description == "twee"


def test_undo_of_ideas_restores_initiators_and_is_audited(store: Store, tmp_path: Path) -> None:
    first = "titel;wijk;teamgrootte;initiatiefnemer\nBuurtmoestuin;Noord;3;Ans\n"
    csvio.import_path(store, "ideeen", write(tmp_path / "a.csv", first))
    second = (
        "titel;wijk;teamgrootte;initiatiefnemer;email;themas\n"
        "Buurtmoestuin;Noord;5;Ans;ans@voorbeeld.nl;duurzaamheid\n"
        "Bankjes;Zuid;2;Piet;piet@voorbeeld.nl;\n"
    )
    result = csvio.import_path(store, "ideeen", write(tmp_path / "b.csv", second))
    assert (result.added, result.updated) == (1, 1)
    assert count(store, Initiator) == 2

    plan = undo(store, result.batch_id)

    assert (plan.delete, plan.restore, plan.kept) == (1, 1, [])
    with store.begin() as s:
        garden = ideas.find_idea(s, "Buurtmoestuin")
        assert s.scalar(select(func.count()).select_from(ImportBatch).where(ImportBatch.undone_at.is_(None))) == 1
        lines = audit.list_entries(s)
    assert (garden.team_size, garden.theme_ids) == (3, [])
    assert [(p.name, p.email) for p in garden.initiators] == [("Ans", None)]
    assert count(store, Initiator) == 1  # Piet went with his idea
    kinds = [line.kind for line in lines]
    assert imports.UNDONE in kinds
    assert audit.DELETED in kinds  # Piet's data, deleted through the ORM, is in the log like any deletion
    assert audit.CHANGED in kinds  # Ans's e-mail address taken away again


def test_undo_never_brings_back_anonymised_personal_data(store: Store, tmp_path: Path) -> None:
    csvio.import_path(store, "ideeen", write(tmp_path / "a.csv", "titel;initiatiefnemer\nBuurtfeest;Ans\n"))
    result = csvio.import_path(
        store, "ideeen", write(tmp_path / "b.csv", "titel;initiatiefnemer;teamgrootte\nBuurtfeest;Ans;4\n")
    )
    with store.begin() as s:
        person = s.scalar(select(Initiator))
        assert person is not None
        person.anonymised_at = person.created_at
        person.name = "Geanonimiseerd"

    plan = undo(store, result.batch_id)

    assert plan.restore == 0
    assert [k.reason for k in plan.kept] == ["een initiatiefnemer is sinds de import geanonimiseerd of verwijderd"]
    with store.begin() as s:
        assert ideas.find_idea(s, "Buurtfeest").initiators[0].name == "Geanonimiseerd"


def test_record_deleted_since_is_skipped(store: Store, tmp_path: Path) -> None:
    result = csvio.import_path(store, "ideeen", write(tmp_path / "a.csv", "titel\nEen\nTwee\n"))
    with store.begin() as s:
        ideas.delete_idea(s, ideas.find_idea(s, "Een").id or "")

    plan = undo(store, result.batch_id)

    assert (plan.delete, plan.gone) == (1, 1)
    assert "1 bestonden al niet meer." in plan.summary_lines()


def test_undo_on_every_backend(any_store: Store, tmp_path: Path) -> None:
    csvio.import_path(any_store, "organisaties", write(tmp_path / "a.csv", ORIGINAL))
    result = csvio.import_path(any_store, "organisaties", write(tmp_path / "b.csv", UPDATE))
    with any_store.begin() as s:
        edited = organisations.find_organisation(s, "Nieuw Initiatief")
        activities.add_activity(s, kind=ActivityKind.NOTE, text="Later werk", organisation_id=edited.id)

    plan = undo(any_store, result.batch_id)

    assert (plan.delete, plan.restore, len(plan.kept)) == (0, 1, 1)
    assert org(any_store, "De Brug").description == "Buurthuis"
    assert names(any_store, org(any_store, "De Brug").offer_ids) == {"ruimte"}
    with pytest.raises(KnownError):
        undo(any_store, result.batch_id)
