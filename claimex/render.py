"""Terminal output: the only module that imports rich."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from claimex.ledger import IngestCounts
from claimex.records import Extraction

SNIPPET = 70


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def claims_table(extractions: Iterable[Extraction], console: Console) -> None:
    """Print every claim as a table row: article, speaker, value, unit, qualifier, period, sentence."""
    table = Table(title="Numeric claims", show_lines=False, expand=True)
    for name in ("art", "speaker / source", "value", "unit", "qualifier", "period", "sentence"):
        table.add_column(name, overflow="fold", no_wrap=name in ("value", "unit", "period"))
    rows = 0
    for extraction in extractions:
        for article in extraction.articles:
            for claim in article.claims:
                value = _number(claim.value) + (f"–{_number(claim.value_high)}" if claim.value_high else "")
                unit = (claim.unit or "") + (f"/{claim.per}" if claim.per else "")
                who = claim.speaker or (f"[i]{claim.source}[/i]" if claim.source else "")
                snippet = (
                    claim.sentence if len(claim.sentence) <= SNIPPET else claim.sentence[: SNIPPET - 1] + "…"
                )
                table.add_row(
                    str(article.index), who, value, unit, claim.qualifier, claim.period or "", snippet
                )
                rows += 1
    if rows:
        console.print(table)
    else:
        console.print("No numeric claims found.")


def ingest_summary(counts: IngestCounts, tables: dict[str, int], db_path: str, console: Console) -> None:
    """Print what an ingest added, what was already there, and the ledger's size."""
    console.print(
        f"[bold]{counts.articles_new}[/bold] new articles ({counts.articles_present} already present), "
        f"[bold]{counts.claims_new}[/bold] new claims, [bold]{counts.quotes_new}[/bold] new quotes"
    )
    sizes = ", ".join(f"{n} {name}" for name, n in tables.items())
    console.print(f"ledger {db_path}: {sizes}")


class RateColumn(ProgressColumn):
    """Pages per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} pages/s" if task.speed else "", style="progress.data.speed")


@contextmanager
def progress(total: int, console: Console, enabled: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr for long jobs (articles, rate, time left), or nothing."""
    if not enabled:
        yield None
        return
    bar = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[claims]} claims"),
        RateColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    with bar:
        bar.add_task("pages", total=total, claims=0)
        yield bar


def rows_table(rows: list[dict[str, Any]], columns: list[str], title: str, console: Console) -> None:
    """Print rows (dicts) as a table of the given columns."""
    if not rows:
        console.print(f"{title}: nothing found.")
        return
    table = Table(title=title, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        cells = [row.get(c) for c in columns]
        table.add_row(*("" if v is None else _number(v) if isinstance(v, float) else str(v) for v in cells))
    console.print(table)


def diff_table(changes: list[tuple[str, str, str, str]], title: str, console: Console) -> None:
    """Print changes as rows of (change, old, new, sentence), coloured by kind."""
    if not changes:
        console.print(f"{title}: no differences in the numbers.")
        return
    table = Table(title=title, expand=True)
    for column in ("change", "old", "new", "sentence"):
        table.add_column(column, overflow="fold")
    style = {"added": "green", "removed": "red", "changed": "yellow"}
    for change, old, new, sentence in changes:
        snippet = sentence if len(sentence) <= SNIPPET else sentence[: SNIPPET - 1] + "…"
        table.add_row(f"[{style.get(change, '')}]{change}[/]", old, new, snippet)
    console.print(table)
