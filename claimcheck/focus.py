"""What a source is about, as a claim's names ask it, and what surrounds each passage: the source's
opening, the sentence before a figure, the other cells of its table (docs/verdicts.md, alignment).
Found once per source and shared by every claim judged against it."""

from __future__ import annotations

from collections.abc import Sequence

from .cells import row_parts, row_years, table_rival_keys
from .denials import CLAUSE_BREAK
from .facts import DocFacts, PassageFacts
from .frames import Frame
from .lexicon import english
from .model import Stance
from .pairs import Context
from .parts import opens_on_a_part
from .plan import ClaimPlan
from .replies import ANSWERABLE, asked_and_denied, calls_it_false, denies_what_came_before
from .words import Token, lexicon

_NEGATIONS = lexicon().lists["negations"]
# "On Monday", "In March", "The": capitalised words that name no one
NOT_NAMES = lexicon().union("months", "time_weak", "stopwords", "light_verbs")

_TAKEN_BACK = (Stance.REPORTED, Stance.STATED)  # what a next sentence's "That is wrong" denies
LEAD_SENTENCES = 2  # a source's opening (headline, byline, first sentences) says what it is about
LEAD_MAX_PASSAGES = 12  # ... however many header lines come first
MIN_NAME_PASSAGES = 2  # passages naming a claim's name for the source to be about it beyond its opening


class NameFocus:
    """What a source is about, as a claim's names ask it (docs/verdicts.md, alignment). A claim's
    names ("the Dunmore fire", "tavorelib") fix what it speaks of: a source that never names them
    is silent on it, and one that names them only once, in passing, away from its opening ("crews
    were already committed to the Dunmore fire", in a story on another fire) is about something
    else: its figures speak to the claim only in the passage that names them."""

    def __init__(self, doc: DocFacts) -> None:
        self.doc = doc
        self._capitals: list[list[str]] | None = None
        self._names: list[str] | None = None
        self.lead = lead_size(doc)
        self._context: Context | None = None
        self._aside: dict[int, tuple[tuple[Token, ...], tuple[str, ...]]] = {}
        self._contexts: dict[int, Context] = {}  # passage -> its context, found once

    @property
    def context(self) -> Context:
        """The source's context for the checks."""
        if self._context is None:
            self._context = Context(self.doc.scope, lead_keys(self.doc), doc=self.doc)
        return self._context

    def context_at(self, k: int) -> Context:
        """The source's context for the figures of passage ``k``: with the words of the sentence
        before it when that one holds no digit and no negation, and the words only the other cells
        of its table have as their row label or column header (docs/verdicts.md, alignment)."""
        found = self._contexts.get(k)
        if found is not None:
            return found
        context = self.context
        passages = self.doc.passages
        prior: frozenset[str] = frozenset()
        before = passages[k - 1] if k > 0 else None
        # Not a sentence that negates what it names ("The union never held a ballot.").
        if (
            before is not None
            and not any(c.isdigit() for c in before.passage.text)
            and _NEGATIONS.isdisjoint(t.lower for t in before.tokens)
        ):
            prior = before.keys
        others = table_rival_keys(passages, k)
        group = before.keys if before is not None and opens_on_a_part(passages[k].tokens) else frozenset()
        years = row_years(passages, k)
        part_row, parts = row_parts(passages, k)
        if prior or others or group or years or part_row or parts:
            context = Context(
                context.scope, context.lead_keys, prior, others, group, years, part_row, parts, doc=self.doc
            )
        self._contexts[k] = context
        return context

    def frames(self, k: int) -> tuple[Frame, ...]:
        """The frames of passage ``k``, its reported figures denied when the next passage opens by
        denying what came before ("There are reports that 30 were hurt." "That's not right.")."""
        frames = self.doc.passages[k].frames
        passages = self.doc.passages
        if k + 1 < len(passages) and any(f.stance in _TAKEN_BACK for f in frames):
            # A reported figure is taken back by any denial that follows ("That's not right."); one
            # the writer states, only by a sentence that calls it false in so many words ("the line
            # we will hear at every open day: one in four ... That figure is wrong."): it was
            # someone else's.
            taken = {Stance.REPORTED} if denies_what_came_before(passages[k + 1]) else set()
            if calls_it_false(passages[k + 1]):
                taken.add(Stance.STATED)
            if taken:
                return tuple(f._replace(stance=Stance.DENIED) if f.stance in taken else f for f in frames)
        if (
            any(f.stance in ANSWERABLE for f in frames)
            and k + 2 < len(passages)
            and asked_and_denied(passages[k + 1], passages[k + 2])
        ):
            # "... said it could reach 20,000. Is that still the figure?" "No.": what was said, or
            # forecast, is taken back.
            return tuple(f._replace(stance=Stance.DENIED) if f.stance in ANSWERABLE else f for f in frames)
        return frames

    def capitals(self, k: int) -> list[str]:
        """Stems of the capitalised words of passage ``k``: where names are looked for."""
        if self._capitals is None:
            self._capitals = [[t.stem for t in p.tokens if t.capital] for p in self.doc.passages]
        return self._capitals[k]

    def _mentions(self, plan: ClaimPlan, t: Token) -> list[int]:
        return [k for k, p in enumerate(self.doc.passages) if plan.has(t, p.keys, self.capitals(k))]

    def _common(self, plan: ClaimPlan, t: Token) -> bool:
        """Whether a claim's capitalised first word reads as a common word ("Police arrested ..."),
        not a name: the source never writes it with a capital mid-sentence, and it is an English
        word (a drug or product name is written in lower case too: "tavorelib")."""
        return t.stem not in mid_capitals(self.doc) and plan.english_first

    def missing(self, plan: ClaimPlan) -> list[str]:
        """The claim's names the source never names; or, when it names none of the claim's places
        ("at Halcombe University", "in Lyon"), those places: a story that never says where the
        claim is about is about somewhere else, or says too little to tell."""
        heads = plan.place_heads
        if not plan.names and not heads:
            return []
        doc_keys = self.doc.keys()
        if self._names is None:  # every claim asks: the source's capitalised words, read once
            self._names = [s for k in range(len(self.doc.passages)) for s in self.capitals(k)]
        names = self._names
        missing = [t.text for t in plan.names if not plan.has(t, doc_keys, names)]
        places = [t.text for t in heads if not plan.has(t, doc_keys, names) and not _demonym_named(t, names)]
        return missing + places if len(places) == len(heads) else missing

    def aside(self, plan: ClaimPlan, k: int) -> tuple[str, ...]:
        """The claim's names, when the source names each only in passing and none in passage ``k``;
        else (): a source about one of a claim's names, or a passage naming one, may speak to it."""
        if not plan.names:
            return ()
        found = self._aside.get(id(plan))
        if found is None:
            passing: list[Token] = []
            for t in plan.names:
                if t.start == 0 and self._common(plan, t):
                    return ()  # "Police arrested ...": a first word the source writes as a common word
                at = self._mentions(plan, t)
                lead = any(j < self.lead for j in at)
                if lead or len(at) >= MIN_NAME_PASSAGES:
                    passing = []  # one name the source is about is enough
                    break
                passing.append(t)
            found = self._aside[id(plan)] = (tuple(passing), tuple(t.text for t in passing))
        tokens, texts = found
        p = self.doc.passages[k]
        if not tokens or any(plan.has(t, p.keys, self.capitals(k)) for t in tokens):
            return ()
        return texts


