"""Which interview tells a persona's journey for a workshop: its scenario script.

A persona's scenario on a journey is one of its consenting interviews of that journey: the
one closest to the persona's mean score per stage there. The means are those of the
persona's curve: over all its interviews of the journey, consenting or not, each
interview's score at a stage being the mean of its steps there. Closest: the smallest mean
absolute difference between the interview's score and the persona's mean, over the stages
the interview reached; of equally close ones, the one that reached more stages, then the
lowest interview id. Computed in exact fractions (grades are halves), so equal is equal.
An interview whose participant did not consent is never chosen: its words are not
published.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from journeys.analysis.facts import InterviewFact
from journeys.content.model import Journey


@dataclass(frozen=True)
class ScenarioChoice:
    """The interview a persona's scenario is told from, and how close it is."""

    persona: str
    interview: str
    """The interview's key."""
    difference: Fraction
    """Mean absolute difference from the persona's stage means, over :attr:`stages`."""
    stages: int
    """How many stages were compared: those the interview reached."""


def stage_scores(journey: Journey, interview: InterviewFact) -> Mapping[str, Fraction]:
    """Stage id -> the interview's score there (the mean of its steps), for each stage it
    reached, in the journey's order."""
    stage_ids = tuple(journey.stage_ids)
    return interview.worked_out(
        (stage_scores, stage_ids), functools.partial(_stage_scores, stage_ids, interview)
    )


def _stage_scores(stage_ids: Sequence[str], interview: InterviewFact) -> Mapping[str, Fraction]:
    scores: dict[str, Fraction] = {}
    for stage in stage_ids:
        at_stage = [Fraction(step.score) for step in interview.steps if step.stage == stage]
        if at_stage:
            scores[stage] = sum(at_stage, Fraction(0)) / len(at_stage)
    return scores


def stage_means(journey: Journey, interviews: Sequence[InterviewFact]) -> dict[str, Fraction]:
    """Stage id -> the mean of the interviews' scores there, for each stage one reached."""
    per_stage: dict[str, list[Fraction]] = {}
    for interview in interviews:
        for stage, score in stage_scores(journey, interview).items():
            per_stage.setdefault(stage, []).append(score)
    return {
        stage: sum(per_stage[stage], Fraction(0)) / len(per_stage[stage])
        for stage in journey.stage_ids
        if stage in per_stage
    }


def closest(
    journey: Journey, persona: str, interviews: Sequence[InterviewFact]
) -> ScenarioChoice | None:
    """The scenario of ``persona`` among ``interviews`` (any of the journey's: the
    persona's are picked out); None when none of the persona's may be quoted."""
    own = [i for i in interviews if i.persona == persona and i.journey == journey.slug]
    means = stage_means(journey, own)
    choices = []
    for interview in own:
        if not interview.published:
            continue
        scores = stage_scores(journey, interview)
        shared = [stage for stage in scores if stage in means]
        if not shared:
            continue
        difference = sum((abs(scores[s] - means[s]) for s in shared), Fraction(0)) / len(shared)
        choices.append(ScenarioChoice(persona, interview.key, difference, len(shared)))
    return min(choices, key=lambda c: (c.difference, -c.stages, c.interview), default=None)


def scenarios(journey: Journey, interviews: Sequence[InterviewFact]) -> list[ScenarioChoice]:
    """One scenario per persona with a consenting interview of the journey, personas in
    slug order."""
    personas = sorted({i.persona for i in interviews if i.journey == journey.slug})
    found = (closest(journey, persona, interviews) for persona in personas)
    return [choice for choice in found if choice is not None]
