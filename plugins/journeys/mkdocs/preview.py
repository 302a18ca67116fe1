"""`mkdocs serve --dirty` with generated pages: a rebuild after a saved file makes only the
pages that changed, and every page when something every page shows has changed.

MkDocs' dirty rebuild reads and renders a page only when its source is newer than the page
it built; the plugin rewrites only the generated files whose bytes change
(:mod:`journeys.building.preview`). A page the rebuild skips is not read, so it has no
title or metadata, which the navigation of every other page shows: they are kept from the
build that read it, and so are its search entries. When what every page shows changes (the
navigation with its titles, mkdocs.yml, the theme's overrides, the error banner), the
skipped pages are read and made as well; so is a page that shows text made elsewhere when
that text changed (the study dashboard on the site's own home page). The privacy guard
reads again only the files whose bytes changed (:mod:`journeys.building.guard_memory`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import PluginCollection, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

from journeys.building import isolated
from journeys.building.cache import ChartCache
from journeys.building.generation import ChartToDraw, draw_charts, drawn_charts
from journeys.building.guard_memory import GuardMemory
from journeys.building.memory import RebuildCollector
from journeys.building.preview import (
    GeneratedFolder,
    RenderMemory,
    load_chart_modules,
    search_entries,
)
from journeys.mkdocs.guard_beside import GuardBeside
from journeys.mkdocs.written_later import DrawnLater
from journeys.privacy.needles import Watchlist

log = get_plugin_logger(__name__)


class Preview:
    """What one `mkdocs serve` keeps from a build for the next."""

    def __init__(self) -> None:
        self.folder = GeneratedFolder()
        self.rendering = RenderMemory()
        """The generated pages' compiled templates, and the pages as rendered."""
        self.nav: Navigation | None = None
        self.shown: dict[str, tuple[str | None, dict[str, Any]]] = {}
        """Each page's title and metadata, as the last build that read it left them."""
        self.everywhere: str | None = None
        """What every page shows, as the last build saw it (:func:`shown_everywhere`)."""
        self.pages: set[str] = set()
        self.made: set[str] = set()
        """The URLs of this build's pages, and of those it made."""
        self.search: list[Any] = []
        self.guard = GuardMemory()
        self.inputs: dict[str, str] = {}
        self.charts = ChartsBeside()
        self.guard_beside = GuardBeside()
        self.serving = False
        """The first build is done and the server runs: every build now is a rebuild."""
        self.collector = RebuildCollector()
        """Paused during each rebuild (see :class:`RebuildCollector`)."""

    def start_children(
        self, watchlist: Watchlist | None, site_dir: Path, theme_dirs: list[Path]
    ) -> None:
        """The children that draw the charts and read the pages for the guard beside each
        rebuild: forked in the first build, told what to look for in each."""
        self.charts.start()
        self.guard_beside.start()
        self.guard_beside.rebuild(watchlist, site_dir, theme_dirs)

    def stop_children(self) -> None:
        self.charts.stop()
        self.guard_beside.stop()

    def page_made(self, url: str, written_to: Path) -> None:
        self.made.add(url)
        self.guard_beside.page_made(written_to)

    def pages_done(self, charts: ChartCache) -> None:
        """Every page is written: the last one goes to be read beside the rest of the
        rebuild; the charts drawn beside are copied (:meth:`ChartsBeside.copy_drawn`)."""
        self.guard_beside.pages_written()
        self.charts.copy_drawn(charts)

    def rebuild_starts(self) -> None:
        if self.serving:
            self.collector.pause()

    def rebuild_ends(self) -> None:
        self.collector.resume()

    def generated(self, files: Files, generated: set[str]) -> None:
        """After the plugin made its files: remove those of the last build it did not make
        again (an interview deleted or renamed), and their pages."""
        built = {file.src_uri: file.abs_dest_path for file in files if file.src_uri in generated}
        self.folder.forget_vanished(built)

    def before_pages(
        self,
        env: Any,
        config: MkDocsConfig,
        files: Files,
        everywhere_too: Sequence[str],
        shown_in: Mapping[str, str],
    ) -> None:
        """Give the pages this rebuild skips what the last one read from them; when what
        every page shows has changed, read and make them too, and so each page whose text
        from elsewhere (``shown_in``: source URI to text, such as the study dashboard on
        the site's own home page) has changed."""
        pages = [
            file.page
            for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            if file.page is not None
        ]
        skipped = [page for page in pages if page.markdown is None]
        given_titles = []
        for page in skipped:
            title, meta = self.shown.get(page.file.src_uri, (None, {}))
            page.meta = dict(meta)
            if page.title is None:  # not given by the nav
                page.title = title
                given_titles.append(page)
        everywhere = shown_everywhere(self.nav, config, everywhere_too)
        if self.everywhere not in (None, everywhere):
            log.info("every page is made again: the navigation, the settings or the banner changed")
            again = skipped
        else:
            again = [
                p
                for p in skipped
                if self.inputs.get(p.file.src_uri) != shown_in.get(p.file.src_uri)
            ]
        for page in again:
            if page in given_titles:
                del page.title  # read from the page again
            make_again(page, config, files)
        self.everywhere = everywhere
        self.inputs = dict(shown_in)
        self.shown = {page.file.src_uri: (page.title, dict(page.meta)) for page in pages}
        self.pages = {page.url for page in pages}
        self.made = set()

    def keep_search_entries(self, plugins: PluginCollection) -> None:
        """Before the search plugin writes its index: add the entries of the pages this
        rebuild skipped. (mkdocs-material keeps its last index under ``--dirty``, but takes
        a rebuild to make one page, so it would drop or repeat the entries of others.)"""
        for plugin in plugins.values():
            index: Any = getattr(plugin, "search_index", None)
            if not isinstance(getattr(index, "entries", None), list):
                continue
            index.entries = search_entries(self.search, index.entries, self.pages - self.made)
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None  # merged here instead
            self.search = list(index.entries)


