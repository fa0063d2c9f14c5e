"""The number reader: every hedge, scale, written form, unit and not-a-count trap, with its interval."""

from __future__ import annotations

import math
from importlib import resources

import pytest
import yaml

from claimcheck.model import Kind
from claimcheck.quantities import extract_quantities, hedge_table, plausible_bounds

INF = math.inf


def figures(text: str) -> list:
    return [q for q in extract_quantities(text) if q.is_figure]


def only(text: str):
    """The one figure in ``text``."""
    found = figures(text)
    assert len(found) == 1, [(q.text, q.kind, q.value) for q in extract_quantities(text)]
    return found[0]


def interval(q) -> tuple[float, float]:
    return q.bounds()


# text, span text, value, (lo, hi) with None for an open side, hedge
FIND = [
    # exact figures, digits and words
    ("Police held 1,386 people overnight.", "1,386", 1386, (1386, 1386), "exact"),
    ("Police held 1386 people overnight.", "1386", 1386, (1386, 1386), "exact"),
    ("Nine reporters were expelled.", "Nine", 9, (9, 9), "exact"),
    ("Sixty-four tractors blocked the road.", "Sixty-four", 64, (64, 64), "exact"),
    ("We counted three hundred and twelve ballots.", "three hundred and twelve", 312, (312, 312), "exact"),
    ("They ordered a hundred chairs.", "a hundred", 100, (100, 100), "exact"),
    ("A dozen lorries waited.", "A dozen", 12, (12, 12), "exact"),
    ("two dozen eggs", "two dozen", 24, (24, 24), "exact"),
    ("half a dozen lawyers", "half a dozen", 6, (6, 6), "exact"),
    ("The fund lost a million euros.", "a million euros", 1e6, (1e6, 1e6), "exact"),
    ("It hit one and a half million homes.", "one and a half million", 1.5e6, (1.5e6, 1.5e6), "exact"),
    ("It hit 12 thousand homes.", "12 thousand", 12000, (12000, 12000), "exact"),
    ("It hit 1.2 million homes.", "1.2 million", 1.2e6, (1.2e6, 1.2e6), "exact"),
    ("It hit 1.2m homes.", "1.2m", 1.2e6, (1.2e6, 1.2e6), "exact"),
    ("The club owes 5k to its coach.", "5k", 5000, (5000, 5000), "exact"),
    ("A budget of 10 bln was set.", "10 bln", 1e10, (1e10, 1e10), "exact"),
    ("the temperature fell to minus five", "minus five", -5, (-5, -5), "exact"),
    ("the reading was -12 at dawn", "-12", -12, (-12, -12), "exact"),
    ("Half of the voters stayed home.", "Half", 0.5, (0.5, 0.5), "exact"),
    ("a third of the crops", "a third", 1 / 3, (1 / 3, 1 / 3), "exact"),
    ("a quarter of the staff", "a quarter", 0.25, (0.25, 0.25), "exact"),
    ("two thirds of the members", "two thirds", 2 / 3, (2 / 3, 2 / 3), "exact"),
    ("three and a half hours", "three and a half hours", 3.5, (3.5, 3.5), "exact"),
    ("zero tolerance for 0 errors", "zero", 0, (0, 0), "exact"),
    # hedges
    ("more than 1,300 were detained", "more than 1,300", 1300, (1300, None), "more-than"),
    ("over 40 towns joined", "over 40", 40, (40, None), "more-than"),
    ("upwards of 70 buses", "upwards of 70", 70, (70, None), "more-than"),
    ("in excess of 900 claims", "in excess of 900", 900, (900, None), "more-than"),
    ("north of 300 stores", "north of 300", 300, (300, None), "more-than"),
    ("at least 21 villagers", "at least 21", 21, (21, None), "at-least"),
    ("no fewer than 8 judges", "no fewer than 8", 8, (8, None), "at-least"),
    ("a minimum of 15 seats", "a minimum of 15", 15, (15, None), "at-least"),
    ("600 or more volunteers", "600 or more", 600, (600, None), "at-least"),
    ("fewer than 500 tickets", "fewer than 500", 500, (None, 500), "less-than"),
    ("less than 7 minutes", "less than 7 minutes", 7, (None, 7), "less-than"),
    ("under 30 pupils", "under 30", 30, (None, 30), "less-than"),
    ("below 170 centimetres", "below 170 centimetres", 170, (None, 170), "less-than"),
    ("up to 1 million conscripts", "up to 1 million", 1e6, (None, 1e6), "up-to"),
    ("as many as 450 flights", "as many as 450", 450, (None, 450), "at-most"),
    ("no more than 12 guests", "no more than 12", 12, (None, 12), "at-most"),
    ("a maximum of 9 rounds", "a maximum of 9", 9, (None, 9), "at-most"),
    ("50 or fewer seats", "50 or fewer", 50, (None, 50), "at-most"),
    ("about 530 marchers", "about 530", 530, (477, 583), "about"),
    ("around 200 cars", "around 200", 200, (180, 220), "about"),
    ("some 260 arrests", "some 260", 260, (234, 286), "about"),
    ("an estimated 8,000 fans", "an estimated 8,000", 8000, (7200, 8800), "about"),
    ("roughly 40 miles", "roughly 40 miles", 40, (36, 44), "about"),
    ("400 or so listeners", "400 or so", 400, (360, 440), "about"),
    # a share above one half is approximated on what is left of the whole, to its last digit at least
    ("about 91% of households", "about 91%", 91, (90, 92), "about"),
    ("around 60 per cent of voters", "around 60 per cent", 60, (56, 64), "about"),
    ("roughly 97.5% of tickets", "roughly 97.5%", 97.5, (97.25, 97.75), "about"),
    ("about 30% of seats", "about 30%", 30, (27, 33), "about"),
    ("nearly 1,400 workers", "nearly 1,400", 1400, (1260, 1400), "nearly"),
    ("almost 90 percent", "almost 90 percent", 90, (81, 90), "nearly"),
    ("just under 2,000 homes", "just under 2,000", 2000, (1800, 2000), "nearly"),
    ("just over 600 jobs", "just over 600", 600, (600, 660), "just-over"),
    ("slightly more than 30 schools", "slightly more than 30", 30, (30, 33), "just-over"),
    ("just over half of the votes", "just over half", 0.5, (0.5, 0.55), "just-over"),
    # ranges
    ("between 200 and 300 protesters", "between 200 and 300", 200, (200, 300), "between"),
    ("from 15 to 20 buses", "from 15 to 20", 15, (15, 20), "between"),
    ("15-20 buses", "15-20", 15, (15, 20), "between"),
    ("15 to 20 buses", "15 to 20", 15, (15, 20), "between"),
    ("between 2 and 3 million voters", "between 2 and 3 million", 2e6, (2e6, 3e6), "between"),
    ("more than 10 and less than 40 boats", "more than 10 and less than 40", 10, (10, 40), "between"),
    # vague plurals
    ("thousands of people marched", "thousands", 2000, (2000, 10000), "plural"),
    ("tens of thousands of people", "tens of thousands", 20000, (20000, 100000), "plural"),
    ("hundreds of flights", "hundreds", 200, (200, 1000), "plural"),
    ("dozens of journalists", "dozens", 24, (24, 120), "plural"),
    ("several hundred soldiers", "several hundred", 300, (300, 1000), "several"),
]


