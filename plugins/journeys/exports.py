"""Each journey's and persona's aggregated data as JSON and CSV, for analysts and workshops.

Built from the same views as the pages, so they hold exactly what the site publishes:
figures of every interview, words of consenting ones only, never a ``participant`` field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from typing import Any

from journeys.aggregate import Stats
from journeys.durations import HumanDuration
from journeys.views import ExpectationRow, JourneyView, PersonaView


def _stats(stats: Stats) -> dict[str, Any]:
    return {
        "n": stats.n,
        "mean": _round(stats.mean),
        "min": stats.low,
        "max": stats.high,
        "small_sample": stats.small,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _period(period: tuple[dt.date, dt.date] | None) -> dict[str, str] | None:
    return {"from": period[0].isoformat(), "to": period[1].isoformat()} if period else None


def _gap(value: HumanDuration | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"sign": value.sign, "amount": value.amount, "unit": value.unit}


def _expectation(row: ExpectationRow) -> dict[str, Any]:
    step = row.moment.step
    return {
        "interview": row.moment.interview.key,
        "persona": row.moment.interview.persona,
        "stage": row.moment.stage.id,
        "expected": step.expected,
        "actual": step.actual,
        "realistic": step.realistic,
        "gap_vs_expected": _gap(row.expected_gap),
        "gap_vs_realistic": _gap(row.realistic_gap),
        "score": step.score,
    }


def journey_data(view: JourneyView) -> dict[str, Any]:
    journey = view.journey
    return {
        "journey": journey.slug,
        "title": journey.title,
        "goal": journey.goal,
        "interviews": len(view.interviews),
        "personas": [persona.slug for persona in view.personas],
        "period": _period(view.period),
        "stages": [
            {
                "id": column.stage.id,
                "name": column.stage.name,
                "scores": _stats(column.stats),
                "fell_short": {"steps": column.shortfall[0], "compared": column.shortfall[1]},
                "peaks": column.peak_count,
                "accepted_as_normal": column.accepted_count,
                "touchpoints": [
                    {
                        "id": use.id or None,
                        "name": use.name or None,
                        "mentions": use.mentions,
                        "inventoried": use.inventoried,
                        "unnamed": use.unnamed,
                    }
                    for use in column.touchpoints
                ],
            }
            for column in view.columns
        ],
        "per_persona": {
            persona: [_stats(stats) for stats in per_stage] for persona, per_stage in view.persona_curves.items()
        },
        "expectations": [_expectation(row) for row in view.expectations],
        "opportunities": [
            {
                "title": opportunity.title,
                "stage": column.stage.id,
                "owner": opportunity.owner,
                "metric": opportunity.metric,
                "evidence": opportunity.evidence,
            }
            for column in view.columns
            for opportunity in column.opportunities
        ],
    }


def persona_data(view: PersonaView) -> dict[str, Any]:
    return {
        "persona": view.persona.slug,
        "name": view.persona.name,
        "summary": view.persona.summary,
        "attributes": view.persona.attributes,
        "interviews": len(view.interviews),
        "period": _period(view.period),
        "overall_score": _stats(view.overall),
        "mean_step_score": _stats(view.mean_step),
        "nps": {"score": view.nps[0], "n": view.nps[1]} if view.nps else None,
        "advocacy": view.advocacy,
        "journeys": {
            journey.slug: [
                {"stage": stage.id, "name": stage.name, "scores": _stats(stats)}
                for stage, stats in zip(journey.stages, per_stage)
            ]
            for journey, per_stage in view.curves
        },
        "touchpoints": [{"name": name, "mentions": count} for name, count in view.touchpoints]
        + ([{"name": None, "mentions": view.unnamed_touchpoints, "unnamed": True}] if view.unnamed_touchpoints else []),
        "evidence": {
            "interviews": view.evidence.interviews,
            "confidence": view.evidence.confidence,
            "stale": view.evidence.stale,
        },
    }


def to_json(data: dict[str, Any]) -> str:
    """JSON with ``<``, ``>`` and ``&`` escaped (the same data once parsed), so no text
    from research notes can ever act as markup, whatever a server or viewer makes of it."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def spreadsheet_text(value: str) -> str:
    """Free text for a CSV cell: a leading ``=``, ``+``, ``-`` or ``@`` would make
    spreadsheets run it as a formula, so such text starts with an apostrophe."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def stage_csv(rows: Sequence[tuple[str, str, str, Stats]]) -> str:
    """One row per (journey, stage id, stage name, scores)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["journey", "stage", "stage_name", "n", "mean", "min", "max", "small_sample"])
    for journey, stage, name, stats in rows:
        writer.writerow(
            [journey, stage, spreadsheet_text(name), stats.n, "" if stats.mean is None else f"{stats.mean:.2f}",
             "" if stats.low is None else stats.low, "" if stats.high is None else stats.high,
             str(stats.small).lower()]
        )
    return buffer.getvalue()


def journey_csv(view: JourneyView) -> str:
    return stage_csv([(view.journey.slug, c.stage.id, c.stage.name, c.stats) for c in view.columns])


def persona_csv(view: PersonaView) -> str:
    return stage_csv(
        [
            (journey.slug, stage.id, stage.name, stats)
            for journey, per_stage in view.curves
            for stage, stats in zip(journey.stages, per_stage)
        ]
    )
