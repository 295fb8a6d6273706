"""Refit the cross-check matcher's weights on the keyed stories, and score the matcher as pairs.py does.

    python benchmarks/crosscheck_fit.py [--keys ../shared/crosscheck/keys] [--cache /tmp/claimex-keys]
                                        [--fit] [--misses]

Each key's documents are ingested once into a ledger of their own under --cache (reused when present;
delete the folder after an extraction change). Without --fit it prints link precision and recall and
conflict precision and recall of the current matcher, computed as `../shared/eval/pairs.py` computes
them (that script stays the judge; this one is for quick iterations). With --fit it labels every candidate
pair whose figures agree (both sides on mentions of one keyed fact), fits an L2 logistic regression (C = 1,
the bias unpenalised) by Newton's method (numpy, which spaCy brings), and prints the weights rounded to
quarters, for `WEIGHTS` in `claimex/crosscheck/match.py`, and the scores over a range of thresholds with
those weights. Weights and threshold are chosen on the same 17 stories the scores are reported on; the
held-back stories are the check.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from claimex.crosscheck import match, refresh

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLAIMEX = str(Path(sys.executable).with_name("claimex"))


def _anchor(text: str, anchor: str, occurrence: int) -> tuple[int, int]:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(anchor, pos + 1)
        if pos < 0:
            raise SystemExit(f"anchor not found: {anchor!r} #{occurrence}")
    return pos, pos + len(anchor)


class Story:
    """One keyed story: its ledger's rows and where each mention falls among the keyed facts."""

    def __init__(self, key_path: Path, news: Path, cache: Path) -> None:
        self.key = json.loads(key_path.read_text(encoding="utf-8"))
        texts = {d: (news / d).read_text(encoding="utf-8") for d in self.key["documents"]}
        ledger = cache / f"{key_path.stem}.db"
        if not ledger.exists():
            lines = cache / f"{key_path.stem}.jsonl"
            with open(lines, "w", encoding="utf-8") as fh:
                for d in self.key["documents"]:
                    published = self.key.get("published", {}).get(d)
                    fh.write(json.dumps({"text": texts[d], "url": d, "published": published}) + "\n")
            subprocess.run([CLAIMEX, "ingest", str(lines), "--db", str(ledger), "-q"], check=True)
        db = sqlite_utils.Database(sqlite3.connect(f"file:{ledger}?mode=ro", uri=True))
        self.rows = refresh.read_rows(db)
        self.where = {
            r[0]: (r[1], r[2], r[3])
            for r in db.execute(
                'select m.id, a.url, m.start, m."end" from mentions m '
                "join article_versions v on v.id = m.version_id join articles a on a.id = v.article_id"
            )
        }
        self.keyed: list[tuple[str, int, int, int | None, Any]] = []
        for fi, fact in enumerate(self.key["facts"]):
            for m in fact["mentions"]:
                s, e = _anchor(texts[m["document"]], m["anchor"], m.get("occurrence", 1))
                self.keyed.append((m["document"], s, e, fi, m.get("value")))
        for dist in self.key.get("distinct", []):
            for m in dist["mentions"]:
                s, e = _anchor(texts[m["document"]], m["anchor"], m.get("occurrence", 1))
                self.keyed.append((m["document"], s, e, None, m.get("value")))

    def fact_of(self, mention: str) -> tuple[int | None, Any]:
        """The keyed fact a mention falls on (a fact wins over a distinct look-alike), and its keyed value."""
        doc, start, end = self.where[mention]
        best = None
        for k in self.keyed:
            if k[0] == doc and min(end, k[2]) > max(start, k[1]) and (best is None or k[3] is not None):
                best = k
        return (best[3], best[4]) if best else (None, None)

    def sightings(self) -> list[match.Sighting]:
        derived = refresh.derive(self.rows)
        return refresh.sightings(self.rows, derived.stories, derived.entities)


