"""Draw journey charts as SVG: the emotion chart, persona curves and interview sparklines.

Modules by job: :mod:`.data` (what a chart is drawn from), :mod:`.style` (the chart size,
colours, markers, fonts, matplotlib settings), :mod:`.text` (wrapping and measuring words),
:mod:`.canvas` (the figure and its SVG bytes), :mod:`.layout` (axes, margins and legend),
:mod:`.emotion` (:func:`emotion_chart`, :func:`curves_chart`), :mod:`.rounds` (a journey's
rounds on the emotion chart) and :mod:`.sparkline`.

The charts are drawn with matplotlib's object-oriented API, never pyplot, and import
matplotlib only when called, so importing this package stays cheap. Every chart has a
transparent background and follows the page's colour scheme: text, the mean line and
gridlines are CSS variables with a dark value under ``prefers-color-scheme: dark``, which an
``<img>`` takes from the page's ``color-scheme`` (Material's slate sets it to dark); the
series colours read on light and dark pages alike. Series differ in colour (the Okabe-Ito
palette, safe for colour blindness), marker shape *and* dash pattern, so colour never
carries meaning alone. Text
stays text (``svg.fonttype: none``) and the output is byte-for-byte deterministic: the same
input gives the same bytes in every run and process. :func:`sparkline` builds a tiny inline
SVG by hand, without matplotlib.

All words on the charts come from the caller (:class:`ChartText`, stage names, series
labels), so the charts speak whatever language the site does.
"""

from __future__ import annotations

from journeys.site.charts.data import ChartText, RoundLine, RoundLines, Series, StageSummary
from journeys.site.charts.emotion import curves_chart, emotion_chart
from journeys.site.charts.sparkline import sparkline
from journeys.site.charts.style import SIZE, STYLE_COUNT

__all__ = [
    "SIZE",
    "STYLE_COUNT",
    "ChartText",
    "RoundLine",
    "RoundLines",
    "Series",
    "StageSummary",
    "curves_chart",
    "emotion_chart",
    "sparkline",
]
