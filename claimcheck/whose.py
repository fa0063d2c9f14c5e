"""Whose figure, a check of ``checks.CHECKS`` (``same_name``): a named thing is not another of the
same kind; a figure right after "Molina, who took" is Molina's; and in a sentence that never names
the claim's own, one whose verb has another name for its subject ("Plaid clinched four seats", "the
Tories slumped, winning 121") is that other's (docs/verdicts.md, alignment). Kept apart from
``checks`` for its size, as ``scopes`` and ``topics`` are."""

from __future__ import annotations

from .pairs import Pair
from .words import Lexicon, Token, name_parts, token_at


def same_name(p: Pair) -> str | None:
    """Named things: "the Bear Creek Fire" is not "the Cedar Ridge Fire"; and a figure whose clause
    names someone else, in a sentence that never names the claim's own ("the Green Party won four
    seats", for "Reform UK won five seats"), is that other's figure; so is one whose verb has
    another name for its subject ("Plaid clinched four seats")."""
    for phrase in p.plan.name_phrases:
        rival = [n for n in p.f.names if n[-1] == phrase[-1] and not set(n) & set(phrase[:-1])]
        if rival and phrase not in p.f.names:
            return f"about {' '.join(rival[0])}, not {' '.join(phrase)}"
    claimed = {word for phrase in p.plan.name_phrases for word in phrase} - p.plan.lex.lists["stopwords"]
    if claimed and not p.f.labelled and claimed.isdisjoint(p.passage.keys):
        # "South Korea's deadliest crash": a name the source gives as a place elsewhere ("in South
        # Korea") is where, not who.
        doc = p.context.doc
        places = doc.all_places() if doc is not None and p.f.names else frozenset()
        other = [n for n in p.f.names if claimed.isdisjoint(n) and not places.issuperset(n)]
        if other:
            return f"about {' '.join(other[0])}; the sentence never names {' '.join(sorted(claimed))}"
        if (subject := _ing_subject(p)) is not None:
            # "Sunak's Conservatives suffered their worst defeat, winning only 121 seats": the -ing
            # clause's subject is the sentence's.
            return f"what {subject.text} did; the sentence never names {' '.join(sorted(claimed))}"
    named = {part for t in p.plan.names for part in (t.stem, *name_parts(t.stem))}
    if named and not p.f.labelled and named.isdisjoint(p.passage.keys):
        subject = _named_subject(p)
        if subject is not None and subject.stem not in named and subject.stem not in p.f.places:
            return f"what {subject.text} did; the sentence never names {' '.join(t.text for t in p.plan.names)}"
    if named and not p.f.labelled and (who := _relative_antecedent(p)) is not None and who.stem not in named:
        return f"what {who.text} did ('{who.text}, who ...'), not {' '.join(t.text for t in p.plan.names)}"
    return None


def _relative_antecedent(p: Pair) -> Token | None:
    """The name a relative clause right before the figure is about ("outstripping Massa, who
    garnered 44.2%"): the figure is that name's, whoever else the sentence names. Only after a
    comma, a capitalised name and "who" or "which" (lexicon/words.yaml relative_pronouns)."""
    tokens, text, start = p.passage.tokens, p.passage.passage.text, p.passage.passage.start
    k = _verb_at(p)  # "who won only 121 seats"
    lex = p.plan.lex
    if k < 3 or not lex.has("relative_pronouns", tokens[k - 2].lower):
        return None
    verb, name = tokens[k - 1], tokens[k - 3]
    is_verb = _is_verb(verb, lex)
    comma = text[name.end - start : tokens[k - 2].start - start].strip() == ","
    if not (is_verb and comma and name.capital and not verb.capital) or _time_word(name, lex):
        return None  # "in March, which added 800 jobs": "which" is the event, not March
    if (
        k > 4
        and tokens[k - 4].lower == "the"
        and text[tokens[k - 5].end - start : tokens[k - 4].start - start].strip() == ","
    ):
        return None  # "Molina's party, the PRD, which won 44%": another name for what came before
    return name


def _time_word(t: Token, lex: Lexicon) -> bool:
    """Whether ``t`` is a month, a day or another word of time ("March", "Friday")."""
    return any(lex.has(name, t.lower) for name in ("months", "time_weak", "time_strong"))


def _named_subject(p: Pair) -> Token | None:
    """The name right before the verb right before the figure ("Labour clinched 412 seats"): whose
    figure it is. Not a sentence's first word, which may be a common word in capitals."""
    tokens = p.passage.tokens
    k = _verb_at(p)  # "won only 121 seats"
    lex = p.plan.lex
    if k < 2:
        return None
    verb, subject = tokens[k - 1], tokens[k - 2]
    is_verb = _is_verb(verb, lex)
    time_word = lex.has("months", subject.lower) or lex.has("time_weak", subject.lower)
    if is_verb and not verb.capital and subject.capital and k - 2 > 0 and not time_word:
        return subject
    return None


def _ing_subject(p: Pair) -> Token | None:
    """The name that opens a sentence whose figure stands right after ", VERB-ing" ("Labour's
    rivals collapsed, winning only 121 seats"): the -ing clause says what that subject did. The
    name is the first capitalised word before the comma that is neither the sentence's first word
    nor a place nor a time."""
    tokens, text, start = p.passage.tokens, p.passage.passage.text, p.passage.passage.start
    k = _verb_at(p)  # "winning only 121 seats"
    lex = p.plan.lex
    if k < 2 or not tokens[k - 1].lower.endswith("ing"):
        return None
    if not text[tokens[k - 2].end - start : tokens[k - 1].start - start].rstrip().endswith(","):
        return None  # "..., winning": the comma ends the clause before (a year may stand before it)
    doc = p.context.doc
    places = doc.all_places() if doc is not None else frozenset()
    for t in tokens[1 : k - 1]:
        if t.capital and t.stem not in places and not _time_word(t, lex) and not lex.has("stopwords", t.lower):
            return t
    return None


def _verb_at(p: Pair) -> int:
    """The index of the token after the word that may be the figure's verb: the figure's own
    token, or the one before it past a function word ("won only 121 seats"), but not past a word
    that refers back ("confirmed that 120": the verb's object is a clause)."""
    tokens, lex = p.passage.tokens, p.plan.lex
    k = token_at(tokens, p.f.quantity.start)
    before = tokens[k - 1].lower if k > 0 else ""
    if before and lex.has("stopwords", before) and not lex.has("back_references", before):
        k -= 1
    return k


def _is_verb(t: Token, lex: Lexicon) -> bool:
    """Whether ``t`` reads as a verb of the past or of an act ("clinched", "won", "received")."""
    return t.lower.endswith("ed") or lex.has("irregular_verbs", t.lower) or bool(t.concept)
