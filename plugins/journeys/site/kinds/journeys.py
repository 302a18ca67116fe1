"""Journey pages: one per journey, with its emotion charts and downloads, and an index."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from journeys.analysis import aggregate, signals
from journeys.analysis.aggregate import Stats, Verdicts
from journeys.analysis.facts import InterviewFact
from journeys.analysis.rounds import BeforeAndAfter, before_and_after
from journeys.analysis.signals import Nps
from journeys.content.model import Journey, Persona, Round
from journeys.site import charts, exports, findings, journey_map, journey_rounds
from journeys.site.data import (
    TABLE_LIMIT,
    ExpectationRow,
    SiteData,
    expectation_rows,
    nps_data,
    withheld_count,
)
from journeys.site.journey_map import Lane, StageColumn, curve_path, lane, stage_columns
from journeys.site.labels import Labels
from journeys.site.opportunity_states import StatedOpportunity, state_data, stated_opportunities
from journeys.site.render import OutputFile, PageKind, Renderer, mean_points, stage_summaries
from journeys.site.theme_counts import (
    PainfulTheme,
    ThemeCount,
    codebook,
    painful_theme,
    stage_theme_data,
    stage_theme_lanes,
    step_theme_names,
    step_theme_slugs,
)

INDIVIDUAL_LINES_LIMIT = 40
"""Above this many interviews, a journey graph draws persona means instead of one line each."""

JOURNEYS_INDEX = "journeys/index.md"


def journey_page(slug: str) -> str:
    return f"journeys/{slug}.md"


def journey_chart(slug: str) -> str:
    return f"journeys/{slug}-emotion.svg"


def journey_personas_chart(slug: str) -> str:
    return f"journeys/{slug}-personas.svg"


def expectations_csv(slug: str) -> str:
    return f"journeys/{slug}-expectations.csv"


def journey_json(slug: str) -> str:
    return f"journeys/{slug}.json"


def journey_csv(slug: str) -> str:
    return f"journeys/{slug}-stages.csv"


def files(site: Renderer) -> Iterator[OutputFile]:
    data = site.data
    made_from = {slug: data.journey_made_from(slug) for slug in data.journey_slugs}
    views = [
        site.remember(
            f"{journey_page(slug)} view",
            made_from[slug],
            functools.partial(journey_view, data, data.study.journeys[slug]),
        )
        for slug in data.journey_slugs
    ]
    yield site.remember(
        JOURNEYS_INDEX,
        (data.study,),
        lambda: site.page(
            JOURNEYS_INDEX, "journeys_index.md.j2", site.t("journeys"), journeys=views
        ),
    )
    for view in views:
        slug = view.journey.slug
        yield from site.remember(
            journey_page(slug), made_from[slug], functools.partial(journey_files, site, view)
        )


def journey_files(site: Renderer, view: JourneyView) -> list[OutputFile]:
    """A journey's page, its charts and its downloads."""
    data = site.data
    personas = data.study.personas
    slug = view.journey.slug
    stages = stage_summaries(view.journey.stages, view.stats)
    made = [
        site.chart(
            journey_chart(slug),
            charts.emotion_chart,
            stages,
            interview_series(site, view),
            *journey_rounds.chart_lines(view.before_after, site.t),
        )
    ]
    if view.persona_curves:
        series = [
            charts.Series(
                curve.persona.name,
                data.persona_style(curve.persona.slug),
                mean_points(curve.stats),
                weight="bold",
                note=site.t.sample(curve.interviews, curve.small),
            )
            for curve in view.persona_curves
        ]
        # Each curve rests on its own interviews (its note): no journey-wide n per stage.
        uncounted = [dataclasses.replace(stage, n=None, small=False) for stage in stages]
        made.append(
            site.chart(journey_personas_chart(slug), charts.curves_chart, uncounted, series)
        )
    return [
        *made,
        OutputFile(
            expectations_csv(slug),
            site.later(lambda: expectations_table(view, site.t, lambda p: personas[p].name)),
        ),
        OutputFile(journey_json(slug), site.later(lambda: exports.to_json(journey_data(view)))),
        OutputFile(journey_csv(slug), site.later(lambda: stages_csv(view))),
        site.page_of(
            journey_page(slug),
            "journey.md.j2",
            view.journey.title,
            lambda: {
                "view": view,
                "findings": findings.journey_findings(view, site.t),
                "pain_score": journey_map.PAIN_SCORE,
            },
        ),
    ]


