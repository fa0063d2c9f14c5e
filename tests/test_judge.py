"""Judge: figure comparison, alignment of frames, stance, statements and the roll-up."""

from __future__ import annotations

import pytest

from claimcheck.judge import compare, roll_up
from claimcheck.model import Kind, Quantity, Relation, SourceResult, Verdict
from claimcheck.words import lexicon


def q(text: str, value: float, lo: float | None, hi: float | None, hedge: str = "exact", **kw: object) -> Quantity:
    return Quantity(0, len(text), text, value, lo, hi, hedge=hedge, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "source", "relation"),
    [
        (
            q("1,386", 1386, 1386, 1386),
            q("more than 1,300", 1300, 1300, None, "more-than", lo_open=True),
            Relation.SUPPORTS,
        ),
        (q("38", 38, 38, 38), q("over 40", 40, 40, None, "more-than", lo_open=True), Relation.CONTRADICTS),
        (q("40", 40, 40, 40), q("over 40", 40, 40, None, "more-than", lo_open=True), Relation.CONTRADICTS),
        (q("9", 9, 9, 9), q("18", 18, 18, 18), Relation.CONTRADICTS),
        (q("1,386", 1386, 1386, 1386), q("at least 21", 21, 21, None, "at-least"), None),
        (q("300,000", 3e5, 3e5, 3e5), q("up to 1 million", 1e6, None, 1e6, "at-most"), None),
        (
            q("about 530", 530, 477, 583, "about"),
            q("more than 500", 500, 500, None, "more-than", lo_open=True),
            Relation.SUPPORTS,
        ),
    ],
)
def test_compare_reads_figures_as_intervals(claim: Quantity, source: Quantity, relation: Relation | None) -> None:
    got, reason = compare(claim, source)
    assert got is relation, reason
    assert reason


def test_compare_explains_in_words() -> None:
    _, reason = compare(q("38", 38, 38, 38), q("over 40", 40, 40, None, "more-than", lo_open=True))
    assert reason == "'over 40' excludes 38"


def test_rounded_figure_carries_its_rounding() -> None:
    claim = q("$2.5bn", 2.5e9, 2.5e9, 2.5e9, kind=Kind.MONEY, unit="USD", step=1e8)
    source = q("$2.47bn", 2.47e9, 2.47e9, 2.47e9, kind=Kind.MONEY, unit="USD")
    assert compare(claim, source)[0] is Relation.SUPPORTS


def test_tolerance_widens_exact_claim_figures() -> None:
    assert compare(q("100", 100, 100, 100), q("104", 104, 104, 104))[0] is Relation.CONTRADICTS
    assert compare(q("100", 100, 100, 100), q("104", 104, 104, 104), tolerance=0.05)[0] is Relation.SUPPORTS


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([Verdict.AGREE, Verdict.SILENT], Verdict.AGREE),
        ([Verdict.DISAGREE, Verdict.SILENT], Verdict.DISAGREE),
        ([Verdict.AGREE, Verdict.DISAGREE], Verdict.MIXED),
        ([Verdict.MIXED, Verdict.AGREE], Verdict.MIXED),
        ([Verdict.SILENT, Verdict.SILENT], Verdict.SILENT),
        ([], Verdict.SILENT),
    ],
)
def test_roll_up(verdicts: list[Verdict], expected: Verdict) -> None:
    assert roll_up([SourceResult(f"s{i}", v) for i, v in enumerate(verdicts)]) is expected


