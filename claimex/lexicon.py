"""One loader for the lexicons under claimex/data: read once, checked, failing loudly."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from claimex.errors import DataFileError

# Each data file and the top-level keys it must define.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "numbers": (
        "scales",
        "words",
        "fractions",
        "vague_plurals",
        "multipliers",
        "ratio_followers",
        "hyphen_counts",
    ),
    "currencies": ("symbols", "transliterations", "words", "minor"),
    "qualifiers": ("before", "after", "not_after"),
    "units": (
        "time_units",
        "duration_adjectives",
        "percent",
        "per_words",
        "not_units",
        "unit_prefix_words",
        "renames",
        "misreadings",
        "misread_parts",
        "extra_units",
        "function_words",
        "irregular_plurals",
        "primes",
    ),
    "never": (
        "fixed_terms",
        "name_prefixes",
        "reference_words",
        "time_of_day",
        "months",
        "name_suffix_words",
        "hyphen_names",
        "emergency_numbers",
        "emergency_words",
        "count_before",
    ),
    "periods": ("relative", "months", "baseline_words", "previous_year"),
    "furniture": ("boundaries", "link_markers", "lines", "inline"),
    "attribution": (
        "cues",
        "bare_cues",
        "source_cues",
        "object_cues",
        "source_nouns",
        "claim_nouns",
        "titles",
        "pronouns",
        "org_words",
        "anaphoric_orgs",
        "speaker_nouns",
        "decisive_rules",
    ),
    "crosscheck": ("pint_names", "stopwords"),
    "stories": ("stopwords",),
    "entities": ("titles", "suffixes", "generations", "descriptions", "org_words"),
}


@functools.cache
def load(name: str) -> dict[str, Any]:
    """Return the parsed data file `claimex/data/<name>.yaml`, checked for its required keys."""
    if name not in REQUIRED_KEYS:
        raise DataFileError(f"unknown data file {name!r}; known: {', '.join(sorted(REQUIRED_KEYS))}")
    path = resources.files("claimex") / "data" / f"{name}.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(f"data file {path} is missing; reinstall claimex") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"data file {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"data file {path} must hold a mapping at the top level")
    missing = [key for key in REQUIRED_KEYS[name] if key not in data]
    if missing:
        raise DataFileError(f"data file {path} lacks required keys: {', '.join(missing)}")
    return data
