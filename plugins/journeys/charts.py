"""Draw journey charts as SVG: the emotion chart, persona curves and interview sparklines.

:func:`emotion_chart` and :func:`curves_chart` draw with matplotlib's object-oriented API
(a :class:`~matplotlib.figure.Figure` on the SVG canvas, never pyplot), and import
matplotlib only when called, so importing this module stays cheap. Every chart is a light
card: an opaque white rounded background with dark text, readable on a light page, on a
dark page and on paper. Series differ in colour (the Okabe-Ito palette, safe for colour
blindness), marker shape *and* dash pattern, so colour never carries meaning alone. Text
stays text (``svg.fonttype: none``) and the output is byte-for-byte deterministic: the same
input gives the same bytes in every run and process.

:func:`sparkline` builds a tiny inline SVG by hand, without matplotlib.

All words on the charts come from the caller (:class:`ChartText`, stage names, series
labels), so the charts speak whatever language the site does.
"""

from __future__ import annotations

import functools
import io
import math
import re
import unicodedata
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "STYLE_COUNT",
    "ChartText",
    "Series",
    "StageSummary",
    "curves_chart",
    "emotion_chart",
    "sparkline",
]


@dataclass(frozen=True)
class ChartText:
    """Every word a chart shows that does not come from the data (English, Dutch, ...)."""

    score_axis: str
    """Label of the y axis, e.g. ``"Score (1-10)"``."""
    mean: str
    """Legend label of the mean line, e.g. ``"Mean"``."""
    spread: str
    """Legend label of the min-max band, e.g. ``"Spread (min-max)"``."""
    peak: str
    """Legend label of the peak markers, e.g. ``"Peak moment"``."""
    n: str
    """Format of the per-stage count under each stage name, e.g. ``"n={n}"``."""


@dataclass(frozen=True)
class StageSummary:
    """One stage on the x axis, with the scores given at it summarised."""

    name: str
    """Display name; long names wrap at about 14 characters, at most 3 lines, then ``…``."""
    n: int
    """How many scores the stage has."""
    mean: float | None
    """Mean score; ``None`` when ``n == 0`` (the mean line has a gap there)."""
    low: float | None
    """Bottom of the spread band (the minimum); ``None`` when ``n == 0``."""
    high: float | None
    """Top of the spread band (the maximum); ``None`` when ``n == 0``."""


@dataclass(frozen=True)
class Series:
    """One line on a chart: an interview, or a persona's mean curve."""

    label: str
    """Legend text (e.g. the persona name); ``""`` for no legend entry. Series sharing a
    label share the style of the first of them and one legend entry."""
    style: int
    """Index into the style cycle (colour + marker + dash), taken modulo :data:`STYLE_COUNT`."""
    points: tuple[tuple[float, float], ...]
    """``(x, y)`` in order: x is the stage index ``0..k-1`` and may go back (journeys loop),
    y the score. A non-finite y leaves a gap."""
    peaks: tuple[tuple[float, float], ...] = ()
    """Peak moments of this series, drawn as larger star markers."""
    weight: str = "thin"
    """``"thin"`` (one interview: thin, semi-transparent) or ``"bold"`` (a mean curve)."""

    def __post_init__(self) -> None:
        if self.weight not in _WEIGHTS:
            raise ValueError(f"Series.weight must be 'thin' or 'bold', got {self.weight!r}")


_WEIGHTS = ("thin", "bold")

# --- Look ------------------------------------------------------------------------------

_INK = "#1f2328"  # text, mean line (GitHub's foreground: 15.8:1 on white)
_MUTED = "#57606a"  # secondary text: counts, axis label (6.3:1 on white)
_SPINE = "#8c959f"
_GRID = "#d8dee4"
_CARD_EDGE = "#d0d7de"
_BAND = "#8c959f"
_BAND_ALPHA = 0.22

