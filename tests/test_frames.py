"""Frames: what a figure counts, where, when, for whom, and its role in the sentence."""

from __future__ import annotations

import pytest

from claimcheck.frames import Frame, build_frames
from claimcheck.model import Stance
from claimcheck.quantities import extract_quantities
from claimcheck.words import lexicon, stem, tokenize


def frames(sentence: str) -> dict[str, Frame]:
    qs = extract_quantities(sentence)
    figures = [q for q in qs if q.is_figure]
    years = [q for q in qs if q.kind.value in ("year", "date")]
    built = build_frames(sentence, 0, figures, tokenize(sentence), lexicon(), years)
    return {f.quantity.text.split()[-1]: f for f in built}


def place(name: str) -> frozenset[str]:
    """The places of a frame that names only ``name``: the name's own index key, however it is stemmed."""
    return frozenset({tokenize(name)[0].stem})


@pytest.mark.parametrize(
    ("sentence", "figure", "counted"),
    [
        ("Crews saved 230 homes on the ridge.", "230", "home"),
        ("Police said 1,740 arrested overnight.", "1,740", ""),
        ("About 70 Canadian firefighters arrived.", "70", "firefighter"),
        ("The plant employs 410 people and 12 robots.", "12", "robot"),
        ("Thousands of 4,100 bees.", "4,100", "bee"),
    ],
)
def test_counted_noun(sentence: str, figure: str, counted: str) -> None:
    """``counted`` is the singular head noun of what the figure counts."""
    assert frames(sentence)[figure].counted == counted


def test_demonym_before_the_noun_is_a_group() -> None:
    assert frames("About 70 Canadian firefighters arrived.")["70"].modifiers == frozenset({"canadian"})


def test_noun_less_figure_counts_people_through_its_act() -> None:
    f = frames("Police said 1,740 arrested overnight.")["1,740"]
    assert f.implicit_act == "arrest"


def test_headline_capitals_name_no_places() -> None:
    """A title-cased headline capitalises every longer word: its figures get no places or names;
    the same words as prose keep them."""
    headline = frames("Police Detained 18 Journalists At Protests In Moscow Region On Friday.")["18"]
    assert headline.places == frozenset() and headline.names == frozenset()
    prose = frames("Police detained 18 journalists at protests in Moscow Region on Friday.")["18"]
    assert prose.places and prose.names


def test_elided_noun_is_inherited() -> None:
    got = frames("Some 610 voters were turned away in Leeds and 240 in York.")
    assert got["240"].counted == got["610"].counted
    assert got["240"].places == place("York")
    assert got["610"].places == place("Leeds")


def test_part_and_whole() -> None:
    got = frames("Inspectors said 40 of the 120 homes were in Oakridge.")
    assert got["40"].role == "part"
    assert got["120"].role == "whole"
    assert got["120"].places == frozenset()
    assert got["40"].places == place("Oakridge")


def test_baseline_is_marked() -> None:
    got = frames("Enrolment rose to 5,400 students, up from 4,900.")
    assert got["4,900"].role == "baseline"
    assert got["5,400"].role == ""


def test_intro_time_frame_applies_to_the_sentence() -> None:
    f = frames("In the first months of the year, 310 flights were cancelled.")["310"]
    assert "months" in f.strong_times and "first" in f.strong_times


@pytest.mark.parametrize(
    ("sentence", "figure", "times"),
    [
        # An "and" that joins two words keeps the time after them in the figure's clause ...
        ("Builders hired 4,200 workers in plumbing and roofing in March.", "4,200", {"march"}),
        ("Hauliers moved 310 tonnes of grain and soy in April, the board said.", "tonnes", {"april"}),
        # ... one that opens another figure's clause does not,
        ("Builders hired 4,200 workers in Leeds and 900 in York in March.", "4,200", set()),
        ("Builders hired 4,200 workers in Leeds and 900 in York in March.", "900", {"march"}),
        # ... nor one that opens a clause of its own: a verb, a subject, a negation, a forecast,
        # another group after a place, a phrase of its own.
        ("Builders hired 4,200 workers in February and opened a yard in March.", "4,200", {"february"}),
        ("Builders hired 4,200 workers in February and unions said pay rose in March.", "4,200", {"february"}),
        ("Builders hired 4,200 workers in February and never cut pay in March.", "4,200", {"february"}),
        ("Builders hired 4,200 workers in February and expects more in March.", "4,200", {"february"}),
        ("Builders hired 4,200 workers in Leeds and apprentices in York in March.", "4,200", set()),
        ("Builders hired 4,200 workers in February and in March.", "4,200", {"february"}),
    ],
)
def test_an_and_between_words_is_no_clause_break(sentence: str, figure: str, times: set[str]) -> None:
    assert frames(sentence)[figure].strong_times == times


def test_day_names_are_weak_times() -> None:
    f = frames("On Friday 45 ferries were cancelled.")["45"]
    assert f.weak_times == frozenset({"friday"}) and not f.strong_times


def test_scope_word_is_not_a_place() -> None:
    assert frames("Unions counted 90 strikes across Spain.")["90"].places == frozenset()


