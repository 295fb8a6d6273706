"""Datasette over the ledger: served as the database "ledger", read-only, on 127.0.0.1 unless told."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from claimex.errors import LedgerError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SETTINGS = {"suggest_facets": False, "default_page_size": 50, "default_facet_size": 10}


def check(db_path: str | Path, host: str, allow_public: bool = False) -> Path:
    """The ledger's path, once it is known to exist and the host to be allowed; else a LedgerError."""
    if host not in LOCAL_HOSTS and not allow_public:
        raise LedgerError(
            f"refusing to serve on {host}: pass --public to expose the ledger beyond this machine"
        )
    path = Path(db_path)
    if not path.is_file():
        raise LedgerError(f"{db_path}: no ledger here yet; run `claimex ingest FILE --db {db_path}` first")
    from claimex.ledger.store import open_ledger

    open_ledger(path, create=False).close()  # refuses what is not a ledger; upgrades an old one
    return path


def datasette_app(db_path: str | Path) -> Any:
    """A Datasette instance over the ledger, served as "ledger" (Datasette accepts no write SQL)."""
    import datasette.handle_exception as default_errors
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm

    from claimex.web.metadata import DATABASE, metadata

    path = check(db_path, LOCAL_HOSTS[0])
    if pm.is_registered(default_errors):  # it prints a long traceback per error; claimex.web logs one line
        pm.unregister(default_errors)
    app = Datasette(metadata=metadata(path), settings=SETTINGS)
    app.add_database(Database(app, path=str(path), is_mutable=True), name=DATABASE)
    app.remove_database("_memory")  # Datasette adds it when started without files
    return app


def serve(db_path: str | Path, host: str, port: int, allow_public: bool = False) -> None:
    """Serve the ledger with Datasette until interrupted; errors are logged one line each."""
    import uvicorn

    check(db_path, host, allow_public)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    logging.getLogger("claimex.web").addHandler(handler)
    app = datasette_app(db_path).app()
    uvicorn.run(app, host=host, port=port, log_level="warning")
