"""Units left unsaid: a bare figure takes the unit or counted noun of a figure it stands beside.

"The highest forecast is 84.75 cents, while the lowest is 74.07": 74.07 is cents too. "The S&P 500 rose
64.06 points to 4,577.10": points. "about 8 or $9": dollars. "68400 people ... and 95800 who": people.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from claimex.normalise.numbers import parse_numeral
from claimex.normalise.quantity import Quantity

# Words that join a figure to the next one it shares a unit with: "8 or $9", "16369.03 up 58.06 points".
_LINK_NEXT = re.compile(r"\s*(?:or|to|and|up|down|-|–)\s*$", re.IGNORECASE)
# Words that join a figure to the one before it in a change: "rose 64.06 points to 4,577.10", "lost 162.31
# points, or 2.14%, to fall to 7,425.81" (the restatement cut out).
_LINK_PREVIOUS = re.compile(r"(?:\w+ ){0,4}?to", re.IGNORECASE)
# A restatement is no partner: "162.31 points, or 2.14%", "$1.13bn (£600m)".
_RESTATED = re.compile(r"(?:,\s*or|\()\s*$", re.IGNORECASE)
_CLOSE = 5.0  # figures this close in size are parallel ("84.75 cents ... 74.07")
_MAX_GAP = 120  # characters: a partner further away is another thought


def _bare(q: Quantity) -> bool:
    return q.kind == "count" and q.unit is None and q.counted is None and q.per is None


def _numeral(text: str, q: Quantity) -> float | None:
    value = parse_numeral(text[q.num_start : q.num_end])
    return float(value) if value is not None and value else None


def _as_written(text: str, q: Quantity) -> float:
    """The value in the unit as written: "84.75 cents" is 84.75, "6 million" is 6,000,000."""
    raw = _numeral(text, q)
    return raw if raw and q.kind == "money" and 0 < q.value / raw < 1 else q.value


def _distance(a: float, b: float) -> float:
    return abs(math.log(abs(a) / abs(b))) if a and b else math.inf


def _partner(text: str, q: Quantity, others: list[Quantity]) -> Quantity | None:
    """The figure `q` shares its unit with. The figure right before "X or", "X and", "X to" wins ("at the age
    of 10 or 11"), then one right after ("8 or $9"); then, among the figures before `q`, the closest in size
    (restatements left out); a change "X to Y" may differ in size."""
    joined = [
        o for o in others if o.end <= q.start and re.fullmatch(r"\s+(?:or|and|to)\s+", text[o.end : q.start])
    ]  # "at the age of 10 or 11", "from six months to nine"
    if joined and _distance(_as_written(text, joined[0]), q.value) <= math.log(_CLOSE):
        return joined[0]
    all_others = others
    # an age, a ratio or a time span lends no unit to a figure it is not joined to ("over the last 8 months,
    # climbed to 110.0")
    others = [o for o in others if o.kind not in ("age", "ratio", "duration", "time_span")]
    after = [o for o in others if o.start >= q.end and o.start - q.end < 12]
    if after and _LINK_NEXT.fullmatch(text[q.end : after[0].start]) and not _bare(after[0]):
        return after[0]
    before = [
        o
        for o in others
        if o.end <= q.start
        and q.start - o.end <= _MAX_GAP
        and not _bare(o)
        and not _RESTATED.search(text[max(0, o.start - 6) : o.start])
    ]
    if not before:
        return None
    nearest = before[-1]
    gap = text[nearest.end : q.start]
    between = [o for o in all_others if nearest.end <= o.start and o.end <= q.start]
    restated = [o for o in between if _RESTATED.search(text[max(0, o.start - 6) : o.start])]
    for o in restated:  # restatements between the two are cut out
        gap = gap.replace(text[o.start : o.end], " ")
    gap = " ".join(re.sub(r"[^\w\s]", " ", gap).split())
    if (
        nearest.kind not in ("percent", "ratio")
        and len(between) == len(restated)
        and _LINK_PREVIOUS.fullmatch(gap)
    ):
        return nearest  # a change in points to a level in points; a change in percent leads to a level
    best = min(before, key=lambda o: _distance(_as_written(text, o), q.value))
    return best if _distance(_as_written(text, best), q.value) <= math.log(_CLOSE) else None


def fill_unsaid(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Quantities of one sentence with bare figures given their partner's unit, kind, per and counted
    noun; a partner in minor units ("84.75 cents") scales the figure the same way. Figures with any unit or
    counted noun of their own keep it."""
    out = list(quantities)
    for i, q in enumerate(quantities):
        if not _bare(q) or q.kind != "count":
            continue
        partner = _partner(text, q, [o for o in quantities if o is not q])
        if partner is None:
            continue
        value = q.value
        raw = _as_written(text, partner)
        if raw != partner.value and q.end == q.num_end:
            value = round(q.value * partner.value / raw, 12)  # "84.75 cents ... 74.07": cents too
        out[i] = replace(
            q,
            value=value,
            unit=partner.unit,
            kind=partner.kind,
            per=partner.per,
            counted=partner.counted if partner.unit is None else None,
            bare=False,
        )
    return out