class ChartsBeside:
    """The charts a save changed, drawn by a child process beside MkDocs making the pages.
    The child is forked once, in the first build, and kept for the session: a rebuild cannot
    fork (the server's threads run). MkDocs' copy of a chart being drawn waits until the
    rebuild's end (:meth:`copy_drawn`, before the other plugins' ``on_post_build`` and the
    guard). If the child stops, its charts are drawn here."""

    def __init__(self) -> None:
        self.child: isolated.Service[list[ChartToDraw], list[tuple[str, bytes]]] | None = None
        self.asked: list[ChartToDraw] = []
        self.to_copy: list[tuple[File, bool]] = []

    def start(self) -> None:
        """Fork the child, if it is not running and this process can (in the first build)."""
        if self.child is None and isolated.can_fork():
            self.child = isolated.Service(_drawn, first=load_chart_modules)

    def draw(self, to_draw: list[ChartToDraw], files: Files, config: MkDocsConfig) -> bool:
        """Hand ``to_draw`` to the child, their files to :class:`DrawnLater` files; whether
        the child took them (else they are the caller's to draw)."""
        if self.child is None or not self.child.running():
            return False
        paths = {str(path) for chart in to_draw for path in chart.paths}
        for file in [file for file in files if file.abs_src_path in paths]:
            files.remove(file)
            later = DrawnLater.generated(
                config, file.src_uri, abs_src_path=str(file.abs_src_path), inclusion=file.inclusion
            )
            assert isinstance(later, DrawnLater)
            later.copy_later = self._copy_later
            files.append(later)
        self.child.ask(to_draw)
        self.asked.extend(to_draw)
        return True

    def _copy_later(self, file: File, dirty: bool) -> None:
        self.to_copy.append((file, dirty))

    def copy_drawn(self, charts: ChartCache) -> None:
        """Once the child has drawn the charts asked for: keep them in ``charts`` and copy
        their files, as MkDocs would have."""
        asked, self.asked = self.asked, []
        to_copy, self.to_copy = self.to_copy, []
        try:
            while self.child is not None and self.child.waiting():
                for key, svg in self.child.answer():
                    charts.keep(key, svg)
        except isolated.WorkerStopped:
            log.warning("journeys: the charts' process stopped; charts are drawn in this one")
            self.stop()
            draw_charts(asked, charts)
        for file, dirty in to_copy:
            File.copy_file(file, dirty)

    def stop(self) -> None:
        if self.child is not None:
            self.child.stop()
            self.child = None


def _drawn(to_draw: list[ChartToDraw]) -> list[tuple[str, bytes]]:
    return list(drawn_charts(to_draw))


def rebuild_at_once(server: Any) -> None:
    """Start a rebuild as soon as MkDocs' file watcher reports a change. MkDocs' server
    then waits 0.1 s for more changes. Its watcher looks at each watched folder every
    0.5 s and reports what changed in it since, together (a save and an editor's temporary
    file alike), so that wait gathers more only when two folders' reports fall within
    0.1 s of each other; a change reported later makes another rebuild either way."""
    if isinstance(getattr(server, "build_delay", None), (int, float)):
        server.build_delay = 0


def make_again(page: Page, config: MkDocsConfig, files: Files) -> None:
    """Read a page the dirty rebuild skipped, with MkDocs' own step that reads a page (as a
    full build runs it), and date its built copy back so that it is made again."""
    with contextlib.suppress(FileNotFoundError):
        os.utime(page.file.abs_dest_path, (0, 0))
    _populate_page(page, config, files)


def shown_everywhere(nav: Navigation | None, config: MkDocsConfig, too: Sequence[str]) -> str:
    """What every page shows, as text to compare: the navigation with its titles and
    metadata (icons, status), mkdocs.yml, the theme's overrides, and ``too``."""
    config_file = Path(config.config_file_path) if config.config_file_path else None
    overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    parts = [
        [_item(item) for item in nav.items] if nav is not None else None,
        hashlib.sha256(config_file.read_bytes()).hexdigest() if config_file else None,
        sorted(_stamps(overrides)) if overrides is not None else None,
        list(too),
    ]
    return repr(parts)  # an object without a repr of its own differs each time: all again


def _item(item: StructureItem) -> list[Any]:
    if isinstance(item, Page):
        return ["page", item.url, item.title, item.meta]
    if isinstance(item, Section):
        return ["section", item.title, [_item(child) for child in item.children]]
    if isinstance(item, Link):
        return ["link", item.title, item.url]
    return [type(item).__name__, repr(item)]


def _stamps(folder: Path) -> list[tuple[str, int, int]]:
    stamps = []
    for directory, _, names in os.walk(folder):
        for name in names:
            path = Path(directory, name)
            with contextlib.suppress(OSError):
                status = path.stat()
                stamps.append((str(path), status.st_mtime_ns, status.st_size))
    return stamps
