"""The card every chart is drawn on, and its output as scalable, deterministic SVG bytes.

Lengths are in points; the SVG is drawn at 72 dpi, so a point is one SVG user unit.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journeys.site.charts.style import CARD_EDGE, FIGSIZE, RC

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def render(draw: Callable[[Figure, Axes], None]) -> bytes:
    """Run ``draw`` on a fresh card-like figure and return the figure as scalable SVG bytes."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    with matplotlib.rc_context(RC), warnings.catch_warnings():
        # Glyphs DejaVu lacks (emoji, rare scripts) are only measured approximately;
        # the browser draws them from its own fonts, since text stays text.
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph", category=UserWarning)
        fig = Figure(figsize=FIGSIZE, facecolor="white")
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
            transform=points(fig),
            facecolor="white",
            edgecolor=CARD_EDGE,
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
    return scalable(buffer.getvalue())


def points(fig: Figure) -> Any:
    """Transform from points measured from the figure's bottom-left corner."""
    from matplotlib.transforms import Affine2D

    return Affine2D().scale(1 / 72) + fig.dpi_scale_trans


_ROOT_SIZE = re.compile(rb'(<svg\b[^>]*?)\s+width="[^"]*"\s+height="[^"]*"')
# matplotlib names every group (id="figure_1", id="text_12"): nothing refers to those names,
# and two charts inlined in one page would repeat them. Marker and clip-path ids (a hash of
# their content) are referred to and stay.
_GROUP_ID = re.compile(rb' id="[A-Za-z][A-Za-z0-9.]*_[0-9]+"')


def scalable(svg: bytes) -> bytes:
    """Let the SVG fill its container (width 100%, height from the viewBox's aspect ratio)
    and drop the group ids nothing refers to."""
    fixed, count = _ROOT_SIZE.subn(rb'\1 width="100%"', svg, count=1)
    if count != 1:  # pragma: no cover - only if matplotlib changes its root element
        raise RuntimeError("unexpected SVG root element from matplotlib")
    return _GROUP_ID.sub(b"", fixed)
