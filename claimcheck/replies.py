"""Replies, for the judge: a passage that takes back the one before it ("That is not true.", "In
fact, ...") or answers "No." to a question about it (docs/verdicts.md §4). Words in
lexicon/words.yaml (back_references, denial_cues, reply_negations, truth_words, belief_words,
correction_openers, negative_answers, holding_questions)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .facts import PassageFacts
from .model import Stance
from .segment import is_question
from .words import Lexicon, Token, lexicon

_LABEL = re.compile(r"([A-Z][\w.' -]{0,40}):\s*")  # a speaker's label: "OKAFOR: ", "Q: "
_FIRST_WORD = re.compile(r"(\w+)[.,!;:]")  # a one-word answer, closed by a punctuation mark: "No."


BACK_DENIAL_WORDS = 8  # words at the opening of a passage where "That's not true" may stand
ANSWERABLE = (Stance.REPORTED, Stance.FORECAST)  # what a question about it and a "No." take back
SHORT_REPLY_WORDS = 4  # "It did not:", "They weren't.": a negation this short answers the sentence before


def asked_and_denied(question: PassageFacts, reply: PassageFacts) -> bool:
    """Whether a question about the sentence before ("Is that still the figure?") is answered "No."
    (after a speaker's label, "OKAFOR: No. ...")."""
    lex = lexicon()
    words = {t.lower for t in question.tokens}
    if not is_question(question.passage.text) or words.isdisjoint(lex.lists["back_references"]):
        return False
    if words.isdisjoint(lex.lists["holding_questions"]):
        return False  # "Is that wrong?" "No.": the figure stands; only "Is that still/right ...?" asks
    text = reply.passage.text.lstrip()
    label = _LABEL.match(text)
    if label and not lex.has("negative_answers", label.group(1).lower()):
        text = text[label.end() :]  # "OKAFOR: No. ...", but not "No: ..."
    first = _FIRST_WORD.match(text)
    return first is not None and lex.has("negative_answers", first.group(1).lower())


def denies_what_came_before(p: PassageFacts) -> bool:
    """Whether a passage opens by denying or correcting the one before it (docs/verdicts.md §4):

    - a back-reference ("that", "it") followed by a denial ("That is wrong", "This is false"), or by
      a negation and a word of truth ("That isn't true");
    - a short negative reply that stops at a punctuation mark ("It did not: ...", "They weren't.");
    - a correction that opens it ("In fact, ...", "Actually ...", "The real figure is ...").
    """
    lex = lexicon()
    tokens = p.tokens[:BACK_DENIAL_WORDS]
    words = [t.lower for t in tokens]
    if lex.phrase_list("correction_openers").within(words[: BACK_DENIAL_WORDS // 2]):
        return True
    for i, w in enumerate(words):
        if lex.has("back_references", w):
            if not _opens(words[_label_words(p, tokens) : i], lex):
                return False  # "He knew it was wrong": "it" is what he knew, not the sentence before
            rest = words[i + 1 : i + 5]
            if any(lex.has("denial_cues", r) for r in rest):
                return True
            negated = [j for j, r in enumerate(rest) if lex.has("reply_negations", r) or r.endswith("n't")]
            if not negated:
                return False
            if any(lex.has("truth_words", r) for r in rest):
                return True
            belief = [j for j, r in enumerate(rest) if lex.has("belief_words", r)]
            if belief and _stops_after(p, tokens[i + 1 + belief[0]]):
                return True
            last = i + 1 + negated[0]
            return last - i < SHORT_REPLY_WORDS and _stops_after(p, tokens[last])
    return False


def calls_it_false(p: PassageFacts) -> bool:
    """Whether a passage opens by calling what came before false in so many words, and stops there:
    "That figure is wrong.", "This is false.", "That's not true." (lexicon/words.yaml falsity_words,
    figure_nouns): a writer who states a figure and then says this was giving someone else's. Not
    "They denied the charges", "It is wrong to blame ...", "In fact, ...": those speak of more."""
    lex = lexicon()
    tokens = p.tokens[:BACK_DENIAL_WORDS]  # no speaker's label: "That figure is false: ..." is none
    words = [t.lower for t in tokens]
    if not words or not lex.has("back_references", words[0]):
        return False
    i = 2 if len(words) > 1 and lex.has("figure_nouns", words[1]) else 1
    if i < len(words) and words[i] in _COPULAS:
        i += 1
    elif i >= len(words) or not _CONTRACTED.match(p.passage.text, tokens[i - 1].end - p.passage.start):
        return False  # "That's false", "That figure's wrong": the tokens leave out "'s"
    negated = i < len(words) and words[i] == "not"
    i += negated
    if i >= len(words) or not lex.has("truth_words" if negated else "falsity_words", words[i]):
        return False
    return _stops_after(p, tokens[i]) or p.passage.text[tokens[i].end - p.passage.start :].strip() == ""


_COPULAS = frozenset({"is", "are"})  # "That was wrong" may judge an act, not a figure
_CONTRACTED = re.compile(r"['’]s\b")


def _label_words(p: PassageFacts, tokens: Sequence[Token]) -> int:
    """How many of ``tokens`` are a speaker's label at the passage's opening ("OKAFOR: ...")."""
    label = _LABEL.match(p.passage.text.lstrip())
    if label is None:
        return 0
    end = p.passage.start + len(p.passage.text) - len(p.passage.text.lstrip()) + label.end()
    return sum(1 for t in tokens if t.end <= end)


def _opens(before: list[str], lex: Lexicon) -> bool:
    """Whether the words before a back-reference leave it at the passage's opening: none, function
    words ("But that is wrong"), or a speaker and a verb of saying ("The ministry said that was wrong")."""
    function_words = lex.union("stopwords", "light_verbs")
    return all(w in function_words for w in before) or any(lex.has("report_cues", w) for w in before)


def _stops_after(p: PassageFacts, t: Token) -> bool:
    """Whether a punctuation mark closes the clause right after token ``t`` ("It did not: ...")."""
    text = p.passage.text
    at = t.end - p.passage.start
    return 0 <= at < len(text) and text[at : at + 2].strip()[:1] in (":", ";", ".", ",", "—", "–", "!")
