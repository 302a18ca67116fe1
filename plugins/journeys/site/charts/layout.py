"""Where things go on a chart: the axes with their stage and score labels, and the legend.

The plot keeps fixed margins, set as shares of the chart's width (:data:`PLOT_LEFT_SHARE`,
:data:`PLOT_RIGHT_SHARE`) so a page can line its columns up with the plot at any size, and
each of the k stages is centred in one of k equal columns across the plot (:data:`X_AIR`):
stage ``i`` sits at ``PLOT_LEFT + (W - PLOT_LEFT - PLOT_RIGHT) * (i + 0.5) / k``. Only stage
names too long for their column (many stages at the least font size) push the margins out.

The layout is computed here rather than by matplotlib's constrained or tight layout: those
draw the whole figure once more just to measure it, which doubles the cost. All text is
measured in DejaVu Sans (bundled with matplotlib), so the sums below are exact and the same
on every machine. Lengths are in points (one SVG user unit, see :mod:`.canvas`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journeys.site.charts.canvas import points
from journeys.site.charts.data import ChartText, StageSummary
from journeys.site.charts.style import FIGSIZE, GRID, INK, MUTED, SPINE
from journeys.site.charts.text import clean, count_label, shorten, text_width, wrap

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

W = FIGSIZE[0] * 72
H = FIGSIZE[1] * 72  # the least height; a long legend adds to it
PLOT_HEIGHT = 185.0  # the least height of the plot itself
PAD = 10.0  # inside the chart's edge
PLOT_LEFT_SHARE = 0.05  # of the width, left of the plot: the scores 1..10 sit in it
PLOT_RIGHT_SHARE = 0.015
PLOT_LEFT = PLOT_LEFT_SHARE * W  # 32.4 points (45 px of a 900 px chart)
PLOT_RIGHT = PLOT_RIGHT_SHARE * W  # 9.72 points (13.5 px)
X_AIR = 0.5  # stage units before the first stage and after the last: half a column
SCORE_GAP = 6.0  # between a score and the plot
TICK = 4.0  # the small marks under each stage
GAP = 3.0
LEGEND_SIZE = 9.0
LEGEND_SPACING = 0.5  # between rows, in font sizes (matplotlib's default)
HANDLE_LENGTH = 2.6  # in font sizes
HANDLE_PAD = 0.8  # between handle and text, in font sizes (matplotlib's default)
COLUMN_SPACING = 1.6  # in font sizes
LINE_SPACING = 1.15  # DejaVu's ascent + descent is exactly one em
Y_SIZE = 9.0  # the scores and the caption saying what they mean
LEGEND_LABEL_MAX = 36  # a series label (a persona's name) in the legend
EXPLANATION_MAX = 72  # the site's own words: the score caption and what the legend explains
DETAIL_WIDTH = W - 2 * PAD - (HANDLE_LENGTH + HANDLE_PAD) * LEGEND_SIZE
"""How wide the detail lines under a legend entry's label may be, in points."""


@dataclass(frozen=True)
class Frame:
    """Where the axes go and how much room the stage labels under them take."""

    left: float
    right: float
    labels: float  # height from the axes' bottom edge to the bottom of the counts row
    caption: float  # height of the score caption above the plot


def setup_axes(fig: Figure, ax: Axes, stages: Sequence[StageSummary], text: ChartText) -> Frame:
    """Fixed axes without matplotlib ticks (cheaper): y 1..10 with light gridlines at each
    integer, what 1 and 10 mean above the plot, x the stages with their wrapped names and,
    in a row below, their counts."""
    k = len(stages)
    ax.set_autoscale_on(False)
    ax.set_xlim(-X_AIR, max(k, 1) - 1 + X_AIR)
    ax.set_ylim(0.6, 10.4)  # 1..10, with air so markers at 1 and 10 are not cut in half
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_bounds(1, 10)
    _score_axis(fig, ax)
    caption = _score_caption(fig, text)
    return _stage_axis(fig, ax, stages, text, caption)


def _score_axis(fig: Figure, ax: Axes) -> None:
    """Gridlines and the scores 1..10 left of the plot."""
    from matplotlib.transforms import offset_copy

    ax.hlines(
        range(1, 11),
        0,
        1,
        transform=ax.get_yaxis_transform(),
        colors=GRID,
        linewidth=0.7,
        zorder=0.5,
    )
    scores = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-SCORE_GAP, units="points")
    for value in range(1, 11):
        ax.text(0, value, str(value), transform=scores, ha="right", va="center", fontsize=Y_SIZE)


