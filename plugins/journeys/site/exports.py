"""Each journey's and persona's aggregated data as JSON and CSV, for analysts and workshops.

Built from the same views as the pages, so they hold exactly what the site publishes:
figures of every interview, words of consenting ones only, never a ``participant`` field.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from journeys.analysis.aggregate import Stats
from journeys.content.durations import HumanDuration
from journeys.site.labels import Labels
from journeys.site.views import ExpectationRow, JourneyView, PersonaView


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
    from research notes can ever act as markup, whatever a server or viewer makes of it.
    ``NaN`` and ``Infinity`` are not JSON: the loader refuses them, and they raise here."""
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""What makes a spreadsheet read a cell as a formula: ``=``, ``+``, ``-``, ``@``, a tab
or a line break first, or their full-width forms (some Excel versions read those too)."""


def spreadsheet_text(value: str) -> str:
    """A CSV cell: one starting like a formula starts with an apostrophe instead, so a
    spreadsheet shows it as text and never runs it."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


Cell = str | int | float | bool | None


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_text(value if isinstance(value, str) else str(value))


def csv_table(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The one CSV writer of the site: every cell, whatever its column (the header too),
    goes through :func:`spreadsheet_text`. Numbers go through it as well: those the site
    computes are never negative (counts, grades of 1 to 10, their means), so it never
    changes one."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_cell(name) for name in header])
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def stage_csv(rows: Sequence[tuple[str, str, str, Stats]]) -> str:
    """One row per (journey, stage id, stage name, scores)."""
    return csv_table(
        ["journey", "stage", "stage_name", "n", "mean", "min", "max", "small_sample"],
        (
            [journey, stage, name, stats.n, None if stats.mean is None else f"{stats.mean:.2f}",
             stats.low, stats.high, stats.small]
            for journey, stage, name, stats in rows
        ),
    )


def expectations_csv(view: JourneyView, t: Labels, persona_name: Callable[[str], str]) -> str:
    """The expectations-vs-reality table of a journey, one row per step with an expectation."""
    return csv_table(
        [t(key) for key in ("stage", "expected", "actual", "realistic", "gap_expected", "gap_realistic", "score",
                            "persona", "interview")],
        (
            [
                row.moment.stage.name,
                row.moment.step.expected,
                row.moment.step.actual,
                row.moment.step.realistic,
                _csv_gap(row.expected_gap, t),
                _csv_gap(row.realistic_gap, t),
                t.score(row.moment.step.score),
                persona_name(row.moment.interview.persona),
                row.moment.interview.key,
            ]
            for row in view.expectations
        ),
    )


def _csv_gap(gap: HumanDuration | None, t: Labels) -> str | None:
    """A gap as the page shows it, without a plus sign, which a spreadsheet reads as the
    start of a formula; a shorter gap keeps its minus sign, U+2212, which none does."""
    return None if gap is None else t.duration(gap).removeprefix("+")


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
