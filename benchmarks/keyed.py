"""Score claimex on hand-keyed articles outside the seed page, with ../shared/eval/score.py.

    python benchmarks/keyed.py [--keys benchmarks/keys] [--shared ../shared]

Each key in `--keys` is in the format of ../shared/gold; its `document` is a path inside `--shared`
(the texts stay there, never in this repository). Prints each article's scores and the pooled counts.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from collections import defaultdict
from pathlib import Path
from types import ModuleType

from claimex import pipeline
from claimex.extract import extract_page
from claimex.records import Page

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("value", "unit", "qualifier", "period", "attribution")


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", default=str(ROOT / "benchmarks" / "keys"))
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    scorer = _scorer(shared)
    nlp = pipeline.load()
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key_path in sorted(Path(args.keys).glob("*.json")):
        gold = json.loads(key_path.read_text(encoding="utf-8"))
        with open(shared / gold["document"], encoding="utf-8", newline="") as handle:
            text = handle.read()
        extraction = extract_page(nlp, Page(text, gold["document"], gold["published"]))
        result = scorer.score(gold, extraction.to_dict(), text)
        counts = result["counts"]
        tp, n_gold, n_pred = counts["claims"]
        print(
            f"{key_path.stem:36} claims {tp}/{n_gold} found, {n_pred} predicted; "
            + ", ".join(f"{f} {counts[f][0]}/{counts[f][1]}" for f in FIELDS)
            + f"; quote speakers {counts['quotes'][1]}/{counts['quotes'][2]}"
        )
        for missed in result["missed"] + result["spurious"]:
            print(f"    not matched: {missed!r}")
        for name in ("claims", "quotes", *FIELDS):
            for i, n in enumerate(counts[name]):
                pooled[f"{name}{i}"][0] += n
    tp, gold_n, pred_n = (pooled[f"claims{i}"][0] for i in range(3))
    precision, recall = tp / pred_n if pred_n else 0.0, tp / gold_n if gold_n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pooled: claims F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})")
    for name in FIELDS:
        ok, total = pooled[f"{name}0"][0], pooled[f"{name}1"][0]
        print(f"pooled: {name:12} {ok}/{total}")
    print(
        f"pooled: quotes found {pooled['quotes0'][0]}/{pooled['quotes2'][0]}, "
        f"right speaker {pooled['quotes1'][0]}/{pooled['quotes2'][0]}"
    )


if __name__ == "__main__":
    main()
