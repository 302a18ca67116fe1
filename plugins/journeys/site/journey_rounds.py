"""A journey's rounds in its emotion graph, its expectations table and its downloads.

The graph draws one mean curve per round (a journey with two or more rounds) from the same
figures as the page's "Before and after" (:mod:`journeys.analysis.rounds`); the table and
the downloads give each interview's round (:func:`interview_rounds`), the downloads only
when the journey has rounds, so a journey without them gets the files it always got.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from journeys.analysis.aggregate import SMALL_SAMPLE, Stats, stage_stats
from journeys.analysis.facts import InterviewFact
from journeys.analysis.rounds import BeforeAndAfter, RoundFigures, facts_per_round
from journeys.content.model import Journey, Round
from journeys.site import charts, exports
from journeys.site.labels import Labels
from journeys.site.render import mean_points


def interview_rounds(journey: Journey, facts: Sequence[InterviewFact]) -> dict[str, Round]:
    """Interview key -> the round it belongs to; empty when the journey has no rounds."""
    by_id = {item.id: item for item in journey.rounds}
    return {fact.key: by_id[fact.round] for fact in facts if fact.round in by_id}


def round_name(rounds: Mapping[str, Round], key: str) -> str | None:
    """The name of the round of the interview ``key`` (None when it is in none)."""
    found = rounds.get(key)
    return found.name if found else None


def latest(compared: BeforeAndAfter) -> RoundFigures | None:
    """The round the graph emphasises: the latest with interviews."""
    return next((figures for figures in reversed(compared.rounds) if figures.interviews), None)


def chart_lines(compared: BeforeAndAfter | None, t: Labels) -> tuple[charts.RoundLines, ...]:
    """What the emotion graph takes besides its stages and lines: each round's mean curve,
    oldest first, for a journey with two or more rounds; nothing for any other."""
    if compared is None:
        return ()
    emphasised = latest(compared)
    lines = tuple(
        charts.RoundLine(
            figures.round.name,
            t.sample(figures.interviews, figures.interviews < SMALL_SAMPLE),
            t("round_what_changed", change=figures.round.change) if figures.round.change else "",
            mean_points(figures.stages),
            latest=figures is emphasised,
        )
        for figures in compared.rounds
        if figures.interviews
    )
    return (charts.RoundLines(t("chart_rounds"), lines),)


def rounds_data(journey: Journey, facts: Sequence[InterviewFact]) -> dict[str, Any]:
    """The JSON's ``rounds`` (each round with its dates, what changed, its interviews and
    their scores per stage), for a journey with rounds; nothing for one without."""
    if not journey.rounds:
        return {}
    return {
        "rounds": [
            {
                "id": item.id,
                "name": item.name,
                "from": item.from_.isoformat(),
                "to": item.to.isoformat() if item.to else None,
                "change": item.change,
                "interviews": len(members),
                "interview_keys": [fact.key for fact in members],
                "stages": [
                    {"id": stage, "scores": exports.stats(stats)}
                    for stage, stats in zip(journey.stage_ids, stage_stats(journey, members))
                ],
            }
            for item, members in facts_per_round(journey, facts)
        ]
    }


def stage_rows(
    journey: Journey, facts: Sequence[InterviewFact], pooled: Sequence[Stats]
) -> tuple[list[tuple[str, str, str, Stats]], list[str | None]]:
    """The stages CSV's rows: each stage over every interview (``pooled``), then, for a
    journey with rounds, each stage in each round; and the round of each row (None: all
    rounds together), or no rounds at all for a journey without them."""
    parts: list[tuple[str | None, Sequence[Stats]]] = [(None, pooled)]
    if journey.rounds:
        parts += [
            (item.id, stage_stats(journey, members))
            for item, members in facts_per_round(journey, facts)
        ]
    rows = []
    rounds: list[str | None] = []
    for round_id, per_stage in parts:
        for stage, stats in zip(journey.stages, per_stage):
            rows.append((journey.slug, stage.id, stage.name, stats))
            rounds.append(round_id)
    return rows, rounds if journey.rounds else []