def _differ(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True
    if isinstance(a, list) or isinstance(b, list):
        return sorted(a if isinstance(a, list) else [a]) != sorted(b if isinstance(b, list) else [b])
    return abs(float(a) - float(b)) > 1e-9 * max(1.0, abs(float(a)))


def evaluate(stories: list[Story], misses: bool = False, **kwargs: Any) -> dict[str, Any]:
    """Link and conflict precision and recall of `match.link` (keyword arguments passed on)."""
    tot = dict.fromkeys(("pred", "wrong", "right", "triples", "c_pred", "c_rows", "c_found", "conflicts"), 0)
    for st in stories:
        seen: set[tuple[Any, ...]] = set()
        right: set[tuple[Any, ...]] = set()
        found: set[int] = set()
        text = {m["id"]: m["text"] for m in st.rows.mentions}
        for link in match.link(st.sightings(), **kwargs):
            a, b = st.where[link.a], st.where[link.b]
            if a[0] == b[0] or tuple(sorted([a, b])) in seen:
                continue
            seen.add(tuple(sorted([a, b])))
            (fa, va), (fb, vb) = st.fact_of(link.a), st.fact_of(link.b)
            ok = fa is not None and fa == fb
            conflict = link.verdict == "conflict"
            tot["c_pred"] += conflict
            if ok:
                right.add((fa, *sorted([a[0], b[0]])))
                if conflict and st.key["facts"][fa].get("verdict") == "conflict" and _differ(va, vb):
                    found.add(fa)
                    tot["c_rows"] += 1
            else:
                tot["wrong"] += 1
                if misses:
                    print(
                        f"WRONG {text[link.a]!r} ~ {text[link.b]!r} {link.verdict} {link.score}",
                        file=sys.stderr,
                    )
        facts = st.key["facts"]
        triples = {
            (fi, *sorted(pair))
            for fi, f in enumerate(facts)
            for pair in itertools.combinations({m["document"] for m in f["mentions"]}, 2)
        }
        if misses:
            for fi, f in enumerate(facts):
                n, got = sum(t[0] == fi for t in triples), sum(t[0] == fi for t in right & triples)
                if got < n:
                    print(f"MISSED {got}/{n} {f.get('fact')!r}", file=sys.stderr)
        tot["pred"] += len(seen)
        tot["right"] += len(right & triples)
        tot["triples"] += len(triples)
        tot["c_found"] += len(found)
        tot["conflicts"] += sum(f.get("verdict") == "conflict" for f in facts)

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "predicted_pairs": tot["pred"],
        "link_precision": ratio(tot["pred"] - tot["wrong"], tot["pred"]),
        "link_recall": ratio(tot["right"], tot["triples"]),
        "conflict_predicted": tot["c_pred"],
        "conflict_precision": ratio(tot["c_rows"], tot["c_pred"]),
        "conflict_recall": ratio(tot["c_found"], tot["conflicts"]),
    }


def labelled_pairs(stories: list[Story]) -> tuple[list[dict[str, float]], list[int]]:
    """Every candidate pair whose figures agree, with its features and whether it joins one keyed fact."""
    feats, labels = [], []
    for st in stories:
        for a, b, f in match.candidate_pairs(st.sightings()):
            if not f["value"]:
                continue
            fa, fb = st.fact_of(a.s.id)[0], st.fact_of(b.s.id)[0]
            feats.append(f)
            labels.append(int(fa is not None and fa == fb))
    return feats, labels


def fit(feats: list[dict[str, float]], labels: list[int], c: float = 1.0) -> tuple[float, dict[str, float]]:
    """L2-penalised logistic regression (the bias unpenalised), Newton's method: (bias, weights)."""
    names = [k for k in feats[0] if k not in ("value", "near")]  # constant among agreeing figures
    x = np.array([[1.0] + [f[k] for k in names] for f in feats])
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) / c
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[0]), dict(zip(names, (float(v) for v in w[1:]), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=Path, default=SHARED / "crosscheck" / "keys")
    parser.add_argument("--news", type=Path, default=SHARED / "news")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/claimex-keys"))
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    stories = [Story(k, args.news, args.cache) for k in sorted(args.keys.glob("*.json"))]
    if not args.fit:
        print(json.dumps(evaluate(stories, args.misses)))
        return
    feats, labels = labelled_pairs(stories)
    bias, weights = fit(feats, labels)
    quarter = {k: round(v * 4) / 4 for k, v in weights.items()}
    print(f"{len(labels)} pairs with agreeing figures, {sum(labels)} of one fact")
    print(f"BIAS = {round(bias * 4) / 4}")
    print("WEIGHTS = " + json.dumps({k: v for k, v in quarter.items() if v}, indent=4))
    match.WEIGHTS.clear()
    match.WEIGHTS.update(quarter)
    match.BIAS = round(bias * 4) / 4
    for threshold in (0.4, 0.45, 0.5, 0.55, 0.6):
        print(threshold, json.dumps(evaluate(stories, threshold=threshold)))


if __name__ == "__main__":
    main()
