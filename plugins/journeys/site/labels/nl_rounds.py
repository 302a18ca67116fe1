"""The words of research over time (rounds, opportunity states, promises) in Dutch;
part of :mod:`journeys.site.labels.nl`."""

from __future__ import annotations

ROUNDS_TEXTS: dict[str, str] = {
    # de emotiegrafiek en de tabel van verwachtingen per ronde (issue 20)
    "emotion_alt_rounds": (
        "Emotiegrafiek van {journey}: het gemiddelde cijfer per fase in elk van de {rounds}"
        " rondes, uit {n} interviews. De vette lijn is de laatste ronde, {latest} {sample};"
        " eerdere rondes zijn lichtere, gestreepte lijnen. Elke dunne lijn is één interview;"
        " een ring markeert een fase waar het naar terugkeerde. De gemiddelden van elke ronde"
        " en wat er ervoor veranderde staan onder “{before_after}”."
    ),
    "emotion_alt_rounds_one": (
        "Emotiegrafiek van {journey}: het gemiddelde cijfer per fase in elk van de {rounds}"
        " rondes, uit 1 interview. De vette lijn is de laatste ronde, {latest} {sample};"
        " eerdere rondes zijn lichtere, gestreepte lijnen. De dunne lijn is dat interview; een"
        " ring markeert een fase waar het naar terugkeerde. De gemiddelden van elke ronde en"
        " wat er ervoor veranderde staan onder “{before_after}”."
    ),
    "chart_rounds": "Gemiddelde per ronde, de laatste vet",
    "round": "Ronde",
    "round_filter": "Toon de rijen van",
    "round_filter_all": "elke ronde",
    "round_filter_status": "{n} rijen getoond",
    "round_filter_status_one": "1 rij getoond",
    # opportunities with a state (issue 20)
    "status": "Status",
    "opportunity_status_in_progress": "in uitvoering",
    "opportunity_status_planned": "gepland",
    "opportunity_status_idea": "idee",
    "opportunity_status_done": "gedaan",
    "opportunity_status_dropped": "geschrapt",
    "priority_high": "hoge prioriteit",
    "priority_medium": "gemiddelde prioriteit",
    "priority_low": "lage prioriteit",
    "opportunity_effect": (
        "Gemiddeld cijfer hier vóór ronde ‘{round}’: {before_mean} (n={before_n}); in en na"
        " die ronde: {after_mean} (n={after_n}); verandering {change}."
    ),
    "opportunity_effect_too_few": (
        "Vóór ronde ‘{round}’ en in of na die ronde: te weinig interviews om te zeggen"
        " ({before} ervoor, {after} in of erna)."
    ),
    # journey page: voor en na, per ronde interviews (issue 20)
    "before_after": "Voor en na",
    "before_after_intro": (
        "De klantreis in elke ronde interviews, en hoe het gemiddelde cijfer van elke fase"
        " veranderde van de ene ronde naar de volgende. Een verandering wordt alleen genoemd"
        " als beide rondes {small} of meer interviews in die fase hebben."
    ),
    "before_after_caption": (
        "Gemiddeld cijfer per fase in elke ronde, en de verandering ten opzichte van de ronde"
        " ervoor"
    ),
    "round_change": "Verandering",
    "too_few_to_tell": "te weinig interviews om te zeggen",
    "round_since": "vanaf {start}",
    "round_what_changed": "Wat er veranderde: {change}",
    "round_no_expectations": "Geen verwachtingen beoordeeld in deze ronde.",
    "round_median_gap": "mediaan verschil met verwacht {gap}, over {moments} uit {interviews}",
    "round_median_gap_small": "{gaps} (kleine steekproef)",
    "gap_moments": "{n} momenten",
    "gap_moments_one": "1 moment",
    "finding_round_change": (
        "{stage} veranderde het meest tussen de laatste twee rondes: van een gemiddeld cijfer"
        " van {before_mean} {before_sample} in {before} naar {after_mean} {after_sample} in"
        " {after} ({change})."
    ),
    "finding_round_too_few": (
        "{section}: geen fase heeft {small} of meer interviews in zowel {before} als {after};"
        " te weinig interviews om te zeggen wat er veranderde."
    ),
    # research overview: promises kept, rounds (issue 20)
    "promises_summary": (
        "Openstaande toezeggingen: {open}, waarvan {overdue} over tijd (uiterlijk vóór {date})."
        " Nagekomen: {kept}."
    ),
    "interviewer_not_named": "Interviewer niet genoemd",
    "overdue": "over tijd",
    "due": "Uiterlijk",
    "due_on": "uiterlijk {date}",
    "promise_status_open": "open",
    "promise_status_done": "nagekomen",
    "withheld_promises": (
        "+{n} openstaande toezeggingen uit {interviews} waarvan de tekst niet gepubliceerd wordt"
    ),
    "withheld_promises_one": (
        "+1 openstaande toezegging uit een interview waarvan de tekst niet gepubliceerd wordt"
    ),
    "withheld_promises_overdue": "({n} over tijd)",
    "no_open_promises": "Geen openstaande toezeggingen.",
    "follow_ups_all": "Alle toezeggingen, met hun status ({n})",
    "rounds_overview": "Interviewrondes",
    "rounds_overview_intro": (
        "Elke klantreis met rondes: de data van de rondes, wat er vóór elke ronde in de"
        " dienstverlening veranderde, hoeveel interviews elke ronde telt (met of zonder"
        " toestemming), en of het nieuwste interview ervan verouderd is."
    ),
    "dates": "Data",
    "what_changed": "Wat veranderde",
}
