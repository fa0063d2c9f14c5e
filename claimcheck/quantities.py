"""Stage 3, quantities: text -> Quantity intervals (digits, words, scales, hedges, ranges, %, money, units).

Placeholder: digits only. The full reader replaces this module.
"""

from __future__ import annotations

import re

from .model import Kind, Quantity

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def extract_quantities(text: str) -> list[Quantity]:
    """Every number in ``text``, figures and non-figures alike (see ``Quantity.kind``)."""
    found = []
    for m in _DIGITS.finditer(text):
        value = float(m.group().replace(",", ""))
        found.append(Quantity(m.start(), m.end(), m.group(), value, value, value, kind=Kind.COUNT))
    return found


def plausible_bounds(q: Quantity) -> tuple[float, float]:
    """Placeholder: the logical bounds."""
    return q.bounds()
