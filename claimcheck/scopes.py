"""Where a figure is, two checks of ``checks.CHECKS``: the same place (``same_place``), and a claim
figure said over a count of places, a sum over them (``over_places``); docs/verdicts.md, alignment.
Kept apart from ``checks`` for its size, as ``topics`` is."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

from .lexicon import frame_words
from .model import Kind
from .pairs import Pair
from .places import joined_places, modifier_names, places_match
from .words import Token, adjacent_runs, lexicon, name_parts, tokenize


def over_places(p: Pair) -> str | None:
    """Over how many places: a claim figure said over a count of places ("52,000 marched in 24
    other cities") is a sum over them (``FigurePlan.summed_over``). A source figure whose sentence
    counts no such places ("In Lyon, 6,000 marched", "a million marched across the country") is
    for one of them, one left out, or the whole: loose, it may support the sum but never
    contradicts it."""
    counts = p.fp.summed_over
    if counts and not any(o.counted and o.counted in counts for o in p.passage.frames):
        p.notes.append(f"the claim sums over {', '.join(sorted(counts))}; the sentence counts none")
    return None


def same_reference(p: Pair) -> str | None:
    """A distance is measured from a place: "250 km south of Kolkata" is not "170 km north of
    Bhubaneswar", though one sentence says both. A measure followed by a direction and "of", or by
    "from", and a name, on both sides, with names that share no word, is another figure
    (lexicon/words.yaml directions, reference_prepositions)."""
    if p.fp.frame.quantity.kind is not Kind.MEASURE:
        return None
    mine = _claim_reference(p.plan.claim.text, p.fp.frame.quantity.end)
    theirs = reference_place(p.passage.tokens, p.f.quantity.end) if mine else ()
    if mine and theirs and set(mine).isdisjoint(theirs):
        return f"measured from {' '.join(theirs)}, not {' '.join(mine)}"
    return None


@functools.lru_cache(maxsize=4096)
def _claim_reference(text: str, end: int) -> tuple[str, ...]:
    """``reference_place`` of a claim's figure ending at ``end``, read once per claim figure."""
    return reference_place(tokenize(text), end)


def reference_place(tokens: Sequence[Token], end: int) -> tuple[str, ...]:
    """The stems of the name a measure ending at offset ``end`` is measured from ("250 km south of
    Kolkata", "40 minutes from Port Addrick"), or (). "of" only after a direction ("2,000 hectares
    of Brazil's forest" is what, not where); not a name that is a modifier ("Russian-held Kherson",
    "Brazil's Amazon"), nor the start of a route ("from Saint-Jean to Santiago")."""
    lex = lexicon()
    after = [t for t in tokens if t.start >= end]
    direction = bool(after) and lex.has("directions", after[0].lower)
    after = after[direction:]
    if len(after) < 2 or not lex.has("reference_prepositions", after[0].lower):
        return ()
    if after[0].lower == "of" and not direction:
        return ()
    run = list(itertools.takewhile(lambda t: t.capital, after[1:]))
    rest = after[1 + len(run) :]
    if not run or any("-" in t.text or t.text.endswith(("'s", "’s")) for t in run):
        return ()
    if rest and lex.has("route_ends", rest[0].lower):
        return ()
    return tuple(t.stem for t in run)


def same_place(p: Pair) -> str | None:
    """Where: another place is another figure; a place named on one side only is loose. The
    places the whole source is about (``scope``) do not narrow a figure."""
    c, f, scope = p.claim, p.f, p.scope
    # "In Estmark's North": the possessor holds the claim's place, so it is no place of the figure,
    # in a source that names it (which the North of another country's report does not).
    possessors = _possessors(p.plan.claim.text)  # most claims have none: no look-ups then
    keys, lead = p.passage.keys, p.context.lead_keys
    held = frozenset(w for w in possessors if w in keys or w in lead or w in scope)
    claim_places = (c.places - scope) - held or c.places - scope
    source_places = f.places - scope
    if claim_places and not source_places:
        # The figure names only the source's own place ("in Marrow", in a story on Marrow): that
        # is still not the claim's other place ("in Tollan").
        source_places = f.places
    elif source_places and not claim_places:
        # And the other way round: a claim on the story's own place ("in Marrow") is not about a
        # figure the story places elsewhere ("in Arden").
        claim_places = c.places
    own = f.places and f.places <= c.places  # "After it hit Turkey and Syria, the toll in Turkey rose to ..."
    if c.places and not own and _may_join(p, c.places) and (joined := joined_places(p.passage.tokens, c.places)):
        # "41,000 died after the quake struck Turkey and Syria", "the Turkey-Syria quake": the
        # sentence joins the claim's place to another, so its figure is for a whole the claim's
        # place is part of, which is no evidence for the part's figure (docs/verdicts.md §1).
        return f"covers {' and '.join(joined)}, more than {', '.join(sorted(c.places))}"
    places = places_match(claim_places, source_places, p.passage.keys)
    if places == "one-sided" and _named_as_modifier(p, claim_places, source_places):
        places = "same"  # "The Orla landslide killed 21" / "17 were killed in the Orla landslide"
    elif places == "one-sided" and claim_places and f.labelled and _labelled_with(p, claim_places):
        places = "same"  # "North, share 65 plus: 26.8%": a row labelled with the claim's place
    elif places == "one-sided" and claim_places and not source_places and _by_head(p, claim_places):
        places = "same"  # "9,000 homes in the valley", in a story that names the Tarrow Valley
    if places == "conflict":
        return f"in {', '.join(sorted(f.places))}, not {', '.join(sorted(c.places))}"
    if places == "one-sided":
        p.notes.append("one side names a place the other does not")
        p.within += bool(f.places - scope) and not c.places - scope  # the source's figure is for a part
    elif places == "same" and claim_places and source_places:
        claim_parts = {part for place in claim_places for part in name_parts(place)}
        source_parts = {part for place in source_places for part in name_parts(place)}
        if more := source_parts - claim_parts:
            # "31,000 in Kahramanmaras, Turkey" for "in Turkey": the comma may join a list or a
            # town to its country, so the figure may cover more than the claim, or less.
            p.notes.append(f"the figure also covers {', '.join(sorted(more))}")
        elif more := claim_parts - source_parts:
            # "12,391 in Turkey" for "in Turkey and Syria" (or "Turkey-Syria"): only a part of it.
            p.notes.append(f"the claim also covers {', '.join(sorted(more))}")
            p.within += 1
    return None


def _by_head(p: Pair, places: frozenset[str]) -> bool:
    """Whether the figure's clause places it in one of the claim's ``places``, a name of several
    words, by a preposition, "the" and the name's last word ("in the valley" for "in the Tarrow
    Valley"), in a source that writes the name in full (``DocFacts.by_head``); not "in the valley's
    largest town" nor "in the valley and the hills around it", which are a part or a larger whole."""
    doc = p.context.doc
    if doc is None:
        return False
    for run in adjacent_runs(t for t in p.plan.terms if t.capital):
        place = " ".join(t.stem for t in run)
        if place in places and run[-1].stem in p.f.topic_keys and _said_alone(p, run[-1].stem):
            return doc.by_head(run, p.passage.tokens, _IN)
    return False


_IN = frame_words().place_reference_prepositions


def _said_alone(p: Pair, head: str) -> bool:
    """Whether every "the ``head``" of the passage is the whole place it names: what follows it is
    a punctuation mark, the sentence's end or the clause's verb ("in the valley lost power"), not a
    possessive ("the valley's north"), a noun it modifies ("the valley towns"), a place beside it
    ("the valley or the hills") or a part of it ("the valley below the dam")."""
    tokens, text, start = p.passage.tokens, p.passage.passage.text, p.passage.passage.start
    lex = p.plan.lex
    for i, t in enumerate(tokens):
        if t.stem == head and i and tokens[i - 1].lower == "the" and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            gap = text[t.end - start : nxt.start - start]
            if gap.strip() and not gap.lstrip().startswith(("'", "’")):
                continue  # a comma, a full stop, a bracket: the place ends here
            word = nxt.lower
            verb = word.endswith("ed") or lex.has("irregular_verbs", word)
            if gap.strip() or not (verb or word in _AUXILIARIES or lex.has("finite_auxiliaries", word)):
                return False
    return True


_AUXILIARIES = frame_words().auxiliaries  # "have", which finite_auxiliaries (words.yaml) lacks


def _may_join(p: Pair, places: frozenset[str]) -> bool:
    """Whether ``joined_places`` may find one of ``places`` joined in the passage: the passage holds
    one of their words, or a hyphen (a compound of names). A look-up, where the scan is per token."""
    keys = p.passage.keys
    return "-" in p.passage.passage.text or any(w in keys for place in places for w in place.split())


@functools.lru_cache(maxsize=4096)
def _possessors(text: str) -> frozenset[str]:
    """Stems of the capitalised names a claim writes as the possessor of another ("Estmark's
    North", "India's Odisha state")."""
    tokens = tokenize(text)
    return frozenset(
        t.stem
        for t, after in zip(tokens, tokens[1:], strict=False)
        if t.capital and after.capital and text[t.end : after.start].rstrip() in ("'s", "’s")
    )


def _labelled_with(p: Pair, places: frozenset[str]) -> bool:
    """Whether the label of a labelled figure (a table row, a "Label: value" line) is one of
    ``places``, its head word for word ("North, share 65 plus: 26.8%."; not "North East, ..." nor
    "Corvel Bank staff, ..."): the row's place is the figure's."""
    head = " ".join(_label_head(p.passage.tokens))
    return len(places) == 1 and head in places  # "Estmark's North" (Estmark unnamed) is no "| North |"


def _named_as_modifier(p: Pair, claim_places: frozenset[str], source_places: frozenset[str]) -> bool:
    """Whether the places one side names after a preposition, the other names as a word that
    modifies a noun ("The Orla landslide killed 21" / "17 were killed in the Orla landslide"): the
    source in the figure's clause, the claim anywhere."""
    if claim_places and not source_places:
        words = {w for place in claim_places for w in place.split()}
        return words <= p.f.topic_keys and words <= modifier_names(p.passage.tokens)
    words = {w for place in source_places for w in place.split()}
    return bool(words) and words <= _claim_modifiers(p.plan.claim.text)


@functools.lru_cache(maxsize=4096)
def _claim_modifiers(text: str) -> frozenset[str]:
    """``modifier_names`` of a claim's text, read once per claim rather than once per pair."""
    return frozenset(modifier_names(tokenize(text)))


def _label_head(tokens: Sequence[Token]) -> tuple[str, ...]:
    """The capitalised words a label line opens with, up to the first punctuation, as stems ("North,
    share 65 plus: 26.8%." -> north; "North East, ..." -> north east); () when it opens with none."""
    head: list[str] = []
    for i, t in enumerate(tokens):
        if not t.capital or (i and t.start - tokens[i - 1].end > 1):
            break
        head.append(t.stem)
    return tuple(head)
