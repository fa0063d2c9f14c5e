"""The judge's checks, one kind of sentence each: invented claims and sources of the kinds that
real text holds (other words for the act, a label before a figure, a forecast, a story about
another event), each with the verdict a careful reader gives."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from claimcheck.checks import CHECKS
from claimcheck.lexicon import frame_words
from claimcheck.model import SourceResult, Stance

Check = Callable[..., SourceResult]


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # The act named by a noun before the figure, or by a label.
        ("31 people were killed", "The death toll in the valley rose to 31 on Sunday.", "agree"),
        ("31 people were killed", "The death toll in the valley rose to 35 on Sunday.", "disagree"),
        ("31 people were killed", "Deaths: 31", "agree"),
        ("31 people were killed", "The quake killed 31 and injured 112.", "agree"),
        ("112 people were injured", "The quake killed 31 and injured 112.", "agree"),
        ("31 people were injured", "The quake killed 31 and injured 112.", "disagree"),
        # A copula claim whose only word is its first.
        ("Attendance was 64%", "Attendance: 64%", "agree"),
        ("Attendance was 64%", "Attendance reached 61 per cent.", "disagree"),
        # The same thing counted without the claim's act: support, never contradiction.
        (
            "About 800 volunteers are searching the forest",
            "Some 820 volunteers were out in the forest at dawn.",
            "agree",
        ),
        ("About 800 volunteers are searching the forest", "Some 300 volunteers were out at dawn.", "silent"),
        # ... but not when the clause names another act.
        ("About 800 volunteers are searching the forest", "About 800 volunteers were injured.", "silent"),
        # ... nor when the claim's act picks out some of what is counted.
        ("About 800 volunteers were injured", "Some 820 volunteers were out in the forest at dawn.", "silent"),
        # People named by what the claim says they did.
        ("1,900 dockers went on strike", "About 1,900 strikers gathered outside the port.", "agree"),
        ("1,900 dockers went on strike", "About 2,400 strikers gathered outside the port.", "silent"),
        ("1,900 dockers went on strike", "About 1,900 passengers waited outside the port.", "silent"),
        # The later words of an act phrase ("walked off the job") are said by its concept ("on
        # strike"); a label naming people by the claim's counted concept counts them.
        ("Nearly 1,500 employees walked off the job", "Staff on strike: 2,600", "disagree"),
        ("Nearly 1,500 employees walked off the job", "Staff on strike: 1,480", "agree"),
        ("Nearly 1,500 employees walked off the job", "Staff on leave: 2,600", "silent"),
        ("Nearly 1,500 employees stopped work", "Staff on strike: 2,600", "disagree"),
        ("Nearly 1,500 employees stopped work", "Staff on leave: 1,480", "silent"),
        ("About 60% of drivers stopped work", "Share of drivers on strike: 75%", "disagree"),
        ("About 60% of drivers stopped work", "Share of drivers on strike: 61%", "agree"),
        ("About 60% of drivers stopped work", "Share of drivers on leave: 61%", "silent"),
        # "are up" / "is down" say the change a verb would.
        ("Average fares rose by £1.20 this year", "Average fares are up £1.20 on last year.", "agree"),
        ("Average fares rose by £1.20 this year", "Average fares are down £1.20 on last year.", "silent"),
        # A label has no verb: what it names stands for the claim's act (support only, as above).
        ("The county set aside £2.3 million for street lighting", "- Street lighting, 2026: £2.3 million", "agree"),
        ("The county set aside £2.3 million for street lighting", "- Street lighting, 2026: £3.9 million", "silent"),
        ("The county set aside £2.3 million for street lighting", "- Libraries, 2026: £2.3 million", "silent"),
        # ... but a clause with a verb must still say the act.
        ("The county set aside £2.3 million for street lighting", "Street lighting cost £2.3 million.", "silent"),
    ],
)
def test_figures_in_other_words(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # A forecast, plan or condition is no figure, and a figure no forecast.
        (
            "The flood has covered 900 hectares",
            "Engineers said the flood could cover 900 hectares by Friday.",
            "silent",
        ),
        ("The flood has covered 900 hectares", "If the levee breaks, the flood would cover 900 hectares.", "silent"),
        (
            "The new line is expected to carry 40,000 riders",
            "The line is expected to carry 40,000 riders a day.",
            "agree",
        ),
        (
            "The new line is expected to carry 40,000 riders",
            "The line is expected to carry 25,000 riders a day.",
            "disagree",
        ),
        (
            "The new line is expected to carry 40,000 riders",
            "The line carried 40,000 riders on its first day.",
            "silent",
        ),
        # May the month is no forecast.
        ("1,200 riders used the line", "In May 1,200 riders used the line.", "agree"),
        # A relative clause is a clause of its own: the modal before it is not the figure's.
        (
            "The storm killed 48 people",
            "Rescuers must still search the rubble where the storm killed 48 people.",
            "agree",
        ),
        # A requirement in the present is no figure that happened; one in the past is.
        ("The council cut 300 jobs", "The council must cut 300 jobs by spring.", "silent"),
        ("The bridge repair cost $4 million", "The bridge repair requires $4 million.", "silent"),
        ("The patient received 40 stitches", "The patient needed 40 stitches.", "agree"),
    ],
)
def test_forecasts_speak_only_to_forecasts(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("The mayor resigned", "The mayor refused to resign despite the vote.", "disagree"),
        ("The mayor resigned", "The mayor has yet to resign.", "disagree"),
        ("The mayor resigned", "The mayor resigned on Tuesday evening.", "agree"),
    ],
)
def test_refusals_state_the_opposite(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


ANOTHER_FIRE = (
    "Pine Hollow fire: two dead as blaze reaches 5,000 acres\n\n"
    "The Pine Hollow fire has burned 5,000 acres near Tarn, officials said on Monday.\n\n"
    "Two people have died. About 300 firefighters are on the fire.\n\n"
    "Crews and aircraft were also sent to the Larch Creek fire, some 90 miles to the east.\n\n"
    "Some 40 homes have been destroyed, and roads around Tarn remain closed.\n"
)


@pytest.mark.parametrize(
    "claim",
    [
        "The Larch Creek fire has destroyed 40 homes.",
        "Two people have died in the Larch Creek fire.",
        "The Larch Creek fire has burned 5,000 acres.",
    ],
)
def test_a_story_about_another_event_is_silent(check: Check, claim: str) -> None:
    assert check(claim, ANOTHER_FIRE).verdict.value == "silent"


def test_the_event_a_story_is_about_still_speaks(check: Check) -> None:
    assert check("The Pine Hollow fire has destroyed 40 homes.", ANOTHER_FIRE).verdict.value == "agree"
    assert check("The Pine Hollow fire has destroyed 45 homes.", ANOTHER_FIRE).verdict.value == "disagree"


def test_a_forecast_is_marked_as_such(check: Check) -> None:
    result = check("The line is expected to carry 40,000 riders", "The line is expected to carry 40,000 riders.")
    assert [e.stance for e in result.evidence] == [Stance.FORECAST]


def test_every_check_is_documented() -> None:
    for name, check in CHECKS.items():
        assert check.__doc__, name
        assert name == check.__name__.replace("_", "-"), name


def test_a_story_s_opening_frames_its_figures(check: Check) -> None:
    story = (
        "Harbour council election: Greens take most seats\n\n"
        "The Greens won 14 seats, officials said on Friday. Independents kept 9.\n"
    )
    assert check("The Greens won 14 seats in the council election", story).verdict.value == "agree"
    assert check("The Greens won 16 seats in the council election", story).verdict.value == "disagree"
    # The opening frames the topic, never the act: a count of what was lost is no count of what was won.
    assert check("The Greens won 14 seats in the council election", story.replace("won", "lost")).verdict.value == (
        "silent"
    )


@pytest.mark.parametrize(
    ("next_sentence", "verdict"),
    [
        ("That is not true: four were hurt.", "disagree"),
        ("That's not right.", "disagree"),
        ("This is false, the mayor said.", "disagree"),
        ("That is what the hospital said.", "agree"),
        # A plain word of falsity after a back-reference.
        ("That figure is wrong.", "disagree"),
        ("This is incorrect, the union says.", "disagree"),
        # ... or a negated word of belief.
        ("That figure is not credible.", "disagree"),
        ("That is plausible, the mayor said.", "agree"),
        # A short negative reply, closed by punctuation; a longer negated clause is no reply.
        ("It was not: nine were.", "disagree"),
        ("They weren't.", "disagree"),
        ("It was not clear how many were hurt badly.", "agree"),
        # A correction that opens the sentence.
        ("In fact, only nine were.", "disagree"),
        ("Actually the figure was nine.", "disagree"),
        ("The real number is nine.", "disagree"),
        ("In the end the plant reopened.", "agree"),
    ],
)
def test_a_denial_of_the_sentence_before(check: Check, next_sentence: str, verdict: str) -> None:
    text = f"Q: There are reports that 12 workers were hurt in the blast.\n\nA: {next_sentence}\n"
    assert check("12 workers were hurt in the blast", text).verdict.value == verdict


@pytest.mark.parametrize("verb", ["insists", "maintains", "argued", "is fond of saying"])
def test_a_verb_of_assertion_reports_a_figure_the_next_sentence_can_deny(check: Check, verb: str) -> None:
    text = f"The mill {verb} that 12 workers were hurt in the blast. That figure is not credible.\n"
    assert check("12 workers were hurt in the blast", text).verdict.value == "disagree"
    assert check("12 workers were hurt in the blast", text.replace(" not", "")).verdict.value == "agree"


def test_people_in_general_are_no_count_of_things(check: Check) -> None:
    text = "The rallies, most of which drew only a few dozen people, spread across the region."
    assert check("Rallies took place in 40 towns", text).verdict.value == "silent"


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # Someone's figure, negated or called false in the same sentence: denied.
        ("The operator's claim that 240 trains ran on Monday is wrong.", "disagree"),
        ("Only 90 trains ran on Monday, not the 240 the operator claims.", "disagree"),
        ("The operator's estimate that 240 trains ran on Monday does not hold up.", "disagree"),
        # Someone's figure, neither negated nor called false: evidence for it.
        ("The operator's claim that 240 trains ran on Monday is about right.", "agree"),
        # A negated figure with no one's claim to deny: not asserted, so no evidence.
        ("240 trains did not run on Monday.", "silent"),
        # What is called wrong after a semicolon is the figure after it, not the one before.
        ("The operator now says 240 trains ran on Monday; its first count of 190 was wrong.", "agree"),
        ("The operator now says 190 trains ran on Monday; its first count of 240 was wrong.", "disagree"),
    ],
)
def test_a_claim_called_false_is_denied(check: Check, source: str, verdict: str) -> None:
    assert check("240 trains ran on Monday", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The claim names the part by the words of the part's own clause.
        ("12 people died in the mountain villages", "agree"),
        # A part is loose evidence: it supports, never contradicts.
        ("15 people died in the mountain villages", "silent"),
        # A claim that does not single the part out is about the whole: the part is no evidence.
        ("12 people died in the storm", "disagree"),
    ],
)
def test_a_part_the_claim_singles_out(check: Check, claim: str, verdict: str) -> None:
    text = (
        "Storm leaves trail of damage\n\nRoads were closed across the region on Sunday. Power lines came down.\n\n"
        "The storm killed 30 people, including 12 in the mountain villages, officials said.\n"
    )
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("possessor", "verdict"),
    [
        ("New Vestria's", "agree"),  # the source puts the crash "in New Vestria": a place, not a party
        ("Corlin Airways'", "silent"),  # another airline's crash
    ],
)
def test_a_possessor_the_source_gives_as_a_place_is_where_not_who(check: Check, possessor: str, verdict: str) -> None:
    text = (
        f"The death toll for what became {possessor} deadliest plane crash on record stood at 61 people on Friday.\n\n"
        "Investigators are asking why the Harlan Air jet crashed on landing at Dunmore, in New Vestria.\n"
    )
    assert check("The Harlan Air crash at Dunmore killed 61 people.", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The figure of the party its clause names, in a sentence that never names the claim's.
        ("The Harbour Alliance won five seats", "silent"),
        ("The Harbour Alliance won six seats", "silent"),
        # The claim's own party, in its own sentence.
        ("The Rural Front won six seats", "agree"),
        ("The Rural Front won nine seats", "disagree"),
    ],
)
def test_another_named_party_s_figure_is_not_the_claim_s(check: Check, claim: str, verdict: str) -> None:
    text = (
        "Results of the county vote\n\nThe Harbour Alliance and the Rural Front both gained ground on Thursday.\n\n"
        "The Rural Front won six seats. The Green League won only five seats, its worst result.\n"
    )
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # What the sentence says before the figure frames it, as the story's opening does.
        (
            "Turnout in the dockers' strike ballot was 64%",
            "The dockers' strike ballot, called in May, closed on a turnout of 64 per cent.",
            "agree",
        ),
        (
            "Turnout in the dockers' strike ballot was 64%",
            "The dockers' strike ballot, called in May, closed on a turnout of 58 per cent.",
            "disagree",
        ),
        # What follows the figure does not: here it says where the figure came from.
        (
            "140 people died in the eastern hill villages",
            "Across the country the death toll climbed to 900, according to a clinic in the eastern hill villages.",
            "silent",
        ),
    ],
)
def test_the_sentence_before_a_figure_frames_it(check: Check, claim: str, sentence: str, verdict: str) -> None:
    text = (
        "A week of unrest\n\nThe region saw protests, storms and a long strike this spring. "
        f"Ministers met on Monday.\n\nMuch else happened. {sentence}\n"
    )
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("before", "sentence", "verdict"),
    [
        # A sentence with no figure of its own says what the next one's figure is about: a heading
        # of a kind, or a question.
        ("There is also the strike ballot.", "Turnout was 58 per cent, the union said.", "disagree"),
        ("There is also the strike ballot.", "Turnout was 64 per cent, the union said.", "agree"),
        ("What about the strike ballot?", "Turnout was 58 per cent, the union said.", "disagree"),
        # Not one that gives a figure of its own, nor one about something else.
        ("The strike ballot drew 3,000 votes.", "Turnout was 58 per cent, the union said.", "silent"),
        ("The ward reopened on Monday.", "Turnout was 58 per cent, the union said.", "silent"),
    ],
)
def test_a_sentence_without_figures_frames_the_next(check: Check, before: str, sentence: str, verdict: str) -> None:
    text = (
        "A week on the wards\n\nThe hospital saw a flu wave, a storm and a strike this spring. "
        f"Ministers met on Monday.\n\nMuch else happened. {before} {sentence}\n"
    )
    assert check("Turnout in the strike ballot was 64%", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # "Won" says only that the party came to hold the seats or the share: a figure of the same
        # thing in a sentence on that party is what it won, as loose evidence.
        ("The Pirates won 9 seats", "The Pirates, with 9 seats, will sit in opposition.", "agree"),
        ("The Pirates won 12.5% of the vote", "The Pirates finished third on a 12.5% vote share.", "agree"),
        ("The Pirates won 12.5% of the vote", "The Pirates took 12.5 per cent of the vote and 9 seats.", "agree"),
        # Loose: a held figure without the verb may be another ("needs 11 seats"), so never against.
        ("The Pirates won 9 seats", "The Pirates, with 11 seats, will sit in opposition.", "silent"),
        # Not in a sentence that never names the party, nor with the opposite act.
        ("The Pirates won 9 seats", "The chamber has 9 seats.", "silent"),
        ("The Pirates won 9 seats", "The Pirates lost 9 seats.", "silent"),
        # A holder of one word makes no name phrase, and is still the holder.
        ("Kestrel won 40% of the vote", "Kestrel's vote share was 40.2%.", "agree"),
        ("Kestrel won 40% of the vote", "Dunlin's vote share was 40.2%.", "silent"),
        # What a party needs is no figure it won.
        ("Kestrel won 40% of the vote", "Kestrel needs 40% of the vote to govern alone.", "silent"),
        # A figure another verb takes is not what the holder won.
        ("Kestrel won 326 seats", "Kestrel needed 326 seats for a majority.", "silent"),
        ("Kestrel won 412 seats", "Kestrel contested 412 seats.", "silent"),
        # An -ing form's subject may be another party's: "winning 121 of 650" is a part, no figure.
        ("Kestrel won 121 seats", "Kestrel won a landslide as Dunlin collapsed, winning 121 of 650 seats.", "silent"),
    ],
)
def test_a_held_figure_speaks_for_won(check: Check, claim: str, sentence: str, verdict: str) -> None:
    text = f"Island election results\n\nCounting ended overnight. {sentence}\n"
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("In the count, the Pirates took 12.5% of the vote.", "agree"),
        ("In the count, the Pirates took 14.1% of the vote.", "disagree"),
    ],
)
def test_a_share_of_the_same_thing_is_the_claim_s_share(check: Check, sentence: str, verdict: str) -> None:
    # "12.5% of the vote" on both sides is the same part, not a part of a larger figure.
    assert check("The Pirates took 12.5% of the vote", f"Island election\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "sentence", "verdict"),
    [
        # Two measures naming nothing counted count what their unit measures.
        ("The Harlow fire has burned 3,100 acres", "It now covers 3,100 acres.", "agree"),
        # ... loosely: without the claim's act, never against it.
        ("The Harlow fire has burned 3,100 acres", "It now covers 4,500 acres.", "silent"),
        # ... and only in the same unit.
        ("The Harlow fire has burned 3,100 acres", "It now covers 3,100 hectares.", "silent"),
    ],
)
def test_a_measure_s_unit_is_what_it_counts(check: Check, claim: str, sentence: str, verdict: str) -> None:
    text = f"Harlow fire update\n\nThe Harlow fire kept growing on Tuesday, crews said. {sentence}\n"
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # Each source figure is the value of one claim figure, not a clash with the other.
        ("Nausea was reported by 17% of those on the vaccine and 6% of those given salt water.", "agree"),
        ("Nausea was reported by 17% of those on the vaccine and 9% of those given salt water.", "mixed"),
    ],
)
def test_a_source_figure_that_is_one_claim_figure_s_value_is_no_clash_with_another(
    check: Check, source: str, verdict: str
) -> None:
    claim = "Nausea was reported by 17% of vaccine recipients and 6% of those given salt water"
    assert check(claim, f"Vaccine trial\n\n{source}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The parks' share of the budget rose 1.5 percentage points.", "agree"),
        ("The parks' share of the budget rose 2.5 percentage points.", "disagree"),
        # A share or a relative change is not a difference of two shares.
        ("The parks' share of the budget rose to 4.5%.", "silent"),
        ("The parks' share of the budget rose 2.5% on last year's.", "silent"),
    ],
)
def test_percentage_points_are_compared_only_with_percentage_points(check: Check, sentence: str, verdict: str) -> None:
    claim = "The parks' share of the budget rose 1.5 percentage points"
    assert check(claim, f"Town budget\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # "to X from Y": Y is where the change started, not another reading of the claim's figure.
        ("The jobless rate fell to 4.1% in March from 4.3%.", "agree"),
        ("The jobless rate fell to 4.1% in March from 4.3% in February.", "agree"),
        ("The jobless rate rose to 4.4% in March from 4.1%.", "disagree"),
    ],
)
def test_the_figure_a_change_started_from_is_a_baseline(check: Check, sentence: str, verdict: str) -> None:
    assert check("The jobless rate was 4.1% in March", f"Jobs report\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # Another kind of the thing measured: progression-free survival is not overall survival.
        ("Median progression-free survival with the new drug was 7.4 months.", "silent"),
        ("Median overall survival with the new drug was 14.1 months.", "agree"),
        ("Median overall survival with the new drug was 12.9 months.", "disagree"),
        # A qualifier the claim also holds is no conflict.
        ("Median overall survival with the new drug was 14.1 months in the final analysis.", "agree"),
    ],
)
def test_another_kind_of_the_thing_is_another_figure(check: Check, sentence: str, verdict: str) -> None:
    claim = "Median overall survival with the new drug was 14.1 months"
    assert check(claim, f"Trial results\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # A claim that someone denied an act is read on the act, held as negated ...
        ("Halvorsen Ferries said it has not cut any crew wages.", "agree"),
        ("Halvorsen Ferries denied cutting crew wages.", "agree"),
        # ... a source saying the act happened does not undo the denial ...
        ("Halvorsen Ferries cut crew wages last spring.", "silent"),
        # ... and one that speaks of the denial itself is read on it.
        ("Halvorsen Ferries has not denied cutting crew wages.", "disagree"),
    ],
)
def test_a_denial_claim_is_read_on_what_was_denied(check: Check, sentence: str, verdict: str) -> None:
    claim = "Halvorsen Ferries denied cutting any crew wages"
    assert check(claim, f"Ferry dispute\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        (
            "The assembly approved a harbour plan after a long debate in which a proposed fishing levy was voted down.",
            "agree",
        ),
        ("The assembly approved a fishing levy on Tuesday.", "disagree"),
    ],
)
def test_an_opposite_act_counts_only_near_what_the_claim_acts_on(check: Check, sentence: str, verdict: str) -> None:
    assert check("The assembly rejected a fishing levy", f"Assembly vote\n\n{sentence}\n").verdict.value == verdict


@pytest.mark.parametrize(("figure", "verdict"), [("3.4", "agree"), ("2.9", "disagree")])
def test_a_figure_wrapped_before_its_unit_keeps_it(check: Check, figure: str, verdict: str) -> None:
    # Plain-text sources wrap lines anywhere: the unit on the next line is still the figure's.
    text = (
        "Housing survey.\n\nThe survey, run every five years by the housing office, found that the"
        f" share of households renting rose {figure}\npercentage points to 31%, the highest since records began.\n"
    )
    assert check("The share of households renting rose 3.4 percentage points", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("The audit has not been peer reviewed", "agree"),
        ("The audit has been peer reviewed", "disagree"),
    ],
)
def test_a_statement_written_with_a_compound(check: Check, claim: str, verdict: str) -> None:
    # "peer-reviewed" says "peer reviewed": its negation is read on the compound.
    text = "Council news.\n\nThe audit of the harbour accounts has not been peer-reviewed, officials said.\n"
    assert check(claim, text).verdict.value == verdict


_TRIAL_TABLE = """Trial results

