"""Which mentions in different articles of a story state the same fact, and whether they agree (pure).

Mentions are blocked by story and dimension and every pair from two articles is scored on what the two
numbers measure (thing, event, entity, the words around them) and on how specific and how rare their
shared value is in the story. Pairs are then grouped into facts across all the story's articles
(average linkage: a mention joins a fact when it agrees with the fact's mentions on average, so two
reports that each match a third support each other), and every pair of mentions of one fact in two
articles is linked. Two figures that cannot both be right are linked only when they measure the same
thing in the same words; the verdict comes from the intervals the wording allows: `consistent` when they
overlap, `updated` when a later report raises a running count (a toll), `conflict` otherwise.
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
from claimex.normalise.intervals import ROUNDING_CAP
from claimex.normalise.quantity import BORDERLINE

# Borderline kinds still matched: a span of time used as a reference ("over the past eight years",
# "moved here 10 years ago") is often the fact outlets share; the `time_span` feature weighs it.
MATCHED_BORDERLINE = frozenset({"time_span"})
_UNMATCHED = BORDERLINE - MATCHED_BORDERLINE


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
    thing: frozenset[str]  # words of the measured thing and the counted noun
    sentence_words: frozenset[str]
    window: frozenset[str]  # the words just before and after the number
    about: str  # the entity, lower-cased, without article and possessive
    vague: bool
    small: bool  # a plain count up to a dozen: "two" is everywhere
    head: str  # the measured thing's head noun ("engine" of "large stage engines"), or ""


_WORD = re.compile(r"[a-z][a-z'’-]+")


@functools.cache
def _data() -> dict[str, frozenset[str]]:
    data = lexicon.load("crosscheck")
    return {
        name: frozenset(str(w) for w in data.get(name, ()))
        for name in ("stopwords", "counted_units", "vague_words", "running_counts")
    }


def _sentence_words(sentence: str) -> frozenset[str]:
    stop = _data()["stopwords"]
    return frozenset(w.rstrip("s") for w in _WORD.findall(sentence.lower()) if w not in stop)


WINDOW = 4


def _window(s: Sighting) -> frozenset[str]:
    """Content words within WINDOW words either side of the number's first place in its sentence."""
    at = s.sentence.find(s.text)
    if at < 0:
        return frozenset()
    stop = _data()["stopwords"]
    before = [w for w in _WORD.findall(s.sentence[:at].lower()) if w not in stop][-WINDOW:]
    after = [w for w in _WORD.findall(s.sentence[at + len(s.text) :].lower()) if w not in stop][:WINDOW]
    return frozenset(w.rstrip("s") for w in (*before, *after))


OPEN_SPAN = 1.5  # "more than 60" is read as 60 to 90 when matching, "up to 100" as 50 to 100
VAGUE_SPAN = (2.0, 10.0)  # "hundreds" is 200 to 1,000, "dozens" 24 to 120
SMALL_COUNT = 12


def _is_vague(s: Sighting) -> bool:
    """A vague plural ("dozens", "a handful"): by its kind, or, for a reader that does not say, its words."""
    if s.kind == "vague":
        return True
    words = _WORD.findall(s.text.lower())
    return not any(ch.isdigit() for ch in s.text) and bool(words) and words[-1] in _data()["vague_words"]


def _span(s: Sighting, vague: bool = False) -> tuple[float, float]:
    """The values a mention can stand for when matched: its interval, an open end closed at a plausible
    distance (an open interval would match every larger figure in the story)."""
    if vague:
        return s.value * VAGUE_SPAN[0], s.value * VAGUE_SPAN[1]
    low = s.low if s.low is not None else s.value / OPEN_SPAN
    high = s.high if s.high is not None else (s.value_high or s.value) * OPEN_SPAN
    return low, high


_BARE = re.compile(r"\d+(?:\.\d+)?")


