"""Stage 6a, checks: does a source figure speak to a claim figure? An ordered registry of small named
checks over one (claim figure, source figure) pair, each either passing, noting a way the frames
differ (which makes the alignment *loose*), or dropping the pair with its reason.

The model is yamllint's rules registry: each check is one function with the same signature, listed
once in ``CHECKS``; its docstring is its user documentation and ``--explain`` shows its name beside
the reason. A new mechanism is a new check, not a branch in a long function. What the relations
mean is in ``docs/verdicts.md`` (alignment: figures that count the same thing in the same frame).
"""

from __future__ import annotations

import functools

from .ages import AGE
from .cells import YEAR
from .facts import PassageFacts
from .frames import Frame
from .levels import change_or_level, claim_reading
from .lexicon import frame_words, read
from .model import Kind, Quantity, Stance
from .pairs import NO_CONTEXT, Check, Context, Pair
from .places import date_and_relative, sets_match
from .plan import UNIT_KINDS, ClaimPlan, FigurePlan
from .quantities import in_points
from .scopes import over_places, same_place, same_reference
from .tallies import LISTED, PEOPLE, SUM
from .topics import on_topic, singular_eq
from .whose import same_name
from .words import Lexicon, Token, lexicon, people_adjective, singular, tokenize

MAX_UNCOUNTED_RATIO = 10  # figures with no counted noun further apart than this are different things
MAX_ONE_NOUN_RATIO = 1000  # ... and with a counted noun on one side only ("$129 purchase price" / "$38m")


def same_kind(p: Pair) -> str | None:
    """Figures of different kinds (a count, a percent, money in another currency, a measure in
    other units) are never compared."""
    cq, sq = p.claim.quantity, p.f.quantity
    if _kinds_match(cq, sq) or (p.fp.unitless and sq.kind in UNIT_KINDS and _labelled_here(p)):
        return None
    return f"{_kind_text(sq)}, not {_kind_text(cq)}"


def _kind_text(q: Quantity) -> str:
    """ "a count", "a percent in %", "a money in EUR": a figure's kind, and its unit when it has one."""
    return f"a {q.kind}{' in ' + q.unit if q.unit else ''}"


def _labelled_here(p: Pair) -> bool:
    """Whether a unitless claim figure's label words stand in the source figure's own clause
    ("the median age is 38.4 years"), not merely earlier in its sentence ("..., in ten years")."""
    return any(not keys.isdisjoint(p.f.topic_keys) for keys in p.fp.topic_keys)


def same_measure(p: Pair) -> str | None:
    """A change against a level: "shares fell 12%" is how much they fell, "fell to 45%" where they
    ended; neither says the other (levels.py)."""
    cq, fq = p.fp.frame.quantity, p.f.quantity
    claimed = claim_reading(p.plan.claim.text, cq.start, cq.end)
    said = change_or_level(p.passage.tokens, fq.start, fq.end, p.plan.lex) if claimed else ""
    if said and said != claimed:
        return f"the {said} a value reached, not its {claimed}" if said == "level" else f"a {said}, not the level"
    return None


def not_a_baseline(p: Pair) -> str | None:
    """ "80% contained by Friday, up from 45% on Tuesday": the 45% is what the sentence compares
    against, unless the claim asks about the very time the baseline names; "12 births per 1,000
    people": the 1,000 is the denominator of a rate; "with 97% of ballots counted": the progress of
    a count."""
    c, f = p.claim, p.f
    if f.role == "baseline":
        # The baseline's own time, not the time of the figure it is compared with ("fell to 4.1% in
        # March from 4.3%": March is the 4.1%'s).
        others = [o for o in p.passage.frames if o is not f and o.role != "baseline"]
        weak = f.weak_times.difference(*(o.weak_times for o in others))
        strong = f.strong_times.difference(*(o.strong_times for o in others))
        if not (c.weak_times & weak or c.strong_times & strong):
            return "a baseline the sentence compares against"
    if f.role == "denominator":
        return "the denominator of a rate"
    if f.role == "bracket":
        return "bounds an age group ('aged 65 and over'), not a figure of its own"
    if f.role == "progress" and not any(t.lower in _PROGRESS for t in p.plan.terms):
        # Unless the claim speaks of the count itself ("91% of ballots have been counted").
        return "how much of a count was in ('with 97% of ballots counted'), not what it found"
    return None


