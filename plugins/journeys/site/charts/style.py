"""How charts look: the chart size, colours, markers, dash patterns and matplotlib settings."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

SIZE: tuple[int, int] = (900, 420)
"""Width and height of a chart in CSS pixels, at 100 pixels per inch of the figure: the
size pages reserve for the ``<img>`` (a long legend makes the drawn chart taller)."""

FIGSIZE = (SIZE[0] / 100, SIZE[1] / 100)  # inches

INK = "#1f2328"  # text, mean line (GitHub's foreground: 15.8:1 on white)
MUTED = "#57606a"  # secondary text: counts, axis label (6.3:1 on white)
SPINE = "#8c959f"
GRID = "#d8dee4"
CARD_EDGE = "#d0d7de"
BAND = "#8c959f"
BAND_ALPHA = 0.22

# Okabe-Ito, most distinct first. Black is left for the mean line, and the yellow
# (#F0E442, 1.2:1 on white) is darkened to an olive that keeps its hue; grey closes the cycle.
COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#8F8500",  # yellow, darkened
    "#6E7781",  # grey
)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h")
Dash: TypeAlias = Literal["solid"] | tuple[float, tuple[float, ...]]
DASHES: tuple[Dash, ...] = (
    "solid",
    (0, (5.0, 2.0)),
    (0, (1.2, 1.6)),
    (0, (6.0, 2.0, 1.2, 2.0)),
    (0, (3.0, 1.5)),
    (0, (8.0, 2.0, 1.2, 2.0, 1.2, 2.0)),
    (0, (2.0, 1.0, 2.0, 3.5)),
    (0, (10.0, 3.0)),
)
PEAK_MARKER = "*"  # not in MARKERS: a peak never looks like a data point
REVISIT_MARKER = "o"  # drawn hollow and large: a ring around the point, not a point

STYLE_COUNT: int = len(COLOURS)
"""How many distinct styles the cycle has before it repeats."""

assert len(MARKERS) == len(DASHES) == STYLE_COUNT

FONT = "DejaVu Sans"  # bundled with matplotlib: text measures the same on every machine
RC: dict[Any, Any] = {  # keys typed loosely: matplotlib types them as a Literal
    "svg.hashsalt": "journeys",  # stable ids for clip paths and markers
    "svg.fonttype": "none",  # text stays text: smaller, crisp, searchable
    "font.family": [FONT, "sans-serif"],
    # The generic family expands to this list in the SVG: keep it short.
    "font.sans-serif": [FONT],
    "font.size": 10.0,
    "text.color": INK,
    "text.parse_math": False,  # a "$" in a stage name is a dollar, not mathtext
    "axes.edgecolor": SPINE,
    "axes.linewidth": 0.8,
    "axes.facecolor": "white",
    "lines.solid_capstyle": "round",
    "lines.solid_joinstyle": "round",
    "lines.dash_joinstyle": "round",
    "path.simplify": False,
    "savefig.facecolor": "none",  # the rounded card below is the background
    "savefig.edgecolor": "none",
}


def style_of(index: int) -> tuple[str, str, Dash]:
    """Colour, marker and dash pattern of style ``index`` (modulo :data:`STYLE_COUNT`)."""
    i = index % STYLE_COUNT
    return COLOURS[i], MARKERS[i], DASHES[i]
