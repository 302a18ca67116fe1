"""Theme pages: one per theme of the codebook, with its reach, where it occurs, its pain and
its moments, and an index that ranks the themes by reach and by pain.

Every figure is from :mod:`journeys.analysis.themes`. A study without a codebook has none
of these files, and no section in the navigation.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from journeys.analysis.facts import InterviewFact
from journeys.analysis.themes import ThemeFigures, theme_figures
from journeys.content.model import Journey, Opportunity, Stage, Theme
from journeys.site import exports
from journeys.site.data import Capped, Moment, SiteData, capped, withheld_count
from journeys.site.render import OutputFile, PageKind, Renderer

THEMES_INDEX = "themes/index.md"
THEMES_CSV = "themes/themes.csv"


def theme_page(slug: str) -> str:
    return f"themes/{slug}.md"


@dataclass(frozen=True)
class StageRow:
    stage_id: str
    stage: Stage | None
    """None when the journey has no such stage (a study with errors, under ``mkdocs serve``)."""
    interviews: int
    """Interviews with a step tagged with the theme at this stage."""


@dataclass(frozen=True)
class JourneyStages:
    journey: Journey
    stages: list[StageRow]
    """The stages where the theme occurs, in the journey's order."""


@dataclass(frozen=True)
class ThemeOpportunity:
    opportunity: Opportunity
    number: int
    """Its number in its journey (the anchor ``opportunity-<number>`` of the journey page)."""
    journey: Journey
    stage: Stage | None


@dataclass(frozen=True)
class ThemeView:
    theme: Theme
    figures: ThemeFigures
    where: list[JourneyStages]
    moments: Capped
    """The tagged moments of consenting interviews, lowest score first, and how many more
    there are in interviews whose words are not published."""
    opportunities: list[ThemeOpportunity]


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    figures: ThemeFigures


@dataclass(frozen=True)
class ThemesIndexView:
    by_reach: list[ThemeRow]
    """Most interviews first, then by slug."""
    by_pain: list[ThemeRow]
    """Lowest mean score of the moments first; small samples after the others."""


def files(site: Renderer) -> Iterator[OutputFile]:
    data = site.data
    themes = data.study.themes
    if not themes:
        return
    figures = study_theme_figures(data)
    rows = [ThemeRow(themes[f.slug], f) for f in figures]
    yield site.page(THEMES_INDEX, "themes_index.md.j2", site.t("themes"), view=index_view(rows))
    yield OutputFile(THEMES_CSV, themes_csv(rows))
    tagged = sorted(
        (moment for moment in data.moments() if moment.step.themes),
        key=lambda m: (m.step.score, m.interview.date, m.interview.key, m.position),
    )
    withheld = data.withheld_interviews()
    for row in rows:
        yield site.page(
            theme_page(row.theme.slug),
            "theme.md.j2",
            row.theme.name,
            view=theme_view(data, row, tagged, withheld),
        )


def study_theme_figures(data: SiteData) -> list[ThemeFigures]:
    """The figures of every theme of the codebook, in slug order."""
    return theme_figures(
        sorted(data.study.themes),
        data.facts,
        personas=data.study.personas,
        journeys=[data.study.journeys[slug] for slug in data.journey_slugs],
    )


def index_view(rows: Sequence[ThemeRow]) -> ThemesIndexView:
    return ThemesIndexView(
        by_reach=sorted(rows, key=lambda row: (-row.figures.interviews, row.theme.slug)),
        by_pain=sorted(rows, key=_pain_order),
    )


def _pain_order(row: ThemeRow) -> tuple[bool, bool, float, str]:
    mean = row.figures.mean_score
    return (row.figures.small, mean is None, mean or 0.0, row.theme.slug)


def theme_view(
    data: SiteData, row: ThemeRow, moments: Sequence[Moment], withheld: Sequence[InterviewFact]
) -> ThemeView:
    """``moments``: the published moments, in the order the page lists them; ``withheld``:
    the figures of the interviews whose words are not published."""
    theme = row.theme
    return ThemeView(
        theme=theme,
        figures=row.figures,
        where=_where(data, row.figures),
        moments=capped(
            [moment for moment in moments if theme.slug in moment.step.themes],
            withheld=withheld_count(withheld, lambda step: theme.slug in step.themes),
        ),
        opportunities=[
            ThemeOpportunity(opportunity, number, journey, journey.stage(opportunity.stage))
            for journey in (data.study.journeys[slug] for slug in data.journey_slugs)
            for number, opportunity in enumerate(journey.opportunities, start=1)
            if theme.slug in opportunity.themes
        ],
    )


def _where(data: SiteData, figures: ThemeFigures) -> list[JourneyStages]:
    where: dict[str, JourneyStages] = {}
    for count in figures.by_stage:
        journey = data.study.journeys.get(count.journey)
        if journey is None:
            continue
        row = StageRow(count.stage, journey.stage(count.stage), count.interviews)
        where.setdefault(journey.slug, JourneyStages(journey, [])).stages.append(row)
    return list(where.values())


def themes_csv(rows: Sequence[ThemeRow]) -> str:
    """One row per theme of the codebook, in slug order; means at full precision."""
    return exports.csv_table(
        [
            "theme",
            "name",
            "interviews",
            "interviews_total",
            "personas",
            "personas_total",
            "moments",
            "mean_score",
            "context_mean",
            "context_steps",
            "accepted_as_normal",
            "small_sample",
        ],
        (
            [
                row.theme.slug,
                row.theme.name,
                row.figures.interviews,
                row.figures.interviews_total,
                row.figures.personas,
                row.figures.personas_total,
                row.figures.moments,
                row.figures.mean_score,
                row.figures.context_mean,
                row.figures.context_steps,
                row.figures.accepted,
                row.figures.small,
            ]
            for row in rows
        ),
    )


KIND = PageKind(
    position=22,
    folder="themes/",
    title="themes",
    files=files,
    paths={"themes_index": THEMES_INDEX, "theme_page": theme_page, "themes_csv": THEMES_CSV},
)
