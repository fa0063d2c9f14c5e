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

import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from .frames import Frame
from .match import (
    ClaimIndex,
    ClaimPlan,
    DocFacts,
    FigurePlan,
    PassageFacts,
    candidate_passages,
    is_question,
    negated_at,
    with_figures,
)
from .model import ClaimResult, Evidence, Kind, Quantity, Relation, SourceResult, SourceResults, Stance, Verdict
from .quantities import plausible_bounds
from .segment import one_line
from .words import MIN_FUZZY_NAME, Lexicon, Token, singular

MIN_TOPIC_COVERAGE = 0.5  # share of a claim figure's topic words a passage must hold to speak to it
MIN_UNCOUNTED_COVERAGE = 0.67  # the same, for figures that name no counted noun (money, percentages)
MIN_STATEMENT_COVERAGE = 0.7  # share of a statement claim's words found in a passage and the one before it
NAME_CONTEXT_SENTENCES = 2  # sentences before a passage where a statement's names may stand ("He said")
MAX_EVIDENCE = 8  # evidence items kept per claim and source, strongest first


@dataclass(frozen=True, slots=True)
class Considered:
    """A candidate passage the judge looked at and what it decided, for ``--explain``."""

    line: int
    column: int
    text: str
    quantity: str
    decision: str  # supports | contradicts | dropped
    reason: str


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
    c_open = (claim_q.lo_open and not tolerance, claim_q.hi_open and not tolerance)
    ctext = claim_q.text
    if _disjoint(c, c_open, s, (source_q.lo_open, source_q.hi_open)):
        return Relation.CONTRADICTS, f"'{source_q.text}' excludes {ctext}"
    p = plausible_bounds(source_q)
    cp = plausible_bounds(claim_q) if claim_q.hedge != "exact" else c
    if not _disjoint(cp, (False, False), p, (False, False)):
        if claim_q.hedge == "exact" and c[0] == c[1]:
            return Relation.SUPPORTS, f"{ctext} lies within '{source_q.text}' ({_fmt(p[0])}–{_fmt(p[1])})"
        return Relation.SUPPORTS, f"'{ctext}' overlaps '{source_q.text}' ({_fmt(p[0])}–{_fmt(p[1])})"
    return None, f"'{source_q.text}' is consistent with {ctext} but too loose to support it"


