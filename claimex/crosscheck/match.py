"""Which mentions in different articles of a story state the same fact, and whether they agree (pure).

Mentions are blocked by story and dimension, scored on what they measure (thing, event, entity, the
words around the number) and on their values, and linked above a threshold. A link's verdict comes from
the intervals the wording allows: `consistent` when they overlap, `updated` when a later report of the
story moves the figure, `conflict` when two reports of one day cannot both be right.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimex import lexicon
from claimex.crosscheck.dimensions import Dimension, dimension

BORDERLINE_KINDS = frozenset({"age", "ordinal", "time_span", "score"})


@dataclass(frozen=True)
class Sighting:
    """One mention as the matcher sees it."""

    id: str
    article: str
    story: str
    published: str | None
    text: str
    value: float
    value_high: float | None  # a written range's upper end
    low: float | None  # the interval the wording allows; None for an open end
    high: float | None
    unit: str | None
    per: str | None
    kind: str
    qualifier: str
    period: str | None
    measure: str
    predicate: str
    about: str
    context: tuple[str, ...]
    speaker: str
    sentence: str = ""
    counted: str = ""
    quote: bool = False


@dataclass(frozen=True)
class Link:
    """Two mentions judged to state the same fact."""

    a: str
    b: str
    score: float
    verdict: str  # consistent, conflict, updated
    agreed: tuple[str, ...]  # the features that agreed
    relative_difference: float


@dataclass(frozen=True)
class _Prepared:
    s: Sighting
    dim: Dimension
    low: float
    high: float
    words: frozenset[str]
    sentence_words: frozenset[str]


_WORD = re.compile(r"[a-z][a-z'’-]+")


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(w) for w in lexicon.load("crosscheck")["stopwords"])


def _sentence_words(sentence: str) -> frozenset[str]:
    stop = _stopwords()
    return frozenset(w.rstrip("s") for w in _WORD.findall(sentence.lower()) if w not in stop)


OPEN_SPAN = 1.5  # "more than 60" is read as 60 to 90 when matching, "up to 100" as 50 to 100
VAGUE_SPAN = (2.0, 10.0)  # "hundreds" is 200 to 1,000, "dozens" 24 to 120


def _span(s: Sighting) -> tuple[float, float]:
    """The values a mention can stand for when matched: its interval, an open end closed at a plausible
    distance (an open interval would match every larger figure in the story)."""
    if s.kind == "vague":
        return s.value * VAGUE_SPAN[0], s.value * VAGUE_SPAN[1]
    low = s.low if s.low is not None else s.value / OPEN_SPAN
    high = s.high if s.high is not None else (s.value_high or s.value) * OPEN_SPAN
    return low, high


def _prepare(s: Sighting) -> _Prepared | None:
    dim = dimension(s.unit, s.per, s.kind)
    if dim is None or s.kind in BORDERLINE_KINDS:
        return None
    low, high = _span(s)
    return _Prepared(
        s, dim, low * dim.factor, high * dim.factor, frozenset(s.measure.split()), _sentence_words(s.sentence)
    )


def _idf(items: list[_Prepared]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for p in items:
        df.update(set(p.s.context) | p.sentence_words)
    n = len(items)
    return {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}


def _weighted_jaccard(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    union = sum(idf.get(t, 0.0) for t in a | b)
    return sum(idf.get(t, 0.0) for t in a & b) / union if union else 0.0


def _vector(p: _Prepared, idf: dict[str, float]) -> dict[str, float]:
    vec = {t: idf.get(t, 0.0) / (1 + 0.3 * rank) for rank, t in enumerate(p.s.context)}
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _overlaps(a: _Prepared, b: _Prepared) -> bool:
    return a.low <= b.high and b.low <= a.high


def _significant_digits(value: float) -> int:
    digits = f"{abs(value):.6g}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits.split("e")[0])


def features(
    a: _Prepared,
    b: _Prepared,
    va: dict[str, float],
    vb: dict[str, float],
    twins: tuple[int, int],
    idf: dict[str, float],
) -> dict[str, float]:
    """The evidence that two mentions state one fact, each 0 to 1. `twins` counts the mentions of each
    article whose value the other side's value also fits (1 and 1: the figure is unique in both)."""
    overlap = _overlaps(a, b)
    centre_a, centre_b = a.s.value * a.dim.factor, b.s.value * b.dim.factor
    biggest = max(abs(centre_a), abs(centre_b)) or 1.0
    words = len(a.words & b.words) / len(a.words | b.words) if a.words | b.words else 0.0
    return {
        "value": 1.0 if overlap else 0.0,
        "near": 1.0 if abs(centre_a - centre_b) / biggest <= 0.5 else 0.0,
        "measure": words,
        "predicate": 1.0 if a.s.predicate and a.s.predicate == b.s.predicate else 0.0,
        "about": 1.0 if a.s.about and a.s.about == b.s.about else 0.0,
        "context": _cosine(va, vb),
        "sentence": _weighted_jaccard(a.sentence_words, b.sentence_words, idf),
        "speaker": 1.0 if a.s.speaker and a.s.speaker == b.s.speaker else 0.0,
        "unique": 1.0 if overlap and twins == (1, 1) else 0.0,
        "small": 1.0 if a.dim.name == "count" and abs(a.s.value) <= 12 else 0.0,
        "specific": 1.0 if min(_significant_digits(a.s.value), _significant_digits(b.s.value)) >= 2 else 0.0,
    }