The company published the results of its trial on Monday.

| Outcome | Velrozan | Placebo | Patients (n) |
|---|---|---|---|
| Nausea rate | 14% | 6% | 640 |
| Dropout rate | 9% | 3% | 640 |
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The claim's figure is in the column its word heads; the other column is another group's.
        ("The nausea rate on velrozan was 14%", "agree"),
        ("The nausea rate on velrozan was 6%", "disagree"),
        ("The nausea rate on placebo was 6%", "agree"),
        ("The nausea rate on placebo was 14%", "disagree"),
        # ... and in the row its word labels: 9% is the dropout rate, not the nausea rate.
        ("The nausea rate on velrozan was 9%", "disagree"),
        ("The dropout rate on velrozan was 9%", "agree"),
        # "Patients (n)" heads a count, not another group: the percent columns are not its rivals.
        ("The nausea rate among velrozan patients was 14%", "agree"),
    ],
)
def test_a_table_cell_belongs_to_its_column(check: Check, claim: str, verdict: str) -> None:
    assert check(claim, _TRIAL_TABLE).verdict.value == verdict


_TOTAL_TABLE = """Harbour board accounts

The board published its spending for the year on Friday.

| Department | Spending (£ million) |
|---|---|
| Dredging | 12.4 |
| Pilotage | 3.1 |
| Total | 15.5 |
"""


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A table that gives its total in a row of its own: the other rows are parts of it, evidence
        # only for a claim that names them.
        ("The harbour board's spending was £15.5 million", "agree"),
        ("The harbour board's spending was £12.4 million", "disagree"),
        ("The harbour board's spending on dredging was £12.4 million", "agree"),
        ("The harbour board's spending on pilotage was £12.4 million", "disagree"),
    ],
)
def test_a_row_beside_a_total_row_is_a_part(check: Check, claim: str, verdict: str) -> None:
    assert check(claim, _TOTAL_TABLE).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # The total row speaks to the whole, not to a row the claim names by its place.
        ("The Wester district recorded 120 cases", "agree"),
        ("The Easter district recorded 80 cases", "agree"),
        ("The Wester district recorded 80 cases", "disagree"),
        ("Carvel recorded 200 cases", "agree"),
    ],
)
def test_a_total_row_is_no_evidence_for_a_row_the_claim_names(check: Check, claim: str, verdict: str) -> None:
    table = (
        "Carvel outbreak cases by district\n\n"
        "| District | Cases |\n|---|---|\n| Wester | 120 |\n| Easter | 80 |\n| Total | 200 |\n"
    )
    assert check(claim, table).verdict.value == verdict