_PROGRESS = frame_words().progress_participles


def asserted(p: Pair) -> str | None:
    """ "the £90 billion estimate does not just refer to tax avoidance": a figure in a negated
    clause is not asserted; whether it is denied is beyond a safe reading."""
    return "the figure's clause is negated" if p.f.negated else None


def same_modality(p: Pair) -> str | None:
    """A forecast, plan or condition ("could reach 20,000 hectares") speaks only to a claim that is
    one too ("officials say it could reach 20,000 hectares"), and a fact only to a fact."""
    source, claim = p.f.stance is Stance.FORECAST, p.claim.stance is Stance.FORECAST
    if source and not claim:
        return f"'{p.f.quantity.text}' is a forecast, plan or condition, not a figure"
    if claim and not source:
        return "the claim is a forecast; the source states a figure"
    return None


def same_counted(p: Pair) -> str | None:  # noqa: PLR0912 - a decision table over generic/narrower/other nouns
    """What is counted: the same noun or concept ("detainees" for "arrested"; "Thais" for Thai
    nationals or citizens, not Thai soldiers), or people in general on both sides. A narrower group
    on one side ("firefighters" for "people") is loose; a different noun ("homes" for "people")
    drops the pair."""
    c, f = p.claim, p.f
    cq = c.quantity
    if cq.kind is not Kind.COUNT:
        return None
    c_generic = c.generic or (not c.counted and bool(c.implicit_act))
    s_generic = f.generic or (not f.counted and bool(f.implicit_act))
    same_noun = bool(c.counted and f.counted) and (
        c.counted.split()[-1] == f.counted.split()[-1]
        or singular_eq(c.counted, f.counted)
        or (bool(c.concept) and c.concept == f.concept)
    )
    # "Workers on strike: 6,200" for "4,000 staff stopped work": a label that names people by a
    # noun of the claim's counted concept reads as that act's people, and counts the same thing.
    same_noun = same_noun or (bool(c.concept) and not f.counted and c.concept == f.implicit_act)
    same_noun = same_noun or any(
        b.generic and people_adjective(a.counted) in a.modifiers & b.modifiers for a, b in ((f, c), (c, f))
    )
    if same_noun and (other := _other_kind(p)):
        return other
    p.same_group = same_noun and not f.inherited and not c_generic
    if not same_noun and _agents_of_claim_act(p):
        # "6,200 strikers" for "6,200 workers went on strike": the source names the people by
        # what the claim says they did.
        p.notes.append(f"counts {f.counts}: the claim's {c.counts} who did so")
    elif not same_noun and _people_part(c, f, p.plan):
        # "Eight British tourists" for "Five Britons": some of the claim's people, a part of them.
        p.notes.append(f"counts {f.counts}, a narrower group than the claim")
        p.within += 1
    elif same_noun or (c_generic and s_generic):
        pass  # the same thing counted
    elif c_generic and _events_of_claim_act(p):
        pass  # "two deaths" for "two people died", "240 arrests" for "arrested 240 people"
    elif c_generic and f.counted:
        p.notes.append(f"counts {f.counts}, a narrower group than the claim")
    elif s_generic and c.counted and not _personal(c, p.plan):
        return f"counts {f.counts}, not {c.counts}"
    elif s_generic and c.counted:
        # "Eighteen people were treated, including nine firefighters": a sentence that counts the
        # claim's group apart from people in general is not counting that group.
        if any(o is not f and o.counted and singular_eq(o.counted, c.counted) for o in p.passage.frames):
            return f"counts {f.counts}; the sentence counts {c.counts} apart"
        p.notes.append(f"counts {f.counts}, the claim counts {c.counts}")
    elif not f.counted and not f.implicit_act:
        if c.counted and f.labelled and _label_counts(p):
            pass  # "Homes without power (peak): 9,000": the label names what its value counts
        elif c.counted and not p.fp.counted_keys.isdisjoint(p.passage.keys):
            p.notes.append("counts something unnamed")
        elif c.counted and not p.fp.counted_keys.isdisjoint(p.context.group_keys):
            p.notes.append("counts a part of what the sentence before counts")
        elif c.counted or c.implicit_act:
            return "the sentence does not say what the figure counts"
        # Neither side names a counted noun ("ridership rose to 1.2 million"): the topic words of
        # the figure's clause decide alone (``on_topic``).
    elif not c.counted and not c.implicit_act:
        p.notes.append(f"counts {f.counts}")
    else:
        return f"counts {f.counts}, not {c.counts}"
    if f.implicit_act and not f.counted:
        # "Workers on strike: 6,200" for "6,200 workers went on strike": the noun the claim counts
        # ("worker", concept employ) is what the source's act word names, not another act.
        acts = {t.concept for t in p.fp.topic} | {c.implicit_act, c.concept}
        if f.implicit_act not in acts:
            return f"counts people who were {f.implicit_act}-ed, another act"
    return None


