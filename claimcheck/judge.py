"""Stage 6, judge: a claim plan and a source's facts -> evidence and a verdict per source; verdicts
across sources -> the claim's verdict (docs/verdicts.md §3-§6).

A claim figure is compared with a source figure only when their frames align. Alignment is
*strict* when what is counted, where, when and for whom all match, and *loose* when one side names
a place, period, group or narrower noun the other lacks (or the source figure is a part of a whole).
Overlapping intervals support the claim under either; disjoint ones contradict it only under strict
alignment, because a figure with a narrower frame may well be another figure. A loose clash is
dropped, not counted: silent is the honest answer when alignment is in doubt.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from .checks import align
from .directions import MINUS_SIGNS, magnitude
from .facts import DocFacts, PassageFacts, with_every_figure, with_figures, with_figures_where
from .focus import NameFocus as NameFocus
from .frames import Frame
from .index import ClaimIndex, candidate_passages
from .model import (
    Considered,
    Evidence,
    Kind,
    Quantity,
    Relation,
    SourceResult,
    Stance,
)
from .pairs import Context
from .plan import ClaimPlan, FigurePlan
from .quantities import plausible_bounds
from .segment import is_question, one_line
from .statements import judge_statement, statement_results
from .topics import may_be_covered, may_stay_on_topic, passage_words
from .verdicts import claim_result as claim_result
from .verdicts import combine as combine
from .verdicts import evidence_at, source_result, taken_by_another
from .verdicts import merge_results as merge_results
from .verdicts import roll_up as roll_up
from .verdicts import verdict_of as verdict_of


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if abs(x) >= 1000 and float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if not float(x).is_integer() else f"{int(x)}"


def rounded_bounds(q: Quantity) -> tuple[float, float]:
    """A figure's interval with the rounding its written digits carry ("$1.8bn" is $1.75bn-$1.85bn)."""
    lo, hi = q.bounds()
    step = q.step
    if not step and q.kind is Kind.PERCENT and q.hedge == "exact":
        # "6%" is 5.5%-6.5%, "4.5%" is 4.45%-4.55%: percentages are rounded, counts are not.
        digits = re.search(r"\d+(?:\.(\d+))?", q.text)
        step = 10.0 ** -len(digits.group(1) or "") if digits else 0.0
    if step and q.hedge == "exact":
        lo, hi = lo - step / 2, hi + step / 2
    return lo, hi


def claim_bounds(q: Quantity, tolerance: float) -> tuple[float, float]:
    """A claim figure's interval: its hedge's, its rounding, widened by the claim's tolerance."""
    lo, hi = rounded_bounds(q)
    if tolerance:
        lo = lo - abs(lo) * tolerance if math.isfinite(lo) else lo
        hi = hi + abs(hi) * tolerance if math.isfinite(hi) else hi
    return lo, hi


def _disjoint(
    a: tuple[float, float], a_open: tuple[bool, bool], b: tuple[float, float], b_open: tuple[bool, bool]
) -> bool:
    """Whether two intervals share no point, honouring open ends ("more than 40" excludes 40)."""
    if a[1] < b[0] or b[1] < a[0]:
        return True
    if a[1] == b[0] and (a_open[1] or b_open[0]):
        return True
    return b[1] == a[0] and (b_open[1] or a_open[0])