def test_without_a_total_row_the_rows_are_what_the_table_says(check: Check) -> None:
    # The same rows with no total: a group named only in the source hides no contradiction
    # (docs/verdicts.md), so the rows speak to the board's spending and none of them is £15.5m.
    table = _TOTAL_TABLE.replace("| Total | 15.5 |\n", "")
    assert check("The harbour board's spending was £15.5 million", table).verdict.value == "disagree"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # A date against a time told from the day of writing: the source's date decides, so loose.
        ("Analysts were expecting 40,000 new homes last year, a survey found.", "agree"),
        ("Analysts were expecting 25,000 new homes last year, a survey found.", "silent"),
        # Against another date: another time frame.
        ("Analysts were expecting 40,000 new homes in 2019, a survey found.", "silent"),
        # Any form of a forecast verb makes a forecast ("expecting", "predicting", "anticipated").
        ("Analysts were predicting 40,000 new homes in 2024, a survey found.", "agree"),
        ("Analysts anticipated 25,000 new homes in 2024, a survey found.", "disagree"),
    ],
)
def test_forecasts_and_relative_times(check: Check, sentence: str, verdict: str) -> None:
    text = f"Housing outlook.\n\nThe market slowed. {sentence}\n"
    assert check("Analysts expected about 40,000 new homes in 2024", text).verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"), [("so far", "disagree"), ("to date", "disagree"), ("in 2019", "silent")]
)
def test_a_total_up_to_now_has_no_other_time_frame(check: Check, sentence: str, verdict: str) -> None:
    # "So far" and "to date" say what a claim with no time means: the total up to now.
    text = f"Flood update.\n\nRoads are closed. About 9,000 people have been evacuated {sentence}, officials said.\n"
    assert check("More than 12,000 people have been evacuated", text).verdict.value == verdict