# Whole pipeline on one claim and one short text: each row is one mechanism.
@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # hedged figures that fit
        ("2,150 homes lost power", "Officials said more than 2,000 homes lost power overnight.", "agree"),
        ("870 workers were laid off", "Nearly 900 workers were laid off at the plant.", "agree"),
        ("Twelve climbers were rescued", "Rescuers said 12 climbers were rescued from the ridge.", "agree"),
        # taking part in a study is being enrolled in it
        ("The study enrolled 640 volunteers", "In all, 640 volunteers took part in the study.", "agree"),
        # a change may be said with its noun
        (
            "The vaccine cut the risk of infection by 40%",
            "It brought a 40 percent reduction in the risk of infection.",
            "agree",
        ),
        # a rounded figure covers what it rounds, and no neighbour: rounding intervals are open at their ends
        ("Unemployment in Kelvor was 6%", "Unemployment in Kelvor was 7%.", "disagree"),
        ("11 million Kelvor residents were displaced", "12 million Kelvor residents were displaced.", "disagree"),
        ("1 million Kelvor residents were displaced", "1.4 million Kelvor residents were displaced.", "disagree"),
        # a rounded share covers what it rounds
        ("The survey's response rate was 72.4%", "The survey's response rate was 72 per cent.", "agree"),
        # figures that clash
        ("Flooding hit 38 towns", "Flooding hit over 40 towns along the river.", "disagree"),
        ("Nine ferries were cancelled", "Eighteen ferries were cancelled on Monday.", "disagree"),
        # a bound far from the claim neither supports nor contradicts it
        ("300 hikers were rescued", "At least 12 hikers were rescued.", "silent"),
        # same number, another thing counted
        ("300 firefighters fought the blaze", "The blaze destroyed 300 homes near the lake.", "silent"),
        # another place
        ("60 buses were cancelled in York", "In Leeds, 40 buses were cancelled.", "silent"),
        # another time frame: a clash is no contradiction, a match still agrees
        ("5,000 cars were recalled", "In the first quarter, 2,000 cars were recalled.", "silent"),
        # a baseline the sentence compares against is not the figure
        ("Ridership rose to 1.2 million", "Ridership rose to 1.2 million, up from 900,000.", "agree"),
        # a denied figure is evidence against the claim, never for it
        ("5,000 units were affected", "The company denied reports that 5,000 units were affected.", "disagree"),
        # a bare figure leaves its unit to its label: it compares with a measure or money of that label
        ("Average commute: 31", "The average commute takes 31 minutes.", "agree"),
        ("Road budget: 4.2 million", "The road budget is €5.1 million.", "disagree"),
        ("Median age: 38.4", "The median income is 38,400 euros.", "silent"),
        # a month is a time frame: another month's figure, or one month's of a year, is another figure
        ("Kelvor added 50,000 jobs in March", "Kelvor added 42,000 jobs in April.", "silent"),
        ("Kelvor added 50,000 jobs in 2023", "Kelvor added 4,000 jobs in March 2023.", "silent"),
        ("Kelvor added 50,000 jobs in March", "In March, Kelvor added 50,000 jobs.", "agree"),
        # the noun the claim counts, written as the label's act word, is no other act
        ("6,200 Kelvor workers went on strike", "Workers on strike: 6,200 (all grades, Kelvor).", "agree"),
        ("About 4,000 Kelvor staff stopped work", "Some 3,900 Kelvor staff walked off the job on Monday.", "agree"),
        # refusing to leave one's home, or leaving it for work, is no evacuation
        (
            "5,000 people were evacuated in the Harwick flood",
            "Some 3,000 people refused to leave their homes during the Harwick flood.",
            "silent",
        ),
        (
            "5,000 people were evacuated in Harwick",
            "In Harwick, 5,000 people left their homes for work each morning.",
            "silent",
        ),
        # being forced from one's home is being evacuated
        ("Over 1,800 people were forced from their homes", "Some 1,850 were ordered to leave the valley.", "agree"),
        # a part of an owned pool counts the pool's noun
        ("About 4,000 Kelvor staff stopped work", "Records show 3,900 of Kelvor's 9,100 staff stopped work.", "agree"),
        # a part right after its verb is what the verb did; the whole is the pool it came from
        ("Police detained 500 protesters", "Police detained 500 of the 1,300 protesters.", "agree"),
        ("Police detained 1,300 protesters", "Police detained 500 of the 1,300 protesters.", "disagree"),
        # two open bounds, loosely aligned (the place on one side only), only overlap: no support
        # (the source names Kelvor in its headline: one that never names it speaks to no claim on it)
        (
            "At least 2,900 people were killed in Kelvor",
            "Kelvor earthquake\n\nAt least 2,000 people were killed, officials said.",
            "silent",
        ),
        (
            "At least 2,900 people were killed in Kelvor",
            "Kelvor earthquake\n\nAbout 3,000 people were killed, officials said.",
            "agree",
        ),
        # ", down 12%" says the change the claim's verb says
        ("Kelvor's exports fell 12%", "Kelvor's exports reached $4.1 billion, down 12% on the year.", "agree"),
        # a year is not a count
        ("1998 cars crossed the bridge", "The bridge opened in 1998 to traffic.", "silent"),
        # a different group
        ("Nine children died in the storm", "The storm killed 14 adults and nine children.", "agree"),
        # the act's noun counts one for each person the claim counts: "deaths" for "died"
        ("Two people died in the Harwick floods", "The Harwick floods have caused three deaths.", "disagree"),
        ("Two people died in the Harwick floods", "The Harwick floods have caused two deaths.", "agree"),
        ("Police arrested 50 people in Tarvin", "Police in Tarvin made 80 arrests overnight.", "disagree"),
        ("Police arrested 50 people in Tarvin", "Police in Tarvin made some 50 arrests.", "agree"),
        # ... not "injuries", which may be fewer people, some hurt more than once: loose
        ("Eight people were injured in Tarvin", "The Tarvin blast caused 14 injuries.", "silent"),
        # a figure for a year beside the same measure for a later year is another year's, for a claim
        # naming no year, in a sentence or across a table row's columns; the latest is no surer the
        # claim's (it may be about another year, or a sum): it may support, never contradict
        (
            "Harwick's road budget is €14 million",
            "Harwick's road budget was €13.9 million in 2024 and is €14.7 million in 2025.",
            "silent",
        ),
        (
            "Harwick's road budget is €14 million",
            "Harwick council budget\n\n| Item | Budget 2024 | Budget 2025 |\n|---|---|---|\n"
            "| Road budget | €13.9 million | €14.7 million |\n",
            "silent",
        ),
        (
            "Harwick's road budget is €14 million",
            "Harwick council budget\n\n| Item | Budget 2024 | Budget 2025 |\n|---|---|---|\n"
            "| Road budget | €14.7 million | €14.1 million |\n",
            "agree",
        ),
        # ... but a forecast is no later year of the series
        (
            "Northshire's population is 1.2 million",
            "Northshire's population was 1.2 million in 2024; it will be 1.5 million in 2030, planners say.",
            "agree",
        ),
        # "24 other cities" leave one out: a part of the count, which may support it, never contradict it
        ("Protests were held in 25 cities", "Protests were held in Paris and 24 other cities on Saturday.", "silent"),
        # a count of people with no act must say something of the claim's topic in its own clause
        # (or the sentence before): the opening alone lets any count of people in the story stand
        (
            "The Harwick ferry had 300 people on board.",
            "Harwick ferry sinks\n\nRescue boats searched the bay overnight. Two people were found alive on "
            "Sunday, rescuers said.",
            "silent",
        ),
        (
            "The Harwick ferry had 300 people on board.",
            "Harwick ferry sinks\n\nRescue boats searched the bay overnight. The ferry had 300 people on board "
            "when it sank.",
            "agree",
        ),
        # the figure's own verb is another act; the claim's act names only the occasion
        (
            "Police said 52,000 people demonstrated in Tarvin.",
            "In Tarvin, 457 people were arrested during protests on Thursday, police said.",
            "silent",
        ),
        (
            "Police said 52,000 people demonstrated in Tarvin.",
            "In Tarvin, 52,000 people protested on Thursday and 457 were arrested, police said.",
            "agree",
        ),
        # a fraction of a noun that names people ("undergraduates") is a share of them
        (
            "About a quarter of Harwick's new undergraduates are the first in their family to go to university.",
            "One in four of Harwick's new undergraduates is the first in their family to attend university.",
            "agree",
        ),
        # a figure the writer states, then calls wrong in the next sentence, was someone else's
        (
            "About a quarter of Harwick's new undergraduates are the first in their family to go to university.",
            "We hear it at every open day: one in four of Harwick's new undergraduates is the first in their "
            "family to go to university. That figure is wrong.",
            "disagree",
        ),
        # ... contracted, or going on after a colon
        ("The Tarvin bridge cost $40 million.", "The Tarvin bridge cost $40 million. That's false.", "disagree"),
        (
            "Rebels killed 30 soldiers in Tarvin on Tuesday.",
            "Rebels killed 30 soldiers in Tarvin on Tuesday. That figure is false: the army puts the toll at 18.",
            "disagree",
        ),
        # ... not by one that judges the act ("That was wrong")
        (
            "The Tarvin council closed 12 libraries in 2023.",
            "The Tarvin council closed 12 libraries in 2023. That was wrong.",
            "agree",
        ),
        # ... not by a next sentence that disputes something else
        (
            "Police arrested 12 men after the Halden riot.",
            "Police arrested 12 men after the Halden riot on Saturday. They denied the charges in court on Monday.",
            "agree",
        ),
        (
            "Unemployment in Halden fell to 4.1% in May.",
            "Unemployment in Halden fell to 4.1% in May. In fact, it has fallen for six months in a row.",
            "agree",
        ),
        # another act right by the figure only when the claim's act is just the occasion
        (
            "52,000 people protested in Halden on Saturday.",
            "Police said 30,000 people protested in Halden on Saturday. Organisers said 52,000 people attended the "
            "protest.",
            "mixed",
        ),
        # ... or stands in another clause, joined to the figure's by "and"
        (
            "More than 300 people were detained in Tarvin on Thursday night.",
            "TARVIN: A total of 457 people were arrested and 441 police officers were injured in Tarvin on "
            "Thursday during protests.",
            "silent",
        ),
        (
            "Twelve people died in the Tarvin fire.",
            "Twelve people were injured and later died in the Tarvin fire.",
            "agree",
        ),
        # ... not by a demonym of a longer name ("Nigerian" is of Nigeria, not Niger)
        (
            "Floods killed 40 people in Niger.",
            "Floods killed 40 people in the north, Nigerian officials said.",
            "silent",
        ),
        # a source may name the claim's place by its people ("Moroccan officials")
        (
            "The earthquake killed 3,000 people in Morocco.",
            "Earthquake toll rises\n\nThe earthquake killed 3,000 people, Moroccan officials said.",
            "agree",
        ),
        # a month after "in" is no place the source must name
        ("Retail sales fell 2% in December.", "Retail sales fell 2% last month, the statistics office said.", "agree"),
        # "a year" after a figure is a rate, no time frame ("$9,450 a year" for the 2024-25 figure)
        ("Tuition at Harwick College is $9,450 a year.", "Harwick College tuition, 2024-25: $9,450.", "agree"),
        # a percentage change needs its change word in its own clause: a share under a headline on
        # the rise is no change
        (
            "Harwick's base fare will rise by 20 per cent.",
            "Harwick fares to climb 20 per cent as council adopts budget\n\nThe base fare will rise to $2.75, "
            "a 20 per cent increase.\n\nAbout 60 per cent of Harwick Metro riders have household incomes "
            "below $40,000.",
            "agree",
        ),
        # what an additive word ("other", "more") stands before is still what the figure counts
        ("Marches were held in 24 other towns", "Marches were held in 24 other towns, drawing 9,000.", "agree"),
        # two sentences, one for and one against: mixed
        (
            "Flooding hit 38 towns",
            "Flooding hit 38 towns on Monday.\n\nLater, officials said flooding hit 45 towns.",
            "mixed",
        ),
    ],
)
def test_verdicts(check, claim: str, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    result = check(claim, text)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_part_of_whole(check) -> None:  # type: ignore[no-untyped-def]
    text = "Of the 1,200 flights cancelled, 300 were at Heathrow."
    assert check("1,200 flights were cancelled", text).verdict is Verdict.AGREE
    assert check("900 flights were cancelled", text).verdict is Verdict.DISAGREE


def test_evidence_is_located_and_explained(check) -> None:  # type: ignore[no-untyped-def]
    result = check("Flooding hit 38 towns", "A quiet week.\nFlooding hit over 40 towns along the river.")
    (e,) = result.evidence
    assert (e.line, e.column) == (2, 1)
    assert e.relation is Relation.CONTRADICTS
    assert "excludes 38" in e.reason
    assert e.text.startswith("Flooding hit over 40 towns")


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        ("The mayor called the audit false", "On Tuesday the mayor called the audit false.", "agree"),
        ("The mayor called the audit false", "The mayor did not call the audit false.", "disagree"),
        ("The mayor called the audit false", "The council approved the budget.", "silent"),
        ("Hartley urged residents to evacuate", "Governor Hartley urged residents to evacuate the valley.", "agree"),
        # headline verbs of winning
        ("Mayor Ortiz won a seat on the board", "Mayor Ortiz has bagged a seat on the board.", "agree"),
        # a name of several words, referred to later by its last word ("the council")
        (
            "The Harwick District Council has declared a state of emergency",
            "Harwick floods\n\nThe Harwick District Council met on Saturday. Rain kept falling. The roads "
            "closed. Later, the council declared a state of emergency.",
            "agree",
        ),
        (
            "The Harwick District Council has declared a state of emergency",
            "Harwick floods\n\nThe Harwick District Council met on Saturday. Rain kept falling. The roads "
            "closed. On Sunday the Council declared a state of emergency.",
            "agree",
        ),
        (
            "The Harwick District Council has declared a state of emergency",
            "Harwick floods\n\nRain kept falling. The roads closed. The Harwick District Council met on "
            "Saturday. Rivers rose. Crews worked all night. The council declared a state of emergency.",
            "agree",
        ),
        # ... not another body of that kind, nor one the source never writes in full
        (
            "The Harwick District Council has declared a state of emergency",
            "Harwick floods\n\nThe Harwick District Council met on Saturday. Rain kept falling. The roads "
            "closed. Downstream, the Vell city council declared a state of emergency.",
            "silent",
        ),
        (
            "Halcombe University closed its medical school",
            "Halcombe University expanded. Rain fell. Roads closed. Rivers rose. No other university closed its "
            "medical school.",
            "silent",
        ),
        # ... not when the source never writes the whole name
        (
            "The Harwick District Council has declared a state of emergency",
            "Harwick floods\n\nRain kept falling. The roads closed. Later, the council declared a state of emergency.",
            "silent",
        ),
    ],
)
def test_statements(check, claim: str, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, text, mode="statement").verdict.value == verdict