def compare(claim_q: Quantity, source_q: Quantity, tolerance: float = 0.0) -> tuple[Relation | None, str]:
    """Compare two aligned figures: contradicts when disjoint, supports when the claim falls in the
    source's plausible interval ("more than 1,300" plausibly means up to 1,950), else None: consistent
    but too vague to support ("at least 21" says little about 1,386)."""
    c = claim_bounds(claim_q, tolerance)
    s = rounded_bounds(source_q)
    # A rounding interval is open at its ends: "6%" ([5.5, 6.5)) and "7%" ([6.5, 7.5)) never meet.
    c_round, s_round = claim_q.rounded and not tolerance, source_q.rounded
    c_open = (claim_q.lo_open and not tolerance or c_round, claim_q.hi_open and not tolerance or c_round)
    s_open = (source_q.lo_open or s_round, source_q.hi_open or s_round)
    ctext = claim_q.text
    if _disjoint(c, c_open, s, s_open):
        return Relation.CONTRADICTS, f"'{source_q.text}' excludes {ctext}"
    # An exact figure is plausibly anything its rounding covers ("94 per cent" for 94.1%).
    p = plausible_bounds(source_q) if source_q.hedge != "exact" else s
    cp = plausible_bounds(claim_q) if claim_q.hedge != "exact" else c
    p_open = s_open if source_q.hedge == "exact" else (False, False)
    cp_open = c_open if claim_q.hedge == "exact" else (False, False)
    if not _disjoint(cp, cp_open, p, p_open):
        if claim_q.hedge == "exact" and c[0] == c[1]:
            return Relation.SUPPORTS, f"{ctext} lies within '{source_q.text}' ({_fmt(p[0])}–{_fmt(p[1])})"
        return Relation.SUPPORTS, f"'{ctext}' overlaps '{source_q.text}' ({_fmt(p[0])}–{_fmt(p[1])})"
    return None, f"'{source_q.text}' is consistent with {ctext} but too loose to support it"


def judge_figures(plan: ClaimPlan, doc: DocFacts, considered: list[Considered] | None = None) -> list[Evidence]:
    evidence: list[Evidence] = []
    looked: list[tuple[Considered, int]] = []  # what --explain shows, with the evidence index made
    # The names of a claim ("Brightwell", "the Cedar Ridge Fire") fix what the whole story is about:
    # a source that never names them does not speak to the claim, whatever its figures.
    focus = NameFocus(doc)
    missing = focus.missing(plan)
    if missing:
        if considered is not None:
            why = f"the source never names {', '.join(missing)}"
            considered.append(Considered(0, 0, "", "", "dropped", why, "names-present"))
        return evidence
    for k in candidate_passages(plan, doc, focus.context.lead_keys):
        p = doc.passages[k]
        aside = focus.aside(plan, k)
        if aside:
            if considered is not None:
                why = f"names {', '.join(aside)} only in passing, and not here"
                considered.append(
                    Considered(
                        p.passage.line, p.passage.column, one_line(p.passage.text), "", "dropped", why, "in-focus"
                    )
                )
            continue
        frames = focus.frames(k)
        for fp in plan.figures:
            for f in frames:
                relation, reason, score, check = weigh(plan, fp, f, p, focus.context_at(k))
                at = -1
                if relation is not None:
                    at = len(evidence)
                    evidence.append(
                        evidence_at(doc, p, relation, f.stance, f.quantity.text, fp.frame.quantity.text, reason, score)
                    )
                if considered is not None:
                    text = one_line(p.passage.text)
                    decision = str(relation or "dropped")
                    looked.append(
                        (
                            Considered(
                                p.passage.line, p.passage.column, text, f.quantity.text, decision, reason, check
                            ),
                            at,
                        )
                    )
    if considered is not None:
        taken = taken_by_another(evidence)
        for c, at in looked:
            if at in taken:
                e = evidence[at]
                why = f"{c.reason}; but the sentence gives '{e.quantity}' as the claim's {taken[at]}"
                c = replace(c, decision="dropped", reason=why, check="one-figure-one-role")
            considered.append(c)
    return evidence


class Weighed(NamedTuple):
    """How one source figure bears on one claim figure: the relation (None if dropped), why, a
    score (1 strict, 0.6 loose), and the name of what dropped it (a check of ``checks.CHECKS``,
    or one of the rules of ``weigh``)."""

    relation: Relation | None
    reason: str
    score: float
    check: str = ""


