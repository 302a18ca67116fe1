"""Persona pages: one per persona, with its chart per journey and its downloads, and an index."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from journeys.analysis import aggregate, signals
from journeys.analysis.aggregate import Stats, TouchpointUse
from journeys.analysis.evidence import Evidence
from journeys.analysis.facts import InterviewFact
from journeys.analysis.signals import Nps
from journeys.content.model import Interview, Journey, Persona
from journeys.site import charts, exports
from journeys.site.data import (
    Capped,
    Moment,
    SiteData,
    capped,
    capped_where,
    nps_data,
    persona_evidence,
)
from journeys.site.render import OutputFile, PageKind, Renderer, mean_points, stage_summaries
from journeys.site.theme_counts import ThemeCount, codebook, persona_top_themes

PERSONAS_INDEX = "personas/index.md"
PAIN_SCORE = 5
"""Moments scored this or lower are pains."""
HIGHLIGHT_SCORE = 7
"""Moments scored this or higher are highlights."""


def persona_page(slug: str) -> str:
    return f"personas/{slug}.md"


def persona_chart(persona: str, journey: str) -> str:
    # `--` cannot occur in a slug, so no other pair of slugs gives the same name
    # (`a` + `b-c` and `a-b` + `c` would both give `a-b-c` with one `-`).
    return f"personas/{persona}--{journey}.svg"


def persona_json(slug: str) -> str:
    return f"personas/{slug}.json"


def persona_csv(slug: str) -> str:
    return f"personas/{slug}-stages.csv"


def image_src(data: SiteData, slug: str) -> str | None:
    """The persona's picture, when it has one: its src_uri, a file in docs_dir that MkDocs
    publishes (the plugin does not copy it)."""
    return data.study.persona_images.get(slug)


def files(site: Renderer) -> Iterator[OutputFile]:
    data = site.data
    yield site.remember(
        PERSONAS_INDEX,
        (data.study,),
        lambda: site.page(
            PERSONAS_INDEX,
            "personas_index.md.j2",
            site.t("personas"),
            personas=[data.study.personas[slug] for slug in data.persona_slugs],
            interview_counts={
                slug: len(data.facts_of(persona=slug)) for slug in data.persona_slugs
            },
        ),
    )
    for slug in data.persona_slugs:
        yield from site.remember(
            persona_page(slug),
            data.persona_made_from(slug),
            functools.partial(persona_files, site, slug),
        )


def persona_files(site: Renderer, slug: str) -> list[OutputFile]:
    """A persona's page, its charts (one per journey) and its downloads."""
    data = site.data
    view = persona_view(data, data.study.personas[slug])
    made = []
    for journey, per_stage in view.curves:
        n = sum(fact.journey == journey.slug for fact in view.interviews)
        series = [
            charts.Series(
                view.persona.name,
                data.persona_style(slug),
                mean_points(per_stage),
                weight="bold",
                note=site.t.sample(n, n < aggregate.SMALL_SAMPLE),
            )
        ]
        made.append(
            site.chart(
                persona_chart(slug, journey.slug),
                charts.curves_chart,
                stage_summaries(journey.stages, per_stage),
                series,
            )
        )
    return [
        *made,
        OutputFile(persona_json(slug), exports.to_json(persona_data(view))),
        OutputFile(persona_csv(slug), stages_csv(view)),
        site.page(
            persona_page(slug),
            "persona.md.j2",
            view.persona.name,
            view=view,
            pain_score=PAIN_SCORE,
            highlight_score=HIGHLIGHT_SCORE,
        ),
    ]


@dataclass(frozen=True)
class PersonaView:
    persona: Persona
    image: str | None
    """The persona's picture: its src_uri in docs_dir (its alt text is ``persona.image_alt``)."""
    headline: Moment | None
    """The quote at the persona's lowest-scored published moment (see :func:`headline`)."""
    interviews: list[InterviewFact]
    journeys: list[Journey]
    period: tuple[dt.date, dt.date] | None
    goals: list[Interview]
    drivers: list[tuple[str, Interview]]
    pains: Capped
    highlights: Capped
    touchpoints: list[TouchpointUse]
    """Named touchpoints the persona's interviews used, most mentioned first."""
    unnamed_touchpoints: int
    """Mentions of touchpoints named in words that are not published."""
    curves: list[tuple[Journey, list[Stats]]]
    curve_interviews: dict[str, int]
    """Journey slug -> the persona's interviews of it: the n of its curve."""
    overall: Stats
    mean_step: Stats
    nps: Nps | None
    advocacy: dict[str, int]
    accepted: Capped
    quotes: Capped
    evidence: Evidence
    themes: list[ThemeCount] = field(default_factory=list)
    """The themes in the most of the persona's interviews (a study with a codebook)."""


