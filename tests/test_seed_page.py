"""The seed page end to end: articles, offsets, claims, periods, speakers, and the shared answer key."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from claimex.records import Extraction

pytestmark = pytest.mark.model


def _claims(extraction: Extraction) -> dict[str, Any]:
    return {c.text: c for a in extraction.articles for c in a.claims}


def test_seven_articles_with_headlines(seed_extraction: Extraction) -> None:
    headlines = [a.headline for a in seed_extraction.articles]
    assert len(headlines) == 7
    assert headlines[0] == "Met police to more than double use of live facial recognition"
    assert headlines[3].startswith("Labour pays estimated £2m")
    assert not any("A picture" in h or "See all" in h for h in headlines)


def test_every_offset_slices_the_original(seed_extraction: Extraction, seed_text: str) -> None:
    for article in seed_extraction.articles:
        assert seed_text[article.start : article.end].startswith(article.headline)
        for record in [*article.claims, *article.quotes]:
            assert seed_text[record.start : record.end] == record.text


def test_no_claim_or_quote_from_furniture(seed_extraction: Extraction, seed_text: str) -> None:
    newsletter = seed_text.index("Sign up to First Edition")
    for article in seed_extraction.articles:
        for record in [*article.claims, *article.quotes]:
            assert not newsletter <= record.start < newsletter + 150


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "period", "who"),
    [
        ("nearly 4.\n\n7m", 4.7e6, None, "approx", "2024", None),
        ("1,000", 1000, None, "exact", "2025-07", "Met"),
        ("773", 773, None, "exact", "2025-07", "Met"),
        ("at least 256", 256, None, "lower_bound", "2024", "official deployment records"),
        ("138,720", 138720, None, "exact", "2023", None),
        ("252,798", 252798, None, "exact", "2024", None),
        ("£2.4m", 2.4e6, "GBP", "exact", None, "court documents"),
        ("more than twice", 2, "ratio", "lower_bound", "2024", None),
        ("exceeding 500,000", 500000, None, "lower_bound", "2024", None),
    ],
)
def test_seed_claims(
    seed_extraction: Extraction,
    text: str,
    value: float,
    unit: str | None,
    qualifier: str,
    period: str | None,
    who: str | None,
) -> None:
    claim = _claims(seed_extraction)[text]
    assert (claim.value, claim.unit, claim.qualifier) == (pytest.approx(value), unit, qualifier)
    if period:
        assert claim.period == period
    if who:
        assert who in f"{claim.speaker} {claim.source}"


def test_the_year_before_is_relative_to_the_sentence(seed_extraction: Extraction, seed_text: str) -> None:
    start = seed_text.index("63 the year before")
    claim = next(c for a in seed_extraction.articles for c in a.claims if c.start == start)
    assert claim.period == "2023"


def test_quotes_and_speakers(seed_extraction: Extraction) -> None:
    quotes = [q for a in seed_extraction.articles for q in a.quotes]

    def speaker(prefix: str) -> str | None:
        return next(q.speaker for q in quotes if q.text.startswith(prefix))

    assert speaker("It’s incredibly concerning") == "Charlie Whelton"
    assert speaker("Any tech which has the potential") == "Charlie Whelton"  # a reopened paragraph
    assert speaker("We’re only using it") == "Mark Rowley"  # "He said:" after his name
    assert speaker("There’s no point in just speaking") == "Adrian Ramsay"  # follows "…,” said Ramsay"
    assert not any(q.text == "commonplace" for q in quotes)  # a scare quote
    millions = next(
        c for a in seed_extraction.articles for c in a.claims if "identifying millions" in c.sentence
    )
    assert millions.quote and millions.speaker == "Charlie Whelton"


def test_speaker_records_carry_descriptions(seed_extraction: Extraction) -> None:
    speakers = {s.name: s for s in seed_extraction.articles[0].speakers}
    assert "a policy and campaigns officer at Liberty" in speakers["Charlie Whelton"].descriptions
    assert speakers["Charlie Whelton"].organisation == "Liberty"


def test_without_a_publication_date_relative_periods_stay_empty(nlp: Any, seed_text: str) -> None:
    from claimex.extract import extract_page
    from claimex.records import Page

    claims = _claims(extract_page(nlp, Page(seed_text, "seed", None)))
    assert claims["1,000"].period is None  # "Earlier this month" needs a date to resolve
    assert claims["138,720"].period == "2023"  # an explicit year needs none


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.corpus
def test_seed_page_against_the_answer_key(seed_extraction: Extraction, seed_text: str, shared: Path) -> None:
    import json

    gold = json.loads((shared / "gold" / "guardian-met-facial-recognition.json").read_text(encoding="utf-8"))
    score = _scorer(shared).score(gold, seed_extraction.to_dict(), seed_text)
    assert score["articles_predicted"] == 7
    assert score["f1"] >= 0.95
    assert score["value_accuracy"] >= 0.97
    assert score["unit_accuracy"] >= 0.95
    assert score["qualifier_accuracy"] >= 0.95
    assert score["period_accuracy"] >= 0.90
    assert score["attribution_accuracy"] >= 0.9
    assert score["quotes_found"] == 1.0
    assert score["quote_speaker_accuracy"] >= 0.9
