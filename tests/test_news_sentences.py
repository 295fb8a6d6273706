"""Real sentences from ../shared/news (BBC 2004-05, BASIL US politics, Giveme5W1H world news).

The tables are quoted in tests/data/*.jsonl, one sentence a line: the claim as written and its value,
upper value, unit and qualifier, or the numbers in it that are not claims.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimex.normalise.numbers import read_quantities
from claimex.normalise.quantity import BORDERLINE

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CLAIMS = _rows("news_claims.jsonl")
NOT_CLAIMS = _rows("news_not_claims.jsonl")


def test_the_table_is_large_enough() -> None:
    assert len({row["sentence"] for row in CLAIMS + NOT_CLAIMS}) >= 150


@pytest.mark.parametrize("row", CLAIMS, ids=lambda row: row["claim"])
def test_news_claim(row: dict[str, Any]) -> None:
    sentence = row["sentence"]
    found = {sentence[q.start : q.end]: q for q in read_quantities(sentence)}
    assert row["claim"] in found, f"{row['claim']!r} not among {list(found)}"
    q = found[row["claim"]]
    high = row["value_high"]
    assert q.value == pytest.approx(row["value"])
    assert q.value_high == (pytest.approx(high) if high is not None else None)
    assert (q.unit, q.qualifier) == (row["unit"], row["qualifier"])


@pytest.mark.parametrize("row", NOT_CLAIMS, ids=lambda row: row["sentence"][:30])
def test_news_never_a_claim(row: dict[str, Any]) -> None:
    sentence = row["sentence"]
    found = [(sentence[q.start : q.end], q.kind) for q in read_quantities(sentence)]
    for number in row["numbers"]:
        # an age or a time span may be reported, as its borderline kind, never as a claim
        claims = [(t, kind) for t, kind in found if t == number or t.endswith(" " + number)]
        assert all(kind in BORDERLINE for _, kind in claims), f"{number!r} in {found}"
