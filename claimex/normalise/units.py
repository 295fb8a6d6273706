"""Units around a number: currencies, percentages, durations, rates, and physical measures (quantulum3)."""

from __future__ import annotations

import functools
import re
import warnings
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from claimex.normalise import currency
from claimex.normalise.lexicons import alternation, ends_with_phrase, get, starts_with_phrase
from claimex.normalise.quantity import AGE_UNIT

if TYPE_CHECKING:
    from claimex.normalise.quantity import Quantity
    from claimex.normalise.tables import NeverTables

_NEXT_WORD = re.compile(r"\s+([A-Za-z’'-]+)")
_DEG = re.compile(r"deg ?(?=[CF]\b)|deg\b")  # "2.14degF", "1.19deg C": an ASCII transliteration of "°"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = get()
    u = lex.units
    return {
        "percent": re.compile(rf"\s?(?:{alternation(u.percent)})(?![A-Za-z])", re.IGNORECASE),
        "point": re.compile(r"\s(?:percentage|per cent|percent)[\s-]points?\b", re.IGNORECASE),
        "time": re.compile(
            rf"[\s-](?:(?:{alternation(u.duration_adjectives)})\s+)?({alternation(list(u.time_units))})\b",
            re.IGNORECASE,
        ),
        "minor_word": re.compile(r"\s(pence|cents?)\b", re.IGNORECASE),
        "times": re.compile(r"\s+times\b", re.IGNORECASE),
        "rate": re.compile(
            rf"(?:\s+(?!of\b)[\w’'-]+){{0,3}}?\s+(?:{alternation(u.per_words)})\s+({alternation(list(u.per_units))})\b"
            r"(?!\s+(?:ago|earlier|later|before|after))",
            re.IGNORECASE,
        ),
        "age": re.compile(r"[\s-]years?[\s-]olds?\b", re.IGNORECASE),
        "per_noun": re.compile(
            r"\s+(?:(per)|an?)\s+([a-z]+)\b(?!\s+(?:ago|earlier|later|before|after))", re.I
        ),
    }


def currency_at(text: str, pos: int) -> tuple[str | None, int]:
    """The currency whose symbol starts at `pos`, and where its number starts."""
    return currency.at(text, pos)


def currency_before(text: str, start: int) -> tuple[str | None, int]:
    """The currency written just before a number ("£", "US$", "GBP "), and where it starts."""
    return currency.before(text, start)


_METRE_CHAIN = re.compile(r"(?:\s*(?:and|or|,|/|-)\s*[\d,]+m\b)+")  # "800m and 1500m champion"


def glued_tail(
    word: str, following: str, currency: str | None
) -> tuple[float, str | None, str, float, int] | None:
    """Read letters glued to a numeral: (scale, unit, kind, factor, length), or None for "14th", "1990s".
    A scale letter wins over a unit ("4.7m" is 4,700,000) unless the words after make it metres, also past
    a chain of distances ("the 800m and 1500m champion")."""
    lex = get()
    chain = _METRE_CHAIN.match(following)
    after_chain = following[chain.end() :] if chain else following
    following = following[:12]
    low = word.lower()
    scales = lex.numbers.scales
    if not currency and re.match(r"[²³23](?![\d.,]\d)", following):  # "32m2": square metres, not 32 million
        squared = measure_at(word + following, 0, "1")
        if squared:
            return 1.0, squared.unit, "measure", 1.0, squared.length
    if low == "m" and not currency and starts_with_phrase(after_chain, lex.never.metre_context):
        return 1.0, "metre", "measure", 1.0, len(word)
    if low in scales and (low != "b" or currency):
        return float(scales[low]), None, "count", 1.0, len(word)
    minor = lex.currencies.minor.get(low)
    if minor and not currency and (low != "c" or word == "c"):
        return 1.0, minor[0], "money", float(minor[1]), len(word)
    if low == "x" and not following[:1].isalnum():
        return 1.0, "ratio", "ratio", 1.0, 1  # "3x faster", "a 10x zoom"
    if word in lex.units.glued_letters and not following[:1].isalnum():
        return 1.0, lex.units.glued_letters[word], "measure", 1.0, len(word)  # "30C", "70F"
    if low in lex.units.percent:
        return 1.0, "percent", "percent", 1.0, len(word)  # "1.38pc"
    if word in lex.units.not_units:
        return None
    reading = measure_at(word + following, 0, "1")
    return (1.0, reading.unit, "measure", 1.0, reading.length) if reading else None