def _is_label(s: Sighting) -> bool:
    """A bare numeral right after a capitalised word names something ("Falcon 9", "Chang'e 4", "Game 7",
    "Guccifer 2.0", "Hide Caption 22 of 30") rather than counting it."""
    if s.unit is not None or not _BARE.fullmatch(s.text):
        return False
    for found in re.finditer(re.escape(s.text), s.sentence):
        before = s.sentence[: found.start()].split()
        if len(before) < 2 or before[-1].endswith(("’s", "'s")):
            continue  # a sentence's first word is capitalised anyway; "Heavy's 27 engines" counts
        if before[-1][:1].isupper() and (before[-1][-1].isalpha() or before[-1][-1] in "’'"):
            return True
    return False


_AGE_AFTER = re.compile(r"(?:-| )years?(?:-| )old|-year|,? or (?:older|younger)\b")
_APPOSITION = (re.compile(r"[a-z], $"), re.compile(r"(?:,|\)| from\b)"))
_AGE_BEFORE = re.compile(
    r"\bage[sd]?(?: of)?(?: \w+ (?:and|to|or))? $"  # "aged five", "between the ages of 12 and 16"
    r"|\bage\b[^,.;:]* (?:is|was) $"  # "the legal age of consent in the state is 16"
)


def _is_age(s: Sighting) -> bool:
    """A bare number that is a person's age, which is not a numeric claim (the claims contract):
    "14-year-olds", "anyone 19 or older", "the driver, 42, has been released", "the age of consent is 16",
    "aged five and seven". Every place of the number in its sentence must read as an age ("a 20-year-old
    ... shot 20 children" counts)."""
    if s.unit is not None or s.per is not None:
        return False
    if any(ch.isdigit() for ch in s.text) and not _BARE.fullmatch(s.text):
        return False
    found = list(re.finditer(rf"(?<!\w){re.escape(s.text)}(?!\w)", s.sentence))
    return bool(found) and all(_reads_as_age(s.sentence[: f.start()], s.sentence[f.end() :]) for f in found)


def _reads_as_age(before: str, after: str) -> bool:
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(before.lower()):
        return True
    return bool(_APPOSITION[0].search(before) and _APPOSITION[1].match(after))


def _dimension(s: Sighting) -> Dimension | None:
    """The claim's dimension; a plain number whose counted noun is a unit ("a 400-pound gorilla") takes
    the unit's."""
    if s.unit is None and s.per is None and s.counted in _data()["counted_units"]:
        return dimension(s.counted, None)
    return dimension(s.unit, s.per, s.kind)


def _entity(about: str) -> str:
    about = about.lower().replace("’", "'").removesuffix("'s").rstrip("'")
    return about.removeprefix("the ").strip()


def _head(s: Sighting, units: frozenset[str]) -> str:
    """The head noun of what is counted or measured: the counted noun when the reader named one, else the
    measured thing's last word; units are not things."""
    for words in (s.counted.split(), s.measure.split()):
        if words and words[-1] not in units:
            return words[-1].lower().rstrip("s")
    return ""


