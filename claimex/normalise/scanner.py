"""The scanner under the number reader: the text, the spans taken, qualifiers, and the numbers that are never
claims (names, dates, times, codes)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from claimex.normalise import units
from claimex.normalise.lexicons import Lexicons, ends_with_phrase, get, starts_with_phrase
from claimex.normalise.quantity import Quantity

_AGE_BEFORE = re.compile(
    r"(?:\bage of(?:\s+just|\s+only)?|\bag(?:ed|es)\s+[\w-]+\s*(?:to|and|-|–))\s*$", re.I
)
_DAY_RANGE_START = re.compile(r"(?<!\d)(\d{1,2})[-–]$")
_CAMEL = re.compile(r"[a-z]+[A-Z]\w*$")  # "iPhone", "PlayStation": a product name
_MODEL = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+(\d{3,}-\d{3,})(?![\d,.%])", re.IGNORECASE)
_ARTICLE_END = re.compile(r"\b(?:the|a|an|its|their|his|her)\s*$", re.IGNORECASE)
_AFTER_NUMERAL = re.compile(r"\d[ \u00a0](?:\d+[-–])?$")
_YEAR_RANGE_END = re.compile(r"\b(?:19|20)\d\d[-–/]$")
_NAMED_AFTER = re.compile(r" [A-Z][a-z]+\b(?!s\b)")  # "11 Pro": the word a named number carries
_MODEL_NUMBER = re.compile(r"\b(?:the|a|an)\s$", re.IGNORECASE)
_MODEL_NAME = re.compile(r" [A-Z][a-z]+\b(?<!s)(?! [A-Z]\w*s\b)")  # not "the 350 Tory MPs"
SIGN = re.compile(r"(?:(?<![\w.,%-])[-−]|\bminus[\s-])$", re.IGNORECASE)  # "-1.3%", "minus 387", "minus-5"
YEAR = re.compile(r"1[0-9]{3}|20[0-9]{2}|2100")


def parse_numeral(text: str) -> Decimal | None:
    """Read a numeral such as "1,400" or "4.7"."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


