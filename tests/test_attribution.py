"""Speakers and sources on real constructions (the seed page, BBC and US political news)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimex.extract import extract_page
from claimex.records import Article, Page

pytestmark = pytest.mark.model


def _article(nlp: Language, text: str) -> Article:
    return extract_page(nlp, Page(text, "test", "2016-09-30")).articles[0]


@pytest.mark.parametrize(
    ("text", "claim", "who"),
    [
        ("Earlier this month, the Met revealed it had made 1,000 arrests.", "1,000", "Met"),
        (
            "Vans were deployed at least 256 times in 2024, according to official deployment records.",
            "at least 256",
            "official deployment records",
        ),
        (
            "This puts the cost at more than £4m, with court documents released last year showing the party "
            "spent £2.4m on its lawsuit.",
            "£2.4m",
            "court documents",
        ),
        (
            "But a Homeland Security Department official said Friday that hackers have targeted the voter "
            "registration systems of more than 20 states.",
            "more than 20",
            "Homeland Security Department official",
        ),
        (
            "Bloomberg reports that the nominee has won among voters making $100,000 or more, "
            "according to the Roper Center for Public Opinion Research.",
            "$100,000",
            "Roper Center",
        ),
        (
            "Clinton is seizing upon a New York Times report that Trump had a net loss of more "
            "than $915 million in 1995.",
            "more than $915 million",
            "New York Times report",
        ),
        (
            "Last month, the Obama administration announced it had met its goal of taking 10,000 refugees.",
            "10,000",
            "Obama administration",
        ),
        (
            "Mrs. Clinton's plan would also cap the tax value of deductions at 28 percent.",
            "28 percent",
            "Clinton's plan",
        ),
        (
            "Another slide shows that eight of 10 avocados eaten in the United States are grown in Mexico.",
            "eight",
            "slide",
        ),
        ("WALLACE: Do you really see those two as equivalent?", "two", "WALLACE"),
        (
            'Chris Wallace pressed the governor.\n\n"WALLACE: Do you really see those two as equivalent?',
            "two",
            "Chris Wallace",
        ),
        ("PolitiFact rated 32% of Republican claims as false.", "32%", "PolitiFact"),
        ("By Trump's own admission, his tax returns are thicker than his 100-page report.", "100", "Trump"),
        (
            "Mrs. Clinton holds an advantage of 83 percentage points among black voters, according to a "
            "New York Times/CBS News poll released last week.",
            "83 percentage points",
            "New York Times/CBS News poll",
        ),
        (
            "The trade minister, Mr. Ortega Salinas, argues there is little point for Mexico to respond to "
            "threats to slap a 35 percent tariff on its exports.",
            "35 percent",
            "Ortega Salinas",
        ),
        (
            "The Tax Policy Center puts the figure at $498 billion over a decade.",
            "$498 billion",
            "Tax Policy Center",
        ),
        (
            "Meanwhile, France's Snecma has also said it plans a joint venture with HAL to make engine "
            "parts, with an initial investment of $6.5m.",
            "$6.5m",
            "Snecma",
        ),
        (
            "Boeing announced a deal with India's HCL Technologies. The US company also said it had agreed "
            "with a new Indian budget airline the sale of 10 737-800 planes for $630m.",
            "$630m",
            "Boeing",
        ),
        (
            "The talks turned tense as Mr. Trump argued for his wall, according to two of the officials "
            "who were at the meeting, which lasted 90 minutes.",
            "90 minutes",
            "two of the officials",
        ),
        (
            "The cost of military operations still needs to be factored in, with analysts saying the deficit "
            "could end up a further $100bn in the red.",
            "$100bn",
            "analysts",
        ),
        (
            "After a late-afternoon meeting, the Security Council issued a statement calling the test by "
            "North Korea, its fifth, a violation of five resolutions.",
            "five",
            "Security Council",
        ),
        (
            "Politico was first to report that Clinton made the comments on Saturday, in a call with donors "
            "who gave more than $100,000 to her campaign.",
            "more than $100,000",
            "Politico",
        ),
        (
            "Taliban fighters claimed the attack.\n\nLocal police said at least one suspect had been "
            "arrested in connection with the bombing.",
            "at least one",
            "Local police",
        ),
        (
            "Darlington Council has sent out the ballot papers. The council said about 300 homes were "
            "affected.",
            "about 300",
            "Darlington Council",
        ),
        (
            "On Sunday, the New York Times published portions of his tax returns that showed a loss of "
            "nearly $916 million.",
            "nearly $916 million",
            "New York Times",
        ),
        (
            '"The company considers the auction a serious headache," said Yukos spokesman Alexander Shadrin. '
            'He said the company would continue to make "every lawful move" to protect tens of thousands of '
            "shareholders in Yukos.",
            "tens of thousands",
            "Alexander Shadrin",
        ),
        (
            "The unit was seized by the government which claims the oil giant owes more than $27bn in taxes.",
            "more than $27bn",
            "the government",
        ),
        (
            "Senator Kerry attacked President Bush's economic record during his campaign, hammering home the "
            "fact that a net 800,000 jobs were lost during his term in office.",
            "800,000",
            "Kerry",
        ),
        (
            "Gordon Brown spoke for 49 minutes.\n\nThe economy had grown for 50 consecutive quarters, he "
            "said, and was forecast to continue doing so over the next year.",
            "50",
            "Gordon Brown",
        ),
        (
            "Boehner: '1-in-3 chance' Republicans could lose House in November",
            "1-in-3",
            "Boehner",
        ),
    ],
)
def test_claim_attribution(nlp: Language, text: str, claim: str, who: str) -> None:
    article = _article(nlp, text)
    found = next(c for c in article.claims if c.text.startswith(claim))
    assert who in f"{found.speaker} {found.source}"
    assert len(f"{found.speaker or ''}{found.source or ''}") < 60  # a name or a short description


def test_one_that_picks_out_a_speaker_is_no_count(nlp: Language) -> None:
    text = (
        '"Solidere should be above $10 but because of this disaster it is falling," said one trader. '
        "However, one dealer, who asked not to be named, told Reuters that 5 firms had bid."
    )
    assert [c.text for c in _article(nlp, text).claims] == ["above $10", "5"]


def test_a_passive_subject_is_not_a_speaker(nlp: Language) -> None:
    article = _article(nlp, "Mr Ebbers' trial is expected to last two months, and he could face 85 years.")
    assert [(c.speaker, c.source) for c in article.claims] == [(None, None), (None, None)]


def test_article_voice_stays_empty(nlp: Language) -> None:
    article = _article(nlp, "Police forces scanned nearly 4.7m faces with the technology last year.")
    assert article.claims[0].speaker is None and article.claims[0].source is None


@pytest.mark.parametrize(
    ("text", "quote_start", "speaker"),
    [
        (
            "The Met commissioner, Mark Rowley, said the technology was used responsibly.\n\n"
            "He said: “We’re only using it to look for serious offenders.”",
            "We’re only",
            "Mark Rowley",
        ),
        (
            "“I strongly believe that most British people have had enough,” said Ramsay.",
            "I strongly",
            "Ramsay",
        ),
        (
            "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.",
            "This is",
            "Butterfield",
        ),
        (
            "The New York Times reports:\n\n“In an illustration of the lack of enthusiasm among donors.”",
            "In an illustration",
            "New York Times",
        ),
        (
            '"It\'s heartbreaking," Ryan said. "And this country has to find a way through it."',
            "And this",
            "Ryan",
        ),
        (
            "Sanders made the following comment:\n\n“For young people who left high school it is hard.”",
            "For young",
            "Sanders",
        ),
        ("Limbaugh continued: “The left is saying that normally that is true.”", "The left", "Limbaugh"),
        (
            "Trump attacked Clinton for her support of war, saying, \"She's trigger-happy and very "
            'unstable."',
            "She's",
            "Trump",
        ),
        (
            "President Obama is rolling out a new message.\n\nThe president told a radio host: “It is about "
            "me and my legacy now.”",
            "It is about",
            "Obama",
        ),
        (
            "Elizabeth Warren told the bank's chief: ‘You should be criminally investigated’",
            "You should",
            "Warren",
        ),
        (
            "When Clinton noted that Trump had paid no tax ― as was true for some years ― Trump boasted, "
            "“That makes me smart.”",
            "That makes",
            "Trump",
        ),
        (
            "Still, the fund warned that the exit will raise many questions.\n\n"
            "“Although the market reaction was calm, the risks remain high.”",
            "Although",
            "fund",
        ),
        (
            "“My reaction, that was outrageous,” Obama's former campaign strategist said on CNN.",
            "My reaction",
            "Obama's former campaign strategist",
        ),
        (
            "“Our assumption is that the veto will be overridden,” Senate Majority Leader "
            "Mitch McConnell, R-Ky., said.",
            "Our assumption",
            "Mitch McConnell",
        ),
        (
            "''There's a lot of new complexity in the plan,'' said Mr. Burman.",
            "There's a lot",
            "Burman",
        ),
        (
            "“The effect of the debate is still modest,” wrote Jane Holloway for Acme Polling. “Only 9 "
            "percent of voters said it changed their minds.”\n\nSenior Democrats are urging Clinton to "
            "change course.",
            "Only 9",
            "Jane Holloway",
        ),
        (
            "Prominent Republicans have said the same, including Mitt Romney -- ''It is disqualifying to "
            "hide your returns from the voters'' -- and a former tax commissioner.",
            "It is disqualifying",
            "Mitt Romney",
        ),
        (
            "As Steven Rosenthal, a tax lawyer, recently put it, ''Did he lower his taxes through legal "
            "avoidance or not?''",
            "Did he lower",
            "Steven Rosenthal",
        ),
        (
            '"Solidere should be above $10 but because of this disaster it is falling," said one trader. '
            '"If Solidere drops much lower I would consider it a buying opportunity. This is a very big '
            'company held by many Lebanese." Critics had accused Mr Hariri of using the reconstruction drive '
            "for his personal financial gain.",
            "If Solidere",
            "one trader",
        ),
        (
            "Prime Minister Tony Blair said it was time to draw a line under the controversy.\n\nAsked if Mr "
            'Blunkett could return to frontline politics at some point, he replied: "I have made my '
            'admiration for David very clear and it remains."',
            "I have made",
            "Tony Blair",
        ),
        (
            "Prime Minister Tony Blair said it was time to draw a line under the controversy.\n\nThe prime "
            'minister shrugged off claims from Conservative leader Michael Howard that he led a "grubby '
            'government". He said Mr Blunkett\'s integrity remained intact: "He was the person first of all '
            'who asked for this inquiry to be set up."',
            "He was the person",
            "Tony Blair",
        ),
        (
            "President Trump met Democratic leaders on Wednesday.\n\n“The United States needs a physical "
            "barrier,” the president said during the cabinet meeting.",
            "The United States",
            "Trump",
        ),
        (
            "As one hugely-disgruntled backbencher said before the meeting: \"It is time they realised it's "
            'not just my seat they are threatening."',
            "It is time",
            "backbencher",
        ),
        (
            "“As part of the airline’s security procedure, the pilot in command decided to return to the "
            "originating airport,” the airline said in a statement.",
            "As part",
            "airline",
        ),
        (
            "The advert uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead, you might "
            "ask?”",
            "Why aren’t",
            "Hillary Clinton",
        ),
        (
            "“There's a severe disconnect between this White House and frankly the president and our "
            "military,” Flynn, a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”",
            "There's a severe",
            "Flynn",
        ),
        (
            "A Labour Party spokesman told the BBC News website the party avoided those on TPS lists. "
            '"When we ask which party they will vote for, that is not marketing," he said.',
            "When we ask",
            "Labour Party spokesman",
        ),
        (
            'Mr Howard said the police had said ID cards could "help them foil a terror bomb plot in which '
            'people could lose their lives". He added: "When the police say that you have to take them '
            'seriously".\n\nHe acknowledged there were "good libertarian arguments" against the cards, but '
            'said the shadow Cabinet had weighed up all the "conflicting interests" before reaching its '
            "decision. \"I don't pretend that it is an easy decision but at the end of the day a decision "
            'has to be taken." He also denied he was afraid of looking "soft" on the issue, compared to '
            "Labour. The Conservatives announced their support for the government plans on Monday evening.",
            "I don't pretend",
            "Howard",
        ),
        (
            "Mr. Ziegler sought to justify Mr. Moore’s actions by comparing him to the biblical Joseph, "
            "saying, “Mary was a teenager and Joseph was an adult carpenter. They became parents of Jesus.”"
            "\n\n“If they believe this man is predatory, they are guilty of allowing him to exist for 40 "
            "years,” he said.",
            "If they believe",
            "Ziegler",
        ),
        (
            "A lesson from Jane Hollis: 'Always read the small print before you sign.'\n\nAs a young lawyer, "
            "she learned that the hard way.",
            "Always read",
            "Jane Hollis",
        ),
        (
            "Trump has been warned by fellow Republicans, including House Speaker Paul Ryan.\n\nSome "
            "Republicans ― including Ryan ― quickly shot down Trump’s idea. “You cannot end birthright "
            "citizenship with an executive order,” the House speaker said Tuesday on WVLK Radio, according "
            "to Bloomberg News reporter Erik Wasson.",
            "You cannot end",
            "Paul Ryan",
        ),
        (
            "Former Rep. Jesse Jackson Jr. pleaded guilty on Wednesday.\n\n“I truly understand the "
            "consequences of my actions,” Jackson said through tears.\n\nThe memorabilia includes a Michael "
            "Jackson fedora.",
            "I truly understand",
            "Jesse Jackson Jr.",
        ),
        (
            "Another peer meanwhile, Lord Skidelsky, said not to publish the full legal opinion would "
            '"strengthen the suspicion that the original text was doctored for public consumption".',
            "strengthen the suspicion",
            "Skidelsky",
        ),
        (
            "Bamford said the driver told him that “he thinks he blacked out.”",
            "he thinks",
            "the driver",
        ),
        (
            'Mr Kruger was quoted in the Guardian newspaper saying: "We plan to introduce a period of '
            'creative destruction in the public services."',
            "We plan",
            "Kruger",
        ),
        (
            "Cardinal Cormac Murphy-O'Connor will preach at Westminster Cathedral.\n\n\"How is it that peace "
            'has not arrived?," the cardinal will ask.',
            "How is it",
            "Murphy-O'Connor",
        ),
        (
            '"It\'s above all a question of sovereignty," Reuters quoted a central bank official as saying.',
            "It's above",
            "central bank official",
        ),
        (
            "“The NSA routinely collects a great deal of American content,” the Washington Post report said.",
            "The NSA",
            "Washington Post report",
        ),
        (
            "“He represents our greatest shame and nothing else.” ― Sonya Herridge",
            "He represents",
            "Sonya Herridge",
        ),
    ],
)
def test_quote_speaker(nlp: Language, text: str, quote_start: str, speaker: str) -> None:
    article = _article(nlp, text)
    quote = next(q for q in article.quotes if q.text.startswith(quote_start))
    assert quote.speaker is not None and speaker in quote.speaker


def test_a_quotation_within_a_quotation_is_part_of_it(nlp: Language) -> None:
    text = (
        "\"In my first meeting with him, he said, 'Our approach has not worked; we want to work with you,' "
        'and then he left," Mitchell said.'
    )
    assert [q.speaker for q in _article(nlp, text).quotes] == ["Mitchell"]


def test_scare_quotes_are_not_quotations(nlp: Language) -> None:
    article = _article(nlp, "Cameras may become “commonplace” in England, the report said.")
    assert article.quotes == []


def test_a_quote_with_no_named_speaker_stays_unattributed(nlp: Language) -> None:
    article = _article(nlp, "A sign outside read: “No entry for anyone after dark tonight.”")
    assert [q.speaker for q in article.quotes] == [None]


def test_a_quotation_a_rule_would_allow_is_not_spoken(nlp: Language) -> None:
    """The subject of an infinitive cue is no speaker: the rules allow companies to tell ''…''."""
    text = (
        "It advocates rules to remove loopholes like inconsistent guidelines that allow companies to tell "
        "''one country that a subsidiary is a corporation while telling another country the same entity is "
        "a partnership.''"
    )
    assert [q.speaker for q in _article(nlp, text).quotes] == [None]


@pytest.mark.parametrize(
    ("text", "start", "who", "rule"),
    [
        ("Mr Smith said the council had cut 300 jobs.", "300", "Smith", "cue_above"),
        (
            "The campaign spent $4m on ads, according to the Federal Election Commission.",
            "$4m",
            "Federal Election Commission",
            "according_to",
        ),
        ("WALLACE: Do you really see those two as equivalent?", "two", "WALLACE", "transcript"),
        (
            "Clinton is seizing upon a New York Times report that Trump had a net loss of more "
            "than $915 million in 1995.",
            "more than $915 million",
            "New York Times report",
            "evidence_over",
        ),
    ],
)
def test_claim_finder(nlp: Language, text: str, start: str, who: str, rule: str) -> None:
    found = next(c for c in _article(nlp, text).claims if c.text.startswith(start))
    assert who in f"{found.speaker} {found.source}"
    assert found.rule == rule and found.confidence is not None and 0 < found.confidence <= 1


@pytest.mark.parametrize(
    ("text", "start", "who", "rule"),
    [
        (
            "Ryan: ‘Anti-Semitic images have no place in our party’\n\nHe spoke on Monday.",
            "Anti",
            "Ryan",
            "colon_name",
        ),
        (
            "“We will win this state by a lot of votes,” Trump said on Tuesday.",
            "We will",
            "Trump",
            "quote_cue",
        ),
        (
            "Prominent Republicans have said the same, including Mitt Romney -- ''It is disqualifying to "
            "hide your returns from the voters'' -- and a former tax commissioner.",
            "It is",
            "Mitt Romney",
            "dash",
        ),
        (
            '"It\'s above all a question of sovereignty," Reuters quoted a central bank official as saying.',
            "It's above",
            "central bank official",
            "quoted_as",
        ),
        # PolNeAR dev sentences: whatever the cue's subject is speaks (not only names and role words);
        # manners of speaking are cues; "read" is one when a text is its subject
        (
            "As a phone rang, the announcer said, “It’s 3 a.m., and your children are safe and asleep.”",
            "It’s 3",
            "the announcer",
            "quote_cue",
        ),
        (
            "“Hillary was back on the campaign trail within days,” the book said.",
            "Hillary was",
            "the book",
            "quote_cue",
        ),
        (
            "“Why isn’t this crystal clear proof that an entity as big as Wells is too big to fail, too big "
            "to manage, too big to regulate?” Vitter demanded.",
            "Why isn’t",
            "Vitter",
            "quote_cue",
        ),
        (
            "“Though there are still four years to go in the 90’s, business and government leaders in New "
            "York honored Donald J. Trump yesterday,” the article read.",
            "Though there",
            "the article",
            "quote_cue",
        ),
    ],
)
def test_quote_finder(nlp: Language, text: str, start: str, who: str, rule: str) -> None:
    found = next(q for q in _article(nlp, text).quotes if q.text.startswith(start))
    assert found.speaker is not None and who in found.speaker
    assert found.rule == rule and found.confidence is not None
