"""PolNeAR splits for training and choosing: the texts, the annotations, the parses (cached under /tmp),
and the scorer's own matching rule, run in one process."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimex.extract import Decision, extract_pages
from claimex.records import Extraction, Page

CACHE = Path("/tmp/claimex-train-cache")


@dataclass
class Split:
    """One PolNeAR split: its pages (by doc id) and its attributions."""

    name: str
    pages: dict[str, Page]
    attributions: list[dict[str, Any]] = field(default_factory=list)


def scorer(shared: Path) -> ModuleType:
    """../shared/eval/polnear.py as a module, for its `names_source` and `overlaps`."""
    spec = importlib.util.spec_from_file_location("polnear", shared / "eval" / "polnear.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_split(shared: Path, name: str) -> Split:
    """The pages and attributions of `polnear-<name>`, read the way `claimex extract FILE` reads them."""
    folder = shared / "attribution" / f"polnear-{name}"
    rows = [json.loads(line) for line in (folder / f"{name}.flat.jsonl").read_text("utf-8").splitlines()]
    pages = {}
    for doc_id in sorted({r["doc_id"] for r in rows}):
        path = folder / "text" / f"{doc_id}.txt"
        date = re.match(r"^\w+_(\d{4}-\d\d-\d\d)_", doc_id)
        text = path.read_bytes().decode("utf-8")
        pages[doc_id] = Page(text=text, source=str(path), published=date.group(1) if date else None)
    return Split(name, pages, rows)


class CachedPipe:
    """A stand-in for `nlp.pipe` that parses each text once and keeps the Docs on disk by content."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp, self.max_length, self.name = nlp, nlp.max_length, name
        self.docs: dict[str, Doc] = {}

    def warm(self, texts: list[str]) -> None:
        """Parse what is not cached yet (one file per split, keyed by the texts' digest)."""
        digest = hashlib.sha1("\0".join(texts).encode()).hexdigest()[:16]
        path = CACHE / f"{self.name}-{digest}.spacy"
        if path.exists():
            docs = list(DocBin().from_disk(path).get_docs(self.nlp.vocab))
        else:
            docs = list(self.nlp.pipe(texts, batch_size=32))
            CACHE.mkdir(parents=True, exist_ok=True)
            DocBin(
                docs=docs,
                attrs=[
                    "ORTH",
                    "TAG",
                    "HEAD",
                    "DEP",
                    "ENT_IOB",
                    "ENT_TYPE",
                    "LEMMA",
                    "MORPH",
                    "POS",
                    "SPACY",
                    "NORM",
                ],
            ).to_disk(path)
        self.docs.update(zip(texts, docs, strict=True))

    def pipe(self, items: Iterable[tuple[str, Any]], **_: Any) -> Iterator[tuple[Doc, Any]]:
        """Docs for (text, context) pairs, from the cache or parsed now."""
        for text, context in items:
            doc = self.docs.get(text)
            yield (doc if doc is not None else self.nlp(text)), context


def texts_of(nlp: Language, pages: list[Page]) -> list[str]:
    """The texts extract_pages will ask the parser for."""
    seen: list[str] = []

    class _Collect:
        max_length = nlp.max_length

        def pipe(self, items: Iterable[tuple[str, Any]], **_: Any) -> Iterator[tuple[Doc, Any]]:
            for text, _context in items:
                seen.append(text)
            return iter(())

    list(extract_pages(cast(Language, _Collect()), pages))
    return seen


def extract(
    nlp: Language, split: Split, traced: bool = False
) -> tuple[dict[str, Extraction], dict[str, list[Decision]]]:
    """Every page's extraction, and (when `traced`) the ranker's decisions per page."""
    pages = list(split.pages.values())
    cached = CachedPipe(nlp, split.name)
    cached.warm(texts_of(nlp, pages))
    trace: list[Decision] | None = [] if traced else None
    ids = {page.source: doc_id for doc_id, page in split.pages.items()}
    found: dict[str, Extraction] = {}
    decisions: dict[str, list[Decision]] = {}
    seen = 0
    for page, extraction in extract_pages(cast(Language, cached), pages, trace=trace):
        found[ids[page.source]] = extraction
        if trace is not None:
            decisions[ids[page.source]] = trace[seen:]
            seen = len(trace)
    return found, decisions


def score(split: Split, found: dict[str, Extraction], polnear: ModuleType) -> dict[str, Any]:
    """The four numbers of ../shared/eval/polnear.py, computed the same way in this process."""
    num_total = num_found = num_ok = q_total = q_found = q_ok = 0
    for a in split.attributions:
        if a.get("source_is_pronoun") or not a.get("source"):
            continue
        arts = found[a["doc_id"]].to_dict()["articles"] if a["doc_id"] in found else []
        if a.get("contains_number"):
            num_total += 1
            inside = [
                c
                for art in arts
                for c in art["claims"]
                if polnear.overlaps(c["start"], c["end"], a["content"])
            ]
            if inside:
                num_found += 1
                said = " ".join(str(c.get(k) or "") for c in inside for k in ("speaker", "source"))
                num_ok += polnear.names_source(a["source_text"], said)
        if a.get("direct"):
            q_total += 1
            qs = [
                q
                for art in arts
                for q in art["quotes"]
                if polnear.overlaps(q["start"], q["end"], a["content"])
            ]
            if qs:
                q_found += 1
                q_ok += any(polnear.names_source(a["source_text"], str(q.get("speaker") or "")) for q in qs)

    def r(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "numeric_coverage": r(num_found, num_total),
        "numeric_attribution_accuracy_when_found": r(num_ok, num_found),
        "quotes_found": r(q_found, q_total),
        "quote_speaker_accuracy": r(q_ok, q_total),
    }


def label(
    split: Split, decisions: dict[str, list[Decision]], polnear: ModuleType, own_voice: float = 0.0
) -> list[tuple[str, list[list[str]], list[bool], float]]:
    """Each decision's groups marked right or wrong by the scorer's rule: a group is right when it names
    the annotated source of the content it lies in; outside every content (claims only, with
    weight `own_voice`, skipped at 0) the article's own voice is right. For a pronoun source ("he said")
    the answer of a finder pointing at the pronoun is right; contents with no source are skipped."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for a in split.attributions:
        by_doc.setdefault(a["doc_id"], []).append(a)
    out = []
    for doc_id, found in decisions.items():
        for kind, start, end, groups, places in found:
            hit = [a for a in by_doc.get(doc_id, []) if polnear.overlaps(start, end, a["content"])]
            weight = 1.0
            if not hit:
                attributed = any("c:none|cascade=True" in g.features for g in groups)
                if kind != "c" or not own_voice or attributed:  # the own voice is no option for these
                    continue
                marks, weight = [g.answer.rule == "none" for g in groups], own_voice
            else:
                gold = hit[0]
                if not gold.get("source"):
                    continue
                if gold.get("source_is_pronoun"):  # "he said": the finder that points at the pronoun
                    marks = [
                        bool(g.answer.named) and _pointed(at, gold["source"])
                        for g, at in zip(groups, places, strict=True)
                    ]
                else:
                    marks = [
                        bool(g.answer.named)
                        and bool(polnear.names_source(gold["source_text"], g.answer.named))
                        for g in groups
                    ]
            out.append((kind, [g.features for g in groups], marks, weight))
    return out


def _pointed(places: list[int], spans: list[dict[str, Any]]) -> bool:
    return any(s["start"] <= at < s["end"] for at in places for s in spans)
