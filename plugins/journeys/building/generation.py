"""From the content folder to the generated files, as plain functions.

:func:`generate_site` reads and checks the study, writes each generated file as it is
made and returns what later steps of the build need: the messages, the privacy guard's
watchlist and the charts still to draw. The study itself does not outlive it, so the
plugin can run it in a child process, and read each page (:class:`GeneratedFiles`) while
the child renders the next. :func:`draw_charts` draws those charts: they are
needed only when MkDocs copies files, so the plugin draws them beside the rest of the
build.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from journeys.analysis.evidence import Staleness
from journeys.analysis.facts import fact_of
from journeys.building import isolated
from journeys.building.cache import ChartCache
from journeys.building.compiled_templates import TemplateCode
from journeys.building.digests import Digests
from journeys.building.frontmatter_cache import FrontMatterCache
from journeys.building.memory import collector_paused
from journeys.building.options import Options
from journeys.building.preview import RenderMemory, load_chart_modules, write_changed
from journeys.content.diagnostics import Diagnostic
from journeys.content.loading import load_study
from journeys.content.study import Study
from journeys.privacy import contacts, guard
from journeys.site import kinds
from journeys.site.kinds import home
from journeys.site.labels import CATALOGUE, MONTHS, UNITS, Labels
from journeys.site.render import Chart, Href, OutputFile, PageText


@dataclass(frozen=True)
class SiteSettings:
    content_dir: Path
    display_root: Path
    """Paths in messages are relative to this folder."""
    public_contacts: Sequence[str]
    cache_dir: Path | None
    labels: Labels
    href: Href
    override_dirs: Sequence[Path] = ()
    pages_despite_errors: bool = False
    """While serving, pages are made even when the content has errors."""
    stale_after_days: int = Options.stale_after_days
    interview_target: int = Options.interview_target
    build_date: dt.date | None = None
    """The day evidence is judged stale against; None: :func:`build_date`."""
    docs_dir: Path | None = None
    """The site's docs_dir, where persona pictures are; None: not checked."""
    compiled_templates: Path | None = None
    """Where compiled templates are kept between builds; None: compiled every build."""


@dataclass(frozen=True)
class ChartToDraw:
    chart: Chart
    paths: list[Path]
    """Where its file is expected (two charts of a site may be the same)."""


@dataclass(frozen=True)
class Outcome:
    diagnostics: list[Diagnostic]
    watchlist: guard.Watchlist | None
    """None when no pages were made, or when it was yielded before (a build yields it
    as soon as it is worked out): :meth:`GeneratedFiles.finish` gives it either way."""
    interviews: int
    charts_to_draw: list[ChartToDraw]
    """Charts not found in the cache: their files are yielded but not yet written."""
    charts_reused: int


@dataclass(frozen=True)
class WrittenFile:
    src_uri: str
    path: Path
    """Where its content was written."""
    title: str | None = None
    """A page's title as plain text."""
    changed: bool = True
    """False when the file held these bytes already (a rebuild while serving): it was left
    alone, so MkDocs' dirty rebuild (``mkdocs serve --dirty``) skips its page."""
    text: str | None = None
    """A page sent rather than written (``send_pages``); then nothing is at ``path``."""


@dataclass(frozen=True)
class Listing:
    """Every file :func:`generate_site` will write, said before it writes the first, with
    the messages: MkDocs can set up its files and navigation, and read each page as soon
    as it is written (:class:`GeneratedFiles`)."""

    files: list[WrittenFile]
    """In the order they are written, the site's home page first."""
    diagnostics: list[Diagnostic]
    interviews: int
    charts_to_draw: list[ChartToDraw]
    """Not found in the cache: :func:`draw_charts` writes them."""
    charts_reused: int


