"""The words of lexicon/frames.yaml: every entry has an example here that exercises it, beside one
that shows the reading without it, so a word or a list the code stopped reading shows up as a
failing test."""

from __future__ import annotations

import pytest

from claimcheck.answers import asked_by
from claimcheck.clauses import Breaks, intro
from claimcheck.frames import _APPOSITIVE, Frame, build_frames
from claimcheck.lexicon import FrameWords, build_frame_words, frame_words, read
from claimcheck.model import Claim, Kind
from claimcheck.places import place_names, places_in
from claimcheck.plan import main_act, plan_claim
from claimcheck.quantities import extract_quantities
from claimcheck.vocab import vocab
from claimcheck.words import lexicon, tokenize

WORDS = frame_words()


def frames_of(text: str) -> list[Frame]:
    lex = lexicon()
    qs = extract_quantities(text)
    years = [q for q in qs if q.kind in (Kind.YEAR, Kind.DATE)]
    return build_frames(text, 0, [q for q in qs if q.is_figure], tokenize(text, lex), lex, years)


def places(text: str) -> frozenset[str]:
    return places_in(tokenize(text, lexicon()), lexicon())


def test_frame_words_are_read_once_and_typed() -> None:
    assert frame_words() is WORDS
    assert isinstance(WORDS, FrameWords)
    assert build_frame_words(read("frames.yaml")) == WORDS


@pytest.mark.parametrize("preposition", sorted(WORDS.place_prepositions))
def test_each_place_preposition_places_a_figure(preposition: str) -> None:
    assert places(f"Crews worked {preposition} Varnholt on Monday.") == {"varnholt"}
    assert places("Crews worked beside Varnholt on Monday.") == frozenset()


@pytest.mark.parametrize("preposition", sorted(WORDS.name_prepositions))
def test_each_name_preposition_names_a_place(preposition: str) -> None:
    assert place_names(tokenize(f"Crews worked {preposition} Varnholt on Monday.")) == {"varnholt"}
    assert place_names(tokenize("Crews worked beside Varnholt on Monday.")) == frozenset()


@pytest.mark.parametrize("saint", sorted(WORDS.saint_words))
def test_each_saint_word_is_left_out_of_a_place_name(saint: str) -> None:
    assert places(f"Crews worked in {saint.capitalize()} Kelvor.") == places("Crews worked in Kelvor.")


@pytest.mark.parametrize("descriptor", sorted(WORDS.place_descriptors))
def test_each_place_descriptor_leads_to_the_name_it_describes(descriptor: str) -> None:
    assert places(f"Crews worked in the {descriptor} of Varnholt.") == {"varnholt"}
    assert places(f"Crews worked in the northern {descriptor} Varnholt.") == {"varnholt"}
    assert places(f"Crews worked in the {descriptor}, Varnholt's mayor said.") == frozenset()  # after a comma


@pytest.mark.parametrize("opener", sorted(WORDS.how_many))
def test_each_how_many_opener_asks_for_a_figure(opener: str) -> None:
    question = f"{opener.capitalize()} ferries were cancelled at Dunmore?"
    asked = asked_by(question, tokenize(question), lexicon())
    assert asked is not None and "cancel" in asked.keys
    statement = "Ferries were cancelled at Dunmore?"
    assert asked_by(statement, tokenize(statement), lexicon()) is None


@pytest.mark.parametrize("label", sorted(WORDS.change_labels))
def test_each_change_label_gives_a_signed_figure_its_direction(label: str) -> None:
    (rise,) = frames_of(f"Bus fares, {label.capitalize()}: +4%.")
    (fall,) = frames_of(f"Bus fares, {label.capitalize()}: −4%.")
    assert "=raise" in rise.topic_keys and "=cut" in fall.topic_keys
    assert fall.quantity.value == 4  # the size of the fall
    (level,) = frames_of("Bus fares, 2025: −4%.")
    assert level.quantity.value == -4 and "=cut" not in level.topic_keys


