"""The cross-check matcher on real sentences from ../shared/news, run through the real extraction.

Each case is a small story: one sentence per article (quoted from the article it comes from), extracted with
the model, turned into Sightings and linked. The property tests need no model: linking is symmetric in the
order of its input and never links a mention to itself.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from claimex.crosscheck.match import Link, Sighting, link
from claimex.extract import extract_pages
from claimex.normalise.intervals import interval
from claimex.records import Page

Article = tuple[str, str | None]  # (one sentence of the article, its publication date)


def sightings(nlp: Language, articles: list[Article]) -> list[Sighting]:
    """Every claim of every article as the ledger hands it to the matcher (one story)."""
    pages = [
        Page(text, f"article{n}", published, url=f"article{n}")
        for n, (text, published) in enumerate(articles)
    ]
    out = []
    for page, extraction in extract_pages(nlp, pages):
        for article in extraction.articles:
            for c in article.claims:
                low, high = interval(c.text, c.value, c.value_high, c.qualifier)
                out.append(
                    Sighting(
                        id=f"{page.source}#{c.start}",
                        article=page.source,
                        story="story",
                        published=page.published,
                        text=c.text,
                        value=c.value,
                        value_high=c.value_high,
                        low=low,
                        high=high,
                        unit=c.unit,
                        per=c.per,
                        kind=c.kind or "count",
                        qualifier=c.qualifier,
                        period=c.period,
                        measure=c.measure or "",
                        predicate=c.predicate or "",
                        about=c.about or "",
                        context=tuple(c.context),
                        speaker=c.speaker or c.source or "",
                        sentence=c.sentence,
                        counted=c.counted or "",
                        quote=c.quote,
                    )
                )
    return out


def mention(found: list[Sighting], article: int, text: str) -> str:
    ids = [s.id for s in found if s.article == f"article{article}" and s.text == text]
    assert ids, f"no claim {text!r} in article{article}: {[(s.article, s.text) for s in found]}"
    return ids[0]


def verdicts(links: list[Link]) -> dict[frozenset[str], str]:
    return {frozenset((x.a, x.b)): x.verdict for x in links}


# (articles, the mention in the first, the mention in the second) that state one fact
SAME_FACT: list[tuple[list[Article], str, str]] = [
    (  # Falcon Heavy story: the same payload, with and without "up to"
        [
            (
                "The Heavy is capable of delivering, in one fell swoop, 140,660 pounds (63,800 kilograms) of "
                "cargo to low-Earth orbit, nearly 60,000 pounds (26,700 kilograms) to a geostationary "
                "transfer "
                "orbit, and 37,000 pounds (16,800 kilograms) to Mars.",
                "2018-02-06",
            ),
            (
                "When its first stage boosters are not recovered, SpaceX’s Falcon Heavy will be capable of "
                "delivering up to 140,660 pounds (63,800 kilograms) to low Earth orbit.",
                "2018-02-06",
            ),
        ],
        "63,800 kilograms",
        "63,800 kilograms",
    ),
    (  # Croydon tram crash: "six men" dead, in two outlets' words
        [
            (
                "A total of six men and one woman died in the crash, while 50 other passengers were injured.",
                None,
            ),
            (
                "Six men and one woman died and more than 50 people were injured when the carriages flipped "
                "over as the tram turned around a sharp bend at around 9.10am on November 9.",
                None,
            ),
        ],
        "six",
        "Six",
    ),
    (  # the Clintons' returns: a figure to the dollar and the same figure rounded to millions
        [
            (
                "The couple paid $43,885,310 in federal taxes and $13,625,777 in state and local taxes, and "
                "made $14,959,450 in charitable contributions during that time.",
                "2015-07-31",
            ),
            (
                "They also donated $15 million to charity, and paid an additional $13.6 million in state "
                "taxes.",
                "2015-07-31",
            ),
        ],
        "$14,959,450",
        "$15 million",
    ),
    (  # Cubs: the 108-year drought
        [
            ("The Chicago Cubs have won the World Series - ending a 108-year drought.", "2016-11-03"),
            (
                "Chicago fans take to the streets to celebrate the Chicago Cubs victory after an 108 year "
                "wait",
                "2016-11-03",
            ),
        ],
        "108-year",
        "108 year",
    ),
    (  # Croydon tram crash: a span of time used as a time reference is still the fact both outlets give
        [
            ("The couple had moved to the UK from Poland 10 years ago for a 'better life'.", None),
            (
                "Mrs Rynkiewicz and her husband Andrezej, a professional golf player and coach, moved to New "
                "Addington from Poland around ten years ago in search of a better life.",
                None,
            ),
        ],
        "10 years",
        "around ten years",
    ),
]

# (articles, mention, mention) that look alike but are two facts
DIFFERENT_FACT: list[tuple[list[Article], str, str]] = [
    (  # Boehner: 32 orphan districts are not the 33 Senate seats in play
        [
            (
                "And we have 32 districts that are in states where there is no presidential campaign going "
                "to "
                "be run, no big Senate race and we call these orphan districts.",
                "2014-06-03",
            ),
            (
                "In total, 33 Senate seats are in play this year, with 23 currently held by Democrats and 10 "
                "held by Republicans.",
                "2014-06-03",
            ),
        ],
        "32",
        "33",
    ),
    (  # Falcon Heavy story: a count of outs is not a count of boosters
        [
            ("Two of the Heavy’s first-stage boosters are repeats, having flown on Falcon 9s.", "2018-02-06"),
            (
                "Meanwhile, the Falcon Heavy’s two strap-on boosters will flip around to fly tail-first "
                "with the "
                "aid of cold-gas nitrogen thrusters.",
                "2018-02-06",
            ),
        ],
        "Two",
        "two",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("articles", "first", "second"), SAME_FACT)
def test_same_fact_is_linked_consistent(
    nlp: Language, articles: list[Article], first: str, second: str
) -> None:
    found = sightings(nlp, articles)
    pair = frozenset((mention(found, 0, first), mention(found, 1, second)))
    assert verdicts(link(found)).get(pair) == "consistent"


@pytest.mark.model
@pytest.mark.parametrize(("articles", "first", "second"), DIFFERENT_FACT)
def test_different_facts_are_not_linked(
    nlp: Language, articles: list[Article], first: str, second: str
) -> None:
    found = sightings(nlp, articles)
    pair = frozenset((mention(found, 0, first), mention(found, 1, second)))
    assert pair not in verdicts(link(found))


# What a figure measures (sentences from ../shared/news): the subject of "be"; the complement of a noun
# that names a measure ("chance of"); and for a duration the event, which is the verb unless the verb only
# says how long its subject lasted.
MEASURED = [
    (
        "In the region today the unemployment rate is 12%, in some areas it is 15%.",
        "12%",
        "unemployment rate",
    ),
    (
        "Weather forecasts call for an 80 percent chance of favorable conditions.",
        "80 percent",
        "favorable condition",
    ),
    (
        "Musk predicted the first Falcon Heavy has a 50 to 70 percent chance of full success.",
        "50 to 70 percent",
        "full success",
    ),
    ("But rain meant the players were delayed for around half an hour.", "around half an hour", "delay"),
    (
        "I had great respect. The meeting lasted for almost an hour and a half.",
        "almost an hour and a half",
        "meeting",
    ),
    ("The tension was heightened by a 17-minute rain delay.", "17-minute", "rain delay"),
    ("Obama and an hour-long meeting at the White House on Thursday morning.", "an hour", "meeting"),
]


@pytest.mark.model
@pytest.mark.parametrize(("sentence", "text", "measured"), MEASURED)
def test_what_a_figure_measures(nlp: Language, sentence: str, text: str, measured: str) -> None:
    found = {s.text: s.measure for s in sightings(nlp, [(sentence, None)])}
    assert found[text] == measured


@pytest.mark.model
def test_names_are_not_counts(nlp: Language) -> None:
    """ "Falcon 9" and "Chang'e 4" name a rocket and a mission: never linked as figures."""
    found = sightings(
        nlp,
        [
            (
                "SpaceX developed the Falcon Heavy to lift heavier payloads into space than the company’s "
                "Falcon 9 rocket.",
                None,
            ),
            (
                "Some customers switched their satellites to the smaller Falcon 9, which benefited from "
                "multiple launches.",
                None,
            ),
        ],
    )
    assert not [x for x in link(found) if any(s.id in (x.a, x.b) and s.text == "9" for s in found)]


@pytest.mark.model
def test_ages_are_not_counts(nlp: Language) -> None:
    """ "The driver, 42," and "anyone 19 or older" state ages, which are not numeric claims: never linked."""
    found = sightings(
        nlp,
        [
            (
                "The driver, 42, has been released on police bail following his arrest on suspicion of "
                "manslaughter.",
                None,
            ),
            (
                "The driver of a tram, 42 from Beckenham, was arrested on suspicion of manslaughter but has "
                "been released on bail until May.",
                None,
            ),
            (
                "(Alabama law, both in 1979 and now, finds that someone who is 19 or older and has sexual "
                "contact with someone between the ages of 12 and 16 is guilty of second-degree sex abuse.)",
                None,
            ),
            (
                "The Post noted that the legal age of consent in the state is 16, and sexual contact by "
                "anyone 19 or older with anyone between 12 and 16 years old is considered second-degree "
                "sexual abuse.",
                None,
            ),
        ],
    )
    ages = {s.id for s in found if s.text in ("42", "19", "16", "12")}
    assert ages, [s.text for s in found]
    assert not [x for x in link(found) if x.a in ages or x.b in ages]


GORILLA: list[Article] = [  # Harambe: Reuters and RT give 400 lb / 181 kg, CNN 450 lb
    (
        "The 181-kg gorilla picked the boy up, as the video showed, and dragged him for at least 10 minutes.",
        "2017-11-30",
    ),
    (
        'A Facebook page titled "Justice for Harambe" had more than 3,000 likes by Sunday afternoon, a day '
        "after the "
        "400-pound (181-kg) gorilla was shot dead about 10 minutes after encountering and dragging the "
        "child.",
        "2016-05-30",
    ),
    (
        "The judgment and criticism built quickly after a 3-year-old got into the enclosure of a 450-pound "
        "gorilla "
        "at the Cincinnati Zoo.",
        "2016-03-18",
    ),
]


@pytest.mark.model
def test_a_figure_that_contradicts_what_two_outlets_agree_on_is_a_conflict(nlp: Language) -> None:
    found = sightings(nlp, GORILLA)
    got = verdicts(link(found))
    # "181-kg" is read as a weight in kilograms, "450-pound" as a count of pounds: pint compares the two.
    # Reuters' 181 kg is linked as consistent to RT's figure (either way RT wrote it), never set against it
    weight = mention(found, 0, "181-kg")
    agreeing = [mention(found, 1, "181-kg"), mention(found, 1, "400")]  # "400-pound (181-kg)": one figure
    said = [got.get(frozenset((weight, other))) for other in agreeing]
    assert "consistent" in said and "conflict" not in said
    against = {
        got.get(frozenset((weight, mention(found, 2, "450")))),
        *(got.get(frozenset((x, mention(found, 2, "450")))) for x in agreeing),
    }
    assert "conflict" in against  # the lower figure came later, and a weight is not a running count
    assert "consistent" not in against


@pytest.mark.model
def test_a_figure_cut_to_its_last_digit_is_consistent(nlp: Language) -> None:
    """ "$43 million" for $43,885,310 is the figure truncated, which reporters do: linked, not a conflict."""
    exact = (
        "The couple paid $43,885,310 in federal taxes and $13,625,777 in state and local taxes, and made "
        "$14,959,450 in charitable contributions during that time."
    )
    found = sightings(
        nlp,
        [
            (exact, "2015-07-31"),
            (exact, "2015-07-31"),
            (
                "In the tax returns, released late Friday afternoon, the documents show the Clintons have "
                "paid $43 million in federal taxes since 2007.",
                "2015-07-31",
            ),
        ],
    )
    got = verdicts(link(found))
    cut = mention(found, 2, "$43 million")
    said = {got.get(frozenset((cut, mention(found, n, "$43,885,310")))) for n in (0, 1)}
    assert "consistent" in said and "conflict" not in said


# the Clintons' tax returns: one report rounds what it also gives to the dollar; another gives less
CLINTONS: list[Article] = [
    (
        "Hillary and Bill Clinton earned roughly $141 million and paid nearly $44 million in federal income "
        "taxes from 2007 to 2014, according to tax returns released Friday. According to the returns, the "
        "Clintons earned $140,937,785 over the eight year span, primarily from book sales and speaking fees.",
        "2015-07-31",
    ),
    (
        "Hillary Rodham Clinton on Friday released her most recent eight years of tax returns, showing that "
        "she and former President Bill Clinton earned $139 million in adjusted gross income from 2007 to "
        "2014.",
        "2015-07-31",
    ),
]


@pytest.mark.model
def test_an_exact_figure_its_own_report_rounds_can_still_conflict(nlp: Language) -> None:
    found = sightings(nlp, CLINTONS)
    got = verdicts(link(found))
    exact, other = mention(found, 0, "$140,937,785"), mention(found, 1, "$139 million")
    assert got.get(frozenset((exact, other))) == "conflict"
    assert got.get(frozenset((mention(found, 0, "roughly $141 million"), other))) == "consistent"


# the Nice truck attack: the toll two reports gave on the night, and a report of the next evening
NICE: list[Article] = [
    ("The death toll grew through the night, with Hollande saying 77 people died.", "2016-07-14T21:32:16"),
    (
        '"This is still a very preliminary assessment," added Jean-Michel Priest, prosecutor of Nice, said '
        "of the "
        "assault in which 77 people reportedly died.",
        "2016-07-15T00:00:00",
    ),
    (
        "By the time he was gunned down, he had traveled over a mile of beachfront, turning his vehicle "
        "into a "
        "weapon and killing at least 84 people.",
        "2016-07-15T21:19:18",
    ),
]


@pytest.mark.model
def test_a_later_higher_toll_is_an_update(nlp: Language) -> None:
    found = sightings(nlp, NICE)
    got = verdicts(link(found))
    assert got.get(frozenset((mention(found, 0, "77"), mention(found, 1, "77")))) == "consistent"
    later = {got.get(frozenset((mention(found, n, "77"), mention(found, 2, "at least 84")))) for n in (0, 1)}
    assert later == {"updated"}


# --- properties (no model) ---------------------------------------------------------------------------

WORDS = ["troop", "withdraw", "syria", "vote", "senate", "gorilla", "weigh", "zoo", "engine", "rocket"]


@st.composite
def stories(draw: Any) -> list[Sighting]:
    n = draw(st.integers(min_value=0, max_value=12))
    out = []
    for i in range(n):
        value = float(draw(st.sampled_from([2, 3, 12, 63, 400, 450, 2000, 7000])))
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4, unique=True))
        unit = draw(st.sampled_from([None, None, "pound", "kilogram", "USD"]))
        exact = draw(st.booleans())
        out.append(
            Sighting(
                id=f"m{i}",
                article=f"a{draw(st.integers(min_value=0, max_value=3))}",
                story=draw(st.sampled_from(["s", "s", "t"])),
                published=draw(st.sampled_from([None, "2016-05-29", "2016-05-30"])),
                text=f"{value:g}",
                value=value,
                value_high=None,
                low=value - 0.5 if exact else value,
                high=value + 0.5 if exact else None,
                unit=unit,
                per=None,
                kind="count",
                qualifier="exact" if exact else "lower_bound",
                period=None,
                measure=" ".join(words[:1]),
                predicate=words[-1],
                about="",
                context=tuple(words),
                speaker="",
                sentence=" ".join(words) + f" {value:g}",
            )
        )
    return out


def _pairs(links: list[Link]) -> set[frozenset[str]]:
    return {frozenset((x.a, x.b)) for x in links}


@settings(max_examples=60, deadline=None)
@given(stories(), st.randoms(use_true_random=False))
def test_linking_ignores_input_order_and_never_links_a_mention_to_itself(
    story: list[Sighting], rnd: Any
) -> None:
    links = link(story)
    shuffled = list(story)
    rnd.shuffle(shuffled)
    assert _pairs(link(shuffled)) == _pairs(links)
    assert {(frozenset((x.a, x.b)), x.verdict) for x in link(shuffled)} == {
        (frozenset((x.a, x.b)), x.verdict) for x in links
    }
    by_id = {s.id: s for s in story}
    for x in links:
        assert x.a != x.b
        assert by_id[x.a].article != by_id[x.b].article
        assert by_id[x.a].story == by_id[x.b].story
