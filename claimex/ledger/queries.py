"""Questions to the ledger, answered from its views: claims, changes, conflicts, search, exports."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import sqlite_utils

from claimex.errors import ClaimexError
from claimex.normalise.quantity import BORDERLINE

Row = dict[str, Any]
BROWSE_COLUMNS = (
    "article",
    "headline",
    "published",
    "speaker",
    "source",
    "text",
    "value",
    "range_high",
    "unit",
    "per",
    "qualifier",
    "period",
    "kind",
    "metric",
    "measure",
    "quote",
    "sentence",
    "mention_id",
    "claim_id",
    "version_id",
    "url",
    "outlet",
)
# What a person reads first: the claim as written, its figure with unit, who said it, the words around it.
READ_COLUMNS = ("claim", "figure", "said_by", "snippet", "outlet", "published", "article")
# FTS5 syntax a user types on purpose: "phrases", OR/AND/NOT/NEAR, prefix*, ^start, (groups).
FTS_SYNTAX = re.compile(r'"|\b(?:OR|AND|NOT|NEAR)\b|\*|\^|[()]')


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def claims(
    db: sqlite_utils.Database,
    speaker: str | None = None,
    unit: str | None = None,
    article: str | None = None,
    since: str | None = None,
    limit: int | None = None,
    columns: Sequence[str] = BROWSE_COLUMNS,
    borderline: bool = True,
) -> list[Row]:
    """Mentions from `claim_mentions`, filtered: speaker or source contains (any of its canonical entity's
    names), unit is (any case), article key or headline contains, published on or after; without
    `borderline`, ages, ordinals, time spans, scores and partitives are left out."""
    where: list[str] = []
    params: list[Any] = []
    if not borderline:
        where.append(f"coalesce(kind, 'count') not in ({', '.join('?' * len(BORDERLINE))})")
        params += sorted(BORDERLINE)
    if speaker:
        where.append(
            "(said_by like ? or source like ? or speaker in "
            "(select x.alias from entity_aliases x join entity_aliases y on y.entity_id = x.entity_id "
            "where y.alias like ?))"
        )  # "Trump" finds "President Trump" and "Donald Trump" alike, all shown under the canonical name
        params += [f"%{speaker}%"] * 3
    if unit:
        if unit.lower() in ("count", "none"):
            where.append("unit is null")
        else:
            where.append("lower(unit) = lower(?)")
            params.append(unit)
    if article:
        where.append("(article like ? or headline like ?)")
        params += [f"%{article}%", f"%{article}%"]
    if since:
        where.append("published >= ?")
        params.append(since)
    sql = f"select {', '.join(columns)} from claim_mentions"
    if where:
        sql += " where " + " and ".join(where)
    sql += " order by published, article, version_id, mention_id"
    if limit:
        sql += f" limit {int(limit)}"
    return _rows(db, sql, params)


def changes(db: sqlite_utils.Database, article: str | None = None) -> list[Row]:
    """Claims added, removed or changed between consecutive versions (the `version_changes` view)."""
    sql = (
        "select a.key as article, c.change, c.old_text, c.old_value, c.new_text, c.new_value, c.sentence, "
        "c.old_version, c.new_version from version_changes c join articles a on a.id = c.article_id"
    )
    params: list[Any] = []
    if article:
        sql += " where a.key like ? or a.headline like ?"
        params += [f"%{article}%", f"%{article}%"]
    return _rows(db, sql + " order by a.key, c.new_version, c.change", params)


def cross_checks(db: sqlite_utils.Database, verdict: str | None = "conflict") -> list[Row]:
    """Linked mentions of one fact in different articles of a story (the `cross_checks` view), best
    linked first; only conflicts unless `verdict` is None. The derived tables are rebuilt first when the
    ledger changed since they were built."""
    from claimex.crosscheck.refresh import ensure_fresh

    ensure_fresh(db)
    sql = "select * from cross_checks"
    params: list[Any] = []
    if verdict:
        sql += " where verdict = ?"
        params.append(verdict)
    rows = _rows(db, sql + " order by story, score desc, article_a, start_a", params)
    for row in rows:
        row["agreed"] = json.loads(row["agreed"] or "[]")
    return rows


def fts_query(query: str) -> str:
    """The query as FTS5 reads it: plain words (figures too: "5.7", "$5.7 billion") become quoted phrases,
    all of which must match; a query that uses FTS syntax on purpose is passed as it is."""
    if FTS_SYNTAX.search(query):
        return query
    words = [word for word in query.split() if any(ch.isalnum() for ch in word)]
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def series(db: sqlite_utils.Database, name: str) -> list[Row]:
    """A claim's history: every mention of one measured thing (`claim_series.series`), dated ones in
    publication order, undated ones last."""
    sql = (
        "select published, claim, figure, said_by, outlet, snippet, article, period, qualifier, value, unit "
        "from claim_series where series = ? order by published is null, published, observed_at, mention_id"
    )
    return _rows(db, sql, [name])


def series_like(db: sqlite_utils.Database, words: str, limit: int = 10) -> list[Row]:
    """The measured things whose name contains `words`, most mentioned first (to suggest one)."""
    sql = (
        "select series, count(*) as mentions, count(published) as dated from claim_series "
        "where series like ? group by series order by count(*) desc, series limit ?"
    )
    return _rows(db, sql, [f"%{words}%", limit])


def claim_pairs(db: sqlite_utils.Database, verdict: str | None = "conflict") -> list[Row]:
    """The cross-checks as people read them (`claim_pairs`): each side's claim, figure, speaker and outlet."""
    from claimex.crosscheck.refresh import ensure_fresh

    ensure_fresh(db)
    sql = "select * from claim_pairs"
    params: list[Any] = []
    if verdict:
        sql += " where verdict = ?"
        params.append(verdict)
    return _rows(db, sql + " order by story, score desc", params)


