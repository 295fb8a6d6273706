"""`claimex ingest --jobs 1` against `--jobs 2` on the same folder, each into a fresh ledger, in one run.

    python benchmarks/parallel.py [--corpus ../shared/news/bbc]

Prints the wall time of each, the speed-up, and whether the two ledgers hold the same rows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "article_versions", "claims", "mentions", "quotes", "speakers")
VARYING = {"run_id", "first_seen", "observed_at"}


def rows(db: Path) -> dict[str, set[tuple[object, ...]]]:
    database = sqlite_utils.Database(db)
    return {
        t: {tuple((k, v) for k, v in sorted(r.items()) if k not in VARYING) for r in database.table(t).rows}
        for t in TABLES
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "news" / "bbc"))
    args = parser.parse_args()
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for jobs in (1, 2):
            db = Path(tmp) / f"jobs{jobs}.db"
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "claimex",
                    "ingest",
                    args.corpus,
                    "--db",
                    str(db),
                    "-q",
                    "--jobs",
                    str(jobs),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            times[jobs] = time.perf_counter() - start
            print(f"--jobs {jobs}: {times[jobs]:7.1f} s")
        same = rows(Path(tmp) / "jobs1.db") == rows(Path(tmp) / "jobs2.db")
    print(f"speed-up {times[1] / times[2]:.2f}x   identical ledgers: {same}")


if __name__ == "__main__":
    main()
