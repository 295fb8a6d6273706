"""claimex: numeric claims in news articles, who made them, in a SQLite fact ledger."""

__version__ = "0.1.0"
