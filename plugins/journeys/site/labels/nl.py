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
    "sample": "(n={n})",
    "sample_small": "(n={n}, kleine steekproef)",
    "small_sample_note": (
        "Minder dan {n} interviews: lees dit als een aanwijzing, niet als een bevinding."
    ),
    "personas_covered": "Persona's",
    "period": "Periode",
    "period_value": "{start} tot {end}",
    "none_yet": "Nog geen.",
    "more_moments": "+{n} meer",
    "withheld_moments": "+{n} momenten uit interviews waarvan de tekst niet gepubliceerd wordt",
    "withheld_moments_one": "+1 moment uit een interview waarvan de tekst niet gepubliceerd wordt",
    "withheld": (
        "De deelnemer gaf geen toestemming om de tekst van dit interview te publiceren. De "
        "cijfers tellen mee in alle figuren van de site."
    ),
    # journey page
    "emotion_graph": "Hoe het voelde, fase voor fase",
    "emotion_alt": (
        "Emotiegrafiek van {journey}: gemiddeld cijfer per fase uit {n} interviews. Laagst: "
        "{low} (gemiddeld {low_mean}, n={low_n}). Hoogst: {high} (gemiddeld {high_mean}, "
        "n={high_n}). Elke dunne lijn is één interview, door zijn gemiddelde cijfer per fase; "
        "een ring markeert een fase waar het naar terugkeerde."
    ),
    "emotion_alt_empty": "Emotiegrafiek van {journey}: nog geen interviews.",
    "chart_score_axis": "Cijfer (1-10)",
    "chart_spread": "Spreiding (laagste tot hoogste)",
    "chart_peak": "Piekmoment",
    "chart_revisit": "Kwam terug in deze fase",
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
    "in_interviews": "in {n} interviews",
    "in_interviews_one": "in 1 interview",
    "accepted": "Als normaal geaccepteerd",
    "accepted_note": "Wat deelnemers afdeden als normaal: latente ontevredenheid.",
    "expectations": "Verwachting en werkelijkheid",
    "expectations_intro": (
        "Wat mensen verwachtten en wat er gebeurde, grootste vertragingen eerst. Een duur wordt"
        " beoordeeld op het verschil; elk ander antwoord door de onderzoeker, anders staat er"
        " niet beoordeeld."
    ),
    "expected": "Verwacht",
    "actual": "Wat er gebeurde",
    "realistic": "Realistisch",
    "expected_duration": "Verwacht, zo gelezen",
    "actual_duration": "Wat er gebeurde, zo gelezen",
    "realistic_duration": "Realistisch, zo gelezen",
    "duration_about": "ongeveer {duration}",
    "duration_within": "binnen {duration}",
    "gap_expected": "Verschil met verwacht",
    "gap_realistic": "Verschil met realistisch",
    "vs_expected": "Vergeleken met verwachting",
    "verdict_worse": "slechter",
    "verdict_as_expected": "zoals verwacht",
    "verdict_better": "beter",
    "verdict_not_rated": "niet beoordeeld",
    "shortfall_line": "{stage}: {shortfall}",
    "shortfall": "Viel tegen voor {short} van {total} interviews, viel mee voor {better}",
    "not_rated_count": "{n} interviews met een verwachting zonder oordeel",
    "not_rated_count_one": "1 interview met een verwachting zonder oordeel",
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
    "per_persona_alt": (
        "Gemiddeld cijfer per fase voor elke persona van {journey}; op hoeveel interviews "
        "elke lijn rust, staat in de legenda en in de tabel eronder."
    ),
    "per_persona_table_caption": "Cijfers per fase per persona",
    "lowest_stage": "Laagst: {stage} (gemiddeld {mean}, n={n})",
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
        "Interviews per persona en klantreis. Cellen onder {small} hebben meer interviews nodig."
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
        "Het gemiddelde stapcijfer volgt het totaalcijfer beter: het ligt er dichter bij in "
        "{mean} van {n} interviews, het piek-eindcijfer in {peak_end}, {ties} gelijk."
    ),
    "tracks_peak_end": (
        "Het piek-eindcijfer volgt het totaalcijfer beter: het ligt er dichter bij in "
        "{peak_end} van {n} interviews, het gemiddelde stapcijfer in {mean}, {ties} gelijk."
    ),
    "tracks_tie": (
        "Geen van beide volgt het totaalcijfer beter: ze liggen er in alle {n} interviews even "
        "dicht bij."
    ),
    "tracks_unclear": (
        "Te weinig interviews om te zeggen welke het totaalcijfer beter volgt: het "
        "piek-eindcijfer ligt er dichter bij in {peak_end} van {n} interviews, het gemiddelde "
        "stapcijfer in {mean}, {ties} gelijk."
    ),
    "signals_rule": (
        "Zo is het bepaald: per interview het cijfer dat dichter bij het totaalcijfer ligt "
        "(verschillen afgerond op één decimaal, zoals getoond; even dichtbij is gelijk). Er wordt"
        " alleen een winnaar genoemd als een tweezijdige tekentoets over de interviews die niet "
        "gelijk zijn p < 0,05 geeft; anders zijn er te weinig interviews om het te zeggen."
    ),
    "mean_differences": (
        "Gemiddeld verschil met het totaalcijfer: piek-eindcijfer {peak_end}, gemiddeld "
        "stapcijfer {mean}."
    ),
    "closer": "Dichter bij",
    "closer_peak_end": "piek-eind",
    "closer_mean": "gemiddelde",
    "closer_tie": "gelijk",
    "signals_all": "De cijfers van elk interview",
    "fragile_promoters": "Kwetsbare promotors",
    "fragile_intro": (
        "Promotors (NPS {promoter} of hoger) die toch iets als normaal accepteerden of een "
        "moment een {score} of lager gaven."
    ),
    "fragile_count": "{fragile} van {promoters} promotors zijn kwetsbaar.",
    "nps_intro": (
        "Procent promotors (NPS {promoter} of hoger) min procent criticasters ({detractor} of "
        "lager), van -100 tot 100, over de interviews met een NPS (n). Onder {small} is het een"
        " kleine steekproef."
    ),
    "nps_small_sample_note": (
        "Minder dan {n} antwoorden: één persoon meer of minder verschuift de NPS met meer dan "
        "10 punten."
    ),
    "whole_study": "Heel het onderzoek",
    "advocacy_nps_intro": (
        "Interviews naar waarvan de deelnemer ambassadeur is en naar NPS: een promotor van het "
        "bedrijf is nog geen promotor van de dienst."
    ),
    "nps_promoters": "Promotors",
    "nps_passives": "Passieven",
    "nps_detractors": "Criticasters",
    "nps_not_given": "Geen NPS",
    "total": "Totaal",
    "lowest_step": "Laagste stap",
    "accepted_items": "Als normaal geaccepteerd",
    "advocacy_counts": "Ambassadeurs",
    "follow_ups": "Toezeggingen",
    "follow_ups_intro": "Wat we deelnemers beloofden, zodat het team woord houdt.",
    "promise": "Toezegging",
    "kind": "Soort",
    "evidence_health": "Sterkte van het bewijs",
    "evidence_intro": "Waar elke bevinding op rust.",
    "confidence_rule": (
        "De betrouwbaarheid is laag met minder dan {small} interviews; hoog als elke persona "
        "(voor een fase) of elke klantreis (voor een persona) er {small} of meer heeft, zodat "
        "geen cel van de dekking erachter om meer vraagt, van minstens 2 persona's of segmenten;"
        " anders middel."
    ),
    "segments_rule": (
        "Segmenten: verschillende combinaties van kenmerken in de gepubliceerde interviews van "
        "de persona."
    ),
    "stale_rule": (
        "Verouderd: het nieuwste interview is van meer dan {days} dagen voor de bouw van de site "
        "({date})."
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
    "working_week": ("werkweek", "werkweken"),
    "working_day": ("werkdag", "werkdagen"),
}
