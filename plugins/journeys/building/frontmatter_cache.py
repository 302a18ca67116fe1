"""A cache of read front matter, by the bytes of each file, kept between runs.

Reading front matter is most of the cost of ``journeys check`` and of loading a study:
PyYAML builds every value in Python, even with libyaml. Between two runs most files did
not change, so each file's result (its values, the line of every key, its repeated keys
and its body; or the error that made it unreadable) is kept under a hash of its bytes,
in one file in the cache folder (``.cache/journeys/`` beside mkdocs.yml by default,
never in ``docs/`` or ``content/``). A changed file has other bytes, so it is read again.

The file is written with :mod:`marshal`: it holds only plain values (what safe YAML
gives), it is several times faster to load than :mod:`pickle`, and loading it runs no
code. Each file's entry is kept packed (its own marshal bytes) until that file is read,
so loading the cache costs little time or memory, and a build holds only the entries it
unpacks. A file from another version of this package, or one that cannot be read, is
ignored and replaced.

With no cache, or after many files changed, most of the time goes to reading YAML, one
file after another on one core. :meth:`FrontMatterCache.read_ahead` spreads the files not
in the cache over several processes first (``journeys check`` does, on every core).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from journeys import __version__
from journeys.building.cache import remove_stale_temporaries, write_atomically
from journeys.building.isolated import Background
from journeys.content.frontmatter import Document, FrontMatterError, LineMap, read_document
from journeys.privacy.contacts import may_hold_contact

FILE_NAME = "documents.marshal"
_FORMAT = f"journeys-documents-6-{__version__}"

READ_AHEAD_SHARE = 100
"""The fewest files worth a process of their own (forking one costs about as much as
reading 20)."""

_Entry = tuple[Any, ...]
"""("document", data, packed lines, duplicate keys, body, body line, contact free,
unusable numbers) or ("error", message, line)."""


class FrontMatterCache:
    """Reads files through the cache; ``save`` keeps the entries of the files read this run."""

    def __init__(self, directory: Path | None, processes: int = 1) -> None:
        self.path = directory / FILE_NAME if directory is not None else None
        remove_stale_temporaries(directory)
        self.processes = processes
        """How many processes :meth:`read_ahead` reads with; with 1 it does nothing."""
        self.stored: dict[bytes, bytes] = self._load()
        """Packed entries by the hash of the file's bytes."""
        self.used: dict[bytes, bytes] = {}
        self.read_again = 0
        """Files not found in the cache (new or changed), read with the YAML parser (here
        or, reading ahead, in a child)."""

    def read(self, raw: bytes) -> Document:
        """Like :func:`read_document`, which it calls for a file it has not seen."""
        key = _key(raw)
        packed = self.used.get(key) or self.stored.get(key)
        entry = _unpack(packed) if packed else None
        if entry is None:
            entry = _entry(raw)
            self.read_again += 1
            packed = _pack(entry)
        if packed:
            self.used[key] = packed
        if entry[0] == "error":
            raise FrontMatterError(entry[1], entry[2])
        _, data, lines, duplicates, body, body_line, contact_free, unusable = entry
        return Document(data, LineMap(lines), duplicates, body, body_line, contact_free, unusable)

    def keep(self, raw: bytes) -> None:
        """Keep the entry of a file that is not read again this run (its record is known)."""
        key = _key(raw)
        packed = self.used.get(key) or self.stored.get(key)
        if packed:
            self.used[key] = packed

    def read_ahead(self, paths: Iterable[str]) -> dict[str, bytes]:
        """Read the files at ``paths`` that are not in the cache, spread over
        ``processes`` processes (this one and forked children), so that :meth:`read`
        finds them. Returns the bytes of every file it opened, by path, for the caller to
        use instead of opening it again (none with one process). A file that cannot be
        opened is left to the caller; a child that fails leaves its files to be read one
        by one, as they are asked for."""
        if self.processes < 2:
            return {}
        opened: dict[str, bytes] = {}
        unseen: dict[bytes, bytes] = {}
        for path in paths:
            try:
                with open(path, "rb") as file:
                    raw = opened[path] = file.read()
            except OSError:
                continue
            key = _key(raw)
            if key not in self.used and key not in self.stored:
                unseen[key] = raw
        processes = min(self.processes, len(unseen) // READ_AHEAD_SHARE)
        if processes < 2:
            return opened
        files = list(unseen.items())
        shares = [files[start::processes] for start in range(processes)]
        children = [Background(functools.partial(_packed_entries, share)) for share in shares[1:]]
        try:
            packed = _packed_entries(shares[0])
            for child in children:
                with contextlib.suppress(Exception):
                    packed.update(child.result())
        finally:
            for child in children:
                child.stop()
        self.used.update(packed)
        self.read_again += len(packed)
        return opened

    def save(self) -> None:
        """Write the entries used in this run, when they differ from the stored ones."""
        if self.path is None or (self.read_again == 0 and self.used.keys() == self.stored.keys()):
            return
        write_atomically(self.path, marshal.dumps((_FORMAT, self.used)))

    def _load(self) -> dict[bytes, bytes]:
        if self.path is None:
            return {}
        try:
            found = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not (isinstance(found, tuple) and len(found) == 2 and found[0] == _FORMAT):
            return {}
        return found[1] if isinstance(found[1], dict) else {}


def _key(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=20).digest()


def _packed_entries(files: list[tuple[bytes, bytes]]) -> dict[bytes, bytes]:
    """The packed entry of each (key, bytes) file, by key; entries marshal cannot hold are
    left out."""
    return {key: packed for key, raw in files if (packed := _pack(_entry(raw)))}


def _unpack(packed: bytes) -> _Entry | None:
    try:
        entry = marshal.loads(packed)
    except (EOFError, ValueError, TypeError):
        return None
    return (
        entry if isinstance(entry, tuple) and entry and entry[0] in ("document", "error") else None
    )


def _pack(entry: _Entry) -> bytes:
    """The entry as marshal bytes; empty (not cached) if it holds a value marshal cannot
    (an explicit ``!!timestamp`` tag gives a datetime)."""
    try:
        return marshal.dumps(entry)
    except ValueError:
        return b""


def _entry(raw: bytes) -> _Entry:
    try:
        document = read_document(raw)
    except FrontMatterError as error:
        return ("error", error.message, error.line)
    return (
        "document",
        document.data,
        document.lines.packed,
        document.duplicate_keys,
        document.body,
        document.body_line,
        not may_hold_contact(document.data, document.body),
        document.unusable_numbers,
    )