# Okabe-Ito, most distinct first. Black is left for the mean line, and the yellow
# (#F0E442, 1.2:1 on white) is darkened to an olive that keeps its hue; grey closes the cycle.
_COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#8F8500",  # yellow, darkened
    "#6E7781",  # grey
)
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h")
_Dash: TypeAlias = Literal["solid"] | tuple[float, tuple[float, ...]]
_DASHES: tuple[_Dash, ...] = (
    "solid",
    (0, (5.0, 2.0)),
    (0, (1.2, 1.6)),
    (0, (6.0, 2.0, 1.2, 2.0)),
    (0, (3.0, 1.5)),
    (0, (8.0, 2.0, 1.2, 2.0, 1.2, 2.0)),
    (0, (2.0, 1.0, 2.0, 3.5)),
    (0, (10.0, 3.0)),
)
_PEAK_MARKER = "*"  # not in _MARKERS: a peak never looks like a data point

STYLE_COUNT: int = len(_COLOURS)
"""How many distinct styles the cycle has before it repeats."""

assert len(_MARKERS) == len(_DASHES) == STYLE_COUNT

_FIGSIZE = (9.0, 4.2)  # inches
_NAME_WIDTH = 14  # characters per line of a stage name
_NAME_LINES = 3
_LEGEND_LABEL_MAX = 36
_RC: dict[Any, Any] = {  # keys typed loosely: matplotlib types them as a Literal
    "svg.hashsalt": "journeys",  # stable ids for clip paths and markers
    "svg.fonttype": "none",  # text stays text: smaller, crisp, searchable
    "font.family": ["DejaVu Sans", "sans-serif"],
    # The generic family expands to this list in the SVG: keep it short.
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10.0,
    "text.color": _INK,
    "text.parse_math": False,  # a "$" in a stage name is a dollar, not mathtext
    "axes.edgecolor": _SPINE,
    "axes.linewidth": 0.8,
    "axes.facecolor": "white",
    "lines.solid_capstyle": "round",
    "lines.solid_joinstyle": "round",
    "lines.dash_joinstyle": "round",
    "path.simplify": False,
    "savefig.facecolor": "none",  # the rounded card below is the background
    "savefig.edgecolor": "none",
}


def _style(index: int) -> tuple[str, str, _Dash]:
    i = index % STYLE_COUNT
    return _COLOURS[i], _MARKERS[i], _DASHES[i]


# --- Text ------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Text safe for XML and one line: control characters dropped, whitespace collapsed."""
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cs")
    )
    return " ".join(text.split())


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(name: str, width: int = _NAME_WIDTH, max_lines: int = _NAME_LINES) -> list[str]:
    """Greedy word wrap; a word longer than a line is split in even hyphenated parts;
    more than ``max_lines`` lines end in ``…``."""
    lines: list[str] = []
    current = ""
    for word in _clean(name).split():
        if len(word) > width:
            parts = math.ceil(len(word) / (width - 1))
            size = math.ceil(len(word) / parts)
            chunks = [word[i : i + size] for i in range(0, len(word), size)]
            if current:
                lines.append(current)
            lines.extend(chunk + "-" for chunk in chunks[:-1])
            current = chunks[-1]
        elif not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        last = lines[max_lines - 1].removesuffix("-")
        lines = lines[: max_lines - 1] + [last[: width - 1].rstrip() + "…"]
    return lines


def _count_label(fmt: str, n: int) -> str:
    try:
        text = fmt.format(n=n)
    except (KeyError, IndexError, ValueError, AttributeError):
        text = fmt.replace("{n}", str(n))
    return _clean(text)


# --- Drawing -------------------------------------------------------------------------
#
# The layout is computed here rather than by matplotlib's constrained or tight layout:
# those draw the whole figure once more just to measure it, which doubles the cost. All
# text is measured in DejaVu Sans (bundled with matplotlib), so the sums below are exact
# and the same on every machine. Lengths are in points; the SVG is drawn at 72 dpi, so a
# point is one SVG user unit.

