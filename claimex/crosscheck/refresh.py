"""Derive the cross-check tables from the ledger: stories, canonical entities, links between mentions.

The derived tables are rebuilt whole, in one transaction, whenever the ledger's article versions
changed since the last build; the latest version of each article takes part.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from claimex.crosscheck import match
from claimex.crosscheck.entities import Entity, alias_map, canonical_entities
from claimex.crosscheck.stories import Story, StoryArticle, group_stories
from claimex.ledger.schema import digest
from claimex.ledger.store import write_transaction

DERIVED = ("links", "story_articles", "stories", "entity_aliases", "entities")
_LATEST = (
    "select v.id, v.article_id, v.text, v.headline, v.published from article_versions v "
    "where v.rowid = (select max(w.rowid) from article_versions w where w.article_id = v.article_id)"
)


@dataclass
class Summary:
    """What the derived tables hold after a refresh."""

    articles: int = 0
    undated: int = 0
    stories: int = 0
    shared_stories: int = 0  # stories told by more than one article
    links: int = 0
    conflicts: int = 0


def _state(db: sqlite_utils.Database) -> str:
    count, last = db.execute("select count(*), max(rowid) from article_versions").fetchone()
    return f"{count}:{last}"


def _stored_state(db: sqlite_utils.Database) -> str | None:
    row = db.execute("select value from derived_state where name = 'versions'").fetchone()
    return str(row[0]) if row else None


def is_stale(db: sqlite_utils.Database) -> bool:
    """Whether article versions were added since the derived tables were built."""
    return _stored_state(db) != _state(db)


_MENTION_COLUMNS = (
    "id",
    "version_id",
    "text",
    "value",
    "range_high",
    "value_low",
    "value_high",
    "unit",
    "per",
    "kind",
    "qualifier",
    "period",
    "measure",
    "predicate",
    "about",
    "context",
    "speaker",
    "source",
    "sentence",
    "counted",
    "quote",
)


def _sighting(
    m: dict[str, Any], version: dict[str, Any], story_of: dict[str, str], aliases: dict[str, str]
) -> match.Sighting:
    who = m["speaker"] or m["source"] or ""
    return match.Sighting(
        id=m["id"],
        article=version["article_id"],
        story=story_of[version["article_id"]],
        published=version["published"],
        text=m["text"],
        value=m["value"],
        value_high=m["range_high"],
        low=m["value_low"],
        high=m["value_high"],
        unit=m["unit"],
        per=m["per"],
        kind=m["kind"] or "count",
        qualifier=m["qualifier"],
        period=m["period"],
        measure=m["measure"] or "",
        predicate=m["predicate"] or "",
        about=aliases.get(m["about"] or "", m["about"] or ""),
        context=tuple((m["context"] or "").split()),
        speaker=aliases.get(who, who),
        sentence=m["sentence"] or "",
        counted=m["counted"] or "",
        quote=bool(m["quote"]),
    )


def _names(db: sqlite_utils.Database) -> list[tuple[str, str | None]]:
    """Every name the ledger holds for a speaker or an entity a claim is about, with a kind hint."""
    kinds = {r[0]: r[1] for r in db.execute("select name, kind from speakers")}
    names: list[tuple[str, str | None]] = []
    for (name,) in db.execute("select speaker from mentions where speaker is not null"):
        names.append((name, kinds.get(name)))
    for (name,) in db.execute("select about from mentions where about is not null"):
        names.append((name, None))
    for (name,) in db.execute("select speaker from quotes where speaker is not null"):
        names.append((name, kinds.get(name)))
    return names


@dataclass
class Derived:
    """Stories, entities and links derived from a ledger's latest versions."""

    stories: list[Story]
    entities: list[Entity]
    links: list[match.Link]
    story_of_mention: dict[str, str]


@dataclass
class LedgerRows:
    """What the derivation reads from the ledger: the latest versions, names, and their mentions."""

    versions: dict[str, dict[str, Any]]
    names: list[tuple[str, str | None]]
    mentions: list[dict[str, Any]]


