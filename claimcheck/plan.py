"""Stage 5a, plan: read a claim into a plan (its figures with their frames, its topic words, its
predicate, names and places) that says how it is checked and under which index keys a passage holds
each of its words.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .ages import AGE
from .errors import ClaimcheckError
from .frames import Frame, build_frames
from .lexicon import english, frame_words
from .model import Claim, Kind, Quantity, pickled_by_fields
from .places import (
    name_phrases,
    place_name_starts,
    place_names,
    places_in,
    rate_starts,
    time_modifier_starts,
    times_in,
)
from .quantities import extract_quantities
from .shares import read_shares
from .thresholds import read_thresholds
from .words import (
    Lexicon,
    Token,
    adjacent_runs,
    is_dictionary_word,
    is_function_word,
    lexicon,
    people_adjective,
    people_named,
    singular,
    term_in,
    tokenize,
)

MIN_STATEMENT_TERMS = 2  # a claim with no figure needs at least this many content words to be checkable
_TIME_KINDS = (Kind.YEAR, Kind.DATE)
MAX_LEVEL_GAP = 16  # characters between "rose to" and its figure: a space, or a hedge ("about", "nearly")
UNIT_KINDS = (Kind.MEASURE, Kind.MONEY)  # what a unitless claim figure may be compared with


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class FigurePlan:
    """One figure of a claim: its frame and the claim words that give its topic. The ``*_keys``
    are the keys under which a passage holds each topic word, the act, and any word of the counted
    noun (see ``ClaimPlan.word_keys``), so alignment tests them as set look-ups."""

    frame: Frame
    topic: tuple[Token, ...]
    act: Token | None = None
    topic_keys: tuple[frozenset[str], ...] = ()
    act_keys: frozenset[str] = frozenset()
    counted_keys: frozenset[str] = frozenset()
    # The counted nouns of the claim's counts of places the figure is a sum over ("52,000 marched
    # in 24 cities": city), read once per claim for ``scopes.over_places``.
    summed_over: frozenset[str] = frozenset()

    @property
    def unitless(self) -> bool:
        """Whether the figure is a bare number whose unit the claim leaves to its label ("Median
        age: 38.4", "Road budget: 4.2 million"): no noun, no act, no unit. It may be compared with
        a source's measure or money of the same label, whatever the unit."""
        f = self.frame
        return f.quantity.kind is Kind.COUNT and not f.counted and not f.implicit_act and self.act is None


@dataclass(frozen=True, slots=True)
class ClaimPlan:
    """How a claim is checked. ``mode`` is "figures" (compare figures) or "statement" (find a
    passage that states it). ``terms`` are its content words; ``names`` the proper names among them."""

    claim: Claim
    mode: str
    figures: tuple[FigurePlan, ...]
    terms: tuple[Token, ...]
    names: tuple[Token, ...]
    name_phrases: frozenset[tuple[str, ...]]
    predicates: tuple[Token, ...]
    keys: frozenset[str]
    lex: Lexicon
    aliases: dict[str, frozenset[str]]
    places: frozenset[str] = frozenset()  # stems of the places a statement names ("of Tollan")
    negated: bool = False  # the claim negates its predicate ("did not resign")
    # "Metrovia denied firing drivers": the denial word. A passage that holds it is read on it ("has
    # not denied that ..." states the opposite); any other on what was denied (firing, the
    # predicate, held as negated): one saying it did not happen agrees, one saying it happened does
    # not undo the denial.
    denial: Token | None = None
    anchor_groups: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)
    # Keys a passage word holds when it is one of the claim's predicate words (or, with none, its
    # common words): where a statement is anchored in a sentence.
    predicate_keys: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # Whether the claim's capitalised first word, read as a name, is also a common English word
    # ("Police arrested ..."): a source that never capitalises it mid-sentence reads it as one.
    # Found here, once per claim, so that no worker process loads the word list.
    english_first: bool = field(default=False, compare=False, repr=False)
    # The first word of each place it names after a preposition ("Halcombe" of "to Halcombe
    # University"), months and days aside: the word a source naming that place writes.
    place_heads: tuple[Token, ...] = field(default=(), compare=False, repr=False)

    def __reduce__(self) -> tuple[Callable[..., ClaimPlan], tuple[object, ...]]:
        """Pickled without the shipped lexicon (megabytes, and already in every process)."""
        values = [getattr(self, f.name) for f in fields(ClaimPlan)]
        lex_at = [f.name for f in fields(ClaimPlan)].index("lex")
        if self.lex is lexicon():
            values[lex_at] = None
        return _plan, tuple(values)

    def term_keys(self, term: Token, opposite: bool = False) -> frozenset[str]:
        """Every index key under which a passage holds ``term`` (its stem, concept, aliases and,
        with ``opposite``, its opposite concepts)."""
        keys = word_keys(term, self.aliases)
        if opposite:
            keys |= {"=" + o for o in self.lex.opposites.get(term.concept, ())}
        return keys

    def anchors(self) -> tuple[frozenset[str], ...]:
        """Groups of keys a source must hold one of each to possibly speak to the claim: the verb
        every figure's clause must hold, or the statement's predicate. Empty when the claim has no
        such word (then every source holding a claim key is judged)."""
        return self.anchor_groups

    def _anchors(self) -> tuple[frozenset[str], ...]:
        if self.mode == "statement":
            words = self.predicates or tuple(t for t in self.terms if t not in self.names and not t.capital)
            return tuple(self.term_keys(t, opposite=True) for t in words)
        union: set[str] = set()
        for fp in self.figures:
            if fp.act is not None:
                union |= self.term_keys(fp.act)
            elif fp.topic:
                union.update(k for t in fp.topic for k in self.term_keys(t))
            else:
                return ()
        return (frozenset(union),) if union else ()

    def _predicate_keys(self) -> frozenset[str]:
        """A word with one of these keys is one of the predicate (else common) words."""
        return frozenset().union(*(word_keys(t, self.aliases) for t in self.predicates or self.terms if not t.capital))

    def names_word(self, t: Token) -> bool:
        """Whether a source word ``t`` is one of the claim's words (its stem, concept, an alias or,
        for a name, a close spelling): the claim's own party, never another's."""
        keys = frozenset(t.keys)
        return any(self.has(c, keys, [t.stem]) for c in self.terms)

    def has(self, term: Token, keys: frozenset[str], names: Sequence[str] = ()) -> bool:
        """Whether claim word ``term`` is present among a passage's ``keys`` (its own concept or stem,
        a claim alias, or for a name a close spelling of one of ``names``)."""
        extra = self.aliases.get(term.stem)
        if extra and not extra.isdisjoint(keys):
            return True
        return term_in(term, keys, names)


