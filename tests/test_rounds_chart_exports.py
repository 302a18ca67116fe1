"""The emotion graph, the expectations table and the downloads of a journey with rounds
(issue 20): one mean curve per round (the latest emphasised, each with its name, n and what
changed), the round of each row in the table with a filter by round, and the round of each
interview and step in the JSON and the CSV. A journey without rounds has none of it.

The expected figures are computed here from the fixture's YAML, read back from the files
the study is built from, in plain Python; the site is one real ``mkdocs build --strict``.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import browser_kit as kit
from contentkit import ContentTree, build, write_site
from journeys.content.loading import load_study
from journeys.site import charts, kinds, render
from journeys.site.charts import ChartText
from journeys.site.charts.layout import DETAIL_WIDTH, LEGEND_SIZE
from journeys.site.charts.text import text_width
from journeys.site.labels import Labels

CHANGE_BEFORE = "Laptops went to the supplier; nobody had one to work on meanwhile."
CHANGE_AFTER = (
    "A loan laptop at the desk while yours is away, set up with your own files, and a text"
    " message every morning saying where the repair is and when it will be ready to collect."
)
ROUNDS = [
    {
        "id": "before",
        "name": "Before the loan laptops",
        "from": "2026-01-05",
        "to": "2026-02-28",
        "change": CHANGE_BEFORE,
    },
    {"id": "after", "name": "After the loan laptops", "from": "2026-03-01", "change": CHANGE_AFTER},
]
STAGES = ("notice", "report", "wait")
SVG = "{http://www.w3.org/2000/svg}"


def step(stage: str, score: float, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did something at {stage}", "score": score} | fields


def late(stage: str, score: float, expected: str, actual: str) -> dict[str, Any]:
    return step(stage, score, expected=expected, actual=actual)


INTERVIEWS: dict[str, dict[str, Any]] = {
    # b-01 comes back to `wait`: one score there, the mean of its two steps
    "b-01": {
        "date": "2026-01-10",
        "steps": [
            step("notice", 6),
            step("report", 5),
            late("wait", 2, "2 days", "9 days"),
            step("wait", 5),
        ],
    },
    "b-02": {
        "date": "2026-01-20",
        "steps": [step("notice", 7), step("report", 4), late("wait", 3, "1 day", "4 days")],
    },
    "b-03": {
        "date": "2026-02-02",
        "persona": "sam",
        "steps": [
            step("notice", 5),
            late("report", 6, "1 day", "2 days"),
            late("wait", 2, "1 day", "2 days"),
        ],
    },
    # counted in every figure; its words (and rows) never published
    "b-04": {
        "date": "2026-02-20",
        "consent": False,
        "steps": [step("notice", 6), step("report", 5), late("wait", 4, "3 days", "3 days")],
    },
    "a-01": {
        "date": "2026-03-05",
        "steps": [
            step("notice", 7),
            late("report", 6, "1 day", "1 day"),
            late("wait", 6, "2 days", "1 day"),
        ],
    },
    # skips `report`
    "a-02": {
        "date": "2026-03-10",
        "persona": "sam",
        "steps": [step("notice", 6), late("wait", 7, "1 day", "2 days")],
    },
    "a-03": {
        "date": "2026-03-12",
        "round": "after",
        "steps": [
            step("notice", 8),
            step("report", 5),
            late("wait", 8, "1 week", "3 days"),
            step("wait", 6),
        ],
    },
    "a-04": {
        "date": "2026-03-20",
        "steps": [
            late("notice", 9, "1 hour", "1 hour"),
            step("report", 7),
            late("wait", 7, "2 days", "2 days"),
        ],
    },
}


def write_study(content: Path) -> None:
    tree = ContentTree(content)
    tree.persona("eva")
    tree.persona("sam")
    tree.journey("repair", stages=STAGES, rounds=ROUNDS)
    tree.journey("onboarding", stages=("start", "settle"))
    for name, fields in INTERVIEWS.items():
        tree.interview(name, **fields)
    start = [late("start", 4, "1 day", "3 days"), step("settle", 8)]
    tree.interview("o-01", journey="onboarding", steps=start)
    tree.interview("o-02", journey="onboarding", stages=("start", "settle"), scores=(6, 7))


# ---- what the YAML says, in plain Python ---------------------------------------------------


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    found = yaml.safe_load(text.split("---\n")[1])
    assert isinstance(found, dict)
    return found


def interviews_of(content: Path, journey: str) -> dict[str, dict[str, Any]]:
    found = {path.stem: front_matter(path) for path in sorted(content.glob("interviews/*.md"))}
    return {key: fields for key, fields in found.items() if fields["journey"] == journey}


def as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def round_by_yaml(rounds: list[dict[str, Any]], interview: dict[str, Any]) -> str:
    """The interview's `round`, else the round whose dates hold its date."""
    if "round" in interview:
        return str(interview["round"])
    day = as_date(interview["date"])
    held = [
        item["id"]
        for item in rounds
        if as_date(item["from"]) <= day and ("to" not in item or day <= as_date(item["to"]))
    ]
    assert len(held) == 1, (interview, held)
    return str(held[0])


