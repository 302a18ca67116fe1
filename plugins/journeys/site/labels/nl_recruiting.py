"""The words of "Who to interview next" on the research overview in Dutch; part of
:mod:`journeys.site.labels.nl`."""

from __future__ import annotations

RECRUITING_TEXTS: dict[str, str] = {
    # wie je hierna interviewt (issue 22)
    "who_next": "Wie je hierna interviewt",
    "who_next_intro": (
        "Waar je bij het werven op let, het meest nodige eerst: een persona zonder interview "
        "over een klantreis, dan een met minder dan {target}, het doel per persona en "
        "klantreis; een klantreis waarover nog geen criticaster (NPS {detractor} of lager) is "
        "geïnterviewd, of niemand die een probleem als normaal accepteerde; een waarde van een "
        "kenmerk die maar één gepubliceerd interview van een persona heeft."
    ),
    "who_next_cell_empty": (
        "Zoek voor {journey} {n} mensen zoals {persona}: nog niemand ({count} van {target})."
    ),
    "who_next_cell_empty_one": (
        "Zoek voor {journey} 1 persoon zoals {persona}: nog niemand ({count} van {target})."
    ),
    "who_next_cell_thin": (
        "Zoek voor {journey} nog {n} mensen zoals {persona} ({count} van {target})."
    ),
    "who_next_cell_thin_one": (
        "Zoek voor {journey} nog 1 persoon zoals {persona} ({count} van {target})."
    ),
    "who_next_detractor": (
        "Nog niemand die de dienst niet zou aanraden (NPS {detractor} of lager) is geïnterviewd "
        "over {journey}: zoek een criticaster."
    ),
    "who_next_accepted": (
        "Nog niemand die over {journey} is geïnterviewd, accepteerde een probleem als normaal: "
        "zoek iemand die ermee heeft leren leven, en luister naar “zo gaat dat nu eenmaal”."
    ),
    "who_next_single_value": (
        "Van de gepubliceerde interviews met mensen zoals {persona}, heeft er maar één "
        "“{attribute}: {value}”: zoek er nog een om te zien of wat het zegt standhoudt."
    ),
    "who_next_more": "Nog {n} om naar te zoeken",
    "who_next_none": (
        "Niets om naar te zoeken: elke persona heeft {target} of meer interviews over elke "
        "klantreis, elke klantreis een criticaster en iemand die een probleem als normaal "
        "accepteerde, en geen waarde van een kenmerk staat alleen."
    ),
}
