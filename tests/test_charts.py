from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from journeys.site import charts
from journeys.site.charts import (
    STYLE_COUNT,
    ChartText,
    Series,
    StageSummary,
    curves_chart,
    emotion_chart,
    sparkline,
)
from journeys.site.charts.style import style_of
from journeys.site.charts.text import wrap

SVG = "{http://www.w3.org/2000/svg}"
PLUGINS = str(Path(charts.__file__).resolve().parents[3])

TEXT = ChartText(
    score_axis="Score (1-10)",
    mean="Mean",
    spread="Spread (min-max)",
    peak="Peak moment",
    n="n={n}",
    small="small sample",
    revisit="Came back to this stage",
)
STAGES = (
    StageSummary("Orientation", 3, 5.5, 4.0, 7.0),
    StageSummary("Quote", 0, None, None, None),
    StageSummary("Signing", 3, 7.0, 6.0, 8.5),
    StageSummary("First invoice", 2, 4.5, 3.0, 6.0),
)
SERIES = (
    Series("Starter Sam", 0, ((0.0, 4.0), (2.0, 6.0), (3.0, 3.0)), peaks=((2.0, 6.0),)),
    Series("Starter Sam", 0, ((0.0, 7.0), (2.0, 8.5), (3.0, 6.0))),
    # came back to the first stage: one point there (its mean), ringed
    Series("Busy Dana", 1, ((0.0, 5.75), (2.0, 6.5), (3.0, 4.5)), revisits=((0.0, 5.75),)),
)
Chart = Callable[..., bytes]
CHARTS = pytest.mark.parametrize("chart", [emotion_chart, curves_chart], ids=["emotion", "curves"])


def root_of(svg: bytes) -> ET.Element:
    return ET.fromstring(svg)


def texts(svg: bytes) -> list[str]:
    """The content of every <text> element, in document order."""
    return ["".join(t.itertext()) for t in root_of(svg).iter(f"{SVG}text")]


def stroked_paths(svg: bytes, colour: str) -> list[str]:
    """The ``d`` of every path drawn with the given stroke colour (lowercase hex)."""
    found = []
    for path in root_of(svg).iter(f"{SVG}path"):
        if f"stroke: {colour};" in path.get("style", ""):
            found.append(" ".join(path.get("d", "").split()))
    return found


def xs_of(d: str) -> list[float]:
    return [float(x) for x in re.findall(r"[ML] (-?[\d.]+) -?[\d.]+", d)]


@CHARTS
def test_returns_svg_bytes_that_parse(chart: Chart) -> None:
    svg = chart(STAGES, SERIES, TEXT)
    assert isinstance(svg, bytes)
    assert svg.startswith((b"<?xml", b"<svg"))
    assert root_of(svg).tag == f"{SVG}svg"


@CHARTS
def test_root_svg_scales_with_its_container(chart: Chart) -> None:
    root = root_of(chart(STAGES, SERIES, TEXT))
    assert re.fullmatch(r"0 0 [\d.]+ [\d.]+", root.get("viewBox", ""))
    assert root.get("width") in (None, "100%")
    assert root.get("height") is None
    assert not any(v.endswith("pt") for v in root.attrib.values())


@CHARTS
def test_same_input_same_bytes_in_process(chart: Chart) -> None:
    assert chart(STAGES, SERIES, TEXT) == chart(STAGES, SERIES, TEXT)


