"""Which articles report the same story: TF-IDF of key terms and names, blocked pairs, linked groups."""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from claimex import lexicon

LINK = 0.2  # cosine that links two articles of one story
AVERAGE = 0.15  # mean cosine between two groups that one link joins
FAR_PENALTY = 0.1  # taken off the cosine of two dated articles more than WINDOW_DAYS apart
WINDOW_DAYS = 7
NAME_WEIGHT = 2.0  # a multi-word name is worth this many single words
HEADLINE_WEIGHT = 2.0  # each headline term counts as this many occurrences in the text
TOP_TERMS = 16  # terms per article in the blocking index
MIN_SHARED = 3  # fewer proposes too many pairs; a term heavy in both whole and lead counts twice
MAX_POSTING = 60  # a term in more top lists than this is too common to propose pairs
KEPT_TERMS = 100  # terms kept per vector: the tail adds cost, not discrimination
LABEL_TERMS = 4
LEAD_WORDS = 80  # words of an article's opening compared on their own
MIN_CORPUS = 1000  # IDF is computed as if over at least this many articles

_WORD = re.compile(r"[a-z]{3,}")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z](?:\s+(?:of\s+|de\s+|and\s+)?[A-Z][\w'’.-]*[A-Za-z])+")
_NAME_LINKS = frozenset({"of", "de", "and"})
_POSSESSIVE = re.compile(r"['’]s?$")

Vector = dict[str, float]


@dataclass(frozen=True)
class StoryArticle:
    """One article as story grouping sees it."""

    id: str
    text: str
    headline: str
    published: str | None  # YYYY-MM-DD or None
    entities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    """Articles that report the same story."""

    id: str  # sha256 of the sorted member ids, 20 hex chars
    articles: tuple[str, ...]
    label: str
    first_published: str | None
    last_published: str | None
    undated: int


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(str(word) for word in lexicon.load("stories")["stopwords"])


def _names(text: str) -> list[str]:
    stop = _stopwords()
    found = []
    for match in _NAME.finditer(text):
        words = [_POSSESSIVE.sub("", word).lower() for word in match.group().split()]
        while words and words[0] in stop:
            words.pop(0)
        while words and (words[-1] in stop or words[-1] in _NAME_LINKS):
            words.pop()
        if len(words) >= 2:
            found.append(" ".join(words))
    return found


def _counts(texts: Iterable[tuple[str, float]], entities: Iterable[str] = ()) -> dict[str, float]:
    stop = _stopwords()
    counts: dict[str, float] = defaultdict(float)
    for text, weight in texts:
        for word in _WORD.findall(text.lower()):
            if word not in stop:
                counts[word] += weight
        for name in _names(text):
            counts[name] += weight * NAME_WEIGHT
    for entity in entities:
        name = " ".join(entity.lower().split())
        if name:
            counts[name] += NAME_WEIGHT
    return counts


def _whole(article: StoryArticle) -> dict[str, float]:
    return _counts(((article.text, 1.0), (article.headline, HEADLINE_WEIGHT)), article.entities)


def _lead(article: StoryArticle) -> dict[str, float]:
    # Outlets agree most in the headline and first paragraph; the rest may be analysis, galleries or
    # page furniture that drowns the story in a whole-text comparison.
    opening = " ".join(article.text.split()[:LEAD_WORDS])
    return _counts(((opening, 1.0), (article.headline, HEADLINE_WEIGHT)))


def _vectors(counts: list[dict[str, float]]) -> list[Vector]:
    frequency: Counter[str] = Counter()
    for count in counts:
        frequency.update(count.keys())
    # IDF as if over at least MIN_CORPUS articles: a handful of articles is compared by term frequency,
    # not by an IDF that would discount exactly the terms they share.
    total = max(len(counts), MIN_CORPUS)
    vectors = []
    for count in counts:
        weights = {
            term: (1.0 + math.log(tf)) * (math.log((1 + total) / (1 + frequency[term])) + 1.0)
            for term, tf in count.items()
        }
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:KEPT_TERMS]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        vectors.append({term: weight / norm for term, weight in top})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    return math.fsum(a[term] * b[term] for term in a.keys() & b.keys())  # fsum: exact in any set order


def _candidates(*vector_lists: list[Vector]) -> set[tuple[int, int]]:
    """Pairs of articles whose TOP_TERMS heaviest terms (in any list) share MIN_SHARED, never all pairs."""
    index: dict[str, list[int]] = defaultdict(list)
    for vectors in vector_lists:
        for position, vector in enumerate(vectors):
            for term in sorted(vector, key=lambda t: (-vector[t], t))[:TOP_TERMS]:
                index[term].append(position)
    shared: Counter[tuple[int, int]] = Counter()
    for posting in index.values():
        if len(posting) > MAX_POSTING:
            continue
        for i, a in enumerate(posting):
            for b in posting[i + 1 :]:
                if a != b:
                    shared[min(a, b), max(a, b)] += 1
    return {pair for pair, count in shared.items() if count >= MIN_SHARED}


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _penalty(a: date | None, b: date | None) -> float:
    if a is None or b is None or abs((a - b).days) <= WINDOW_DAYS:
        return 0.0
    return FAR_PENALTY


def _clusters(articles: Sequence[StoryArticle], wholes: list[Vector], leads: list[Vector]) -> list[list[int]]:
    days = [_day(article.published) for article in articles]

    def content(a: int, b: int) -> float:
        return max(_cosine(wholes[a], wholes[b]), _cosine(leads[a], leads[b]))

    sims = {pair: content(*pair) for pair in _candidates(wholes, leads)}

    def similarity(a: int, b: int) -> float:
        pair = (a, b) if a < b else (b, a)
        if pair not in sims:
            sims[pair] = content(*pair)
        return sims[pair] - _penalty(days[a], days[b])

    scored = [(similarity(a, b), a, b) for a, b in list(sims)]
    edges = sorted(
        (edge for edge in scored if edge[0] >= LINK), key=lambda edge: (-edge[0], edge[1], edge[2])
    )
    cluster_of = list(range(len(articles)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(articles))}
    for _, a, b in edges:
        first, second = cluster_of[a], cluster_of[b]
        if first == second:
            continue
        left, right = members[first], members[second]
        # One strong link joins two groups only if they are also alike on average: no chaining through a
        # single article that mentions two stories.
        average = math.fsum(similarity(x, y) for x in left for y in right) / (len(left) * len(right))
        if average < AVERAGE:
            continue
        for member in right:
            cluster_of[member] = first
        left.extend(right)
        del members[second]
    return list(members.values())


def _label(vectors: list[Vector], positions: list[int]) -> str:
    centroid: dict[str, float] = defaultdict(float)
    for position in positions:
        for term, weight in vectors[position].items():
            centroid[term] += weight
    terms = sorted(centroid.items(), key=lambda item: (-item[1], item[0]))
    chosen: list[str] = []
    for term, _ in terms:
        if not any(term in other.split() or other in term.split() for other in chosen):
            chosen.append(term)
        if len(chosen) == LABEL_TERMS:
            break
    return ", ".join(chosen)


def group_stories(articles: Sequence[StoryArticle]) -> list[Story]:
    """Group articles that tell the same story; each article is in exactly one story.

    Similarity is the better of two TF-IDF cosines (whole text, and headline with opening words; names
    weigh double), less FAR_PENALTY when both dates are known and more than WINDOW_DAYS apart; a missing
    date never blocks a match. Strongest links first, a link of LINK or more joins two groups unless their
    mean similarity is under AVERAGE, which wins. The result depends only on the set of articles.
    """
    ordered = sorted(articles, key=lambda article: article.id)
    ids = [article.id for article in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    vectors = _vectors([_whole(article) for article in ordered])
    leads = _vectors([_lead(article) for article in ordered])
    stories = []
    for positions in _clusters(ordered, vectors, leads):
        members = sorted(ids[position] for position in positions)
        dates = sorted(d for position in positions if (d := ordered[position].published))
        stories.append(
            Story(
                id=hashlib.sha256("\n".join(members).encode("utf-8")).hexdigest()[:20],
                articles=tuple(members),
                label=_label(vectors, sorted(positions)),
                first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
                undated=len(positions) - len(dates),
            )
        )
    return sorted(stories, key=lambda story: story.articles)