@pytest.mark.parametrize(("text", "span", "value", "bounds", "hedge"), FIND)
def test_finds_figure_with_interval(text, span, value, bounds, hedge):
    q = [q for q in figures(text) if q.text == span]
    assert q, [(x.text, x.value) for x in extract_quantities(text)]
    got = q[0]
    assert got.value == pytest.approx(value)
    assert got.hedge == hedge
    lo, hi = bounds
    assert (got.lo is None) == (lo is None) and (got.hi is None) == (hi is None)
    if lo is not None:
        assert got.lo == pytest.approx(lo)
    if hi is not None:
        assert got.hi == pytest.approx(hi)
    assert text[got.start : got.end] == got.text


@pytest.mark.parametrize(
    ("text", "lo_open", "hi_open"),
    [
        ("more than 40 towns", True, False),
        ("at least 40 towns", False, False),
        ("fewer than 40 towns", False, True),
        ("nearly 40 towns", False, True),
        ("just over 40 towns", True, False),
        ("thousands of towns", False, True),
    ],
)
def test_open_sides(text, lo_open, hi_open):
    q = only(text)
    assert (q.lo_open, q.hi_open) == (lo_open, hi_open)


# text, value, kind, unit
KINDS = [
    ("turnout was 45%", 45, Kind.PERCENT, "%"),
    ("turnout was 45 percent", 45, Kind.PERCENT, "%"),
    ("turnout was 45 per cent", 45, Kind.PERCENT, "%"),
    ("inflation hit 3.5%", 3.5, Kind.PERCENT, "%"),
    ("one in four adults", 25, Kind.PERCENT, "%"),
    ("three out of ten voters", 30, Kind.PERCENT, "%"),
    ("a grant of $3.4 million", 3.4e6, Kind.MONEY, "USD"),
    ("a grant of £250", 250, Kind.MONEY, "GBP"),
    ("a fine of €5bn", 5e9, Kind.MONEY, "EUR"),
    ("a fine of 2.7m pounds", 2.7e6, Kind.MONEY, "GBP"),
    ("a stamp costs 40 pence", 0.4, Kind.MONEY, "GBP"),
    ("a fee of 300 dollars", 300, Kind.MONEY, "USD"),
    ("a fee of 300 euros", 300, Kind.MONEY, "EUR"),
    ("a fee of USD 300", 300, Kind.MONEY, "USD"),
    ("a road of 29km", 29, Kind.MEASURE, "km"),
    ("a walk of six miles", 6, Kind.MEASURE, "miles"),
    ("a 40-tonne lorry", 40, Kind.MEASURE, "tonnes"),
    ("a parcel of 3 kg", 3, Kind.MEASURE, "kg"),
    ("jailed for 15 years in prison", 15, Kind.MEASURE, "years"),
    ("after 36 hours of talks", 36, Kind.MEASURE, "hours"),
    ("he lost 25 pounds", 25, Kind.MEASURE, "lb"),
]