RENDER_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, sys.argv[2])
    from test_charts import SERIES, STAGES, TEXT
    from journeys.site.charts import curves_chart, emotion_chart
    sys.stdout.buffer.write(emotion_chart(STAGES, SERIES, TEXT))
    sys.stdout.buffer.write(b"\\n--8<--\\n")
    sys.stdout.buffer.write(curves_chart(STAGES, SERIES, TEXT))
    """
)


def test_same_input_same_bytes_across_processes() -> None:
    outputs = []
    for seed in ("1", "2"):  # different hash seeds: no set or dict order may leak in
        done = subprocess.run(
            [sys.executable, "-c", RENDER_SCRIPT, PLUGINS, str(Path(__file__).parent)],
            capture_output=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    emotion, curves = outputs[0].split(b"\n--8<--\n")
    assert emotion == emotion_chart(STAGES, SERIES, TEXT)
    assert curves == curves_chart(STAGES, SERIES, TEXT)


@CHARTS
def test_stage_names_and_counts_are_text(chart: Chart) -> None:
    found = texts(chart(STAGES, SERIES, TEXT))
    for stage in STAGES:
        assert stage.name in found
    for count in ("n=3", "n=0", "n=2"):
        assert count in found


def test_long_stage_names_wrap_in_at_most_three_short_lines() -> None:
    name = "Offerte aanvragen bij meerdere aanbieders tegelijk"
    stages = (
        StageSummary(name, 1, 5.0, 5.0, 5.0),
        StageSummary("Klantenservicecontact", 0, None, None, None),
    )
    found = texts(emotion_chart(stages, (), TEXT))
    assert ["Offerte", "aanvragen bij", "meerdere…"] == found[found.index("Offerte") :][:3]
    assert "Klantenserv-" in found and "icecontact" in found
    for lines in (wrap(name), wrap("x" * 100)):
        assert 1 <= len(lines) <= 3
        assert all(len(line) <= 14 for line in lines)
        assert lines[-1].endswith("…")


def test_legend_has_summary_entries_and_one_entry_per_label() -> None:
    found = texts(emotion_chart(STAGES, SERIES, TEXT))
    for label in ("Mean", "Spread (min-max)", "Peak moment", "Busy Dana"):
        assert found.count(label) == 1
    assert found.count("Starter Sam") == 1  # two series, one legend entry


def test_legend_leaves_out_what_is_not_drawn() -> None:
    no_peaks = tuple(Series(s.label, s.style, s.points) for s in SERIES)
    found = texts(emotion_chart(STAGES, no_peaks + (Series("", 3, ((0.0, 2.0),)),), TEXT))
    assert "Peak moment" not in found
    assert "" not in found  # the unlabelled series has no legend entry


def test_curves_chart_has_series_legend_but_no_band_or_mean() -> None:
    found = texts(curves_chart(STAGES, SERIES, TEXT))
    assert found.count("Starter Sam") == 1 and found.count("Busy Dana") == 1
    assert "Mean" not in found and "Spread (min-max)" not in found


def test_hostile_names_are_escaped_text() -> None:
    stages = (
        StageSummary("<script>x", 1, 5.0, 5.0, 5.0),
        StageSummary('A & "B"', 1, 5.0, 5.0, 5.0),
        StageSummary("$5 or $6", 1, 5.0, 5.0, 5.0),  # a dollar, not mathtext
        StageSummary("bell\x07", 1, 5.0, 5.0, 5.0),  # not allowed in XML at all
    )
    svg = emotion_chart(stages, (Series("<b>Sam</b>", 0, ((0.0, 5.0),)),), TEXT)
    root = root_of(svg)
    assert not [el for el in root.iter() if el.tag.lower().endswith("script")]
    assert b"<script" not in svg and b"<b>" not in svg
    found = texts(svg)
    for expected in ("<script>x", 'A & "B"', "$5 or $6", "bell", "<b>Sam</b>"):
        assert expected in found


def test_stages_without_scores_do_not_crash_and_leave_a_gap() -> None:
    nothing = tuple(StageSummary(f"Stage {i}", 0, None, None, None) for i in range(3))
    for svg in (
        emotion_chart(nothing, (), TEXT),
        emotion_chart((), (), TEXT),
        curves_chart((), (), TEXT),
        emotion_chart(nothing, (Series("", 0, ()),), TEXT),
    ):
        assert root_of(svg).tag == f"{SVG}svg"
    assert "Mean" not in texts(emotion_chart(nothing, (), TEXT))
    # The mean line of STAGES breaks at the empty second stage: two moves, one line.
    mean = [d for d in stroked_paths(emotion_chart(STAGES, (), TEXT), "#1f2328") if "L" in d]
    assert len(mean) == 2  # the line in the plot and its sample in the legend
    in_plot = max(mean, key=len)
    assert in_plot.count("M") == 2 and in_plot.count("L") == 1


def test_a_series_never_runs_back_and_its_revisits_are_rings() -> None:
    for backwards in (((0.0, 5.0), (2.0, 7.0), (1.0, 4.0)), ((0.0, 5.0), (0.0, 6.0))):
        with pytest.raises(ValueError, match="in order"):
            Series("Loop", 0, backwards)
    loop = Series("Loop", 0, ((0.0, 5.0), (1.0, 5.0), (2.0, 7.5)), revisits=((1.0, 5.0),))
    svg = emotion_chart(STAGES, (loop,), TEXT)
    xs = max((xs_of(d) for d in stroked_paths(svg, "#0072b2")), key=len)
    assert len(xs) == 3 and xs == sorted(set(xs))
    assert texts(svg).count("Came back to this stage") == 1
    assert "Came back to this stage" not in texts(emotion_chart(STAGES, SERIES[:2], TEXT))


def test_styles_differ_in_colour_marker_and_dash() -> None:
    assert STYLE_COUNT >= 8
    styles = [style_of(i) for i in range(STYLE_COUNT)]
    for part in range(3):
        assert len({style[part] for style in styles}) == STYLE_COUNT
    assert style_of(STYLE_COUNT) == style_of(0)
    assert "#F0E442" not in {colour for colour, _, _ in styles}  # yellow is unreadable on white


def test_series_weight_is_checked() -> None:
    with pytest.raises(ValueError, match="weight"):
        Series("x", 0, (), weight="heavy")


def test_many_series_render_with_one_legend_entry_per_label() -> None:
    many = tuple(
        Series(f"Persona {i % 3}", i % 3, tuple((float(x), 1.0 + (i + x) % 10) for x in range(4)))
        for i in range(80)
    )
    found = texts(emotion_chart(STAGES, many, TEXT))
    assert [found.count(f"Persona {i}") for i in range(3)] == [1, 1, 1]


# --- Sparkline ---------------------------------------------------------------------------

SCORES = (6.0, 7.5, 3.0, 9.5, 8.0)


def test_sparkline_is_xml_with_one_circle_per_score() -> None:
    svg = sparkline(SCORES, 3, title="Interview 4")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 240 48"
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == len(SCORES)
    radii = [float(c.get("r", "0")) for c in circles]
    assert radii[3] > max(radii[:3] + radii[4:])  # the peak is the larger ring
    assert circles[3].get("fill") == "none"


def test_sparkline_escapes_its_title() -> None:
    title = 'Sam <script>alert(1)</script> & "Dana"'
    svg = sparkline(SCORES, None, title=title)
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg and "&amp;" in svg
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == title
    assert not [el for el in root.iter() if el.tag.endswith("script")]


def test_sparkline_is_deterministic_and_rounded() -> None:
    scores = (1.0, 10.0, 5.5, 6.123456)
    svg = sparkline(scores, 1, width=100, height=30, title="t")
    assert svg == sparkline(scores, 1, width=100, height=30, title="t")
    numbers = re.findall(r"\d+\.\d+", svg)
    assert numbers and all(len(n.split(".")[1]) == 1 for n in numbers)
    cys = [float(c.get("cy", "0")) for c in ET.fromstring(svg).findall(f"{SVG}circle")]
    assert cys[1] < cys[2] < cys[0]  # 10 at the top, 1 at the bottom


def test_sparkline_edge_cases() -> None:
    for scores, peak in (((), None), ((7.0,), 0), (SCORES, 99), (SCORES, -1)):
        root = ET.fromstring(sparkline(scores, peak))
        assert len(root.findall(f"{SVG}circle")) == len(scores)
    untitled = ET.fromstring(sparkline(SCORES, None))
    assert untitled.get("aria-hidden") == "true" and untitled.find(f"{SVG}title") is None


def test_sparkline_does_not_need_matplotlib() -> None:
    code = (
        f"import sys; sys.path.insert(0, {PLUGINS!r}); import journeys.site.charts as c; "
        "c.sparkline([5.0, 6.0], 1, title='x'); assert 'matplotlib' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Import cost -------------------------------------------------------------------------


def test_import_does_not_import_matplotlib() -> None:
    code = (
        f"import sys; sys.path.insert(0, {PLUGINS!r}); import journeys.site.charts; "
        "assert 'matplotlib' not in sys.modules, 'matplotlib imported eagerly'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
