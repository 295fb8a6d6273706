"""Attribution against PolNeAR dev (../shared/attribution/polnear-dev): who said the numbers and the quotes.

    python benchmarks/attribution.py [--corpus ../shared/attribution/polnear-dev]

For numeric attributions with a named source: is a claim found inside the content, credited to that source
(as speaker or source)? For direct quotations with a named source: is a quotation found over the content
with that speaker? A name matches when they share a capitalised word, in any case ("Clinton" in "Hillary
Clinton", the transcript label "PENCE" in "Mike Pence").
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from claimex import pipeline
from claimex.extract import extract_pages
from claimex.records import Extraction, Page

ROOT = Path(__file__).resolve().parent.parent
_NAME_WORD = re.compile(r"[A-Z][\w’'-]+")
_STOP = {"the", "a", "an", "mr", "mrs", "ms", "dr", "he", "she", "they", "it", "we", "i"}


def _names(text: str | None) -> set[str]:
    return {w.lower() for w in _NAME_WORD.findall(text or "") if w.lower() not in _STOP}


def _same(gold: str, *found: str | None) -> bool:
    wanted = _names(gold)
    return bool(wanted) and any(wanted & _names(f) for f in found)


def _inside(start: int, spans: list[dict[str, Any]]) -> bool:
    return any(s["start"] <= start < s["end"] for s in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "attribution" / "polnear-dev"))
    args = parser.parse_args()
    corpus = Path(args.corpus)
    flat = next(p for p in sorted(corpus.glob("*.flat.jsonl")) if p.name.count(".") == 2)  # dev.flat.jsonl
    rows = [json.loads(line) for line in flat.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if not r["source_is_pronoun"] and _names(r["source_text"])]
    docs = sorted({r["doc_id"] for r in rows})
    pages = []
    for doc in docs:
        path = corpus / "text" / f"{doc}.txt"
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
        date = re.search(r"_(\d{4}-\d{2}-\d{2})_", doc)
        pages.append(Page(text, doc, date.group(1) if date else None))
    found: dict[str, Extraction] = {}
    for page, extraction in extract_pages(pipeline.load(), pages):
        found[page.source] = extraction
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        extraction = found[r["doc_id"]]
        claims = [c for a in extraction.articles for c in a.claims if _inside(c.start, r["content"])]
        quotes = [q for a in extraction.articles for q in a.quotes if _inside(q.start, r["content"])]
        if r["contains_number"]:
            tally["numeric: claim found in content"][1] += 1
            tally["numeric: claim found in content"][0] += bool(claims)
            tally["numeric: credited to the source"][1] += 1
            credited = any(_same(r["source_text"], c.speaker, c.source) for c in claims)
            tally["numeric: credited to the source"][0] += credited
            # Most contents with no claim hold only years, dates, times, ordinals or "one of": never claims.
            tally["numeric: credited, of those with a claim"][1] += bool(claims)
            tally["numeric: credited, of those with a claim"][0] += credited
        if r["direct"]:
            tally["direct quote: found"][1] += 1
            tally["direct quote: found"][0] += bool(quotes)
            tally["direct quote: right speaker"][1] += 1
            tally["direct quote: right speaker"][0] += any(_same(r["source_text"], q.speaker) for q in quotes)
    print(f"PolNeAR {flat.name}: {len(docs)} articles, {len(rows)} attributions with a named source")
    for name, (ok, total) in tally.items():
        print(f"{name:42} {ok:4} / {total:4}  {ok / total if total else 0:.1%}")


if __name__ == "__main__":
    main()