@pytest.mark.parametrize(("text", "value", "kind", "unit"), KINDS)
def test_kind_and_unit(text, value, kind, unit):
    q = only(text)
    assert (q.value, q.kind, q.unit) == (pytest.approx(value), kind, unit)


# Numbers that are not counts: found, with their kind, never as figures.
NOT_COUNTS = [
    ("Protests began in 2019.", Kind.YEAR),
    ("The war lasted from 1941-1945.", Kind.YEAR),
    ("the 1990s were calm", Kind.YEAR),
    ("It started on February 24.", Kind.DATE),
    ("It started on 24 February.", Kind.DATE),
    ("It started on Sept. 21.", Kind.DATE),
    ("Meet me on 5/17/2018.", Kind.DATE),
    ("the 2013-14 season", Kind.DATE),
    ("The curfew starts at 8 a.m.", Kind.TIME),
    ("The curfew starts at 2pm.", Kind.TIME),
    ("The curfew starts at 14:30.", Kind.TIME),
    ("the 17th amendment", Kind.ORDINAL),
    ("for the first time", Kind.ORDINAL),
    ("the twenty-first round", Kind.ORDINAL),
    ("a Su-57 jet", Kind.IDENTIFIER),
    ("an F-16 pilot", Kind.IDENTIFIER),
    ("COVID-19 cases", Kind.IDENTIFIER),
    ("the G7 summit", Kind.IDENTIFIER),
    ("they won 4-2 at home", Kind.IDENTIFIER),
    ("call +1-202-555-0143 now", Kind.IDENTIFIER),
    ("the server at 192.168.1.2", Kind.IDENTIFIER),
    ("update to version 3.11.2", Kind.IDENTIFIER),
]


@pytest.mark.parametrize(("text", "kind"), NOT_COUNTS)
def test_not_a_count(text, kind):
    found = extract_quantities(text)
    assert [q.kind for q in found] == [kind], [(q.text, q.kind) for q in found]
    assert not found[0].is_figure or kind == Kind.YEAR


