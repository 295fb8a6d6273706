"""Throughput of claimex against a bare `nlp.pipe` of the same articles with the same model, in one run.

    python benchmarks/throughput.py [--limit 500] [--corpus ../shared/news/bbc] [--reingest 300]

Prints articles/s, characters/s, peak memory, and the ratios extract/bare and ingest/bare (ingest includes
writing the ledger and rebuilding its stories, entities and cross-check links). Then `claimex ingest` of a
folder of --reingest articles twice, as a user runs it: the second run finds every page unchanged.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimex import pipeline, read
from claimex.crosscheck.refresh import refresh
from claimex.extract import extract_pages
from claimex.ledger import store as ledger
from claimex.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="articles to use (default 500)")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "news" / "bbc"))
    parser.add_argument("--reingest", type=int, default=300, help="articles to ingest twice (0: skip)")
    args = parser.parse_args()
    pages = list(read.read_path(args.corpus))[: args.limit]
    chars = sum(len(p.text) for p in pages)
    nlp = pipeline.load()
    texts = [a.textmap.text for p in pages for a in segment(p.text)]
    list(nlp.pipe(texts[:20]))  # warm up

    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    claims = sum(len(a.claims) for _, e in extract_pages(nlp, pages) for a in e.articles)
    extract = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        db = ledger.open_ledger(Path(tmp) / "bench.db")
        run = ledger.Run(db, "benchmark", pipeline.model_name())
        for page, extraction in extract_pages(nlp, pages):
            ledger.write_extraction(db, extraction, page.text, run)
        refresh(db)  # stories, entities and cross-check links, as `claimex ingest` builds them
        ingest = time.perf_counter() - start

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(pages)} pages, {chars:,} characters, {claims} claims")
    for name, seconds in (("bare nlp.pipe", bare), ("claimex extract", extract), ("claimex ingest", ingest)):
        rate = len(pages) / seconds
        print(f"{name:16} {seconds:7.2f} s  {rate:7.1f} articles/s  {chars / seconds:10,.0f} chars/s")
    print(f"extract/bare {extract / bare:.2f}   ingest/bare {ingest / bare:.2f}   peak memory {peak:.0f} MiB")
    if args.reingest:
        _reingest(sorted(Path(args.corpus).rglob("*.txt"))[: args.reingest])


def _reingest(files: list[Path]) -> None:
    """Time `claimex ingest FOLDER` on a new ledger and again unchanged (the folder links to the texts)."""
    claimex = str(Path(sys.executable).with_name("claimex"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for n, f in enumerate(files):
            (folder / f"{n:04d}-{f.name}").symlink_to(f.resolve())
        seconds = []
        for _ in range(2):
            start = time.perf_counter()
            cmd = [claimex, "ingest", str(folder), "--db", str(Path(tmp) / "re.db"), "-q"]
            subprocess.run(cmd, check=True)
            seconds.append(time.perf_counter() - start)
    first, again = seconds
    print(f"ingest of {len(files)} files {first:.1f} s, unchanged again {again:.2f} s ({again / first:.1%})")


if __name__ == "__main__":
    main()
