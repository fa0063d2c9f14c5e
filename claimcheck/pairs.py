"""The pair the checks look at: one claim figure against one source figure, with what the whole
source says that bears on it (``Context``). Kept apart from ``checks`` so that the helpers of a
check may live in their own modules."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .facts import DocFacts, PassageFacts
from .frames import Frame
from .plan import ClaimPlan, FigurePlan


@dataclass(frozen=True, slots=True)
class Context:
    """What the source says around a passage that bears on its figures: ``scope``, the places the
    whole source is about ("Russia" in a story on Russian protests), which do not narrow a figure
    that names them; ``lead_keys``, the words of its opening (headline, first sentences), which
    frame every figure in it (both found once per source); and, found once per passage,
    ``prior_keys`` and ``rival_keys`` below."""

    scope: frozenset[str] = frozenset()
    lead_keys: frozenset[str] = frozenset()
    # The words of the sentence before the figure's, when that sentence gives no figure of its own
    # ("Then there is the ballot.", a question): it says what the next sentence's figure is about.
    prior_keys: frozenset[str] = frozenset()
    # The words only the other cells of a table cell's table hold as their row label or column
    # header ("Placebo", "North"): the same measure for another group.
    rival_keys: frozenset[str] = frozenset()
    # The words of the sentence before, when this one opens on a part of what it counted ("812
    # patients enrolled. Of these, 406 received the drug"): a figure with no noun may count one of
    # them, if it is the claim's counted noun (``checks.same_counted``).
    group_keys: frozenset[str] = frozenset()
    # The years of the other cells of a table cell's row that hold the same measure ("Budget 2024"
    # beside "Budget 2025"): a series, of which a claim naming no year is about the latest.
    row_years: frozenset[int] = frozenset()
    # The words of a table cell's row label when another row of its table holds the total of the
    # same measure ("Total"): the cell is a part of that total (``checks.not_the_total``).
    part_row_keys: frozenset[str] = frozenset()
    # In a table's total row, the words of each row it is the total of: a claim naming one of them
    # is about that row, not the total (``checks.not_the_total``).
    total_row_parts: tuple[frozenset[str], ...] = ()
    # The source, for what few checks ask of it as a whole (``DocFacts.all_places``).
    doc: DocFacts | None = field(default=None, compare=False, repr=False)
    # Found while judging, per figure of the passages it serves: the words before the figure (with
    # ``prior_keys``), which every claim figure checked against that figure asks for.
    before: dict[tuple[int, int], tuple[PassageFacts, frozenset[str]]] = field(
        default_factory=dict, compare=False, repr=False
    )


@dataclass(slots=True)
class Pair:
    """One claim figure against one source figure, as the checks see it. Checks may add ``notes``
    (ways the frames differ, which make the alignment loose) and set ``same_group``."""

    fp: FigurePlan
    plan: ClaimPlan
    f: Frame
    passage: PassageFacts
    context: Context
    notes: list[str] = field(default_factory=list)
    same_group: bool = False
    # How many of ``notes`` say only that the source figure is for a part of the claim's place
    # ("near Millbrook" for a claim on the whole flood): a count there above the claim's is a clash.
    within: int = 0

    @property
    def claim(self) -> Frame:
        return self.fp.frame

    @property
    def scope(self) -> frozenset[str]:
        return self.context.scope


NO_CONTEXT = Context()  # a pair aligned outside any source (``checks.align``'s default)

Check = Callable[[Pair], "str | None"]  # a drop reason, or None to go on
