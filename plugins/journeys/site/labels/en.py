"""The site's words in English: every label by key, the month names and the time units."""

from __future__ import annotations

from journeys.site.labels.en_method import METHOD_TEXTS
from journeys.site.labels.en_recruiting import RECRUITING_TEXTS
from journeys.site.labels.en_rounds import ROUNDS_TEXTS
from journeys.site.labels.en_themes import THEMES_TEXTS

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
    "sample": "(n={n})",
    "sample_small": "(n={n}, small sample)",
    "small_sample_note": "Fewer than {n} interviews: read as an indication, not a finding.",
    "personas_covered": "Personas",
    "period": "Period",
    "period_value": "{start} to {end}",
    "none_yet": "None yet.",
    "more_moments": "+{n} more",
    "withheld_moments_from": "+{n} moments from {interviews} whose words are not published",
    "withheld_moments_from_one": "+1 moment from an interview whose words are not published",
    "withheld_rows": "+{n} rows from {interviews} whose words are not published",
    "withheld_rows_one": "+1 row from an interview whose words are not published",
    "withheld": (
        "The participant did not consent to publishing the text of this interview. Its scores"
        " count in every figure of the site."
    ),
    # journey page
    "emotion_graph": "How it felt, stage by stage",
    "emotion_alt": (
        "Emotion graph of {journey}: mean score per stage from {n} interviews. Lowest: {low} "
        "(mean {low_mean}, n={low_n}). Highest: {high} (mean {high_mean}, n={high_n}). Each "
        "thin line is one interview through its mean score per stage; a ring marks a stage "
        "it came back to."
    ),
    "emotion_alt_one": (
        "Emotion graph of {journey}: mean score per stage from 1 interview. Lowest: {low} "
        "(mean {low_mean}, n={low_n}). Highest: {high} (mean {high_mean}, n={high_n}). The "
        "thin line is that interview through its mean score per stage; a ring marks a stage "
        "it came back to."
    ),
    "emotion_alt_empty": "Emotion graph of {journey}: no interviews yet.",
    "chart_score_axis": "Score from 1 (terrible) to 10 (excellent)",
    "chart_spread": "Spread (lowest to highest)",
    "chart_peak": "Peak: the moment that stood out most",
    "chart_interview_lines": "Thin lines: one per interview, in the colour of its persona",
    "chart_revisit": "Came back to this stage",
    "stage_table_caption": "Scores per stage",
    "what_people_did": "What people did",
    "stage_more": "What people did, touchpoints, thinking and feeling",
    "touchpoints_used": "Touchpoints",
    "discovered": "discovered",
    "discovered_note": "not in the touchpoint inventory",
    "unnamed_touchpoints": "Other touchpoints, not named",
    "unnamed_touchpoints_note": (
        "not in the touchpoint inventory, and named in words of participants who did not "
        "consent to publication"
    ),
    "quotes": "Quotes",
    "peaks": "Peak moments",
    "in_interviews": "in {n} interviews",
    "in_interviews_one": "in 1 interview",
    "accepted": "Accepted as normal",
    "accepted_note": "Things participants waved away as normal: latent dissatisfaction.",
    "expectations": "Expectations vs reality",
    "expectations_intro": (
        "What people expected and what happened, biggest delays first. A duration is judged by"
        " its gap; any other answer by the researcher, or it reads not rated."
    ),
    "expected": "Expected",
    "actual": "What happened",
    "realistic": "Realistic",
    "expected_duration": "Expected, as read",
    "actual_duration": "What happened, as read",
    "realistic_duration": "Realistic, as read",
    "duration_about": "about {duration}",
    "duration_within": "within {duration}",
    "gap_expected": "Gap vs expected",
    "gap_realistic": "Gap vs realistic",
    "vs_expected": "Compared with expected",
    "verdict_worse": "worse",
    "verdict_as_expected": "as expected",
    "verdict_better": "better",
    "verdict_not_rated": "not rated",
    "shortfall": (
        "Fell short of expectations for {short} of {total} interviews, better than expected"
        " for {better}"
    ),
    "shortfall_small": "{shortfall} (small sample)",
    "not_rated_count": "{n} interviews with an expectation not rated",
    "not_rated_count_one": "1 interview with an expectation not rated",
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
    "per_persona_alt": (
        "Mean score per stage for each persona of {journey}; how many interviews each rests "
        "on is in the legend and in the table below."
    ),
    "per_persona_table_caption": "Scores per stage for each persona",
    "lowest_stage": "Lowest: {stage} (mean {mean}, n={n})",
    "no_steps": "No interview reached this stage yet.",
    # journey page: findings and the map (issue 18)
    "findings": "What we found",
    "finding_lowest": (
        "{stage} hurts most: a mean grade of {mean} {sample}, the lowest of all stages."
    ),
    "finding_gap": (
        "The biggest gap between expectation and reality is at {stage}: people expected "
        "{expected} and it took {actual} ({gap}); it fell short of expectations for {short} of"
        " {judged} interviews there."
    ),
    "finding_accepted": (
        "People accept problems as normal most often at {stage}: in {n} of {total} interviews"
        " there."
    ),
    "finding_outcome": "{outcome}: overall grades from {low} to {high}, mean {mean} {sample}",
    "finding_outcome_link": "Outcome",
    "finding_goal": "; goal reached in {reached} of {n} interviews",
    "finding_nps": "; NPS {score} {sample}",
    "finding_opportunities": "Top opportunities: ",
    "finding_opportunity": "{title} (owner: {owner}; backed by {backed})",
    "finding_opportunity_unowned": "{title} (no owner yet; backed by {backed})",
    # themes on the journey and persona pages (issue 21)
    "finding_theme": (
        "Of the themes, {theme} hurts most: its moments have a mean grade of {mean} (n={moments}"
        " moments, in {interviews}), against {context_mean} (n={context_n}) for every step at"
        " the same stages."
    ),
    "tagged_themes": "Themes",
    "tagged_themes_rule": "interviews with a moment tagged with it",
    "persona_themes": "Themes that come up most",
    "grades_value": "{low} to {high}, mean {mean} {sample}",
    "goal_reached_value": "{reached} of {n} interviews",
    "journey_map": "Journey map",
    "journey_map_intro": (
        "One column per stage; read across a row to follow one aspect through the journey. "
        "★ marks a peak moment, the one that stood out most for that person."
    ),
    "thinking_feeling": "Thinking and feeling",
    "curve_lane": "How it felt",
    "curve_scale": "mean grade: 10 excellent, 1 terrible",
    "pain_points": "Pain points",
    "pain_rule": "scored {score} or lower, or accepted as normal",
    "touchpoint_kind_human": "human",
    "touchpoint_kind_digital": "digital",
    "touchpoint_kind_physical": "physical",
    "touchpoint_kind_self": "self-service",
    "peak_note": "Peak moment: the moment that stood out most for this person, good or bad",
    "made_with": "Made with",
    "withheld_count": "{n} more moments from {interviews}, words not published",
    "withheld_count_one": "1 more moment from an interview, words not published",
    "more_on_site": "+{n} more on the site",
    "more_beyond": "{n} more in the interview pages",
    "more_rows": "+{n} more rows",
    "more_rows_one": "+1 more row",
    "expectation_rows": "{n} expectations, biggest gap first",
    "expectation_rows_one": "1 expectation",
    "fold_emotion_graph": "Graph and scores per stage",
    "fold_per_persona": "Graph and scores per persona",
    "fold_expectations": "Table of what people expected and what happened",
    "more_in_csv": "{n} more rows in the CSV download",
    "print_online": "Every item, with the interviews behind it, is on the site:",
    # persona page
    "goals_drivers": "Goals and drivers",
    "drivers": "Drivers",
    "pains": "Pains: moments scored {score} or lower",
    "highlights": "Highlights: moments scored {score} or higher",
    "emotion_curve": "Emotion curve: {journey}",
    "persona_curve_alt": "Scores of {persona} per stage of {journey}, from {n} interviews.",
    "persona_curve_alt_one": "Scores of {persona} per stage of {journey}, from 1 interview.",
    "scores": "Scores",
    "nps_value": "{score} (n={n})",
    "its_interviews": "Interviews",
    "persona_image_alt": "Illustration of {persona}",
    "headline_quote_rule": (
        "Quoted from this persona's lowest-scored moment, in an interview whose participant"
        " consented to publishing it."
    ),
    "persona_curve_n": (
        "Mean score per stage over this persona's interviews of this journey (n={n})."
    ),
    "print_sheet_note": (
        "This sheet shows the first items of each list. Every item, the quotes and the"
        " interviews behind them are on the site:"
    ),
    # home page (the study dashboard)
    "home": "Home",
    "home_title": "The research at a glance",
    "home_intro": (
        "What was studied, and where each journey scores lowest. Every figure says how many"
        " interviews it rests on (n); each page links down to the interviews behind it."
    ),
    "home_lowest": "Lowest-scoring stage: {stage}, mean {mean} (n={n})",
    "home_research": "coverage per persona and journey, signals and follow-ups across the study.",
    "personas_count": "{n} personas",
    "personas_count_one": "1 persona",
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
    "coverage_intro": (
        "Interviews per persona and journey. Cells under {small} need more interviews."
    ),
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
        "The mean step score tracks the overall score better: it is the closer one in {mean} "
        "of {n} interviews, the peak-end score in {peak_end}, {ties} tied."
    ),
    "tracks_peak_end": (
        "The peak-end score tracks the overall score better: it is the closer one in "
        "{peak_end} of {n} interviews, the mean step score in {mean}, {ties} tied."
    ),
    "tracks_tie": (
        "Neither tracks the overall score better: both are equally close in all {n} interviews."
    ),
    "tracks_unclear": (
        "Too few interviews to tell which tracks the overall score better: the peak-end score "
        "is the closer one in {peak_end} of {n} interviews, the mean step score in {mean}, "
        "{ties} tied."
    ),
    "signals_rule": (
        "How this is decided: per interview, the score closer to the overall score (differences"
        " rounded to one decimal, as shown; equally close is a tie). One is named the better only"
        " when a two-sided sign test over the interviews that are not tied gives p < 0.05; "
        "otherwise there are too few interviews to tell."
    ),
    "mean_differences": (
        "Mean absolute difference from the overall score (how far off each is, higher or "
        "lower, on average over the interviews): peak-end score {peak_end}, mean step score "
        "{mean}."
    ),
    "closer": "Closer",
    "closer_peak_end": "peak-end",
    "closer_mean": "mean",
    "closer_tie": "tie",
    "signals_all": "Every interview's scores",
    "fragile_promoters": "Fragile promoters",
    "fragile_intro": (
        "Promoters (NPS {promoter} or higher) who yet accepted something as normal or scored a"
        " moment {score} or lower."
    ),
    "fragile_count": "{fragile} of {promoters} promoters are fragile.",
    "nps_intro": (
        "Per cent promoters (NPS {promoter} or higher) minus per cent detractors ({detractor} or"
        " lower), from −100 to 100, over the interviews that gave an NPS (n). From fewer than "
        "{small} it is a small sample."
    ),
    "nps_small_sample_note": (
        "Fewer than {n} answers: one person more or less moves the NPS by over 10 points."
    ),
    "whole_study": "Whole study",
    "advocacy_nps_intro": (
        "Interviews by what the participant is an ambassador of and by NPS: a promoter of the "
        "company is not a promoter of the service."
    ),
    "nps_promoters": "Promoters",
    "nps_passives": "Passives",
    "nps_detractors": "Detractors",
    "nps_not_given": "No NPS",
    "total": "Total",
    "lowest_step": "Lowest step",
    "accepted_items": "Accepted as normal",
    "advocacy_counts": "Ambassadors",
    "follow_ups": "Follow-up commitments",
    "follow_ups_intro": "What we promised participants, so the team keeps its word.",
    "promise": "Promise",
    "kind": "Kind",
    "evidence_health": "Evidence health",
    "evidence_intro": "How much each finding rests on.",
    "confidence_rule": (
        "Confidence is low with fewer than {small} interviews (for a stage: interviews at that "
        "stage). It is high for a stage when every persona of the study has {small} or more "
        "interviews at that stage, and for a persona when it has {small} or more in every "
        "journey of the study, so no coverage cell behind it asks for more, from at least 2 "
        "personas or segments; medium otherwise."
    ),
    "segments_rule": (
        "Segments: distinct combinations of attributes among the persona's published interviews."
    ),
    "stale_rule": (
        "Stale: the newest interview is more than {days} days before the site was built ({date})."
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
    **METHOD_TEXTS,
    **ROUNDS_TEXTS,
    **THEMES_TEXTS,
    **RECRUITING_TEXTS,
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
    "working_week": ("working week", "working weeks"),
    "working_day": ("working day", "working days"),
}
