"""Segmentation and repair: furniture dropped, glue undone, every offset pointing into the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimex.normalise.numbers import read_quantities
from claimex.segment import is_headline, segment
from claimex.textmap import Edit, TextMap


def test_textmap_maps_repairs_back() -> None:
    original = "nearly 4.\n\n7m faces a week.The move"
    tmap = TextMap(original, 0, len(original), [Edit(9, 11, ""), Edit(27, 27, " ")])
    assert tmap.text == "nearly 4.7m faces a week. The move"
    start = tmap.text.index("4.7m")
    assert tmap.original_text(start, start + 4) == "4.\n\n7m"


def test_seed_furniture_is_not_article_text(seed_text: str) -> None:
    articles = segment(seed_text)
    assert len(articles) == 7
    for article in articles:
        assert "A picture" not in article.textmap.text
        assert "after newsletter promotion" not in article.textmap.text
        assert "politicsSee all" not in article.textmap.text
    assert "a week. The move" in articles[0].textmap.text
    assert "nearly 4.7m faces" in articles[0].textmap.text


def test_headlines() -> None:
    assert is_headline("Met police to more than double use of live facial recognition")
    assert not is_headline("The platform will be capable of searching a range of databases.")
    assert not is_headline("A picture of " + "very " * 40 + "long text")


def test_a_subheading_inside_an_article_does_not_split_it() -> None:
    page = "Budget row deepens\n\nThe chancellor spoke.\n\nWhat happens next\n\nMPs vote on 5 May.\n"
    assert len(segment(page)) == 1


PIECES = st.sampled_from(
    [
        "A picture",
        "\n",
        "\n\n",
        "Headline here",
        "Sign up to First EditionOur email after newsletter promotion",
        "a week.The move",
        "caution,Charlie Whelton",
        "use,“Any tech",
        "use,”The Met",
        "nearly 4.",
        "7m faces",
        "up to 10 times",
        "£2.4m",
        "politicsSee all",
        " ",
        "He said: “We",
        "”",
        "5-10%",
        "’",
        "x",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_offsets_always_slice_the_original(page: str) -> None:
    for article in segment(page):
        tmap = article.textmap
        assert page[article.start : article.end].strip()
        for q in read_quantities(tmap.text):
            start, end = tmap.span(q.start, q.end)
            assert 0 <= start <= end <= len(page)
            assert tmap.original_text(q.start, q.end) == page[start:end]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_segment_never_raises(page: str) -> None:
    for article in segment(page):
        assert 0 <= article.start <= article.end <= len(page)


@pytest.mark.corpus
def test_web_extracted_articles_are_one_article_without_furniture(shared: Path) -> None:
    furniture = ("Advertisement Continue reading the main story", "Read more:", "Read More:")
    for path in sorted((shared / "news" / "giveme5w1h_events" / "articles").glob("*.txt")):
        articles = segment(path.read_text(encoding="utf-8"))
        assert len(articles) == 1, path.name
        lines = {line.strip() for line in articles[0].textmap.text.splitlines()}
        assert not lines & set(furniture) and "Photo" not in lines, path.name
        assert not any(line.startswith("MOST READ IN") for line in lines), path.name
