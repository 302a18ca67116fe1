"""The site's words in English: every label by key, the month names and the time units."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # sections and page titles
    "personas": "Personas",
    "journeys": "Journeys",
    "interviews": "Interviews",
    "research": "Research",
    "research_title": "Research overview",
    "personas_intro": "Who we spoke to: each persona with what their interviews show.",
    "journeys_intro": "Each journey from goal to outcome, as the interviews tell it.",
    "interviews_intro": "Every interview of the study. Select a column heading to sort.",
    # common words
    "interview": "interview",
    "interviews_count": "{n} interviews",
    "interviews_count_one": "1 interview",
    "persona": "Persona",
    "journey": "Journey",
    "date": "Date",
    "stage": "Stage",
    "steps": "Steps",
    "score": "Score",
    "overall_score": "Overall score",
    "mean_step_score": "Mean step score",
    "peak_end": "Peak-end score",
    "nps": "NPS",
    "advocacy": "Ambassador of",
    "advocacy_service": "the service",
    "advocacy_company": "the company",
    "advocacy_both": "service and company",
    "advocacy_none": "neither",
    "goal": "Goal",
    "typical_goal": "Typical goal",
    "trigger": "Started with",
    "outcome": "Ended with",
    "goal_reached": "Goal reached",
    "yes": "yes",
    "no": "no",
    "unknown": "not asked",
    "interviewer": "Interviewer",
    "mean": "Mean",
    "min": "Min",
    "max": "Max",
    "n": "n",
    "n_equals": "n={n}",
    "small_sample": "small sample",
    "small_sample_note": "Fewer than 3 interviews: read as an indication, not a finding.",
    "personas_covered": "Personas",
    "period": "Period",
    "period_value": "{start} to {end}",
    "none_yet": "None yet.",
    "withheld": (
        "The participant did not consent to publishing the text of this interview. Its scores"
        " count in every figure of the site."
    ),
    # journey page
    "emotion_graph": "How it felt, stage by stage",
    "emotion_alt": (
        "Emotion graph of {journey}: mean score per stage from {n} interviews. Lowest: {low} "
        "(mean {low_mean}). Highest: {high} (mean {high_mean})."
    ),
    "emotion_alt_empty": "Emotion graph of {journey}: no interviews yet.",
    "chart_score_axis": "Score (1-10)",
    "chart_spread": "Spread (lowest to highest)",
    "chart_peak": "Peak moment",
    "stage_table_caption": "Scores per stage",
    "timeline": "Timeline",
    "what_people_did": "What people did",
    "touchpoints_used": "Touchpoints",
    "discovered": "discovered",
    "discovered_note": "not in the touchpoint inventory",
    "unnamed_touchpoints": "Other touchpoints, not named",
    "unnamed_touchpoints_note": (
        "not in the touchpoint inventory, and named in words of participants who did not "
        "consent to publication"
    ),
    "feelings": "Feelings",
    "quotes": "Quotes",
    "peaks": "Peak moments",
    "accepted": "Accepted as normal",
    "accepted_note": "Things participants waved away as normal: latent dissatisfaction.",
    "expectations": "Expectations vs reality",
    "expectations_intro": "Where reality differed from what people expected, biggest delays first.",
    "expected": "Expected",
    "actual": "What happened",
    "realistic": "Realistic",
    "gap_expected": "Gap vs expected",
    "gap_realistic": "Gap vs realistic",
    "shortfall_line": "{stage}: {shortfall}",
    "shortfall": "{short} of {total} steps fell short of expectations",
    "data_downloads": "Data",
    "data_json": "all figures as JSON",
    "data_csv": "scores per stage as CSV",
    "download_csv": "Download as CSV",
    "opportunities": "Opportunities",
    "owner": "Owner",
    "metric": "Metric",
    "backed_by": "Backed by {n} interviews",
    "backed_by_one": "Backed by 1 interview",
    "per_persona": "Per persona",
    "per_persona_alt": "Mean score per stage for each persona of {journey}.",
    "lowest_stage": "Lowest: {stage} (mean {mean})",
    "no_steps": "No interview reached this stage yet.",
    # persona page
    "goals_drivers": "Goals and drivers",
    "drivers": "Drivers",
    "pains": "Pains: lowest-scored moments",
    "highlights": "Highlights: highest-scored moments",
    "emotion_curve": "Emotion curve: {journey}",
    "persona_curve_alt": "Scores of {persona} per stage of {journey}, from {n} interviews.",
    "scores": "Scores",
    "nps_value": "{score} (n={n})",
    "its_interviews": "Interviews",
    # interview page
    "interview_title": "Interview {id}",
    "emotion_line": "Emotion line",
    "sparkline_title": "Scores per step: {scores}",
    "follow_up": "Follow-up",
    "will": "We will",
    "wont": "We will not",
    "notes": "Notes",
    "peak_marker": "peak",
    "loop_marker": "back to an earlier stage",
    "accepted_marker": "accepted as normal",
    # research overview
    "coverage": "Coverage",
    "coverage_intro": "Interviews per persona and journey. Cells under 3 need more interviews.",
    "add_interviews": "add interviews",
    "variety": "Variety per persona",
    "attribute": "Attribute",
    "touchpoints_per_journey": "Touchpoints per journey",
    "mentions": "Mentions",
    "never_mentioned": "never mentioned",
    "signals": "Signals",
    "signals_intro": (
        "Does the overall score follow the average of all moments, or the peak and the end?"
    ),
    "tracks_mean": (
        "The mean step score tracks the overall score better (mean difference {mean} vs "
        "{peak_end})."
    ),
    "tracks_peak_end": (
        "The peak-end score tracks the overall score better (mean difference {peak_end} vs {mean})."
    ),
    "tracks_tie": "Both track the overall score equally well (mean difference {mean}).",
    "signals_all": "Every interview's scores",
    "fragile_promoters": "Fragile promoters",
    "fragile_intro": (
        "Would recommend (NPS 9 or 10), yet accepted something as normal or scored a moment 4"
        " or lower."
    ),
    "lowest_step": "Lowest step",
    "accepted_items": "Accepted as normal",
    "advocacy_counts": "Ambassadors",
    "follow_ups": "Follow-up commitments",
    "follow_ups_intro": "What we promised participants, so the team keeps its word.",
    "promise": "Promise",
    "kind": "Kind",
    "evidence_health": "Evidence health",
    "evidence_intro": (
        "How much each finding rests on. Stale: the newest interview is over a year older "
        "than the newest of the study."
    ),
    "confidence": "Confidence",
    "confidence_high": "high",
    "confidence_medium": "medium",
    "confidence_low": "low",
    "distinct_personas": "Personas",
    "distinct_values": "Segments",
    "oldest": "Oldest",
    "newest": "Newest",
    "stale": "stale",
    "fresh": "current",
}

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

UNITS: dict[str, tuple[str, str]] = {
    # unit: (singular, plural)
    "minute": ("minute", "minutes"),
    "hour": ("hour", "hours"),
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
}
