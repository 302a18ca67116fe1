"""The words of the theme pages and the themes index in English; part of
:mod:`journeys.site.labels.en`."""

from __future__ import annotations

THEMES_TEXTS: dict[str, str] = {
    # theme pages and the themes index (issue 21)
    "themes": "Themes",
    "themes_intro": (
        "The themes the team tagged moments with, across interviews. Reach: how many"
        " interviews have a moment with the theme. Pain: the mean score of those moments,"
        " against the mean of every moment at the same stages; the lower, the more it hurts."
    ),
    "themes_rule": (
        "Themes carried by fewer than {n} interviews are labelled small sample and come last"
        " by pain. Select a column heading to sort."
    ),
    "themes_by_reach": "By reach",
    "themes_by_pain": "By pain",
    "themes_csv": "every theme's figures as CSV",
    "theme": "Theme",
    "theme_reach": "Reach",
    "theme_reach_value": "{n} of {total} interviews",
    "theme_personas_value": "{n} of {total} personas",
    "theme_moments": "Moments",
    "theme_pain": "Pain",
    "theme_pain_value": (
        "mean score {mean} (n={n}), against {context} for every moment at the same stages"
        " (n={context_n})"
    ),
    "theme_mean": "Mean score of its moments",
    "theme_context_mean": "Mean at the same stages",
    "theme_accepted_value": "{n} of {total} interviews",
    "theme_rule": (
        "Counted from every interview, with or without consent to publish its words. A moment"
        " is a step tagged with this theme; accepted as normal counts the interviews in which"
        " one of them was waved away as normal."
    ),
    "theme_where": "Where it occurs",
    "theme_where_intro": "Per stage: the interviews with a moment tagged with this theme there.",
    "theme_stage_interviews": "Interviews",
    "theme_tagged_moments": "Moments and quotes",
    "theme_tagged_moments_intro": (
        "The tagged moments of interviews whose participants agreed to publish their words,"
        " lowest score first."
    ),
    "theme_opportunities": "Opportunities that address it",
    "theme_no_opportunities": "No opportunity names this theme yet.",
    "opportunity": "Opportunity",
}
