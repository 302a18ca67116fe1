"""Render the site's generated files (Markdown pages, SVG charts, CSV) from the views.

Pages are Jinja templates shipped in ``journeys/site/templates/``; a site overrides
any of them by putting a file of the same name in ``<theme custom_dir>/journeys/``.
Links between generated files come from ``href(from_src_uri, to_src_uri)``, given by the
caller (the MkDocs adapter knows how URLs are made), so this module knows no MkDocs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe

from journeys.analysis.aggregate import Stats
from journeys.content.study import Study
from journeys.site import charts, exports
from journeys.site.labels import Labels
from journeys.site.passthrough import escape_text
from journeys.site.views import (
    TABLE_LIMIT,
    JourneyView,
    SiteData,
    interview_view,
    journey_view,
    persona_view,
    research_view,
    site_data,
)

INDIVIDUAL_LINES_LIMIT = 40
"""Above this many interviews, a journey graph draws persona means instead of one line each."""

Href = Callable[[str, str], str]
"""(from src_uri, to src_uri) -> the URL to put in the ``from`` page."""


@dataclass(frozen=True)
class Chart:
    """A chart still to be drawn: ``draw()`` returns its SVG.

    Charts with equal keys look the same, so a cache can skip drawing them
    (:mod:`journeys.cache`); ``draw`` can be pickled, so another process can draw them.
    """

    key: str
    draw: Callable[[], bytes]


@dataclass(frozen=True)
class OutputFile:
    src_uri: str
    content: str | bytes | Chart
    title: str | None = None
    """A page's title as plain text (it may contain ``<`` or ``&``)."""


# --- where each generated file lives (the URLs people link to) -------------------------------------

PERSONAS_INDEX = "personas/index.md"
JOURNEYS_INDEX = "journeys/index.md"
INTERVIEWS_INDEX = "interviews/index.md"
RESEARCH_INDEX = "research/index.md"
RESEARCH_SIGNALS = "research/signals.md"
ASSET_DIR = "assets/journeys"


def persona_page(slug: str) -> str:
    return f"personas/{slug}.md"


def journey_page(slug: str) -> str:
    return f"journeys/{slug}.md"


def interview_page(key: str) -> str:
    return f"interviews/{key}.md"


def journey_chart(slug: str) -> str:
    return f"journeys/{slug}-emotion.svg"


def journey_personas_chart(slug: str) -> str:
    return f"journeys/{slug}-personas.svg"


def persona_chart(persona: str, journey: str) -> str:
    # `--` cannot occur in a slug, so no other pair of slugs gives the same name
    # (`a` + `b-c` and `a-b` + `c` would both give `a-b-c` with one `-`).
    return f"personas/{persona}--{journey}.svg"


def expectations_csv(slug: str) -> str:
    return f"journeys/{slug}-expectations.csv"


def journey_json(slug: str) -> str:
    return f"journeys/{slug}.json"


def journey_csv(slug: str) -> str:
    return f"journeys/{slug}-stages.csv"


def persona_json(slug: str) -> str:
    return f"personas/{slug}.json"


def persona_csv(slug: str) -> str:
    return f"personas/{slug}-stages.csv"


# --- rendering -------------------------------------------------------------------------------------------


def template_environment(override_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [
        jinja2.FileSystemLoader([str(directory / "journeys") for directory in override_dirs])
    ]
    loaders.append(jinja2.PackageLoader("journeys.site", "templates"))
    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,  # every front-matter value is text, never markup
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_as_text,
    )
    # Escaping by filter and joining make text the same way as `{{ value }}` does.
    environment.filters.update(
        e=_as_text, escape=_as_text, forceescape=_force_text, join=_join_as_text
    )
    return environment


def _as_text(value: object) -> markupsafe.Markup:
    """What ``{{ value }}`` writes: markup as it is; anything else as text that neither HTML
    nor Markdown with any extension reads as syntax, on one line (a name like
    ``Eva [x](javascript:...)`` stays text in a heading, a blank line in a value cannot
    split an HTML block); see :func:`journeys.passthrough.escape_text`."""
    if hasattr(value, "__html__"):
        return markupsafe.Markup(value)
    return _force_text(value)


def _force_text(value: object) -> markupsafe.Markup:
    return markupsafe.Markup(escape_text(str(value)))


