"""Commands that read the ledger: claims, diff, check, export, search."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click
from rich.console import Console

from claimex import queries

DEFAULT_DB = "ledger.db"
TABLE_COLUMNS = ["published", "speaker", "text", "unit", "qualifier", "period", "metric", "headline"]

db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger file.")
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "nl", "csv"]),
    default="table",
    show_default=True,
    help="Output: a table, a JSON array, JSON lines, or CSV.",
)


def _open(db_path: str) -> Any:
    from claimex.ledger import open_ledger

    return open_ledger(db_path, create=False)


def emit(rows: list[dict[str, Any]], fmt: str, title: str, columns: list[str]) -> None:
    """Print rows as a table, JSON, JSON lines or CSV on stdout."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "nl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        from claimex.render import rows_table

        rows_table(rows, columns, title, Console())


@click.command()
@db_option
@click.option("--speaker", help="Speaker or source contains this text.")
@click.option("--unit", help="Unit is exactly this (GBP, percent, ...; 'count' for plain counts).")
@click.option("--article", help="Article key or headline contains this text.")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this date.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@format_option
def claims(
    db_path: str,
    speaker: str | None,
    unit: str | None,
    article: str | None,
    since: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List claims in the ledger, filtered."""
    rows = queries.claims(_open(db_path), speaker, unit, article, since, limit)
    emit(rows, fmt, "Claims", TABLE_COLUMNS)


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@db_option
@click.option(
    "--article",
    help="Without files: the changes between versions of the ledger's articles "
    "whose key or headline contains this text.",
)
@click.option("--published", metavar="YYYY-MM-DD", help="With files: publication date for both.")
@click.option("--model", envvar="CLAIMEX_MODEL", metavar="NAME", help="With files: the spaCy model to use.")
@click.option(
    "--exit-code", is_flag=True, help="Exit 1 when the numbers differ (like `git diff --exit-code`)."
)
@format_option
def diff(
    old: str | None,
    new: str | None,
    db_path: str,
    article: str | None,
    published: str | None,
    model: str | None,
    exit_code: bool,
    fmt: str,
) -> None:
    """Compare the numbers in two versions of a story: two files OLD and NEW, or versions in the ledger."""
    if old and new:
        rows = _diff_files(old, new, published, model)
    elif old or new:
        raise click.UsageError("give two files, or none with --article to read versions from the ledger")
    else:
        rows = queries.changes(_open(db_path), article)
    if fmt == "table":
        from claimex.render import diff_table

        shown = [(r["change"], r["old_text"] or "", r["new_text"] or "", r["sentence"] or "") for r in rows]
        diff_table(shown, "Changes in the numbers", Console())
    else:
        emit(rows, fmt, "Changes", [])
    if exit_code and rows:
        raise click.exceptions.Exit(1)


def _diff_files(old: str, new: str, published: str | None, model: str | None) -> list[dict[str, Any]]:
    from claimex import pipeline, read
    from claimex.diff import diff_claims
    from claimex.extract import extract_pages

    pages = [next(read.read_path(path, published)) for path in (old, new)]
    nlp = pipeline.load(pipeline.model_name(model))
    versions = [[c for a in e.articles for c in a.claims] for _, e in extract_pages(nlp, pages)]
    rows = []
    for change in diff_claims(versions[0], versions[1]):
        either = change.new or change.old
        assert either is not None
        rows.append(
            {
                "change": change.change,
                "old_text": change.old.text.replace("\n", " ") if change.old else None,
                "old_value": change.old.value if change.old else None,
                "new_text": change.new.text.replace("\n", " ") if change.new else None,
                "new_value": change.new.value if change.new else None,
                "sentence": either.sentence,
            }
        )
    return rows


@click.command()
@db_option
@click.option("--all", "show_all", is_flag=True, help="Every linked pair, not only conflicts.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when there is a conflict.")
@format_option
def check(db_path: str, show_all: bool, exit_code: bool, fmt: str) -> None:
    """Cross-check the ledger: figures in different articles of one story that state the same fact.

    Each pair carries its verdict (consistent, updated, conflict), its score and the features that
    agreed. Without --all only conflicts are listed.

    \b
    Examples:
      claimex check                      # conflicts
      claimex check --all --format json  # every linked pair, for scripts
    """
    from claimex.crosscheck.refresh import summary

    db = _open(db_path)
    rows = queries.cross_checks(db, None if show_all else "conflict")
    found = summary(db)
    if found.undated:
        click.echo(
            f"Note: {found.undated} of {found.articles} articles have no publication date: they join stories "
            "by content alone, and a figure that differs between them is reported as a conflict, never as "
            "an update. Give dates with --published or in the input's metadata.",
            err=True,
        )
    columns = [
        "verdict",
        "score",
        "text_a",
        "speaker_a",
        "article_a",
        "text_b",
        "speaker_b",
        "article_b",
        "sentence_a",
        "sentence_b",
    ]
    emit(rows, fmt, "Cross-checks", columns)
    if exit_code and any(r["verdict"] == "conflict" for r in rows):
        raise click.exceptions.Exit(1)


@click.command()
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "claim-jsonld"]),
    default="jsonl",
    show_default=True,
    help="JSON lines, CSV, or schema.org Claim objects (JSON-LD, one a line).",
)
def export(db_path: str, fmt: str) -> None:
    """Export every claim mention with its article and speaker."""
    rows = queries.claims(_open(db_path))
    if fmt == "claim-jsonld":
        for claim in queries.claim_jsonld(rows):
            click.echo(json.dumps(claim, ensure_ascii=False))
    else:
        emit(rows, "nl" if fmt == "jsonl" else "csv", "Claims", [])


@click.command()
@click.argument("query")
@db_option
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1))
@format_option
def search(query: str, db_path: str, limit: int, fmt: str) -> None:
    """Full-text search over the sentences of the claims (SQLite FTS: words, "phrases", OR, NOT, prefix*)."""
    emit(queries.search(_open(db_path), query, limit), fmt, f"Claims matching {query!r}", TABLE_COLUMNS)
