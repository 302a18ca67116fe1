"""Keep generated pages' text and HTML blocks away from the Markdown parser.

Every value a template writes (a name, a title, an id, a participant's words) is text,
never Markdown: :func:`escape_text` writes it so that no character of it can be read as
syntax by Markdown or any extension (links, attribute lists, snippets, critic marks, ...),
and no line break of it can end a line, wherever the template puts it (a heading, a
block). After conversion :func:`plain_punctuation` turns those characters back into
plain ones.

Generated pages are mostly HTML written by the templates (step lists, tables, charts).
Python-Markdown parses every raw HTML block of a page twice (MkDocs' anchor scan, then
its own block finder) with Python's ``html.parser``, which was most of the cost of
converting a generated page. A block that is plainly HTML is set aside before conversion
and put back, unchanged, after it, and so is a run of such blocks with no blank line
between them; the headings and the notes stay Markdown.
"""

from __future__ import annotations

import html
import re
import string
from dataclasses import dataclass, field

_BLOCK_TAGS = "div|ol|ul|dl|table|p|figure|details|section|svg|h[1-6]"
_HTML_BLOCK = re.compile(rf"<({_BLOCK_TAGS})\b[^>]*>.*</\1>", re.DOTALL)
_STARTS_BLOCK = re.compile(
    r"div|ol|ul|dl|table|p|figure|details|section|h[1-6]|article|aside|blockquote|header|footer|nav"
)
"""Tags Markdown reads as the start of a raw HTML block (``svg`` is not: Markdown wraps it
in a paragraph when it follows another element)."""
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*?)?(/?)>")
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source")
    + ("track", "wbr")
)
_RAW = frozenset(("script", "style", "textarea", "pre", "title"))
_MARKDOWN_INSIDE = re.compile(r"<[a-zA-Z][^<>]*\smarkdown\b")
"""An element whose inside Markdown converts (the ``md_in_html`` extension)."""
_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)

_HTML_SPECIALS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_PUNCTUATION = "".join(
    character for character in string.punctuation if character not in _HTML_SPECIALS
)
# What ends a line for Markdown, an extension (`str.splitlines`) or a browser, and the other
# controls.
_C1_CONTROLS = range(0x80, 0xA0)
_LINE_BREAKS_AND_CONTROLS = [*range(0x20), 0x7F, *_C1_CONTROLS, 0x2028, 0x2029]
_PADDED = "&#{:05d};"
"""Numeric references with leading zeros: only :func:`escape_text` writes them this way."""
_TEXT = str.maketrans(
    _HTML_SPECIALS
    | {character: _PADDED.format(ord(character)) for character in _PUNCTUATION}
    | {chr(code): _PADDED.format(code) for code in _LINE_BREAKS_AND_CONTROLS}
)
_PADDED_REFERENCE = re.compile(r"&#0(\d{4});")
_PLAIN = frozenset(_PUNCTUATION + " ")


def escape_text(text: str) -> str:
    """``text`` as HTML text that Markdown leaves as it is: ``& < > " '`` escaped as
    HTML escapes them, every other ASCII punctuation character, line break and control
    character as a numeric character reference (letters, digits, spaces and other
    characters as they are; spaces too, but those it starts with, which could make a code
    block of a line). A browser shows the same text."""
    unindented = text.lstrip(" ")
    return _PADDED.format(ord(" ")) * (len(text) - len(unindented)) + unindented.translate(_TEXT)


class _Plain(dict[str, str]):
    """The text each padded reference's digits stand for in :func:`plain_punctuation`."""

    def __missing__(self, digits: str) -> str:
        code = int(digits)
        plain = chr(code) if chr(code) in _PLAIN or code in _C1_CONTROLS else f"&#{code};"
        self[digits] = plain
        return plain


_PLAIN_OF = _Plain()


def plain_punctuation(converted: str) -> str:
    """Converted HTML with the punctuation :func:`escape_text` wrote as references put
    back as plain characters; line breaks and controls stay references (but C1 controls,
    which browsers would read as windows-1252 characters)."""
    # Split, not `sub` with a function: a page holds hundreds of references, and a lookup
    # each is several times quicker than a call each.
    parts = _PADDED_REFERENCE.split(converted)
    parts[1::2] = [_PLAIN_OF[digits] for digits in parts[1::2]]
    return "".join(parts)


@dataclass
class SetAside:
    """A page's Markdown with its HTML blocks replaced by placeholders, and the blocks."""

    markdown: str
    blocks: list[str] = field(default_factory=list)

    @property
    def anchor_ids(self) -> set[str]:
        """The ``id``s in the blocks: links to them are valid."""
        return {html.unescape(found) for block in self.blocks for found in _ID.findall(block)}


def set_aside(markdown: str, token: str) -> SetAside:
    """Replace each blank-line-separated chunk that is one whole HTML element (it opens
    with a block-level tag and ends with that tag's close), or a run of such elements, by
    ``token`` and its index; likewise chunks that together make such elements (an element
    with blank lines inside). Chunks inside fenced code are left alone, and so is a chunk
    that holds a fence or an element whose inside is Markdown (``markdown="1"``).
    ``token`` must be letters and digits that cannot occur in the text."""
    result = SetAside(markdown)
    chunks: list[str | None] = list(markdown.split("\n\n"))
    in_fence = False
    run: list[int] = []  # chunks of elements still open, so far
    open_tags: list[str] = []
    for index, chunk in enumerate(markdown.split("\n\n")):
        stripped = chunk.strip("\n")
        if run:
            markdown_inside = _FENCE.search(chunk) or _MARKDOWN_INSIDE.search(chunk)
            still = None if markdown_inside else _open_after(stripped, open_tags)
            if still is not None:
                run, open_tags = [*run, index], still
                if not open_tags:
                    _put_aside(chunks, run, token, result)
                    run = []
                continue
            run = []  # not whole elements after all: Markdown reads those chunks
        if (
            not in_fence
            and stripped.startswith("<")
            and not _FENCE.search(chunk)
            and not _MARKDOWN_INSIDE.search(chunk)
        ):
            still = [] if _HTML_BLOCK.fullmatch(stripped) else _open_after(stripped, [])
            if still == []:
                _put_aside(chunks, [index], token, result)
                continue
            if still:
                run, open_tags = [index], still
                continue
        if len(_FENCE.findall(chunk)) % 2:
            in_fence = not in_fence
    if result.blocks:
        result.markdown = "\n\n".join(chunk for chunk in chunks if chunk is not None)
    return result


def _put_aside(chunks: list[str | None], run: list[int], token: str, result: SetAside) -> None:
    block = "\n\n".join(chunks[index] or "" for index in run).strip("\n")
    chunks[run[0]] = f"{token}x{len(result.blocks)}x"
    for index in run[1:]:
        chunks[index] = None
    result.blocks.append(block)


def _open_after(chunk: str, open_tags: list[str]) -> list[str] | None:
    """The elements still open after ``chunk``, read with ``open_tags`` open before it;
    None when it is not HTML Markdown leaves as it is: outside every element, anything
    but white space and elements that open with a block-level tag (text, a close out of
    turn); raw text that may hold a ``<`` (``pre``, ``script``, ...), or a ``<`` that
    opens no tag (a comment)."""
    stack = list(open_tags)
    end = 0
    for tag in _TAG.finditer(chunk):
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if not stack and (
            chunk[end : tag.start()].strip() or closing or not _STARTS_BLOCK.fullmatch(name)
        ):
            return None
        if name in _RAW:
            return None
        end = tag.end()
        if closing:
            if not stack or stack.pop() != name:
                return None
        elif not self_closing and name not in _VOID:
            stack.append(name)
    if (not stack and chunk[end:].strip()) or "<" in _TAG.sub("", chunk):
        return None
    return stack


def put_back(converted: str, token: str, aside: SetAside) -> str:
    """The converted page with each placeholder paragraph replaced by its block. A
    placeholder that ended up anywhere else shows its block as text, as Markdown would
    have there (inside code, say)."""
    if not aside.blocks:
        return converted
    converted = re.sub(
        rf"<p>{token}x(\d+)x</p>", lambda match: aside.blocks[int(match.group(1))], converted
    )
    return re.sub(
        rf"{token}x(\d+)x",
        lambda match: html.escape(plain_punctuation(aside.blocks[int(match.group(1))])),
        converted,
    )
