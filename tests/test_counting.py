"""Each interview counts once per stage: n counts people, not steps, and lines run forward.

The study below has loops (three steps at one stage, a return to an earlier stage, a
return after a later stage), interviews whose participants did not consent, and personas
of 3, 2 and 1 interviews. Every expected figure is computed here from the fixture's own
values (the dicts written as front matter), never with the plugin's aggregate functions.
"""

from __future__ import annotations

import html
import itertools
import json
import re
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import pytest

from contentkit import ContentTree
from journeys.content.loading import load_study
from journeys.site import charts, kinds
from journeys.site.charts.style import style_of
from journeys.site.kinds import journeys, personas
from journeys.site.labels import Labels
from journeys.site.render import Chart, OutputFile, Renderer

STAGES = ("notice", "report", "wait", "fix")
SMALL = 3
"""Fewer interviews than this is a small sample."""


def step(stage: str, score: float, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did something at {stage}", "score": score} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    "e-01": {  # three steps at one stage
        "persona": "eva",
        "consent": True,
        "date": "2026-01-01",
        "steps": [
            step("notice", 3),
            step("report", 5),
            step("report", 6, accepted=True),
            step("report", 8, accepted=True),
            step("wait", 7, peak=True),
            step("fix", 9),
        ],
    },
    "e-02": {  # back to an earlier stage
        "persona": "eva",
        "consent": True,
        "date": "2026-01-02",
        "steps": [
            step("notice", 4),
            step("report", 6),
            step("notice", 2, peak=True),
            step("wait", 5),
            step("fix", 8, accepted=True),
        ],
    },
    "e-03": {  # not consenting; skips a stage; two steps in a row at one stage
        "persona": "eva",
        "consent": False,
        "date": "2026-01-03",
        "steps": [
            step("notice", 6, peak=True),
            step("wait", 3, accepted=True),
            step("wait", 4),
            step("fix", 5),
        ],
    },
    "b-01": {  # not consenting; back to an earlier stage after a later one
        "persona": "bob",
        "consent": False,
        "date": "2026-01-04",
        "steps": [
            step("notice", 5),
            step("report", 4),
            step("wait", 6),
            step("report", 7, peak=True),
            step("fix", 6.5),
        ],
    },
    "b-02": {
        "persona": "bob",
        "consent": True,
        "date": "2026-01-05",
        "steps": [
            step("notice", 7, accepted=True),
            step("report", 7.5, accepted=True),
            step("fix", 9),
        ],
    },
    "k-01": {
        "persona": "kim",
        "consent": True,
        "date": "2026-01-06",
        "steps": [step("notice", 2), step("wait", 4.5, peak=True)],
    },
}
PERSONAS = sorted({fields["persona"] for fields in INTERVIEWS.values()})


# --- what the fixture says, computed from its values --------------------------------------


def interviews_of(persona: str | None = None) -> dict[str, dict[str, Any]]:
    """The fixture's interviews (of ``persona``), in date order."""
    return {
        key: fields
        for key, fields in sorted(INTERVIEWS.items(), key=lambda item: item[1]["date"])
        if persona in (None, fields["persona"])
    }


def score_at(fields: dict[str, Any], stage: str) -> float | None:
    """An interview's score at a stage: the mean of its steps there."""
    here = [s["score"] for s in fields["steps"] if s["stage"] == stage]
    return statistics.fmean(here) if here else None


def expected_stats(stage: str, persona: str | None = None) -> tuple[int, Any, Any, Any, bool]:
    scores = [score_at(f, stage) for f in interviews_of(persona).values()]
    found = [score for score in scores if score is not None]
    if not found:
        return (0, None, None, None, True)
    return (len(found), statistics.fmean(found), min(found), max(found), len(found) < SMALL)


def revisited(fields: dict[str, Any]) -> set[str]:
    """The stages an interview came back to after a step at another stage."""
    stages = [s["stage"] for s in fields["steps"]]
    runs = Counter(stage for i, stage in enumerate(stages) if i == 0 or stages[i - 1] != stage)
    return {stage for stage, count in runs.items() if count > 1}


def with_flag(stage: str, flag: str) -> tuple[int, int]:
    """(interviews, moments) with ``flag`` set on a step at ``stage``."""
    moments = [
        key
        for key, fields in INTERVIEWS.items()
        for s in fields["steps"]
        if s["stage"] == stage and s.get(flag)
    ]
    return len(set(moments)), len(moments)


# --- the site built from it ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    root = tmp_path_factory.mktemp("counting")
    tree = ContentTree(root / "content")
    for persona in PERSONAS:
        tree.persona(persona)
    tree.journey("repair", STAGES)
    for key, fields in INTERVIEWS.items():
        tree.interview(key, journey="repair", overall_score=6, **fields)
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics
    return kinds.renderer(study, Labels.for_language("en"), lambda source, target: target)


