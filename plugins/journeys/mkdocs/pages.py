"""What the adapter gives MkDocs' pages: links between generated files by MkDocs' own URL
rules, and titles as the theme prints them."""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable

from mkdocs.structure.files import File
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from journeys.site import passthrough, render


def html_text(text: str) -> str:
    """Plain text as HTML for a theme to print: ``& < > "`` escaped; ``'`` as it is, since
    Material escapes titles again in attributes (`Eva's` would read `Eva&#x27;s`)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def plain_toc_titles(items: Iterable[AnchorLink]) -> None:
    """The table of contents shows a generated heading's text as the page does."""
    for item in items:
        item.title = passthrough.plain_punctuation(item.title)
        plain_toc_titles(item.children)


@functools.cache  # one per URL style: while serving, unchanged links keep pages unchanged
def url_resolver(use_directory_urls: bool) -> render.Href:
    """``href(from_src_uri, to_src_uri)`` by MkDocs' own URL rules, for both URL styles."""

    @functools.cache
    def url_of(src_uri: str) -> str:
        return File(src_uri, src_dir=None, dest_dir="", use_directory_urls=use_directory_urls).url

    def href(from_src: str, to_src: str) -> str:
        return get_relative_url(url_of(to_src), url_of(from_src))

    return href
