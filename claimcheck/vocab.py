"""The lexicon's word lists as the frame stage asks about them for every figure, derived once per
lexicon: the place, time, stance and counted-noun readings (places.py, frames.py) share them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from .lexicon import frame_words
from .words import Lexicon, PhraseList


class Vocab:
    """The lexicon's word lists as the frame stage asks about them for every figure: derived once
    per lexicon (see ``Lexicon.derive``), with the verb and negation readings of the words seen."""

    def __init__(self, lex: Lexicon) -> None:
        lists, words = lex.lists, frame_words()
        self.words = words
        self.place_prepositions, self.saint_words = words.place_prepositions, words.saint_words
        self.figure_negations, self.auxiliaries = words.figure_negations, words.auxiliaries
        self.variants = lex.variants
        self.not_place_names = lex.union("months", "time_weak")
        # A month is a time frame ("50,000 jobs in March" is not April's figure); a month that is
        # also a function word ("may") is read as that word.
        self.time_strong = lists["time_strong"] | (lists["months"] - lists["stopwords"])
        self.time_weak = lists["time_weak"]
        self.time_modifiers = lists["time_modifiers"]
        self.strong_phrases = lex.phrase_list("time_strong", 2)
        self.denial_cues, self.denial_phrases = lists["denial_cues"], lex.phrase_list("denial_cues", 2)
        self.denial_firsts = self.denial_cues | self.denial_phrases.by_first.keys()
        self.place_lies, self.place_lie_followers = lists["place_lies"], lists["place_lie_followers"]
        self.noun_lie_openers = lists["noun_lie_openers"]
        self.report_cues, self.generic_counted = lists["report_cues"], lists["generic_counted"]
        self.speaker_verbs = lists["report_cues"] | lists["speaker_verbs"]
        self.forecast_cues = lists["forecast_cues"]
        self.attribution_cues = lists["attribution_cues"]
        self.proposition_nouns = lists["proposition_nouns"]
        self.disputing_predicates = lex.phrase_list("disputing_predicates")
        self.part_markers = lex.phrase_list("part_of_markers")
        self.comparison_markers = lex.phrase_list("comparison_markers")
        self.stopwords, self.irregular_verbs = lists["stopwords"], lists["irregular_verbs"]
        self.person_acts = lists["person_acts"]
        # Words that end a counted noun phrase: function words, light and irregular verbs, time words.
        self.counted_ends = lex.union(
            "stopwords", "light_verbs", "irregular_verbs", "time_weak", "time_strong", "months"
        )
        self.stop_or_time = lex.union("stopwords", "time_weak", "time_strong", "months")
        # What ``_times`` gives a clause without words (most of a table's): "".split("-") is [""].
        self.no_times = frozenset({""} & self.time_strong), frozenset({""} & self.time_weak)
        # Word -> whether it reads as a verb of its own / negates a figure, filled as words come.
        self.verb: dict[str, bool] = {}
        self.negation: dict[str, bool] = {}

    def flags(self, words: Iterable[str]) -> tuple[dict[str, bool], dict[str, bool]]:
        """(verb, negation) readings covering ``words``: the shared ones, grown by the words not
        seen before; once those are full, this sentence's own (never cleared: threads share them)."""
        new = set(words).difference(self.verb)
        verb, negation = self.verb, self.negation
        if new and len(verb) + len(new) > MAX_WORD_FLAGS:
            verb, negation, new = {}, {}, set(words)
        for w in new:
            # A past tense or participle, or an irregular verb, that is no function word.
            verb[w] = w not in self.stopwords and (
                w.endswith("ed") or (w in self.irregular_verbs and w not in self.auxiliaries)
            )
            negation[w] = w in self.figure_negations or w.endswith("n't")
        return verb, negation


MAX_WORD_FLAGS = 200_000  # distinct words whose verb and negation flags are remembered


def vocab(lex: Lexicon) -> Vocab:
    return lex.derive("frames", Vocab)


def holds(phrases: PhraseList, words: Sequence[str]) -> bool:
    """``phrases.within(words)``, asked as set tests in C: whether the runs of ``words`` as long as
    some of the phrases hold one of them (most runs of words hold no phrase's first or last word)."""
    if phrases.by_first.keys().isdisjoint(words) or phrases.lasts.isdisjoint(words):
        return False
    return any(
        not group.isdisjoint(zip(*(islice(words, k, None) for k in range(n)), strict=False))
        for n, group in phrases.by_length
        if n
    )
