"""End to end in a real browser: `claimex serve` on 127.0.0.1 and headless Chromium (Debian's, driven by the
playwright package; no browser download, nothing fetched from the network) at 1400x900. What a reader came
for - the claim, its figure and who said it - must be on screen without scrolling, and the history chart must
draw its points in date order. Screenshots are saved under the test's tmp dir."""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.conftest import ingest_seed
from tests.floods import SERIES, ingest_floods, ingest_wall

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="needs the playwright package (test extra)")
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)"),
]
VIEWPORT = {"width": 1400, "height": 900}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "ledger.db"
    ingest_wall(ingest_floods(ingest_seed(db)))
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "claimex", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(base + "/-/versions.json", timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("claimex serve did not answer on 127.0.0.1")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport=VIEWPORT, base_url=server)
    # offline: anything not served by claimex serve itself is refused
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort()
    )
    tab = context.new_page()
    yield tab
    tab.screenshot(path=str(tmp_path / f"{request.node.name}.png"))
    context.close()


def _on_screen(page: Any, cell: Any) -> bool:
    """True when the element is visible and wholly inside the first viewport (no scrolling)."""
    box = cell.bounding_box()
    return bool(
        cell.is_visible()
        and box
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= VIEWPORT["width"]
        and box["y"] + box["height"] <= VIEWPORT["height"]
    )


def _cells(page: Any, row: Any, *columns: str) -> list[str]:
    texts = []
    for column in columns:
        cell = row.locator(f"td.col-{column}")
        assert _on_screen(page, cell), f"{column} is not in the first 1400x900 of {page.url}"
        texts.append(cell.inner_text().strip())
    return texts


def _row_with(page: Any, text: str, column: str | None = None) -> Any:
    """The first row that holds `text` (in the given column, exactly)."""
    rows = page.locator("table.rows-and-columns tbody tr")
    if column:
        return rows.filter(has=page.locator(f'td.col-{column}:text-is("{text}")')).first
    return rows.filter(has_text=text).first


def test_claims_view_shows_claim_figure_and_speaker_first(page: Any) -> None:
    page.goto("/ledger/claim_mentions?_search=scanning+identifying")
    row = _row_with(page, "Charlie Whelton")
    assert _cells(page, row, "claim", "figure", "said_by") == ["millions", "1m", "Charlie Whelton"]
    page.goto("/ledger/claim_mentions")
    first = page.locator("table.rows-and-columns tbody tr").first
    claim, figure, _ = _cells(page, first, "claim", "figure", "said_by")
    assert claim and figure


def test_claims_view_facet_by_unit_shows_pounds(page: Any) -> None:
    page.goto("/ledger/claim_mentions?unit=GBP")
    row = _row_with(page, "£2.4m", "figure")
    claim, figure, said_by = _cells(page, row, "claim", "figure", "said_by")
    assert (claim, figure, said_by) == ("£2.4m", "£2.4m", "court documents")
    assert page.locator("#facet-period").is_visible()


def test_canned_query_shows_claim_figure_and_speaker(page: Any) -> None:
    page.goto("/ledger/claims_by_speaker?speaker=Whelton")
    row = _row_with(page, "millions")
    assert _cells(page, row, "claim", "figure", "said_by") == ["millions", "1m", "Charlie Whelton"]


def test_cross_check_page_shows_both_claims_side_by_side(page: Any) -> None:
    page.goto("/ledger/claim_pairs?_sort_desc=score")
    row = _row_with(page, "$5.7 billion", "claim_b")
    columns = ("claim_a", "figure_a", "outlet_a", "claim_b", "figure_b", "outlet_b")
    claim_a, figure_a, outlet_a, claim_b, figure_b, outlet_b = _cells(page, row, *columns)
    assert (claim_a, figure_a, claim_b, figure_b) == ("$5.7 billion", "$5.7bn", "$5.7 billion", "$5.7bn")
    assert {outlet_a, outlet_b} == {"NYT", "Fox"}


def test_history_chart_plots_dated_mentions_in_date_order(page: Any) -> None:
    page.goto(f"/ledger/claim_history?series={quote(SERIES)}")
    chart = page.locator("#chart-values svg")
    chart.wait_for(timeout=30_000)
    assert _on_screen(page, chart)
    ticks = page.locator("#chart-values g.role-axis-label text")
    labels = [(t.bounding_box()["x"], t.text_content() or "") for t in ticks.all()]
    dates = [dt.date.fromisoformat(text) for _, text in sorted(labels) if text[:2] == "20"]
    assert len(dates) >= 3 and dates == sorted(dates)  # a time axis, left to right
    points = {}  # each point is described (aria-label) by its date, figure, speaker and outlet
    for point in page.locator("#chart-values g.mark-symbol path[aria-label]").all():
        box = point.bounding_box()
        points[point.get_attribute("aria-label") or ""] = box["x"] + box["width"] / 2
    order = [
        "2024-01-15: 95 · Health officials · Beta News",
        "2024-03-01: 120 · The council · Daily Alpha",
        "2024-06-10: 150 · Hospital doctors · Gamma Post",
    ]
    xs = [points[label] for label in order]
    assert xs == sorted(xs) and xs[1] - xs[0] < xs[2] - xs[1]  # spaced by their dates: Jan, Mar, Jun
    assert not any("Nurses" in label for label in points)  # undated: listed, not plotted
    labels_shown = [t.text_content() for t in page.locator("#chart-values g.role-mark text").all()]
    assert "150 · Hospital doctors · Gamma Post" in labels_shown
    assert page.locator("#chart-values g.role-axis-title text", has_text="count").count() == 1
    undated = _row_with(page, "Nurses")
    assert undated.locator("td.col-published").inner_text().strip() == ""
