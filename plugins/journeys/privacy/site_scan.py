"""How the privacy guard reads a built site: every file, and every file's path, for the
phrases it looks for (:func:`scan`); on every core where a build allows it
(:class:`InParts`)."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from journeys.privacy.guard_reading import (
    MARKUP_NAMES,
    Tags,
    Unreadable,
    is_json,
    output_texts,
    printable_texts,
)
from journeys.privacy.json_entries import EntryMemory, phrases_in_json
from journeys.privacy.matching import (
    TOKEN,
    Key,
    PhraseIndex,
    normalised,
    phone_numbers,
    tokens,
    windows,
)
from journeys.privacy.needles import Needle, is_word
from journeys.privacy.png_text import SealedText, png_texts

MIN_BINARY_WORD = 6
"""A single word shorter than this is not looked for in the text runs of a file that is no
text: random bytes spell short words, and fonts name their features ("mark", "kern")."""

Found = tuple[list[tuple[str, Needle, bool]], list[tuple[str, str, bool]]]
"""What :func:`scan` finds: ``(output file, needle, in its path)`` and ``(output file, why
it cannot be read, sealed)``."""


class ReadBefore(dict[str, tuple[bytes, frozenset[tuple[str, ...]]]]):
    """What :func:`read_ahead` found in pages read while the site was still being built: for
    each page's path in the site, a digest of the bytes it read and the phrases in them;
    and the phrases it looked for (:func:`scan` takes what it found only when it looks
    for the same)."""

    def __init__(self, looked_for: frozenset[tuple[str, ...]]) -> None:
        super().__init__()
        self.looked_for = looked_for


@dataclass(frozen=True)
class InParts:
    """How :func:`scan` may read a site's files in ``parts`` at once: ``run(read, shares)``
    is ``[read(share) for share in shares]``, each share read in a process of its own
    (``journeys.building.isolated.in_parts``)."""

    parts: int
    run: Callable[[Callable[[list[Path]], Found], list[list[Path]]], list[Found]]


def scan(
    site_dir: Path,
    found: Iterable[Needle],
    usual: Counter[Key] | None = None,
    copied_from_theme: set[str] | frozenset[str] = frozenset(),
    entry_memory: EntryMemory | None = None,
    in_parts: InParts | None = None,
    read_before: ReadBefore | None = None,
) -> Found:
    """``(output file, needle, found in its path)`` for each needle found in a file of the
    site or in its path: every file (HTML, search index, sitemap, SVG, CSV, JSON, theme
    assets: anything); and ``(output file, why, sealed)`` for each file that could not be
    read as text (its printable runs are searched; ``sealed``: text stored compressed in it
    could not be unpacked either). ``usual`` counts the texts each word or word
    pair stands in, to file needles under rare ones. In the files ``copied_from_theme``,
    single words other than numbers are not looked for; in the text runs of a file that is
    no text, single words shorter than MIN_BINARY_WORD are not. ``entry_memory``: what the
    entries of JSON files gave when read before (while serving). With ``in_parts``, the
    files are read in parts of about equal work, each part by one call of ``read``.
    ``read_before``: what :func:`read_ahead` found in pages while the site was being
    built; a page whose bytes are still those it read is not read again. What is found is
    the same either way, in the order of the files."""
    reader = _Reader(site_dir, found, usual, copied_from_theme, entry_memory)
    paths = site_files(site_dir)
    outputs = [path.relative_to(site_dir).as_posix() for path in paths]
    position = {output: n for n, output in enumerate(outputs)}
    if read_before is not None and read_before.looked_for != frozenset(reader.by_tokens):
        read_before = None  # it looked for other phrases (another theme's words left out)
    unchanged = _unchanged(paths, outputs, read_before or {}, copied_from_theme)
    to_read = [path for path, output in zip(paths, outputs) if output not in unchanged]
    if in_parts is None or in_parts.parts < 2:
        found_in_parts = [reader.read(to_read)]
    else:
        found_in_parts = in_parts.run(reader.read, _shares(to_read, in_parts.parts))
    read_ahead_matches: list[tuple[str, Needle, bool]] = []
    for output, in_file in unchanged.items():
        reader.add_matches(output, set(in_file), read_ahead_matches)
    matches = [*read_ahead_matches, *(match for found, _ in found_in_parts for match in found)]
    problems = [problem for _, problems in found_in_parts for problem in problems]
    return (
        sorted(matches, key=lambda match: position[match[0]]),
        sorted(problems, key=lambda problem: position[problem[0]]),
    )


def read_ahead(
    site_dir: Path,
    found: Iterable[Needle],
    usual: Counter[Key] | None,
    pages: Iterable[Path],
    stopped: Callable[[], bool],
) -> ReadBefore:
    """What :func:`scan` would find in each of ``pages`` (files of the site, as they are
    written while it is built; a JSON file is left to :func:`scan`), with a digest of the
    bytes read. Once ``stopped()``, the pages still to come are left unread."""
    reader = PageReader(found, usual)
    read = ReadBefore(reader.looked_for)
    for path in pages:
        if stopped():
            continue
        read.update(reader.read(site_dir, path))
    return read


class PageReader:
    """Pages read one at a time as :func:`read_ahead` reads them, for as long as what is
    looked for is the same: its index is made once, and the header, navigation and footer
    the pages repeat are read once (:class:`TagMemory`), whichever site they are of."""

    def __init__(self, found: Iterable[Needle], usual: Counter[Key] | None) -> None:
        self._reader = _Reader(Path(), found, usual, frozenset(), None)
        self._memory = TagMemory(self._reader.overlap, _gap_word(self._reader.by_tokens))
        self.looked_for = frozenset(self._reader.by_tokens)
        self.fingerprint = fingerprint(self.looked_for)

    def read(
        self, site_dir: Path, path: Path
    ) -> dict[str, tuple[bytes, frozenset[tuple[str, ...]]]]:
        """What :func:`scan` would find in ``path``, a file of ``site_dir``, with a digest of
        the bytes read, under its path in the site; nothing for a JSON file (left to
        :func:`scan`) or one that cannot be read now (read when the site is done)."""
        if is_json(path):
            return {}
        reader, memory = self._reader, self._memory
        try:
            data = path.read_bytes()
            output = path.relative_to(site_dir).as_posix()
            in_file = _found_in_text(
                path, output, reader.index, reader.overlap, memory.unread, None, data
            )
        except (OSError, ValueError, Unreadable):  # read when the site is done, as any other
            memory.done(clean=False)
            return {}
        memory.done(clean=not in_file)
        return {output: (_digest(data), frozenset(in_file))}


def fingerprint(looked_for: Iterable[tuple[str, ...]]) -> bytes:
    """A digest of the phrases looked for: what another process read with is known to be
    what it looked for without sending every phrase."""
    return hashlib.sha256(repr(sorted(looked_for)).encode("utf-8", "surrogatepass")).digest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def _unchanged(
    paths: list[Path],
    outputs: Iterable[str],
    read_before: dict[str, tuple[bytes, frozenset[tuple[str, ...]]]],
    copied_from_theme: set[str] | frozenset[str],
) -> dict[str, frozenset[tuple[str, ...]]]:
    """The phrases :func:`read_ahead` found in each file (by its ``outputs``, the paths'
    paths in the site) whose bytes are still those it read (not a copy of the theme's, nor
    JSON, which are read otherwise)."""
    unchanged: dict[str, frozenset[tuple[str, ...]]] = {}
    for path, output in zip(paths, outputs):
        before = read_before.get(output)
        if before is None or output in copied_from_theme or is_json(path):
            continue
        try:
            if _digest(path.read_bytes()) == before[0]:
                unchanged[output] = before[1]
        except OSError:  # read as any other file: it cannot be opened, so it fails closed
            continue
    return unchanged


class TagMemory:
    """What the tags of the last file read that held nothing looked for said: the header,
    navigation and footer every page repeats are read once, not once per page. Where tags
    of a page stand as in that file, the same insides in the same order, no phrase looked
    for stands within that run (it was read whole there). Only the edges of such a run are
    read again: a phrase may run from the words before it into its first ``overlap``
    words, or from its last ones on. Between them stands ``overlap + 1`` times ``gap``, a
    word no phrase looked for holds, so that no phrase runs across. A run holds only
    insides the guard reads the same in every way it reads a page: ASCII text without
    entities, URL or script escapes, markup or data URLs; and no run is shortened in a
    page whose tags hold an entity."""

    LIMIT = 10_000
    """Runs whose edges are kept (pages repeat the same runs)."""

    def __init__(self, overlap: int, gap: str) -> None:
        self.overlap = overlap
        self.gap = gap
        self.last_clean: list[str] = []
        self.reading: list[str] = []
        self.words_of: dict[str, list[str]] = {}
        self.positions: dict[str, int] = {}
        """Where each inside of the last clean file first stands in it."""
        self.edges_of: dict[tuple[str, ...], list[str]] = {}

    def unread(self, insides: list[str]) -> list[str]:
        """``insides`` in order, each run of them that stands as it is in the last clean
        file shortened to its edges."""
        self.reading = insides
        if any("&" in inside for inside in insides):
            # An entity may read as `>` and so make tags of the tags' text once more (see
            # `guard_reading._readable`): a tag of that reading could hold any part of a
            # run, whose words it reads otherwise (an attribute's name left out). Read all.
            return insides
        known = self.last_clean
        read: list[str] = []
        start = 0
        while start < len(insides):
            there = self.positions.get(insides[start])
            length = 0
            if there is not None:
                most = min(len(insides) - start, len(known) - there)
                while (
                    length < most
                    and insides[start + length] == known[there + length]
                    and _PLAIN_INSIDE.fullmatch(insides[start + length])
                ):
                    length += 1
            if length == 0:
                read.append(insides[start])
                start += 1
            else:
                read += self._edges(insides[start : start + length])
                start += length
        return read

    def done(self, clean: bool) -> None:
        """The file read last held nothing looked for (``clean``), or did."""
        if clean:
            self.last_clean = self.reading
            self.positions = {}
            for position, inside in enumerate(self.reading):
                self.positions.setdefault(inside, position)
        self.reading = []

    def _edges(self, run: list[str]) -> list[str]:
        key = tuple(run)
        edges = self.edges_of.get(key)
        if edges is None:
            if len(self.edges_of) >= self.LIMIT:
                self.edges_of.clear()
            edges = self.edges_of[key] = self._edges_of(run)
        return edges

    def _edges_of(self, run: list[str]) -> list[str]:
        head, head_insides = self._first_words(run)
        tail, tail_insides = self._first_words(run[::-1], backwards=True)
        if head_insides + tail_insides >= len(run):  # they meet: the run is short, read it
            return run
        kept = [*head, *[self.gap] * (self.overlap + 1), *tail[::-1]]
        # A first word a tag's name would be taken for; words apart by a sign that neither
        # joins a number nor is an attribute's `=`.
        return ["kept " + ",".join(kept)]

    def _first_words(self, run: list[str], backwards: bool = False) -> tuple[list[str], int]:
        """The first ``overlap`` words of the insides ``run`` (``backwards``: each inside's
        words last first), and how many insides hold them."""
        words: list[str] = []
        count = 0
        while len(words) < self.overlap and count < len(run):
            inside = run[count]
            if inside not in self.words_of:
                self.words_of[inside] = tokens(MARKUP_NAMES.sub(" ", f"\0{inside}"))
            words += self.words_of[inside][::-1] if backwards else self.words_of[inside]
            count += 1
        return words[: self.overlap], count


_PLAIN_INSIDE = re.compile(
    r"(?!.*;base64,)[\t\n\r\x20-\x24\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*", re.DOTALL
)
"""ASCII without ``& % < > \\``: read alike as it stands, unescaped, URL- or script-decoded."""


class _Reader:
    """What :func:`scan` finds in some of the site's files: what it looks for, indexed."""

    def __init__(
        self,
        site_dir: Path,
        found: Iterable[Needle],
        usual: Counter[Key] | None,
        copied_from_theme: set[str] | frozenset[str],
        entry_memory: EntryMemory | None,
    ) -> None:
        self.site_dir = site_dir
        self.by_tokens: dict[tuple[str, ...], list[Needle]] = defaultdict(list)
        for needle in found:
            self.by_tokens[needle.tokens].append(needle)
        self.index = (entry_memory or EntryMemory()).phrase_index(self.by_tokens, usual)
        self.overlap = max((len(phrase) for phrase in self.by_tokens), default=1) - 1
        self.copied_from_theme = copied_from_theme
        self.entry_memory = entry_memory

    def one_word(self, phrase: tuple[str, ...], shorter_than: int | None = None) -> bool:
        return all(
            is_word(needle) and (shorter_than is None or len(phrase[0]) < shorter_than)
            for needle in self.by_tokens[phrase]
        )

    def read(self, paths: list[Path]) -> Found:
        memory = TagMemory(self.overlap, _gap_word(self.by_tokens))
        matches: list[tuple[str, Needle, bool]] = []
        unread: list[tuple[str, str, bool]] = []
        for path in paths:
            output = path.relative_to(self.site_dir).as_posix()
            from_theme = output in self.copied_from_theme
            in_file: set[tuple[str, ...]] = set()
            try:
                tags = None if from_theme else memory.unread
                in_file = _found_in_text(
                    path, output, self.index, self.overlap, tags, self.entry_memory
                )
            except Unreadable as problem:
                unread.append((output, str(problem), False))
                in_file.update(self.in_text_runs(path, output, unread))
            memory.done(clean=not in_file)
            self.add_matches(output, in_file, matches, from_theme)
        return matches, unread

    def add_matches(
        self,
        output: str,
        in_file: set[tuple[str, ...]],
        matches: list[tuple[str, Needle, bool]],
        from_theme: bool = False,
    ) -> None:
        """The needles of the phrases found in a file, and of those in its path."""
        in_path = set(self.index.found_in(_path_words(output)))
        if from_theme:
            in_file = {phrase for phrase in in_file if not self.one_word(phrase)}
            in_path = {phrase for phrase in in_path if not self.one_word(phrase)}
        for phrase in sorted(in_file):
            matches.extend((output, needle, False) for needle in self.by_tokens[phrase])
        for phrase in sorted(in_path):
            matches.extend((output, needle, True) for needle in self.by_tokens[phrase])

    def in_text_runs(
        self, path: Path, output: str, unread: list[tuple[str, str, bool]]
    ) -> set[tuple[str, ...]]:
        """What stands in the printable runs of a file that is no text (and in a PNG's
        compressed text, or ``unread`` says it is sealed)."""
        found: set[tuple[str, ...]] = set()
        try:
            pieces = chain(printable_texts(path), png_texts(path))
            for words, numbers in windows(pieces, self.overlap):
                found.update(self.index.found_in([*words, *numbers]))
        except SealedText as sealed:
            unread.append((output, str(sealed), True))
        return {phrase for phrase in found if not self.one_word(phrase, MIN_BINARY_WORD)}


