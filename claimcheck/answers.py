"""Answers, for the facts stage: a figure that answers the question before it ("Q: How many rescues
have your crews made? A: About 140.") counts what the question asked, in the question's words. A
transcript's answer rarely repeats them; without them its figure counts nothing a claim could use.
Words in lexicon/frames.yaml (how_many)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .frames import Frame
from .lexicon import frame_words
from .places import places_in
from .segment import is_question
from .words import Lexicon, Token, is_function_word, passage_keys, singular


class Asked(NamedTuple):
    """What a "how many" question asks: the noun it counts ("" for "How many were hurt?") and the
    keys of its words, which its answer's figures take as their own."""

    counted: str
    keys: frozenset[str]
    places: frozenset[str]


def asked_by(text: str, tokens: Sequence[Token], lex: Lexicon) -> Asked | None:
    """What the question ``text`` asks for a count or an amount ("How many people were rescued?",
    "how much has the strike cost?"); None for any other sentence."""
    if not is_question(text):
        return None
    lowers = [t.lower for t in tokens]
    openers = frame_words().how_many
    for i in range(len(lowers) - 1):
        if f"{lowers[i]} {lowers[i + 1]}" in openers:
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            noun = after.lower if after is not None and not is_function_word(after, lex) else ""
            asked = [t for j, t in enumerate(tokens) if j not in (i, i + 1)]
            counted = singular(noun) if noun and lowers[i + 1] == "many" else ""
            return Asked(counted, passage_keys(asked), places_in(tokens, lex))
    return None


def answered(frames: Sequence[Frame], asked: Asked) -> tuple[Frame, ...]:
    """The frames of an answer's sentence, each figure that counts nothing of its own ("About 140")
    made to count what the question asked, its clause holding the question's words."""
    return tuple(
        f._replace(
            counted=f.counted or asked.counted,
            topic_keys=f.topic_keys | asked.keys,
            places=f.places or asked.places,
        )
        if not f.counted and not f.implicit_act
        else f
        for f in frames
    )
