"""Extraction past one process: a process pool for `--jobs`, shard ledgers, and merging them."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spacy.language import Language

from claimex import pipeline
from claimex.extract import extract_pages
from claimex.ledger import store as ledger
from claimex.records import Extraction, Page

CHUNK = 16  # pages sent to a worker at once: enough for nlp.pipe batching, small enough to keep order cheap
_worker_nlp: Language | None = None


def _init_worker(model: str) -> None:
    global _worker_nlp
    _worker_nlp = pipeline.load(model)


def _extract_chunk(pages: list[Page]) -> list[tuple[Page, Extraction]]:
    assert _worker_nlp is not None, "worker not initialised"
    return list(extract_pages(_worker_nlp, pages))


def _chunks(pages: Iterable[Page], size: int) -> Iterator[list[Page]]:
    chunk: list[Page] = []
    for page in pages:
        chunk.append(page)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_parallel(pages: Iterable[Page], model: str, jobs: int) -> Iterator[tuple[Page, Extraction]]:
    """Extract pages in `jobs` processes (each loads the model once), yielding results in input order."""
    context = multiprocessing.get_context("spawn")  # a clean interpreter: no parent state, no forked threads
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(model,)) as pool:
        for results in pool.map(_extract_chunk, _chunks(pages, CHUNK)):
            yield from results


def ingest_shard(pages: Iterable[Page], shard: str | Path, model: str | None = None) -> ledger.IngestCounts:
    """Extract pages into a shard ledger of their own (for a Dask task or any other worker)."""
    name = pipeline.model_name(model)
    nlp = pipeline.load(name)
    db = ledger.open_ledger(shard)
    run = ledger.Run(db, f"ingest_shard {shard}", name)
    counts = ledger.IngestCounts()
    for page, extraction in extract_pages(nlp, pages):
        counts.add(ledger.write_extraction(db, extraction, page.text, run, page.url, page.outlet))
    db.close()
    return counts