class Scanner:
    """One pass over one text: what is blocked or taken, and the tests a numeral must pass to be a claim."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lex: Lexicons = get()
        self.blocked: list[tuple[int, int]] = [m.span() for m in self.lex.fixed_terms.finditer(text)]
        self.blocked += [
            m.span() for m in self.lex.phone.finditer(text) if sum(c.isdigit() for c in m.group()) >= 9
        ]
        self.taken: list[tuple[int, int]] = []
        self.out: list[Quantity] = []
        self.names: set[str] = set()  # a number with the capitalised word after it, seen inside a name

    # --- helpers -----------------------------------------------------------------
    def _free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.blocked + self.taken)

    def _before(self, pos: int, width: int = 40) -> str:
        return self.text[max(0, pos - width) : pos]

    def _word_before(self, pos: int) -> str:
        match = re.search(r"([\w.'’]+)\W*$", self._before(pos, 30))
        return match.group(1) if match else ""

    def _add(self, q: Quantity) -> None:
        self.out.append(q)
        self.taken.append((q.start, q.end))

    def _qualify(self, q: Quantity) -> Quantity:
        """Attach a qualifier from the words before or after the quantity."""
        quals = self.lex.qualifiers
        before = self._before(q.start)
        for name, phrases in quals.before.items():
            phrase = ends_with_phrase(before, phrases)
            blockers = quals.not_after.get(phrase, ()) if phrase else ()
            if phrase and ends_with_phrase(before[: before.lower().rstrip().rfind(phrase)], blockers):
                return q  # "went up to 5.5%": a verb phrase, not a bound
            if phrase:
                q.qualifier = name
                q.start -= len(before) - before.lower().rstrip().rfind(phrase)
                return q
        after = self.text[q.end : q.end + 20]
        for name, phrases in quals.after.items():
            if starts_with_phrase(after, phrases):
                q.qualifier = name
                return q
        return q

    # --- numerals ------------------------------------------------------------------
    def _excluded_numeral(self, start: int, end: int, token: str) -> bool:
        """Numbers that are parts of names, dates, times, versions or codes."""
        text, never = self.text, self.lex.never
        prev_char = text[start - 1] if start else " "
        next_char = text[end] if end < len(text) else " "
        if (prev_char.isalpha() and units.currency_before(text, start)[0] is None) or next_char.isdigit():
            return True  # "G8", "MP3"; not "RM79", "USD10m"
        if prev_char in "'’" and len(token) == 2:
            return True  # "the class of '83": a year
        signed = SIGN.search(text, max(0, start - 6), start) is not None
        if (
            prev_char in "-–/:"
            and start >= 2
            and text[start - 2].isalnum()
            and not text[start - 2].isdigit()
            and not signed
            and not self._bounded(start)
        ):
            return True  # "Hwasong-12", "Covid-19"; not "sub-300 sq m"
        if prev_char in "/:." and start >= 2 and text[start - 2].isdigit():
            return True  # "24/7", "10:30", "3.8.0"
        if _YEAR_RANGE_END.search(text, max(0, start - 5), start):
            return True  # "2007-13": the end of a span of years
        if _AFTER_NUMERAL.search(text, max(0, start - 12), start):
            return True  # "10 737-800 planes": a numeral right after a count is a model name
        if any(m.start(1) <= start < m.end() for m in _MODEL.finditer(text, max(0, start - 20), end + 5)):
            return True  # "the 737-800 had reduced costs": a pair of hyphened three-digit numbers is a model
        if next_char in "/:" and end + 1 < len(text) and text[end + 1].isdigit():
            return True
        if next_char == "-" and starts_with_phrase(text[end + 1 : end + 20], never.hyphen_names):
            return True  # "an 18-rated game"
        if next_char == "-" and text[end + 1 : end + 2].isupper():
            return True  # "the 3-Series", "a 7-Eleven": a number hyphened to a capital is a name
        if _MODEL_NUMBER.search(self._before(start, 6)) and _MODEL_NAME.match(text, end) and len(token) >= 3:
            return True  # "the 787 Dreamliner": an article, three digits and a capitalised word
        if token in never.emergency_numbers and (
            self._word_before(start).lower() in never.emergency_words
            or starts_with_phrase(text[end : end + 20].lstrip(), never.emergency_words)
        ):
            return True  # "Mateen also called 911"
        if next_char == "." and end + 1 < len(text) and text[end + 1].isdigit():
            return True  # a version number
        word = self._word_before(start) if prev_char.isspace() else ""  # "A$3bn" is money, not "A 3"
        low = word.lower()
        if low in never.reference_words:
            return True
        article = low == "a" and self._sentence_start(start - len(word) - 1)  # "A 10-point lead": not the A10
        if word[:1].isupper() and low in never.name_prefixes and not article:
            return True
        after = text[end : end + 30]
        named = _NAMED_AFTER.match(after)
        if named and (token + named.group()) in self.names:
            return True  # "iPhone 11 Pro and 11 Pro Max": the name again, without its first word
        if _CAMEL.search(word) and re.search(r"\w\s$", self._before(start, 2)):
            self.names.update({token + named.group()} if named else ())
            return True  # "iPhone 11", "PlayStation 5": a number after a product name
        between_capitals = word[:1].isupper() and re.match(r" [A-Z]", after)
        if between_capitals and not self._sentence_start(start - len(word) - 1):
            self.names.update({token + named.group()} if named else ())
            return True  # "Super Mario 64 DS": a number between capitalised words is part of a name
        if starts_with_phrase(after.lstrip(" "), never.time_of_day):
            return True
        if (
            starts_with_phrase(after.lstrip(), never.name_suffix_words)
            and after[:1] == " "
            and after[1:2].isupper()
        ):
            return True  # "10 Downing Street"
        return self._is_date_part(start, end, token)

    def _bounded(self, start: int) -> bool:
        """True when a bound or approximation ("more than", "about") stands right before `start`."""
        before = self._before(start)
        return any(ends_with_phrase(before, p) for p in self.lex.qualifiers.before.values())

    def _age_before(self, start: int) -> bool:
        """ "aged 52", "aged 30 to 40", "by the age of 40": an age, a borderline claim."""
        word = self._word_before(start).lower() if self.text[start - 1 : start].isspace() else ""
        return word in self.lex.numbers.age_words or bool(_AGE_BEFORE.search(self._before(start, 30)))

    def _model_number(self, q: Quantity) -> bool:
        """ "the Falcon 9.", "a Hwasong 12, which": a plain number after "the" and a capitalised word,
        ending a clause, is part of a name ("Clinton 47, Trump 41" is a poll)."""
        word = self._word_before(q.start)
        if not word[:1].isupper() or not _ARTICLE_END.search(self._before(q.start - len(word) - 1, 8)):
            return False
        if word.lower().rstrip(".") in self.lex.never.months:
            return False
        return bool(re.match(r"\s*(?:[,.;:)!?]|$)", self.text[q.end : q.end + 2]))

    def _sentence_start(self, pos: int) -> bool:
        """True when `pos` opens a sentence or line (nothing but punctuation and space before it)."""
        return bool(re.search(r"(?:^|[.!?:\n\"“”‘’]\s*)$", self._before(max(pos, 0), 4)))

    def _is_date_part(self, start: int, end: int, token: str) -> bool:
        months = self.lex.never.months
        first = _DAY_RANGE_START.search(self.text, max(0, start - 4), start)
        if first and self._is_date_part(first.start(1), first.end(1), first.group(1)):
            return True  # "Sept. 20-24", "16-17 March": the end of a range of days
        value = parse_numeral(token)
        if value is None or value != value.to_integral() or "," in token:
            return False
        day_like = 1 <= value <= 31
        after = re.match(
            r"(?:st|nd|rd|th)?(?:\s*(?:or|and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+([A-Za-z]+)",
            self.text[end : end + 24],
        )  # "3 January", "16 or 17 March"
        if day_like and after and after.group(1).lower() in months:
            return True  # "3 January"
        before = self._word_before(start)
        return bool((day_like or YEAR.fullmatch(token)) and before.lower().rstrip(".") in months)