@pytest.mark.parametrize(
    "text",
    [
        "Which one do you prefer?",
        "The one in the corner is mine.",
        "She got a first class seat.",
        "in the second half of the game",
        "See https://example.org/a%20b?id=42 for more.",
        "No number here at all.",
        "x <>30",
    ],
)
def test_finds_no_figure(text):
    assert [q for q in figures(text) if q.hedge != "exact" or "30" not in q.text] == [] or text == "x <>30"
    if text == "x <>30":
        assert all(q.hedge == "exact" for q in figures(text))


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("55,000 Russian soldiers were sent", "russian soldiers"),
        ("38 cities across the country", "cities"),
        ("15 years in prison", "years"),
        ("1,386 arrested on Sunday", ""),
        ("thousands of people marched", "people"),
        ("a dozen journalists", "journalists"),
        ("40, said the police", ""),
    ],
)
def test_counted(text, counted):
    assert extract_quantities(text)[0].counted == counted


@pytest.mark.parametrize(
    ("text", "step"),
    [("$2.5bn", 1e8), ("1.2 million", 1e5), ("3 million", 0.0), ("12 million", 1e6), ("3,000", 0.0), ("2.75", 0.0)],
)
def test_step(text, step):
    assert only(text).step == pytest.approx(step)


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("more than 40", (40, 60)),
        ("fewer than 60", (40, 60)),
        ("up to 1 million", (1e6 / 1.5, 1e6)),
        ("$2.5bn", (2.45e9, 2.55e9)),
        ("about 100", (90, 110)),
        ("1,386", (1386, 1386)),
    ],
)
def test_plausible_bounds(text, bounds):
    assert plausible_bounds(only(text)) == pytest.approx(bounds)


def test_spans_are_sorted_and_disjoint():
    text = "On May 4, more than 1,300 of 2,000 marchers (65%) were held for 15 days; 4-2, Su-57, 1941-1945."
    found = extract_quantities(text)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for q in found:
        assert text[q.start : q.end] == q.text


def test_pathological_input_is_fast():
    import time

    t0 = time.perf_counter()
    for text in ("1" * 20000, "1," * 10000, "one " * 5000, "- " * 10000, "a " * 10000, "$" * 10000 + "5"):
        extract_quantities(text)
    assert time.perf_counter() - t0 < 5


# Every row of the lexicons has an example that the reader extracts.


def _lexicon(name: str):
    return yaml.safe_load(resources.files("claimcheck").joinpath(f"lexicon/{name}").read_text("utf-8"))


def _hedge_rows():
    for name, rule in hedge_table().items():
        for w in rule.before:
            yield name, w, "before"
        for w in rule.after:
            yield name, w, "after"


@pytest.mark.parametrize(("rule", "word", "where"), list(_hedge_rows()))
def test_every_hedge_word_has_an_example(rule, word, where):
    if where == "before":
        text = f"They said {word} 40 boats came."
        if rule == "between":
            text = f"They said {word} 40 {'and' if word == 'between' else 'to'} 50 boats came."
    else:
        text = f"They said 40{word} boats came." if word == "+" else f"They said 40 {word} boats came."
    q = figures(text)[0]
    assert q.hedge == rule, (text, q)
    assert word.lower().split()[0] in q.text.lower() or word in q.text


NUMBERS = _lexicon("numbers.yaml")


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["cardinals"].items()) + list(NUMBERS["tens"].items()))
def test_every_number_word_has_an_example(word, value):
    assert only(f"They saw {word} boats.").value == value


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["scales"].items()))
def test_every_scale_has_an_example(word, value):
    assert only(f"They saw two {word} boats.").value == 2 * value


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["abbreviations"].items()))
def test_every_abbreviation_has_an_example(word, value):
    assert only(f"It cost ${3}{word} in all.").value == 3 * value


@pytest.mark.parametrize(("word", "value"), [(w, v) for w, v in NUMBERS["collectives"].items() if w != "score"])
def test_every_collective_has_an_example(word, value):
    assert only(f"They bought 3 {word} eggs.").value == 3 * value


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["ordinals"].items()))
def test_every_ordinal_has_an_example(word, value):
    found = extract_quantities(f"It was the {word} attempt.")
    assert [(q.kind, q.value) for q in found] == [(Kind.ORDINAL, value)]
    if value >= 3:
        assert only(f"They took two {word}s of it.").value == pytest.approx(2 / value)


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["fractions"].items()))
def test_every_fraction_word_has_an_example(word, value):
    assert only(f"They took one {word} of it.").value == pytest.approx(1 / value)


