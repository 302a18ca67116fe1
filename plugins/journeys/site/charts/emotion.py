"""The charts of scores along a journey: one journey's emotion chart and curves per persona.

Drawn with matplotlib's object-oriented API (a :class:`~matplotlib.figure.Figure` on the
SVG canvas, never pyplot), imported only when a chart is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from journeys.site.charts.canvas import render
from journeys.site.charts.data import ChartText, RoundLines, Series, StageSummary
from journeys.site.charts.layout import (
    EXPLANATION_MAX,
    LEGEND_LABEL_MAX,
    Entry,
    LegendBlock,
    legend,
    place,
    setup_axes,
)
from journeys.site.charts.rounds import draw_rounds, round_block
from journeys.site.charts.style import (
    BAND,
    BAND_ALPHA,
    HALO,
    INK,
    PEAK_MARKER,
    REVISIT_MARKER,
    THIN_ALPHA,
    style_of,
)
from journeys.site.charts.text import clean, shorten

if TYPE_CHECKING:  # pragma: no cover - for type checkers only; never imported at run time
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

_MEAN_STYLE: dict[str, Any] = {
    "color": INK,
    "linewidth": 2.6,
    "marker": "o",
    "markersize": 7.0,
    "markeredgecolor": HALO,
    "markeredgewidth": 1.2,
}


def emotion_chart(
    stages: Sequence[StageSummary],
    series: Sequence[Series],
    text: ChartText,
    rounds: RoundLines | None = None,
) -> bytes:
    """SVG of the scores along a journey: x = stages in order, y = 1..10.

    One thin line per series (colour, marker and dash from its style; one legend entry per
    distinct label, under the heading ``text.interviews``), the mean per stage as a bold line
    in the text's colour with points (gaps where a stage has no scores), the band low..high
    as a light fill, peak moments as star markers, revisited stages as rings, and each
    stage's count (``text.n``) in a row under the stage names. The legend sits below the
    plot, in columns, so it never covers a line.

    With ``rounds``, each round's mean curve takes the place of the one mean line
    (:mod:`.rounds`), its legend entries first, under ``rounds.heading``.
    """

    def draw(fig: Figure, ax: Axes) -> None:
        from matplotlib.lines import Line2D

        frame = setup_axes(fig, ax, stages, text)
        any_band = _draw_band(ax, stages)
        styles = _label_styles(series)
        any_peak, any_revisit = _draw_series(ax, series, styles, force_bold=False)
        means = [_finite(s.mean) if s.n else math.nan for s in stages]
        has_mean = rounds is None and any(not math.isnan(m) for m in means)
        if rounds is not None:
            draw_rounds(ax, rounds)
        elif has_mean:
            ax.add_line(Line2D(list(range(len(stages))), means, zorder=5, **_MEAN_STYLE))
        entries: list[Entry] = []
        if has_mean:
            entries.append(Entry(_explanation(text.mean), line=_MEAN_STYLE))
        if any_band:
            band = {"facecolor": BAND, "alpha": BAND_ALPHA + 0.08, "linewidth": 0}
            entries.append(Entry(_explanation(text.spread), patch=band))
        if any_peak:
            entries.append(_peak_entry(text))
        if any_revisit:
            entries.append(_revisit_entry(text))
        lines = _series_entries(series, styles, force_bold=False)
        entries += [entry for entry, bold in lines if bold]
        thin = [entry for entry, bold in lines if not bold]
        blocks = [LegendBlock("", entries), LegendBlock(text.interviews, thin)]
        if rounds is not None:
            blocks.insert(0, round_block(rounds))
        place(fig, ax, frame, legend(fig, blocks))

    return render(draw)


def curves_chart(
    stages: Sequence[StageSummary], series: Sequence[Series], text: ChartText
) -> bytes:
    """SVG of several curves over the stages, e.g. each persona's mean curve.

    Every series is drawn bold (colour, marker and dash from its style) with a legend entry
    per distinct label; peaks and revisits, if given, are stars and rings. The x axis is the
    one of :func:`emotion_chart` (names and counts); there is no band and no overall mean.
    """

    def draw(fig: Figure, ax: Axes) -> None:
        frame = setup_axes(fig, ax, stages, text)
        styles = _label_styles(series)
        any_peak, any_revisit = _draw_series(ax, series, styles, force_bold=True)
        entries = [entry for entry, _ in _series_entries(series, styles, force_bold=True)]
        if any_peak:
            entries.append(_peak_entry(text))
        if any_revisit:
            entries.append(_revisit_entry(text))
        place(fig, ax, frame, legend(fig, [LegendBlock("", entries)]))

    return render(draw)


def _finite(value: float | None) -> float:
    if value is None:
        return math.nan
    value = float(value)
    return value if math.isfinite(value) else math.nan


def _draw_band(ax: Axes, stages: Sequence[StageSummary]) -> bool:
    """Fill the spread (low..high) of every stage that has scores; return whether any has."""
    xs = list(range(len(stages)))
    lows = [_finite(s.low) if s.n else math.nan for s in stages]
    highs = [_finite(s.high) if s.n else math.nan for s in stages]
    has_band = [not (math.isnan(lo) or math.isnan(hi)) for lo, hi in zip(lows, highs)]
    if not any(has_band):
        return False
    ax.fill_between(
        xs,
        [lo if ok else 0.0 for lo, ok in zip(lows, has_band)],
        [hi if ok else 0.0 for hi, ok in zip(highs, has_band)],
        where=has_band,
        facecolor=BAND,
        alpha=BAND_ALPHA,
        linewidth=0,
        zorder=1,
    )
    # A stage whose neighbours have no band is a zero-width polygon: draw a bar.
    for i, ok in enumerate(has_band):
        before = i > 0 and has_band[i - 1]
        after = i + 1 < len(has_band) and has_band[i + 1]
        if ok and not before and not after:
            ax.add_patch(_band_bar(i, lows[i], highs[i]))
    return True


def _band_bar(x: float, low: float, high: float) -> Any:
    from matplotlib.patches import Rectangle

    return Rectangle(
        (x - 0.06, low),
        0.12,
        high - low,
        facecolor=BAND,
        alpha=BAND_ALPHA,
        linewidth=0,
        zorder=1,
    )


def _label_styles(series: Sequence[Series]) -> dict[str, int]:
    """The style of each distinct label: that of the first series carrying it."""
    styles: dict[str, int] = {}
    for one in series:
        label = clean(one.label)
        if label and label not in styles:
            styles[label] = one.style
    return styles


def _draw_series(
    ax: Axes, series: Sequence[Series], styles: dict[str, int], force_bold: bool
) -> tuple[bool, bool]:
    """Draw every series, its peaks and its revisits; return whether any peak and any
    revisit was drawn."""
    from matplotlib.lines import Line2D

    any_peak = any_revisit = False
    for order, one in enumerate(series):
        label = clean(one.label)
        colour, marker, dash = style_of(styles[label] if label else one.style)
        bold = force_bold or one.weight == "bold"
        if one.points:
            ax.add_line(
                Line2D(
                    [_finite(x) for x, _ in one.points],
                    [_finite(y) for _, y in one.points],
                    color=colour,
                    linestyle=dash,
                    linewidth=2.2 if bold else 1.1,
                    alpha=1.0 if bold else THIN_ALPHA,
                    marker=marker,
                    markersize=6.0 if bold else 4.5,
                    markeredgecolor=HALO,
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
                    marker=PEAK_MARKER,
                    markersize=14.0,
                    markerfacecolor=colour,
                    markeredgecolor=INK,
                    markeredgewidth=0.8,
                    zorder=6 + order * 1e-4,
                )
            )
        if one.revisits:
            any_revisit = True
            ax.add_line(
                Line2D(
                    [_finite(x) for x, _ in one.revisits],
                    [_finite(y) for _, y in one.revisits],
                    linestyle="none",
                    marker=REVISIT_MARKER,
                    markersize=17.0,  # around a peak's star on the same point too
                    markerfacecolor="none",
                    markeredgecolor=colour,
                    markeredgewidth=1.5,
                    zorder=7 + order * 1e-4,
                )
            )
    return any_peak, any_revisit


def _series_entries(
    series: Sequence[Series], styles: dict[str, int], force_bold: bool
) -> list[tuple[Entry, bool]]:
    """A legend entry per distinct label, and whether its line is bold."""
    bold_labels = {clean(one.label) for one in series if one.weight == "bold"}
    notes: dict[str, str] = {}
    for one in series:
        notes.setdefault(clean(one.label), clean(one.note))
    entries: list[tuple[Entry, bool]] = []
    for label, style in styles.items():
        colour, marker, dash = style_of(style)
        bold = force_bold or label in bold_labels
        line = {
            "color": colour,
            "linestyle": dash,
            "linewidth": 2.2 if bold else 1.5,
            "marker": marker,
            "markersize": 6.0,
            "markeredgecolor": HALO,
            "markeredgewidth": 0.6,
        }
        name = shorten(label, LEGEND_LABEL_MAX)
        label_text = f"{name} {notes[label]}" if notes[label] else name
        entries.append((Entry(label_text, line=line), bold))
    return entries


def _explanation(words: str) -> str:
    """The site's own words in the legend: longer than a name may be."""
    return shorten(clean(words), EXPLANATION_MAX)


def _peak_entry(text: ChartText) -> Entry:
    marker = {
        "marker": PEAK_MARKER,
        "markersize": 12.0,
        "markerfacecolor": HALO,
        "markeredgecolor": INK,
        "markeredgewidth": 0.9,
    }
    return Entry(_explanation(text.peak), marker=marker)


def _revisit_entry(text: ChartText) -> Entry:
    marker = {
        "marker": REVISIT_MARKER,
        "markersize": 10.0,
        "markerfacecolor": "none",
        "markeredgecolor": INK,
        "markeredgewidth": 1.2,
    }
    return Entry(_explanation(text.revisit), marker=marker)