def interview_series(site: Renderer, view: JourneyView) -> list[charts.Series]:
    """One thin line per interview, through its score at each stage in the journey's order
    (revisited stages ringed); with many interviews, one per persona (its mean), so a
    chart's cost depends on journeys and personas, not on interviews. Each persona's legend
    entry says its n."""
    data = site.data
    counts = Counter(fact.persona for fact in view.interviews)
    notes = {persona: site.t.sample(n, n < aggregate.SMALL_SAMPLE) for persona, n in counts.items()}
    if len(view.interviews) <= INDIVIDUAL_LINES_LIMIT:
        series = []
        for fact in view.interviews:
            path = aggregate.stage_path(view.journey, fact)
            series.append(
                charts.Series(
                    data.study.personas[fact.persona].name,
                    data.persona_style(fact.persona),
                    tuple((point.stage_index, point.score) for point in path),
                    peaks=tuple((point.stage_index, point.score) for point in path if point.peak),
                    revisits=tuple(
                        (point.stage_index, point.score) for point in path if point.revisited
                    ),
                    note=notes[fact.persona],
                )
            )
        return series
    return [
        charts.Series(
            curve.persona.name,
            data.persona_style(curve.persona.slug),
            mean_points(curve.stats),
            note=notes[curve.persona.slug],
        )
        for curve in view.persona_curves
    ]


@dataclass(frozen=True)
class PersonaCurve:
    """One persona's scores per stage of a journey, and the interviews they rest on."""

    persona: Persona
    interviews: int
    stats: list[Stats]

    @property
    def small(self) -> bool:
        return self.interviews < aggregate.SMALL_SAMPLE


@dataclass(frozen=True)
class JourneyView:
    journey: Journey
    interviews: list[InterviewFact]
    personas: list[Persona]
    period: tuple[dt.date, dt.date] | None
    nps: Nps | None
    outcome: findings.Outcome
    columns: list[StageColumn]
    curve: str
    """The map's mean line (:func:`journeys.site.journey_map.curve_path`)."""
    extremes: tuple[int, int] | None
    expectations: list[ExpectationRow]
    """All rows, in table order (the CSV has them all)."""
    table: Lane[ExpectationRow]
    """The rows as the page's table shows them: the first few, then the rest up to
    TABLE_LIMIT behind "N more rows"."""
    persona_curves: list[PersonaCurve]
    """Per persona (by slug), when the journey has two or more personas."""
    withheld_rows: int = 0
    """Rows the table leaves out, which the figures count: steps with an expectation in
    interviews whose words are not published."""
    withheld_row_interviews: int = 0
    """How many interviews those rows come from."""
    opportunities: dict[str, list[StatedOpportunity]] = dataclasses.field(default_factory=dict)
    """Stage id -> its opportunities with their state, in the order the map lists them."""
    before_after: BeforeAndAfter | None = None
    """Each round's figures and each stage's change, when the journey has two or more
    rounds."""
    interview_rounds: dict[str, Round] = dataclasses.field(default_factory=dict)
    """Interview key -> its round, when the journey has rounds."""
    codebook: dict[str, str] = dataclasses.field(default_factory=dict)
    """Theme slug -> name: the study's codebook (empty without one: no themes anywhere)."""
    themes: dict[str, Lane[ThemeCount]] = dataclasses.field(default_factory=dict)
    """Stage id -> the themes of its tagged steps, in the most interviews first."""
    painful_theme: PainfulTheme | None = None
    """The theme whose moments have the lowest mean grade (not a small sample)."""

    @property
    def stats(self) -> list[Stats]:
        return [column.stats for column in self.columns]


def journey_view(data: SiteData, journey: Journey) -> JourneyView:
    facts = data.facts_of(journey=journey.slug)
    rows = expectation_rows(journey, data.moments(journey=journey.slug))
    columns = stage_columns(data, journey, facts, rows)
    persona_slugs = sorted({fact.persona for fact in facts})
    withheld = withheld_count(
        data.withheld_interviews(journey=journey.slug), lambda step: step.has_expectation
    )
    names = codebook(data.study)
    return JourneyView(
        journey=journey,
        interviews=facts,
        personas=[data.study.personas[slug] for slug in persona_slugs],
        period=aggregate.date_range(facts),
        nps=signals.nps_score(facts),
        outcome=findings.outcome(facts),
        columns=columns,
        curve=curve_path(columns),
        extremes=aggregate.lowest_and_highest(journey, [column.stats for column in columns]),
        expectations=rows,
        table=lane(rows, shown=journey_map.TABLE_SHOWN, limit=TABLE_LIMIT),
        persona_curves=[
            PersonaCurve(
                data.study.personas[slug],
                sum(fact.persona == slug for fact in facts),
                per_persona,
            )
            for slug, per_persona in aggregate.persona_stage_stats(journey, facts).items()
        ]
        if len(persona_slugs) >= 2
        else [],
        withheld_rows=withheld[0],
        withheld_row_interviews=withheld[1],
        opportunities=stated_opportunities(journey, facts, columns),
        before_after=before_and_after(journey, facts),
        interview_rounds=journey_rounds.interview_rounds(journey, facts),
        codebook=names,
        themes=stage_theme_lanes(names, journey, facts),
        painful_theme=painful_theme(names, facts),
    )


