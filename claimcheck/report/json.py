"""JSON formatter (placeholder)."""

from __future__ import annotations

from typing import Any

from ..model import Quantity


def quantity_to_dict(q: Quantity) -> dict[str, Any]:
    """One quantity as the ``claimcheck numbers --json`` object (offsets are Python str offsets, end exclusive)."""
    value: Any
    if q.lo == q.hi == q.value and not (q.lo_open or q.hi_open):
        value = q.value
    else:
        value = {"lo": q.lo, "hi": q.hi, "stated": q.value}
    return {
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": value,
        "kind": str(q.kind),
        "hedge": q.hedge,
        "unit": q.unit,
        "counted": q.counted,
        "scale": q.scale,
    }
