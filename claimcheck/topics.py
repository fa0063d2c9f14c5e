"""The on-topic check (``on_topic``, in ``checks.CHECKS``): does a source figure's clause say what
the claim's figure is about, its act and most of its other topic words? With the bounds
``judge_doc`` asks first (``may_stay_on_topic``, ``may_be_covered``): what the check is sure to
drop whatever the rest of the sentence says, found without the pair. Kept apart from ``checks``
for its size; the model is the same (docs/verdicts.md, alignment)."""

from __future__ import annotations

from .facts import PassageFacts
from .frames import Frame
from .lexicon import english, frame_words
from .model import Kind
from .pairs import NO_CONTEXT, Context, Pair
from .plan import ClaimPlan, FigurePlan
from .vocab import vocab
from .words import Token, lexicon, singular, token_at

MIN_TOPIC_COVERAGE = 0.5  # share of a claim figure's topic words a passage must hold to speak to it
MIN_UNCOUNTED_COVERAGE = 0.67  # the same, for figures that name no counted noun (money, percentages)


def on_topic(p: Pair) -> str | None:
    """The act and the things around the figure: the claim's act must stand in the figure's own
    clause ("returned 215 people, who were held" is not a count of people held), and most of its
    other topic words too, in the clause or in the source's opening ("the 2024 general election",
    named once in a story's headline, frames every figure of the story)."""
    fp, f = p.fp, p.f
    topic, topic_keys = fp.topic, fp.topic_keys
    if fp.act is not None and fp.act_keys.isdisjoint(f.topic_keys):
        rival = _rival_act(p) or _opposite_act(p)
        # A label ("Road repairs, Budget 2025: €6.2 million") has no verb to say the act with: what
        # it names stands for what the claim's act did, as the same thing counted does.
        labelled = f.labelled
        held = not rival and _held(p)
        same = _counts_same_thing(p.claim, f)
        if rival or not (labelled or held or (same and not selective(fp.act, p.plan))):
            return f"the figure's clause lacks {fp.act.text}" + (f" and says {rival}" if rival else "")
        # "Some 1,150 firefighters are on the fire" for "1,000 firefighters are fighting it": the
        # same thing counted, with no other act, is evidence that lacks the claim's act, not
        # evidence against it: loose, so it may support the claim but never contradicts it.
        p.notes.append(f"the {'label' if labelled else 'clause'} does not say {fp.act.text}")
        kept = [i for i, t in enumerate(topic) if t is not fp.act]
        topic, topic_keys = tuple(topic[i] for i in kept), tuple(topic_keys[i] for i in kept)
        return _covered(p, topic, topic_keys, MIN_TOPIC_COVERAGE) if topic else None
    if fp.act is not None and fp.act.concept and _counts_people(p) and _rival_act(p):
        rival = next((r for r in _rival_acts(p) if _verb_near(p, r)), "")
        if rival and not _verb_near(p, fp.act.concept) and _only_as_occasion(p, fp.act.concept):
            # "457 people were arrested during protests" for "52,000 people demonstrated": the
            # figure's own verb is another act; the claim's names only the occasion.
            return f"the figure's verb is {rival}; the clause names {fp.act.text} only as the occasion"
    if topic:
        # With no counted noun on either side ("rise to $2.75"), or only a loose match between them
        # (people vs firefighters), the topic words carry the alignment and must mostly be there.
        same_thing = not p.notes and bool(p.claim.counted or f.counted)
        return _covered(p, topic, topic_keys, MIN_TOPIC_COVERAGE if same_thing else MIN_UNCOUNTED_COVERAGE)
    c_generic = p.claim.generic or (not p.claim.counted and bool(p.claim.implicit_act))
    if c_generic or not p.claim.counted:
        return "the claim names no act or topic for this figure"
    return None


