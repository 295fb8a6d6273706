"""Datasette metadata for a ledger: metadata.yaml with the charts, keyed by the database name "ledger"."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from claimex.errors import DataFileError

DATABASE = "ledger"  # the name the ledger is served under, whatever its file is called


def _load(name: str) -> dict[str, Any]:
    path = resources.files("claimex.web") / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read the Datasette metadata ({exc}); reinstall claimex") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{path} must hold a mapping at the top level")
    return data


def _columns(db_path: Path) -> dict[str, set[str]]:
    """The columns of each table and view in the ledger."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
        return {name: {r[1] for r in conn.execute(f'pragma table_info("{name}")')} for name in names}


def metadata(db_path: str | Path) -> dict[str, Any]:
    """The metadata for the ledger at `db_path`, less facets and notes on columns it lacks (`kind`)."""
    data = _load("metadata.yaml")
    columns = _columns(Path(db_path))
    tables = {}
    for table, spec in data["tables"].items():
        spec, present = dict(spec), columns.get(table, set())
        if "facets" in spec:
            spec["facets"] = [f for f in spec["facets"] if f in present]
        if "columns" in spec:
            spec["columns"] = {c: text for c, text in spec["columns"].items() if c in present}
        tables[table] = spec
    database = {**data["database"], "tables": tables, "queries": data["queries"]}
    return {
        **{key: data[key] for key in ("title", "description_html", "extra_css_urls")},
        "databases": {DATABASE: database},
        "plugins": {"datasette-dashboards": _load("charts.yaml")},
    }