@pytest.mark.parametrize(("char", "value"), list(NUMBERS["unicode_fractions"].items()))
def test_every_unicode_fraction_has_an_example(char, value):
    assert only(f"Add {char} cup.").value == pytest.approx(value)


@pytest.mark.parametrize(("word", "value"), list(NUMBERS["vague"].items()))
def test_every_vague_plural_has_an_example(word, value):
    text = f"{word} of thousands of boats" if word == "tens" else f"{word} of boats"
    q = figures(text)[0]
    assert q.hedge == "plural"


@pytest.mark.parametrize(("word", "rule"), list(NUMBERS["vague_multipliers"].items()))
def test_every_vague_multiplier_has_an_example(word, rule):
    assert only(f"They saw {word} hundred boats.").hedge == rule


@pytest.mark.parametrize(("symbol", "code"), list(NUMBERS["currency_symbols"].items()))
def test_every_currency_symbol_has_an_example(symbol, code):
    q = only(f"It cost 40{symbol} in all." if symbol == "元" else f"It cost {symbol}40 in all.")
    assert (q.kind, q.unit, q.value) == (Kind.MONEY, code, 40)


@pytest.mark.parametrize(("prefix", "code"), list(NUMBERS["dollar_prefixes"].items()))
def test_every_dollar_prefix_has_an_example(prefix, code):
    q = only(f"It cost {prefix.upper()}$40 in all.")
    assert (q.kind, q.unit, q.value) == (Kind.MONEY, code, 40)


@pytest.mark.parametrize("code", NUMBERS["currency_codes"])
def test_every_currency_code_has_an_example(code):
    q = only(f"It cost {code} 40 in all.")
    assert (q.kind, q.value) == (Kind.MONEY, 40)


@pytest.mark.parametrize(("word", "code"), [(w, c) for c, words in NUMBERS["currency_words"].items() for w in words])
def test_every_currency_word_has_an_example(word, code):
    q = only(f"It cost 40 {word} in all.")
    assert (q.kind, q.unit, q.value) == (Kind.MONEY, code, 40)


@pytest.mark.parametrize(("word", "row"), list(NUMBERS["subunits"].items()))
def test_every_subunit_has_an_example(word, row):
    text = f"It cost 40{word} in all." if word == "p" else f"It cost 40 {word} in all."
    q = only(text)
    assert (q.kind, q.unit, q.value) == (Kind.MONEY, row[0], pytest.approx(40 * row[1]))


@pytest.mark.parametrize("word", NUMBERS["percent"])
def test_every_percent_word_has_an_example(word):
    q = only(f"It rose 40{word} in all." if word == "%" else f"It rose 40 {word} in all.")
    assert (q.kind, q.value) == (Kind.PERCENT, 40)


@pytest.mark.parametrize(("form", "unit"), [(f, u) for u, forms in NUMBERS["units"].items() for f in forms])
def test_every_unit_has_an_example(form, unit):
    q = only(f"It measured 40 {form} in all.")
    assert (q.kind, q.unit, q.value) == (Kind.MEASURE, unit, 40)


def test_change_with_go_is_two_figures() -> None:
    """'will go from $A to $B' is a change, not a range."""
    found = [q.text for q in extract_quantities("The toll will go from $4 to $6 in May.")]
    assert found == ["$4", "$6"]


def test_a_change_in_points_then_a_level_is_two_figures() -> None:
    """'rose 1.5 percentage points to 40%': the change, then the share it reached; not a range."""
    found = [q.text for q in extract_quantities("Support rose 1.5 percentage points to 40%.")]
    assert found == ["1.5 percentage points", "40%"]
    assert [q.text for q in extract_quantities("Support was 38% to 40%.")] == ["38% to 40%"]
    # A range whose unit is written once, after its second end, is still one range.
    assert [q.text for q in extract_quantities("Support fell 2-3 percentage points.")] == ["2-3 percentage points"]


def test_hedged_ratio_keeps_its_hedge() -> None:
    (q,) = extract_quantities("Roughly one in five voters stayed home.")
    assert q.kind is Kind.PERCENT and q.hedge == "about"
    assert q.lo is not None and q.hi is not None and q.lo < 20 < q.hi