def repair(site: Renderer) -> journeys.JourneyView:
    return journeys.journey_view(site.data, site.data.study.journeys["repair"])


def output(site: Renderer, src_uri: str) -> str | bytes:
    """One generated file's content (a chart drawn)."""
    found: OutputFile = next(f for f in kinds.site_files(site) if f.src_uri == src_uri)
    return found.content.draw() if isinstance(found.content, Chart) else found.content


def test_each_interview_counts_once_per_stage(site: Renderer) -> None:
    # the loops the fixture is about
    assert [s["stage"] for s in INTERVIEWS["e-01"]["steps"]].count("report") == 3
    assert (revisited(INTERVIEWS["e-02"]), revisited(INTERVIEWS["b-01"])) == (
        {"notice"},
        {"report"},
    )
    assert revisited(INTERVIEWS["e-03"]) == set()  # two steps in a row: no revisit
    view = repair(site)
    for column in view.columns:
        n, mean, low, high, small = expected_stats(column.stage.id)
        assert column.stats.n == n, column.stage.id
        assert column.stats.mean == pytest.approx(mean), column.stage.id
        assert (column.stats.low, column.stats.high) == (low, high), column.stage.id
        assert column.stats.small == small, column.stage.id
    # report: e-01's three steps are one score (mean 6.33), b-01's two steps another (5.5)
    report = view.columns[STAGES.index("report")].stats
    assert report.n == 4 and report.mean == pytest.approx((19 / 3 + 6 + 5.5 + 7.5) / 4)


def test_the_small_sample_flag_counts_interviews(site: Renderer) -> None:
    eva = interviews_of("eva")
    steps = [s for f in eva.values() for s in f["steps"] if s["stage"] == "report"]
    people = [key for key, f in eva.items() if any(s["stage"] == "report" for s in f["steps"])]
    assert len(steps) >= SMALL > len(people)  # by steps it would not be a small sample
    [curve] = [c for c in repair(site).persona_curves if c.persona.slug == "eva"]
    report = curve.stats[STAGES.index("report")]
    assert (report.n, report.small) == (len(people), True)


def test_stage_csv_and_json_count_interviews(site: Renderer) -> None:
    data = json.loads(output(site, journeys.journey_json("repair")))
    rows = str(output(site, journeys.journey_csv("repair"))).splitlines()[1:]
    for stage, exported, row in zip(STAGES, data["stages"], rows, strict=True):
        n, mean, low, high, small = expected_stats(stage)
        assert exported["scores"]["n"] == n and exported["scores"]["small_sample"] == small
        assert exported["scores"]["mean"] == pytest.approx(mean, abs=0.005)
        assert (exported["scores"]["min"], exported["scores"]["max"]) == (low, high)
        cells = row.split(",")
        assert cells[:4] == ["repair", stage, stage.title(), str(n)]
        assert float(cells[4]) == pytest.approx(mean, abs=0.005)
        assert cells[-1] == str(small).lower()
        assert exported["peaks"] == dict(zip(("interviews", "moments"), with_flag(stage, "peak")))
        assert exported["accepted_as_normal"] == dict(
            zip(("interviews", "moments"), with_flag(stage, "accepted"))
        )
    for persona in PERSONAS:
        own = data["per_persona"][persona]
        assert own["interviews"] == len(interviews_of(persona))
        assert own["small_sample"] == (len(interviews_of(persona)) < SMALL)
        assert [s["n"] for s in own["stages"]] == [expected_stats(st, persona)[0] for st in STAGES]


def test_peaks_and_accepted_count_interviews(site: Renderer) -> None:
    for stage, column in zip(STAGES, repair(site).columns):
        assert (column.peak_interviews, column.peak_moments) == with_flag(stage, "peak")
        assert (column.accepted_interviews, column.accepted_moments) == with_flag(stage, "accepted")
    assert with_flag("report", "accepted") == (2, 3)  # e-01 twice, b-02 once: 2 people
    page = str(output(site, journeys.journey_page("repair")))
    assert "Accepted as normal <span" in page and "in 2 interviews</span>" in page
    assert "×3" not in page


