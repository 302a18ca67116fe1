"""The words of the interview guide and the workshop kit in English; part of
:mod:`journeys.site.labels.en`."""

from __future__ import annotations

METHOD_TEXTS: dict[str, str] = {
    # interview guide (issue 22): the boxed texts and the questions are read aloud
    "interview_guides": "Interview guides",
    "guide_title": "Interview guide: {journey}",
    "guide_link": "Interview guide",
    "method_links": "To print for the next interview and for a workshop",
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
    # workshop kit (issue 22)
    "workshop_kits": "Workshop kits",
    "workshop_title": "Workshop kit: {journey}",
    "workshop_link": "Workshop kit",
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
        "Its scores differ from the persona's means by {difference} on average, over {n} stages."
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
}
