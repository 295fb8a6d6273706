"""Cross-checks through the ledger, as a fact-checker uses them: ingest reports of one story from several
outlets, then `claimex check`. The articles are built from single sentences quoted from ../shared/news."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import cli
from tests.floods import WALL_FOX, WALL_NYT

pytestmark = pytest.mark.model

TRAM_SCENE = (
    "The tram came off the tracks as it was negotiating a sharp, left-hand curve near the Sandilands tram "
    "stop in Croydon, south London, on Wednesday morning."
)
TRAM_A = "\n\n".join(
    [
        "Croydon tram crash: victims named",
        "Six men and one woman died and more than 50 people were injured when the carriages flipped over as "
        "the tram turned around a sharp bend.",
        TRAM_SCENE,
    ]
)
TRAM_B = "\n\n".join(
    [
        "Croydon tram crash: driver arrested",
        "Seven people were killed and 51 people were injured when the tram overturned near Sandilands.",
        TRAM_SCENE,
    ]
)
TRAM_LATER = TRAM_B.replace("51 people", "62 people")
TRAM_WRONG = TRAM_B.replace("Seven people", "Nine people")
UNRELATED = (
    "The Bank of England raised interest rates to 5.25%, the 14th increase in a row, as inflation stayed "
    "at 7.9% in June."
)


def _ingest(tmp_path: Path, rows: list[dict[str, str | None]]) -> Path:
    tmp_path.mkdir(exist_ok=True)
    jl = tmp_path / "story.jsonl"
    jl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "ledger.db"
    result = CliRunner().invoke(cli, ["ingest", str(jl), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def _check(db: Path, *extra: str) -> tuple[list[dict[str, object]], str]:
    result = CliRunner().invoke(cli, ["check", "--all", "--format", "json", "--db", str(db), *extra])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout), result.stderr


def test_the_same_figure_in_two_outlets_is_linked_with_both_sides_readable(tmp_path: Path) -> None:
    rows = [
        {"text": WALL_NYT, "url": "nyt/wall", "published": "2019-01-20"},
        {"text": WALL_FOX, "url": "fox/wall", "published": "2019-01-20"},
    ]
    db = _ingest(tmp_path, rows)
    found, _ = _check(db)
    money = [r for r in found if r["unit_a"] == "USD"]
    assert len(money) == 1
    row = money[0]
    assert row["verdict"] == "consistent" and {row["article_a"], row["article_b"]} == {"nyt/wall", "fox/wall"}
    texts = {"nyt/wall": WALL_NYT, "fox/wall": WALL_FOX}
    for side in ("a", "b"):
        text = texts[str(row[f"article_{side}"])]
        assert text[int(str(row[f"start_{side}"])) : int(str(row[f"end_{side}"]))] == row[f"text_{side}"]
        assert row[f"value_{side}"] == 5.7e9 and "$5.7 billion" in str(row[f"sentence_{side}"])
    assert 0 < float(str(row["score"])) <= 1 and "value" in list(row["agreed"])  # type: ignore[call-overload]
    dreamers = [r for r in found if r["value_a"] == 700000]
    assert len(dreamers) == 1 and dreamers[0]["verdict"] == "consistent"


def test_figures_that_cannot_both_be_right_on_one_day_conflict(tmp_path: Path) -> None:
    rows = [
        {"text": TRAM_A, "url": "a/tram", "published": "2016-11-10"},
        {"text": TRAM_B, "url": "b/tram", "published": "2016-11-10"},
    ]
    found, _ = _check(_ingest(tmp_path, rows))
    injured = [r for r in found if {r["value_a"], r["value_b"]} == {50, 51}]
    assert injured and injured[0]["verdict"] == "consistent"  # "more than 50" allows 51
    rows[0] = {"text": TRAM_WRONG, "url": "c/tram", "published": "2016-11-10"}
    found, _ = _check(_ingest(tmp_path / "second", rows))
    killed = [r for r in found if {r["value_a"], r["value_b"]} == {7, 9}]
    assert killed and killed[0]["verdict"] == "conflict"


def test_a_later_report_that_moves_a_figure_is_an_update(tmp_path: Path) -> None:
    rows = [
        {"text": TRAM_B, "url": "b/tram", "published": "2016-11-09"},
        {"text": TRAM_LATER, "url": "c/tram", "published": "2016-11-12"},
    ]
    found, _ = _check(_ingest(tmp_path, rows))
    injured = [r for r in found if {r["value_a"], r["value_b"]} == {51, 62}]
    assert injured and injured[0]["verdict"] == "updated"
    killed = [r for r in found if r["value_a"] == 7 and r["value_b"] == 7]
    assert killed and killed[0]["verdict"] == "consistent"


def test_undated_articles_of_a_story_are_cross_checked_and_the_cost_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "nyt.txt").write_text(WALL_NYT, encoding="utf-8")
    (folder / "fox.txt").write_text(WALL_FOX, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert CliRunner().invoke(cli, ["ingest", str(folder), "--db", str(db), "-q"]).exit_code == 0
    found, note = _check(db)
    assert any(r["unit_a"] == "USD" and r["verdict"] == "consistent" for r in found)
    assert "2 of 2 articles have no publication date" in note


def test_articles_of_different_stories_are_never_compared(tmp_path: Path) -> None:
    rows = [
        {"text": WALL_NYT, "url": "nyt/wall", "published": "2019-01-20"},
        {"text": UNRELATED, "url": "boe/rates", "published": "2019-01-20"},
    ]
    found, _ = _check(_ingest(tmp_path, rows))
    assert found == []


def test_check_lists_only_conflicts_without_all_and_exit_code_reports_them(tmp_path: Path) -> None:
    rows = [
        {"text": WALL_NYT, "url": "nyt/wall", "published": "2019-01-20"},
        {"text": WALL_FOX, "url": "fox/wall", "published": "2019-01-20"},
    ]
    db = _ingest(tmp_path, rows)
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--db", str(db), "--exit-code"])
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_claims_by_speaker_gather_every_name_of_one_person(tmp_path: Path) -> None:
    rows = [
        {
            "text": "Trump's wall\n\nDonald Trump said the wall would be paid for by Mexico. Trump has "
            "insisted that as president he would have the leverage to compel Mexico to pay for the wall, "
            "which he estimates would cost about $8 billion.",
            "url": "a/wall",
            "published": "2016-02-25",
        },
        {
            "text": "The wall\n\nPresident Trump said 700,000 people would keep their protections.",
            "url": "b/wall",
            "published": "2019-01-20",
        },
    ]
    db = _ingest(tmp_path, rows)
    result = CliRunner().invoke(cli, ["claims", "--speaker", "Trump", "--format", "json", "--db", str(db)])
    found = json.loads(result.stdout)
    assert {r["claim"] for r in found} == {"about $8 billion", "700,000"}
    assert {r["said_by"] for r in found} == {"Donald Trump"}


def test_borderline_kinds_are_in_the_json_but_not_the_claims_table(tmp_path: Path) -> None:
    text = "The driver was arrested two days ago.\n\nSeven people died in the crash."
    db = _ingest(tmp_path, [{"text": text, "url": "x"}])
    json_rows = json.loads(CliRunner().invoke(cli, ["claims", "--format", "json", "--db", str(db)]).stdout)
    assert {r["kind"] for r in json_rows} == {"time_span", "count"}
    table = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["claims", "--db", str(db)]).stdout
    assert "Seven" in table and "two days" not in table
    everything = CliRunner(env={"COLUMNS": "200"}).invoke(cli, ["claims", "--borderline", "--db", str(db)])
    assert "two days" in everything.stdout
