from __future__ import annotations

import colorsys
import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from contentkit import ContentTree
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.site import charts, kinds, render
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
from journeys.site.labels import Labels

SVG = "{http://www.w3.org/2000/svg}"
PLUGINS = str(Path(charts.__file__).resolve().parents[3])

TEXT = ChartText(
    score_axis="Score from 1 (terrible) to 10 (excellent)",
    mean="Mean",
    spread="Spread (min-max)",
    peak="Peak moment",
    n="n={n}",
    small="small sample",
    revisit="Came back to this stage",
    interviews="Thin lines: one per interview",
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
    assert TEXT.interviews not in found  # its lines are persona means, not interviews


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
    ink = "var(--jr-chart-ink, #1f2328)"
    mean = [d for d in stroked_paths(emotion_chart(STAGES, (), TEXT), ink) if "L" in d]
    assert len(mean) == 2  # the line in the plot and its sample in the legend
    in_plot = max(mean, key=lambda d: len(set(re.findall(r"[ML] -?[\d.]+ (-?[\d.]+)", d))))
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


# --- Colour scheme: transparent, readable on light and dark pages ------------------------

WHITE = "#ffffff"
# Gridlines only guide the eye; the halo is the page's own background, rimming markers.
DECORATIVE = {"--jr-chart-grid", "--jr-chart-halo"}
ALL_STYLES = tuple(
    Series(f"Persona {i}", i, ((0.0, 3.0 + i / 2), (2.0, 8.0 - i / 2)), peaks=((2.0, 8.0 - i / 2),))
    for i in range(STYLE_COUNT)
)


def slate_background() -> str:
    """mkdocs-material's dark (slate) page background, as its installed stylesheets set it."""
    import material

    sheets = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    css = "".join(path.read_text(encoding="utf-8") for path in sorted(sheets.glob("*.min.css")))
    slate = re.search(r"\[data-md-color-scheme=slate\]\{([^}]*)\}", css)
    assert slate, "material's slate palette is no longer where this test reads it"
    hue = re.search(r"--md-hue:([\d.]+)deg", slate[1]) or re.search(r"--md-hue:([\d.]+)deg", css)
    background = re.search(
        r"--md-default-bg-color:hsla\(var\(--md-hue\), *([\d.]+)%, *([\d.]+)%, *1\)", slate[1]
    )
    assert hue and background, "material's slate background is no longer where this test reads it"
    rgb = colorsys.hls_to_rgb(
        float(hue[1]) / 360, float(background[2]) / 100, float(background[1]) / 100
    )
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def declarations(element: ET.Element) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in element.get("style", "").split(";") if ":" in part)
    return {name.strip(): value.strip() for name, value in pairs}


def paints(svg: bytes, scheme: str) -> list[tuple[str, str, str | None]]:
    """``(element, colour, variable)`` of every fill and stroke as the scheme shows it: a
    variable shows its fallback on a light page, its ``prefers-color-scheme: dark`` value
    on a dark one. Translucent fills (the spread band) are left out."""
    root = root_of(svg)
    dark: dict[str, str] = {}
    for style in root.iter(f"{SVG}style"):
        block = re.search(
            r"@media \(prefers-color-scheme: dark\)\{:root\{([^}]*)\}", style.text or ""
        )
        dark |= dict(re.findall(r"(--[\w-]+):(#[0-9a-f]{6})", block[1])) if block else {}
    found: list[tuple[str, str, str | None]] = []
    for element in root.iter():
        style = declarations(element)
        for paint in ("fill", "stroke"):
            value = style.get(paint, "none")
            if value == "none" or (paint == "fill" and float(style.get("fill-opacity", "1")) < 1):
                continue
            variable = re.fullmatch(r"var\((--[\w-]+), *(#[0-9a-f]{6})\)", value)
            if variable:
                name, light = variable[1], variable[2]
                colour = dark.get(name, light) if scheme == "dark" else light
                found.append((element.tag.removeprefix(SVG), colour, name))
            else:
                found.append((element.tag.removeprefix(SVG), value.lower(), None))
    return found


