"""Every claim and quote points into the original input, whatever the page looks like."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimex.extract import extract_page
from claimex.records import Page
from claimex.segment import segment
from tests.conftest import SEED, read_original

pytestmark = pytest.mark.model

SEED_TEXT = read_original(SEED)
PIECES = st.sampled_from(
    [
        "A picture",
        "\n",
        "\n\n",
        "Headline about 5 things",
        "a week.The move",
        "caution,Charlie Whelton said:",
        " “It is 40% more,",
        "“Any tech costs £2m,",
        "”The Met",
        "nearly 4.",
        "7m faces",
        "up to 10 times a week",
        "politicsSee all",
        " ",
        "He said: “We made 1,000 arrests.",
        "”",
        "5-10%",
        "’",
        "‘quoted words here and there’",
        "Sign up to First EditionOur email after newsletter promotion",
        "Photo",
        "Read more:",
        "\r\n",
        '"',
        "—",
    ]
)


def _check(nlp: Language, text: str) -> None:
    extraction = extract_page(nlp, Page(text, "generated", "2025-07-31"))
    for article in extraction.articles:
        assert 0 <= article.start <= article.end <= len(text)
        for record in [*article.claims, *article.quotes]:
            assert text[record.start : record.end] == record.text
            assert article.start <= record.start <= record.end <= article.end


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, min_size=1, max_size=30).map("".join))
def test_generated_pages(nlp: Language, text: str) -> None:
    _check(nlp, text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(SEED_TEXT) - 1), st.integers(1, 3000))
def test_slices_of_the_seed_page(nlp: Language, start: int, length: int) -> None:
    text = SEED_TEXT[start : start + length]
    if text.strip():
        _check(nlp, text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_articles_lie_inside_any_text(text: str) -> None:
    for article in segment(text):
        assert text[article.start : article.end].strip()
        assert (
            article.textmap.original_text(0, len(article.textmap.text)) == text[article.start : article.end]
        )
