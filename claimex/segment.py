"""Split a page into articles, drop page furniture, and repair glued text on a mapped copy."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from claimex import lexicon
from claimex.textmap import Edit, TextMap

MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?:;,…]['’\"”]?$")

# Repairs of scraped text: (pattern, replacement). Each match is replaced in the mapped copy.
_REPAIRS = [
    # "a week.The move": a sentence glued to the next one.
    (re.compile(r"(?<=[a-z0-9%)\]][.!?])(?=[A-Z])"), " "),
    # "caution,Charlie Whelton": a clause glued to a name.
    (re.compile(r"(?<=[a-z]),(?=[A-Z])"), ", "),
    # "its use,“Any tech": a quoted paragraph reopened with no break before it.
    (re.compile(r"(?<=[,.!?])(?=[“])"), "\n\n"),
    # "the use,”The Met": a closing mark glued to the next paragraph.
    (re.compile(r"(?<=[,.!?][”\"])(?=[A-Z])"), "\n\n"),
    # "nearly 4.\n\n7m": a decimal split across a paragraph break.
    (re.compile(r"(?<=\d\.)\s*\n\s*(?=\d)"), ""),
]


@dataclass
class ArticleText:
    """One article's span in the original page and its repaired, mapped text."""

    index: int
    headline: str
    start: int
    end: int
    textmap: TextMap


@dataclass
class _Line:
    start: int
    end: int
    text: str
    furniture: bool
    boundary: bool = False  # a headline right after this line starts a new article


@functools.cache
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = lexicon.load("furniture")
    boundaries = [re.compile(p, re.IGNORECASE) for p in data["boundaries"]]
    lines = [re.compile(p, re.IGNORECASE) for p in data["lines"] + data["link_markers"]]
    inline = [re.compile(p) for p in data["inline"]]
    return boundaries, lines, inline


def _lines(page: str) -> list[_Line]:
    boundaries, lines, _ = _patterns()
    markers = _link_markers()
    out: list[_Line] = []
    for match in re.finditer(r"[^\r\n]+", page):
        text = match.group().strip()
        if not text:
            continue
        boundary = any(p.fullmatch(text) for p in boundaries)
        furniture = boundary or any(p.fullmatch(text) for p in lines)
        after_marker = bool(out) and any(p.fullmatch(out[-1].text) for p in markers)
        if after_marker and is_headline(text):
            furniture = True  # the title of a "Read more:" link
        out.append(_Line(match.start(), match.end(), text, furniture, boundary))
    return out


@functools.cache
def _link_markers() -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in lexicon.load("furniture")["link_markers"]]


def is_headline(text: str) -> bool:
    """A short line with no sentence-final punctuation reads as a headline."""
    words = text.split()
    return (
        0 < len(words) <= MAX_HEADLINE_WORDS
        and len(text) <= MAX_HEADLINE_CHARS
        and not _SENTENCE_END.search(text)
        and any(ch.isalpha() for ch in text)
    )


def repair_edits(page: str, start: int, end: int, furniture: list[_Line]) -> list[Edit]:
    """The edits that turn page[start:end] into parseable text (furniture cut, glue undone)."""
    _, _, inline = _patterns()
    edits = [Edit(line.start, line.end, "") for line in furniture]
    chunk = page[start:end]
    for pattern in inline:
        edits.extend(Edit(start + m.start(), start + m.end(), "\n\n") for m in pattern.finditer(chunk))
    for pattern, new in _REPAIRS:
        edits.extend(Edit(start + m.start(), start + m.end(), new) for m in pattern.finditer(chunk))
    return edits


def segment(page: str, headline: str | None = None) -> list[ArticleText]:
    """Articles on `page`: a new one starts at a headline that opens the page or follows furniture."""
    lines = _lines(page)
    groups: list[list[_Line]] = []
    after_furniture = True
    for line in lines:
        if line.furniture:
            after_furniture = after_furniture or line.boundary
            if groups:
                groups[-1].append(line)
            continue
        if not groups or (after_furniture and is_headline(line.text)):
            groups.append([])
        groups[-1].append(line)
        after_furniture = False
    articles: list[ArticleText] = []
    for group in groups:
        content = [line for line in group if not line.furniture]
        if not content:
            continue
        first, last = content[0], content[-1]
        inside = [line for line in group if line.furniture and first.start < line.start < last.end]
        title = first.text if is_headline(first.text) else ""
        if headline and not articles:
            title = headline
        edits = repair_edits(page, first.start, last.end, inside)
        tmap = TextMap(page, first.start, last.end, edits)
        articles.append(ArticleText(len(articles), title, first.start, last.end, tmap))
    return articles