def _covered(p: Pair, topic: tuple[Token, ...], topic_keys: tuple[frozenset[str], ...], need: float) -> str | None:
    """Whether enough of ``topic`` stands in the figure's clause, or (but for the act, which must
    be in the clause) in the source's opening or its sentence before it: both frame the figure
    ("the strike ballot returned 89% in favour on a turnout of 71%" is a ballot's turnout), unlike
    what follows it ("..., according to a rescue service in the north"). Every key it looks in
    must be among ``passage_words`` (``may_be_covered`` relies on it)."""
    clause, lead, act = p.f.topic_keys, p.context.lead_keys, p.fp.act
    if act is not None and act.concept and act.end > act.start + len(act.text) and "=" + act.concept in clause:
        # The clause holds the act phrase's concept ("on strike" for "stopped work"): the phrase's
        # later words ("work") are said by it, neither missing nor found on their own.
        kept = [i for i, t in enumerate(topic) if not act.start < t.start < act.end]
        topic, topic_keys = tuple(topic[i] for i in kept), tuple(topic_keys[i] for i in kept)
        if not topic:
            return None
    # "rise by 22 per cent": a change is what a percentage measures, which its own clause says ("60
    # per cent of riders" under a headline on a fare rise is a share, no change).
    levels = p.plan.lex.lists["level_acts"] if p.fp.frame.quantity.kind is Kind.PERCENT else frozenset()
    own = [t is act or t.concept in levels for t in topic]
    found = [
        not k.isdisjoint(clause) or (not o and not k.isdisjoint(lead)) for k, o in zip(topic_keys, own, strict=True)
    ]
    if _coverage(p, topic, topic_keys, found, need) and not _only_in_the_opening(p, topic_keys):
        return None
    before = _words_before(p)
    found = [ok or (not o and not k.isdisjoint(before)) for k, o, ok in zip(topic_keys, own, found, strict=True)]
    if _coverage(p, topic, topic_keys, found, need):
        if _only_in_the_opening(p, topic_keys, before):
            return f"the figure's clause says none of {', '.join(t.text for t in topic)}"
        return None
    return f"the figure's clause lacks {', '.join(t.text for t, ok in zip(topic, found, strict=True) if not ok)}"


def _coverage(
    p: Pair, topic: tuple[Token, ...], topic_keys: tuple[frozenset[str], ...], found: list[bool], need: float
) -> bool:
    """Whether ``need`` of ``topic`` is found, leaving out a missing word that modifies the next one
    when the figure's own clause holds that one: the claim's "pay offer" is said by "its offer of
    4.5%", its "general election" by "won the election". Not when the next word is only in the
    opening or the sentence before: "Applications: +5.9%" under a report on tuition says nothing of
    domestic tuition. The word left out is missing evidence, not a clash: the pair is then loose,
    and may support the claim but never contradict it ("wages rose 4.5%" is no figure against "real
    wages rose 1.2%"; docs/verdicts.md, alignment)."""
    if sum(found) / len(topic) >= need:
        return True
    act, clause = p.fp.act, p.f.topic_keys
    left = [
        t.text
        for i, t in enumerate(topic[:-1])
        if not found[i]
        and _modifies(topic, i, act)
        and not topic_keys[i + 1].isdisjoint(clause)
        and not _other_modifier(p, topic_keys[i + 1])
    ]
    if not left or sum(found) / (len(topic) - len(left)) < need:
        return False
    p.notes.append(f"the clause does not say {', '.join(left)}")
    return True


def _modifies(topic: tuple[Token, ...], i: int, act: Token | None) -> bool:
    """Whether claim topic word ``i`` stands right before the next, a noun it modifies ("pay" in
    "pay offer"), not the subject of a verb ("clinic" in "the clinic vaccinated"), and may be left
    out: no word that picks out a kind of it (``kind_modifiers``: "median", "youth", "net")."""
    head = topic[i + 1]
    if head.start - topic[i].end > 1 or head is act or topic[i].lower in frame_words().kind_modifiers:
        return False  # "median price", "youth unemployment": another kind, not a word left out
    verb, _ = vocab(lexicon()).flags((head.lower,))
    return not verb[head.lower]


