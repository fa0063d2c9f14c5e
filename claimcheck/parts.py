"""What a figure counts, and parts and wholes, for the frame stage: the noun phrase after a figure
("55 wounded soldiers", "187 were homes"), "two of the detainees" (a part of a named group), "500
of the 1,300" (a part and its whole), "412 of 650" (a part and the pool it is taken from)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .lexicon import frame_words
from .model import Kind, Quantity
from .vocab import Vocab
from .words import Lexicon, Token, is_demonym, is_plural, people_form, people_named, singular, token_at

_WORDS = frame_words()  # lexicon/frames.yaml
COUNTED_MAX_WORDS = 3  # words after a number read as the noun phrase it counts
IMPLICIT_ACT_WINDOW = 3  # words after a number searched for an act that implies people ("1,386 arrested")
_ABOARD = re.compile(r"\s*(?:" + "|".join(map(re.escape, _WORDS.aboard_words)) + r")\b", re.IGNORECASE)
ABOARD = "aboard"  # what a figure before "on board" counts: some of those carried
PEOPLE = "people"  # ... or all of them, after "with" or "carrying"
_ABOARD_WORDS = frozenset(w for w in _WORDS.aboard_words if " " not in w)


def partitive(tokens: Sequence[Token], i: int, lex: Lexicon) -> list[Token] | None:
    """The noun words of "of the <noun>" right after a figure (token ``i`` on); [] for "of them";
    None when the figure is not followed by a partitive."""
    if i + 1 < len(tokens) and tokens[i].lower == "of" and tokens[i + 1].lower in _WORDS.partitive_determiners:
        if tokens[i + 1].lower in _WORDS.partitive_pronouns:
            return []
        words: list[Token] = []
        for t in tokens[i + 2 : i + 2 + COUNTED_MAX_WORDS]:
            if lex.has("stopwords", t.lower) or lex.has("irregular_verbs", t.lower):
                break
            if words and t.start > words[-1].end + 1:
                break  # "of the vote, doubled": punctuation ends the group
            if words and t.lower.endswith("ed"):
                break  # "3,900 of its staff stopped work": -ed after a noun is the verb
            if words and is_plural(words[-1].lower) and words[-1].lower not in _WORDS.plural_modifiers:
                break  # "a quarter of the voters live ...": a plural noun heads the group, the verb follows
            words.append(t)
        return words
    return None


def opens_on_a_part(tokens: Sequence[Token]) -> bool:
    """Whether a sentence opens on a part of a group the sentence before named: "Of these, 406
    received the drug", "Among them, 12 were children"."""
    return len(tokens) > 1 and tokens[0].lower in _WORDS.part_openers and tokens[1].lower in _WORDS.partitive_pronouns


def starts_part_marker(
    tokens: Sequence[Token],
    lowers: Sequence[str],
    i: int,
    quantities: Sequence[Quantity],
    figure_starts: Sequence[int],
    v: Vocab,
    text: str,
    offset: int,
) -> bool:
    """Whether the words after a figure (token ``i`` on, possibly after its counted noun) open
    "of the <figure>". ``lowers`` are the tokens' lower-cased forms; ``figure_starts`` are the
    starts of ``quantities``, in order; ``text`` is the sentence, starting at ``offset``. The
    words up to that figure must be of its phrase: in "7.9% of the vote and 14 seats", a comma or
    an "and" before the 14 starts another figure, not the whole."""
    for j in range(i, min(i + COUNTED_MAX_WORDS + 1, len(tokens))):
        word = lowers[j]
        if word in _WORDS.part_openers:
            k = bisect.bisect_left(figure_starts, tokens[j].end)  # the next figure
            if k == len(quantities) or quantities[k].start - tokens[j].end >= 24:
                return False
            between = text[tokens[j].end - offset : quantities[k].start - offset].lower()
            words = set(between.split())
            # "26.8% of residents are 65 or over": a verb between makes the figure after it the
            # clause's predicate, no whole.
            return not (set(",;:()") & set(between) or _WORDS.coordinators & words or v.auxiliaries & words)
        if word in v.stopwords:
            return False
    return False


def figure_ends_at(quantities: Sequence[Quantity], starts: Sequence[int], at: int) -> bool:
    """Whether a figure ends right before offset ``at`` (a space apart)."""
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and 0 <= at - quantities[k].end <= 1


def gap(text: str, offset: int, start: int, end: int) -> bool:
    """Whether anything but spaces stands between two offsets (``text`` starts at ``offset``)."""
    between = text[start - offset : end - offset] if text else " " * (end - start)
    return len(between) > 2 or bool(between.strip())


