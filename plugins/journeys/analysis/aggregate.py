"""Every figure the site shows, computed from :mod:`journeys.facts` by plain functions.

Templates only lay these out; nothing is computed in them.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from journeys.analysis.facts import InterviewFact, StepFact
from journeys.content.model import Journey
from journeys.content.values import ADVOCACY

SMALL_SAMPLE = 3
"""Below this many, a figure is labelled as a small sample (and a coverage cell flagged)."""
STALE_AFTER = dt.timedelta(days=365)
"""Evidence whose newest interview is this much older than the newest overall is stale."""
PROMOTER_NPS = 9
"""An NPS this high or higher is a promoter's."""
DETRACTOR_NPS = 6
"""An NPS this low or lower is a detractor's."""
FRAGILE_STEP_SCORE = 4.0


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


def stage_stats(journey: Journey, interviews: Sequence[InterviewFact]) -> list[Stats]:
    """Per stage, in the journey's order: the scores of every step at that stage."""
    return [
        stats(step.score for step in steps_at(stage, interviews)) for stage in journey.stage_ids
    ]


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


def shortfalls(journey: Journey, interviews: Sequence[InterviewFact]) -> list[tuple[int, int]]:
    """Per stage: (steps that fell short of expectations, steps with an expectation to compare)."""
    result = []
    for stage in journey.stage_ids:
        compared = [step for step in steps_at(stage, interviews) if step.fell_short is not None]
        result.append((sum(bool(step.fell_short) for step in compared), len(compared)))
    return result


def expectation_order(
    stage_index: int, expected_gap: dt.timedelta | None, position: int, key: str
) -> tuple[int, float, int, str, int]:
    """Sort key of an expectations row: rows with a duration gap first, biggest gap first;
    the rest in stage order."""
    if expected_gap is not None:
        return (0, -expected_gap.total_seconds(), stage_index, key, position)
    return (1, 0.0, stage_index, key, position)


# --- signals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signal:
    interview: InterviewFact
    overall: float
    mean_step: float
    peak_end: float


@dataclass(frozen=True)
class SignalSummary:
    rows: list[Signal]
    mean_step_error: float | None
    """Mean absolute difference between the overall score and the mean step score."""
    peak_end_error: float | None
    better: str | None
    """``"mean"``, ``"peak_end"``, ``"tie"`` or None without interviews."""


def signals(interviews: Sequence[InterviewFact]) -> SignalSummary:
    rows = [Signal(i, i.overall_score, i.mean_step_score, i.peak_end_score) for i in interviews]
    if not rows:
        return SignalSummary([], None, None, None)
    mean_error = statistics.fmean(abs(r.overall - r.mean_step) for r in rows)
    peak_error = statistics.fmean(abs(r.overall - r.peak_end) for r in rows)
    if round(mean_error, 2) == round(peak_error, 2):
        better = "tie"
    else:
        better = "mean" if mean_error < peak_error else "peak_end"
    return SignalSummary(rows, mean_error, peak_error, better)


def is_fragile_promoter(interview: InterviewFact) -> bool:
    """A promoter (:data:`PROMOTER_NPS`) who waved something away as normal or scored a
    step at or below :data:`FRAGILE_STEP_SCORE`."""
    return (
        interview.nps is not None
        and interview.nps >= PROMOTER_NPS
        and (interview.accepted_count > 0 or interview.lowest_score <= FRAGILE_STEP_SCORE)
    )


def advocacy_counts(interviews: Iterable[InterviewFact]) -> dict[str, int]:
    counts = Counter(i.advocacy for i in interviews if i.advocacy)
    return {kind: counts.get(kind, 0) for kind in ADVOCACY}


def nps_score(interviews: Iterable[InterviewFact]) -> tuple[int, int] | None:
    """(Net Promoter Score -100..100, n) over interviews that gave an NPS."""
    given = [i.nps for i in interviews if i.nps is not None]
    if not given:
        return None
    promoters = sum(score >= PROMOTER_NPS for score in given)
    detractors = sum(score <= DETRACTOR_NPS for score in given)
    return round(100 * (promoters - detractors) / len(given)), len(given)


# --- coverage and evidence ---------------------------------------------------------------------


def coverage(
    personas: Sequence[str], journeys: Sequence[str], interviews: Iterable[InterviewFact]
) -> dict[tuple[str, str], int]:
    counts = Counter((i.persona, i.journey) for i in interviews)
    return {(p, j): counts.get((p, j), 0) for p in personas for j in journeys}


@dataclass(frozen=True)
class Evidence:
    interviews: int
    variety: int
    """Distinct personas (for a stage) or distinct attribute values (for a persona)."""
    oldest: dt.date | None
    newest: dt.date | None
    stale: bool
    confidence: str
    """``"high"``, ``"medium"`` or ``"low"``: see :func:`confidence`."""


def confidence(interviews: int, variety: int) -> str:
    """High: 5+ interviews from 2+ personas or segments; medium: 3+; low: fewer."""
    if interviews >= 5 and variety >= 2:
        return "high"
    if interviews >= SMALL_SAMPLE:
        return "medium"
    return "low"


def evidence(
    interviews: Sequence[InterviewFact], variety: int, newest_overall: dt.date | None
) -> Evidence:
    span = date_range(interviews)
    oldest, newest = span if span else (None, None)
    stale = (
        newest is not None and newest_overall is not None and newest_overall - newest > STALE_AFTER
    )
    return Evidence(
        len(interviews), variety, oldest, newest, stale, confidence(len(interviews), variety)
    )


def stage_evidence(
    journey: Journey, interviews: Sequence[InterviewFact], newest_overall: dt.date | None
) -> list[Evidence]:
    result = []
    for stage in journey.stage_ids:
        at_stage = [i for i in interviews if any(step.stage == stage for step in i.steps)]
        result.append(evidence(at_stage, len({i.persona for i in at_stage}), newest_overall))
    return result