def generate_site(
    settings: SiteSettings,
    charts: ChartCache,
    out_dir: Path,
    kept: RenderMemory | None = None,
    send_pages: bool = False,
) -> Generator[Listing | WrittenFile | guard.Watchlist, None, Outcome]:
    """Write every generated file under ``out_dir``, yielding each once written; then
    return the messages, the watchlist and the charts that :func:`draw_charts` must still
    write. The files wait on disk, like the pages in ``docs/``, rather than in memory until
    MkDocs reads them. With content errors (and not ``settings.pages_despite_errors``)
    nothing is written.

    In a build (no ``kept``), the :class:`Listing` of every file comes first: the pages'
    figures are worked out, then each page's text is rendered as it is written, in the
    order MkDocs reads them (the home page first: the site's own home page, read before
    the generated ones, may show its dashboard), so MkDocs reads the first pages while the
    others are rendered. With ``send_pages`` (a build), a page's text comes with its
    :class:`WrittenFile` instead of being written: making thousands of files costs more than
    sending their text through the worker's pipe, and the watchlist is yielded among the
    files as soon as it is worked out (the guard reads the pages with it as MkDocs writes
    them). While serving, files are yielded as they are made, so a failure leaves those
    made before it."""
    in_parts = kept is None and isolated.can_fork()  # a build's worker: on every core
    study = read_study(settings, isolated.cores() if in_parts else 1, kept)
    if study.has_errors and not settings.pages_despite_errors:
        return Outcome(study.diagnostics, None, len(study.interviews), [], 0)
    digests = Digests(kept.digests if kept is not None else None)
    if kept is not None:
        kept.digests = digests
    # What the guard looks for is needed only once the site is built. A build works it out
    # in a child from now on, on the other core (this one lists the files, MkDocs waits);
    # `mkdocs serve` last, from what it kept.
    watching = isolated.Background(
        functools.partial(study_watchlist, study, kept, digests),
        forked=kept is None,
        nice=isolated.LATER,
    )
    try:
        return (
            yield from _files(settings, study, charts, out_dir, kept, digests, send_pages, watching)
        )
    finally:
        watching.stop()


def _files(
    settings: SiteSettings,
    study: Study,
    charts: ChartCache,
    out_dir: Path,
    kept: RenderMemory | None,
    digests: Digests,
    send_pages: bool,
    watching: isolated.Background[guard.Watchlist],
) -> Generator[Listing | WrittenFile | guard.Watchlist, None, Outcome]:
    staleness = Staleness(settings.build_date or build_date(), settings.stale_after_days)
    site = kinds.renderer(
        study,
        settings.labels,
        settings.href,
        settings.override_dirs,
        staleness,
        settings.interview_target,
        kept.facts.facts_of() if kept is not None else fact_of,
    )
    templates = kept.templates if kept is not None else TemplateCode()
    templates.attach(site.environment, settings.compiled_templates)
    if kept is not None:  # by `mkdocs serve`, from one rebuild to the next
        inputs = [getattr(settings, f.name) for f in fields(settings) if f.name != "href"]
        kept.pages.attach(site, inputs, settings.href, settings.override_dirs, digests)
    else:  # a build: the pages' figures are worked out first, their text as each is written
        site.pages_later = True
    outputs: Iterable[OutputFile] = kinds.site_files(site)
    chart_files = _ChartFiles(charts)
    if kept is None:  # a build: every file listed before the first is written
        outputs = sorted(outputs, key=lambda output: output.src_uri != home.HOME)
        yield _listing(outputs, out_dir, chart_files, study)
    watchlist = None
    for output in outputs:
        yield _written(output, out_dir, chart_files, send_pages, kept)
        if watchlist is None and watching.ready():  # its child ends, its memory goes back
            watchlist = watching.result()
            yield watchlist  # the guard reads the pages with it as MkDocs writes them
    return Outcome(
        study.diagnostics,
        watching.result() if watchlist is None else None,  # sent already
        len(study.interviews),
        chart_files.to_draw_list(),
        chart_files.reused,
    )


def read_study(
    settings: SiteSettings, processes: int = 1, kept: RenderMemory | None = None
) -> Study:
    """The study, read with the front-matter cache (which is saved); the files not in it
    read in ``processes`` processes at once. With ``kept`` (by `mkdocs serve`), a file
    whose bytes did not change since the last rebuild gives the same record."""
    front_matter = FrontMatterCache(settings.cache_dir, processes)
    with collector_paused():
        study = load_study(
            settings.content_dir,
            display_root=settings.display_root,
            reader=front_matter,
            checks=[contacts.checker(settings.public_contacts)],
            docs_dir=settings.docs_dir,
            load=kept.records.loader(front_matter) if kept is not None else None,
        )
    front_matter.save()
    return study


