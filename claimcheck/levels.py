"""Change or level: a figure right after a verb of change says how much a value changed ("shares
fell 12%", "the toll rose by 31"); after the verb and "to", the value it reached ("fell to 45% of
the issue price", "rose to 31"). They are two measures of one thing, and neither is evidence about
the other (``checks.same_measure``; docs/verdicts.md, alignment). The verbs of change are the
concepts of ``level_acts`` (lexicon/words.yaml). "To 12% below its peak" is a change again: how far
from a reference point, not the level."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .lexicon import frame_words
from .words import Lexicon, Token, lexicon, token_at, tokenize

MAX_GAP = 2  # characters between the words read here and the figure: a space, perhaps a hyphen


def change_or_level(tokens: Sequence[Token], start: int, end: int, lex: Lexicon) -> str:
    """ "change", "level" or "" (neither) for the figure at ``start``-``end`` among a sentence's
    ``tokens``: a change right after a verb of change or "by" after one ("fell by 12%", "rose by 12
    to 31": a range, or the change and the level, read as a change), a level after "to" after one."""
    i = token_at(tokens, start)
    if not i or start - tokens[i - 1].end > MAX_GAP:
        return ""
    last, changes = tokens[i - 1], lex.lists["level_acts"]
    if last.concept in changes:
        return "change"
    if last.lower not in ("to", "by") or i < 2:
        return ""
    verb = tokens[i - 2]
    if verb.concept not in changes or last.start - verb.end > MAX_GAP:
        return ""
    if last.lower == "by" or _from_a_reference(tokens, end):
        return "change"
    return "level"


def _from_a_reference(tokens: Sequence[Token], end: int) -> bool:
    """Whether a word right after the figure sets it against a reference point ("to 12% below its
    peak", "to 4% above last week's close"): a distance from it, a change."""
    j = token_at(tokens, end)
    return j < len(tokens) and tokens[j].start - end <= MAX_GAP and tokens[j].lower in frame_words().reference_offsets


@functools.lru_cache(maxsize=4096)
def claim_reading(text: str, start: int, end: int) -> str:
    """``change_or_level`` for a claim's figure at ``start``-``end`` of its text."""
    lex = lexicon()
    return change_or_level(tokenize(text, lex), start, end, lex)
