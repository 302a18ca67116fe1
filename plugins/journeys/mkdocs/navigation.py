"""Place the generated pages in the site navigation: one section per page kind, in the
kinds' order (:mod:`journeys.site.kinds`), after the site's own pages.

A kind may keep pages out of the navigation (interview pages are reached from their
index): mkdocs-material renders the whole nav into every page, so a nav of thousands of
interviews would make builds quadratic.
"""

from __future__ import annotations

import html

from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from journeys.site import kinds
from journeys.site.labels import Labels


def arrange(nav: Navigation, files: Files, generated: set[str], labels: Labels) -> Navigation:
    """The user's own nav items first, then one section per kind of generated page."""
    items = _without(nav.items, generated)
    for kind in kinds.KINDS:
        section_pages = [
            file.page
            for file in sorted(files.documentation_pages(), key=_order)
            if file.src_uri in generated
            and file.src_uri.startswith(kind.folder)
            and kind.in_nav(file.src_uri)
            and file.page is not None
        ]
        # Themes print nav titles as HTML.
        title = html.escape(labels(kind.title), quote=False)
        if len(section_pages) == 1:
            page = section_pages[0]
            page.title = title
            items.append(page)
        elif section_pages:
            items.append(Section(title, list(section_pages)))
    return _navigation(items)


def _order(file: object) -> tuple[bool, str]:
    src_uri: str = file.src_uri  # type: ignore[attr-defined]
    return (not src_uri.endswith("/index.md"), src_uri)


def _without(items: list[StructureItem], generated: set[str]) -> list[StructureItem]:
    kept: list[StructureItem] = []
    for item in items:
        if isinstance(item, Page) and item.file.src_uri in generated:
            continue
        if isinstance(item, Section):
            item.children = _without(item.children, generated)
            if not item.children:
                continue
        kept.append(item)
    return kept


def _navigation(items: list[StructureItem]) -> Navigation:
    pages_in_order: list[Page] = []

    def walk(children: list[StructureItem], parent: Section | None) -> None:
        for item in children:
            item.parent = parent
            if isinstance(item, Page):
                pages_in_order.append(item)
            elif isinstance(item, Section):
                walk(item.children, item)

    walk(items, None)
    for previous, following in zip([None, *pages_in_order], pages_in_order):
        following.previous_page = previous
        if previous is not None:
            previous.next_page = following
    if pages_in_order:
        pages_in_order[-1].next_page = None
    return Navigation(items, pages_in_order)
