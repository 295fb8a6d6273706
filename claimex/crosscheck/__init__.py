"""Cross-checks: stories, canonical entities, and links between mentions of the same fact."""
