"""Concept groups of a rules file (``concepts: {ship: [shipped, deliveries]}``) -> the aliases of
each claim whose words belong to a group, so the judge reads them as it reads a claim's own
``aliases``."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from .model import Claim
from .words import is_function_word, lexicon, tokenize

Concepts = tuple[tuple[str, tuple[str, ...]], ...]  # (group name, its words), as in the lexicon


def with_concepts(claim: Claim, concepts: Concepts) -> Claim:
    """``claim`` with an alias for each of its words that belongs to one of the ``concepts``: the
    word then counts every other word of its group in a source. A claim word belongs to a group
    when its stem is that of the group's name or of one of its words (a phrase: when its words
    stand in the claim in that order), or when the shipped lexicon puts it in a group of that name
    (a group named like a shipped one extends it)."""
    if not concepts:
        return claim
    lex = lexicon()
    tokens = tokenize(claim.text, lex)
    stems = [t.stem for t in tokens]
    extra: list[tuple[str, tuple[str, ...]]] = []
    for name, words in concepts:
        runs, keys = _group(name, words)
        found = {i for i, t in enumerate(tokens) if t.concept == name}
        for run in runs:
            for i in range(len(stems) - len(run) + 1):
                if stems[i : i + len(run)] == list(run):
                    at = range(i, i + len(run))
                    found.update([j for j in at if not is_function_word(tokens[j], lex)] or [i])
        extra.extend((tokens[i].text, keys) for i in sorted(found))
    return replace(claim, aliases=claim.aliases + tuple(extra)) if extra else claim


@lru_cache(maxsize=1024)  # a file's groups are looked up once per claim
def _group(name: str, words: tuple[str, ...]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """A concept group read: the stems of each member (the name too), and the words by which a
    source holds them. An alias is found by any one of its words, so a phrase gives only its
    content words: "put on hold" is found by "hold", not by every "on"."""
    lex = lexicon()
    runs: list[tuple[str, ...]] = []
    keys: list[str] = []
    for member in (name, *words):
        tokens = tokenize(member, lex)
        if tokens:
            runs.append(tuple(t.stem for t in tokens))
        content = [t.text for t in tokens if not is_function_word(t, lex)] if len(tokens) > 1 else []
        keys.extend(content or [member])
    return tuple(runs), tuple(keys)
