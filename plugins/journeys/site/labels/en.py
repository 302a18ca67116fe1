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
    # interview guide (issue 22): the boxed texts and the questions are read aloud
    "interview_guides": "Interview guides",
    "guide_title": "Interview guide: {journey}",
    "guide_link": "Interview guide",
    "guide_link_note": (
        "the questions per stage, the touchpoints and what to ask at every moment, to hold the "
        "next interview with or to print"
    ),
    "guide_lede": (
        "For the interviewer. Ask about one concrete journey of one person, the most recent "
        "one, from the moment their goal arose until it was reached or given up. Read the "
        "boxed texts aloud; ask the questions in your own words, and keep them open."
    ),
    "guide_to_journey": "What the interviews on {journey} have shown so far",
    "guide_read_aloud": "Read aloud",
    "guide_opening": "Opening",
    "guide_opening_why": (
        "Thank you for making time for this. We want to understand what people really go "
        "through, step by step, so that we can see what works and what should be better. There "
        "are no right or wrong answers, and good and bad experiences are both welcome: what "
        "went well teaches us as much as what went wrong."
    ),
    "guide_opening_words": (
        "I will write down what you tell me, and we will put it next to other interviews. Your "
        "name is never published, and we only quote your words if you say we may."
    ),
    "guide_ask_record": (
        "May I record this conversation? Only so that I can write down exactly what you said."
    ),
    "guide_ask_record_hint": "Record only with a yes.",
    "guide_ask_publish": "May we publish your words on our research site, without your name?",
    "guide_ask_publish_hint": (
        "Yes: consent: true in the interview file. No: the interview still counts in every "
        "figure, but none of its words are published."
    ),
    "guide_goal": "The goal",
    "guide_goal_question": (
        "Think of the last time this happened to you. What did you want to achieve: what did "
        "you need it for?"
    ),
    "guide_start_end": "Where did it start, and how did it end? Did you get what you wanted?",
    "guide_goal_hint": (
        "Their goal in their own words: not the service, but what they needed it for."
    ),
    "guide_every_moment": "At every moment",
    "guide_every_moment_intro": (
        "Walk through the journey step by step, in the order it happened, and ask at each step:"
    ),
    "guide_prompt_action": "What did you do, and why?",
    "guide_prompt_where": "Where was that: which channel, place or person?",
    "guide_prompt_feeling": "How did that feel?",
    "guide_prompt_grade": (
        "What grade would you give that moment, from 1 (terrible) to 10 (excellent)?"
    ),
    "guide_prompt_peak": (
        "Is this the moment that stands out most for you, for better or for worse?"
    ),
    "guide_prompt_peak_hint": "The peak: mark one moment per interview.",
    "guide_prompt_expected": (
        "Did it go differently from what you expected? What did you expect, what happened, "
        "and what would have been realistic?"
    ),
    "guide_moment_hint": (
        "Halves are fine (6.5). Stay with that one time: when they say “usually”, ask “and "
        "that time?”. Ask for a duration when it is about time (“two days”, not “the day "
        "after”). When they wave something away (“that's just how it is”), note it as "
        "accepted; do not argue."
    ),
    "guide_stages": "Stage by stage",
    "guide_no_questions": (
        "No questions prepared for this stage: ask what they did, with the questions for every "
        "moment."
    ),
    "guide_touchpoints": "Touchpoints",
    "guide_touchpoints_hint": (
        "Tick each one they mention. Another channel, place or person? Write it down in their "
        "words: it is a touchpoint we did not know about."
    ),
    "guide_no_touchpoints": (
        "No touchpoints listed yet: list them under touchpoints in the journey file before the "
        "first interview, to see which ones nobody mentions."
    ),
    "guide_closing": "Closing",
    "guide_overall_grade": (
        "Looking back on the whole thing, from start to finish: what grade would you give it, "
        "from 1 to 10?"
    ),
    "guide_overall_hint": (
        "Ask it after the moments. It is their own verdict on the whole, not the average of the "
        "moments: people remember the peak and the end more than the rest."
    ),
    "guide_closing_expectations": (
        "What did you expect at the start, what actually happened, and what would have been "
        "realistic?"
    ),
    "guide_recommend": (
        "How likely is it that you would recommend this service to others, from 0 to 10?"
    ),
    "guide_ambassador": (
        "Are you a fan of the service itself, of the organisation behind it, of both, or of "
        "neither?"
    ),
    "guide_closing_next": (
        "Thank you, this helps us a lot. What happens now: we put your story next to those of "
        "the others, find out where things should get better, and share what we find."
    ),
    "guide_closing_promises": (
        "What we will do with what you told us: use it, without your name, to improve the "
        "service, and quote your words only if you said we may. What we will not do: pass on "
        "your name, or promise you changes we cannot make."
    ),
    "guide_closing_hint": (
        "Say what you will do for this person and what you will not; be honest about what is "
        "out of reach. Write both down in the interview file, under follow_up: will and wont."
    ),
    "guide_print_note": "This guide on the site:",
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
    # workshop kit (issue 22)
    "workshop_kits": "Workshop kits",
    "workshop_title": "Workshop kit: {journey}",
    "workshop_link": "Workshop kit",
    "workshop_link_note": (
        "persona cards, a scenario per persona, opportunity cards and how-might-we questions,"
        " to print for a workshop on this journey"
    ),
    "workshop_intro": (
        "Print this page on A4 and cut out the cards. Give each group a persona card and play"
        " its scenario through, step by step: at each step, ask how the persona feels and what"
        " would help. Then lay the opportunity cards out along the stages, rank them, and"
        " answer the how-might-we questions of the lowest-scoring stages."
    ),
    "workshop_journey": "The journey's findings and map",
    "persona_cards": "Persona cards",
    "persona_cards_intro": (
        "One card per persona interviewed on this journey. Goals, frustrations and the quote"
        " come only from interviews whose participant consented to publication; the curve"
        " counts all of the persona's interviews of this journey (n)."
    ),
    "card_goals": "Goals",
    "card_frustrations": "Frustrations: moments scored {score} or lower",
    "card_no_words": (
        "None of this persona's interviews of this journey may be quoted: figures only."
    ),
    "scenarios": "Scenarios",
    "scenarios_intro": (
        "One per persona with an interview on this journey whose participant consented to"
        " publication: of those, the one whose score per stage is closest to the persona's"
        " mean there (the smallest mean difference over the stages it reached; of equally"
        " close ones, the one that reached more stages, then the first by id). Read it aloud"
        " step by step."
    ),
    "scenario_title": "Scenario: {persona}",
    "scenario_source": "Told from interview",
    "scenario_closeness": (
        "Its scores differ from the persona's means by {difference} on average, over {n}"
        " stages."
    ),
    "scenario_closeness_one": "Its score differs from the persona's mean by {difference}.",
    "scenario_none": (
        "No scenario for {persona}: none of their interviews of this journey may be quoted."
    ),
    "touchpoint": "Touchpoint",
    "feeling": "Feeling",
    "opportunity_cards": "Opportunity cards",
    "opportunity_cards_intro": (
        "The team's opportunities for this journey, each with the interviews behind it. Lay"
        " them out along the stages and rank them: write the priority on each card."
    ),
    "owner_none": "no owner yet",
    "card_priority": "Priority",
    "hmw": "How might we …?",
    "hmw_intro": (
        "The {n} stages with the lowest mean grade, each as a question to start ideas from."
    ),
    "hmw_intro_one": "The stage with the lowest mean grade, as a question to start ideas from.",
    "hmw_prompt": "How might we make “{stage}” go better?",
    "hmw_figures": (
        "Mean grade {mean} {sample}; pain points (scored {score} or lower, or accepted as"
        " normal) in {pains} of {total} interviews there."
    ),
    "hmw_opportunities": "Opportunities already proposed here: {n}",
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
