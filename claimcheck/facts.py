"""Stage 5b, facts: read a source into facts (its sentences with their tokens, index keys and the
frames of their figures) that judging looks up claim after claim.

Document facts depend on the text, so they can be cached and computed in parallel; a run reads the
figures of only the sentences its claims can use (``ClaimIndex.frame_keys``), and facts read for one
claim set are completed for another (``with_figures``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .answers import Asked, answered, asked_by
from .clauses import label_start
from .directions import change_marker_keys
from .frames import Frame, build_frames
from .lexicon import frame_words
from .model import Kind, Passage, Quantity, pickled_by_fields
from .places import place_names, places_in
from .quantities import extract_quantities
from .quantities.counted import counted_phrase
from .segment import LineIndex, is_question, segment
from .shares import read_shares
from .tallies import with_tallies
from .thresholds import read_thresholds
from .words import Lexicon, Token, is_content_word, lexicon, passage_keys, tokenize
from .zeros import read_zeros

_TIME_KINDS = (Kind.YEAR, Kind.DATE)


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
    all_places: frozenset[str] | None = None  # the words of the places all passages name
    written: dict[str, bool] = field(default_factory=dict)  # phrase -> whether a passage writes it
    other_heads: dict[tuple[str, str], bool] = field(default_factory=dict)  # (head, word before) -> another name
    lead_keys: frozenset[str] | None = None  # the keys of the source's opening (``focus.lead_keys``)
    mid_capitals: frozenset[str] | None = None  # the stems it capitalises mid-sentence (``focus.mid_capitals``)


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
    # Where numbers that are part of a name start ("QuickSeal 6", said again and again): no figures.
    name_numbers: frozenset[int] = frozenset()
    # Filled while judging; never pickled, never copied by ``replace``: each DocFacts starts its own.
    memo: DocMemo = field(default_factory=DocMemo, init=False, compare=False, repr=False)

    def places_named(self, k: int) -> frozenset[str]:
        """Stems of the places passage ``k`` names after a preposition."""
        named = self.memo.named_places
        found = named.get(k)
        if found is None:
            found = named[k] = place_names(self.passages[k].tokens)
        return found

    def all_places(self) -> frozenset[str]:
        """Stems of the words of every place the source puts a figure or an event in ("in South
        Korea", "near Muan"), anywhere in it."""
        if self.memo.all_places is None:
            lex = lexicon()
            places = frozenset().union(*(places_in(p.tokens, lex) for p in self.passages))
            self.memo.all_places = frozenset(w for place in places for w in place.split())
        return self.memo.all_places

    def writes(self, phrase: str) -> bool:
        """Whether a passage of the source writes ``phrase`` as it stands (a name in full), found
        once per phrase: every passage judged for a claim asks."""
        found = self.memo.written.get(phrase)
        if found is None:
            found = self.memo.written[phrase] = any(phrase in p.passage.text for p in self.passages)
        return found

    def by_head(self, name: Sequence[Token], tokens: Sequence[Token], after: frozenset[str] | None = None) -> bool:
        """Whether ``tokens`` refer to ``name``, a name of several words, by "the" and its last word
        ("the valley" for "the Tarrow Valley", "the council" for "Ostby City Council"), in a source
        that writes the whole name somewhere and no other name with that last word ("the Hesketh
        valley" too makes "the valley" either). Not "the Harwick council" nor "another valley": the
        word must follow "the" itself; with ``after``, "the" must follow one of those words ("in the
        valley", not "outside the valley" nor "the east of the valley")."""
        head = name[-1].stem
        if len(name) < 2 or not any(
            t.stem == head
            and i
            and tokens[i - 1].lower == "the"
            and (after is None or (i > 1 and tokens[i - 2].lower in after))
            for i, t in enumerate(tokens)
        ):
            return False
        if not self.writes(" ".join(t.text for t in name)):
            return False
        return not self._names_another(head, name[-2].stem)

    def _names_another(self, head: str, before: str) -> bool:
        """Whether a passage names another name with the last word ``head`` than the one whose word
        before it is ``before`` ("the Derran Valley", "the next valley"), found once per name."""
        key = (head, before)
        found = self.memo.other_heads.get(key)
        if found is None:
            lex = lexicon()
            found = self.memo.other_heads[key] = any(
                t.stem == head
                and i
                and (
                    ((word := tokens[i - 1]).capital and word.stem != before and is_content_word(word, lex))
                    or word.lower in _OTHER_PLACE_WORDS  # "the next valley", "a neighbouring council"
                )
                for tokens in (p.tokens for p in self.passages)
                for i, t in enumerate(tokens)
            )
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


# What a label ends with ("Deaths: 25"); before a key in a frame key set, a key that counts only in
# a sentence with one (``label_key``).
LABEL = ":"


def label_key(key: str) -> str:
    """The frame key of ``key`` for a label ("Road repairs: €6.2 million"): a word that finds a
    claim's figure only where a label states it, so only a sentence with a colon is read for it."""
    return LABEL + key


def reads(frame_keys: frozenset[str], keys: frozenset[str], text: str) -> bool:
    """Whether a sentence (its ``keys`` and ``text``) has its figures read for ``frame_keys``: it
    holds one of them, or, with a colon, the key of a label key among them (``label_key``)."""
    if not frame_keys.isdisjoint(keys):
        return True
    return LABEL in text and any(LABEL + k in frame_keys for k in keys)


def analyze_text(
    path: str, text: str, lines: LineIndex | None = None, frame_keys: frozenset[str] | None = None
) -> DocFacts:
    """Facts of one source text: sentences, their tokens and keys, and the frames of their figures.
    With ``frame_keys`` (a claim set's ``ClaimIndex.frame_keys``) only the sentences they read
    (``reads``) have their figures read: no figure elsewhere can align with those claims' figures,
    and reading figures is most of the cost of a source."""
    lex = lexicon()
    facts = []
    names = name_numbers(text, lex)
    mentions: dict[str, int] = defaultdict(int)  # place -> sentences naming it
    asked: Asked | None = None  # what the sentence before asked, if a "how many" question
    for p in segment(text, lines):
        tokens = tokenize(p.text, lex, offset=p.start)
        for place in places_in(tokens, lex):
            mentions[place] += 1
        keys = passage_keys(tokens) | change_marker_keys(p.text, p.start, tokens)
        if asked is not None and extract_quantities(p.text):
            keys |= asked.keys  # "About 140.": the answer says it in the question's words
        read = frame_keys is None or reads(frame_keys, keys, p.text)
        frames = read_figures(p, tokens, lex, asked, names) if read else ()
        facts.append(PassageFacts(p, tuple(tokens), keys, frames))
        asked = asked_by(p.text, tokens, lex)
    return DocFacts(path, tuple(facts), scope_places(mentions), framed=frame_keys, name_numbers=names)


def unread(doc: DocFacts, p: PassageFacts) -> bool:
    """Whether passage ``p`` of ``doc`` has its figures left unread."""
    return doc.framed is not None and not reads(doc.framed, p.keys, p.passage.text)


def with_figures(doc: DocFacts, keys: frozenset[str]) -> DocFacts:
    """``doc`` with the figures read in every sentence ``keys`` reads (``reads``): facts read for
    another claim set (from the cache, say) may have left some unread."""
    framed = doc.framed
    if framed is None or keys <= framed:
        return doc
    return _read_where(doc, lambda p: reads(keys, p.keys, p.passage.text), framed | keys)


def with_figures_where(doc: DocFacts, wanted: Callable[[PassageFacts], bool]) -> DocFacts:
    """``doc`` with the figures also read in each unread sentence that ``wanted`` passes. What it
    has ``framed`` stays as it was: the sentences read here are found by another test, and a later
    ``with_figures`` reads them again rather than missing one."""
    if doc.framed is None:
        return doc
    return _read_where(doc, wanted, doc.framed)


def with_every_figure(doc: DocFacts) -> DocFacts:
    """``doc`` with the figures of every sentence read (see ``with_figures``)."""
    if doc.framed is None:
        return doc
    return _read_where(doc, lambda _: True, None)


def _read_where(doc: DocFacts, wanted: Callable[[PassageFacts], bool], framed: frozenset[str] | None) -> DocFacts:
    """``doc`` with the figures read in each unread sentence ``wanted`` passes; ``framed`` is what
    the result has framed (None: all)."""
    lex = lexicon()
    passages = tuple(
        replace(p, frames=read_figures(p.passage, p.tokens, lex, _asked_before(doc, k, lex), doc.name_numbers))
        if unread(doc, p) and wanted(p)
        else p
        for k, p in enumerate(doc.passages)
    )
    return replace(doc, passages=passages, framed=framed)


def _asked_before(doc: DocFacts, k: int, lex: Lexicon) -> Asked | None:
    """What the passage before passage ``k`` asks, if a "how many" question (see ``analyze_text``)."""
    if k == 0:
        return None
    before = doc.passages[k - 1]
    return asked_by(before.passage.text, before.tokens, lex)


_LINE_BREAKS = str.maketrans("\r\n", "  ")  # one space each: every offset holds
_BULLET_DASH = ("- ", "-\t")  # a list item's mark, which the number reader would take for a minus


def read_figures(
    p: Passage, tokens: Sequence[Token], lex: Lexicon, asked: Asked | None = None, names: frozenset[int] = frozenset()
) -> tuple[Frame, ...]:
    """The frames of the figures of one sentence. Numbers are read within their sentence: a figure
    belongs to one, and a sentence no claim can use need not be read at all. A sentence wrapped
    over lines is read as one line ("up 3.4\npercentage points" is a change in points): a space
    for each line break keeps every offset. A list item's dash is no minus sign ("- 40 people
    died"): a space in its place keeps the offsets too."""
    text = " " + p.text[1:] if p.text.startswith(_BULLET_DASH) else p.text
    if "\n" in text:
        qs = [
            replace(q, text=written) if (written := p.text[q.start - p.start : q.end - p.start]) != q.text else q
            for q in extract_quantities(text.translate(_LINE_BREAKS), p.start)
        ]
    else:
        qs = extract_quantities(text, p.start)
    qs = read_zeros(p.text, p.start, tokens, qs)
    if names:
        qs = [q for q in qs if q.start not in names]  # "QuickSeal 6": a name, no figure
    if not qs:  # most sentences hold no number
        return ()
    qs = read_thresholds(p.text, p.start, read_shares(p.text, p.start, qs))
    figures = without_label_numbers(p.text, p.start, [q for q in qs if q.is_figure])
    # A sentence of figures with no content word ("1,1,1,…", "½ ⅓ ½ ⅓") says nothing a claim's
    # figure could align with (that needs its counted noun, act or topic words): no frames.
    if not figures or (asked is None and not any(is_content_word(t, lex) for t in tokens)):
        return ()  # an answer ("We have done about 90.") says it in the question's words
    years = [q for q in qs if q.kind in _TIME_KINDS]
    frames = with_tallies(build_frames(p.text, p.start, figures, tokens, lex, years), p.text, p.start, tokens, lex)
    return answered(frames, asked) if asked is not None else frames


_NAME_NUMBER = re.compile(r"\b([A-Z][A-Za-z-]*[a-z][A-Za-z-]*) (\d{1,4}(?:\.\d+)?)(?![\d%,.]?\d)(?!\s*(?:%|per\b))")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")
NAME_NUMBER_REPEATS = 2  # a capitalised word and a number said together this often are one name
WORD_BEFORE_REACH = 12  # characters before a name searched for the word that makes it a noun


def name_numbers(text: str, lex: Lexicon) -> frozenset[int]:
    """Offsets of the numbers that are part of a name a source says again and again ("the QuickSeal
    6", "under Article 49.3", "a Category 4 storm"): a capitalised word, a space and a number that
    recur together, at least once after a determiner or a preposition that makes them one noun
    (lexicon/frames.yaml name_number_openers); the word no month (a date is a time, read as one).
    A figure after a name ("Labour 412, Tories 121") follows no such word."""
    found: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for m in _NAME_NUMBER.finditer(text):
        found[m.group(1), m.group(2)].append((m.start(1), m.start(2)))
    openers = frame_words().name_number_openers
    names: list[int] = []
    for (word, _), places in found.items():
        if len(places) < NAME_NUMBER_REPEATS or lex.has("months", word.lower()):
            continue
        before = (_WORD_BEFORE.search(text, max(0, at - WORD_BEFORE_REACH), at) for at, _ in places)
        if any(b is not None and b.group(1).lower() in openers for b in before):
            names.extend(number for _, number in places)
    return frozenset(names)


def without_label_numbers(text: str, offset: int, figures: list[Quantity]) -> list[Quantity]:
    """The figures that are not words of a label: in a line "Label: value" ("0–14, 2024: 813,850",
    "Households of 3 or more: 412,000") the value is all that follows its one colon, and a number
    before it that counts nothing (no noun, no unit after it) names the row, an age or size band,
    not a figure the line states. A colon in prose that goes on after its figure ("cut 300 jobs:
    120 in parks"), a line with two ("Revenue: $5.2bn (2023: $4.8bn)") and a number with its noun
    ("Labour 412 seats, Lib Dems: 72") keep every figure."""
    if text.count(LABEL) != 1 or len(figures) < 2:
        return figures
    colon = text.index(LABEL)
    value = len(text) - len(text[colon + 1 :].lstrip())
    last = figures[-1]
    if last.start - offset != value or text[last.end - offset :].strip(_LINE_END):
        return figures
    lo = label_start(text, colon)
    return [
        q
        for q in figures
        if not (
            lo <= q.start - offset
            and q.end - offset <= colon
            and not q.unit
            and not counted_phrase(text, q.end - offset)
        )
    ]


_OTHER_PLACE_WORDS = frame_words().other_place_words
_LINE_END = " \t\r\n.;,)"  # what may follow a label line's value


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
