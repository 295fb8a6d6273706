"""The quantity record the readers build, and the claim kind it is reported as."""

from __future__ import annotations

from dataclasses import dataclass

# Kinds a claim is reported as; the borderline ones are printed in the JSON but hidden in CLI tables.
KINDS = (
    "count",
    "money",
    "percent",
    "percentage_point",
    "ratio",
    "rate",
    "duration",
    "measure",
    "vague",
    "age",
    "ordinal",
    "time_span",
    "score",
    "partitive",
)
# "partitive": "one of the hottest luxury cars" (1, borderline like "one" in idioms)
BORDERLINE = frozenset({"age", "ordinal", "time_span", "score", "partitive"})
AGE_UNIT = "year of age"  # an age's unit, as NewsQuant names it: "a 65-year-old", "aged 52"


@dataclass
class Quantity:
    """A quantity found in text: its span (qualifier to unit) and normalised reading."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    value_high: float | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: str = "exact"
    kind: str = "count"  # the reader's kind: one of KINDS, or "fraction" (a share, reported as a ratio)
    bare: bool = False  # a plain integer with no unit, scale or qualifier (a year, a page, ...)
    counted: str | None = None  # the lemma of what is counted, once the parse is known ("officer")


def claim_kind(q: Quantity) -> str:
    """The kind a claim is reported as: a borderline kind wins, then a rate (a `per`), then the unit kind."""
    if q.kind in BORDERLINE:
        return q.kind
    if q.per and q.kind not in ("percent", "ratio"):
        return "rate"
    if q.unit == "percentage_point":
        return "percentage_point"
    if q.kind == "fraction":
        return "ratio"
    return q.kind if q.kind in KINDS else "count"
