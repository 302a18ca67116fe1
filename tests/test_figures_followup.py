"""Follow-ups of an independent recomputation of the site's figures (issue 17): exact gaps
in the JSON, minus signs, small samples on verdicts, withheld rows and moments counted in
interviews, open-ended durations, thresholds stated in the labels, discovered touchpoints
on persona pages.

Every expected figure is computed here from the fixture's own values (the dicts written as
front matter), never with the plugin's functions.
"""

from __future__ import annotations

import html
import json
import re
import statistics
from datetime import timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from contentkit import REPO, ContentTree, journeys_cli
from journeys.content.durations import parse_duration, read_duration, unreadable_duration
from journeys.content.loading import load_study
from journeys.site import kinds
from journeys.site.kinds import journeys, personas
from journeys.site.labels import Labels
from journeys.site.render import Chart, Renderer

STAGES = ("notice", "report", "wait")
SMALL = 3
"""Fewer interviews than this is a small sample."""
MINUS = "\u2212"


def step(stage: str, score: float, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": f"Did something at {stage}", "score": score} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    "a-01": {
        "persona": "eva",
        "consent": True,
        "nps": 3,
        "overall_score": 5,
        "steps": [
            step("notice", 3, touchpoint="colleague", expected="2 days", actual="2 weeks"),
            step("report", 8, touchpoint="desk", expected="A call", actual="An e-mail"),
            step("wait", 7.5, peak=True, realistic="1 week", actual="2 weeks"),
        ],
    },
    "a-02": {
        "persona": "eva",
        "consent": True,
        "nps": 5,
        "overall_score": 8,
        "steps": [
            step("notice", 6, expected="3 hours", actual="75 minutes"),
            step("report", 4, expected="A form", actual="A form", vs_expected="worse"),
            step("wait", 9, peak=True),
        ],
    },
    "b-01": {  # not consenting: its figures count, its words never show
        "persona": "bob",
        "consent": False,
        "nps": 9,
        "overall_score": 4,
        "steps": [
            step("notice", 2, touchpoint="whatsapp-group", expected="1 day", actual="3 days"),
            step("report", 5, accepted=True, expected="Help", actual="None", vs_expected="worse"),
            step("wait", 4),
            step("wait", 3, peak=True, expected="a week"),
        ],
    },
}
INVENTORY = [{"id": "desk", "name": "Service desk", "kind": "human"}]


# --- what the fixture says, computed from its values --------------------------------------

_SECONDS = {"minute": 60, "hour": 3600, "day": 86400, "week": 7 * 86400}


def seconds(text: str | None) -> int | None:
    """The few durations this fixture writes (`3 days`, `75 minutes`, `a week`), in seconds."""
    found = re.fullmatch(r"(\d+|a) (minute|hour|day|week)s?", text or "")
    if not found:
        return None
    return (1 if found.group(1) == "a" else int(found.group(1))) * _SECONDS[found.group(2)]


def gap_seconds(fields: dict[str, Any], reference: str) -> int | None:
    actual, expected = seconds(fields.get("actual")), seconds(fields.get(reference))
    return None if actual is None or expected is None else actual - expected


def verdict(fields: dict[str, Any]) -> str | None:
    gap = gap_seconds(fields, "expected")
    if gap is not None:
        return "worse" if gap > 0 else "better" if gap < 0 else "as-expected"
    if "vs_expected" in fields:
        return str(fields["vs_expected"])
    return "not-rated" if {"expected", "actual"} <= fields.keys() else None


def has_expectation(fields: dict[str, Any]) -> bool:
    return bool({"expected", "actual", "realistic"} & fields.keys())


def withheld(keep: Any, persona: str | None = None) -> tuple[int, int]:
    """(moments, interviews) that ``keep`` keeps among the non-consenting interviews."""
    per_interview = [
        sum(1 for s in fields["steps"] if keep(s))
        for fields in INTERVIEWS.values()
        if not fields["consent"] and persona in (None, fields["persona"])
    ]
    return sum(per_interview), sum(1 for n in per_interview if n)