def test_persona_curves_rest_on_each_personas_own_interviews(site: Renderer) -> None:
    view = repair(site)
    assert [curve.persona.slug for curve in view.persona_curves] == PERSONAS
    for curve in view.persona_curves:
        own = interviews_of(curve.persona.slug)
        assert curve.interviews == len(own)
        for stage, stats in zip(STAGES, curve.stats):
            n, mean, low, high, small = expected_stats(stage, curve.persona.slug)
            assert (stats.n, stats.low, stats.high, stats.small) == (n, low, high, small)
            assert stats.mean == pytest.approx(mean)
    for persona in PERSONAS:  # the persona page's curve of this journey
        page_view = personas.persona_view(site.data, site.data.study.personas[persona])
        [(_, per_stage)] = page_view.curves
        assert [s.n for s in per_stage] == [expected_stats(st, persona)[0] for st in STAGES]


def notes() -> dict[str, str]:
    """Each persona's legend note: its interviews in the journey, small ones labelled."""
    result = {}
    for persona in PERSONAS:
        n = len(interviews_of(persona))
        result[persona] = f"(n={n}, small sample)" if n < SMALL else f"(n={n})"
    return result


def test_the_per_persona_chart_shows_each_personas_n_not_the_journeys(site: Renderer) -> None:
    svg = output(site, journeys.journey_personas_chart("repair"))
    assert isinstance(svg, bytes)
    found = texts(svg)
    for persona, note in notes().items():
        assert f"{persona.title()} {note}" in found
    assert not [text for text in found if re.fullmatch(r"n=\d+", text)]
    page = html.unescape(str(output(site, journeys.journey_page("repair"))))
    table = page[page.index("jr-persona-table") :]
    for persona, note in notes().items():
        assert f'{persona.title()} <span class="jr-n">{note}</span>' in table
    kim = output(site, personas.persona_chart("kim", "repair"))
    assert isinstance(kim, bytes)
    assert "Kim (n=1, small sample)" in texts(kim)
    assert texts(kim).count("small sample") == sum(
        expected_stats(stage, "kim")[0] > 0 for stage in STAGES
    )


# --- emotion lines follow the journey's stage order -----------------------------------------


def test_each_interview_line_has_one_point_per_stage_in_order(site: Renderer) -> None:
    view = repair(site)
    series = journeys.interview_series(site, view)
    assert len(series) == len(INTERVIEWS)
    for one, (key, fields) in zip(series, interviews_of().items(), strict=True):
        points = [
            (index, score_at(fields, stage))
            for index, stage in enumerate(STAGES)
            if score_at(fields, stage) is not None
        ]
        assert [(x, pytest.approx(y)) for x, y in one.points] == points, key
        xs = [x for x, _ in one.points]
        assert xs == sorted(set(xs)), key  # never back, never two points at one stage
        assert {STAGES[int(x)] for x, _ in one.revisits} == revisited(fields), key
        peaks = {s["stage"] for s in fields["steps"] if s.get("peak")}
        assert {STAGES[int(x)] for x, _ in one.peaks} == peaks, key
        assert one.note == notes()[fields["persona"]], key


def test_the_emotion_chart_lines_never_run_back(site: Renderer) -> None:
    svg = output(site, journeys.journey_chart("repair"))
    assert isinstance(svg, bytes)
    colours = {style_of(site.data.persona_style(p))[0].lower() for p in PERSONAS}
    drawn = [d for colour in colours for d in stroked_paths(svg, colour)]
    assert len(drawn) >= len(INTERVIEWS)
    for d in drawn:
        for part in re.split(r"(?=M)", d):
            xs = [float(x) for x in re.findall(r"[ML] (-?[\d.]+) -?[\d.]+", part)]
            assert all(a < b for a, b in itertools.pairwise(xs)), d
    assert texts(svg).count("Came back to this stage") == 1


def test_a_line_drawn_backwards_is_refused() -> None:
    with pytest.raises(ValueError):
        charts.Series("Eva", 0, ((0.0, 5.0), (1.0, 6.0), (0.0, 2.0)))
    with pytest.raises(ValueError):
        charts.Series("Eva", 0, ((1.0, 5.0), (1.0, 6.0)))  # a vertical segment


# --- SVG helpers ---------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: bytes) -> list[str]:
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def stroked_paths(svg: bytes, colour: str) -> list[str]:
    return [
        " ".join(path.get("d", "").split())
        for path in ET.fromstring(svg).iter(f"{SVG}path")
        if f"stroke: {colour};" in path.get("style", "")
    ]


def test_the_stage_table_labels_small_samples(site: Renderer) -> None:
    page = str(output(site, journeys.journey_page("repair")))
    rows = re.findall(r'<th scope="row">(\w+)</th><td>(\d+)( <span[^>]*>small sample)?', page)
    assert [(stage, int(n), bool(badge)) for stage, n, badge in rows] == [
        (stage.title(), expected_stats(stage)[0], expected_stats(stage)[4]) for stage in STAGES
    ]
