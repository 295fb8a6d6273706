"""The CLI through click's CliRunner: extract, idempotent ingest, clear errors that leave the ledger alone."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from tests.conftest import SEED, SEED_PUBLISHED, read_original

pytestmark = pytest.mark.model

CONTRACT_CLAIM_KEYS = {
    "start",
    "end",
    "text",
    "value",
    "value_high",
    "unit",
    "per",
    "counted",
    "qualifier",
    "period",
    "speaker",
    "source",
    "quote",
    "sentence",
}


def _counts(db: Path) -> dict[str, int]:
    import sqlite_utils

    database = sqlite_utils.Database(db)
    return {name: database.table(name).count for name in database.table_names()}


def test_extract_json_follows_the_contract() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--published", SEED_PUBLISHED, "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["published"] == SEED_PUBLISHED and len(doc["articles"]) == 7
    original = read_original(SEED)
    claims = [c for a in doc["articles"] for c in a["claims"]]
    assert claims and all(set(c) >= CONTRACT_CLAIM_KEYS for c in claims)
    assert all(original[c["start"] : c["end"]] == c["text"] for c in claims)
    assert all(isinstance(c["value"], int | float) for c in claims)


def test_extract_reads_stdin() -> None:
    result = CliRunner().invoke(cli, ["extract", "-", "--json"], input="Prices rose 4.75% last year.\n")
    assert result.exit_code == 0, result.output
    claim = json.loads(result.output)["articles"][0]["claims"][0]
    assert (claim["value"], claim["unit"], claim["period"]) == (4.75, "percent", None)


def test_extract_table_shows_claims() -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--published", SEED_PUBLISHED])
    assert result.exit_code == 0
    assert "Numeric claims" in result.output and "GBP" in result.output


def test_ingest_twice_adds_nothing_the_second_time(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db), "--published", SEED_PUBLISHED])
    assert first.exit_code == 0, first.output
    assert "7 new articles" in first.output
    before = _counts(db)
    assert before["article_versions"] == 7 and before["mentions"] > 30 and before["quotes"] >= 9
    second = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db), "--published", SEED_PUBLISHED])
    assert second.exit_code == 0, second.output
    assert "0 new articles (7 already present), 0 new claims" in second.output
    assert _counts(db) == before


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file or directory"),
        (
            lambda d: (
                (d / "empty.txt").write_text("", encoding="utf-8") and d / "empty.txt" or d / "empty.txt"
            ),
            "the file is empty",
        ),
        (lambda d: (d / "nothing").mkdir() or d / "nothing", "holds no files to read"),
        (lambda d: (d / "binary.txt").write_bytes(b"\x00\x01\x02PNG") and d / "binary.txt", "binary"),
        (
            lambda d: (
                (d / "latin.txt").write_bytes("Caf\xe9 prices rose 5%".encode("latin-1")) and d / "latin.txt"
            ),
            "not UTF-8",
        ),
    ],
    ids=["missing", "empty", "empty-folder", "binary", "latin-1"],
)
def test_bad_input_is_one_line_and_leaves_the_ledger(tmp_path: Path, make: object, message: str) -> None:
    db = tmp_path / "ledger.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(SEED), "--db", str(db), "-q"]).exit_code == 0
    before, digest = _counts(db), _digest(db)
    bad = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(cli, ["ingest", str(bad), "--db", str(db)])
    assert result.exit_code == 1
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _counts(db) == before and _digest(db) == digest


def test_bad_date_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--published", "last tuesday"])
    assert result.exit_code == 1
    assert "is not a date" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_ledger_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("these are my notes, not a database", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert result.exit_code == 1 and "not a SQLite database" in result.output
    assert db.read_text(encoding="utf-8") == "these are my notes, not a database"


def test_jsonl_published_date_resolves_like_the_option(tmp_path: Path) -> None:
    line = {"text": "Sales rose 5% last year.", "headline": "Sales", "published": "2025-07-31"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    claim = json.loads(result.output)["articles"][0]["claims"][0]
    assert claim["period"] == "2024"


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("extract", "ingest", "serve"):
        assert command in result.output


def test_extract_nl_prints_one_line_per_page(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        "".join(json.dumps({"text": f"Sales rose {n}% last year."}) + "\n" for n in (3, 4)), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["extract", str(path), "--nl", "--published", "2025-07-31"])
    lines = result.output.strip().splitlines()
    assert result.exit_code == 0 and len(lines) == 2
    assert [json.loads(line)["articles"][0]["claims"][0]["value"] for line in lines] == [3, 4]


def test_a_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMEX_MODEL", "en_core_web_nonexistent")
    result = CliRunner().invoke(cli, ["extract", str(SEED)])
    assert result.exit_code == 1
    assert "en_core_web_nonexistent" in result.output and "not installed" in result.output
