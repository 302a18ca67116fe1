"""The site's words in Dutch: every label by key, the month names and the time units."""

from __future__ import annotations

from journeys.site.labels.nl_method import METHOD_TEXTS
from journeys.site.labels.nl_recruiting import RECRUITING_TEXTS
from journeys.site.labels.nl_rounds import ROUNDS_TEXTS
from journeys.site.labels.nl_themes import THEMES_TEXTS

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
    "withheld_moments_from": (
        "+{n} momenten uit {interviews} waarvan de tekst niet gepubliceerd wordt"
    ),
    "withheld_moments_from_one": (
        "+1 moment uit een interview waarvan de tekst niet gepubliceerd wordt"
    ),
    "withheld_rows": "+{n} rijen uit {interviews} waarvan de tekst niet gepubliceerd wordt",
    "withheld_rows_one": "+1 rij uit een interview waarvan de tekst niet gepubliceerd wordt",
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
    "emotion_alt_one": (
        "Emotiegrafiek van {journey}: gemiddeld cijfer per fase uit 1 interview. Laagst: "
        "{low} (gemiddeld {low_mean}, n={low_n}). Hoogst: {high} (gemiddeld {high_mean}, "
        "n={high_n}). De dunne lijn is dat interview, door zijn gemiddelde cijfer per fase; "
        "een ring markeert een fase waar het naar terugkeerde."
    ),
    "emotion_alt_empty": "Emotiegrafiek van {journey}: nog geen interviews.",
    "chart_score_axis": "Cijfer van 1 (heel slecht) tot 10 (uitstekend)",
    "chart_spread": "Spreiding (laagste tot hoogste)",
    "chart_peak": "Piek: het moment dat het meest opviel",
    "chart_interview_lines": "Dunne lijnen: één per interview, in de kleur van de persona",
    "chart_revisit": "Kwam terug in deze fase",
    "stage_table_caption": "Cijfers per fase",
    "what_people_did": "Wat mensen deden",
    "stage_more": "Wat mensen deden, contactmomenten, denken en voelen",
    "touchpoints_used": "Contactmomenten",
    "discovered": "ontdekt",
    "discovered_note": "niet in de inventarisatie van contactmomenten",
    "unnamed_touchpoints": "Andere contactmomenten, niet genoemd",
    "unnamed_touchpoints_note": (
        "niet in de inventarisatie, en genoemd in woorden van deelnemers die geen toestemming"
        " gaven om die te publiceren"
    ),
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
    "shortfall": "Viel tegen voor {short} van {total} interviews, viel mee voor {better}",
    "shortfall_small": "{shortfall} (kleine steekproef)",
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
    # journey page: findings and the map (issue 18)
    "findings": "Wat we vonden",
    "finding_lowest": (
        "{stage} doet het meeste pijn: een gemiddeld cijfer van {mean} {sample}, het laagste"
        " van alle fasen."
    ),
    "finding_gap": (
        "Het grootste verschil tussen verwachting en werkelijkheid zit bij {stage}: men "
        "verwachtte {expected} en het duurde {actual} ({gap}); het viel tegen voor {short} van"
        " {judged} interviews daar."
    ),
    "finding_accepted": (
        "Problemen worden het vaakst als normaal geaccepteerd bij {stage}: in {n} van {total}"
        " interviews daar."
    ),
    "finding_outcome": "{outcome}: totaalcijfers van {low} tot {high}, gemiddeld {mean} {sample}",
    "finding_outcome_link": "Uitkomst",
    "finding_goal": "; doel bereikt in {reached} van {n} interviews",
    "finding_nps": "; NPS {score} {sample}",
    "finding_opportunities": "Belangrijkste kansen: ",
    "finding_opportunity": "{title} (eigenaar: {owner}; onderbouwd met {backed})",
    "finding_opportunity_unowned": "{title} (nog geen eigenaar; onderbouwd met {backed})",
    # themes on the journey and persona pages (issue 21)
    "finding_theme": (
        "Van de thema's doet {theme} het meeste pijn: de momenten ervan krijgen gemiddeld een"
        " {mean} (n={moments} momenten, in {interviews}), tegenover {context_mean}"
        " (n={context_n}) voor alle stappen in dezelfde fasen."
    ),
    "tagged_themes": "Thema's",
    "tagged_themes_rule": "interviews met een moment met dit thema",
    "persona_themes": "Thema's die het vaakst terugkomen",
    "grades_value": "{low} tot {high}, gemiddeld {mean} {sample}",
    "goal_reached_value": "{reached} van {n} interviews",
    "journey_map": "Klantreiskaart",
    "journey_map_intro": (
        "Eén kolom per fase; lees een rij van links naar rechts om één aspect door de reis te "
        "volgen. ★ markeert een piekmoment, het moment dat die persoon het meest opviel."
    ),
    "thinking_feeling": "Denken en voelen",
    "curve_lane": "Hoe het voelde",
    "curve_scale": "gemiddeld cijfer: 10 uitstekend, 1 heel slecht",
    "pain_points": "Pijnpunten",
    "pain_rule": "cijfer {score} of lager, of als normaal geaccepteerd",
    "touchpoint_kind_human": "mens",
    "touchpoint_kind_digital": "digitaal",
    "touchpoint_kind_physical": "fysiek",
    "touchpoint_kind_self": "zelfhulp",
    "peak_note": "Piekmoment: het moment dat deze persoon het meest opviel, goed of slecht",
    "made_with": "Gemaakt met",
    "withheld_count": "nog {n} momenten uit {interviews}, tekst niet gepubliceerd",
    "withheld_count_one": "nog 1 moment uit een interview, tekst niet gepubliceerd",
    "more_on_site": "+{n} meer op de site",
    "more_beyond": "{n} meer op de interviewpagina's",
    "more_rows": "+{n} rijen meer",
    "more_rows_one": "+1 rij meer",
    "expectation_rows": "{n} verwachtingen, grootste verschil eerst",
    "expectation_rows_one": "1 verwachting",
    "fold_emotion_graph": "Grafiek en cijfers per fase",
    "fold_per_persona": "Grafiek en cijfers per persona",
    "fold_expectations": "Tabel van wat mensen verwachtten en wat er gebeurde",
    "more_in_csv": "{n} rijen meer in de CSV-download",
    "print_online": "Alles, met de interviews erachter, staat op de site:",
    # persona page
    "goals_drivers": "Doelen en drijfveren",
    "drivers": "Drijfveren",
    "pains": "Pijnpunten: momenten met een {score} of lager",
    "highlights": "Hoogtepunten: momenten met een {score} of hoger",
    "emotion_curve": "Emotiecurve: {journey}",
    "persona_curve_alt": "Cijfers van {persona} per fase van {journey}, uit {n} interviews.",
    "persona_curve_alt_one": "Cijfers van {persona} per fase van {journey}, uit 1 interview.",
    "scores": "Cijfers",
    "nps_value": "{score} (n={n})",
    "its_interviews": "Interviews",
    "persona_image_alt": "Illustratie van {persona}",
    "headline_quote_rule": (
        "Geciteerd bij het laagst gewaardeerde moment van deze persona, uit een interview"
        " waarvan de deelnemer toestemming gaf om het te publiceren."
    ),
    "persona_curve_n": (
        "Gemiddeld cijfer per fase over de interviews van deze persona over deze klantreis (n={n})."
    ),
    "print_sheet_note": (
        "Dit blad toont de eerste punten van elke lijst. Alle punten, de citaten en de"
        " interviews erachter staan op de site:"
    ),
    # home page (the study dashboard)
    "home": "Home",
    "home_title": "Het onderzoek in één oogopslag",
    "home_intro": (
        "Wat er onderzocht is, en waar elke klantreis het laagst scoort. Bij elk cijfer staat"
        " op hoeveel interviews het rust (n); elke pagina linkt door naar de interviews erachter."
    ),
    "home_lowest": "Laagst gewaardeerde fase: {stage}, gemiddeld {mean} (n={n})",
    "home_research": (
        "dekking per persona en klantreis, signalen en vervolgacties over het hele onderzoek."
    ),
    "personas_count": "{n} persona's",
    "personas_count_one": "1 persona",
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
        "Gemiddeld absoluut verschil met het totaalcijfer (hoe ver elk er gemiddeld naast zit, "
        "hoger of lager): piek-eindcijfer {peak_end}, gemiddeld stapcijfer {mean}."
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
        "lager), van −100 tot 100, over de interviews met een NPS (n). Onder {small} is het een"
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
        "De betrouwbaarheid is laag met minder dan {small} interviews (voor een fase: interviews"
        " in die fase). Ze is hoog voor een fase als elke persona van het onderzoek er {small} of"
        " meer interviews in heeft, en voor een persona als die {small} of meer heeft in elke "
        "klantreis van het onderzoek, zodat geen cel van de dekking erachter om meer vraagt, van"
        " minstens 2 persona's of segmenten; anders middel."
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
    **METHOD_TEXTS,
    **ROUNDS_TEXTS,
    **THEMES_TEXTS,
    **RECRUITING_TEXTS,
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