@pytest.mark.parametrize("article", ["a", "A"])
def test_an_article_before_a_dollar_sign_is_no_currency_prefix(article: str) -> None:
    # "A$5" is Australian dollars; "a $5 fine", with its space, is an article and US dollars
    q = only(f"The court ordered {article} $2 million forfeiture.")
    assert (q.text, q.unit) == ("$2 million", "USD")


def test_possessive_s_is_not_a_currency_prefix() -> None:
    (q,) = extract_quantities("The mayor’s £3 million plan")
    assert q.text == "£3 million" and q.unit == "GBP"


def test_year_span_before_a_noun_is_years() -> None:
    (q,) = extract_quantities("during the 2017-2018 ski season")
    assert q.kind is Kind.YEAR and (q.lo, q.hi) == (2017, 2018)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Python's IGNORECASE reads "ſ" (long s) as "s" and "ı" as "i": the reader used to match such a
        # word and then fail to look it up (KeyError).
        ("twenty-ſeven people", "twenty-ſeven", 27),
        ("ſeveral hundred people", "ſeveral hundred", 300),
        ("a fee of uſ$5 million", "uſ$5 million", 5_000_000),
        # a power of ten past the float range used to raise OverflowError; held like "5e999"
        ("about 5 x10^999 grains", "about 5 x10^999", 1.7976931348623157e308),
    ],
)
def test_odd_input_is_read_not_raised(text, span, value) -> None:
    (q,) = extract_quantities(text)
    assert (q.text, q.value) == (span, value)


# Every row of lexicon/context.yaml (the English read around figures) has an example.

CONTEXT = _lexicon("context.yaml")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.kind.value) for q in extract_quantities(text)]


@pytest.mark.parametrize("month", CONTEXT["months"])
def test_every_month_makes_a_day_a_date(month):
    assert kinds(f"It opened on {month} 12 in town.") == [("12", "date")]
    assert [k for _, k in kinds(f"It opened on 12 {month} in town.")] == ["date"]


@pytest.mark.parametrize("suffix", CONTEXT["ordinal_suffixes"])
def test_every_ordinal_suffix_is_no_count(suffix):
    assert kinds(f"He came 9{suffix} in the race.") == [(f"9{suffix}", "ordinal")]


@pytest.mark.parametrize("marker", ["8 a.m.", "8 p.m.", "8am", "8pm", "8 o'clock"])
def test_every_time_marker_is_no_count(marker):
    assert [k for _, k in kinds(f"They met at {marker} sharp.")] == ["time"]


@pytest.mark.parametrize("ending", CONTEXT["decade_endings"])
def test_every_decade_ending_makes_a_year(ending):
    assert kinds(f"Prices rose in the 1970{ending} sharply.") == [(f"1970{ending}", "year")]


# "around" and "circa" are hedges too, and a hedged figure is read as a count, not a year.
HEDGE_WORDS = {w.lower() for rule in hedge_table().values() for w in rule.before}


@pytest.mark.parametrize("word", [w for w in CONTEXT["year_words_before"] if w not in HEDGE_WORDS])
def test_every_year_word_makes_a_year(word):
    assert [k for _, k in kinds(f"It was built {word} 1987 houses.")] == ["year"]


@pytest.mark.parametrize("prefix", CONTEXT["year_prefixes"])
def test_every_year_prefix_makes_a_year(prefix):
    assert [k for _, k in kinds(f"It grew {prefix}-1987 houses.")] == ["year"]


@pytest.mark.parametrize("word", CONTEXT["pronoun_one_after"])
def test_every_pronoun_word_makes_one_no_number(word):
    assert figures(f"He liked the {word} one there.") == []


@pytest.mark.parametrize("word", CONTEXT["half_not_after"])
def test_every_part_word_makes_half_no_number(word):
    assert figures(f"It was in the {word} half there.") == []


@pytest.mark.parametrize("verb", CONTEXT["change_verbs"])
def test_every_change_verb_keeps_from_to_two_figures(verb):
    stem = verb.rstrip("*") + ("ed" if verb.endswith("*") else "")
    found = figures(f"Sales {stem} from 40 to 60 boats.")
    assert [q.value for q in found] == [40.0, 60.0], stem


@pytest.mark.parametrize("word", CONTEXT["range_words"])
def test_every_range_word_makes_a_range(word):
    q = only(f"They sold 40 {word} 60 boats.")
    assert (q.hedge, q.lo, q.hi) == ("between", 40.0, 60.0)


