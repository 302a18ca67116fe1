"""What every page kind builds its view from: the study's figures and publishable words.

Figures come from :mod:`journeys.analysis.facts` (every interview); words only from
:func:`journeys.privacy.policy.words_of` (consenting interviews, without the private block).
Long lists are capped so a page stays readable (and fast) at thousands of interviews;
the full data is in the interview pages and the CSV downloads. Each page kind's own view
is in its module in :mod:`journeys.site.kinds`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from journeys.analysis import aggregate, evidence
from journeys.analysis.evidence import Evidence, Staleness
from journeys.analysis.facts import FactsOf, InterviewFact, StepFact, fact_of
from journeys.analysis.signals import Nps
from journeys.content.durations import HumanDuration, gap, humanize
from journeys.content.model import Interview, Journey, Stage, Step
from journeys.content.rounds import round_of
from journeys.content.study import Study
from journeys.privacy.policy import words_of

LIST_LIMIT = 6
"""Items of one kind shown per stage on a journey or persona page."""
FOLD_LIMIT = 24
"""Items more behind "N more" under such a list (opened in place); the rest are counted."""
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
    """How many were left out of ``items``."""
    folded: list[Moment] = field(default_factory=list)
    """The first :data:`FOLD_LIMIT` of those, behind "N more"."""
    withheld: int = 0
    """How many more count in the figures but are from interviews whose words are not
    published: the page says so, without them."""
    withheld_interviews: int = 0
    """How many interviews those ``withheld`` come from."""


def capped(
    moments: Sequence[Moment], limit: int = LIST_LIMIT, withheld: tuple[int, int] = (0, 0)
) -> Capped:
    """The first ``limit`` moments; ``withheld``: (steps, interviews) whose words are not
    published (:func:`withheld_count`)."""
    return Capped(
        list(moments[:limit]),
        max(0, len(moments) - limit),
        list(moments[limit : limit + FOLD_LIMIT]),
        *withheld,
    )


def withheld_count(
    interviews: Sequence[InterviewFact], keep: Callable[[StepFact], bool]
) -> tuple[int, int]:
    """How many steps of ``interviews`` (those whose words are not published) ``keep``
    keeps, and from how many of the interviews: "+4 moments from 1 interview"."""
    per_interview = [sum(keep(step) for step in fact.steps) for fact in interviews]
    return sum(per_interview), sum(1 for kept in per_interview if kept)


def capped_where(
    moments: Sequence[Moment],
    withheld: Sequence[InterviewFact],
    keep: Callable[[Step | StepFact], bool],
) -> Capped:
    """The published moments that ``keep`` keeps, capped, and how many steps of the
    ``withheld`` interviews it keeps too (:func:`withheld_count`)."""
    return capped(
        [moment for moment in moments if keep(moment.step)],
        withheld=withheld_count(withheld, keep),
    )


@dataclass(frozen=True)
class SiteData:
    study: Study
    facts: list[InterviewFact]
    """Every published-or-not interview's figures, in date order."""
    words: dict[str, Interview]
    """Interview key -> its publishable text (consenting interviews only)."""
    staleness: Staleness
    """The build date, and how old evidence may be before it is stale."""

    @property
    def persona_slugs(self) -> list[str]:
        return sorted(self.study.personas)

    @property
    def journey_slugs(self) -> list[str]:
        return sorted(self.study.journeys)

    def facts_of(
        self, journey: str | None = None, persona: str | None = None
    ) -> list[InterviewFact]:
        return [
            fact
            for fact in self.facts
            if (journey is None or fact.journey == journey)
            and (persona is None or fact.persona == persona)
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

    def withheld_interviews(
        self, journey: str | None = None, persona: str | None = None
    ) -> list[InterviewFact]:
        """The figures of the interviews whose words are not published."""
        return [fact for fact in self.facts_of(journey, persona) if fact.key not in self.words]

    def published(self, facts: Sequence[InterviewFact]) -> list[Interview]:
        """The publishable interviews among ``facts``, in the same order."""
        return [self.words[fact.key] for fact in facts if fact.key in self.words]

    def journey_made_from(self, slug: str) -> tuple[object, ...]:
        """What a journey's pages are worked out from (see
        :meth:`journeys.site.render.Renderer.remember`): the journey and its interviews, with
        every persona and theme and the personas' pictures; not other journeys' interviews."""
        study = self.study
        return (
            study.journeys[slug],
            [interview for interview in study.interviews if interview.journey == slug],
            study.personas,
            study.themes,
            study.persona_images,
        )

    def persona_made_from(self, slug: str) -> tuple[object, ...]:
        """What a persona's pages are worked out from: the persona and its interviews, with
        every journey and theme and the personas' pictures (their order gives each persona
        its colour); not other personas' interviews."""
        study = self.study
        return (
            study.personas[slug],
            [interview for interview in study.interviews if interview.persona == slug],
            study.journeys,
            study.themes,
            study.persona_images,
            self.persona_slugs,
        )

    def persona_style(self, slug: str) -> int:
        """A persona's chart style (colour and marker), the same on every page."""
        return self.persona_slugs.index(slug)


def _round(study: Study, interview: Interview) -> str | None:
    journey = study.journeys.get(interview.journey)
    return round_of(journey, interview) if journey is not None else None


def site_data(
    study: Study, staleness: Staleness | None = None, facts_of: FactsOf = fact_of
) -> SiteData:
    """The study's figures and words; ``staleness`` defaults to the default threshold
    against today (the build passes its own date in, see
    :func:`journeys.building.generation.build_date`); ``facts_of`` works out each
    interview's figures (`mkdocs serve` keeps them)."""
    inventories = {
        slug: {tp.id for tp in journey.touchpoints} for slug, journey in study.journeys.items()
    }
    facts = [
        facts_of(interview, inventories.get(interview.journey, set()), _round(study, interview))
        for interview in study.interviews
    ]
    words = {interview.key: interview for interview in words_of(study.interviews)}
    return SiteData(study, facts, words, staleness or Staleness(dt.date.today()))


@dataclass(frozen=True)
class ExpectationRow:
    moment: Moment
    stage_index: int
    expected_gap: HumanDuration | None
    """What happened minus what was expected, as pages show it (rounded)."""
    realistic_gap: HumanDuration | None
    exact_expected_gap: dt.timedelta | None = None
    """The same gap, exact: for downloads."""
    exact_realistic_gap: dt.timedelta | None = None


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
                    expected_gap,
                    realistic_gap,
                ),
            )
        )
    return [row for _, row in sorted(rows, key=lambda item: item[0])]


def segments(interviews: Sequence[Interview]) -> int:
    """Distinct combinations of attribute values among ``interviews`` (published ones: the
    values are words) that record any: five interviews alike are one segment."""
    return len(
        {
            frozenset((key, str(value)) for key, value in i.attributes.items())
            for i in interviews
            if i.attributes
        }
    )


def persona_evidence(data: SiteData, persona: str) -> Evidence:
    """A persona's evidence: its row of the coverage table (interviews per journey of the
    study) and its segments, among its published interviews."""
    facts = data.facts_of(persona=persona)
    return evidence.evidence(
        facts,
        segments(data.published(facts)),
        [sum(f.journey == journey for f in facts) for journey in data.journey_slugs],
        data.staleness,
    )


def nps_data(nps: Nps | None) -> dict[str, Any] | None:
    """An NPS in a download, with its n and its small-sample flag."""
    return {"score": nps.score, "n": nps.n, "small_sample": nps.small} if nps else None