def _listing(
    outputs: list[OutputFile], out_dir: Path, chart_files: _ChartFiles, study: Study
) -> Listing:
    for output in outputs:
        chart_files.svg(output, out_dir)
    return Listing(
        [WrittenFile(output.src_uri, out_dir / output.src_uri, output.title) for output in outputs],
        study.diagnostics,
        len(study.interviews),
        chart_files.to_draw_list(),
        chart_files.reused,
    )


def _written(
    output: OutputFile,
    out_dir: Path,
    chart_files: _ChartFiles,
    send_pages: bool,
    kept: RenderMemory | None = None,
) -> WrittenFile:
    """``output`` written under ``out_dir``; a chart still to draw is not, nor a page to
    send (``send_pages``, in a build). ``kept``: by `mkdocs serve`."""
    path = out_dir / output.src_uri
    content = output.content
    if kept is not None and not isinstance(content, Chart):
        changed = kept.written.write(path, output, functools.partial(_bytes, content))
        return WrittenFile(output.src_uri, path, output.title, changed)
    if send_pages and path.suffix == ".md" and isinstance(content, (str, PageText)):
        text = content if isinstance(content, str) else content.text()
        return WrittenFile(output.src_uri, path, output.title, text=text)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Chart):
        svg = chart_files.svg(output, out_dir)
        if svg is None:
            return WrittenFile(output.src_uri, path)
        content = svg
    changed = write_changed(path, _bytes(content))
    return WrittenFile(output.src_uri, path, output.title, changed)


def _bytes(content: str | bytes | PageText) -> bytes:
    text = content.text() if isinstance(content, PageText) else content
    return text.encode() if isinstance(text, str) else text


class _ChartFiles:
    """Each chart file's SVG from the cache, or None for a chart still to draw (one for
    all the files of a chart)."""

    def __init__(self, cache: ChartCache) -> None:
        self.cache = cache
        self.to_draw: dict[str, ChartToDraw] = {}
        self.reused = 0
        self._found: dict[str, bytes] = {}
        self._files: dict[str, bytes | None] = {}

    def svg(self, output: OutputFile, out_dir: Path) -> bytes | None:
        if output.src_uri in self._files or not isinstance(output.content, Chart):
            return self._files.get(output.src_uri)
        chart = output.content
        svg = self._found.get(chart.key) or self.cache.find(chart.key)
        if svg is None:
            drawn = self.to_draw.setdefault(chart.key, ChartToDraw(chart, []))
            drawn.paths.append(out_dir / output.src_uri)
        else:
            self._found[chart.key] = svg
            self.reused += 1
        self._files[output.src_uri] = svg
        return svg

    def to_draw_list(self) -> list[ChartToDraw]:
        return list(self.to_draw.values())


