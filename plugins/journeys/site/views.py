"""What each generated page shows, as plain data: built from the study, laid out by templates.

Figures come from :mod:`journeys.facts` (every interview); words only from
:func:`journeys.privacy.words_of` (consenting interviews, without the private block).
Long lists are capped so a page stays readable (and fast) at thousands of interviews;
the full data is in the interview pages and the CSV downloads.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from journeys.analysis import aggregate
from journeys.analysis.aggregate import Evidence, SignalSummary, Stats, TouchpointUse
from journeys.analysis.facts import InterviewFact, fact_of
from journeys.content.durations import HumanDuration, gap, humanize
from journeys.content.model import Interview, Journey, Persona, Stage, Step
from journeys.content.study import Study
from journeys.privacy.policy import words_of

LIST_LIMIT = 6
"""Items of one kind shown per stage on a journey or persona page."""
TABLE_LIMIT = 40
"""Rows of the expectations table shown on a page (all of them are in the CSV)."""


@dataclass(frozen=True)
class Moment:
    """A published step with its interview, for lists that link back to the interview."""

    interview: Interview
    step: Step
    stage: Stage
    position: int
    """The step's 0-based index in its interview."""


@dataclass(frozen=True)
class Capped:
    items: list[Moment]
    more: int
    """How many were left out."""


def capped(moments: Sequence[Moment], limit: int = LIST_LIMIT) -> Capped:
    return Capped(list(moments[:limit]), max(0, len(moments) - limit))


@dataclass(frozen=True)
class SiteData:
    study: Study
    facts: list[InterviewFact]
    """Every published-or-not interview's figures, in date order."""
    words: dict[str, Interview]
    """Interview key -> its publishable text (consenting interviews only)."""
    newest: dt.date | None

    @property
    def persona_slugs(self) -> list[str]:
        return sorted(self.study.personas)

    @property
    def journey_slugs(self) -> list[str]:
        return sorted(self.study.journeys)

    def facts_of(self, journey: str | None = None, persona: str | None = None) -> list[InterviewFact]:
        return [
            fact
            for fact in self.facts
            if (journey is None or fact.journey == journey) and (persona is None or fact.persona == persona)
        ]

    def moments(self, journey: str | None = None, persona: str | None = None) -> list[Moment]:
        """Every published step, in interview date order then step order."""
        found = []
        for fact in self.facts_of(journey, persona):
            interview = self.words.get(fact.key)
            if interview is None:
                continue
            stages = self.study.journeys[interview.journey]
            for position, step in enumerate(interview.steps):
                stage = stages.stage(step.stage)
                if stage is not None:
                    found.append(Moment(interview, step, stage, position))
        return found

    def published(self, facts: Sequence[InterviewFact]) -> list[Interview]:
        """The publishable interviews among ``facts``, in the same order."""
        return [self.words[fact.key] for fact in facts if fact.key in self.words]

    def persona_style(self, slug: str) -> int:
        """A persona's chart style (colour and marker), the same on every page."""
        return self.persona_slugs.index(slug)


def site_data(study: Study) -> SiteData:
    inventories = {slug: {tp.id for tp in journey.touchpoints} for slug, journey in study.journeys.items()}
    facts = [fact_of(interview, inventories.get(interview.journey, set())) for interview in study.interviews]
    words = {interview.key: interview for interview in words_of(study.interviews)}
    newest = max((fact.date for fact in facts), default=None)
    return SiteData(study, facts, words, newest)


# --- journey page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpportunityView:
    title: str
    owner: str | None
    metric: str | None
    evidence: list[str]


@dataclass(frozen=True)
class StageColumn:
    stage: Stage
    stats: Stats
    actions: Capped
    touchpoints: list[TouchpointUse]
    feelings: list[tuple[str, int]]
    quotes: Capped
    peaks: Capped
    peak_count: int
    accepted: Capped
    accepted_count: int
    shortfall: tuple[int, int]
    opportunities: list[OpportunityView]


@dataclass(frozen=True)
class ExpectationRow:
    moment: Moment
    stage_index: int
    expected_gap: HumanDuration | None
    realistic_gap: HumanDuration | None


@dataclass(frozen=True)
class JourneyView:
    journey: Journey
    interviews: list[InterviewFact]
    personas: list[Persona]
    period: tuple[dt.date, dt.date] | None
    columns: list[StageColumn]
    extremes: tuple[int, int] | None
    expectations: list[ExpectationRow]
    """All rows, in table order (the page shows the first TABLE_LIMIT)."""
    persona_curves: dict[str, list[Stats]]
    """Per persona, when the journey has two or more personas."""

    @property
    def stats(self) -> list[Stats]:
        return [column.stats for column in self.columns]


def journey_view(data: SiteData, journey: Journey) -> JourneyView:
    facts = data.facts_of(journey=journey.slug)
    moments = data.moments(journey=journey.slug)
    per_stage = aggregate.stage_stats(journey, facts)
    shortfalls = aggregate.shortfalls(journey, facts)
    columns = []
    for index, stage in enumerate(journey.stages):
        at_stage = [m for m in moments if m.step.stage == stage.id]
        stage_facts = aggregate.steps_at(stage.id, facts)
        feelings = Counter(" ".join(m.step.feeling.lower().split()) for m in at_stage if m.step.feeling)
        columns.append(
            StageColumn(
                stage=stage,
                stats=per_stage[index],
                actions=capped(at_stage),
                touchpoints=aggregate.touchpoint_use(journey, facts, stage.id),
                feelings=sorted(feelings.items(), key=lambda item: (-item[1], item[0]))[:8],
                quotes=capped([m for m in at_stage if m.step.quote]),
                peaks=capped([m for m in at_stage if m.step.peak]),
                peak_count=sum(step.peak for step in stage_facts),
                accepted=capped([m for m in at_stage if m.step.accepted]),
                accepted_count=sum(step.accepted for step in stage_facts),
                shortfall=shortfalls[index],
                opportunities=[
                    OpportunityView(o.title, o.owner, o.metric, list(dict.fromkeys(o.evidence)))
                    for o in journey.opportunities
                    if o.stage == stage.id
                ],
            )
        )
    persona_slugs = sorted({fact.persona for fact in facts})
    return JourneyView(
        journey=journey,
        interviews=facts,
        personas=[data.study.personas[slug] for slug in persona_slugs],
        period=aggregate.date_range(facts),
        columns=columns,
        extremes=aggregate.lowest_and_highest(journey, per_stage),
        expectations=expectation_rows(journey, moments),
        persona_curves=aggregate.persona_stage_stats(journey, facts) if len(persona_slugs) >= 2 else {},
    )


def expectation_rows(journey: Journey, moments: Sequence[Moment]) -> list[ExpectationRow]:
    """Steps with an expectation, biggest duration gap first, then the rest in stage order."""
    rows = []
    for moment in moments:
        step = moment.step
        if not step.has_expectation:
            continue
        expected_gap = gap(step.actual, step.expected)
        realistic_gap = gap(step.actual, step.realistic)
        rows.append(
            (
                aggregate.expectation_order(
                    journey.stage_ids.index(step.stage),
                    expected_gap,
                    moment.position,
                    moment.interview.key,
                ),
                ExpectationRow(
                    moment,
                    journey.stage_ids.index(step.stage),
                    humanize(expected_gap) if expected_gap is not None else None,
                    humanize(realistic_gap) if realistic_gap is not None else None,
                ),
            )
        )
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


# --- persona page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonaView:
    persona: Persona
    interviews: list[InterviewFact]
    journeys: list[Journey]
    period: tuple[dt.date, dt.date] | None
    goals: list[Interview]
    drivers: list[tuple[str, Interview]]
    pains: Capped
    highlights: Capped
    touchpoints: list[tuple[str, int]]
    unnamed_touchpoints: int
    """Mentions of touchpoints named in words that are not published."""
    curves: list[tuple[Journey, list[Stats]]]
    overall: Stats
    mean_step: Stats
    nps: tuple[int, int] | None
    advocacy: dict[str, int]
    accepted: Capped
    quotes: Capped
    evidence: Evidence


def persona_view(data: SiteData, persona: Persona) -> PersonaView:
    facts = data.facts_of(persona=persona.slug)
    moments = data.moments(persona=persona.slug)
    journeys = [data.study.journeys[slug] for slug in data.journey_slugs if any(f.journey == slug for f in facts)]
    by_score = sorted(moments, key=lambda m: (m.step.score, m.interview.date, m.interview.key))
    published = data.published(facts)
    touchpoint_names = {
        tp.id: tp.name for journey in journeys for tp in journey.touchpoints
    }
    touchpoints = Counter(
        step.touchpoint for fact in facts for step in fact.steps if step.touchpoint
    )
    return PersonaView(
        persona=persona,
        interviews=facts,
        journeys=journeys,
        period=aggregate.date_range(facts),
        goals=published,
        drivers=[(driver, interview) for interview in published for driver in interview.drivers],
        pains=capped([m for m in by_score if m.step.score <= 5]),
        highlights=capped([m for m in reversed(by_score) if m.step.score >= 7]),
        touchpoints=sorted(
            ((touchpoint_names.get(tp, tp), count) for tp, count in touchpoints.items()),
            key=lambda item: (-item[1], item[0]),
        ),
        unnamed_touchpoints=sum(step.unnamed_touchpoint for fact in facts for step in fact.steps),
        curves=[
            (journey, aggregate.stage_stats(journey, [f for f in facts if f.journey == journey.slug]))
            for journey in journeys
        ],
        overall=aggregate.stats(f.overall_score for f in facts),
        mean_step=aggregate.stats(f.mean_step_score for f in facts),
        nps=aggregate.nps_score(facts),
        advocacy=aggregate.advocacy_counts(facts),
        accepted=capped([m for m in moments if m.step.accepted]),
        quotes=capped([m for m in moments if m.step.quote]),
        evidence=aggregate.evidence(facts, attribute_variety(published), data.newest),
    )


