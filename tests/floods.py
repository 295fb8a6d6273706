"""A small dated story for history, search and chart tests: four outlets report people injured in floods
on different dates (one undated), and one mentions "$5.7 billion"."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from claimex.cli import cli

FLOODS = [
    {
        "text": "The council said 120 people were injured in the floods, and Trump asked for $5.7 billion.",
        "headline": "Floods injure 120",
        "published": "2024-03-01",
        "outlet": "Daily Alpha",
        "url": "https://alpha.example/floods",
    },
    {
        "text": "Health officials said 95 people were injured in the floods.",
        "headline": "Floods: 95 hurt",
        "published": "2024-01-15",
        "outlet": "Beta News",
        "url": "https://beta.example/floods",
    },
    {
        "text": "Hospital doctors said 150 people were injured in the floods.",
        "headline": "Flood toll rises to 150",
        "published": "2024-06-10",
        "outlet": "Gamma Post",
        "url": "https://gamma.example/floods",
    },
    {
        "text": "Nurses said 80 people were injured in the floods.",
        "headline": "Nurses count 80 hurt",
        "outlet": "Delta Daily",
        "url": "https://delta.example/floods",
    },
]
SERIES = "people (count)"


def ingest_floods(db: Path) -> Path:
    """Ingest the flood reports into the ledger at `db` through the CLI."""
    path = db.with_name("floods.jsonl")
    path.write_text("".join(json.dumps(line) + "\n" for line in FLOODS), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db
