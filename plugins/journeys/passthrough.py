"""Keep the HTML blocks of generated pages away from the Markdown parser.

Generated pages are mostly HTML written by the templates (step lists, tables, charts).
Python-Markdown parses every raw HTML block of a page twice (MkDocs' anchor scan, then
its own block finder) with Python's ``html.parser``, which was most of the cost of
converting a generated page. A block that is plainly HTML is set aside before conversion
and put back, unchanged, after it; the headings and the notes stay Markdown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_BLOCK_TAGS = "div|ol|ul|dl|table|p|figure|details|section|svg|h[1-6]"
_HTML_BLOCK = re.compile(rf"<({_BLOCK_TAGS})\b[^>]*>.*</\1>", re.DOTALL)
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)


@dataclass
class SetAside:
    """A page's Markdown with its HTML blocks replaced by placeholders, and the blocks."""

    markdown: str
    blocks: list[str] = field(default_factory=list)

    @property
    def anchor_ids(self) -> set[str]:
        """The ``id``s in the blocks: links to them are valid."""
        return {found for block in self.blocks for found in _ID.findall(block)}


def set_aside(markdown: str, token: str) -> SetAside:
    """Replace each blank-line-separated chunk that is one whole HTML element (it opens
    with a block-level tag and ends with that tag's close) by ``token`` and its index;
    chunks inside fenced code are left alone. ``token`` must be letters and digits that
    cannot occur in the text."""
    result = SetAside(markdown)
    chunks = markdown.split("\n\n")
    in_fence = False
    for index, chunk in enumerate(chunks):
        stripped = chunk.strip("\n")
        if not in_fence and stripped.startswith("<") and _HTML_BLOCK.fullmatch(stripped):
            chunks[index] = f"{token}x{len(result.blocks)}x"
            result.blocks.append(stripped)
        elif len(_FENCE.findall(chunk)) % 2:
            in_fence = not in_fence
    if result.blocks:
        result.markdown = "\n\n".join(chunks)
    return result


def put_back(converted: str, token: str, aside: SetAside) -> str:
    """The converted page with each placeholder paragraph replaced by its block. A
    placeholder that ended up anywhere else shows its block as text, as Markdown would
    have there (inside code, say)."""
    if not aside.blocks:
        return converted
    converted = re.sub(rf"<p>{token}x(\d+)x</p>", lambda match: aside.blocks[int(match.group(1))], converted)
    return re.sub(rf"{token}x(\d+)x", lambda match: html.escape(aside.blocks[int(match.group(1))]), converted)
