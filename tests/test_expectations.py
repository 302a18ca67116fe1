"""Expectations judged, not diffed: a pair of durations by its gap, a written pair by the
researcher's ``vs_expected`` (else "not rated"); "fell short" counts interviews per stage.

The expected figures are computed here from the fixture's YAML, with a duration reader of
this test's own, never with the plugin's functions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import ContentTree, build, journeys_cli, write_site
from journeys.cli.scaffold import interview_text
from journeys.content.loading import load_study

STAGES = ("notice", "report", "wait", "fixed")
WITHHELD_EXPECTED = "A carrier pigeon with the spare part"
WITHHELD_ACTUAL = "The zeppelin brought it early"


def step(stage: str, score: float = 5, **fields: str) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did something at {stage}", "score": score} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    "a-01": {
        "consent": True,
        "steps": [
            step("notice", expected="1 day", actual="3 days"),  # later: worse
            step("report", expected="A reply", actual="Silence", vs_expected="worse"),
            step("wait", expected="2 weeks", actual="1 week"),  # earlier: better
            step("wait", expected="A call", actual="An e-mail"),  # written, not rated
            step("fixed", expected="Help today"),  # nothing happened to compare with
        ],
    },
    "a-02": {
        "consent": True,
        "steps": [
            step("notice", expected="2 hours", actual="2 hours"),  # equal: as expected
            step("report", expected="A form", actual="They filled it in", vs_expected="better"),
            step("wait", expected="A loan laptop", actual="A loan laptop."),  # not rated
            step("notice", expected="1 hour", actual="30 minutes"),  # a loop: better
        ],
    },
    "b-01": {
        "consent": False,
        "steps": [
            step("notice", expected="1 day", actual="2 days"),
            step(
                "report",
                expected=WITHHELD_EXPECTED,
                actual=WITHHELD_ACTUAL,
                vs_expected="better",
            ),
            step("wait", expected="1 week", actual="7 days", realistic="5 days"),
        ],
    },
}

_UNITS = {"minute": 1, "hour": 60, "day": 24 * 60, "week": 7 * 24 * 60}


def minutes(text: str | None) -> float | None:
    """The few durations this fixture writes (`3 days`, `30 minutes`), in minutes."""
    found = re.fullmatch(r"(\d+) (minute|hour|day|week)s?", text or "")
    return int(found.group(1)) * _UNITS[found.group(2)] if found else None


def verdict(fields: dict[str, Any]) -> str | None:
    expected, actual = minutes(fields.get("expected")), minutes(fields.get("actual"))
    if expected is not None and actual is not None:
        return "worse" if actual > expected else "better" if actual < expected else "as-expected"
    if "vs_expected" in fields:
        return str(fields["vs_expected"])
    if "expected" in fields and "actual" in fields:
        return "not-rated"
    return None


def expected_counts(stage: str) -> dict[str, int | bool]:
    """Interviews, each once per stage: judged (a small sample below 3), and among them
    worse, as expected, better; not rated when every expectation there was a written pair
    without a verdict."""
    per_interview = [
        {verdict(s) for s in interview["steps"] if s["stage"] == stage} - {None}
        for interview in INTERVIEWS.values()
    ]
    judged = [verdicts for verdicts in per_interview if verdicts - {"not-rated"}]
    return {
        "interviews_judged": len(judged),
        "small_sample": len(judged) < 3,
        "worse": sum("worse" in verdicts for verdicts in judged),
        "as_expected": sum("as-expected" in verdicts for verdicts in judged),
        "better": sum("better" in verdicts for verdicts in judged),
        "not_rated": sum(verdicts == {"not-rated"} for verdicts in per_interview),
    }


def write_study(tree: ContentTree) -> None:
    tree.persona("eva")
    tree.journey("repair", stages=STAGES)
    for key, fields in INTERVIEWS.items():
        tree.interview(key, **fields)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("expectations")
    write_study(ContentTree(project / "content"))
    write_site(project)
    return build(project)


def page_text(site: Path, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_fixture_covers_every_kind_of_pair() -> None:
    verdicts = [verdict(s) for i in INTERVIEWS.values() for s in i["steps"]]
    assert {"worse", "as-expected", "better", "not-rated", None} <= set(verdicts)
    assert any(c["worse"] and c["better"] for c in map(expected_counts, STAGES))
    assert any(c["not_rated"] and c["interviews_judged"] for c in map(expected_counts, STAGES))


def test_the_journey_data_counts_interviews_per_stage(site: Path) -> None:
    data = json.loads((site / "journeys" / "repair.json").read_text(encoding="utf-8"))
    assert [stage["id"] for stage in data["stages"]] == list(STAGES)
    for stage in data["stages"]:
        assert stage["vs_expected"] == expected_counts(stage["id"]), stage["id"]


def test_the_journey_page_says_how_many_fell_short_and_how_many_were_better(
    site: Path,
) -> None:
    body = page_text(site, "journeys/repair")
    for stage in STAGES:
        counts = expected_counts(stage)
        parts = []
        if counts["interviews_judged"]:
            parts.append(
                f"Fell short of expectations for {counts['worse']} of "
                f"{counts['interviews_judged']} interviews, better than expected for "
                f"{counts['better']}" + (" (small sample)" if counts["small_sample"] else "")
            )
        if counts["not_rated"] == 1:
            parts.append("1 interview with an expectation not rated")
        assert counts["not_rated"] <= 1, "extend the expected wording"
        line = f"{stage.title()}: " + "; ".join(parts)
        assert (line in body) == bool(parts), line


def test_each_row_of_the_table_shows_its_verdict(site: Path) -> None:
    words = {"worse": "worse", "as-expected": "as expected", "better": "better"}
    words["not-rated"] = "not rated"
    published = [(key, s) for key, i in INTERVIEWS.items() if i["consent"] for s in i["steps"]]
    table = (site / "journeys" / "repair-expectations.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(table)))
    expected_rows = [(key, s) for key, s in published if {"expected", "actual"} & s.keys()]
    assert len(rows) == len(expected_rows)
    for key, fields in expected_rows:
        row = next(r for r in rows if r["interview"] == key and r["Expected"] == fields["expected"])
        judged = verdict(fields)
        assert row["Compared with expected"] == (words[judged] if judged else "")
    html = (site / "interviews" / "a-02" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"A loan laptop\.</td>.*?<td><span[^>]*>not rated</span></td>", html)


def test_a_non_consenting_interview_counts_but_its_words_are_not_shown(site: Path) -> None:
    report = expected_counts("report")
    assert report["better"] == 2  # a-02 and b-01, whose words stay unpublished
    data = json.loads((site / "journeys" / "repair.json").read_text(encoding="utf-8"))
    assert data["stages"][STAGES.index("report")]["vs_expected"] == report
    assert all(row["interview"] != "b-01" for row in data["expectations"])
    for output in site.rglob("*"):
        if output.is_file() and output.suffix in (".html", ".json", ".csv", ".xml"):
            content = output.read_text(encoding="utf-8")
            assert WITHHELD_EXPECTED not in content and WITHHELD_ACTUAL not in content, output


def test_a_pleasant_surprise_in_words_is_not_a_shortfall(tree: ContentTree) -> None:
    """What the old diff did: "Collect it myself" -> "Delivered to my desk" fell short."""
    tree.persona("eva")
    tree.journey("repair", stages=("handover",))
    surprise = {"expected": "Collect it myself", "actual": "Delivered to my desk"}
    tree.interview("a-01", steps=[step("handover", 9, **surprise, vs_expected="better")])
    tree.interview("a-02", steps=[step("handover", 8, **surprise)])
    write_site(tree.root.parent)
    body = page_text(build(tree.root.parent), "journeys/repair")
    assert (
        "Handover: Fell short of expectations for 0 of 1 interviews, better than expected "
        "for 1 (small sample); 1 interview with an expectation not rated"
    ) in body


DISAGREEING = """\
date: 2026-02-01
persona: eva
journey: repair
consent: true
goal: Work again
overall_score: 6
steps:
  - stage: notice
    action: Waited
    score: 4
    expected: 1 day
    actual: 3 days
    vs_expected: worse
  - stage: report
    action: Waited again
    score: 4
    expected: 1 week
    actual: 10 days
    vs_expected: better
