"""The plain records every stage takes and returns; the JSON contract is `asdict` of them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Claim:
    """One numeric expression asserting a quantity, with offsets into the original input."""

    start: int
    end: int
    text: str
    value: float
    value_high: float | None = None
    unit: str | None = None
    per: str | None = None
    counted: str | None = None
    qualifier: str = "exact"
    period: str | None = None
    speaker: str | None = None
    source: str | None = None
    quote: bool = False
    sentence: str = ""
    metric: str | None = None  # what the number describes (counted noun, or the subject it is said of)
    kind: str = "count"  # count, money, percent, ...; borderline: age, ordinal, time_span, score, partitive
    measure: str | None = None  # the measured thing with its modifiers ("wall funding", "federal employee")
    predicate: str | None = None  # the event or state it measures ("injure", "request")
    about: str | None = None  # the named entity it is said of ("Pelosi", "Croydon")
    context: list[str] = field(default_factory=list)  # content lemmas of its clause, for cross-checks
    rule: str | None = None  # the finder whose answer the ranker chose ("cue_above", "according_to", ...)
    confidence: float | None = None  # the ranker's probability for that answer


@dataclass
class Quote:
    """One direct quotation (one paragraph of it), with its speaker and cue verb."""

    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: str | None = None
    rule: str | None = None  # the finder whose answer the ranker chose
    confidence: float | None = None  # the ranker's probability for that answer


@dataclass
class Speaker:
    """A person or organisation quoted in an article, by the fullest name the article gives."""

    name: str
    kind: str = "person"
    descriptions: list[str] = field(default_factory=list)
    organisation: str | None = None


@dataclass
class Article:
    """One article found on a page: its span in the original input and what was extracted."""

    index: int
    headline: str
    start: int
    end: int
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)


@dataclass
class Page:
    """One input document as read: the original text and its metadata."""

    text: str
    source: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass
class Extraction:
    """What `claimex extract` prints for one page."""

    source: str
    published: str | None
    articles: list[Article] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object."""
        return asdict(self)
