"""What a chart is drawn from: its stages, its series and the words it shows."""

from __future__ import annotations

from dataclasses import dataclass

WEIGHTS = ("thin", "bold")


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
    """Index into the style cycle (colour + marker + dash), taken modulo
    :data:`~journeys.charts.style.STYLE_COUNT`."""
    points: tuple[tuple[float, float], ...]
    """``(x, y)`` in order: x is the stage index ``0..k-1`` and may go back (journeys loop),
    y the score. A non-finite y leaves a gap."""
    peaks: tuple[tuple[float, float], ...] = ()
    """Peak moments of this series, drawn as larger star markers."""
    weight: str = "thin"
    """``"thin"`` (one interview: thin, semi-transparent) or ``"bold"`` (a mean curve)."""

    def __post_init__(self) -> None:
        if self.weight not in WEIGHTS:
            raise ValueError(f"Series.weight must be 'thin' or 'bold', got {self.weight!r}")
