"""Figures of every interview, consenting or not, without any of their text.

Aggregates are computed from these, so a ``consent: false`` interview counts in every
figure while none of its words can reach a page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass
from typing import TypeVar, cast

from journeys.content.durations import gap
from journeys.content.model import Interview
from journeys.privacy.policy import is_published, is_unnamed_touchpoint, touchpoint_of

T = TypeVar("T")


@dataclass(frozen=True)
class StepFact:
    position: int
    """0-based index in the interview."""
    stage: str
    score: float
    peak: bool
    accepted: bool
    touchpoint: str | None
    """A touchpoint id, or a consenting participant's name for one outside the inventory."""
    unnamed_touchpoint: bool
    """A touchpoint outside the inventory, in the words of a participant who did not consent:
    counted, never named."""
    expected_gap: dt.timedelta | None
    """actual minus expected, when both are durations."""
    realistic_gap: dt.timedelta | None
    verdict: str | None
    """How reality compared with the expectation (:attr:`journeys.content.model.Step.verdict`):
    ``worse``, ``as-expected``, ``better``, ``not-rated`` (a written pair nobody judged), or
    None when there is nothing to judge."""
    has_expectation: bool = False
    """It has an expected, actual or realistic value: a row of the expectations table."""
    themes: tuple[str, ...] = ()
    """The slugs of the codebook's themes it is tagged with, each once, as written. They are
    the team's codes, not the participant's words: kept for every interview."""


@dataclass(frozen=True)
class InterviewFact:
    key: str
    persona: str
    journey: str
    date: dt.date
    overall_score: float
    nps: int | None
    advocacy: str | None
    goal_reached: bool | None
    published: bool
    steps: tuple[StepFact, ...]
    round: str | None = None
    """The id of the journey's round it belongs to (:func:`journeys.content.rounds.round_of`);
    None when the journey has no rounds."""

    def worked_out(self, key: Hashable, work: Callable[[], T]) -> T:
        """``work()``, a value made from this interview's figures alone and from what ``key``
        names besides, worked out once for this fact. `mkdocs serve` keeps the facts of
        unchanged interviews from one rebuild to the next
        (:class:`journeys.building.digests.FactMemory`), so their values are not worked out
        again after each save. Kept beside the fields, not as one: not a figure (equality,
        copies), nor data a template is given."""
        kept: dict[Hashable, object] = self.__dict__.setdefault("_worked_out", {})
        if key not in kept:
            kept[key] = work()
        return cast(T, kept[key])

    @property
    def scores(self) -> list[float]:
        return [step.score for step in self.steps]

    @property
    def mean_step_score(self) -> float:
        return sum(self.scores) / len(self.scores)

    @property
    def peak_end_score(self) -> float:
        """Mean of the peak step and the last step (the last alone when there is no peak)."""
        peak = self.steps[self.peak_position] if self.peak_position is not None else self.steps[-1]
        return (peak.score + self.steps[-1].score) / 2

    @property
    def peak_position(self) -> int | None:
        return next((step.position for step in self.steps if step.peak), None)

    @property
    def accepted_count(self) -> int:
        return sum(step.accepted for step in self.steps)

    @property
    def lowest_score(self) -> float:
        return min(self.scores)


FactsOf = Callable[[Interview, Collection[str], str | None], InterviewFact]
"""Works out an interview's figures as :func:`fact_of` does (perhaps keeping them)."""


def fact_of(
    interview: Interview, inventory: Collection[str], round_id: str | None = None
) -> InterviewFact:
    """The interview's figures; ``inventory`` is its journey's touchpoint ids, ``round_id``
    the round it belongs to."""
    published = is_published(interview)
    return InterviewFact(
        key=interview.key,
        persona=interview.persona,
        journey=interview.journey,
        date=interview.date,
        overall_score=interview.overall_score,
        nps=interview.nps,
        advocacy=interview.advocacy,
        goal_reached=interview.goal_reached,
        published=published,
        steps=tuple(
            StepFact(
                position=index,
                stage=step.stage,
                score=step.score,
                peak=step.peak,
                accepted=step.accepted,
                touchpoint=touchpoint_of(step.touchpoint, inventory, published),
                unnamed_touchpoint=is_unnamed_touchpoint(step.touchpoint, inventory, published),
                expected_gap=gap(step.actual, step.expected),
                realistic_gap=gap(step.actual, step.realistic),
                verdict=step.verdict,
                has_expectation=step.has_expectation,
                themes=tuple(dict.fromkeys(step.themes)),
            )
            for index, step in enumerate(interview.steps)
        ),
        round=round_id,
    )