def test_aliases_extend_the_lexicon(check) -> None:  # type: ignore[no-untyped-def]
    text = "Some 400 pensioners were bused out of the district."
    assert check("400 people were evacuated", text).verdict is Verdict.SILENT
    aliased = check("400 people were evacuated", text, aliases=(("evacuated", ("bused out",)),))
    assert aliased.verdict is Verdict.AGREE


def test_a_ceiling_contains_but_does_not_support_a_far_lower_figure(check) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry may call up to 1 million reservists."
    assert check("300,000 reservists were called up", text).verdict is Verdict.SILENT


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # a question asserts nothing
        ("The county spent $4 million on repairs", "Did the county spend $4 million on repairs?"),
        # a negated clause does not assert its figure
        ("The report covers 12 bridges", "The report does not cover 12 bridges, only the tunnels."),
        # the denominator of a rate is no figure
        ("1,000 residents were surveyed", "The clinic saw 14 cases per 1,000 residents last year."),
        # an age bracket bounds a group, it counts nothing
        ("More than 65 residents got the vaccine", "Residents aged 70 and over got the vaccine first."),
        # a share's following noun describes it: a 60% drop is not a 60% rise
        ("Exports saw a 60% drop", "Exports saw a 60% rise after the deal."),
        # a number in a row's label names the row (an age band), the value follows the colon
        (
            "Norvik's population is 2.1 million.",
            "Population of Norvik by age group\n\n| Age group | 2023 |\n|---|---|\n| 0–14 | 310,000 |\n"
            "| 15–64 | 1,402,100 |\n",
        ),
        ("Norvik's population is 2.1 million.", "Norvik population, 0–14, 2023: 310,000."),
    ],
)
def test_not_evidence(check, claim: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, text).verdict is Verdict.SILENT