def read_unit_after(text: str, q: Quantity) -> Quantity:
    """Extend `q` over a unit written after it: %, percentage points, pence, currency words, durations."""
    pats = _patterns()
    lex = get()
    if q.kind == "measure":
        return q
    for name in ("point", "percent"):
        match = pats[name].match(text, q.end)
        if match and q.kind != "money":
            q.unit = "percentage_point" if name == "point" else "percent"
            q.kind, q.end = "percent", match.end()
            return q
    minor = pats["minor_word"].match(text, q.end)
    if minor and q.kind == "count":
        main, factor = lex.currencies.minor[minor.group(1).lower()]
        q.value = float(Decimal(str(q.value)) * Decimal(str(factor)))
        q.unit, q.kind, q.end = main, "money", minor.end()
        return q
    money = currency.tables().word_after.match(text, q.end)
    if money and q.kind == "count" and text[money.end() : money.end() + 1] != "-":  # not "275 pound-feet"
        q.unit, q.kind, q.end = currency.tables().words[money.group(1).lower()], "money", money.end()
        return q
    code, code_end = currency.code_after(text, q.end)
    if code and q.kind == "count":
        q.unit, q.kind, q.end = code, "money", code_end
        return q
    age = pats["age"].match(text, q.end)
    if age:
        q.kind, q.unit, q.end = "age", AGE_UNIT, age.end()
        return q
    time = pats["time"].match(text, q.end)
    if time and q.kind == "count" and not (text[q.end] == "-" and _NEXT_WORD.match(text, time.end()) is None):
        unit = lex.units.time_units[time.group(1).lower()]
        if unit == "fortnight":
            q.value, unit = q.value * 2, "week"
        q.unit, q.kind, q.end = unit, "duration", time.end()
        return q
    times = pats["times"].match(text, q.end)
    if (
        times
        and q.kind == "count"
        and starts_with_phrase(text[times.end() : times.end() + 20], lex.numbers.ratio_followers)
    ):
        q.unit, q.kind, q.end = "ratio", "ratio", times.end()
        return q
    prime = prime_at(text, q.end) if q.kind == "count" else None
    if prime:
        q.unit, q.kind, q.end = prime, "measure", q.end + 1
        return q
    reading = measure_at(text, q.end, _number_text(q.value))
    if reading and q.kind == "count":
        q.unit, q.kind, q.end = reading.unit, "measure", q.end + reading.length
    return q


def _number_text(value: float) -> str:
    return format(Decimal(str(value)), "f")


@dataclass(frozen=True)
class UnitReading:
    """A physical unit read after a number: its quantulum3 name and how many characters it spans."""

    unit: str
    length: int


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_HYPHENED_UNIT = re.compile(r"([ \u00a0]?)([^\W\d_]+-[^\W\d_]+)()", re.UNICODE)
_UNIT_TOKEN = re.compile(r"([ \u00a0]?)([^\W\d_]+|[°″′])([²³23](?![\d.,]\d))?", re.UNICODE)