@CHARTS
def test_charts_have_no_opaque_background(chart: Chart) -> None:
    """Nothing opaque covers a large part of the chart: the page's background shows."""
    root = root_of(chart(STAGES, ALL_STYLES, TEXT))
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    for element in root.iter(f"{SVG}path"):
        style = declarations(element)
        if style.get("fill", "#000000") == "none" or float(style.get("fill-opacity", "1")) < 1:
            continue
        numbers = [float(n) for n in re.findall(r"-?[\d.]+", element.get("d", ""))]
        xs, ys = numbers[0::2], numbers[1::2]
        area = (max(xs) - min(xs)) * (max(ys) - min(ys)) if xs else 0.0
        assert area < 0.05 * width * height, f"an opaque {style.get('fill')} fills {area:.0f}"


@CHARTS
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_and_lines_read_on_light_and_dark_pages(chart: Chart, scheme: str) -> None:
    """WCAG contrast against the page: text 4.5:1, lines and markers 3:1 (non-text
    graphics), on white and on Material's slate background. Thin lines are drawn faint on
    purpose; their colour, as the legend shows it, is what is measured."""
    background = WHITE if scheme == "light" else slate_background()
    weak = [
        f"{element} {colour} ({variable}): {contrast(colour, background):.2f}"
        for element, colour, variable in paints(chart(STAGES, ALL_STYLES, TEXT), scheme)
        if variable not in DECORATIVE
        and contrast(colour, background) < (4.5 if element == "text" else 3.0)
    ]
    assert weak == [], f"on {background}"


def test_slate_background_is_read_from_material() -> None:
    assert contrast(slate_background(), WHITE) > 12  # a dark page, not a misread


# --- Charts explain themselves, in the site's language -----------------------------------


@pytest.fixture(scope="module")
def study(tmp_path_factory: pytest.TempPathFactory) -> Study:
    root = tmp_path_factory.mktemp("chart-study")
    ContentTree(root / "content").minimal()
    loaded = load_study(root / "content", root)
    assert not loaded.has_errors, loaded.diagnostics
    return loaded


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_site_says_what_the_chart_shows(study: Study, language: str) -> None:
    t = Labels.for_language(language)
    site = kinds.renderer(study, t, lambda source, target: target)
    made = site.chart("x.svg", emotion_chart, list(STAGES), list(SERIES)).content
    assert isinstance(made, render.Chart)
    found = texts(made.draw())
    heading = t("chart_interview_lines")
    for key in ("chart_score_axis", "chart_peak", "chart_revisit", "chart_interview_lines"):
        assert found.count(t(key)) == 1, key
    # The heading sits between the summary entries and the persona entries it explains.
    assert found.index(t("chart_revisit")) < found.index(heading) < found.index("Starter Sam")
    assert "interview" in heading and "persona" in heading
    assert "1 (" in t("chart_score_axis") and "10 (" in t("chart_score_axis")  # what they mean
    assert heading in made.key  # a change of words draws the chart again


# --- Sparkline ---------------------------------------------------------------------------

SCORES = (6.0, 7.5, 3.0, 9.5, 8.0)


def test_sparkline_is_xml_with_one_circle_per_score() -> None:
    svg = sparkline(SCORES, 3, title="Interview 4")
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "-14 0 254 48"  # 240 wide, the scale's labels left of 0
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == len(SCORES)
    radii = [float(c.get("r", "0")) for c in circles]
    assert radii[3] > max(radii[:3] + radii[4:])  # the peak is the larger ring
    assert circles[3].get("fill") == "none"


def test_sparkline_has_a_scale_from_1_to_10() -> None:
    root = ET.fromstring(sparkline((1.0, 10.0, 5.0), None, title="t"))
    circles = root.findall(f"{SVG}circle")
    bottom, top = (float(circles[i].get("cy", "")) for i in (0, 1))
    labels = {label.text: label for label in root.findall(f"{SVG}text")}
    assert set(labels) == {"1", "10"}
    for text, y in (("10", top), ("1", bottom)):
        assert float(labels[text].get("y", "")) == pytest.approx(y, abs=4)  # beside its line
        left_of_line = float(labels[text].get("x", "")) < float(circles[0].get("cx", ""))
        assert labels[text].get("text-anchor") == "end" and left_of_line
    view_left = float(root.get("viewBox", "").split()[0])
    assert view_left <= -8  # room for "10" inside the picture
    assert sorted(float(line.get("y1", "")) for line in root.findall(f"{SVG}line")) == [top, bottom]


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
