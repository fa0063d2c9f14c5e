"""Stage 5, match: read each claim into a plan (its figures with their frames, its topic words) and
each source into facts (sentences with their figures' frames and index keys), and find for a claim
the passages that may speak to it through an index from words and concepts to passages.

Document facts depend on the text, so they can be cached and computed in parallel; a run reads the
figures of only the sentences its claims can use (``ClaimIndex.frame_keys``), and facts read for one
claim set are completed for another (``with_figures``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ClaimcheckError
from .frames import Frame, build_frames, name_phrases, places_in, times_in
from .model import Claim, Kind, Passage, pickled_by_fields
from .quantities import extract_quantities
from .segment import LineIndex, segment
from .words import Lexicon, Token, lexicon, passage_keys, singular, term_in, tokenize

MIN_STATEMENT_TERMS = 2  # a claim with no figure needs at least this many content words to be checkable
_TIME_KINDS = (Kind.YEAR, Kind.DATE)


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
    anchor_groups: tuple[frozenset[str], ...] = field(default=(), compare=False, repr=False)
    # Keys a passage word holds when it is one of the claim's predicate words (or, with none, its
    # common words): where a statement is anchored in a sentence.
    predicate_keys: frozenset[str] = field(default=frozenset(), compare=False, repr=False)

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

    def has(self, term: Token, keys: frozenset[str], names: Sequence[str] = ()) -> bool:
        """Whether claim word ``term`` is present among a passage's ``keys`` (its own concept or stem,
        a claim alias, or for a name a close spelling of one of ``names``)."""
        extra = self.aliases.get(term.stem)
        if extra and not extra.isdisjoint(keys):
            return True
        return term_in(term, keys, names)


@dataclass(frozen=True, slots=True)
class PassageFacts:
    passage: Passage
    tokens: tuple[Token, ...]
    keys: frozenset[str]
    frames: tuple[Frame, ...]

    def __reduce__(self) -> tuple[Callable[..., PassageFacts], tuple[object, ...]]:
        # By its fields, the tokens as plain tuples: a named tuple pickles through a Python-level
        # __getnewargs__, and tokens are most of a cached document (half the time to store it).
        return _passage_facts, (self.passage, tuple(map(tuple, self.tokens)), self.keys, self.frames)


_new_tuple = tuple.__new__


def _passage_facts(
    passage: Passage, tokens: tuple[tuple[Any, ...], ...], keys: frozenset[str], frames: tuple[Frame, ...]
) -> PassageFacts:
    """A PassageFacts unpickled: its tokens made Tokens again."""
    return PassageFacts(passage, tuple([_new_tuple(Token, t) for t in tokens]), keys, frames)


@dataclass(slots=True)
class DocMemo:
    """What judging works out from a DocFacts, kept for the next claim (not frozen: it fills up)."""

    keys: frozenset[str] | None = None  # the union of the passages' keys
    passage_index: dict[str, tuple[int, ...]] | None = None  # key -> the passages (not questions) holding it
    named_places: dict[int, frozenset[str]] = field(default_factory=dict)  # passage -> the places it names


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class DocFacts:
    """What a source says, ready for judging: its sentences with tokens, keys and figure frames."""

    path: str
    passages: tuple[PassageFacts, ...]
    scope: frozenset[str] = frozenset()
    # Whose figures were read: None, every sentence's; else those of the sentences holding one of
    # these keys (see ``ClaimIndex.frame_keys``, ``with_figures``). The others have no frames yet.
    framed: frozenset[str] | None = None
    # Filled while judging; never pickled, never copied by ``replace``: each DocFacts starts its own.
    memo: DocMemo = field(default_factory=DocMemo, init=False, compare=False, repr=False)

    def places_named(self, k: int) -> frozenset[str]:
        """Stems of the places passage ``k`` names after a preposition."""
        named = self.memo.named_places
        found = named.get(k)
        if found is None:
            found = named[k] = place_names(self.passages[k].tokens)
        return found

    def keys(self) -> frozenset[str]:
        """The union of the passages' keys, computed once: every claim judged against the source asks."""
        if self.memo.keys is None:
            self.memo.keys = frozenset().union(*(p.keys for p in self.passages))
        return self.memo.keys

    def passages_with(self, keys: Iterable[str]) -> list[int]:
        """Indexes of the passages holding any of ``keys``, in order; questions are left out."""
        passage_index = self.memo.passage_index
        if passage_index is None:
            index: dict[str, list[int]] = defaultdict(list)
            for k, p in enumerate(self.passages):
                if not is_question(p.passage.text):
                    for key in p.keys:
                        index[key].append(k)
            passage_index = self.memo.passage_index = {key: tuple(v) for key, v in index.items()}
        found: set[int] = set()
        for key in keys:
            found.update(passage_index.get(key, ()))
        return sorted(found)