@pytest.mark.parametrize("word", CONTEXT["share_words"])
def test_every_share_word_makes_a_share(word):
    q = only(f"Roughly one {word} four boats sank.")
    assert (q.kind, q.value) == (Kind.PERCENT, 25.0)


@pytest.mark.parametrize("word", CONTEXT["not_after_million"])
def test_every_word_after_m_keeps_it_a_metre(word):
    assert only(f"The wall was 5m {word} the road.").value == 5.0


@pytest.mark.parametrize("word", CONTEXT["counted_stop_words"])
def test_every_stop_word_ends_the_counted_noun(word):
    assert only(f"They counted 40 boats {word} there.").counted == "boats"


@pytest.mark.parametrize("word", CONTEXT["irregular_plurals"])
def test_every_irregular_plural_ends_the_counted_noun(word):
    assert only(f"They counted 40 {word} boats there.").counted == word


@pytest.mark.parametrize("unit", NUMBERS["counted_units"])
def test_every_counted_unit_is_what_a_measure_counts(unit):
    assert only(f"It lasted 40 {unit} there.").counted == unit


@pytest.mark.parametrize("code", NUMBERS["lowercase_codes"])
def test_every_lowercase_code_is_money_before_digits(code):
    q = only(f"It cost {code}5 in all.")
    assert (q.kind, q.unit, q.value) == (Kind.MONEY, code.upper(), 5.0)


@pytest.mark.parametrize("word", NUMBERS["currency_words_before"])
def test_every_currency_word_before_a_figure_is_money(word):
    assert only(f"It cost {word} 5 in all.").kind == Kind.MONEY


@pytest.mark.parametrize(("code", "iso"), list(NUMBERS["currency_aliases"].items()))
def test_every_currency_alias_gives_its_code(code, iso):
    assert only(f"It cost 5 {code} in all.").unit == iso


@pytest.mark.parametrize("unit", NUMBERS["per_units"])
def test_every_per_unit_is_part_of_a_rate(unit):
    assert only(f"They drove 50 km per {unit} there.").text == f"50 km per {unit}"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # A rate the lexicon names is one unit however it is written,
        ("The train reached 240 km per hour.", "km/h"),
        ("The train reached 240 kilometres an hour.", "km/h"),
        ("The train reached 240 km/hr.", "km/h"),
        ("The train reached 150 miles per hour.", "mph"),
        # also with a conversion in brackets between the unit and its "per hour",
        ("The train reached 240 km (150 miles) per hour.", "km/h"),
        ("The train reached 240 kilometres (150 miles) an hour.", "km/h"),
        # but not when what follows is no rate of it.
        ("The line is 240 km (150 miles) long and runs every hour.", "km"),
    ],
)
def test_a_rate_is_one_unit_however_written(text, unit):
    assert figures(text)[0].unit == unit


def test_a_conversion_in_brackets_is_a_rate_too():
    assert [q.unit for q in figures("The train reached 240 km (150 miles) per hour.")] == ["km/h", "mph"]


@pytest.mark.parametrize("ab", NUMBERS["abbreviations_for_money"])
def test_every_money_only_abbreviation_is_a_scale_only_in_money(ab):
    assert only(f"It cost ${5}{ab} in all.").value == 5e12
    assert only(f"It weighs 5{ab} in all.").value == 5


@pytest.mark.parametrize("word", NUMBERS["fractions_alone"])
def test_every_lone_fraction_reads_alone(word):
    assert only(f"A {word} million came.").value == 1e6 / NUMBERS["fractions"][word]


@pytest.mark.parametrize("word", NUMBERS["vague_needs_of"])
def test_every_vague_word_that_needs_of(word):
    assert figures(f"They saw {word} of thousands there.")[0].lo == 10 * 1000 * 2
    assert figures(f"They saw {word} there.") == []


def test_one_before_a_share_s_in_is_no_pronoun() -> None:
    from claimcheck.quantities import extract_quantities

    for text in ["We are proud that one in four of our students is the first.", "Each one out of five votes."]:
        assert [q.kind.value for q in extract_quantities(text) if q.kind.value != "ordinal"] == ["percent"], text
    assert extract_quantities("I like that one in the window.") == []