_PODCAST = """THE HEALTH HOUR

HOST: Welcome back. What did your trial show?

GUEST: {subject} cut the risk of relapse by 30 percent in our study of 900 patients.

HOST: Some listeners will compare this with {aside} results from last year.

GUEST: That is a different disease and a different drug.
"""


@pytest.mark.parametrize(
    ("claim", "subject", "aside", "verdict"),
    [
        # A drug's name is written in lower case, but it is a name: a story that mentions it once,
        # in passing, is about another drug ("Mirantab"), whose figure is not the claim's.
        ("Velrozan cut the risk of relapse by 30%", "Mirantab", "the velrozan", "silent"),
        ("Velrozan cut the risk of relapse by 30%", "Velrozan", "the mirantab", "agree"),
        # A common word that opens a claim ("Exercise") is no name, mentioned in passing or not.
        ("Exercise cut the risk of relapse by 30%", "Daily exercise", "the exercise", "agree"),
    ],
)
def test_a_lower_case_name_mentioned_in_passing(
    check: Check, claim: str, subject: str, aside: str, verdict: str
) -> None:
    assert check(claim, _PODCAST.format(subject=subject, aside=aside)).verdict.value == verdict


@pytest.mark.parametrize(
    ("speaker", "verdict"),
    [
        # Who gives the figure is not whose it is: "the Harlan Valley Fire Service puts ... at".
        ("The Harlan Valley Fire Service puts the area scorched at", "disagree"),
        ("Lassen County Police confirmed the area scorched was", "disagree"),
        # A name in the figure's own clause is whose figure it is: another fire's.
        ("The area scorched by the Harlan Valley Fire reached", "silent"),
    ],
)
def test_a_speaker_s_name_is_not_the_figure_s_subject(check: Check, speaker: str, verdict: str) -> None:
    text = f"Brennock fire update\n\nCrews worked overnight. {speaker} 7,300 hectares on Monday.\n"
    assert check("The Brennock fire has burned 11,900 hectares", text).verdict.value == verdict


@pytest.mark.parametrize(("claim", "verdict"), [("140 ferry crossings", "agree"), ("60 ferry crossings", "disagree")])
def test_another_kind_of_the_same_noun_is_another_count(check: Check, claim: str, verdict: str) -> None:
    # "60 barge crossings" are not ferry crossings: the word before the noun says the kind.
    text = "Port report.\n\nOn a normal day the port runs 140 ferry crossings and 60 barge crossings.\n"
    assert check(f"The port runs {claim} a day", text).verdict.value == verdict


@pytest.mark.parametrize(("place", "verdict"), [("Lowlands", "disagree"), ("Uplands", "agree")])
def test_a_table_row_of_another_place_does_not_support(check: Check, place: str, verdict: str) -> None:
    # 30% is the Uplands' row: a claim on another place is not supported by it, and that place's
    # own row (24% for the Lowlands) contradicts it.
    table = "Renting by region\n\n| Region | Households renting |\n|---|---|\n| Lowlands | 24% |\n| Uplands | 30% |\n"
    assert check(f"In the {place}, 30% of households were renting", table).verdict.value == verdict


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The ferry service resumed in 2018 after repairs.", "agree"),
        # Another year, ordinal or date for the same event: not the claim's.
        ("The ferry service resumed in 2020 after repairs.", "silent"),
        # None given: the statement holds, its year unsaid.
        ("The ferry service resumed after repairs.", "agree"),
    ],
)
def test_a_statement_s_year_must_not_be_another(check: Check, sentence: str, verdict: str) -> None:
    assert check("The ferry service resumed in 2018", f"Harbour news.\n\n{sentence}\n").verdict.value == verdict


