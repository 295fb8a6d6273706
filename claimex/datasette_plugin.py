"""A small Datasette plugin: charts of the ledger (claims per speaker, a metric's values over time) as SVG.

Registered through the `datasette` entry point, so `claimex serve` and a plain `datasette ledger.db` both
show it at /-/claimex-charts. The SVG is drawn on the server: no script, nothing fetched from the network.
"""

from __future__ import annotations

import html
from typing import Any

from datasette import hookimpl  # type: ignore[attr-defined]
from datasette.utils.asgi import Response

WIDTH, BAR_HEIGHT, LEFT = 760, 22, 220
TOP_SPEAKERS = 15


def _bars(rows: list[tuple[str, int]]) -> str:
    """A horizontal bar chart of (label, count)."""
    if not rows:
        return "<p>No claims with a speaker yet.</p>"
    most = max(count for _, count in rows)
    height = BAR_HEIGHT * len(rows) + 10
    parts = [
        f'<svg class="claimex-bars" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="Claims per speaker">'
    ]
    for i, (label, count) in enumerate(rows):
        y = i * BAR_HEIGHT + 5
        length = (WIDTH - LEFT - 60) * count / most
        parts.append(
            f'<text x="{LEFT - 8}" y="{y + 15}" text-anchor="end" font-size="13">{html.escape(label)}</text>'
            f'<rect x="{LEFT}" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT - 6}" fill="#4a7ab5"></rect>'
            f'<text x="{LEFT + length + 6:.1f}" y="{y + 15}" font-size="13">{count}</text>'
        )
    return "".join(parts) + "</svg>"


def _timeline(rows: list[tuple[str, float, str]]) -> str:
    """Values of one metric over time: a dot per mention, dates along the bottom."""
    if not rows:
        return "<p>No dated mentions of that metric.</p>"
    height, pad = 320, 50
    values = [v for _, v, _ in rows]
    low, high = min(values), max(values)
    span = (high - low) or abs(high) or 1.0
    parts = [
        f'<svg class="claimex-timeline" width="{WIDTH}" height="{height}" role="img" '
        f'aria-label="Values over time">',
        f'<line x1="{pad}" y1="{height - pad}" x2="{WIDTH - 10}" y2="{height - pad}" stroke="#888"></line>',
    ]
    step = (WIDTH - 2 * pad) / max(1, len(rows) - 1)
    for i, (date, value, text) in enumerate(rows):
        x = pad + i * step
        y = height - pad - (value - low) / span * (height - 2 * pad)
        label, when = html.escape(text), html.escape(date)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#b5564a"><title>{label} ({when})</title></circle>'
            f'<text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle" font-size="11">{label}</text>'
            f'<text x="{x:.1f}" y="{height - pad + 16}" text-anchor="middle" font-size="11">{when}</text>'
        )
    return "".join(parts) + "</svg>"


def _option(name: str, count: int, chosen: str) -> str:
    selected = " selected" if name == chosen else ""
    return f'<option value="{html.escape(name)}"{selected}>{html.escape(name)} ({count})</option>'


async def charts(datasette: Any, request: Any) -> Response:
    """The charts page: claims per speaker, and the values of ?metric= over time."""
    db = datasette.get_database()
    speakers = await db.execute(
        "select speaker, count(*) from mentions where speaker is not null group by speaker "
        f"order by count(*) desc, speaker limit {TOP_SPEAKERS}"
    )
    metric = request.args.get("metric", "")
    points: list[tuple[str, float, str]] = []
    if metric:
        found = await db.execute(  # one unit: the metric's most common one ("faces", not "doubled")
            "select coalesce(published, substr(observed_at, 1, 10)), value, replace(text, char(10), '') "
            "from claim_mentions where metric = ? and unit is (select unit from mentions where metric = ? "
            "group by unit order by count(*) desc limit 1) order by 1, mention_id limit 200",
            [metric, metric],
        )
        points = [(str(r[0]), float(r[1]), str(r[2])) for r in found.rows]
    metrics = await db.execute(
        "select metric, count(*) from mentions where metric is not null group by metric "
        "having count(*) > 1 order by count(*) desc limit 30"
    )
    options = "".join(_option(m, n, metric) for m, n in metrics.rows)
    body = (
        "<!doctype html><html><head><meta charset='utf-8'><title>claimex charts</title></head>"
        "<body style='font-family: sans-serif; margin: 2em'>"
        f"<p><a href='{datasette.urls.instance()}'>back to the ledger</a></p>"
        "<h1>Claims per speaker</h1>"
        f"{_bars([(str(r[0]), int(r[1])) for r in speakers.rows])}"
        "<h1>A metric over time</h1>"
        f"<form><select name='metric'>{options}</select> <button type='submit'>Show</button></form>"
        f"{_timeline(points) if metric else '<p>Pick a metric.</p>'}"
        "</body></html>"
    )
    return Response.html(body)


@hookimpl  # type: ignore[untyped-decorator]
def register_routes() -> list[tuple[str, Any]]:
    """The charts page."""
    return [(r"^/-/claimex-charts$", charts)]


@hookimpl  # type: ignore[untyped-decorator]
def menu_links(datasette: Any) -> list[dict[str, str]]:
    """A link to the charts in Datasette's menu."""
    return [{"href": datasette.urls.path("/-/claimex-charts"), "label": "claimex charts"}]
