"""Place the generated pages in the site navigation: the home page first, then one section
per page kind, in the kinds' order (:mod:`journeys.site.kinds`), before the site's own
pages (or after them: the ``research_first`` option).

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
from journeys.site.kinds.home import OWN_HOMES
from journeys.site.labels import Labels


def arrange(
    nav: Navigation,
    files: Files,
    generated: set[str],
    labels: Labels,
    research_first: bool = True,
) -> Navigation:
    """The home page (the site's own or the generated one), then one section per kind of
    generated page and the site's other nav items, or those items first."""
    own = _without(nav.items, generated)
    home = own[:1] if own and _is_home(own[0]) else []
    others = own[len(home) :]
    research: list[StructureItem] = []
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
            (home if _is_home(page) else research).append(page)
        elif section_pages:
            research.append(Section(title, list(section_pages)))
    ordered = [*research, *others] if research_first else [*others, *research]
    return _navigation([*home, *ordered])


def _is_home(item: StructureItem) -> bool:
    return isinstance(item, Page) and item.file.src_uri in OWN_HOMES


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