def _gap_word(looked_for: Iterable[tuple[str, ...]]) -> str:
    """A word that no phrase looked for holds."""
    words = {word for phrase in looked_for for word in phrase}
    return next(f"gap{n}" for n in itertools.count() if f"gap{n}" not in words)


def site_files(site_dir: Path) -> list[Path]:
    """Every file of the site, in the order of their paths: those in a linked folder too
    (a copy or a deploy takes them), but for a link back to a folder it stands in."""
    found: list[Path] = []
    for folder, subfolders, names in os.walk(site_dir, followlinks=True):
        here = Path(folder)
        if here != site_dir and here.is_symlink():
            within = {os.path.realpath(above) for above in (here.parent, *here.parent.parents)}
            if os.path.realpath(here) in within:
                subfolders[:] = []
                continue
        found += (here / name for name in names)
    return sorted(path for path in found if path.is_file())


def _shares(paths: list[Path], parts: int) -> list[list[Path]]:
    """``paths`` in ``parts`` shares of about equal work (a JSON file's byte is read about
    three times as slowly as another's), each in the order of ``paths``."""
    shares: list[list[Path]] = [[] for _ in range(parts)]
    work = [0] * parts
    weighed = [(path.stat().st_size * (3 if is_json(path) else 1), path) for path in paths]
    for weight, path in sorted(weighed, key=lambda item: -item[0]):
        lightest = work.index(min(work))
        shares[lightest].append(path)
        work[lightest] += weight
    order = {path: position for position, path in enumerate(paths)}
    return [sorted(share, key=order.__getitem__) for share in shares]


def _found_in_text(
    path: Path,
    output: str,
    index: PhraseIndex,
    overlap: int,
    tags: Tags | None,
    entry_memory: EntryMemory | None,
    data: bytes | None = None,
) -> set[tuple[str, ...]]:
    """The phrases of ``index`` in the text of a file; JSON an entry at a time
    (:mod:`journeys.privacy.json_entries`: it finds what the whole file holds). Raises
    :class:`Unreadable` for a file that is no text."""
    in_json = phrases_in_json(path, output, index, overlap, entry_memory) if is_json(path) else None
    if in_json is not None:
        return in_json
    found: set[tuple[str, ...]] = set()
    for words, numbers in windows(output_texts(path, tags, data), overlap):
        found.update(index.found_in([*words, *numbers]))
    return found


def _path_words(output: str) -> list[str]:
    """The words of a file's path relative to the site, URL-decoded too."""
    decoded = urllib.parse.unquote(output)
    text = normalised(output if decoded == output else f"{output}\n{decoded}")
    return [*TOKEN.findall(text), *phone_numbers(text)]