def content_tokens(tokens: Iterable[Token], lex: Lexicon) -> list[Token]:
    """The words that are no function words. A lexicon phrase that a stop word opens ("on board",
    "on strike") is one content word, its first, which carries the phrase's concept: its later
    words ("board") are read in it, not on their own."""
    out: list[Token] = []
    inside = -1  # the end of such a phrase
    for t in tokens:
        if t.start < inside:
            continue
        if not is_function_word(t, lex):
            out.append(t)
        elif t.concept and t.end > t.start + len(t.text) and lex.has("stopwords", t.lower):
            out.append(t._replace(stem="=" + t.concept))  # the phrase, not "on" ("on Sunday")
            inside = t.end
    return out


def _plan(*values: Any) -> ClaimPlan:  # noqa: ANN401 - ClaimPlan's fields
    """A ClaimPlan unpickled: the shipped lexicon, left out when pickled, put back."""
    lex_at = [f.name for f in fields(ClaimPlan)].index("lex")
    if values[lex_at] is None:
        values = (*values[:lex_at], lexicon(), *values[lex_at + 1 :])
    return ClaimPlan(*values)


def word_keys(term: Token, aliases: dict[str, frozenset[str]]) -> frozenset[str]:
    """The keys under which a passage holds claim word ``term``: ``ClaimPlan.has(term, keys)``
    without names is ``not word_keys(term, aliases).isdisjoint(keys)``."""
    return frozenset((term.stem, *(("=" + term.concept,) if term.concept else ()), *aliases.get(term.stem, ())))


