"""The words of "Who to interview next" on the research overview in English; part of
:mod:`journeys.site.labels.en`."""

from __future__ import annotations

RECRUITING_TEXTS: dict[str, str] = {
    # who to interview next (issue 22)
    "who_next": "Who to interview next",
    "who_next_intro": (
        "What to look for when you recruit, most needed first: a persona with no interview "
        "about a journey, then one with fewer than {target}, the target per persona and "
        "journey; a journey that no detractor (NPS {detractor} or lower), or nobody who "
        "accepted a problem as normal, was interviewed about; a value of an attribute that "
        "only one published interview of a persona has."
    ),
    "who_next_cell_empty": (
        "For {journey}, find {n} people like {persona}: nobody yet ({count} of {target})."
    ),
    "who_next_cell_empty_one": (
        "For {journey}, find 1 person like {persona}: nobody yet ({count} of {target})."
    ),
    "who_next_cell_thin": (
        "For {journey}, find {n} more people like {persona} ({count} of {target})."
    ),
    "who_next_cell_thin_one": (
        "For {journey}, find 1 more person like {persona} ({count} of {target})."
    ),
    "who_next_detractor": (
        "Nobody who would not recommend the service (NPS {detractor} or lower) was interviewed "
        "about {journey} yet: look for a detractor."
    ),
    "who_next_accepted": (
        "Nobody interviewed about {journey} accepted a problem as normal yet: look for someone "
        "who has learned to live with one, and listen for “that's just how it is”."
    ),
    "who_next_single_value": (
        "Of the published interviews with people like {persona}, only one has “{attribute}: "
        "{value}”: find another to see whether what it says holds."
    ),
    "who_next_more": "{n} more to look for",
    "who_next_none": (
        "Nothing to look for: every persona has {target} or more interviews about every journey,"
        " every journey a detractor and someone who accepted a problem as normal, and no "
        "attribute value stands alone."
    ),
}