def _prepare(s: Sighting) -> _Prepared | None:
    dim = _dimension(s)
    if dim is None or s.kind in _UNMATCHED or _is_label(s) or _is_age(s):
        return None
    vague = _is_vague(s)
    low, high = _span(s, vague)
    units = _data()["counted_units"]
    thing = frozenset(w for w in (*s.measure.split(), *s.counted.split()) if w not in units)
    small = dim.name == "count" and abs(s.value) <= SMALL_COUNT and not vague
    return _Prepared(
        s,
        dim,
        low * dim.factor,
        high * dim.factor,
        thing,
        _sentence_words(s.sentence),
        _window(s),
        _entity(s.about),
        vague,
        small,
        _head(s, units),
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


ROUNDING = 0.02  # two figures are one when they agree to the rounder one's last digit, within 2%


def _half_unit(value: float) -> float:
    """Half the place value of a figure's last significant digit: 12 -> 0.5, 5.1 -> 0.05, 140,000 -> 5,000;
    a whole number under a thousand is exact ("50" members are not "51")."""
    if value == int(value) and abs(value) < 1000:
        return 0.5
    text = f"{abs(value):.6e}"
    mantissa, exponent = text.split("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return 0.5 * 10.0 ** (int(exponent) - len(digits) + 1)


def _rounding(a: _Prepared, b: _Prepared) -> float:
    """How far apart two figures (in the dimension's base unit) may be and still be one figure rounded:
    "12 meters" and "39.9 ft", "$15 million" and "$14,959,450"."""
    centre_a, centre_b = a.s.value * a.dim.factor, b.s.value * b.dim.factor
    biggest = max(abs(centre_a), abs(centre_b))
    half = max(_half_unit(a.s.value) * a.dim.factor, _half_unit(b.s.value) * b.dim.factor)
    return max(0.001 * biggest, min(half, ROUNDING * biggest))


def _same_entity(a: str, b: str) -> bool:
    """ "Falcon Heavy" is "the Falcon Heavy"; "Clintons" is "the Clintons'"; "Pelosi" is "Nancy Pelosi"."""
    if not a or not b:
        return False
    return a == b or a.split()[-1].rstrip("s") == b.split()[-1].rstrip("s")


def _other_period(a: str | None, b: str | None) -> bool:
    """Two stated periods that are not one within the other ("2014" and "2007/2014" are two periods)."""
    return bool(a and b and not (a.startswith(b) or b.startswith(a)))


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
    thing = len(a.thing & b.thing) / len(a.thing | b.thing) if a.thing | b.thing else 0.0
    small = 1.0 if a.small or b.small else 0.0
    head = 1.0 if a.head and a.head == b.head else 0.0
    context, sentence = _cosine(va, vb), _weighted_jaccard(a.sentence_words, b.sentence_words, idf)
    return {
        "value": 1.0 if overlap else 0.0,
        "near": 1.0 if abs(centre_a - centre_b) / biggest <= 0.5 else 0.0,
        "equal": 1.0 if abs(centre_a - centre_b) <= _rounding(a, b) else 0.0,
        "measure": thing,
        "predicate": 1.0 if a.s.predicate and a.s.predicate == b.s.predicate else 0.0,
        "about": 1.0 if _same_entity(a.about, b.about) else 0.0,
        "other_thing": 1.0 if a.thing and b.thing and not a.thing & b.thing else 0.0,
        "other_about": 1.0 if a.about and b.about and not _same_entity(a.about, b.about) else 0.0,
        "other_period": 1.0 if _other_period(a.s.period, b.s.period) else 0.0,
        "head": head,
        "context": context,
        "sentence": sentence,
        "window": _weighted_jaccard(a.window, b.window, idf),
        "speaker": 1.0 if a.s.speaker and a.s.speaker == b.s.speaker else 0.0,
        "repeated": 1.0 if overlap and max(twins) <= 3 else 0.0,
        "small": small,
        "small_words": small * (context + sentence),  # a small count needs its words to agree
        "vague": 1.0 if a.vague or b.vague else 0.0,
        "time_span": 1.0 if "time_span" in (a.s.kind, b.s.kind) else 0.0,
        "specific": 1.0 if min(_significant_digits(a.s.value), _significant_digits(b.s.value)) >= 2 else 0.0,
    }


def _blocks(
    sightings: Iterable[Sighting],
) -> tuple[dict[tuple[str, str], list[_Prepared]], dict[str, dict[str, float]]]:
    blocks: dict[tuple[str, str], list[_Prepared]] = defaultdict(list)
    by_story: dict[str, list[_Prepared]] = defaultdict(list)
    seen: set[str] = set()
    for s in sightings:
        if s.id in seen:
            continue
        seen.add(s.id)
        p = _prepare(s)
        if p is not None:
            blocks[(s.story, p.dim.name)].append(p)
            by_story[s.story].append(p)
    for items in blocks.values():
        items.sort(key=lambda p: p.s.id)  # the input's order never changes the outcome
    return blocks, {story: _idf(items) for story, items in by_story.items()}


def _block_pairs(
    items: list[_Prepared], idf: dict[str, float]
) -> list[tuple[_Prepared, _Prepared, dict[str, float]]]:
    vectors = [_vector(p, idf) for p in items]
    by_article: dict[str, list[_Prepared]] = defaultdict(list)
    for p in items:
        by_article[p.s.article].append(p)
    out = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.s.article == b.s.article:
                continue
            twins = (
                sum(_overlaps(x, b) for x in by_article[a.s.article]),
                sum(_overlaps(a, y) for y in by_article[b.s.article]),
            )
            out.append((a, b, features(a, b, vectors[i], vectors[j], twins, idf)))
    return out


def candidate_pairs(sightings: Iterable[Sighting]) -> list[tuple[_Prepared, _Prepared, dict[str, float]]]:
    """Every pair from different articles of one story and one dimension, with its features."""
    blocks, idfs = _blocks(sightings)
    return [pair for (story, _), items in blocks.items() for pair in _block_pairs(items, idfs[story])]


# Weights of the evidence for two agreeing figures being one fact: a logistic regression (C = 1) over the
# candidate pairs of the 17 dev stories (../shared/crosscheck/keys), weights rounded to quarters
# (`benchmarks/crosscheck_fit.py --fit` refits and prints them); `head` and `time_span`, added later, and
# THRESHOLD chosen on the same stories (link precision 0.92, recall 0.73).
WEIGHTS = {
    "equal": 2.0,
    "sentence": 2.25,
    "context": 1.75,
    "window": 1.75,
    "measure": 0.5,
    "other_thing": -0.75,
    "other_period": -0.25,
    "predicate": 1.25,
    "about": 0.5,
    "speaker": 0.75,
    "repeated": 0.5,
    "small": -2.5,
    "small_words": 4.0,
    "head": 0.5,
    "time_span": -1.0,
    "vague": -0.25,
    "specific": 0.5,
}
BIAS = -1.75
THRESHOLD = 0.525  # a fact's mentions agree on average at least this much
CONFLICT_THRESHOLD = 0.2  # a figure against a fact two articles agree on: the mean `identity` with it
PAIR_CONFLICT = 0.9  # without a fact two articles agree on, the words must all but match
CONFLICT_SPREAD = 0.25  # a contradiction is a near miss: farther apart, two figures are two facts


def _logit(f: dict[str, float]) -> float:
    return BIAS + sum(WEIGHTS.get(k, 0.0) * v for k, v in f.items())


def score(f: dict[str, float]) -> float:
    """How likely two mentions with agreeing figures state one fact, 0 to 1; figures that cannot both be
    right score 0 here (see `identity`)."""
    return 1 / (1 + math.exp(-_logit(f))) if f["value"] else 0.0


def identity(f: dict[str, float]) -> float:
    """How sure it is that two figures that disagree measure one thing: as sure as for agreeing figures,
    on the words alone (no value evidence), and only when the figures are near each other."""
    if f["value"] or not f["near"] or f["vague"]:
        return 0.0
    words = {**f, "repeated": 0.0, "specific": 0.0}
    return 1 / (1 + math.exp(-_logit(words)))


def _facts(items: list[_Prepared], pairs: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Average-linkage groups of mentions (indexes into `items`), as each mention's group number: two
    groups merge while the mean score over their pairs (a pair never scored counts 0) is at least
    `threshold`."""
    group = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    while True:
        sums: dict[tuple[int, int], float] = defaultdict(float)
        for (i, j), sc in pairs.items():
            gi, gj = group[i], group[j]
            if gi != gj:
                sums[(min(gi, gj), max(gi, gj))] += sc
        best, best_key = threshold, None
        for (gi, gj), total in sorted(sums.items()):
            mean = total / (len(members[gi]) * len(members[gj]))
            if mean > best or (mean == best and best_key is None):
                best, best_key = mean, (gi, gj)
        if best_key is None:
            return group
        gi, gj = best_key
        for x in members.pop(gj):
            group[x] = gi
            members[gi].append(x)


def _running(p: _Prepared) -> bool:
    words = {p.s.predicate, *p.thing, *p.s.context[:3]}
    return bool(words & _data()["running_counts"])


def _truncated(a: _Prepared, b: _Prepared) -> bool:
    """One exact figure is the other cut, not rounded, to its last digit: "$43 million" for $43,885,310 (a
    whole number under a thousand is exact, `_half_unit`), within the rounding cap ("1,000" is not 1,400)."""
    if a.s.qualifier != "exact" or b.s.qualifier != "exact":
        return False
    for x, y in ((a, b), (b, a)):
        low, other = x.s.value * x.dim.factor, y.s.value * y.dim.factor
        step = 2 * _half_unit(x.s.value) * x.dim.factor
        if 0 < low <= other < low + min(step * (1 - 1e-9), other * ROUNDING_CAP):
            return True
    return False


def _verdict(a: _Prepared, b: _Prepared) -> str:
    """`consistent` when the wording allows a common value or one figure is the other truncated;
    `updated` when the later of two dated reports raises a running count (a toll that rises); `conflict`
    otherwise."""
    if _overlaps(a, b) or _truncated(a, b):
        return "consistent"
    if a.s.published and b.s.published and a.s.published != b.s.published:
        early, late = (a, b) if a.s.published < b.s.published else (b, a)
        if late.s.value * late.dim.factor > early.s.value * early.dim.factor and (_running(a) or _running(b)):
            return "updated"
    return "conflict"


def _difference(a: _Prepared, b: _Prepared) -> float:
    """The relative difference of two mentions' figures (0: the same figure, 1: one of them is 0)."""
    centre_a, centre_b = a.s.value * a.dim.factor, b.s.value * b.dim.factor
    return abs(centre_a - centre_b) / (max(abs(centre_a), abs(centre_b)) or 1.0)


_NOT_AGREEMENT = frozenset({"small", "small_words", "vague", "repeated", "time_span"})


def _make_link(a: _Prepared, b: _Prepared, sc: float, f: dict[str, float]) -> Link:
    if b.s.id < a.s.id:
        a, b = b, a
    diff = _difference(a, b)
    agreed = tuple(
        k for k, v in f.items() if v >= 0.5 and k not in _NOT_AGREEMENT and not k.startswith("other_")
    )
    return Link(a.s.id, b.s.id, round(sc, 3), _verdict(a, b), agreed, round(diff, 4))


def _conflicts(
    items: list[_Prepared],
    fact: list[int],
    scored: dict[tuple[int, int], tuple[float, _Prepared, _Prepared, dict[str, float]]],
    threshold: float,
) -> list[tuple[int, int, dict[str, float]]]:
    """Mentions that contradict a fact two articles agree on: (the mention, the fact's mention it is set
    against in each other article, their features). The mention measures the fact's thing (a shared word
    of the measured noun, or, when one side names none, the verb), in a period that is not another one, near
    the fact's figure but outside what the other reports' wordings allow (its own report may round it:
    "roughly $141 million" beside "$140,937,785"), not stated beside the fact's own figure, and the words
    around the figures agree on average at least `threshold`. Without such a fact (two reports alone), two
    figures conflict only when their words all but match (PAIR_CONFLICT) and neither sentence states the
    other figure."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(fact):
        members[g].append(i)
    out: list[tuple[int, int, dict[str, float]]] = []  # (mention, the fact's mention, their features)
    for group in members.values():
        if len({items[x].s.article for x in group}) < 2:
            continue  # a fact no two articles agree on is not a standard to contradict
        things: frozenset[str] = frozenset().union(*(items[x].thing for x in group))
        predicates = {items[x].s.predicate for x in group}
        stated = Counter(  # sentences that state the fact's figure: a second figure there is another fact
            (z.s.article, z.s.sentence) for z in items if any(_overlaps(items[x], z) for x in group)
        )
        for y, p in enumerate(items):
            if fact[y] == fact[group[0]] or p.vague:
                continue
            if p.thing and things and not p.thing & things:
                continue  # another thing
            if not (p.thing and things) and p.s.predicate not in predicates - {""}:
                continue  # with a thing unnamed on either side ("earned $139 million"), another verb
            others = [x for x in group if items[x].s.article != p.s.article]
            alongside = stated[(p.s.article, p.s.sentence)] - any(_overlaps(items[x], p) for x in group)
            if alongside or any(_overlaps(items[x], p) for x in others):
                continue  # the fact's figure beside it, or a figure another report allows
            pairs = [
                (x, scored[(min(x, y), max(x, y))][3]) for x in group if items[x].s.article != p.s.article
            ]
            if not pairs or any(
                _difference(items[x], p) > CONFLICT_SPREAD or f["other_period"] for x, f in pairs
            ):
                continue
            if all(f["other_about"] for _, f in pairs):
                continue  # said of another entity ("the Soviet N1 rocket had 30 engines")
            if sum(identity(f) for _, f in pairs) / len(pairs) < threshold:
                continue
            best: dict[str, tuple[float, int, dict[str, float]]] = {}
            for x, f in pairs:
                article = items[x].s.article
                if article not in best or identity(f) > best[article][0]:
                    best[article] = (identity(f), x, f)
            out.extend((y, x, f) for _, x, f in best.values())
    for (i, j), (_, a, b, f) in scored.items():  # two reports alone, in the same words
        if identity(f) < PAIR_CONFLICT or f["other_period"]:  # identity asks for figures near each other
            continue
        beside = [
            z
            for z in items
            if (z.s.article, z.s.sentence) in {(a.s.article, a.s.sentence), (b.s.article, b.s.sentence)}
        ]
        if not any(_overlaps(z, a) and z is not a or _overlaps(z, b) and z is not b for z in beside):
            out.append((j, i, f))
    unique = {frozenset(t[:2]): t for t in out}
    return sorted(unique.values(), key=lambda t: (t[0], t[1]))


def link(
    sightings: Iterable[Sighting],
    scorer: Callable[[dict[str, float]], float] = score,
    threshold: float = THRESHOLD,
    conflict_threshold: float = CONFLICT_THRESHOLD,
) -> list[Link]:
    """Links between mentions of one fact: the story's mentions grouped into facts (`_facts`), every pair
    of a fact's mentions from two articles whose figures agree; and pairs whose figures cannot both be
    right but whose words say they measure one thing."""
    blocks, idfs = _blocks(sightings)
    links: list[Link] = []
    for (story, _), items in sorted(blocks.items()):
        index = {p.s.id: i for i, p in enumerate(items)}
        scored: dict[tuple[int, int], tuple[float, _Prepared, _Prepared, dict[str, float]]] = {}
        for a, b, f in _block_pairs(items, idfs[story]):
            i, j = sorted((index[a.s.id], index[b.s.id]))
            scored[(i, j)] = (scorer(f), a, b, f)
        fact = _facts(items, {k: v[0] for k, v in scored.items() if v[0] > 0}, threshold)
        for (i, j), (sc, a, b, f) in sorted(scored.items()):
            if a.s.article != b.s.article and fact[i] == fact[j] and f["value"]:
                links.append(_make_link(a, b, sc, f))
        for y, x, f in _conflicts(items, fact, scored, conflict_threshold):
            links.append(_make_link(items[x], items[y], identity(f), f))
    return links