def _other_kind(p: Pair) -> str:
    """Why the same noun counts another kind of it on each side ("310 tram services" for "400 bus
    services"), or "". Not when the source's kind is among the claim's words ("90 confirmed cases"
    for "confirmed 90 Ebola cases"): the claim's word the source leaves out is missing evidence. The
    sentence's words say nothing so (it may name the claim's kind for another figure: "140 ferry
    crossings and 60 barge crossings")."""
    c, f = p.claim, p.f
    if not (c.qualifiers and f.qualifiers) or not _kinds_of(c.qualifiers).isdisjoint(_kinds_of(f.qualifiers)):
        return ""
    kinds = f"{' '.join(sorted(f.qualifiers))} {f.counts}, not {' '.join(sorted(c.qualifiers))} {c.counts}"
    if not f.qualifiers <= p.plan.keys:
        return f"counts {kinds}"
    p.notes.append(f"counts {kinds}, which the other side says too")
    return ""


def _kinds_of(qualifiers: frozenset[str]) -> frozenset[str]:
    """Qualifier stems with their concepts ("wounded" and "injured" are one kind)."""
    concept = lexicon().stem_concept
    return qualifiers | {"=" + concept[q] for q in qualifiers if q in concept}


def _agents_of_claim_act(p: Pair) -> bool:
    """Whether the source counts people named by a concept of the claim's words ("strikers",
    "protesters", "evacuees") and the claim counts people ("workers", "residents")."""
    c, f = p.claim, p.f
    if not f.concept or not c.counted or f.role or not _personal(c, p.plan):
        return False
    if (c.places - p.scope) and not (c.places & f.places):
        return False  # one loose step at a time: not also a place the figure does not name
    return any(t.concept == f.concept for t in p.fp.topic)


def _events_of_claim_act(p: Pair) -> bool:
    """Whether the source counts the claim's act by its noun ("deaths" for "died", "arrests" for
    "arrested"), the claim counting people in general, for an act that befalls one person at a
    time (lexicon/frames.yaml ``one_per_person``): "25 protests" are not 25 protesters."""
    act, f = p.fp.act, p.f
    if act is None or not f.concept or act.concept != f.concept or f.role or not f.quantity.value:
        return False  # "no deaths among children": a zero is often of a narrower group
    return f.concept in frame_words().one_per_person


def _people_part(c: Frame, f: Frame, plan: ClaimPlan) -> bool:
    """Whether the claim counts a people ("Britons") and the source a kind of person of that people
    ("British tourists")."""
    people = people_adjective(c.counted)
    return people in c.modifiers and people in f.modifiers and _personal(f, plan)


def _personal(c: Frame, plan: ClaimPlan) -> bool:
    """Whether a claim figure counts people of some kind ("firefighters", "journalists", "patients"):
    a count of people in general may be loosely about them, never about "cities" or "homes"."""
    return plan.lex.is_person_noun(singular(c.counted.split()[-1]))


def same_magnitude(p: Pair) -> str | None:
    """With no noun to say what either figure is, figures orders of magnitude apart ("$2.75" and
    "$1.8bn") are about different things."""
    c, f = p.claim, p.f
    if not c.counted and not f.counted and _magnitudes_apart(c.quantity, f.quantity):
        return f"'{f.quantity.text}' and {c.quantity.text} are orders of magnitude apart"
    if not (c.counted and f.counted) and _magnitudes_apart(c.quantity, f.quantity, MAX_ONE_NOUN_RATIO):
        # "The recall will cost $38 million" / "a refund of the $129 purchase price": with a noun
        # on one side only, figures this far apart are a unit and a total, not one figure misread.
        return f"'{f.quantity.text}' and {c.quantity.text} are too many orders of magnitude apart"
    return None


