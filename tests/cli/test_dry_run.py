"""--dry-run predicts the real run: the same counts, the same rejected rows, the same exit code, on both
backends, for an import and for an exchange import."""

from __future__ import annotations

from pathlib import Path

import pytest

from makelaar.cli import PASSPHRASE_ENV, main
from makelaar.domain.records import IdeaData, OrganisationData
from makelaar.services import ideas, organisations
from makelaar.storage.store import Store, open_store
from tests.conftest import sqlite_url_for

# A new organisation, an update of one that exists, a row without a name, a duplicate row within the file, and
# one with a postcode that cannot be one.
SOCIALE_KAART = (
    "naam;wijk;website;postcode\n"
    "Voedselbank;Oost;https://voedselbank.example;1091 AB\n"
    "Buurthuis De Linde;Centrum;https://delinde.example;1011 AA\n"
    ";West;;\n"
    "Voedselbank;Oost;https://voedselbank.example;1091 AB\n"
    "Repair Café;Zuid;;99999\n"
)


def _report(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, list[str]]:
    code = main(argv)
    out = capsys.readouterr().out.splitlines()
    # What only the real run says (its backup), and the dry run's own first words.
    lines = [line for line in out if not line.startswith(("Back-up vooraf", "Proefdraai voor "))]
    return code, [line.removeprefix("Proefdraai: er is niets gewijzigd. ") for line in lines]


def test_an_import_dry_run_reports_what_the_real_import_does(
    any_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    with any_store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Buurthuis De Linde"))
    path = tmp_path / "kaart.csv"
    path.write_text(SOCIALE_KAART, encoding="utf-8")
    argv = ["--database", any_store.url, "import", "organisaties", str(path)]
    predicted = _report(capsys, [*argv, "--dry-run"])
    done = _report(capsys, argv)
    assert predicted == done
    assert done[0] == 1  # rows were rejected
    # and the prediction held: the store now has what the dry run did not store
    assert _report(capsys, [*argv, "--dry-run"])[1] != predicted[1]


@pytest.fixture
def exchange_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """An exchange file from another laptop: two new ideas and an organisation."""
    monkeypatch.setenv("MAKELAAR_HOME", str(tmp_path / "home"))
    monkeypatch.setenv(PASSPHRASE_ENV, "de moestuin bloeit in mei")
    laptop = open_store(sqlite_url_for(tmp_path / "laptop.sqlite"))
    with laptop.begin() as s:
        ideas.save_idea(s, IdeaData(title="Buurtmoestuin"))
        ideas.save_idea(s, IdeaData(title="Bankje bij de bushalte"))
        organisations.save_organisation(s, OrganisationData(name="Voedselbank Oost"))
    laptop.close()
    path = tmp_path / "laptop.makelaar"
    assert main(["--database", sqlite_url_for(tmp_path / "laptop.sqlite"), "exchange", "export", str(path)]) == 0
    capsys.readouterr()
    return path


def test_an_exchange_dry_run_reports_what_the_real_merge_does(
    any_store: Store, exchange_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with any_store.begin() as s:
        organisations.save_organisation(s, OrganisationData(name="Voedselbank Oost"))  # the same name, made here
    argv = ["--database", any_store.url, "exchange", "import", str(exchange_file), "--keep", "theirs"]
    predicted = _report(capsys, [*argv, "--dry-run"])
    done = _report(capsys, argv)
    assert predicted == done
    assert done[0] == 0
    assert "toegevoegd" in done[1][0]
    again = _report(capsys, [*argv, "--dry-run"])
    assert again != predicted  # the real merge happened, the dry run had not
