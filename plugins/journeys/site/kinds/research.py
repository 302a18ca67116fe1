"""The research overview: coverage, evidence and follow-ups, and the signals page."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from journeys.analysis import aggregate, evidence, recruiting, signals
from journeys.analysis.aggregate import TouchpointUse
from journeys.analysis.evidence import Evidence
from journeys.analysis.facts import InterviewFact
from journeys.analysis.signals import AdvocacyByNps, Nps, SignalSummary
from journeys.content.model import Interview, Journey, Persona, Round
from journeys.content.rounds import in_order
from journeys.site.data import SiteData, persona_evidence
from journeys.site.promises import PromiseTracking, promise_tracking
from journeys.site.render import OutputFile, PageKind, Renderer

RESEARCH_INDEX = "research/index.md"
RESEARCH_SIGNALS = "research/signals.md"
WHO_NEXT_SHOWN = 6
"""Things to look for shown under "Who to interview next"; the rest are folded in place."""


def files(site: Renderer) -> Iterator[OutputFile]:
    yield from site.remember(RESEARCH_INDEX, (site.data.study,), functools.partial(pages, site))


def pages(site: Renderer) -> list[OutputFile]:
    """The research overview and the signals page: figures of the whole study."""
    view = functools.cache(lambda: {"view": research_view(site.data, site.interview_target)})
    return [
        site.page_of(RESEARCH_INDEX, "research.md.j2", site.t("research_title"), view),
        site.page_of(RESEARCH_SIGNALS, "signals.md.j2", site.t("signals"), view),
    ]


@dataclass(frozen=True)
class FollowUpItem:
    interview: Interview
    kind: str
    """``will`` or ``wont``."""
    text: str
    status: str | None = None
    """A promise's (``will``) ``open`` or ``done``, when the study tracks promises."""
    due: dt.date | None = None

    @property
    def status_label(self) -> str | None:
        return f"promise_status_{self.status}" if self.status else None


@dataclass(frozen=True)
class Recruit:
    """One thing to look for in the next interviews: the label of its sentence and the
    values it is filled in with."""

    label: str
    values: dict[str, str | int]


@dataclass(frozen=True)
class RoundRow:
    """A round of a journey on the research overview: its interviews and how old they are."""

    round: Round
    interviews: int
    oldest: dt.date | None
    newest: dt.date | None
    stale: bool


@dataclass(frozen=True)
class ResearchView:
    personas: list[Persona]
    journeys: list[Journey]
    coverage: dict[tuple[str, str], int]
    variety: dict[str, dict[str, list[tuple[str, int]]]]
    """Persona slug -> attribute -> (value, count), from published interviews."""
    who_next: list[Recruit]
    """The first :data:`WHO_NEXT_SHOWN` things to look for, most needed first."""
    who_next_more: list[Recruit]
    """The rest of them, folded."""
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
    promises: PromiseTracking | None
    """None when no promise is written with a status or a due date: the plain list then."""
    rounds: dict[str, list[RoundRow]]
    """Journey slug -> its rounds in order, for the journeys with rounds."""
    stage_evidence: dict[str, list[Evidence]]
    persona_evidence: dict[str, Evidence]
    small_sample: int


NPS_COLUMN_LABELS = {
    signals.PROMOTER: "nps_promoters",
    signals.PASSIVE: "nps_passives",
    signals.DETRACTOR: "nps_detractors",
    None: "nps_not_given",
}