def test_a_statement_s_ordinal_must_not_be_another(check: Check) -> None:
    text = "Match report.\n\nOkafor scored in the 58th minute, and Rovers held on.\n"
    assert check("Okafor scored in the 58th minute", text).verdict.value == "agree"
    assert check("Okafor scored in the 81st minute", text).verdict.value == "silent"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "Of the 480 ..., 75 were children": 480 is the whole, 75 the part that counts children.
        ("480 passengers were rescued", "agree"),
        ("510 passengers were rescued", "disagree"),
        ("75 children were rescued", "agree"),
        ("60 children were rescued", "disagree"),
    ],
)
def test_a_sentence_that_opens_with_of_the_gives_a_whole_then_a_part(check: Check, claim: str, verdict: str) -> None:
    text = "Ferry sinking.\n\nOf the 480 passengers rescued, 75 were children.\n"
    assert check(claim, text).verdict.value == verdict


_TWO_ARMS = (
    "Trial\n\nThe firm published results.\n\n"
    "| Outcome | Korvalin | Placebo |\n|---|---|---|\n| Rash rate | 11% | 4% |\n"
)


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # A semicolon ends what a denial speaks of only when another figure follows it.
        (
            "5,300 people marched",
            "March\n\nIt was calm. Organisers claim 5,300 people marched; police call that false.\n",
            "disagree",
        ),
        # "non-" reverses the word it is joined to: "non-binding" is no "binding".
        (
            "The referendum was binding",
            "Vote\n\nThe referendum on the bridge was non-binding, officials said.\n",
            "silent",
        ),
        # A word of belief that does not end its clause is no reply to the sentence before.
        (
            "3,100 nurses joined the strike",
            "Strike\n\nWards were quiet. The union says 3,100 nurses joined the strike. It is not realistic to open "
            "every ward, a manager said.\n",
            "agree",
        ),
        # A claim comparing two cells names both columns' words.
        ("The rash rate was 11% on korvalin against 4% on placebo", _TWO_ARMS, "agree"),
        # "previous" said of a figure is no time told from the day of writing.
        (
            "The gallery drew 52,000 visitors in 2022",
            "Culture\n\nCounts are out. The gallery's previous estimate of 52,000 visitors was withdrawn.\n",
            "silent",
        ),
        # A negated sentence does not frame the next one's figure.
        (
            "Turnout in the pay ballot was 58%",
            "Union news\n\nA flu wave came. Ministers met.\n\nThe union never held a pay ballot. "
            "Turnout at the board vote was 58 per cent.\n",
            "silent",
        ),
        # Qualifiers of one concept are one kind: "wounded" people are "injured" people.
        (
            "About 300 injured people were treated",
            "Crash\n\nA busy week. The hospital treated 450 wounded people on Monday.\n",
            "disagree",
        ),
        # Each figure after "Of the <whole> ...," is a part of it, with its own noun or none.
        (
            "75 children were rescued",
            "Ferry\n\nIt sank. Of the 480 passengers rescued, 75 were children and 40 were elderly.\n",
            "agree",
        ),
    ],
)
def test_cases_a_review_found(check: Check, claim: str, text: str, verdict: str) -> None:
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Police detained 52 marchers in Tarbury.", "disagree"),  # a part above the whole
        ("Police detained 30 marchers in Tarbury.", "silent"),  # a part below it: may be a part
        ("Police detained 40 marchers in Tarbury.", "agree"),
        ("In 2019, police detained 52 marchers in Tarbury.", "silent"),  # another year, not a part
    ],
)
def test_a_count_for_a_part_of_the_claim_s_place_may_not_exceed_it(check: Check, source: str, verdict: str) -> None:
    result = check("Police detained 40 marchers.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        ("17 people were killed in the Orla landslide.", "The Orla landslide killed 21 people.", "disagree"),
        ("The Orla landslide killed 17 people.", "21 people were killed in the Orla landslide.", "disagree"),
        ("17 people were killed in the Orla landslide.", "The Orla landslide killed 17 people.", "agree"),
        # "in Oakridge" belongs to the part, not to the whole of 120: still another frame.
        ("Forty homes burned in Oakridge.", "Forty of the 120 homes that burned were in Oakridge.", "agree"),
    ],
)
def test_a_place_named_as_a_modifier_is_the_same_place(check: Check, claim: str, source: str, verdict: str) -> None:
    result = check(claim, source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # The sentence joins the claim's place to another: its figure is for both, a whole.
        ("The storm killed 48 people in Varna and Ruse on Sunday.", "silent"),
        ("The storm killed 48 people after it struck Ruse and Varna.", "silent"),
        ("The storm killed 48 people as it swept through Varna and eastern Ruse.", "silent"),
        ("The Varna-Ruse storm killed 48 people.", "silent"),
        # The figure's own place is the claim's, whatever else the sentence names.
        ("After the storm struck Varna and Ruse, the toll in Varna rose to 48.", "agree"),
        ("The storm killed 48 people in Varna.", "agree"),
        ("The storm killed 31 people in Varna.", "disagree"),
        ("The storm killed 48 people in Russia and Varna.", "silent"),
        # A common word capitalised as a title or to open the sentence, a day, or a hyphen
        # compound that is no pair of names joins no place.
        ("The storm killed 48 people in Varna and President Radev declared a day of mourning.", "agree"),
        ("Police and Varna officials said the storm killed 48 people.", "agree"),
        ("Floods swept through Varna and on Tuesday the storm killed 48 people there.", "agree"),
        ("The Varna-based relief agency said the storm killed 48 people.", "agree"),
    ],
)
def test_a_figure_for_the_claim_s_place_and_another_is_no_evidence(check: Check, source: str, verdict: str) -> None:
    result = check("The storm killed 48 people in Varna.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_places_the_claim_joins_itself_are_its_own(check: Check) -> None:
    result = check(
        "The storm killed 120 people in Burgas and Varna.", "120 people died after the storm struck Burgas and Varna."
    )
    assert result.verdict.value == "agree", [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # "the East, where ...": the relative clause's figure is the East's; the verb before "65"
        # makes it the clause's predicate, not a whole the share is part of.
        ("The oldest region is the East, where 26.8% of residents are 65 or over.", "disagree"),
        ("The oldest region is the West, where 26.8% of residents are 65 or over.", "silent"),
        ("In the East, where 23.5% of residents are 65 or over, clinics are busy.", "agree"),
    ],
)
def test_where_names_the_place_of_its_clause(check: Check, sentence: str, verdict: str) -> None:
    result = check("In Dalmar's East, 23.5% of residents are 65 or older.", f"Dalmar census\n\n{sentence}\n")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("rows", "verdict"),
    [
        # A row labelled with the claim's place is that place's figure; the claim's possessor
        # ("Dalmar's East") holds the place and is no place the row must name.
        ("| East | 8.1% |\n| West | 5.1% |", "disagree"),
        ("| East | 7.5% |\n| West | 5.1% |", "agree"),
        # With many capitals, a claim is still a sentence, not a headline: its places count, so
        # another place's row is no evidence either way.
        ("| South | 8.1% |\n| West | 5.1% |", "silent"),
    ],
)
def test_a_row_labelled_with_the_claim_s_place(check: Check, rows: str, verdict: str) -> None:
    table = f"# Dalmar jobs report\n\n| Region | Unemployment |\n|---|---|\n{rows}\n"
    result = check("Unemployment in Dalmar's East was 7.5%.", table)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # "from $80 to $95": the $80 is where the change starts, no figure against $95.
        ("A monthly pass will go from $80 to $95.", "agree"),
        ("A monthly pass will go from $80 to $90.", "disagree"),
    ],
)
def test_from_one_figure_to_another_starts_at_a_baseline(check: Check, sentence: str, verdict: str) -> None:
    result = check("A monthly pass will cost $95.", f"Council passes budget\n\n{sentence}\n")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        # ", or 14.8%," says the figure again another way: the verb after it is still the figure's.
        ("Of the population, 797,700 people, or 14.8%, were born abroad.", "agree"),
        ("Of the population, 597,700 people, or 11.8%, were born abroad.", "disagree"),
        ("Of the population, 797,700 people, or 14.8%, live in the capital.", "silent"),
    ],
)
def test_a_figure_said_again_another_way_keeps_its_verb(check: Check, sentence: str, verdict: str) -> None:
    text = f"Dalmar census results\n\nThe count ended in May. Officials thanked the volunteers.\n\n{sentence}\n"
    result = check("Nearly 800,000 Dalmar residents were born abroad.", text)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