@pytest.mark.parametrize("opener", sorted(WORDS.cue_objects))
def test_each_cue_object_makes_a_forecast_word_a_verb_of_stance(opener: str) -> None:
    rest = {"to": "to build 300 homes", "that": "that 300 homes will be built"}.get(opener, f"{opener} 300 homes")
    (fig,) = plan_claim(Claim("c", f"Varnholt plans {rest}")).figures
    assert "plans" not in [t.lower for t in fig.topic]
    (fig,) = plan_claim(Claim("c", "Varnholt's plans cover 300 homes")).figures
    assert "plans" in [t.lower for t in fig.topic]


@pytest.mark.parametrize("negation", sorted(WORDS.figure_negations))
def test_each_figure_negation_negates_the_figure(negation: str) -> None:
    assert [f.negated for f in frames_of(f"The fire did {negation} destroy 40 homes.")] == [True]
    assert [f.negated for f in frames_of("The fire did destroy 40 homes.")] == [False]


@pytest.mark.parametrize("auxiliary", sorted(WORDS.auxiliaries))
def test_each_auxiliary_is_no_verb_of_its_own(auxiliary: str) -> None:
    v = vocab(lexicon())
    verb = next(w for w in sorted(v.irregular_verbs) if w not in WORDS.auxiliaries and w not in v.stopwords)
    assert auxiliary in v.irregular_verbs  # else it would need no entry
    is_verb = v.flags([auxiliary, verb])[0]
    assert not is_verb[auxiliary]
    assert is_verb[verb]


@pytest.mark.parametrize("determiner", sorted(WORDS.partitive_determiners - WORDS.partitive_pronouns))
def test_each_partitive_determiner_makes_a_part_of_a_group(determiner: str) -> None:
    assert [(f.role, f.counted) for f in frames_of(f"Police detained two of {determiner} protesters.")] == [
        ("part", "protester")
    ]


@pytest.mark.parametrize("pronoun", sorted(WORDS.partitive_pronouns))
def test_each_partitive_pronoun_makes_a_part_of_an_unnamed_group(pronoun: str) -> None:
    assert pronoun in WORDS.partitive_determiners  # "of" then the pronoun opens the partitive
    assert [(f.role, f.counted) for f in frames_of(f"Police detained two of {pronoun}.")] == [("part", "")]


@pytest.mark.parametrize("opener", sorted(WORDS.part_openers))
def test_each_part_opener_makes_the_figure_before_a_part(opener: str) -> None:
    assert frames_of(f"Some 500 {opener} the 1,300 workers were freed.")[0].role == "part"
    assert frames_of("Some 500 from the 1,300 workers were freed.")[0].role == ""


@pytest.mark.parametrize("coordinator", sorted(WORDS.coordinators))
def test_each_coordinator_keeps_the_next_act_from_the_figure_before(coordinator: str) -> None:
    assert frames_of(f"Gunmen shot 23, {coordinator} killed 40.")[0].implicit_act == ""
    assert frames_of("Gunmen shot 23, then killed 40.")[0].implicit_act == "die"


@pytest.mark.parametrize("word", sorted(WORDS.revision_words))
def test_each_revision_word_makes_a_figure_after_down_from_no_baseline(word: str) -> None:
    text = "The fire covers 9,000 acres, down from 12,400 acres in the {} count."
    assert frames_of(text.format(word))[1].role == ""
    assert frames_of(text.format("first"))[1].role == "baseline"