@functools.cache
def _quantulum() -> tuple[Any, frozenset[str], frozenset[str]]:
    """quantulum3's parser with claimex's extra units added, and the unit symbols and words it knows."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load, parser  # imported on first use: it is slow to load

        for name, props in get().units.extra_units.items():
            load.add_custom_unit(name, **props)
        known = load.units()
        symbols = frozenset(known.symbols) | frozenset(known.symbols_all)
        surfaces = frozenset(known.surfaces_lower)
    return parser, symbols, surfaces


def _looks_like_unit(token: str, power: bool, glued: bool) -> bool:
    """The gate before asking quantulum3: a symbol it knows (case as written), a word it knows, or a prefixed
    symbol ("GWh"); a lower-case word must be a unit word, not just any noun."""
    _, symbols, surfaces = _quantulum()
    low = token.lower()
    lex = get().units
    if (token if len(token) == 1 else low) in lex.not_units and not power:
        return False
    if _PLURAL_ACRONYM.fullmatch(token):
        return False  # "20 MPs", "3 CEOs": people, not metres per second
    if token.isupper() and len(token) > 1 and low in _lower_symbols():
        return True  # "784 HP"
    if (
        (power and token in symbols)
        or token in symbols
        or low in surfaces
        or low.rstrip("s") in surfaces
        or low in lex.unit_prefix_words
    ):
        return True
    if len(token) > 2 and any(c.isupper() for c in token[1:]) and any(c.islower() for c in token):
        return True  # "GWh", "mAh", "MPa": mixed case is a unit symbol, not a word
    return glued and low in _lower_symbols()


@functools.cache
def _lower_symbols() -> frozenset[str]:
    return frozenset(s.lower() for s in _quantulum()[1] if len(s) > 1)


@functools.cache
def _parse(snippet: str) -> tuple[str, int] | None:
    parser = _quantulum()[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = parser.parse(snippet)
        except Exception:  # quantulum3 raises assorted errors on odd input; a miss is not a failure
            return None
    if not found or found[0].span[0] != 0:
        return None
    first = found[0]
    return str(first.unit.name), int(first.span[1])


def _overreach(name: str) -> bool:
    """A compound quantulum3 built from the words after the unit: a power ("to the 10") or a repeat."""
    words = name.split()
    return "to the" in name or len(set(words)) < len(words)


@functools.cache
def _phrase_units() -> re.Pattern[str]:
    """Extra units written with a hyphen or a space ("pound-feet", "lb-ft"), which quantulum3 reads in
    halves; group names index the units in the order of units.yaml."""
    names = list(get().units.extra_units.items())
    parts = []
    for i, (_, props) in enumerate(names):
        phrases = [p for p in (*props["surfaces"], *props["symbols"]) if re.search(r"[\s-]", p)]
        if phrases:
            parts.append(rf"(?P<u{i}>{alternation(phrases)})")
    return re.compile(rf"[ \u00a0]?(?:{'|'.join(parts)})(?![A-Za-z])", re.IGNORECASE)


def _phrase_unit(window: str) -> UnitReading | None:
    match = _phrase_units().match(window)
    if match is None or match.lastgroup is None:
        return None
    name = list(get().units.extra_units)[int(match.lastgroup[1:])]
    return UnitReading(name, match.end())


def prime_at(text: str, end: int) -> str | None:
    """The unit of a prime right after a number ("25.5″" inch, "30′" foot); an ASCII quote counts only when
    no quotation it could close is open before it in the line."""
    mark = text[end : end + 1]
    unit = get().units.primes.get(mark) if mark else None
    if unit is None or text[end + 1 : end + 2].isalnum():
        return None
    if mark in "'\"":
        line = text[max(0, text.rfind("\n", 0, end) + 1) : end]
        if line.count(mark) % 2 or re.search(r"\w$", text[max(0, end - 8) : end].rstrip("0123456789.,")):
            return None
    return str(unit)


def measure_at(text: str, end: int, number: str) -> UnitReading | None:
    """The physical unit written right after a number ending at `end` ("3.5km", "40 tonnes", "80km/h"), read
    by quantulum3; None for currencies, plain counts and the library's known misreadings (units.yaml). A unit
    phrase from units.yaml ("pound-feet") wins over quantulum3's reading of its first word."""
    lex = get().units
    raw = text[end : end + 32]
    window = _DEG.sub("°", raw)
    hyphen = re.match(r"-([a-zμ]+)(?![\w-]*\d)(?: [a-z]+)?", window)
    if hyphen:  # "a 1.5-litre engine", "a 2.5-inch screen": as if spaced, the unit alone ("400-gram bar")
        keep = (
            hyphen.end() if hyphen.group(1) in lex.unit_prefix_words else hyphen.end(1)
        )  # "800-square metre"
        window = " " + window[1:keep]
    phrase = _phrase_unit(window)
    if phrase is not None:
        return phrase
    token = _UNIT_TOKEN.match(window)
    hyphened = _HYPHENED_UNIT.match(window)
    if hyphened and hyphened.group(2).lower() in _quantulum()[2]:
        token = hyphened  # "4.2 light-years": a hyphened unit name quantulum3 knows
    if (
        token
        and token.group(2) in lex.symbol_overrides
        and not window[token.end() : token.end() + 1].isalnum()
    ):
        return UnitReading(lex.symbol_overrides[token.group(2)], token.end())  # "50bps": basis points
    if not token or not _looks_like_unit(token.group(2), bool(token.group(3)), not token.group(1)):
        return None
    if token.group(2).isalpha() and window[token.end() : token.end() + 1].isalnum():
        return None  # "40 A300s", "3 F1 teams": a letter glued to more digits names a model, not a unit
    cut = re.match(r"[^,;:()!?\n\"“”]*", window)  # a closing quotation mark is no inch sign
    if cut is not None:  # the unit ends before the next figure: "1.3 A/cm2 to 0.03 A/cm2"
        nxt = re.search(r"\s[-−]?\.?\d", cut.group())
        if nxt:
            head = cut.group()[: nxt.start()].split(" ")
            while len(head) > 2 and head[-1].lower() in lex.not_units:
                head.pop()  # "100 metres in 10 seconds": not "metres in"
            cut = re.match(r"[^,;:()!?\n\"“”]*", " ".join(head))
    parsed = _parse(number + (cut.group() if cut else window).rstrip(". "))
    if parsed is not None and _overreach(parsed[0]):  # "5.2 litre V10", "84 yard yard": the unit alone
        parsed = _parse(number + token.group())
    if parsed is None:
        return None
    name, stop = parsed
    name = lex.renames.get(name, name)
    if name in lex.misreadings or any(w in lex.misread_parts for w in name.split()):
        return None
    length = max(stop - len(number), len(token.group()))
    for deg in _DEG.finditer(raw):  # back to the characters as written
        if deg.start() < length:
            length += len(deg.group()) - 1
    return UnitReading(name, length)


