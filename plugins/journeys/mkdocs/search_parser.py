"""mkdocs-material's search parser, with the same result in less time.

Material's ``Parser`` cuts a page's HTML into sections. Python's ``html.parser`` reads the
tags; for every tag and every run of text, material's handlers then ask which of the
elements the tag stands in are skipped (``set.intersection`` over them, each hashed and
compared by a method written in Python) and whether a heading is among them. On the
generated pages, rich in tags, that asking took more time than reading the tags.
:class:`SectionParser` keeps a count of the open elements by tag, so each question is a
lookup or a few, and otherwise does what material's handlers do, line for line: the same
sections, titles and texts (``tests/test_search_parser.py`` compares the two).

Material's ``Element`` compares by its tag alone, and equals a ``str`` of that tag: its
skip list (``object``, ``script``, ``style``, and each element marked
``data-search-exclude``) is thus a set of tag names, an element is "in" the open elements
when one of them has its tag, and so on. The counts keep those meanings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from html import escape, unescape
from typing import Any

from material.plugins.search.plugin import (  # type: ignore[import-untyped]
    Element,
    Parser,
    Section,
    void,
)

_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_KEPT_SKIPPED = ("script", "style", "object")

_NAME = r"[a-zA-Z][a-zA-Z0-9-]*"
_ATTRIBUTE_NAME = r"[a-zA-Z_:][-a-zA-Z0-9_:.]*"
_ATTRIBUTE = re.compile(rf"""\s+({_ATTRIBUTE_NAME})(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?""")
_ATTRIBUTES = rf"""(?:\s+{_ATTRIBUTE_NAME}(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*"""
_TOKEN = re.compile(rf"([^<]+)|</({_NAME})>|<({_NAME})({_ATTRIBUTES})\s*(/?)>|(<)")
"""Text up to a tag; an end tag; a start tag whose attributes are quoted or have no
value; or any other ``<``."""
_RAW_TEXT = frozenset(
    ("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext")
)
"""Elements whose text ``html.parser`` reads as it stands (some only in newer Pythons)."""
_ESCAPABLE_RAW_TEXT = frozenset(("title", "textarea"))
"""Elements whose text a newer ``html.parser`` reads up to their end tag alone."""


class SectionParser(Parser):  # type: ignore[misc]
    """Material's ``Parser``, its handlers made quick (see the module's notes)."""

    skip: set[str]
    keep: set[str]
    context: list[Any]
    section: Any
    data: list[Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.skip = {str(tag) for tag in self.skip}
        self.open_tags: Counter[str] = Counter()

    def feed(self, data: str) -> None:
        """Plain HTML (every ``<`` starts a tag of the usual forms) read here, in a few
        expressions; anything else by ``html.parser``: the same calls of the handlers."""
        tokens = _plain_tokens(data)
        if tokens is None or self.rawdata:
            super().feed(data)
            return
        for text, end, start, attributes, closed in tokens:
            if text:
                self.handle_data(unescape(text))
            elif end:
                self.handle_endtag(end.lower())
            else:
                tag = start.lower()
                self.handle_starttag(tag, attributes)
                if closed:
                    self.handle_endtag(tag)

    def skipping(self) -> bool:
        return any(self.open_tags[tag] for tag in self.skip)

    def in_title(self) -> bool:
        return bool(self.open_tags[self.section.el.tag])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        el = Element(tag, attributes)
        if tag in void:
            return
        self.context.append(el)
        self.open_tags[tag] += 1
        if tag in _HEADINGS:
            depth = len(self.context)
            if "id" in attributes:
                if tag != "h1" and not self.data:
                    self.section = Section(Element("hx"), depth)
                    self.data.append(self.section)
                self.section = Section(el, depth)
                if self.data:
                    self.section.id = attributes["id"]
                self.data.append(self.section)
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        for key, value in attributes.items():
            if key == "data-search-exclude" or (key == "class" and value == "linenodiv"):
                self.skip.add(tag)
                return
        if tag in self.keep and not self.skipping():
            (self.section.title if self.in_title() else self.section.text).append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if not self.context or self.context[-1].tag != tag:
            return
        if self.section.depth > len(self.context):
            for section in reversed(self.data):
                if section.depth <= len(self.context):
                    self.section.depth = float("inf")
                    self.section = section
                    break
        el = self.context.pop()
        self.open_tags[el.tag] -= 1
        if el.tag in self.skip:
            if el.tag not in _KEPT_SKIPPED:
                self.skip.remove(el.tag)
            return
        if tag in self.keep and not self.skipping():
            data = self.section.title if self.in_title() else self.section.text
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.skipping():
            return
        in_pre = bool(self.open_tags["pre"])
        if not in_pre:
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)
        if self.in_title():
            permalink = any(
                el.tag == "a" and el.attrs.get("class") == "headerlink" for el in self.context
            )
            if not permalink:
                self.section.title.append(escape(data, quote=False))
        elif data.isspace():
            text = self.section.text
            if not text or not text[-1].isspace() or in_pre:
                text.append(data)
        else:
            self.section.text.append(escape(data, quote=False))


Token = tuple[str, str, str, list[tuple[str, str | None]], bool]
"""``(text, end tag, start tag, attributes, self-closed)``, one of the first three set."""


def _plain_tokens(data: str) -> list[Token] | None:
    """``data`` as ``html.parser`` would read it, or None where it holds more than text,
    start tags with quoted attributes and end tags (a comment, a script, an unquoted
    value, a ``<`` in the text): ``html.parser`` reads that."""
    tokens: list[Token] = []
    raw_text_until = ""
    for match in _TOKEN.finditer(data):
        text, end, start, attributes, closed, other = match.groups()
        if other is not None:
            return None
        if raw_text_until and not text and (end or "").lower() != raw_text_until:
            return None  # a tag inside a title: newer Pythons read it as text
        if end or start:
            raw_text_until = ""
        if start:
            tag = start.lower()
            if tag in _RAW_TEXT:
                return None
            if tag in _ESCAPABLE_RAW_TEXT and not closed:
                raw_text_until = tag
            tokens.append(("", "", start, list(_attributes(attributes)), bool(closed)))
        else:
            tokens.append((text or "", end or "", "", [], False))
    return tokens


def _attributes(text: str) -> Iterator[tuple[str, str | None]]:
    for match in _ATTRIBUTE.finditer(text):
        name, double, single = match.groups()
        value = double if double is not None else single
        yield name.lower(), unescape(value) if value else value
