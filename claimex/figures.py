"""How a figure reads: a value with its unit ("£2.4m", "4.75%", "4.7m") and the words around it.

The `claim_mentions` view computes the same `figure` in SQL (claimex/ledger/views.sql); a test holds the two
equal over a real ledger, so the CLI and Datasette show a figure alike.
"""

from __future__ import annotations

SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥", "INR": "₹"}
SUFFIXES = {"percent": "%", "percentage_point": " points", "ratio": "x"}
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
SNIPPET = 160


def number(value: float) -> str:
    """A number as a newspaper prints it: 4.7m, 5.7bn, 12,000, 4.75."""
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:.4g}{word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:.4g}"


def figure(value: float | None, value_high: float | None, unit: str | None, per: str | None) -> str:
    """The value with its unit: "£2.4m", "5–10%", "CHF 86.7bn", "10/week"."""
    if value is None:
        return ""
    prefix = SYMBOLS.get(unit or "", "")
    if unit and not prefix and len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper():
        prefix = unit + " "
    shown = number(value) + (f"–{number(value_high)}" if value_high is not None else "")
    if unit and not prefix:
        plural = unit in TIME_UNITS and (value != 1 or value_high is not None)
        shown += SUFFIXES.get(unit, f" {unit}s" if plural else f" {unit}")
    return prefix + shown + (f"/{per}" if per else "")


def claim_text(text: str) -> str:
    """The claim as written, on one line ("nearly 4.\\n\\n7m" reads "nearly 4.7m")."""
    return " ".join(text.replace("\r", "").replace("\n\n", "").split("\n")).strip()


def snippet(sentence: str, text: str, width: int = SNIPPET) -> str:
    """At most `width` characters of `sentence` around the claim `text`, so the number is always in it."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= width:
        return sentence
    at = sentence.find(claim_text(text))
    start = max(0, at - width // 3) if at >= 0 else 0
    piece = sentence[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(sentence) else "")
