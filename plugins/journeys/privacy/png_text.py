"""The text a PNG image holds compressed (``zTXt`` and ``iTXt`` chunks: a description, a
comment, XMP written by an image editor), unpacked for the privacy guard, which reads the
rest of such a file as the ``strings`` tool does (``guard_reading.printable_texts``).
Unpacking is bounded: text the guard cannot unpack is :class:`SealedText`, which fails the
build (what it holds cannot be checked)."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

from journeys.privacy.guard_reading import Unreadable


class SealedText(Unreadable):
    """Text stored compressed in a file that is no text that the guard cannot unpack:
    damaged, or larger than MAX_UNPACKED_TEXT (a "zip bomb")."""


_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_UNPACKED_TEXT = 4 * 1024 * 1024
"""At most this much compressed text of one file is unpacked; past it, :class:`SealedText`."""


def png_texts(path: Path) -> Iterator[str]:
    """The text a PNG holds compressed: each ``zTXt`` chunk, and each ``iTXt`` chunk whose
    text is compressed (as image editors store a description or XMP), unpacked. Raises
    :class:`SealedText` for one that is damaged or unpacks to more than MAX_UNPACKED_TEXT
    in all: what it holds cannot be checked. Nothing for a file that is no PNG."""
    budget = MAX_UNPACKED_TEXT
    for kind, data in _png_chunks(path):
        if kind == b"zTXt":
            keyword, _, rest = data.partition(b"\0")
            packed = rest[1:]  # after the compression method
        elif kind == b"iTXt":
            keyword, _, rest = data.partition(b"\0")
            if rest[:1] != b"\1":  # not compressed: its text stands as it is
                continue
            _, _, words = rest[2:].partition(b"\0")  # after the language tag
            translated, _, packed = words.partition(b"\0")
            keyword += b" " + translated
        else:
            continue
        unpacker = zlib.decompressobj()
        try:
            text = unpacker.decompress(packed, budget + 1)
        except zlib.error:
            raise SealedText(f"a compressed text chunk ({kind.decode()}) is damaged") from None
        budget -= len(text)
        if budget < 0 or unpacker.unconsumed_tail:
            raise SealedText(
                f"its compressed text chunks unpack to more than {MAX_UNPACKED_TEXT // 1024**2} MB"
            )
        yield "\n".join(part.decode("utf-8", errors="replace") for part in (keyword, text))


def _png_chunks(path: Path) -> Iterator[tuple[bytes, bytes]]:
    """``(type, data)`` of each chunk of a PNG but its image data (skipped unread)."""
    try:
        with path.open("rb") as file:
            if file.read(len(_PNG_MAGIC)) != _PNG_MAGIC:
                return
            while len(header := file.read(8)) == 8:
                size, kind = int.from_bytes(header[:4], "big"), header[4:]
                if kind in (b"zTXt", b"iTXt"):
                    yield kind, file.read(size)
                    file.seek(4, 1)  # its checksum
                else:
                    file.seek(size + 4, 1)
    except OSError as error:
        raise Unreadable(f"it could not be opened: {error.strerror or error}") from None
