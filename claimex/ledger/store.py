"""The SQLite fact ledger: sqlite-utils Migrations, content-hash ids, one transaction per article."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import sqlite_utils

from claimex import __version__
from claimex.errors import LedgerError
from claimex.ledger.schema import (
    EXTRACTOR_VERSION,
    KNOWN_MIGRATIONS,
    article_key,
    claim_id,
    digest,
    ensure_views,
    migrations,
    stale_views,
)
from claimex.normalise.intervals import interval
from claimex.records import Article, Extraction, Page

TABLES = ("ingest_runs", "articles", "article_versions", "claims", "mentions", "quotes", "speakers")


@dataclass
class IngestCounts:
    """What one ingest added and what was already there, each thing by its name."""

    articles_new: int = 0  # articles not seen before (their first version)
    versions_new: int = 0  # new texts of articles already in the ledger
    articles_present: int = 0  # texts already in the ledger
    mentions_new: int = 0
    claims_new: int = 0  # claim identities not seen before
    quotes_new: int = 0
    pages_skipped: int = 0  # pages whose hash showed them unchanged, not parsed

    def add(self, other: IngestCounts) -> None:
        """Add another count to this one."""
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 5


def _while_locked(action: Callable[[], object]) -> None:
    """Run `action`, again while another process holds a lock it needs; a lock that outlasts every retry
    is a LedgerError."""
    for attempt in range(LOCK_RETRIES):
        try:
            action()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == LOCK_RETRIES - 1:
                raise LedgerError("the ledger stayed locked by another writer; try again") from exc
            time.sleep(0.2 * (attempt + 1))


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    Concurrent writers then queue on the busy timeout instead of failing when a read lock
    cannot be upgraded; a lock that outlasts every retry is a LedgerError.
    """
    _while_locked(lambda: db.execute("BEGIN IMMEDIATE"))
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    db.conn.commit()


