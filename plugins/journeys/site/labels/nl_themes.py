"""The words of the theme pages and the themes index in Dutch; part of
:mod:`journeys.site.labels.nl`."""

from __future__ import annotations

THEMES_TEXTS: dict[str, str] = {
    # theme pages and the themes index (issue 21)
    "themes": "Thema's",
    "themes_intro": (
        "De thema's waarmee het team momenten heeft gecodeerd, over de interviews heen. Bereik:"
        " in hoeveel interviews een moment met het thema voorkomt. Pijn: de gemiddelde score van"
        " die momenten, tegenover het gemiddelde van alle momenten in dezelfde fasen; hoe lager,"
        " hoe meer het pijn doet."
    ),
    "themes_rule": (
        "Thema's uit minder dan {n} interviews heten een kleine steekproef en staan bij pijn"
        " achteraan. Kies een kolomkop om te sorteren."
    ),
    "themes_by_reach": "Op bereik",
    "themes_by_pain": "Op pijn",
    "themes_csv": "de cijfers van elk thema als CSV",
    "theme": "Thema",
    "theme_reach": "Bereik",
    "theme_reach_value": "{n} van {total} interviews",
    "theme_personas_value": "{n} van {total} persona's",
    "theme_moments": "Momenten",
    "theme_pain": "Pijn",
    "theme_pain_value": (
        "gemiddelde score {mean} (n={n}), tegenover {context} voor alle momenten in dezelfde"
        " fasen (n={context_n})"
    ),
    "theme_mean": "Gemiddelde score van de momenten",
    "theme_context_mean": "Gemiddelde in dezelfde fasen",
    "theme_accepted_value": "{n} van {total} interviews",
    "theme_rule": (
        "Geteld over alle interviews, met of zonder toestemming om hun woorden te publiceren."
        " Een moment is een stap met dit thema; als normaal geaccepteerd telt de interviews"
        " waarin een van die momenten als normaal werd weggewuifd."
    ),
    "theme_where": "Waar het voorkomt",
    "theme_where_intro": "Per fase: de interviews met daar een moment met dit thema.",
    "theme_stage_interviews": "Interviews",
    "theme_tagged_moments": "Momenten en citaten",
    "theme_tagged_moments_intro": (
        "De gecodeerde momenten uit interviews waarvan de deelnemers toestemming gaven hun"
        " woorden te publiceren, laagste score eerst."
    ),
    "theme_opportunities": "Kansen die het aanpakken",
    "theme_no_opportunities": "Nog geen kans noemt dit thema.",
    "opportunity": "Kans",
}
