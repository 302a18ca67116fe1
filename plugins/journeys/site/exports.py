"""How the site writes downloads: JSON and CSV, for analysts and workshops.

Each page kind builds its downloads from the same views as its pages (so they hold exactly
what the site publishes: figures of every interview, words of consenting ones only, never
a ``participant`` field) and writes them with these functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from journeys.analysis.aggregate import Stats
from journeys.content.durations import HumanDuration, read_duration
from journeys.site.labels import Labels


def stats(stats: Stats) -> dict[str, Any]:
    """Scores of a stage or persona; the mean at full precision (pages round it)."""
    return {
        "n": stats.n,
        "mean": stats.mean,
        "min": stats.low,
        "max": stats.high,
        "small_sample": stats.small,
    }


def period(period: tuple[dt.date, dt.date] | None) -> dict[str, str] | None:
    return {"from": period[0].isoformat(), "to": period[1].isoformat()} if period else None


def gap(value: HumanDuration | None, exact: dt.timedelta | None) -> dict[str, Any] | None:
    """A gap as the page shows it (``amount`` of ``unit``, rounded) and exactly, in
    ``seconds`` (negative when shorter than expected)."""
    if value is None or exact is None:
        return None
    return {
        "sign": value.sign,
        "amount": value.amount,
        "unit": value.unit,
        "seconds": exact.total_seconds(),
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


def stage_csv(
    rows: Sequence[tuple[str, str, str, Stats]], rounds: Sequence[str | None] = ()
) -> str:
    """One row per (journey, stage id, stage name, scores); the mean at full precision.
    With ``rounds`` (one per row: the id of the round its scores are from, None for every
    interview), a last column ``round``."""
    return csv_table(
        ["journey", "stage", "stage_name", "n", "mean", "min", "max", "small_sample"]
        + (["round"] if rounds else []),
        (
            [
                journey,
                stage,
                name,
                stats.n,
                stats.mean,
                stats.low,
                stats.high,
                stats.small,
                *([rounds[index]] if rounds else []),
            ]
            for index, (journey, stage, name, stats) in enumerate(rows)
        ),
    )


def csv_gap(gap: HumanDuration | None, t: Labels) -> str | None:
    """A gap as the page shows it, without a plus sign, which a spreadsheet reads as the
    start of a formula; a shorter gap keeps its minus sign, U+2212, which none does."""
    return None if gap is None else t.duration(gap).removeprefix("+")


def csv_duration(text: str | None, t: Labels) -> str | None:
    """A value as the page shows it when it is a duration (``2–3 days``), else nothing."""
    duration = read_duration(text)
    return None if duration is None else t.duration_text(duration)
