"""The privacy guard while serving: after a rebuild, every file of the site is checked, but
only the files whose bytes changed are read again.

Why that is sound: what :func:`journeys.privacy.guard.find_leaks` reports about a file
depends on nothing but the file's path and bytes, what it looks for (the watchlist's
needles: which the watchlist files each needle under only makes the search faster), the
installed theme's files (a site file that is a byte-for-byte copy of one, and the words of
its templates) and ``publish_unread``. So a file whose path and bytes (by SHA-256) are
those of a file read before, with the same needles, theme files and patterns, holds what
it held: its findings are kept. Any other file is read as a full build reads it, with the
guard itself, from a folder of links to the files that changed. When the needles, the
theme's files or the patterns change, every file is read again.

The search index changes with every rebuild, and is the site's largest file. Once the guard
has read it whole and found nothing, its entries (each page section's location, title and
text) are known to be clean, and so is each entry beside the next: after a rebuild, only
its entries not known, each with the entries beside it, are read (:class:`CleanIndex`).
The guard reads a JSON file's strings in order, so a value found across two entries is
found across two neighbours, which are read together; every entry's strings start with its
keys (``location``, ``title``, ``text``), so nothing a participant said spans more.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from journeys.privacy import guard
from journeys.privacy.needles import Needle

Inputs = tuple[list[Needle], list[tuple[str, int, int]], list[str]]

SEARCH_INDEX = "search/search_index.json"
"""Where material's search plugin writes its index."""


class GuardMemory:
    """What the guard found in each file of the site the last time it read it."""

    def __init__(self) -> None:
        self.inputs: Inputs | None = None
        self.found: dict[str, tuple[bytes, list[guard.Leak]]] = {}
        """Path relative to the site: the digest of the bytes read, and what was found."""
        self.read_last: list[str] = []
        """The files the last check read (the others' findings were kept)."""
        self.clean_index: CleanIndex | None = None
        """The search index as last read, when nothing was found in it."""
        self.index_entries_read: int | None = None
        """How many search entries the last check read (None: all of them)."""

    def find_leaks(
        self,
        site_dir: Path,
        watching: guard.Watchlist,
        theme_dirs: Sequence[Path],
        publish_unread: Iterable[str] = guard.PUBLISH_UNREAD,
    ) -> list[guard.Leak]:
        """What :func:`journeys.privacy.guard.find_leaks` finds in ``site_dir``."""
        patterns = list(publish_unread)
        inputs = (list(watching.needles), theme_stamps(theme_dirs), patterns)
        if inputs != self.inputs:
            self.found = {}
            self.clean_index = None
            self.inputs = inputs
        digests = {
            path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).digest()
            for path in site_dir.rglob("*")
            if path.is_file()
        }
        self.read_last = [
            output
            for output, digest in digests.items()
            if output not in self.found or self.found[output][0] != digest
        ]
        found: dict[str, list[guard.Leak]] = defaultdict(list)
        index = CleanIndex.read(site_dir / SEARCH_INDEX) if SEARCH_INDEX in self.read_last else None
        unknown = None
        if self.clean_index is not None and index is not None:
            unknown = self.clean_index.unknown_part(*index)
        self.index_entries_read = None if unknown is None else len(unknown)
        if self.read_last:
            instead = {} if unknown is None else {SEARCH_INDEX: json.dumps({"docs": unknown})}
            with linked_copy(site_dir, self.read_last, instead) as changed:
                for leak in guard.find_leaks(changed, watching, theme_dirs, patterns):
                    found[leak.output].append(leak)
        if SEARCH_INDEX in self.read_last:
            self.clean_index = None if found[SEARCH_INDEX] or index is None else index[1]
        read = set(self.read_last)
        kept, self.found = self.found, {}
        for output, digest in digests.items():
            # A file not read again holds the bytes it held when it was read.
            self.found[output] = (digest, found[output]) if output in read else kept[output]
        leaks = [leak for _, file_leaks in self.found.values() for leak in file_leaks]
        return sorted(
            leaks,
            key=lambda leak: (
                *(leak.output, leak.in_path, leak.line),
                *(leak.source, leak.field, leak.part),
            ),
        )


class CleanIndex:
    """A search index's entries and pairs of neighbours, by digest, and the rest of it."""

    def __init__(self, digests: list[bytes], rest: bytes) -> None:
        self.digests = digests
        self.rest = rest
        self.entries = set(digests)
        self.pairs = set(itertools.pairwise(digests))

    @classmethod
    def read(cls, path: Path) -> tuple[list[object], CleanIndex] | None:
        """The entries of a search index, and their digests; None when the file is none
        (an object with a list ``docs``)."""
        try:
            index = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(index, dict) or not isinstance(index.get("docs"), list):
            return None
        rest = {key: value for key, value in index.items() if key != "docs"}
        docs: list[object] = index["docs"]
        return docs, cls([_digest(entry) for entry in docs], _dumped(rest))

    def unknown_part(self, docs: list[object], new: CleanIndex) -> list[object] | None:
        """The entries of a new index (``docs``, ``new``) not known to be clean: each entry
        not known, with its neighbours, and each pair of entries not known side by side;
        None when more than the entries changed (read it whole)."""
        if new.rest != self.rest:
            return None
        wanted: set[int] = set()
        for at, digest in enumerate(new.digests):
            if digest not in self.entries:
                wanted.update((at - 1, at, at + 1))
            elif at and (new.digests[at - 1], digest) not in self.pairs:
                wanted.update((at - 1, at))
        return [docs[at] for at in sorted(wanted) if 0 <= at < len(docs)]


def _dumped(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False).encode()


def _digest(value: object) -> bytes:
    return hashlib.sha256(_dumped(value)).digest()


@contextmanager
def linked_copy(
    site_dir: Path, outputs: Iterable[str], instead: Mapping[str, str] = {}
) -> Iterator[Path]:
    """A temporary folder beside ``site_dir`` with the given files of it, at the same
    paths: hard links where the file system allows them, else copies; a file named in
    ``instead`` holds that text."""
    folder = Path(tempfile.mkdtemp(prefix=".journeys-guard-", dir=site_dir.parent))
    try:
        for output in outputs:
            source, target = site_dir / output, folder / output
            target.parent.mkdir(parents=True, exist_ok=True)
            if output in instead:
                target.write_text(instead[output], encoding="utf-8")
                continue
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def theme_stamps(theme_dirs: Sequence[Path]) -> list[tuple[str, int, int]]:
    """Each file of the theme folders the guard reads (not hidden ones, as MkDocs), with
    its time and size: a theme updated while serving has other stamps."""
    stamps = []
    for theme_dir in theme_dirs:
        for folder, subfolders, names in os.walk(theme_dir):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    status = os.stat(os.path.join(folder, name))
                    stamps.append((os.path.join(folder, name), status.st_mtime_ns, status.st_size))
    return stamps