def judged(stage: str) -> tuple[int, int, int]:
    """(interviews judged, worse, better) at a stage, each interview once."""
    per_interview = [
        {verdict(s) for s in f["steps"] if s["stage"] == stage} - {None, "not-rated"}
        for f in INTERVIEWS.values()
    ]
    found = [v for v in per_interview if v]
    return len(found), sum("worse" in v for v in found), sum("better" in v for v in found)


def nps(values: list[int]) -> int:
    """Per cent promoters (9-10) minus per cent detractors (0-6), a half away from zero."""
    share = Fraction(100 * (sum(v >= 9 for v in values) - sum(v <= 6 for v in values)))
    share /= len(values)
    whole = int(abs(share) + Fraction(1, 2))
    return -whole if share < 0 else whole


# --- the site built from it ------------------------------------------------------------------


def renderer(root: Path, language: str = "en") -> Renderer:
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.persona("bob")
    tree.journey("repair", STAGES, touchpoints=INVENTORY)
    for key, fields in INTERVIEWS.items():
        tree.interview(key, **fields)
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics
    return kinds.renderer(study, Labels.for_language(language), lambda source, target: target)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every generated file of the English site, as text (pages with their HTML)."""
    return files(renderer(tmp_path_factory.mktemp("followup")))


@pytest.fixture(scope="module")
def dutch(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return files(renderer(tmp_path_factory.mktemp("followup-nl"), "nl"))


def files(site: Renderer) -> dict[str, str]:
    found = {}
    for output in kinds.site_files(site):
        content = output.content.draw() if isinstance(output.content, Chart) else output.content
        if isinstance(content, str):
            found[output.src_uri] = html.unescape(content)
    return found


def text(page: str) -> str:
    return " ".join(re.sub(r"</?[a-zA-Z][^>]*>", " ", page).split())


# --- 1. the JSON's gaps are exact --------------------------------------------------------------


def test_the_journey_json_holds_each_gap_in_exact_seconds(site: dict[str, str]) -> None:
    rows = json.loads(site[journeys.journey_json("repair")])["expectations"]
    published = [
        (key, s)
        for key, f in INTERVIEWS.items()
        if f["consent"]
        for s in f["steps"]
        if has_expectation(s)
    ]
    assert len(rows) == len(published)
    for row in rows:
        fields = next(
            s
            for key, s in published
            if (key, s["stage"], s.get("actual")) == (row["interview"], row["stage"], row["actual"])
        )
        for name, reference in (("gap_vs_expected", "expected"), ("gap_vs_realistic", "realistic")):
            exact = gap_seconds(fields, reference)
            if exact is None:
                assert row[name] is None
            else:
                assert row[name]["seconds"] == exact
                assert row[name]["sign"] == (exact > 0) - (exact < 0)
    twelve_days = next(row for row in rows if row["actual"] == "2 weeks" and row["expected"])
    assert twelve_days["gap_vs_expected"]["seconds"] == 12 * 86400
    assert twelve_days["gap_vs_expected"]["amount"] == 1.7  # what the page shows


# --- 3. the table says how many rows are withheld ------------------------------------------------


def test_the_expectations_table_counts_the_rows_it_cannot_show(
    site: dict[str, str], dutch: dict[str, str]
) -> None:
    rows, interviews = withheld(has_expectation)
    assert (rows, interviews) == (3, 1)
    page = text(site[journeys.journey_page("repair")])
    assert f"+{rows} rows from {interviews} interview whose words are not published" in page
    nl_page = text(dutch[journeys.journey_page("repair")])
    assert f"+{rows} rijen uit {interviews} interview waarvan de tekst niet gepubliceerd" in nl_page


# --- 4. withheld moments say how many interviews; alt texts in the singular ----------------------


def test_withheld_moments_say_how_many_interviews_they_come_from(
    site: dict[str, str], dutch: dict[str, str]
) -> None:
    heading = re.search(r"moments scored (\d+) or lower", site[personas.persona_page("bob")])
    assert heading, "the pains heading states its threshold"
    moments, interviews = withheld(lambda s: s["score"] <= int(heading.group(1)), "bob")
    assert (moments, interviews) == (4, 1)
    page = text(site[personas.persona_page("bob")])
    assert f"+{moments} moments from 1 interview whose words are not published" in page
    assert "from interviews whose" not in page
    nl_page = text(dutch[personas.persona_page("bob")])
    assert f"+{moments} momenten uit 1 interview waarvan de tekst niet gepubliceerd" in nl_page


def test_alt_texts_say_1_interview(site: dict[str, str], dutch: dict[str, str]) -> None:
    bob = [k for k, f in INTERVIEWS.items() if f["persona"] == "bob"]
    assert len(bob) == 1
    assert "from 1 interview." in site[personas.persona_page("bob")]
    for page in (*site.values(), *dutch.values()):
        assert "1 interviews" not in page


# --- 5. one minus sign ---------------------------------------------------------------------------


def test_negative_numbers_use_the_minus_sign(site: dict[str, str]) -> None:
    score = nps([f["nps"] for f in INTERVIEWS.values()])
    assert score < 0
    for path in (journeys.journey_page("repair"), "research/index.md"):
        page = text(site[path])
        assert f"{MINUS}{-score} (n={len(INTERVIEWS)}" in page, path
        assert f"-{-score}" not in page, path
    assert "from -100" not in text(site["research/index.md"])
    data = json.loads(site[journeys.journey_json("repair")])
    assert data["nps"]["score"] == score  # a plain number in the download


# --- 6. a verdict on fewer than 3 interviews is a small sample ----------------------------------


def test_a_verdict_on_few_interviews_says_small_sample(site: dict[str, str]) -> None:
    page = text(site[journeys.journey_page("repair")])
    data = json.loads(site[journeys.journey_json("repair")])
    for stage, exported in zip(STAGES, data["stages"], strict=True):
        total, worse, better = judged(stage)
        if not total:
            continue
        sentence = (
            f"Fell short of expectations for {worse} of {total} interviews, better than "
            f"expected for {better}"
        )
        assert sentence in page, stage
        labelled = f"{sentence} (small sample)" in page
        assert labelled == (total < SMALL), stage
        assert exported["vs_expected"]["small_sample"] == (total < SMALL)
    assert any(judged(stage)[0] < SMALL for stage in STAGES)
    assert any(judged(stage)[0] >= SMALL for stage in STAGES)


# --- 2. definitions: thresholds in labels, absolute differences, confidence -----------------


def test_persona_lists_state_their_thresholds(site: dict[str, str]) -> None:
    page = site[personas.persona_page("eva")]
    low = re.search(r"Pains: moments scored (\d+) or lower", page)
    high = re.search(r"Highlights: moments scored (\d+) or higher", page)
    assert low and high
    sections = re.split(r'<h2 id="(?:pains|highlights)">', page)
    pains, highlights = text(sections[1]), text(sections[2].split("<h2")[0])
    eva = [s for k, f in INTERVIEWS.items() if f["persona"] == "eva" for s in f["steps"]]
    for fields in eva:
        action = f"{fields['action']} ({fields['score']:g},"
        assert (action in pains) == (fields["score"] <= int(low.group(1))), action
        assert (action in highlights) == (fields["score"] >= int(high.group(1))), action


def test_the_mean_difference_is_said_to_be_absolute(site: dict[str, str]) -> None:
    differences = [
        abs(f["overall_score"] - statistics.fmean(s["score"] for s in f["steps"]))
        for f in INTERVIEWS.values()
    ]
    signed = statistics.fmean(f["overall_score"] for f in INTERVIEWS.values()) - statistics.fmean(
        statistics.fmean(s["score"] for s in f["steps"]) for f in INTERVIEWS.values()
    )
    mean = statistics.fmean(differences)
    assert round(mean, 1) != round(abs(signed), 1)  # the two readings differ here
    page = text(site["research/index.md"])
    assert "Mean absolute difference from the overall score" in page
    assert f"mean step score {mean:.1f}" in page


def test_the_confidence_rule_says_which_groups_it_counts(site: dict[str, str]) -> None:
    page = text(site["research/index.md"])
    assert "every persona of the study" in page
    assert "every journey of the study" in page
    assert "interviews at that stage" in page


# --- 8. discovered touchpoints on persona pages ---------------------------------------------------


def test_persona_pages_mark_discovered_touchpoints(site: dict[str, str]) -> None:
    page = site[personas.persona_page("eva")]
    inventoried = {tp["id"]: tp["name"] for tp in INVENTORY}
    used = [
        s["touchpoint"]
        for f in INTERVIEWS.values()
        if f["persona"] == "eva"
        for s in f["steps"]
        if "touchpoint" in s
    ]
    assert set(used) - set(inventoried) and set(used) & set(inventoried)
    section = page[page.index('<ul class="jr-touchpoints">') :].split("</ul>")[0]
    for touchpoint in used:
        name = inventoried.get(touchpoint, touchpoint)
        item = next(li for li in section.split("<li>") if li.startswith(f"{name} "))
        assert ("discovered" in item) == (touchpoint not in inventoried), touchpoint
    data = json.loads(site[personas.persona_json("eva")])
    assert {t["name"]: t["inventoried"] for t in data["touchpoints"]} == {
        inventoried.get(tp, tp): tp in inventoried for tp in used
    }


# --- 7. durations: a fortnight; open-ended values are warnings --------------------------------


@pytest.mark.parametrize("value", ["a fortnight", "A fortnight", "one fortnight", "veertien dagen"])
def test_a_fortnight_is_14_days(value: str) -> None:
    assert parse_duration(value) == timedelta(days=14)


def test_two_fortnights_are_4_weeks() -> None:
    assert parse_duration("2 fortnights") == timedelta(weeks=4)
    duration = read_duration("a fortnight")
    assert duration is not None
    assert Labels.for_language("en").duration_text(duration) == "2 weeks"


OPEN_ENDED = (
    "more than a week",
    "meer dan een week",
    "less than an hour",
    "minder dan een uur",
    "over a week",
    "3+ days",
    "2 weeks+",
    "at least 2 days",
    "up to 3 days",
    "minstens 2 dagen",
    "hooguit een uur",
    "ruim een week",
    "> 2 weeks",
    "3 days or more",
    "a fortnight or longer",
)


@pytest.mark.parametrize("value", OPEN_ENDED)
def test_an_open_ended_duration_is_unreadable_and_says_so(value: str) -> None:
    assert parse_duration(value) is None
    found = unreadable_duration(value)
    assert found is not None and found.open_ended


@pytest.mark.parametrize("value", ["a few weeks", "3 wks?", "2-3 weekss"])
def test_a_vague_duration_is_not_open_ended(value: str) -> None:
    found = unreadable_duration(value)
    assert found is not None and not found.open_ended


@pytest.mark.parametrize(
    "value", ["More than a week of waiting for a loan laptop", "Over the phone, in a day"]
)
def test_sentences_with_a_bound_stay_text(value: str) -> None:
    assert unreadable_duration(value) is None


def test_check_warns_at_every_open_ended_duration(tree: ContentTree, tmp_path: Path) -> None:
    tree.persona("eva")
    tree.journey("repair", stages=("notice",))
    steps = [step("notice", 5, expected="2 days", actual=value) for value in OPEN_ENDED]
    tree.interview("x-01", steps=steps)

    result = journeys_cli("check", "--strict", "content", cwd=tmp_path)

    warnings = [line for line in result.stdout.splitlines() if ": warning: " in line]
    assert result.returncode == 1
    assert len(warnings) == len(OPEN_ENDED)
    for index, warning in enumerate(warnings, 1):
        assert f"`steps[{index}].actual`: looks like a duration but is open-ended" in warning
        assert "cannot be compared exactly" in warning and "a number or a range" in warning


# --- the guide defines what the pages show --------------------------------------------------------


def test_the_guide_defines_the_figures_as_computed() -> None:
    guide = " ".join((REPO / "docs" / "guide" / "reading-the-site.md").read_text().split())
    assert "always upwards" not in guide
    assert "away from zero" in guide and "−13" in guide
    assert "exact number of seconds" in guide
    assert "absolute" in guide
    assert "every persona of the study" in guide
    assert "Mean step score" in guide