def rate_after(text: str, end: int) -> str | None:
    """The denominator of a rate written after a quantity ("10 times a week" -> "week")."""
    match = _patterns()["rate"].match(text, end)
    if match and not re.search(r"[.;:!?]", match.group()):
        return str(get().units.per_units[match.group(1).lower()])
    return _per_noun(text, end)


def _per_noun(text: str, end: int) -> str | None:
    """ "$58.24 per barrel", "$52 a barrel": "per" and any noun right after the quantity, or "a" and a unit
    quantulum3 knows; "per" may also follow the counted noun ("25.3 points per game"). The noun is given in
    the singular."""
    match = _patterns()["per_noun"].match(text, end) or _PER_AFTER_NOUN.match(text, end)
    if match is None:
        return None
    word = match.group(2).lower()
    _, _, surfaces = _quantulum()
    singular = word[:-1] if word.endswith("s") and word[:-1] in surfaces else word
    if match.group(1) or (singular in surfaces and singular not in get().units.not_units):
        return None if word in get().units.function_words else singular
    return None


def next_word(text: str, end: int) -> str:
    """The word right after position `end`, or ''."""
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def counts_follow(text: str, end: int) -> bool:
    """True when a plural noun-like word follows ("2000 jobs", "one person" is handled by the caller)."""
    word = next_word(text, end)
    low = word.lower()
    units = get().units
    if not word or low in units.function_words or not word[0].islower():
        return False
    return low.endswith("s") or low in units.irregular_plurals or text[end - 3 : end].lower() == "one"


def hyphen_unit(text: str, end: int) -> bool:
    """True for "two-year", "five-day": a number hyphened to a time unit."""
    return bool(_patterns()["time"].match(text, end))


def currency_word_after(text: str, end: int, of: bool = False) -> str | None:
    """The currency named by a word after `end` ("millions of pounds")."""
    match = currency.tables().word_after.match(text, end)
    if not match or (not of and "of" in match.group().lower().split()):
        return None
    return currency.tables().words[match.group(1).lower()]


_PER_AFTER_NOUN = re.compile(r"\s+[a-z]+(?:\s+[a-z]+)?\s+(per)\s+([a-z]+)\b")
_LAST_THE_VERB = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|not)\s+last\s*$", re.I)


def is_time_reference(text: str, q: Quantity, never: NeverTables) -> bool:
    """True for durations used as time references: "six weeks ago", "in the past two years"."""
    before = text[max(0, q.start - 30) : q.start]
    if ends_with_phrase(before, never.time_reference_before) and not _LAST_THE_VERB.search(before):
        return True
    return bool(starts_with_phrase(text[q.end : q.end + 15], never.time_reference_after))
