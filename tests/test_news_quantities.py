"""Quantities in real news sentences: value, unit, per, qualifier and kind, one row per construction.

Rows in tests/data/news_quantities.jsonl name a text under ../shared and an anchor (the claim as written);
the sentence is read from ../shared, never copied here (NewsQuant's terms). Expected readings were checked
against NewsQuant's keys or claimex's hand keys in benchmarks/keys.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from claimex.normalise.numbers import read_quantities
from claimex.normalise.quantity import BORDERLINE, claim_kind

DATA = Path(__file__).parent / "data" / "news_quantities.jsonl"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
ROWS: list[dict[str, Any]] = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


@cache
def _sentences(source: str) -> tuple[str, ...]:
    path = SHARED / source
    if path.suffix == ".json":
        return tuple(s["text"] for s in json.loads(path.read_text(encoding="utf-8")))
    with open(path, encoding="utf-8", newline="") as handle:
        return tuple(handle.read().split("\n"))


def _sentence(row: dict[str, Any]) -> str:
    if not SHARED.exists():
        pytest.skip("../shared is not beside this checkout")
    found = [s for s in _sentences(row["source"]) if row["anchor"] in s]
    assert len(found) == 1, f"anchor {row['anchor']!r} is not in exactly one sentence of {row['source']}"
    return found[0]


def test_the_table_is_large_enough() -> None:
    assert len(ROWS) >= 120
    kinds = {row["kind"] for row in ROWS}
    assert kinds >= {"count", "money", "percent", "rate", "measure", "duration", "age", "time_span"}


@pytest.mark.corpus
@pytest.mark.parametrize("row", ROWS, ids=[row["anchor"] for row in ROWS])
def test_news_quantity(row: dict[str, Any]) -> None:
    sentence = _sentence(row)
    at = sentence.index(row["anchor"])
    found = [q for q in read_quantities(sentence) if q.start < at + len(row["anchor"]) and at < q.end]
    assert len(found) == 1, f"{row['anchor']!r}: {[sentence[q.start : q.end] for q in found]}"
    q = found[0]
    assert q.value == pytest.approx(row["value"])
    assert q.value_high == (pytest.approx(row["value_high"]) if row["value_high"] is not None else None)
    expected = (row["unit"], row["per"], row["qualifier"], row["kind"])
    assert (q.unit, q.per, q.qualifier, claim_kind(q)) == expected


# Numbers inside names: products, models, events. Sentences written for the test, one per shape.
NAMES = [
    ("The base iPhone 11 has just 64GB of storage.", "11"),
    ("Sony sold more PlayStation 5 consoles than expected.", "5"),
    ("The category 4 hurricane made landfall on Tuesday.", "4"),
    ("The Galaxy S22 sold well in Korea.", "22"),
    ("He scored twice in Game 2 of the series.", "2"),
    ("Pictures of the Boeing 787 jet were released.", "787"),
    ("Covid-19 cases rose again.", "19"),
    ("He went back to the No 10 Downing Street office.", "10"),
    ("The 787 Dreamliner was grounded again.", "787"),
    ("BMW's 3-Series sold well in China.", "3"),
]


@pytest.mark.parametrize(("sentence", "number"), NAMES)
def test_number_in_a_name_is_no_claim(sentence: str, number: str) -> None:
    claims = [sentence[q.start : q.end] for q in read_quantities(sentence) if claim_kind(q) not in BORDERLINE]
    assert not any(re.search(rf"(?<!\d){number}(?!\d)", text) for text in claims), claims