def mid_capitals(doc: DocFacts) -> frozenset[str]:
    """The stems of the words a source capitalises after a sentence's first word: its names."""
    found = doc.memo.mid_capitals
    if found is None:
        found = doc.memo.mid_capitals = frozenset(t.stem for p in doc.passages for t in p.tokens[1:] if t.capital)
    return found


def lead_keys(doc: DocFacts) -> frozenset[str]:
    """The keys of the passages that open the source (``lead_size``): a headline and first sentences
    name what the whole source is about."""
    keys = doc.memo.lead_keys
    if keys is None:
        keys = doc.memo.lead_keys = frozenset().union(*(p.keys for p in doc.passages[: lead_size(doc)]))
    return keys


def lead_size(doc: DocFacts) -> int:
    """How many passages open the source: its header lines (a headline, a byline, a dateline: no
    closing full stop) and its first ``LEAD_SENTENCES`` sentences."""
    sentences = 0
    for k, p in enumerate(doc.passages[:LEAD_MAX_PASSAGES]):
        if p.passage.text.rstrip(" \"'”’)").endswith((".", "!", "?")):
            sentences += 1
            if sentences == LEAD_SENTENCES:
                return k + 1
    return min(len(doc.passages), LEAD_MAX_PASSAGES)


def _demonym_named(place: Token, capitals: Sequence[str]) -> bool:
    """Whether a source's capitalised words name the place by its people ("Moroccan officials" for
    Morocco, "Turkish" for Turkey, "Kenyan" for Kenya): the place less its last letter or two,
    then a demonym ending (not the whole place: "Nigerian" is not of Niger)."""
    lower = place.lower
    bases = {b for b in (lower[:-1], lower[:-2]) if len(b) >= 4}  # not "Niger" + "ian"
    endings = english().demonym_endings
    return any(c.startswith(b) and c[len(b) :] in endings for c in capitals for b in bases)


def acting_name(plan: ClaimPlan, p: PassageFacts, at: int) -> str:
    """The name that does the act at ``p.tokens[at]`` when it is none of the claim's words: a
    capitalised word right before the act, but for function and time words ("Halden's rival
    Kestrel fired its chief executive", "Kestrel on Monday fired": Kestrel, for a claim on Halden);
    "" when it is the claim's, a plural that may hold it ("senior Tories have lost their seats,
    among them ..."), or a common noun ("the Halden board fired")."""
    tokens, text, start = p.tokens, p.passage.text, p.passage.start
    for i in range(at - 1, -1, -1):
        t = tokens[i]
        if CLAUSE_BREAK.search(text, t.end - start, tokens[i + 1].start - start):
            return ""
        if t.lower in NOT_NAMES:
            continue
        if not t.capital or t.lower.endswith("s") or plan.names_word(t):
            return ""
        return t.text
    return ""
