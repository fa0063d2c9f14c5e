"""claimcheck: check the figures and statements of claims against source texts.

from claimcheck import verify
report = verify(["rules/"], ["seeds/"])
"""

from __future__ import annotations

from .errors import ClaimcheckError, ExitCode  # noqa: E402
from .load import load_rules, load_sources  # noqa: E402
from .model import Claim, ClaimResult, Evidence, Relation, Report, Source, SourceResult, Stance, Verdict  # noqa: E402
from .verify import verify  # noqa: E402
from .version import __version__  # noqa: E402

__all__ = [
    "Claim",
    "ClaimResult",
    "ClaimcheckError",
    "Evidence",
    "ExitCode",
    "Relation",
    "Report",
    "Source",
    "SourceResult",
    "Stance",
    "Verdict",
    "__version__",
    "load_rules",
    "load_sources",
    "verify",
]
