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

# Two outlets' openings of one story (single sentences quoted from ../shared/news/basil): the same
# "$5.7 billion" and "700,000", for cross-check tests.
WALL_NYT = "\n\n".join(
    [
        "Trump Offers Temporary Protections for ‘Dreamers’ in Exchange for Wall Funding",
        "WASHINGTON — President Trump, facing a growing public backlash over the partial government "
        "shutdown, shifted course on Saturday and offered Democrats a deal: temporary protections for "
        "roughly 700,000 young undocumented immigrants in exchange for $5.7 billion in funding for a wall "
        "along the southern border.",
        "Speaker Nancy Pelosi rejected it even before Mr. Trump spoke, and Senator Chuck Schumer, the "
        "Democratic leader, denounced the offer as “not a compromise but more hostage taking.”",
    ]
)
WALL_FOX = "\n\n".join(
    [
        "Trump’s immigration offer brings sharp reactions from Dems and GOP",
        "In a televised White House address on Saturday afternoon, Trump offered Democrats a three-year "
        "extension of protections for 700,000 Deferred Action for Childhood Arrivals (DACA) recipients, in "
        "exchange for the $5.7 billion he has been seeking for a barrier along the nation's southern border "
        "with Mexico.",
        "Before Trump made his announcement, Pelosi had called his anticipated proposal “a non-starter.”",
        "For his part, Chuck Schumer, the Senate minority leader, called Trump's proposal \"one-sided and "
        'ineffective."',
    ]
)
WALL = [
    {"text": WALL_NYT, "published": "2019-01-20", "outlet": "NYT", "url": "https://nyt.example/wall"},
    {"text": WALL_FOX, "published": "2019-01-19", "outlet": "Fox", "url": "https://fox.example/wall"},
]


def ingest_floods(db: Path, lines: list[dict[str, str]] = FLOODS, name: str = "floods") -> Path:
    """Ingest the flood reports (or other `lines`) into the ledger at `db` through the CLI."""
    path = db.with_name(f"{name}.jsonl")
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def ingest_wall(db: Path) -> Path:
    """Ingest the two outlets' reports of one story into the ledger at `db`."""
    return ingest_floods(db, WALL, "wall")