def _kinds_match(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind in (Kind.MONEY, Kind.MEASURE) and a.unit and b.unit:
        return a.unit == b.unit
    return True


def _places_match(claim: frozenset[str], source: frozenset[str], passage_keys: frozenset[str]) -> str:
    """ "same", "one-sided" or "conflict" for the place names of two frames."""
    if claim and source:
        if claim & source or all(p.split()[0] in passage_keys and _near(p, source) for p in claim):
            return "same"
        return "conflict"
    return "one-sided" if claim or source else "same"


def _near(place: str, others: Iterable[str]) -> bool:
    return any(fuzz.ratio(place, o) >= MIN_FUZZY_NAME for o in others)


def _sets_match(claim: frozenset[str], source: frozenset[str]) -> str:
    if claim and source:
        return "same" if claim & source else "conflict"
    return "one-sided" if claim or source else "same"


def align(
    fp: FigurePlan, plan: ClaimPlan, f: Frame, passage: PassageFacts, scope: frozenset[str] = frozenset()
) -> tuple[str, str]:
    """("strict" | "loose" | "none", why) for a claim figure's frame against a source figure's.
    ``scope`` holds the places the whole source is about ("Russia" in a story on Russian protests):
    naming them beside a figure does not narrow it."""
    plan_frame, topic, act = fp.frame, fp.topic, fp.act
    cq, sq = plan_frame.quantity, f.quantity
    if not _kinds_match(cq, sq):
        return "none", f"a {sq.kind}{' in ' + sq.unit if sq.unit else ''}, not a {cq.kind}"
    if f.role == "baseline" and not (plan_frame.weak_times & f.weak_times or plan_frame.strong_times & f.strong_times):
        # "80% contained by Friday, up from 45% on Tuesday": the 45% is compared against, unless
        # the claim asks about the very time the baseline names (Tuesday).
        return "none", "a baseline the sentence compares against"
    if f.role == "denominator":
        return "none", "the denominator of a rate"
    if f.negated:
        # "the £90 billion estimate does not just refer to tax avoidance": the source does not
        # assert the figure in its clause; whether it denies it is beyond a safe reading.
        return "none", "the figure's clause is negated"
    same_group = False
    notes: list[str] = []
    keys = passage.keys
    # What is counted.
    c_generic = plan_frame.generic or (not plan_frame.counted and bool(plan_frame.implicit_act))
    s_generic = f.generic or (not f.counted and bool(f.implicit_act))
    if cq.kind is Kind.COUNT:
        same_noun = bool(plan_frame.counted and f.counted) and (
            plan_frame.counted.split()[-1] == f.counted.split()[-1]
            or _singular_eq(plan_frame.counted, f.counted)
            or (bool(plan_frame.concept) and plan_frame.concept == f.concept)
        )
        same_group = same_noun and not f.inherited and not c_generic
        if same_noun or (c_generic and s_generic):
            pass  # the same thing counted
        elif c_generic and f.counted:
            notes.append(f"counts {f.counts}, a narrower group than the claim")
        elif s_generic and plan_frame.counted:
            # "Eighteen people were treated, including nine firefighters": a sentence that counts
            # the claim's group apart from people in general is not counting that group.
            if any(o is not f and o.counted and _singular_eq(o.counted, plan_frame.counted) for o in passage.frames):
                return "none", f"counts {f.counts}; the sentence counts {plan_frame.counts} apart"
            notes.append(f"counts {f.counts}, the claim counts {plan_frame.counts}")
        elif not f.counted and not f.implicit_act:
            if plan_frame.counted and not fp.counted_keys.isdisjoint(keys):
                notes.append("counts something unnamed")
            elif plan_frame.counted or plan_frame.implicit_act:
                return "none", "the sentence does not say what the figure counts"
            # Neither side names a counted noun ("ridership rose to 1.2 million"): the topic
            # words of the figure's clause decide alone, below.
        elif not plan_frame.counted and not plan_frame.implicit_act:
            notes.append(f"counts {f.counts}")
        else:
            return "none", f"counts {f.counts}, not {plan_frame.counts}"
        if f.implicit_act and not f.counted:
            acts = {t.concept for t in topic} | {plan_frame.implicit_act}
            if f.implicit_act not in acts:
                return "none", f"counts people who were {f.implicit_act}-ed, another act"
    if not plan_frame.counted and not f.counted and _magnitudes_apart(cq, sq):
        # With no noun to say what either figure is, figures orders of magnitude apart ("$2.75"
        # and "$1.8bn") are about different things.
        return "none", f"'{sq.text}' and {cq.text} are orders of magnitude apart"
    # Who: "Russian soldiers" vs "Ukrainian soldiers".
    groups = _sets_match(plan_frame.modifiers, f.modifiers)
    if groups == "conflict":
        return "none", f"about {', '.join(sorted(f.modifiers))}, not {', '.join(sorted(plan_frame.modifiers))}"
    if groups == "one-sided":
        notes.append("one side names a group the other does not")
    # Topic: the act and the things around the figure.
    if act is not None and fp.act_keys.isdisjoint(f.topic_keys):
        return "none", f"the figure's clause lacks {act.text}"
    if topic:
        # The act must stand in the figure's own clause: "returned 215 people, who were held" is
        # not a count of people held.
        found = sum(1 for k in fp.topic_keys if not k.isdisjoint(f.topic_keys))
        coverage = found / len(topic)
        # With no counted noun on either side ("rise to $2.75"), or only a loose match between them
        # (people vs firefighters), the topic words carry the alignment and must mostly be there.
        same_thing = not notes and bool(plan_frame.counted or f.counted)
        need = MIN_TOPIC_COVERAGE if same_thing else MIN_UNCOUNTED_COVERAGE
        if coverage < need:
            missing = [t.text for t in topic if not plan.has(t, f.topic_keys)]
            return "none", f"the figure's clause lacks {', '.join(missing)}"
    elif c_generic or not plan_frame.counted:
        return "none", "the claim names no act or topic for this figure"
    # Named things: "the Bear Creek Fire" is not "the Cedar Ridge Fire".
    for phrase in plan.name_phrases:
        rival = [n for n in f.names if n[-1] == phrase[-1] and not set(n) & set(phrase[:-1])]
        if rival and phrase not in f.names:
            return "none", f"about {' '.join(rival[0])}, not {' '.join(phrase)}"
    # Where and when.
    claim_places, source_places = plan_frame.places - scope, f.places - scope
    if claim_places and not source_places:
        # The figure names only the source's own place ("in Marrow", in a story on Marrow): that
        # is still not the claim's other place ("in Tollan").
        source_places = f.places
    elif source_places and not claim_places:
        # And the other way round: a claim on the story's own place ("in Marrow") is not about a
        # figure the story places elsewhere ("in Arden").
        claim_places = plan_frame.places
    places = _places_match(claim_places, source_places, keys)
    if places == "conflict":
        return "none", f"in {', '.join(sorted(f.places))}, not {', '.join(sorted(plan_frame.places))}"
    if places == "one-sided":
        notes.append("one side names a place the other does not")
    strong = _sets_match(plan_frame.strong_times, f.strong_times)
    if strong == "conflict":
        return "none", f"another time frame ({', '.join(sorted(f.strong_times))})"
    if strong == "one-sided":
        notes.append("one side sets a time frame the other does not")
    if _sets_match(plan_frame.weak_times, f.weak_times) == "conflict":
        return "none", f"another day ({', '.join(sorted(f.weak_times))})"
    # A part is loosely aligned ("500 of the 1,300 people were in Moscow") unless it names its own
    # group and that is what the claim counts ("18 journalists among the 1,300 arrested").
    # A part that the claim does not single out (by its place) is no evidence about the whole:
    # "40 of the 120 homes were in Oakridge" says nothing of "40 homes destroyed".
    if f.role == "part" and not (cq.kind is Kind.COUNT and same_group):
        if not (plan_frame.places - scope) & (f.places - scope):
            return "none", "a part of a larger figure the claim does not single out"
        notes.append("a part of a larger figure")
    # Every note is a way the frames differ: any of them makes the alignment loose.
    return ("loose" if notes else "strict"), "; ".join(notes)


MAX_UNCOUNTED_RATIO = 10  # figures with no counted noun further apart than this are different things


def _magnitudes_apart(a: Quantity, b: Quantity) -> bool:
    x, y = abs(a.value), abs(b.value)
    if not x or not y:
        return False
    return max(x, y) / min(x, y) > MAX_UNCOUNTED_RATIO


def _singular_eq(a: str, b: str) -> bool:
    return singular(a.split()[-1]) == singular(b.split()[-1])


def _evidence(
    doc: DocFacts, p: PassageFacts, relation: Relation, stance: Stance, q: str, cq: str, reason: str, score: float
) -> Evidence:
    return Evidence(
        doc.path,
        p.passage.line,
        p.passage.column,
        _shown(p.passage.text),
        relation,
        stance,
        q,
        cq,
        reason,
        round(score, 3),
        p.passage.start,
        p.passage.end,
    )


@functools.lru_cache(maxsize=1024)
def _shown(text: str) -> str:
    """A passage as evidence quotes it; the same sentence is quoted for many claims."""
    return one_line(text)


def judge_figures(plan: ClaimPlan, doc: DocFacts, considered: list[Considered] | None = None) -> list[Evidence]:
    evidence: list[Evidence] = []
    # The names of a claim ("Brightwell", "the Cedar Ridge Fire") fix what the whole story is about:
    # a source that never names them does not speak to the claim, whatever its figures.
    doc_keys = doc.keys()
    names = [t.stem for p in doc.passages for t in p.tokens if t.capital] if plan.names else []
    missing = [t.text for t in plan.names if not plan.has(t, doc_keys, names)]
    if missing:
        if considered is not None:
            considered.append(Considered(0, 0, "", "", "dropped", f"the source never names {', '.join(missing)}"))
        return evidence
    for k in candidate_passages(plan, doc):
        p = doc.passages[k]
        for fp in plan.figures:
            for f in p.frames:
                relation, reason, score = weigh(plan, fp, f, p, doc.scope)
                if considered is not None:
                    considered.append(
                        Considered(
                            p.passage.line,
                            p.passage.column,
                            one_line(p.passage.text),
                            f.quantity.text,
                            str(relation or "dropped"),
                            reason,
                        )
                    )
                if relation is not None:
                    evidence.append(
                        _evidence(doc, p, relation, f.stance, f.quantity.text, fp.frame.quantity.text, reason, score)
                    )
    return evidence


def weigh(
    plan: ClaimPlan, fp: FigurePlan, f: Frame, p: PassageFacts, scope: frozenset[str]
) -> tuple[Relation | None, str, float]:
    """How one source figure bears on one claim figure: (relation or None if dropped, why, score)."""
    level, why = align(fp, plan, f, p, scope)
    if level == "none":
        return None, why, 0.0
    relation, reason = compare(fp.frame.quantity, f.quantity, plan.claim.tolerance)
    if f.stance is Stance.DENIED:
        # A denied figure is evidence against the claim, never for it (docs/verdicts.md §4).
        if relation is Relation.SUPPORTS:
            relation, reason = Relation.CONTRADICTS, f"the source denies '{f.quantity.text}'"
        else:
            relation, reason = None, "a denied figure that differs from the claim says nothing"
    if relation is Relation.CONTRADICTS and level == "loose":
        return None, f"{reason}, but {why}", 0.0
    if relation is None:
        return None, reason, 0.0
    return relation, reason + (f" ({why})" if why else ""), (1.0 if level == "strict" else 0.6)


def _opposite_in(term: Token, keys: frozenset[str], lex: Lexicon) -> bool:
    """Whether the passage holds a word of the opposite concept ("backed" for "opposed")."""
    return any("=" + o in keys for o in lex.opposites.get(term.concept, ()))


def _rival_places(plan: ClaimPlan, doc: DocFacts, k: int) -> list[str]:
    """The places passage ``k`` names instead of the statement's ("The governor of Marrow urged
    calm" is not about the governor of Tollan): empty when it names none, or one of the claim's."""
    if not plan.places:
        return []
    p = doc.passages[k]
    named = doc.places_named(k)
    if not named or any(c in p.keys or _near(c, named) for c in plan.places):
        return []
    return sorted({t.text for t in p.tokens if t.stem in named})


def _place_texts(plan: ClaimPlan) -> list[str]:
    return sorted({t.text for t in plan.terms if t.stem in plan.places}) or sorted(plan.places)


def judge_statement(plan: ClaimPlan, doc: DocFacts, considered: list[Considered] | None = None) -> list[Evidence]:
    """A claim with no figure (or about a denial): supported by a passage that holds its words
    (names and predicate in the sentence, the rest possibly in the sentence before), contradicted
    when that passage negates the predicate the claim does not negate (or the other way round)."""
    evidence: list[Evidence] = []
    for k in candidate_passages(plan, doc):
        if considered is None and not _may_state(plan, doc, k):
            continue  # dropped below too, without the cost of finding out why
        found = statement_evidence(plan, doc, k, considered)
        if found is not None:
            evidence.append(found)
    return evidence


def _may_state(plan: ClaimPlan, doc: DocFacts, k: int) -> bool:
    """Cheap tests a passage must pass to state a claim: its predicate (or the opposite) in the
    sentence, and no other place named instead of the claim's."""
    keys = doc.passages[k].keys
    return all(not group.isdisjoint(keys) for group in plan.anchors()) and not _rival_places(plan, doc, k)


def statement_evidence(
    plan: ClaimPlan, doc: DocFacts, k: int, considered: list[Considered] | None = None
) -> Evidence | None:
    """What passage ``k`` says of a statement claim: evidence, or None (with why in ``considered``)."""
    lex = plan.lex
    claim_tokens = plan.terms
    p = doc.passages[k]
    rival = _rival_places(plan, doc, k)
    if rival:
        if considered is not None:
            why = f"about {', '.join(rival)}, not {', '.join(_place_texts(plan))}"
            considered.append(
                Considered(p.passage.line, p.passage.column, one_line(p.passage.text), "", "dropped", why)
            )
        return None
    context = set(p.keys)
    for back in range(1, NAME_CONTEXT_SENTENCES + 1):
        if k - back >= 0 and not is_question(doc.passages[k - back].passage.text):
            context |= doc.passages[k - back].keys
    ctx = frozenset(context)
    names_ctx = [
        t.stem for j in range(max(0, k - NAME_CONTEXT_SENTENCES), k + 1) for t in doc.passages[j].tokens if t.capital
    ]
    missing_names = [t.text for t in plan.names if not plan.has(t, ctx, names_ctx)]
    flipped = [t for t in plan.predicates if not plan.has(t, p.keys) and _opposite_in(t, p.keys, lex)]
    missing_preds = [t.text for t in plan.predicates if not plan.has(t, p.keys) and t not in flipped]
    found = sum(1 for t in claim_tokens if plan.has(t, ctx, names_ctx) or t in flipped)
    # With no verb to anchor it ("Hindus are a minority in Kerala"), a statement's common words
    # are its predicate: they must all stand in the sentence itself.
    common = [t for t in claim_tokens if t not in plan.names and not t.capital]
    if not plan.predicates and common:
        absent = [t.text for t in common if not plan.has(t, p.keys)]
        if absent:
            missing_preds = absent
    coverage = found / max(1, len(claim_tokens))
    text = one_line(p.passage.text)
    if missing_names or missing_preds or coverage < MIN_STATEMENT_COVERAGE:
        if considered is not None:
            why = (
                f"lacks {', '.join(missing_names + missing_preds)}"
                if missing_names or missing_preds
                else f"holds {found} of {len(claim_tokens)} claim words"
            )
            considered.append(Considered(p.passage.line, p.passage.column, text, "", "dropped", why))
        return None
    anchor = [i for i, t in enumerate(p.tokens) if not plan.predicate_keys.isdisjoint(t.keys)]
    negs = lex.lists["negations"]
    source_neg = any(negated_at(p.tokens, i, negs) for i in anchor) != bool(flipped)
    relation = Relation.CONTRADICTS if source_neg != plan.negated else Relation.SUPPORTS
    reason = (
        f"states it ({found} of {len(claim_tokens)} claim words)"
        if relation is Relation.SUPPORTS
        else f"states the opposite ({found} of {len(claim_tokens)} claim words, negated)"
    )
    stance = Stance.REPORTED if any(lex.has("report_cues", t.lower) for t in p.tokens) else Stance.STATED
    if considered is not None:
        considered.append(Considered(p.passage.line, p.passage.column, text, "", str(relation), reason))
    return _evidence(doc, p, relation, stance, "", "", reason, coverage)


def verdict_of(evidence: Sequence[Evidence]) -> Verdict:
    supports = any(e.relation is Relation.SUPPORTS for e in evidence)
    contradicts = any(e.relation is Relation.CONTRADICTS for e in evidence)
    if supports and contradicts:
        return Verdict.MIXED
    if supports:
        return Verdict.AGREE
    if contradicts:
        return Verdict.DISAGREE
    return Verdict.SILENT


def judge_source(plan: ClaimPlan, doc: DocFacts, considered: list[Considered] | None = None) -> SourceResult:
    """The verdict of one source on one claim, with its evidence (strongest first, one per passage)."""
    doc = with_figures(doc, plan.keys)  # every passage the claim may look at
    if plan.mode == "statement":
        evidence = judge_statement(plan, doc, considered)
    else:
        evidence = judge_figures(plan, doc, considered)
    return source_result(doc.path, evidence)


def source_result(path: str, evidence: Sequence[Evidence]) -> SourceResult:
    """A source's verdict from its evidence, keeping the strongest item per passage and relation."""
    verdict = verdict_of(evidence)
    best: dict[tuple[int, str], Evidence] = {}
    for e in evidence:
        key = (e.start, str(e.relation))
        if key not in best or e.score > best[key].score:
            best[key] = e
    kept = sorted(best.values(), key=lambda e: (-e.score, e.line, e.column))[:MAX_EVIDENCE]
    kept.sort(key=lambda e: (e.line, e.column))
    return SourceResult(path, verdict, tuple(kept))


def merge_results(path: str, results: Sequence[SourceResult]) -> SourceResult:
    """One source's result from the results of its parts (blocks of a long file)."""
    if len(results) == 1:
        return results[0]
    merged = source_result(path, [e for r in results for e in r.evidence])
    return replace(merged, verdict=roll_up(results))


def judge_doc(plans: Sequence[ClaimPlan], index: ClaimIndex, doc: DocFacts) -> list[tuple[int, SourceResult]]:
    """(claim index, result) for each claim the source does not leave silent: what ``judge_source``
    gives for every claim, found from the source's side. Each source figure looks up the figure
    claims it may align with in ``index``; statement claims are found by their anchor words."""
    doc = with_figures(doc, index.frame_keys)
    found: dict[int, list[tuple[int, int, int, Evidence]]] = defaultdict(list)
    names_ok: dict[int, bool] = {}
    names: list[str] | None = None
    doc_keys = doc.keys()
    for k, p in enumerate(doc.passages):
        if not p.frames or is_question(p.passage.text):
            continue
        for fi, f in enumerate(p.frames):
            for i, j in index.figure_candidates(f, p.keys, doc.scope):
                plan = plans[i]
                if plan.keys.isdisjoint(p.keys):
                    continue
                if plan.names:
                    ok = names_ok.get(i)
                    if ok is None:
                        if names is None:
                            names = [t.stem for q in doc.passages for t in q.tokens if t.capital]
                        ok = names_ok[i] = all(plan.has(t, doc_keys, names) for t in plan.names)
                    if not ok:
                        continue
                fp = plan.figures[j]
                relation, reason, score = weigh(plan, fp, f, p, doc.scope)
                if relation is not None:
                    found[i].append(
                        (
                            k,
                            j,
                            fi,
                            _evidence(
                                doc, p, relation, f.stance, f.quantity.text, fp.frame.quantity.text, reason, score
                            ),
                        )
                    )
    out = [
        (i, source_result(doc.path, [e for *_, e in sorted(items, key=lambda x: x[:3])])) for i, items in found.items()
    ]
    # Statement claims, a passage at a time: those whose predicate the passage holds, each passage
    # tested as judge_statement tests it (the same passages, in the same order).
    stated: dict[int, list[Evidence]] = defaultdict(list)
    if index.has_statements:
        for k, p in enumerate(doc.passages):
            if is_question(p.passage.text):
                continue
            rivals: dict[frozenset[str], bool] = {}  # claim places -> another place named instead
            for i in index.candidates(p.keys):
                places = plans[i].places
                rival = rivals.get(places)
                if rival is None:
                    rival = rivals[places] = bool(_rival_places(plans[i], doc, k))
                if rival:
                    continue
                evidence = statement_evidence(plans[i], doc, k)
                if evidence is not None:
                    stated[i].append(evidence)
    out.extend((i, source_result(doc.path, evidence)) for i, evidence in stated.items())
    out.sort(key=lambda x: x[0])
    return out


def roll_up(results: Sequence[SourceResult]) -> Verdict:
    """The claim's verdict across sources (docs/verdicts.md §6)."""
    return combine(r.verdict for r in results if not r.error)


def combine(verdicts: Iterable[Verdict]) -> Verdict:
    """Verdicts of sources that could be read, rolled up (docs/verdicts.md §6)."""
    verdicts = set(verdicts)
    if Verdict.MIXED in verdicts or {Verdict.AGREE, Verdict.DISAGREE} <= verdicts:
        return Verdict.MIXED
    if Verdict.AGREE in verdicts:
        return Verdict.AGREE
    if Verdict.DISAGREE in verdicts:
        return Verdict.DISAGREE
    return Verdict.SILENT


def claim_result(plan: ClaimPlan, results: Sequence[SourceResult]) -> ClaimResult:
    c = plan.claim
    if isinstance(results, SourceResults):  # silent sources do not move the roll-up
        return ClaimResult(c.id, c.text, combine(results.verdicts()), results, c.path, c.line)
    return ClaimResult(c.id, c.text, roll_up(results), tuple(results), c.path, c.line)
