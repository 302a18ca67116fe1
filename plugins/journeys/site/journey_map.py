"""A journey's map: one column per stage, read across in lanes (what people did, the
touchpoints, thinking and feeling, the emotion curve, pain points, expectations vs reality,
opportunities).

Each published step of a stage is listed once in its column: a step scored
:data:`PAIN_SCORE` or lower, or accepted as normal, is a pain point, any other is in what
people did; a peak and "accepted as normal" are marks on the step, not copies of it. A lane
shows its first :data:`LANE_SHOWN` items, folds the rest (up to :data:`LANE_LIMIT`) behind
"N more" on the page, and counts any beyond that (the interview pages list every step).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from journeys.analysis import aggregate
from journeys.analysis.aggregate import Stats, TouchpointUse, Verdicts
from journeys.analysis.facts import InterviewFact, StepFact
from journeys.content.model import Journey, Stage, Step
from journeys.content.rounding import half_up
from journeys.site.data import ExpectationRow, Moment, SiteData

PAIN_SCORE = 4.0
"""A step scored this low or lower is a pain point."""
LANE_SHOWN = 1
"""Items a lane shows in a stage's column before "N more"."""
LANE_LIMIT = 12
"""Items of one lane and stage on the page (shown and folded); the rest are counted."""
TOUCHPOINTS_SHOWN = 3
"""Touchpoints a stage's column shows before "N more" (all of them are on the page)."""
TABLE_SHOWN = 6
"""Rows of the expectations table shown before "N more rows" (the page holds
:data:`journeys.site.data.TABLE_LIMIT`, the CSV every row)."""
FEELINGS_SHOWN = 8
"""Feeling words per stage, most named first."""

Item = TypeVar("Item")


@dataclass(frozen=True)
class Lane(Generic[Item]):
    """One lane's items in one stage's column."""

    shown: list[Item]
    folded: list[Item]
    """Behind "N more", opened in place."""
    beyond: int = 0
    """Not on the page: the interview pages list them."""
    withheld: int = 0
    """Counted in the figures, from interviews whose words are not published."""
    withheld_interviews: int = 0
    """How many interviews the ``withheld`` items come from."""


def lane(
    items: Sequence[Item],
    withheld: Sequence[Sequence[StepFact]] = (),
    shown: int = LANE_SHOWN,
    limit: int = LANE_LIMIT,
) -> Lane[Item]:
    """The first ``shown`` items, then up to ``limit`` in all folded, the rest counted;
    ``withheld``: per interview whose words are not published, its steps in this lane."""
    on_page = list(items[:limit])
    return Lane(
        on_page[:shown],
        on_page[shown:],
        len(items) - len(on_page),
        sum(len(steps) for steps in withheld),
        sum(bool(steps) for steps in withheld),
    )


def is_pain(step: Step | StepFact) -> bool:
    return step.score <= PAIN_SCORE or step.accepted


@dataclass(frozen=True)
class MapTouchpoint:
    use: TouchpointUse
    kind: str | None
    """human, digital, physical or self, from the journey's touchpoint inventory."""


@dataclass(frozen=True)
class OpportunityView:
    number: int
    """1-based, in the journey's order: its anchor on the page."""
    title: str
    owner: str | None
    metric: str | None
    evidence: list[str]


@dataclass(frozen=True)
class CurvePoint:
    """A stage's mean and spread on the map's curve, in thousandths of the 1..10 scale."""

    mean: int
    low: int
    high: int


def per_mille(score: float) -> int:
    """Where ``score`` sits on the 1..10 scale, in whole thousandths (half up, as the site
    rounds every number)."""
    return int(half_up((score - 1) / 9 * 1000, 0))


@dataclass(frozen=True)
class StageColumn:
    stage: Stage
    stats: Stats
    curve: CurvePoint | None
    doings: Lane[Moment]
    """Steps that are not pain points, peaks first."""
    pains: Lane[Moment]
    """Steps scored :data:`PAIN_SCORE` or lower or accepted as normal, lowest first."""
    quotes: Lane[Moment]
    """Peaks first, then the lowest scored."""
    feelings: list[tuple[str, int]]
    touchpoints: list[MapTouchpoint]
    """Every touchpoint used at this stage, most mentioned first (the JSON export)."""
    peak_interviews: int
    """Interviews with a peak moment at this stage (consenting or not)."""
    peak_moments: int
    accepted_interviews: int
    """Interviews with something accepted as normal at this stage."""
    accepted_moments: int
    verdicts: Verdicts
    expectations: Lane[ExpectationRow]
    """This stage's rows of the expectations table, biggest gap first, all folded: the
    column shows the stage's verdicts, the table below the map its biggest gaps."""
    opportunities: list[OpportunityView]

    @property
    def touchpoint_lane(self) -> Lane[MapTouchpoint]:
        """The touchpoints lane: the first few, the rest behind "N more"."""
        return lane(self.touchpoints, shown=TOUCHPOINTS_SHOWN, limit=len(self.touchpoints))