def expected_rounds(content: Path) -> dict[str, str]:
    """Interview key -> round id, from the YAML of the journey and its interviews."""
    rounds = front_matter(content / "journeys" / "repair.md")["rounds"]
    return {
        key: round_by_yaml(rounds, fields)
        for key, fields in interviews_of(content, "repair").items()
    }


def expected_means(content: Path) -> dict[str, list[tuple[float, int] | None]]:
    """Round id -> per stage (in order): (mean, n) over the round's interviews with a step
    there, each interview's score there the mean of its steps there; None without any."""
    members = expected_rounds(content)
    interviews = interviews_of(content, "repair")
    result: dict[str, list[tuple[float, int] | None]] = {}
    for round_id in ("before", "after"):
        per_stage: list[tuple[float, int] | None] = []
        for stage in STAGES:
            scores = [
                statistics.fmean(s["score"] for s in fields["steps"] if s["stage"] == stage)
                for key, fields in interviews.items()
                if members[key] == round_id and any(s["stage"] == stage for s in fields["steps"])
            ]
            per_stage.append((statistics.fmean(scores), len(scores)) if scores else None)
        result[round_id] = per_stage
    return result


# ---- the study, built once -----------------------------------------------------------------


@pytest.fixture(scope="module")
def study_dirs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(content folder, built site)."""
    root = tmp_path_factory.mktemp("rounds-chart")
    write_study(root / "content")
    write_site(root)
    return root / "content", build(root)


@pytest.fixture(scope="module")
def content(study_dirs: tuple[Path, Path]) -> Path:
    return study_dirs[0]


@pytest.fixture(scope="module")
def site(study_dirs: tuple[Path, Path]) -> Path:
    return study_dirs[1]


def made_files(content: Path, language: str = "en") -> dict[str, render.OutputFile]:
    """Every file the site's page kinds make from ``content`` (without MkDocs)."""
    study = load_study(content, content.parent)
    assert not study.has_errors, study.diagnostics
    renderer = kinds.renderer(study, Labels.for_language(language), lambda source, to: to)
    return {made.src_uri: made for made in kinds.site_files(renderer)}


def chart_of(files: dict[str, render.OutputFile], src_uri: str) -> render.Chart:
    chart = files[src_uri].content
    assert isinstance(chart, render.Chart)
    return chart


# ---- the emotion graph ---------------------------------------------------------------------


def test_the_graph_has_one_curve_per_round_through_its_means(content: Path) -> None:
    t = Labels.for_language("en")
    chart = chart_of(made_files(content), "journeys/repair-emotion.svg")
    rounds = chart.draw.args[3]  # type: ignore[attr-defined]  # what the chart is drawn from
    assert isinstance(rounds, charts.RoundLines)
    assert rounds.heading == t("chart_rounds")
    means = expected_means(content)
    members = list(expected_rounds(content).values())
    assert [line.label for line in rounds.lines] == [item["name"] for item in ROUNDS]
    for line, item in zip(rounds.lines, ROUNDS, strict=True):
        expected = [(index, found[0]) for index, found in enumerate(means[item["id"]]) if found]
        assert [x for x, _ in line.points] == [x for x, _ in expected]
        assert [y for _, y in line.points] == pytest.approx([y for _, y in expected], abs=1e-9)
        n = members.count(item["id"])
        assert line.note == t.sample(n, n < 3)
        assert line.change == t("round_what_changed", change=item["change"])
    assert [line.latest for line in rounds.lines] == [False, True]