def weigh(plan: ClaimPlan, fp: FigurePlan, f: Frame, p: PassageFacts, context: Context) -> Weighed:
    """How one source figure bears on one claim figure (docs/verdicts.md: comparing, stance)."""
    level, why, check = align(fp, plan, f, p, context)
    if level == "none":
        return Weighed(None, why, 0.0, check)
    claim_q = fp.frame.quantity
    if claim_q.value < 0 < f.quantity.value and f.quantity.text[:1] in MINUS_SIGNS:
        claim_q = magnitude(claim_q)  # "changed by −10%" against a fall read by its size ("Change: −10%")
    relation, reason = compare(claim_q, f.quantity, plan.claim.tolerance)
    if f.stance is Stance.DENIED:
        # A denied figure is evidence against the claim, never for it (docs/verdicts.md §4).
        if relation is Relation.SUPPORTS:
            relation, reason = Relation.CONTRADICTS, f"the source denies '{f.quantity.text}'"
        else:
            return Weighed(None, "a denied figure that differs from the claim says nothing", 0.0, "denied-differs")
    if relation is Relation.CONTRADICTS and level == "part" and _exceeds(fp.frame.quantity, f.quantity, plan):
        # "Three people died in the floods near Millbrook" for "Two people died in the floods": a
        # count for a part of the claim's place above the claim's count contradicts it.
        return Weighed(relation, f"{reason}: {why}, and a part cannot exceed the whole", LOOSE_SCORE)
    if relation is Relation.CONTRADICTS and level != "strict":
        if level == "loose" and f.stance is Stance.DENIED and _same_value(fp.frame, f):
            # "The union's claim of a 71 percent turnout is wrong": a frame loose for a word the
            # source leaves out may hold another count, but a source that denies the claim's very
            # figure speaks to it; not for a narrower group ("40 children") or a part of the place.
            return Weighed(relation, f"{reason}, the claim's own figure ({why})", LOOSE_SCORE)
        return Weighed(None, f"{reason}, but {why}", 0.0, "loose-never-contradicts")
    if (
        relation is Relation.SUPPORTS
        and level != "strict"
        and fp.frame.quantity.one_sided
        and f.quantity.one_sided
        and not _implies(f.quantity, fp.frame.quantity, plan.claim.tolerance)
    ):
        # "at least 2,992 in Syria" / "at least 2,012" (no place): two open bounds that merely overlap,
        # loosely aligned, are no support. A bound inside the claim's ("at least 1,175" or "more
        # than 1,200" for "at least 1,175") says the claim's figure, as loosely as an exact one.
        return Weighed(None, f"{reason}, but two bounds only overlap and {why}", 0.0, "loose-bounds")
    if relation is None:
        return Weighed(None, reason, 0.0, "too-vague")
    return Weighed(relation, reason + (f" ({why})" if why else ""), (1.0 if level == "strict" else LOOSE_SCORE))


LOOSE_SCORE = 0.6  # the weight of loosely aligned evidence (strict: 1)


def _same_value(claim: Frame, source: Frame) -> bool:
    """Whether two figures are written with the same value, unit and hedge ("71%", "71 percent"),
    the source's counting what the claim's counts, if the claim names it ("40 children" is not
    the claim's "40 people")."""
    c, s = claim.quantity, source.quantity
    same_thing = not claim.counted or claim.counted == source.counted
    return same_thing and (c.value, c.unit, c.hedge) == (s.value, s.unit, s.hedge)


def _implies(source_q: Quantity, claim_q: Quantity, tolerance: float) -> bool:
    """Whether a source figure's interval lies inside the claim's: what it says, the claim says too."""
    s_lo, s_hi = rounded_bounds(source_q)
    c_lo, c_hi = claim_bounds(claim_q, tolerance)
    return c_lo <= s_lo and s_hi <= c_hi


def _exceeds(claim_q: Quantity, source_q: Quantity, plan: ClaimPlan) -> bool:
    """Whether a source count lies wholly above a claim count (both counts, the claim's bounded)."""
    if claim_q.kind is not Kind.COUNT or source_q.kind is not Kind.COUNT:
        return False
    return rounded_bounds(source_q)[0] > claim_bounds(claim_q, plan.claim.tolerance)[1]


