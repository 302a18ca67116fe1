"""The privacy guard while serving: after a rebuild, every file of the site is checked, but
only the files whose bytes changed are read again.

Why that is sound: what :func:`journeys.privacy.guard.find_leaks` reports about a file
depends on nothing but the file's path and bytes, what it looks for (the watchlist's
needles: which the watchlist files each needle under only makes the search faster), the
installed theme's files (a site file that is a byte-for-byte copy of one, and the words of
its templates) and ``publish_unread``. So a file whose path and bytes (by SHA-256) are
those of a file read before, with the same needles, theme files (by their bytes) and
patterns, holds what it held: its findings are kept. Any other file is read as a full
build reads it, with the guard itself, from a private copy of the files that changed,
whose findings are kept under the digest of the very bytes copied and read (a file
rewritten while the guard reads is read again next time); of a JSON file (the search
index, which every save changes), only the entries that changed are read again
(:mod:`journeys.privacy.json_entries` says why that finds what reading it whole finds).
Those are read first, then the other files, so that pages read while the site was made
(``read_before``, :mod:`journeys.mkdocs.guard_beside`) are done by then: what is found in
a file does not depend on the files read with it.
When the needles, the theme's files or the patterns change, every file is read again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from journeys.privacy import guard
from journeys.privacy.guard_reading import is_json
from journeys.privacy.json_entries import EntryMemory
from journeys.privacy.needles import Needle
from journeys.privacy.site_scan import site_files

Inputs = tuple[list[Needle], list[tuple[str, bytes]], list[str]]


class GuardMemory:
    """What the guard found in each file of the site the last time it read it."""

    def __init__(self) -> None:
        self.inputs: Inputs | None = None
        self.found: dict[str, tuple[bytes, list[guard.Leak]]] = {}
        """Path relative to the site: the digest of the bytes read, and what was found."""
        self.read_last: list[str] = []
        """The files the last check read (the others' findings were kept)."""
        self.entries = EntryMemory()
        """Of the JSON files read (the search index): what each entry gave."""

    def find_leaks(
        self,
        site_dir: Path,
        watching: guard.Watchlist,
        theme_dirs: Sequence[Path],
        publish_unread: Iterable[str] = guard.PUBLISH_UNREAD,
        read_before: Callable[[], guard.ReadBefore | None] = lambda: None,
    ) -> list[guard.Leak]:
        """What :func:`journeys.privacy.guard.find_leaks` finds in ``site_dir``.
        ``read_before()``: what was found in pages read while the site was made (called
        once the changed JSON files are read), as :func:`~journeys.privacy.guard.find_leaks`
        takes it."""
        patterns = list(publish_unread)
        inputs = (list(watching.needles), theme_digests(theme_dirs), patterns)
        if inputs != self.inputs:
            self.found = {}
            self.entries = EntryMemory()
            self.inputs = inputs
        digests = {
            path.relative_to(site_dir).as_posix(): _digest(path.read_bytes())
            for path in site_files(site_dir)  # as the guard lists them: linked folders too
        }
        self.read_last = [
            output
            for output, digest in digests.items()
            if output not in self.found or self.found[output][0] != digest
        ]
        found: dict[str, list[guard.Leak]] = defaultdict(list)
        read_digests: dict[str, bytes] = {}
        # The JSON files first (the search index): pages read beside meanwhile are done.
        json_files = [output for output in self.read_last if is_json(Path(output))]
        pages = [output for output in self.read_last if not is_json(Path(output))]
        for outputs, ahead in ((json_files, lambda: None), (pages, read_before)):
            read_ahead = ahead()
            if not outputs:
                continue
            with copied(site_dir, outputs, read_digests) as changed:
                for leak in guard.find_leaks(
                    changed, watching, theme_dirs, patterns, self.entries, read_before=read_ahead
                ):
                    found[leak.output].append(leak)
        read = set(self.read_last)
        kept, self.found = self.found, {}
        for output in digests:
            # A file not read again holds the bytes it held when it was read; one read now,
            # the bytes copied (none: it could not be copied, and is read next time too).
            read_now = (read_digests.get(output, b""), found[output])
            self.found[output] = read_now if output in read else kept[output]
        leaks = [leak for _, file_leaks in self.found.values() for leak in file_leaks]
        return sorted(
            leaks,
            key=lambda leak: (
                *(leak.output, leak.in_path, leak.line),
                *(leak.source, leak.field, leak.part),
            ),
        )


@contextmanager
def copied(site_dir: Path, outputs: Iterable[str], digests: dict[str, bytes]) -> Iterator[Path]:
    """A temporary folder beside ``site_dir`` with a copy of the given files of it, at the
    same paths; ``digests`` gets the digest of each file's bytes as copied. A file that
    cannot be read is linked instead (the guard reports what it cannot read), or left out
    if it is gone."""
    folder = Path(tempfile.mkdtemp(prefix=".journeys-guard-", dir=site_dir.parent))
    try:
        for output in outputs:
            source, target = site_dir / output, folder / output
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                data = source.read_bytes()
            except OSError:
                with contextlib.suppress(OSError):
                    os.link(source, target)
                continue
            target.write_bytes(data)
            digests[output] = _digest(data)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def theme_digests(theme_dirs: Sequence[Path]) -> list[tuple[str, bytes]]:
    """Each file of the theme folders the guard reads (not hidden ones, as MkDocs), with
    the digest of its bytes: a theme changed while serving, even in place with its time
    and size kept, has other digests."""
    found = []
    for theme_dir in theme_dirs:
        for folder, subfolders, names in os.walk(theme_dir):
            subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
            for name in sorted(names):
                if not name.startswith("."):
                    path = os.path.join(folder, name)
                    found.append((path, _digest(Path(path).read_bytes())))
    return found
