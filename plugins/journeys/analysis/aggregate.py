"""Every figure the site shows, computed from :mod:`journeys.facts` by plain functions.

Templates only lay these out; nothing is computed in them.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from journeys.analysis.facts import InterviewFact, StepFact
from journeys.content.model import Journey
from journeys.content.values import AS_EXPECTED, BETTER, NOT_RATED, WORSE

SMALL_SAMPLE = 3
"""Below this many, a figure is labelled as a small sample (and a coverage cell flagged)."""


@dataclass(frozen=True)
class Stats:
    n: int
    mean: float | None
    low: float | None
    high: float | None

    @property
    def small(self) -> bool:
        return self.n < SMALL_SAMPLE


def stats(values: Iterable[float]) -> Stats:
    numbers = list(values)
    if not numbers:
        return Stats(0, None, None, None)
    return Stats(len(numbers), statistics.fmean(numbers), min(numbers), max(numbers))


def steps_at(stage: str, interviews: Iterable[InterviewFact]) -> list[StepFact]:
    return [step for interview in interviews for step in interview.steps if step.stage == stage]


def score_at(stage: str, interview: InterviewFact) -> float | None:
    """The interview's score at a stage: the mean of its steps there (None without any)."""
    scores = [step.score for step in interview.steps if step.stage == stage]
    return statistics.fmean(scores) if scores else None


def scores_at(stage: str, interviews: Iterable[InterviewFact]) -> list[float]:
    """One score per interview with a step at ``stage`` (:func:`score_at`): an interview
    that loops back to a stage counts once there."""
    found = (score_at(stage, interview) for interview in interviews)
    return [score for score in found if score is not None]


def interviews_at(
    stage: str,
    interviews: Iterable[InterviewFact],
    where: Callable[[StepFact], bool] = lambda step: True,
) -> list[InterviewFact]:
    """The interviews with a step at ``stage`` (one for which ``where`` holds)."""
    return [i for i in interviews if any(s.stage == stage and where(s) for s in i.steps)]


def stage_stats(journey: Journey, interviews: Sequence[InterviewFact]) -> list[Stats]:
    """Per stage, in the journey's order: n is the interviews with a step there; mean,
    lowest and highest are over their scores there (:func:`score_at`)."""
    return [stats(scores_at(stage, interviews)) for stage in journey.stage_ids]


@dataclass(frozen=True)
class StagePoint:
    """One point of an interview's emotion line: its score at one stage."""

    stage_index: int
    score: float
    """The mean of the interview's steps at the stage."""
    peak: bool
    """Its peak moment is at this stage."""
    revisited: bool
    """It came back to this stage after moving on to another one."""


def stage_path(journey: Journey, interview: InterviewFact) -> list[StagePoint]:
    """An interview's points in the journey's stage order, one per stage it has steps at,
    so its line never runs back however the interview looped."""
    stages = [step.stage for step in interview.steps]
    visits = Counter(
        stage for index, stage in enumerate(stages) if index == 0 or stages[index - 1] != stage
    )
    points = []
    for index, stage in enumerate(journey.stage_ids):
        score = score_at(stage, interview)
        if score is not None:
            peak = any(step.peak for step in interview.steps if step.stage == stage)
            points.append(StagePoint(index, score, peak, visits[stage] > 1))
    return points


def lowest_and_highest(journey: Journey, per_stage: Sequence[Stats]) -> tuple[int, int] | None:
    """Indexes of the stages with the lowest and the highest mean (first on ties)."""
    scored = [(index, s.mean) for index, s in enumerate(per_stage) if s.mean is not None]
    if not scored:
        return None
    lowest = min(scored, key=lambda item: item[1])[0]
    highest = max(scored, key=lambda item: item[1])[0]
    return lowest, highest


def persona_stage_stats(
    journey: Journey, interviews: Sequence[InterviewFact]
) -> dict[str, list[Stats]]:
    """Each persona's per-stage statistics, personas sorted by slug."""
    personas = sorted({interview.persona for interview in interviews})
    return {
        persona: stage_stats(journey, [i for i in interviews if i.persona == persona])
        for persona in personas
    }


