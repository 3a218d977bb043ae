"""`makelaar privacy ...` through privacy_cli.run with a parsed namespace: exit codes and Dutch output."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pytest

import makelaar.services.audit  # noqa: F401  (registers the listener; the store imports it too)
from makelaar.cli import privacy as privacy_cli
from makelaar.domain.enums import IdeaStatus
from makelaar.domain.errors import AmbiguousError, KnownError, NotFoundError
from makelaar.domain.records import IdeaData, InitiatorData
from makelaar.services import audit, ideas
from makelaar.storage.models import Idea
from makelaar.storage.store import Store

TODAY = date(2026, 11, 28)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="makelaar")
    privacy_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["privacy", *argv])


def _idea(store: Store, title: str, name: str, closed_on: date | None = None) -> IdeaData:
    person = InitiatorData(name=name, email="bewoner@voorbeeld.nl", consent_contact=True)
    with store.begin() as s:
        saved = ideas.save_idea(
            s,
            IdeaData(
                title=title,
                status=IdeaStatus.REALISED.value if closed_on else IdeaStatus.NEW.value,
                initiators=[person],
            ),
        )
        if closed_on:
            row = s.get(Idea, saved.id)
            assert row is not None
            row.closed_on = closed_on
    return saved


def test_retention_previews_then_applies(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    old = _idea(store, "Oude moestuin", "Anna Oud", date(2024, 1, 1))
    _idea(store, "Nieuwe moestuin", "Bram Jong", date(2026, 1, 1))

    assert privacy_cli.run(_parse("retention"), store, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "Bewaartermijn: 24 maanden" in out
    assert "1 persoon zou worden geanonimiseerd:" in out
    assert f"{old.initiators[0].reference}  idee {old.reference}  (afgesloten op 01-01-2024)" in out
    assert "--apply" in out
    assert "Anna" not in out and "Bram" not in out

    assert privacy_cli.run(_parse("retention", "--apply"), store, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "1 persoon geanonimiseerd; de ideeën blijven bewaard." in out
    assert "Back-up vooraf:" in out and "voor-bewaartermijn" in out

    assert privacy_cli.run(_parse("retention"), store, today=TODAY) == 0
    assert "Niemand is de bewaartermijn voorbij" in capsys.readouterr().out

    assert privacy_cli.run(_parse("retention", "--maanden", "6", "--apply"), store, today=TODAY) == 0
    out = capsys.readouterr().out
    assert "Bewaartermijn: 6 maanden" in out and "1 persoon geanonimiseerd" in out


def test_retention_months_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        _parse("retention", "--maanden", "nul")
    assert done.value.code == 2
    assert "geen heel getal" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".json", ".pdf"])
def test_export_writes_the_chosen_format(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    idea = _idea(store, "Bankje", "Anna de Vries")
    reference = idea.initiators[0].reference or ""
    out = tmp_path / f"inzage{suffix}"
    assert privacy_cli.run(_parse("export", "Anna de Vries", "-o", str(out)), store, today=TODAY) == 0
    printed = capsys.readouterr().out
    assert f"Inzage van {reference} geschreven naar {out} ({suffix[1:].upper()}): 1 toestemming, 1 idee." in printed
    assert "persoonsgegevens" in printed
    if suffix == ".json":
        assert json.loads(out.read_text(encoding="utf-8"))["persoon"]["naam"] == "Anna de Vries"
    else:
        assert out.read_bytes().startswith(b"%PDF")
    with store.begin() as s:
        assert audit.list_entries(s, limit=1)[0].kind == audit.EXPORTED


def test_export_errors_are_known_errors(store: Store, tmp_path: Path) -> None:
    _idea(store, "Speeltuin", "Jan Jansen")
    _idea(store, "Moestuin", "Jan Jansen")
    with pytest.raises(KnownError, match=r"\.json of \.pdf"):
        privacy_cli.run(_parse("export", "Jan Jansen", "-o", str(tmp_path / "x.doc")), store)
    with pytest.raises(AmbiguousError, match="P-"):
        privacy_cli.run(_parse("export", "Jan Jansen", "-o", str(tmp_path / "x.json")), store)
    with pytest.raises(NotFoundError, match="Geen persoon gevonden"):
        privacy_cli.run(_parse("forget", "P-1999-0001"), store)


def test_forget_by_reference(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    idea = _idea(store, "Bankje", "Anna de Vries")
    reference = idea.initiators[0].reference or ""
    assert privacy_cli.run(_parse("forget", reference), store) == 0
    out = capsys.readouterr().out
    assert f"{reference} is geanonimiseerd: naam, e-mail, telefoon, adres en postcode zijn gewist." in out
    assert "De toestemmingen en 1 idee blijven bewaard zonder persoonsgegevens." in out
    with store.begin() as s:
        assert ideas.get_idea(s, idea.id or "").initiators[0].name == "(geanonimiseerd)"
    assert privacy_cli.run(_parse("forget", reference), store) == 0
    assert "was al geanonimiseerd" in capsys.readouterr().out


def test_log_shows_kinds_not_values(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert privacy_cli.run(_parse("log"), store) == 0
    assert "Het logboek is nog leeg." in capsys.readouterr().out
    idea = _idea(store, "Bankje", "Anna de Vries")
    assert privacy_cli.run(_parse("log", "--top", "10"), store) == 0
    out = capsys.readouterr().out
    reference = idea.initiators[0].reference or ""
    assert f"persoonsgegevens vastgelegd  {reference} (naam, contactgegevens)" in out
    assert f"toestemming vastgelegd  {reference} (contact)" in out
    assert "Anna" not in out and "voorbeeld.nl" not in out
