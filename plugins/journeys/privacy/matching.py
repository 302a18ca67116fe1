"""How the privacy guard compares text: normalised, in word tokens, with phone numbers as
words of their own, and an index that finds which of many phrases stand in a text.

Matching is on word tokens after Unicode normalisation (compatibility forms such as
full-width letters made plain, as NFKC does; letters of other scripts that look like Latin
ones made Latin, so a Cyrillic "е" in "Fеmke" is an "e"; case-folded; diacritics and
invisible characters removed, so "Noël", "Noe\u0308l", "ＮＯＥＬ" and "Noel" are the same
word), in time linear in the size of the site. Words are split at any punctuation, so the
words of ``jan-de-vries`` or ``jan.de.vries`` in a profile URL are found. A phone number
is matched by its digits: a run of digits with up to NUMBER_GAP spaces, dashes, dots,
slashes or parentheses between each two is one number, and two numbers are the same phone
when their last PHONE_DIGITS digits agree ("+31 6 48213957", "06-48213957", "0031 (0)6 482 139 57");
a number followed by another one in the same run ("06-48213957 34" in a table's row) is
found too.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise

TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Combining diacritical marks (Latin, Greek, Cyrillic), soft hyphen and zero-width characters.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]"
)
# Letters of other scripts that look like Latin ones (as in Unicode's confusables), made
# Latin before case-folding, as they look: an upper-case Greek eta like "H", a lower-case one
# like "n". So one Greek word in two cases can fold apart: participant values are looked for
# in each case (:func:`journeys.privacy.needles._case_forms`).
# fmt: off
_LOOK_ALIKES = str.maketrans({
    **dict(zip("АВЕКМНОРСТУХЅІЈҺӀԚԜҮ", "ABEKMHOPCTYXSIJHIQWY")),  # Cyrillic
    **dict(zip("авекмнорстухѕіјһӏԛԝүԁѵ", "abekmhopctyxsijhlqwydv")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),  # Greek
    **dict(zip("αικνορτυχϲϳγη", "aikvoptuxcjyn")),
    **dict(zip("ıɑɡօսհո", "iagouhn")),  # Latin (dotless i, alpha, script g), Armenian
})
# fmt: on
_NOT_WORD = re.compile(r"[\W_]")
_ASCII_SIGN = re.compile(r"[!-/:-@\[-`{-~]")
# The text's own ASCII signs, kept aside as characters of a private use area while the rest
# is decomposed (which no decomposition, case or look-alike touches), then put back.
_KEPT_SIGNS = {
    0xF000 + ord(sign): ord(sign) for sign in map(chr, range(128)) if _ASCII_SIGN.match(sign)
}
# A character of the text's own in that area is a sign, a space as _folded makes it.
_KEEP_SIGNS = {kept: ord(" ") for kept in _KEPT_SIGNS} | {s: k for k, s in _KEPT_SIGNS.items()}
_OTHER_SIGN = re.compile(r"[^\w\x00-\x7f]")
PHONE_DIGITS = 9
"""Two phone numbers are the same when their last this many digits agree (and both have as
many): "+31 6 48213957" and "06-48213957"."""
NUMBER_GAP = 3
"""At most this many spaces, dashes, dots, slashes or parentheses stand between two digits
of one number ("06 - 11", "(0)6"): a number then fits in NUMBER_CONTEXT characters, so it
is found wherever the edge of a window falls."""
# A run of digits with spaces, dashes, dots, slashes or parentheses between them: one
# number. Only runs of PHONE_DIGITS digits or more. ASCII digits: text is normalised.
_NUMBER = re.compile(rf"[0-9](?:[ \t./()-]{{0,{NUMBER_GAP}}}[0-9]){{{PHONE_DIGITS - 1},}}")
_DIGITS = re.compile(r"[0-9]+")
_PHONE_MARK = "+"
"""Starts the word a phone number is looked for as; no word of a text starts so."""
Key = str | tuple[str, str]
"""What phrases are filed under: a word, or a pair of adjacent words."""


def normalised(text: str) -> str:
    """Text as the guard compares it: compatibility forms as plain letters, look-alike
    letters of other scripts as Latin ones, case-folded, without diacritics and invisible
    characters. Only what is not ASCII is looked at closely; other signs than letters and
    digits become spaces there, so that text in a Latin script comes out as ASCII, which
    is tokenised fastest."""
    if text.isascii():
        return text.lower()
    mostly_another_script = len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) // 8
    if mostly_another_script:
        # As _folded makes each run of it, whole: the signs a compatibility form stands for
        # ("，" for ",") become spaces, as other signs do; those of the text stay.
        decomposed = (
            unicodedata.normalize("NFKD", text.translate(_KEEP_SIGNS))
            .translate(_LOOK_ALIKES)
            .casefold()
        )
        plain = _ASCII_SIGN.sub(" ", _MARKS.sub("", decomposed)).translate(_KEPT_SIGNS)
        # Lower-cased after folding, as below: Cherokee folds to capitals, which `lower`
        # turns back, so the same word reads alike whatever surrounds it.
        return _OTHER_SIGN.sub(" ", plain).lower()
    return _NON_ASCII.sub(_folded, text).lower()  # a few words: those alone, not the whole text


def _folded(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFKD", match.group()).translate(_LOOK_ALIKES).casefold()
    return _NOT_WORD.sub(" ", _MARKS.sub("", decomposed))


def tokens(text: str) -> list[str]:
    return TOKEN.findall(normalised(text))


def phone_numbers(text: str) -> set[str]:
    """The phone numbers of ``normalised`` text, as the words they are looked for as: the
    mark and the last PHONE_DIGITS digits. Each run of digits (see :data:`_NUMBER`) gives
    the number that ends at each of its groups, so that a phone number followed by another
    number ("06-48213957 34", the cells of a table's row) is found."""
    found: set[str] = set()
    for run in _NUMBER.finditer(text):
        last = ""
        count = 0
        for group in _DIGITS.findall(run.group()):
            last = (last + group)[-PHONE_DIGITS:]
            count += len(group)
            if count >= PHONE_DIGITS:
                found.add(_PHONE_MARK + last)
    return found


def phone_needle_words(value: str) -> set[str]:
    """The phone numbers of a participant value: each run of digits whole (see
    :func:`phone_numbers`), as the word it is looked for as."""
    return {
        _PHONE_MARK + "".join(_DIGITS.findall(run.group()))[-PHONE_DIGITS:]
        for run in _NUMBER.finditer(normalised(value))
    }


class PhraseIndex:
    """Finds which of many phrases stand in a text, in time that grows with the text, not
    with text x phrases: each phrase is filed under its rarest pair of adjacent words (or
    its word, if it has one), and under that by its second rarest; only the phrases filed
    under a pair or word the text contains, then under a second one it contains, and whose
    every pair it contains, are looked for in it. (With one level, a key that thousands of
    phrases share, in a study of thousands of similar texts, made the search quadratic.)"""

    def __init__(
        self, phrases: Iterable[tuple[str, ...]], usual: Counter[Key] | None = None
    ) -> None:
        keys_of = {phrase: phrase_keys(phrase) for phrase in set(phrases)}
        frequency = Counter(key for keys in keys_of.values() for key in set(keys))
        usual = usual or Counter()
        # key -> second key (None: the phrase has no other) -> phrase -> (its keys, its text,
        # where the key's text starts in it)
        self.by_key: dict[Key, dict[Key | None, dict[tuple[str, ...], _Filed]]] = defaultdict(
            lambda: defaultdict(dict)
        )
        self.seconds: dict[Key, set[Key]] = defaultdict(set)
        self.key_of: dict[tuple[str, ...], tuple[Key, Key | None]] = {}
        self.keys: set[Key] = set()  # a set, so intersecting with it walks the smaller side
        for phrase in sorted(keys_of):
            keys = keys_of[phrase]
            key, *others = sorted(set(keys), key=lambda k: (usual[k], frequency[k], str(k)))
            second = others[0] if others else None
            text = f" {' '.join(phrase)} "
            self.by_key[key][second][phrase] = (frozenset(keys), text, text.find(key_text(key)))
            if second is not None:
                self.seconds[key].add(second)
            self.key_of[phrase] = (key, second)
            self.keys.add(key)

    def discard(self, phrase: tuple[str, ...]) -> None:
        filed = self.key_of.pop(phrase, None)
        if filed is None:
            return
        key, second = filed
        groups = self.by_key[key]
        del groups[second][phrase]
        if not groups[second]:
            del groups[second]
            self.seconds[key].discard(second)
        if not groups:
            del self.by_key[key]
            del self.seconds[key]
            self.keys.discard(key)

    def found_in(self, words: list[str], present: set[Key] | None = None) -> list[tuple[str, ...]]:
        present = words_and_pairs(words) if present is None else present
        hits = present & self.keys
        if not hits:
            return []
        candidates = [
            (key, phrase, text, offset)
            for key in hits
            for second in self._seconds_in(key, present)
            for phrase, (keys, text, offset) in self.by_key[key][second].items()
            if keys <= present
        ]
        if not candidates:
            return []
        joined = f" {' '.join(words)} "
        if len(candidates) == 1:
            return [phrase for _, phrase, text, _ in candidates if text in joined]
        return _found(candidates, joined)

    def _seconds_in(self, key: Key, present: set[Key]) -> list[Key | None]:
        groups = self.by_key[key]
        found: list[Key | None] = [None] if None in groups else []
        found.extend(present & self.seconds[key])
        return found


_Filed = tuple[frozenset[Key], str, int]


def _found(
    candidates: list[tuple[Key, tuple[str, ...], str, int]], joined: str
) -> list[tuple[str, ...]]:
    """The phrases of ``candidates`` (key, phrase, its text, where the key stands in it)
    that stand in ``joined``. Phrases filed under one key (the runs of one text overlap)
    are looked for only where the key stands, the text searched once for it."""
    by_key: dict[Key, list[tuple[tuple[str, ...], str, int]]] = defaultdict(list)
    for key, phrase, text, offset in candidates:
        by_key[key].append((phrase, text, offset))
    found: list[tuple[str, ...]] = []
    for key, filed in by_key.items():
        starts = (
            _starts(joined, key_text(key), MOST_STARTS * len(filed)) if len(filed) > 1 else None
        )
        for phrase, text, offset in filed:
            if starts is None:
                if text in joined:
                    found.append(phrase)
                continue
            for start in starts:
                if start >= offset and joined.startswith(text, start - offset):
                    found.append(phrase)
                    break
    return found


MOST_STARTS = 8
"""Phrases filed under a key are looked for where the key stands when it stands at most
this many times per phrase; else each phrase is searched for in the whole text."""


def key_text(key: Key) -> str:
    return f" {key} " if isinstance(key, str) else f" {key[0]} {key[1]} "


def _starts(text: str, part: str, most: int) -> list[int] | None:
    """Where ``part`` stands in ``text`` (where it may overlap itself too); None when it
    stands there more than ``most`` times: then searching for each phrase is quicker."""
    starts: list[int] = []
    at = text.find(part)
    while at != -1:
        if len(starts) == most:
            return None
        starts.append(at)
        at = text.find(part, at + 1)
    return starts


def words_and_pairs(words: list[str]) -> set[Key]:
    """The words of a text and its pairs of adjacent words."""
    present: set[Key] = set(words)
    present.update(pairwise(words))
    return present


def phrase_keys(phrase: tuple[str, ...]) -> list[Key]:
    return list(pairwise(phrase)) if len(phrase) > 1 else [phrase[0]]


NUMBER_CONTEXT = 64
"""Characters of the text before a window read again with it: a number cut by the window's
edge is found whole."""
WINDOW_CHARACTERS = 64 * 1024
_SPACE = re.compile(r"\s")


def windows(pieces: Iterable[str], overlap: int) -> Iterator[tuple[list[str], set[str]]]:
    """The words of the text made of ``pieces``, in windows of about WINDOW_CHARACTERS,
    each starting with the last ``overlap`` words of the one before, so that a phrase of
    up to ``overlap + 1`` words stands whole in one of them; with them, the phone numbers
    of the window (see :func:`phone_numbers`). A large file (the search index) is thus
    searched in pieces, in memory and time that do not grow with its size."""
    words: list[str] = []
    numbers: set[str] = set()
    before = ""  # the end of the text read last: a number may run on from it
    size = 0
    for piece in pieces:
        start = 0
        while start < len(piece):
            space = _SPACE.search(piece, start + WINDOW_CHARACTERS - size)
            end = space.end() if space else len(piece)
            text = normalised(piece[start:end])
            words += TOKEN.findall(text)
            numbers.update(phone_numbers(before + text))
            before = text[-NUMBER_CONTEXT:]
            size += end - start
            start = end
            if size >= WINDOW_CHARACTERS:
                yield words, numbers
                words = words[-overlap:] if overlap else []
                numbers = set()
                size = 0
    if size:
        yield words, numbers
