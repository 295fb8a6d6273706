"""Past one process: --jobs gives the same ledger, shards merge into one, and the Dask bag recipe works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from claimex.cli import cli
from claimex.read import Reader
from tests.conftest import SEED_PUBLISHED

pytestmark = pytest.mark.model


def _articles(seed_text: str) -> list[dict[str, str]]:
    """Sixteen articles cut from the seed page's paragraphs, as JSONL records."""
    paragraphs = [p for p in seed_text.split("\n\n") if len(p) > 200]
    return [
        {
            "text": f"Story {i}\n\n{paragraphs[i % len(paragraphs)]}",
            "published": SEED_PUBLISHED,
            "url": f"u{i}",
        }
        for i in range(16)
    ]


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _content(db: Path) -> dict[str, set[tuple[object, ...]]]:
    """Rows of each table, less what differs between runs (run ids, and the JSONL file a shard came from)."""
    database = sqlite_utils.Database(db)
    skip = {"run_id", "source", "first_seen", "observed_at"}
    out = {
        t: {tuple((k, v) for k, v in sorted(r.items()) if k not in skip) for r in database.table(t).rows}
        for t in ("articles", "article_versions", "claims", "mentions", "quotes", "speakers")
    }
    database.close()
    return out


def _ingest(*args: str) -> None:
    result = CliRunner().invoke(cli, ["ingest", "-q", *args])
    assert result.exit_code == 0, result.output


def test_jobs_give_the_same_ledger(tmp_path: Path, seed_text: str) -> None:
    data = _write_jsonl(tmp_path / "all.jsonl", _articles(seed_text))
    _ingest(str(data), "--db", str(tmp_path / "one.db"))
    _ingest(str(data), "--db", str(tmp_path / "two.db"), "--jobs", "2")
    one = _content(tmp_path / "one.db")
    assert one["claims"] and one == _content(tmp_path / "two.db")


def test_merged_shards_equal_one_ledger(tmp_path: Path, seed_text: str) -> None:
    records = _articles(seed_text)
    _ingest(str(_write_jsonl(tmp_path / "all.jsonl", records)), "--db", str(tmp_path / "one.db"))
    _ingest(str(_write_jsonl(tmp_path / "a.jsonl", records[:9])), "--db", str(tmp_path / "a.db"))
    _ingest(str(_write_jsonl(tmp_path / "b.jsonl", records[7:])), "--db", str(tmp_path / "b.db"))
    merged = tmp_path / "merged.db"
    result = CliRunner().invoke(
        cli, ["merge", str(tmp_path / "a.db"), str(tmp_path / "b.db"), "--into", str(merged)]
    )
    assert result.exit_code == 0, result.output
    assert _content(merged) == _content(tmp_path / "one.db")
    again = CliRunner().invoke(cli, ["merge", str(tmp_path / "a.db"), "--into", str(merged)])
    assert "new: 0 articles" in again.output


def test_dask_bag_recipe(tmp_path: Path, seed_text: str) -> None:
    dask_bag = pytest.importorskip("dask.bag")
    from claimex.ledger.store import merge, open_ledger
    from claimex.parallel import ingest_shard

    records = _articles(seed_text)
    shards = [_write_jsonl(tmp_path / f"shard{i}.jsonl", records[i::2]) for i in range(2)]

    def run(shard: Path) -> str:
        db = shard.with_suffix(".db")
        ingest_shard(Reader().read(str(shard)), db)
        return str(db)

    shard_dbs = (
        dask_bag.from_sequence(shards, npartitions=2).map(run).compute(scheduler="processes", num_workers=2)
    )
    into = open_ledger(tmp_path / "merged.db")
    for shard_db in shard_dbs:
        merge(into, shard_db)
    into.close()
    _ingest(str(_write_jsonl(tmp_path / "all.jsonl", records)), "--db", str(tmp_path / "one.db"))
    assert _content(tmp_path / "merged.db") == _content(tmp_path / "one.db")