def grid_scale(root: ET.Element) -> tuple[float, float]:
    """(y of score 1, y of score 10) in the SVG, from the gridlines at every score."""
    ys = []
    for path in root.iter(f"{SVG}path"):
        if "--jr-chart-grid" in path.get("style", ""):
            ys += [float(y) for y in re.findall(r"[ML] [-\d.]+ ([-\d.]+)", path.get("d", ""))]
    levels = sorted(set(ys))
    assert len(levels) == 10, levels
    return levels[-1], levels[0]


def curves(root: ET.Element, colour: str) -> list[list[tuple[float, float]]]:
    """The points of every line drawn in the scheme colour ``colour`` (e.g. ``ink``)."""
    found = []
    for path in root.iter(f"{SVG}path"):
        if f"stroke: var(--jr-chart-{colour}," in path.get("style", ""):
            pairs = re.findall(r"[ML] ([-\d.]+) ([-\d.]+)", path.get("d", ""))
            found.append([(float(x), float(y)) for x, y in pairs])
    return found


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def test_the_drawn_graph_shows_the_latest_bold_the_earlier_dashed_and_what_changed(
    content: Path, site: Path
) -> None:
    t = Labels.for_language("en")
    root = ET.fromstring((site / "journeys" / "repair-emotion.svg").read_bytes())
    one, ten = grid_scale(root)

    def score(y: float) -> float:
        return 1 + 9 * (one - y) / (one - ten)

    def plotted(colour: str) -> list[list[float]]:
        inside = [c for c in curves(root, colour) if all(ten - 1 <= y <= one + 1 for _, y in c)]
        return [[round(score(y), 2) for _, y in c] for c in inside if len(c) > 1]

    means = expected_means(content)
    before = [round(found[0], 2) for found in means["before"] if found]
    after = [round(found[0], 2) for found in means["after"] if found]
    assert after in plotted("ink")  # the latest: the bold line in the text's colour
    assert before in plotted("muted")  # earlier: lighter
    assert not any(len(c) == len(STAGES) and c != after for c in plotted("ink"))  # no pooled mean
    dashed = [
        path.get("style", "")
        for path in root.iter(f"{SVG}path")
        if "stroke: var(--jr-chart-muted," in path.get("style", "")
    ]
    assert any("stroke-dasharray" in style for style in dashed)
    words = texts(root)
    assert t("mean") not in words
    assert words.index(t("chart_rounds")) < words.index("Before the loan laptops (n=4)")
    assert "After the loan laptops (n=4)" in words
    # What changed, under each round's name, wrapped to fit beside its sample line.
    wrapped = []
    for item, following in ((ROUNDS[0], ROUNDS[1]["name"]), (ROUNDS[1], t("chart_spread"))):
        start = next(i for i, w in enumerate(words) if w.startswith(item["name"]))
        end = next(i for i, w in enumerate(words) if w.startswith(following))
        lines = words[start + 1 : end]
        assert " ".join(lines) == t("round_what_changed", change=item["change"])
        assert all(text_width(line, LEGEND_SIZE) <= DETAIL_WIDTH for line in lines)
        wrapped.append(len(lines))
    assert wrapped == [1, 2]


def test_the_graph_says_in_words_that_it_draws_a_curve_per_round(site: Path) -> None:
    page = html.unescape((site / "journeys" / "repair" / "index.html").read_text("utf-8"))
    alt = re.search(r'<img src="\.\./repair-emotion\.svg" alt="([^"]*)"', page)
    assert alt is not None
    assert "mean score per stage in each of its 2 rounds, from 8 interviews" in alt[1]
    assert "The bold line is the latest round, After the loan laptops (n=4)" in alt[1]
    assert "“Before and after”" in alt[1]


