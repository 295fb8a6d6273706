"""Periods: time references resolved against the publication date, and which claim each one governs."""

from __future__ import annotations

import datetime as dt

import pytest

from claimex.normalise.dates import assign_periods, find_time_refs
from claimex.normalise.numbers import read_quantities

PUBLISHED = dt.date(2025, 7, 31)


def _periods(sentence: str, published: dt.date | None = PUBLISHED) -> dict[str, str | None]:
    quantities = read_quantities(sentence)
    spans = [(q.start, q.end) for q in quantities]
    periods = assign_periods(sentence, spans, find_time_refs(sentence, published))
    return {sentence[q.start : q.end]: p for q, p in zip(quantities, periods, strict=True)}


@pytest.mark.parametrize(
    ("sentence", "claim", "period"),
    [
        ("Police forces scanned nearly 4.7m faces with the technology last year.", "nearly 4.7m", "2024"),
        (
            "The CBO also forecast a total shortfall of $855bn for the years from 2006 to 2015.",
            "$855bn",
            "2006/2015",
        ),
        ("Sales rose from 48 in 2003 to 63 in 2004.", "48", "2003"),
        (
            "For the full-year, TimeWarner posted a profit of $3.36bn, up 27% from its 2003 performance, "
            "while revenues grew 6.4% to $42.09bn.",
            "27%",
            None,
        ),
        ("Earlier this month, the Met revealed it had made 1,000 arrests.", "1,000", "2025-07"),
        ("Vans were deployed at least 256 times in 2024, up from 63 the year before.", "63", "2023"),
        (
            "Vans were deployed at least 256 times in 2024, up from 63 the year before.",
            "at least 256",
            "2024",
        ),
        (
            "Forces scanned 4.7m faces last year, more than twice as many as in 2023.",
            "more than twice",
            "2024",
        ),
        ("Searches made last year rose from 138,720 in 2023 to 252,798.", "138,720", "2023"),
        ("Searches made last year rose from 138,720 in 2023 to 252,798.", "252,798", "2024"),
        ("In May, sales rose 4%.", "4%", "2025-05"),
        ("The UK will recognise the state in September, with 5 conditions.", "5", "2025-09"),
        ("Sales rose 5% in the fourth quarter of 2004.", "5%", "2004-Q4"),
        ("Profits rose 3% in 2004-05.", "3%", "2004-05"),
        ("It made $10m in the third quarter, down from $133m a year ago.", "$133m", "2024-Q3"),
        ("The firm has fired 21 missiles during 14 tests since February.", "21", None),
    ],
)
def test_period(sentence: str, claim: str, period: str | None) -> None:
    assert _periods(sentence)[claim] == period


def test_a_month_after_a_past_comparison_is_the_latest_one_past() -> None:
    sentence = (
        "Inflation, however, has been rising faster than expected, hitting an annual rate of 1.6% in "
        "December - its highest level in six months."
    )
    assert _periods(sentence, dt.date(2005, 2, 15))["1.6%"] == "2004-12"


def test_a_multiplier_against_an_earlier_year_belongs_to_the_sentence() -> None:
    sentence = (
        "China Daily said the market was currently enjoying steady growth, making more than 210bn yuan "
        "($25.4bn) in pre-tax profits last year, almost double the figure in 2000."
    )
    assert _periods(sentence, dt.date(2005, 2, 15))["almost double"] == "2004"


def test_a_day_without_a_year_is_the_nearest_one() -> None:
    sentence = "Up to 1.4 million workers could take part in strikes earmarked for 23 March."
    assert _periods(sentence, dt.date(2005, 3, 1))["Up to 1.4 million"] == "2005-03-23"
    assert _periods("Sales hit 5,000 on 3 February.", dt.date(2005, 3, 1))["5,000"] == "2005-02-03"
    arrested = "Lindsay and Craig Foreman, both 52, were arrested with 3 others on 3 January."
    assert _periods(arrested, dt.date(2025, 7, 31))["3"] == "2025-01-03"


def test_a_deadline_is_not_the_sentences_period() -> None:
    sentence = (
        "Mr Brown put 1p a pint on beer, 4p on a bottle of wine and 7p on 20 cigarettes but froze petrol "
        "duty until September."
    )
    assert set(_periods(sentence, dt.date(2005, 3, 16)).values()) == {None}


def test_without_a_publication_date_relative_periods_stay_empty() -> None:
    periods = _periods("Sales rose 5% last year and 3% in 2023 alone.", None)
    assert periods == {"5%": None, "3%": "2023"}


def test_a_quarter_without_a_year_is_the_latest_one_begun() -> None:
    assert _periods("Sales rose 5% in the fourth quarter.", dt.date(2005, 1, 20))["5%"] == "2004-Q4"
    assert _periods("Sales rose 5% in the second quarter.", dt.date(2005, 8, 1))["5%"] == "2005-Q2"
