"""How well story grouping keeps one story whole and unrelated articles apart, on all of ../shared/news.

    python benchmarks/stories.py [--shared ../shared]

Reports: the keyed stories of ../shared/crosscheck/keys kept whole (grouped alone, and within the whole
corpus), BASIL triplets and Giveme5W1H events (whole, pure, B-cubed precision/recall), BBC near-duplicate
versions kept together and stories that mix BBC categories, and the runtime. The texts are read in place,
never copied.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter, defaultdict
from pathlib import Path

from claimex.crosscheck.stories import Story, StoryArticle, group_stories

ROOT = Path(__file__).resolve().parent.parent


def _article(news: Path, path: str, published: str | None) -> StoryArticle:
    text = (news / path).read_text(encoding="utf-8")
    return StoryArticle(path, text, text.split("\n", 1)[0], published[:10] if published else None)


def load(news: Path) -> tuple[list[StoryArticle], dict[str, str]]:
    """Every article under `news`, and the gold group (BASIL triplet, Giveme5W1H event, BBC category)."""
    articles, gold = [], {}
    with open(news / "bbc" / "manifest.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = f"bbc/{row['path']}"
            articles.append(_article(news, path, None))
            gold[path] = f"bbc:{row['category']}"
    with open(news / "basil" / "manifest.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = f"basil/{row['path']}"
            articles.append(_article(news, path, row["date"] or None))
            gold[path] = f"basil:{row['triplet_uuid']}"
    with open(news / "giveme5w1h_events" / "manifest.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            path = f"giveme5w1h_events/{row['path']}"
            articles.append(_article(news, path, row["date_publish"] or None))
            gold[path] = f"g5w1h:{row['event_id']}"
    return articles, gold


def bcubed(stories: list[Story], gold: dict[str, str], prefix: str) -> tuple[float, float]:
    """B-cubed precision and recall over the articles whose gold group starts with `prefix`."""
    story_of = {member: story.articles for story in stories for member in story.articles}
    labelled = [a for a in story_of if gold[a].startswith(prefix)]
    size = Counter(gold[a] for a in labelled)
    precision = recall = 0.0
    for article in labelled:
        same = sum(1 for other in story_of[article] if gold.get(other) == gold[article])
        precision += same / len(story_of[article])
        recall += same / size[gold[article]]
    return precision / len(labelled), recall / len(labelled)


def groups_report(stories: list[Story], gold: dict[str, str], prefix: str) -> str:
    story_of = {member: story for story in stories for member in story.articles}
    groups: dict[str, list[str]] = defaultdict(list)
    for article, group in gold.items():
        if group.startswith(prefix):
            groups[group].append(article)
    whole = sum(1 for members in groups.values() if len({story_of[m].id for m in members}) == 1)
    pure = sum(
        1
        for members in groups.values()
        if all(gold[other] == gold[members[0]] for m in members for other in story_of[m].articles)
    )
    precision, recall = bcubed(stories, gold, prefix)
    return (
        f"{prefix} {len(groups)} groups: {whole} whole, {pure} pure (no outside article);"
        f" B-cubed precision {precision:.3f} recall {recall:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--show", action="store_true", help="print every mixed story and split key")
    args = parser.parse_args()
    shared = Path(args.shared)
    news = shared / "news"
    articles, gold = load(news)
    by_id = {article.id: article for article in articles}

    start = time.perf_counter()
    stories = group_stories(articles)
    elapsed = time.perf_counter() - start
    story_of = {member: story for story in stories for member in story.articles}
    sizes = Counter(len(story.articles) for story in stories)
    print(f"{len(articles)} articles -> {len(stories)} stories in {elapsed:.2f} s")
    print(f"story sizes: {sorted(sizes.items())}")

    keys = sorted((shared / "crosscheck" / "keys").glob("*.json"))
    alone = whole = pure = 0
    for key_path in keys:
        key = json.loads(key_path.read_text(encoding="utf-8"))
        documents = key["documents"]
        own = group_stories([by_id[d] for d in documents])
        alone += len(own) == 1
        ids = {story_of[d].id for d in documents}
        whole += len(ids) == 1
        members = {m for d in documents for m in story_of[d].articles}
        pure += members == set(documents)
        if args.show and (len(ids) > 1 or len(own) > 1 or members != set(documents)):
            extra = sorted(members - set(documents))
            print(f"  key {key_path.name}: alone {len(own)} stories, in corpus {len(ids)}, extra {extra}")
    print(f"keys: {alone}/{len(keys)} one story alone, {whole}/{len(keys)} whole in the corpus, {pure} pure")
    print(groups_report(stories, gold, "basil:"))
    print(groups_report(stories, gold, "g5w1h:"))

    with open(news / "bbc" / "versions.csv", encoding="utf-8") as handle:
        pairs = [(f"bbc/{row['path_a']}", f"bbc/{row['path_b']}") for row in csv.DictReader(handle)]
    together = sum(1 for a, b in pairs if story_of[a].id == story_of[b].id)
    bbc = [s for s in stories if any(gold[m].startswith("bbc:") for m in s.articles)]
    mixed = [s for s in stories if len({gold[m] for m in s.articles}) > 1]
    multi = [len(s.articles) for s in bbc if len(s.articles) > 1]
    print(f"bbc: {together}/{len(pairs)} versions together; {len(multi)} multi-article stories")
    print(f"largest BBC story: {max(multi)} articles")
    print(f"stories that mix gold groups (BBC categories, triplets, events): {len(mixed)}")
    if args.show:
        for story in mixed:
            print(f"  mixed [{story.label}]: " + "; ".join(f"{m} ({gold[m]})" for m in story.articles))


if __name__ == "__main__":
    main()