class GeneratedFiles:
    """The files of :func:`generate_site` (run in a worker) as they are written: MkDocs
    reads a generated page only once :meth:`wait_for` it returned."""

    def __init__(
        self, stream: Generator[Listing | WrittenFile | guard.Watchlist, None, Outcome]
    ) -> None:
        self._stream = stream
        self.watchlist: guard.Watchlist | None = None
        """What the guard looks for, as soon as it is sent (before the outcome, in a build)."""
        self._unwritten: set[str] = set()
        self._texts: dict[str, str] = {}
        self._outcome: Outcome | None = None
        self._failed: BaseException | None = None

    def announced(self, each: Callable[[WrittenFile], object]) -> Listing | Outcome:
        """``each`` of every file announced: in a build, those of the :class:`Listing`,
        which is returned; while serving, each as it is written, then the outcome."""
        while self._outcome is None:
            item = self._next()
            if isinstance(item, Listing):
                for file in item.files:
                    each(file)
                self._unwritten = {file.src_uri for file in item.files}
                return item
            if item is not None:
                each(item)
        return self._outcome

    def wait_for(self, src_uri: str) -> None:
        """Until the file ``src_uri`` is written; at once if it is none of the files listed."""
        while src_uri in self._unwritten and self._outcome is None:
            self._next()

    def wait_for_every_file(self) -> None:
        """Until every file listed is written."""
        while self._unwritten and self._outcome is None:
            self._next()

    def take_text(self, src_uri: str) -> str | None:
        """The text of the page ``src_uri`` if it was sent rather than written, once."""
        return self._texts.pop(src_uri, None)

    def finish(self) -> Outcome:
        """Once every file is written: the messages, the watchlist, the charts to draw."""
        while self._outcome is None:
            self._next()
        if self._outcome.watchlist is None and self.watchlist is not None:
            return dataclasses.replace(self._outcome, watchlist=self.watchlist)
        return self._outcome

    def stop(self) -> None:
        """End the worker if it still runs."""
        self._stream.close()

    def _next(self) -> Listing | WrittenFile | None:
        if self._failed is not None:  # a generator that raised is done: it would not again
            raise RuntimeError("the generated files could not all be made") from self._failed
        try:
            item = next(self._stream)
        except StopIteration as stop:
            self._outcome = stop.value
            return None
        except BaseException as error:
            self._failed = error
            raise
        if isinstance(item, guard.Watchlist):
            self.watchlist = item
            return None
        if isinstance(item, WrittenFile):
            self._unwritten.discard(item.src_uri)
            if item.text is not None:
                self._texts[item.src_uri] = item.text
        return item


def build_date(environment: Mapping[str, str] = os.environ) -> dt.date:
    """The day of the build: ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) when set, so
    a build of the same sources gives the same site on any day; else today."""
    epoch = environment.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.date.today()
    if not epoch.isdigit():
        raise ValueError(
            f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, "
            f"got {epoch!r}: set it to the time of your last commit "
            "(`git log -1 --format=%ct`) or unset it"
        )
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()


def label_texts() -> list[str]:
    """Every text the site's own labels print, in every language, with the month and unit
    names: published on purpose, so the guard takes them for no sign of a participant."""
    return [
        *(text for texts in CATALOGUE.values() for text in texts),
        *(name for names in MONTHS.values() for name in names),
        *(word for unit in UNITS.values() for words in unit.values() for word in words),
    ]


def study_watchlist(
    study: Study, kept: RenderMemory | None = None, digests: Digests | None = None
) -> guard.Watchlist:
    """What the guard looks for in the study's site; its content, the codebook and the site's
    labels are published on purpose. With ``kept`` (by `mkdocs serve`), what was read and
    found in the last rebuild is taken where it was read from the same text or interview;
    ``digests``: this build's."""
    digests = digests or Digests()
    return guard.watchlist(
        study.interviews,
        study.personas.values(),
        study.journeys.values(),
        label_texts(),
        themes=study.themes.values(),
        reader=kept.published if kept is not None else None,
        find_needles=kept.needles.finder(digests) if kept is not None else None,
        texts_of=kept.published.texts_of(digests) if kept is not None else None,
    )


def draw_charts_as_sent(charts: ChartCache, preload: bool, to_draw: Iterable[ChartToDraw]) -> int:
    """:func:`draw_charts` of the charts as they come; with ``preload``, what draws them is
    loaded first, before they are known (a build whose chart cache is empty loads it while
    the study is read)."""
    if preload:
        load_chart_modules()
    return draw_charts(to_draw, charts)


def draw_charts(to_draw: Iterable[ChartToDraw], charts: ChartCache) -> int:
    """Draw each chart, keep it in the cache and write its files; return how many were drawn."""
    drawn = 0
    for key, content in drawn_charts(to_draw):
        drawn += 1
        charts.keep(key, content)
    return drawn


def drawn_charts(to_draw: Iterable[ChartToDraw]) -> Iterator[tuple[str, bytes]]:
    """Draw each chart and write its files: its key and its SVG, for the cache."""
    for item in to_draw:
        content = item.chart.draw()
        for path in item.paths:  # maybe before generate_site came to its folder
            path.parent.mkdir(parents=True, exist_ok=True)
            write_changed(path, content)
        yield item.chart.key, content