def test_a_long_change_takes_at_most_three_lines_and_a_round_without_interviews_no_entry() -> None:
    stages = [
        charts.StageSummary("Notice", 2, 5.0, 4.0, 6.0),
        charts.StageSummary("Wait", 2, 6.0, 5.0, 7.0),
    ]
    words = ChartText("Score", "Mean", "Spread", "Peak", "Thin lines", "n={n}", "small", "Back")
    long_change = "What changed: " + " ".join(f"step{number}" for number in range(200))
    rounds = charts.RoundLines(
        "Per round",
        (
            charts.RoundLine("Old", "(n=2)", long_change, ((0, 5.0), (1, 6.0))),
            charts.RoundLine("Empty", "", "Nothing yet", ()),
            charts.RoundLine("New", "(n=2)", "", ((0, 6.0), (1, 7.0)), latest=True),
        ),
    )
    svg = charts.emotion_chart(stages, [], words, rounds)
    assert svg == charts.emotion_chart(stages, [], words, rounds)  # deterministic
    found = texts(ET.fromstring(svg))
    detail = found[found.index("Old (n=2)") + 1 : found.index("New (n=2)")]
    assert len(detail) == 3 and detail[-1].endswith("…")
    assert all(text_width(line, LEGEND_SIZE) <= DETAIL_WIDTH for line in detail)
    assert not any("Empty" in text or "Nothing yet" in text for text in found)


def test_without_rounds_the_graph_draws_the_one_mean_line_as_before(content: Path) -> None:
    files = made_files(content)
    chart = chart_of(files, "journeys/onboarding-emotion.svg")
    assert len(chart.draw.args) == 3  # type: ignore[attr-defined]  # stages, lines, words
    root = ET.fromstring(chart.draw())
    assert Labels.for_language("en")("mean") in texts(root)
    assert Labels.for_language("en")("chart_rounds") not in texts(root)


# ---- the expectations table ----------------------------------------------------------------


def table_rows(page: str) -> list[tuple[str | None, list[str]]]:
    """(data-round, cell texts) of every row of the expectations tables."""
    found = []
    for table in re.findall(r'<table class="jr-expectations">(.*?)</table>', page, re.DOTALL):
        for attributes, cells in re.findall(r"<tr([^>]*)>(.*?)</tr>", table, re.DOTALL):
            if "<td" not in cells:
                continue
            marked = re.search(r'data-round="([^"]*)"', attributes)
            text = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", cells)]
            found.append((marked[1] if marked else None, text))
    return found


def test_the_table_gives_each_rows_round_and_a_filter_by_round(content: Path, site: Path) -> None:
    page = html.unescape((site / "journeys" / "repair" / "index.html").read_text("utf-8"))
    members = expected_rounds(content)
    names = {item["id"]: item["name"] for item in ROUNDS}
    header = re.search(r'<table class="jr-expectations">\s*<thead>(.*?)</thead>', page, re.DOTALL)
    assert header is not None
    assert re.findall(r"<th[^>]*>(.*?)</th>", header[1])[-3:] == ["Round", "Persona", "Interview"]
    rows = table_rows(page)
    published = [key for key in members if INTERVIEWS[key].get("consent", True)]
    expected_rows = sum(1 for key in published for s in INTERVIEWS[key]["steps"] if "expected" in s)
    assert len(rows) == expected_rows == 10  # 6 shown, 4 behind "4 more rows"
    for round_id, cells in rows:
        interview = cells[-1]
        assert round_id == members[interview]
        assert cells[-3] == names[members[interview]]
    select = re.search(r'<p class="jr-round-filter" hidden>(.*?)</p>', page, re.DOTALL)
    assert select is not None
    assert '<label for="jr-round-filter">Show the rows of</label>' in select[1]
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', select[1])
    assert options == [("", "every round"), ("before", names["before"]), ("after", names["after"])]


def test_a_journey_without_rounds_has_no_round_column_and_no_filter(site: Path) -> None:
    page = html.unescape((site / "journeys" / "onboarding" / "index.html").read_text("utf-8"))
    assert "jr-round-filter" not in page
    rows = table_rows(page)
    assert rows and all(round_id is None for round_id, _ in rows)
    assert all(len(cells) == 10 for _, cells in rows)
    assert '<th scope="col">Round</th>' not in page


# ---- the downloads -------------------------------------------------------------------------


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"))))


