"""The words of the interview guide and the workshop kit in Dutch; part of
:mod:`journeys.site.labels.nl`."""

from __future__ import annotations

METHOD_TEXTS: dict[str, str] = {
    # interview guide (issue 22): the boxed texts and the questions are read aloud
    "interview_guides": "Interviewleidraden",
    "guide_title": "Interviewleidraad: {journey}",
    "guide_link": "Interviewleidraad",
    "method_links": "Om te printen voor het volgende interview en voor een workshop",
    "guide_lede": (
        "Voor de interviewer. Vraag naar één concrete reis van één persoon, de meest recente, "
        "vanaf het moment dat het doel ontstond tot het bereikt was of opgegeven. Lees de "
        "omkaderde teksten voor; stel de vragen in je eigen woorden, en houd ze open."
    ),
    "guide_to_journey": "Wat de interviews over {journey} tot nu toe laten zien",
    "guide_read_aloud": "Voorlezen",
    "guide_opening": "Opening",
    "guide_opening_why": (
        "Dank je wel dat je hier tijd voor maakt. We willen begrijpen wat mensen echt meemaken, "
        "stap voor stap, zodat we zien wat goed werkt en wat beter moet. Er zijn geen goede of "
        "foute antwoorden, en goede en slechte ervaringen zijn allebei welkom: van wat goed "
        "ging leren we net zoveel als van wat misging."
    ),
    "guide_opening_words": (
        "Ik schrijf op wat je vertelt, en we leggen het naast andere interviews. Je naam wordt "
        "nooit gepubliceerd, en we citeren je alleen als je zegt dat dat mag."
    ),
    "guide_ask_record": (
        "Mag ik dit gesprek opnemen? Alleen zodat ik precies kan opschrijven wat je zei."
    ),
    "guide_ask_record_hint": "Neem alleen op bij een ja.",
    "guide_ask_publish": "Mogen we je woorden op onze onderzoekssite publiceren, zonder je naam?",
    "guide_ask_publish_hint": (
        "Ja: consent: true in het interviewbestand. Nee: het interview telt mee in alle "
        "cijfers, maar geen woord ervan wordt gepubliceerd."
    ),
    "guide_goal": "Het doel",
    "guide_goal_question": (
        "Denk aan de laatste keer dat je dit meemaakte. Wat wilde je bereiken: waar had je het "
        "voor nodig?"
    ),
    "guide_start_end": "Waar begon het, en hoe liep het af? Kreeg je wat je wilde?",
    "guide_goal_hint": (
        "Het doel in hun eigen woorden: niet de dienst, maar waar ze die voor nodig hadden."
    ),
    "guide_every_moment": "Bij elk moment",
    "guide_every_moment_intro": (
        "Loop de reis stap voor stap door, in de volgorde waarin het gebeurde, en vraag bij "
        "elke stap:"
    ),
    "guide_prompt_action": "Wat deed je, en waarom?",
    "guide_prompt_where": "Waar was dat: via welk kanaal, op welke plek of bij wie?",
    "guide_prompt_feeling": "Hoe voelde dat?",
    "guide_prompt_grade": (
        "Welk cijfer geef je dat moment, van 1 (heel slecht) tot 10 (uitstekend)?"
    ),
    "guide_prompt_peak": (
        "Is dit het moment dat je het meest is bijgebleven, in positieve of negatieve zin?"
    ),
    "guide_prompt_peak_hint": "De piek: markeer één moment per interview.",
    "guide_prompt_expected": (
        "Ging het anders dan je verwachtte? Wat verwachtte je, wat gebeurde er, en wat was "
        "realistisch geweest?"
    ),
    "guide_moment_hint": (
        "Halve cijfers mogen (6,5). Blijf bij die ene keer: zegt iemand “meestal”, vraag dan "
        "“en die keer?”. Vraag om een duur als het om tijd gaat (“twee dagen”, niet “de dag "
        "erna”). Wuift iemand iets weg (“zo gaat dat nu eenmaal”), noteer het dan als "
        "geaccepteerd en ga er niet tegenin."
    ),
    "guide_stages": "Fase voor fase",
    "guide_no_questions": (
        "Geen vragen voorbereid voor deze fase: vraag wat ze deden, met de vragen voor elk moment."
    ),
    "guide_touchpoints": "Contactmomenten",
    "guide_touchpoints_hint": (
        "Vink aan wat ze noemen. Een ander kanaal, een andere plek of persoon? Schrijf het op "
        "in hun woorden: dat is een contactmoment dat we nog niet kenden."
    ),
    "guide_no_touchpoints": (
        "Nog geen contactmomenten op de lijst: zet ze vóór het eerste interview onder "
        "touchpoints in het bestand van de klantreis, zodat je ziet welke niemand noemt."
    ),
    "guide_closing": "Afsluiting",
    "guide_overall_grade": (
        "Als je terugkijkt op het geheel, van begin tot eind: welk cijfer geef je het, van 1 "
        "tot 10?"
    ),
    "guide_overall_hint": (
        "Vraag dit na de momenten. Het is hun eigen oordeel over het geheel, niet het "
        "gemiddelde van de momenten: mensen onthouden de piek en het einde meer dan de rest."
    ),
    "guide_closing_expectations": (
        "Wat verwachtte je vooraf, wat gebeurde er echt, en wat was realistisch geweest?"
    ),
    "guide_recommend": (
        "Hoe waarschijnlijk is het dat je deze dienst aan anderen aanraadt, van 0 tot 10?"
    ),
    "guide_ambassador": (
        "Ben je fan van de dienst zelf, van de organisatie erachter, van allebei, of van geen "
        "van beide?"
    ),
    "guide_closing_next": (
        "Dank je wel, hier hebben we veel aan. Wat er nu gebeurt: we leggen je verhaal naast "
        "dat van de anderen, zoeken uit waar het beter moet, en delen wat we vinden."
    ),
    "guide_closing_promises": (
        "Wat we doen met wat je ons vertelde: we gebruiken het zonder je naam om de dienst te "
        "verbeteren, en citeren je alleen als je zei dat dat mag. Wat we niet doen: je naam "
        "doorgeven, of veranderingen beloven die we niet kunnen waarmaken."
    ),
    "guide_closing_hint": (
        "Zeg wat je voor deze persoon gaat doen en wat niet; wees eerlijk over wat buiten "
        "bereik ligt. Schrijf beide op in het interviewbestand, onder follow_up: will en wont."
    ),
    "guide_print_note": "Deze leidraad op de site:",
    # workshop kit (issue 22)
    "workshop_kits": "Workshopkits",
    "workshop_title": "Workshopkit: {journey}",
    "workshop_link": "Workshopkit",
    "workshop_intro": (
        "Print deze pagina op A4 en knip de kaarten uit. Geef elke groep een personakaart en"
        " speel het scenario stap voor stap na: vraag bij elke stap hoe de persona zich voelt"
        " en wat zou helpen. Leg daarna de kansenkaarten langs de fasen, zet ze op volgorde en"
        " beantwoord de hoe-kunnen-we-vragen bij de laagst gewaardeerde fasen."
    ),
    "workshop_journey": "Bevindingen en klantreiskaart",
    "persona_cards": "Personakaarten",
    "persona_cards_intro": (
        "Eén kaart per persona die over deze klantreis is geïnterviewd. Doelen, frustraties en"
        " het citaat komen alleen uit interviews waarvan de deelnemer toestemming gaf voor"
        " publicatie; de curve telt alle interviews van de persona over deze klantreis (n)."
    ),
    "card_goals": "Doelen",
    "card_frustrations": "Frustraties: momenten met een {score} of lager",
    "card_no_words": (
        "Uit geen van de interviews van deze persona over deze klantreis mag worden geciteerd:"
        " alleen cijfers."
    ),
    "scenarios": "Scenario's",
    "scenarios_intro": (
        "Eén per persona met een interview over deze klantreis waarvan de deelnemer toestemming"
        " gaf voor publicatie: daarvan het interview met cijfers per fase die het dichtst bij"
        " de gemiddelden van de persona liggen (het kleinste gemiddelde verschil over de fasen"
        " die het bereikte; bij een gelijk verschil het interview dat meer fasen bereikte, dan"
        " het eerste op id). Lees het stap voor stap voor."
    ),
    "scenario_title": "Scenario: {persona}",
    "scenario_source": "Verteld uit interview",
    "scenario_closeness": (
        "De cijfers van dit interview wijken gemiddeld {difference} af van de gemiddelden van"
        " de persona, over {n} fasen."
    ),
    "scenario_closeness_one": (
        "Het cijfer van dit interview wijkt {difference} af van het gemiddelde van de persona."
    ),
    "scenario_none": (
        "Geen scenario voor {persona}: uit geen van hun interviews over deze klantreis mag"
        " worden geciteerd."
    ),
    "touchpoint": "Contactmoment",
    "feeling": "Gevoel",
    "opportunity_cards": "Kansenkaarten",
    "opportunity_cards_intro": (
        "De kansen die het team in deze klantreis ziet, elk met de interviews erachter. Leg ze"
        " langs de fasen en zet ze op volgorde: schrijf de prioriteit op elke kaart."
    ),
    "owner_none": "nog geen eigenaar",
    "card_priority": "Prioriteit",
    "hmw": "Hoe kunnen we …?",
    "hmw_intro": (
        "De {n} fasen met het laagste gemiddelde cijfer, elk als vraag om ideeën mee te beginnen."
    ),
    "hmw_intro_one": (
        "De fase met het laagste gemiddelde cijfer, als vraag om ideeën mee te beginnen."
    ),
    "hmw_prompt": "Hoe kunnen we ‘{stage}’ beter laten verlopen?",
    "hmw_figures": (
        "Gemiddeld cijfer {mean} {sample}; pijnpunten (cijfer {score} of lager, of als normaal"
        " geaccepteerd) in {pains} van {total} interviews hier."
    ),
    "hmw_opportunities": "Kansen die hier al zijn voorgesteld: {n}",
}