def _other_modifier(p: Pair, head: frozenset[str]) -> bool:
    """Whether the passage gives the claim's word ``head`` a modifier of its own that is none of
    the claim's words ("Road repairs: €5.0 million" for "the harbour wall repair"): another thing
    of that kind, not the claim's with a word left out. A determiner or an owner ("its offer",
    "Corvane's offer") is none; an adjective ("the improved offer") is left to ``same_qualifier``."""
    tokens, lex, text, start = p.passage.tokens, p.plan.lex, p.passage.passage.text, p.passage.passage.start
    claim_keys = frozenset(k for t in p.plan.terms for k in t.keys)
    after = frame_words().modifier_prepositions

    def other(t: Token) -> bool:  # a word of its own, none of the claim's
        return t.text.isalpha() and not lex.has("stopwords", t.lower) and claim_keys.isdisjoint(t.keys)

    for i in range(1, len(tokens)):
        if head.isdisjoint(tokens[i].keys):
            continue
        t = tokens[i - 1]
        gap = text[t.end - start : tokens[i].start - start]
        if other(t) and (gap == " " or gap.rstrip() in english().possessive_endings):
            return True  # "Road repairs", "the union's offer"
        nxt = tokens[i + 1 : i + 1 + MODIFIER_REACH]
        if nxt and nxt[0].lower in after and any(other(u) for u in nxt[1:]):
            return True  # "tuition for international students", "profit before tax"
    return False


MODIFIER_REACH = 3  # words after a noun where a phrase of its own may say which one it is


def _only_in_the_opening(p: Pair, topic_keys: tuple[frozenset[str], ...], before: frozenset[str] | None = None) -> bool:
    """Whether a count of people (or of nothing named) with no act ("The flight had 181 people on
    board") finds its topic words only in the source's opening: the figure's clause (or the
    sentence before it, when ``before`` is given) must say something of it, or any count of people
    in the story would stand ("Two people were found alive")."""
    c = p.claim
    if p.fp.act is not None or p.f.quantity.kind is not Kind.COUNT or (c.counted and (not c.generic or c.modifiers)):
        return False  # an act, a noun of its own ("37 fires") or a named group ("Thai nationals") ties it down
    near = p.f.topic_keys if before is None else p.f.topic_keys | before
    return all(k.isdisjoint(near) for k in topic_keys)


def may_be_covered(fp: FigurePlan, words: frozenset[str]) -> bool:
    """False when ``_covered`` is sure to fail for this claim figure in a passage: fewer than half
    its topic words have a key among ``words``, every key ``_covered`` may look in for the passage
    (the figures' clauses, the passage's words, the source's opening, the sentence before). The act
    and the words of its phrase count as found: a bound on both ways ``on_topic`` asks for the
    coverage (with the act or without it), so the pair it spares is one ``on_topic`` drops."""
    topic = fp.topic
    if not topic:
        return True
    act = fp.act
    found = 0
    keys_of = fp.topic_keys
    for i, (t, keys) in enumerate(zip(topic, keys_of, strict=True)):
        # A word right before another that the passage holds may be a modifier ``_coverage`` leaves
        # out: count it found.
        modifier = i + 1 < len(topic) and _modifies(topic, i, act) and not keys_of[i + 1].isdisjoint(words)
        if t is act or (act is not None and act.start < t.start < act.end) or modifier or not keys.isdisjoint(words):
            found += 1
    return found / len(topic) >= min(MIN_TOPIC_COVERAGE, MIN_UNCOUNTED_COVERAGE)


def passage_words(p: PassageFacts, context: Context) -> frozenset[str]:
    """Every key ``_covered`` may find a passage's figures' topic words among: its words, its
    figures' clauses (which may borrow another sentence's), the source's opening and the sentence
    before. ``may_be_covered`` is a bound only while this holds all of them."""
    return p.keys.union(
        context.lead_keys, context.prior_keys, *(t.keys for t in p.tokens), *(f.topic_keys for f in p.frames)
    )