def counted_phrase(
    tokens: Sequence[Token], lowers: Sequence[str], i: int, q: Quantity, v: Vocab, text: str = "", offset: int = 0
) -> tuple[str, list[str], str]:
    """(counted noun phrase, demonym modifiers, implicit act) for the figure whose span ends before
    token ``i``; ``lowers`` are the tokens' lower-cased forms."""
    if text and _ABOARD.match(text, q.end - offset):
        # "sank with 212 on board", "carrying 181 aboard": all the people carried; else some of
        # them ("only 40 on board wore life jackets"): a narrower group than the claim's people.
        before = token_at(tokens, q.start) - 1
        total = before >= 0 and lowers[before] in _WORDS.aboard_totals
        return (PEOPLE if total else ABOARD), [], ""
    words: list[Token] = []
    j = i
    n = len(tokens)
    if j < n and lowers[j] == "of" and (q.scale or q.hedge == "plural"):
        j += 1  # "thousands of people", "a dozen of them"
    elif j + 1 < n and lowers[j] in _WORDS.additive_words and not gap(text, offset, q.end, tokens[j].start):
        j += 1  # "24 other cities", "12 more towns": the noun after is what is counted
    while j < n and len(words) < COUNTED_MAX_WORDS:
        t = tokens[j]
        # Punctuation, between the figure or the word before and this one, ends the phrase.
        if gap(text, offset, tokens[j - 1].end if j > i else q.end, t.start):
            break
        word = lowers[j]
        if word in v.counted_ends or word in _ABOARD_WORDS:
            break  # "212 passengers aboard": where they are, not what they are
        # "55 wounded soldiers": a participle before a noun belongs to the phrase; "1,740 arrested
        # overnight", "4,000 staff stopped work": a verb does not, nor anything -ed after a noun.
        if word.endswith("ed") and not (
            all(w.lower.endswith(("ed", "ly")) for w in words)
            and j + 1 < n
            and not lowers[j + 1].endswith(("ed", "ly"))
            and tokens[j + 1].start - t.end <= 2
            and lowers[j + 1] not in v.stop_or_time
            and (q.value == 1 or is_plural(lowers[j + 1]) or lowers[j + 1] in _WORDS.collective_nouns)
        ):
            # "406 received tavorelib": a verb and its object; a participle is before a plural noun.
            break
        words.append(t)
        j += 1
    if words:
        return _named(words)
    if (noun := _predicate_noun(tokens, lowers, i, v, text, offset)) is not None:
        return noun.lower, [], ""  # "187 were homes"
    for t in tokens[i : i + IMPLICIT_ACT_WINDOW]:
        if t.lower in _WORDS.coordinators:
            break  # "killed 23 and injured 40": the act after "and" is the next figure's
        if t.concept and t.concept in v.person_acts:
            return "", [], t.concept
    return "", [], ""


def _named(words: Sequence[Token]) -> tuple[str, list[str], str]:
    """A counted noun phrase and its demonym modifiers; a people the head names ("two Thais", "six
    Danes") is their group too, and a plural in -is keeps its -i ("thai", as ``singular`` reads it)."""
    mods = [singular(w.lower) for w in words[:-1] if is_demonym(w)]
    head = words[-1].lower
    if people := people_named(words[-1]):
        mods.append(people)
        head = people_form(head)
    return " ".join([*(w.lower for w in words[:-1]), head]), mods, ""


def _predicate_noun(
    tokens: Sequence[Token], lowers: Sequence[str], i: int, v: Vocab, text: str, offset: int
) -> Token | None:
    """The noun after a copula right after a figure ("187 were homes; the rest were barns"), when
    it ends its clause: not a verb ("were arrested") nor an adverb, a function word or a time."""
    if i + 1 >= len(tokens) or lowers[i] not in _WORDS.predicate_copulas:
        return None
    noun, word = tokens[i + 1], lowers[i + 1]
    if word.endswith(("ed", "ing", "ly")) or word in v.stop_or_time or gap(text, offset, tokens[i].end, noun.start):
        return None
    if not is_plural(word):
        return None  # a count's predicate noun is plural ("were homes"); "were unsafe" is no noun
    ends = i + 2 >= len(tokens) or lowers[i + 2] in v.stopwords or gap(text, offset, noun.end, tokens[i + 2].start)
    return noun if ends else None


CLAUSE_END = re.compile(r"[,;:]")  # a clause ends at one of these
PROGRESS_WORDS = 5  # words after a figure where the unit and participle of a count's progress stand


def counted_so_far(q: Quantity, tokens: Sequence[Token], i: int, text: str, offset: int) -> bool:
    """Whether figure ``q``, whose next token is ``tokens[i]``, is how far a count has gone: a share
    or a part of a whole of a unit of counting, then a participle of counting ("97.6% of the ballots
    counted", "648 out of 650 seats declared"), or a share with the participle right after it ("95%
    reporting"); lexicon/frames.yaml progress_units and progress_participles."""
    words: list[str] = []
    end = q.end
    for t in tokens[i : i + PROGRESS_WORDS]:
        if CLAUSE_END.search(text, end - offset, t.start - offset):
            break  # the clause ends: "With 95% of ballots, ...": what follows is another clause's
        words.append(t.lower)
        end = t.end
    if q.kind is Kind.PERCENT and words[:1] and words[0] in _WORDS.progress_participles:
        return not gap(text, offset, q.end, tokens[i].start)
    if not words or words[0] not in ("of", "out"):
        return False
    return any(
        singular(word) in _WORDS.progress_units and words[k + 1] in _WORDS.progress_participles
        for k, word in enumerate(words[:-1])
    )