def _alias_keys(claim: Claim, lex: Lexicon) -> dict[str, frozenset[str]]:
    """Claim word stem -> extra index keys that count as that word (the claim's ``aliases``)."""
    out: dict[str, frozenset[str]] = {}
    for word, words in claim.aliases:
        keys: set[str] = set()
        for w in (word, *words):
            keys.update(k for t in tokenize(w, lex) for k in t.keys)
        for t in tokenize(word, lex):
            out[t.stem] = frozenset(keys | out.get(t.stem, frozenset()))
    for t in tokenize(claim.text, lex):
        if t.capital:  # a people is named by its noun or its adjective ("Danes", "Danish")
            noun = singular(t.lower)
            adjective = people_adjective(noun)
            others = (
                [adjective] if adjective != noun else [n for n, a in english().people_adjectives.items() if a == noun]
            )
            keys = {k for w in others for u in tokenize(w.capitalize(), lex) for k in u.keys}
            if keys:
                out[t.stem] = frozenset(keys | out.get(t.stem, frozenset()))
    return out


def plan_claim(claim: Claim) -> ClaimPlan:
    """Read a claim: its figures and frames, its topic words, and how it will be checked."""
    lex = lexicon()
    text = claim.text
    tokens = tokenize(text, lex)
    # Not zeros.py: a claim that says none ("No charges were filed") is a statement, checked as one.
    quantities = read_thresholds(text, 0, read_shares(text, 0, extract_quantities(text)))
    # A claim is a sentence, however many capitals its names give it ("Jobs in Dalmar's East ...").
    figures, times = [q for q in quantities if q.is_figure], [q for q in quantities if q.kind in _TIME_KINDS]
    frames = build_frames(text, 0, figures, tokens, lex, times, headline=False)
    content = _claim_words(tokens, quantities, lex)
    names = _claim_names(content, tokens, lex)
    denial_frame = any(t.concept == "deny" for t in content)
    mode = claim.mode if claim.mode != "auto" else ("statement" if not frames or denial_frame else "figures")
    aliases = _alias_keys(claim, lex)
    plans = _place_sums(claim.text, _figure_plans(frames, content, names, tokens, aliases, lex), tokens, lex)
    _check_checkable(claim, mode, content, plans)
    plan = ClaimPlan(
        claim,
        mode,
        plans,
        tuple(content),
        names,
        name_phrases(tokens),
        _predicates(content, lex),
        _claim_keys(mode, plans, names, content, aliases, lex),
        lex,
        aliases,
        place_names(tokens),
        _negated(text, content, lex),
    )
    english_first = bool(names) and names[0].start == 0 and is_dictionary_word(names[0].lower)
    plan = replace(
        plan,
        anchor_groups=plan._anchors(),
        predicate_keys=plan._predicate_keys(),
        english_first=english_first,
        place_heads=_place_heads(plan.terms, plan.places, lex),
    )
    word, denied = _denied(content, text, lex) if mode == "statement" else (None, ())
    if word is not None:
        on_act = replace(plan, predicates=denied, negated=not plan.negated, denial=word)
        # A source may speak to it by the denial word or by the act denied.
        anchors = (plan.anchor_groups[0] | on_act._anchors()[0],) if plan.anchor_groups else ()
        plan = replace(on_act, anchor_groups=anchors, predicate_keys=on_act._predicate_keys())
    if plan.mode == "statement" and plan.names and plan.anchor_groups:
        # A source may name the statement's subject only in its opening ("Brackenport council" in
        # the headline, "councillors rejected the tax" further down): its predicate finds it too.
        plan = replace(plan, keys=plan.keys | plan.anchor_groups[0])
    return plan


