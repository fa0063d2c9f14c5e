"""Directions, for the frame stage: which way a figure says something changed, from the words right before it
(", up 3.4 points", "down 12%") or from its sign under a label that names a change ("Tuition,
Change: +3.5%", "Offers, Change: −1.6%"). Frames (``frames.py``) give the direction as the act of
the figure's clause (concepts raise and cut); the index keys find such sentences (``facts.py``).
Words in lexicon/frames.yaml (rise_markers, fall_markers, change_labels)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .lexicon import frame_words
from .model import Quantity
from .words import Token

_WORDS = frame_words()
MARKERS = {**dict.fromkeys(_WORDS.rise_markers, "=raise"), **dict.fromkeys(_WORDS.fall_markers, "=cut")}
_NOT_AFTER = _WORDS.marker_not_after  # "make up 14%": a verb's particle, no change
_SHARE_OF = "of"  # "up 14% of the class": a share or a part, no change


def marker_act(tokens: Sequence[Token], lowers: Sequence[str], j: int, after: int) -> str:
    """The act the change marker ``lowers[j]``, right before a figure whose first token after it is
    ``after``, says (", up 3.4 points": raise), or "": no marker; the particle of the verb right
    before it ("make up 14%", "turned down 300 bids"); or the marker of a share or a part ("up 14%
    of the class", "down 5% of its reserves"), which counts what the verb did, not a change."""
    act = MARKERS.get(lowers[j], "")
    if not act:
        return ""
    if j and lowers[j - 1] in _NOT_AFTER and tokens[j].start - tokens[j - 1].end <= 1:
        return ""
    if after < len(lowers) and lowers[after] == _SHARE_OF:
        return ""
    return act


def change_marker_keys(text: str, offset: int, tokens: Sequence[Token]) -> frozenset[str]:
    """The acts that change markers right before a figure say (", down 12%", "up $2 billion": cut,
    raise), as passage keys: every marker before a figure's first character, and a signed figure
    after a change label (``signed_change``), a superset of what ``_topic_keys`` reads, so a passage
    whose frame holds the act is looked at."""
    found = set()
    for t in tokens:
        if t.lower in MARKERS:
            at = t.end - offset
            nxt = text[at + 1 : at + 2] if text[at : at + 1] == " " else text[at : at + 1]
            if nxt and not nxt.isalpha() and not nxt.isspace():
                found.add(MARKERS[t.lower])
        elif (
            t.lower in _WORDS.change_labels
            and is_change_label(text, t.start - offset, t.lower)
            and (m := _SIGNED_VALUE.match(text, t.end - offset))
        ):
            found.add(_SIGNS[m.group(1)])
    return frozenset(found)


MINUS_SIGNS = "-−–"
_SIGNS = {"+": "=raise", **dict.fromkeys(MINUS_SIGNS, "=cut")}
_SIGNED_VALUE = re.compile(rf"[^:.;]*:\s*([+{re.escape(MINUS_SIGNS)}])[$€£]?\d")  # " (%): +3.5" after "Change"


def is_change_label(text: str, at: int, lower: str) -> bool:
    """Whether the word ``lower`` at ``at`` opens a label naming a change: a change label
    (``change_labels``) first in its part of the label ("Tuition, Change:", "Offers, % change on
    year:"), not a word of another name ("Climate change fund, net balance:")."""
    if lower not in _WORDS.change_labels:
        return False
    before = text[:at].rstrip(" %")
    return not before or before[-1] in ",;\n"


def signed_change(text: str, at: int) -> str:
    """The act a signed figure starting at ``at`` says after a change label ("Tuition, Change:
    +3.5%": raise; "Offers, Change: −1.6%": cut), as a key; "" for an unsigned figure."""
    sign = text[at - 1 : at] if text[at - 1 : at] == "+" else text[at : at + 1]
    return _SIGNS.get(sign, "")


def magnitude(q: Quantity) -> Quantity:
    """A negative figure as the size of a fall ("−1.6%" -> 1.6%), its bounds turned round."""
    lo, hi = (None if q.hi is None else -q.hi), (None if q.lo is None else -q.lo)
    return replace(q, value=-q.value, lo=lo, hi=hi, lo_open=q.hi_open, hi_open=q.lo_open)