def search(
    db: sqlite_utils.Database, query: str, limit: int = 50, columns: Sequence[str] = BROWSE_COLUMNS
) -> list[Row]:
    """Mentions whose sentence or text matches a full-text query (plain words, or FTS5 syntax), best first."""
    match = fts_query(query)
    if not match:
        raise ClaimexError(f"nothing to search for in {query!r}; give a word or a figure")
    selected = ", ".join("c." + c for c in columns)
    sql = (
        f"select {selected} from mentions_fts join mentions m on m.rowid = mentions_fts.rowid "
        "join claim_mentions c on c.mention_id = m.id "
        "where mentions_fts match ? order by mentions_fts.rank limit ?"
    )
    try:
        return _rows(db, sql, [match, limit])
    except sqlite3.OperationalError as exc:
        raise ClaimexError(f"cannot search for {query!r}: {exc}") from exc


def claim_jsonld(rows: list[Row]) -> Iterator[Row]:
    """schema.org `Claim` objects for mentions: the sentence, its author, where and when it appeared."""
    for row in rows:
        author = row.get("speaker") or row.get("source")
        claim: Row = {
            "@context": "https://schema.org",
            "@type": "Claim",
            "@id": f"urn:claimex:mention:{row['mention_id']}",
            "text": row["sentence"],
            "identifier": row["claim_id"],
            "appearance": {
                "@type": "NewsArticle",
                "headline": row["headline"],
                **({"url": row["url"]} if row.get("url") else {"identifier": row["article"]}),
                **({"datePublished": row["published"]} if row.get("published") else {}),
                **(
                    {"publisher": {"@type": "Organization", "name": row["outlet"]}}
                    if row.get("outlet")
                    else {}
                ),
            },
            "about": {
                "@type": "QuantitativeValue",
                "value": row["value"],
                **({"maxValue": row["range_high"]} if row.get("range_high") is not None else {}),
                **({"unitText": row["unit"]} if row.get("unit") else {}),
                **({"name": row["metric"]} if row.get("metric") else {}),
            },
        }
        if author:
            kind = "Person" if row.get("speaker") and " " in row["speaker"] else "Organization"
            claim["author"] = {"@type": kind if row.get("speaker") else "CreativeWork", "name": author}
        if row.get("period"):
            claim["temporalCoverage"] = row["period"]
        yield claim
