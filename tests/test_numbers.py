"""The number reader on real sentences from news (BBC 2004-05, the seed page): value, unit, qualifier."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimex.normalise.numbers import parse_words, read_quantities
from claimex.normalise.quantity import BORDERLINE, claim_kind

# (sentence, the claim's text, value, value_high, unit, qualifier)
CLAIMS = [
    (
        "Police forces scanned nearly 4.7m faces with the technology last year",
        "nearly 4.7m",
        4.7e6,
        None,
        None,
        "approx",
    ),
    (
        "to more than double its use of live facial recognition",
        "more than double",
        2,
        None,
        "ratio",
        "lower_bound",
    ),
    ("to up to 10 deployments a week.", "up to 10", 10, None, None, "upper_bound"),
    ("cover the loss of 1,400 officers and 300 staff", "1,400", 1400, None, None, "exact"),
    ("will now be used up to 10 times a week across five days", "five days", 5, None, "day", "exact"),
    ("scanning and identifying millions of people does", "millions", 1e6, None, None, "lower_bound"),
    (
        "with the number of offences exceeding 500,000 for the first time",
        "exceeding 500,000",
        5e5,
        None,
        None,
        "lower_bound",
    ),
    (
        "Forces almost doubled the number of retrospective facial recognition searches",
        "almost doubled",
        2,
        None,
        "ratio",
        "approx",
    ),
    ("more than twice as many as in 2023.", "more than twice", 2, None, "ratio", "lower_bound"),
    ("Labour pays estimated £2m to settle claims by 20 people", "estimated £2m", 2e6, None, "GBP", "approx"),
    ("the payouts will total just under £1m, but", "just under £1m", 1e6, None, "GBP", "approx"),
    ("the party spent £2.4m on its own eventually abandoned lawsuit", "£2.4m", 2.4e6, None, "GBP", "exact"),
    ("lawsuit pursuing five separate staffers", "five", 5, None, None, "exact"),
    ("their demand for a 29% pay rise.", "29%", 29, None, "percent", "exact"),
    (
        "I dedicated nearly 15 years of my life to tackling bribery",
        "nearly 15 years",
        15,
        None,
        "year",
        "approx",
    ),
    # BBC business and politics, 2004-05
    (
        "Shares in Manchester United were up over 5% by noon on Monday",
        "over 5%",
        5,
        None,
        "percent",
        "lower_bound",
    ),
    ("values the club at £800m ($1.5bn).", "£800m", 8e8, None, "GBP", "exact"),
    ("values the club at £800m ($1.5bn).", "$1.5bn", 1.5e9, None, "USD", "exact"),
    ("pitched at about 300p a share.", "about 300p", 3.0, None, "GBP", "approx"),
    ("Oil prices carried on rising, past $50 a barrel on Tuesday", "$50", 50, None, "USD", "exact"),
    ("US crude was trading at $51.39 at 0710 GMT", "$51.39", 51.39, None, "USD", "exact"),
    ("the prices are falling below $35 a barrel", "below $35", 35, None, "USD", "upper_bound"),
    (
        "The EU budget to be capped at 1% of member states' combined national incomes",
        "capped at 1%",
        1,
        None,
        "percent",
        "upper_bound",
    ),
    (
        "Up to 1.4 million workers could take part in strikes",
        "Up to 1.4 million",
        1.4e6,
        None,
        None,
        "upper_bound",
    ),
    ("Unison will start balloting 800,000 local government workers", "800,000", 8e5, None, None, "exact"),
    (
        "More than 23,000 people have been killed following the tsunami",
        "More than 23,000",
        23000,
        None,
        None,
        "lower_bound",
    ),
    ("Thai Airways shed almost 4%.", "almost 4%", 4, None, "percent", "approx"),
    ("a $2.7bn (£1.4bn) accounting fraud", "$2.7bn", 2.7e9, None, "USD", "exact"),
    ("a $2.7bn (£1.4bn) accounting fraud", "£1.4bn", 1.4e9, None, "GBP", "exact"),
    ("spending about $200m between 1996 and 2002", "about $200m", 2e8, None, "USD", "approx"),
    (
        "Indoor parking bays can cost up to 250% more than outdoor ones",
        "up to 250%",
        250,
        None,
        "percent",
        "upper_bound",
    ),
    (
        "compulsory monthly fees of up to 400 yuan ($48; £26).",
        "up to 400 yuan",
        400,
        None,
        "CNY",
        "upper_bound",
    ),
    ("who are building dozens of new roads", "dozens", 12, None, None, "lower_bound"),
    (
        "more than double that of Spanish or Italian youngsters",
        "more than double",
        2,
        None,
        "ratio",
        "lower_bound",
    ),
    ("to stump up nearly a third of this income", "nearly a third", 1 / 3, None, None, "approx"),
    ("Revenue dipped 1.4% to 86.7bn Swiss francs", "86.7bn Swiss francs", 8.67e10, None, "CHF", "exact"),
    (
        "The firm has averted liquidation following a one trillion won ($960m; £499m) bail-out",
        "one trillion won",
        1e12,
        None,
        "KRW",
        "exact",
    ),
    ("LG Card has seven million customers", "seven million", 7e6, None, None, "exact"),
    (
        "Mr Howard said nearly 160,000 people were settling in the UK",
        "nearly 160,000",
        160000,
        None,
        None,
        "approx",
    ),
    (
        "asylum applications were down 40% and economic migration down about 10%",
        "about 10%",
        10,
        None,
        "percent",
        "approx",
    ),
    ("faces up to four years in prison", "up to four years", 4, None, "year", "upper_bound"),
    ("The Fed raised its rate by a quarter percentage point to 2%", "2%", 2, None, "percent", "exact"),
    (
        "US firms created 337,000 jobs last month, twice the amount expected",
        "twice",
        2,
        None,
        "ratio",
        "exact",
    ),
    (
        "Interest rates rose 2 percentage points last year",
        "2 percentage points",
        2,
        None,
        "percentage_point",
        "exact",
    ),
    ("Shares fell 4p to 583p in London", "583p", 5.83, None, "GBP", "exact"),
    ("The coin is now worth 65 cents", "65 cents", 0.65, None, "USD", "exact"),
    ("Between 5 and 10 people were hurt", "5 and 10", 5, 10, None, "exact"),
    ("Prices rose by 5-10% in the year", "5-10%", 5, 10, "percent", "exact"),
    ("a 3.5km route", "3.5km", 3.5, None, "kilometre", "exact"),
    ("The ship carried 40 tonnes of grain", "40 tonnes", 40, None, "tonne", "exact"),
    ("twenty-five people were hurt", "twenty-five", 25, None, None, "exact"),
    ("a dozen witnesses came forward", "a dozen", 12, None, None, "exact"),
    ("about half of the staff left", "about half", 0.5, None, None, "approx"),
    ("The trial lasted a fortnight and two weeks more", "two weeks", 2, None, "week", "exact"),
    ("the cost rose to A$3.2bn", "A$3.2bn", 3.2e9, None, "AUD", "exact"),
    ("a US$5m deal", "US$5m", 5e6, None, "USD", "exact"),
    ("it will cost 1.2tn yen", "1.2tn yen", 1.2e12, None, "JPY", "exact"),
    ("a 5k run raised €12,000 for charity", "€12,000", 12000, None, "EUR", "exact"),
    ("the debt halved in a decade", "halved", 0.5, None, "ratio", "exact"),
    ("sales have tripled since the launch", "tripled", 3, None, "ratio", "exact"),
    ("more than 10,000 people or more", "more than 10,000", 10000, None, None, "lower_bound"),
    # the first figure of a change takes the second's scale and unit when it has none
    ("The number rose from 3 to 5 million.", "3", 3e6, None, None, "exact"),
    ("It fell from 5 to 3 million.", "5", 5e6, None, None, "exact"),
    ("Profit rose from 5 to 7 percent.", "5", 5, None, "percent", "exact"),
    ("Sales grew from 1.2 to 1.5bn euros.", "1.2", 1.2e9, None, "EUR", "exact"),
    ("It rose from 800 to 1.2 million.", "800", 800, None, None, "exact"),
    ("The pension age rises from 60 to 65.", "60", 60, None, None, "exact"),
    ("He never spoke longer than 30 minutes.", "longer than 30 minutes", 30, None, "minute", "lower_bound"),
    (
        "About 1 in 4 residents lived in distressed neighbourhoods.",
        "About 1 in 4",
        0.25,
        None,
        None,
        "approx",
    ),
    # units glued or hyphened as typed (issue 13)
    ("Digital guru floats sub-$100 PC", "sub-$100", 100, None, "USD", "upper_bound"),
    ("the new engine is a 1.5-litre unit", "1.5-litre", 1.5, None, "litre", "exact"),
    ("highs of 25C (77F) are expected", "25C", 25, None, "celsius", "exact"),
    ("highs of 25C (77F) are expected", "77F", 77, None, "fahrenheit", "exact"),
    ("a 1/4 mile track", "1/4 mile", 0.25, None, "mile", "exact"),
    ("Proxima Centauri is 4.2 light-years away", "4.2 light-years", 4.2, None, "light-year", "exact"),
    ("The Fed cut rates by 50bps on Wednesday", "50bps", 50, None, "basis point", "exact"),
    ("The state will spend Rs 500 crore on roads", "Rs 500 crore", 5e9, None, "INR", "exact"),
    ("The new chip is 3x faster", "3x", 3, None, "ratio", "exact"),
    ("it will take a day or two to fix", "two", 2, None, "day", "exact"),
    ("It took half an hour.", "half an hour", 0.5, None, "hour", "exact"),
    ("The 400-gram bar was reduced to a 360-gram bar", "400-gram", 400, None, "gram", "exact"),
    (
        "The Library receives between three and four million requests",
        "three and four million",
        3e6,
        4e6,
        None,
        "exact",
    ),
]


@pytest.mark.parametrize(("sentence", "text", "value", "high", "unit", "qualifier"), CLAIMS)
def test_reads_claim(
    sentence: str, text: str, value: float, high: float | None, unit: str | None, qualifier: str
) -> None:
    found = {sentence[q.start : q.end]: q for q in read_quantities(sentence)}
    assert text in found, f"{text!r} not among {list(found)}"
    q = found[text]
    assert q.value == pytest.approx(value)
    assert q.value_high == (pytest.approx(high) if high is not None else None)
    assert q.unit == unit
    assert q.qualifier == qualifier


# Never claims: dates and years as time references, names, fixed terms, times, codes, phone numbers.
NOT_CLAIMS = [
    ("The unemployment rate for black men ages 16 to 24 was 18.7 percent.", ["16", "24"]),
    ("An older form of the technology was trialled at the event in 2016 and 2017.", ["2016", "2017"]),
    ("were arrested on 3 January in Kerman", ["3"]),
    ("Re your editorial (The Guardian view on standards, 25 July)", ["25"]),
    ("commits to a two-state solution in the Middle East", ["two"]),
    ("the G8 summit", ["8"]),
    ("He won the Formula 1 title", ["1"]),
    ("It runs Windows 95 still", ["95"]),
    ("North Korea fired a Hwasong-12 missile", ["12"]),
    ("Flight 1943 was delayed", ["1943"]),
    ("under the 14th Amendment", ["14"]),
    ("speaking on Radio 4 this morning", ["4"]),
    ("a Boeing 787 jet", ["787"]),
    ("Call 0800 123 4567 for help", ["0800", "123", "4567"]),
    ("The meeting starts at 10am and ends at 3.30pm", ["10", "3.30"]),
    ("US crude was trading at $51.39 at 0710 GMT", ["0710"]),
    ("the EU's budget for 2007-13", ["2007", "13"]),
    ("He quit his BBC One show", ["One"]),
    ("Six weeks ago, the Foreign Office said", ["Six"]),
    ("in the past two years", ["two"]),
    ("a record in the 1990s", ["1990"]),
    ("see page 5 and section 4", ["5", "4"]),
    ("one of the most senior figures", ["one"]),
    ("Liverpool won 3-1 at home", ["3", "1"]),
    ("The version 3.8.0 release", ["3.8", "8.0"]),
    ("He went to No 10 Downing Street", ["10"]),
    ("Covid-19 cases rose", ["19"]),
    ("thousands of COVID -19 tests", ["19"]),
    ("Greenwood scored twice as United confirmed their status", ["twice"]),
    ("using the same one across multiple accounts", ["one"]),
    ("open 24/7 since 9/11", ["24", "9"]),
    ("two young daughters aged five and seven", ["five", "seven"]),
    ("relieved of first-team duties after just one win in 14 league games", ["one win in 14"]),
    ("free nursery education for three and four-year-olds", ["four"]),
    ("a 6-foot-2 guard", ["foot"]),
]


@pytest.mark.parametrize(("sentence", "numbers"), NOT_CLAIMS)
def test_never_a_claim(sentence: str, numbers: list[str]) -> None:
    # Ages and relative time spans are borderline (CONTRACT.md): emitted with their kind, never as a count.
    found = [sentence[q.start : q.end] for q in read_quantities(sentence) if claim_kind(q) not in BORDERLINE]
    for number in numbers:
        assert not any(number in text for text in found), f"{number!r} read as a claim in {found}"


def test_from_to_is_two_claims() -> None:
    sentence = "The squad will go from 48 to 63 officers"
    found = [(sentence[q.start : q.end], q.value, q.value_high) for q in read_quantities(sentence)]
    assert found == [("48", 48, None), ("63", 63, None)]


def test_two_currencies_are_two_claims() -> None:
    sentence = "a deal worth $1.13bn (£600m)"
    assert [(q.value, q.unit) for q in read_quantities(sentence)] == [(1.13e9, "USD"), (6e8, "GBP")]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("a dozen", 12),
        ("three million", 3_000_000),
        ("one hundred thousand", 100_000),
        ("ninety-nine", 99),
    ],
)
def test_parse_words(words: str, value: int) -> None:
    assert parse_words(words) == value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_reader_never_raises_and_spans_are_in_text(text: str) -> None:
    for q in read_quantities(text):
        assert 0 <= q.start <= q.num_start < q.num_end <= q.end <= len(text)


NEWSY = st.lists(
    st.sampled_from(
        [
            "£2.4m",
            "nearly",
            "4.",
            "\n\n",
            "7m",
            "up to",
            "10",
            "times a week",
            "more than",
            "double",
            "1,400",
            "officers",
            "5-10%",
            "between",
            "and",
            "in 2024",
            "last year",
            "twice as many",
            " ",
            "millions of",
            "people",
            "from",
            "to",
            "$1.13bn (£600m)",
            "half of",
            "-",
            "%",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(NEWSY)
def test_reader_on_newsy_text(text: str) -> None:
    for q in read_quantities(text):
        assert text[q.num_start : q.num_end].strip()
        assert q.qualifier in ("exact", "approx", "lower_bound", "upper_bound")


# A title-case headline capitalises every word: a number word with a unit after it is still a figure there,
# a capitalised number word that names something is not.
TITLE_CASE = [
    (
        "Clintons Report Earnings of $139 Million in Seven Years\n",
        [("$139 Million", 139e6), ("Seven Years", 7)],
    ),
    ("Why Ten Downing Street Matters\n", []),
    (
        "Cubs Win After Rain Delay of Half an Hour with Seven Minutes Lost\n",
        [("Half an Hour", 0.5), ("Seven Minutes", 7)],
    ),
    ("BBC One Drama Returns to Screens After Long Break\n", []),
]


@pytest.mark.parametrize(("headline", "expected"), TITLE_CASE)
def test_number_words_on_a_title_case_headline(headline: str, expected: list[tuple[str, float]]) -> None:
    assert [(headline[q.start : q.end], q.value) for q in read_quantities(headline)] == expected


# A half with a unit, whichever side of "and a half" the unit stands (sentences from ../shared/news).
HALVES = [
    (
        "The meeting lasted for almost an hour and a half, and it could've",
        ("almost an hour and a half", 1.5, "hour"),
    ),
    ("Trump and Obama met for an hour-and-a-half meeting", ("an hour-and-a-half", 1.5, "hour")),
    ("the players were delayed for around half an hour", ("around half an hour", 0.5, "hour")),
    ("Lying down for three and a half months didn't really help", ("three and a half months", 3.5, "month")),
    ("there are now two and a half million cars on the road", ("two and a half million", 2.5e6, None)),
    (
        "a song which currently takes one and a half minutes to download",
        ("one and a half minutes", 1.5, "minute"),
    ),
    ("a deficit of close to half a trillion dollars", ("close to half a trillion dollars", 5e11, "USD")),
    ("The launch was delayed by two hours and a half", ("two hours and a half", 2.5, "hour")),
    ("a million and a half people", ("a million and a half", 1.5e6, None)),
    ("He bought a dozen and a half eggs", ("a dozen and a half", 18, None)),
]


@pytest.mark.parametrize(("sentence", "expected"), HALVES)
def test_a_half_joins_its_number_and_unit(sentence: str, expected: tuple[str, float, str | None]) -> None:
    assert [(sentence[q.start : q.end], q.value, q.unit) for q in read_quantities(sentence)] == [expected]


# One of a time unit before the noun it measures (sentences from ../shared/news); "one" alone is no claim.
ONE_UNIT = [
    (
        "current President Barack Obama and an hour-long meeting at the White House on Thursday morning.",
        [("an hour", 1, "hour")],
    ),
    ("The report, which followed a year-long inquiry by the committee,", [("a year", 1, "year")]),
    ("the athletes could receive a maximum one-year suspension.", [("one-year", 1, "year")]),
    ("already earmarked 23 March for a one-day strike", [("one-day", 1, "day")]),
    ("will result in a one-off charge", []),
    ("an extension of long-term unemployment benefit", []),
]


@pytest.mark.parametrize(("sentence", "expected"), ONE_UNIT)
def test_one_of_a_time_unit_is_a_duration(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(sentence[q.start : q.end], q.value, q.unit) for q in read_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value", "per"),
    [("He visits twice a year.", 2, "year"), ("The board met once a month in London.", 1, "month")],
)
def test_a_frequency_is_a_rate(sentence: str, value: float, per: str) -> None:
    found = read_quantities(sentence)
    assert [(q.value, q.per, q.kind) for q in found] == [(value, per, "count")]