def _check_header(target: Path) -> None:
    if not target.exists() or not target.stat().st_size:
        return
    with open(target, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise LedgerError(f"{target}: not a SQLite database; pass another --db path")


def _check_version(db: sqlite_utils.Database, path: str | Path) -> None:
    newer = [m.name for m in migrations.applied(db) if m.name not in KNOWN_MIGRATIONS]
    if newer:
        raise LedgerError(
            f"{path}: written by a newer claimex (schema {newer[-1]}); upgrade claimex to use it"
        )


def open_ledger(path: str | Path, create: bool = True) -> sqlite_utils.Database:
    """Open (creating and migrating as needed) the ledger at `path`."""
    target = Path(path)
    _check_header(target)
    if not create and not target.exists():
        raise LedgerError(f"{path}: no ledger here; run `claimex ingest FILE --db {path}` first")
    try:
        db = sqlite_utils.Database(target)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")

        def wal() -> None:
            if db.journal_mode != "wal":
                db.enable_wal()

        # switching to WAL needs the file to itself, and SQLite may refuse at once rather than wait on its
        # busy timeout (a lock it could deadlock on): two processes creating one ledger take turns here too
        _while_locked(wal)
        _check_version(db, path)
        if migrations.pending(db) or stale_views(db):
            with write_transaction(db):  # two processes creating one ledger take turns
                migrations.apply(db)
                ensure_views(db)
    except sqlite3.DatabaseError as exc:
        raise LedgerError(f"{path}: cannot open the ledger ({exc})") from exc
    return db


class Run:
    """One ingest run, recorded in `ingest_runs` only once it writes its first article."""

    def __init__(self, db: sqlite_utils.Database, command: str, model: str) -> None:
        self.db, self.command, self.model = db, command, model
        self._id: int | None = None

    @property
    def id(self) -> int:
        """The run's row id, inserting the row on first use (inside the caller's transaction)."""
        if self._id is None:
            table = self.db.table("ingest_runs")
            table.insert(
                {
                    "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "command": self.command,
                    "claimex_version": __version__,
                    "model": self.model,
                }
            )
            self._id = int(str(table.last_pk))
        return self._id


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _version_row(extraction: Extraction, article: Article, original: str, key: str) -> dict[str, Any]:
    text = original[article.start : article.end]
    content_hash = digest(text)
    return {
        "id": digest(article.headline, content_hash),
        "article_id": digest("article", key),
        "source": extraction.source,
        "article_index": article.index,
        "headline": article.headline,
        "published": extraction.published,
        "start": article.start,
        "end": article.end,
        "content_hash": content_hash,
        "text": text,
    }


def _latest_version(db: sqlite_utils.Database, article_id: str) -> str | None:
    row = db.execute(
        "select id from article_versions where article_id = ? order by observed_at desc, rowid desc limit 1",
        [article_id],
    ).fetchone()
    return str(row[0]) if row else None


def _mention_rows(version_id: str, article: Article) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    mentions, claims = [], []
    for c in article.claims:
        identity = claim_id(c.speaker, c.source, c.metric, c.unit, c.per, c.period)
        low, high = interval(c.text, c.value, c.value_high, c.qualifier)
        claims.append(
            {
                "id": identity,
                "speaker": c.speaker,
                "source": c.source,
                "metric": c.metric,
                "unit": c.unit,
                "per": c.per,
                "period": c.period,
            }
        )
        mentions.append(
            {
                "id": digest(version_id, c.start, c.end),
                "version_id": version_id,
                "claim_id": identity,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "value": c.value,
                "range_high": c.value_high,
                "value_low": low,
                "value_high": high,
                "unit": c.unit,
                "per": c.per,
                "counted": c.counted,
                "metric": c.metric,
                "qualifier": c.qualifier,
                "period": c.period,
                "speaker": c.speaker,
                "source": c.source,
                "quote": int(c.quote),
                "sentence": c.sentence,
                "extractor_version": EXTRACTOR_VERSION,
                "measure": c.measure,
                "predicate": c.predicate,
                "about": c.about,
                "context": " ".join(c.context),
                "kind": c.kind,
                "rule": c.rule,
                "confidence": c.confidence,
            }
        )
    return mentions, claims


def write_extraction(
    db: sqlite_utils.Database,
    extraction: Extraction,
    original: str,
    run: Run,
    url: str | None = None,
    outlet: str | None = None,
    key: str | None = None,
) -> IngestCounts:
    """Write every article of an extraction, one transaction each. A text already there is skipped; a new
    text of a known article (same key: URL, file, or headline and outlet) becomes its next version."""
    counts = IngestCounts()
    for article in extraction.articles:
        identity = (
            key
            if key and article.index == 0
            else article_key(url, extraction.source, article.headline, outlet, article.index)
        )
        row = _version_row(extraction, article, original, identity)
        version_id = row["id"]
        with write_transaction(db):
            if db.execute("select 1 from article_versions where id = ?", [version_id]).fetchone():
                counts.articles_present += 1
                continue
            now = _now()
            db.table("articles").insert(
                {
                    "id": row["article_id"],
                    "key": identity,
                    "url": url,
                    "source": extraction.source,
                    "outlet": outlet,
                    "headline": article.headline,
                    "first_seen": now,
                },
                ignore=True,
            )
            previous = _latest_version(db, row["article_id"])
            db.table("article_versions").insert(
                {
                    **row,
                    "url": url,
                    "outlet": outlet,
                    "run_id": run.id,
                    "observed_at": now,
                    "previous_version_id": previous,
                }
            )
            mentions, claims = _mention_rows(version_id, article)
            before = db.conn.total_changes
            db.table("claims").insert_all(claims, ignore=True)
            counts.claims_new += db.conn.total_changes - before
            db.table("mentions").insert_all(mentions)
            db.table("quotes").insert_all(
                {"id": digest(version_id, q.start, q.end), "version_id": version_id, **q.__dict__}
                for q in article.quotes
            )
            db.table("speakers").insert_all(
                {
                    "id": digest(version_id, s.name),
                    "version_id": version_id,
                    "name": s.name,
                    "kind": s.kind,
                    "descriptions": json.dumps(s.descriptions, ensure_ascii=False),
                    "organisation": s.organisation,
                }
                for s in article.speakers
            )
        if previous:
            counts.versions_new += 1
        else:
            counts.articles_new += 1
        counts.mentions_new += len(article.claims)
        counts.quotes_new += len(article.quotes)
    return counts


def merge(db: sqlite_utils.Database, shard_path: str | Path) -> IngestCounts:
    """Copy the article versions of another ledger (a shard) that `db` lacks, one transaction each."""
    shard = open_ledger(shard_path, create=False)
    counts = IngestCounts()
    runs: dict[int, int] = {}
    for version in shard.table("article_versions").rows_where(order_by="observed_at, rowid"):
        with write_transaction(db):
            if db.execute("select 1 from article_versions where id = ?", [version["id"]]).fetchone():
                counts.articles_present += 1
                continue
            old_run = version["run_id"]
            if old_run not in runs:
                run = dict(shard.table("ingest_runs").get(old_run))
                run.pop("id")
                runs[old_run] = int(str(db.table("ingest_runs").insert(run).last_pk))
            db.table("articles").insert(shard.table("articles").get(version["article_id"]), ignore=True)
            previous = _latest_version(db, version["article_id"])
            db.table("article_versions").insert(
                {**version, "run_id": runs[old_run], "previous_version_id": previous}
            )
            mentions = list(shard.table("mentions").rows_where("version_id = ?", [version["id"]]))
            ids = sorted({m["claim_id"] for m in mentions})
            before = db.conn.total_changes
            db.table("claims").insert_all((shard.table("claims").get(i) for i in ids), ignore=True)
            counts.claims_new += db.conn.total_changes - before
            db.table("mentions").insert_all(mentions)
            quotes = list(shard.table("quotes").rows_where("version_id = ?", [version["id"]]))
            db.table("quotes").insert_all(quotes)
            db.table("speakers").insert_all(
                shard.table("speakers").rows_where("version_id = ?", [version["id"]])
            )
        if previous:
            counts.versions_new += 1
        else:
            counts.articles_new += 1
        counts.mentions_new += len(mentions)
        counts.quotes_new += len(quotes)
    shard.close()
    return counts


def row_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows in each ledger table."""
    return {name: db.table(name).count for name in TABLES}


def page_hash(page: Page, key: str | None = None) -> str:
    """What makes a page the same input again: its text, source, metadata and the extractor's version."""
    metadata = (page.source, page.published, page.url, page.outlet, key)
    return digest("page", EXTRACTOR_VERSION, page.text, *metadata)


def unchanged_pages(db: sqlite_utils.Database, hashes: list[str]) -> set[str]:
    """The hashes among `hashes` of pages this ledger has already ingested."""
    seen: set[str] = set()
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        seen |= {r[0] for r in db.execute(f"select hash from page_hashes where hash in ({marks})", chunk)}
    return seen


def mark_page(db: sqlite_utils.Database, hash_: str, source: str, run: Run) -> None:
    """Record that the page with this hash is in the ledger (after its articles are written)."""
    with write_transaction(db):
        db.table("page_hashes").insert(
            {"hash": hash_, "source": source, "run_id": run.id, "seen_at": _now()}, ignore=True
        )
