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
import functools
import html
import itertools
import json
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from journeys.model import Interview, Journey, Persona
from journeys.privacy import is_published, private_values

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
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
"""A file is read this much at a time."""
UNCLOSED_STRING_LIMIT = 4 * 1024 * 1024
"""Past this many characters, an unfinished JSON string is given out in parts (it stays open)."""

# What follows a string's opening quote: its text and the closing quote. "Unrolled"
# (Friedl): runs of plain characters between escapes, which never match the same text, so
# a string that does not close is read once, not once per way of splitting it.
_STRING_REST = re.compile(r'([^"\\]*(?:\\.[^"\\]*)*)"', re.DOTALL)
_LONGEST_ESCAPE = len("\\u00e9")


def output_texts(path: Path) -> Iterator[str]:
    """A built file as plain text, markup, entities and JSON escapes removed, in pieces.
    A JSON file is read a part at a time and each of its strings is one piece, so the
    search index is never in memory whole. Nothing for a binary file."""
    is_json = path.suffix == ".json" or path.name.endswith(".json.gz")
    chunks = _chunks(path)
    head = next(chunks, b"")
    if b"\0" in head[:4096]:
        return
    if is_json:
        yield from _json_texts(itertools.chain([head], chunks))
    else:
        yield _plain(b"".join([head, *chunks]).decode("utf-8", errors="replace"))


def _chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes, READ_BYTES at a time; a ``.gz`` file's unpacked, as far as they go
    when it is cut short, or as they stand when it is no gzip at all."""
    try:
        with path.open("rb") as file:
            parts = iter(functools.partial(file.read, READ_BYTES), b"")
            yield from _gunzipped(parts) if path.suffix == ".gz" else parts
    except OSError:
        return


def _gunzipped(parts: Iterator[bytes]) -> Iterator[bytes]:
    unpacker = zlib.decompressobj(wbits=31)  # 31: a gzip header and trailer
    packed = next(parts, b"")
    unpacked_any = False
    while packed:
        try:
            unpacked = unpacker.decompress(packed, READ_BYTES)  # bounded: a "zip bomb" stays small
        except zlib.error:
            if not unpacked_any:  # no gzip: read as it stands
                yield packed
                yield from parts
            return  # damaged further on: read as far as it went
        if unpacked:
            unpacked_any = True
            yield unpacked
        if unpacker.eof:  # a gzip file may hold several members in a row
            packed = unpacker.unused_data or next(parts, b"")
            unpacker = zlib.decompressobj(wbits=31)
        else:
            packed = unpacker.unconsumed_tail or next(parts, b"")


def _json_texts(chunks: Iterable[bytes]) -> Iterator[str]:
    """The strings of a JSON text (keys too: a name may be one), each unescaped and made
    plain, and whatever stands between them (numbers: a phone number may be one); read
    a part at a time and given as one piece per part."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pending = ""  # starts outside a string: the start, or just past a string's closing quote
    for chunk in chunks:
        text = pending + decoder.decode(chunk)
        parts: list[str] = []
        done = 0
        # From one opening quote to the next, never from a quote inside a string.
        while (quote := text.find('"', done)) != -1:
            string = _STRING_REST.match(text, quote + 1)
            if string is None:
                break  # cut by the end of this part: read with the next
            parts.append(_plain(text[done:quote]))
            # Made plain one by one: a "<" in one string and a ">" in another are no tag.
            parts.append(_plain(_json_unescape(string.group(1))))
            done = string.end()
        pending = text[done:]
        if len(pending) > UNCLOSED_STRING_LIMIT:
            given, pending = _unfinished(pending, final=False)
            parts.append(given)
        yield " ".join(parts)
    yield _unfinished(pending + decoder.decode(b"", final=True), final=True)[0]


def _unfinished(pending: str, final: bool) -> tuple[str, str]:
    """Most of what follows the last whole string, as plain text, and the rest, to be read
    with the next part. A string that is still open stays open in the rest; a cut is never
    made inside a word or an escape where that can be helped."""
    quote = pending.find('"')
    if quote == -1:  # between strings: numbers and such
        cut = 0 if final else max(pending.rfind(mark) for mark in " ,\n") + 1
        cut = cut or len(pending)  # final, or no place to cut: all of it
        return _plain(pending[:cut]), pending[cut:]
    between, string = pending[:quote], pending[quote + 1 :]
    cut = len(string) if final else _string_cut(string)
    return f"{_plain(between)} {_plain(_json_unescape(string[:cut]))}", '"' + string[cut:]


def _string_cut(string: str) -> int:
    """Where a long JSON string may be cut: at its last space (never inside an escape),
    else before any escape that may be unfinished."""
    space = string.rfind(" ")
    if space > 0:
        return space
    cut = len(string)
    while cut > 0 and "\\" in string[max(cut - _LONGEST_ESCAPE, 0) : cut]:
        cut = string.rfind("\\", 0, cut)
    return cut or len(string)


def _json_unescape(literal: str) -> str:
    if "\\" not in literal:
        return literal
    try:
        return str(json.loads(f'"{literal}"'))
    except ValueError:
        return literal


def _plain(text: str) -> str:
    """The text a reader sees: tags removed, entities decoded. Where that leaves markup
    (escaped in the source: shown as text, or markup one level down, as in an attribute),
    it is read both ways: as it is shown, and with those tags removed too."""
    if "<" not in text and "&" not in text:
        return text
    shown = html.unescape(_TAG.sub(" ", text))
    if _TAG.search(shown) is None and _ENTITY.search(shown) is None:
        return shown
    return f"{shown}\n{html.unescape(_TAG.sub(' ', shown))}"