def same_group(p: Pair) -> str | None:
    """Who: "Russian soldiers" are not "Ukrainian soldiers" ("Thais" are Thai); a group named on one
    side only is loose."""
    groups = sets_match(p.claim.modifiers, p.f.modifiers)
    if groups == "conflict":
        return f"about {', '.join(sorted(p.f.modifiers))}, not {', '.join(sorted(p.claim.modifiers))}"
    if groups == "one-sided":
        p.notes.append("one side names a group the other does not")
    return None


def own_cell(p: Pair) -> str | None:
    """A table cell that lacks a claim word another cell of the same measure has as its column
    header or row label ("Nausea | 14% | 6%" under "Drug A" and "Placebo", for a claim on drug A;
    the row "South" for a claim on the North): the claim's figure is in that other cell."""
    rivals = p.context.rival_keys
    if not rivals or not p.f.labelled:
        return None
    kind = p.claim.quantity.kind
    # A claim comparing cells ("14% on drug A against 6% on placebo") names both columns' words.
    compares = sum(fp.frame.quantity.kind is kind for fp in p.plan.figures) > 1
    for t, k in zip(() if compares else p.fp.topic, p.fp.topic_keys, strict=False):
        # The word itself, not its concept: "fire" is no rival of a row "Area burned".
        if t is not p.fp.act and t.stem in rivals and k.isdisjoint(p.f.topic_keys):
            return f"another cell's: the table gives {t.text} to another row or column"
    # A row of another party ("Greens | 18" for a claim on the Liberals, whose row the table has).
    places = p.claim.places | {t.stem for t in p.plan.names}
    if places and places.isdisjoint(p.passage.keys) and not places.isdisjoint(rivals):
        # A row of another place ("South" for a claim on the North); a row of any of the claim's
        # places ("Estmark's North": the North's row, or the nation's) stays.
        return f"another cell's: the table gives {', '.join(sorted(places & rivals))} to another row"
    return None


def not_the_total(p: Pair) -> str | None:
    """A row of a table that gives the total in a row of its own ("Education | 139.5" above "Total |
    412.6"): a part of the total, evidence only for a claim that names the row's words. And the
    total row itself, for a claim that names one of the rows it sums ("North | 120" for a claim on
    the North): that row is the claim's figure, the total is not."""

    def names(keys: frozenset[str]) -> bool:  # the claim names one of a row label's words
        return any(p.plan.has(t, keys) for t in p.plan.terms)

    row = p.context.part_row_keys
    if row and p.f.labelled:
        if names(row) or not p.claim.places.isdisjoint(row):
            return None
        return "one row of a table whose total has a row of its own"
    named = [keys for keys in p.context.total_row_parts if names(keys)]
    if p.f.labelled and len(named) == 1:
        return "the table's total; the claim names one of the rows it sums"
    return None


def same_qualifier(p: Pair) -> str | None:
    """What kind of the thing: "progression-free survival" is not "overall survival", nor "capital
    spending" "total spending". A word right before one of the claim's words, in the claim and in
    the source, differs, and neither side holds the other's: the source measures another kind."""
    plan, keys, tokens = p.plan, p.f.topic_keys, p.passage.tokens
    pairs, claimed = _qualified(plan.claim.text)
    for m, h in pairs:
        if h.stem not in keys or plan.term_keys(m).intersection(keys):
            continue
        for q, t in zip(tokens, tokens[1:], strict=False):
            if t.stem != h.stem or t.start - q.end > 1 or q.stem not in keys or _no_qualifier(q, plan.lex):
                continue
            if q.stem not in claimed and not (q.concept and "=" + q.concept in claimed):
                return f"{q.text} {t.text}, not {m.text} {h.text}"
    return None


