"""Stage 5c, index: from index keys to the claims that may speak to a source, and from a claim to
the passages of a source that may speak to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .ages import AGE
from .facts import LABEL, DocFacts, PassageFacts, label_key
from .frames import Frame
from .model import Kind
from .plan import UNIT_KINDS, ClaimPlan, FigurePlan
from .segment import is_question
from .topics import selective
from .words import lexicon, name_parts, singular, tokenize
from .zeros import PEOPLE

PERSON = singular(PEOPLE)  # a claim counting people may meet "no one", whose "people" no token writes


LEAD_MEMO_SIZE = 4096  # distinct sets of opening keys remembered (sources of one feed share them)


class LeadNeed(NamedTuple):
    """What figure claims may use in a sentence holding none of the index's frame keys, which the
    source's opening brings to them (the opening frames every figure): ``every`` figure, when one of
    them has no act (its topic words may all stand in the opening) or counts what a sentence may
    give unwritten (a unit of measure, an age, people in "no one"), for an act that does not pick
    out what it counts (a selective act, "arrested", keeps only a label); else a figure stated by a
    label (a colon), or one whose counted noun (``heads``, singular), its concept (``concepts``) or
    the act that makes a noun-less figure count people (``acts``) is the claim's: ``topics.on_topic``
    lets those stand for a missing act (``may_stay_on_topic``), and nothing else there. The counted
    keys of the claim are frame keys already (``_same_thing_keys``); the heads, concepts and acts
    are tested here too because a noun's spelling and its stem part ways ("people", "person")."""

    every: bool
    heads: frozenset[str] = frozenset()
    concepts: frozenset[str] = frozenset()
    acts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, plan: ClaimPlan) -> LeadNeed:
        heads: set[str] = set()
        concepts: set[str] = set()
        acts: set[str] = set()
        for fp in plan.figures:
            if fp.act is None:
                return cls(every=True)
            if selective(fp.act, plan):
                continue  # only the act (or a held thing, a label) stands for a selective act
            c = fp.frame
            if c.counted:
                head = singular(c.counted.split()[-1])
                if c.counted == AGE or head == PERSON:
                    return cls(every=True)  # "aged 32", "no one": counted words the sentence need not hold
                heads.add(head)
                if c.concept:
                    concepts.add(c.concept)
            elif c.quantity.kind is Kind.MEASURE:
                return cls(every=True)  # the same unit, written in many ways
            elif c.implicit_act:
                acts.add(c.implicit_act)
        return cls(False, frozenset(heads), frozenset(concepts), frozenset(acts))

    @classmethod
    def merge(cls, needs: Sequence[LeadNeed]) -> LeadNeed:
        if any(n.every for n in needs):
            return cls(every=True)
        return cls(
            False,
            frozenset().union(*(n.heads for n in needs)),
            frozenset().union(*(n.concepts for n in needs)),
            frozenset().union(*(n.acts for n in needs)),
        )

    def wanted(self, p: PassageFacts) -> bool:
        """Whether a figure of passage ``p`` may stand for such a claim's act: a label, or a token
        that may be the counted noun or the act the claim's figure shares."""
        if LABEL in p.passage.text:
            return True  # "Road repairs: €6.2 million" (``clauses.labelled_at``)
        heads, concepts, acts = self.heads, self.concepts, self.acts
        lex = lexicon()
        for t in p.tokens:
            if t.concept in acts:
                return True
            head = singular(t.lower)
            if head in heads or (concepts and lex.noun_concept(head) in concepts):
                return True
        return False


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
        # Figures with an act: (kind, clause key) -> first word of a claim place ("" for none) ->
        # (claim, figure) pairs, found by the words of a source figure's clause.
        self._figures: dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        # The same for figures with no act, keyed by their topic words (with none, by every claim
        # key): found by the words of a source figure's whole sentence.
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
        # Per table and kind, the keys it holds: a figure meets them with one set intersection
        # rather than a look-up per word of its clause.
        self._kind_keys = [_keys_by_kind(table) for table in (self._figures, self._any_figure, self._labelled)]
        self._statement_keys = frozenset(self._by_key)
        # What each figure claim counts (see ``_Counting``): (claim, figure) -> its nouns and acts.
        self._counting = {
            (i, j): _Counting.of(fp)
            for i, plan in enumerate(self.plans)
            if plan.mode == "figures"
            for j, fp in enumerate(plan.figures)
        }
        # The keys a sentence must hold for one of its figures to find a claim here: only those
        # sentences need their figures read (``analyze_text``).
        # A word that finds a claim only as a label's (``_labelled``) counts in a sentence with a
        # colon only (``facts.reads``): a figure is stated by a label only after one.
        found = frozenset(key for table in (self._figures, self._any_figure) for _, key in table)
        self.frame_keys = found | {label_key(key) for _, key in self._labelled if key not in found}
        self.has_statements = bool(self._by_key)
        # Every key of the figure claims: a source whose opening holds one frames all its figures
        # for them (``judge.judge_doc``), as ``candidate_passages`` reads them one claim at a time.
        self.figure_claim_keys = frozenset().union(*(p.keys for p in self.plans if p.mode == "figures"))
        # Per key of the figure claims, what those claims may use in a sentence that holds no frame
        # key when a source's opening holds the key (``lead_need``).
        needs: dict[str, list[LeadNeed]] = defaultdict(list)
        for plan in self.plans:
            if plan.mode == "figures":
                need = LeadNeed.of(plan)
                for key in plan.keys:
                    needs[key].append(need)
        self._lead_needs = {key: LeadNeed.merge(found) for key, found in needs.items()}
        self._lead_memo: dict[frozenset[str], LeadNeed] = {}

    def lead_need(self, lead: frozenset[str]) -> LeadNeed | None:
        """What the figure claims whose keys a source's opening (``lead``) holds may use in its
        sentences that hold no frame key; None when no claim's key is there."""
        hit = lead & self.figure_claim_keys
        if not hit:
            return None
        need = self._lead_memo.get(hit)
        if need is None:
            if len(self._lead_memo) > LEAD_MEMO_SIZE:
                self._lead_memo.clear()
            need = self._lead_memo[hit] = LeadNeed.merge([self._lead_needs[key] for key in hit])
        return need

    def _index_figures(self, i: int, plan: ClaimPlan) -> None:
        for j, fp in enumerate(plan.figures):
            if fp.act is not None:
                # The keys of the act; a figure of the same counted noun, unit or implicit act may
                # speak to the claim without its act (topics.on_topic, _counts_same_thing).
                table, keys = self._figures, fp.act_keys | _same_thing_keys(fp)
            else:
                # With no act, the topic words (else, with neither, any claim word) may stand anywhere
                # before the figure in its sentence (topics.on_topic): found by the sentence's keys.
                table, keys = self._any_figure, frozenset().union(*fp.topic_keys) if fp.topic else plan.keys
            # A compound ("turkey-syria") is filed under its first name too: "in Turkey and Syria".
            places = {w for p in fp.frame.places for w in {p.split()[0], name_parts(p.split()[0])[0]}} or {""}
            kinds = (fp.frame.quantity.kind, *UNIT_KINDS) if fp.unitless else (fp.frame.quantity.kind,)
            for kind in kinds:
                for key in keys:
                    for place in places:
                        table[kind, key][place].append((i, j))
            kind = fp.frame.quantity.kind
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
        for key in self._statement_keys.intersection(keys):
            found.update(self._by_key[key])
        return sorted(
            i
            for i in found
            if all(not group.isdisjoint(keys) for group in self._anchors[i]) and not self.plans[i].keys.isdisjoint(keys)
        )

    def figure_candidates(
        self,
        frame: Frame,
        passage_keys: frozenset[str],
        scope: frozenset[str],
        lead: frozenset[str] = frozenset(),
        group: frozenset[str] = frozenset(),
    ) -> set[tuple[int, int]]:
        """(claim, figure) pairs that may align with a source figure: a figure of the same kind
        whose act or a topic word stands in the figure's clause or the source's opening (``lead``),
        and which names no place, or one the figure, the sentence or the source's scope may hold.
        ``group``: the words of the group the sentence opens on a part of (``Context.group_keys``)."""
        kind = frame.quantity.kind
        found: set[tuple[int, int]] = set()
        figures, any_figure, labelled = (by_kind.get(kind) for by_kind in self._kind_keys)
        hits: list[tuple[dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]], frozenset[str]]] = []
        if figures:
            hits.append((self._figures, figures & (frame.topic_keys | lead)))
        if any_figure:
            hits.append((self._any_figure, any_figure & (passage_keys | lead)))
        if labelled and frame.labelled:
            hits.append((self._labelled, labelled & (frame.topic_keys | lead)))
        words: set[str] | None = None
        for table, keys in hits:
            if keys:
                if words is None and frame.places:
                    # The first words of the places the figure may be about: a claim naming one of them (or none).
                    words = {"", *passage_keys, *(p.split()[0] for p in frame.places | scope)}
                for key in keys:
                    _take(table[kind, key], words, found)
        if found and kind is Kind.COUNT:
            return self._same_counted(frame, passage_keys | group if group else passage_keys, found)
        return found

    def _same_counted(
        self, f: Frame, passage_keys: frozenset[str], found: set[tuple[int, int]]
    ) -> set[tuple[int, int]]:
        """The pairs of ``found`` whose counts ``checks.same_counted`` may let align with ``f``: it
        drops, whatever else the pair holds, (a) two named counted nouns, neither generic, of another
        noun, concept or agent of the claim's act; (b) a figure naming people by an act
        ("1,386 arrested") that is not the claim's; (c) a figure that names nothing counted, for a
        claim that names a noun the sentence lacks. Leaving them out here spares aligning them: with
        many claims they are most of the pairs an act or a place finds."""
        counting = self._counting
        if f.counted:
            if f.generic:
                return found
            # "two Thais" and "Thai nationals" count the same people (``checks.same_counted``).
            nouns = {"s:" + singular(f.counted.split()[-1]), *("s:" + m for m in f.modifiers)}
            if f.concept:
                nouns.add("c:" + f.concept)
                if not f.role:
                    nouns.add("a:" + f.concept)
            return {ij for ij in found if (n := counting[ij].nouns) is None or not n.isdisjoint(nouns)}
        if f.implicit_act:
            return {ij for ij in found if f.implicit_act in counting[ij].acts}
        if f.generic or f.concept:
            return found
        return {ij for ij in found if (c := counting[ij]).nouns is None or not c.counted_keys.isdisjoint(passage_keys)}


