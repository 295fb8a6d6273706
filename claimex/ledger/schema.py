"""The ledger's schema, as sqlite-utils Migrations, and the views that carry the diff and cross-check logic.

m001 (claimex 0.1.0): articles, claims, quotes, speakers, ingest_runs.
m002: articles become identities with `article_versions`; claims become `mentions` of identity `claims`.
m003: what each mention measures; `stories`, `entities` and `links` derived for cross-checks.
m004: `page_hashes`, the pages already ingested (skip unchanged work).
"""

from __future__ import annotations

import hashlib
import re
from importlib import resources

import sqlite_utils

from claimex.normalise.intervals import interval

migrations = sqlite_utils.Migrations("claimex")
EXTRACTOR_VERSION = "claimex-0.3"


def digest(*parts: object) -> str:
    """A short stable id from the parts: the same content always gets the same id."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def article_key(url: str | None, source: str, headline: str, outlet: str | None, index: int) -> str:
    """What makes two texts versions of one article: its URL, else its file, else headline and outlet."""
    if url:
        return url
    if index == 0 and source not in ("-", ""):
        return source
    return f"{outlet or source}::{headline}"


def claim_id(
    speaker: str | None,
    source: str | None,
    metric: str | None,
    unit: str | None,
    per: str | None,
    period: str | None,
) -> str:
    """A claim's identity: who says it of what, in which unit and period; not the value."""
    return digest("claim", speaker or source or "", metric or "", unit or "", per or "", period or "")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Runs, articles, speakers, claims and quotes."""
    db.table("ingest_runs").create(
        {"id": int, "started_at": str, "command": str, "claimex_version": str, "model": str}, pk="id"
    )
    db.table("articles").create(
        {
            "id": str,
            "source": str,
            "article_index": int,
            "headline": str,
            "url": str,
            "outlet": str,
            "published": str,
            "start": int,
            "end": int,
            "content_hash": str,
            "text": str,
            "run_id": int,
        },
        pk="id",
        foreign_keys=[("run_id", "ingest_runs", "id")],
    )
    db.table("speakers").create(
        {"id": str, "article_id": str, "name": str, "kind": str, "descriptions": str, "organisation": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("claims").create(
        {
            "id": str,
            "article_id": str,
            "start": int,
            "end": int,
            "text": str,
            "value": float,
            "value_high": float,
            "unit": str,
            "per": str,
            "counted": str,
            "qualifier": str,
            "period": str,
            "speaker": str,
            "source": str,
            "quote": int,
            "sentence": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("quotes").create(
        {"id": str, "article_id": str, "start": int, "end": int, "text": str, "speaker": str, "cue": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("claims").enable_fts(["sentence", "text"], create_triggers=True)


@migrations()
def m002_versions_and_mentions(db: sqlite_utils.Database) -> None:
    """Article identities with versions; claim identities with mentions; intervals for cross-checks."""
    db.table("claims").disable_fts()
    db.rename_table("articles", "article_versions")
    db.rename_table("claims", "mentions")
    versions = db.table("article_versions")
    versions.add_column("article_id", str)
    versions.add_column("observed_at", str)
    versions.add_column("previous_version_id", str)
    db.table("articles").create(
        {"id": str, "key": str, "url": str, "source": str, "outlet": str, "headline": str, "first_seen": str},
        pk="id",
    )
    latest: dict[str, str] = {}
    started = {row["id"]: row["started_at"] for row in db.table("ingest_runs").rows}
    for row in list(versions.rows_where(order_by="rowid")):
        key = article_key(row["url"], row["source"], row["headline"], row["outlet"], row["article_index"])
        article = digest("article", key)
        db.table("articles").insert(
            {
                "id": article,
                "key": key,
                "url": row["url"],
                "source": row["source"],
                "outlet": row["outlet"],
                "headline": row["headline"],
                "first_seen": started.get(row["run_id"]),
            },
            ignore=True,
        )
        versions.update(
            row["id"],
            {
                "article_id": article,
                "observed_at": started.get(row["run_id"]),
                "previous_version_id": latest.get(article),
            },
        )
        latest[article] = row["id"]
    versions.transform(add_foreign_keys=[("article_id", "articles", "id")])

    mentions = db.table("mentions")
    mentions.transform(rename={"article_id": "version_id", "value_high": "range_high"})
    for column in ("metric", "claim_id", "extractor_version"):
        mentions.add_column(column, str)
    for column in ("value_low", "value_high"):
        mentions.add_column(column, float)
    db.table("claims").create(
        {"id": str, "speaker": str, "source": str, "metric": str, "unit": str, "per": str, "period": str},
        pk="id",
    )
    for row in list(mentions.rows):
        metric = row["counted"]
        identity = claim_id(row["speaker"], row["source"], metric, row["unit"], row["per"], row["period"])
        low, high = interval(row["text"], row["value"], row["range_high"], row["qualifier"])
        db.table("claims").insert(
            {
                "id": identity,
                "speaker": row["speaker"],
                "source": row["source"],
                "metric": metric,
                "unit": row["unit"],
                "per": row["per"],
                "period": row["period"],
            },
            ignore=True,
        )
        mentions.update(
            row["id"],
            {
                "metric": metric,
                "claim_id": identity,
                "value_low": low,
                "value_high": high,
                "extractor_version": "claimex-0.1",
            },
        )
    mentions.transform(add_foreign_keys=[("claim_id", "claims", "id")])
    for table in ("quotes", "speakers"):
        db.table(table).transform(rename={"article_id": "version_id"})
    for table, columns in (
        ("mentions", ["version_id"]),
        ("mentions", ["claim_id"]),
        ("mentions", ["speaker"]),
        ("mentions", ["unit"]),
        ("mentions", ["metric", "unit"]),
        ("article_versions", ["article_id"]),
        ("articles", ["key"]),
        ("claims", ["speaker"]),
        ("quotes", ["version_id"]),
        ("speakers", ["version_id"]),
    ):
        db.table(table).create_index(columns, if_not_exists=True)
    db.table("mentions").enable_fts(["sentence", "text"], create_triggers=True)
    db.table("article_versions").enable_fts(["headline", "text"], create_triggers=True)


@migrations()
def m003_crosschecks(db: sqlite_utils.Database) -> None:
    """What each mention measures; stories, canonical entities and links between mentions of one fact."""
    mentions = db.table("mentions")
    for column in ("measure", "predicate", "about", "context", "kind", "rule"):
        mentions.add_column(column, str)
    mentions.add_column("confidence", float)
    for column, kind in (("rule", str), ("confidence", float)):
        db.table("quotes").add_column(column, kind)
    db.table("stories").create(
        {
            "id": str,
            "label": str,
            "articles": int,
            "first_published": str,
            "last_published": str,
            "undated": int,
        },
        pk="id",
    )
    db.table("story_articles").create(
        {"article_id": str, "story_id": str},
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id"), ("story_id", "stories", "id")],
    )
    db.table("entities").create({"id": str, "name": str, "kind": str, "sightings": int}, pk="id")
    db.table("entity_aliases").create(
        {"alias": str, "entity_id": str}, pk="alias", foreign_keys=[("entity_id", "entities", "id")]
    )
    db.table("links").create(
        {
            "id": str,
            "story_id": str,
            "mention_a": str,
            "mention_b": str,
            "score": float,
            "verdict": str,
            "agreed": str,
            "relative_difference": float,
        },
        pk="id",
        foreign_keys=[
            ("story_id", "stories", "id"),
            ("mention_a", "mentions", "id"),
            ("mention_b", "mentions", "id"),
        ],
    )
    db.table("derived_state").create({"name": str, "value": str}, pk="name")
    for table, columns in (
        ("links", ["mention_a"]),
        ("links", ["mention_b"]),
        ("links", ["verdict"]),
        ("story_articles", ["story_id"]),
        ("entity_aliases", ["entity_id"]),
    ):
        db.table(table).create_index(columns, if_not_exists=True)


@migrations()
def m004_page_hashes(db: sqlite_utils.Database) -> None:
    """Hashes of the pages already ingested, so an unchanged file is skipped before it is parsed."""
    db.table("page_hashes").create(
        {"hash": str, "source": str, "run_id": int, "seen_at": str},
        pk="hash",
        foreign_keys=[("run_id", "ingest_runs", "id")],
    )


# The migrations this claimex knows, to refuse a ledger written by a newer one.
KNOWN_MIGRATIONS = tuple(
    f.__name__ for f in (m001_initial, m002_versions_and_mentions, m003_crosschecks, m004_page_hashes)
)


def view_sql() -> dict[str, str]:
    """The views, by name, from claimex/ledger/views.sql (statements separated by a line `-- view: NAME`)."""
    text = (resources.files("claimex.ledger") / "views.sql").read_text(encoding="utf-8")
    views: dict[str, str] = {}
    for chunk in re.split(r"^-- view: ", text, flags=re.MULTILINE)[1:]:
        name, _, body = chunk.partition("\n")
        views[name.strip()] = body.strip().rstrip(";")
    return views


def stale_views(db: sqlite_utils.Database) -> dict[str, str]:
    """The views that are missing, or whose SQL changed since the ledger was last opened."""
    stale = {}
    for name, sql in view_sql().items():
        existing = db.execute(
            "select sql from sqlite_master where type = 'view' and name = ?", [name]
        ).fetchone()
        if not existing or sql not in existing[0]:
            stale[name] = sql
    return stale


def ensure_views(db: sqlite_utils.Database) -> None:
    """Create the views, replacing any whose SQL has changed (views hold no data)."""
    for name, sql in stale_views(db).items():
        db.create_view(name, sql, replace=True)
