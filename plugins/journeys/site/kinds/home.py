"""The home page: a dashboard of the study, for a site whose ``docs/`` has no ``index.md``.

What was studied (interviews, personas and journeys, the period) and one card per journey
with its emotion chart and its lowest-scoring stage. A site with its own ``index.md``
places the same dashboard with the marker line :data:`MARKER`: the MkDocs adapter then
publishes :func:`dashboard_markdown` of this page in its place, and not the page itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from journeys.analysis import aggregate
from journeys.analysis.aggregate import Stats
from journeys.content.model import Journey, Persona, Stage
from journeys.site.data import SiteData
from journeys.site.kinds.personas import image_src
from journeys.site.passthrough import escape_text
from journeys.site.render import OutputFile, PageKind, PageText, Renderer

HOME = "index.md"
OWN_HOMES = (HOME, "README.md")
"""A site's own home page in ``docs/``: ``index.md``, or ``README.md`` without one (as
MkDocs reads them)."""
MARKER = "<!-- journeys:dashboard -->"
"""The line of a hand-written ``index.md`` that the dashboard takes the place of."""


def files(site: Renderer) -> Iterator[OutputFile]:
    title = site.t("home_title")
    body = site.page(HOME, "dashboard.md.j2", title, view=dashboard_view(site.data)).content
    heading = _heading(title)
    if isinstance(body, PageText):
        yield OutputFile(HOME, body.then(heading.__add__), title)
        return
    assert isinstance(body, str)  # a page is text
    yield OutputFile(HOME, heading + body, title)


def _heading(title: str) -> str:
    return f"# {escape_text(title)}\n\n"


def dashboard_markdown(page: str, title: str) -> str:
    """The dashboard of the home page ``page`` without its title, for a page of its own."""
    return page.removeprefix(_heading(title))


_MARKER_LINE = re.compile(rf"^[ \t]*{re.escape(MARKER)}[ \t]*$", re.MULTILINE)


def with_dashboard(page: str, dashboard: str) -> str | None:
    """The hand-written ``page`` with its first marker line replaced by ``dashboard`` (a
    block of its own: blank lines around it), or None when no line is the marker."""
    if _MARKER_LINE.search(page) is None:
        return None
    return _MARKER_LINE.sub(lambda _: f"\n{dashboard.strip()}\n", page, count=1)


@dataclass(frozen=True)
class StageFinding:
    stage: Stage
    stats: Stats


@dataclass(frozen=True)
class JourneyCard:
    journey: Journey
    interviews: int
    personas: int
    lowest: StageFinding | None
    """The stage with the lowest mean score (the first of equals)."""
    highest: StageFinding | None


@dataclass(frozen=True)
class PersonaCard:
    persona: Persona
    interviews: int
    image: str | None
    """The persona's picture, if it has one: its src_uri in docs_dir."""


@dataclass(frozen=True)
class DashboardView:
    interviews: int
    period: tuple[dt.date, dt.date] | None
    personas: list[PersonaCard]
    journeys: list[JourneyCard]


def dashboard_view(data: SiteData) -> DashboardView:
    return DashboardView(
        interviews=len(data.facts),
        period=aggregate.date_range(data.facts),
        personas=[
            PersonaCard(
                data.study.personas[slug], len(data.facts_of(persona=slug)), image_src(data, slug)
            )
            for slug in data.persona_slugs
        ],
        journeys=[journey_card(data, data.study.journeys[slug]) for slug in data.journey_slugs],
    )


def journey_card(data: SiteData, journey: Journey) -> JourneyCard:
    """The same figures as the journey's page: its stage stats and their extremes."""
    facts = data.facts_of(journey=journey.slug)
    per_stage = aggregate.stage_stats(journey, facts)
    extremes = aggregate.lowest_and_highest(journey, per_stage)
    lowest, highest = (
        (StageFinding(journey.stages[index], per_stage[index]) for index in extremes)
        if extremes
        else (None, None)
    )
    return JourneyCard(
        journey=journey,
        interviews=len(facts),
        personas=len({fact.persona for fact in facts}),
        lowest=lowest,
        highest=highest,
    )


KIND = PageKind(
    position=0,
    folder=HOME,
    title="home",
    files=files,
    paths={"home": HOME},
)