def read_rows(db: sqlite_utils.Database) -> LedgerRows:
    """The latest version of every article, the names the ledger holds, and those versions' mentions."""
    keys = ("id", "article_id", "text", "headline", "published")
    versions = {row[0]: dict(zip(keys, row, strict=True)) for row in db.execute(_LATEST).fetchall()}
    cursor = db.execute(f"select {', '.join(_MENTION_COLUMNS)} from mentions")
    mentions = [dict(zip(_MENTION_COLUMNS, row, strict=True)) for row in cursor.fetchall()]
    return LedgerRows(versions, _names(db), [m for m in mentions if m["version_id"] in versions])


def derive(rows: LedgerRows) -> Derived:
    """Group articles into stories, names into entities, and link mentions of one fact (no I/O)."""
    versions = rows.versions
    stories = group_stories(
        [
            StoryArticle(v["article_id"], v["text"] or "", v["headline"] or "", v["published"])
            for v in versions.values()
        ]
    )
    entities = canonical_entities(rows.names)
    found = sightings(rows, stories, entities)
    story_of_mention = {s.id: s.story for s in found}
    return Derived(stories, entities, match.link(found), story_of_mention)


def sightings(rows: LedgerRows, stories: list[Story], entities: list[Entity]) -> list[match.Sighting]:
    """The mentions as the matcher sees them: with their story, and canonical names for who said them and
    what they are about."""
    story_of = {article: story.id for story in stories for article in story.articles}
    aliases = alias_map(entities)
    return [_sighting(m, rows.versions[m["version_id"]], story_of, aliases) for m in rows.mentions]


def write(db: sqlite_utils.Database, derived: Derived, state: str) -> None:
    """Replace the derived tables, in one transaction."""
    with write_transaction(db):
        for table in DERIVED:
            db.execute(f"delete from {table}")
        db.table("stories").insert_all(
            {
                "id": s.id,
                "label": s.label,
                "articles": len(s.articles),
                "first_published": s.first_published,
                "last_published": s.last_published,
                "undated": s.undated,
            }
            for s in derived.stories
        )
        db.table("story_articles").insert_all(
            {"article_id": a, "story_id": s.id} for s in derived.stories for a in s.articles
        )
        db.table("entities").insert_all(
            {"id": e.id, "name": e.name, "kind": e.kind, "sightings": len(e.aliases)}
            for e in derived.entities
        )
        db.table("entity_aliases").insert_all(
            ({"alias": alias, "entity_id": e.id} for e in derived.entities for alias in e.aliases),
            ignore=True,
        )
        db.table("links").insert_all(
            {
                "id": digest("link", *sorted((link.a, link.b))),
                "story_id": derived.story_of_mention[link.a],
                "mention_a": link.a,
                "mention_b": link.b,
                "score": link.score,
                "verdict": link.verdict,
                "agreed": json.dumps(list(link.agreed)),
                "relative_difference": link.relative_difference,
            }
            for link in derived.links
        )
        db.table("derived_state").upsert({"name": "versions", "value": state}, pk="name")


def refresh(db: sqlite_utils.Database) -> None:
    """Rebuild stories, entities and links from the latest version of every article."""
    state = _state(db)
    write(db, derive(read_rows(db)), state)


def ensure_fresh(db: sqlite_utils.Database) -> None:
    """Refresh the derived tables when the ledger changed since they were built."""
    if is_stale(db):
        refresh(db)


def summary(db: sqlite_utils.Database) -> Summary:
    """What the derived tables hold: articles, undated ones, stories, links and conflicts."""
    articles, undated = db.execute(
        f"select count(*), sum(published is null or published = '') from ({_LATEST})"
    ).fetchone()
    stories, shared = db.execute("select count(*), sum(articles > 1) from stories").fetchone()
    links, conflicts = db.execute("select count(*), sum(verdict = 'conflict') from links").fetchone()
    return Summary(articles, undated or 0, stories, shared or 0, links, conflicts or 0)
