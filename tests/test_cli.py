"""The CLI through click's CliRunner: extract, idempotent ingest, clear errors that leave the ledger alone."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from tests.conftest import SEED, SEED_PUBLISHED, ingest_seed, read_original
from tests.floods import SERIES, ingest_floods, ingest_wall

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


def _cells(output: str) -> str:
    """A rich table's text with borders and line folds removed, so folded cells read as one string."""
    lines = [line.strip("│┃ ").split("│") for line in output.splitlines()]
    return " ".join(" ".join(cell.strip() for cell in line) for line in lines)


def _column(output: str, index: int) -> str:
    """The text of one column of a rich table, its folded lines joined."""
    cells = [line.split("│")[index].strip() for line in output.splitlines() if line.count("│") > index]
    return " ".join(cells)


def test_extract_table_shows_claim_figure_speaker_and_the_number_in_its_snippet() -> None:
    args = ["extract", str(SEED), "--published", SEED_PUBLISHED]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, args)
    assert result.exit_code == 0
    header = next(line for line in result.output.splitlines() if "┃" in line)
    assert [h.strip() for h in header.strip("┃").split("┃")] == [
        "claim",
        "figure",
        "measures",
        "said by",
        "snippet",
        "period",
    ]
    assert "£2.4m" in _column(result.output, 2) and "Charlie Whelton" in _column(result.output, 4)
    rows = [line for line in result.output.splitlines() if line.startswith("│")]
    assert rows and len(rows) >= 41


def test_extract_snippet_keeps_the_number_of_a_long_sentence(tmp_path: Path) -> None:
    words = "The committee, after a long and winding debate about everything under the sun and more, "
    path = tmp_path / "long.txt"
    path.write_text(words * 3 + "finally approved 987 new homes for the town.\n", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert "987 new homes" in _column(result.output, 5)


def test_extract_takes_several_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("Prices rose 4.75% last year.", encoding="utf-8")
    two.write_text("The firm paid £2.4m in fines.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(one), str(two), "--published", "2025-07-31", "--nl"])
    assert result.exit_code == 0, result.output
    sources = [json.loads(line)["source"] for line in result.output.splitlines()]
    assert sources == [str(one), str(two)]
    table = CliRunner().invoke(cli, ["extract", str(one), str(two)])
    assert "4.75%" in table.output and "£2.4m" in table.output


def test_ingest_twice_skips_the_unchanged_page_by_its_hash(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db), "--published", SEED_PUBLISHED])
    assert first.exit_code == 0, first.output
    # every mention is counted, the three borderline time spans ("two years", "12 months", "Six weeks") too;
    # claims are the distinct things measured ("1,000 arrests ... of which 773 had led to a charge": two)
    assert "new: 7 articles, 0 versions, 44 mentions, 39 claims, 10 quotes" in first.output
    assert "44 mentions of 39 claims" in first.output
    before = _counts(db)
    assert before["article_versions"] == 7 and before["mentions"] == 44 and before["claims"] == 39
    second = runner.invoke(cli, ["ingest", str(SEED), "--db", str(db), "--published", SEED_PUBLISHED])
    assert second.exit_code == 0, second.output
    assert "new: 0 articles, 0 versions, 0 mentions, 0 claims" in second.output
    assert "1 page skipped by hash" in second.output
    assert _counts(db) == {**before, "ingest_runs": before["ingest_runs"]}


def test_unchanged_page_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ledger.db"
    assert CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db), "-q"]).exit_code == 0
    from claimex import extract

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged page was parsed again")

    monkeypatch.setattr(extract, "extract_pages", parse)
    again = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db), "-q"])
    assert again.exit_code == 0, again.output
    other = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db), "--published", "2024-01-01"])
    assert other.exit_code == 1 and "parsed again" in str(other.exception)  # another date: parsed


