"""mkdocs-material's search index, made on the other core.

Material's search plugin reads every page's HTML with Python's ``html.parser`` to cut it
into sections: in a study of 1,000 interviews that is about half of what the pages cost.
During a build, :func:`offload` hands each page (its HTML, headings, address, title and
search settings) to a forked child that runs material's own indexing, in page order, while
this process goes on making the next pages; before material writes the index, :meth:`
SearchOffload.finish` puts the child's entries in its place. The index is the same, byte
for byte. Without material's search plugin, or where a child cannot be forked, nothing
changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


class SearchOffload:
    def __init__(self, index: Any) -> None:
        self.index = index
        self.indexer: isolated.Consumer[PageToIndex, list[dict[str, Any]]] = isolated.Consumer(
            lambda pages: _entries(index, pages)
        )

    def add_entry_from_context(self, page: Page) -> None:
        """In place of the index's own method: hand the page over and go on."""
        meta = {key: page.meta[key] for key in ("search", "tags", "title") if key in page.meta}
        self.indexer.send(PageToIndex(page.content or "", page.toc, page.url, page.title, meta))

    def finish(self) -> None:
        """Put the entries made in the child in the index (before material writes it)."""
        entries = self.indexer.result()
        del self.index.add_entry_from_context  # the class's own method again
        self.index.entries = [*self.index.entries, *entries]

    def stop(self) -> None:
        self.indexer.stop()


def offload(plugins: PluginCollection) -> SearchOffload | None:
    """Make material's search index in a child process from now on, if there is one."""
    if SearchIndex is None:
        return None
    for plugin in plugins.values():
        index: Any = getattr(plugin, "search_index", None)
        enabled = getattr(getattr(plugin, "config", None), "enabled", True)
        if type(index) is SearchIndex and enabled and not index.entries:
            offloaded = SearchOffload(index)
            index.add_entry_from_context = offloaded.add_entry_from_context
            return offloaded
    return None


def _entries(index: Any, pages: Iterator[PageToIndex]) -> list[dict[str, Any]]:
    for page in pages:
        SearchIndex.add_entry_from_context(index, page)
    entries: list[dict[str, Any]] = index.entries
    return entries
