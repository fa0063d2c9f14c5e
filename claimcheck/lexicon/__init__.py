"""The shipped language data: the YAML files in this folder, read once. ``english()`` is the typed
view of ``english.yaml`` (spelling and punctuation rules), ``frame_words()`` of ``frames.yaml`` (the
words a figure's sentence is read by); ``words.yaml`` (concepts and word lists) is read by
``words.lexicon()``, and ``numbers.yaml``/``hedges.yaml`` by the number reader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

import yaml


def load_yaml(text: str) -> Any:  # noqa: ANN401 - whatever the shipped YAML holds
    """Shipped data files (the lexicons): read by libyaml when present, ten times faster."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def read(name: str) -> Any:  # noqa: ANN401 - whatever the file holds
    """The lexicon file ``name`` (e.g. ``"english.yaml"``), parsed."""
    return load_yaml(resources.files("claimcheck").joinpath(f"lexicon/{name}").read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class PluralEnding:
    """A word longer than ``longer_than`` letters ending in ``plural`` is the singular ending in ``singular``."""

    plural: str
    singular: str
    longer_than: int


@dataclass(frozen=True, slots=True)
class English:
    """The English rules of ``english.yaml``; see the comments there for what each list is for."""

    irregular_plurals: Mapping[str, str]
    plural_endings: tuple[PluralEnding, ...]
    singular_endings: tuple[str, ...]
    demonym_endings: tuple[str, ...]
    people_plural_endings: tuple[str, ...]
    people_adjectives: Mapping[str, str]
    possessive_endings: tuple[str, ...]
    agent_noun_endings: tuple[str, ...]
    abbreviations: frozenset[str]
    open_line_endings: frozenset[str]
    negating_prefixes: frozenset[str]


def build_english(data: Mapping[str, Any]) -> English:
    """An English from the mapping ``english.yaml`` holds."""
    return English(
        irregular_plurals={str(k).lower(): str(v).lower() for k, v in data["irregular_plurals"].items()},
        plural_endings=tuple(
            PluralEnding(str(e["plural"]), str(e["singular"]), int(e["longer_than"])) for e in data["plural_endings"]
        ),
        singular_endings=tuple(str(e) for e in data["singular_endings"]),
        demonym_endings=tuple(str(e) for e in data["demonym_endings"]),
        people_plural_endings=tuple(str(e) for e in data["people_plural_endings"]),
        people_adjectives={str(k).lower(): str(v).lower() for k, v in data["people_adjectives"].items()},
        possessive_endings=tuple(str(e) for e in data["possessive_endings"]),
        agent_noun_endings=tuple(str(e) for e in data["agent_noun_endings"]),
        abbreviations=frozenset(str(e).lower() for e in data["abbreviations"]),
        open_line_endings=frozenset(str(e).lower() for e in data["open_line_endings"]),
        negating_prefixes=frozenset(str(e).lower() for e in data["negating_prefixes"]),
    )


@cache
def english() -> English:
    """The shipped English rules, read once."""
    return build_english(read("english.yaml"))


@dataclass(frozen=True, slots=True)
class FrameWords:
    """The words of ``frames.yaml`` a figure's sentence is read by; see the comments there."""

    place_prepositions: frozenset[str]
    modifier_prepositions: frozenset[str]
    kind_modifiers: frozenset[str]
    name_prepositions: frozenset[str]
    saint_words: frozenset[str]
    place_descriptors: frozenset[str]
    how_many: frozenset[str]
    figure_negations: frozenset[str]
    auxiliaries: frozenset[str]
    partitive_determiners: frozenset[str]
    partitive_pronouns: frozenset[str]
    part_openers: frozenset[str]
    coordinators: frozenset[str]
    revision_words: frozenset[str]
    topic_break_words: tuple[str, ...]
    qualifier_break_words: tuple[str, ...]
    appositive_openers: tuple[str, ...]
    intro_openers: tuple[str, ...]
    adjective_determiners: frozenset[str]
    cue_objects: frozenset[str]
    common_noun_endings: tuple[str, ...]
    bracket_openers: frozenset[str]
    bracket_closers: tuple[str, ...]
    count_label_stops: frozenset[str]
    rise_markers: frozenset[str]
    fall_markers: frozenset[str]
    marker_not_after: frozenset[str]
    change_labels: frozenset[str]
    possessive_determiners: frozenset[str]
    age_openers: tuple[str, ...]
    age_endings: tuple[str, ...]
    age_copulas: frozenset[str]
    age_clause_ends: tuple[str, ...]
    predicate_copulas: frozenset[str]
    share_followers: frozenset[str]
    share_people_pronouns: frozenset[str]
    progress_participles: frozenset[str]
    progress_units: frozenset[str]
    reference_offsets: frozenset[str]
    name_number_openers: frozenset[str]
    zero_words: frozenset[str]
    zero_people: frozenset[str]
    zero_determiners: frozenset[str]
    zero_persons: frozenset[str]
    zero_not_nouns: frozenset[str]
    zero_not_of: frozenset[str]
    zero_not_before: frozenset[str]
    collective_nouns: frozenset[str]
    threshold_verbs: frozenset[str]
    threshold_ends: frozenset[str]
    threshold_levels: frozenset[str]
    place_joiners: frozenset[str]
    compass_endings: tuple[str, ...]
    relative_words: frozenset[str]
    place_reference_prepositions: frozenset[str]
    other_place_words: frozenset[str]
    figure_determiners: frozenset[str]
    plural_modifiers: frozenset[str]
    additive_words: frozenset[str]
    aboard_words: tuple[str, ...]
    aboard_totals: frozenset[str]
    one_per_person: frozenset[str]
    rate_words: frozenset[str]
    rate_articles: frozenset[str]
    rate_not_before: frozenset[str]
    rate_not_after: frozenset[str]
    occasion_prepositions: frozenset[str]
    tally_joiners: tuple[str, ...]
    tally_part_words: frozenset[str]


def build_frame_words(data: Mapping[str, Any]) -> FrameWords:
    """FrameWords from the mapping ``frames.yaml`` holds: sets, or in the file's order (a tuple) the
    lists that become a pattern's alternatives."""
    values: dict[str, Any] = {}
    for f in fields(FrameWords):
        words = [str(w).lower() for w in data[f.name]]
        values[f.name] = tuple(words) if f.type == "tuple[str, ...]" else frozenset(words)
    return FrameWords(**values)


@cache
def frame_words() -> FrameWords:
    """The shipped frame words, read once."""
    return build_frame_words(read("frames.yaml"))