def literal(plan: ClaimPlan) -> ClaimPlan:
    """A denial claim read on its denial word, as a passage that holds that word is read."""
    if plan.denial is None:
        return plan
    read = replace(plan, predicates=(plan.denial,), negated=not plan.negated, denial=None)
    return replace(read, predicate_keys=read._predicate_keys())


def _denied(content: Sequence[Token], text: str, lex: Lexicon) -> tuple[Token | None, tuple[Token, ...]]:
    """A denial claim's denial word and the acts it says were denied: the verbs after it ("denied
    firing any drivers", "denied that it had cut services"); (None, ()) when it denies a thing
    ("denied the report") or is no denial."""
    at = next((i for i, t in enumerate(content) if t.concept == "deny" and t.lower.startswith("den")), None)
    if at is None or at + 1 == len(content):
        return None, ()
    after = content[at + 1 :]
    following = text[content[at].end :].lstrip().lower()
    if not (after[0].lower.endswith("ing") or following.startswith("that")):
        return None, ()
    acts = tuple(
        t
        for t in after
        if not t.capital
        and not lex.has("light_verbs", t.lower)
        and (t.lower.endswith(("ing", "ed")) or lex.has("irregular_verbs", t.lower))
    )
    return (content[at], acts) if acts else (None, ())


def _claim_words(tokens: Sequence[Token], quantities: Sequence[Quantity], lex: Lexicon) -> list[Token]:
    """The claim's content words outside its figures. A word inside a number that is no figure
    ("LUMEN-3", "Su-57": a name with a number in it) is still a word of the claim."""
    in_figure = {
        t.start
        for q in quantities
        for t in tokens
        if q.start <= t.start < q.end and (q.is_figure or not any(c.isalpha() for c in t.text))
    }
    return [t for t in content_tokens(tokens, lex) if t.start not in in_figure]


def _claim_names(content: Sequence[Token], tokens: Sequence[Token], lex: Lexicon) -> tuple[Token, ...]:
    """The proper names among the claim's words: capitalised, and neither a month, a time word, a
    place after a preposition, nor a common word that opens the claim."""
    place_starts = place_name_starts(tokens)
    return tuple(
        t
        for t in content
        if t.capital
        and (t.start > 0 or not _common_first_word(t))
        and not lex.has("months", t.lower)
        and t.start not in place_starts
        and not lex.has("time_weak", t.lower)
    )


def _predicates(content: Sequence[Token], lex: Lexicon) -> tuple[Token, ...]:
    """The predicate of a statement: its verbs (past tenses, lexicon acts), which a passage must hold
    (or their opposite, which makes it state the negation). Speech verbs only frame what was said."""
    return tuple(
        t
        for t in content
        if not t.capital
        and not lex.has("speech_verbs", t.lower)
        and not lex.has("report_cues", t.lower)
        and (t.concept in _PREDICATE_CONCEPTS or t.lower.endswith("ed") or t.concept in lex.opposites)
    )