@functools.lru_cache(maxsize=4096)
def _qualified(text: str) -> tuple[tuple[tuple[Token, Token], ...], frozenset[str]]:
    """The (qualifier, noun) pairs of a claim, a content word right before a noun ("overall
    survival", "capital spending"), and the stems and concepts of all its words."""
    lex = lexicon()
    tokens = tokenize(text, lex)
    pairs = tuple(
        (m, h)
        for m, h in zip(tokens, tokens[1:], strict=False)
        if h.start - m.end <= 1
        and not _no_qualifier(m, lex)
        and not _no_qualifier(h, lex)
        and not h.lower.endswith(("ed", "ing"))  # "the drug died", "spent developing": a verb
    )
    claimed = {t.stem for t in tokens} | {"=" + t.concept for t in tokens if t.concept}
    return pairs, frozenset(claimed)


def _label_counts(p: Pair) -> bool:
    """Whether the label of a labelled figure is the claim's counted noun and words about it, no
    more ("Homes without power (peak): 9,000"): its first word is that noun, and no later word is
    capitalised (a place, a day: "(Fenwick)"), a figure, a percent sign, or a word of a share, rate
    or change ("Calls from homes ...", "Homes ..., % of total", "Homes ..., change overnight")."""
    text, start = p.passage.passage.text, p.passage.passage.start
    colon = text.rfind(":", 0, p.f.quantity.start - start)
    label = [t for t in p.passage.tokens if t.end - start <= colon]
    if not label or p.fp.counted_keys.isdisjoint(label[0].keys) or "%" in text[:colon]:
        return False
    return not any(t.capital or not t.text.isalpha() or t.lower in _NOT_IN_COUNT_LABELS for t in label[1:])


_NOT_IN_COUNT_LABELS = frame_words().count_label_stops | frame_words().change_labels | frame_words().rate_words


def _no_qualifier(t: Token, lex: Lexicon) -> bool:
    """Whether a word cannot set a kind apart: a function or time word, a name, a figure."""
    lists = lex.lists
    low = t.lower
    if t.capital or not low.replace("-", "").isalpha() or any(w in _NUMBER_WORDS for w in low.split("-")):
        return True  # a name, a figure, "six-year"
    if low in lists["whole_scope"]:
        return False  # "total spending", "overall survival"
    return any(low in lists[name] for name in _NOT_QUALIFIERS)


_NUMBERS = read("numbers.yaml")
_NUMBER_WORDS = frozenset([*_NUMBERS["cardinals"], *_NUMBERS["tens"], *_NUMBERS["scales"], *_NUMBERS["abbreviations"]])
_NOT_QUALIFIERS = ("stopwords", "light_verbs", "time_strong", "time_weak", "months", "irregular_verbs")


def same_time(p: Pair) -> str | None:
    """When: another period ("in the first weeks", "in 2016") or another day is another figure; a
    period named on one side only is loose."""
    c, f = p.claim, p.f
    strong = sets_match(c.strong_times, f.strong_times)
    if strong == "conflict" and date_and_relative(c.strong_times, f.strong_times, p.plan.lex):
        # "in January" and "last month": a date against a time told from the day of writing, which
        # the source need not give: loose, neither the same time frame nor another.
        p.notes.append("one side names a date, the other a time relative to its writing")
    elif strong == "conflict":
        return f"another time frame ({', '.join(sorted(f.strong_times))})"
    if strong == "one-sided" and not c.strong_times and _earlier_in_a_series(p):
        return "an earlier year's figure, beside the same figure for a later year"
    if strong == "one-sided":
        p.notes.append("one side sets a time frame the other does not")
    elif strong == "same" and (
        months := (f.strong_times ^ c.strong_times) & p.plan.lex.union("months", "time_modifiers")
    ):
        # "4,000 in March 2023" for "in 2023", "in late March" for "in March", or the reverse: one
        # figure is for a part of the other's time frame.
        p.notes.append(f"one side is for a narrower time frame ({', '.join(sorted(months))})")
    if sets_match(c.weak_times, f.weak_times) == "conflict":
        return f"another day ({', '.join(sorted(f.weak_times))})"
    return None


def _latest_year(f: Frame) -> int:
    return max((int(m.group()) for t in f.strong_times for m in YEAR.finditer(t)), default=0)


