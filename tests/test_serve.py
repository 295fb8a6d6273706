"""Datasette over the ledger, through Datasette's own client: metadata, canned queries, read-only."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from claimex import serve
from claimex.errors import LedgerError
from claimex.figures import figure
from claimex.web.metadata import metadata
from tests.conftest import ingest_seed
from tests.floods import SERIES, ingest_floods, ingest_wall

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "facts.db"  # not named "ledger": the name comes from metadata
    ingest_seed(db)
    return ingest_wall(ingest_floods(db))


def _get(db: Path, path: str) -> Any:
    async def fetch() -> Any:
        return await serve.datasette_app(db).client.get(path)

    return asyncio.run(fetch())


def test_claims_by_speaker_returns_rows(ledger: Path) -> None:
    response = _get(ledger, "/ledger/claims_by_speaker.json?speaker=Whelton&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert rows and all("Whelton" in row["said_by"] for row in rows)


def test_claims_in_article_returns_rows(ledger: Path) -> None:
    response = _get(ledger, "/ledger/claims_in_article.json?headline=antisemitism&_shape=array")
    assert response.status_code == 200
    assert "£2.4m" in {row["figure"] for row in response.json()}


def test_metadata_describes_columns(ledger: Path) -> None:
    response = _get(ledger, "/-/metadata.json")
    database = response.json()["databases"]["ledger"]
    assert database["title"] == "claimex fact ledger"
    tables = database["tables"]
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
        ("claim_history", "series=people+(count)"),
        ("measured_things", ""),
        ("speakers_summary", ""),
        ("conflicts", ""),
        ("changes_between_versions", "article=corpus"),
    ],
)
def test_every_canned_query_runs(ledger: Path, query: str, params: str) -> None:
    response = _get(ledger, f"/ledger/{query}.json?{params}&_shape=array")
    assert response.status_code == 200, response.text
    rows = response.json()
    if query in (
        "claims_by_speaker",
        "claims_in_article",
        "claim_history",
        "speakers_summary",
        "measured_things",
    ):
        assert rows


@pytest.mark.parametrize(
    "view", ["claim_mentions", "claim_series", "claim_pairs", "version_changes", "cross_checks"]
)
def test_views_are_served(ledger: Path, view: str) -> None:
    response = _get(ledger, f"/ledger/{view}.json?_shape=array&_size=5")
    assert response.status_code == 200
    if view not in ("version_changes", "claim_pairs"):  # one version of each article: nothing changed yet
        assert response.json()


def test_facets_and_full_text_search(ledger: Path) -> None:
    facets = _get(ledger, "/ledger/mentions.json?_facet=unit&_size=0").json()["facet_results"]
    units = {row["value"] for row in facets["unit"]["results"]}
    assert {"GBP", "percent", "ratio"} <= units
    found = _get(ledger, "/ledger/mentions.json?_search=mugshots&_shape=array").json()
    assert [row["text"] for row in found] == ["millions"]


CLAIM_FIRST = ["claim", "figure", "said_by", "snippet", "outlet", "published", "article"]


def test_claims_view_starts_with_the_claim_and_ends_with_ids(ledger: Path) -> None:
    columns = _get(ledger, "/ledger/claim_mentions.json?_size=1").json()["columns"]
    assert columns[: len(CLAIM_FIRST)] == CLAIM_FIRST
    ids = [c for c in columns if c.endswith("_id") or c in ("observed_at", "mention_rowid")]
    assert len(ids) >= 5 and columns[-len(ids) :] == ids


def test_figures_read_as_printed_and_match_the_python_formatter(ledger: Path) -> None:
    rows = _get(ledger, "/ledger/claim_mentions.json?_shape=array&_size=max").json()
    assert {"£2.4m", "4.7m", "29%", "$5.7bn", "15 years", "10/week"} <= {row["figure"] for row in rows}
    assert all(
        row["figure"] == figure(row["value"], row["range_high"], row["unit"], row["per"]) for row in rows
    )
    assert all(row["snippet"] and row["claim"].split()[-1] in row["snippet"] for row in rows)


def test_claims_view_has_search_and_period_and_kind_facets(ledger: Path) -> None:
    found = _get(ledger, "/ledger/claim_mentions.json?_search=mugshots&_shape=array").json()
    assert [row["claim"] for row in found] == ["millions"]
    page = _get(ledger, "/ledger/claim_mentions").text
    assert 'name="_search"' in page
    facets = _get(ledger, "/ledger/claim_mentions.json?_size=0").json()["facet_results"]
    assert {"period", "kind", "unit", "outlet"} <= set(facets)


def test_index_leads_to_the_views_queries_and_charts(ledger: Path) -> None:
    page = _get(ledger, "/").text
    for href in (
        "/ledger/claim_mentions",
        "/ledger/claim_pairs",
        "/ledger/conflicts",
        "/ledger/claim_history",
        "/-/dashboards/claim-history",
        "/ledger/claims_by_speaker",
    ):
        assert f'href="{href}"' in page
    assert "_memory" not in page


def test_claim_history_query_is_in_publication_order_with_undated_last(ledger: Path) -> None:
    rows = _get(ledger, f"/ledger/claim_history.json?series={SERIES}&_shape=array").json()
    dated = [row["published"] for row in rows if row["published"]]
    assert dated == sorted(dated) and rows[-1]["published"] is None
    assert ("Beta News", "Health officials", "95") in {(r["outlet"], r["said_by"], r["figure"]) for r in rows}
    page = _get(ledger, f"/ledger/claim_history?series={SERIES}").text
    assert 'id="chart-values"' in page and "datasette_dashboards/vega.min.js" in page
    assert '"series=people+%28count%29"' in page  # the chart's data is the same series


def test_history_chart_is_configured_with_assets_from_the_package(ledger: Path) -> None:
    page = _get(ledger, f"/-/dashboards/claim-history?series={SERIES}")
    assert page.status_code == 200 and "vega.min.js" in page.text and "https://cdn" not in page.text
    script = _get(ledger, "/-/static-plugins/datasette_dashboards/vega.min.js")
    assert script.status_code == 200 and len(script.content) > 100_000
    chart = metadata(ledger)["plugins"]["datasette-dashboards"]["claim-history"]["charts"]["values"]
    rows = _get(
        ledger, "/ledger.json?_shape=array&" + urlencode({"sql": chart["query"], "series": SERIES})
    ).json()
    dates = [r["published"] for r in rows]
    assert dates == sorted(dates) and None not in dates  # undated mentions are not plotted
    assert [r["outlet"] for r in rows if r["outlet"]] == ["Beta News", "Daily Alpha", "Gamma Post"]
    assert chart["display"]["scales"][0]["type"] == "time"


def test_old_svg_charts_are_gone(ledger: Path) -> None:
    assert _get(ledger, "/-/claimex-charts").status_code == 404


def test_a_refused_write_is_logged_in_one_line(
    ledger: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.WARNING, logger="claimex.web"):
        response = _get(ledger, "/ledger.json?sql=delete+from+mentions")
    assert response.status_code == 400
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and not (out.out + out.err).strip()
    assert [r.getMessage() for r in caplog.records] == [
        "400 GET /ledger.json?sql=delete+from+mentions: Statement must be a SELECT"
    ]
