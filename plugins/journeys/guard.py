"""The privacy guard: proves after a build that nothing private reached any output file.

Needles are every value under ``participant`` and the text of every non-consenting
interview. Every file of the built site (HTML, search index, sitemap, SVG, CSV, JSON,
theme assets: anything) is read as text, markup and escapes removed, and searched for
them. Matching is on word tokens, so it is linear in the size of the site and finds a
value whatever the HTML, XML or JSON escaping around it.

Text of a non-consenting interview that also stands in published content ("2 days",
"Utrecht") cannot be told apart from it and is not a needle; nor are phrases under
three words. Participant values always are.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import defaultdict
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


def needles(
    interviews: Iterable[Interview], personas: Iterable[Persona] = (), journeys: Iterable[Journey] = ()
) -> list[Needle]:
    interviews = list(interviews)
    published = _Published(_published_texts(interviews, personas, journeys))
    found: list[Needle] = []
    for source, field, value in private_values(interviews):
        if field.startswith("participant"):
            found.extend(Needle(variant, source, field) for variant in _variants(value))
            continue
        for sentence in _SENTENCE.split(value):
            phrase = tuple(tokens(sentence))
            if len(phrase) >= MIN_PHRASE_TOKENS and not published.contains(phrase):
                found.append(Needle(phrase, source, field))
    return found


def _variants(value: str) -> set[tuple[str, ...]]:
    """A participant value as written, and a phone number without its spaces and dashes."""
    variants = {tuple(tokens(value))}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 8 and re.fullmatch(r"[\d\s()+./-]+", value.strip()):
        variants.add((digits,))
    return {variant for variant in variants if variant}


def _published_texts(
    interviews: list[Interview], personas: Iterable[Persona], journeys: Iterable[Journey]
) -> list[str]:
    """Everything that is published on purpose."""
    texts: list[str] = []
    for interview in interviews:
        if is_published(interview):
            texts.append(" ".join(_strings(interview.model_dump(exclude={"participant"}))))
            texts.append(interview.source.body)
    for record in (*personas, *journeys):
        texts.append(" ".join(_strings(record.model_dump())))
        texts.append(record.source.body)
    return texts


class _Published:
    """Answers "does this phrase stand in published text?" without comparing every phrase
    with every text (which grew with the square of the study): a phrase can only stand
    there if each of its word triples does, and only then is the joined text searched."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.triples: set[tuple[str, str, str]] = set()
        streams = []
        for text in texts:
            words = tokens(text)
            self.triples.update(zip(words, words[1:], words[2:]))
            streams.append(" ".join(words))
        self.corpus = " " + " | ".join(streams) + " "  # `|` is no token: no match across texts
        self.answers: dict[tuple[str, ...], bool] = {}

    def contains(self, phrase: tuple[str, ...]) -> bool:
        if not all(triple in self.triples for triple in zip(phrase, phrase[1:], phrase[2:])):
            return False
        if phrase not in self.answers:
            self.answers[phrase] = f" {' '.join(phrase)} " in self.corpus
        return self.answers[phrase]


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


def scan(site_dir: Path, found: Iterable[Needle]) -> list[Leak]:
    by_first: dict[str, list[Needle]] = defaultdict(list)
    for needle in found:
        by_first[needle.tokens[0]].append(needle)
    leaks: dict[tuple[str, str, str], Leak] = {}
    if not by_first:
        return []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        text = output_text(path)
        if text is None:
            continue
        words = tokens(text)
        output = path.relative_to(site_dir).as_posix()
        for index, word in enumerate(words):
            for needle in by_first.get(word, ()):
                if tuple(words[index : index + len(needle.tokens)]) == needle.tokens:
                    leaks.setdefault((output, needle.source, needle.field), Leak(output, needle.source, needle.field))
    return list(leaks.values())