def test_a_new_text_of_an_article_is_counted_as_one_new_version(tmp_path: Path) -> None:
    db, path = tmp_path / "ledger.db", tmp_path / "story.txt"
    path.write_text("Sales rose 5% to £2m.", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--key", "story"]).exit_code == 0
    path.write_text("Sales rose 6% to £2m.", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--key", "story"])
    assert "new: 0 articles, 1 version, 2 mentions, 0 claims, 0 quotes" in result.output  # same identities
    assert "1 article in 2 versions" in result.output


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


@pytest.fixture(scope="module")
def floods(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("floods") / "ledger.db"
    ingest_seed(db)
    return ingest_wall(ingest_floods(db))


@pytest.mark.parametrize("command", [["claims"], ["claims", "--format", "json"]])
def test_since_must_be_a_date(floods: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--db", str(floods), "--since", "garbage"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --since 'garbage' is not a date; use YYYY-MM-DD, e.g. 2025-07-31"


def test_diff_published_must_be_a_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", str(SEED), str(SEED), "--published", "soon"])
    assert result.exit_code == 1 and "--published 'soon' is not a date" in result.output


@pytest.mark.parametrize("unit", ["usd", "USD", "Usd"])
def test_unit_is_case_insensitive(floods: Path, unit: str) -> None:
    result = CliRunner().invoke(cli, ["claims", "--db", str(floods), "--unit", unit, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert len(rows) == 3 and {row["figure"] for row in rows} == {"$5.7bn"}  # the floods and the wall story


def test_claims_table_shows_claim_figure_speaker_and_snippet(floods: Path) -> None:
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["claims", "--db", str(floods), "--unit", "gbp"])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "┃" in line)
    assert [h.strip() for h in header.strip("┃").split("┃")][:4] == ["claim", "figure", "said by", "snippet"]
    assert "£2.4m" in _column(result.output, 2) and "2.4m" in _column(result.output, 4)


@pytest.mark.parametrize("query", ["5.7", "$5.7 billion", "5.7 billion", "Trump"])
def test_search_takes_figures_and_plain_words(floods: Path, query: str) -> None:
    result = CliRunner().invoke(cli, ["search", query, "--db", str(floods), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "$5.7bn" in [row["figure"] for row in json.loads(result.output)]


def test_search_keeps_fts_syntax_when_used(floods: Path) -> None:
    result = CliRunner().invoke(cli, ["search", "injur* NOT nurses", "--db", str(floods), "--format", "json"])
    assert result.exit_code == 0, result.output
    said = {row["said_by"] for row in json.loads(result.output)}
    assert "Hospital doctors" in said and "Nurses" not in said


def test_history_lists_mentions_in_publication_order_undated_last(floods: Path) -> None:
    result = CliRunner().invoke(cli, ["history", SERIES, "--db", str(floods), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [r for r in json.loads(result.output) if r["outlet"]]
    assert [(r["published"], r["figure"], r["said_by"], r["outlet"]) for r in rows] == [
        ("2024-01-15", "95", "Health officials", "Beta News"),
        ("2024-03-01", "120", "The council", "Daily Alpha"),
        ("2024-06-10", "150", "Hospital doctors", "Gamma Post"),
        (None, "80", "Nurses", "Delta Daily"),
    ]


def test_history_without_a_series_lists_the_measured_things(floods: Path) -> None:
    result = CliRunner().invoke(cli, ["history", "--db", str(floods), "--format", "json"])
    assert result.exit_code == 0
    assert SERIES in [row["series"] for row in json.loads(result.output)]
    near = CliRunner().invoke(cli, ["history", "people", "--db", str(floods), "--format", "json"])
    assert near.exit_code == 0 and SERIES in near.output and "did you mean" in near.output


def test_check_table_shows_each_side_with_its_article_and_outlet(floods: Path) -> None:
    result = CliRunner(env={"COLUMNS": "250"}).invoke(cli, ["check", "--all", "--db", str(floods)])
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "┃" in line)
    names = [h.strip() for h in header.strip("┃").split("┃")]
    wanted = {"claim a", "figure a", "said by a", "outlet a", "article a", "outlet b", "article b"}
    assert wanted <= set(names)


def test_diff_shows_the_whole_sentence_around_the_number(tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    start = "After a long and winding debate about roads, schools and the future of the high street, "
    old.write_text(start + "the council finally approved 987 new homes for the town.", encoding="utf-8")
    new.write_text(start + "the council finally approved 1,200 new homes for the town.", encoding="utf-8")
    result = CliRunner(env={"COLUMNS": "160"}).invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    sentence = _column(result.output, 4)
    assert "future of the high street, the council finally approved 1,200 new homes for the town." in sentence


def test_serve_refuses_a_missing_ledger_before_announcing(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "Serving" not in result.output and "no ledger here yet" in result.output


def test_serve_refuses_a_public_host_before_announcing(floods: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(floods), "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "Serving" not in result.output and "--public" in result.output


def test_unchanged_jsonl_lines_are_skipped_and_a_new_line_is_read(tmp_path: Path) -> None:
    db, path = tmp_path / "ledger.db", tmp_path / "feed.jsonl"
    lines = [
        {"text": f"Sales rose {n}% last year.", "headline": f"Sales {n}", "url": f"https://x.example/{n}"}
        for n in (3, 4, 5)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines[:2]), encoding="utf-8")
    runner = CliRunner()
    assert "new: 2 articles" in runner.invoke(cli, ["ingest", str(path), "--db", str(db)]).output
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    again = runner.invoke(cli, ["ingest", str(path), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "new: 1 article," in again.output and "2 pages skipped by hash" in again.output


def test_extract_table_leaves_out_borderline_kinds_the_json_keeps() -> None:
    text = "The 29-year-old has finished second.\n\nThe club cut 40 jobs.\n"
    table = CliRunner().invoke(cli, ["extract", "-"], input=text)
    assert table.exit_code == 0, table.output
    assert "40 jobs" in table.output and "29-year-old" not in table.output
    found = CliRunner().invoke(cli, ["extract", "-", "--json"], input=text)
    kinds = [c["kind"] for a in json.loads(found.output)["articles"] for c in a["claims"]]
    assert kinds == ["age", "count"]
