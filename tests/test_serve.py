"""Datasette over the ledger, through Datasette's own client: metadata, canned queries, read-only."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from claimex import serve
from claimex.errors import LedgerError
from tests.conftest import ingest_seed

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "ledger.db"
    ingest_seed(db)
    return db


def _get(db: Path, path: str) -> Any:
    async def fetch() -> Any:
        return await serve.datasette_app(db).client.get(path)

    return asyncio.run(fetch())


def test_claims_by_speaker_returns_rows(ledger: Path) -> None:
    response = _get(ledger, "/ledger/claims_by_speaker.json?speaker=Whelton&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert rows and all("Whelton" in row["speaker"] for row in rows)


def test_claims_in_article_returns_rows(ledger: Path) -> None:
    response = _get(ledger, "/ledger/claims_in_article.json?headline=antisemitism&_shape=array")
    assert response.status_code == 200
    assert {row["unit"] for row in response.json()} == {"GBP", None}


def test_metadata_describes_columns(ledger: Path) -> None:
    response = _get(ledger, "/-/metadata.json")
    tables = response.json()["databases"]["ledger"]["tables"]
    assert "qualifier" in tables["mentions"]["columns"] and tables["mentions"]["description"]
    assert all(
        tables[name]["description"] for name in ("articles", "article_versions", "claims", "cross_checks")
    )


def test_write_sql_is_refused(ledger: Path) -> None:
    response = _get(ledger, "/ledger.json?sql=delete+from+mentions")
    assert response.status_code == 400
    count = _get(ledger, "/ledger.json?sql=select+count(*)+as+n+from+mentions&_shape=array").json()[0]["n"]
    assert count > 30


def test_public_address_needs_a_flag(ledger: Path) -> None:
    with pytest.raises(LedgerError, match="--public"):
        serve.serve(ledger, "0.0.0.0", 8001)


def test_missing_ledger_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="claimex ingest"):
        serve.datasette_app(tmp_path / "nope.db")


@pytest.mark.parametrize(
    ("query", "params"),
    [
        ("claims_by_speaker", "speaker=Rowley"),
        ("claims_in_article", "headline=facial"),
        ("claim_history", "metric=face"),
        ("speakers_summary", ""),
        ("conflicts", ""),
        ("changes_between_versions", "article=corpus"),
    ],
)
def test_every_canned_query_runs(ledger: Path, query: str, params: str) -> None:
    response = _get(ledger, f"/ledger/{query}.json?{params}&_shape=array")
    assert response.status_code == 200, response.text
    rows = response.json()
    if query in ("claims_by_speaker", "claims_in_article", "claim_history", "speakers_summary"):
        assert rows


@pytest.mark.parametrize("view", ["claim_mentions", "version_changes", "cross_checks"])
def test_views_are_served(ledger: Path, view: str) -> None:
    response = _get(ledger, f"/ledger/{view}.json?_shape=array&_size=5")
    assert response.status_code == 200
    if view != "version_changes":  # one version of each article: nothing changed yet
        assert response.json()


def test_facets_and_full_text_search(ledger: Path) -> None:
    facets = _get(ledger, "/ledger/mentions.json?_facet=unit&_size=0").json()["facet_results"]
    units = {row["value"] for row in facets["unit"]["results"]}
    assert {"GBP", "percent", "ratio"} <= units
    found = _get(ledger, "/ledger/mentions.json?_search=mugshots&_shape=array").json()
    assert [row["text"] for row in found] == ["millions"]


def test_charts_page_draws_svg(ledger: Path) -> None:
    page = _get(ledger, "/-/claimex-charts?metric=face")
    assert page.status_code == 200
    assert "<svg" in page.text and "Charlie Whelton" in page.text and "nearly 5m" in page.text