@pytest.mark.parametrize(("country", "verdict"), [("Dalmar", "disagree"), ("Vessland", "silent")])
def test_a_possessor_the_source_never_names_keeps_the_row_another_place(
    check: Check, country: str, verdict: str
) -> None:
    # A Vessland report's East row is no evidence on "Dalmar's East".
    table = f"# {country} jobs report\n\n| Region | Unemployment |\n|---|---|\n| East | 8.1% |\n| West | 5.1% |\n"
    result = check("Unemployment in Dalmar's East was 7.5%.", table)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


_FRAME_WORDS = frame_words()


@pytest.mark.parametrize("joiner", sorted(_FRAME_WORDS.place_joiners))
def test_each_place_joiner_joins_a_whole(check: Check, joiner: str) -> None:
    assert (
        check(
            "The storm killed 48 people in Varna.", f"The storm killed 48 people in Varna {joiner} Ruse."
        ).verdict.value
        == "silent"
    )


@pytest.mark.parametrize("compass", sorted(_FRAME_WORDS.compass_endings))
def test_each_compass_word_may_stand_in_a_join(check: Check, compass: str) -> None:
    source = f"The storm killed 48 people as it crossed Varna and {compass} Ruse."
    assert check("The storm killed 48 people in Varna.", source).verdict.value == "silent"


@pytest.mark.parametrize("relative", sorted(_FRAME_WORDS.relative_words))
def test_each_relative_word_ends_a_forecast_s_reach(check: Check, relative: str) -> None:
    source = f"Crews may search the ridge {relative} the storm killed 48 people."
    assert check("The storm killed 48 people", source).verdict.value == "agree"


@pytest.mark.parametrize("determiner", sorted(_FRAME_WORDS.figure_determiners))
def test_each_determiner_leaves_the_verb_before_it_the_figure_s(check: Check, determiner: str) -> None:
    text = f"Island election results\n\nCounting ended overnight. Kestrel contested {determiner} 412 seats.\n"
    assert check("Kestrel won 412 seats", text).verdict.value == "silent"


@pytest.mark.parametrize("word", sorted(_FRAME_WORDS.additive_words))
def test_each_additive_word_leaves_the_noun_after_it_counted(check: Check, word: str) -> None:
    claim = f"Marches were held in 24 {word} towns"
    assert check(claim, f"Marches were held in 24 {word} towns, drawing 9,000.").verdict.value == "agree"
    # ... and makes the figure all but something: against a whole count, loose
    assert check(claim, "Marches were held in 31 towns outside the capital.").verdict.value == "silent"


def test_each_act_of_one_per_person_is_a_concept_of_the_lexicon() -> None:
    from claimcheck.words import lexicon

    assert _FRAME_WORDS.one_per_person <= set(lexicon().word_concept.values())


@pytest.mark.parametrize(
    ("claim", "noun"),
    [
        ("Two people died in Harwick", "deaths"),
        ("Two people were arrested in Harwick", "arrests"),
    ],
)
def test_a_noun_of_an_act_of_one_per_person_counts_its_people(check: Check, claim: str, noun: str) -> None:
    assert check(claim, f"Officials in Harwick recorded five {noun}.").verdict.value == "disagree"


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("Tuition is $9,450 a year.", []),
        ("Staff work 40 hours a week.", []),
        ("The fee is $20 per month.", []),
        ("Inspectors call twice a year.", []),
        ("Prices rose 4% in a year.", ["year"]),
        ("Sales were 5% higher a year ago.", ["year"]),
        ("It took more than a year.", ["year"]),
    ],
)
def test_the_time_word_of_a_rate_is_no_time_frame(text: str, times: list[str]) -> None:
    from claimcheck.places import times_in
    from claimcheck.words import lexicon, tokenize

    strong, _ = times_in(tokenize(text), lexicon())
    assert sorted(strong & {"year", "week", "month"}) == times


NATIONALS = [
    # A people's plural counts the people its adjective names before "nationals" or "citizens".
    ("Three Iraqi nationals were among the passengers.", "The passengers included 40 Turks and three Iraqis.", "agree"),
    (
        "Three Iraqi nationals were among the passengers.",
        "The passengers included 40 Turks and two Iraqis.",
        "disagree",
    ),
    ("Three Iraqi nationals were among the passengers.", "The passengers included three Turks.", "silent"),
    ("Two Canadians were among the passengers.", "Two Canadian citizens were among the passengers.", "agree"),
    ("Two Canadians were among the passengers.", "Five Canadian citizens were among the passengers.", "disagree"),
    ("Two Canadians were among the passengers.", "Five German citizens were among the passengers.", "silent"),
    # ... and a people whose noun is another word than its adjective, as the lexicon lists them.
    ("Two Danes were among the passengers.", "Two Danish citizens were among the passengers.", "agree"),
    ("Two Danish nationals were among the passengers.", "The passengers included six Danes.", "disagree"),
    ("Two Danish nationals were among the passengers.", "The passengers included two Swedes.", "silent"),
]


@pytest.mark.parametrize(("claim", "source", "verdict"), NATIONALS)
def test_a_people_counts_its_nationals(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # A figure before "on board" or "aboard" counts people carried, though no noun says so;
        ("The cable car stalled with 14 on board.", "agree"),
        ("The cable car, with 14 aboard, stalled for an hour.", "agree"),
        # after "with" or "carrying" it is all of them, compared as the claim's people;
        ("The cable car stalled with 16 aboard.", "disagree"),
        # else it may be some of them: it never contradicts a claim's people.
        ("The cable car stalled. Only 4 on board had a phone.", "silent"),
        # "aboard" after a noun says where they are, not what they are.
        ("The cable car stalled with 16 skiers aboard.", "silent"),
        ("The cable car ran 14 onboarding drills.", "silent"),
    ],
)
def test_a_figure_on_board_counts_people(check: Check, source: str, verdict: str) -> None:
    assert check("The cable car had 14 people on board", source).verdict.value == verdict