@pytest.mark.parametrize(
    ("question", "answer", "verdict"),
    [
        ("Is that still the figure?", "CHIEF: No. It is now 25,000 hectares.", "silent"),
        ("Is that still the figure?", "No: it is 25,000 hectares now.", "silent"),  # "No:" is no speaker
        ("Is that still the figure?", "CHIEF: Yes, it is.", "agree"),
        # a "No." to a question that does not ask whether the figure holds leaves it standing
        ("Is that wrong?", "CHIEF: No.", "agree"),
    ],
)
def test_a_question_about_a_figure_answered_no_takes_it_back(check, question: str, answer: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    text = f"HOST: Your office said the fire could reach 20,000 hectares. {question}\n\n{answer}\n"
    assert check("Officials say the fire could reach 20,000 hectares", text).verdict.value == verdict


def test_verbless_statement_needs_its_predicate_in_the_sentence(check) -> None:  # type: ignore[no-untyped-def]
    text = "Analysts call the Ostrava plant a loss-maker.\n\nThe Ostrava plant employs 900 people."
    assert check("The Ostrava plant is a loss-maker", text, mode="statement").verdict is Verdict.AGREE
    text = "Some call it a loss-maker.\n\nThe Ostrava plant employs 900 people."
    assert check("The Ostrava plant is a loss-maker", text, mode="statement").verdict is Verdict.SILENT


def test_baseline_at_the_claimed_time_is_evidence(check) -> None:  # type: ignore[no-untyped-def]
    text = "The dam was 90% full by Sunday, up from 70% on Thursday."
    assert check("The dam was 70% full on Thursday", text).verdict is Verdict.AGREE
    # without a day, the claim meets the current figure, not the baseline
    assert check("The dam was 70% full", text).verdict is Verdict.DISAGREE


@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # a statement about one place is not stated by the same words about another
        ("The governor of Oakridge urged calm", "The governor of Marrow urged calm and promised an inquiry."),
        # a figure that names the story's own place is still not the claim's other place
        (
            "400 homes were destroyed in Oakridge",
            "Damage in Marrow was severe. Crews in Marrow worked all night. The storm destroyed 400 homes in Marrow.",
        ),
        # nor is a claim on the story's own place supported by a figure the story places elsewhere
        (
            "400 homes were destroyed in Marrow",
            "Damage in Marrow was severe. Crews in Marrow worked all night. Schools in Marrow reopened. "
            "The storm destroyed 400 homes in Arden.",
        ),
        # a source that never names the claim's place is about somewhere else, or too vague to tell
        ("Police arrested 240 people in Tarvin", "Protests in Vell\n\nPolice arrested 240 people on Saturday."),
        ("Applications to Harwick College rose 6%", "Ridgeway College: applications rose 6% this year."),
    ],
)
def test_another_place_is_not_evidence(check, claim: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert check(claim, text).verdict is Verdict.SILENT


@pytest.mark.parametrize(
    "text",
    [
        "Tarvin protests\n\nPolice arrested 240 people on Saturday.",
        "Police in Tarvin said on Sunday that they had arrested 240 people.",
    ],
)
def test_a_source_that_names_the_claim_s_place_anywhere_may_speak_to_it(check, text: str) -> None:  # type: ignore[no-untyped-def]
    assert check("Police arrested 240 people in Tarvin", text).verdict is Verdict.AGREE


def test_a_statement_may_name_its_place_anywhere_in_the_sentence(check) -> None:  # type: ignore[no-untyped-def]
    assert (
        check("The governor of Oakridge urged calm", "In Oakridge, the governor urged calm.").verdict is Verdict.AGREE
    )
    text = "The governor of Oakridge, visiting Marrow, urged calm."
    assert check("The governor of Oakridge urged calm", text).verdict is Verdict.AGREE


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The floods in Varnholt and Kelvor have killed 212 people.", "agree"),
        ("The death toll from the floods in Varnholt and Kelvor rose to 250.", "disagree"),
        # one of the two places is a part of the claim's figure
        ("The death toll from the floods in Varnholt rose to 150.", "silent"),
    ],
)
def test_a_hyphenated_compound_of_names_is_each_of_them(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check("The death toll from the Varnholt-Kelvor floods rose to 212", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Varga, aged 32, now faces prison.", "agree"),
        ("The 32-year-old Varga was sentenced on Thursday.", "agree"),
        ("Varga, 31, was sentenced on Thursday.", "disagree"),
        # an age is the age of the person named beside it
        ("Varga's lawyer, Mark Cohen, 64, spoke to reporters.", "silent"),
        # what the person denied is not the age; an age a sentence asserts may be denied
        ("Varga, 32, had denied the charges.", "agree"),
        ("His lawyer denied that Varga was 32 when he was sentenced.", "disagree"),
        # an age at another time of the life, or with no name beside it, is no contradiction
        ("Varga was 12 when his family moved to Kelvor.", "silent"),
        ("Varga was 3 when his family moved to Kelvor; he is now 32.", "silent"),
        # a figure of something else is no age
        ("Varga was sentenced to 32 months.", "silent"),
    ],
)
def test_an_age_is_read_as_the_age_of_the_person_named_with_it(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check("Varga was 32 when he was sentenced", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # the name before the verb before the figure says whose figure it is
        ("Reform UK had its best night. With all seats declared, Plaid clinched only 4 seats.", "silent"),
        ("Reform UK had its best night. With all seats declared, it clinched only 4 seats.", "disagree"),
    ],
)
def test_a_figure_of_another_named_subject_is_not_the_claim_s(check, text: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
    assert check("Reform UK won five seats", text).verdict.value == verdict


@pytest.mark.parametrize("place", ["Tollan", "Pakistan", "Milan", "Munich", "Helsinki"])
def test_places_that_end_like_demonyms_are_places(check, place: str) -> None:  # type: ignore[no-untyped-def]
    # "-an", "-ch", "-i" end demonyms ("Russian") and places alike: after "in", a word that does not
    # qualify a following noun is a place, so another place's figure is no evidence.
    text = f"About 800 patients were treated in {place}, officials said."
    assert check("800 patients were treated in Marrow", text).verdict is Verdict.SILENT
    assert check(f"800 patients were treated in {place}", text).verdict is Verdict.AGREE


@pytest.mark.parametrize("place", ["Oakridge", "Cedar Falls", "Port Ellen Bay"])
def test_a_place_of_several_words_is_a_place_not_topic_words(check, place: str) -> None:  # type: ignore[no-untyped-def]
    # The opening phrase places the figure; the words of the place need not stand in its clause.
    text = f"In {place}, 40 homes were destroyed on Monday, officials said."
    assert check(f"120 homes were destroyed in {place}", text).verdict is Verdict.DISAGREE
    assert check(f"40 homes were destroyed in {place}", text).verdict is Verdict.AGREE


@pytest.mark.parametrize("verb", ["rose to", "fell to", "grew to", "reached"])
def test_a_place_before_a_verb_is_a_place(check, verb: str) -> None:  # type: ignore[no-untyped-def]
    # "Tollan rose": "rose" is a verb here, not a noun the word qualifies as "Russian" does "cities"
    text = f"The number of patients treated in Tollan {verb} about 800 this year."
    assert check("800 patients were treated in Marrow", text).verdict is Verdict.SILENT
    assert check("800 patients were treated in Tollan", text).verdict is Verdict.AGREE


def test_a_demonym_before_its_noun_is_not_a_place(check) -> None:  # type: ignore[no-untyped-def]
    text = "Police detained 300 protesters in Russian cities on Saturday."
    assert check("300 protesters were detained", text).verdict is Verdict.AGREE


@pytest.mark.parametrize("word", sorted(lexicon().lists["holding_questions"]))
def test_each_holding_question_word_lets_a_no_take_the_figure_back(check, word: str) -> None:  # type: ignore[no-untyped-def]
    text = f"HOST: Your office said the fire could reach 20,000 hectares. Is that figure {word}?\n\nCHIEF: No.\n"
    assert check("Officials say the fire could reach 20,000 hectares", text).verdict.value == "silent"


@pytest.mark.parametrize("no", sorted(lexicon().lists["negative_answers"]))
def test_each_negative_answer_takes_the_figure_back(check, no: str) -> None:  # type: ignore[no-untyped-def]
    said = "HOST: Your office said the fire could reach 20,000 hectares. Is that still right?"
    text = f"{said}\n\nCHIEF: {no.capitalize()}.\n"
    assert check("Officials say the fire could reach 20,000 hectares", text).verdict.value == "silent"
