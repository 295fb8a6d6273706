"""Terminal output: the only module that imports rich."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
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

from claimex.figures import claim_text, figure, snippet
from claimex.ledger.store import IngestCounts
from claimex.normalise.quantity import BORDERLINE
from claimex.records import Extraction

# Column widths relative to each other: the words around a number get the most room.
RATIOS = {"claim": 2, "figure": 1, "said_by": 2, "snippet": 6, "sentence": 6, "article": 2, "headline": 3}


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def claims_table(extractions: Iterable[Extraction], console: Console) -> None:
    """Print every claim as a table row: the claim as written, its figure, what it measures, who said it,
    the words around it (the number always among them) and its period. Borderline kinds (ages, ordinals,
    time spans, scores, partitives) are left out; the JSON keeps them."""
    table = Table(title="Numeric claims", show_lines=False, expand=True)
    for name in ("claim", "figure", "measures", "said by", "snippet", "period"):
        ratio = {"claim": 2, "measures": 2, "said by": 2, "snippet": 6}.get(name)
        table.add_column(name, overflow="fold", ratio=ratio, no_wrap=name in ("figure", "period"))
    rows = 0
    for extraction in extractions:
        for article in extraction.articles:
            for claim in article.claims:
                if claim.kind in BORDERLINE:
                    continue
                source = f"[i]{escape(claim.source)}[/i]" if claim.source else ""
                who = escape(claim.speaker) if claim.speaker else source
                table.add_row(
                    escape(claim_text(claim.text)),
                    escape(figure(claim.value, claim.value_high, claim.unit, claim.per)),
                    escape(claim.metric or ""),
                    who,
                    escape(snippet(claim.sentence, claim.text)),
                    claim.period or "",
                )
                rows += 1
    if rows:
        console.print(table)
    else:
        console.print("No numeric claims found.")


def plural(count: int, noun: str) -> str:
    """ "1 mention", "41 mentions"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def ingest_summary(counts: IngestCounts, tables: dict[str, int], db_path: str, console: Console) -> None:
    """Print what an ingest added, what it found unchanged, and the ledger's size, each by its name."""
    console.print(
        f"new: {plural(counts.articles_new, 'article')}, {plural(counts.versions_new, 'version')}, "
        f"{plural(counts.mentions_new, 'mention')}, {plural(counts.claims_new, 'claim')}, "
        f"{plural(counts.quotes_new, 'quote')}"
    )
    if counts.pages_skipped or counts.articles_present:
        console.print(
            f"unchanged: {plural(counts.pages_skipped, 'page')} skipped by hash, "
            f"{plural(counts.articles_present, 'text')} already in the ledger"
        )
    console.print(
        f"ledger {db_path}: {plural(tables['articles'], 'article')} in "
        f"{plural(tables['article_versions'], 'version')}, {plural(tables['mentions'], 'mention')} of "
        f"{plural(tables['claims'], 'claim')}, {plural(tables['quotes'], 'quote')}, "
        f"{plural(tables['speakers'], 'speaker')}, {plural(tables['ingest_runs'], 'ingest run')}"
    )


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
        ratio = RATIOS.get(column) or RATIOS.get(column.removesuffix("_a").removesuffix("_b"))
        table.add_column(column.replace("_", " "), overflow="fold", ratio=ratio)
    for row in rows:
        cells = [row.get(c) for c in columns]
        table.add_row(
            *(escape("" if v is None else _number(v) if isinstance(v, float) else str(v)) for v in cells)
        )
    console.print(table)


def diff_table(changes: list[tuple[str, str, str, str]], title: str, console: Console) -> None:
    """Print changes as rows of (change, old, new, sentence), coloured by kind."""
    if not changes:
        console.print(f"{title}: no differences in the numbers.")
        return
    table = Table(title=title, expand=True)
    for column, ratio in (("change", None), ("old", 1), ("new", 1), ("sentence", 5)):
        table.add_column(column, overflow="fold", ratio=ratio, no_wrap=column == "change")
    style = {"added": "green", "removed": "red", "changed": "yellow"}
    for change, old, new, sentence in changes:
        words = snippet(sentence, new or old, width=240)
        table.add_row(f"[{style.get(change, '')}]{change}[/]", escape(old), escape(new), escape(words))
    console.print(table)
