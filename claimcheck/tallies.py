"""Stage 4b, tallies: people counted group by group in one list ("39 men and 46 women were killed",
"the attack killed 12 soldiers, 3 police officers and 2 children") are counted in all as well. The
sentence says that 85 people were killed though no figure in it reads 85; and "39 men" is no count
of people in general there, since the list names the other groups beside it.

A list is figures of people of different groups (``Lexicon.is_person_noun`` or people in general,
not "people" itself), each right after the one before with only a comma or a joining word
(``frames.yaml``: ``tally_joiners``) between its noun and the next figure, the last joined by such
a word; in one stance, time and place; none of them a whole, baseline or other's figure. Its sum is
a frame of its own with the role "sum", its groups "listed" (``checks.whole_not_part``). A list is
no sum when it is some of a larger number ("including 17 men and 5 women", "among the dead were",
"killed 15 people, 12 soldiers and 3 civilians": its groups count people no longer, that is all),
or when it may be two clauses ("killed 4 firefighters and 2 residents were injured"), a rate ("12
men and 3 women per 100,000"), or a part ("12 men and 3 women among the 40"): then it is left as it
was read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from .frames import Frame
from .lexicon import frame_words
from .model import Kind, Quantity
from .words import Lexicon, Token, singular, token_at

SUM = "sum"  # the role of a list's sum
LISTED = "listed"  # the role of a group's figure in a list that has a sum
PEOPLE = "person"  # what the sum counts, as a claim's "people" does
HEAD_MAX_WORDS = 4  # words from a figure to the noun it counts ("39 wounded Ukrainian soldiers")
_WORDS = frame_words()
_JOINER = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS.tally_joiners)
_COMMA = re.compile(r"\s*,\s*")
_JOINED = re.compile(rf"\s*(,)?\s*(?:{_JOINER})\s+", re.IGNORECASE)
_APPOSITION = frozenset(",:")  # "15 people, 12 soldiers and 3 civilians": the list names the 15


class _List(NamedTuple):
    """A list of groups a joining word has closed: their frames, where the last noun ends, and
    whether a comma stands before the joining word."""

    groups: list[Frame]
    end: int
    comma: bool


def with_tallies(
    frames: Sequence[Frame], text: str, offset: int, tokens: Sequence[Token], lex: Lexicon
) -> tuple[Frame, ...]:
    """``frames`` of one sentence (``text`` at ``offset``) with each list of groups' figures
    followed by their sum."""
    if len(frames) < 2 or not any(f" {w} " in text for w in _WORDS.tally_joiners):
        return tuple(frames)  # (most sentences: no list can be closed)
    out: list[Frame] = []
    run: list[Frame] = []
    end = 0  # where the run's last noun ends
    for f in frames:
        f_end = _group_end(f, tokens, lex)
        gap = text[end - offset : f.quantity.start - offset] if run and f_end else ""
        joined = _JOINED.fullmatch(gap) if gap else None
        if joined or (gap and _COMMA.fullmatch(gap)):
            run.append(f)
            end = f_end
            if joined:
                out += _tallied(_List(run, end, bool(joined.group(1))), text, offset, tokens, lex)
                run = []
            continue
        out += run
        run, end = ([f], f_end) if f_end else ([], 0)
        if not f_end:
            out.append(f)
    return tuple(out + run)


def _tallied(found: _List, text: str, offset: int, tokens: Sequence[Token], lex: Lexicon) -> list[Frame]:
    """A closed list's groups and their sum; its groups no longer counting people in general when
    it is some of a larger number; the list as it was read when it is no list of its own."""
    run = found.groups
    if (
        (found.comma and len(run) == 2)  # "detained 12 men, and 3 women were hurt": two clauses
        or len({f.counted for f in run}) < len(run)
        or len({(f.stance, f.negated, f.strong_times, f.weak_times, f.places) for f in run}) > 1
        or _not_its_own(found, tokens, lex)
    ):
        return run
    if _some_of_more(run[0], text, offset, tokens) or any(f.role for f in run):
        return [f._replace(generic=False) for f in run]
    first = run[0]
    groups = [f._replace(generic=False, role=LISTED) for f in run]
    return [
        *groups,
        first._replace(
            quantity=_sum(run, found.end, text, offset),
            counted=PEOPLE,
            concept="",
            generic=True,
            implicit_act=next((f.implicit_act for f in run if f.implicit_act), ""),
            modifiers=frozenset(),
            role=SUM,
            topic_keys=frozenset().union(*(f.topic_keys for f in run)),
            names=frozenset().union(*(f.names for f in run)),
            inherited=False,
            qualifiers=frozenset(),
        ),
    ]


def _not_its_own(found: _List, tokens: Sequence[Token], lex: Lexicon) -> bool:
    """Whether the word after a list makes it no count of its own: a rate ("per 100,000"), a part
    ("among the 40", "were among the 40", "of the 85"), or a verb when a verb stands before it as well ("killed 4
    firefighters and 2 residents were injured": the second group is the next clause's subject)."""
    k = token_at(tokens, found.end)
    if k == len(tokens):
        return False
    after = tokens[k].lower
    if after in _WORDS.auxiliaries and k + 1 < len(tokens) and tokens[k + 1].lower in _WORDS.part_openers:
        return True  # "2 pilots and 3 attendants were among the 40 injured"
    if after in _WORDS.rate_words or after in _WORDS.part_openers:
        return True
    return _verb(after, lex) and _verb_before(found.groups[0], tokens, lex)


def _verb_before(first: Frame, tokens: Sequence[Token], lex: Lexicon) -> bool:
    """Whether a verb stands right before a list ("killed 12 soldiers", "arrested only 12 men")."""
    k = token_at(tokens, first.quantity.start)
    while k > 0 and tokens[k - 1].lower in _WORDS.figure_determiners:
        k -= 1
    return k > 0 and _verb(tokens[k - 1].lower, lex)


def _verb(lower: str, lex: Lexicon) -> bool:
    return lower in _WORDS.auxiliaries or lower.endswith("ed") or lex.has("irregular_verbs", lower)


def _some_of_more(first: Frame, text: str, offset: int, tokens: Sequence[Token]) -> bool:
    """Whether a list is some of a larger number: after a word that says so anywhere before it in
    its sentence ("Among the injured were 12 men and 3 women"), or right after a count of people
    it names ("15 people, 12 soldiers and 3 civilians")."""
    k = token_at(tokens, first.quantity.start)
    if any(t.lower in _WORDS.tally_part_words for t in tokens[:k]):
        return True
    if k == 0 or singular(tokens[k - 1].lower) != PEOPLE:
        return False
    between = text[tokens[k - 1].end - offset : first.quantity.start - offset]
    return bool(between.strip()) and set(between.strip()) <= _APPOSITION


def _sum(run: list[Frame], end: int, text: str, offset: int) -> Quantity:
    """The figure the groups' figures make together: its interval the sum of theirs."""
    qs = [f.quantity for f in run]
    start = qs[0].start
    los = [q.lo for q in qs]
    his = [q.hi for q in qs]
    return Quantity(
        start=start,
        end=end,
        text=text[start - offset : end - offset],
        value=sum(q.value for q in qs),
        lo=None if None in los else sum(x for x in los if x is not None),
        hi=None if None in his else sum(x for x in his if x is not None),
        hedge=next((q.hedge for q in qs if q.hedge != "exact"), "exact"),
        kind=Kind.COUNT,
        counted="people",
        lo_open=any(q.lo_open for q in qs),
        hi_open=any(q.hi_open for q in qs),
    )


def _group_end(f: Frame, tokens: Sequence[Token], lex: Lexicon) -> int:
    """Where the noun of a figure that counts a group of people ends ("39 men"), or 0 when the
    figure is no such count ("15 people" is all of them)."""
    q = f.quantity
    if q.kind is not Kind.COUNT or f.role not in ("", "part") or f.labelled or f.counted in ("", PEOPLE):
        return 0
    if not (f.generic or lex.is_person_noun(f.counted)):
        return 0
    head = f.counted.split()[-1]
    k = token_at(tokens, q.end)
    for t in tokens[k : k + HEAD_MAX_WORDS]:
        if t.lower == head or singular(t.lower) == head:
            return t.end
    return 0
