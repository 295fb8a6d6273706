"""Readers of numbers, units and time references in text."""