def _figure_topic(
    frames: Sequence[Frame], content: Sequence[Token], names: Sequence[Token], tokens: Sequence[Token], lex: Lexicon
) -> tuple[Token, ...]:
    """The claim words that say what its figures are: neither a counted noun, a name, a place nor a
    time word."""
    counted_words = {singular(w) for f in frames for w in f.counted.split()}
    place_words = {w for p in places_in(tokens, lex) for w in p.split()}  # "Kestrel Bay" is a place, not two words
    strong, weak = times_in(tokens, lex)
    name_starts = {t.start for t in names}
    # "Officials say the fire could reach ...": who says it is the attribution, not the topic.
    first = min((f.quantity.start for f in frames), default=0)
    said = next(
        (
            t.start
            for t in tokens
            if t.start < first and lex.has("report_cues", t.lower) and not lex.has("attribution_openers", t.lower)
        ),
        -1,
    )
    # "the share aged 65 and over": the bracket's opener says who, not what the figure is.
    bracket = frame_words().bracket_openers if any(f.role == "bracket" for f in frames) else frozenset()
    rates = rate_starts(tokens, lex)  # "$9,450 a year": how often, neither a time nor a topic word
    cues = _forecast_verbs(frames, tokens, lex)  # "plans a 5% rise": the stance, not the topic
    modifiers = time_modifier_starts(tokens, lex)  # "by late October": part of the time
    topic = tuple(
        t
        for t in content
        if t.start > said
        and t.start not in rates
        and t.start not in cues
        and t.lower not in bracket
        and singular(t.lower) not in counted_words
        and t.start not in name_starts
        and t.stem not in place_words
        and t.lower not in strong
        and t.lower not in weak
        and not lex.has("months", t.lower)
        and not lex.has("report_cues", t.lower)
        and t.start not in modifiers
    )
    levels = _level_verbs(frames, tokens, lex)
    if levels and any(t.start not in levels for t in topic):
        # "The toll rose to 31": a level, which needs no verb of change; a claim whose only word
        # about its figure is that verb ("The SNP was reduced to nine seats") keeps it.
        topic = tuple(t for t in topic if t.start not in levels)
    if not topic and names and names[0].start == 0 and not _common_first_word(names[0]):
        # "Turnout was 58.2%": a capitalised first word may be a name or a common word; as the
        # only word that says what the figure is, it is its topic.
        topic = (names[0],)
    return topic


def _forecast_verbs(frames: Sequence[Frame], tokens: Sequence[Token], lex: Lexicon) -> frozenset[int]:
    """Where forecast words stand as verbs ("plans a 5% rise", "expects to hire 300", "aims for
    40%"): followed by their object (``cue_objects``, or the figure). They give the figure's stance,
    which judging compares on its own; a noun ("the target was 5,500") says what the figure is."""
    objects = frame_words().cue_objects
    figures = {f.quantity.start for f in frames}
    return frozenset(
        t.start
        for t, nxt in itertools.pairwise(tokens)
        if lex.has("forecast_cues", t.lower) and (nxt.lower in objects or nxt.start in figures)
    )


def _level_verbs(frames: Sequence[Frame], tokens: Sequence[Token], lex: Lexicon) -> frozenset[int]:
    """Where verbs of change stand that give the level a figure reached ("rose to 15,383"): the
    verb, "to", then the figure (a hedge may come between: "rose to about 900")."""
    # Only a figure that says what it counts ("rose to 31 deaths", "the death toll rose to 31"):
    # with nothing counted ("the fare will rise to $2.75") the verb is what ties the figure down.
    starts = {f.quantity.start for f in frames if f.counted or f.implicit_act}
    found = set()
    for i, t in enumerate(tokens[:-1]):
        to = tokens[i + 1]
        if t.concept in lex.lists["level_acts"] and to.lower == "to" and to.start - t.end <= 1:
            after = to.end
            if any(after < s <= after + MAX_LEVEL_GAP for s in starts):
                found.add(t.start)
    return frozenset(found)


