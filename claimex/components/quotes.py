"""Direct quotations in text: curly or straight marks, reopened paragraphs, unbalanced marks."""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_QUOTE_WORDS = 4  # one to three words in marks are scare quotes, not quotations...
# ...unless a speech verb follows: '"It's heartbreaking," Ryan said.'
_SAID_AFTER = re.compile(
    r"(?:''|[”\"’])?\s*(?:[\w.’'-]+\s+){0,4}(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|tweeted|replied)\b"
)
_CURLY_SINGLE = re.compile(r"(?:(?<=\s)|^)‘([^‘’\n]+?)’(?![A-Za-z])", re.MULTILINE)
_STRAIGHT_SINGLE = re.compile(
    r"(?:(?<=[\s:])|^)'([A-Z](?:[^'\n]|(?<=[A-Za-z])'(?=[A-Za-z]))*?[.!?,])'(?![A-Za-z])", re.MULTILINE
)
_OPEN_DOUBLE = "“"
_CLOSE_DOUBLE = "”"


@dataclass
class QuoteSpan:
    """The content of one quotation (one paragraph of it), without its marks."""

    start: int
    end: int
    closed: bool  # False when the paragraph ended, or a new mark opened, before a closing mark


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    return before.isspace() or before in "([—–-:"


def _double_marks(text: str) -> list[tuple[int, str, int]]:
    """Each double quotation mark: its offset, "open" or "close", and its width (two for a doubled
    apostrophe, the ''quotation'' style of some newspapers' archives)."""
    marks = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == _OPEN_DOUBLE:
            marks.append((i, "open", 1))
        elif ch == _CLOSE_DOUBLE:
            marks.append((i, "close", 1))
        elif ch == '"' or text.startswith("''", i):
            width = 1 if ch == '"' else 2
            marks.append((i, "open" if _is_opening_straight(text, i) else "close", width))
            i += width - 1
        i += 1
    return marks


def _paragraph_end(text: str, pos: int) -> int:
    found = text.find("\n", pos)
    return len(text) if found < 0 else found


def paragraph_breaks(text: str, start: int, end: int) -> int:
    """How many paragraph breaks (runs of newlines) lie between `start` and `end`."""
    return len(re.findall(r"\n+", text[start:end]))


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation of four or more words in `text`."""
    spans: list[QuoteSpan] = []
    marks = _double_marks(text)
    for n, (i, kind, width) in enumerate(marks):
        if kind != "open":
            continue
        limit = _paragraph_end(text, i)
        nxt = marks[n + 1] if n + 1 < len(marks) else None
        if nxt and nxt[0] < limit:
            end, closed = nxt[0], nxt[1] == "close"
        else:
            end, closed = limit, False
        spans.append(QuoteSpan(i + width, end, closed))
    # Single marks: ‘...’ where the closing mark is not an apostrophe inside a word, and straight ones
    # around a whole sentence ("Loretta Lynch: 'Be the voice that people hear.'").
    doubles = list(spans)
    for pattern in (_CURLY_SINGLE, _STRAIGHT_SINGLE):
        for match in pattern.finditer(text):
            if not any(d.start <= match.start() < d.end for d in doubles):  # not a quote within a quote
                spans.append(QuoteSpan(match.start(1), match.end(1), True))
    out = []
    for span in sorted(spans, key=lambda s: s.start):
        content = text[span.start : span.end]
        stripped = content.strip()
        short = len(re.findall(r"[\w’']+", stripped)) < MIN_QUOTE_WORDS
        if not stripped or short and not (stripped[-1] in ",.!?" and _SAID_AFTER.match(text, span.end)):
            continue
        lead = len(content) - len(content.lstrip())
        out.append(QuoteSpan(span.start + lead, span.start + lead + len(stripped), span.closed))
    return out
