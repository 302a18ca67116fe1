"""The privacy guard: proves after a build that nothing private reached any output file.

Needles are every value under ``participant`` and the text of every non-consenting
interview. Every file of the built site (HTML, search index, sitemap, SVG, CSV, JSON,
theme assets: anything) is read as text, markup and escapes removed, and searched for
them. Matching is on word tokens, so it finds a value whatever the HTML, XML or JSON
escaping around it, in time linear in the size of the site.

A phrase of a non-consenting interview that also stands in published content cannot be
told apart from it and is not a leak; nor are phrases under three words ("2 days",
"Utrecht"). Participant values always are.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

from journeys.model import Interview, Journey, Persona
from journeys.privacy import is_published, private_values

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
MIN_PHRASE_TOKENS = 3
Key = str | tuple[str, str]
"""What phrases are filed under: a word, or a pair of adjacent words."""


@dataclass(frozen=True)
class Needle:
    tokens: tuple[str, ...]
    source: str
    """The content file the value comes from."""
    field: str
    always_private: bool
    """Participant values are private wherever they appear. A phrase of a non-consenting
    interview is private unless published content says the same thing."""


@dataclass(frozen=True)
class Leak:
    output: str
    """The built file, relative to the site folder."""
    source: str
    field: str

    def format(self) -> str:
        return f"{self.output}: contains `{self.field}` of {self.source}, which must never be published"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


@dataclass(frozen=True)
class Watchlist:
    """What the guard looks for, worked out from the study before the build, so that the
    study need not be kept in memory until the site is written."""

    needles: list[Needle]
    """Participant values, and the phrases of non-consenting interviews that published
    content does not also say."""
    usual: Counter[Key]
    """In how many published texts each word or word pair of the needles stands."""


def watchlist(
    interviews: Iterable[Interview],
    personas: Iterable[Persona] = (),
    journeys: Iterable[Journey] = (),
) -> Watchlist:
    interviews = list(interviews)
    found = needles(interviews)
    phrases = {needle.tokens for needle in found if not needle.always_private}
    published, usual = _read_published(
        phrases, {key for needle in found for key in _keys(needle.tokens)},
        _published_texts(interviews, personas, journeys),
    )
    return Watchlist([n for n in found if n.always_private or n.tokens not in published], usual)


def find_leaks(site_dir: Path, watching: Watchlist) -> list[Leak]:
    """Every private value or phrase found in a file of the built site."""
    leaks: dict[tuple[str, str, str], Leak] = {}
    for output, needle in scan(site_dir, watching.needles, watching.usual):
        leaks.setdefault((output, needle.source, needle.field), Leak(output, needle.source, needle.field))
    return list(leaks.values())


def needles(interviews: Iterable[Interview]) -> list[Needle]:
    """What to look for: each participant value, and each phrase of at least
    MIN_PHRASE_TOKENS words of a non-consenting interview."""
    found: list[Needle] = []
    for source, field, value in private_values(interviews):
        if field.startswith("participant"):
            found.extend(Needle(variant, source, field, always_private=True) for variant in _variants(value))
            continue
        for sentence in _SENTENCE.split(value):
            phrase = tuple(tokens(sentence))
            if len(phrase) >= MIN_PHRASE_TOKENS:
                found.append(Needle(phrase, source, field, always_private=False))
    return found


def scan(
    site_dir: Path, found: Iterable[Needle], usual: Counter[Key] | None = None
) -> list[tuple[str, Needle]]:
    """``(output file, needle)`` for each needle found in a file of the site: every file
    (HTML, search index, sitemap, SVG, CSV, JSON, theme assets: anything). ``usual``
    counts the texts each word or word pair stands in, to file needles under rare ones."""
    by_tokens: dict[tuple[str, ...], list[Needle]] = defaultdict(list)
    for needle in found:
        by_tokens[needle.tokens].append(needle)
    if not by_tokens:
        return []
    index = _PhraseIndex(by_tokens, usual)
    overlap = max(len(phrase) for phrase in by_tokens) - 1
    matches: list[tuple[str, Needle]] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        in_file: set[tuple[str, ...]] = set()
        for words in _windows(output_texts(path), overlap):
            in_file.update(index.found_in(words))
        output = path.relative_to(site_dir).as_posix()
        for phrase in sorted(in_file):
            matches.extend((output, needle) for needle in by_tokens[phrase])
    return matches


WINDOW_CHARACTERS = 64 * 1024


def _windows(pieces: Iterable[str], overlap: int) -> Iterator[list[str]]:
    """The words of the text made of ``pieces``, in windows of about WINDOW_CHARACTERS,
    each starting with the last ``overlap`` words of the one before, so that a phrase of
    up to ``overlap + 1`` words stands whole in one of them. A large file (the search
    index) is thus searched in pieces, in memory and time that do not grow with its size."""
    words: list[str] = []
    size = 0
    for piece in pieces:
        start = 0
        while start < len(piece):
            space = _SPACE.search(piece, start + WINDOW_CHARACTERS - size)
            end = space.end() if space else len(piece)
            words += tokens(piece[start:end])
            size += end - start
            start = end
            if size >= WINDOW_CHARACTERS:
                yield words
                words = words[-overlap:] if overlap else []
                size = 0
    if size:
        yield words


def _variants(value: str) -> set[tuple[str, ...]]:
    """A participant value as written, and a phone number without its spaces and dashes."""
    variants = {tuple(tokens(value))}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 8 and re.fullmatch(r"[\d\s()+./-]+", value.strip()):
        variants.add((digits,))
    return {variant for variant in variants if variant}


def _published_texts(
    interviews: list[Interview], personas: Iterable[Persona], journeys: Iterable[Journey]
) -> Iterator[str]:
    """Everything that is published on purpose, one text at a time."""
    for interview in interviews:
        if is_published(interview):
            yield " ".join(_strings(interview.model_dump(exclude={"participant"})))
            yield interview.source.body
    for record in (*personas, *journeys):
        yield " ".join(_strings(record.model_dump()))
        yield record.source.body


def _read_published(
    phrases: Iterable[tuple[str, ...]], counted: set[Key], texts: Iterable[str]
) -> tuple[set[tuple[str, ...]], Counter[Key]]:
    """The phrases that stand in one of the texts (not across two of them), and in how many
    texts each of the ``counted`` words and word pairs stands."""
    index = _PhraseIndex(phrases)
    found: set[tuple[str, ...]] = set()
    usual: Counter[Key] = Counter()
    for text in texts:
        words = tokens(text)
        present = _present(words)
        usual.update(present & counted)
        for phrase in index.found_in(words, present):
            found.add(phrase)
            index.discard(phrase)  # found once is enough: later texts have less to look for
    return found, usual


class _PhraseIndex:
    """Finds which of many phrases stand in a text, in time that grows with the text, not
    with text x phrases: each phrase is filed under its rarest pair of adjacent words (or
    its word, if it has one); only the phrases filed under a pair or word the text
    contains, and whose every pair it contains, are looked for in it."""

    def __init__(self, phrases: Iterable[tuple[str, ...]], usual: Counter[Key] | None = None) -> None:
        unique = set(phrases)
        frequency = Counter(key for phrase in unique for key in set(_keys(phrase)))
        usual = usual or Counter()
        self.by_key: dict[Key, dict[tuple[str, ...], tuple[frozenset[Key], str]]] = defaultdict(dict)
        self.key_of: dict[tuple[str, ...], Key] = {}
        self.keys: set[Key] = set()  # a set, so intersecting with it walks the smaller side
        for phrase in sorted(unique):
            keys = _keys(phrase)
            key = min(keys, key=lambda k: (usual[k], frequency[k]))
            self.by_key[key][phrase] = (frozenset(keys), f" {' '.join(phrase)} ")
            self.key_of[phrase] = key
            self.keys.add(key)

    def discard(self, phrase: tuple[str, ...]) -> None:
        key = self.key_of.pop(phrase, None)
        if key is not None:
            del self.by_key[key][phrase]
            if not self.by_key[key]:
                del self.by_key[key]
                self.keys.discard(key)

    def found_in(self, words: list[str], present: set[Key] | None = None) -> list[tuple[str, ...]]:
        present = _present(words) if present is None else present
        hits = present & self.keys
        if not hits:
            return []
        joined = f" {' '.join(words)} "
        return [
            phrase
            for key in hits
            for phrase, (keys, text) in self.by_key[key].items()
            if keys <= present and text in joined
        ]


def _present(words: list[str]) -> set[Key]:
    """The words of a text and its pairs of adjacent words."""
    present: set[Key] = set(words)
    present.update(pairwise(words))
    return present


def _keys(phrase: tuple[str, ...]) -> list[Key]:
    return list(pairwise(phrase)) if len(phrase) > 1 else [phrase[0]]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


READ_BYTES = 1024 * 1024
"""A JSON file (the search index) is read this much at a time."""
UNCLOSED_STRING_LIMIT = 4 * 1024 * 1024
"""Past this many characters without a closing quote, a ".json" file is read as plain text."""

# "Unrolled" so a long string is one run of the character class, not one step per character.
_JSON_STRING = re.compile(r'"([^"\\]*+(?:\\.[^"\\]*+)*+)"', re.DOTALL)


def output_texts(path: Path) -> Iterator[str]:
    """A built file as plain text, markup, entities and JSON escapes removed, in pieces.
    A JSON file is read a part at a time and each of its strings is one piece, so the
    search index is never in memory whole. Nothing for a binary or damaged file."""
    is_json = path.suffix == ".json" or path.name.endswith(".json.gz")
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")) as file:
            head = file.read(READ_BYTES)
            if b"\0" in head[:4096]:
                return
            if is_json:
                yield from _json_texts(head, file)
            else:
                yield _plain((head + file.read()).decode("utf-8", errors="replace"))
    except (OSError, EOFError):  # a damaged .gz
        return


def _json_texts(head: bytes, rest: BinaryIO) -> Iterator[str]:
    """The strings of a JSON text (keys too: a name may be one), each unescaped and made
    plain, and whatever stands between them (numbers: a phone number may be one); read
    ``READ_BYTES`` at a time and given as one piece per part."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""
    chunk = head
    while chunk:
        text = pending + decoder.decode(chunk)
        parts: list[str] = []
        done = 0  # always outside a string: the start, or just past a string's closing quote
        for match in _JSON_STRING.finditer(text):
            parts.append(text[done:match.start()])
            # Made plain one by one: a "<" in one string and a ">" in another are no tag.
            parts.append(_plain(_json_unescape(match.group(1))))
            done = match.end()
        pending = text[done:]  # a string cut by the end of this part is read with the next
        if len(pending) > UNCLOSED_STRING_LIMIT:  # not JSON after all: read on, as it stands
            cut = max(pending.rfind(" "), 0)  # not inside a word: each piece is read alone
            parts.append(_plain(pending[:cut]))
            pending = pending[cut:]
        yield " ".join(parts)
        chunk = rest.read(READ_BYTES)
    yield _plain(pending + decoder.decode(b"", final=True))


def _json_unescape(literal: str) -> str:
    if "\\" not in literal:
        return literal
    try:
        return str(json.loads(f'"{literal}"'))
    except ValueError:
        return literal


def _plain(text: str) -> str:
    if "<" not in text and "&" not in text:
        return text
    return html.unescape(_TAG.sub(" ", html.unescape(text)))
