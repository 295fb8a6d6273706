"""Datasette hooks: the history chart on the claim_history page, and errors logged in one line (no traceback
for a refused query) and shown as Datasette shows them."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from datasette import hookimpl  # type: ignore[attr-defined]
from datasette.utils.asgi import Base400, Response
from datasette.views.base import DatasetteError

log = logging.getLogger("claimex.web")
HISTORY = ("claim-history", "values")  # the dashboard and chart (claimex/web/charts.yaml) the page draws


@hookimpl  # type: ignore[untyped-decorator]
def extra_template_vars(template: str, datasette: Any, request: Any) -> dict[str, Any]:
    """For the claim_history page: the chart's configuration and where its data comes from."""
    if not template.startswith("query") or request is None or not request.args.get("series"):
        return {}
    dashboards = datasette.plugin_config("datasette-dashboards") or {}
    chart = dashboards.get(HISTORY[0], {}).get("charts", {}).get(HISTORY[1])
    if not chart:
        return {}
    return {
        "history_chart": chart,
        "history_slug": HISTORY[1],
        "history_query": urlencode({"series": request.args["series"]}),
        "absolute_url": datasette.absolute_url(request, datasette.urls.instance()),
    }


def _status_and_message(exception: Exception) -> tuple[int, str, str | None]:
    if isinstance(exception, Base400):
        return int(exception.status), str(exception.args[0]), None
    if isinstance(exception, DatasetteError):
        return int(exception.status), str(exception.message), exception.title
    return 500, str(exception) or type(exception).__name__, None


@hookimpl  # type: ignore[untyped-decorator]
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """Log the error in one line and answer with Datasette's error page (or JSON for .json URLs)."""

    async def inner() -> Response:
        status, message, title = _status_and_message(exception)
        where = request.path + (f"?{request.query_string}" if request.query_string else "")
        log.warning("%s %s %s: %s", status, request.method, where, " ".join(message.split()))
        info = {"ok": False, "error": message, "status": status, "title": title}
        if request.path.endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        context = dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(), menu_links=list)
        return Response.html(await template.render_async(context), status=status)

    return inner