def test_a_phrase_a_stop_word_opens_is_one_word_of_the_claim(check: Check) -> None:
    # "on board" is read as the lexicon's phrase, which "aboard" says, not as "board" alone.
    assert (
        check("The lifeboat had 30 people on board", "The lifeboat was found with 30 aboard.").verdict.value == "agree"
    )


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        ("Marches against the closures\n\nAbout 9,000 people marched in 14 towns on Saturday.", "agree"),
        # (the 14 towns agree, the 5,000 marchers do not)
        ("Marches against the closures\n\nAbout 5,000 people marched in 14 towns on Saturday.", "mixed"),
        # A figure for one town, or for the whole region, is no count of the sum over 14 towns: it
        # may support it, never contradict it.
        ("Marches against the closures\n\nIn Ellery, about 2,000 people marched on Saturday.", "silent"),
        ("Marches against the closures\n\nAcross the region, 30,000 people marched on Saturday.", "silent"),
        ("Marches against the closures\n\nAcross the region, about 9,000 people marched on Saturday.", "agree"),
    ],
)
def test_a_figure_over_a_count_of_places_is_a_sum(check: Check, source: str, verdict: str) -> None:
    assert check("Some 9,000 people marched in 14 towns", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # A count of places elsewhere in the claim does not make its figure a sum over them.
        (
            "The bank, which has branches in 30 countries, cut 5,000 jobs",
            "The bank cut 2,000 jobs.",
            "disagree",
        ),
        (
            "The storm cut power to 9,000 homes and shut schools in 4 counties",
            "The storm cut power to 6,000 homes.",
            "disagree",
        ),
    ],
)
def test_a_count_of_places_outside_the_figure_s_clause_is_no_sum(
    check: Check, claim: str, source: str, verdict: str
) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # A kind of person of the claim's people is a part of them: it supports, and contradicts
        # only by exceeding them.
        ("Five British tourists were killed in the crash.", "agree"),
        ("Eight British tourists were killed in the crash.", "disagree"),
        ("Two British tourists were killed in the crash.", "silent"),
        ("Eight German tourists were killed in the crash.", "silent"),
    ],
)
def test_a_kind_of_person_of_a_people_is_a_part_of_it(check: Check, source: str, verdict: str) -> None:
    assert check("Five Britons were killed in the crash", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # "the valley", in a source that names the Kessock Valley and no other valley, is it.
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley lost power.", "disagree"),
        ("Rain swept the Kessock Valley. About 12,000 homes in the valley lost power.", "agree"),
        # With another valley named, or none named in full, "the valley" may be either.
        ("Rain swept the Kessock and the Derran Valley. About 9,000 homes in the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley and the Derran Valley. About 9,000 homes in the valley lost power.", "silent"),
        ("Rain swept the region. About 9,000 homes in the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in another valley lost power.", "silent"),
        ("Rain swept the Kessock Valley and the Derran valley. About 9,000 homes in the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes across the valley lost power.", "disagree"),
        # A part of the valley, a larger whole, or somewhere else: no evidence on the valley's figure.
        ("Rain swept the Kessock Valley. About 9,000 homes in the east of the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley's northern half lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes outside the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the hills above the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley and the hills lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley below the dam lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley towns lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley or the hills lost power.", "silent"),
        ("Rain swept the Kessock Valley, then the next valley. About 9,000 homes in the valley lost power.", "silent"),
        ("Rain swept the Kessock Valley. About 9,000 homes in the valley were without power.", "disagree"),
        ("Rain swept the Kessock Valley. About 9,000 homes lost power in the valley.", "disagree"),
    ],
)
def test_the_claim_s_place_by_its_last_word(check: Check, source: str, verdict: str) -> None:
    result = check("About 12,000 homes in the Kessock Valley lost power.", source)
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_the_claim_s_place_by_its_last_word_when_the_claim_writes_no_the(check: Check) -> None:
    result = check(
        "About 12,000 homes in Kessock Valley lost power.",
        "Rain swept Kessock Valley. About 9,000 homes in the valley lost power.",
    )
    assert result.verdict.value == "disagree", [e.reason for e in result.evidence]


@pytest.mark.parametrize(
    ("lines", "verdict"),
    [
        # A label line whose label names the claim's counted noun counts it: aligned, not loose.
        ("- Homes without power (peak): 9,000", "disagree"),
        ("- Homes without power (peak): 12,000", "agree"),
        ("- Homes without power: about 12,000\n- Schools closed: 9,000", "agree"),
        # A label that names another thing says nothing of homes, nor one that opens with another
        # noun, gives a share, a change, a remainder, or a place or day of its own.
        ("- Schools closed: 9,000", "silent"),
        ("- Calls from homes without power: 3,000", "silent"),
        ("- Homes without power, share: 15", "silent"),
        ("- Homes without power, change overnight: +3,000", "silent"),
        ("- Homes still without power: 3,000", "silent"),
        ("- Homes without power (Fenwick): 9,000", "silent"),
    ],
)
def test_a_label_names_what_its_value_counts(check: Check, lines: str, verdict: str) -> None:
    result = check("About 12,000 homes lost power in the storm.", f"Storm update\n\n{lines}\n")
    assert result.verdict.value == verdict, [e.reason for e in result.evidence]


def test_a_table_caption_in_brackets_says_no_cell_s_counted_thing(check: Check) -> None:
    """The structure stage writes a cell as "ROW, COLUMN (CAPTION): VALUE": the caption is about
    every cell, so its act ("Evacuations") does not make the homes column count people."""
    text = (
        "## Evacuations and flooded homes by district\n\n"
        "| District | People evacuated | Homes flooded |\n"
        "|---|---:|---:|\n"
        "| Ardmore | 3,400 | 780 |\n"
        "| Kell | 1,050 | 260 |\n"
    )
    assert check("3,400 people were evacuated in Ardmore", text).verdict.value == "agree"
    assert check("2,900 people were evacuated in Ardmore", text).verdict.value == "disagree"
    nested = text.replace("## Evacuations and flooded homes by district", "## Flooding (by district) and evacuations")
    assert check("3,400 people were evacuated in Ardmore", nested).verdict.value == "agree"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [("3,400 people were evacuated in Ardmore", "agree"), ("2,900 people were evacuated in Ardmore", "disagree")],
)
@pytest.mark.parametrize(
    "text",
    [
        # a caption that names what a generic column counts
        "## People evacuated by district\n\n| District | Total |\n|---|---:|\n| Ardmore | 3,400 |\n| Kell | 1,050 |\n",
        # a column header's own brackets
        "## Flood figures\n\n| District | Total (evacuated) | Total (injured) |\n|---|---:|---:|\n"
        "| Ardmore | 3,400 | 12 |\n| Kell | 1,050 | 3 |\n",
        # a label line's own brackets
        "Flood update\n\nArdmore total (evacuated): 3,400\n",
    ],
)
def test_a_label_s_brackets_give_its_act_when_the_rest_names_none(
    check: Check, text: str, claim: str, verdict: str
) -> None:
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "text", "verdict"),
    [
        # A word of the claim that modifies the next ("pay offer", "sustained winds") is missing
        # evidence when the source's clause holds that next word: it may support the claim, ...
        ("Halvard's latest pay offer is 6%.", "Halvard's offer of 6% is still on the table, its chair said.", "agree"),
        # ... never contradict it: the source may speak of another offer.
        ("Halvard's latest pay offer is 6%.", "Halvard says its offer is 5%, and it will not go higher.", "silent"),
        # A word that picks out a kind ("median", "youth", "net") is never left out.
        ("Ostvik's net profit was $40 million.", "Ostvik's profit was $40 million, its chief said.", "silent"),
        ("The storm's sustained winds reached 140 km/h.", "The storm's winds reached 140 km/h at Varn.", "agree"),
        # ... not when the source gives that word a modifier of its own: another thing of its kind.
        ("The harbour wall repair will cost €8 million.", "Budget lines:\n\n- Road repairs: €3 million", "silent"),
        # ... nor when the next word stands only in the opening, not in the figure's clause.
        ("Ostvik raised domestic tuition by 3.5%.", "Ostvik tuition report\n\nApplications rose 5.9%.", "silent"),
    ],
)
def test_a_missing_modifier_is_missing_evidence_not_a_clash(check: Check, claim: str, text: str, verdict: str) -> None:
    assert check(claim, text).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # "With 91% of ballots counted": how far the count has gone, not a share anyone won.
        ("Vargas took 52% of the vote", "With 91% of ballots counted, Vargas had won 52% of the vote.", "agree"),
        ("Vargas took 52% of the vote", "With 91% of ballots counted, Vargas had won 48% of the vote.", "disagree"),
        # The progress of a count is still a figure for a claim about it.
        ("91% of ballots have been counted", "With 91% of ballots counted, Vargas had won 52% of the vote.", "agree"),
        # "Molina, who took 44%": the relative clause's figure is the name's before it.
        ("Vargas won 52% of the vote", "Vargas won 52% of the vote, beating Molina, who took 44%.", "agree"),
        ("Vargas took 44% of the vote", "Vargas won 52% of the vote, beating Molina, who took 44%.", "disagree"),
        # "..., winning only 12 seats": the -ing clause says what the sentence's subject did.
        (
            "The Greens won 30 seats",
            "The Greens won 30 seats.\n\nIn contrast, Molina's Liberals slumped, winning only 12 seats.",
            "agree",
        ),
    ],
)
def test_whose_share_and_of_what(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # A unit price beside a claim's total: five orders of magnitude apart, another figure.
        ("Owners can claim a refund of the $129 purchase price under the recall.", "silent"),
        # A noun on one side and a hundred times the claim: still the same figure, wrong.
        ("The recall will leave the company with a $3.8 billion bill.", "disagree"),
    ],
)
def test_a_noun_on_one_side_and_orders_of_magnitude_apart(check: Check, source: str, verdict: str) -> None:
    assert check("The recall will cost the company about $38 million.", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # A distance is measured from a place: another place's distance in the sentence is another figure.
        ("The derailment happened about 90 km east of Tolvar.", "agree"),
        ("The derailment happened about 60 km west of Brask.", "agree"),
        ("The derailment happened about 60 km east of Tolvar.", "disagree"),
    ],
)
def test_a_distance_is_measured_from_its_place(check: Check, claim: str, verdict: str) -> None:
    source = "The train derailed near Osk, about 90 km east of Tolvar and 60 km west of Brask, on Friday."
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # "of" with no direction says what was measured, not where from.
        ("Loggers cut 2,000 hectares of Osk forest.", "Loggers cut 2,000 hectares of Tolvar's Osk forest.", "agree"),
        # A route's start is no reference point.
        ("The pilgrims walk 800 km from Osk.", "The pilgrims walk 800 km from Brask to Osk.", "agree"),
        # A longer form of the same name is the same place.
        ("The quake struck 40 km north of Osk.", "The quake struck 40 km north of Osk City, officials said.", "agree"),
    ],
)
def test_what_is_no_other_reference_point(check: Check, claim: str, source: str, verdict: str) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # Receiving a share of the votes is coming to hold it, as winning it is.
        ("With most ballots counted, Ruvane received 52.4% of the votes, ahead of Solt.", "agree"),
        ("Ruvane polled 52.4% of the national vote.", "agree"),
        # Held without the claim's verb, the figure is loose: it may support, never contradict.
        ("Ruvane obtained 48.1% of the votes cast on Sunday.", "silent"),
        # A verb of its own is another figure: what was needed or expected, not what was won.
        ("Ruvane needed 52.4% of the votes to avoid a second round.", "silent"),
    ],
)
def test_a_verb_of_getting_is_a_holding_act(check: Check, source: str, verdict: str) -> None:
    assert check("Ruvane won 52.4% of the vote.", source).verdict.value == verdict


