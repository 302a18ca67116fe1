"""What `mkdocs serve` keeps of the guard's watchlist from one rebuild to the next: what
it read in each published text (:class:`PublishedTextMemory`) and the needles it found in
each interview (:class:`NeedleMemory`); :func:`journeys.building.generation.study_watchlist`
hands them to :func:`journeys.privacy.needles.watchlist`."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeVar

from journeys.building.digests import Digests, Kept
from journeys.content.model import Interview
from journeys.content.records import Record
from journeys.privacy.matching import Key, PhraseIndex, tokens, words_and_pairs
from journeys.privacy.needles import Needle, needles, published_texts

T = TypeVar("T")


class PublishedTextMemory:
    """Reads the published texts for the guard's watchlist as
    :func:`journeys.privacy.needles.read_published` does, keeping what it found in each text:
    after a save most texts are those of the last rebuild, and a score changes none.

    What a text gives (the phrases looked for that stand in it, the counted words and pairs
    it holds) depends only on the text and on what is looked for, so it is kept under the
    text itself while the phrases and the counted keys are the same as in the last rebuild;
    when they differ, every text is read again. The result does not depend on the texts'
    order: the phrases are those of at least one text, the counts the sum of each text's
    (a text given twice counts twice, as there). So the last result is kept too, with how
    many texts give each phrase, and only the texts that came or went since are added to
    it or taken from it.

    The texts of a record (:func:`~journeys.privacy.needles.published_texts`) depend only
    on the record: :meth:`texts_of` keeps them under its digest."""

    def __init__(self) -> None:
        self.looked_for: tuple[frozenset[tuple[str, ...]], frozenset[Key]] | None = None
        self.read: dict[str, tuple[frozenset[tuple[str, ...]], frozenset[Key]]] = {}
        self.texts: Counter[str] = Counter()
        """The texts of the last call, each with how many times it was given."""
        self.in_texts: Counter[tuple[str, ...]] = Counter()
        """Each phrase found, with how many of those texts it stands in."""
        self.usual: Counter[Key] = Counter()
        self.texts_read = 0
        """Texts read by the last call (the others were known)."""
        self.kept_texts = Kept[bytes, tuple[str, ...]]()

    def __call__(
        self, phrases: set[tuple[str, ...]], counted: set[Key], texts: Iterable[str]
    ) -> tuple[set[tuple[str, ...]], Counter[Key]]:
        looked_for = (frozenset(phrases), frozenset(counted))
        if looked_for != self.looked_for:
            self.read, self.texts, self.in_texts, self.usual = {}, Counter(), Counter(), Counter()
        given_now = Counter(texts)
        index: PhraseIndex | None = None
        self.texts_read = 0
        for text in given_now.keys() | self.texts.keys():
            change = given_now[text] - self.texts[text]
            if not change:
                continue
            given = self.read.get(text)
            if given is None:
                index = index or PhraseIndex(phrases)
                words = tokens(text)
                present = words_and_pairs(words)
                given = (frozenset(index.found_in(words, present)), frozenset(present & counted))
                self.texts_read += 1
            _add(self.in_texts, given[0], change)
            _add(self.usual, given[1], change)
            if given_now[text]:
                self.read[text] = given
            else:
                del self.read[text]
        self.looked_for, self.texts = looked_for, given_now
        return set(self.in_texts), Counter(self.usual)

    def texts_of(self, digests: Digests) -> Callable[[Record], tuple[str, ...]]:
        """:func:`~journeys.privacy.needles.published_texts`, with this build's ``digests``."""
        self.kept_texts.rebuild()

        def texts_of(record: Record) -> tuple[str, ...]:
            make = functools.partial(published_texts, record)
            return self.kept_texts.get(digests.of_record(record), make)

        return texts_of


def _add(counts: Counter[T], keys: Iterable[T], change: int) -> None:
    """Add ``change`` to the count of each of ``keys``; a count that comes to 0 goes."""
    for key in keys:
        count = counts[key] + change
        if count:
            counts[key] = count
        else:
            del counts[key]


class NeedleMemory:
    """Finds the guard's needles of a study as :func:`journeys.privacy.needles.needles`
    does, keeping those of each interview under its digest (its values, unknown fields
    included, and its file: its path, body and lines): they depend on nothing else, and
    the needles of a study are those of its interviews in their order."""

    def __init__(self) -> None:
        self.kept = Kept[bytes, list[Needle]]()

    @property
    def found_again(self) -> int:
        """Interviews whose needles the last call worked out (the others were known)."""
        return self.kept.made

    def finder(self, digests: Digests) -> Callable[[list[Interview]], list[Needle]]:
        """:func:`~journeys.privacy.needles.needles`, with this build's ``digests``."""

        def find(interviews: list[Interview]) -> list[Needle]:
            self.kept.rebuild()
            found: list[Needle] = []
            for interview in interviews:
                make = functools.partial(needles, [interview])
                found.extend(self.kept.get(digests.of_record(interview), make))
            return found

        return find
