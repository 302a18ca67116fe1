"""Interview pages: one per interview (figures only when its participant did not consent),
and an index. Only the index is in the navigation: themes render the whole navigation into
every page, so thousands of interviews there would make a build quadratic."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import markupsafe

from journeys.analysis.facts import InterviewFact
from journeys.content.model import Interview, Journey, Persona, Stage
from journeys.site import charts
from journeys.site.data import ExpectationRow, Moment, SiteData, expectation_rows
from journeys.site.render import OutputFile, PageKind, Renderer

INTERVIEWS_INDEX = "interviews/index.md"


def interview_page(key: str) -> str:
    return f"interviews/{key}.md"


def files(site: Renderer) -> Iterator[OutputFile]:
    yield site.remember(
        INTERVIEWS_INDEX,
        (site.data.study,),
        lambda: site.page(
            INTERVIEWS_INDEX, "interviews_index.md.j2", site.t("interviews"), facts=site.data.facts
        ),
    )
    study = site.data.study
    interviews = {interview.key: interview for interview in study.interviews}
    for fact in site.data.facts:
        yield site.remember(
            interview_page(fact.key),
            # Its figures (the fact) and words come from the interview, its journey (stages,
            # touchpoints, rounds) and its persona: nothing else of the study.
            (
                interviews[fact.key],
                study.journeys.get(fact.journey),
                study.personas.get(fact.persona),
            ),
            functools.partial(interview_output, site, fact),
        )


def interview_output(site: Renderer, fact: InterviewFact) -> OutputFile:
    return site.page_of(
        interview_page(fact.key),
        "interview.md.j2",
        site.t("interview_title", id=fact.key),
        functools.partial(interview_context, site, fact),
    )


def interview_context(site: Renderer, fact: InterviewFact) -> dict[str, object]:
    scores = ", ".join(site.t.score(score) for score in fact.scores)
    sparkline = charts.sparkline(
        fact.scores, fact.peak_position, title=site.t("sparkline_title", scores=scores)
    )
    return {"view": interview_view(site.data, fact), "sparkline": markupsafe.Markup(sparkline)}


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


KIND = PageKind(
    position=30,
    folder="interviews/",
    title="interviews",
    files=files,
    paths={"interviews_index": INTERVIEWS_INDEX, "interview_page": interview_page},
    in_nav=lambda src_uri: src_uri == INTERVIEWS_INDEX,
)
