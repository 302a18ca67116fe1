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

import gzip
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from journeys.model import Interview, Journey, Persona
from journeys.privacy import is_published, private_values

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
MIN_PHRASE_TOKENS = 3


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


def find_leaks(
    site_dir: Path,
    interviews: Iterable[Interview],
    personas: Iterable[Persona] = (),
    journeys: Iterable[Journey] = (),
) -> list[Leak]:
    """Every private value or phrase found in a file of the built site."""
    interviews = list(interviews)
    found = needles(interviews)
    phrases = {needle.tokens for needle in found if not needle.always_private}
    published = _found_in_texts(phrases, _published_texts(interviews, personas, journeys))
    leaks: dict[tuple[str, str, str], Leak] = {}
    for output, needle in scan(site_dir, (n for n in found if n.always_private or n.tokens not in published)):
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


def scan(site_dir: Path, found: Iterable[Needle]) -> list[tuple[str, Needle]]:
    """``(output file, needle)`` for each needle found in a file of the site, which is read
    whole (HTML, search index, sitemap, SVG, CSV, JSON, theme assets: anything)."""
    by_tokens: dict[tuple[str, ...], list[Needle]] = defaultdict(list)
    for needle in found:
        by_tokens[needle.tokens].append(needle)
    if not by_tokens:
        return []
    index = _PhraseIndex(by_tokens)
    matches: list[tuple[str, Needle]] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        text = output_text(path)
        if text is None:
            continue
        output = path.relative_to(site_dir).as_posix()
        for phrase in index.found_in(tokens(text)):
            matches.extend((output, needle) for needle in by_tokens[phrase])
    return matches


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


def _found_in_texts(phrases: Iterable[tuple[str, ...]], texts: Iterable[str]) -> set[tuple[str, ...]]:
    """The phrases that stand in one of the texts (not across two of them)."""
    index = _PhraseIndex(phrases)
    found: set[tuple[str, ...]] = set()
    for text in texts:
        for phrase in index.found_in(tokens(text)):
            found.add(phrase)
            index.discard(phrase)  # found once is enough: later texts have less to look for
        if not index:
            break
    return found


Key = str | tuple[str, str]


class _PhraseIndex:
    """Finds which of many phrases stand in a text, in time that grows with the text, not
    with text x phrases: each phrase is filed under its rarest pair of adjacent words (or
    its word, if it has one), and only the phrases filed under a pair or word the text
    contains are looked for."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        unique = set(phrases)
        frequency = Counter(key for phrase in unique for key in set(_keys(phrase)))
        self.by_key: dict[Key, dict[tuple[str, ...], str]] = defaultdict(dict)
        self.key_of: dict[tuple[str, ...], Key] = {}
        self.keys: set[Key] = set()  # a set, so intersecting with it walks the smaller side
        for phrase in sorted(unique):
            key = min(_keys(phrase), key=lambda k: frequency[k])
            self.by_key[key][phrase] = f" {' '.join(phrase)} "
            self.key_of[phrase] = key
            self.keys.add(key)

    def __bool__(self) -> bool:
        return bool(self.key_of)

    def discard(self, phrase: tuple[str, ...]) -> None:
        key = self.key_of.pop(phrase, None)
        if key is not None:
            del self.by_key[key][phrase]
            if not self.by_key[key]:
                del self.by_key[key]
                self.keys.discard(key)

    def found_in(self, words: list[str]) -> list[tuple[str, ...]]:
        present: set[Key] = set(words)
        present.update(zip(words, words[1:]))
        hits = present & self.keys
        if not hits:
            return []
        joined = f" {' '.join(words)} "
        return [
            phrase
            for key in sorted(hits, key=str)
            for phrase, text in self.by_key[key].items()
            if text in joined
        ]


def _keys(phrase: tuple[str, ...]) -> list[Key]:
    return list(zip(phrase, phrase[1:])) if len(phrase) > 1 else [phrase[0]]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def output_text(path: Path) -> str | None:
    """A built file as plain text: markup, entities and JSON escapes removed. None for binaries."""
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except OSError:
            return None
    if b"\0" in raw[:4096]:
        return None
    text = raw.decode("utf-8", errors="replace")
    if path.suffix == ".json" or path.name.endswith(".json.gz"):
        try:
            text = "\n".join(_strings(json.loads(text)))
        except ValueError:
            pass
    return html.unescape(_TAG.sub(" ", html.unescape(text)))