@pytest.mark.parametrize(
    "sentence",
    ["By the official count, turnout stood at 64%.", "Across the region, prices rose to 12 euros."],
)
def test_a_sentence_opening_is_not_read_as_the_place_after_a_preposition(sentence: str) -> None:
    # The clause ends with "at"/"to" once its figure is set aside; the opening is read with it,
    # but "at By" is no place: a place follows its preposition in the text.
    assert all(f.places == frozenset() for f in frames(sentence).values())


@pytest.mark.parametrize(
    "sentence",
    [
        "Police held 90 people, 40 of them in the capital Kelvor.",
        "Police held 40 people in the port city of Kelvor.",
    ],
)
def test_a_place_is_the_name_after_what_kind_of_place_it_is(sentence: str) -> None:
    assert frames(sentence)["40"].places == place("Kelvor")


def test_a_place_after_its_preposition_still_counts() -> None:
    assert frames("By Friday, 75 families in Marrow had left.")["75"].places == place("Marrow")


def test_denied_figure() -> None:
    f = frames("The firm denied that 5,000 accounts were exposed.")["5,000"]
    assert f.stance is Stance.DENIED


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The organisers' tally of 12,000 marchers is too high, the observers said.", "12,000"),
        ("A total of 64 closures was an undercount.", "64"),
        ("The bank's figure of 2.1% overstates the slowdown.", "2.1%"),
    ],
)
def test_a_figure_its_sentence_goes_on_to_dispute_is_denied(sentence: str, figure: str) -> None:
    assert frames(sentence)[figure].stance is Stance.DENIED


def test_a_disputing_phrase_before_a_figure_says_nothing_of_it() -> None:
    assert frames("Rents were too high: 900 euros for a room.")["euros"].stance is Stance.STATED


def test_reported_figure() -> None:
    assert frames("According to the union, 300 nurses quit.")["300"].stance is Stance.REPORTED


def test_demonym_group() -> None:
    assert frames("The ship carried 55 Irish sailors.")["55"].modifiers == frozenset({"irish"})


def test_table_frames_reach_only_neighbours() -> None:
    """A sentence of many figures is a table: every figure gets a frame, each reading only the
    words beside it (a denial far before does not deny the last figure; prose keeps its clause)."""
    from claimcheck.frames import TABLE_MIN_FIGURES

    row = ", ".join(f"{n} cats" for n in range(10, 10 + TABLE_MIN_FIGURES))
    got = frames(f"Officials denied that {row} were lost.")
    assert len(got) == TABLE_MIN_FIGURES
    assert got["10"].stance is Stance.DENIED
    assert got[str(9 + TABLE_MIN_FIGURES)].stance is not Stance.DENIED
    assert got[str(9 + TABLE_MIN_FIGURES)].counted == "cat"
    prose = frames("Officials denied that " + ", ".join(f"{n} cats" for n in range(10, 15)) + " were lost.")
    assert prose["14"].stance is Stance.DENIED


@pytest.mark.parametrize(
    "text",
    ["cats and but dogs, 5", "one and  but two", "x as well as y; z", "a and whereas b while c", "(1) and, but"],
)
def test_one_scan_finds_both_kinds_of_clause_break(text: str) -> None:
    from claimcheck.clauses import _CLAUSE_BREAK, _TOPIC_BREAK, Breaks

    qualifier, topic = Breaks.of(text)
    for breaks, pattern in ((qualifier, _CLAUSE_BREAK), (topic, _TOPIC_BREAK)):
        spans = [m.span() for m in pattern.finditer(text)]
        assert breaks.clause(0, 0) == Breaks(len(text), spans).clause(0, 0)
        assert [breaks.clause(k, k) for k in range(len(text))] == [
            Breaks(len(text), spans).clause(k, k) for k in range(len(text))
        ]


@pytest.mark.parametrize(
    ("sentence", "figure", "role", "counted"),
    [
        # "of the vote and 9 seats": the 9 is another figure, not the whole the share is taken from;
        # a share names its base ("of the vote"), not a larger figure it is a part of.
        ("The Pirates took 12.5% of the vote and 9 seats.", "12.5%", "", "vote"),
        ("Some 30 of the cabins, 75 in all, burned.", "30", "part", "cabin"),
    ],
)
def test_of_the_opens_a_whole_only_when_its_figure_follows(sentence: str, figure: str, role: str, counted: str) -> None:
    got = frames(sentence)[figure]
    assert (got.role, got.counted.rstrip("s")) == (role, counted)


def test_of_the_before_a_figure_is_still_a_part_of_that_whole() -> None:
    assert frames("Some 30 of the island's 75 cabins burned.")["30"].role == "part"


def test_a_partitive_group_ends_at_punctuation() -> None:
    got = frames("The Pirates, on 12.5 per cent of the vote, tripled their seats.")["cent"]
    assert got.counted == "vote"


