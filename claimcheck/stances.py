"""A figure's stance as the words around it give it (docs/verdicts.md §4): denied by a denial
before it; a forecast, plan or condition by a forecast word before it in its clause or between it
and its act; denied when it is given as a say-so ("Reports that 30 died ...") that the clause after
it calls false. Words in lexicon/words.yaml (denial_cues, forecast_cues) and frames.yaml."""

from __future__ import annotations

from collections.abc import Sequence

from .vocab import Vocab, holds
from .words import Token

MODAL_REACH = 5  # words from a figure to a forecast word before its act: "300 jobs are expected to"


def denied_before(lowers: Sequence[str], v: Vocab) -> bool:
    """Whether a denial word or phrase stands among ``lowers``, the words before a figure (a
    "lie" right before it says where: "Derna lies 250 km east")."""
    return denial_cue(lowers, v, figure_next=True) is not None or holds(v.denial_phrases, lowers)


def denial_cue(lowers: Sequence[str], v: Vocab, figure_next: bool = False) -> int | None:
    """The index of the first denial word among ``lowers``, else None. A form of "lie" after a word
    that leaves it a verb ("the town lies", "which lies", not "a lie", "were lies", "the lies") and
    before a word of place ("lies in", "lies 40 km east", "lies the claim that"), or the figure when
    ``figure_next``, is the verb of place, not a denial (lexicon/words.yaml place_lies)."""
    for j, word in enumerate(lowers):
        if word not in v.denial_cues:
            continue
        if word in v.place_lies and j and lowers[j - 1] not in v.noun_lie_openers:
            follower = lowers[j + 1] if j + 1 < len(lowers) else ""
            if follower in v.place_lie_followers or (not follower and figure_next):
                continue
        return j
    return None


def forecast_cue(t: Token, v: Vocab) -> bool:
    """Whether ``t`` is a forecast, plan or condition word; the capitalised month "May" is none."""
    return t.lower in v.forecast_cues and not (t.capital and t.lower == "may")


def forecast_before(before: Sequence[Token], v: Vocab) -> bool:
    """Whether the words of a figure's clause before it make it a forecast, plan or condition
    ("could reach 20,000", "is expected to cost", "if talks fail, 300 jobs"). A relative word
    opens a clause of its own: "must search the rubble where the storm killed 48" is no forecast
    of the 48."""
    for t in reversed(before):
        if t.lower in v.words.relative_words:
            return False
        if forecast_cue(t, v):
            return True
    return False


def forecast_after(ahead: Sequence[Token], v: Vocab) -> bool:
    """Whether a forecast word stands between a figure and its act after it ("300 jobs could be
    cut", "30 people may have died", "are expected to be built"): among the first words of
    ``ahead`` (the clause after the figure), before any verb or "and"."""
    ahead = ahead[:MODAL_REACH]
    verb, _ = v.flags(t.lower for t in ahead)
    for t in ahead:
        if forecast_cue(t, v):
            return True
        if (verb[t.lower] and t.lower not in v.auxiliaries) or t.lower in v.words.coordinators:
            return False
    return False


def called_false(said: Sequence[str], after: Sequence[str], v: Vocab) -> bool:
    """Whether ``after``, the words after a figure given as a say-so up to a comma, call it false
    ("... are untrue", "... were denied by officials", "... are not true"); ``said``, the say-so's
    words before the figure. A denial word is the say-so's own verb ("reports that 30 bids were
    rejected") unless another verb, or a second auxiliary, comes first."""
    if holds(v.denial_phrases, after):
        return True
    cue = denial_cue(after, v)
    if cue is None:
        return False
    said = [*said, *after[:cue]]
    verb, _ = v.flags(said)
    # "(that) 30 people died ... were denied", "(that) 40 were hurt ... are untrue"
    return any(verb[word] for word in said) or sum(word in v.auxiliaries for word in said) > 1
