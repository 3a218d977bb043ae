"""Retention and a resident's rights (inzage, vergetelheid), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

import makelaar.services.audit  # noqa: F401  (registers the listener; the store imports it too)
from makelaar.actions import inzage
from makelaar.domain.enums import IdeaStatus, Vocabulary
from makelaar.domain.errors import AmbiguousError, KnownError, NotFoundError
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import ideas, privacy, vocabulary
from makelaar.storage.models import Consent, Idea, Initiator
from makelaar.storage.store import Store
from tests.conftest import term_id

TODAY = date(2026, 11, 28)


def _idea(
    store: Store,
    title: str,
    people: list[InitiatorData],
    *,
    closed_on: date | None = None,
    status: IdeaStatus = IdeaStatus.REALISED,
) -> IdeaData:
    with store.begin() as s:
        area = vocabulary.add_area(s, f"Wijk van {title}")
        saved = ideas.save_idea(
            s,
            IdeaData(
                title=title,
                status=status.value if closed_on else IdeaStatus.NEW.value,
                area_id=area.id,
                theme_ids=[term_id(s, Vocabulary.THEME, "duurzaamheid")],
                initiators=people,
            ),
        )
        if closed_on is not None:
            row = s.get(Idea, saved.id)
            assert row is not None
            row.closed_on = closed_on
    return saved


def _person(name: str, **kw: object) -> InitiatorData:
    values: dict[str, object] = {
        "name": name,
        "email": "bewoner@voorbeeld.nl",
        "phone": "0612345678",
        "address": "Eikenlaan 17",
        "postcode": "1234 AB",
        "consent_contact": True,
        "consent_method": "formulier",
        "consent_on": date(2024, 1, 15),
    }
    values.update(kw)
    return InitiatorData(**values)  # type: ignore[arg-type]


def test_months_before_clamps_to_the_end_of_the_month() -> None:
    assert privacy.months_before(date(2026, 11, 28), 24) == date(2024, 11, 28)
    assert privacy.months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert privacy.months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_retention_setting_defaults_to_24_months(store: Store) -> None:
    with store.begin() as s:
        assert privacy.retention_months(s) == 24
        privacy.set_retention_months(s, 12)
    with store.begin() as s:
        assert privacy.retention_months(s) == 12
        with pytest.raises(KnownError):
            privacy.set_retention_months(s, 0)


def test_retention_respects_the_period(any_store: Store) -> None:
    old = _idea(any_store, "Oude moestuin", [_person("Anna Oud")], closed_on=date(2024, 10, 28))  # 25 months
    recent = _idea(any_store, "Jonge moestuin", [_person("Bram Jong")], closed_on=date(2024, 12, 28))  # 23 months
    boundary = _idea(any_store, "Precies op tijd", [_person("Cor Grens")], closed_on=date(2024, 11, 28))
    # Dirk is behind an old closed idea and one still open: his data still serves that one.
    _idea(any_store, "Dirks oude plan", [_person("Dirk Open")], closed_on=date(2023, 1, 1))
    with any_store.begin() as s:
        dirk = privacy.find_person(s, "Dirk Open")
    with any_store.begin() as s:
        open_idea = ideas.save_idea(s, IdeaData(title="Dirks nieuwe plan"))
        row = s.get(Idea, open_idea.id)
        person = s.get(Initiator, dirk.id)
        assert row is not None and person is not None
        row.initiators.append(person)

    with any_store.begin() as s:
        preview = privacy.retention_preview(s, TODAY)
    assert [(p.reference, p.idea_references, p.closed_on) for p in preview] == [
        (old.initiators[0].reference, [old.reference], date(2024, 10, 28)),
        (boundary.initiators[0].reference, [boundary.reference], date(2024, 11, 28)),
    ]

    with any_store.begin() as s:
        assert privacy.apply_retention(s, TODAY, actor="Broker Bea") == 2
    with any_store.begin() as s:
        assert privacy.retention_preview(s, TODAY) == []
        assert privacy.apply_retention(s, TODAY) == 0
        kept = ideas.get_idea(s, recent.id or "")
        assert kept.initiators[0].name == "Bram Jong"
        assert ideas.get_idea(s, open_idea.id or "").initiators[0].name == "Dirk Open"
        gone = ideas.get_idea(s, old.id or "")

    # The idea stays whole for the statistics; the person keeps a reference and their consents, nothing else.
    assert (gone.title, gone.status, gone.area_id, gone.theme_ids) == (
        old.title,
        old.status,
        old.area_id,
        old.theme_ids,
    )
    [anon] = gone.initiators
    assert anon.reference == old.initiators[0].reference
    assert anon.name == privacy.ANONYMOUS_NAME
    assert (anon.email, anon.phone, anon.address, anon.postcode) == (None, None, None, None)
    assert anon.consent_contact and anon.consent_on == date(2024, 1, 15)
    with any_store.begin() as s:
        anonymised = s.get(Initiator, anon.id)
        assert anonymised is not None and anonymised.anonymised_at is not None


def test_a_shorter_period_reaches_more_people(store: Store) -> None:
    _idea(store, "Bankje", [_person("Anna Oud")], closed_on=date(2025, 10, 1))
    with store.begin() as s:
        assert privacy.retention_preview(s, TODAY) == []
        privacy.set_retention_months(s, 12)
        assert len(privacy.retention_preview(s, TODAY)) == 1


def test_find_person_by_reference_or_name(store: Store) -> None:
    first = _idea(store, "Bankje", [_person("Anna de Vries")])
    _idea(store, "Speeltuin", [_person("Jan Jansen")])
    _idea(store, "Moestuin", [_person("Jan Jansen")])
    reference = first.initiators[0].reference or ""
    with store.begin() as s:
        assert privacy.find_person(s, reference.lower()).name == "Anna de Vries"
        assert privacy.find_person(s, "anna de vries").reference == reference
        with pytest.raises(AmbiguousError) as ambiguous:
            privacy.find_person(s, "Jan Jansen")
        with pytest.raises(NotFoundError):
            privacy.find_person(s, "Niemand")
    assert len(ambiguous.value.candidates) == 2
    assert all(c.startswith("P-") for c in ambiguous.value.candidates)


def test_export_json_holds_data_consents_and_ideas(any_store: Store, tmp_path: Path) -> None:
    idea = _idea(any_store, "Buurtmoestuin", [_person("Fatima Zwanenburg", consent_share=True)])
    person = idea.initiators[0]
    out = tmp_path / "inzage.json"
    with any_store.begin() as s:
        result = inzage.write_export(s, person.id or "", out, actor="Broker Bea")
    assert result.format == "JSON" and result.counts == {"toestemmingen": 2, "ideeen": 1}
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert "Fatima Zwanenburg" in text  # ensure_ascii=False, readable as it is
    assert data["soort"] == "Inzage persoonsgegevens"
    assert data["persoon"]["naam"] == "Fatima Zwanenburg"
    assert data["persoon"]["e-mail"] == "bewoner@voorbeeld.nl"
    assert data["persoon"]["postcode"] == "1234 AB"
    assert data["persoon"]["nummer"] == person.reference
    assert {(c["waarvoor"], c["gegeven"], c["hoe"], c["datum"]) for c in data["toestemmingen"]} == {
        ("contact door de gemeente", True, "formulier", "2024-01-15"),
        ("delen met partnerorganisaties", True, "formulier", "2024-01-15"),
    }
    [theirs] = data["ideeen"]
    assert (theirs["nummer"], theirs["titel"], theirs["status"], theirs["wijk"]) == (
        idea.reference,
        "Buurtmoestuin",
        "nieuw",
        "Wijk van Buurtmoestuin",
    )
    assert {e["wat"] for e in data["logboek"]} >= {"persoonsgegevens vastgelegd", "toestemming vastgelegd"}


def test_export_pdf_shows_the_person(store: Store, tmp_path: Path) -> None:
    idea = _idea(store, "Buurtmoestuin", [_person("Fatima Zwanenburg")])
    out = tmp_path / "inzage.pdf"
    with store.begin() as s:
        vocabulary.set_setting(s, vocabulary.MUNICIPALITY_NAME, "Gemeente Voorbeeldstad")
        inzage.write_export(s, idea.initiators[0].id or "", out)
    reader = PdfReader(out)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Fatima Zwanenburg" in text
    assert "bewoner@voorbeeld.nl" in text
    assert "Buurtmoestuin" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Inzage persoonsgegevens"
    assert reader.metadata.author == "Gemeente Voorbeeldstad"
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert all("DejaVuSans" in f for f in fonts), fonts


def test_export_refuses_other_formats_and_missing_folders(store: Store, tmp_path: Path) -> None:
    idea = _idea(store, "Bankje", [_person("Anna Oud")])
    with store.begin() as s:
        with pytest.raises(KnownError, match=r"\.json of \.pdf"):
            inzage.write_export(s, idea.initiators[0].id or "", tmp_path / "inzage.txt")
        with pytest.raises(KnownError, match="bestaat niet"):
            inzage.write_export(s, idea.initiators[0].id or "", tmp_path / "nergens" / "inzage.json")


def test_forget_anonymises_now(any_store: Store) -> None:
    idea = _idea(any_store, "Bankje", [_person("Anna Oud", consent_share=True)])
    person_id = idea.initiators[0].id or ""
    with any_store.begin() as s:
        assert privacy.forget_person(s, person_id, actor="Broker Bea") is True
    with any_store.begin() as s:
        assert privacy.forget_person(s, person_id) is False
        row = s.get(Initiator, person_id)
        assert row is not None
        assert (row.name, row.email, row.phone, row.address, row.postcode) == (
            privacy.ANONYMOUS_NAME,
            None,
            None,
            None,
            None,
        )
        assert row.anonymised_at is not None
        assert len([c for c in row.consents if isinstance(c, Consent)]) == 2
        assert ideas.get_idea(s, idea.id or "").title == "Bankje"
        data = privacy.export_person(s, person_id)
    assert data["persoon"]["naam"] == privacy.ANONYMOUS_NAME
    assert "Anna" not in json.dumps(data, ensure_ascii=False)
