"""Before and after: a journey's figures per round of interviews, and how each stage changed
from one round to the next.

Each round's figures are the site's usual ones (:func:`~journeys.analysis.aggregate.stage_stats`,
:func:`~journeys.analysis.aggregate.stage_verdicts`) over that round's interviews only. A
change is the difference of two means, and is only told when both rest on
:data:`~journeys.analysis.aggregate.SMALL_SAMPLE` or more interviews (:func:`too_few`).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from journeys.analysis.aggregate import (
    SMALL_SAMPLE,
    Stats,
    Verdicts,
    stage_stats,
    stage_verdicts,
    verdicts_of,
)
from journeys.analysis.facts import InterviewFact
from journeys.content.durations import HumanDuration, humanize
from journeys.content.model import Journey, Round
from journeys.content.rounding import half_up
from journeys.content.rounds import in_order

_NOISE_DECIMALS = 9
"""Changes are compared at this many decimals: 19/3 - 16/3 and 1.0 are the same change."""


def too_few(before: Stats, after: Stats) -> bool:
    """Whether either side rests on fewer than :data:`SMALL_SAMPLE` interviews: then the
    change is "too few interviews to tell"."""
    return before.small or after.small


@dataclass(frozen=True)
class Change:
    """How one stage's mean moved from one round to the next."""

    before: Stats
    after: Stats

    @property
    def too_few(self) -> bool:
        return too_few(self.before, self.after)

    @property
    def difference(self) -> float | None:
        """The later mean minus the earlier one; None when there are too few to tell."""
        if self.too_few or self.before.mean is None or self.after.mean is None:
            return None
        return self.after.mean - self.before.mean

    @property
    def sign(self) -> int:
        """1 when the mean went up, -1 down, 0 when the change reads 0.0 (or is not told)."""
        if self.difference is None:
            return 0
        shown = half_up(self.difference)
        return (shown > 0) - (shown < 0)


@dataclass(frozen=True)
class Gaps:
    """The gaps between what happened and what was expected, where both are durations."""

    median: dt.timedelta | None
    moments: int
    """Steps with such a gap."""
    interviews: int
    """How many interviews those steps come from."""

    @property
    def small(self) -> bool:
        return self.interviews < SMALL_SAMPLE

    @property
    def shown_median(self) -> HumanDuration | None:
        """The median as pages show it (rounded, in its largest unit)."""
        return humanize(self.median) if self.median is not None else None


@dataclass(frozen=True)
class RoundFigures:
    """One round's figures: its interviews per stage and its expectations."""

    round: Round
    interviews: int
    stages: list[Stats]
    """Per stage, in the journey's order (:func:`stage_stats`)."""
    verdicts: list[Verdicts]
    """Per stage, in the journey's order (:func:`stage_verdicts`)."""
    expectations: Verdicts
    """Over the whole journey: each interview once, fell short when any of its moments was
    worse than expected."""
    gaps: Gaps


@dataclass(frozen=True)
class StageRounds:
    """One stage across the rounds."""

    index: int
    """The stage's position in the journey."""
    stage: str
    per_round: list[Stats]
    """In round order."""
    changes: list[Change]
    """From each round to the next: one fewer than the rounds."""


@dataclass(frozen=True)
class BeforeAndAfter:
    """A journey's rounds (two or more), in order, and each stage across them."""

    rounds: list[RoundFigures]
    stages: list[StageRounds]
    biggest: StageRounds | None
    """The stage that changed most between the last two rounds (:func:`biggest_change`)."""

    @property
    def last_two(self) -> tuple[RoundFigures, RoundFigures]:
        return self.rounds[-2], self.rounds[-1]


def facts_per_round(
    journey: Journey, facts: Sequence[InterviewFact]
) -> list[tuple[Round, list[InterviewFact]]]:
    """The journey's rounds by date, each with its interviews (those of ``journey`` whose
    ``round`` is its id)."""
    return [
        (item, [f for f in facts if f.journey == journey.slug and f.round == item.id])
        for item in in_order(journey)
    ]


def expectation_verdicts(interviews: Sequence[InterviewFact]) -> Verdicts:
    """The interviews' verdicts over all their moments, each interview counted once, as
    :func:`stage_verdicts` counts them at one stage."""
    return verdicts_of([{s.verdict for s in i.steps if s.verdict} for i in interviews])


def median(values: Sequence[dt.timedelta]) -> dt.timedelta | None:
    """The middle value (of two, halfway between them); None without any."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def expectation_gaps(interviews: Sequence[InterviewFact]) -> Gaps:
    """The median gap vs expected over every step with one (two durations)."""
    per_interview = [
        [s.expected_gap for s in i.steps if s.expected_gap is not None] for i in interviews
    ]
    gaps = [value for values in per_interview for value in values]
    return Gaps(
        median(gaps),
        len(gaps),
        sum(1 for values in per_interview if values),
    )


def round_figures(journey: Journey, facts: Sequence[InterviewFact]) -> list[RoundFigures]:
    """Each round's figures, rounds by date."""
    return [
        RoundFigures(
            item,
            len(interviews),
            stage_stats(journey, interviews),
            stage_verdicts(journey, interviews),
            expectation_verdicts(interviews),
            expectation_gaps(interviews),
        )
        for item, interviews in facts_per_round(journey, facts)
    ]


def stage_rounds(journey: Journey, rounds: Sequence[RoundFigures]) -> list[StageRounds]:
    """Each stage's figures across ``rounds`` and the change from each round to the next."""
    result = []
    for index, stage in enumerate(journey.stage_ids):
        per_round = [figures.stages[index] for figures in rounds]
        changes = [Change(before, after) for before, after in itertools.pairwise(per_round)]
        result.append(StageRounds(index, stage, per_round, changes))
    return result


def biggest_change(stages: Sequence[StageRounds]) -> StageRounds | None:
    """The stage whose mean changed most (up or down) between the last two rounds, among
    those with enough interviews in both; the earliest stage on a tie; None when no stage
    has enough."""
    told = [
        (round(abs(difference), _NOISE_DECIMALS), stage)
        for stage in stages
        if stage.changes and (difference := stage.changes[-1].difference) is not None
    ]
    if not told:
        return None
    largest = max(size for size, _ in told)
    return next(stage for size, stage in told if size == largest)


def before_and_after(journey: Journey, facts: Sequence[InterviewFact]) -> BeforeAndAfter | None:
    """The journey's rounds compared, or None when it has fewer than two rounds."""
    if len(journey.rounds) < 2:
        return None
    rounds = round_figures(journey, facts)
    stages = stage_rounds(journey, rounds)
    return BeforeAndAfter(rounds, stages, biggest_change(stages))
