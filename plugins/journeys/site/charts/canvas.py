"""The figure every chart is drawn on, and its output as scalable, deterministic SVG bytes
whose colours follow the page's colour scheme.

Lengths are in points; the SVG is drawn at 72 dpi, so a point is one SVG user unit.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from journeys.site.charts.style import FIGSIZE, RC, SCHEME_COLOURS

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def render(draw: Callable[[Figure, Axes], None]) -> bytes:
    """Run ``draw`` on a fresh, transparent figure and return it as scalable SVG bytes whose
    colours follow the colour scheme (:func:`follow_scheme`)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    with matplotlib.rc_context(RC), warnings.catch_warnings():
        # Glyphs DejaVu lacks (emoji, rare scripts) are only measured approximately;
        # the browser draws them from its own fonts, since text stays text.
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph", category=UserWarning)
        fig = Figure(figsize=FIGSIZE)
        FigureCanvasSVG(fig)
        fig.patch.set_visible(False)  # no background: the page's shows through
        ax = fig.add_subplot()
        ax.patch.set_visible(False)
        draw(fig, ax)
        buffer = io.BytesIO()
        fig.savefig(
            buffer,
            format="svg",
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    return follow_scheme(scalable(buffer.getvalue()))


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


# Material's palette toggle sets `color-scheme: dark` on the slate page; a browser gives an SVG
# shown by <img> the color-scheme of that <img> as its `prefers-color-scheme` (the page's
# stylesheet and variables never reach inside). So the dark values live in the SVG itself.
_SCHEME_STYLE = (
    "<style>@media (prefers-color-scheme: dark){:root{"
    + "".join(f"--jr-chart-{role}:{dark};" for role, (_, dark) in SCHEME_COLOURS.items())
    + "}}</style>"
).encode()
_SCHEME_ROLES = {light: role for role, (light, _) in SCHEME_COLOURS.items()}
_PAINT = re.compile(rb"\b(fill|stroke): (#[0-9a-f]{6})\b")
_ROOT_END = re.compile(rb"<svg\b[^>]*>")


def follow_scheme(svg: bytes) -> bytes:
    """Paint every scheme colour (:data:`~.style.SCHEME_COLOURS`) through a CSS variable whose
    fallback is its light value and whose dark value applies under ``prefers-color-scheme:
    dark``; every other colour (the series) reads on both backgrounds as it is."""

    def paint(match: re.Match[bytes]) -> bytes:
        role = _SCHEME_ROLES.get(match[2].decode())
        if role is None:
            return match[0]
        return match[1] + b": var(--jr-chart-" + role.encode() + b", " + match[2] + b")"

    root = _ROOT_END.search(svg)
    if root is None:  # pragma: no cover - only if matplotlib changes its root element
        raise RuntimeError("unexpected SVG root element from matplotlib")
    head, body = svg[: root.end()], svg[root.end() :]
    return head + b"\n " + _SCHEME_STYLE + _PAINT.sub(paint, body)
