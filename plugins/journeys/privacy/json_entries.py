"""The privacy guard's reading of a JSON file (the search index above all) an entry at a
time: it finds what reading the file whole finds, and, given an :class:`EntryMemory`, reads
again only the entries that changed since the last time (`mkdocs serve` after a save: a few
entries of thousands).

Where the file is cut: between two objects of an array, after a ``}`` that follows a
string's closing quote and before ``,{"`` (spaces and line ends allowed between them):
outside any string, as the whole file is read
(:func:`journeys.privacy.guard_reading.json_texts` goes from quote to quote the same way).
What stands between those two strings, ``},{`` and spaces, is no word, no digit and no
markup, so the parts read one by one give the words the whole gives, in the same order, and
no phone number runs over a cut (it stops at the ``}``).

Each entry is read as the whole file is, by :func:`journeys.privacy.matching.windows`:
what is found in a window does not depend on what else is read with it (a phone number
fits in the context a window carries over, normalisation is the same whatever the share of
another script). A phrase that stands over a cut is looked for in the words around it: the
last ``overlap`` words of the file before it and the first ``overlap`` of the entry after
it. A phrase of up to ``overlap + 1`` words (the longest looked for) over several cuts
stands whole around the last of them. So the phrases found are those of each entry and
those over each cut: each stands in the file's words, and every phrase that does is one of
them.

An entry read before is known by the SHA-256 of its text, a cut by the words around it. The
memory is good only while what is looked for is the same: its owner
(:class:`journeys.building.guard_memory.GuardMemory`) starts a new one when it changes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from journeys.privacy import guard_reading
from journeys.privacy.matching import Key, PhraseIndex, windows

Phrase = tuple[str, ...]
# After a string's closing quote: the "}" to cut after, if an object opens after it.
_CUT = re.compile(r'\s*\}(?=\s*,\s*\{\s*")')
_LOOK_AHEAD = 64
"""Characters after a string that must be at hand to tell a cut (one missed for want of
them only makes an entry longer)."""


@dataclass(frozen=True)
class EntryReading:
    found: frozenset[Phrase]
    head: tuple[str, ...]
    """Its first ``overlap`` words (all of them, when it has fewer)."""
    tail: tuple[str, ...]
    """Its last ``overlap`` words (likewise)."""


@dataclass
class _FileMemory:
    entries: dict[bytes, EntryReading] = field(default_factory=dict)
    cuts: dict[tuple[Phrase, Phrase], frozenset[Phrase]] = field(default_factory=dict)


class EntryMemory:
    """What each entry and each cut of the JSON files of a site gave the last time they
    were read, by file."""

    def __init__(self) -> None:
        self.files: dict[str, _FileMemory] = {}
        self.entries_read = 0
        """Entries read by the last call (the others were known)."""
        self.index: tuple[frozenset[Phrase], PhraseIndex] | None = None

    def phrase_index(self, phrases: Iterable[Phrase], usual: Counter[Key] | None) -> PhraseIndex:
        """The guard's phrase index of ``phrases``, kept while they are the same (``usual``
        only orders what the index looks at first: it finds the same)."""
        looked_for = frozenset(phrases)
        if self.index is None or self.index[0] != looked_for:
            self.index = (looked_for, PhraseIndex(looked_for, usual))
        return self.index[1]


class TooLong(Exception):
    """The file has a part longer than the limit with no place to cut it: read it whole."""


def entries(texts: Iterable[str]) -> Iterator[str]:
    """The text made of ``texts`` cut into entries (see the module). Raises :class:`TooLong`
    when more than ``UNCLOSED_STRING_LIMIT`` characters go by without a cut, or after the
    last string closed: an entry is never held longer than the whole file's reader holds a
    string, and a string that reader gives out in parts is read by it."""
    pending = ""
    done = 0  # in pending: read up to here, outside any string
    before = 0  # what stood between the last string closed and the cut, when done is 0
    for chunk, last in _with_last(texts):
        text = pending + chunk
        start = 0
        while (quote := text.find('"', done)) != -1:
            string = guard_reading.STRING_REST.match(text, quote + 1)
            if string is None or (not last and len(text) - string.end() < _LOOK_AHEAD):
                break  # the string, or what follows it, goes on in the next part
            done = string.end()
            if cut := _CUT.match(text, done):
                yield text[start : cut.end()]
                start, before = cut.end(), cut.end() - done
                done = start
        pending, done = text[start:], max(done - start, 0)
        # As the whole file's reader counts, from the last string closed: past the limit,
        # it gives the text after it out in parts (json_texts); read whole, as it does.
        unclosed = len(pending) - done + (before if done == 0 else 0)
        if max(len(pending), unclosed) > guard_reading.UNCLOSED_STRING_LIMIT:
            raise TooLong
    if pending:
        yield pending


def _with_last(texts: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each text, and whether it is the last."""
    iterator = iter(texts)
    current = next(iterator, None)
    while current is not None:
        following = next(iterator, None)
        yield current, following is None
        current = following


def phrases_in_json(
    path: Path, output: str, index: PhraseIndex, overlap: int, memory: EntryMemory | None = None
) -> set[Phrase] | None:
    """The phrases of ``index`` that stand in the JSON file at ``path`` (``output``: its
    path in the site), read an entry at a time, those known to ``memory`` not read again;
    None when it cannot be cut into entries short enough (read it whole). Raises
    :class:`~journeys.privacy.guard_reading.Unreadable` as the whole file's reader does."""
    kept = memory.files.get(output) if memory is not None else None
    known = _FileMemory() if kept is None else kept
    now = _FileMemory()
    readings: list[EntryReading] = []
    read = 0
    try:
        for entry in entries(guard_reading.decoded_texts(path)):
            digest = hashlib.sha256(entry.encode("utf-8", "surrogatepass")).digest()
            reading = now.entries.get(digest) or known.entries.get(digest)
            if reading is None:
                reading = _read_entry(entry, index, overlap)
                read += 1
            now.entries[digest] = reading
            readings.append(reading)
    except TooLong:
        return None
    found: set[Phrase] = set()
    for reading in readings:
        found.update(reading.found)
    for around in _cuts(readings, overlap):
        phrases = now.cuts.get(around)
        if phrases is None:
            phrases = known.cuts.get(around)
        if phrases is None:
            phrases = frozenset(index.found_in([*around[0], *around[1]]))
        now.cuts[around] = phrases
        found.update(phrases)
    if memory is not None:
        memory.files[output] = now
        memory.entries_read = read
    return found


def _read_entry(entry: str, index: PhraseIndex, overlap: int) -> EntryReading:
    found: set[Phrase] = set()
    head: list[str] = []
    last: list[str] = []
    carried = 0  # the words a window starts with that end the one before it
    for words, numbers in windows(guard_reading.json_texts([entry]), overlap):
        found.update(index.found_in([*words, *numbers]))
        head += words[carried:][: overlap - len(head)]
        last = words
        carried = min(overlap, len(words))
    tail = last[-overlap:] if overlap else []
    return EntryReading(frozenset(found), tuple(head), tuple(tail))


def _cuts(readings: list[EntryReading], overlap: int) -> Iterator[tuple[Phrase, Phrase]]:
    """The last ``overlap`` words before each cut (from as many entries as they take) and
    the first ``overlap`` of the entry after it. A phrase over several cuts is whole around
    the last of them: the words before it are the last of the file before that cut, and
    the rest stand at the start of the one entry after it."""
    if not overlap:
        return
    before: Phrase = ()
    for reading, following in pairwise(readings):
        before = (before + reading.tail)[-overlap:]
        yield before, following.head