def _words_before(p: Pair) -> frozenset[str]:
    """The keys of the words before the first figure of the figure's sentence, and of the sentence before it when
    that one frames it (``Context.prior_keys``); found once per figure and context. An entry names
    its passage: a context kept past its source (a caller's own) never gives another's words."""
    start, memo, context = p.f.quantity.start, p.context.before, p.context
    key = (id(p.passage), start)
    entry = memo.get(key) if context is not NO_CONTEXT else None
    if entry is not None and entry[0] is p.passage:
        return entry[1]
    # Only the words before the sentence's first figure of the same kind: words after it are in
    # that figure's clause or this one's ("including 1,730 in rebel-held areas, and 1,262 in
    # government areas"); a figure of another kind ("One official said ... €6 million") is an aside.
    kind = p.f.quantity.kind
    start = min(start, *(f.quantity.start for f in p.passage.frames if f.quantity.kind is kind))
    found = context.prior_keys.union(*(t.keys for t in p.passage.tokens if t.start < start))
    if context is not NO_CONTEXT:
        memo[key] = (p.passage, found)
    return found


def _counts_same_thing(c: Frame, f: Frame) -> bool:
    """Whether both figures name the same counted noun or concept ("firefighters", "homes"), or, naming
    none, the same unit of measure ("acres")."""
    if not c.counted and not f.counted:
        if c.quantity.kind is Kind.MEASURE and f.quantity.kind is Kind.MEASURE:
            return c.quantity.unit == f.quantity.unit  # "burned 3,100 acres", "it covers 3,100 acres"
        return bool(c.implicit_act) and c.implicit_act == f.implicit_act  # "the death toll ... is 31"
    if not (c.counted and f.counted) or f.inherited:
        return False
    return singular_eq(c.counted, f.counted) or (bool(c.concept) and c.concept == f.concept)


def _held(p: Pair) -> bool:
    """Whether the claim's act only says its holder came to hold what is counted ("won 412 seats")
    and the figure's clause names that thing in a sentence naming the holder ("Labour, with 412
    seats"; "a 33.7% vote share" in a sentence on Labour)."""
    plan = p.plan
    if not _may_be_held(p.fp, plan, p.f):
        return False
    # The holder may be one word ("Labour won 40% of the vote"), which makes no name phrase.
    phrases = {word for phrase in plan.name_phrases for word in phrase}
    holder = (phrases | {t.stem for t in plan.names}) - plan.lex.lists["stopwords"]
    return bool(holder) and not holder.isdisjoint(p.passage.keys) and not _verb_of_its_own(p)


def _verb_of_its_own(p: Pair) -> bool:
    """Whether the figure is the object of a verb other than the claim's holding act ("contested
    412 seats", "needed 326 seats", "defended 40 seats"): then it is not what the holder won. The
    word right before the figure, past a determiner, is asked."""
    lex = p.plan.lex
    before = [t for t in p.passage.tokens if t.end <= p.f.quantity.start]
    while before and before[-1].lower in frame_words().figure_determiners:
        before.pop()
    if not before:
        return False
    t = before[-1]
    verb = t.lower.endswith("ed") or lex.has("irregular_verbs", t.lower)
    copula = lex.has("finite_auxiliaries", t.lower) or lex.has("light_verbs", t.lower)  # "was 40%", "took 12%"
    getting = lex.has("getting_verbs", t.lower)  # "received 55.7% of the votes": came to hold it
    return verb and not copula and not getting and t.concept not in lex.lists["holding_acts"]


def _may_be_held(fp: FigurePlan, plan: ClaimPlan, f: Frame) -> bool:
    """The part of ``_held`` that needs no other word of the sentence: a holding act, and the
    figure's clause naming what is held."""
    act = fp.act
    holding = act is not None and act.concept in plan.lex.lists["holding_acts"]
    return holding and not fp.counted_keys.isdisjoint(f.topic_keys)


def selective(act: Token | None, plan: ClaimPlan) -> bool:
    """Whether the claim's act picks out some of what is counted ("injured", "arrested",
    "destroyed"): then a figure of the same noun without it counts all of them, not those."""
    lists = plan.lex.lists
    return act is not None and (act.concept in lists["person_acts"] or act.concept in lists["event_acts"])


