"""Numbers inside names, by the parser's entity spans (NewsQuant dev sentences): no count claims."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimex.extract import extract_page
from claimex.records import Page

SENTENCES = [
    (
        "Ultimately though this is a very expensive gadget to strap to your wrist - so we went hands-on with "
        "the new Apple Watch 5 to see if its special enough to convince early adopters to upgrade.",
        "5",
    ),
    (
        "Here are the articles from The Verge that are discussed on this episode: "
        "iPhone 11 Pro and 11 Pro Max: hands-on with Apples new flagship phones.",
        "11",
    ),
]


@pytest.mark.parametrize(("sentence", "number"), SENTENCES)
def test_a_number_in_a_name_is_no_claim(nlp: Language, sentence: str, number: str) -> None:
    extraction = extract_page(nlp, Page(source="-", text=sentence))
    claims = [c.text for a in extraction.articles for c in a.claims]
    assert number not in claims


def test_a_count_beside_a_name_stays(nlp: Language) -> None:
    sentence = "Apple sold 5 million watches in the quarter."
    extraction = extract_page(nlp, Page(source="-", text=sentence))
    assert [c.value for a in extraction.articles for c in a.claims] == [5_000_000]
