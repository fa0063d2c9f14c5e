"""What a sentence does not assert of an act (docs/verdicts.md §4): a denial that governs it
("Halden denied that it fired its chief executive", "denied firing", "dismissed claims that it
fired"), someone's say-so that the sentence calls false ("Reports that Halden fired its chief
executive are untrue"): evidence against the statement, never for it; and a forecast, plan or
condition ("Halden may fire ...", "if the deal fails, Halden would fire ..."): no evidence for a
statement of fact. Words in lexicon/words.yaml (denial_cues, negations, proposition_nouns,
forecast_cues)."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from enum import Enum

from .plan import negated_at
from .stances import forecast_cue
from .vocab import vocab
from .words import Lexicon, Token, lexicon

DENIAL_REACH = 12  # words between a denial and the act it governs ("denied reports that it had fired")
DENIAL_WINDOW = 3  # words before a denial searched for a negation ("has not denied that")
SAY_SO_REACH = 4  # words from a verb of belief to the say-so it governs ("believe the official reports")
CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]")  # a clause ends between two words: the denial is of something else


class Denial(Enum):
    NONE = "none"  # the sentence does not deny the act
    DENIED = "denied"  # it denies it: evidence against the statement
    UNSAID = "unsaid"  # "did not deny that ...": it neither states the act nor denies it


def denial_of(tokens: Sequence[Token], at: int, text: str, offset: int, skip: Container[int] = ()) -> Denial:
    """How the sentence whose ``tokens`` and ``text`` (starting at ``offset``) are given treats
    the act at ``tokens[at]``; ``skip``: indexes of the claim's own words, which are never its
    denial ("Councillors rejected the tax": "rejected" is the act, not a denial of it)."""
    lex = lexicon()
    lowers = [t.lower for t in tokens]
    denials, negations, nouns = lex.lists["denial_cues"], lex.lists["negations"], lex.lists["proposition_nouns"]
    truths = lex.lists["truth_words"]
    beliefs = lex.lists["belief_verbs"]

    def broken(i: int, j: int) -> bool:  # a clause break between tokens i < j
        return CLAUSE_BREAK.search(text, tokens[i].end - offset, tokens[j].start - offset) is not None

    said_by = False  # a proposition noun + "that" before the act: someone's say-so
    for i in range(at - 1, max(-1, at - DENIAL_REACH - 1), -1):
        if broken(i, at):
            break
        if lowers[i] in denials and i not in skip and _governs(lowers, i, at, nouns):
            return Denial.UNSAID if negated_at(tokens, i, negations, DENIAL_WINDOW) else Denial.DENIED
        if lowers[i] in beliefs and _told_not_to(lowers[:i], lex) and _says_so(lowers[i + 1 : at], lex):
            return Denial.DENIED  # "Don't believe the reports that ...", "do not trust headlines saying ..."
        said_by = said_by or (lowers[i] in nouns and lowers[i + 1] == "that")
    if not said_by:
        return Denial.NONE
    for j in range(at + 1, len(tokens)):
        if broken(at, j):
            break
        if (lowers[j] in denials and j not in skip) or (
            lowers[j] in negations and j + 1 < len(lowers) and lowers[j + 1] in truths
        ):
            return Denial.DENIED  # "Reports that X are untrue", "... were denied", "... are not true"
    return Denial.NONE


def _told_not_to(before: Sequence[str], lex: Lexicon) -> bool:
    """Whether ``before``, the sentence's words before a verb of belief, tell the reader not to
    ("Don't", "Do not", "Never", "Please do not"): the writer's own denial, unlike "Residents could
    not believe ..." (surprise) or "He never believed ..." (someone else's doubt)."""
    words = lex.lists["imperative_words"]
    negations = lex.lists["negations"]
    return (
        bool(before)
        and all(w in words or w in negations or w.endswith("n't") for w in before)
        and any(w in negations or w.endswith("n't") for w in before)
    )


def _says_so(between: Sequence[str], lex: Lexicon) -> bool:
    """Whether ``between``, the words from a verb of belief to an act, open with a say-so and its
    content: "the reports that", "the headlines saying", "claims suggesting"."""
    nouns, links = lex.lists["proposition_nouns"], lex.lists["say_so_links"]
    at = next((k for k, w in enumerate(between[:SAY_SO_REACH]) if w in nouns), None)
    return at is not None and any(w in links for w in between[at + 1 : at + 2])


def _governs(lowers: Sequence[str], i: int, at: int, nouns: Container[str]) -> bool:
    """Whether the denial at ``i`` governs the act at ``at``: right before "that" ("denied that it
    fired"), or a proposition noun and "that" ("rejected claims that it fired", "denied the reports
    that ..."), or the act's -ing form ("denied firing", "denied having fired")."""
    between = lowers[i + 1 : at]
    if "that" in between[:4]:
        k = between.index("that")
        return k == 0 or any(w in nouns for w in between[:k])
    return between == ["having"] or (between in ([], ["ever"]) and lowers[at].endswith("ing"))


MODAL_REACH = 4  # words between a forecast word and its act: "is expected to soon fire"


def forecast_governs(tokens: Sequence[Token], at: int, text: str, offset: int) -> bool:
    """Whether a forecast, plan or condition word ("may", "would", "expected to") governs the act
    at ``tokens[at]``: a few words before it, in its clause, with no finite "was" or "has" between
    ("a proposed tax was voted down": the tax was proposed; the vote happened). The capitalised
    month "May" is no such word (``stances.forecast_cue``)."""
    lex = lexicon()
    lists, v = lex.lists, vocab(lex)
    finite, refusals = lists["finite_auxiliaries"], lists["refusal_modals"]
    for i in range(at - 1, max(-1, at - MODAL_REACH - 2), -1):
        t = tokens[i]
        if CLAUSE_BREAK.search(text, t.end - offset, tokens[i + 1].start - offset):
            return False  # "As expected, Halden fired ...": another clause's
        if forecast_cue(t, v):
            # "would not declare": a refusal, read as a negation; "may not have" stays uncertain.
            return not (t.lower in refusals and negated_at(tokens, i + 2, lists["negations"], 1))
        if t.lower in finite:
            return False
    return False
