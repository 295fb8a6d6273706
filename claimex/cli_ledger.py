"""Commands that read the ledger: claims, history, diff, check, export, search."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click
from rich.console import Console

from claimex.cli_options import check_date, db_option, format_option, model_option, since_option
from claimex.ledger import queries

# The table a person reads: the claim as written, its figure, who said it, the words around it, where, when.
TABLE_COLUMNS = ["claim", "figure", "said_by", "snippet", "outlet", "published", "period"]
HISTORY_COLUMNS = ["published", "claim", "figure", "said_by", "outlet", "snippet"]
PAIR_COLUMNS = [
    "verdict",
    "score",
    "claim_a",
    "figure_a",
    "said_by_a",
    "outlet_a",
    "article_a",
    "claim_b",
    "figure_b",
    "said_by_b",
    "outlet_b",
    "article_b",
    "relative_difference",
]


def _open(db_path: str) -> Any:
    from claimex.ledger.store import open_ledger

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
@click.option("--unit", help="Unit is this, in any case (GBP, usd, percent, ...; 'count' for plain counts).")
@click.option("--article", help="Article key or headline contains this text.")
@since_option
@click.option("--limit", type=click.IntRange(min=1), help="At most this many rows.")
@click.option(
    "--borderline",
    is_flag=True,
    help="Also list ages, ordinals, time spans and scores in the table (JSON, JSON lines, CSV hold them).",
)
@format_option
def claims(
    db_path: str,
    speaker: str | None,
    unit: str | None,
    article: str | None,
    since: str | None,
    limit: int | None,
    borderline: bool,
    fmt: str,
) -> None:
    """List claims in the ledger, filtered: the claim, its figure, who said it and the words around it.

    \b
    Examples:
      claimex claims --speaker Trump          # every name of Donald Trump, shown under one
      claimex claims --unit usd --since 2019-01-01 --format json
    """
    columns = [*queries.READ_COLUMNS, *(c for c in queries.BROWSE_COLUMNS if c not in queries.READ_COLUMNS)]
    shown = borderline or fmt != "table"
    rows = queries.claims(_open(db_path), speaker, unit, article, since, limit, columns, shown)
    emit(rows, fmt, "Claims", TABLE_COLUMNS)


@click.command()
@click.argument("series", required=False)
@db_option
@format_option
def history(series: str | None, db_path: str, fmt: str) -> None:
    """A claim's history: every mention of one measured thing (SERIES, e.g. 'people (count)'), dated ones
    in publication order, undated ones last. Without SERIES, or with part of a name, lists measured things."""
    db = _open(db_path)
    rows = queries.series(db, series) if series else []
    if rows:
        emit(rows, fmt, f"History of {series}", HISTORY_COLUMNS)
        return
    found = queries.series_like(db, series or "", limit=50 if series is None else 10)
    if series and not found:
        raise click.ClickException(f"no measured thing like {series!r}; run `claimex history` to list them")
    if series:
        click.echo(f"{series!r} is not one measured thing; did you mean one of these?", err=True)
    emit(found, fmt, "Measured things", ["series", "mentions", "dated"])


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@db_option
@click.option(
    "--article",
    help="Without files: the changes between versions of the ledger's articles "
    "whose key or headline contains this text.",
)
@click.option(
    "--published", callback=check_date, metavar="YYYY-MM-DD", help="With files: publication date for both."
)
@model_option
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

        shown = [
            (r["change"], _one_line(r["old_text"]), _one_line(r["new_text"]), r["sentence"] or "")
            for r in rows
        ]
        diff_table(shown, "Changes in the numbers", Console())
    else:
        emit(rows, fmt, "Changes", [])
    if exit_code and rows:
        raise click.exceptions.Exit(1)


def _one_line(text: str | None) -> str:
    from claimex.figures import claim_text

    return claim_text(text or "")


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
    verdict = None if show_all else "conflict"
    rows = queries.claim_pairs(db, verdict) if fmt == "table" else queries.cross_checks(db, verdict)
    found = summary(db)
    if found.undated:
        click.echo(
            f"Note: {found.undated} of {found.articles} articles have no publication date: they join stories "
            "by content alone, and a figure that differs between them is reported as a conflict, never as "
            "an update. Give dates with --published or in the input's metadata.",
            err=True,
        )
    emit(rows, fmt, "Cross-checks", PAIR_COLUMNS)
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
    """Full-text search over the claims' sentences: plain words and figures ('5.7', '$5.7 billion') all match;
    FTS5 syntax ("phrases", OR, NOT, prefix*) is used as typed."""
    columns = [*queries.READ_COLUMNS, *(c for c in queries.BROWSE_COLUMNS if c not in queries.READ_COLUMNS)]
    rows = queries.search(_open(db_path), query, limit, columns)
    emit(rows, fmt, f"Claims matching {query!r}", TABLE_COLUMNS)