def judge_source(plan: ClaimPlan, doc: DocFacts, considered: list[Considered] | None = None) -> SourceResult:
    """The verdict of one source on one claim, with its evidence (strongest first, one per passage)."""
    doc = with_figures(doc, plan.keys)  # every passage the claim may look at
    if plan.mode == "figures" and doc.framed is not None and not plan.keys.isdisjoint(NameFocus(doc).context.lead_keys):
        doc = with_every_figure(doc)  # the opening frames every figure (as judge_doc reads it)
    if plan.mode == "statement":
        evidence = judge_statement(plan, doc, considered)
    else:
        evidence = judge_figures(plan, doc, considered)
    return source_result(doc.path, evidence)


def judge_doc(plans: Sequence[ClaimPlan], index: ClaimIndex, doc: DocFacts) -> list[tuple[int, SourceResult]]:
    """(claim index, result) for each claim the source does not leave silent: what ``judge_source``
    gives for every claim, found from the source's side. Each source figure looks up the figure
    claims it may align with in ``index``; statement claims are found by their anchor words."""
    doc = with_figures(doc, index.frame_keys)
    focus = NameFocus(doc)
    need = index.lead_need(focus.context.lead_keys)
    if need is not None and doc.framed is not None:
        # The opening names a claim's words, which then frame every figure of the source (as
        # ``candidate_passages`` reads it): the figures those claims may use are read.
        doc = with_every_figure(doc) if need.every else with_figures_where(doc, need.wanted)
        focus = NameFocus(doc)
    found: dict[int, list[tuple[int, int, int, Evidence]]] = defaultdict(list)
    names_ok: dict[int, bool] = {}
    for k, p in enumerate(doc.passages):
        if p.frames and not is_question(p.passage.text):
            _passage_figures(plans, index, focus, k, names_ok, found)
    out = [
        (i, source_result(doc.path, [e for *_, e in sorted(items, key=lambda x: x[:3])])) for i, items in found.items()
    ]
    if index.has_statements:
        out.extend(statement_results(plans, index, doc))
    out.sort(key=lambda x: x[0])
    return out


def _passage_figures(
    plans: Sequence[ClaimPlan],
    index: ClaimIndex,
    focus: NameFocus,
    k: int,
    names_ok: dict[int, bool],
    found: dict[int, list[tuple[int, int, int, Evidence]]],
) -> None:
    """Add to ``found`` (claim -> (passage, claim figure, source figure, evidence)) what the figures
    of passage ``k`` say of the claims the index finds for them. ``names_ok`` (claim -> whether
    the source names what the claim does) fills up over the source's passages."""
    doc, p, lead, context = focus.doc, focus.doc.passages[k], focus.context.lead_keys, focus.context_at(k)
    # Per claim figure, whether the passage may hold enough of its topic words (topics.may_be_covered).
    covered: dict[tuple[int, int], bool] = {}
    words: frozenset[str] | None = None
    for fi, f in enumerate(focus.frames(k)):
        # The claim's words may stand in the clause or, but for its act, in the source's opening.
        for i, j in index.figure_candidates(f, p.keys, doc.scope, lead, context.group_keys):
            plan = plans[i]
            if plan.keys.isdisjoint(p.keys) and plan.keys.isdisjoint(lead):
                continue
            if plan.names or plan.place_heads:
                ok = names_ok.get(i)
                if ok is None:
                    ok = names_ok[i] = not focus.missing(plan)
                if not ok or focus.aside(plan, k):
                    continue
            fp = plan.figures[j]
            if not may_stay_on_topic(fp, plan, f):
                continue
            ok = covered.get((i, j))
            if ok is None:
                words = words if words is not None else passage_words(p, context)
                ok = covered[i, j] = may_be_covered(fp, words)
            if not ok:
                continue
            relation, reason, score, _ = weigh(plan, fp, f, p, context)
            if relation is not None:
                text, claimed = f.quantity.text, fp.frame.quantity.text
                found[i].append((k, j, fi, evidence_at(doc, p, relation, f.stance, text, claimed, reason, score)))
