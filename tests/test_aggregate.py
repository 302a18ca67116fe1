"""The figures of the site, computed by plain functions over facts (no MkDocs involved)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from contentkit import ContentTree
from journeys.analysis import aggregate, evidence, signals
from journeys.analysis.facts import InterviewFact, StepFact, fact_of
from journeys.content.loading import load_study


def step(stage: str, score: float, position: int = 0, **flags: object) -> StepFact:
    return StepFact(
        position=position,
        stage=stage,
        score=score,
        peak=bool(flags.get("peak", False)),
        accepted=bool(flags.get("accepted", False)),
        touchpoint=flags.get("touchpoint"),  # type: ignore[arg-type]
        unnamed_touchpoint=False,
        expected_gap=None,
        realistic_gap=None,
        verdict=flags.get("verdict"),  # type: ignore[arg-type]
    )


def interview(
    key: str,
    steps: list[StepFact],
    overall: float = 6,
    nps: int | None = None,
    persona: str = "eva",
    date: dt.date = dt.date(2026, 1, 1),
) -> InterviewFact:
    return InterviewFact(key, persona, "repair", date, overall, nps, None, None, True, tuple(steps))


def test_stats_of_nothing_and_of_values() -> None:
    assert aggregate.stats([]) == aggregate.Stats(0, None, None, None)
    result = aggregate.stats([2, 4, 9])
    assert (result.n, result.mean, result.low, result.high, result.small) == (3, 5.0, 2, 9, False)
    assert aggregate.stats([5, 6]).small


def test_peak_end_is_the_mean_of_the_peak_and_the_last_step() -> None:
    fact = interview(
        "a", [step("notice", 2, 0, peak=True), step("report", 5, 1), step("wait", 8, 2)]
    )
    assert fact.peak_end_score == 5.0
    assert fact.mean_step_score == 5.0
    no_peak = interview("b", [step("notice", 2, 0), step("wait", 8, 1)])
    assert no_peak.peak_end_score == 8.0


def test_signals_say_which_measure_tracks_the_overall_score() -> None:
    # overall 8: mean step 5.0, peak-end 8.0 -> peak-end is closer
    facts = [
        interview(
            "a",
            [step("notice", 2, 0), step("report", 5, 1), step("wait", 8, 2, peak=True)],
            overall=8,
        )
    ]
    summary = signals.signals(facts)
    assert (summary.mean_step_error, summary.peak_end_error, summary.peak_end_closer) == (
        3.0,
        0.0,
        1,
    )
    assert summary.better == "unclear"  # one interview is too few to tell (tests/test_signals.py)
    assert signals.signals([]).better is None


def test_fragile_promoters() -> None:
    low_step = interview("a", [step("notice", 4)], nps=9)
    accepted = interview("b", [step("notice", 8, accepted=True)], nps=10)
    solid = interview("c", [step("notice", 4.5)], nps=9)
    detractor = interview("d", [step("notice", 1)], nps=6)
    assert [
        f.key for f in (low_step, accepted, solid, detractor) if signals.is_fragile_promoter(f)
    ] == ["a", "b"]


def test_nps_is_promoters_minus_detractors() -> None:
    facts = [interview(str(i), [step("notice", 5)], nps=nps) for i, nps in enumerate([10, 9, 8, 3])]
    assert signals.nps_score(facts) == signals.Nps(25, 4)
    assert signals.nps_score([interview("x", [step("notice", 5)])]) is None


def test_confidence_and_staleness() -> None:
    # (interviews, interviews per persona or journey, personas or segments)
    cases = ((6, [3, 3], 2), (6, [3, 3], 1), (5, [3, 2], 2), (3, [3], 1), (2, [1, 1], 2))
    assert [evidence.confidence(n, groups, v) for n, groups, v in cases] == [
        "high",
        "medium",
        "medium",
        "medium",
        "low",
    ]
    old = [interview("a", [step("notice", 5)], date=dt.date(2024, 1, 1))]
    assert evidence.evidence(old, 1, [1], evidence.Staleness(dt.date(2025, 1, 2), 365)).stale
    assert not evidence.evidence(old, 1, [1], evidence.Staleness(dt.date(2024, 12, 31))).stale


def test_expectation_order_puts_the_biggest_gap_first_then_stage_order() -> None:
    rows = {
        "text-late-stage": aggregate.expectation_order(2, None, 0, "a"),
        "text-early-stage": aggregate.expectation_order(0, None, 0, "b"),
        "gap-1-day": aggregate.expectation_order(2, dt.timedelta(days=1), 0, "c"),
        "gap-2-weeks": aggregate.expectation_order(1, dt.timedelta(weeks=2), 0, "d"),
    }
    assert sorted(rows, key=rows.__getitem__) == [
        "gap-2-weeks",
        "gap-1-day",
        "text-early-stage",
        "text-late-stage",
    ]


def test_touchpoints_mentioned_never_mentioned_and_discovered(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey(touchpoints=[{"id": "phone", "name": "Phone"}, {"id": "portal", "name": "Portal"}])
    tree.interview(
        "a",
        steps=[
            {"stage": "notice", "action": "x", "score": 3, "touchpoint": "phone"},
            {"stage": "report", "action": "y", "score": 3, "touchpoint": "colleague"},
            {"stage": "wait", "action": "z", "score": 3, "touchpoint": "phone"},
        ],
    )
    study = load_study(tmp_path / "content", tmp_path)
    facts = [
        fact_of(i, {tp.id for tp in study.journeys[i.journey].touchpoints})
        for i in study.interviews
    ]
    uses = aggregate.touchpoint_use(study.journeys["repair"], facts)
    assert [(u.id, u.mentions, u.inventoried) for u in uses] == [
        ("phone", 2, True),
        ("colleague", 1, False),
        ("portal", 0, True),
    ]
    at_report = aggregate.touchpoint_use(study.journeys["repair"], facts, stage="report")
    assert [(u.id, u.mentions) for u in at_report] == [("colleague", 1)]


def test_verdicts_judge_durations_by_their_gap_and_leave_text_not_rated(tmp_path: Path) -> None:
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    tree.interview(
        "a",
        steps=[
            {
                "stage": "notice",
                "action": "x",
                "score": 3,
                "expected": "1 day",
                "actual": "3 dagen",
            },
            {
                "stage": "report",
                "action": "y",
                "score": 3,
                "expected": "A reply",
                "actual": "a  reply",
            },
            {"stage": "wait", "action": "z", "score": 3, "expected": "2 weeks", "actual": "P1W"},
        ],
    )
    study = load_study(tmp_path / "content", tmp_path)
    facts = [
        fact_of(i, {tp.id for tp in study.journeys[i.journey].touchpoints})
        for i in study.interviews
    ]
    assert aggregate.stage_verdicts(study.journeys["repair"], facts) == [
        aggregate.Verdicts(judged=1, worse=1, as_expected=0, better=0, not_rated=0),
        aggregate.Verdicts(judged=0, worse=0, as_expected=0, better=0, not_rated=1),
        aggregate.Verdicts(judged=1, worse=0, as_expected=0, better=1, not_rated=0),
    ]
    assert facts[0].steps[0].expected_gap == dt.timedelta(days=2)


def test_coverage_counts_every_cell() -> None:
    facts = [
        interview("a", [step("notice", 5)], persona="eva"),
        interview("b", [step("notice", 5)], persona="eva"),
    ]
    assert evidence.coverage(["bob", "eva"], ["repair"], facts) == {
        ("bob", "repair"): 0,
        ("eva", "repair"): 2,
    }


def test_a_step_back_to_an_earlier_stage_is_marked_as_a_loop(tmp_path: Path) -> None:
    from journeys.site.kinds.interviews import loops_back

    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    journey = load_study(tmp_path / "content", tmp_path).journeys["repair"]
    assert loops_back(journey, ["notice", "report", "notice", "wait", "wait"]) == [
        False,
        False,
        True,
        False,
        False,
    ]
