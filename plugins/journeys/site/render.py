"""Render the site's generated files (Markdown pages, SVG charts, CSV) from page views.

Pages are Jinja templates shipped in ``journeys/site/templates/``; a site overrides any of
them by putting a file of the same name in ``<theme custom_dir>/journeys/``. Which files a
site has is decided by the page kinds (:mod:`journeys.site.kinds`), each a :class:`PageKind`
that makes its files with a :class:`Renderer`. Links between generated files come from
``href(from_src_uri, to_src_uri)``, given by the caller (the MkDocs adapter knows how URLs
are made), so this module knows no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TypeVar

import jinja2
import markupsafe

from journeys.analysis import signals
from journeys.analysis.aggregate import SMALL_SAMPLE, Stats
from journeys.analysis.evidence import Staleness
from journeys.analysis.facts import FactsOf, fact_of
from journeys.analysis.recruiting import INTERVIEW_TARGET
from journeys.content.study import Study
from journeys.site import charts
from journeys.site.data import SiteData, site_data
from journeys.site.labels import Labels
from journeys.site.passthrough import escape_text

ASSET_DIR = "assets/journeys"
"""The plugin's stylesheet and script."""

Href = Callable[[str, str], str]
"""(from src_uri, to src_uri) -> the URL to put in the ``from`` page."""
T = TypeVar("T")


@dataclass(frozen=True)
class Chart:
    """A chart still to be drawn: ``draw()`` returns its SVG.

    Charts with equal keys look the same, so a cache can skip drawing them
    (:mod:`journeys.cache`); ``draw`` can be pickled, so another process can draw them.
    """

    key: str
    draw: Callable[[], bytes]


@dataclass(frozen=True)
class PageText:
    """A page's text, rendered when :meth:`text` is called. A build lists every generated
    file before it renders any (:attr:`Renderer.pages_later`), so that MkDocs can read the
    first pages while the others are still being rendered."""

    render: Callable[[], str]

    def text(self) -> str:
        return self.render()

    def then(self, change: Callable[[str], str]) -> PageText:
        """The text of ``change(text)``, rendered when asked for as well."""
        return PageText(lambda: change(self.render()))


@dataclass(frozen=True)
class OutputFile:
    src_uri: str
    content: str | bytes | Chart | PageText
    title: str | None = None
    """A page's title as plain text (it may contain ``<`` or ``&``)."""


Location = Callable[..., str] | str
"""Where a generated file lives: a ``src_uri``, or a function of slugs that gives one."""