def persona_view(data: SiteData, persona: Persona) -> PersonaView:
    facts = data.facts_of(persona=persona.slug)
    moments = data.moments(persona=persona.slug)
    journeys = [
        data.study.journeys[slug]
        for slug in data.journey_slugs
        if any(f.journey == slug for f in facts)
    ]
    by_score = sorted(moments, key=lambda m: (m.step.score, m.interview.date, m.interview.key))
    withheld = data.withheld_interviews(persona=persona.slug)
    published = data.published(facts)
    return PersonaView(
        persona=persona,
        image=image_src(data, persona.slug),
        headline=headline(by_score),
        interviews=facts,
        journeys=journeys,
        period=aggregate.date_range(facts),
        goals=published,
        drivers=[(driver, interview) for interview in published for driver in interview.drivers],
        pains=capped_where(by_score, withheld, lambda step: step.score <= PAIN_SCORE),
        highlights=capped_where(
            by_score[::-1], withheld, lambda step: step.score >= HIGHLIGHT_SCORE
        ),
        touchpoints=persona_touchpoints(data, facts),
        unnamed_touchpoints=sum(step.unnamed_touchpoint for fact in facts for step in fact.steps),
        curves=[
            (
                journey,
                aggregate.stage_stats(journey, [f for f in facts if f.journey == journey.slug]),
            )
            for journey in journeys
        ],
        curve_interviews=Counter(fact.journey for fact in facts),
        overall=aggregate.stats(f.overall_score for f in facts),
        mean_step=aggregate.stats(f.mean_step_score for f in facts),
        nps=signals.nps_score(facts),
        advocacy=signals.advocacy_counts(facts),
        accepted=capped_where(moments, withheld, lambda step: step.accepted),
        quotes=capped([m for m in moments if m.step.quote]),
        evidence=persona_evidence(data, persona.slug),
        themes=persona_top_themes(codebook(data.study), persona.slug, facts),
    )


def persona_touchpoints(data: SiteData, facts: Sequence[InterviewFact]) -> list[TouchpointUse]:
    """The touchpoints ``facts`` name, most mentioned first: one from its journey's
    inventory by the inventory's name, one outside it (a consenting participant's word, see
    :func:`journeys.privacy.policy.touchpoint_of`) as written, marked not inventoried."""
    counts: Counter[tuple[str, bool]] = Counter()
    names: dict[str, str] = {}
    for fact in facts:
        journey = data.study.journeys.get(fact.journey)
        inventory = {tp.id: tp.name for tp in journey.touchpoints} if journey else {}
        for step in fact.steps:
            if step.touchpoint in inventory:
                names.setdefault(step.touchpoint, inventory[step.touchpoint])
            if step.touchpoint:
                counts[(step.touchpoint, step.touchpoint in inventory)] += 1
    uses = [
        TouchpointUse(tp, names[tp] if inventoried else tp, count, inventoried)
        for (tp, inventoried), count in counts.items()
    ]
    return sorted(uses, key=lambda use: (-use.mentions, use.name))


def headline(by_score: Sequence[Moment]) -> Moment | None:
    """The headline quote of a persona card: of the persona's published moments (words of
    consenting interviews only) from lowest score up, the first with a quote; equal scores
    in interview date order."""
    return next((moment for moment in by_score if moment.step.quote), None)


def persona_data(view: PersonaView) -> dict[str, Any]:
    return {
        "persona": view.persona.slug,
        "name": view.persona.name,
        "summary": view.persona.summary,
        "attributes": view.persona.attributes,
        "interviews": len(view.interviews),
        "period": exports.period(view.period),
        "overall_score": exports.stats(view.overall),
        "mean_step_score": exports.stats(view.mean_step),
        "nps": nps_data(view.nps),
        "advocacy": view.advocacy,
        "journeys": {
            journey.slug: [
                {"stage": stage.id, "name": stage.name, "scores": exports.stats(stats)}
                for stage, stats in zip(journey.stages, per_stage)
            ]
            for journey, per_stage in view.curves
        },
        "touchpoints": [
            {"name": use.name, "mentions": use.mentions, "inventoried": use.inventoried}
            for use in view.touchpoints
        ]
        + (
            [{"name": None, "mentions": view.unnamed_touchpoints, "unnamed": True}]
            if view.unnamed_touchpoints
            else []
        ),
        "evidence": {
            "interviews": view.evidence.interviews,
            "confidence": view.evidence.confidence,
            "stale": view.evidence.stale,
        },
    }


def stages_csv(view: PersonaView) -> str:
    return exports.stage_csv(
        [
            (journey.slug, stage.id, stage.name, stats)
            for journey, per_stage in view.curves
            for stage, stats in zip(journey.stages, per_stage)
        ]
    )


KIND = PageKind(
    position=10,
    folder="personas/",
    title="personas",
    files=files,
    paths={
        "personas_index": PERSONAS_INDEX,
        "persona_page": persona_page,
        "persona_chart": persona_chart,
        "persona_json": persona_json,
        "persona_csv": persona_csv,
    },
)
