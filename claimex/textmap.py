"""Repaired text with a map from every repaired character back to the original input."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace original[start:end] with `new` (an insertion when start == end)."""

    start: int
    end: int
    new: str


class TextMap:
    """A repaired copy of `original[base:limit]` whose offsets map back into `original`."""

    def __init__(self, original: str, base: int, limit: int, edits: Iterable[Edit] = ()) -> None:
        self.original = original
        pieces: list[str] = []
        # origin[i] is the original offset of repaired character i; origin[-1] is the end sentinel.
        origin: list[int] = []
        pos = base
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            if edit.start < pos or edit.end > limit:
                continue  # overlapping or out-of-range edits are dropped, first one wins
            pieces.append(original[pos : edit.start])
            origin.extend(range(pos, edit.start))
            pieces.append(edit.new)
            origin.extend([edit.start] * len(edit.new))
            pos = edit.end
        pieces.append(original[pos:limit])
        origin.extend(range(pos, limit))
        origin.append(limit)
        self.text = "".join(pieces)
        self._origin = origin

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) for the repaired span [start, end)."""
        if end <= start:
            at = self._origin[start]
            return at, at
        return self._origin[start], self._origin[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        """The original characters under the repaired span [start, end)."""
        a, b = self.span(start, end)
        return self.original[a:b]
