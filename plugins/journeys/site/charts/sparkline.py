"""A tiny inline SVG of one interview's scores, built by hand without matplotlib."""

from __future__ import annotations

import math
from collections.abc import Sequence

from journeys.content.rounding import decimal_text
from journeys.site.charts.text import clean

_PEAK = "#D55E00"  # Okabe-Ito vermillion: visible on light and dark pages
_PAD = 6.0  # the peak ring (radius 4, stroke 2) stays inside
_GUTTER = 14  # left of x = 0: the scale's labels "10" and "1"
_LABEL_SIZE = 8


def sparkline(
    scores: Sequence[float],
    peak_index: int | None,
    width: int = 240,
    height: int = 48,
    title: str = "",
) -> str:
    """A tiny inline SVG of one interview's scores in step order (no matplotlib).

    y runs from 1 (bottom) to 10 (top); every step is a dot, the peak step a larger ring
    instead (one ``<circle>`` per score). Lines, dots and the scale use ``currentColor``, so
    the sparkline follows the page's text colour in light and dark mode, on no background of
    its own. Faint lines mark 1 and 10, labelled in a gutter left of x = 0 (the SVG is that
    much wider than ``width``), so the line's coordinates do not depend on the labels. With a
    ``title`` the SVG is ``role="img"`` named by its ``<title>``; without one it is decorative
    (``aria-hidden``). Numbers are rounded half up to one decimal, as everywhere on the site,
    so the same input always gives the same string.
    """
    width = max(int(width), 8)
    height = max(int(height), 8)
    clean_title = _escape(title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="journeys-sparkline" '
        f'width="{width + _GUTTER}" height="{height}" '
        f'viewBox="-{_GUTTER} 0 {width + _GUTTER} {height}" '
        + ('role="img">' if clean_title else 'aria-hidden="true" focusable="false">')
    ]
    if clean_title:
        parts.append(f"<title>{clean_title}</title>")
    parts += _scale(width, height)
    parts += _line_and_dots(scores, peak_index, width, height)
    parts.append("</svg>")
    return "".join(parts)


def _scale(width: int, height: int) -> list[str]:
    """A faint line at 10 and at 1, each with its number left of the plot."""
    parts: list[str] = []
    for score in (10, 1):
        y = _y_of(score, height)
        parts.append(
            f'<line x1="0" y1="{_num(y)}" x2="{width}" y2="{_num(y)}" stroke="currentColor" '
            'stroke-opacity="0.3" stroke-width="1"/>'
        )
        baseline = _num(y + 0.35 * _LABEL_SIZE)  # the digits centred on the line
        parts.append(
            f'<text class="scale" x="-3" y="{baseline}" text-anchor="end" '
            f'font-size="{_LABEL_SIZE}" font-family="sans-serif" fill="currentColor">'
            f"{score}</text>"
        )
    return parts


def _y_of(score: float, height: int) -> float:
    """Clamped to 1..10; a non-finite score sits mid-scale."""
    s = min(10.0, max(1.0, float(score))) if math.isfinite(score) else 5.5
    return _PAD + (10.0 - s) / 9.0 * (height - 2 * _PAD)


def _line_and_dots(
    scores: Sequence[float], peak_index: int | None, width: int, height: int
) -> list[str]:
    """The path through the scores and a dot per score (a ring at the peak)."""
    inner_w = width - 2 * _PAD
    count = len(scores)
    points = [
        (_PAD + (i * inner_w / (count - 1) if count > 1 else inner_w / 2), _y_of(score, height))
        for i, score in enumerate(scores)
    ]
    parts: list[str] = []
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
                f'stroke="{_PEAK}" stroke-width="2"/>'
            )
        else:
            parts.append(f'<circle cx="{_num(x)}" cy="{_num(y)}" r="2" fill="currentColor"/>')
    return parts


def _num(value: float) -> str:
    return decimal_text(value).removesuffix(".0")


def _escape(text: str) -> str:
    return (
        clean(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )
