"""Before and after on the journey page (issue 20): a journey with two rounds of interviews
shows, per stage, each round's mean and n and the change, "too few interviews to tell"
where a round has fewer than 3 interviews at the stage, each round's expectations, and a
finding naming the biggest change. A journey without rounds shows none of it.

The expected figures are computed here from the fixture's YAML, read back from the files
the study is built from, in plain Python; the page is one real ``mkdocs build --strict``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import statistics
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import ContentTree, build, write_site
from journeys.content.loading import load_study
from journeys.site.data import site_data
from journeys.site.findings import journey_findings
from journeys.site.kinds.journeys import journey_view
from journeys.site.labels import Labels

ROUNDS = [
    {"id": "before", "name": "Before the loan laptops", "from": "2026-01-05", "to": "2026-02-28"},
    {
        "id": "after",
        "name": "After the loan laptops",
        "from": "2026-03-01",
        "change": "A loan laptop at the desk.",
    },
]
STAGES = ("notice", "report", "wait")
MINUS = "\u2212"


def step(stage: str, score: float, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did something at {stage}", "score": score} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    # before: 4 interviews at every stage; b-01 comes back to `wait` (counted once there)
    "b-01": {
        "date": "2026-01-10",
        "steps": [
            step("notice", 6),
            step("report", 5),
            step("wait", 2, expected="2 days", actual="9 days"),
            step("wait", 5),
        ],
    },
    "b-02": {
        "date": "2026-01-20",
        "steps": [
            step("notice", 7),
            step("report", 4),
            step("wait", 3, expected="1 day", actual="4 days"),
        ],
    },
    "b-03": {
        "date": "2026-02-02",
        "steps": [
            step("notice", 5),
            step("report", 6),
            step("wait", 2, expected="1 day", actual="2 days"),
        ],
    },
    "b-04": {
        "date": "2026-02-20",
        "consent": False,
        "steps": [
            step("notice", 6),
            step("report", 5),
            step("wait", 4, expected="3 days", actual="3 days"),
        ],
    },
    # after: 3 interviews at `notice` and `wait`, only 2 at `report`
    "a-01": {
        "date": "2026-03-05",
        "steps": [
            step("notice", 7),
            step("report", 6),
            step("wait", 6, expected="2 days", actual="1 day"),
        ],
    },
    "a-02": {"date": "2026-03-10", "steps": [step("notice", 6), step("wait", 7)]},
    "a-03": {
        "date": "2026-03-12",
        "round": "after",
        "steps": [step("notice", 8), step("report", 5), step("wait", 8), step("wait", 6)],
    },
}


def write_study(content: Path) -> None:
    tree = ContentTree(content)
    tree.persona("eva")
    tree.journey("repair", stages=STAGES, rounds=ROUNDS)
    tree.journey("onboarding", stages=("start", "settle"))
    for name, fields in INTERVIEWS.items():
        tree.interview(name, **fields)
    tree.interview("o-01", journey="onboarding", stages=("start", "settle"), scores=(4, 8))


# --- the expected figures, from the fixture's files ------------------------------------------


def front_matter(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def shown(value: float) -> str:
    """One decimal, a half up, as the site's guide says numbers read."""
    exact = Decimal(repr(round(value, 9))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return str(exact).replace("-", MINUS)


def signed(value: float) -> str:
    text = shown(value)
    return f"+{text}" if Decimal(text.replace(MINUS, "-")) > 0 else text


def rounds_of_yaml(content: Path) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    """The journey's rounds by date, and each round's interviews (by ``round``, else by
    the round whose dates hold the interview's date)."""
    journey = front_matter(content / "journeys" / "repair.md")
    rounds = sorted(journey["rounds"], key=lambda item: str(item["from"]))
    members: dict[str, list[dict[str, Any]]] = {item["id"]: [] for item in rounds}
    for path in sorted((content / "interviews").glob("*.md")):
        interview = front_matter(path)
        if interview["journey"] != "repair":
            continue
        date = dt.date.fromisoformat(str(interview["date"]))
        given = interview.get("round")
        for item in rounds:
            start = dt.date.fromisoformat(str(item["from"]))
            end = dt.date.fromisoformat(str(item["to"])) if item.get("to") else dt.date.max
            if given == item["id"] or (given is None and start <= date <= end):
                members[item["id"]].append(interview)
    return rounds, members


def stage_scores(interviews: list[dict[str, Any]], stage: str) -> list[float]:
    """Each interview's score at ``stage``: the mean of its steps there, once per interview."""
    scores = []
    for interview in interviews:
        own = [s["score"] for s in interview["steps"] if s["stage"] == stage]
        if own:
            scores.append(sum(own) / len(own))
    return scores


def expected_rows(content: Path) -> dict[str, list[str]]:
    """Per stage: the before cell, the after cell ("mean (n=…)") and the change cell."""
    rounds, members = rounds_of_yaml(content)
    rows = {}
    for stage in STAGES:
        before, after = (stage_scores(members[item["id"]], stage) for item in rounds)
        cells = [f"{shown(sum(s) / len(s))} (n={len(s)})" for s in (before, after)]
        if min(len(before), len(after)) < 3:
            change = "too few interviews to tell"
        else:
            change = signed(sum(after) / len(after) - sum(before) / len(before))
        rows[stage] = [*cells, change]
    return rows


def days(text: str) -> int:
    number, unit = text.split()
    assert unit in ("day", "days"), text
    return int(number)


def expected_expectations(interviews: list[dict[str, Any]]) -> tuple[int, int, list[int]]:
    """Interviews with a moment that took longer than expected, interviews judged, and
    every gap in days (every expectation of the fixture is a pair of durations in days)."""
    short = judged = 0
    gaps = []
    for interview in interviews:
        own = [
            days(s["actual"]) - days(s["expected"]) for s in interview["steps"] if "expected" in s
        ]
        gaps += own
        judged += bool(own)
        short += any(gap > 0 for gap in own)
    return short, judged, gaps


# --- the built site ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The content folder and the site built from it."""
    project = tmp_path_factory.mktemp("rounds")
    write_study(project / "content")
    write_site(project)
    return project / "content", build(project)


def page(site: Path, slug: str) -> str:
    return (site / "journeys" / slug / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def section(page_html: str) -> str:
    found = re.search(r'<section class="jr-before-after".*?</section>', page_html, re.DOTALL)
    assert found, "no Before and after section"
    return found[0]


def test_each_stage_shows_each_rounds_mean_and_n_and_the_change(built: tuple[Path, Path]) -> None:
    content, site = built
    rows = {
        stage: [text_of(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)]
        for stage, row in re.findall(
            r'<tr id="jr-before-after-(\w+)">(.*?)</tr>', section(page(site, "repair")), re.DOTALL
        )
    }
    expected = expected_rows(content)
    # the small-sample badge follows a mean of fewer than 3 interviews
    rows = {
        stage: [c.removesuffix(" small sample") for c in cells] for stage, cells in rows.items()
    }
    assert rows == expected
    assert expected["report"][2] == "too few interviews to tell"  # the fixture has such a stage
    assert expected["wait"][2] not in ("too few interviews to tell", "+0.0")


def test_each_round_is_stated_once_with_its_dates_change_and_expectations(
    built: tuple[Path, Path],
) -> None:
    content, site = built
    rounds, members = rounds_of_yaml(content)
    items = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", section(page(site, "repair")))]
    assert len(items) == len(rounds)
    for item, text in zip(rounds, items):
        short, judged, gaps = expected_expectations(members[item["id"]])
        median = statistics.median(gaps)
        unit = "day" if abs(median) == 1 else "days"
        assert text.startswith(item["name"])
        assert f"{len(members[item['id']])} interview" in text
        assert f"Fell short of expectations for {short} of {judged} interviews" in text
        sign = "+" if median > 0 else MINUS if median < 0 else ""
        gap = f"{sign}{abs(median):g} {unit}"
        assert f"median gap vs expected {gap}, over {len(gaps)} moment" in text
        if "change" in item:
            assert f"What changed: {item['change']}" in text
        else:
            assert "What changed" not in text
    assert "1 March 2026" in items[1] and "5 January 2026 to 28 February 2026" in items[0]


def test_the_findings_name_the_biggest_change_between_the_last_two_rounds(
    built: tuple[Path, Path],
) -> None:
    content, site = built
    rounds, members = rounds_of_yaml(content)
    before, after = (members[item["id"]] for item in rounds[-2:])
    changes = {
        stage: sum(stage_scores(after, stage)) / len(stage_scores(after, stage))
        - sum(stage_scores(before, stage)) / len(stage_scores(before, stage))
        for stage in STAGES
        if min(len(stage_scores(before, stage)), len(stage_scores(after, stage))) >= 3
    }
    stage = max(changes, key=lambda s: abs(changes[s]))
    finding = re.search(
        r'<li class="jr-finding--round">(.*?)</li>', page(site, "repair"), re.DOTALL
    )
    assert finding, "no finding about the rounds"
    b, a = stage_scores(before, stage), stage_scores(after, stage)
    assert text_of(finding[1]) == (
        f"{stage.title()} changed most between the last two rounds: from a mean grade of "
        f"{shown(sum(b) / len(b))} (n={len(b)}) in {rounds[-2]['name']} to "
        f"{shown(sum(a) / len(a))} (n={len(a)}) in {rounds[-1]['name']} "
        f"({signed(changes[stage])})."
    )
    assert f'<a href="#jr-before-after">{stage.title()}</a>' in html.unescape(finding[1])
    assert 'id="jr-before-after"' in page(site, "repair")


def test_a_journey_without_rounds_shows_no_before_and_after(built: tuple[Path, Path]) -> None:
    _, site = built
    onboarding = page(site, "onboarding")
    assert "jr-before-after" not in onboarding and "jr-finding--round" not in onboarding
    assert "Before and after" not in text_of(onboarding)


# --- findings from small studies, without a build --------------------------------------------


def findings_of(root: Path, scores: dict[str, list[tuple[str, float]]]) -> list[str]:
    """The findings of a journey with rounds ``before`` and ``after``; ``scores``: per
    interview (``b-…`` before, ``a-…`` after), its steps as (stage, score)."""
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.journey("repair", stages=STAGES, rounds=ROUNDS)
    for name, steps in scores.items():
        date = "2026-01-10" if name.startswith("b") else "2026-03-10"
        tree.interview(name, date=date, steps=[step(stage, score) for stage, score in steps])
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics
    view = journey_view(site_data(study), study.journeys["repair"])
    return [
        "".join(part.text for part in finding.parts)
        for finding in journey_findings(view, Labels.for_language("en"))
        if finding.topic == "round"
    ]


def test_without_3_interviews_in_both_rounds_at_any_stage_the_finding_says_so(
    tmp_path: Path,
) -> None:
    scores = {f"b-0{i}": [("notice", 5.0), ("wait", 3.0)] for i in range(1, 4)}
    scores |= {"a-01": [("notice", 9.0), ("wait", 9.0)], "a-02": [("notice", 8.0)]}
    expected = (
        "Before and after: no stage has 3 or more interviews in both Before the loan laptops"
        " and After the loan laptops, too few interviews to tell what changed."
    )
    assert findings_of(tmp_path, scores) == [expected]


def test_equal_changes_name_the_earlier_stage(tmp_path: Path) -> None:
    scores = {f"b-0{i}": [("notice", 5.0), ("wait", 3.0)] for i in range(1, 4)}
    scores |= {f"a-0{i}": [("notice", 4.0), ("wait", 4.0)] for i in range(1, 4)}
    (finding,) = findings_of(tmp_path, scores)
    assert finding.startswith("Notice changed most") and finding.endswith("(−1.0).")
