"""Time references in a sentence, resolved against the publication date, and which claim each governs."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

import dateparser

from claimex import lexicon
from claimex.normalise.lexicons import alternation, ends_with_phrase

_DETERMINER = re.compile(r"\b(?:its|their|his|her|our|the)\s+$", re.IGNORECASE)
_SOON_DAYS = 45  # a day with no year this close ahead of publication is an upcoming one ("on 23 March")
_GAP_WORDS = 2  # a time reference this close after a number belongs to that number ("256 times in 2024")


@dataclass
class TimeRef:
    """A time reference in a text: its span and ISO period (None when unresolvable)."""

    start: int
    end: int
    period: str | None
    previous: bool = False  # "the year before": one year before the sentence's own period
    baseline: bool = False  # "as in 2023": the other side of a comparison


@functools.cache
def _compiled() -> tuple[dict[str, Any], re.Pattern[str]]:
    data = lexicon.load("periods")
    months = alternation([m.capitalize() for m in data["months"]])
    quarters = alternation(list(data["quarters"]))
    pattern = re.compile(
        rf"(?P<rel>\b(?:{alternation(list(data['relative']))})\b)"
        rf"|(?P<prev>\b(?:{alternation(data['previous_year'])})\b)"
        rf"|(?P<quarter>\b(?:the\s+)?(?P<qname>{quarters})\s+quarter(?:\s+of)?(?:\s+(?P<qyear>(?:19|20)\d\d))?\b)"
        rf"|(?P<qshort>\bQ(?P<qnum>[1-4])\s*(?P<qsyear>(?:19|20)\d\d)?\b)"
        rf"|(?P<years>\b(?:(?:from|between)\s+)?(?P<y1>(?:19|20)\d\d)(?:\s*[-–]\s*|\s+(?:to|and|until)\s+)"
        rf"(?P<y2>(?:19|20)\d\d)\b(?!\d|,\d|%|\.\d))"
        rf"|(?P<fiscal>\b(?P<fy>(?:19|20)\d\d)[-/–](?P<fy2>\d\d)\b)"
        rf"|(?P<month>\b(?:(?P<mrel>this|next|last)\s+)?(?:(?P<day>[0-3]?\d)\s+)?(?P<mname>{months})\b\.?"
        rf"(?:\s+(?P<mday>[0-3]?\d)\b,?)?(?:,?\s+(?P<myear>(?:19|20)\d\d))?)"
        rf"|(?P<year>(?<![\d,.£$€])\b(?:19|20)\d\d\b(?!\d|,\d|%|\.\d))",
        re.IGNORECASE,
    )
    return data, pattern


def _shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _relative(phrase: str, published: dt.date | None, data: dict[str, Any]) -> str | None:
    if published is None:
        return None
    grain, offset = data["relative"][phrase.lower()]
    if grain == "year":
        return str(published.year + offset)
    if grain == "month":
        return _shift_month(published, offset)
    if grain == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + offset
        return f"{index // 4}-Q{index % 4 + 1}"
    if grain in ("day", "week"):
        return (published + dt.timedelta(days=offset * (7 if grain == "week" else 1))).isoformat()
    return None


def _month(match: re.Match[str], published: dt.date | None) -> str | None:
    """Resolve "May", "3 January", "last September", "June 2024" with dateparser."""
    if published is None and not match.group("myear"):
        return None
    rel = (match.group("mrel") or "").lower()
    phrase = match.group()[len(match.group("mrel") or "") :].strip().rstrip(",")
    base = published or dt.date(int(match.group("myear")), 1, 1)
    prefer = "future" if rel == "next" or (not rel and _future(match)) else "past"
    parsed = _dateparse(phrase, base, prefer)
    if parsed is None:
        return None
    day = match.group("day") or match.group("mday")
    if day and not rel and not match.group("myear") and prefer == "past":
        # "strikes earmarked for 23 March", published on 1 March: a day with no year is the nearest one
        ahead = _dateparse(phrase, base, "future")
        soon = ahead is not None and (ahead - base).days <= _SOON_DAYS
        if ahead is not None and soon and (ahead - base) < (base - parsed):
            parsed = ahead
    if rel == "this" and not match.group("myear"):
        parsed = parsed.replace(year=base.year)
    if day:
        return parsed.isoformat()
    return parsed.isoformat()[:7]


@functools.lru_cache(maxsize=4096)
def _dateparse(phrase: str, base: dt.date, prefer: str) -> dt.date | None:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(phrase, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return parsed.date() if parsed else None


def _future(match: re.Match[str]) -> bool:
    """True when the words before a month name speak of the future ("will ... in September")."""
    before = match.string[max(0, match.start() - 80) : match.start()].lower()
    # "is expected to rise in May" looks ahead; "faster than expected, hitting 1.6% in December" does not
    ahead = r"\b(will|would|could|might|plans?|planned|due|expected to|set to|going to|next)\b"
    return bool(re.search(ahead, before))


def _last_quarter(number: int, published: dt.date | None) -> str | None:
    """ "the fourth quarter" with no year: the latest such quarter begun by the publication date."""
    if published is None:
        return None
    year = published.year if (published.month - 1) // 3 + 1 >= number else published.year - 1
    return f"{year}-Q{number}"


def find_time_refs(text: str, published: dt.date | None) -> list[TimeRef]:
    """Every time reference in `text`, resolved against `published` (relative ones stay None without it)."""
    data, pattern = _compiled()
    refs = []
    for m in pattern.finditer(text):
        period: str | None = None
        if m.group("rel"):
            period = _relative(m.group("rel"), published, data)
        elif m.group("prev"):
            # "a year earlier": the year before the sentence's own period, else before publication
            fallback = str(published.year - 1) if published else None
            refs.append(TimeRef(m.start(), m.end(), fallback, previous=True))
            continue
        elif m.group("quarter") or m.group("qshort"):
            number = int(m.group("qnum")) if m.group("qshort") else data["quarters"][m.group("qname").lower()]
            year = m.group("qyear") or m.group("qsyear")
            period = f"{year}-Q{number}" if year else _last_quarter(number, published)
        elif m.group("years"):
            if int(m.group("y2")) <= int(m.group("y1")):
                continue
            period = f"{m.group('y1')}/{m.group('y2')}"  # an ISO 8601 interval: "from 2006 to 2015"
        elif m.group("fiscal"):
            first, second = int(m.group("fy")), int(m.group("fy2"))
            if (first + 1) % 100 != second:
                continue  # "2004-15" is no fiscal year
            period = f"{m.group('fy')}-{m.group('fy2')}"
        elif m.group("month"):
            if not m.group("mname")[0].isupper():
                continue  # "may" the verb
            period = _month(m, published)
        elif m.group("year"):
            period = m.group()
        before = _DETERMINER.sub("", text[max(0, m.start() - 30) : m.start()])  # "from its 2003 results"
        baseline = bool(ends_with_phrase(before, data["baseline_words"]))
        refs.append(TimeRef(m.start(), m.end(), period, baseline=baseline))
    return refs


def _owner_gap(text: str, end: int, ref: TimeRef) -> bool:
    gap = text[end : ref.start]
    return len(gap) >= 0 and not re.search(r"[,;:.()–—]", gap) and len(gap.split()) <= _GAP_WORDS + 1


def assign_periods(text: str, spans: list[tuple[int, int]], refs: list[TimeRef]) -> list[str | None]:
    """The period of each claim span in one sentence: its own time reference, else the sentence's."""
    owned: dict[int, int] = {}  # ref index -> span index
    for ri, ref in enumerate(refs):
        before = [si for si, (_, end) in enumerate(spans) if end <= ref.start and _owner_gap(text, end, ref)]
        if before:
            owned[ri] = before[-1]
    plain = [(ri, r) for ri, r in enumerate(refs) if not r.baseline and not r.previous]
    free = [r for ri, r in plain if ri not in owned]
    # the sentence's period: a reference no number owns, else one a number owns ("4.7m faces last year, more
    # than twice as many as in 2023": both figures are about last year); unresolved stays unresolved
    general = free[0].period if free else next((r.period for _, r in plain if r.period), None)
    anchor = general or next((r.period for r in refs if r.period and not r.previous), None)
    periods: list[str | None] = []
    for si in range(len(spans)):
        mine = [refs[ri] for ri, owner in owned.items() if owner == si]
        if mine and mine[0].previous:
            # a year before the anchor, at its grain: 2024 -> 2023, 2004-Q3 -> 2003-Q3
            periods.append(f"{int(anchor[:4]) - 1}{anchor[4:]}" if anchor else mine[0].period)
        elif mine and mine[0].baseline:
            # "14 tests since February", "double the figure in 2000": the other side of the comparison is not
            # the claim's period; the sentence's own period is, if it has one
            periods.append(general)
        elif mine:
            periods.append(mine[0].period)  # its own reference, even when it cannot be resolved
        else:
            periods.append(general)
    return periods
