"""How the privacy guard reads a built site: every file, and every file's path, for the
phrases it looks for (:func:`scan`); on every core where a build allows it
(:class:`InParts`)."""

from __future__ import annotations

import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from journeys.privacy.guard_reading import (
    TagMemory,
    Tags,
    Unreadable,
    is_json,
    output_texts,
    printable_texts,
)
from journeys.privacy.json_entries import EntryMemory, phrases_in_json
from journeys.privacy.matching import TOKEN, Key, PhraseIndex, normalised, phone_numbers, windows
from journeys.privacy.needles import Needle, is_word
from journeys.privacy.png_text import SealedText, png_texts

MIN_BINARY_WORD = 6
"""A single word shorter than this is not looked for in the text runs of a file that is no
text: random bytes spell short words, and fonts name their features ("mark", "kern")."""

Found = tuple[list[tuple[str, Needle, bool]], list[tuple[str, str, bool]]]
"""What :func:`scan` finds: ``(output file, needle, in its path)`` and ``(output file, why
it cannot be read, sealed)``."""


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
    files are read in parts of about equal work, each part by one call of ``read``."""
    reader = _Reader(site_dir, found, usual, copied_from_theme, entry_memory)
    paths = sorted(path for path in site_dir.rglob("*") if path.is_file())
    if in_parts is None or in_parts.parts < 2:
        return reader.read(paths)
    found_in_parts = in_parts.run(reader.read, _shares(paths, in_parts.parts))
    return (
        [match for matches, _ in found_in_parts for match in matches],
        [problem for _, problems in found_in_parts for problem in problems],
    )


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
        memory = TagMemory()
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
            in_path = set(self.index.found_in(_path_words(output)))
            if from_theme:
                in_file = {phrase for phrase in in_file if not self.one_word(phrase)}
                in_path = {phrase for phrase in in_path if not self.one_word(phrase)}
            for phrase in sorted(in_file):
                matches.extend((output, needle, False) for needle in self.by_tokens[phrase])
            for phrase in sorted(in_path):
                matches.extend((output, needle, True) for needle in self.by_tokens[phrase])
        return matches, unread

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
) -> set[tuple[str, ...]]:
    """The phrases of ``index`` in the text of a file; JSON an entry at a time
    (:mod:`journeys.privacy.json_entries`: it finds what the whole file holds). Raises
    :class:`Unreadable` for a file that is no text."""
    in_json = phrases_in_json(path, output, index, overlap, entry_memory) if is_json(path) else None
    if in_json is not None:
        return in_json
    found: set[tuple[str, ...]] = set()
    for words, numbers in windows(output_texts(path, tags), overlap):
        found.update(index.found_in([*words, *numbers]))
    return found


def _path_words(output: str) -> list[str]:
    """The words of a file's path relative to the site, URL-decoded too."""
    decoded = urllib.parse.unquote(output)
    text = normalised(output if decoded == output else f"{output}\n{decoded}")
    return [*TOKEN.findall(text), *phone_numbers(text)]