_W = _FIGSIZE[0] * 72
_H = _FIGSIZE[1] * 72  # the least height; a long legend adds to it
_PLOT_HEIGHT = 185.0  # the least height of the plot itself
_PAD = 10.0  # inside the card's edge
_TICK = 4.0  # the small marks under each stage
_GAP = 3.0
_LEGEND_SIZE = 9.0
_LEGEND_SPACING = 0.5  # between rows, in font sizes (matplotlib's default)
_HANDLE_LENGTH = 2.6  # in font sizes
_HANDLE_PAD = 0.8  # between handle and text, in font sizes (matplotlib's default)
_COLUMN_SPACING = 1.6  # in font sizes
_LINE_SPACING = 1.15  # DejaVu's ascent + descent is exactly one em
_Y_SIZE = 9.0  # score labels and the axis label


def _finite(value: float | None) -> float:
    if value is None:
        return math.nan
    value = float(value)
    return value if math.isfinite(value) else math.nan


@functools.lru_cache(maxsize=4096)
def _text_width(text: str, size: float) -> float:
    """Width in points of one line of ``text`` in DejaVu Sans at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    if not text:
        return 0.0
    prop = FontProperties(family="DejaVu Sans", size=size)
    width, _, _ = text_to_path.get_text_width_height_descent(text, prop, ismath=False)
    return float(width)


def _render(draw: Callable[[Figure, Axes], None]) -> bytes:
    """Run ``draw`` on a fresh card-like figure and return the figure as scalable SVG bytes."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    with matplotlib.rc_context(_RC), warnings.catch_warnings():
        # Glyphs DejaVu lacks (emoji, rare scripts) are only measured approximately;
        # the browser draws them from its own fonts, since text stays text.
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph", category=UserWarning)
        fig = Figure(figsize=_FIGSIZE, facecolor="white")
        FigureCanvasSVG(fig)
        fig.patch.set_visible(False)  # the card is the background; its corners stay clear
        ax = fig.add_subplot()
        draw(fig, ax)
        width, height = fig.get_size_inches() * 72
        inset = 0.5  # half the 1 pt edge, so the stroke is not cut off
        card = FancyBboxPatch(
            (inset, inset),
            width - 2 * inset,
            height - 2 * inset,
            boxstyle="round,pad=0,rounding_size=8.5",
            transform=_points(fig),
            facecolor="white",
            edgecolor=_CARD_EDGE,
            linewidth=1.0,
            zorder=-10,
        )
        fig.add_artist(card)
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    return _scalable(buffer.getvalue())


_ROOT_SIZE = re.compile(rb'(<svg\b[^>]*?)\s+width="[^"]*"\s+height="[^"]*"')
# matplotlib names every group (id="figure_1", id="text_12"): nothing refers to those names,
# and two charts inlined in one page would repeat them. Marker and clip-path ids (a hash of
# their content) are referred to and stay.
_GROUP_ID = re.compile(rb' id="[A-Za-z][A-Za-z0-9.]*_[0-9]+"')


def _scalable(svg: bytes) -> bytes:
    """Let the SVG fill its container (width 100%, height from the viewBox's aspect ratio)
    and drop the group ids nothing refers to."""
    fixed, count = _ROOT_SIZE.subn(rb'\1 width="100%"', svg, count=1)
    if count != 1:  # pragma: no cover - only if matplotlib changes its root element
        raise RuntimeError("unexpected SVG root element from matplotlib")
    return _GROUP_ID.sub(b"", fixed)


@dataclass(frozen=True)
class _Frame:
    """Where the axes go and how much room the stage labels under them take."""

    left: float
    right: float
    labels: float  # height from the axes' bottom edge to the bottom of the counts row


