"""How much a finding rests on: coverage per persona and journey, and per stage or persona
its interviews, their variety, how old they are, and a confidence that agrees with the
coverage table."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from journeys.analysis.aggregate import SMALL_SAMPLE, date_range
from journeys.analysis.facts import InterviewFact
from journeys.content.model import Journey

STALE_AFTER_DAYS = 365
"""The default of the ``stale_after_days`` option."""


def coverage(
    personas: Sequence[str], journeys: Sequence[str], interviews: Iterable[InterviewFact]
) -> dict[tuple[str, str], int]:
    """Interviews per (persona, journey); a cell under :data:`SMALL_SAMPLE` asks for more."""
    counts = Counter((i.persona, i.journey) for i in interviews)
    return {(p, j): counts.get((p, j), 0) for p in personas for j in journeys}


@dataclass(frozen=True)
class Staleness:
    """When evidence is stale: its newest interview is more than ``after_days`` days before
    the day the site is built."""

    build_date: dt.date
    after_days: int = STALE_AFTER_DAYS

    def is_stale(self, newest: dt.date | None) -> bool:
        return newest is not None and (self.build_date - newest).days > self.after_days


@dataclass(frozen=True)
class Evidence:
    interviews: int
    variety: int
    """Distinct personas (for a stage) or segments (for a persona)."""
    oldest: dt.date | None
    newest: dt.date | None
    stale: bool
    confidence: str
    """``"high"``, ``"medium"`` or ``"low"``: see :func:`confidence`."""


def confidence(interviews: int, per_group: Sequence[int], variety: int) -> str:
    """Low: fewer than :data:`SMALL_SAMPLE` interviews (for a stage: interviews with a step
    at it). High: every group (each persona of the study, with its interviews at the stage,
    for a stage; each journey of the study, for a persona) has :data:`SMALL_SAMPLE` or more,
    so no coverage cell behind it asks for more interviews, and they come from 2 or more
    personas or segments (``variety``). Medium otherwise."""
    if interviews < SMALL_SAMPLE:
        return "low"
    if per_group and min(per_group) >= SMALL_SAMPLE and variety >= 2:
        return "high"
    return "medium"


def evidence(
    interviews: Sequence[InterviewFact],
    variety: int,
    per_group: Sequence[int],
    staleness: Staleness,
) -> Evidence:
    span = date_range(interviews)
    oldest, newest = span if span else (None, None)
    return Evidence(
        len(interviews),
        variety,
        oldest,
        newest,
        staleness.is_stale(newest),
        confidence(len(interviews), per_group, variety),
    )


def stage_evidence(
    journey: Journey,
    interviews: Sequence[InterviewFact],
    personas: Sequence[str],
    staleness: Staleness,
) -> list[Evidence]:
    """Per stage: the interviews that reached it, from which of the study's ``personas``."""
    result = []
    for stage in journey.stage_ids:
        at_stage = [i for i in interviews if any(step.stage == stage for step in i.steps)]
        per_persona = Counter(i.persona for i in at_stage)
        result.append(
            evidence(
                at_stage,
                len(per_persona),
                [per_persona.get(persona, 0) for persona in personas],
                staleness,
            )
        )
    return result
