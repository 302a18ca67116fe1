"""What a chart is drawn from: its stages, its series and the words it shows."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

WEIGHTS = ("thin", "bold")


@dataclass(frozen=True)
class ChartText:
    """Every word a chart shows that does not come from the data (English, Dutch, ...)."""

    score_axis: str
    """What the scores mean, above the plot, e.g. ``"Score from 1 (terrible) to 10
    (excellent)"``."""
    mean: str
    """Legend label of the mean line, e.g. ``"Mean"``."""
    spread: str
    """Legend label of the min-max band, e.g. ``"Spread (min-max)"``."""
    peak: str
    """Legend label of the peak markers, saying what a peak is, e.g. ``"Peak: the moment
    that stood out most"``."""
    interviews: str
    """Legend heading over the entries of the thin lines of :func:`~.emotion.emotion_chart`,
    e.g. ``"Thin lines: one per interview, in the colour of its persona"``."""
    n: str
    """Format of the per-stage count under each stage name, e.g. ``"n={n}"``."""
    small: str
    """Said under the count of a stage whose figures rest on a small sample, e.g.
    ``"small sample"`` (wrapped like a stage name)."""
    revisit: str
    """Legend label of the ring on a point where an interview came back to a stage, e.g.
    ``"Stage visited again"``."""


@dataclass(frozen=True)
class StageSummary:
    """One stage on the x axis, with the scores given at it summarised."""

    name: str
    """Display name; long names wrap at about 14 characters, at most 3 lines, then ``…``."""
    n: int | None
    """How many interviews the stage's figures rest on; ``None`` to show no count (a chart
    of several curves, each resting on its own interviews: say their n in their notes)."""
    mean: float | None
    """Mean score; ``None`` when ``n == 0`` (the mean line has a gap there)."""
    low: float | None
    """Bottom of the spread band (the minimum); ``None`` when ``n == 0``."""
    high: float | None
    """Top of the spread band (the maximum); ``None`` when ``n == 0``."""
    small: bool = False
    """The figures rest on a small sample: :attr:`ChartText.small` is said under the count."""


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
    """``(x, y)`` with x rising: x is the stage index ``0..k-1``, y the score. A line never
    runs back (an interview that loops back to a stage has one point there, marked in
    :attr:`revisits`). A non-finite y leaves a gap."""
    peaks: tuple[tuple[float, float], ...] = ()
    """Peak moments of this series, drawn as larger star markers."""
    revisits: tuple[tuple[float, float], ...] = ()
    """Points where the interview came back to a stage, drawn with a ring around them."""
    note: str = ""
    """Said after the label in the legend, never shortened, e.g. ``"(n=2)"``. Series
    sharing a label share the note of the first of them."""
    weight: str = "thin"
    """``"thin"`` (one interview: thin, semi-transparent) or ``"bold"`` (a mean curve)."""

    def __post_init__(self) -> None:
        if self.weight not in WEIGHTS:
            raise ValueError(f"Series.weight must be 'thin' or 'bold', got {self.weight!r}")
        xs = [x for x, _ in self.points]
        if not all(before < after for before, after in itertools.pairwise(xs)):
            raise ValueError(f"Series.points must follow the stages in order, got x = {xs}")


@dataclass(frozen=True)
class RoundLine:
    """One round's mean curve on :func:`~.emotion.emotion_chart`."""

    label: str
    """Legend text: the round's name."""
    note: str
    """Said after the label, never shortened, e.g. ``"(n=6)"``."""
    change: str
    """Under the label, wrapped: what changed before the round, in the site's words; ``""``
    for nothing."""
    points: tuple[tuple[float, float], ...]
    """``(stage index, mean)`` of each stage the round has scores at, x rising."""
    latest: bool = False
    """The emphasised curve (bold, in the text's colour); the others are lighter and dashed."""


@dataclass(frozen=True)
class RoundLines:
    """The curves of a journey's rounds, oldest first, in place of the one mean line."""

    heading: str
    """Over their legend entries, e.g. ``"Mean per round (the latest in bold)"``."""
    lines: tuple[RoundLine, ...]
