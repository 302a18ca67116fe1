"""The views the site's pages are rendered from, built directly from small studies.

Expected figures and orders are computed here from the fixture's own values (the dicts
written as front matter below), never with the plugin's aggregate functions.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from contentkit import ContentTree
from journeys.content.loading import load_study
from journeys.content.records import Record
from journeys.site.data import LIST_LIMIT, SiteData, site_data
from journeys.site.journey_map import LANE_LIMIT
from journeys.site.kinds.interviews import interview_view, loops_back
from journeys.site.kinds.journeys import JourneyView, journey_view
from journeys.site.kinds.personas import persona_view
from journeys.site.kinds.research import research_view

JOURNEYS = {"repair": ("notice", "report", "wait"), "move": ("pack", "go")}
INVENTORY = {"phone": "Phone"}
"""The repair journey's touchpoints: id -> name."""
WITHHELD = "b-01"
"""The interview whose participant did not consent."""


def step(stage: str, score: float, action: str, **fields: Any) -> dict[str, Any]:
    return {"stage": stage, "action": action, "score": score} | fields


INTERVIEWS: dict[str, dict[str, Any]] = {
    "a-01": {
        "persona": "eva",
        "journey": "repair",
        "consent": True,
        "date": "2026-02-01",
        "goal": "Fix the heating",
        "drivers": ["Warm home"],
        "follow_up": {"will": ["Send the report"]},
        "steps": [
            step(
                "notice",
                3,
                "Felt cold",
                quote="Brr",
                touchpoint="phone",
                expected="1 day",
                actual="3 days",
            ),
            step(
                "report",
                6,
                "Called a friend",
                touchpoint="a friend",
                expected="3 days",
                actual="1 day",
            ),
            step("wait", 8, "Waited"),
        ],
    },
    "a-02": {
        "persona": "eva",
        "journey": "repair",
        "consent": True,
        "date": "2026-02-02",
        "goal": "Stop the leak",
        "steps": [
            step("notice", 5, "Saw the leak", expected="a reply", actual="silence"),
            step("report", 7, "Filled in the form"),
            step("notice", 4, "Saw it again"),
            step("wait", 9, "Waited a week", expected="2 days", actual="1 week"),
        ],
    },
    WITHHELD: {
        "persona": "bob",
        "journey": "repair",
        "consent": False,
        "date": "2026-02-03",
        "goal": "withheld goal",
        "drivers": ["withheld driver"],
        "trigger": "withheld trigger",
        "outcome": "withheld outcome",
        "attributes": {"hobby": "withheld attribute"},
        "follow_up": {"will": ["withheld will"], "wont": ["withheld wont"]},
        "steps": [
            step(
                "notice",
                8,
                "withheld action",
                quote="withheld quote",
                feeling="withheld feeling",
                touchpoint="withheld kiosk",
                expected="2 weeks",
                actual="10 weeks",
                peak=True,
            ),
            step("report", 4, "withheld report", touchpoint="phone"),
            step("wait", 2, "withheld wait"),
        ],
    },
    "b-02": {
        "persona": "bob",
        "journey": "repair",
        "consent": True,
        "date": "2026-02-04",
        "goal": "Cheap repair",
        "drivers": ["Cheap fix"],
        "follow_up": {"wont": ["No refund"]},
        "steps": [
            step("notice", 6, "Heard a noise", touchpoint="phone"),
            step("report", 5, "Asked a neighbour", touchpoint="a neighbour"),
        ],
    },
    "c-01": {
        "persona": "eva",
        "journey": "move",
        "consent": True,
        "date": "2026-02-05",
        "goal": "Move house",
        "follow_up": {"will": ["Call back"]},
        "steps": [step("pack", 7, "Packed"), step("go", 8, "Drove")],
    },
}
DAYS = {"1 day": 1, "2 days": 2, "3 days": 3, "1 week": 7}
"""The fixture's durations, in days."""


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = tmp_path_factory.mktemp("views")
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.persona("bob")
    tree.journey(
        "repair",
        JOURNEYS["repair"],
        touchpoints=[{"id": i, "name": n} for i, n in INVENTORY.items()],
    )
    tree.journey("move", JOURNEYS["move"])
    for name, fields in INTERVIEWS.items():
        body = "withheld body" if name == WITHHELD else "Interview notes."
        tree.interview(name, body=body, overall_score=6, **fields)
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics
    return site_data(study)


def consenting(persona: str | None = None) -> dict[str, dict[str, Any]]:
    """The fixture's consenting interviews (of ``persona``), in date order."""
    return {
        name: fields
        for name, fields in sorted(INTERVIEWS.items(), key=lambda item: item[1]["date"])
        if fields["consent"] and persona in (None, fields["persona"])
    }


def repair_view(data: SiteData) -> JourneyView:
    return journey_view(data, data.study.journeys["repair"])


# --- journey view ----------------------------------------------------------------------------


def test_journey_stage_stats_count_every_interview_once(data: SiteData) -> None:
    view = repair_view(data)
    for column in view.columns:
        scores = []  # per interview: the mean of its steps at the stage
        for fields in INTERVIEWS.values():
            here = [s["score"] for s in fields["steps"] if s["stage"] == column.stage.id]
            if fields["journey"] == "repair" and here:
                scores.append(statistics.fmean(here))
        assert column.stats.n == len(scores), column.stage.id
        assert column.stats.mean == pytest.approx(statistics.fmean(scores)), column.stage.id
        assert (column.stats.low, column.stats.high) == (min(scores), max(scores))
    # notice: a-01, a-02 (twice: 5 and 4 count once as 4.5), b-01 (not consenting), b-02
    assert view.columns[0].stats.n == 4
    assert view.columns[0].stats.mean == pytest.approx((3 + 4.5 + 8 + 6) / 4)
    assert [fact.key for fact in view.interviews] == ["a-01", "a-02", WITHHELD, "b-02"]


def test_journey_column_lists_only_consenting_words_but_counts_every_step(data: SiteData) -> None:
    notice = repair_view(data).columns[0]
    lanes = (notice.doings, notice.pains)  # the map lists each step once, in one of them
    listed = [m for lane in lanes for m in (*lane.shown, *lane.folded)]
    assert sorted((m.interview.key, m.step.action) for m in listed) == sorted(
        (name, s["action"])
        for name, fields in consenting().items()
        if fields["journey"] == "repair"
        for s in fields["steps"]
        if s["stage"] == "notice"
    )
    assert [m.step.quote for m in (*notice.quotes.shown, *notice.quotes.folded)] == ["Brr"]
    assert not any(m.step.peak for m in listed) and notice.peak_interviews == 1  # b-01's
    unnamed = [tp.use for tp in notice.touchpoints if tp.use.unnamed]
    assert [use.mentions for use in unnamed] == [1] and unnamed[0].name == ""


def test_expectation_rows_biggest_duration_gap_first_then_stage_order(data: SiteData) -> None:
    stages = JOURNEYS["repair"]
    rows = []  # (has no duration gap, -gap in days, stage index, interview, position)
    for name, fields in consenting().items():
        for position, s in enumerate(fields["steps"]):
            if fields["journey"] == "repair" and "expected" in s:
                both = s["expected"] in DAYS and s["actual"] in DAYS
                gap = DAYS[s["actual"]] - DAYS[s["expected"]] if both else 0
                rows.append((not both, -gap, stages.index(s["stage"]), name, position))
    expected = [(name, position) for *_, name, position in sorted(rows)]
    # a-02 wait (+5 days), a-01 notice (+2), a-01 report (-2), a-02 notice (text)
    assert expected == [("a-02", 3), ("a-01", 0), ("a-01", 1), ("a-02", 0)]
    view = repair_view(data)
    assert [(r.moment.interview.key, r.moment.position) for r in view.expectations] == expected
    assert [r.expected_gap is None for r in view.expectations] == [False, False, False, True]