def _function_word(t: Token, lex: Lexicon) -> bool:
    return lex.has("stopwords", t.lower) or lex.has("light_verbs", t.lower)


def _content_word(t: Token, lex: Lexicon) -> bool:
    """A word with letters that is not a function word (digits and "½" are figures, not words)."""
    return not _function_word(t, lex) and any(c.isalpha() for c in t.lower)


def content_tokens(tokens: Iterable[Token], lex: Lexicon) -> list[Token]:
    return [t for t in tokens if not _function_word(t, lex)]


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
    return out


def plan_claim(claim: Claim) -> ClaimPlan:
    """Read a claim: its figures and frames, its topic words, and how it will be checked."""
    lex = lexicon()
    text = claim.text
    tokens = tokenize(text, lex)
    quantities = extract_quantities(text)
    figures_q = [q for q in quantities if q.is_figure]
    years = [q for q in quantities if q.kind in _TIME_KINDS]
    frames = build_frames(text, 0, figures_q, tokens, lex, years)
    # Words inside a figure are not words of the claim; a word inside a number that is no figure
    # ("LUMEN-3", "Su-57": a name with a number in it) still is.
    in_figure = {
        t.start
        for q in quantities
        for t in tokens
        if q.start <= t.start < q.end and (q.is_figure or not any(c.isalpha() for c in t.text))
    }
    counted_words = {singular(w) for f in frames for w in f.counted.split()}
    places = places_in(tokens, lex)
    place_words = {w for p in places for w in p.split()}  # "Kestrel Bay" is a place, not two topic words
    strong, weak = times_in(tokens, lex)
    content = [t for t in content_tokens(tokens, lex) if t.start not in in_figure]
    place_starts = _place_name_starts(tokens)
    names = tuple(
        t
        for t in content
        if t.capital
        and (t.start > 0 or not _common_first_word(t))
        and not lex.has("months", t.lower)
        and t.start not in place_starts
        and not lex.has("time_weak", t.lower)
    )
    name_starts = {t.start for t in names}
    # The predicate of a statement: its verbs (past tenses, lexicon acts), which a passage must hold
    # (or their opposite, which makes it state the negation). Speech verbs only frame what was said.
    predicates = tuple(
        t
        for t in content
        if not t.capital
        and not lex.has("speech_verbs", t.lower)
        and not lex.has("report_cues", t.lower)
        and (t.concept in _PREDICATE_CONCEPTS or t.lower.endswith("ed") or t.concept in lex.opposites)
    )
    denial_frame = any(t.concept == "deny" for t in content)
    mode = claim.mode if claim.mode != "auto" else ("statement" if not frames or denial_frame else "figures")
    aliases = _alias_keys(claim, lex)
    plans = []
    for f in frames:
        if f.role == "denominator":
            continue
        topic = tuple(
            t
            for t in content
            if singular(t.lower) not in counted_words
            and t.start not in name_starts
            and t.stem not in place_words
            and t.lower not in strong
            and t.lower not in weak
            and not lex.has("report_cues", t.lower)
        )
        if not topic and names and names[0].start == 0 and not _common_first_word(names[0]):
            # "Turnout was 58.2%": a capitalised first word may be a name or a common word; as the
            # only word that says what the figure is, it is its topic.
            topic = (names[0],)
        act = main_act(topic, tokens, lex)
        counted = frozenset().union(*(word_keys(t, aliases) for t in tokenize(f.counted, lex)))
        plans.append(
            FigurePlan(
                f,
                topic,
                act,
                tuple(word_keys(t, aliases) for t in topic),
                word_keys(act, aliases) if act is not None else frozenset(),
                counted,
            )
        )
    keys: set[str] = set()
    for extra in aliases.values():
        keys.update(extra)
    if mode == "figures":
        for p in plans:
            if p.frame.counted:
                keys.update(_word_keys(p.frame.counted.split()[-1], lex))
            keys.update(k for t in p.topic for k in t.keys)
    else:
        keys.update(k for t in (names or content) for k in t.keys)
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
    places_named = place_names(tokens)
    negs = lex.lists["negations"]
    negated = any(negated_at(content, i, negs) for i in range(len(content))) or any(
        w in negs for w in text.lower().split()
    )
    plan = ClaimPlan(
        claim,
        mode,
        tuple(plans),
        tuple(content),
        names,
        name_phrases(tokens),
        predicates,
        frozenset(keys),
        lex,
        aliases,
        places_named,
        negated,
    )
    return replace(plan, anchor_groups=plan._anchors(), predicate_keys=plan._predicate_keys())


