"""Multinomial logistic regression over candidate groups (one softmax per claim or quotation), fitted with
full-batch Adam in numpy: deterministic, no other dependency."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# One target: the feature lists of its candidate groups, which groups name the annotated source, its weight.
Example = tuple[list[list[str]], list[bool], float]


@dataclass
class Fitted:
    """Weights by feature, and the training loss at the end."""

    weights: dict[str, float]
    loss: float


def fit(examples: list[Example], l2: float = 1.0, steps: int = 400, rate: float = 0.1) -> Fitted:
    """Weights that maximise the probability of the right groups; targets with no right group are
    skipped, and features seen fewer than twice are dropped."""
    kept = [
        (groups, labels, weight) for groups, labels, weight in examples if any(labels) and len(groups) > 1
    ]
    counts: dict[str, int] = {}
    for groups, _, _ in kept:
        for feats in groups:
            for f in set(feats):
                counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if n >= 2)
    column = {f: n for n, f in enumerate(names)}
    rows: list[int] = []
    cols: list[int] = []
    labels: list[float] = []
    weights: list[float] = []
    starts: list[int] = []
    g = 0
    for groups, marks, weight in kept:
        starts.append(g)
        weights.append(weight)
        for feats, mark in zip(groups, marks, strict=True):
            for f in set(feats):
                if f in column:
                    rows.append(g)
                    cols.append(column[f])
            labels.append(1.0 if mark else 0.0)
            g += 1
    r, c, y = np.array(rows), np.array(cols), np.array(labels)
    seg, t = np.array(starts), np.array(weights)
    owner = np.repeat(np.arange(len(starts)), np.diff(np.append(seg, g)))
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    loss = 0.0
    for step in range(1, steps + 1):
        s = np.bincount(r, weights=w[c], minlength=g)
        s = s - np.maximum.reduceat(s, seg)[owner]
        e = np.exp(s)
        p = e / np.add.reduceat(e, seg)[owner]
        right = np.add.reduceat(p * y, seg)
        q = p * y / right[owner]
        loss = float(-(t * np.log(right)).sum() + 0.5 * l2 * (w @ w))
        grad = np.bincount(c, weights=((p - q) * t[owner])[r], minlength=len(names)) + l2 * w
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return Fitted({f: round(float(x), 4) for f, x in zip(names, w, strict=True) if abs(x) >= 1e-4}, loss)