def may_stay_on_topic(fp: FigurePlan, plan: ClaimPlan, f: Frame) -> bool:
    """False when ``on_topic`` is sure to drop the pair whatever the rest of the sentence says: a
    claim act missing from the figure's clause, with no label, no held thing and no same thing
    counted to stand for it. ``judge_doc`` asks it first, sparing such a pair (with a large claim
    set, many of those the index finds through an act word in the source's opening) every check.
    It is ``on_topic``'s test for the act with ``_held`` cut to its part that needs no other word."""
    if fp.act is None or f.labelled or not fp.act_keys.isdisjoint(f.topic_keys) or _may_be_held(fp, plan, f):
        return True
    return not selective(fp.act, plan) and _counts_same_thing(fp.frame, f)


def _rival_act(p: Pair) -> str:
    """An act of the lexicon that the figure's clause names instead of the claim's ("injured" for
    "fighting"): the figure counts those who underwent it, another set. "" when there is none."""
    lex = p.plan.lex
    return next(iter(_rival_acts(p, lex.lists["person_acts"] | lex.lists["event_acts"])), "")


def _opposite_act(p: Pair) -> str:
    """The act opposite to the claim's that the figure's clause names ("rose" for "fell",
    "Change: +3.5%" for "cut"): the figure measures a change the other way. "" when there is none."""
    act = p.fp.act
    opposites = p.plan.lex.opposites.get(act.concept, ()) if act is not None else ()
    return next((o for o in sorted(opposites) if "=" + o in p.f.topic_keys), "")


def _rival_acts(p: Pair, acts: frozenset[str] | None = None) -> list[str]:
    """The acts of ``acts`` (by default, those that befall people) the figure's clause names
    besides the claim's, sorted."""
    own = {t.concept for t in p.fp.topic if t.concept} | {p.claim.concept}
    acts = p.plan.lex.lists["person_acts"] if acts is None else acts
    return sorted(k[1:] for k in p.f.topic_keys if k.startswith("=") and k[1:] in acts and k[1:] not in own)


def _counts_people(p: Pair) -> bool:
    """Whether the source figure counts people ("457 people", "441 officers", "1,386 arrested")."""
    f = p.f
    if f.quantity.kind is not Kind.COUNT:
        return False
    return f.generic or (not f.counted and bool(f.implicit_act)) or p.plan.lex.is_person_noun(singular(f.counted))


VERB_REACH = 4  # words after a figure (its noun phrase, an auxiliary) where its verb stands


def _verb_near(p: Pair, concept: str) -> bool:
    """Whether a word of ``concept`` stands right by the figure, where its verb does ("457 people
    were arrested", "arrested 457"), not only further off ("during protests")."""
    tokens, q = p.passage.tokens, p.f.quantity
    after, before = token_at(tokens, q.end), token_at(tokens, q.start)
    ahead = tokens[max(0, before - 2) : before]
    cut = max((i + 1 for i, t in enumerate(ahead) if t.lower in frame_words().coordinators), default=0)
    near = [*ahead[cut:], *tokens[after : after + VERB_REACH]]  # "arrested and 441 were injured"
    return any(t.concept == concept and (k == 0 or near[k - 1].lower != "to") for k, t in enumerate(near))


def _only_as_occasion(p: Pair, concept: str) -> bool:
    """Whether every word of ``concept`` in the passage follows a preposition of occasion, near
    ("during protests", "at Thursday's demonstration"), or stands in another clause joined to the
    figure's ("457 were arrested and 441 were injured"): not "attended the protest", "and died"."""
    tokens, words = p.passage.tokens, frame_words()
    at = [i for i, t in enumerate(tokens) if t.concept == concept]
    figure = token_at(tokens, p.f.quantity.start)

    def elsewhere(i: int) -> bool:
        if any(t.lower in words.occasion_prepositions for t in tokens[max(0, i - 3) : i]):
            return True
        between = tokens[i + 1 : figure] if i < figure else tokens[figure:i]
        return i < figure and any(t.lower in words.coordinators for t in between)

    return bool(at) and all(elsewhere(i) for i in at)


def singular_eq(a: str, b: str) -> bool:
    """Whether two noun phrases end in the same noun, singular or plural ("voters", "the voter")."""
    return singular(a.split()[-1]) == singular(b.split()[-1])
