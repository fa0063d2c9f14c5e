"""Stage 6, judge, for a claim with no figure (docs/verdicts.md §4): a passage states it when it
holds the claim's predicate and names (in it, in the sentences just before it, or in the source's
opening), and says the opposite when it negates the predicate the claim does not negate, or says
an opposite act of what the claim's predicate acts on; a denial of a say-so denies it.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from .denials import Denial, denial_of, forecast_governs
from .facts import DocFacts, PassageFacts
from .focus import NOT_NAMES, acting_name, lead_keys, mid_capitals
from .index import ClaimIndex, candidate_passages
from .lexicon import english, frame_words
from .marks import other_marks
from .model import Considered, Evidence, Relation, SourceResult, Stance
from .places import near
from .plan import ClaimPlan, literal, negated_at
from .replies import denies_what_came_before
from .segment import is_question, one_line
from .verdicts import evidence_at, source_result
from .vocab import vocab
from .words import Lexicon, Token, adjacent_runs, common_compound, is_dictionary_word, tokenize

MIN_STATEMENT_COVERAGE = 0.7  # share of a statement claim's words found in a passage and the one before it
# What follows a dateline's place: "CORVEL - ", "CORVEL (Wire) -", "CORVEL, March 3 — ".
DATELINE_REST = re.compile(r"[-–—(]|,[^.\n]{1,30}?[-–—]")
NAME_CONTEXT_SENTENCES = 2  # sentences before a passage where a statement's names may stand ("He said")


def _opposite_in(term: Token, keys: frozenset[str], lex: Lexicon) -> bool:
    """Whether the passage holds a word of the opposite concept ("backed" for "opposed")."""
    return any("=" + o in keys for o in lex.opposites.get(term.concept, ()))


OPPOSITE_WINDOW = 6  # words between an opposite predicate and what the claim says it acts on


def _opposite_near(plan: ClaimPlan, term: Token, p: PassageFacts) -> bool:
    """Whether the passage holds a word of the opposite concept near what the claim's predicate acts
    on, in the same clause: "approved a budget ... in which a tourist tax was voted down" does not
    approve the tax, nor does "passes the budget as the tourist tax sinks"."""
    lex = plan.lex
    if not _opposite_in(term, p.keys, lex):
        return False
    objects = [t for t in plan.terms if t.start > term.start and t not in plan.names]
    if not objects:
        return True  # nothing to be near: the passage's opposite word stands for the whole claim
    opposite = {"=" + o for o in lex.opposites.get(term.concept, ())}
    at = [i for i, t in enumerate(p.tokens) if not opposite.isdisjoint(t.keys)]
    near = [i for i, t in enumerate(p.tokens) if any(plan.has(o, frozenset(t.keys)) for o in objects)]
    if not near:
        return False  # "The budget passed" for "rejected a tourist tax": said of something else
    openers = lex.lists["clause_openers"]
    return any(
        abs(i - j) <= OPPOSITE_WINDOW and all(t.lower not in openers for t in p.tokens[min(i, j) + 1 : max(i, j)])
        for i in at
        for j in near
    )


def _rival_places(plan: ClaimPlan, doc: DocFacts, k: int) -> list[str]:
    """The places passage ``k`` names instead of the statement's ("The governor of Marrow urged
    calm" is not about the governor of Tollan): empty when it names none, or one of the claim's."""
    if not plan.places:
        return []
    p = doc.passages[k]
    named = doc.places_named(k)
    if not named or any(c in p.keys or near(c, named) for c in plan.places):
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


class _Names(NamedTuple):
    """Where passage ``k`` finds a statement claim's names."""

    context: frozenset[str]  # the keys of the passage and the sentences just before it
    capitals: list[str]  # their capitalised words, for close spellings of names
    by_head: set[Token]  # names the passage gives by "the" and their last word ("the council")
    opening: set[Token]  # names only the source's opening gives
    missing: list[str]  # names it never gives
    away: list[str]  # names given before the passage (just before it, or in its opening), not in it
    strict: bool  # whether the passage gives none of them, or one only the opening gives
    before: str  # another party the sentences just before name, when strict ("Dunmere's mayor ...")


