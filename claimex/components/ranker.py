"""The learned ranker: a linear model over candidate features, read from a plain JSON weights file once per
process, that picks one answer per claim or quotation."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from claimex import lexicon
from claimex.components.attribution import Attribution
from claimex.components.candidates import Group
from claimex.errors import DataFileError

MODEL_DIR = Path(__file__).resolve().parent.parent.parent / "models" / "2026-12-04-attribution"
WEIGHTS = MODEL_DIR / "weights.json"
VERSION = 1
MARGIN = "margin"  # the weights entry: how far (in log-odds) another answer must beat the cascade's


_loaded: dict[str, dict[str, float] | None] = {}


def read(path: Path = WEIGHTS) -> dict[str, float] | None:
    """Feature -> weight from a model file; None when there is none (the cascade answers alone)."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(f"model file {path} is not valid JSON: {exc}; retrain it") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != VERSION
        or not isinstance(data.get("weights"), dict)
    ):
        raise DataFileError(f"model file {path} is not a version {VERSION} weights file; retrain it")
    table = {str(k): float(v) for k, v in data["weights"].items()}
    table[MARGIN] = float(data.get(MARGIN, 0.0))
    return table


def weights() -> dict[str, float] | None:
    """The shipped model's weights, read once per process."""
    if "table" not in _loaded:
        _loaded["table"] = read()
    return _loaded["table"]


def use(table: dict[str, float] | None) -> None:
    """Rank with `table` from now on (None: the cascade alone), as training and its dev check do."""
    _loaded["table"] = table


@functools.cache
def _decisive() -> frozenset[str]:
    return frozenset(str(r) for r in lexicon.load("attribution")["decisive_rules"])


def score(group: Group, table: dict[str, float]) -> float:
    """The linear score of one group."""
    return sum(table.get(f, 0.0) for f in group.features)


def choose(groups: list[Group], fallback: Attribution) -> Attribution:
    """The highest-scoring answer, with its probability among the groups as its confidence; ties go to the
    earlier group (the article's own voice first); the cascade's answer stands unless another beats it by
    the model's margin. A decisive finder's answer (a transcript label, a dash
    byline, "quoted X as saying") wins outright; without a model, `fallback` (the cascade) wins."""
    table = weights()
    if table is None or not groups:
        return fallback
    decisive = next((g for g in groups if any(m.rule in _decisive() for m in g.members)), None)
    if decisive is not None:  # the text itself names the speaker ("WALLACE: …", "Romney -- “…”")
        groups = [decisive]
    scores = [score(g, table) for g in groups]
    top = max(range(len(groups)), key=lambda n: scores[n])
    kept = next((n for n, g in enumerate(groups) if any(m.rule == "cascade" for m in g.members)), None)
    if kept is not None and scores[kept] + table.get(MARGIN, 0.0) >= scores[top]:
        top = kept  # the cascade's answer stands unless another beats it by the margin
    total = sum(math.exp(s - scores[top]) for s in scores)
    best = groups[top]
    rule = next((m.rule for m in best.members if m.rule != "cascade"), best.answer.rule)
    answer = best.answer
    return Attribution(
        speaker=answer.speaker,
        source=answer.source,
        cue=answer.cue,
        rule=rule,
        at=answer.at,
        confidence=round(1.0 / total, 3),
    )