def _earlier_in_a_series(p: Pair) -> bool:
    """For a claim that names no time, whether its sentence gives the figure beside the same measure
    for a later year (a table row's "Budget 2024" beside "Budget 2025", "5,080 in 2023 and 5,230
    in 2024"): that is another year's figure. The latest is no surer the claim's (the claim may be
    about an earlier year, or a sum): it stays loose, and may support but not contradict."""
    year = _latest_year(p.f)
    if not year or p.f.stance is Stance.FORECAST:
        return False
    q = p.f.quantity
    later = any(
        o is not p.f
        and o.stance is not Stance.FORECAST
        and o.quantity.kind is q.kind
        and o.quantity.unit == q.unit
        and o.counted == p.f.counted
        and o.topic_keys == p.f.topic_keys
        and _latest_year(o) > year
        for o in p.passage.frames
    )
    return later or any(y > year for y in p.context.row_years)


def whole_not_part(p: Pair) -> str | None:
    """A part is loosely aligned ("500 of the 1,300 people were in Moscow") unless it names its own
    group and that is what the claim counts ("18 journalists among the 1,300 arrested"). A part that
    the claim does not single out by its place is no evidence about the whole: "40 of the 120 homes
    were in Oakridge" says nothing of "40 homes destroyed". Of a list of groups ("12 soldiers and 3
    civilians", tallies.py) a group's figure counts that group only, and the sum all of them: not
    one group, nor people of one kind ("15 women")."""
    c, f, scope = p.claim, p.f, p.scope
    if f.role == "whole" and c.counted and not singular_eq(f.counted or "?", c.counted):
        parts = [o for o in p.passage.frames if o.role == "part" and o.counted and singular_eq(o.counted, c.counted)]
        if parts:  # "Of the 300 people arrested, 90 were women", for a claim on women
            return f"the whole; the sentence gives the claim's {c.counts} as its part '{parts[0].quantity.text}'"
    if f.role == "pool" and c.role != "pool":
        # "winning 412 of 650 seats": the act is the part's; the 650 is the pool it is taken from,
        # no count of what the claim's act did ("posted at all 11 depots" / "at eight of our 11").
        if p.fp.act is not None:
            return f"the whole a part is taken from; {p.fp.act.text} is said of the part"
        p.notes.append("the whole a part is taken from")
    if f.role == LISTED and not (f.counted and c.counted and singular_eq(f.counted, c.counted)):
        return "one group of a list; what the list counts in all is its sum"
    if f.role == SUM and (one := _one_group(p)) is not None:
        return f"all the groups listed; the claim counts {c.counts}, as '{one.quantity.text}' does"
    if f.role == SUM and c.generic and c.counted != PEOPLE:
        return f"all the groups listed, not {c.counts} alone"
    if (f.role == "other") != (c.role == "other"):
        # "Paris and 24 other cities" for "25 cities", or the reverse: one side leaves something out.
        p.notes.append("one side counts all but something named before it")
    named = bool(f.counted and c.counted) and not f.inherited and singular_eq(f.counted, c.counted)
    if f.role == "part" and not (c.quantity.kind is Kind.COUNT and (p.same_group or named)):
        if not (c.places - scope) & (f.places - scope) and not _singled_out(p) and not _names_the_act(p):
            return "a part of a larger figure the claim does not single out"
        p.notes.append("a part of a larger figure")
    return None


def _one_group(p: Pair) -> Frame | None:
    """The group of a sum ("39 men and 46 women") that counts what the claim counts ("39 men")."""
    f, c = p.f, p.claim
    listed = (o for o in p.passage.frames if f.quantity.start <= o.quantity.start < f.quantity.end and o.role != SUM)
    return next((o for o in listed if o.counted and c.counted and singular_eq(o.counted, c.counted)), None)


def _singled_out(p: Pair) -> bool:
    """Whether the claim singles out the part by words of its own besides its act, which the
    part's clause holds and the whole's does not ("1,730 died in rebel-held areas" for "2,992
    deaths, including 1,730 in rebel-held areas")."""
    fp, f = p.fp, p.f
    wholes = [o for o in p.passage.frames if o.role != "part" and o.quantity.start < f.quantity.start]
    whole_keys = wholes[-1].topic_keys if wholes else frozenset()
    own = [k for t, k in zip(fp.topic, fp.topic_keys, strict=True) if t is not fp.act and k.isdisjoint(whole_keys)]
    return bool(own) and all(not k.isdisjoint(f.topic_keys) for k in own)


