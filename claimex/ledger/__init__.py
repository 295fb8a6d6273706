"""The ledger side: the SQLite store (`store`), its schema and views (`schema`, `views.sql`), and the
questions readers ask of it (`queries`)."""
