"""Find quantities in text: numerals, number words, scales, ranges, multipliers, vague plurals.

The reader works on plain text and never raises; `extract` adds what needs the parse
(counted noun, period, speaker).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from claimex.normalise import units
from claimex.normalise.lexicons import alternation, ends_with_phrase, get, starts_with_phrase
from claimex.normalise.quantity import AGE_UNIT
from claimex.normalise.quantity import Quantity as Quantity
from claimex.normalise.scanner import SIGN, YEAR, Scanner
from claimex.normalise.scanner import parse_numeral as parse_numeral

_TAIL = re.compile(r"[A-Za-z]+")
_AGE_APPOSITION = re.compile(r",(?:\s|$)")
_NAME_COMMA = re.compile(r"[A-Z][a-z’'-]+,\s*$")
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion", "dozen")
# A closing quotation mark may split a figure from its scale: “we’re asking for $5.6” billion.
_SCALE_SPACED = re.compile(
    r"(?:[”\"]\s|\s)?(?:(hundred)\s+)?(thousand|million|billion|trillion|bn|mn|tn|hundred|lakhs?|crores?)\b",
    re.IGNORECASE,
)  # "4 hundred million"
_AGE_DAYS = re.compile(
    r"\s+and\s+\d+\s+(?:days?|months?)\b", re.IGNORECASE
)  # "aged 21 and 144 days": one age
_RANGE_LINK = re.compile(r"\s?(?:-|–|—|−)\s?|\s+(?:to|and|or)\s+")
# A suspended hyphen: "four-, five- and six-cylinder", "two- or three-bedroom"; group 1 is the next figure.
_SUSPENDED_LINK = re.compile(r"-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?(?=\w)", re.IGNORECASE)
_SUSPENDED_BEFORE = re.compile(r"\w-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?$", re.IGNORECASE)
_FRACTION_SCALE = re.compile(r"\s+(?:of\s+)?an?\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SOFTENER = re.compile(r"(?:(?:just|only|about|around|nearly|almost|roughly|some)\s+)?", re.IGNORECASE)
_SMALL = r"\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred"
_ODDS = re.compile(
    rf"\b(?:(?P<part>{_SMALL})|(?P<one>one|1)\s+[a-z]+)[\s-]+(?:in|out[\s-]+of)[\s-]+(?P<whole>{_SMALL})\b"
    r"(?![.,]\d)",
    re.IGNORECASE,
)  # "1 in 4", "nine out of 10", "one household in three", "a two-in-three chance"
_WORD_RANGE_END = re.compile(r"\bbetween\s+([a-z-]+)\s+and\s+$", re.IGNORECASE)
_ONE_OF = re.compile(r"\s+of\s+(?:the|those|these)\s", re.I)  # not "one of her lawyers"
# A person's age said with "be": "He will be 35 by ...", "Maria, who was 10.", "when she turned 18,".
_AGE_BE = re.compile(
    r"\b(?:he|she|who|i)(?:’s|'s)?\s+(?:(?:was|is|were|are|am|be|been|turns?|turned)\s+|"
    r"(?:will|would|had|has|have)\s+(?:be|been|turn)\s+)$",
    re.IGNORECASE,
)
_AGE_BE_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$|(?:by|when|and|but)\b)")
_SLASH_FRACTION = re.compile(r"(?<![\w/.,])(\d{1,2})/(\d{1,2})(?![\w/.,]\d|\d)")
_NOUN_OR = re.compile(r"\b(?:a|an|another)\s+([a-z]+)\s+or\s+$", re.IGNORECASE)
_FRACTION_TIME = re.compile(r"\s+(?:of\s+)?an?\s+([a-z]+)\b", re.IGNORECASE)
# "and" joins number words only after a scale ("two hundred and fifty"), not "three and four".
_AND_JOIN = re.compile(r"(?<!hundred)(?<!thousand)(?<!million)(?<!billion)(?<!trillion)\s+and\s+", re.I)
_AND_A_HALF = re.compile(r"[\s-]+and[\s-]+a[\s-]+half\b", re.IGNORECASE)
_ONE_UNIT_AND_A_HALF = re.compile(r"\b(?:an?|one)(?=[\s-]+[a-z]+[\s-]+and[\s-]+a[\s-]+half\b)", re.IGNORECASE)
_ONE_UNIT_LONG = re.compile(r"\ban?(?=\s+[a-z]+-long\b)", re.IGNORECASE)  # "an hour-long meeting"
_SCALE_AFTER = re.compile(r"\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
# Longer words a title-case headline may leave in lower case ("Profits Grew Seven Percent with Sales Up").
_TITLE_LOWER = frozenset(
    {"with", "from", "into", "onto", "over", "than", "that", "upon", "about", "after", "amid"}
)
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_WORD_SCALE_END = re.compile(r"(.+?)\s+(thousand|million|billion|trillion)$", re.IGNORECASE)
_CHANGE_RATIO = 5  # "adding $1.89 to $48.62": ends this far apart are a change and a level, not a range


def _to_float(number: Decimal) -> float:
    value = float(number)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value  # type: ignore[return-value]


def _number(text: str) -> Decimal | None:
    return parse_numeral(text) if text[:1].isdigit() else parse_words(text)


def parse_words(text: str) -> Decimal | None:
    """Read spelled-out numbers: "twenty-five", "two hundred and fifty", "a dozen", "three million"."""
    table = get().numbers.words
    total, current = Decimal(0), Decimal(0)
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("a", "and", ""):
            continue
        found = table.get(word)
        if found is None:
            return None
        seen = True
        value = Decimal(str(found))
        if word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
        elif value >= 1000:
            total += (current or Decimal(1)) * value
            current = Decimal(0)
        else:
            current += value
    return total + current if seen else None


class _Reader(Scanner):
    """One pass over one text: numerals, words, multipliers, fractions, odds and vague plurals."""

    def _scan_numerals(self) -> None:
        for match in self.lex.numeral.finditer(self.text):
            start, end = match.span()
            if not self._free(start, end) or self._excluded_numeral(start, end, match.group()):
                continue
            word_range = _WORD_RANGE_END.search(self._before(start, 40))
            if word_range and parse_words(word_range.group(1)) is not None:
                continue  # "between five and 12": the range is read from its first word
            value = parse_numeral(match.group())
            if value is None:
                continue
            q = self._read_after(start, end, value)
            if q is not None:
                if (q.kind == "count" or q.unit == "year") and self._age_before(start):
                    q.kind, q.unit = "age", AGE_UNIT  # "aged 52", "under the age of 5 years"
                self._finish(q)

    def _read_after(self, start: int, end: int, value: Decimal) -> Quantity | None:
        """Build a quantity from a numeral at [start, end): currency before, scale and unit after."""
        text = self.text
        q = Quantity(start, end, start, end, 0.0)
        sign = SIGN.search(text, max(0, start - 6), start)
        if sign:
            value, q.start = -value, sign.start()
        currency, cur_start = units.currency_before(text, q.start)
        if currency:
            q.unit, q.kind, q.start = currency, "money", cur_start
        elif sign is None and text[start - 1 : start] in "-−" and start > 1:
            currency, cur_start = units.currency_before(text, start - 1)  # "$-50.8bn"
            if currency:
                value, q.unit, q.kind, q.start = -value, currency, "money", cur_start
        tail = _TAIL.match(text, end)
        spaced = _SCALE_SPACED.match(text, end)
        if tail:  # letters glued to the number: "4.7m", "583p", "3.5km", "1990s", "14th"
            word = tail.group()
            reading = units.glued_tail(word, text[tail.end() : tail.end() + 40], currency)
            if reading is None:
                return None
            scale, unit, kind, factor, length = reading
            value *= Decimal(str(scale * factor))
            q.end = end + length
            if unit:
                q.unit, q.kind = unit, kind
        elif spaced:
            value *= Decimal(str(self.lex.numbers.scales[spaced.group(2).lower()]))
            value *= 100 if spaced.group(1) else 1
            q.end = spaced.end()
        q.value = _to_float(value)
        q = units.read_unit_after(text, q)
        if q.kind == "count" and q.unit is None and "," not in text[start:end] and q.end == end:
            q.bare = True
        return q

    def _finish(self, q: Quantity) -> None:
        """A half after a unit, ranges, qualifier, rate and exclusions, then record the quantity."""
        half = _AND_A_HALF.match(self.text, q.end) if q.kind in ("duration", "measure") else None
        if half and self._free(q.end, half.end()):  # "two hours and a half", "an hour and a half"
            q.value, q.end = q.value + 0.5, half.end()
        ranged = self._range(q)
        if ranged is None:
            return
        q = ranged
        counted_before = ends_with_phrase(self._before(q.start), self.lex.never.count_before)
        if (
            q.bare
            and YEAR.fullmatch(self.text[q.num_start : q.num_end])
            and not self._bounded(q.start)
            and not counted_before
        ):
            return  # a year ("in 2016", "the 2018 elections"); not "more than 1000 customers"
        if q.bare and self._model_number(q):
            return
        if q.bare and _AGE_BE.search(self._before(q.start, 30)) and _AGE_BE_AFTER.match(self.text, q.end):
            q.kind, q.unit = "age", AGE_UNIT  # "He will be 35 by the end of the year", "Maria who was 10."
        after_name = _NAME_COMMA.search(self._before(q.start, 30))
        if q.bare and after_name and _AGE_APPOSITION.match(self.text, q.end):
            q.kind, q.unit = "age", AGE_UNIT  # "Mr Mubanga, 32, from Wembley"
        days = _AGE_DAYS.match(self.text, q.end) if q.kind == "age" else None
        if days:
            q.end = days.end()
        if q.kind == "duration" and units.is_time_reference(self.text, q, self.lex.never):
            q.kind = "time_span"  # "six weeks ago", "in the past two years": borderline
        q = self._qualify(q)
        q.per = q.per or units.rate_after(self.text, q.end)
        self._add(q)

    def _range(self, q: Quantity) -> Quantity | None:
        """Join "5-10%" and "between 5 and 10" into one ranged quantity; skip sports scores."""
        link = _RANGE_LINK.match(self.text, q.end)
        if not link or (q.bare and YEAR.fullmatch(self.text[q.num_start : q.num_end])):
            return q
        joiner = link.group().strip()
        spelled = not self.text[q.num_start : q.num_start + 1].isdigit()
        if joiner == "or" and not spelled:
            return q  # "about 8 or $9": two figures; "three or four years": one range
        if joiner == "and" and not self._before(q.start, 12).lower().rstrip().endswith("between"):
            return q
        word = self._word_before(q.start).lower()
        between = joiner == "and"
        change = joiner == "to" and (word in self.lex.numbers.change_words or word.endswith(("ed", "ing")))
        softener = _SOFTENER.match(self.text, link.end())  # "to just 21 days"
        link_end = softener.end() if softener else link.end()
        nxt = self.lex.numeral.match(self.text, link_end)
        sym_currency, sym_end = units.currency_at(self.text, link_end)
        if sym_currency and not nxt:
            nxt = self.lex.numeral.match(self.text, sym_end)
        high_value = parse_numeral(nxt.group()) if nxt else None
        word_scale = 1.0
        if nxt is None and spelled:  # "one to two years", "four thousand to five thousand people"
            nxt = self.lex.word_number.match(self.text, link_end)
            scaled = _WORD_SCALE_END.match(nxt.group()) if nxt else None
            own_scale = _WORD_SCALE_END.match(self.text[q.num_start : q.num_end])
            if scaled and not own_scale:  # "between three and four million": one scale, like "3 to 5 million"
                high_value = parse_words(scaled.group(1))
                word_scale = float(self.lex.numbers.scales[scaled.group(2).lower()])
            else:
                high_value = parse_words(nxt.group()) if nxt else None
        elif joiner == "or":
            return q
        if nxt is None or high_value is None or self._is_date_part(nxt.start(), nxt.end(), nxt.group()):
            return q  # "the 12 months to 30 September"
        high = self._read_after(nxt.start(), nxt.end(), high_value)
        if high is None or (q.unit and high.unit and q.unit != high.unit):
            return q  # "four-year-olds to 15 hours": no range across units
        high.value = _to_float(Decimal(str(high.value)) * Decimal(str(word_scale)))
        if change:  # "from 48 to 63", "rose 4p to 583p", "adding $1.89 to $48.62": two claims
            return self._share_reading(q, high, high_value)
        if joiner in "-–—" and q.bare and high.bare and float(high_value) <= q.value:
            self.taken.append((q.start, high.end))
            return None  # "won 3-1": a score
        scale = Decimal(str(high.value)) / high_value if high_value and q.end == q.num_end else Decimal(1)
        low = Decimal(str(q.value)) * scale if high.value else Decimal(str(q.value))
        if float(low) > high.value or (not between and 0 < float(low) * _CHANGE_RATIO < high.value):
            return q
        q.value, q.value_high = _to_float(low), high.value
        q.unit, q.kind = q.unit or high.unit, high.kind if q.kind == "count" else q.kind
        q.per = high.per
        q.end, q.bare = high.end, False
        return q

    def _share_reading(self, q: Quantity, high: Quantity, high_value: Decimal) -> Quantity:
        """ "from 3 to 5 million", "from 5 to 7 percent", "from 36 to 21 days": the first figure of a change
        takes the second's scale and unit, when it has none of its own and the scale brings them closer."""
        if q.unit is not None or q.end != q.num_end or q.kind != "count" or not high.value:
            return q
        scale = Decimal(str(high.value)) / high_value
        if scale != 1 and q.value:
            scaled = float(Decimal(str(q.value)) * scale)
            closer = abs(math.log(scaled / high.value)) < abs(math.log(q.value / high.value))
            if not closer or abs(math.log(scaled / high.value)) > math.log(_CHANGE_RATIO):
                return q  # "from 800 to 1.2 million": 800 is a plain 800
            q.value = _to_float(Decimal(str(q.value)) * scale)
        q.unit, q.kind, q.per = high.unit, high.kind, high.per
        q.bare = False
        return q

    # --- words, multipliers, vague plurals, fractions --------------------------------
    def _scan_words(self) -> None:
        """Number words; "and" joins them only after a scale, so "five and seven" is read as two figures."""
        for match in self.lex.word_number.finditer(self.text):
            start = match.start()
            for piece in _AND_JOIN.split(match.group()):
                at = self.text.index(piece, start)
                self._read_word(at, at + len(piece))
                start = at + len(piece)

    def _read_word(self, start: int, end: int) -> None:
        said = self.text[start:end]
        words = said.lower().split()
        if words in (["a"], ["and"]) or not self._free(start, end):
            return
        suspended = self._suspended_noun(end)
        chained = bool(_SUSPENDED_BEFORE.search(self._before(start, 12)))
        if (
            said.lower() == "one"
            and not units.counts_follow(self.text, end)
            and not _AND_A_HALF.match(self.text, end)
            and not _ONE_OF.match(self.text, end)
            and not units.hyphen_unit(self.text, end)
            and not self._word_range_follows(end)
            and not suspended
        ):
            return  # "one" counts only before what it counts ("a one-hour meeting"), or opening a range
        if self.text[start - 1 : start] == "-" and self.text[start - 2 : start - 1].isalpha():
            return  # "father-of-two"
        if len(words) == 1 and words[0] in _SCALE_WORDS:
            return  # a bare "million": "multi-million", "the million-seller"
        # "BBC One", "Formula One": a capitalised number word inside a sentence is a name; on a title-case
        # headline it is read when a unit follows ("in Seven Years", not "Ten Downing Street")
        capitalised = said[0].isupper() and not self._sentence_start(start)
        if capitalised and not self._title_case_line(start):
            return
        value = parse_words(said)
        if value is None:
            return
        hyphened = self.text[end : end + 1] == "-"
        if said.lower() == "one" and _ONE_OF.match(self.text, end):
            self._add(Quantity(start, end, start, end, 1, kind="partitive"))  # "one of the students"
            return
        if suspended:  # "four-, five- and six-cylinder": each figure counts the last one's noun
            self._add(Quantity(start, end, start, end, _to_float(value), counted=suspended))
            return
        if hyphened and not chained and not units.hyphen_unit(self.text, end) and not self._hyphen_count(end):
            return  # "two-state solution", "three-line whip"; not "a six-vote majority"
        value, end = self._and_a_half(start, end, value)
        q = Quantity(start, end, start, end, _to_float(value))
        q = units.read_unit_after(self.text, q)
        if capitalised and q.unit is None:
            return
        if chained and hyphened and q.unit is None:
            q.counted = self._suspended_noun(end, last=True)
        noun_or = _NOUN_OR.search(self._before(start, 30))
        if noun_or and q.unit is None and not units.counts_follow(self.text, end):
            unit = self.lex.units.time_units.get(noun_or.group(1).lower())
            q.unit, q.kind = (unit, "duration") if unit else (None, q.kind)
            q.counted = None if unit else noun_or.group(1).lower()  # "another pick or two", "a day or two"
        if q.kind == "count" and self._age_before(start):
            q.kind, q.unit = "age", AGE_UNIT  # "two young daughters aged five and seven"
        self._finish(q)

    def _title_case_line(self, pos: int) -> bool:
        """True when `pos` is on a headline in title case ("Clintons Report Earnings of $139 Million in Seven
        Years"), where a capitalised number word is no name."""
        line_start = self.text.rfind("\n", 0, pos) + 1
        line_end = self.text.find("\n", pos)
        words = _TITLE_WORD.findall(self.text[line_start : line_end if line_end >= 0 else len(self.text)])
        long = [w for w in words if len(w) > 3 and w not in _TITLE_LOWER]
        return len(long) >= 3 and all(w[0].isupper() for w in long)

    def _and_a_half(self, start: int, end: int, value: Decimal) -> tuple[Decimal, int]:
        """ "two and a half years", "a dozen and a half", "a million and a half": the half is half of the
        last word's step (one, a dozen, a million), and a scale after it multiplies the whole ("two and a
        half million"); "two hours and a half" keeps its unit first (`_finish`)."""
        half = _AND_A_HALF.match(self.text, end)
        if not half or units.read_unit_after(self.text, Quantity(start, end, start, end, 1.0)).unit:
            return value, end
        last = re.split(r"[\s-]+", self.text[start:end].lower())[-1]
        step = Decimal(str(self.lex.numbers.words[last])) if last in _SCALE_WORDS else Decimal(1)
        value, end = value + step / 2, half.end()
        scale = _SCALE_AFTER.match(self.text, end)
        if scale and step == 1:
            value *= Decimal(str(self.lex.numbers.scales[scale.group(1).lower()]))
            end = scale.end()
        return value, end

    def _scan_unit_and_a_half(self) -> None:
        """ "an hour and a half", "a year-and-a-half": read as one unit, the half joins in `_finish`."""
        for match in _ONE_UNIT_AND_A_HALF.finditer(self.text):
            q = units.read_unit_after(self.text, Quantity(match.start(), match.end(), *match.span(), 1.0))
            half = _AND_A_HALF.match(self.text, q.end)
            if q.kind in ("duration", "measure") and half and self._free(match.start(), half.end()):
                self._finish(q)

    def _scan_unit_long(self) -> None:
        """ "an hour-long meeting", "a decade-long war": one of the time unit, like "a one-hour meeting"."""
        for match in _ONE_UNIT_LONG.finditer(self.text):
            q = units.read_unit_after(self.text, Quantity(match.start(), match.end(), *match.span(), 1))
            if q.kind == "duration" and self.text.startswith("-long", q.end) and self._free(q.start, q.end):
                self._finish(q)

    def _word_range_follows(self, end: int) -> bool:
        """True when a range link and a spelled number follow: "one to two years", "one or two"."""
        link = _RANGE_LINK.match(self.text, end)
        return bool(
            link
            and link.group().strip() in ("to", "or")
            and self.lex.word_number.match(self.text, link.end())
        )

    def _suspended_noun(self, end: int, last: bool = False) -> str | None:
        """The noun a chain of suspended hyphens ends in ("four-, five- and six-cylinder" -> "cylinder"), read
        from a figure ending at `end`; with `last`, from the chain's final figure ("six-cylinder")."""
        pos = end
        for _ in range(6):
            if last or not _SUSPENDED_LINK.match(self.text, pos):
                noun = re.match(r"-([a-z]+)\b", self.text[pos : pos + 30])
                if noun is None or units.hyphen_unit(self.text, pos):
                    return None  # "six- to eight-year-olds": ages, read as such
                return noun.group(1) if last or pos != end else None
            nxt = _SUSPENDED_LINK.match(self.text, pos)
            assert nxt is not None
            figure = self.lex.word_number.match(self.text, nxt.end()) or self.lex.numeral.match(
                self.text, nxt.end()
            )
            if figure is None:
                return None
            pos = figure.end()
        return None

    def _hyphen_count(self, end: int) -> bool:
        word = re.match(r"-([a-z]+)", self.text[end : end + 20])
        return word is not None and word.group(1).rstrip("s") in self.lex.numbers.hyphen_counts

    def _scan_frequencies(self) -> None:
        """ "twice a week", "once a year": a count of events with its `per` (a rate, not a ratio)."""
        words = alternation(list(self.lex.numbers.frequency_words))
        for match in re.finditer(rf"\b({words})(?=\s)", self.text, re.IGNORECASE):
            start, end = match.span()
            per = units.rate_after(self.text, end)
            if (
                per is None
                or not self._free(start, end)
                or not re.match(r"\s+(?:a|an|per|every)\s", self.text[end:])
            ):
                continue
            value = self.lex.numbers.frequency_words[match.group(1).lower()]
            self._add(self._qualify(Quantity(start, end, start, end, value, per=per)))

    def _scan_multipliers(self) -> None:
        nums = self.lex.numbers
        for match in self.lex.multiplier.finditer(self.text):
            start, end = match.span()
            word = match.group().lower()
            if not self._free(start, end) or self.text[start - 1 : start] == "-":
                continue
            after = self.text[end : end + 20]
            before = self._before(start)
            if word == "twice" and not starts_with_phrase(after, nums.ratio_followers):
                continue
            if re.match(r"\s+as\s+[A-Z]", after):
                continue  # "scored twice as United confirmed ...": a clause, not a comparison
            if word in nums.verb_only_multipliers and not ends_with_phrase(before, nums.multiplier_triggers):
                continue
            q = Quantity(start, end, start, end, nums.multipliers[word], unit="ratio", kind="ratio")
            self._add(self._qualify(q))

    def _scan_vague(self) -> None:
        for match in self.lex.vague.finditer(self.text):
            start, end = match.span()
            if not self._free(start, end) or re.search(r"\d\s*$", self._before(start, 4)):
                continue  # "5 million" was read as a scale
            value = self.lex.numbers.vague_plurals[match.group().lower()]
            q = Quantity(start, end, start, end, value, qualifier="lower_bound", kind="vague")
            money = units.currency_word_after(self.text, end, of=True)
            if money:
                q.unit, q.kind = money, "money"
            self._add(q)

    def _scan_fractions(self) -> None:
        fractions = self.lex.numbers.fractions
        for match in self.lex.fraction.finditer(self.text):
            start, end = match.span()
            if not self._free(start, end):
                continue
            words = re.split(r"[\s-]+", match.group().lower().strip())
            numerator = parse_words(words[0]) if words[0] not in ("a", "half") else Decimal(1)
            name = "half" if words[0] == "half" else words[1]
            if numerator is None or name not in fractions:
                continue
            share = numerator * Decimal(str(fractions[name]))
            span_end = (
                start + len(match.group().rstrip()) - (3 if match.group().rstrip().endswith(" of") else 0)
            )
            scaled = _FRACTION_SCALE.match(self.text, span_end)
            scale = self.lex.numbers.scales.get(scaled.group(1).lower()) if scaled else None
            timed = _FRACTION_TIME.match(self.text, span_end)
            unit = self.lex.units.time_units.get(timed.group(1).lower()) if timed else None
            if timed and unit:  # "half an hour", "a quarter of an hour": a duration
                q = Quantity(
                    start, timed.end(), start, timed.end(), _to_float(share), unit=unit, kind="duration"
                )
                self._finish(q)
                continue
            if scaled and scale:  # "half a million people", "a quarter of a billion": a count, not a share
                end = scaled.end()
                q = Quantity(start, end, start, end, _to_float(share * Decimal(str(scale))))
                self._add(self._qualify(units.read_unit_after(self.text, q)))
                continue
            self._add(
                self._qualify(Quantity(start, span_end, start, span_end, _to_float(share), kind="fraction"))
            )

    def _scan_odds(self) -> None:
        """ "1 in 4 residents", "nine out of 10 separations": one share, 0.25 and 0.9."""
        for match in _ODDS.finditer(self.text):
            start, end = match.span()
            part, whole = _number(match.group("part") or match.group("one")), _number(match.group("whole"))
            after = self.text[end : end + 12].lstrip().lower()
            if part is None or not whole or part > whole or not self._free(start, end):
                continue
            word = units.next_word(self.text, end)
            if match.group("one") and word.islower() and word not in self.lex.units.function_words:
                continue  # "one win in 14 league games": a count and a count, not a share
            if after.startswith(("%", "per")):
                continue  # "1 in 10%": not a share
            if units.read_unit_after(self.text, Quantity(start, end, start, end, 1.0)).unit:
                continue  # "5 in 10 days" is a count and a duration
            self._add(
                self._qualify(Quantity(start, end, start, end, _to_float(part / whole), kind="fraction"))
            )

    def _scan_slash_fractions(self) -> None:
        """ "1/2 pound of chocolate", "3/4 cup": a fraction before a unit; "24/7", "9/11" and "3/4 of" are
        left alone. A pound measured in halves is a weight, not money."""
        for match in _SLASH_FRACTION.finditer(self.text):
            start, end = match.span()
            part, whole = int(match.group(1)), int(match.group(2))
            if not 0 < part < whole <= 16 or not self._free(start, end):
                continue
            if not re.match(r"[ -][a-z]", self.text[end : end + 2]):
                continue  # "Photo 6/8 A": a slide number, not amperes
            q = units.read_unit_after(self.text, Quantity(start, end, start, end, part / whole))
            if q.kind == "money" and re.match(r"\s+pounds?\b", self.text[end : end + 8], re.I):
                q.unit, q.kind = "pound-mass", "measure"
            if q.kind in ("measure", "duration"):
                self._add(self._qualify(q))
                self.blocked.append((start, end))

    def read(self) -> list[Quantity]:
        self._scan_slash_fractions()
        self._scan_odds()
        self._scan_numerals()
        self._scan_frequencies()
        self._scan_multipliers()
        self._scan_unit_long()
        self._scan_unit_and_a_half()  # before fractions: the half of "an hour and a half" is no share
        self._scan_fractions()  # before words: "three quarters of" is one fraction, not "three"
        self._scan_words()
        self._scan_vague()
        return sorted(self.out, key=lambda q: q.start)


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with spans into `text`."""
    return _Reader(text).read()
