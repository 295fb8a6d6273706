"""The number reader's data files as typed, frozen records: one per file, every key declared and read.

A key in the YAML that no field declares, or a field the YAML lacks, fails loudly at load;
tests/test_lexicon.py checks that the code reads every field.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from claimex import lexicon
from claimex.errors import DataFileError

Words = tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class NumberTables:
    """numbers.yaml: number words, scales, multipliers and the words that steer them."""

    scales: dict[str, float]
    words: dict[str, float]
    fractions: dict[str, float]
    vague_plurals: dict[str, float]
    multipliers: dict[str, float]
    ratio_followers: Words
    verb_only_multipliers: Words
    change_words: Words
    age_words: Words
    multiplier_triggers: Words
    split_abbreviations: Words
    hyphen_counts: Words
    frequency_words: dict[str, float]


@dataclasses.dataclass(frozen=True)
class CurrencyTables:
    """currencies.yaml: claimex's own symbols and words (babel supplies the rest)."""

    symbols: dict[str, str]
    transliterations: dict[str, str]
    words: dict[str, str]
    minor: dict[str, tuple[str, float]]


@dataclasses.dataclass(frozen=True)
class QualifierTables:
    """qualifiers.yaml: bound and approximation phrases before and after a figure."""

    before: dict[str, Words]
    after: dict[str, Words]
    not_after: dict[str, Words]


@dataclasses.dataclass(frozen=True)
class UnitTables:
    """units.yaml: time units, rates, percent, primes and the guards on quantulum3's readings."""

    time_units: dict[str, str]
    duration_adjectives: Words
    percent: Words
    per_words: Words
    per_units: dict[str, str]
    not_units: Words
    primes: dict[str, str]
    glued_letters: dict[str, str]
    symbol_overrides: dict[str, str]
    unit_prefix_words: Words
    renames: dict[str, str]
    misreadings: Words
    misread_parts: Words
    extra_units: dict[str, dict[str, Any]]
    function_words: Words
    irregular_plurals: Words


@dataclasses.dataclass(frozen=True)
class NeverTables:
    """never.yaml: numbers that are never claims (names, dates, codes) and the words that show it."""

    fixed_terms: Words
    count_before: Words
    emergency_numbers: Words
    emergency_words: Words
    hyphen_names: Words
    reference_words: Words
    name_prefixes: Words
    name_suffix_words: Words
    time_of_day: Words
    time_reference_before: Words
    time_reference_after: Words
    metre_context: Words
    months: Words


T = TypeVar("T")
TABLES: dict[str, type[Any]] = {
    "numbers": NumberTables,
    "currencies": CurrencyTables,
    "qualifiers": QualifierTables,
    "units": UnitTables,
    "never": NeverTables,
}


def _frozen(value: Any) -> Any:
    """Lists become tuples (also inside mappings); strings and numbers stay as they are."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


def load_table(name: str, cls: type[T]) -> T:
    """The data file `name` as `cls`: a key the record does not declare, or a field the file lacks, is an
    error naming both."""
    data = lexicon.load(name)
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown, missing = sorted(set(data) - names), sorted(names - set(data))
    if unknown or missing:
        raise DataFileError(
            f"data file {name}.yaml does not match {cls.__name__}: "
            f"undeclared keys {unknown or 'none'}, missing keys {missing or 'none'}"
        )
    return cls(**{key: _frozen(data[key]) for key in names})
