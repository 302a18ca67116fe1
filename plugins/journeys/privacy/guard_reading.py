"""The privacy guard's reader: a built file's bytes as the text a browser, a crawler or a
download reads from them, in pieces (:mod:`journeys.guard` looks for what is private in it).

- UTF-8, UTF-16 or UTF-32 (with a byte order mark, or UTF-16 told by its zero bytes), gzip
  unpacked (a ``.gz`` or ``.svgz`` file, or any file that starts like one);
- its text with tags removed (inline tags such as ``<span>`` joined without a space, as a
  browser shows them) and entities decoded; and, apart from it, the inside of every tag and
  comment: attribute values (``alt``, ``title``, ``href``, ``content`` of ``<meta>``,
  ``data-*``...), comments, inline SVG and scripts (inline JSON too);
- URL-encoded text decoded (``Jan%20de%20Vries``), script escapes decoded (``\\u00eb``),
  ``;base64,`` data URLs unpacked;
- JSON a part at a time, each string unescaped, so the search index is never in memory whole;
- a file that is no such text (an image, a font, a ``.docx``) raises :class:`Unreadable`;
  :func:`printable_texts` still gives its printable runs, as the ``strings`` tool does:
  metadata stored as plain text (a PNG's ``tEXt`` chunk, EXIF or XMP in a JPEG, a font's
  names); a PNG's compressed text chunks are read by :mod:`journeys.privacy.png_text`.
  Other text stored compressed (a ``.docx``, a ``.woff2`` font) stays unread.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import functools
import html
import itertools
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

_TAG = re.compile(r"<[^>]*>")
_TAG_INSIDE = re.compile(r"<([^>]*)>")
_COMMENT_WITH_GT = re.compile(r"<!--((?:(?!-->).)*?>.*?)-->", re.DOTALL)
"""A comment with a ``>`` in it: the shown text leaves it out whole, a tag's inside ends at
its first ``>``; so its text is read as it stands too."""
# In the insides of tags, each after a NUL: the tag's name and its attributes' names, which
# are HTML's words, not the site's ("li", "title"): a one-word name could be one of them.
MARKUP_NAMES = re.compile(r"(?:\A|(?<=\0))[!/?]?[\w:.-]*|(?<=\s)[\w:.-]+(?=\s*=)")
# Shown without a space in between, so "J<span>an</span>" reads "Jan"; comments too. In
# lower case only, as MkDocs writes them (ignoring case makes it several times slower).
_INLINE_TAG = re.compile(
    r"<(?:!--.*?-->|/?(?:a(?:bbr)?|b(?:d[io])?|c(?:ite|ode)|d(?:ata|el|fn)|em|font|i(?:ns)?|kbd|mark|q"
    r"|s(?:amp|mall|pan|trong|u[bp])?|t(?:ime|span)|u|var|wbr)(?:\s[^>]*)?/?>)",
    re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ENCODED = re.compile(r"[<&%\\]|;base64,")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|[nrtbfv])")
_BASE64 = re.compile(r";base64,([A-Za-z0-9+/=_-]{8,})")


class Unreadable(Exception):
    """A built file that is no text the guard can read."""


def every_tag(insides: list[str]) -> list[str]:
    return insides


READ_BYTES = 1024 * 1024
"""A file is read this much at a time."""
LONG_LINE = 64 * 1024
"""A line (or a binary file's printable run) longer than this is read in parts."""
SNIFF_BYTES = 4096
"""How much of a file's start tells its encoding."""
UNCLOSED_STRING_LIMIT = 4 * 1024 * 1024
"""Past this many characters, an unfinished JSON string is given out in parts (it stays open)."""

# What follows a string's opening quote: its text and the closing quote. "Unrolled"
# (Friedl): runs of plain characters between escapes, which never match the same text, so
# a string that does not close is read once, not once per way of splitting it.
STRING_REST = re.compile(r'([^"\\]*(?:\\.[^"\\]*)*)"', re.DOTALL)
_LONGEST_ESCAPE = len("\\u00e9")
_JSON_SUFFIXES = {".json", ".map", ".webmanifest", ".jsonld", ".geojson"}
_GZIP_SUFFIXES = {".gz", ".svgz"}
_GZIP_MAGIC = b"\x1f\x8b"


Tags = Callable[[list[str]], list[str]]
"""Which of the tags of a text to read the insides of (those not known to be clean)."""


def output_texts(
    path: Path, tags: Tags | None = every_tag, data: bytes | None = None
) -> Iterator[str]:
    """A built file as the text a reader gets from it (see :func:`_readable`), in pieces.
    A JSON file is read a part at a time and each of its strings is one piece, so the
    search index is never in memory whole. ``tags``: which tags to read the insides of;
    None: read the file as it stands, no markup (a file copied from the theme). ``data``:
    the file's bytes, read already. Raises :class:`Unreadable` for a file that is no text
    (binary, or in no encoding the guard reads)."""
    texts = _decoded(_chunks(path, data))
    if is_json(path):
        yield from json_texts(texts)
    elif tags is None:
        yield from texts
    else:
        yield _readable("".join(texts), tags=tags)


def readable_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, text a reader gets from that line)``, each line read as the whole file
    is read by :func:`output_texts`; a long line in parts cut at spaces, each with its
    number. Raises :class:`Unreadable` as :func:`output_texts` does."""
    json_file = is_json(path)
    for number, line in _numbered_lines(_decoded(_chunks(path))):
        yield number, " ".join(json_texts([line])) if json_file else _readable(line)


PRINTABLE_RUN = 4
"""A binary file's text: runs of at least this many printable characters, as ``strings``."""
# Printable characters of the file read as UTF-8 (a byte that is no UTF-8 ends a run); and,
# apart from them, UTF-16LE runs of Latin-1 characters (as ``strings -el`` reads them).
_UTF8_RUN = re.compile(rf"[^\x00-\x08\x0a-\x1f\x7f-\x9f\ufffd]{{{PRINTABLE_RUN},}}")
_UTF16_RUN = re.compile(rb"(?:[\t\x20-\x7e\xa0-\xff]\x00){%d,}" % PRINTABLE_RUN)
# UTF-16BE runs too (EXIF of a "big-endian" JPEG), but not after a printable byte: that is
# a UTF-16LE run read one byte on.
_UTF16BE_RUN = re.compile(
    rb"(?<![\t\x20-\x7e\xa0-\xff])(?:\x00[\t\x20-\x7e\xa0-\xff]){%d,}" % PRINTABLE_RUN
)
# The last byte that is in no run of either kind, with nothing such after it.
_RUN_BREAK = re.compile(rb"[\x01-\x08\x0a-\x1f\x7f](?=[^\x01-\x08\x0a-\x1f\x7f]*\Z)")


