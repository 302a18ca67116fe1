"""The codebook's themes where the journey and persona pages and a journey's downloads show
them: each stage's themes on the map, a persona's most frequent themes, the journey's most
painful theme in its findings, and each step's themes in the exports.

The figures come from :mod:`journeys.analysis.themes` (their one definition). A study
without a codebook gets none of this, so its pages and downloads are what they were. A slug
that names no theme of the codebook (an error, shown while ``mkdocs serve`` goes on) is left
out: it has no name and no page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from journeys.analysis.facts import InterviewFact
from journeys.analysis.themes import (
    ThemeFigures,
    most_painful,
    persona_themes,
    stage_themes,
    theme_figures,
)
from journeys.content.model import Journey, Step
from journeys.content.study import Study
from journeys.site.journey_map import Lane, lane

THEMES_SHOWN = 2
"""Themes a stage's column shows before "N more" (all of them are on the page)."""
PERSONA_THEMES = 5
"""Themes a persona page names: those in the most of the persona's interviews."""

Codebook = Mapping[str, str]
"""Theme slug -> its name; empty for a study without a codebook."""


def codebook(study: Study) -> dict[str, str]:
    return {slug: theme.name for slug, theme in study.themes.items()}


@dataclass(frozen=True)
class ThemeCount:
    """A theme and the interviews it comes up in (at a stage, or of a persona)."""

    slug: str
    name: str
    interviews: int


@dataclass(frozen=True)
class PainfulTheme:
    """The theme whose moments have the lowest mean grade, with its figures."""

    name: str
    figures: ThemeFigures


def theme_counts(names: Codebook, ranked: Iterable[tuple[str, int]]) -> list[ThemeCount]:
    """``(slug, interviews)`` pairs as counts with the theme's name, in the same order."""
    return [ThemeCount(slug, names[slug], n) for slug, n in ranked if slug in names]


def stage_theme_lanes(
    names: Codebook, journey: Journey, facts: Sequence[InterviewFact]
) -> dict[str, Lane[ThemeCount]]:
    """Stage id -> the themes of its tagged steps, in the most interviews first; empty
    without a codebook."""
    if not names:
        return {}
    per_stage = stage_themes(journey.slug, facts)
    lanes = {}
    for stage in journey.stages:
        counts = theme_counts(names, per_stage.get(stage.id, []))
        lanes[stage.id] = lane(counts, shown=THEMES_SHOWN, limit=len(counts))
    return lanes


def stage_theme_data(lanes: Mapping[str, Lane[ThemeCount]], stage: str) -> dict[str, Any]:
    """The ``themes`` of a stage in a journey's JSON download; nothing without a codebook."""
    if not lanes:
        return {}
    found = lanes[stage]
    return {
        "themes": [
            {"theme": count.slug, "name": count.name, "interviews": count.interviews}
            for count in [*found.shown, *found.folded]
        ]
    }


def persona_top_themes(
    names: Codebook, persona: str, facts: Sequence[InterviewFact]
) -> list[ThemeCount]:
    """The themes in the most of ``persona``'s interviews, at most :data:`PERSONA_THEMES`."""
    return theme_counts(names, persona_themes(persona, facts))[:PERSONA_THEMES]


def painful_theme(names: Codebook, facts: Sequence[InterviewFact]) -> PainfulTheme | None:
    """Of the themes tagged in ``facts`` (one journey's interviews), the one whose moments
    have the lowest mean grade, among those enough of these interviews carry."""
    tagged = {slug for fact in facts for step in fact.steps for slug in step.themes}
    found = most_painful(theme_figures(sorted(tagged & names.keys()), facts))
    return PainfulTheme(names[found.slug], found) if found else None


def step_theme_slugs(names: Codebook, step: Step) -> list[str]:
    """A step's themes of the codebook, each once, as written."""
    return [slug for slug in dict.fromkeys(step.themes) if slug in names]


def step_theme_names(names: Codebook, step: Step) -> str:
    """A step's themes by name, for a CSV cell: ``Not kept informed; Waiting``."""
    return "; ".join(names[slug] for slug in step_theme_slugs(names, step))
