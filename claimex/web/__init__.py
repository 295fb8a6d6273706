"""The web side of the ledger: Datasette metadata, the charts' configuration, templates, CSS and hooks.

Registered as a Datasette plugin (entry point `claimex`), so `claimex serve` and a plain
`datasette ledger.db` both get its CSS, templates and one-line error log.
"""

from claimex.web.plugin import extra_template_vars, handle_exception

__all__ = ["extra_template_vars", "handle_exception"]