def printable_texts(path: Path) -> Iterator[str]:
    """The printable runs of a file that is no text (:class:`Unreadable`), as the ``strings``
    tool finds them: text stored in it as it stands, such as an image's metadata (UTF-8,
    and UTF-16 in either byte order, as EXIF may hold it); one piece per part of the file,
    a run a line. A gzip file's unpacked; nothing else is (a PNG's compressed text:
    :mod:`journeys.privacy.png_text`)."""
    pending = b""  # what follows the last byte that ends every run: a run may go on from it
    for chunk in itertools.chain(_chunks(path), [b""]):
        data = pending + chunk
        end = len(data)
        if chunk:
            last_break = _RUN_BREAK.search(data, max(0, len(data) - LONG_LINE))
            if last_break is not None:
                end = last_break.end()
            elif len(data) < LONG_LINE:
                end = 0  # all of it may be one run: read it with the next part
            # else: a run this long is read in parts
        yield from _printable_runs(data[:end])
        pending = data[end:]


def decoded_texts(path: Path) -> Iterator[str]:
    """The file's text in parts, decoded as :func:`output_texts` decodes it, not yet read
    (no tags removed, no JSON strings unescaped). Raises :class:`Unreadable` likewise."""
    return _decoded(_chunks(path))


def is_json(path: Path) -> bool:
    return path.suffix in _JSON_SUFFIXES or path.name.endswith(".json.gz")


def _chunks(path: Path, data: bytes | None = None) -> Iterator[bytes]:
    """The file's bytes (``data``, where they were read already), READ_BYTES at a time; a
    gzip file's unpacked, as far as they go when it is cut short, or as they stand when it
    is no gzip at all."""
    if data is not None:
        yield from _unpacked(
            path, (data[at : at + READ_BYTES] for at in range(0, len(data), READ_BYTES))
        )
        return
    try:
        with path.open("rb") as file:
            yield from _unpacked(path, iter(functools.partial(file.read, READ_BYTES), b""))
    except OSError as error:
        raise Unreadable(f"it could not be opened: {error.strerror or error}") from None