def attribute_variety(interviews: Sequence[Interview]) -> int:
    """Distinct (attribute, value) pairs across published interviews."""
    return len({(key, str(value)) for i in interviews for key, value in i.attributes.items()})


# --- interview pages and index ----------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewView:
    fact: InterviewFact
    interview: Interview | None
    """None when the participant did not consent: the page shows figures only."""
    persona: Persona
    journey: Journey
    stages: list[Stage]
    """The stage of each step, in step order."""
    loops_back: list[bool]
    """Per step: it returns to an earlier stage than the step before (a problem came back)."""
    expectations: list[ExpectationRow]


def interview_view(data: SiteData, fact: InterviewFact) -> InterviewView:
    journey = data.study.journeys[fact.journey]
    interview = data.words.get(fact.key)
    stages = [journey.stage(step.stage) for step in fact.steps]
    moments = (
        [
            Moment(interview, step, stage, position)
            for position, (step, stage) in enumerate(zip(interview.steps, stages))
            if stage
        ]
        if interview
        else []
    )
    return InterviewView(
        fact=fact,
        interview=interview,
        persona=data.study.personas[fact.persona],
        journey=journey,
        stages=[stage for stage in stages if stage is not None],
        loops_back=loops_back(journey, [step.stage for step in fact.steps]),
        expectations=expectation_rows(journey, moments),
    )


def loops_back(journey: Journey, stages: Sequence[str]) -> list[bool]:
    order = [journey.stage_ids.index(stage) for stage in stages]
    return [index > 0 and order[index] < order[index - 1] for index in range(len(order))]


# --- research overview ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpItem:
    interview: Interview
    kind: str
    """``will`` or ``wont``."""
    text: str


@dataclass(frozen=True)
class ResearchView:
    personas: list[Persona]
    journeys: list[Journey]
    coverage: dict[tuple[str, str], int]
    variety: dict[str, dict[str, list[tuple[str, int]]]]
    """Persona slug -> attribute -> (value, count), from published interviews."""
    touchpoints: dict[str, list[TouchpointUse]]
    signals: SignalSummary
    fragile: list[InterviewFact]
    advocacy: dict[str, int]
    follow_ups: list[FollowUpItem]
    stage_evidence: dict[str, list[Evidence]]
    persona_evidence: dict[str, Evidence]
    small_sample: int


def research_view(data: SiteData) -> ResearchView:
    personas = [data.study.personas[slug] for slug in data.persona_slugs]
    journeys = [data.study.journeys[slug] for slug in data.journey_slugs]
    variety: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for interview in data.words.values():
        for key, value in interview.attributes.items():
            variety[interview.persona][key][str(value)] += 1
    in_fact_order = [data.words[fact.key] for fact in data.facts if fact.key in data.words]
    follow_ups = [
        FollowUpItem(interview, kind, text)
        for interview in in_fact_order
        if interview.follow_up is not None
        for kind, texts in (("will", interview.follow_up.will), ("wont", interview.follow_up.wont))
        for text in texts
    ]
    persona_evidence = {}
    for persona in personas:
        facts = data.facts_of(persona=persona.slug)
        published = data.published(facts)
        persona_evidence[persona.slug] = aggregate.evidence(facts, attribute_variety(published), data.newest)
    return ResearchView(
        personas=personas,
        journeys=journeys,
        coverage=aggregate.coverage(data.persona_slugs, data.journey_slugs, data.facts),
        variety={
            persona: {key: sorted(values.items()) for key, values in sorted(attributes.items())}
            for persona, attributes in sorted(variety.items())
        },
        touchpoints={j.slug: aggregate.touchpoint_use(j, data.facts_of(journey=j.slug)) for j in journeys},
        signals=aggregate.signals(data.facts),
        fragile=[fact for fact in data.facts if aggregate.is_fragile_promoter(fact)],
        advocacy=aggregate.advocacy_counts(data.facts),
        follow_ups=follow_ups,
        stage_evidence={
            j.slug: aggregate.stage_evidence(j, data.facts_of(journey=j.slug), data.newest) for j in journeys
        },
        persona_evidence=persona_evidence,
        small_sample=aggregate.SMALL_SAMPLE,
    )