def test_a_partitive_group_ends_at_its_verb() -> None:
    # "-ed" after the group's noun is the clause's verb, not more of the noun phrase.
    assert frames("The mill says 640 of its workers walked out.")["640"].counted == "worker"
    assert frames("Some 40 of the wounded were flown out.")["40"].counted == "wounded"


@pytest.mark.parametrize("join", ["and", "or"])
def test_places_joined_by_a_coordinator_are_places_alike(join: str) -> None:
    assert frames(f"Floods killed 40 people in Varnholt {join} Kelvor.")["40"].places == (
        place("Varnholt") | place("Kelvor")
    )


def test_and_between_two_names_does_not_end_the_figure_s_clause() -> None:
    # "Varnholt and Kelvor" is one group of places; "and 30 in Kelvor" opens another figure's clause.
    f = frames("The death toll in Varnholt and Kelvor rose to 212.")["212"]
    assert (f.implicit_act, f.places) == ("die", place("Varnholt") | place("Kelvor"))
    split = frames("Police detained 40 people in Varnholt and 30 people in Kelvor.")
    assert (split["40"].places, split["30"].places) == (place("Varnholt"), place("Kelvor"))


def test_a_name_with_a_possessive_ending_between_of_and_a_figure_owns_the_pool() -> None:
    got = frames("Records show that 3,900 of Kelvor's 9,100 staff stopped work.")
    # the part counts the pool's noun, not people by the act word "staff" alone
    assert (got["3,900"].role, got["3,900"].counted, got["3,900"].implicit_act) == ("part", "staff", "")
    assert got["9,100"].role == "pool"


def test_a_word_in_ed_after_the_counted_noun_is_its_verb() -> None:
    assert frames("About 4,000 staff stopped work.")["4,000"].counted == "staff"
    assert frames("Some 55 wounded soldiers were flown out.")["55"].counted == "soldier"


@pytest.mark.parametrize("sentence", ["Police freed 500 of the 1,300 workers.", "Labour won 500 of 1,300 seats."])
def test_a_part_right_after_its_verb_is_what_the_verb_did(sentence: str) -> None:
    got = frames(sentence)
    assert (got["500"].role, got["1,300"].role) == ("", "pool")
    # a part singled out by what follows it stays a part of the whole
    got = frames("Some 500 of the 1,300 workers were freed.")
    assert (got["500"].role, got["1,300"].role) == ("part", "whole")


def test_the_words_before_a_counted_noun_say_its_kind() -> None:
    got = frames("The port runs 140 ferry crossings and 60 barge crossings a day.")
    assert (got["140"].counted, got["140"].qualifiers) == ("crossing", frozenset({stem("ferry")}))
    assert got["60"].qualifiers == frozenset({stem("barge")})


def test_of_the_opening_a_sentence_makes_a_whole_and_its_part() -> None:
    got = frames("Of the 480 passengers rescued, 75 were children.")
    assert (got["480"].role, got["480"].counted) == ("whole", "passenger")
    assert (got["75"].role, got["75"].counted) == ("part", "child")
    assert frames("Of course, 75 were children.")["75"].role == ""  # no whole before the comma


def test_a_noun_after_a_copula_is_what_a_bare_figure_counts() -> None:
    assert frames("In all, 64 were barns; the rest were sheds.")["64"].counted == "barn"
    assert frames("In all, 64 were rescued by boat.")["64"].counted == ""


def test_a_year_in_the_opening_phrase_frames_every_figure() -> None:
    got = frames("In 2019, 52 ferries sailed and 7 were late, up from 3 in 2017.")
    assert "2019" in got["52"].strong_times and "2019" in got["7"].strong_times
    assert "2017" in got["3"].strong_times and "2019" not in got["3"].strong_times  # its own year wins


def test_money_is_no_age_bracket() -> None:
    assert frames("The club paid 90 million euros plus bonuses.")["plus"].role != "bracket"
    assert frames("Residents aged 70 plus were moved.")["plus"].role == "bracket"


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Two of the hostages remain in custody.", "hostage"),
        ("Nine of its reporters cover the courts.", "reporter"),
        ("Three of the officers resigned.", "officer"),
    ],
)
def test_a_partitive_group_ends_at_its_plural_noun(sentence: str, counted: str) -> None:
    [f] = [f for f in frames(sentence).values() if f.role == "part"]
    assert f.counted == counted


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Some 55 wounded soldiers were flown home.", "soldier"),
        ("About 300 armed police patrolled the square.", "police"),
        ("In the trial, 40 received ribavirin twice daily.", ""),  # a verb and its object, not a noun phrase
    ],
)
def test_a_participle_counts_only_before_a_plural_noun(sentence: str, counted: str) -> None:
    [f] = [f for f in frames(sentence).values() if f.quantity.value > 1]
    assert f.counted == counted


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        ("Three of the sales staff resigned.", "staff"),  # a plural before a collective noun
        ("Nine of the sports club members quit.", "member"),  # ... or before the word before a plural
    ],
)
def test_a_partitive_group_goes_on_past_a_plural_modifier(sentence: str, counted: str) -> None:
    [f] = [f for f in frames(sentence).values() if f.role == "part"]
    assert f.counted == counted