def _score_caption(fig: Figure, text: ChartText) -> float:
    """What the scores mean, on one line above the plot from the chart's left edge; returns
    the height it takes (0 without words)."""
    from matplotlib.transforms import offset_copy

    caption = shorten(clean(text.score_axis), EXPLANATION_MAX)
    if not caption:
        return 0.0
    # From the figure's top-left corner, so it stays there when `place` sets the height.
    top_left = offset_copy(fig.transFigure, fig=fig, x=PAD, y=-PAD, units="points")
    fig.text(0, 1, caption, transform=top_left, ha="left", va="top", fontsize=Y_SIZE, color=MUTED)
    return Y_SIZE * LINE_SPACING


def _name_size(names: list[list[str]]) -> tuple[float, float, float]:
    """The font size of the stage names, shrunk when many stages share the width so
    neighbours never touch, and the room left and right of the axes (the margins, unless
    a first or last name too long for its column reaches past them)."""
    k = len(names)
    widths = [max((text_width(line, 10.0) for line in lines), default=0.0) for lines in names]
    span = max(k, 1) - 1 + 2 * X_AIR  # x units across the axes
    per_stage = (W - PLOT_LEFT - PLOT_RIGHT) / span
    size = max(7.0, min(10.0, 10.0 * 0.9 * per_stage / max(max(widths, default=1.0), 1.0)))
    if not k:
        return size, PLOT_LEFT, PLOT_RIGHT
    left = max(PLOT_LEFT, PAD + widths[0] * size / 20 - X_AIR * per_stage)
    right = max(PLOT_RIGHT, PAD + widths[-1] * size / 20 - X_AIR * per_stage)
    return size, left, right


def _stage_axis(
    fig: Figure, ax: Axes, stages: Sequence[StageSummary], text: ChartText, caption: float
) -> Frame:
    """A tick, the wrapped name and, below it, the count of each stage (and "small sample"
    under a small one's); no counts row when no stage has a count."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    k = len(stages)
    names = [wrap(stage.name) for stage in stages]
    size, left, right = _name_size(names)
    ax.add_line(
        Line2D(
            range(k),
            [0] * k,
            transform=ax.get_xaxis_transform(),
            linestyle="none",
            marker=3,
            markersize=TICK,
            markeredgewidth=0.8,
            color=SPINE,
            clip_on=False,
        )
    )
    below = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-(TICK + GAP), units="points")
    _under_ticks(ax, names, below, size)
    name_height = max((len(lines) for lines in names), default=0) * LINE_SPACING * size
    count_size = max(7.0, size - 1.0)
    count_top = TICK + GAP + name_height + GAP
    counts = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-count_top, units="points")
    count_lines = [_count_lines(stage, text) for stage in stages]
    _under_ticks(ax, count_lines, counts, count_size, color=MUTED)
    rows = max((len(lines) for lines in count_lines), default=0)
    if not rows:
        return Frame(left, right, labels=TICK + GAP + name_height, caption=caption)
    height = count_size + (rows - 1) * LINE_SPACING * count_size
    return Frame(left, right, labels=count_top + height, caption=caption)


def _under_ticks(
    ax: Axes, texts: Sequence[Sequence[str]], transform: Any, size: float, color: str | None = None
) -> None:
    """Each stage's lines of text, centred under its tick (none for a stage without)."""
    for i, lines in enumerate(texts):
        if lines:
            ax.text(
                i,
                0,
                "\n".join(lines),
                transform=transform,
                ha="center",
                va="top",
                multialignment="center",
                fontsize=size,
                linespacing=LINE_SPACING,
                color=color,
            )


def _count_lines(stage: StageSummary, text: ChartText) -> list[str]:
    """The count under a stage and, for a small sample, the words that say so."""
    if stage.n is None:
        return []
    return [count_label(text.n, stage.n)] + (wrap(text.small) if stage.small and stage.n else [])


def place(fig: Figure, ax: Axes, frame: Frame, legend_height: float) -> None:
    """Size the figure and put the axes in it. The plot keeps its height whatever the
    legend needs: a legend of more than two rows makes the card taller instead."""
    below = frame.labels + (PAD + legend_height + 4 * GAP if legend_height else PAD)
    top = PAD + (frame.caption + 2 * GAP if frame.caption else 2.0)
    plot = max(PLOT_HEIGHT, H - top - below)
    height = top + plot + below
    fig.set_size_inches(W / 72, height / 72)
    width = W - frame.left - frame.right
    ax.set_position((frame.left / W, below / height, width / W, plot / height))


@dataclass(frozen=True)
class Entry:
    """One legend entry: a sample of how something is drawn, and its label."""

    label: str
    line: dict[str, Any] | None = None  # Line2D properties of a line sample
    marker: dict[str, Any] | None = None  # Line2D properties of a single marker
    patch: dict[str, Any] | None = None  # Rectangle properties of a filled swatch
    detail: tuple[str, ...] = ()  # lines under the label, in the muted colour