NEGATION_WINDOW = 5  # words before a predicate searched for "not", "never", ...


def negated_at(tokens: Sequence[Token], at: int, negations: frozenset[str]) -> bool:
    """Whether a negation stands in the few words before ``tokens[at]``."""
    return any(t.lower in negations or t.lower.endswith("n't") for t in tokens[max(0, at - NEGATION_WINDOW) : at])


_PREDICATE_CONCEPTS = frozenset({"deny", "urge"})
_NAME_PREPOSITIONS = frozenset({"in", "at", "near", "into", "for", "from", "across", "of", "to"})


def place_names(tokens: Sequence[Token]) -> frozenset[str]:
    """Stems of the capitalised words after a preposition: the places a sentence names."""
    starts = _place_name_starts(tokens)
    return frozenset(t.stem for t in tokens if t.start in starts)


def _place_name_starts(tokens: Sequence[Token]) -> set[int]:
    """Offsets of capitalised words after a preposition ("for Tollan County", "in Moscow"): places
    a passage may leave to its context, unlike the names of who did what."""
    out: set[int] = set()
    for i, t in enumerate(tokens[1:], 1):
        if t.capital and (tokens[i - 1].lower in _NAME_PREPOSITIONS or tokens[i - 1].start in out):
            out.add(t.start)
    return out


_COMMON_SUFFIX = re.compile(r"(?:ing|ship|tion|sion|ment|ness|ity|ance|ence|age|ure|ers|ies|ists|ants|ents)$")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "these", "those", "of", "his", "her", "our"})


def _common_first_word(t: Token) -> bool:
    """Whether a claim's capitalised first word reads as a common word ("Protests", "Ridership")
    rather than a name ("Brightwell"): it has a lexicon concept or a common-noun ending."""
    return bool(t.concept) or bool(_COMMON_SUFFIX.search(t.lower))


def main_act(topic: Sequence[Token], tokens: Sequence[Token], lex: Lexicon) -> Token | None:
    """The claim's verb for a figure ("injured" in "Nine firefighters were injured fighting the
    fire"): the first past tense or lexicon act among its topic words. A passage must hold it (or a
    synonym) in the figure's clause; the other topic words only need to be mostly there."""
    previous = {t.start: tokens[i - 1].lower for i, t in enumerate(tokens) if i}
    for t in topic:
        if t.capital or lex.has("light_verbs", t.lower) or previous.get(t.start) in _DETERMINERS:
            continue  # "the recalled heaters": a participle used as an adjective is not the act
        if t.lower.endswith("ed") or lex.has("irregular_verbs", t.lower) or (t.lower.endswith("ing") and t.concept):
            return t
    return None


def _word_keys(word: str, lex: Lexicon) -> set[str]:
    toks = tokenize(word, lex)
    return {k for t in toks for k in t.keys}


def analyze_text(
    path: str, text: str, lines: LineIndex | None = None, frame_keys: frozenset[str] | None = None
) -> DocFacts:
    """Facts of one source text: sentences, their tokens and keys, and the frames of their figures.
    With ``frame_keys`` (a claim set's ``ClaimIndex.frame_keys``) only the sentences holding one of
    them have their figures read: no figure elsewhere can align with those claims' figures, and
    reading figures is most of the cost of a source."""
    lex = lexicon()
    facts = []
    mentions: dict[str, int] = defaultdict(int)  # place -> sentences naming it
    for p in segment(text, lines):
        tokens = tokenize(p.text, lex, offset=p.start)
        for place in places_in(tokens, lex):
            mentions[place] += 1
        keys = passage_keys(tokens)
        frames = read_figures(p, tokens, lex) if frame_keys is None or not frame_keys.isdisjoint(keys) else ()
        facts.append(PassageFacts(p, tuple(tokens), keys, frames))
    return DocFacts(path, tuple(facts), scope_places(mentions), framed=frame_keys)