def _unpacked(path: Path, parts: Iterator[bytes]) -> Iterator[bytes]:
    first = next(parts, b"")
    parts = itertools.chain([first], parts)
    yield from (
        _gunzipped(parts)
        if path.suffix in _GZIP_SUFFIXES or first.startswith(_GZIP_MAGIC)
        else parts
    )


def _gunzipped(parts: Iterator[bytes]) -> Iterator[bytes]:
    unpacker = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
    packed = next(parts, b"")
    unpacked_any = False
    while packed:
        try:
            unpacked = unpacker.decompress(packed, READ_BYTES)  # bounded: a "zip bomb" stays small
        except zlib.error:
            if not unpacked_any:  # no gzip: read as it stands
                yield packed
                yield from parts
            return  # damaged further on: read as far as it went
        if unpacked:
            unpacked_any = True
            yield unpacked
        if unpacker.eof:  # a gzip file may hold several members in a row
            packed = unpacker.unused_data or next(parts, b"")
            unpacker = zlib.decompressobj(wbits=31)
        else:
            packed = unpacker.unconsumed_tail or next(parts, b"")


def _decoded(chunks: Iterator[bytes]) -> Iterator[str]:
    """The text of the bytes: UTF-8, or UTF-16 or UTF-32 told by a byte order mark, or
    UTF-16 told by its zero bytes. Raises :class:`Unreadable` for anything else."""
    head = b""
    for chunk in chunks:  # enough of the start to tell the encoding
        head += chunk
        if len(head) >= SNIFF_BYTES:
            break
    encoding = _encoding(head[:SNIFF_BYTES])
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        yield decoder.decode(head)
        for chunk in chunks:
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise Unreadable(f"it is not {_ENCODING_NAMES.get(encoding, 'UTF-8')} text") from None


