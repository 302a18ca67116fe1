"""mkdocs-material's search index, made on the other cores.

Material's search plugin reads every page's HTML with Python's ``html.parser`` to cut it
into sections: in a study of 1,000 interviews that is about half of what the pages cost,
and more than making a page takes this process. During a build, :func:`offload` hands each
page (its HTML, headings, address, title and search settings) in turn to one of
:data:`INDEXERS` forked children, each running material's own indexing, while this process
goes on making the next pages. Each child keeps its pages' entries as the JSON text
material writes; at the end this process receives them and writes them in page order into
the index material itself makes (:meth:`SearchOffload.finish`): the index is the same, byte
for byte, and no process holds every page's entries as Python objects. Without material's
search plugin, or where a child cannot be forked, nothing changes. `mkdocs serve` indexes
the pages it makes again in its own process, with material's parser made quick
(:func:`index_quickly`).
"""

from __future__ import annotations

import contextlib
import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from journeys.building import isolated

try:
    from material.plugins.search import plugin as material_search  # type: ignore[import-untyped]
except ImportError:  # another theme: no material search plugin to help
    material_search = None
SearchIndex: Any = getattr(material_search, "SearchIndex", None)


@dataclass(frozen=True)
class PageToIndex:
    """What material's indexing reads of a page."""

    content: str
    toc: TableOfContents
    url: str
    title: str | None
    meta: dict[str, Any]


_NO_ENTRIES = '"docs":[]}'

INDEXERS = 2
"""Children indexing pages, every other page each: at 1,000 interviews one child took
1.3 s of CPU for what MkDocs made in 0.85 s, so MkDocs waited for it."""


class SearchOffload:
    def __init__(self, plugin: Any, path: Path) -> None:
        self.plugin = plugin
        self.path = path
        index = plugin.search_index
        self.indexers: list[isolated.Consumer[PageToIndex, list[str]]] = []
        self.pages = 0
        try:
            for _ in range(INDEXERS):
                self.indexers.append(isolated.Consumer(functools.partial(_entries_as_json, index)))
        except BaseException:  # a fork that failed: no child is left waiting
            self.stop()
            raise

    def add_entry_from_context(self, page: Page) -> None:
        """In place of the index's own method: hand the page over and go on."""
        meta = {key: page.meta[key] for key in ("search", "tags", "title") if key in page.meta}
        indexer = self.indexers[self.pages % len(self.indexers)]
        indexer.send(PageToIndex(page.content or "", page.toc, page.url, page.title, meta))
        self.pages += 1

    def finish(self) -> None:
        """Write the index, before material would, as material would (material, told it is
        done, writes nothing)."""
        try:
            parts = [indexer.result() for indexer in self.indexers]
        finally:
            self.stop()
        index = self.plugin.search_index
        index.entries = []
        without_entries = index.generate_search_index(None)
        if not without_entries.endswith(_NO_ENTRIES):
            raise RuntimeError(
                "mkdocs-material writes its search index in a form this version of "
                f"mkdocs-journeys does not know (not ending in {_NO_ENTRIES})"
            )
        in_page_order = (parts[n % len(parts)][n // len(parts)] for n in range(self.pages))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("wb") as file:  # a page at a time: no second copy of the index
            file.write(without_entries[:-2].encode())
            separator = b""
            for entries in in_page_order:
                if entries:
                    file.write(separator + entries.encode())
                    separator = b","
            file.write(b"]}")
        del index.add_entry_from_context  # the class's own method again
        self.plugin.config["enabled"] = False

    def stop(self) -> None:
        for indexer in self.indexers:
            indexer.stop()


def offload(plugins: PluginCollection, site_dir: Path) -> SearchOffload | None:
    """Make material's search index in a child process from now on, if there is one (and
    a child can be forked: kept for later, every page's HTML would wait in memory)."""
    if SearchIndex is None or not isolated.can_fork():
        return None
    for plugin in plugins.values():
        index: Any = getattr(plugin, "search_index", None)
        enabled = getattr(getattr(plugin, "config", None), "enabled", True)
        if type(index) is SearchIndex and enabled and not index.entries:
            offloaded = SearchOffload(plugin, site_dir / "search" / "search_index.json")
            index.add_entry_from_context = offloaded.add_entry_from_context
            return offloaded
    return None


def index_quickly(plugins: PluginCollection) -> None:
    """Where pages are indexed in this process (`mkdocs serve`, which cannot fork): by
    material's own indexing, with its parser made quick (:mod:`.search_parser`) meanwhile."""
    if SearchIndex is None:
        return
    for plugin in plugins.values():
        index: Any = getattr(plugin, "search_index", None)
        if type(index) is SearchIndex:
            index.add_entry_from_context = functools.partial(_index_quickly, index)


def _index_quickly(index: Any, page: Page) -> None:
    with _quick_parser():
        SearchIndex.add_entry_from_context(index, page)


def _entries_as_json(index: Any, pages: Iterator[PageToIndex]) -> list[str]:
    """Each page's entries, as material makes them, in the JSON text material writes them
    in (without the list's brackets); material's parser made quick (:mod:`.search_parser`)
    while it runs (a child process of its own, unless none could be forked)."""
    made = []
    with _quick_parser():
        for page in pages:
            index.entries = []
            SearchIndex.add_entry_from_context(index, page)
            made.append(",".join(_as_json(entry) for entry in index.entries))
    return made


@contextlib.contextmanager
def _quick_parser() -> Iterator[None]:
    from journeys.mkdocs.search_parser import SectionParser

    material_parser = material_search.Parser
    material_search.Parser = SectionParser
    try:
        yield
    finally:
        material_search.Parser = material_parser


def _as_json(entry: dict[str, Any]) -> str:
    return json.dumps(entry, separators=(",", ":"), default=str)  # material's settings