def with_figures(doc: DocFacts, keys: frozenset[str]) -> DocFacts:
    """``doc`` with the figures read in every sentence holding one of ``keys``: facts read for
    another claim set (from the cache, say) may have left some unread."""
    framed = doc.framed
    if framed is None or keys <= framed:
        return doc
    lex = lexicon()
    passages = tuple(
        replace(p, frames=read_figures(p.passage, p.tokens, lex))
        if framed.isdisjoint(p.keys) and not keys.isdisjoint(p.keys)
        else p
        for p in doc.passages
    )
    return replace(doc, passages=passages, framed=framed | keys)


def with_every_figure(doc: DocFacts) -> DocFacts:
    """``doc`` with the figures of every sentence read (see ``with_figures``)."""
    if doc.framed is None:
        return doc
    lex = lexicon()
    passages = tuple(
        replace(p, frames=read_figures(p.passage, p.tokens, lex)) if doc.framed.isdisjoint(p.keys) else p
        for p in doc.passages
    )
    return replace(doc, passages=passages, framed=None)


def read_figures(p: Passage, tokens: Sequence[Token], lex: Lexicon) -> tuple[Frame, ...]:
    """The frames of the figures of one sentence. Numbers are read within their sentence: a figure
    belongs to one, and a sentence no claim can use need not be read at all."""
    qs = extract_quantities(p.text, p.start)
    if not qs:  # most sentences hold no number
        return ()
    figures = [q for q in qs if q.is_figure]
    # A sentence of figures with no content word ("1,1,1,…", "½ ⅓ ½ ⅓") says nothing a claim's
    # figure could align with (that needs its counted noun, act or topic words): no frames.
    if not figures or not any(_content_word(t, lex) for t in tokens):
        return ()
    years = [q for q in qs if q.kind in _TIME_KINDS]
    return tuple(build_frames(p.text, p.start, figures, tokens, lex, years))


MIN_SCOPE_MENTIONS = 3  # a place named this often, and most often, is what the whole source is about


def scope_places(counts: dict[str, int]) -> frozenset[str]:
    """The place a source is about, from the number of sentences naming each place: the place named
    in the most sentences, if named in several."""
    if not counts:
        return frozenset()
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top, n = ranked[0]
    if n < MIN_SCOPE_MENTIONS or (len(ranked) > 1 and ranked[1][1] == n):
        return frozenset()
    return frozenset({top})