def _figure_plans(
    frames: Sequence[Frame],
    content: Sequence[Token],
    names: Sequence[Token],
    tokens: Sequence[Token],
    aliases: dict[str, frozenset[str]],
    lex: Lexicon,
) -> tuple[FigurePlan, ...]:
    """One plan per claim figure (a denominator or an age bracket is read with its figure, not
    checked alone)."""
    checked = [f for f in frames if f.role not in ("denominator", "bracket")]
    if not checked:
        return ()
    topic = _figure_topic(frames, content, names, tokens, lex)
    act, control = _act_and_control(topic, tokens, lex)
    if control is not None:
        topic = tuple(t for t in topic if t is not control)  # "ordered to forfeit": the act is forfeit
    topic_keys = tuple(word_keys(t, aliases) for t in topic)
    act_keys = word_keys(act, aliases) if act is not None else frozenset()
    plans = []
    for f in checked:
        counted = [*tokenize(f.counted, lex)]
        if f.generic:  # "Thai nationals": the people's name says whom too ("two Thais")
            counted += [t for t in tokens if t.capital and people_named(t) in f.modifiers]
        counted_keys = frozenset().union(*(word_keys(t, aliases) for t in counted))
        if f.counted == AGE and names:
            # "Bankman-Fried was 32 when he was sentenced": an age is the person's, whatever the
            # act around it; the person's names say what the figure is about.
            ages = tuple(names)
            plans.append(
                FigurePlan(f, ages, None, tuple(word_keys(t, aliases) for t in ages), frozenset(), counted_keys)
            )
        else:
            plans.append(FigurePlan(f, topic, act, topic_keys, act_keys, counted_keys))
    return tuple(plans)


def _place_sums(
    text: str, plans: tuple[FigurePlan, ...], tokens: Sequence[Token], lex: Lexicon
) -> tuple[FigurePlan, ...]:
    """Each figure with the counts of places it is said over: another figure of the claim that
    counts places (``place_count_nouns``) and follows it in its own clause, no comma, coordinator
    or relative word between ("52,000 marched in 24 other cities"; not "The bank, which operates in
    30 countries, cut 5,000 jobs", nor "left 200,000 homes without power and closed schools in 5
    counties")."""
    nouns = lex.lists["place_count_nouns"]
    places = [o for o in plans if singular(o.frame.counted or "?") in nouns]
    if not places:
        return plans
    words = frame_words()
    breaks = words.coordinators | words.relative_words
    out = []
    for fp in plans:
        start = fp.frame.quantity.end
        sums = frozenset(
            o.frame.counted
            for o in places
            if o is not fp
            and start <= (end := o.frame.quantity.start)
            and not any(c in text[start:end] for c in ",;:")
            and not any(start <= t.start < end and t.lower in breaks for t in tokens)
        )
        out.append(replace(fp, summed_over=sums) if sums else fp)
    return tuple(out)


def _claim_keys(
    mode: str,
    plans: Sequence[FigurePlan],
    names: Sequence[Token],
    content: Sequence[Token],
    aliases: dict[str, frozenset[str]],
    lex: Lexicon,
) -> frozenset[str]:
    """The index keys a source must hold to speak to the claim: its aliases, and its figures'
    counted nouns and topic words, or a statement's names (else its words)."""
    keys: set[str] = set()
    for extra in aliases.values():
        keys.update(extra)
    if mode == "figures":
        for p in plans:
            if p.frame.counted:
                keys.update(_word_keys(p.frame.counted.split()[-1], lex))
            if p.frame.generic:
                keys.update(p.counted_keys)  # "Thai nationals": also "two Thais"
            keys.update(k for t in p.topic for k in t.keys)
    else:
        keys.update(k for t in (names or content) for k in t.keys)
    return frozenset(keys)


def _check_checkable(claim: Claim, mode: str, content: Sequence[Token], plans: Sequence[FigurePlan]) -> None:
    """Raise when the claim gives nothing to check in its mode."""
    if mode == "statement" and len(content) < MIN_STATEMENT_TERMS:
        raise ClaimcheckError(
            f"claim {claim.id!r} has nothing to check: no figure and fewer than {MIN_STATEMENT_TERMS} content words",
            claim.path,
            claim.line,
            hint="state a figure or what was said or done, e.g. '1,386 arrested in 38 cities'",
        )
    if mode == "figures" and not plans:
        raise ClaimcheckError(
            f"claim {claim.id!r} is checked by its figures but states none",
            claim.path,
            claim.line,
            hint="write the figure in the text, or set 'mode: statement'",
        )


