"""Workshop kits: one printable page per journey, to play the journey through with a team.

Persona cards (several to an A4 sheet), one scenario script per persona told from its
consenting interview closest to the persona's curve (:mod:`journeys.analysis.scenarios`),
the journey's opportunities as cards to lay out and rank, and a "how might we" question for
each of its lowest-scoring stages. Words come only from consenting interviews and from the
team's own files (personas, the journey's stages and opportunities).

The kits live in ``workshops/``, not under ``journeys/``: the navigation and
:func:`journeys.site.kinds.kind_of` tell kinds apart by folder, and every page under
``journeys/`` is a journey page listed in the Journeys section. No kit is in the
navigation: each is linked from its journey's page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from journeys.analysis import aggregate, scenarios
from journeys.analysis.aggregate import Stats
from journeys.analysis.facts import InterviewFact
from journeys.content.model import Interview, Journey, Persona, Stage, Step
from journeys.site import journey_map
from journeys.site.data import Moment, SiteData
from journeys.site.kinds.interviews import loops_back
from journeys.site.kinds.personas import PAIN_SCORE, headline, image_src
from journeys.site.render import OutputFile, PageKind, Renderer

PROMPTED_STAGES = 2
"""How many of the lowest-scoring stages get a "how might we" question."""
CARD_GOALS = 2
"""Goals on a persona card."""
CARD_FRUSTRATIONS = 3
"""Frustrations on a persona card: its lowest-scored moments."""


def workshop_page(slug: str) -> str:
    return f"workshops/{slug}.md"


def files(site: Renderer) -> Iterator[OutputFile]:
    data = site.data
    for slug in data.journey_slugs:
        yield site.remember(
            workshop_page(slug),
            data.journey_made_from(slug),
            functools.partial(workshop_output, site, slug),
        )


def workshop_output(site: Renderer, slug: str) -> OutputFile:
    journey = site.data.study.journeys[slug]
    return site.page_of(
        workshop_page(slug),
        "workshop.md.j2",
        site.t("workshop_title", journey=journey.title),
        lambda: {
            "view": workshop_view(site.data, journey),
            "pain_score": PAIN_SCORE,
            "map_pain_score": journey_map.PAIN_SCORE,
        },
    )


@dataclass(frozen=True)
class PersonaCard:
    persona: Persona
    image: str | None
    """Its picture's src_uri in docs_dir (see :func:`journeys.site.kinds.personas.image_src`)."""
    interviews: int
    """The persona's interviews of this journey: the n of its curve."""
    goals: list[Interview]
    """Consenting interviews of this journey with distinct goals, the first few."""
    frustrations: list[Moment]
    """Its lowest-scored published moments on this journey, scored PAIN_SCORE or lower."""
    quote: Moment | None
    """The persona page's headline rule, on this journey's moments."""

    @property
    def small(self) -> bool:
        return self.interviews < aggregate.SMALL_SAMPLE


@dataclass(frozen=True)
class ScenarioStep:
    stage: Stage
    step: Step
    touchpoint: str | None
    """The inventory's name, or the consenting participant's own words."""
    loops_back: bool


@dataclass(frozen=True)
class Scenario:
    persona: Persona
    interview: Interview
    """Consenting: its words are published."""
    steps: list[ScenarioStep]
    difference: float
    """Mean absolute difference from the persona's stage means (exact in the analysis)."""
    stages: int


@dataclass(frozen=True)
class OpportunityCard:
    title: str
    stage: Stage
    owner: str | None
    metric: str | None
    evidence: int


@dataclass(frozen=True)
class Prompt:
    """A "how might we" question for one of the lowest-scoring stages."""

    stage: Stage
    stats: Stats
    pain_interviews: int
    """Interviews with a pain point there (the journey map's rule), of ``stats.n``."""
    opportunities: int


@dataclass(frozen=True)
class WorkshopView:
    journey: Journey
    cards: list[PersonaCard]
    scenarios: list[Scenario]
    without_scenario: list[Persona]
    """Personas of the journey none of whose interviews may be quoted."""
    opportunities: list[OpportunityCard]
    prompts: list[Prompt]


def workshop_view(data: SiteData, journey: Journey) -> WorkshopView:
    facts = data.facts_of(journey=journey.slug)
    personas = [data.study.personas[slug] for slug in sorted({f.persona for f in facts})]
    chosen = {choice.persona: choice for choice in scenarios.scenarios(journey, facts)}
    return WorkshopView(
        journey=journey,
        cards=[persona_card(data, journey, persona) for persona in personas],
        scenarios=[
            scenario(data, journey, data.study.personas[slug], choice)
            for slug, choice in chosen.items()
        ],
        without_scenario=[persona for persona in personas if persona.slug not in chosen],
        opportunities=[
            OpportunityCard(o.title, stage, o.owner, o.metric, len(o.evidence))
            for o in journey.opportunities
            if (stage := journey.stage(o.stage)) is not None
        ],
        prompts=prompts(journey, facts),
    )


def persona_card(data: SiteData, journey: Journey, persona: Persona) -> PersonaCard:
    moments = data.moments(journey=journey.slug, persona=persona.slug)
    by_score = sorted(moments, key=lambda m: (m.step.score, m.interview.date, m.interview.key))
    goals: dict[str, Interview] = {}
    for interview in data.published(data.facts_of(journey.slug, persona.slug)):
        goals.setdefault(interview.goal, interview)
    return PersonaCard(
        persona=persona,
        image=image_src(data, persona.slug),
        interviews=len(data.facts_of(journey.slug, persona.slug)),
        goals=list(goals.values())[:CARD_GOALS],
        frustrations=[m for m in by_score if m.step.score <= PAIN_SCORE][:CARD_FRUSTRATIONS],
        quote=headline(by_score),
    )


def scenario(
    data: SiteData, journey: Journey, persona: Persona, choice: scenarios.ScenarioChoice
) -> Scenario:
    interview = data.words[choice.interview]
    stages = [journey.stage(step.stage) for step in interview.steps]
    loops = loops_back(journey, [step.stage for step in interview.steps])
    steps = []
    for step, stage, loop in zip(interview.steps, stages, loops):
        if stage is None:
            continue
        touchpoint = journey.touchpoint(step.touchpoint) if step.touchpoint else None
        steps.append(
            ScenarioStep(stage, step, touchpoint.name if touchpoint else step.touchpoint, loop)
        )
    return Scenario(persona, interview, steps, float(choice.difference), choice.stages)


def prompts(journey: Journey, facts: Sequence[InterviewFact]) -> list[Prompt]:
    """The :data:`PROMPTED_STAGES` stages with the lowest mean, lowest first (of equal
    means, the earlier stage)."""
    per_stage = aggregate.stage_stats(journey, facts)
    scored = [(s.mean, index) for index, s in enumerate(per_stage) if s.mean is not None]
    found = []
    for _, index in sorted(scored)[:PROMPTED_STAGES]:
        stage = journey.stages[index]
        found.append(
            Prompt(
                stage,
                per_stage[index],
                len(aggregate.interviews_at(stage.id, facts, where=journey_map.is_pain)),
                sum(o.stage == stage.id for o in journey.opportunities),
            )
        )
    return found


KIND = PageKind(
    position=25,
    folder="workshops/",
    title="workshop_kits",
    files=files,
    paths={"workshop_page": workshop_page},
    in_nav=lambda src_uri: False,
)