def _names_in(plan: ClaimPlan, doc: DocFacts, k: int) -> _Names:
    context = set(doc.passages[k].keys)
    for back in range(1, NAME_CONTEXT_SENTENCES + 1):
        if k - back >= 0 and not is_question(doc.passages[k - back].passage.text):
            context |= doc.passages[k - back].keys
    ctx = frozenset(context)
    capitals = [
        t.stem for j in range(max(0, k - NAME_CONTEXT_SENTENCES), k + 1) for t in doc.passages[j].tokens if t.capital
    ]
    by_head = _named_by_head(plan, doc, k)
    unnamed = [t for t in plan.names if not plan.has(t, ctx, capitals) and t not in by_head]
    # A name the source's opening gives ("Brackenport council" in the headline) frames what its
    # later sentences say ("Councillors rejected the tax"): present, but too far to contradict.
    opening = {t for t in unnamed if plan.has(t, lead_keys(doc))}
    own = [t.stem for t in doc.passages[k].tokens if t.capital]
    here = [t for t in plan.names if t in by_head or plan.has(t, doc.passages[k].keys, own)]
    missing = [t.text for t in unnamed if t not in opening]
    away = [t.text for t in plan.names if t not in here and t not in unnamed]
    strict = bool(opening) or (bool(plan.names) and not here)
    before = ""
    if strict:  # "Dunmere's mayor attacked his council. Councillors rejected ...": whose act?
        before = _last_named(plan, doc, k)
    return _Names(ctx, capitals, by_head, opening, missing, away + [t.text for t in opening], strict, before)


def statement_evidence(
    plan: ClaimPlan, doc: DocFacts, k: int, considered: list[Considered] | None = None
) -> Evidence | None:
    """What passage ``k`` says of a statement claim: evidence, or None (with why in ``considered``)."""
    p = doc.passages[k]
    text = one_line(p.passage.text)

    def dropped(why: str) -> Evidence | None:  # none, and why (for --explain)
        if considered is not None:
            considered.append(Considered(p.passage.line, p.passage.column, text, "", "dropped", why))
        return None

    if plan.denial is not None and plan.denial.stem in p.keys:
        plan = literal(plan)  # "has not denied that ...": read on the denial word itself
    claim_tokens = plan.terms
    rival = _rival_places(plan, doc, k)
    if rival:
        return dropped(f"about {', '.join(rival)}, not {', '.join(_place_texts(plan))}")
    names = _names_in(plan, doc, k)
    flipped = [t for t in plan.predicates if not plan.has(t, p.keys) and _opposite_near(plan, t, p)]
    missing_preds = [t.text for t in plan.predicates if not plan.has(t, p.keys) and t not in flipped]
    found = sum(
        1
        for t in claim_tokens
        if plan.has(t, names.context, names.capitals) or t in flipped or t in names.by_head or t in names.opening
    )
    # With no verb to anchor it ("Hindus are a minority in Kerala"), a statement's common words
    # are its predicate: they must all stand in the sentence itself.
    common = [t for t in claim_tokens if t not in plan.names and not t.capital]
    if not plan.predicates and common:
        missing_preds = [t.text for t in common if not plan.has(t, p.keys)] or missing_preds
    coverage = found / max(1, len(claim_tokens))
    other = other_marks(plan.claim.text, p.passage.text)
    if names.missing or missing_preds:
        return dropped(f"lacks {', '.join(names.missing + missing_preds)}")
    if other:
        return dropped(f"gives {other}, not the claim's")
    if coverage < MIN_STATEMENT_COVERAGE:
        return dropped(f"holds {found} of {len(claim_tokens)} claim words")
    why_not = _away_from_names(plan, doc, p, names) if names.strict else ""
    if why_not:
        return dropped(why_not)
    source_neg, stance, why = _polarity(plan, doc, k, flipped)
    if source_neg is None:
        return dropped(why)
    relation = Relation.CONTRADICTS if source_neg != plan.negated else Relation.SUPPORTS
    why_not = _cannot_contradict(plan, p, names.away) if relation is Relation.CONTRADICTS else ""
    if why_not:
        return dropped(why_not)
    words = f"{found} of {len(claim_tokens)} claim words"
    reason = (
        f"states it ({words})"
        if relation is Relation.SUPPORTS
        else f"denies it ({words})"
        if stance is Stance.DENIED
        else f"states the opposite ({words}, negated)"
    )
    if considered is not None:
        considered.append(Considered(p.passage.line, p.passage.column, text, "", str(relation), reason))
    return evidence_at(doc, p, relation, stance, "", "", reason, coverage)


def _last_named(plan: ClaimPlan, doc: DocFacts, k: int) -> str:
    """Another party that the sentences just before passage ``k`` name since the claim's own last
    mention, which "he", "they" or "councillors" in passage ``k`` may stand for: "Ostby's mayor
    spoke. Corvel's leader answered. Councillors rejected ..." is Corvel's act; after "Corvel's
    leader attacked Ostby's mayor." it may be either's. "" when the nearest sentence naming anyone
    names only the claim's party."""
    for q in reversed(doc.passages[max(0, k - NAME_CONTEXT_SENTENCES) : k]):
        start = _dateline_end(q)
        other = _subject_party(plan, q, start)
        if other:
            return other
        if any(
            t.capital and any(plan.has(n, frozenset(t.keys), [t.stem]) for n in plan.names) for t in q.tokens[start:]
        ):
            return ""
    return ""


