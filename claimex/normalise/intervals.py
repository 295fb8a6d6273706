"""The interval a stated number allows: its rounding, widened by its qualifier ("nearly 5m": 4.5m-5.5m)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

APPROX_SPREAD = 0.10  # "about", "nearly": within ten per cent
ROUNDING_CAP = 0.05  # "1,000" may be rounded, but is not read as anything from 500 to 1,500
_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding_step(text: str, value: float) -> float:
    """The step the number was rounded to: "4.7m" -> 100,000, "1,400" -> 100, "256" -> 1; 0 when unknown."""
    match = _NUMERAL.search(text.replace("\n", ""))
    if not match or value == 0:
        return 0.0
    digits = match.group().replace(",", "")
    try:
        written = Decimal(digits)
    except InvalidOperation:
        return 0.0
    if written == 0:
        return 0.0
    scale = Decimal(str(value)) / written
    exponent = written.normalize().as_tuple().exponent
    return float(Decimal(10) ** exponent * scale) if isinstance(exponent, int) else 0.0


def interval(
    text: str, value: float, range_high: float | None, qualifier: str
) -> tuple[float | None, float | None]:
    """(low, high) the claim allows; None for an open end ("more than 5%" has no upper end)."""
    half = min(rounding_step(text, value) / 2, abs(value) * ROUNDING_CAP)
    low, high = value - half, (range_high if range_high is not None else value) + half
    if qualifier == "approx":
        low, high = min(low, value * (1 - APPROX_SPREAD)), max(high, value * (1 + APPROX_SPREAD))
    elif qualifier == "lower_bound":
        return value, None
    elif qualifier == "upper_bound":
        return None, value
    return low, high
