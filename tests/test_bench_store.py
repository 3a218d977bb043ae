"""The benchmark's generated store holds what the program itself would have written: a save of a generated record
then writes what the user changed, not the program's own normalising of its fields as well."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path

from makelaar.domain import validation as v

ROOT = Path(__file__).resolve().parent.parent


def test_the_generated_store_holds_numbers_addresses_and_postcodes_as_the_program_writes_them(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    sys.modules["bench_generate"] = generate
    try:
        spec.loader.exec_module(generate)
        out = tmp_path / "bench.sqlite"
        assert generate.main(["--quick", "--out", str(out)]) == 0
    finally:
        sys.modules.pop("bench_generate", None)
    con = sqlite3.connect(out)
    checked = 0
    for table in ("initiators", "contacts", "organisations"):
        for phone, email, postcode in con.execute(
            f"SELECT phone, email, {'NULL' if table == 'contacts' else 'postcode'} FROM {table} LIMIT 300"
        ):
            assert v.clean_phone(phone) == phone, (table, phone)
            assert v.clean_email(email) == email, (table, email)
            assert v.clean_postcode(postcode) == postcode, (table, postcode)
            checked += phone is not None
    con.close()
    assert checked > 200  # the phone numbers were there to check