def research_view(
    data: SiteData, interview_target: int = recruiting.INTERVIEW_TARGET
) -> ResearchView:
    personas = [data.study.personas[slug] for slug in data.persona_slugs]
    journeys = [data.study.journeys[slug] for slug in data.journey_slugs]
    variety: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for interview in data.words.values():
        for key, value in interview.attributes.items():
            variety[interview.persona][key][str(value)] += 1
    promises = promise_tracking(data)
    advocacy_nps = signals.advocacy_by_nps(data.facts)
    who_next = recruits(data, interview_target)
    return ResearchView(
        personas=personas,
        journeys=journeys,
        coverage=evidence.coverage(data.persona_slugs, data.journey_slugs, data.facts),
        variety={
            persona: {key: sorted(values.items()) for key, values in sorted(attributes.items())}
            for persona, attributes in sorted(variety.items())
        },
        who_next=who_next[:WHO_NEXT_SHOWN],
        who_next_more=who_next[WHO_NEXT_SHOWN:],
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
        follow_ups=follow_ups(data, tracked=promises is not None),
        promises=promises,
        rounds={j.slug: round_rows(data, j) for j in journeys if j.rounds},
        stage_evidence={
            j.slug: evidence.stage_evidence(
                j, data.facts_of(journey=j.slug), data.persona_slugs, data.staleness
            )
            for j in journeys
        },
        persona_evidence={p.slug: persona_evidence(data, p.slug) for p in personas},
        small_sample=aggregate.SMALL_SAMPLE,
    )


def recruits(data: SiteData, target: int) -> list[Recruit]:
    """Who to interview next (:mod:`journeys.analysis.recruiting`), most needed first: pairs
    of persona and journey with no interview, then under ``target``; journeys without a
    detractor, then without a problem accepted as normal; attribute values met only once."""
    found = recruiting.who_next(
        data.persona_slugs,
        data.journey_slugs,
        data.facts,
        {key: interview.attributes for key, interview in data.words.items()},
        target,
    )
    personas = {slug: persona.name for slug, persona in data.study.personas.items()}
    journeys = {slug: journey.title for slug, journey in data.study.journeys.items()}

    def cell(label: str, cell: recruiting.ThinCell) -> Recruit:
        return Recruit(
            label,
            {
                "n": cell.missing,
                "count": cell.interviews,
                "target": cell.target,
                "persona": personas[cell.persona],
                "journey": journeys[cell.journey],
            },
        )

    return [
        *(cell("who_next_cell_empty", item) for item in found.empty_cells),
        *(cell("who_next_cell_thin", item) for item in found.thin_cells),
        *(
            Recruit(
                "who_next_detractor",
                {"journey": journeys[slug], "detractor": signals.DETRACTOR_NPS},
            )
            for slug in found.without_detractor
        ),
        *(
            Recruit("who_next_accepted", {"journey": journeys[slug]})
            for slug in found.without_accepted
        ),
        *(
            Recruit(
                "who_next_single_value",
                {
                    "persona": personas[item.persona],
                    "attribute": item.attribute,
                    "value": item.value,
                },
            )
            for item in found.single_values
        ),
    ]


def follow_ups(data: SiteData, tracked: bool) -> list[FollowUpItem]:
    """Every ``will`` and ``wont`` of the published interviews, in date order; with tracked
    promises, each promise with its status and due date."""
    in_fact_order = [data.words[fact.key] for fact in data.facts if fact.key in data.words]
    return [
        FollowUpItem(interview, kind, promise.text)
        if not tracked or kind != "will"
        else FollowUpItem(interview, kind, promise.text, promise.status, promise.due)
        for interview in in_fact_order
        if interview.follow_up is not None
        for kind, promise in interview.follow_up.promises()
    ]


def round_rows(data: SiteData, journey: Journey) -> list[RoundRow]:
    """Each round of ``journey`` with its interviews (consenting or not), their dates, and
    whether the round's evidence is stale (:class:`~journeys.analysis.evidence.Staleness`)."""
    facts = data.facts_of(journey=journey.slug)
    rows = []
    for item in in_order(journey):
        in_round = [fact for fact in facts if fact.round == item.id]
        span = aggregate.date_range(in_round)
        oldest, newest = span if span else (None, None)
        rows.append(RoundRow(item, len(in_round), oldest, newest, data.staleness.is_stale(newest)))
    return rows


KIND = PageKind(
    position=40,
    folder="research/",
    title="research",
    files=files,
    paths={"research_index": RESEARCH_INDEX, "research_signals": RESEARCH_SIGNALS},
)