@jinja2.pass_eval_context
def _join_as_text(
    eval_ctx: jinja2.nodes.EvalContext,
    value: Iterable[object],
    d: object = "",
    attribute: str | int | None = None,
) -> str:
    if attribute is not None:
        value = map(jinja2.filters.make_attrgetter(eval_ctx.environment, attribute), value)
    return jinja2.filters.sync_do_join(eval_ctx, [_as_text(item) for item in value], _as_text(d))


class SiteRenderer:
    def __init__(
        self,
        study: Study,
        labels: Labels,
        href: Href,
        override_dirs: Sequence[Path] = (),
    ) -> None:
        self.data: SiteData = site_data(study)
        self.t = labels
        self.href = href
        self.environment = template_environment(override_dirs)
        self.environment.filters.update(
            score=labels.score, number=labels.number, date=labels.date, duration=labels.duration
        )
        self._journey_views: dict[str, JourneyView] = {}
        self.names = Names(
            personas={slug: persona.name for slug, persona in study.personas.items()},
            journeys={slug: journey.title for slug, journey in study.journeys.items()},
        )

    def files(self) -> Iterator[OutputFile]:
        study = self.data.study
        yield self._page(PERSONAS_INDEX, "personas_index.md.j2", self.t("personas"),
                         personas=[study.personas[s] for s in self.data.persona_slugs],
                         interview_counts={s: len(self.data.facts_of(persona=s)) for s in self.data.persona_slugs})
        for slug in self.data.persona_slugs:
            yield from self._persona(slug)
        yield self._page(JOURNEYS_INDEX, "journeys_index.md.j2", self.t("journeys"),
                         journeys=[self._journey_view(s) for s in self.data.journey_slugs])
        for slug in self.data.journey_slugs:
            yield from self._journey(slug)
        yield self._page(INTERVIEWS_INDEX, "interviews_index.md.j2", self.t("interviews"), facts=self.data.facts)
        for fact in self.data.facts:
            sparkline = charts.sparkline(
                fact.scores, fact.peak_position,
                title=self.t("sparkline_title", scores=", ".join(self.t.score(score) for score in fact.scores)),
            )
            yield self._page(interview_page(fact.key), "interview.md.j2", self.t("interview_title", id=fact.key),
                             view=interview_view(self.data, fact), sparkline=markupsafe.Markup(sparkline))
        research = research_view(self.data)
        yield self._page(RESEARCH_INDEX, "research.md.j2", self.t("research_title"), view=research)
        yield self._page(RESEARCH_SIGNALS, "signals.md.j2", self.t("signals"), view=research)

    def _persona(self, slug: str) -> Iterator[OutputFile]:
        view = persona_view(self.data, self.data.study.personas[slug])
        for journey, per_stage in view.curves:
            series = [charts.Series(view.persona.name, self.data.persona_style(slug),
                                    _mean_points(per_stage), weight="bold")]
            yield self._chart(persona_chart(slug, journey.slug), charts.curves_chart,
                              _summaries(journey.stages, per_stage), series)
        yield OutputFile(persona_json(slug), exports.to_json(exports.persona_data(view)))
        yield OutputFile(persona_csv(slug), exports.persona_csv(view))
        yield self._page(persona_page(slug), "persona.md.j2", view.persona.name, view=view)

    def _journey(self, slug: str) -> Iterator[OutputFile]:
        view = self._journey_view(slug)
        stages = _summaries(view.journey.stages, view.stats)
        yield self._chart(journey_chart(slug), charts.emotion_chart, stages, self._interview_series(view))
        if view.persona_curves:
            series = [
                charts.Series(self.data.study.personas[persona].name, self.data.persona_style(persona),
                              _mean_points(per_stage), weight="bold")
                for persona, per_stage in view.persona_curves.items()
            ]
            yield self._chart(journey_personas_chart(slug), charts.curves_chart, stages, series)
        yield OutputFile(expectations_csv(slug), self._expectations_csv(view))
        yield OutputFile(journey_json(slug), exports.to_json(exports.journey_data(view)))
        yield OutputFile(journey_csv(slug), exports.journey_csv(view))
        yield self._page(journey_page(slug), "journey.md.j2", view.journey.title, view=view)

    def _journey_view(self, slug: str) -> JourneyView:
        """Computed once: the journeys index and the journey's own page both show it."""
        if slug not in self._journey_views:
            self._journey_views[slug] = journey_view(self.data, self.data.study.journeys[slug])
        return self._journey_views[slug]

    def _interview_series(self, view: JourneyView) -> list[charts.Series]:
        """One thin line per interview; with many interviews, one per persona (its mean),
        so a chart's cost depends on journeys and personas, not on interviews."""
        stage_index = {stage: index for index, stage in enumerate(view.journey.stage_ids)}
        names = self.data.study.personas
        if len(view.interviews) <= INDIVIDUAL_LINES_LIMIT:
            return [
                charts.Series(
                    names[fact.persona].name,
                    self.data.persona_style(fact.persona),
                    tuple((stage_index[s.stage], s.score) for s in fact.steps),
                    tuple((stage_index[s.stage], s.score) for s in fact.steps if s.peak),
                )
                for fact in view.interviews
            ]
        return [
            charts.Series(names[persona].name, self.data.persona_style(persona), _mean_points(per_stage))
            for persona, per_stage in (view.persona_curves or {}).items()
        ]

    def _chart(
        self,
        src_uri: str,
        draw: Callable[[Sequence[charts.StageSummary], Sequence[charts.Series], charts.ChartText], bytes],
        stages: list[charts.StageSummary],
        series: list[charts.Series],
    ) -> OutputFile:
        text = charts.ChartText(
            score_axis=self.t("chart_score_axis"),
            mean=self.t("mean"),
            spread=self.t("chart_spread"),
            peak=self.t("chart_peak"),
            n=self.t("n_equals", n="{n}"),
        )
        key = repr((draw.__name__, stages, series, text))
        return OutputFile(src_uri, Chart(key, functools.partial(draw, stages, series, text)))

    def _page(self, src_uri: str, template: str, title: str, **context: object) -> OutputFile:
        rendered = self.environment.get_template(template).render(page_context(self, src_uri, context))
        return OutputFile(src_uri, rendered, title)

    def _expectations_csv(self, view: JourneyView) -> str:
        personas = self.data.study.personas
        return exports.expectations_csv(view, self.t, lambda slug: personas[slug].name)


