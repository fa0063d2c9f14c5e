"""Stage 5a, zeros: "no one died", "nobody was hurt", "no arrests were made" state a count of
nought, as "zero people died" does, and contradict "two people died" as plainly. The number reader
reads digits and number words; this step reads the words that say none, for claims and sources
alike, before their frames are built, so the figure after them is compared like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lexicon import FrameWords, frame_words
from .model import Kind, Quantity
from .words import Token, is_plural

_POSSESSIVE = ("'s", "’s")
PEOPLE = "people"  # whom "no one" and "nobody" count
ZERO_VERB_REACH = 4  # words after a zero searched for a verb of its own ("has said") or a "who"
_ZERO_WORDS = frame_words().zero_words | frame_words().zero_people | frame_words().zero_determiners
# Most sentences hold none of these words: they are read for zeros no further.
_HINT = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, sorted(_ZERO_WORDS)))), re.IGNORECASE)


def read_zeros(text: str, offset: int, tokens: Sequence[Token], quantities: Sequence[Quantity]) -> list[Quantity]:
    """``quantities`` (read from ``text``, which starts at ``offset`` and has ``tokens``) with a
    figure of nought for each word or phrase that says none of a group: "no one", "nobody",
    "none of the", and "no" before a plural noun ("no arrests"); "no more than 40" is the reader's."""
    if not _HINT.search(text):
        return list(quantities)
    words = frame_words()
    taken = [(q.start, q.end) for q in quantities]
    found: list[Quantity] = []
    for i, t in enumerate(tokens):
        end, whom = _zero_at(tokens, i, words)
        if end < 0 or any(s <= t.start < e for s, e in taken) or text.startswith(_POSSESSIVE, end - offset):
            continue  # "Nobody's perfect", "no-one's fault": a possessive, no count
        written = text[t.start - offset : end - offset]
        found.append(Quantity(t.start, end, written, 0.0, 0.0, 0.0, kind=Kind.COUNT, counted=whom))
    if not found:
        return list(quantities)
    # The reader's "one" inside "no-one" is the zero's.
    kept = [q for q in quantities if not any(z.start <= q.start and q.end <= z.end for z in found)]
    return sorted([*kept, *found], key=lambda q: q.start)


def _zero_at(tokens: Sequence[Token], i: int, words: FrameWords) -> tuple[int, str]:
    """(end, whom it counts) of a word that says none at token ``i``; end -1 for none there. Not a
    "No" written with a capital inside a sentence ("Yes and No votes"), not "none of this", and not
    one whose own verb says or knows ("Nobody has said how many died", "none of the dead who ...")."""
    t = tokens[i]
    lower = t.lower
    people = lower in words.zero_people
    if not (people or lower in words.zero_words or lower in words.zero_determiners):
        return -1, ""
    if t.capital and i > 0 and lower in words.zero_determiners and tokens[i - 1].end + 1 == t.start:
        return -1, ""  # "Yes votes outnumbered No votes": a name; not after a colon ("said: No one ...")
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    end, after = t.end, i + 1
    if lower in words.zero_determiners:
        if nxt is None or nxt.start != t.end + 1:
            return -1, ""
        if nxt.lower in words.zero_persons:
            end, after, people = nxt.end, i + 2, True  # "no one": a figure with no noun, like "two died"
        elif not is_plural(nxt.lower) or nxt.lower in words.zero_not_nouns:
            return -1, ""  # "no longer", "no more than 40", "no matter"
    ahead = _clause_words(tokens, after, end)
    if lower in words.zero_words and not _none_of_a_group(ahead, words):
        return -1, ""  # "None of this matters", "hurt, none seriously"
    if not words.zero_not_before.isdisjoint(ahead):
        return -1, ""
    return end, PEOPLE if people else ""


def _none_of_a_group(ahead: Sequence[str], words: FrameWords) -> bool:
    """Whether "none" followed by ``ahead`` is none of a group: "none of the crew", "none were
    hurt", "none survived"; not "none of this", "hurt, none seriously"."""
    if not ahead:
        return False
    if ahead[0] in words.part_openers:
        return len(ahead) > 1 and ahead[1] not in words.zero_not_of
    return ahead[0] in words.auxiliaries or ahead[0].endswith("ed")


def _clause_words(tokens: Sequence[Token], after: int, end: int) -> list[str]:
    """The lower-cased words right after a zero (ending at offset ``end``), up to the first
    punctuation mark ("No one was hurt, police said" stops at the comma)."""
    words: list[str] = []
    last = end
    for x in tokens[after : after + ZERO_VERB_REACH]:
        if x.start > last + 1:
            break
        words.append(x.lower)
        last = x.end
    return words
