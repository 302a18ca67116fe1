"""mkdocs-material's search index, made on the other core.

Material's search plugin reads every page's HTML with Python's ``html.parser`` to cut it
into sections: in a study of 1,000 interviews that is about half of what the pages cost.
During a build, :func:`offload` hands each page (its HTML, headings, address, title and
search settings) to a forked child that runs material's own indexing, in page order, while
this process goes on making the next pages; at the end the child writes the index with
material's own code, in material's place (:meth:`SearchOffload.finish`); this process
never holds every page's entries. The index is the same, byte for byte. Without
material's search plugin, or where a child cannot be forked, nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.plugins import PluginCollection
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils import write_file

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


class SearchOffload:
    def __init__(self, plugin: Any, path: Path) -> None:
        self.plugin = plugin
        index = plugin.search_index
        self.indexer: isolated.Consumer[PageToIndex, None] = isolated.Consumer(
            lambda pages: _write_index(index, pages, path)
        )

    def add_entry_from_context(self, page: Page) -> None:
        """In place of the index's own method: hand the page over and go on."""
        meta = {key: page.meta[key] for key in ("search", "tags", "title") if key in page.meta}
        self.indexer.send(PageToIndex(page.content or "", page.toc, page.url, page.title, meta))

    def finish(self) -> None:
        """Have the child write the index, before material would: this process never holds
        every page's entries (material, told it is done, writes nothing)."""
        self.indexer.result()
        del self.plugin.search_index.add_entry_from_context  # the class's own method again
        self.plugin.config["enabled"] = False

    def stop(self) -> None:
        self.indexer.stop()


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


def _write_index(index: Any, pages: Iterator[PageToIndex], path: Path) -> None:
    """Index the pages as material does, then write the index as its search plugin does."""
    for page in pages:
        SearchIndex.add_entry_from_context(index, page)
    write_file(index.generate_search_index(None).encode("utf-8"), str(path))