def date_range(interviews: Iterable[InterviewFact]) -> tuple[dt.date, dt.date] | None:
    dates = [interview.date for interview in interviews]
    return (min(dates), max(dates)) if dates else None


# --- touchpoints ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TouchpointUse:
    id: str
    """The inventory id, or the consenting participant's words; empty when unnamed."""
    name: str
    mentions: int
    inventoried: bool
    unnamed: bool = False
    """Touchpoints outside the inventory from interviews whose words are not published:
    counted together, never named."""


def touchpoint_use(
    journey: Journey, interviews: Iterable[InterviewFact], stage: str | None = None
) -> list[TouchpointUse]:
    """Inventoried touchpoints (mentioned or not), discovered ones, and the unnamed ones
    together, most mentioned first.

    With ``stage``, only steps at that stage count and unmentioned ones are left out.
    """
    steps = [
        step
        for interview in interviews
        for step in interview.steps
        if stage is None or step.stage == stage
    ]
    counts = Counter(step.touchpoint for step in steps if step.touchpoint)
    unnamed = sum(step.unnamed_touchpoint for step in steps)
    uses = [
        TouchpointUse(tp.id, tp.name, counts.get(tp.id, 0), True)
        for tp in journey.touchpoints
        if stage is None or counts.get(tp.id)
    ]
    inventoried = {tp.id for tp in journey.touchpoints}
    uses += [
        TouchpointUse(tp_id, tp_id, count, False)
        for tp_id, count in counts.items()
        if tp_id not in inventoried
    ]
    if unnamed:
        uses.append(TouchpointUse("", "", unnamed, False, unnamed=True))
    return sorted(uses, key=lambda use: (use.unnamed, -use.mentions, not use.inventoried, use.id))


# --- expectations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdicts:
    """How reality compared with expectations at one stage, counted in interviews: each
    interview once, however many of its moments there were judged."""

    judged: int
    """Interviews with a moment at the stage judged worse, as expected or better."""
    worse: int
    """Of those, the interviews with a moment worse than expected: it fell short for them."""
    as_expected: int
    better: int
    not_rated: int
    """Interviews whose expectations at the stage were all written pairs nobody judged."""

    @property
    def small(self) -> bool:
        """Fewer than :data:`SMALL_SAMPLE` interviews judged: "x of y fell short" is an
        indication, not a finding."""
        return self.judged < SMALL_SAMPLE


def verdicts_of(per_interview: Sequence[set[str]]) -> Verdicts:
    """The :class:`Verdicts` of interviews given as the set of each one's step verdicts:
    each interview counted once, in every kind of verdict it has."""
    judged = [verdicts for verdicts in per_interview if verdicts - {NOT_RATED}]
    return Verdicts(
        judged=len(judged),
        worse=sum(WORSE in verdicts for verdicts in judged),
        as_expected=sum(AS_EXPECTED in verdicts for verdicts in judged),
        better=sum(BETTER in verdicts for verdicts in judged),
        not_rated=sum(verdicts == {NOT_RATED} for verdicts in per_interview),
    )


def stage_verdicts(journey: Journey, interviews: Sequence[InterviewFact]) -> list[Verdicts]:
    """Per stage, in the journey's order: the interviews' verdicts (see :class:`Verdicts`)."""
    return [
        verdicts_of(
            [
                {step.verdict for step in interview.steps if step.stage == stage and step.verdict}
                for interview in interviews
            ]
        )
        for stage in journey.stage_ids
    ]


def expectation_order(
    stage_index: int, expected_gap: dt.timedelta | None, position: int, key: str
) -> tuple[int, float, int, str, int]:
    """Sort key of an expectations row: rows with a duration gap first, biggest gap first;
    the rest in stage order."""
    if expected_gap is not None:
        return (0, -expected_gap.total_seconds(), stage_index, key, position)
    return (1, 0.0, stage_index, key, position)