def _everything(src_uri: str) -> bool:
    return True


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page (personas, journeys, ...): a section of the site.

    A kind is a module in :mod:`journeys.site.kinds` with a ``KIND``; the site's files, its
    exports and its navigation are made by going through every kind, so adding a page kind
    means adding its module, its template and its labels.
    """

    position: int
    """Its place in the navigation, among the other kinds (lowest first)."""
    folder: str
    """Every file of this kind is under it, e.g. ``personas/``."""
    title: str
    """The label of its navigation section."""
    files: Callable[[Renderer], Iterator[OutputFile]]
    """Its pages, charts and downloads."""
    paths: Mapping[str, Location] = field(default_factory=dict)
    """The locations templates may link to, as ``paths.<name>``."""
    in_nav: Callable[[str], bool] = _everything
    """Which of its pages the navigation lists (the others are linked from its pages)."""


def template_environment(
    override_dirs: Sequence[Path] = (), labels: Labels | None = None
) -> jinja2.Environment:
    """The generated pages' templates (a site's own first: ``<override dir>/journeys/``),
    with the filters that write in the language of ``labels``."""
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
    if labels is not None:
        environment.filters.update(
            score=labels.score, number=labels.number, date=labels.date, duration=labels.duration
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
    return _text_markup(str(value))


# Pages write the same short texts (stage names, grades, feelings) over and over.
@functools.lru_cache(maxsize=65_536)
def _text_markup(text: str) -> markupsafe.Markup:
    return markupsafe.Markup(escape_text(text))


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


class Renderer:
    """What every page kind makes its files with: the study's data, the labels, the
    templates, and the links between files."""

    def __init__(
        self,
        study: Study,
        labels: Labels,
        href: Href,
        paths: Mapping[str, Location],
        override_dirs: Sequence[Path] = (),
        staleness: Staleness | None = None,
        interview_target: int = INTERVIEW_TARGET,
        facts_of: FactsOf = fact_of,
    ) -> None:
        self.data: SiteData = site_data(study, staleness, facts_of)
        self.interview_target = interview_target
        """Interviews wanted per persona and journey (the ``interview_target`` option)."""
        self.t = labels
        self.href = href
        self.paths = SimpleNamespace(**paths)
        self.environment = template_environment(override_dirs, labels)
        self.names = Names(
            personas={slug: persona.name for slug, persona in study.personas.items()},
            journeys={slug: journey.title for slug, journey in study.journeys.items()},
        )
        self.pages_later = False
        """Pages' text as :class:`PageText`, rendered when it is asked for: their views are
        worked out now, their templates rendered then."""

    def page(self, src_uri: str, template: str, title: str, **context: object) -> OutputFile:
        render = functools.partial(self._render, src_uri, template, context)
        return OutputFile(src_uri, self.later(render), title)

    def page_of(
        self,
        src_uri: str,
        template: str,
        title: str,
        context: Callable[[], Mapping[str, object]],
    ) -> OutputFile:
        """:meth:`page` with the context ``context()`` gives, worked out when the page is
        rendered: in a build, once every file is listed (for figures no other file needs)."""
        if not self.pages_later:
            return self.page(src_uri, template, title, **context())
        return OutputFile(
            src_uri, PageText(lambda: self._render(src_uri, template, context())), title
        )

    def later(self, make: Callable[[], str]) -> str | PageText:
        """A file's text: ``make()``, or in a build (:attr:`pages_later`) made when the file
        is written."""
        return PageText(make) if self.pages_later else make()

    def _render(self, src_uri: str, template: str, context: Mapping[str, object]) -> str:
        return self.environment.get_template(template).render(page_context(self, src_uri, context))

    def remember(self, name: str, made_from: tuple[object, ...], make: Callable[[], T]) -> T:
        """``make()``: what is called ``name`` (a page, a view, the files of one journey),
        worked out from ``made_from`` alone (the records of the study it reads) and what
        every page holds. The preview (:class:`journeys.building.preview.PageMemory`) keeps
        it while those are equal, without calling ``make``: after a save, the pages of
        other journeys, personas and interviews are not worked out again."""
        return make()

    def chart(
        self,
        src_uri: str,
        draw: Callable[..., bytes],
        stages: list[charts.StageSummary],
        series: list[charts.Series],
        *more: object,
    ) -> OutputFile:
        """The chart ``draw(stages, series, text, *more)`` makes, ``text`` in the site's words
        (``more``: what that chart takes besides, e.g. a journey's rounds)."""
        text = charts.ChartText(
            score_axis=self.t("chart_score_axis"),
            mean=self.t("mean"),
            spread=self.t("chart_spread"),
            peak=self.t("chart_peak"),
            n=self.t("n_equals", n="{n}"),
            small=self.t("small_sample"),
            revisit=self.t("chart_revisit"),
            interviews=self.t("chart_interview_lines"),
        )
        key = repr((draw.__name__, stages, series, text, *more))
        return OutputFile(src_uri, Chart(key, functools.partial(draw, stages, series, text, *more)))


def page_context(renderer: Renderer, src_uri: str, view: Mapping[str, object]) -> dict[str, object]:
    """All a page template gets: the labels, link and path helpers, the names of personas
    and journeys, the thresholds its rules state (``rules``), and the plain data built for
    that page (``view``). Nothing here reaches
    the study, an interview of a participant who did not consent, or a participant block
    (``tests/test_template_context.py`` walks it to prove so)."""
    return {
        "t": renderer.t,
        "url": functools.partial(renderer.href, src_uri),
        "paths": renderer.paths,
        "names": renderer.names,
        "chart_size": charts.SIZE,
        "rules": rules(renderer.data.staleness, renderer.interview_target),
        "zip": zip,
        **view,
    }


@dataclass(frozen=True)
class Rules:
    """The thresholds behind the site's labels and verdicts, so a page states its rules
    with the numbers the figures use."""

    small_sample: int
    nps_small_sample: int
    promoter_nps: int
    detractor_nps: int
    fragile_step_score: float
    stale_after_days: int
    build_date: dt.date
    interview_target: int


def rules(staleness: Staleness, interview_target: int = INTERVIEW_TARGET) -> Rules:
    return Rules(
        small_sample=SMALL_SAMPLE,
        nps_small_sample=signals.NPS_SMALL_SAMPLE,
        promoter_nps=signals.PROMOTER_NPS,
        detractor_nps=signals.DETRACTOR_NPS,
        fragile_step_score=signals.FRAGILE_STEP_SCORE,
        stale_after_days=staleness.after_days,
        build_date=staleness.build_date,
        interview_target=interview_target,
    )


@dataclass(frozen=True)
class Names:
    """Display names by slug, for links and table cells."""

    personas: dict[str, str]
    journeys: dict[str, str]


def stage_summaries(
    stages: Sequence[object], per_stage: Sequence[Stats]
) -> list[charts.StageSummary]:
    return [
        charts.StageSummary(
            stage.name,  # type: ignore[attr-defined]
            s.n,
            s.mean,
            s.low,
            s.high,
            s.small,
        )
        for stage, s in zip(stages, per_stage)
    ]


def mean_points(per_stage: Sequence[Stats]) -> tuple[tuple[float, float], ...]:
    return tuple((index, s.mean) for index, s in enumerate(per_stage) if s.mean is not None)
