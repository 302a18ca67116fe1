"""The words of research over time (rounds, opportunity states, promises) in English;
part of :mod:`journeys.site.labels.en`."""

from __future__ import annotations

ROUNDS_TEXTS: dict[str, str] = {
    # the emotion graph and the expectations table per round (issue 20)
    "emotion_alt_rounds": (
        "Emotion graph of {journey}: the mean score per stage in each of its {rounds} rounds,"
        " from {n} interviews. The bold line is the latest round, {latest} {sample}; earlier"
        " rounds are lighter, dashed lines. Each thin line is one interview; a ring marks a"
        " stage it came back to. Each round's means and what changed before it are under"
        " “{before_after}”."
    ),
    "emotion_alt_rounds_one": (
        "Emotion graph of {journey}: the mean score per stage in each of its {rounds} rounds,"
        " from 1 interview. The bold line is the latest round, {latest} {sample}; earlier"
        " rounds are lighter, dashed lines. The thin line is that interview; a ring marks a"
        " stage it came back to. Each round's means and what changed before it are under"
        " “{before_after}”."
    ),
    "chart_rounds": "Mean per round, the latest in bold",
    "round": "Round",
    "round_filter": "Show the rows of",
    "round_filter_all": "every round",
    "round_filter_status": "{n} rows shown",
    "round_filter_status_one": "1 row shown",
    # opportunities with a state (issue 20)
    "status": "Status",
    "opportunity_status_in_progress": "in progress",
    "opportunity_status_planned": "planned",
    "opportunity_status_idea": "idea",
    "opportunity_status_done": "done",
    "opportunity_status_dropped": "dropped",
    "priority_high": "high priority",
    "priority_medium": "medium priority",
    "priority_low": "low priority",
    "opportunity_effect": (
        "Mean grade here before round “{round}”: {before_mean} (n={before_n}); in it and"
        " after: {after_mean} (n={after_n}); change {change}."
    ),
    "opportunity_effect_too_few": (
        "Before round “{round}” and in it or after: too few interviews to tell ({before}"
        " before, {after} in it or after)."
    ),
    # journey page: before and after, per round of interviews (issue 20)
    "before_after": "Before and after",
    "before_after_intro": (
        "The journey in each round of interviews, and how each stage's mean grade changed from"
        " one round to the next. A change is told only when both rounds have {small} or more"
        " interviews at that stage."
    ),
    "before_after_caption": (
        "Mean grade per stage in each round, and the change from the round before"
    ),
    "round_change": "Change",
    "too_few_to_tell": "too few interviews to tell",
    "round_since": "from {start}",
    "round_what_changed": "What changed: {change}",
    "round_no_expectations": "No expectations judged in this round.",
    "round_median_gap": "median gap vs expected {gap}, over {moments} from {interviews}",
    "round_median_gap_small": "{gaps} (small sample)",
    "gap_moments": "{n} moments",
    "gap_moments_one": "1 moment",
    "finding_round_change": (
        "{stage} changed most between the last two rounds: from a mean grade of {before_mean}"
        " {before_sample} in {before} to {after_mean} {after_sample} in {after} ({change})."
    ),
    "finding_round_too_few": (
        "{section}: no stage has {small} or more interviews in both {before} and {after}, too"
        " few interviews to tell what changed."
    ),
    # research overview: promises kept, rounds (issue 20)
    "promises_summary": (
        "Open promises: {open}, of which {overdue} overdue (due before {date}). Kept: {kept}."
    ),
    "interviewer_not_named": "Interviewer not named",
    "overdue": "overdue",
    "due": "Due",
    "due_on": "due {date}",
    "promise_status_open": "open",
    "promise_status_done": "kept",
    "withheld_promises": "+{n} open promises from {interviews} whose words are not published",
    "withheld_promises_one": "+1 open promise from an interview whose words are not published",
    "withheld_promises_overdue": "({n} overdue)",
    "no_open_promises": "No open promises.",
    "follow_ups_all": "Every follow-up, with its status ({n})",
    "rounds_overview": "Rounds of interviews",
    "rounds_overview_intro": (
        "Each journey with rounds: the rounds' dates, what changed in the service before each,"
        " how many interviews each holds (with or without consent), and whether its newest"
        " interview is stale."
    ),
    "dates": "Dates",
    "what_changed": "What changed",
}