@pytest.mark.parametrize(
    "claim",
    [
        "Measles had killed 14 people in Dorvik by late March.",
        "Measles had killed 14 people in Dorvik by early March.",
        "Measles had killed 14 people in Dorvik by mid-March.",
    ],
)
def test_a_word_narrowing_a_time_is_no_topic_word(check: Check, claim: str) -> None:
    # The part names the time-free act alone: "late" would be a topic word the clause lacks.
    source = "Officials in Dorvik have confirmed 40 measles cases, including 14 deaths."
    assert check(claim, source).verdict.value == "agree"


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # The part names the claim's act by its noun; the whole counts something else.
        ("Officials have confirmed 210 cases of cholera in Dorvik, including 14 deaths.", "agree"),
        # A part is a narrower group than people: loose, so a clash is no contradiction.
        ("Officials have confirmed 210 cases of cholera in Dorvik, including 19 deaths.", "silent"),
        # A part that is no death is not the claim's figure.
        ("Officials have confirmed 210 cases of cholera in Dorvik, including 14 children.", "silent"),
    ],
)
def test_a_part_named_by_the_claim_s_act_is_its_figure(check: Check, source: str, verdict: str) -> None:
    assert check("Cholera has killed 14 people in Dorvik.", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # Loosely aligned (no place in the sentence), a bound inside the claim's says the claim's figure...
        ("Ostrava flood update\n\nAt least 640 people were injured, officials said.", "agree"),
        ("Ostrava flood update\n\nMore than 700 people were injured, officials said.", "agree"),
        # ... but another bound that merely overlaps it is no support.
        ("Ostrava flood update\n\nAt least 600 people were injured, officials said.", "silent"),
    ],
)
def test_the_same_open_bound_is_the_claim_s_figure(check: Check, source: str, verdict: str) -> None:
    assert check("At least 640 people were injured in the Ostrava flood.", source).verdict.value == verdict


MEASLES = "Officials have confirmed 48 measles cases."


@pytest.mark.parametrize(
    ("claim", "source", "verdict"),
    [
        # The source's kind ("confirmed") is the claim's verb: no other kind of case.
        (MEASLES, "Measles\n\nThere are now 48 confirmed cases, officials say.", "agree"),
        # Neither side says the other's kind: another kind of the same noun.
        ("Tollan ran 400 bus services on Monday.", "Tollan ran 310 tram services on Monday.", "silent"),
        (MEASLES, "Measles\n\nThere are now 48 suspected cases, officials say.", "silent"),
    ],
)
def test_a_kind_the_other_side_says_in_its_own_words_is_no_other_kind(
    check: Check, claim: str, source: str, verdict: str
) -> None:
    assert check(claim, source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # "late March" is a part of March: a March figure may support, never contradict, it...
        ("Prices in Dorvik rose 4% in March.", "agree"),
        ("Prices in Dorvik rose 6% in March.", "silent"),
        ("Prices in Dorvik rose 6% in early March.", "silent"),
        # ... but the same narrowed time frame does.
        ("Prices in Dorvik rose 6% in late March.", "disagree"),
    ],
)
def test_a_word_narrowing_a_time_narrows_the_time_frame(check: Check, source: str, verdict: str) -> None:
    assert check("Prices in Dorvik rose 4% in late March.", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # "fell 12%" is how much the shares fell; "fell to 45%" is where they ended: no evidence.
        ("Vantor shares fell to 45% of their issue price on Monday.", "silent"),
        ("Vantor shares fell by 12% on Monday.", "agree"),
        ("Vantor shares fell by 15% on Monday, to 45% of their issue price.", "disagree"),
    ],
)
def test_a_change_is_no_level(check: Check, source: str, verdict: str) -> None:
    assert check("Vantor shares fell 12% on Monday.", source).verdict.value == verdict


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        # "rose by 12 to 31" may be a range of change (12 to 31 more) or the change and the level:
        # read as a change, it is no evidence for a level...
        ("The death toll in Ostrava rose to 25.", "silent"),
        # ... and a change inside it is supported only loosely, as a range's point is.
        ("The death toll in Ostrava rose by 40.", "disagree"),
    ],
)
def test_by_then_to_after_a_verb_of_change_is_a_change(check: Check, claim: str, verdict: str) -> None:
    assert check(claim, "The death toll in Ostrava rose by 12 to 31 overnight.").verdict.value == verdict


@pytest.mark.parametrize(
    ("source", "verdict"),
    [
        # "to 12% below its peak" is how far the shares fell from a reference point: a change.
        ("Vantor shares fell to 12% below their peak on Monday.", "agree"),
        ("Vantor shares fell to 45% of their issue price on Monday.", "silent"),
    ],
)
def test_to_a_distance_from_a_reference_is_a_change(check: Check, source: str, verdict: str) -> None:
    assert check("Vantor shares fell 12% on Monday.", source).verdict.value == verdict
