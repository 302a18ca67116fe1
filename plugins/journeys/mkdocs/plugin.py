"""The MkDocs adapter: loads the study with the core and hands its files to MkDocs.

Every handler is thin; the work is done by plain functions of the core.
"""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from journeys.building import compiled_templates, generation, isolated
from journeys.building.cache import ChartCache, cache_directory
from journeys.building.preview import after_the_first_build
from journeys.content.diagnostics import Diagnostic, Severity, has_errors
from journeys.mkdocs import banner, guarding, navigation, preview, search_index, theme
from journeys.mkdocs.config import JourneysConfig
from journeys.mkdocs.dashboard import HomeDashboard
from journeys.mkdocs.guard_ahead import GuardAhead, theme_dirs
from journeys.mkdocs.pages import html_text, plain_toc_titles, url_resolver
from journeys.mkdocs.written_later import WrittenLater
from journeys.privacy import folders, guard
from journeys.site import kinds, passthrough, render
from journeys.site.kinds import home
from journeys.site.labels import Labels

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent.parent / "site" / "assets"
STYLESHEET = f"{render.ASSET_DIR}/journeys.css"
SCRIPT = f"{render.ASSET_DIR}/journeys.js"


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.diagnostics: list[Diagnostic] = []
        self.watchlist: guard.Watchlist | None = None
        self.generated: set[str] = set()
        self.titles: dict[str, str] = {}
        self.kept_charts: ChartCache | None = None
        self.set_aside: dict[str, passthrough.SetAside] = {}
        self.placeholder = f"journeys{secrets.token_hex(8)}"
        self.written: Path | None = None
        self.preview = preview.Preview()
        """What `mkdocs serve` keeps across rebuilds, so that a rebuild makes only the pages
        that changed (with `--dirty`)."""
        self.drawing: isolated.Consumer[generation.ChartToDraw, int] | None = None
        self.indexing: search_index.SearchOffload | None = None
        self.guard_ahead: GuardAhead | None = None
        self.dashboard = HomeDashboard(self.sent_text)
        self.generating: generation.GeneratedFiles | None = None
        self.theme_code = compiled_templates.TemplateCode()
        """The theme's compiled templates (MkDocs makes its environment anew every build)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defined so MkDocs keeps this object across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.preview.rebuild_starts()
        self.diagnostics = []
        self.watchlist = None
        self.generated = set()
        self.titles = {}
        self.set_aside = {}
        self.dashboard = HomeDashboard(self.sent_text)
        problems = folders.publishing_problems(
            project=project_dir(config),
            docs_dir=Path(config.docs_dir),
            site_dir=Path(config.site_dir),
            content_dir=project_dir(config) / self.config.content_dir,
            cache_dir=self.cache_dir(config),
            theme_dirs=[Path(folder) for folder in config.theme.dirs],
        )
        if problems:
            raise PluginError(
                "journeys: these settings would publish what must stay private:\n"
                + "\n".join(problems)
            )
        for extra, path in ((config.extra_css, STYLESHEET), (config.extra_javascript, SCRIPT)):
            if path not in extra:
                extra.append(path)
        theme.add_partials(config)
        return config

    def content_dir(self, config: MkDocsConfig) -> Path:
        return (project_dir(config) / self.config.content_dir).resolve()

    def cache_dir(self, config: MkDocsConfig) -> Path | None:
        return cache_directory(project_dir(config), self.config.cache, self.config.cache_dir)

    def chart_cache(self, config: MkDocsConfig) -> ChartCache:
        """One cache for the life of this object: `mkdocs serve` rebuilds reuse it."""
        directory = self.cache_dir(config)
        if self.kept_charts is None or self.kept_charts.directory != directory:
            self.kept_charts = ChartCache(directory)
        return self.kept_charts

    def labels(self, config: MkDocsConfig) -> Labels:
        return Labels.for_language(config.theme.get("language"))

    def site_settings(self, config: MkDocsConfig) -> generation.SiteSettings:
        return generation.SiteSettings(
            content_dir=self.content_dir(config),
            display_root=self.content_dir(config).parent,
            public_contacts=self.config.public_contacts,
            cache_dir=self.cache_dir(config),
            labels=self.labels(config),
            href=url_resolver(config.use_directory_urls),
            override_dirs=[Path(d) for d in config.theme.dirs],
            pages_despite_errors=self.serving,
            stale_after_days=self.config.stale_after_days,
            interview_target=self.config.interview_target,
            build_date=build_date(),
            docs_dir=Path(config.docs_dir),
            compiled_templates=self.templates_folder(),
        )

    def templates_folder(self) -> Path | None:
        """Compiled templates are kept with the user's caches unless `cache: false`."""
        return compiled_templates.user_folder() if self.config.cache else None

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        settings = self.site_settings(config)
        self.stop_workers()
        self.remove_written()
        # While serving, one folder for the session: an unchanged file keeps its time.
        self.written = (
            self.preview.folder.open()
            if self.serving
            else Path(tempfile.mkdtemp(prefix="journeys-"))
        )
        work = functools.partial(
            generation.generate_site,
            settings,
            self.chart_cache(config),
            self.written,
            self.preview.rendering if self.serving else None,
            send_pages=not self.serving,
        )
        # A build reads the study in a child process, so its memory is given back before
        # MkDocs converts every page, and MkDocs reads each page as soon as the child has
        # sent it (WrittenLater). `mkdocs serve` reads here: it keeps drawn charts in
        # memory across rebuilds.
        if not self.serving and self.chart_cache(config).holds_none():
            # Every chart is to draw: what draws them loads while the study is read.
            self.drawing = self.chart_worker(config, preload=True)
        self.generating = generation.GeneratedFiles(isolated.run(work, forked=not self.serving))
        try:
            with worker_stops_the_build():
                made = self.generating.announced(
                    lambda output: self.add_generated(files, config, output)
                )
                self.watchlist = self.generating.finish().watchlist if self.serving else None
        except Exception as error:  # `mkdocs serve` must keep serving, whatever failed
            if not self.serving:
                raise
            made = banner.unexpected_failure(error, self.config.content_dir)
            self.drop_unwritten(files)
        if self.serving:
            self.preview.generated(files, self.generated)
        self.diagnostics = made.diagnostics
        report(made.diagnostics)
        if has_errors(made.diagnostics) and not self.serving:
            raise PluginError(
                "journeys: the research content has errors (listed above); "
                f"run `journeys check {self.config.content_dir}` to see them without building"
            )
        again = f" ({self.preview.rendering.pages.rendered} rendered)" if self.serving else ""
        log.info(
            f"{made.interviews} interviews, {len(self.titles)} pages{again}; "
            f"charts: {len(made.charts_to_draw)} to draw, {made.charts_reused} from the cache"
        )
        for asset in (STYLESHEET, SCRIPT):
            files.append(File.generated(config, asset, abs_src_path=str(ASSETS / Path(asset).name)))
        self.start_workers(made.charts_to_draw, files, config)
        return files

    def start_workers(
        self, charts_to_draw: list[generation.ChartToDraw], files: Files, config: MkDocsConfig
    ) -> None:
        """The work that runs beside MkDocs making the pages, in child processes."""
        if self.serving:  # by the preview's children, forked in the first build, if any
            self.preview.start_children(self.watchlist, Path(config.site_dir), theme_dirs(config))
            if charts_to_draw and self.preview.charts.draw(charts_to_draw, files, config):
                charts_to_draw = []
        # Drawn beside MkDocs reading the pages; waited for in on_env, before files are
        # copied (else by `mkdocs serve` in on_env, kept in memory across rebuilds).
        if charts_to_draw and self.drawing is None:
            self.drawing = self.chart_worker(config, preload=False)
        for chart in charts_to_draw:
            assert self.drawing is not None  # made above
            self.drawing.send(chart)
        if not self.serving:
            # Forked now, before MkDocs holds every page's HTML (a child forked later would
            # count a copy of it in its memory); pages are handed to it as they are made.
            self.indexing = search_index.offload(config.plugins, Path(config.site_dir))
            assert self.generating is not None  # a build's worker started in on_files
            self.guard_ahead = GuardAhead(
                Path(config.site_dir), theme_dirs(config), self.generating
            )
        else:
            search_index.index_quickly(config.plugins)

    def chart_worker(
        self, config: MkDocsConfig, *, preload: bool
    ) -> isolated.Consumer[generation.ChartToDraw, int]:
        draw = functools.partial(generation.draw_charts_as_sent, self.chart_cache(config), preload)
        return isolated.Consumer(draw, forked=not self.serving, nice=isolated.LATER)

    def drop_unwritten(self, files: Files) -> None:
        """Leave out generated files that were announced but not written (charts still to
        be drawn when generation stopped): MkDocs would fail copying them."""
        for file in list(files):
            if file.src_uri in self.generated and not Path(file.abs_src_path or "").is_file():
                files.remove(file)
                self.generated.discard(file.src_uri)

    def add_generated(
        self, files: Files, config: MkDocsConfig, output: generation.WrittenFile
    ) -> None:
        if self.dashboard.takes(output, files):
            return
        inclusion = (
            InclusionLevel.UNDEFINED if kinds.in_nav(output.src_uri) else InclusionLevel.NOT_IN_NAV
        )
        # While serving, every file is written before MkDocs reads any (with its time, for
        # `--dirty`); a build's are listed first and made while MkDocs reads the first.
        kind = File if self.serving else WrittenLater
        file = kind.generated(
            config, output.src_uri, abs_src_path=str(output.path), inclusion=inclusion
        )
        if isinstance(file, WrittenLater):
            file.until_written = functools.partial(self.receive, file)
        files.append(file)
        self.generated.add(output.src_uri)
        if output.title is not None:
            self.titles[output.src_uri] = output.title

    # After other plugins built their part of the nav: ours is rebuilt into fixed sections.
    @event_priority(-50)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.preview.nav = navigation.arrange(
            nav, files, self.generated, self.labels(config), self.config.research_first
        )
        return self.preview.nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # The title as HTML: themes print `page.meta.title` unescaped (and material's
        # fallback `page.title | striptags` would unescape `&lt;` into live markup).
        title = self.titles.get(page.file.src_uri)
        if title is not None:
            page.meta["title"] = html_text(title)
        if page.file.src_uri not in self.generated:
            placed = self.dashboard.placed(markdown, page, self.placeholder)
            if placed is None:
                return markdown
            markdown, self.set_aside[page.file.src_uri] = placed
            return markdown
        aside = passthrough.set_aside(markdown, self.placeholder)
        self.set_aside[page.file.src_uri] = aside
        return aside.markdown

    def receive(self, file: File) -> None:
        """Until the worker has made the generated ``file``: a page it sent rather than
        wrote becomes the file's content."""
        text = self.sent_text(file.src_uri)
        if text is not None:
            file.content_string = text

    def sent_text(self, src_uri: str) -> str | None:
        """Once the worker has made the generated file ``src_uri``: its text if it was sent
        rather than written (given once)."""
        self.wait_for(src_uri)
        return self.generating.take_text(src_uri) if self.generating is not None else None

    def wait_for(self, src_uri: str) -> None:
        """Until the generated file ``src_uri`` is written (a build writes them while MkDocs
        reads the first)."""
        if self.generating is not None:
            with worker_stops_the_build():
                self.generating.wait_for(src_uri)

    # First: other plugins see the page as it is published, not its set-aside form.
    @event_priority(100)
    def on_page_content(
        self, content: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        aside = self.set_aside.pop(page.file.src_uri, None)
        if aside is None:
            return content
        page.present_anchor_ids = (page.present_anchor_ids or set()) | aside.anchor_ids
        plain_toc_titles(page.toc)
        return passthrough.plain_punctuation(passthrough.put_back(content, self.placeholder, aside))

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.preview.page_made(page.url, Path(page.file.abs_dest_path))
        if self.guard_ahead is not None:
            self.guard_ahead.page_made(Path(page.file.abs_dest_path))
        # While serving, content errors are shown in the browser too (the build carries on).
        if self.serving and has_errors(self.diagnostics):
            return banner.insert(output, self.diagnostics)
        return output

    # First: the chart files must exist before any other plugin's on_env might read them.
    @event_priority(100)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.generating is not None:  # before MkDocs copies the downloads
            with worker_stops_the_build():
                self.generating.wait_for_every_file()
        if self.drawing is not None:
            drawing, self.drawing = self.drawing, None
            with worker_stops_the_build():
                drawing.result()
        theme.add_words(env, self.labels(config))
        self.theme_code.attach(env, self.templates_folder())
        if self.serving:  # the error banner is on every page; the dashboard, on the home page
            errors = banner.render(self.diagnostics) if has_errors(self.diagnostics) else ""
            self.preview.before_pages(
                env, config, files, [errors], {home.HOME: self.dashboard.markdown() or ""}
            )
        return env

    # Before any other handler, which may read the charts from the site.
    @event_priority(100)
    def copy_drawn_charts(self, *, config: MkDocsConfig) -> None:
        self.preview.pages_done(self.chart_cache(config))

    # Before the search plugin writes its index (priority 0).
    @event_priority(50)
    def keep_search_entries(self, *, config: MkDocsConfig) -> None:
        if self.indexing is not None:
            indexing, self.indexing = self.indexing, None
            with worker_stops_the_build():
                indexing.finish()
        if self.serving:
            self.preview.keep_search_entries(config.plugins)

    # Last, after every other handler (a hook's too) wrote its files: the guard must see
    # all of them.
    @event_priority(float("-inf"))
    def guard_site(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        try:
            with guarding.emptied_unless_checked(site_dir, serving=self.serving):
                leaks = self.find_leaks(config, site_dir)
            if leaks is not None:
                guarding.report_leaks(leaks, site_dir, strict=config.strict, serving=self.serving)
        finally:
            self.preview.rebuild_ends()

    def find_leaks(self, config: MkDocsConfig, site_dir: Path) -> list[guard.Leak] | None:
        if self.generating is not None and not self.serving:
            with worker_stops_the_build():  # worked out while MkDocs made the pages
                self.watchlist = self.generating.finish().watchlist
        self.remove_written()
        if self.watchlist is None:
            return None
        themes, publish_unread = theme_dirs(config), self.config.publish_unread
        if self.serving:  # a file unchanged since it was read is not read again
            read_beside = self.preview.guard_beside.read_before
            return self.preview.guard.find_leaks(
                site_dir, self.watchlist, themes, publish_unread, read_beside
            )
        ahead = self.guard_ahead.read_before() if self.guard_ahead is not None else None
        in_parts = guard.InParts(isolated.cores(), isolated.in_parts)  # the other work is done
        return guard.find_leaks(
            site_dir, self.watchlist, themes, publish_unread, in_parts=in_parts, read_before=ahead
        )

    on_post_build = CombinedEvent(copy_drawn_charts, keep_search_entries, guard_site)

    def on_build_error(self, *, error: Exception) -> None:
        self.preview.rebuild_ends()
        self.stop_workers()
        self.remove_written()

    def on_shutdown(self) -> None:
        self.stop_workers()
        self.remove_written()
        self.preview.folder.remove()
        self.preview.stop_children()

    def stop_workers(self) -> None:
        """End the workers (the generated files, charts, search index, the guard's reading
        ahead) if they still run."""
        for worker in (self.generating, self.drawing, self.indexing, self.guard_ahead):
            if worker is not None:
                worker.stop()
        self.generating = self.drawing = self.indexing = self.guard_ahead = None

    def remove_written(self) -> None:
        """The generated files wait in a temporary folder until the site is written (while
        serving, in the preview's folder, kept until the end)."""
        if self.written is not None and self.written != self.preview.folder.path:
            shutil.rmtree(self.written, ignore_errors=True)
        self.written = None

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir(config)))
        preview.rebuild_at_once(server)
        self.preview.serving = True
        after_the_first_build(load_charts=self.preview.charts.child is None)
        return server


@contextmanager
def worker_stops_the_build() -> Iterator[None]:
    try:
        yield
    except isolated.WorkerStopped as stopped:
        raise PluginError(f"journeys: {stopped}; the site was not built") from None


def build_date() -> dt.date:
    """The day evidence is judged stale against; a malformed ``SOURCE_DATE_EPOCH`` is the
    build's error, said in a sentence."""
    try:
        return generation.build_date()
    except ValueError as error:
        raise PluginError(f"journeys: {error}") from None


def project_dir(config: MkDocsConfig) -> Path:
    """Absolute: `mkdocs serve` reads a relative mkdocs.yml first, then an absolute one, and
    a changed setting would make every generated page again."""
    return Path(config.config_file_path or "mkdocs.yml").absolute().parent


def report(diagnostics: list[Diagnostic]) -> None:
    """Through MkDocs' logger, so `--strict` counts the warnings."""
    for diagnostic in diagnostics:
        emit = log.error if diagnostic.severity is Severity.ERROR else log.warning
        emit(diagnostic.format())