"""


def test_a_verdict_that_disagrees_with_the_durations_is_a_warning_at_its_line(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.persona("eva")
    tree.journey("repair")
    path = tree.write("interviews/x-01.md", DISAGREEING)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text == "    vs_expected: better")

    result = journeys_cli("check", "--strict", "content", cwd=tmp_path)

    assert result.returncode == 1
    warning = (
        f"content/interviews/x-01.md:{line}: warning: `steps[2].vs_expected`: "
        "`vs_expected: better` disagrees with the durations, which say `worse`; a pair of "
        "durations is judged by its gap: correct `expected` or `actual`, or remove `vs_expected`"
    )
    assert result.stdout.splitlines()[:-1] == [warning]
    # the gap counts: 10 days is later than 1 week
    study = load_study(tmp_path / "content", tmp_path)
    assert [s.verdict for s in study.interviews[0].steps] == ["worse", "worse"]


def test_an_unknown_verdict_is_an_error_with_a_suggestion(
    tree: ContentTree, tmp_path: Path
) -> None:
    tree.persona("eva")
    tree.journey("repair")
    tree.interview("x-01", steps=[step("notice", expected="A", actual="B", vs_expected="wrose")])

    result = journeys_cli("check", "content", cwd=tmp_path)

    assert result.returncode == 1
    assert (
        "`steps[1].vs_expected`: expected one of `worse`, `as-expected`, `better`, got `wrose` "
        "(did you mean `worse`?)"
    ) in result.stdout


def test_the_schema_and_the_scaffold_offer_vs_expected(tree: ContentTree, tmp_path: Path) -> None:
    result = journeys_cli("schema", "interview", cwd=tmp_path)
    schema = json.loads(result.stdout)
    step_schema = next(
        definition
        for definition in schema["$defs"].values()
        if "vs_expected" in definition.get("properties", {})
    )
    field = step_schema["properties"]["vs_expected"]
    options = field.get("anyOf", [field])
    assert {"type": "string", "enum": ["worse", "as-expected", "better"]} in options

    tree.persona("eva")
    tree.journey("repair")
    journey = load_study(tree.root, tmp_path).journeys["repair"]
    text = interview_text(journey, "eva", "x-01", dt.date(2026, 2, 1))
    steps = yaml.safe_load(text.split("---")[1])["steps"]
    assert all("vs_expected" in s for s in steps)