def _dateline_end(p: PassageFacts) -> int:
    """The index of the first token after a dateline ("CORVEL - ", "CORVEL, March 3 —"), which says
    where the story was filed, not who acts; 0 when the passage opens with none."""
    tokens = p.tokens
    n = next((i for i, t in enumerate(tokens) if not (t.text.isupper() and len(t.text) > 1)), len(tokens))
    if not n or n == len(tokens):
        return 0
    rest = p.passage.text[tokens[n - 1].end - p.passage.start :].lstrip()
    return n if DATELINE_REST.match(rest) else 0


def _other_party(plan: ClaimPlan, doc: DocFacts, p: PassageFacts) -> str:
    """Another party passage ``p`` names, which a passage that gives none of the claim's names may
    be about: a name that is none of the claim's words ("Dunmere councillors rejected ...", "was
    rejected by Dunmere councillors", "..., Kestrel said"), or a word for another party ("its rival
    fired", "councillors in a neighbouring town"); "" when it names only the claim's words, function
    words and times ("In the end, councillors rejected ...")."""
    mid, others = mid_capitals(doc), plan.lex.lists["other_party_words"]
    for i, t in enumerate(p.tokens):
        if t.lower in others:
            return t.text
        if not t.capital or _no_party(plan, t):
            continue
        # The first word is a name if the source capitalises it elsewhere, if it is no English
        # word, or if it owns something ("Kestrel's board").
        if not is_dictionary_word(t.lower) or i > 0 or t.stem in mid or _owns(p, t):
            return t.text
    return ""


def _subject_party(plan: ClaimPlan, q: PassageFacts, start: int) -> str:
    """Another party that sentence ``q``, before a passage without the claim's names, names from
    token ``start`` on, which a "they" or "councillors" in the passage may stand for: a name that
    is no English word in its subject, before its first verb ("The Ostby council met", "After a
    long debate, Ostby councillors left", "Nurses at the Ostby clinic voted"), or an owner ("Ostby's
    mayor"), or after the verb but not in a place phrase ("met Ostby councillors", "stopped by
    Stenmark police", "said Ostby's mayor"). Not a place named after the act ("tickets sold at Port
    Addrick", "the vote was held in Marrowby"): where, not who. "" when it names none."""
    tokens = q.tokens[start:]
    verbs, _ = vocab(plan.lex).flags([t.lower for t in tokens if not t.capital])
    words = frame_words()
    acted, governor = False, ""  # past the first verb; the last lower-case word, no determiner
    for t in tokens:
        if not t.capital:
            acted = acted or verbs[t.lower]
            governor = governor if t.lower in words.adjective_determiners else t.lower
            continue
        if _no_party(plan, t) or is_dictionary_word(t.lower):
            continue
        if _owns(q, t) or not acted or governor not in words.place_prepositions:
            return t.text
    return ""


def _no_party(plan: ClaimPlan, t: Token) -> bool:
    """Whether capitalised word ``t`` names no other party: a function or time word ("In", "On
    Monday"), one of the claim's words, or a letter joined to common words ("a grey T-shirt")."""
    return t.lower in NOT_NAMES or plan.names_word(t) or ("-" in t.text and common_compound(t.text))


def _owns(p: PassageFacts, t: Token) -> bool:
    """Whether word ``t`` of passage ``p`` owns what follows it ("Kestrel's board")."""
    return p.passage.text[t.end - p.passage.start :].startswith(english().possessive_endings)


def _away_from_names(plan: ClaimPlan, doc: DocFacts, p: PassageFacts, names: _Names) -> str:
    """Why a passage that gives none of the claim's names (or one only the opening gives) does not
    state it (empty if it may): away from them, it must say the act itself, of no one else. "The
    Vell city council declared ..." under a headline on Harwick is another body's act, and "who
    backed the fare increase" names a rise without saying that it happened."""
    someone = _other_party(plan, doc, p)
    if someone:
        return f"says it of {someone}, not {', '.join(names.away or [t.text for t in plan.names])}"
    if names.before:
        return f"the sentences before it name {names.before}, another party"
    if not _says_done(plan, p):
        return "names the act without saying that it happened"
    return ""


def _cannot_contradict(plan: ClaimPlan, p: PassageFacts, away: Sequence[str]) -> str:
    """Why passage ``p``, read as contradicting a statement claim, does not (empty if it does)."""
    if plan.denial is not None:
        # "Metrovia fired 12 drivers" does not say that Metrovia never denied firing any.
        return "says the denied act happened, which does not undo the denial"
    if away:
        # "Councillors did not reject the tax" far below a headline on Brackenport may be about
        # another council: a name given before the passage supports, but contradicting needs it here.
        return f"names {', '.join(away)} only before it, too far to say the opposite"
    return ""