def test_the_downloads_give_each_interview_and_step_its_round(content: Path, site: Path) -> None:
    members = expected_rounds(content)
    names = {item["id"]: item["name"] for item in ROUNDS}
    table = read_csv(site / "journeys" / "repair-expectations.csv")
    assert table[0][-3:] == ["Persona", "interview", "Round"]
    assert len(table) == 11
    assert all(row[-1] == names[members[row[-2]]] for row in table[1:])

    data = json.loads((site / "journeys" / "repair.json").read_text("utf-8"))
    assert all(row["round"] == members[row["interview"]] for row in data["expectations"])
    assert [item["id"] for item in data["rounds"]] == ["before", "after"]
    means = expected_means(content)
    for item, written in zip(data["rounds"], ROUNDS, strict=True):
        keys = sorted(key for key, round_id in members.items() if round_id == item["id"])
        assert sorted(item["interview_keys"]) == keys  # b-04 too: counted, never quoted
        assert item["interviews"] == len(keys)
        assert (item["name"], item["from"], item["change"]) == (
            written["name"],
            written["from"],
            written["change"],
        )
        assert item["to"] == written.get("to")
        for stage, found in zip(item["stages"], means[item["id"]], strict=True):
            assert stage["scores"]["n"] == (found[1] if found else 0)
            assert stage["scores"]["mean"] == (pytest.approx(found[0]) if found else None)

    stages = read_csv(site / "journeys" / "repair-stages.csv")
    assert stages[0][-1] == "round"
    by_round = {(row[-1], row[1]): row for row in stages[1:]}
    assert len(by_round) == len(stages) - 1 == 3 * len(STAGES)
    for round_id in ("before", "after"):
        for stage, found in zip(STAGES, means[round_id], strict=True):
            row = by_round[(round_id, stage)]
            assert int(row[3]) == (found[1] if found else 0)
            assert float(row[4]) == pytest.approx(found[0]) if found else row[4] == ""
    assert [int(by_round[("", stage)][3]) for stage in STAGES] == [8, 7, 8]  # every interview


def test_without_rounds_the_downloads_have_no_round(site: Path) -> None:
    table = read_csv(site / "journeys" / "onboarding-expectations.csv")
    assert table[0][-1] == "interview" and len(table) == 2
    data = json.loads((site / "journeys" / "onboarding.json").read_text("utf-8"))
    assert "rounds" not in data
    assert all("round" not in row for row in data["expectations"])
    stages = read_csv(site / "journeys" / "onboarding-stages.csv")
    assert stages[0] == [
        "journey",
        "stage",
        "stage_name",
        "n",
        "mean",
        "min",
        "max",
        "small_sample",
    ]
    assert len(stages) == 3


# ---- the filter, in a browser --------------------------------------------------------------


@pytest.fixture
def journey_page(browser: Any, site: Path) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        with kit.serve(site) as base:
            page = context.new_page()
            page.goto(f"{base}/journeys/repair/")
            yield page
    finally:
        context.close()


def test_choosing_a_round_shows_its_rows_only_and_says_how_many(
    journey_page: Any, content: Path
) -> None:
    page = journey_page
    members = expected_rounds(content)
    page.locator("details.jr-fold--expectations > summary").click()  # folded on a phone
    select = page.get_by_label("Show the rows of")
    assert select.is_visible()
    visible = page.locator("table.jr-expectations tbody tr:visible")
    more = page.locator("details.jr-more--rows")
    assert visible.count() == 6 and more.is_visible()  # 4 more rows folded
    for round_id, shown in (("after", 6), ("before", 4)):
        select.select_option(round_id)
        keys = [row.locator("td").last.inner_text() for row in visible.all()]
        expected = [
            key
            for key, fields in INTERVIEWS.items()
            if members[key] == round_id and fields.get("consent", True)
            for s in fields["steps"]
            if "expected" in s
        ]
        assert sorted(keys) == sorted(expected) and len(keys) == shown
        assert page.locator(".jr-round-filter-status").inner_text() == f"{shown} rows shown"
    assert not more.is_visible()  # the folded rows are all of the later round
    select.select_option("")
    assert visible.count() == 10 and more.is_visible()  # every row, the folded ones opened
    assert page.locator(".jr-round-filter-status").inner_text() == ""
    page.add_script_tag(path=str(kit.AXE))
    found = page.evaluate(
        "async () => (await axe.run('#jr-expectations', {resultTypes: ['violations']}))"
        ".violations.filter((v) => ['serious', 'critical'].includes(v.impact))"
    )
    assert found == [], kit.describe_violations(found)
