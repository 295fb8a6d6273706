"""How long cross-checking takes on a ledger of all of ../shared/news, and how it grows with articles.

    python benchmarks/crosscheck.py [--ledger /tmp/news.db] [--jobs 2]

Builds the ledger once (`claimex ingest ../shared/news --jobs N`; reused when it exists), then times
`claimex check --all` with the derived tables rebuilt (stories, entities, links), and the rebuild alone on
a quarter, half and all of the articles to show how its cost grows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "news"
CLAIMEX = str(Path(sys.executable).with_name("claimex"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ledger", default="/tmp/claimex-news.db")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    ledger = Path(args.ledger)
    if not ledger.exists():
        started = time.perf_counter()
        subprocess.run([CLAIMEX, "ingest", str(NEWS), "--db", str(ledger), "--jobs", str(args.jobs), "-q"])
        print(f"ingest of {NEWS}: {time.perf_counter() - started:.0f} s")

    from claimex.crosscheck import refresh
    from claimex.ledger.store import open_ledger

    db = open_ledger(ledger)
    db.execute("delete from derived_state")
    db.conn.commit()
    started = time.perf_counter()
    out = subprocess.run(
        [CLAIMEX, "check", "--all", "--format", "json", "--db", str(ledger)], capture_output=True, text=True
    )
    took = time.perf_counter() - started
    articles = db.execute("select count(*) from articles").fetchone()[0]
    print(
        f"claimex check --all on {articles} articles (derived tables rebuilt): {took:.1f} s, "
        f"{out.stdout.count('verdict')} pairs, exit {out.returncode}"
    )

    rows = refresh.read_rows(db)
    order = sorted(rows.versions)
    for share in (0.25, 0.5, 1.0):
        keep = set(order[: int(len(order) * share)])
        subset = refresh.LedgerRows(
            {k: v for k, v in rows.versions.items() if k in keep},
            rows.names,
            [m for m in rows.mentions if m["version_id"] in keep],
        )
        started = time.perf_counter()
        derived = refresh.derive(subset)
        print(
            f"  derive on {len(keep)} articles, {len(subset.mentions)} mentions: "
            f"{time.perf_counter() - started:.1f} s, {len(derived.links)} links"
        )


if __name__ == "__main__":
    main()