@dataclass(frozen=True)
class Detail:
    """A line under an entry's label (:attr:`Entry.detail`)."""

    text: str


@dataclass(frozen=True)
class LegendBlock:
    """Legend entries that belong together, under a heading that says what they have in
    common (``""`` for none)."""

    heading: str
    entries: Sequence[Entry]


def legend(fig: Figure, blocks: Sequence[LegendBlock]) -> float:
    """Draw the legend along the chart's bottom: block after block, each its heading on a row
    of its own and then its entries, centred, in as many columns as fit, read row by row.
    Returns its height in points (0 without entries).

    Drawn from plain lines, rectangles and texts rather than with matplotlib's legend,
    whose nested layout boxes measure every label several times: a third of the cost of a
    chart for the same picture.
    """
    rows = [row for block in blocks for row in _legend_rows(block)]
    row_height = (1 + LEGEND_SPACING) * LEGEND_SIZE
    height = len(rows) * row_height
    to_figure = points(fig)
    for index, row in enumerate(rows):
        y = PAD + height - (index + 0.5) * row_height  # the row's middle
        for item, x in row:
            if isinstance(item, Entry):
                _draw_entry(fig, item, x, y, to_figure)
            elif isinstance(item, Detail):
                fig.text(
                    x,
                    y,
                    item.text,
                    ha="left",
                    va="center_baseline",
                    fontsize=LEGEND_SIZE,
                    color=MUTED,
                    transform=to_figure,
                )
            else:
                fig.text(
                    x,
                    y,
                    item,
                    ha="left",
                    va="center_baseline",
                    fontsize=LEGEND_SIZE,
                    color=INK,
                    transform=to_figure,
                )
    return height


def _legend_rows(block: LegendBlock) -> list[list[tuple[Entry | Detail | str, float]]]:
    """The rows of one block: its heading (if it has entries), then its entries in columns
    (one column when an entry has detail lines, each on a row of its own under the label);
    each thing with the x where it starts."""
    if not block.entries:
        return []
    size = LEGEND_SIZE
    sample = HANDLE_LENGTH * size
    label_start = sample + HANDLE_PAD * size
    widths = [
        label_start + max(text_width(line, size) for line in (e.label, *e.detail))
        for e in block.entries
    ]
    detailed = any(entry.detail for entry in block.entries)
    starts = _column_starts(widths, gap=COLUMN_SPACING * size, most=1 if detailed else 6)
    rows: list[list[tuple[Entry | Detail | str, float]]] = []
    heading = shorten(clean(block.heading), EXPLANATION_MAX)
    if heading:  # in line with the first column, or centred when wider than the entries
        centred = (W - text_width(heading, size)) / 2
        rows.append([(heading, max(PAD, min(starts[0], centred)))])
    ncols = len(starts)
    for first in range(0, len(block.entries), ncols):
        rows.append(list(zip(block.entries[first : first + ncols], starts)))
        if detailed:
            details = block.entries[first].detail
            rows.extend([(Detail(line), starts[0] + label_start)] for line in details)
    return rows


def _column_starts(widths: list[float], gap: float, most: int = 6) -> list[float]:
    """The left edge of each column, for as many columns (up to ``most``) as fit the card's
    width, the whole centred."""
    count = len(widths)
    room = W - 2 * PAD
    ncols = 1
    for cols in range(min(count, most), 0, -1):
        if sum(max(widths[c::cols]) for c in range(cols)) + (cols - 1) * gap <= room:
            ncols = cols
            break
    columns = [max(widths[c::ncols]) for c in range(ncols)]
    total = sum(columns) + (ncols - 1) * gap
    return [(W - total) / 2 + sum(columns[:c]) + c * gap for c in range(ncols)]


def _draw_entry(fig: Figure, entry: Entry, x: float, y: float, to_figure: Any) -> None:
    """One legend entry: its sample from ``x`` and its label after it, centred on ``y``."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    size = LEGEND_SIZE
    sample = HANDLE_LENGTH * size
    if entry.patch is not None:
        swatch = Rectangle(
            (x, y - 0.35 * size),
            sample,
            0.7 * size,
            transform=to_figure,
            **entry.patch,
        )
        fig.add_artist(swatch)
    if entry.line is not None:
        fig.add_artist(
            Line2D(
                [x, x + sample / 2, x + sample],
                [y] * 3,
                transform=to_figure,
                markevery=[1],
                **entry.line,
            )
        )
    if entry.marker is not None:
        fig.add_artist(
            Line2D([x + sample / 2], [y], transform=to_figure, linestyle="none", **entry.marker)
        )
    fig.text(
        x + sample + HANDLE_PAD * size,
        y,
        entry.label,
        ha="left",
        va="center_baseline",
        fontsize=size,
        transform=to_figure,
    )