def _negated(text: str, content: Sequence[Token], lex: Lexicon) -> bool:
    """Whether the claim negates its predicate ("did not resign")."""
    negs = lex.lists["negations"]
    return any(negated_at(content, i, negs) for i in range(len(content))) or any(
        w in negs for w in text.lower().split()
    )


NEGATION_WINDOW = 5  # words before a predicate searched for "not", "never", ...


def negated_at(tokens: Sequence[Token], at: int, negations: frozenset[str], window: int = NEGATION_WINDOW) -> bool:
    """Whether a negation stands in the ``window`` words before ``tokens[at]``."""
    return any(t.lower in negations or t.lower.endswith("n't") for t in tokens[max(0, at - window) : at])


_PREDICATE_CONCEPTS = frozenset({"deny", "urge"})


def _place_heads(terms: Sequence[Token], places: frozenset[str], lex: Lexicon) -> tuple[Token, ...]:
    """The first word of each place among ``terms`` (``ClaimPlan.place_heads``)."""
    runs = adjacent_runs(t for t in terms if t.stem in places)
    return tuple(run[0] for run in runs if not (lex.has("months", run[0].lower) or lex.has("time_weak", run[0].lower)))


def _common_first_word(t: Token) -> bool:
    """Whether a claim's capitalised first word reads as a common word ("Protests", "Ridership")
    rather than a name ("Brightwell"): it has a lexicon concept or a common-noun ending."""
    return bool(t.concept) or t.lower.endswith(frame_words().common_noun_endings)


def main_act(topic: Sequence[Token], tokens: Sequence[Token], lex: Lexicon) -> Token | None:
    """The claim's verb for a figure ("injured" in "Nine firefighters were injured fighting the
    fire"): the first past tense or lexicon act among its topic words. A passage must hold it (or a
    synonym) in the figure's clause; the other topic words only need to be mostly there."""
    return _act_and_control(topic, tokens, lex)[0]


def _act_and_control(
    topic: Sequence[Token], tokens: Sequence[Token], lex: Lexicon
) -> tuple[Token | None, Token | None]:
    """(``main_act``, the control verb it was found through, if any: "ordered" in "ordered to
    forfeit $11 billion", whose act is "forfeit")."""
    determiners = frame_words().adjective_determiners
    previous = {t.start: tokens[i - 1].lower for i, t in enumerate(tokens) if i}
    for t in topic:
        if t.capital or lex.has("light_verbs", t.lower) or previous.get(t.start) in determiners:
            continue  # "the recalled heaters": a participle used as an adjective is not the act
        if t.lower.endswith("ed") or lex.has("irregular_verbs", t.lower) or (t.lower.endswith("ing") and t.concept):
            governed = _controlled(t, topic, tokens)
            return (governed, t) if governed is not None else (t, None)
    return None, None


def _controlled(t: Token, topic: Sequence[Token], tokens: Sequence[Token]) -> Token | None:
    """The verb a control verb governs ("ordered to forfeit $11 billion", "agreed to pay"): that is
    what the figure is about. A verb of a concept keeps its own reading ("forced to leave")."""
    if t.concept:
        return None
    at = next((i for i, x in enumerate(tokens) if x.start == t.start), -1)
    if 0 <= at < len(tokens) - 2 and tokens[at + 1].lower == "to":
        to, verb = tokens[at + 1], tokens[at + 2]
        if to.start - t.end <= 1 and verb.start - to.end <= 1:
            return next((x for x in topic if x.start == verb.start), None)
    return None


def _word_keys(word: str, lex: Lexicon) -> set[str]:
    toks = tokenize(word, lex)
    return {k for t in toks for k in t.keys}
