"""Story grouping: one story together, others apart, in any order, with or without dates."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from claimex.crosscheck.stories import Story, StoryArticle, group_stories

BRIDGE = [
    (
        "Harbour bridge collapse in Dunmore injures twelve",
        "The Dunmore Harbour Bridge collapsed on Tuesday morning, injuring twelve commuters. Engineers from "
        "Coastal Rail said corrosion in the steel cables had been reported to the council in 2019. The "
        "Dunmore council leader, Alice Fenwick, ordered an inquiry into the bridge inspections.",
    ),
    (
        "Dunmore bridge: council ordered inquiry after cables failed",
        "Twelve people were hurt when the Harbour Bridge in Dunmore fell into the estuary. Alice Fenwick, "
        "who leads Dunmore council, said the inquiry would examine why warnings about corroded cables were "
        "ignored. Coastal Rail engineers had inspected the bridge last spring.",
    ),
    (
        "Warnings about Dunmore Harbour Bridge cables were ignored, inquiry told",
        "An inquiry into the Dunmore Harbour Bridge collapse heard that corrosion of the cables was known "
        "for years. Alice Fenwick said the council would publish every inspection report. Coastal Rail "
        "declined to comment on the twelve injured commuters.",
    ),
]
TRANSFER = [
    (
        "Rovers sign striker Tomas Varga for record fee",
        "Kingsford Rovers have signed the Hungarian striker Tomas Varga for a club record fee. The manager, "
        "Peter Oduya, said Varga would make his debut against Castleton United on Saturday. Varga scored "
        "eighteen goals last season.",
    ),
    (
        "Tomas Varga joins Kingsford Rovers",
        "Hungarian forward Tomas Varga has completed his record move to Kingsford Rovers. Peter Oduya, the "
        "Rovers manager, expects the striker to start against Castleton United this weekend after a season "
        "of eighteen league goals.",
    ),
]
BAKERY = (
    "Village bakery wins national sourdough prize",
    "A family bakery in Little Ashby has won the national sourdough prize. Owner Grace Mbeki bakes four "
    "hundred loaves before dawn and sells them from a cart on the village green.",
)


def _articles(
    stories: dict[str, list[tuple[str, str]]], dates: dict[str, str | None] | None = None
) -> list[StoryArticle]:
    articles = []
    for name, texts in stories.items():
        for number, (headline, body) in enumerate(texts):
            key = f"{name}-{number}"
            published = (dates or {}).get(key, "2024-05-07")
            articles.append(StoryArticle(key, f"{headline}\n\n{body}", headline, published))
    return articles


def _grouping(stories: list[Story]) -> set[tuple[str, ...]]:
    return {story.articles for story in stories}


def test_same_story_together_and_others_apart() -> None:
    stories = group_stories(_articles({"bridge": BRIDGE, "transfer": TRANSFER, "bakery": [BAKERY]}))
    assert _grouping(stories) == {
        ("bridge-0", "bridge-1", "bridge-2"),
        ("transfer-0", "transfer-1"),
        ("bakery-0",),
    }
    bridge = next(story for story in stories if "bridge-0" in story.articles)
    assert "dunmore" in bridge.label
    assert (bridge.first_published, bridge.last_published, bridge.undated) == ("2024-05-07", "2024-05-07", 0)


def test_undated_articles_group_on_content_alone() -> None:
    dates: dict[str, str | None] = {f"bridge-{n}": None for n in range(3)} | {"transfer-0": None}
    stories = group_stories(_articles({"bridge": BRIDGE, "transfer": TRANSFER}, dates))
    assert _grouping(stories) == {("bridge-0", "bridge-1", "bridge-2"), ("transfer-0", "transfer-1")}
    bridge = next(story for story in stories if "bridge-0" in story.articles)
    assert (bridge.first_published, bridge.undated) == (None, 3)
    transfer = next(story for story in stories if "transfer-0" in story.articles)
    assert (transfer.first_published, transfer.last_published, transfer.undated) == (
        "2024-05-07",
        "2024-05-07",
        1,
    )


def test_date_window_asks_more_of_articles_far_apart() -> None:
    # A follow-up that shares only the striker's name with the signing: within a week it continues the
    # story, six months later it is a story of its own. A near-copy is the same story however far apart.
    follow_up = (
        "Hamstring injury rules striker out for a month",
        "A hamstring injury will keep the striker Tomas Varga out for a month, the club doctor confirmed "
        "after scans on Monday. Physiotherapists expect a full recovery before the cup semi-final, and "
        "supporters who queued since dawn for tickets were offered refunds.",
    )
    pair = {"transfer": [TRANSFER[0], follow_up]}
    assert len(group_stories(_articles(pair, {"transfer-1": "2024-05-10"}))) == 1
    assert len(group_stories(_articles(pair, {"transfer-1": "2024-11-10"}))) == 2
    assert len(group_stories(_articles(pair, {"transfer-1": None}))) == 1
    assert len(group_stories(_articles({"transfer": TRANSFER}, {"transfer-1": "2024-11-10"}))) == 1


def test_same_stories_and_ids_in_any_order() -> None:
    articles = _articles({"bridge": BRIDGE, "transfer": TRANSFER, "bakery": [BAKERY]})
    expected = group_stories(articles)
    for seed in range(5):
        shuffled = list(articles)
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled) == expected
    assert len({story.id for story in expected}) == len(expected)
    assert all(len(story.id) == 20 for story in expected)


def test_every_article_in_exactly_one_story() -> None:
    articles = _articles({"bridge": BRIDGE, "transfer": TRANSFER, "bakery": [BAKERY]})
    members = [member for story in group_stories(articles) for member in story.articles]
    assert sorted(members) == sorted(article.id for article in articles)
    assert group_stories([]) == []


def test_duplicate_ids_are_refused() -> None:
    article = _articles({"bakery": [BAKERY]})[0]
    with pytest.raises(ValueError, match="unique"):
        group_stories([article, article])


@pytest.mark.corpus
def test_keyed_stories_are_one_story_each(shared: Path) -> None:
    news = shared / "news"
    keys = sorted((shared / "crosscheck" / "keys").glob("*.json"))
    assert len(keys) == 17
    split = []
    for path in keys:
        key = json.loads(path.read_text(encoding="utf-8"))
        articles = []
        for document in key["documents"]:
            text = (news / document).read_text(encoding="utf-8")
            articles.append(
                StoryArticle(document, text, text.split("\n", 1)[0], key["published"].get(document))
            )
        if len(group_stories(articles)) != 1:
            split.append(path.name)
    # Measured: 15/17. Two keys have one article that shares little with the others: a piece on the mood
    # in Congress after the baseball shooting, and a zoo op-ed dated two months before the event. Target 17.
    assert len(split) <= 2, f"split stories: {split}"