def stage_columns(
    data: SiteData, journey: Journey, facts: Sequence[InterviewFact], rows: list[ExpectationRow]
) -> list[StageColumn]:
    moments = data.moments(journey=journey.slug)
    per_stage = aggregate.stage_stats(journey, facts)
    verdicts = aggregate.stage_verdicts(journey, facts)
    opportunities = opportunity_views(journey)
    columns = []
    for index, stage in enumerate(journey.stages):
        at_stage = [m for m in moments if m.step.stage == stage.id]
        withheld = [
            [step for step in fact.steps if step.stage == stage.id]
            for fact in data.withheld_interviews(journey.slug)
        ]
        steps = aggregate.steps_at(stage.id, facts)
        stats = per_stage[index]
        columns.append(
            StageColumn(
                stage=stage,
                stats=stats,
                curve=curve_point(stats),
                doings=lane(
                    sorted(
                        (m for m in at_stage if not is_pain(m.step)), key=lambda m: not m.step.peak
                    ),
                    withheld=[[s for s in steps if not is_pain(s)] for steps in withheld],
                ),
                pains=lane(
                    sorted((m for m in at_stage if is_pain(m.step)), key=lambda m: m.step.score),
                    withheld=[[s for s in steps if is_pain(s)] for steps in withheld],
                ),
                quotes=lane(sorted((m for m in at_stage if m.step.quote), key=intensity)),
                feelings=feelings(at_stage),
                touchpoints=map_touchpoints(journey, facts, stage.id),
                peak_interviews=interviews_with(stage.id, facts, lambda s: s.peak),
                peak_moments=sum(step.peak for step in steps),
                accepted_interviews=interviews_with(stage.id, facts, lambda s: s.accepted),
                accepted_moments=sum(step.accepted for step in steps),
                verdicts=verdicts[index],
                expectations=lane(
                    [row for row in rows if row.moment.stage.id == stage.id], shown=0
                ),
                opportunities=[o for stage_id, o in opportunities if stage_id == stage.id],
            )
        )
    return columns


def intensity(moment: Moment) -> tuple[bool, float]:
    """Sort key: a peak first, then the lowest score."""
    return (not moment.step.peak, moment.step.score)


def curve_point(stats: Stats) -> CurvePoint | None:
    if stats.mean is None or stats.low is None or stats.high is None:
        return None
    return CurvePoint(per_mille(stats.mean), per_mille(stats.low), per_mille(stats.high))


def curve_path(columns: Sequence[StageColumn]) -> str:
    """The mean line across the map as an SVG path in a ``10k × 1000`` box (k stages, each
    10 wide, its mean at its centre; 1000 is the top, a 10): a new segment after a stage
    nobody reached. Whole numbers only, so the path is plain text in any language."""
    commands = []
    pen_down = False
    for index, column in enumerate(columns):
        if column.curve is None:
            pen_down = False
            continue
        commands.append(f"{'L' if pen_down else 'M'}{index * 10 + 5} {1000 - column.curve.mean}")
        pen_down = True
    return "".join(commands)


def feelings(moments: Sequence[Moment]) -> list[tuple[str, int]]:
    counts = Counter(" ".join(m.step.feeling.lower().split()) for m in moments if m.step.feeling)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FEELINGS_SHOWN]


def interviews_with(
    stage: str, facts: Sequence[InterviewFact], where: Callable[[StepFact], bool]
) -> int:
    return len(aggregate.interviews_at(stage, facts, where))


def map_touchpoints(
    journey: Journey, facts: Sequence[InterviewFact], stage: str
) -> list[MapTouchpoint]:
    kinds = {tp.id: tp.kind for tp in journey.touchpoints}
    return [
        MapTouchpoint(use, kinds.get(use.id) if use.inventoried else None)
        for use in aggregate.touchpoint_use(journey, facts, stage)
    ]


def opportunity_views(journey: Journey) -> list[tuple[str, OpportunityView]]:
    """Each opportunity with its stage id, numbered in the journey's order."""
    return [
        (
            o.stage,
            OpportunityView(number, o.title, o.owner, o.metric, list(dict.fromkeys(o.evidence))),
        )
        for number, o in enumerate(journey.opportunities, start=1)
    ]
