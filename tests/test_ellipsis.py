"""Units left unsaid: a bare figure takes the unit of the figure beside it (NewsQuant dev sentences)."""

from __future__ import annotations

import pytest

from claimex.components.ellipsis import fill_unsaid
from claimex.normalise.numbers import Quantity, read_quantities


def _counted(sentence: str) -> list[Quantity]:
    """The quantities with a stand-in for the parse: a plural word right after a count is what it counts."""
    quantities = read_quantities(sentence)
    for q in quantities:
        word = sentence[q.end :].split(maxsplit=1)[0].strip(",.") if sentence[q.end :].strip() else ""
        if q.kind == "count" and word.endswith("s") and word.isalpha():
            q.counted = word[:-1]
    return quantities


CASES = [
    ("The highest forecast is 84.75 cents, while the lowest is 74.07.", "74.07", 0.7407, "USD"),
    ("The S&P 500 rose 64.06 points to 4,577.10.", "4,577.10", 4577.1, "point"),
    ("It costs about 8 or $9.", "8", 8, "USD"),
    ("German DAX increased by 2 percent but NSADAQ decrease by 1.", "1", 1, "percent"),
    (
        "London's blue chip index has lost 162.31 points, or 2.14%, to fall to 7,425.81.",
        "7,425.81",
        7425.81,
        "point",
    ),
    # a percentage change leads to a level, not to another percentage
    ("The S&P 500 gained 0.68 per cent to 3,005.47.", "3,005.47", 3005.47, None),
    # a change between two bare figures borrows nothing from a duration before them
    ("The number waiting over 12 months also fell from 7,613 to 6,630, or 12.9%.", "6,630", 6630, None),
    (
        "It includes a £285m cash injection to extend paid maternity leave from six months to nine.",
        "nine",
        9,
        "month",
    ),
    # a time span lends nothing to a figure it is not joined to
    (
        "Its inflation index, which has risen over the last 8 months, climbed to 110.0 in January.",
        "110.0",
        110,
        None,
    ),
    # figures far apart in size share nothing
    ("The firm spent £5m on the site and hired 40 last year.", "40", 40, None),
]


@pytest.mark.parametrize(("sentence", "figure", "value", "unit"), CASES)
def test_bare_figure_takes_its_partner_unit(
    sentence: str, figure: str, value: float, unit: str | None
) -> None:
    filled = fill_unsaid(sentence, _counted(sentence))
    found = [q for q in filled if sentence[q.num_start : q.num_end] == figure]
    assert len(found) == 1
    assert (found[0].value, found[0].unit or found[0].counted) == (pytest.approx(value), unit)


def test_a_figure_joined_by_or_takes_an_age() -> None:
    sentence = (
        "The RAD found that the number of youngsters taking their ballet exams drops by almost 70% "
        "after the age of 10 or 11."
    )
    filled = fill_unsaid(sentence, read_quantities(sentence))
    assert [(sentence[q.num_start : q.num_end], q.kind) for q in filled][-1] == ("11", "age")
