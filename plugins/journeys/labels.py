"""Every word the generated pages show, in English and Dutch, and how numbers and dates read.

One catalogue: templates ask ``t("key")``; no wording lives in templates or code elsewhere.
The language is ``theme.language``; anything but ``nl`` falls back to English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeys.durations import HumanDuration

LANGUAGES = ("en", "nl")

CATALOGUE: dict[str, tuple[str, str]] = {
    # key: (English, Dutch)
    # sections and page titles
    "personas": ("Personas", "Persona's"),
    "journeys": ("Journeys", "Klantreizen"),
    "interviews": ("Interviews", "Interviews"),
    "research": ("Research", "Onderzoek"),
    "research_title": ("Research overview", "Onderzoeksoverzicht"),
    "personas_intro": (
        "Who we spoke to: each persona with what their interviews show.",
        "Met wie we spraken: elke persona met wat de interviews laten zien.",
    ),
    "journeys_intro": (
        "Each journey from goal to outcome, as the interviews tell it.",
        "Elke klantreis van doel tot uitkomst, zoals de interviews die vertellen.",
    ),
    "interviews_intro": (
        "Every interview of the study. Select a column heading to sort.",
        "Alle interviews van het onderzoek. Kies een kolomkop om te sorteren.",
    ),
    # common words
    "interview": ("interview", "interview"),
    "interviews_count": ("{n} interviews", "{n} interviews"),
    "interviews_count_one": ("1 interview", "1 interview"),
    "persona": ("Persona", "Persona"),
    "journey": ("Journey", "Klantreis"),
    "date": ("Date", "Datum"),
    "stage": ("Stage", "Fase"),
    "steps": ("Steps", "Stappen"),
    "score": ("Score", "Cijfer"),
    "overall_score": ("Overall score", "Totaalcijfer"),
    "mean_step_score": ("Mean step score", "Gemiddeld stapcijfer"),
    "peak_end": ("Peak-end score", "Piek-eindcijfer"),
    "nps": ("NPS", "NPS"),
    "advocacy": ("Ambassador of", "Ambassadeur van"),
    "advocacy_service": ("the service", "de dienst"),
    "advocacy_company": ("the company", "het bedrijf"),
    "advocacy_both": ("service and company", "dienst en bedrijf"),
    "advocacy_none": ("neither", "geen van beide"),
    "goal": ("Goal", "Doel"),
    "typical_goal": ("Typical goal", "Typisch doel"),
    "trigger": ("Started with", "Begon met"),
    "outcome": ("Ended with", "Eindigde met"),
    "goal_reached": ("Goal reached", "Doel bereikt"),
    "yes": ("yes", "ja"),
    "no": ("no", "nee"),
    "unknown": ("not asked", "niet gevraagd"),
    "interviewer": ("Interviewer", "Interviewer"),
    "mean": ("Mean", "Gemiddelde"),
    "min": ("Min", "Min"),
    "max": ("Max", "Max"),
    "n": ("n", "n"),
    "n_equals": ("n={n}", "n={n}"),
    "small_sample": ("small sample", "kleine steekproef"),
    "small_sample_note": (
        "Fewer than 3 interviews: read as an indication, not a finding.",
        "Minder dan 3 interviews: lees dit als een aanwijzing, niet als een bevinding.",
    ),
    "personas_covered": ("Personas", "Persona's"),
    "period": ("Period", "Periode"),
    "period_value": ("{start} to {end}", "{start} tot {end}"),
    "none_yet": ("None yet.", "Nog geen."),
    "withheld": (
        ("The participant did not consent to publishing the text of this interview. "
         "Its scores count in every figure of the site."),
        ("De deelnemer gaf geen toestemming om de tekst van dit interview te publiceren. "
         "De cijfers tellen mee in alle figuren van de site."),
    ),
    "withheld_short": ("text withheld", "tekst niet gepubliceerd"),
    "quote_from": ("from interview {id}", "uit interview {id}"),
    # journey page
    "at_a_glance": ("At a glance", "In één oogopslag"),
    "emotion_graph": ("How it felt, stage by stage", "Hoe het voelde, fase voor fase"),
    "emotion_alt": (
        ("Emotion graph of {journey}: mean score per stage from {n} interviews. "
         "Lowest: {low} (mean {low_mean}). Highest: {high} (mean {high_mean})."),
        ("Emotiegrafiek van {journey}: gemiddeld cijfer per fase uit {n} interviews. "
         "Laagst: {low} (gemiddeld {low_mean}). Hoogst: {high} (gemiddeld {high_mean})."),
    ),
    "emotion_alt_empty": ("Emotion graph of {journey}: no interviews yet.", "Emotiegrafiek van {journey}: nog geen interviews."),
    "chart_score_axis": ("Score (1-10)", "Cijfer (1-10)"),
    "chart_spread": ("Spread (lowest to highest)", "Spreiding (laagste tot hoogste)"),
    "chart_peak": ("Peak moment", "Piekmoment"),
    "chart_individual": ("Individual interviews (thin lines)", "Losse interviews (dunne lijnen)"),
    "stage_table_caption": ("Scores per stage", "Cijfers per fase"),
    "timeline": ("Timeline", "Tijdlijn"),
    "what_people_did": ("What people did", "Wat mensen deden"),
    "touchpoints_used": ("Touchpoints", "Contactmomenten"),
    "discovered": ("discovered", "ontdekt"),
    "discovered_note": ("not in the touchpoint inventory", "niet in de inventarisatie van contactmomenten"),
    "unnamed_touchpoints": ("Other touchpoints, not named", "Andere contactmomenten, niet genoemd"),
    "unnamed_touchpoints_note": (
        "not in the touchpoint inventory, and named in words of participants who did not consent to publication",
        "niet in de inventarisatie, en genoemd in woorden van deelnemers die geen toestemming gaven om die te publiceren",
    ),
    "feelings": ("Feelings", "Gevoelens"),
    "quotes": ("Quotes", "Citaten"),
    "peaks": ("Peak moments", "Piekmomenten"),
    "accepted": ("Accepted as normal", "Als normaal geaccepteerd"),
    "accepted_note": (
        "Things participants waved away as normal: latent dissatisfaction.",
        "Wat deelnemers afdeden als normaal: latente ontevredenheid.",
    ),
    "expectations": ("Expectations vs reality", "Verwachting en werkelijkheid"),
    "expectations_intro": (
        "Where reality differed from what people expected, biggest delays first.",
        "Waar de werkelijkheid afweek van de verwachting, grootste vertragingen eerst.",
    ),
    "expected": ("Expected", "Verwacht"),
    "actual": ("What happened", "Wat er gebeurde"),
    "realistic": ("Realistic", "Realistisch"),
    "gap_expected": ("Gap vs expected", "Verschil met verwacht"),
    "gap_realistic": ("Gap vs realistic", "Verschil met realistisch"),
    "shortfall_line": ("{stage}: {shortfall}", "{stage}: {shortfall}"),
    "shortfall": (
        "{short} of {total} steps fell short of expectations",
        "{short} van {total} stappen bleven achter bij de verwachting",
    ),
    "data_downloads": ("Data", "Gegevens"),
    "data_json": ("all figures as JSON", "alle cijfers als JSON"),
    "data_csv": ("scores per stage as CSV", "cijfers per fase als CSV"),
    "download_csv": ("Download as CSV", "Download als CSV"),
    "opportunities": ("Opportunities", "Kansen"),
    "owner": ("Owner", "Eigenaar"),
    "metric": ("Metric", "Maatstaf"),
    "backed_by": ("Backed by {n} interviews", "Onderbouwd met {n} interviews"),
    "backed_by_one": ("Backed by 1 interview", "Onderbouwd met 1 interview"),
    "per_persona": ("Per persona", "Per persona"),
    "per_persona_alt": (
        "Mean score per stage for each persona of {journey}.",
        "Gemiddeld cijfer per fase voor elke persona van {journey}.",
    ),
    "lowest_stage": ("Lowest: {stage} (mean {mean})", "Laagst: {stage} (gemiddeld {mean})"),
    "no_steps": ("No interview reached this stage yet.", "Nog geen interview kwam in deze fase."),
    # persona page
    "facts": ("Facts", "Feiten"),
    "goals_drivers": ("Goals and drivers", "Doelen en drijfveren"),
    "drivers": ("Drivers", "Drijfveren"),
    "pains": ("Pains: lowest-scored moments", "Pijnpunten: laagst gewaardeerde momenten"),
    "highlights": ("Highlights: highest-scored moments", "Hoogtepunten: hoogst gewaardeerde momenten"),
    "emotion_curve": ("Emotion curve: {journey}", "Emotiecurve: {journey}"),
    "persona_curve_alt": (
        "Scores of {persona} per stage of {journey}, from {n} interviews.",
        "Cijfers van {persona} per fase van {journey}, uit {n} interviews.",
    ),
    "scores": ("Scores", "Cijfers"),
    "loyalty": ("Loyalty", "Loyaliteit"),
    "nps_value": ("{score} (n={n})", "{score} (n={n})"),
    "its_interviews": ("Interviews", "Interviews"),
    # interview page
    "interview_title": ("Interview {id}", "Interview {id}"),
    "emotion_line": ("Emotion line", "Emotielijn"),
    "sparkline_title": ("Scores per step: {scores}", "Cijfers per stap: {scores}"),
    "follow_up": ("Follow-up", "Vervolg"),
    "will": ("We will", "We gaan"),
    "wont": ("We will not", "We gaan niet"),
    "notes": ("Notes", "Aantekeningen"),
    "peak_marker": ("peak", "piek"),
    "loop_marker": ("back to an earlier stage", "terug naar een eerdere fase"),
    "accepted_marker": ("accepted as normal", "als normaal geaccepteerd"),
    # research overview
    "coverage": ("Coverage", "Dekking"),
    "coverage_intro": (
        "Interviews per persona and journey. Cells under 3 need more interviews.",
        "Interviews per persona en klantreis. Cellen onder 3 hebben meer interviews nodig.",
    ),
    "add_interviews": ("add interviews", "meer interviews nodig"),
    "variety": ("Variety per persona", "Variatie per persona"),
    "attribute": ("Attribute", "Kenmerk"),
    "values": ("Values", "Waarden"),
    "touchpoints_per_journey": ("Touchpoints per journey", "Contactmomenten per klantreis"),
    "mentions": ("Mentions", "Vermeldingen"),
    "never_mentioned": ("never mentioned", "nooit genoemd"),
    "signals": ("Signals", "Signalen"),
    "signals_intro": (
        "Does the overall score follow the average of all moments, or the peak and the end?",
        "Volgt het totaalcijfer het gemiddelde van alle momenten, of de piek en het einde?",
    ),
    "tracks_mean": (
        "The mean step score tracks the overall score better (mean difference {mean} vs {peak_end}).",
        "Het gemiddelde stapcijfer volgt het totaalcijfer beter (gemiddeld verschil {mean} tegen {peak_end}).",
    ),
    "tracks_peak_end": (
        "The peak-end score tracks the overall score better (mean difference {peak_end} vs {mean}).",
        "Het piek-eindcijfer volgt het totaalcijfer beter (gemiddeld verschil {peak_end} tegen {mean}).",
    ),
    "tracks_tie": (
        "Both track the overall score equally well (mean difference {mean}).",
        "Beide volgen het totaalcijfer even goed (gemiddeld verschil {mean}).",
    ),
    "signals_all": ("Every interview's scores", "De cijfers van elk interview"),
    "fragile_promoters": ("Fragile promoters", "Kwetsbare promotors"),
    "fragile_intro": (
        "Would recommend (NPS 9 or 10), yet accepted something as normal or scored a moment 4 or lower.",
        "Zouden ons aanbevelen (NPS 9 of 10), maar accepteerden iets als normaal of gaven een moment een 4 of lager.",
    ),
    "lowest_step": ("Lowest step", "Laagste stap"),
    "accepted_items": ("Accepted as normal", "Als normaal geaccepteerd"),
    "advocacy_counts": ("Ambassadors", "Ambassadeurs"),
    "follow_ups": ("Follow-up commitments", "Toezeggingen"),
    "follow_ups_intro": (
        "What we promised participants, so the team keeps its word.",
        "Wat we deelnemers beloofden, zodat het team woord houdt.",
    ),
    "promise": ("Promise", "Toezegging"),
    "kind": ("Kind", "Soort"),
    "evidence_health": ("Evidence health", "Sterkte van het bewijs"),
    "evidence_intro": (
        "How much each finding rests on. Stale: the newest interview is over a year older than the newest of the study.",
        "Waar elke bevinding op rust. Verouderd: het nieuwste interview is meer dan een jaar ouder dan het nieuwste van het onderzoek.",
    ),
    "confidence": ("Confidence", "Betrouwbaarheid"),
    "confidence_high": ("high", "hoog"),
    "confidence_medium": ("medium", "middel"),
    "confidence_low": ("low", "laag"),
    "distinct_personas": ("Personas", "Persona's"),
    "distinct_values": ("Segments", "Segmenten"),
    "oldest": ("Oldest", "Oudste"),
    "newest": ("Newest", "Nieuwste"),
    "stale": ("stale", "verouderd"),
    "fresh": ("current", "actueel"),
    "per_stage": ("Per stage", "Per fase"),
}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}

UNITS: dict[str, dict[str, tuple[str, str]]] = {
    # unit: language: (singular, plural)
    "minute": {"en": ("minute", "minutes"), "nl": ("minuut", "minuten")},
    "hour": {"en": ("hour", "hours"), "nl": ("uur", "uur")},
    "day": {"en": ("day", "days"), "nl": ("dag", "dagen")},
    "week": {"en": ("week", "weeks"), "nl": ("week", "weken")},
    "month": {"en": ("month", "months"), "nl": ("maand", "maanden")},
}


@dataclass(frozen=True)
class Labels:
    language: str

    @classmethod
    def for_language(cls, language: str | None) -> Labels:
        return cls(language if language in LANGUAGES else "en")

    def __call__(self, key: str, **values: object) -> str:
        english, dutch = CATALOGUE[key]
        text = dutch if self.language == "nl" else english
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """``count("interviews_count", 1)`` -> "1 interview" (uses ``<key>_one`` for one)."""
        if n == 1 and f"{key}_one" in CATALOGUE:
            return self(f"{key}_one")
        return self(key, n=n)

    def number(self, value: float | None) -> str:
        """One decimal; Dutch uses a decimal comma. None reads as an en dash."""
        if value is None:
            return "–"
        text = f"{value:.1f}"
        return text.replace(".", ",") if self.language == "nl" else text

    def score(self, value: float) -> str:
        """Grades as written: 7 stays 7, 6.5 reads 6.5 (6,5 in Dutch)."""
        return self.number(value).removesuffix(",0").removesuffix(".0")

    def date(self, value: dt.date) -> str:
        return f"{value.day} {MONTHS[self.language][value.month - 1]} {value.year}"

    def duration(self, value: HumanDuration) -> str:
        """``+2 weeks``, ``-1,5 uur``, ``0 minutes``."""
        singular, plural = UNITS[value.unit][self.language]
        word = singular if value.amount == 1 else plural
        sign = {1: "+", -1: "−", 0: ""}[value.sign]
        return f"{sign}{self.score(value.amount)} {word}"

    def boolean(self, value: bool | None) -> str:
        return self("unknown") if value is None else self("yes" if value else "no")

    def advocacy(self, value: str | None) -> str:
        return self(f"advocacy_{value}") if value else self("unknown")

    def advocacy_counts(self, counts: dict[str, int]) -> str:
        """``{"company": 3, "both": 1}`` -> "the company: 3, service and company: 1"."""
        return ", ".join(f"{self.advocacy(kind)}: {count}" for kind, count in counts.items() if count)

    @staticmethod
    def field_name(key: str) -> str:
        """A researcher's attribute key as a label: ``tech_confidence`` -> "Tech confidence"."""
        words = key.replace("_", " ").replace("-", " ").strip()
        return words[:1].upper() + words[1:]

    def confidence(self, value: str) -> str:
        return self(f"confidence_{value}")
