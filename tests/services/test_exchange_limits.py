"""An exchange file is checked by the same rules as the editors: a value no editor would store refuses the file
whole, naming the record and the field; nesting or size no exchange file has is refused without a RecursionError or
MemoryError."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from makelaar.domain.errors import KnownError
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import exchange, ideas, organisations
from makelaar.storage.store import Store


@pytest.fixture
def exported(store: Store, tmp_path: Path) -> dict[str, Any]:
    with store.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtfeest", team_size=3, requested_amount=Decimal("250")))
        organisations.save_organisation(s, OrganisationData(name="Buurtfonds", fund_max_amount=Decimal("500")))
    path = tmp_path / "uit.json"
    with store.begin() as s:
        exchange.export_changes(s, path)
    payload: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return payload


def _record(payload: dict[str, Any], table: str) -> dict[str, Any]:
    found: dict[str, Any] = next(r for r in payload["records"] if r["table"] == table)
    return found


def _write(path: Path, payload: dict[str, Any]) -> Path:
    path.write_text(json.dumps(payload), encoding="utf-8")  # json.dumps writes NaN for a float nan, as a forger can
    return path


def test_an_untouched_export_reads_back(exported: dict[str, Any], tmp_path: Path) -> None:
    assert exchange.read_file(_write(tmp_path / "ok.json", exported)).records


@pytest.mark.parametrize(
    ("table", "change", "message"),
    [
        ("ideas", lambda d: d.update(status="verzonnen"), "veld status: Onbekende status 'verzonnen'"),
        ("ideas", lambda d: d.update(team_size=-3), "veld teamgrootte: Het aantal mensen"),
        ("ideas", lambda d: d.update(requested_amount="1e30"), "veld gevraagd bedrag: .* te hoog"),
        ("ideas", lambda d: d.update(requested_amount="-5"), "veld gevraagd bedrag: .* negatief"),
        ("ideas", lambda d: d.update(requested_amount=float("nan")), "veld gevraagd bedrag: .* geen bedrag"),
        ("ideas", lambda d: d.update(requested_amount="Infinity"), "veld gevraagd bedrag: .* geen bedrag"),
        ("ideas", lambda d: d.update(title="t" * 10_000_000), "veld titel: .* te lang: 10000000 tekens"),
        ("ideas", lambda d: d.update(description="a\x00b"), "veld omschrijving: .* stuurteken"),
        ("organisations", lambda d: d.update(fund_max_amount="12345678901.99"), "te hoog"),
    ],
)
def test_a_value_no_editor_stores_refuses_the_file_naming_record_and_field(
    exported: dict[str, Any], tmp_path: Path, table: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    change(_record(exported, table)["data"])
    path = _write(tmp_path / "fout.json", exported)

    with pytest.raises(KnownError, match=message) as caught:
        exchange.read_file(path)

    assert "er is niets ingelezen" in str(caught.value)


def test_a_deeply_nested_file_is_refused_without_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "diep.json"
    path.write_bytes(b"[" * 200_000 + b"]" * 200_000)

    with pytest.raises(KnownError, match="dieper genest"):
        exchange.read_file(path)


def test_the_size_limits_keep_a_file_well_inside_memory() -> None:
    # A gzip bomb is stopped at MAX_JSON_BYTES of output (test_sealed shows the mechanism); the limit itself must
    # be one a laptop holds without swapping, not the 4 GB it once was.
    assert exchange.MAX_JSON_BYTES <= 512 * 1024**2
    assert exchange.MAX_FILE_BYTES <= 512 * 1024**2