def _setup_axes(fig: Figure, ax: Axes, stages: Sequence[StageSummary], text: ChartText) -> _Frame:
    """Fixed axes without matplotlib ticks (cheaper): y 1..10 with light gridlines at each
    integer, x the stages with their wrapped names and, in a row below, their counts."""
    from matplotlib.lines import Line2D
    from matplotlib.transforms import offset_copy

    k = len(stages)
    ax.set_autoscale_on(False)
    ax.set_xlim(-0.3, max(k, 1) - 0.7)
    ax.set_ylim(0.6, 10.4)  # 1..10, with air so markers at 1 and 10 are not cut in half
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_bounds(1, 10)
    ax.hlines(
        range(1, 11),
        0,
        1,
        transform=ax.get_yaxis_transform(),
        colors=_GRID,
        linewidth=0.7,
        zorder=0.5,
    )
    score_gap = 6.0
    score_width = _text_width("10", _Y_SIZE)
    scores = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-score_gap, units="points")
    for value in range(1, 11):
        ax.text(0, value, str(value), transform=scores, ha="right", va="center", fontsize=_Y_SIZE)
    axis_label = offset_copy(
        ax.transAxes, fig=fig, x=-(2 * score_gap + score_width), units="points"
    )
    ax.text(
        0,
        0.5,
        _clean(text.score_axis),
        transform=axis_label,
        rotation=90,
        ha="right",
        va="center",
        fontsize=_Y_SIZE,
        color=_MUTED,
    )
    left = _PAD + _Y_SIZE + 2 * score_gap + score_width

    # Stage names: shrink them when many stages share the width, so neighbours never touch.
    names = [_wrap(stage.name) for stage in stages]
    widths = [max((_text_width(line, 10.0) for line in lines), default=0.0) for lines in names]
    span = max(k, 1) - 0.4  # x units across the axes
    per_stage = (_W - left - _PAD) / span
    size = max(7.0, min(10.0, 10.0 * 0.9 * per_stage / max(max(widths, default=1.0), 1.0)))
    # The first and last names may reach past the axes into the margins.
    left = max(left, _PAD + widths[0] * size / 20 - 0.3 * per_stage) if k else left
    right = max(_PAD, _PAD + widths[-1] * size / 20 - 0.3 * per_stage) if k else _PAD

    ax.add_line(
        Line2D(
            range(k),
            [0] * k,
            transform=ax.get_xaxis_transform(),
            linestyle="none",
            marker=3,
            markersize=_TICK,
            markeredgewidth=0.8,
            color=_SPINE,
            clip_on=False,
        )
    )
    below = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-(_TICK + _GAP), units="points")
    for i, lines in enumerate(names):
        ax.text(
            i,
            0,
            "\n".join(lines),
            transform=below,
            ha="center",
            va="top",
            multialignment="center",
            fontsize=size,
            linespacing=_LINE_SPACING,
        )
    name_height = max((len(lines) for lines in names), default=0) * _LINE_SPACING * size
    count_size = max(7.0, size - 1.0)
    count_top = _TICK + _GAP + name_height + _GAP
    counts = offset_copy(ax.get_xaxis_transform(), fig=fig, y=-count_top, units="points")
    for i, stage in enumerate(stages):
        ax.text(
            i,
            0,
            _count_label(text.n, stage.n),
            transform=counts,
            ha="center",
            va="top",
            fontsize=count_size,
            color=_MUTED,
        )
    return _Frame(left=left, right=right, labels=count_top + count_size)


def _place(fig: Figure, ax: Axes, frame: _Frame, legend_height: float) -> None:
    """Size the figure and put the axes in it. The plot keeps its height whatever the
    legend needs: a legend of more than two rows makes the card taller instead."""
    below = frame.labels + (_PAD + legend_height + 4 * _GAP if legend_height else _PAD)
    top = _PAD + 2.0
    plot = max(_PLOT_HEIGHT, _H - top - below)
    height = top + plot + below
    fig.set_size_inches(_W / 72, height / 72)
    width = _W - frame.left - frame.right
    ax.set_position((frame.left / _W, below / height, width / _W, plot / height))


def _points(fig: Figure) -> Any:
    """Transform from points measured from the figure's bottom-left corner."""
    from matplotlib.transforms import Affine2D

    return Affine2D().scale(1 / 72) + fig.dpi_scale_trans


