"""End to end in a real browser: `claimex serve` on 127.0.0.1, headless Chromium through the claims table,
a facet and the chart, with screenshots saved under the test's tmp dir."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ingest_seed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> str:
    db = tmp_path / "ledger.db"
    ingest_seed(db)
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


def _browse(url: str, tmp_path: Path, name: str) -> str:
    """Load `url` in headless Chromium; save a screenshot; return the page's DOM."""
    profile = tmp_path / f"profile-{name}"
    shot = tmp_path / f"{name}.png"
    common = [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={profile}", "--window-size=1280,1000"]
    subprocess.run([*common, f"--screenshot={shot}", url], check=True, capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = subprocess.run([*common, "--dump-dom", url], check=True, capture_output=True, timeout=120)
    return dom.stdout.decode("utf-8", "replace")


def test_claims_table_facet_and_chart(server: str, tmp_path: Path) -> None:
    table = _browse(server + "/ledger/mentions", tmp_path, "claims-table")
    assert "nearly 4.7m" in table.replace("\n", "") or "4.7m" in table
    facet = _browse(server + "/ledger/mentions?_facet=unit&unit=GBP", tmp_path, "facet")
    assert "£2.4m" in facet and "millions" not in facet.split("<table")[-1]
    chart = _browse(server + "/-/claimex-charts?metric=face", tmp_path, "chart")
    assert "<svg" in chart and "Charlie Whelton" in chart
