"""The claimex command line: thin click commands over the Python API."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimex import __version__, cli_ledger
from claimex.cli_options import (
    DEFAULT_DB,
    db_option,
    input_options,
    model_option,
    published_option,
    reader,
    report,
)
from claimex.errors import ClaimexError
from claimex.records import Page


class _Group(click.Group):
    """Turns ClaimexError into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimexError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimex")
def cli() -> None:
    """Find the numeric claims in news articles, who made them, and keep them in a SQLite ledger."""


def _skipped(page: Page, why: str) -> None:
    click.echo(f"Skipped: {page.source}: {why}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@published_option
@model_option
@input_options
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON (one object per page).")
@click.option(
    "--nl", "as_lines", is_flag=True, help="Print the contract JSON as one line per page (for pipelines)."
)
def extract(
    files: tuple[str, ...],
    published: str | None,
    model: str | None,
    as_json: bool,
    as_lines: bool,
    max_size: float,
    suffixes: tuple[str, ...],
) -> None:
    """Print the claims and quotes in FILES (.txt, .html or .jsonl files, folders, or - for stdin)."""
    from claimex import pipeline
    from claimex.extract import extract_pages
    from claimex.render import claims_table

    inputs = reader(published, max_size, suffixes)
    pages = [page for file in files for page in inputs.read(file)]
    nlp = pipeline.load(pipeline.model_name(model))
    results = [extraction for _, extraction in extract_pages(nlp, pages, on_skip=_skipped)]
    if as_json or as_lines:
        indent = 2 if len(results) == 1 and not as_lines else None
        for extraction in results:
            click.echo(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=indent))
    else:
        claims_table(results, Console())
    report(inputs.problems)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@db_option
@published_option
@model_option
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--table", "show_table", is_flag=True, help="Also print the claims table.")
@click.option("--key", help="The article's identity, so that another file is read as its next version.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes for extraction (one writer); each loads the model once.",
)
@input_options
def ingest(
    files: tuple[str, ...],
    db_path: str,
    published: str | None,
    model: str | None,
    quiet: bool,
    show_table: bool,
    key: str | None,
    jobs: int,
    max_size: float,
    suffixes: tuple[str, ...],
) -> None:
    """Extract FILES (files, folders or -) and write them into the ledger; re-ingesting adds nothing.

    A page (file or JSONL line) already ingested unchanged is recognised by its hash and not parsed again.
    A problem with a named file stops before anything is written. In a folder or a JSONL file, an unreadable
    file or line is reported and skipped, the rest is ingested, and the command exits 1.
    """
    from claimex.ledger import store as ledger
    from claimex.render import claims_table, ingest_summary, progress

    inputs = reader(published, max_size, suffixes)
    pages = [page for file in files for page in inputs.read(file)]  # read all before writing
    db = ledger.open_ledger(db_path)
    hashes = [ledger.page_hash(page, key) for page in pages]
    seen = ledger.unchanged_pages(db, hashes)
    counts = ledger.IngestCounts(pages_skipped=sum(h in seen for h in hashes))
    pages = [page for page, h in zip(pages, hashes, strict=True) if h not in seen]
    results: Any = iter(())
    name = model or ""
    if pages:  # spaCy is imported, and the model loaded, only when there is something new to parse
        from claimex import pipeline
        from claimex.extract import extract_pages

        name = pipeline.model_name(model)
        if jobs > 1 and len(pages) > 1:
            from claimex.parallel import extract_parallel

            results = extract_parallel(pages, name, jobs)
        else:
            results = extract_pages(pipeline.load(name), pages)
    run = ledger.Run(db, shlex.join(["claimex", *sys.argv[1:]]), name)
    err = Console(stderr=True)
    extractions = []
    with progress(len(pages), err, enabled=not quiet and err.is_terminal) as bar:
        for page, extraction in results:
            counts.add(ledger.write_extraction(db, extraction, page.text, run, page.url, page.outlet, key))
            ledger.mark_page(db, ledger.page_hash(page, key), page.source, run)  # page: as extracted
            if show_table:
                extractions.append(extraction)
            if bar is not None:
                bar.update(bar.task_ids[0], advance=1, claims=counts.mentions_new)
    if counts.articles_new:
        from claimex.crosscheck.refresh import refresh

        refresh(db)  # stories, entities and links, so every reader of the ledger sees current cross-checks
    out = Console(soft_wrap=True)
    if show_table:
        claims_table(extractions, out)
    ingest_summary(counts, ledger.row_counts(db), db_path, out)
    db.close()  # checkpoints the WAL now, not whenever the connection is collected
    report(inputs.problems)


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--into", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger to merge into.")
def merge(shards: tuple[str, ...], db_path: str) -> None:
    """Merge shard ledgers (SHARDS, e.g. one per worker) into one; articles already there are skipped."""
    from claimex.ledger import store as ledger
    from claimex.render import ingest_summary

    db = ledger.open_ledger(db_path)
    counts = ledger.IngestCounts()
    for shard in shards:
        if Path(shard).resolve() == Path(db_path).resolve():
            raise click.ClickException(f"{shard}: cannot merge a ledger into itself")
        counts.add(ledger.merge(db, shard))
    if counts.articles_new:
        from claimex.crosscheck.refresh import refresh

        refresh(db)
    ingest_summary(counts, ledger.row_counts(db), db_path, Console(soft_wrap=True))
    db.close()


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--public", is_flag=True, help="Allow binding an address other than loopback.")
def serve(db_path: str, host: str, port: int, public: bool) -> None:
    """Browse the ledger in Datasette (read-only) at http://HOST:PORT/."""
    from claimex import serve as serving

    serving.check(db_path, host, allow_public=public)  # refuse before announcing
    click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    serving.serve(db_path, host, port, allow_public=public)


for _command in (
    cli_ledger.claims,
    cli_ledger.history,
    cli_ledger.diff,
    cli_ledger.check,
    cli_ledger.export,
    cli_ledger.search,
):
    cli.add_command(_command)
