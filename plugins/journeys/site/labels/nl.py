"""The site's words in Dutch: every label by key, the month names and the time units."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # sections and page titles
    "personas": "Persona's",
    "journeys": "Klantreizen",
    "interviews": "Interviews",
    "research": "Onderzoek",
    "research_title": "Onderzoeksoverzicht",
    "personas_intro": "Met wie we spraken: elke persona met wat de interviews laten zien.",
    "journeys_intro": "Elke klantreis van doel tot uitkomst, zoals de interviews die vertellen.",
    "interviews_intro": "Alle interviews van het onderzoek. Kies een kolomkop om te sorteren.",
    # common words
    "interview": "interview",
    "interviews_count": "{n} interviews",
    "interviews_count_one": "1 interview",
    "persona": "Persona",
    "journey": "Klantreis",
    "date": "Datum",
    "stage": "Fase",
    "steps": "Stappen",
    "score": "Cijfer",
    "overall_score": "Totaalcijfer",
    "mean_step_score": "Gemiddeld stapcijfer",
    "peak_end": "Piek-eindcijfer",
    "nps": "NPS",
    "advocacy": "Ambassadeur van",
    "advocacy_service": "de dienst",
    "advocacy_company": "het bedrijf",
    "advocacy_both": "dienst en bedrijf",
    "advocacy_none": "geen van beide",
    "goal": "Doel",
    "typical_goal": "Typisch doel",
    "trigger": "Begon met",
    "outcome": "Eindigde met",
    "goal_reached": "Doel bereikt",
    "yes": "ja",
    "no": "nee",
    "unknown": "niet gevraagd",
    "interviewer": "Interviewer",
    "mean": "Gemiddelde",
    "min": "Min",
    "max": "Max",
    "n": "n",
    "n_equals": "n={n}",
    "small_sample": "kleine steekproef",
    "small_sample_note": (
        "Minder dan 3 interviews: lees dit als een aanwijzing, niet als een bevinding."
    ),
    "personas_covered": "Persona's",
    "period": "Periode",
    "period_value": "{start} tot {end}",
    "none_yet": "Nog geen.",
    "withheld": (
        "De deelnemer gaf geen toestemming om de tekst van dit interview te publiceren. De "
        "cijfers tellen mee in alle figuren van de site."
    ),
    # journey page
    "emotion_graph": "Hoe het voelde, fase voor fase",
    "emotion_alt": (
        "Emotiegrafiek van {journey}: gemiddeld cijfer per fase uit {n} interviews. Laagst: "
        "{low} (gemiddeld {low_mean}). Hoogst: {high} (gemiddeld {high_mean})."
    ),
    "emotion_alt_empty": "Emotiegrafiek van {journey}: nog geen interviews.",
    "chart_score_axis": "Cijfer (1-10)",
    "chart_spread": "Spreiding (laagste tot hoogste)",
    "chart_peak": "Piekmoment",
    "stage_table_caption": "Cijfers per fase",
    "timeline": "Tijdlijn",
    "what_people_did": "Wat mensen deden",
    "touchpoints_used": "Contactmomenten",
    "discovered": "ontdekt",
    "discovered_note": "niet in de inventarisatie van contactmomenten",
    "unnamed_touchpoints": "Andere contactmomenten, niet genoemd",
    "unnamed_touchpoints_note": (
        "niet in de inventarisatie, en genoemd in woorden van deelnemers die geen toestemming"
        " gaven om die te publiceren"
    ),
    "feelings": "Gevoelens",
    "quotes": "Citaten",
    "peaks": "Piekmomenten",
    "accepted": "Als normaal geaccepteerd",
    "accepted_note": "Wat deelnemers afdeden als normaal: latente ontevredenheid.",
    "expectations": "Verwachting en werkelijkheid",
    "expectations_intro": (
        "Waar de werkelijkheid afweek van de verwachting, grootste vertragingen eerst."
    ),
    "expected": "Verwacht",
    "actual": "Wat er gebeurde",
    "realistic": "Realistisch",
    "gap_expected": "Verschil met verwacht",
    "gap_realistic": "Verschil met realistisch",
    "shortfall_line": "{stage}: {shortfall}",
    "shortfall": "{short} van {total} stappen bleven achter bij de verwachting",
    "data_downloads": "Gegevens",
    "data_json": "alle cijfers als JSON",
    "data_csv": "cijfers per fase als CSV",
    "download_csv": "Download als CSV",
    "opportunities": "Kansen",
    "owner": "Eigenaar",
    "metric": "Maatstaf",
    "backed_by": "Onderbouwd met {n} interviews",
    "backed_by_one": "Onderbouwd met 1 interview",
    "per_persona": "Per persona",
    "per_persona_alt": "Gemiddeld cijfer per fase voor elke persona van {journey}.",
    "lowest_stage": "Laagst: {stage} (gemiddeld {mean})",
    "no_steps": "Nog geen interview kwam in deze fase.",
    # persona page
    "goals_drivers": "Doelen en drijfveren",
    "drivers": "Drijfveren",
    "pains": "Pijnpunten: laagst gewaardeerde momenten",
    "highlights": "Hoogtepunten: hoogst gewaardeerde momenten",
    "emotion_curve": "Emotiecurve: {journey}",
    "persona_curve_alt": "Cijfers van {persona} per fase van {journey}, uit {n} interviews.",
    "scores": "Cijfers",
    "nps_value": "{score} (n={n})",
    "its_interviews": "Interviews",
    # interview page
    "interview_title": "Interview {id}",
    "emotion_line": "Emotielijn",
    "sparkline_title": "Cijfers per stap: {scores}",
    "follow_up": "Vervolg",
    "will": "We gaan",
    "wont": "We gaan niet",
    "notes": "Aantekeningen",
    "peak_marker": "piek",
    "loop_marker": "terug naar een eerdere fase",
    "accepted_marker": "als normaal geaccepteerd",
    # research overview
    "coverage": "Dekking",
    "coverage_intro": (
        "Interviews per persona en klantreis. Cellen onder 3 hebben meer interviews nodig."
    ),
    "add_interviews": "meer interviews nodig",
    "variety": "Variatie per persona",
    "attribute": "Kenmerk",
    "touchpoints_per_journey": "Contactmomenten per klantreis",
    "mentions": "Vermeldingen",
    "never_mentioned": "nooit genoemd",
    "signals": "Signalen",
    "signals_intro": (
        "Volgt het totaalcijfer het gemiddelde van alle momenten, of de piek en het einde?"
    ),
    "tracks_mean": (
        "Het gemiddelde stapcijfer volgt het totaalcijfer beter (gemiddeld verschil {mean} "
        "tegen {peak_end})."
    ),
    "tracks_peak_end": (
        "Het piek-eindcijfer volgt het totaalcijfer beter (gemiddeld verschil {peak_end} "
        "tegen {mean})."
    ),
    "tracks_tie": "Beide volgen het totaalcijfer even goed (gemiddeld verschil {mean}).",
    "signals_all": "De cijfers van elk interview",
    "fragile_promoters": "Kwetsbare promotors",
    "fragile_intro": (
        "Zouden ons aanbevelen (NPS 9 of 10), maar accepteerden iets als normaal of gaven een"
        " moment een 4 of lager."
    ),
    "lowest_step": "Laagste stap",
    "accepted_items": "Als normaal geaccepteerd",
    "advocacy_counts": "Ambassadeurs",
    "follow_ups": "Toezeggingen",
    "follow_ups_intro": "Wat we deelnemers beloofden, zodat het team woord houdt.",
    "promise": "Toezegging",
    "kind": "Soort",
    "evidence_health": "Sterkte van het bewijs",
    "evidence_intro": (
        "Waar elke bevinding op rust. Verouderd: het nieuwste interview is meer dan een jaar "
        "ouder dan het nieuwste van het onderzoek."
    ),
    "confidence": "Betrouwbaarheid",
    "confidence_high": "hoog",
    "confidence_medium": "middel",
    "confidence_low": "laag",
    "distinct_personas": "Persona's",
    "distinct_values": "Segmenten",
    "oldest": "Oudste",
    "newest": "Nieuwste",
    "stale": "verouderd",
    "fresh": "actueel",
}

MONTHS: tuple[str, ...] = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

UNITS: dict[str, tuple[str, str]] = {
    # unit: (singular, plural)
    "minute": ("minuut", "minuten"),
    "hour": ("uur", "uur"),
    "day": ("dag", "dagen"),
    "week": ("week", "weken"),
    "month": ("maand", "maanden"),
}
