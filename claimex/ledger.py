"""The SQLite fact ledger: sqlite-utils Migrations, content-hash ids, one transaction per article."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from claimex import __version__
from claimex.errors import LedgerError
from claimex.records import Article, Extraction

migrations = sqlite_utils.Migrations("claimex")
TABLES = ("ingest_runs", "articles", "speakers", "claims", "quotes")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """Runs, articles, speakers, claims and quotes, with indexes for the common filters."""
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
    for table, columns in (
        ("claims", ["article_id"]),
        ("claims", ["speaker"]),
        ("claims", ["unit"]),
        ("claims", ["period"]),
        ("quotes", ["article_id"]),
        ("speakers", ["article_id"]),
        ("articles", ["source"]),
    ):
        db.table(table).create_index(columns)
    db.table("claims").enable_fts(["sentence", "text"], create_triggers=True)


def digest(*parts: object) -> str:
    """A short stable id from the parts: the same content always gets the same id."""
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


@dataclass
class IngestCounts:
    """What one ingest added and what was already there."""

    articles_new: int = 0
    articles_present: int = 0
    claims_new: int = 0
    quotes_new: int = 0

    def add(self, other: IngestCounts) -> None:
        """Add another count to this one."""
        for name in ("articles_new", "articles_present", "claims_new", "quotes_new"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 5


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One write transaction that takes the write lock up front (BEGIN IMMEDIATE).

    Concurrent writers then queue on the busy timeout instead of failing when a read lock
    cannot be upgraded; a lock that outlasts every retry is a LedgerError.
    """
    for attempt in range(LOCK_RETRIES):
        try:
            db.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == LOCK_RETRIES - 1:
                raise LedgerError("the ledger stayed locked by another writer; try again") from exc
            time.sleep(0.2 * (attempt + 1))
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
    known = {m.name for m in migrations._migrations}
    newer = [m.name for m in migrations.applied(db) if m.name not in known]
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
        if db.journal_mode != "wal":
            db.enable_wal()
        _check_version(db, path)
        if migrations.pending(db):
            with write_transaction(db):  # two processes creating one ledger take turns
                migrations.apply(db)
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


def _article_row(extraction: Extraction, article: Article, original: str) -> dict[str, Any]:
    text = original[article.start : article.end]
    content_hash = digest(text)
    return {
        "id": digest(article.headline, content_hash),
        "source": extraction.source,
        "article_index": article.index,
        "headline": article.headline,
        "url": None,
        "outlet": None,
        "published": extraction.published,
        "start": article.start,
        "end": article.end,
        "content_hash": content_hash,
        "text": text,
    }


def write_extraction(
    db: sqlite_utils.Database,
    extraction: Extraction,
    original: str,
    run: Run,
    url: str | None = None,
    outlet: str | None = None,
) -> IngestCounts:
    """Write every article of an extraction, one transaction each; articles already present are skipped."""
    counts = IngestCounts()
    for article in extraction.articles:
        row = _article_row(extraction, article, original)
        row.update(url=url, outlet=outlet)
        article_id = row["id"]
        with write_transaction(db):
            if db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
                counts.articles_present += 1
                continue
            db.table("articles").insert({**row, "run_id": run.id})
            db.table("claims").insert_all(
                {"id": digest(article_id, c.start, c.end), "article_id": article_id, **_plain(c.__dict__)}
                for c in article.claims
            )
            db.table("quotes").insert_all(
                {"id": digest(article_id, q.start, q.end), "article_id": article_id, **q.__dict__}
                for q in article.quotes
            )
            db.table("speakers").insert_all(
                {
                    "id": digest(article_id, s.name),
                    "article_id": article_id,
                    "name": s.name,
                    "kind": s.kind,
                    "descriptions": json.dumps(s.descriptions, ensure_ascii=False),
                    "organisation": s.organisation,
                }
                for s in article.speakers
            )
        counts.articles_new += 1
        counts.claims_new += len(article.claims)
        counts.quotes_new += len(article.quotes)
    return counts


def merge(db: sqlite_utils.Database, shard_path: str | Path) -> IngestCounts:
    """Copy the articles of another ledger (a shard) that `db` lacks, one transaction each; ids are hashes."""
    shard = open_ledger(shard_path, create=False)
    counts = IngestCounts()
    runs: dict[int, int] = {}
    for article in shard.table("articles").rows:
        with write_transaction(db):
            if db.execute("select 1 from articles where id = ?", [article["id"]]).fetchone():
                counts.articles_present += 1
                continue
            old_run = article["run_id"]
            if old_run not in runs:
                run = dict(shard.table("ingest_runs").get(old_run))
                run.pop("id")
                runs[old_run] = int(str(db.table("ingest_runs").insert(run).last_pk))
            db.table("articles").insert({**article, "run_id": runs[old_run]})
            for table in ("claims", "quotes", "speakers"):
                rows = list(shard.table(table).rows_where("article_id = ?", [article["id"]]))
                db.table(table).insert_all(rows)
                if table == "claims":
                    counts.claims_new += len(rows)
                elif table == "quotes":
                    counts.quotes_new += len(rows)
        counts.articles_new += 1
    shard.close()
    return counts


def _plain(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: int(v) if isinstance(v, bool) else v for k, v in fields.items()}


def row_counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows in each ledger table."""
    return {name: db.table(name).count for name in TABLES}
