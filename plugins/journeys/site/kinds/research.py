"""The research overview: coverage, evidence and follow-ups, and the signals page."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from journeys.analysis import aggregate, evidence, signals
from journeys.analysis.aggregate import TouchpointUse
from journeys.analysis.evidence import Evidence
from journeys.analysis.facts import InterviewFact
from journeys.analysis.signals import AdvocacyByNps, Nps, SignalSummary
from journeys.content.model import Interview, Journey, Persona
from journeys.site.data import SiteData, persona_evidence
from journeys.site.render import OutputFile, PageKind, Renderer

RESEARCH_INDEX = "research/index.md"
RESEARCH_SIGNALS = "research/signals.md"


def files(site: Renderer) -> Iterator[OutputFile]:
    view = research_view(site.data)
    yield site.page(RESEARCH_INDEX, "research.md.j2", site.t("research_title"), view=view)
    yield site.page(RESEARCH_SIGNALS, "signals.md.j2", site.t("signals"), view=view)


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
    promoters: int
    """Interviews with a promoter's NPS: fragile ones are "k of m promoters"."""
    nps: Nps | None
    """Over the whole study."""
    journey_nps: dict[str, Nps | None]
    advocacy_nps: AdvocacyByNps
    nps_columns: list[str]
    """The label key of each column of ``advocacy_nps``."""
    follow_ups: list[FollowUpItem]
    stage_evidence: dict[str, list[Evidence]]
    persona_evidence: dict[str, Evidence]
    small_sample: int


NPS_COLUMN_LABELS = {
    signals.PROMOTER: "nps_promoters",
    signals.PASSIVE: "nps_passives",
    signals.DETRACTOR: "nps_detractors",
    None: "nps_not_given",
}


def research_view(data: SiteData) -> ResearchView:
    personas = [data.study.personas[slug] for slug in data.persona_slugs]
    journeys = [data.study.journeys[slug] for slug in data.journey_slugs]
    variety: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for interview in data.words.values():
        for key, value in interview.attributes.items():
            variety[interview.persona][key][str(value)] += 1
    in_fact_order = [data.words[fact.key] for fact in data.facts if fact.key in data.words]
    follow_ups = [
        FollowUpItem(interview, kind, promise.text)
        for interview in in_fact_order
        if interview.follow_up is not None
        for kind, promise in interview.follow_up.promises()
    ]
    advocacy_nps = signals.advocacy_by_nps(data.facts)
    return ResearchView(
        personas=personas,
        journeys=journeys,
        coverage=evidence.coverage(data.persona_slugs, data.journey_slugs, data.facts),
        variety={
            persona: {key: sorted(values.items()) for key, values in sorted(attributes.items())}
            for persona, attributes in sorted(variety.items())
        },
        touchpoints={
            j.slug: aggregate.touchpoint_use(j, data.facts_of(journey=j.slug)) for j in journeys
        },
        signals=signals.signals(data.facts),
        fragile=[fact for fact in data.facts if signals.is_fragile_promoter(fact)],
        promoters=sum(signals.nps_group(f.nps) == signals.PROMOTER for f in data.facts),
        nps=signals.nps_score(data.facts),
        journey_nps={j.slug: signals.nps_score(data.facts_of(journey=j.slug)) for j in journeys},
        advocacy_nps=advocacy_nps,
        nps_columns=[NPS_COLUMN_LABELS[column] for column in advocacy_nps.columns],
        follow_ups=follow_ups,
        stage_evidence={
            j.slug: evidence.stage_evidence(
                j, data.facts_of(journey=j.slug), data.persona_slugs, data.staleness
            )
            for j in journeys
        },
        persona_evidence={p.slug: persona_evidence(data, p.slug) for p in personas},
        small_sample=aggregate.SMALL_SAMPLE,
    )


KIND = PageKind(
    position=40,
    folder="research/",
    title="research",
    files=files,
    paths={"research_index": RESEARCH_INDEX, "research_signals": RESEARCH_SIGNALS},
)
