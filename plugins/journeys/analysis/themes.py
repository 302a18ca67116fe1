"""The figures of the codebook's themes: reach, moments, pain and where they occur.

The one place these are defined; every page and export uses them. Counted from the facts of
every interview, consenting or not (:mod:`journeys.analysis.facts`): a theme's slugs are the
team's codes, never a participant's words.

- **Reach**: the interviews with at least one step tagged with the theme (each once), out of
  all interviews of the study; and the personas of those interviews, out of all personas.
- **Moments**: the tagged steps (a step counts once per theme).
- **Pain**: the mean score of its moments (n = moments), against the *context mean*: the
  mean score of every step, tagged or not, of every interview at the (journey, stage) pairs
  where the theme has a moment, each step once.
- **Accepted as normal**: interviews in which a tagged step has ``accepted: true``.
- **Per stage**: the interviews with a tagged step at that stage.
- **Small sample**: fewer than :data:`SMALL_SAMPLE` interviews carry it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from journeys.analysis.aggregate import SMALL_SAMPLE
from journeys.analysis.facts import InterviewFact, StepFact
from journeys.content.model import Journey


@dataclass(frozen=True)
class StageCount:
    journey: str
    stage: str
    interviews: int
    """Interviews with a step tagged with the theme at this stage."""


@dataclass(frozen=True)
class ThemeFigures:
    slug: str
    interviews: int
    """Reach: interviews with a tagged step."""
    interviews_total: int
    """All interviews of the study."""
    personas: int
    """The personas of those interviews."""
    personas_total: int
    moments: int
    """Tagged steps."""
    mean_score: float | None
    """The mean score of its moments (n = :attr:`moments`); None without any."""
    context_mean: float | None
    """The mean score of every step (tagged or not, each once) of every interview at the
    (journey, stage) pairs where the theme has a moment; None without any. Like
    :attr:`mean_score` it counts steps: the journey map's stage mean counts each interview
    once (the mean of its steps there), so at a stage an interview came back to they differ."""
    context_steps: int
    """The n of :attr:`context_mean`: the steps at those pairs."""
    accepted: int
    """Interviews with a tagged step accepted as normal."""
    by_stage: tuple[StageCount, ...]
    """In journey then stage order."""

    @property
    def small(self) -> bool:
        return self.interviews < SMALL_SAMPLE


def theme_figures(
    slugs: Iterable[str],
    facts: Sequence[InterviewFact],
    *,
    personas: Collection[str] | None = None,
    journeys: Iterable[Journey] = (),
) -> list[ThemeFigures]:
    """Each theme's figures, in the order of ``slugs``. ``facts`` are every interview of the
    study. ``personas`` are all the study's personas (those of the interviews count anyway);
    ``journeys`` give the order of :attr:`ThemeFigures.by_stage` (journeys and stages not
    among them follow, by slug)."""
    persona_count = len({fact.persona for fact in facts} | set(personas or ()))
    order = _stage_order(journeys)
    return [_figures(slug, facts, persona_count, order) for slug in slugs]


def _figures(
    slug: str,
    facts: Sequence[InterviewFact],
    personas_total: int,
    order: _StageOrder,
) -> ThemeFigures:
    carrying = [fact for fact in facts if any(slug in step.themes for step in fact.steps)]
    moments = [
        (fact.journey, step) for fact in carrying for step in fact.steps if slug in step.themes
    ]
    pairs = {(journey, step.stage) for journey, step in moments}
    context = [
        step.score for fact in facts for step in fact.steps if (fact.journey, step.stage) in pairs
    ]
    per_stage = Counter(
        pair
        for fact in carrying
        for pair in {(fact.journey, s.stage) for s in fact.steps if slug in s.themes}
    )
    return ThemeFigures(
        slug=slug,
        interviews=len(carrying),
        interviews_total=len(facts),
        personas=len({fact.persona for fact in carrying}),
        personas_total=personas_total,
        moments=len(moments),
        mean_score=_mean(step.score for _, step in moments),
        context_mean=_mean(context),
        context_steps=len(context),
        accepted=sum(any(_accepted(step, slug) for step in fact.steps) for fact in carrying),
        by_stage=tuple(
            StageCount(journey, stage, count)
            for (journey, stage), count in sorted(
                per_stage.items(), key=lambda item: order.key(item[0])
            )
        ),
    )


def _accepted(step: StepFact, slug: str) -> bool:
    return step.accepted and slug in step.themes


def _mean(values: Iterable[float]) -> float | None:
    numbers = list(values)
    return statistics.fmean(numbers) if numbers else None


@dataclass(frozen=True)
class _StageOrder:
    journeys: dict[str, int]
    stages: dict[tuple[str, str], int]

    def key(self, pair: tuple[str, str]) -> tuple[int, int, str, str]:
        journey, stage = pair
        last = len(self.stages)
        return (self.journeys.get(journey, last), self.stages.get(pair, last), journey, stage)


def _stage_order(journeys: Iterable[Journey]) -> _StageOrder:
    ordered = list(journeys)
    return _StageOrder(
        journeys={journey.slug: index for index, journey in enumerate(ordered)},
        stages={
            (journey.slug, stage): index
            for journey in ordered
            for index, stage in enumerate(journey.stage_ids)
        },
    )


def stage_themes(journey: str, facts: Sequence[InterviewFact]) -> dict[str, list[tuple[str, int]]]:
    """Per stage id of ``journey`` with a tagged step: (theme slug, interviews with a step at
    the stage tagged with it), most interviews first, then by slug."""
    counts: dict[str, Counter[str]] = {}
    for fact in facts:
        if fact.journey != journey:
            continue
        for stage, slug in {(s.stage, slug) for s in fact.steps for slug in s.themes}:
            counts.setdefault(stage, Counter())[slug] += 1
    return {stage: _ranked(counter) for stage, counter in counts.items()}


def persona_themes(persona: str, facts: Sequence[InterviewFact]) -> list[tuple[str, int]]:
    """(theme slug, interviews of ``persona`` with a step tagged with it), most first, then by
    slug."""
    counter: Counter[str] = Counter(
        slug
        for fact in facts
        if fact.persona == persona
        for slug in {slug for step in fact.steps for slug in step.themes}
    )
    return _ranked(counter)


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def most_painful(figures: Sequence[ThemeFigures]) -> ThemeFigures | None:
    """The theme with the lowest :attr:`ThemeFigures.mean_score` among those that are not a
    small sample (the first of ``figures`` on ties); None if there is none."""
    scored = [f for f in figures if not f.small and f.mean_score is not None]
    return min(scored, key=lambda f: f.mean_score or 0.0) if scored else None
