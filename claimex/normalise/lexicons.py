"""Compiled views of the data files, built once and shared by the number and unit readers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from claimex.normalise.tables import (
    CurrencyTables,
    NeverTables,
    NumberTables,
    QualifierTables,
    UnitTables,
    load_table,
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, each escaped."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.lru_cache(maxsize=256)
def _longest_first(phrases: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(phrases, key=len, reverse=True))


def ends_with_phrase(text: str, phrases: Sequence[str]) -> str | None:
    """The longest phrase that `text` ends with as whole words (case-insensitive), or None."""
    low = text.lower().rstrip()
    for phrase in _longest_first(tuple(phrases)):
        if low.endswith(phrase) and (len(low) == len(phrase) or not low[-len(phrase) - 1].isalnum()):
            return phrase
    return None


def starts_with_phrase(text: str, phrases: Sequence[str]) -> str | None:
    """The longest phrase that `text` starts with as whole words (case-insensitive), or None."""
    low = text.lower().lstrip()
    for phrase in _longest_first(tuple(phrases)):
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
            return phrase
    return None


def _spaced_hyphens(pattern: str) -> str:
    """A hyphen in a fixed term may be spaced as typed: "COVID -19", "two - state"."""
    return pattern.replace(r"\-", r"\s?-\s?")


@dataclass(frozen=True)
class Lexicons:
    """Everything the number reader needs, loaded and compiled once."""

    numbers: NumberTables
    currencies: CurrencyTables
    qualifiers: QualifierTables
    units: UnitTables
    never: NeverTables
    numeral: re.Pattern[str]
    word_number: re.Pattern[str]
    fixed_terms: re.Pattern[str]
    multiplier: re.Pattern[str]
    vague: re.Pattern[str]
    fraction: re.Pattern[str]
    phone: re.Pattern[str]


@functools.cache
def get() -> Lexicons:
    """The compiled lexicons (cached for the life of the process)."""
    numbers = load_table("numbers", NumberTables)
    never = load_table("never", NeverTables)
    words = list(numbers.words)
    word = alternation(words)
    fraction_words = alternation(list(numbers.fractions))
    return Lexicons(
        numbers=numbers,
        currencies=load_table("currencies", CurrencyTables),
        qualifiers=load_table("qualifiers", QualifierTables),
        units=load_table("units", UnitTables),
        never=never,
        numeral=re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|(?<![\w.,])\.\d+"),  # ".001 per cent"
        word_number=re.compile(
            rf"\b(?:a\s+(?=(?:dozen|hundred|thousand|million|billion)\b))?(?:{word})"
            rf"(?:(?:-|\s+|\s+and\s+)(?:{word}))*\b",
            re.IGNORECASE,
        ),
        fixed_terms=re.compile(rf"(?<!\w)(?:{_spaced_hyphens(alternation(never.fixed_terms))})(?!\w)", re.I),
        multiplier=re.compile(rf"\b(?:{alternation(list(numbers.multipliers))})\b(?!-)", re.IGNORECASE),
        vague=re.compile(rf"\b(?:{alternation(list(numbers.vague_plurals))})\b", re.IGNORECASE),
        fraction=re.compile(
            rf"\b(?:(?:a|one|two|three|four|five|nine)[\s-](?:{fraction_words})\s+of|half\s+(?=(?:of|the|a|an|its|"
            rf"their|his|her|all|our|those|these)\b))",
            re.IGNORECASE,
        ),
        phone=re.compile(r"(?<!\w)(?:\+\d{1,3}[\s-]?)?(?:\(?0\d{2,4}\)?[\s-]?)\d{3,4}[\s-]?\d{3,4}(?!\w)"),
    )
