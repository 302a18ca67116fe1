"""How charts look: the chart size, colours, markers, dash patterns and matplotlib settings."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

SIZE: tuple[int, int] = (900, 420)
"""Width and height of a chart in CSS pixels, at 100 pixels per inch of the figure: the
size pages reserve for the ``<img>`` (a long legend makes the drawn chart taller)."""

FIGSIZE = (SIZE[0] / 100, SIZE[1] / 100)  # inches

# Colours that change with the page's colour scheme: (light, dark). The chart is drawn in the
# light ones; :func:`journeys.site.charts.canvas.follow_scheme` turns each into a CSS variable
# whose dark value applies under ``prefers-color-scheme: dark``. Dark values are for
# mkdocs-material's slate background (#1e2129); on white, ink is 15.8:1, muted 6.4:1; on
# slate, ink 13.6:1, muted 6.6:1.
SCHEME_COLOURS: dict[str, tuple[str, str]] = {
    "ink": ("#1f2328", "#e6edf3"),  # text, mean line, outlines
    "muted": ("#57606a", "#9ea7b3"),  # secondary text: counts, axis caption
    "grid": ("#d8dee4", "#373e47"),  # gridlines: faint on purpose, they only guide the eye
    "halo": ("#ffffff", "#1e2129"),  # the page's background: rims that lift markers off lines
}
INK = SCHEME_COLOURS["ink"][0]
MUTED = SCHEME_COLOURS["muted"][0]
GRID = SCHEME_COLOURS["grid"][0]
HALO = SCHEME_COLOURS["halo"][0]
SPINE = "#8c959f"  # axis and ticks: 3.0:1 on white, 5.3:1 on slate, the same in both
BAND = "#8c959f"
BAND_ALPHA = 0.22
THIN_ALPHA = 0.7  # one interview's line: behind the mean, still readable on a dark page

# Okabe-Ito, most distinct first, each at least 3:1 on white and on slate, so one colour
# serves both schemes. Black is left for the mean line; the yellow (#F0E442, 1.2:1 on white),
# orange (#E69F00, 2.3:1) and sky blue (#56B4E9, 2.3:1) are darkened keeping their hue;
# grey closes the cycle.
COLOURS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#B98000",  # orange, darkened
    "#3D91C6",  # sky blue, darkened
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
# A scheme colour is found in the SVG by its value: no series may share it.
assert not {light for light, _ in SCHEME_COLOURS.values()} & {c.lower() for c in COLOURS}

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
    "axes.facecolor": "none",  # transparent: the page's background shows through
    "lines.solid_capstyle": "round",
    "lines.solid_joinstyle": "round",
    "lines.dash_joinstyle": "round",
    "path.simplify": False,
    "savefig.facecolor": "none",
    "savefig.edgecolor": "none",
}


def style_of(index: int) -> tuple[str, str, Dash]:
    """Colour, marker and dash pattern of style ``index`` (modulo :data:`STYLE_COUNT`)."""
    i = index % STYLE_COUNT
    return COLOURS[i], MARKERS[i], DASHES[i]