def test_lists_are_capped_and_say_how_many_were_left_out(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona("eva")
    tree.journey("repair")
    names = [f"i-{index:02d}" for index in range(LANE_LIMIT + 2)]
    for day, name in enumerate(names, start=1):
        steps = [step("notice", 2, f"Action of {name}", quote=f"Quote of {name}")]
        tree.interview(name, date=f"2026-03-{day:02d}", steps=steps)
    study = load_study(tmp_path / "content", tmp_path)
    assert not study.has_errors, study.diagnostics
    data = site_data(study)
    notice, report, _ = journey_view(data, study.journeys["repair"]).columns
    for lane in (notice.pains, notice.quotes):  # every step scored 2: a pain point
        assert [m.interview.key for m in (*lane.shown, *lane.folded)] == names[:LANE_LIMIT]
        assert lane.beyond == len(names) - LANE_LIMIT
    assert (report.doings.shown, report.doings.folded, report.doings.beyond) == ([], [], 0)
    pains = persona_view(data, study.personas["eva"]).pains
    assert (len(pains.items), pains.more) == (LIST_LIMIT, len(names) - LIST_LIMIT)


# --- privacy across every view ---------------------------------------------------------------


def texts_of(value: object) -> Iterator[str]:
    """Every string in a view: through dataclasses, models (and a record's body) and containers."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts_of(key)
            yield from texts_of(item)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from texts_of(item)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts_of(getattr(value, name))
        yield from texts_of(value.model_extra or {})
        if isinstance(value, Record):
            yield value.source.body
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts_of(getattr(value, field.name))


def withheld_words() -> list[str]:
    """Every text of the non-consenting interview, except ids the team wrote."""
    fields = INTERVIEWS[WITHHELD]
    texts = [fields["goal"], fields["trigger"], fields["outcome"], *fields["drivers"]]
    texts += [*fields["attributes"].values(), *fields["follow_up"]["will"]]
    texts += [*fields["follow_up"]["wont"], "withheld body"]
    for s in fields["steps"]:
        texts += [value for key, value in s.items() if key not in ("stage", "score", "peak")]
    return [text for text in texts if text not in INVENTORY]


def all_views(data: SiteData) -> list[object]:
    return [
        *(journey_view(data, journey) for journey in data.study.journeys.values()),
        *(persona_view(data, persona) for persona in data.study.personas.values()),
        *(interview_view(data, fact) for fact in data.facts),
        research_view(data),
    ]


def test_no_view_holds_words_of_a_non_consenting_interview(data: SiteData) -> None:
    texts = [text.casefold() for view in all_views(data) for text in texts_of(view)]
    assert "brr" in texts and "cheap fix" in texts  # the walk reaches quotes and drivers
    secrets = withheld_words()
    assert len(secrets) >= 15
    for secret in secrets:
        assert not [text for text in texts if secret.casefold() in text], secret


def test_a_non_consenting_interview_view_has_figures_only(data: SiteData) -> None:
    fact = next(fact for fact in data.facts if fact.key == WITHHELD)
    view = interview_view(data, fact)
    assert view.interview is None and view.expectations == []
    assert fact.scores == [s["score"] for s in INTERVIEWS[WITHHELD]["steps"]]
    assert [stage.id for stage in view.stages] == [
        s["stage"] for s in INTERVIEWS[WITHHELD]["steps"]
    ]


# --- persona view ----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["eva", "bob"])
def test_persona_words_only_from_consenting_interviews(data: SiteData, persona: str) -> None:
    view = persona_view(data, data.study.personas[persona])
    published = consenting(persona)
    assert [interview.key for interview in view.goals] == list(published)
    assert [interview.goal for interview in view.goals] == [f["goal"] for f in published.values()]
    assert [(driver, interview.key) for driver, interview in view.drivers] == [
        (driver, name) for name, fields in published.items() for driver in fields.get("drivers", [])
    ]
    own = [name for name, fields in INTERVIEWS.items() if fields["persona"] == persona]
    assert sorted(fact.key for fact in view.interviews) == sorted(own)


@pytest.mark.parametrize("persona", ["eva", "bob"])
def test_persona_touchpoints_count_unnamed_ones_apart(data: SiteData, persona: str) -> None:
    named: Counter[str] = Counter()
    unnamed = 0
    for fields in INTERVIEWS.values():
        for s in fields["steps"] if fields["persona"] == persona else []:
            touchpoint = s.get("touchpoint")
            if touchpoint in INVENTORY:
                named[INVENTORY[touchpoint]] += 1
            elif touchpoint is not None and fields["consent"]:
                named[touchpoint] += 1
            elif touchpoint is not None:
                unnamed += 1
    view = persona_view(data, data.study.personas[persona])
    shown = [(use.name, use.mentions) for use in view.touchpoints]
    assert shown == sorted(named.items(), key=lambda item: (-item[1], item[0]))
    assert all(use.inventoried == (use.name in INVENTORY.values()) for use in view.touchpoints)
    assert view.unnamed_touchpoints == unnamed
    if persona == "bob":  # b-01's kiosk: counted, not named; its phone call is named
        assert (view.unnamed_touchpoints, dict(shown)["Phone"]) == (1, 2)


# --- interview view --------------------------------------------------------------------------


def test_loops_back_marks_a_return_to_an_earlier_stage(data: SiteData) -> None:
    repair = data.study.journeys["repair"]
    walked = ["notice", "wait", "report", "report", "notice"]
    assert loops_back(repair, walked) == [False, False, True, False, True]
    fact = next(fact for fact in data.facts if fact.key == "a-02")
    view = interview_view(data, fact)
    assert view.loops_back == [False, False, True, False]  # notice, report, notice, wait
    assert view.interview is not None and view.interview.goal == INTERVIEWS["a-02"]["goal"]
    assert [(r.moment.position, r.stage_index) for r in view.expectations] == [(3, 2), (0, 0)]


# --- research view ---------------------------------------------------------------------------


def test_research_coverage_counts_every_interview(data: SiteData) -> None:
    counts = Counter((f["persona"], f["journey"]) for f in INTERVIEWS.values())
    view = research_view(data)
    assert view.coverage == {
        (persona, journey): counts[persona, journey]
        for persona in ("bob", "eva")
        for journey in sorted(JOURNEYS)
    }
    assert view.coverage["bob", "repair"] == 2 and view.coverage["bob", "move"] == 0


def test_research_follow_ups_only_from_consenting_interviews(data: SiteData) -> None:
    view = research_view(data)
    assert [(item.interview.key, item.kind, item.text) for item in view.follow_ups] == [
        (name, kind, text)
        for name, fields in consenting().items()
        for kind in ("will", "wont")
        for text in fields.get("follow_up", {}).get(kind, [])
    ]
    assert {item.interview.key for item in view.follow_ups} == {"a-01", "b-02", "c-01"}
