"""claimcheck: check the figures and statements of claims against source texts."""

from __future__ import annotations

__version__ = "0.1.0"