def _says_done(plan: ClaimPlan, p: PassageFacts) -> bool:
    """Whether the passage says the claim's predicate as a verb ("were reviewed", "had fired"), not
    as a noun ("peer review", "reviewers") or an adjective after a determiner ("a peer-reviewed
    journal", "the rejected plan")."""
    tokens, determiners = p.tokens, frame_words().adjective_determiners
    said = [
        t.lower
        for i, t in enumerate(tokens)
        if not plan.predicate_keys.isdisjoint(t.keys) and not (i and tokens[i - 1].lower in determiners)
    ]
    verb, _ = vocab(plan.lex).flags(said)
    return any(verb[w] for w in said)


def _named_by_head(plan: ClaimPlan, doc: DocFacts, k: int) -> set[Token]:
    """The words of the claim's names of several words that passage ``k`` refers to by "the" and
    their last word ("the council", "the Council" for "the Tarrow Valley Regional Council", "the
    university"), in a source that writes the whole name somewhere. Not "the Harwick city council",
    "another university", "Tomas Ruiz": another body, or another person."""
    found: set[Token] = set()
    tokens = doc.passages[k].tokens
    for run in adjacent_runs(plan.names):
        if doc.by_head(run, tokens):
            found.update(run)
    return found


@functools.lru_cache(maxsize=4096)
def _claim_forecast(text: str) -> bool:
    """Whether a statement claim's text is itself a forecast, plan or condition ("Halden may fire ...")."""
    tokens = tokenize(text)
    return len(tokens) > 1 and forecast_governs(tokens, len(tokens) - 1, text, 0)


def _polarity(plan: ClaimPlan, doc: DocFacts, k: int, flipped: Sequence[Token]) -> tuple[bool | None, Stance, str]:
    """(whether passage ``k`` says the claim's predicate did not happen, or None when it says
    neither; its stance; why None). A denial of the act ("denied that it fired ...", "Reports that
    ... are untrue"), or a report the next passage takes back ("That is not true."), says it did
    not (docs/verdicts.md §4); a negated denial ("did not deny that ...") says neither."""
    lex, p = plan.lex, doc.passages[k]
    anchor = [i for i, t in enumerate(p.tokens) if not plan.predicate_keys.isdisjoint(t.keys)]
    negs = lex.lists["negations"] | lex.lists["denial_cues"] if plan.denial is not None else lex.lists["negations"]
    source_neg = any(negated_at(p.tokens, i, negs) for i in anchor) != bool(flipped)
    reported = any(lex.has("report_cues", t.lower) for t in p.tokens)
    if plan.names and anchor and (someone := acting_name(plan, p, anchor[0])):
        return None, Stance.STATED, f"says it of {someone}"  # "Halden's rival Kestrel fired ..."
    if plan.denial is not None or not anchor:
        return source_neg, Stance.REPORTED if reported else Stance.STATED, ""
    forecast = forecast_governs(p.tokens, anchor[0], p.passage.text, p.passage.start)
    if forecast != _claim_forecast(plan.claim.text):
        # "Halden may fire its chief executive" does not say that it did (and the reverse).
        why = (
            "a forecast, plan or condition, not a fact"
            if forecast
            else "the claim is a forecast; the source states a fact"
        )
        return None, Stance.FORECAST if forecast else Stance.STATED, why
    denial = denial_of(p.tokens, anchor[0], p.passage.text, p.passage.start, frozenset(anchor))
    if denial is Denial.NONE and reported and k + 1 < len(doc.passages):
        denial = Denial.DENIED if denies_what_came_before(doc.passages[k + 1]) else Denial.NONE
    if denial is Denial.UNSAID:
        return None, Stance.STATED, "does not deny it, which does not state it"
    if denial is Denial.DENIED:
        if source_neg:
            return None, Stance.DENIED, "denies a negation of it, which says too little"
        return True, Stance.DENIED, ""
    return source_neg, Stance.REPORTED if reported else Stance.STATED, ""


def statement_results(plans: Sequence[ClaimPlan], index: ClaimIndex, doc: DocFacts) -> list[tuple[int, SourceResult]]:
    """Statement claims, a passage at a time: those whose predicate the passage holds, each passage
    tested as judge_statement tests it (the same passages, in the same order)."""
    stated: dict[int, list[Evidence]] = defaultdict(list)
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
    return [(i, source_result(doc.path, evidence)) for i, evidence in stated.items()]
