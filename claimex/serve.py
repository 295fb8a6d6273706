"""Datasette over the ledger: metadata, canned queries, read-only on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimex import lexicon
from claimex.errors import LedgerError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette metadata for the ledger at `db_path`, keyed by its database name."""
    data = lexicon.load("datasette")
    name = Path(db_path).stem
    tables = {
        table: {key: spec[key] for key in ("description", "columns", "facets", "fts_table") if spec.get(key)}
        for table, spec in data["tables"].items()
    }
    return {
        "title": data["title"],
        "description": data["description"],
        "source": data["source"],
        "source_url": data["source_url"],
        "databases": {name: {"tables": tables, "queries": data["queries"]}},
    }


def datasette_app(db_path: str | Path) -> Any:
    """A Datasette instance over the ledger (Datasette opens it read-only: no write SQL is accepted)."""
    from datasette.app import Datasette

    path = Path(db_path)
    if not path.exists():
        raise LedgerError(f"{db_path}: no ledger here yet; run `claimex ingest FILE --db {db_path}` first")
    return Datasette(files=[str(path)], metadata=metadata(path))


def serve(db_path: str | Path, host: str, port: int, allow_public: bool = False) -> None:
    """Serve the ledger with Datasette until interrupted."""
    import uvicorn

    if host not in LOCAL_HOSTS and not allow_public:
        raise LedgerError(
            f"refusing to serve on {host}: pass --public to expose the ledger beyond this machine"
        )
    app = datasette_app(db_path).app()
    uvicorn.run(app, host=host, port=port, log_level="warning")