def _label_styles(series: Sequence[Series]) -> dict[str, int]:
    """The style of each distinct label: that of the first series carrying it."""
    styles: dict[str, int] = {}
    for one in series:
        label = _clean(one.label)
        if label and label not in styles:
            styles[label] = one.style
    return styles


def _draw_series(
    ax: Axes, series: Sequence[Series], styles: dict[str, int], force_bold: bool
) -> bool:
    """Draw every series and its peaks; return whether any peak was drawn."""
    from matplotlib.lines import Line2D

    any_peak = False
    for order, one in enumerate(series):
        label = _clean(one.label)
        colour, marker, dash = _style(styles[label] if label else one.style)
        bold = force_bold or one.weight == "bold"
        if one.points:
            ax.add_line(
                Line2D(
                    [_finite(x) for x, _ in one.points],
                    [_finite(y) for _, y in one.points],
                    color=colour,
                    linestyle=dash,
                    linewidth=2.2 if bold else 1.1,
                    alpha=1.0 if bold else 0.55,
                    marker=marker,
                    markersize=6.0 if bold else 4.5,
                    markeredgecolor="white",
                    markeredgewidth=0.8 if bold else 0.5,
                    zorder=(4 if bold else 2) + order * 1e-4,
                )
            )
        if one.peaks:
            any_peak = True
            ax.add_line(
                Line2D(
                    [_finite(x) for x, _ in one.peaks],
                    [_finite(y) for _, y in one.peaks],
                    linestyle="none",
                    marker=_PEAK_MARKER,
                    markersize=14.0,
                    markerfacecolor=colour,
                    markeredgecolor=_INK,
                    markeredgewidth=0.8,
                    zorder=6 + order * 1e-4,
                )
            )
    return any_peak


@dataclass(frozen=True)
class _Entry:
    """One legend entry: a sample of how something is drawn, and its label."""

    label: str
    line: dict[str, Any] | None = None  # Line2D properties of a line sample
    marker: dict[str, Any] | None = None  # Line2D properties of a single marker
    patch: dict[str, Any] | None = None  # Rectangle properties of a filled swatch