class ClaimIndex:
    """Index keys -> claims, built once per run, so a source finds the claims it may speak to by
    looking up its own words rather than by trying every claim.

    Statement claims are found per passage, through their anchor words. Figure claims are found per
    source *figure*: through the claim's act (or topic words), which must stand in the figure's
    clause (or, for a claim with neither, any claim word in the passage), and its places, which
    must not name another place. Both lookups give a superset of the
    claims the judge can align, so the cost of a source grows with the claims that share its
    figures' words, not with the size of the claim set."""

    def __init__(self, plans: Sequence[ClaimPlan]) -> None:
        self.plans = list(plans)
        self._by_key: dict[str, list[int]] = defaultdict(list)
        self._anchors = [plan.anchors() for plan in self.plans]
        # (kind, clause key) -> first word of a claim place ("" for none) -> (claim, figure) pairs
        self._figures: dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        # The same for figures with neither act nor topic words, keyed by every claim key: only a
        # figure of their kind, in a passage that shares a key with the claim, can align with them.
        self._any_figure: dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        # Figures with an act, keyed by their other topic words too: a label states a figure with
        # no verb ("Road repairs, Budget 2025: €6.2 million"), so it finds them without the act.
        self._labelled: dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for i, plan in enumerate(self.plans):
            if plan.mode == "figures":
                self._index_figures(i, plan)
                continue
            # A claim with anchors is found through its first group only; the others are checked
            # after, so a source is judged against few claims however many there are.
            for key in self._anchors[i][0] if self._anchors[i] else plan.keys:
                self._by_key[key].append(i)
        self._figures = {key: dict(by_place) for key, by_place in self._figures.items()}  # picklable
        self._any_figure = {key: dict(by_place) for key, by_place in self._any_figure.items()}
        self._labelled = {key: dict(by_place) for key, by_place in self._labelled.items()}
        # The keys a sentence must hold for one of its figures to find a claim here: only those
        # sentences need their figures read (``analyze_text``).
        self.frame_keys = frozenset(
            key for table in (self._figures, self._any_figure, self._labelled) for _, key in table
        )
        self.has_statements = bool(self._by_key)
        # Every key of the figure claims: a source whose opening holds one frames all its figures
        # for them (``judge.judge_doc``), as ``candidate_passages`` reads them one claim at a time.
        self.figure_claim_keys = frozenset().union(*(p.keys for p in self.plans if p.mode == "figures"))

    def _index_figures(self, i: int, plan: ClaimPlan) -> None:
        for j, fp in enumerate(plan.figures):
            # The keys of the act, else of any topic word, else (neither) of any claim word.
            table, keys = self._figures, fp.act_keys if fp.act is not None else frozenset().union(*fp.topic_keys)
            if fp.act is not None and fp.frame.counted:
                # A figure of the same counted noun may speak to the claim without its act (checks.on_topic).
                keys = keys | fp.counted_keys
            if fp.act is None and not fp.topic:
                table, keys = self._any_figure, plan.keys
            places = {p.split()[0] for p in fp.frame.places} or {""}
            kind = fp.frame.quantity.kind
            for key in keys:
                for place in places:
                    table[kind, key][place].append((i, j))
            if fp.act is not None:
                others = frozenset().union(
                    *(k for t, k in zip(fp.topic, fp.topic_keys, strict=True) if t is not fp.act)
                )
                for key in others:
                    for place in places:
                        self._labelled[kind, key][place].append((i, j))

    def candidates(self, keys: Iterable[str]) -> list[int]:
        """The statement claims whose anchor words all stand among ``keys`` (a source's or a
        passage's), and which share a key with them."""
        keys = keys if isinstance(keys, (set, frozenset)) else frozenset(keys)
        found: set[int] = set()
        for key in keys:
            found.update(self._by_key.get(key, ()))
        return sorted(
            i
            for i in found
            if all(not group.isdisjoint(keys) for group in self._anchors[i]) and not self.plans[i].keys.isdisjoint(keys)
        )

    def figure_candidates(
        self, frame: Frame, passage_keys: frozenset[str], scope: frozenset[str], lead: frozenset[str] = frozenset()
    ) -> set[tuple[int, int]]:
        """(claim, figure) pairs that may align with a source figure: a figure of the same kind
        whose act or a topic word stands in the figure's clause or the source's opening (``lead``),
        and which names no place, or one the figure, the sentence or the source's scope may hold."""
        kind = frame.quantity.kind
        found: set[tuple[int, int]] = set()
        words: set[str] | None = None
        tables = [(self._figures, frame.topic_keys | lead), (self._any_figure, passage_keys | lead)]
        if frame.labelled:
            tables.append((self._labelled, frame.topic_keys | lead))
        for table, keys in tables:
            if not table:
                continue
            for key in keys:
                by_place = table.get((kind, key))
                if not by_place:
                    continue
                if not frame.places:
                    for pairs in by_place.values():
                        found.update(pairs)
                    continue
                if words is None:
                    words = {"", *passage_keys, *(p.split()[0] for p in frame.places | scope)}
                if len(by_place) < len(words):
                    for place, pairs in by_place.items():
                        if place in words:
                            found.update(pairs)
                else:
                    for place in words:
                        found.update(by_place.get(place, ()))
        return found


def is_question(text: str) -> bool:
    return text.rstrip(" \t\n\"'”’)]").endswith("?")


def candidate_passages(plan: ClaimPlan, doc: DocFacts, lead: frozenset[str] = frozenset()) -> list[int]:
    """Indexes of the passages of ``doc`` that share a key with the claim (and hold a figure, for a
    claim checked by its figures). With ``lead``, the keys of the source's opening, which frame its
    every figure: when they share a key with a figure claim, every passage with figures."""
    if plan.mode == "figures" and not plan.keys.isdisjoint(lead):
        return [k for k, p in enumerate(doc.passages) if p.frames and not is_question(p.passage.text)]
    # A question asserts nothing ("Did 500 people die?"): the index leaves questions out.
    found = doc.passages_with(plan.keys)
    if plan.mode == "figures":
        return [k for k in found if doc.passages[k].frames]
    return found