def candidate_pairs(sightings: Iterable[Sighting]) -> list[tuple[_Prepared, _Prepared, dict[str, float]]]:
    """Every pair from different articles of one story and one dimension, with its features."""
    blocks: dict[tuple[str, str], list[_Prepared]] = defaultdict(list)
    by_story: dict[str, list[_Prepared]] = defaultdict(list)
    for s in sightings:
        p = _prepare(s)
        if p is not None:
            blocks[(s.story, p.dim.name)].append(p)
            by_story[s.story].append(p)
    idfs = {story: _idf(items) for story, items in by_story.items()}
    out = []
    for (story, _), items in blocks.items():
        vectors = [_vector(p, idfs[story]) for p in items]
        by_article: dict[str, list[_Prepared]] = defaultdict(list)
        for p in items:
            by_article[p.s.article].append(p)
        for i, a in enumerate(items):
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.s.article == b.s.article:
                    continue
                twins = (
                    sum(_overlaps(x, b) for x in by_article[a.s.article]),
                    sum(_overlaps(a, y) for y in by_article[b.s.article]),
                )
                out.append((a, b, features(a, b, vectors[i], vectors[j], twins, idfs[story])))
    return out


# Weights of the evidence for two agreeing figures being one fact (a logistic model; see the README's
# "How a cross-check is made" for how they were chosen).
WEIGHTS = {
    "sentence": 3.7,
    "context": 3.2,
    "measure": 0.6,
    "predicate": 1.25,
    "speaker": 1.4,
    "unique": 1.1,
    "small": -0.8,
    "specific": 1.25,
}
SMALL_CONTEXT = 2.3  # a small count needs its words to agree: "two" is everywhere
BIAS = -2.1
THRESHOLD = 0.5


def score(f: dict[str, float]) -> float:
    """How likely two mentions state one fact, 0 to 1. Agreeing figures are scored on the words around
    them; figures that cannot both be right score only when they measure the same named thing by the
    same event in closely matching words (a conflict must be sure of its fact)."""
    if f["value"]:
        z = (
            BIAS
            + sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())
            + SMALL_CONTEXT * f["small"] * f["context"]
        )
        return 1 / (1 + math.exp(-z))
    same_thing = f["measure"] >= 0.5 and (f["predicate"] or f["context"] >= 0.4)
    return 0.5 * (f["sentence"] + f["context"]) if f["near"] and same_thing else 0.0


def _verdict(a: _Prepared, b: _Prepared) -> str:
    if _overlaps(a, b):
        return "consistent"
    dates = sorted(d for d in (a.s.published, b.s.published) if d)
    return "updated" if len(dates) == 2 and dates[0] != dates[1] else "conflict"


def link(
    sightings: Iterable[Sighting],
    scorer: Callable[[dict[str, float]], float] = score,
    threshold: float = THRESHOLD,
) -> list[Link]:
    """Links between mentions of one fact: for each pair of articles, the best-scoring pairs one to one."""
    scored = [(scorer(f), a, b, f) for a, b, f in candidate_pairs(sightings)]
    scored.sort(key=lambda x: -x[0])
    used: set[tuple[str, str]] = set()
    links = []
    for sc, a, b, f in scored:
        if sc < threshold:
            break
        if (a.s.id, b.s.article) in used or (b.s.id, a.s.article) in used:
            continue
        used.add((a.s.id, b.s.article))
        used.add((b.s.id, a.s.article))
        centre_a, centre_b = a.s.value * a.dim.factor, b.s.value * b.dim.factor
        diff = abs(centre_a - centre_b) / (max(abs(centre_a), abs(centre_b)) or 1.0)
        agreed = tuple(k for k, v in f.items() if v >= 0.5 and k not in ("small",))
        links.append(Link(a.s.id, b.s.id, round(sc, 3), _verdict(a, b), agreed, round(diff, 4)))
    return links