def _names_the_act(p: Pair) -> bool:
    """Whether the part names the claim's act by its noun and the whole counts something else ("75
    cases, including 28 deaths" for "killed 28 people"): the part's own noun singles it out."""
    fp, f = p.fp, p.f
    if fp.act is None or not fp.act.concept or f.concept != fp.act.concept:
        return False
    wholes = [o for o in p.passage.frames if o.role != "part" and o.quantity.start < f.quantity.start]
    return bool(wholes) and bool(wholes[-1].counted) and wholes[-1].concept != f.concept


AGE_NAME_WORDS = 4  # words between an age and the name of the person it is the age of ("Smith, aged 32")


def same_person(p: Pair) -> str | None:
    """An age is the age of the person named next to it ("Smith, 45,", "the 32-year-old Varga",
    "Varga was 32"): for a claim's age, that name must be one of the claim's. An age with no name
    beside it ("he is now 32"), or in a sentence that says nothing else of the claim ("Varga was
    12 when his family moved"), is loose: it may support the claim, never contradict it."""
    if p.claim.counted != AGE or p.f.counted != AGE or not p.plan.names:
        return None
    start, end = p.f.quantity.start, p.f.quantity.end
    tokens = p.passage.tokens
    places = p.f.places
    before = [t for t in tokens if t.end <= start and t.stem not in places][-AGE_NAME_WORDS:]
    after = [t for t in tokens if t.start >= end and t.stem not in places][:AGE_NAME_WORDS]
    near = [t for t in reversed(before) if t.capital][:1] + [t for t in after if t.capital][:1]
    if not near:
        p.notes.append("no name stands beside the age")
    elif not any(p.plan.has(n, frozenset(t.keys)) for t in near for n in p.plan.names):
        return f"the age of {near[0].text}, not of {p.plan.names[0].text}"
    # The claim's other words ("when he was sentenced") say at what time of the life the age was.
    others = [t for t in p.plan.terms if t not in p.plan.names]
    if others and not any(p.plan.has(t, p.passage.keys) for t in others):
        p.notes.append(f"the sentence does not say {others[0].text}")
    return None


# The checks, in the order they run: the cheap and decisive ones first.
CHECKS: dict[str, Check] = {
    "same-kind": same_kind,
    "same-measure": same_measure,
    "not-a-baseline": not_a_baseline,
    "asserted": asserted,
    "same-modality": same_modality,
    "same-counted": same_counted,
    "same-magnitude": same_magnitude,
    "same-group": same_group,
    "on-topic": on_topic,
    "own-cell": own_cell,
    "not-the-total": not_the_total,
    "same-name": same_name,
    "same-person": same_person,
    "same-qualifier": same_qualifier,
    "same-reference": same_reference,
    "same-place": same_place,
    "over-places": over_places,
    "same-time": same_time,
    "whole-not-part": whole_not_part,
}


def align(
    fp: FigurePlan, plan: ClaimPlan, f: Frame, passage: PassageFacts, context: Context = NO_CONTEXT
) -> tuple[str, str, str]:
    """("strict" | "loose" | "part" | "none", why, check) for a claim figure's frame against a
    source figure's, in a source whose ``context`` is given; ``check`` names the check that dropped
    it. "part" is loose, every way the frames differ saying the source figure is for a part of the
    claim's place."""
    pair = Pair(fp, plan, f, passage, context)
    for name, check in CHECKS.items():
        why = check(pair)
        if why is not None:
            return "none", why, name
    # Every note is a way the frames differ: any of them makes the alignment loose.
    level = "strict" if not pair.notes else "part" if pair.within == len(pair.notes) else "loose"
    return level, "; ".join(pair.notes), ""


def _kinds_match(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind in (Kind.MONEY, Kind.MEASURE) and a.unit and b.unit:
        return a.unit == b.unit
    if a.kind is Kind.PERCENT:
        return in_points(a.text) == in_points(b.text)
    return True


def _magnitudes_apart(a: Quantity, b: Quantity, ratio: float = MAX_UNCOUNTED_RATIO) -> bool:
    x, y = abs(a.value), abs(b.value)
    if not x or not y:
        return False
    return max(x, y) / min(x, y) > ratio
