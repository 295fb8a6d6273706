"""Which articles report the same story: TF-IDF of key terms and names, blocked pairs, linked groups."""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claimex import lexicon

LINK = 0.2  # cosine that links two articles of one story
AVERAGE = 0.12  # mean cosine between two groups that one link joins
FAR_PENALTY = 0.15  # taken off the cosine of two dated articles more than WINDOW_DAYS apart
WINDOW_DAYS = 7
NAME_WEIGHT = 2.0  # a multi-word name is worth this many single words
HEADLINE_WEIGHT = 2.0  # each headline term counts as this many occurrences in the text
TOP_TERMS = 16  # terms per article in the blocking index
MAX_POSTING = 60  # a term in more top lists than this is too common to propose pairs
KEPT_TERMS = 100  # terms kept per vector: the tail adds cost, not discrimination
LABEL_TERMS = 4
MIN_CORPUS = 1000

_WORD = re.compile(r"[a-z]{3,}")
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[A-Za-z](?:\s+(?:of\s+|de\s+|and\s+)?[A-Z][\w'’.-]*[A-Za-z])+")
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
        while words and words[-1] in stop | {"of", "de", "and"}:
            words.pop()
        if len(words) >= 2:
            found.append(" ".join(words))
    return found


def _counts(article: StoryArticle) -> Counter[str]:
    stop = _stopwords()
    counts: Counter[str] = Counter()
    for text, weight in ((article.text, 1.0), (article.headline, HEADLINE_WEIGHT)):
        for word in _WORD.findall(text.lower()):
            if word not in stop:
                counts[word] += weight  # type: ignore[assignment]
        for name in _names(text):
            counts[name] += weight * NAME_WEIGHT  # type: ignore[assignment]
    for entity in article.entities:
        name = " ".join(entity.lower().split())
        if name:
            counts[name] += NAME_WEIGHT  # type: ignore[assignment]
    return counts


def _vectors(articles: Sequence[StoryArticle]) -> list[Vector]:
    counts = [_counts(article) for article in articles]
    frequency: Counter[str] = Counter()
    for count in counts:
        frequency.update(count.keys())
    total = max(len(articles), MIN_CORPUS)
    vectors = []
    for count in counts:
        # Smoothed IDF: with a handful of articles a shared term still counts, not zero.
        weights = {
            term: (1.0 + math.log(tf)) * (math.log((1 + total) / (1 + frequency[term])) + 1.0)
            for term, tf in count.items()
            if tf >= 1
        }
        top = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:KEPT_TERMS]
        norm = math.sqrt(sum(weight * weight for _, weight in top)) or 1.0
        vectors.append({term: weight / norm for term, weight in top})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(term, 0.0) for term, weight in a.items())


def _candidates(vectors: list[Vector]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for position, vector in enumerate(vectors):
        for term in sorted(vector, key=lambda t: (-vector[t], t))[:TOP_TERMS]:
            index[term].append(position)
    pairs: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > MAX_POSTING:
            continue
        for i, a in enumerate(posting):
            for b in posting[i + 1 :]:
                pairs.add((a, b))
    return pairs


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _penalty(a: date | None, b: date | None) -> float:
    if a is None or b is None or abs((a - b).days) <= WINDOW_DAYS:
        return 0.0
    return FAR_PENALTY


def _clusters(articles: Sequence[StoryArticle], vectors: list[Vector]) -> list[list[int]]:
    days = [_day(article.published) for article in articles]
    sims = {pair: _cosine(vectors[pair[0]], vectors[pair[1]]) for pair in _candidates(vectors)}

    def similarity(a: int, b: int) -> float:
        pair = (a, b) if a < b else (b, a)
        sim = sims[pair] if pair in sims else _cosine(vectors[a], vectors[b])
        return sim - _penalty(days[a], days[b])

    scored = [(similarity(a, b), a, b) for a, b in sims]
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
        average = sum(similarity(x, y) for x in left for y in right) / (len(left) * len(right))
        if average < AVERAGE:
            continue
        for member in right:
            cluster_of[member] = first
        left.extend(right)
        del members[second]
    return list(members.values())


def _label(vectors: list[Vector], positions: list[int]) -> str:
    centroid: Counter[str] = Counter()
    for position in positions:
        centroid.update(vectors[position])
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

    Two articles join when their TF-IDF cosine (names weigh double) averaged over the story reaches
    THRESHOLD; dated articles more than WINDOW_DAYS apart need FAR_THRESHOLD, and a missing date never
    blocks a match. The result depends only on the set of articles, not their order.
    """
    ordered = sorted(articles, key=lambda article: article.id)
    ids = [article.id for article in ordered]
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    vectors = _vectors(ordered)
    stories = []
    for positions in _clusters(ordered, vectors):
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
