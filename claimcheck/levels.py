"""Change or level: a figure right after a verb of change says how much a value changed ("shares
fell 12%", "the toll rose by 31"); after the verb and "to", the value it reached ("fell to 45% of
the issue price", "rose to 31"). They are two measures of one thing, and neither is evidence about
the other (``checks.same_measure``; docs/verdicts.md, alignment). The verbs of change are the
concepts of ``level_acts`` and their twins (lexicon/words.yaml)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .words import Lexicon, Token, lexicon, token_at, tokenize

MAX_GAP = 2  # characters between the words read here and the figure: a space, perhaps a hyphen


def change_or_level(tokens: Sequence[Token], start: int, lex: Lexicon) -> str:
    """ "change", "level" or "" (neither) for the figure at offset ``start`` among a sentence's
    ``tokens``: a change right after a verb of change or "by" after one, a level after "to" after
    one (or after "by" and the change: "rose by 12 to 31")."""
    i = token_at(tokens, start)
    if not i or start - tokens[i - 1].end > MAX_GAP:
        return ""
    last, changes = tokens[i - 1], _change_concepts(lex)
    if last.concept in changes:
        return "change"
    if last.lower not in ("to", "by") or i < 2:
        return ""
    verb = tokens[i - 2]
    if verb.concept in changes and last.start - verb.end <= MAX_GAP:
        return "level" if last.lower == "to" else "change"
    if last.lower == "to" and verb.lower == "by" and i > 2 and tokens[i - 3].concept in changes:
        return "level"  # "rose by 12 to 31": the change's figure stands between "by" and "to"
    return ""


@functools.lru_cache(maxsize=4096)
def claim_reading(text: str, start: int) -> str:
    """``change_or_level`` for a claim's figure at offset ``start`` of its text."""
    lex = lexicon()
    return change_or_level(tokenize(text, lex), start, lex)


def _change_concepts(lex: Lexicon) -> frozenset[str]:
    acts = lex.lists["level_acts"]
    return acts | frozenset(twin for act in acts for twin in lex.twins.get(act, ()))
