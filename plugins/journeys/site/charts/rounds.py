"""A journey's rounds on the emotion chart: one mean curve per round in place of the one mean
line. The latest is drawn as that line is (bold, in the text's colour); earlier rounds are
lighter and dashed, each with a marker of its own, so they differ without colour. Each
round's legend entry says its name and n, and under it what changed before it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from journeys.site.charts.data import RoundLines
from journeys.site.charts.layout import (
    DETAIL_WIDTH,
    LEGEND_LABEL_MAX,
    LEGEND_SIZE,
    Entry,
    LegendBlock,
)
from journeys.site.charts.style import DASHES, HALO, INK, MARKERS, MUTED
from journeys.site.charts.text import clean, shorten, wrap_width

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes

CHANGE_LINES = 3
"""The most lines a round's change takes in the legend; a longer one ends in ``…``."""

LATEST_STYLE: dict[str, Any] = {
    "color": INK,
    "linestyle": "solid",
    "linewidth": 2.6,
    "marker": "o",
    "markersize": 7.0,
    "markeredgecolor": HALO,
    "markeredgewidth": 1.2,
}


def earlier_style(earlier: int) -> dict[str, Any]:
    """The style of the ``earlier``-th round before the latest (0 for the oldest): lighter,
    dashed, and a marker of its own (those after the latest one's solid line and circle)."""
    index = 1 + earlier % (len(DASHES) - 1)
    return {
        "color": MUTED,
        "linestyle": DASHES[index],
        "linewidth": 1.8,
        "marker": MARKERS[index],
        "markersize": 5.5,
        "markeredgecolor": HALO,
        "markeredgewidth": 0.9,
    }


def _styles(rounds: RoundLines) -> list[dict[str, Any]]:
    styles: list[dict[str, Any]] = []
    for line in rounds.lines:
        styles.append(LATEST_STYLE if line.latest else earlier_style(len(styles)))
    return styles


def draw_rounds(ax: Axes, rounds: RoundLines) -> bool:
    """Draw each round's curve (the latest last, on top); return whether any was drawn."""
    from matplotlib.lines import Line2D

    drawn = False
    for order, (line, style) in enumerate(zip(rounds.lines, _styles(rounds))):
        if not line.points:
            continue
        drawn = True
        ax.add_line(
            Line2D(
                [float(x) for x, _ in line.points],
                [float(y) for _, y in line.points],
                zorder=(5.5 if line.latest else 4.5) + order * 1e-4,
                **style,
            )
        )
    return drawn


def round_block(rounds: RoundLines) -> LegendBlock:
    """The legend entries of the rounds drawn, under the rounds' heading: name and n, and
    the change wrapped under them."""
    entries = []
    for line, style in zip(rounds.lines, _styles(rounds)):
        if not line.points:
            continue
        name = shorten(clean(line.label), LEGEND_LABEL_MAX)
        note = clean(line.note)
        change = wrap_width(line.change, LEGEND_SIZE, DETAIL_WIDTH, CHANGE_LINES)
        entries.append(Entry(f"{name} {note}" if note else name, line=style, detail=tuple(change)))
    return LegendBlock(rounds.heading, entries)