def clauses(word: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """(qualifier, topic) clause of the second figure of a sentence that joins two with ``word``."""
    text = f"Crews saved 530 homes {word} 480 barns burned."
    at = text.index("480")
    qualifier, topic = Breaks.of(text)
    return qualifier.clause(at, at + 3), topic.clause(at, at + 3)


@pytest.mark.parametrize("word", WORDS.topic_break_words)
def test_each_topic_break_word_ends_both_clauses(word: str) -> None:
    qualifier, topic = clauses(word)
    assert qualifier == topic and qualifier[0] > 0


@pytest.mark.parametrize("word", WORDS.qualifier_break_words)
def test_each_qualifier_break_word_ends_the_qualifier_clause_only(word: str) -> None:
    qualifier, topic = clauses(word)
    assert qualifier[0] > 0 and topic[0] == 0


@pytest.mark.parametrize("word", WORDS.appositive_openers)
def test_each_appositive_opener_opens_an_appositive(word: str) -> None:
    assert _APPOSITIVE.match(f", {word} 22%", 1, 13)
    assert not _APPOSITIVE.match(f", {word}xyz 22%", 1, 13)  # a whole word, not its start


@pytest.mark.parametrize("word", WORDS.intro_openers)
def test_each_intro_opener_opens_a_phrase_for_every_figure(word: str) -> None:
    text = f"{word.capitalize()} the first weeks, 40 homes burned."
    assert intro(text) == (0, text.index(","))
    assert intro("Despite the first weeks, 40 homes burned.") == (0, 0)


@pytest.mark.parametrize("determiner", sorted(WORDS.adjective_determiners))
def test_each_adjective_determiner_makes_a_participle_no_act(determiner: str) -> None:
    words = tokenize(f"{determiner} recalled heaters")
    assert main_act(words, words, lexicon()) is None
    words = tokenize("recalled heaters")
    assert main_act(words, words, lexicon()) == words[0]


@pytest.mark.parametrize("ending", WORDS.common_noun_endings)
def test_each_common_noun_ending_makes_a_first_word_no_name(ending: str) -> None:
    assert plan_claim(Claim("c", f"Varn{ending} reached 40 in Kelvor")).names == ()
    assert [t.text for t in plan_claim(Claim("c", "Varnolt reached 40 in Kelvor")).names] == ["Varnolt"]


@pytest.mark.parametrize("opener", sorted(WORDS.bracket_openers))
def test_each_bracket_opener_makes_an_open_ended_figure_bound_a_group(opener: str) -> None:
    roles = [(f.quantity.text, f.role) for f in frames_of(f"The virus killed 40 people {opener} 18 to 24.")]
    assert roles == [("40", ""), ("18 to 24", "bracket")]
    # an exact figure after the opener is a person's age, a figure of its own
    assert [f.role for f in frames_of(f"Smith, {opener} 32, counted 40 ballots.")] == ["", ""]


@pytest.mark.parametrize("closer", WORDS.bracket_closers)
def test_each_bracket_closer_makes_the_figure_before_bound_a_group(closer: str) -> None:
    assert [f.role for f in frames_of(f"About 900 residents who are 65 {closer} were moved.")] == ["", "bracket"]
    assert [f.role for f in frames_of("About 900 residents who are 65 were moved.")] == ["", ""]


@pytest.mark.parametrize(
    ("marker", "act"), [*((m, "raise") for m in WORDS.rise_markers), *((m, "cut") for m in WORDS.fall_markers)]
)
def test_each_change_marker_before_a_figure_says_the_change(marker: str, act: str) -> None:
    (value, change) = frames_of(f"Kelvor's exports reached $4.1 billion, {marker} 12% on the year.")
    assert "=" + act in change.topic_keys and "=" + act not in value.topic_keys


@pytest.mark.parametrize("verb", sorted(WORDS.marker_not_after))
@pytest.mark.parametrize("marker", sorted(WORDS.rise_markers | WORDS.fall_markers))
def test_a_marker_that_is_a_verb_s_particle_says_no_change(verb: str, marker: str) -> None:
    (particle,) = frames_of(f"Exporters {verb} {marker} 12 rivals this year.")
    assert "=raise" not in particle.topic_keys and "=cut" not in particle.topic_keys
    # after another word, the same marker says a change
    (change,) = frames_of(f"Exporters {verb} rivals, {marker} 12% on the year.")
    assert "=raise" in change.topic_keys or "=cut" in change.topic_keys


@pytest.mark.parametrize("noun", ["calls", "use", "vote", "take"])
def test_a_marker_after_a_noun_says_the_change(noun: str) -> None:
    (change,) = frames_of(f"Emergency {noun} up 20% after the storm.")
    assert "=raise" in change.topic_keys


@pytest.mark.parametrize("marker", sorted(WORDS.rise_markers | WORDS.fall_markers))
def test_a_marker_before_a_share_of_something_says_no_change(marker: str) -> None:
    (share,) = frames_of(f"Exporters picked {marker} 12% of the trade.")
    assert "=raise" not in share.topic_keys and "=cut" not in share.topic_keys
    (change,) = frames_of(f"Exports picked {marker} 12% on the year.")
    assert "=raise" in change.topic_keys or "=cut" in change.topic_keys


@pytest.mark.parametrize("owner", sorted(WORDS.possessive_determiners))
def test_each_possessive_determiner_keeps_the_figure_after_of_a_pool(owner: str) -> None:
    roles = [(f.role, f.counted) for f in frames_of(f"Only 12 of {owner} 40 depots were open.")]
    assert roles == [("part", "depot"), ("pool", "depot")]
    assert [f.role for f in frames_of("Only 12 of these 40 depots were open.")] == ["part", ""]


@pytest.mark.parametrize("opener", WORDS.age_openers)
def test_each_age_opener_makes_the_figure_an_age(opener: str) -> None:
    assert [f.counted for f in frames_of(f"Varga joined the club {opener} 17 and stayed.")] == ["age"]
    assert [f.counted for f in frames_of("The median age of 38.4 is high.")] == [""]


@pytest.mark.parametrize("ending", WORDS.age_endings)
def test_each_age_ending_makes_the_figure_an_age(ending: str) -> None:
    assert [f.counted for f in frames_of(f"The 32{ending} Varga was sentenced.")] == ["age"]


@pytest.mark.parametrize("end", WORDS.age_clause_ends)
def test_each_age_clause_end_lets_a_copula_age_go_on(end: str) -> None:
    assert [f.counted for f in frames_of(f"Varga was 32 {end.strip()} the time.")] == ["age"]
    assert [f.counted for f in frames_of("Varga was 32 metres from the car.")] != ["age"]


@pytest.mark.parametrize("copula", sorted(WORDS.age_copulas))
def test_each_age_copula_after_a_name_makes_the_figure_an_age(copula: str) -> None:
    assert [f.counted for f in frames_of(f"Varga {copula} 32 when he was sentenced.")] == ["age"]
    # after a common noun the figure is the noun's count
    assert [(f.counted, f.implicit_act) for f in frames_of(f"The toll {copula} 32 when the rain came.")] == [
        ("", "die")
    ]


def test_every_entry_is_lower_case_text() -> None:
    for name, words in read("frames.yaml").items():
        assert words and all(isinstance(w, str) and w == w.lower() for w in words), name


@pytest.mark.parametrize("follower", sorted(WORDS.share_followers))
def test_each_share_follower_makes_a_fraction_a_share(follower: str) -> None:
    from claimcheck.shares import read_shares

    def kinds(text: str) -> list[Kind]:
        return [q.kind for q in read_shares(text, 0, extract_quantities(text)) if q.is_figure]

    assert kinds(f"Half {follower} pupils walk.") == [Kind.PERCENT]
    assert kinds("Half such pupils walk.") == [Kind.COUNT]


@pytest.mark.parametrize("pronoun", sorted(WORDS.share_people_pronouns))
def test_each_people_pronoun_makes_a_fraction_a_share(pronoun: str) -> None:
    from claimcheck.shares import read_shares

    def kinds(text: str) -> list[Kind]:
        return [q.kind for q in read_shares(text, 0, extract_quantities(text)) if q.is_figure]

    assert kinds(f"A third of {pronoun} who voted were first-timers.") == [Kind.PERCENT]
    assert kinds(f"Half of {pronoun} detained were students.") == [Kind.PERCENT]
    assert kinds(f"A third of {pronoun} houses were empty.") == [Kind.COUNT]


def _noughts(text: str) -> list[tuple[str, str]]:
    from claimcheck.zeros import read_zeros

    qs = read_zeros(text, 0, tokenize(text, lexicon()), extract_quantities(text))
    return [(q.text.lower(), q.counted) for q in qs if q.value == 0]


@pytest.mark.parametrize("word", sorted(WORDS.zero_words))
def test_each_zero_word_is_a_nought_of_the_group_after_it(word: str) -> None:
    assert _noughts(f"{word} of the crew died.") == [(word, "")]


@pytest.mark.parametrize("word", sorted(WORDS.zero_people))
def test_each_zero_people_word_is_a_nought_of_people(word: str) -> None:
    assert _noughts(f"{word} died.") == [(word, "people")]


@pytest.mark.parametrize("determiner", sorted(WORDS.zero_determiners))
def test_each_zero_determiner_makes_a_nought_before_a_plural_noun(determiner: str) -> None:
    assert _noughts(f"There were {determiner} arrests.") == [(determiner, "")]
    assert _noughts(f"There was {determiner} arrest.") == []


@pytest.mark.parametrize("person", sorted(WORDS.zero_persons))
def test_each_zero_person_after_a_determiner_counts_people(person: str) -> None:
    determiner = sorted(WORDS.zero_determiners)[0]
    assert _noughts(f"{determiner} {person} died.") == [(f"{determiner} {person}", "people")]


@pytest.mark.parametrize("word", sorted(WORDS.zero_not_nouns))
def test_each_zero_not_noun_after_a_determiner_is_no_nought(word: str) -> None:
    from claimcheck.words import singular

    determiner = sorted(WORDS.zero_determiners)[0]
    assert singular(word) != word  # it looks like a plural noun, so it needs its entry
    assert _noughts(f"It was {determiner} {word} than that.") == []


@pytest.mark.parametrize("noun", sorted(WORDS.collective_nouns))
def test_each_collective_noun_keeps_the_participle_before_it_in_the_count(noun: str) -> None:
    from claimcheck.words import singular

    assert singular(noun) == noun  # no plural ending: it needs its entry
    assert [f.counted for f in frames_of(f"Some 300 armed {noun} arrived.")] == [noun]
    assert [f.counted for f in frames_of("Some 300 armed ribavirin arrived.")] == [""]


@pytest.mark.parametrize("word", sorted(WORDS.plural_modifiers))
def test_each_plural_modifier_lets_a_partitive_group_go_on(word: str) -> None:
    assert [f.counted for f in frames_of(f"Police detained two of the {word} officers.")] == ["officer"]
    assert [f.counted for f in frames_of("Three of the protesters police chased were hurt.")] == ["protester"]


@pytest.mark.parametrize("preposition", sorted(WORDS.modifier_prepositions))
def test_each_modifier_preposition_says_which_one_the_noun_is(check, preposition: str) -> None:  # type: ignore[no-untyped-def]
    claim = "Halvard's latest pay offer is 6%."
    assert check(claim, "Halvard's offer of 6% is on the table, its chair said.").verdict.value == "agree"
    text = f"Halvard's offer {preposition} the depot drivers is 6%, its chair said."
    assert check(claim, text).verdict.value == "silent"


@pytest.mark.parametrize("word", sorted(WORDS.kind_modifiers))
def test_each_kind_modifier_is_never_left_out(check, word: str) -> None:  # type: ignore[no-untyped-def]
    text = "The ticket price at the Ostvik Fair is 40 pounds, organisers said."
    assert check("The standard ticket price at the Ostvik Fair is 40 pounds.", text).verdict.value == "agree"
    assert check(f"The {word} ticket price at the Ostvik Fair is 40 pounds.", text).verdict.value == "silent"
