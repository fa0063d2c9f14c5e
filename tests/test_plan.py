"""Plan: a claim read into how it is checked (by its figures or as a statement)."""

from __future__ import annotations

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.model import Claim
from claimcheck.plan import plan_claim
from claimcheck.words import lexicon, tokenize


def test_claim_with_a_figure_is_checked_by_figures() -> None:
    plan = plan_claim(Claim("c", "400 homes were destroyed in Oakridge"))
    assert plan.mode == "figures"
    (fig,) = plan.figures
    assert fig.frame.counted == "home"
    assert fig.frame.places == frozenset({tokenize("Oakridge")[0].stem})  # the name's own key, however stemmed
    assert [t.lower for t in fig.topic] == ["destroyed"]


@pytest.mark.parametrize("opener", sorted(lexicon().lists["attribution_openers"]))
def test_each_attribution_opener_keeps_the_words_after_it_in_the_topic(opener: str) -> None:
    (fig,) = plan_claim(Claim("c", f"{opener.capitalize()} to rangers, the blaze burned 20,000 acres")).figures
    assert [t.lower for t in fig.topic] == ["rangers", "blaze", "burned"]


def test_who_says_a_figure_is_no_part_of_its_topic() -> None:
    (fig,) = plan_claim(Claim("c", "Forest officials say the blaze could burn 20,000 acres")).figures
    assert [t.lower for t in fig.topic] == ["blaze", "burn"]
    (fig,) = plan_claim(Claim("c", "Forest officials burned 20,000 acres")).figures
    assert [t.lower for t in fig.topic] == ["officials", "burned"]


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Keldby plans a 5% levy rise", ["levy", "rise"]),
        ("Keldby expects to hire 300 wardens", ["hire"]),
        ("Keldby aims for a 40% recycling rate", ["recycling", "rate"]),
        ("The recycling target was 40%", ["recycling", "target"]),  # a noun: what the figure is
    ],
)
def test_a_forecast_verb_is_no_topic_word(text: str, topic: list[str]) -> None:
    (fig,) = plan_claim(Claim("c", text)).figures
    assert [t.lower for t in fig.topic] == topic


@pytest.mark.parametrize("verb", sorted({"rose", "fell", "climbed", "dropped", "increased"}))
def test_a_verb_of_change_before_to_gives_a_level_no_topic(verb: str) -> None:
    (fig,) = plan_claim(Claim("c", f"The flood toll {verb} to 212")).figures
    assert [t.lower for t in fig.topic] == ["flood", "toll"]
    # a change by an amount is what the figure measures; a verb with no other topic word stays
    (fig,) = plan_claim(Claim("c", f"The flood toll {verb} 12%")).figures
    assert [t.lower for t in fig.topic] == ["flood", "toll", verb]
    (fig,) = plan_claim(Claim("c", f"Labour {verb} to 212 seats")).figures
    assert [t.lower for t in fig.topic] == [verb]
    # nor does a figure that counts nothing lose it: the verb ties "$2.75" to the fare
    (fig,) = plan_claim(Claim("c", f"The bus fare {verb} to $2.75")).figures
    assert [t.lower for t in fig.topic] == ["bus", "fare", verb]


@pytest.mark.parametrize("control", ["ordered", "agreed", "required"])
def test_a_control_verb_gives_way_to_the_verb_it_governs(control: str) -> None:
    (fig,) = plan_claim(Claim("c", f"Varga was {control} to repay $40,000")).figures
    assert fig.act is not None and fig.act.lower == "repay"
    assert [t.lower for t in fig.topic] == ["repay"]
    # "sentenced to 25 years": "to" takes the figure, not a verb
    (fig,) = plan_claim(Claim("c", "Varga was sentenced to 25 years")).figures
    assert fig.act is not None and fig.act.lower == "sentenced"


def test_claim_about_a_denial_is_a_statement() -> None:
    plan = plan_claim(Claim("c", "The minister called the report of 200 layoffs a lie"))
    assert plan.mode == "statement"
    assert [t.lower for t in plan.predicates] == ["lie"]


def test_claim_without_figure_is_a_statement() -> None:
    plan = plan_claim(Claim("c", "Mayor Ortiz opposed the new stadium"))
    assert plan.mode == "statement"
    assert [t.text for t in plan.names] == ["Mayor", "Ortiz"]
    assert [t.lower for t in plan.predicates] == ["opposed"]


@pytest.mark.parametrize("text", ["the", "Yes"])
def test_claim_with_nothing_to_check_is_an_error(text: str) -> None:
    with pytest.raises(ClaimcheckError, match="nothing to check") as err:
        plan_claim(Claim("c", text, "rules.yaml", 7))
    assert str(err.value).startswith("rules.yaml:7: error:")


def test_figures_mode_without_figure_is_an_error() -> None:
    with pytest.raises(ClaimcheckError, match="states none"):
        plan_claim(Claim("c", "Mayor Ortiz opposed the stadium", mode="figures"))