_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {
    "utf-32": "UTF-32",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _encoding(head: bytes) -> str:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    if b"\0" not in head:
        return "utf-8"
    # UTF-16 without a mark: in Latin text every other byte is zero, the others are not.
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, letters in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > len(zeros) * 0.3 and letters.count(0) <= len(letters) * 0.01:
            text = head[: len(head) // 2 * 2].decode(encoding, errors="replace")
            if len(_CONTROL.findall(text)) <= len(text) * 0.01:
                return encoding
    raise Unreadable("it holds binary data")


def json_texts(texts: Iterable[str]) -> Iterator[str]:
    """The strings of a JSON text (keys too: a name may be one), each unescaped and made
    readable, and whatever stands between them (numbers: a phone number may be one); read
    a part at a time and given as one piece per part."""
    pending = ""  # starts outside a string: the start, or just past a string's closing quote
    for chunk in texts:
        text = pending + chunk
        parts: list[str] = []
        done = 0
        # From one opening quote to the next, never from a quote inside a string.
        while (quote := text.find('"', done)) != -1:
            string = STRING_REST.match(text, quote + 1)
            if string is None:
                break  # cut by the end of this part: read with the next
            parts.append(_readable(text[done:quote]))
            # Made readable one by one: a "<" in one string and a ">" in another are no tag.
            parts.append(_readable(_json_unescape(string.group(1))))
            done = string.end()
        pending = text[done:]
        if len(pending) > UNCLOSED_STRING_LIMIT:
            given, pending = _unfinished(pending, final=False)
            parts.append(given)
        yield " ".join(parts)
    yield _unfinished(pending, final=True)[0]


def _unfinished(pending: str, final: bool) -> tuple[str, str]:
    """Most of what follows the last whole string, as readable text, and the rest, to be
    read with the next part. A string that is still open stays open in the rest; a cut is
    never made inside a word or an escape where that can be helped."""
    quote = pending.find('"')
    if quote == -1:  # between strings: numbers and such
        cut = 0 if final else max(pending.rfind(mark) for mark in " ,\n") + 1
        cut = cut or len(pending)  # final, or no place to cut: all of it
        return _readable(pending[:cut]), pending[cut:]
    between, string = pending[:quote], pending[quote + 1 :]
    cut = len(string) if final else _string_cut(string)
    return f"{_readable(between)} {_readable(_json_unescape(string[:cut]))}", '"' + string[cut:]


def _string_cut(string: str) -> int:
    """Where a long JSON string may be cut: at its last space (never inside an escape),
    else before any escape that may be unfinished."""
    space = string.rfind(" ")
    if space > 0:
        return space
    cut = len(string)
    while cut > 0 and "\\" in string[max(cut - _LONGEST_ESCAPE, 0) : cut]:
        cut = string.rfind("\\", 0, cut)
    return cut or len(string)


def _json_unescape(literal: str) -> str:
    if "\\" not in literal:
        return literal
    try:
        return str(json.loads(f'"{literal}"'))
    except ValueError:
        return literal


def _readable(text: str, depth: int = 0, tags: Tags = every_tag) -> str:
    """What a reader gets from ``text``: the text shown (tags removed, entities decoded) and,
    apart from it, the inside of every tag and comment (attribute values: alt, title, href,
    ``<meta>`` content...). Where that leaves markup or entities (escaped in the source:
    shown as text, or markup one level down, as in an attribute), it is read once more
    that way too. Then URL-encoded text and script escapes decoded, and ``;base64,`` data
    URLs unpacked, are read besides."""
    if _ENCODED.search(text) is None:
        return text
    if "<" in text:
        shown = html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", text)))
        inside = html.unescape(MARKUP_NAMES.sub(" ", "\0".join(tags(_TAG_INSIDE.findall(text)))))
        pieces = [shown, inside, *_COMMENT_WITH_GT.findall(text)]
    else:
        pieces = [html.unescape(text)] if "&" in text else [text]
    if depth == 0:
        pieces += [_readable(piece, 1) for piece in pieces if _is_markup(piece)]
    read = "\n".join(pieces)
    if "%" in read and _PERCENT.search(read):
        decoded = _PERCENT.sub(_url_decoded, read)
        if _PERCENT.search(decoded):  # encoded twice
            decoded = _PERCENT.sub(_url_decoded, decoded)
        read = f"{read}\n{decoded}"
    if "\\" in read:
        unescaped = _ESCAPE.sub(_unescaped, read)
        if unescaped != read:
            read = f"{read}\n{unescaped}"
    if depth == 0 and ";base64," in read:
        read = "\n".join([read, *(_readable(data, 1) for data in _base64_texts(read))])
    return read


def _is_markup(text: str) -> bool:
    return _TAG.search(text) is not None or _ENTITY.search(text) is not None


def _url_decoded(match: re.Match[str]) -> str:
    """A run of URL-encoded bytes (``%C3%AB``) as text: UTF-8, else Latin-1."""
    encoded = bytes.fromhex(match.group().replace("%", ""))
    try:
        return encoded.decode("utf-8")
    except UnicodeDecodeError:
        return encoded.decode("latin-1")


def _unescaped(match: re.Match[str]) -> str:
    """A script's escape (``\\u00eb``, ``\\u{eb}``, ``\\xeb``, ``\\n``) as the character
    it stands for."""
    number = match.group(1) or match.group(2) or match.group(3)
    if number is None:
        return " "  # \n, \t and such: a break between words
    code = int(number, 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else " "


def _printable_runs(data: bytes) -> Iterator[str]:
    """The printable runs of bytes that are no text: UTF-8, then UTF-16 in either byte
    order, a run a line."""
    yield "\n".join(_UTF8_RUN.findall(data.decode("utf-8", errors="replace")))
    yield "\n".join(run.decode("utf-16-le") for run in _UTF16_RUN.findall(data))
    yield "\n".join(run.decode("utf-16-be") for run in _UTF16BE_RUN.findall(data))


def _base64_texts(text: str) -> Iterator[str]:
    """The text of each ``;base64,`` data URL: UTF-8 text (an SVG image, say) whole, else
    its printable runs, as of a file that is no text (an image's metadata)."""
    for match in _BASE64.finditer(text):
        data = match.group(1)
        try:
            unpacked = base64.b64decode(
                data + "=" * (-len(data) % 4),
                altchars=b"-_" if "-" in data or "_" in data else None,
            )
        except (binascii.Error, ValueError):
            continue
        try:
            yield unpacked.decode("utf-8")
        except UnicodeDecodeError:
            yield from _printable_runs(unpacked)


def _numbered_lines(texts: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(line number, text)``; a long line in parts cut at spaces, each with its number."""
    number = 1
    rest = ""
    for text in texts:
        *lines, rest = (rest + text).split("\n")
        for line in lines:
            yield number, line
            number += 1
        if len(rest) > LONG_LINE:
            cut = rest.rfind(" ") + 1 or len(rest)
            yield number, rest[:cut]
            rest = rest[cut:]
    yield number, rest
