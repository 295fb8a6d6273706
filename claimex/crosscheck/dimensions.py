"""A unit's physical dimension and its factor to the base unit (pint), so "181 kg" meets "400 pounds"."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from claimex import lexicon


@dataclass(frozen=True)
class Dimension:
    """What kind of quantity a unit measures, and how many base units one of it is."""

    name: str  # "count", "USD", "percent", "[length]", "[time]", ... (a rate adds "/per")
    factor: float


@functools.cache
def _registry() -> Any:
    import pint  # loaded only when cross-checking

    return pint.UnitRegistry()


@functools.cache
def _physical(unit: str) -> Dimension | None:
    aliases: dict[str, str] = lexicon.load("crosscheck")["pint_names"]
    name = aliases.get(unit, unit.replace(" ", "_"))
    try:
        quantity = (1 * _registry().parse_expression(name)).to_base_units()
    except Exception:  # pint raises several unrelated types for a name it does not know
        return None
    if quantity.dimensionless:
        return None
    return Dimension(str(quantity.dimensionality), float(quantity.magnitude))


def dimension(unit: str | None, per: str | None, kind: str = "count") -> Dimension | None:
    """The dimension of a claim's unit: a currency, percent, ratio and plain counts are their own; a
    physical unit is converted through pint; a unit pint does not know is its own dimension."""
    if unit is None:
        base = Dimension("count", 1.0)
    elif unit.isupper() or unit in ("percent", "percentage_point", "ratio"):
        base = Dimension(unit, 1.0)
    else:
        base = _physical(unit) or Dimension(unit, 1.0)
    if per:
        return Dimension(f"{base.name}/{per}", base.factor)
    return base