def expectation_data(
    row: ExpectationRow, rounds: dict[str, Round], names: dict[str, str] | None = None
) -> dict[str, Any]:
    """A row of the table; with ``rounds`` (interview key -> round), the round's id too;
    with a codebook (``names``), the step's themes last."""
    step = row.moment.step
    key = row.moment.interview.key
    found = rounds.get(key)
    return {
        "interview": key,
        **({"round": found.id if found else None} if rounds else {}),
        "persona": row.moment.interview.persona,
        "stage": row.moment.stage.id,
        "expected": step.expected,
        "actual": step.actual,
        "realistic": step.realistic,
        "gap_vs_expected": exports.gap(row.expected_gap, row.exact_expected_gap),
        "gap_vs_realistic": exports.gap(row.realistic_gap, row.exact_realistic_gap),
        "vs_expected": step.verdict,
        "score": step.score,
        **({"themes": step_theme_slugs(names, step)} if names else {}),
    }


def verdict_data(verdicts: Verdicts) -> dict[str, int | bool]:
    """A stage's verdicts on expectations, counted in interviews."""
    return {
        "interviews_judged": verdicts.judged,
        "small_sample": verdicts.small,
        "worse": verdicts.worse,
        "as_expected": verdicts.as_expected,
        "better": verdicts.better,
        "not_rated": verdicts.not_rated,
    }


def journey_data(view: JourneyView) -> dict[str, Any]:
    journey = view.journey
    return {
        "journey": journey.slug,
        "title": journey.title,
        "goal": journey.goal,
        "interviews": len(view.interviews),
        "personas": [persona.slug for persona in view.personas],
        "period": exports.period(view.period),
        "nps": nps_data(view.nps),
        "stages": [
            {
                "id": column.stage.id,
                "name": column.stage.name,
                "scores": exports.stats(column.stats),
                "vs_expected": verdict_data(column.verdicts),
                "peaks": {"interviews": column.peak_interviews, "moments": column.peak_moments},
                "accepted_as_normal": {
                    "interviews": column.accepted_interviews,
                    "moments": column.accepted_moments,
                },
                "touchpoints": [
                    {
                        "id": tp.use.id or None,
                        "name": tp.use.name or None,
                        "mentions": tp.use.mentions,
                        "inventoried": tp.use.inventoried,
                        "unnamed": tp.use.unnamed,
                    }
                    for tp in column.touchpoints
                ],
                **stage_theme_data(view.themes, column.stage.id),
            }
            for column in view.columns
        ],
        "per_persona": {
            curve.persona.slug: {
                "interviews": curve.interviews,
                "small_sample": curve.small,
                "stages": [exports.stats(stats) for stats in curve.stats],
            }
            for curve in view.persona_curves
        },
        "expectations": [
            expectation_data(row, view.interview_rounds, view.codebook) for row in view.expectations
        ],
        "opportunities": [
            {
                "title": opportunity.title,
                "stage": column.stage.id,
                "owner": opportunity.owner,
                "metric": opportunity.metric,
                "evidence": opportunity.evidence,
                **state_data(view.opportunities, opportunity.number),
            }
            for column in view.columns
            for opportunity in column.opportunities
        ],
    } | journey_rounds.rounds_data(journey, view.interviews)


def expectations_table(view: JourneyView, t: Labels, persona_name: Callable[[str], str]) -> str:
    """The expectations-vs-reality table of a journey, one row per step with an expectation:
    each value as written, and, when it is a duration, as the page shows it; for a journey
    with rounds, the interview's round; for a study with a codebook, the step's themes."""
    rounds = view.interview_rounds
    return exports.csv_table(
        [
            t(key)
            for key in (
                "stage",
                "expected",
                "actual",
                "realistic",
                "expected_duration",
                "actual_duration",
                "realistic_duration",
                "gap_expected",
                "gap_realistic",
                "vs_expected",
                "score",
                "persona",
                "interview",
                *(["round"] if rounds else []),
                *(["tagged_themes"] if view.codebook else []),
            )
        ],
        (
            [
                row.moment.stage.name,
                row.moment.step.expected,
                row.moment.step.actual,
                row.moment.step.realistic,
                exports.csv_duration(row.moment.step.expected, t),
                exports.csv_duration(row.moment.step.actual, t),
                exports.csv_duration(row.moment.step.realistic, t),
                exports.csv_gap(row.expected_gap, t),
                exports.csv_gap(row.realistic_gap, t),
                t.verdict(row.moment.step.verdict),
                t.score(row.moment.step.score),
                persona_name(row.moment.interview.persona),
                row.moment.interview.key,
                *([journey_rounds.round_name(rounds, row.moment.interview.key)] if rounds else []),
                *([step_theme_names(view.codebook, row.moment.step)] if view.codebook else []),
            ]
            for row in view.expectations
        ),
    )


def stages_csv(view: JourneyView) -> str:
    return exports.stage_csv(*journey_rounds.stage_rows(view.journey, view.interviews, view.stats))


KIND = PageKind(
    position=20,
    folder="journeys/",
    title="journeys",
    files=files,
    paths={
        "journeys_index": JOURNEYS_INDEX,
        "journey_page": journey_page,
        "journey_chart": journey_chart,
        "journey_personas_chart": journey_personas_chart,
        "expectations_csv": expectations_csv,
        "journey_json": journey_json,
        "journey_csv": journey_csv,
    },
)