def page_context(renderer: SiteRenderer, src_uri: str, view: dict[str, object]) -> dict[str, object]:
    """All a page template gets: the labels, link and path helpers, the names of personas
    and journeys, and the plain data built for that page (``view``). Nothing here reaches
    the study, an interview of a participant who did not consent, or a participant block
    (``tests/test_template_context.py`` walks it to prove so)."""
    return {
        "t": renderer.t,
        "url": functools.partial(renderer.href, src_uri),
        "paths": PATHS,
        "names": renderer.names,
        "table_limit": TABLE_LIMIT,
        "chart_size": charts.SIZE,
        "zip": zip,
        **view,
    }


@dataclass(frozen=True)
class Names:
    """Display names by slug, for links and table cells."""

    personas: dict[str, str]
    journeys: dict[str, str]


class _Paths:
    """Templates reach file locations through this (``paths.persona_page(slug)``)."""

    persona_page = staticmethod(persona_page)
    journey_page = staticmethod(journey_page)
    interview_page = staticmethod(interview_page)
    journey_chart = staticmethod(journey_chart)
    journey_personas_chart = staticmethod(journey_personas_chart)
    persona_chart = staticmethod(persona_chart)
    expectations_csv = staticmethod(expectations_csv)
    journey_json = staticmethod(journey_json)
    journey_csv = staticmethod(journey_csv)
    persona_json = staticmethod(persona_json)
    persona_csv = staticmethod(persona_csv)
    personas_index = PERSONAS_INDEX
    journeys_index = JOURNEYS_INDEX
    interviews_index = INTERVIEWS_INDEX
    research_index = RESEARCH_INDEX
    research_signals = RESEARCH_SIGNALS


PATHS = _Paths()


def _summaries(stages: Sequence[object], per_stage: Sequence[Stats]) -> list[charts.StageSummary]:
    return [
        charts.StageSummary(stage.name, s.n, s.mean, s.low, s.high)  # type: ignore[attr-defined]
        for stage, s in zip(stages, per_stage)
    ]


def _mean_points(per_stage: Sequence[Stats]) -> tuple[tuple[float, float], ...]:
    return tuple((index, s.mean) for index, s in enumerate(per_stage) if s.mean is not None)
