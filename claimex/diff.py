"""Compare the claims of two texts of a story: what was added, removed or changed (pure, no I/O)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimex.ledger.schema import claim_id
from claimex.records import Claim

SIMILAR_SENTENCE = 0.5  # word overlap (Jaccard) above which two sentences tell the same thing
_WORD = re.compile(r"[a-z]+")


@dataclass
class Change:
    """One difference between two versions: `old` and/or `new` claim."""

    change: str  # added, removed, changed
    old: Claim | None
    new: Claim | None


def identity(claim: Claim) -> str:
    """The claim identity the ledger uses (speaker or source, metric, unit, per, period)."""
    return claim_id(claim.speaker, claim.source, claim.metric, claim.unit, claim.per, claim.period)


def _words(sentence: str) -> set[str]:
    return set(_WORD.findall(sentence.lower()))


def similarity(a: str, b: str) -> float:
    """Word overlap of two sentences, 0 to 1."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _same_reading(a: Claim, b: Claim) -> bool:
    return (a.value, a.value_high, a.unit, a.qualifier) == (b.value, b.value_high, b.unit, b.qualifier)


def diff_claims(old: list[Claim], new: list[Claim]) -> list[Change]:
    """Changes from `old` to `new`: claims paired by identity, else by unit and a similar sentence."""
    left, right = list(old), list(new)
    changes: list[Change] = []

    def pair(match: object) -> None:
        for a in list(left):
            candidates = [b for b in right if match(a, b)]  # type: ignore[operator]
            if not candidates:
                continue
            b = max(candidates, key=lambda c: similarity(a.sentence, c.sentence))
            left.remove(a)
            right.remove(b)
            if not _same_reading(a, b):
                changes.append(Change("changed", a, b))

    pair(lambda a, b: _same_reading(a, b) and similarity(a.sentence, b.sentence) >= SIMILAR_SENTENCE)
    pair(lambda a, b: identity(a) == identity(b))
    pair(lambda a, b: a.unit == b.unit and similarity(a.sentence, b.sentence) >= SIMILAR_SENTENCE)
    changes += [Change("removed", a, None) for a in left]
    changes += [Change("added", None, b) for b in right]
    return changes