class _Counting(NamedTuple):
    """What a claim figure counts, as ``checks.same_counted`` compares it: ``nouns``, for a named,
    not generic counted noun, its singular ("s:"), its concept ("c:") and the concepts of the
    claim's words ("a:", whose agents may count it), else None; ``acts``, the acts that may make a
    noun-less figure count people; ``counted_keys``, the index keys of the counted noun."""

    nouns: frozenset[str] | None
    acts: frozenset[str]
    counted_keys: frozenset[str]

    @classmethod
    def of(cls, fp: FigurePlan) -> _Counting:
        c = fp.frame
        nouns = None
        if c.counted and not c.generic:
            found = {"s:" + singular(c.counted.split()[-1]), *("a:" + t.concept for t in fp.topic if t.concept)}
            found.update("s:" + m for m in c.modifiers)  # its people ("Thai nationals" for "Thais")
            if c.concept:
                found.add("c:" + c.concept)
            nouns = frozenset(found)
        acts = frozenset({t.concept for t in fp.topic} | {c.implicit_act, c.concept})
        return cls(nouns, acts, fp.counted_keys)


def _same_thing_keys(fp: FigurePlan) -> frozenset[str]:
    """Keys of what a claim figure counts: its noun, else its unit of measure ("years"), else the
    act its noun implies ("the death toll": =die)."""
    f = fp.frame
    if f.counted:
        return fp.counted_keys
    if f.quantity.kind is Kind.MEASURE and f.quantity.unit:
        return frozenset(t.stem for t in tokenize(f.quantity.unit))
    return frozenset({"=" + f.implicit_act}) if f.implicit_act else frozenset()


def _keys_by_kind(table: dict[tuple[Kind, str], dict[str, list[tuple[int, int]]]]) -> dict[Kind, frozenset[str]]:
    by_kind: dict[Kind, set[str]] = defaultdict(set)
    for kind, key in table:
        by_kind[kind].add(key)
    return {kind: frozenset(keys) for kind, keys in by_kind.items()}


def _take(by_place: dict[str, list[tuple[int, int]]], words: set[str] | None, found: set[tuple[int, int]]) -> None:
    """Add to ``found`` the pairs of ``by_place`` whose place is among ``words`` (all, for None)."""
    if words is None:
        for pairs in by_place.values():
            found.update(pairs)
    elif len(by_place) < len(words):
        for place, pairs in by_place.items():
            if place in words:
                found.update(pairs)
    else:
        for place in words:
            found.update(by_place.get(place, ()))


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