def _legend(fig: Figure, entries: Sequence[_Entry]) -> float:
    """Draw the legend along the card's bottom, centred, in as many columns as fit, read
    row by row. Returns its height in points (0 without entries).

    Drawn from plain lines, rectangles and texts rather than with matplotlib's legend,
    whose nested layout boxes measure every label several times: a third of the cost of a
    chart for the same picture.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    count = len(entries)
    if not count:
        return 0.0
    size = _LEGEND_SIZE
    sample = _HANDLE_LENGTH * size
    widths = [sample + _HANDLE_PAD * size + _text_width(e.label, size) for e in entries]
    room = _W - 2 * _PAD
    gap = _COLUMN_SPACING * size
    ncols = 1
    for cols in range(min(count, 6), 0, -1):
        if sum(max(widths[c::cols]) for c in range(cols)) + (cols - 1) * gap <= room:
            ncols = cols
            break
    columns = [max(widths[c::ncols]) for c in range(ncols)]
    total = sum(columns) + (ncols - 1) * gap
    starts = [(_W - total) / 2 + sum(columns[:c]) + c * gap for c in range(ncols)]
    rows = math.ceil(count / ncols)
    row_height = (1 + _LEGEND_SPACING) * size
    height = rows * row_height
    to_figure = _points(fig)
    for i, entry in enumerate(entries):
        row, col = divmod(i, ncols)
        x = starts[col]
        y = _PAD + height - (row + 0.5) * row_height  # the row's middle
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
            x + sample + _HANDLE_PAD * size,
            y,
            entry.label,
            ha="left",
            va="center_baseline",
            fontsize=size,
            transform=to_figure,
        )
    return height


def _series_entries(
    series: Sequence[Series], styles: dict[str, int], force_bold: bool
) -> list[_Entry]:
    bold_labels = {_clean(one.label) for one in series if one.weight == "bold"}
    entries: list[_Entry] = []
    for label, style in styles.items():
        colour, marker, dash = _style(style)
        bold = force_bold or label in bold_labels
        line = {
            "color": colour,
            "linestyle": dash,
            "linewidth": 2.2 if bold else 1.5,
            "marker": marker,
            "markersize": 6.0,
            "markeredgecolor": "white",
            "markeredgewidth": 0.6,
        }
        entries.append(_Entry(_shorten(label, _LEGEND_LABEL_MAX), line=line))
    return entries


def _peak_entry(text: ChartText) -> _Entry:
    marker = {
        "marker": _PEAK_MARKER,
        "markersize": 12.0,
        "markerfacecolor": "white",
        "markeredgecolor": _INK,
        "markeredgewidth": 0.9,
    }
    return _Entry(_shorten(_clean(text.peak), _LEGEND_LABEL_MAX), marker=marker)


def _band_bar(x: float, low: float, high: float) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle(
        (x - 0.06, low),
        0.12,
        high - low,
        facecolor=_BAND,
        alpha=_BAND_ALPHA,
        linewidth=0,
        zorder=1,
    )


def emotion_chart(
    stages: Sequence[StageSummary], series: Sequence[Series], text: ChartText
) -> bytes:
    """SVG of the scores along a journey: x = stages in order, y = 1..10.

    One thin line per series (colour, marker and dash from its style; one legend entry per
    distinct label), the mean per stage as a bold dark line with points (gaps where a stage
    has no scores), the band low..high as a light fill, peak moments as star markers, and
    each stage's count (``text.n``) in a row under the stage names. The legend sits below
    the plot, in columns, so it never covers a line.
    """

    def draw(fig: Figure, ax: Axes) -> None:
        from matplotlib.lines import Line2D

        frame = _setup_axes(fig, ax, stages, text)
        xs = list(range(len(stages)))
        lows = [_finite(s.low) if s.n else math.nan for s in stages]
        highs = [_finite(s.high) if s.n else math.nan for s in stages]
        means = [_finite(s.mean) if s.n else math.nan for s in stages]
        has_band = [not (math.isnan(lo) or math.isnan(hi)) for lo, hi in zip(lows, highs)]
        if any(has_band):
            ax.fill_between(
                xs,
                [lo if ok else 0.0 for lo, ok in zip(lows, has_band)],
                [hi if ok else 0.0 for hi, ok in zip(highs, has_band)],
                where=has_band,
                facecolor=_BAND,
                alpha=_BAND_ALPHA,
                linewidth=0,
                zorder=1,
            )
            # A stage whose neighbours have no band is a zero-width polygon: draw a bar.
            for i, ok in enumerate(has_band):
                before = i > 0 and has_band[i - 1]
                after = i + 1 < len(has_band) and has_band[i + 1]
                if ok and not before and not after:
                    ax.add_patch(_band_bar(i, lows[i], highs[i]))
        styles = _label_styles(series)
        any_peak = _draw_series(ax, series, styles, force_bold=False)
        mean_style: dict[str, Any] = {
            "color": _INK,
            "linewidth": 2.6,
            "marker": "o",
            "markersize": 7.0,
            "markeredgecolor": "white",
            "markeredgewidth": 1.2,
        }
        has_mean = any(not math.isnan(m) for m in means)
        if has_mean:
            ax.add_line(Line2D(xs, means, zorder=5, **mean_style))
        entries: list[_Entry] = []
        if has_mean:
            entries.append(_Entry(_shorten(_clean(text.mean), _LEGEND_LABEL_MAX), line=mean_style))
        if any(has_band):
            band = {"facecolor": _BAND, "alpha": _BAND_ALPHA + 0.08, "linewidth": 0}
            entries.append(_Entry(_shorten(_clean(text.spread), _LEGEND_LABEL_MAX), patch=band))
        if any_peak:
            entries.append(_peak_entry(text))
        entries += _series_entries(series, styles, force_bold=False)
        _place(fig, ax, frame, _legend(fig, entries))

    return _render(draw)


def curves_chart(
    stages: Sequence[StageSummary], series: Sequence[Series], text: ChartText
) -> bytes:
    """SVG of several curves over the stages, e.g. each persona's mean curve.

    Every series is drawn bold (colour, marker and dash from its style) with a legend entry
    per distinct label; peaks, if given, are stars. The x axis is the one of
    :func:`emotion_chart` (names and counts); there is no band and no overall mean.
    """

    def draw(fig: Figure, ax: Axes) -> None:
        frame = _setup_axes(fig, ax, stages, text)
        styles = _label_styles(series)
        any_peak = _draw_series(ax, series, styles, force_bold=True)
        entries = _series_entries(series, styles, force_bold=True)
        if any_peak:
            entries.append(_peak_entry(text))
        _place(fig, ax, frame, _legend(fig, entries))

    return _render(draw)


# --- Sparkline ---------------------------------------------------------------------------


def _num(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _escape(text: str) -> str:
    return (
        _clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


_SPARK_PEAK = "#D55E00"  # Okabe-Ito vermillion: visible on light and dark pages


def sparkline(
    scores: Sequence[float],
    peak_index: int | None,
    width: int = 240,
    height: int = 48,
    title: str = "",
) -> str:
    """A tiny inline SVG of one interview's scores in step order (no matplotlib).

    y runs from 1 (bottom) to 10 (top); every step is a dot, the peak step a larger ring
    instead (one ``<circle>`` per score). Lines and dots use ``currentColor``, so the
    sparkline follows the page's text colour in light and dark mode; a faint line marks
    the middle of the scale. With a ``title`` the SVG is ``role="img"`` named by its
    ``<title>``; without one it is decorative (``aria-hidden``). Numbers are rounded to one
    decimal, so the same input always gives the same string.
    """
    width = max(int(width), 8)
    height = max(int(height), 8)
    pad = 6.0  # the peak ring (radius 4, stroke 2) stays inside
    inner_w = width - 2 * pad
    inner_h = height - 2 * pad

    def y_of(score: float) -> float:  # clamped to 1..10; a non-finite score sits mid-scale
        s = min(10.0, max(1.0, float(score))) if math.isfinite(score) else 5.5
        return pad + (10.0 - s) / 9.0 * inner_h

    count = len(scores)
    points = [
        (pad + (i * inner_w / (count - 1) if count > 1 else inner_w / 2), y_of(score))
        for i, score in enumerate(scores)
    ]
    clean_title = _escape(title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journeys-sparkline" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        + ('role="img">' if clean_title else 'aria-hidden="true" focusable="false">')
    ]
    if clean_title:
        parts.append(f"<title>{clean_title}</title>")
    mid = _num(y_of(5.5))
    parts.append(
        f'<line x1="{_num(pad)}" y1="{mid}" x2="{_num(width - pad)}" y2="{mid}" '
        'stroke="currentColor" stroke-opacity="0.3" stroke-width="1" stroke-dasharray="2 3"/>'
    )
    if count > 1:
        path = " ".join(
            f"{'M' if i == 0 else 'L'}{_num(x)} {_num(y)}" for i, (x, y) in enumerate(points)
        )
        parts.append(
            f'<path d="{path}" fill="none" stroke="currentColor" stroke-width="1.5" '
            'stroke-linejoin="round" stroke-linecap="round"/>'
        )
    peak = peak_index if peak_index is not None and 0 <= peak_index < count else None
    for i, (x, y) in enumerate(points):
        if i == peak:
            parts.append(
                f'<circle class="peak" cx="{_num(x)}" cy="{_num(y)}" r="4" fill="none" '
                f'stroke="{_SPARK_PEAK}" stroke-width="2"/>'
            )
        else:
            parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="2" fill="currentColor"/>')
    parts.append("</svg>")
    return "".join(parts)
