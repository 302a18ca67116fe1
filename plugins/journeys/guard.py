"""The privacy guard: proves after a build that nothing private reached any output file.

Needles are every value under ``participant`` and the text of every non-consenting
interview. Every file of the built site (HTML, search index, sitemap, SVG, CSV, JSON,
theme assets: anything) is read as a browser, a crawler or a download reads it:

- in UTF-8, UTF-16 or UTF-32 (with a byte order mark, or UTF-16 told by its zero bytes),
  gzip unpacked (a ``.gz`` or ``.svgz`` file, or any file that starts like one);
- its text with tags removed (inline tags such as ``<span>`` joined without a space, as a
  browser shows them) and entities decoded; and, apart from it, the inside of every tag and
  comment: attribute values (``alt``, ``title``, ``href``, ``content`` of ``<meta>``,
  ``data-*``...), comments, inline SVG and scripts (inline JSON too);
- URL-encoded text decoded (``Jan%20de%20Vries``), script escapes decoded (``\\u00eb``),
  ``;base64,`` data URLs unpacked; words are split at any punctuation, so the words of
  ``jan-de-vries`` or ``jan.de.vries`` in a profile URL are found;
- JSON a part at a time, each string unescaped, so the search index is never in memory whole.

Matching is on word tokens after Unicode normalisation (compatibility forms such as
full-width letters made plain, as NFKC does; case-folded; diacritics and invisible
characters removed, so "Noël", "Noe\u0308l", "ＮＯＥＬ" and "Noel" are the same word), in
time linear in the size of the site.

A whole participant value (a name, an e-mail address, a phone number) found is an error; so
is a phrase of a non-consenting interview, unless published content says the same thing
(it cannot be told apart from it), and phrases under three words ("2 days", "Utrecht") are
not looked for. A distinctive part of a participant's name found without the rest of it is
a warning with the file and line: a word of three letters or more that is no particle like
"van" and that published content does not say (a persona's name), or a hyphenated first
name whole ("Evert-Jan": "Jan" alone is anybody). The log never repeats a private value.

Single words (a one-word name, a part of a name) are not looked for in files copied
unchanged from the installed theme (a name like "Mark" stands in its scripts), nor at all
when the theme's page templates contain them ("Link": a class name on every page).
Numbers, e-mail addresses and whole names of several words are looked for everywhere.
A file that cannot be read as text fails the build, unless it matches ``publish_unread``
(by default images and fonts).
"""

from __future__ import annotations

import base64
import binascii
import codecs
import filecmp
import fnmatch
import functools
import html
import itertools
import json
import os
import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from journeys.diagnostics import Severity
from journeys.model import Interview, Journey, Persona
from journeys.privacy import is_published, private_values

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TAG = re.compile(r"<[^>]*>")
_TAG_INSIDE = re.compile(r"<([^>]*)>")
# In the insides of tags, each after a NUL: the tag's name and its attributes' names, which
# are HTML's words, not the site's ("li", "title"): a one-word name could be one of them.
_MARKUP_NAMES = re.compile(r"(?:\A|(?<=\0))[!/?]?[\w:.-]*|(?<=\s)[\w:.-]+(?=\s*=)")
# Shown without a space in between, so "J<span>an</span>" reads "Jan"; comments too. In
# lower case only, as MkDocs writes them (ignoring case makes it several times slower).
_INLINE_TAG = re.compile(
    r"<(?:!--.*?-->|/?(?:a(?:bbr)?|b(?:d[io])?|c(?:ite|ode)|d(?:ata|el|fn)|em|font|i(?:ns)?|kbd|mark|q"
    r"|s(?:amp|mall|pan|trong|u[bp])?|t(?:ime|span)|u|var|wbr)(?:\s[^>]*)?/?>)",
    re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_ENCODED = re.compile(r"[<&%\\]|;base64,")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}(?:%[0-9A-Fa-f]{2})*")
_ESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|[nrtbfv])")
_BASE64 = re.compile(r";base64,([A-Za-z0-9+/=_-]{8,})")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Combining diacritical marks (Latin, Greek, Cyrillic), soft hyphen and zero-width characters.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200b-\u200d\u2060\ufeff]"
)
_NOT_WORD = re.compile(r"[\W_]")
_OTHER_SIGN = re.compile(r"[^\w\x00-\x7f]")
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
MIN_PHRASE_TOKENS = 3
MIN_PART_LETTERS = 3
"""A word of a participant's name shorter than this is not looked for on its own."""
# fmt: off
PARTICLES = frozenset({
    "de", "da", "di", "do", "du", "la", "le", "lo", "el", "al", "op", "in", "te", "t", "zu", "af", "y", "e",
    "van", "der", "den", "ter", "ten", "von", "vom", "del", "della", "dei", "degli", "des", "het", "dos",
    "das", "bin", "ibn", "bint", "abu", "zum", "zur", "aan", "uit", "vande", "vander", "vanden", "jr", "sr",
    "iii",
})
"""Words of a name that say nothing about who it is, looked for in no name on their own."""
# fmt: on
PUBLISH_UNREAD: tuple[str, ...] = (
    *("*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.avif", "*.ico", "*.bmp"),
    *("*.woff", "*.woff2", "*.ttf", "*.otf", "*.eot"),
)
"""What may be published though the guard cannot read it: images and fonts."""
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
    part: int = 0
    """For a part of a participant's name looked for on its own (a word, or a hyphenated
    first name): where in the value it starts, from word 1. Found without the rest of the
    value, it is a warning. 0: the whole value."""


@dataclass(frozen=True)
class Leak:
    output: str
    """The built file, relative to the site folder."""
    source: str = ""
    field: str = ""
    severity: Severity = Severity.ERROR
    line: int = 0
    """For a part of a name found alone: the first line of ``output`` it stands on."""
    part: str = ""
    """For a part of a name found alone: which word(s) of the value (``2``, ``1-2``)."""
    unread: str = ""
    """For a file the guard could not read: why. It could not be checked."""

    def format(self) -> str:
        if self.unread:
            return (
                f"{self.output}: cannot be read as text ({self.unread}), so the privacy guard cannot "
                "check it; remove it from the site, or, if it may be published unchecked, add a "
                "pattern that matches it to `publish_unread` in mkdocs.yml"
            )
        if self.part:
            # The word itself is not repeated: the log may be more public than the site.
            return (
                f"{self.output}:{self.line}: word {self.part} of `{self.field}` of {self.source} "
                "stands here without the rest of the name; if it is the participant, remove it"
            )
        return f"{self.output}: contains `{self.field}` of {self.source}, which must never be published"


class Unreadable(Exception):
    """A built file that is no text the guard can read."""


def normalised(text: str) -> str:
    """Text as the guard compares it: compatibility forms as plain letters, case-folded,
    without diacritics and invisible characters. Only what is not ASCII is looked at
    closely; other signs than letters and digits become spaces there, so that text in a
    Latin script comes out as ASCII, which is tokenised fastest."""
    if text.isascii():
        return text.lower()
    mostly_another_script = len(text.encode("utf-8", "surrogatepass")) - len(text) > len(text) // 8
    if mostly_another_script:
        return _OTHER_SIGN.sub(" ", _MARKS.sub("", unicodedata.normalize("NFKD", text).casefold()))
    return _NON_ASCII.sub(_folded, text).lower()  # a few words: those alone, not the whole text


def _folded(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFKD", match.group()).casefold()
    return _NOT_WORD.sub(" ", _MARKS.sub("", decomposed))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalised(text))


@dataclass(frozen=True)
class Watchlist:
    """What the guard looks for, worked out from the study before the build, so that the
    study need not be kept in memory until the site is written."""

    needles: list[Needle]
    """Participant values, the distinctive words of their names, and the phrases of
    non-consenting interviews that published content does not also say."""
    usual: Counter[Key]
    """In how many published texts each word or word pair of the needles stands."""


def watchlist(
    interviews: Iterable[Interview],
    personas: Iterable[Persona] = (),
    journeys: Iterable[Journey] = (),
) -> Watchlist:
    interviews = list(interviews)
    found = needles(interviews)
    phrases = {needle.tokens for needle in found if not needle.always_private or needle.part}
    published, usual = _read_published(
        phrases,
        {key for needle in found for key in _keys(needle.tokens)},
        _published_texts(interviews, personas, journeys),
    )

    def watched(needle: Needle) -> bool:
        if needle.always_private and not needle.part:
            return True
        # Said by published content: no sign of the participant, nor of a leak.
        return needle.tokens not in published

    return Watchlist([needle for needle in found if watched(needle)], usual)


def find_leaks(
    site_dir: Path,
    watching: Watchlist,
    theme_dirs: Iterable[Path] = (),
    publish_unread: Iterable[str] = PUBLISH_UNREAD,
) -> list[Leak]:
    """Every private value or phrase found in a file of the built site (errors), every
    word of a name found without the rest of it (warnings), and every file that could not
    be read and does not match ``publish_unread`` (errors). ``theme_dirs``: the folders of
    the installed theme (not the site's ``custom_dir``)."""
    theme_dirs = list(theme_dirs)
    vocabulary = theme_words(theme_dirs)
    # A word the theme puts on every page ("link", "banner") is no sign of anyone.
    looked_for = [
        needle
        for needle in watching.needles
        if not _is_word(needle) or needle.tokens[0] not in vocabulary
    ]
    matches, unread = scan(site_dir, looked_for, watching.usual, theme_copies(site_dir, theme_dirs))
    whole = {(output, needle.source, needle.field) for output, needle in matches if not needle.part}
    leaks: dict[tuple[str, str, str, int], Leak] = {}  # output, source, field, part
    alone: dict[str, list[Needle]] = defaultdict(list)
    for output, needle in matches:
        if not needle.part:
            leaks.setdefault(
                (output, needle.source, needle.field, 0), Leak(output, needle.source, needle.field)
            )
        elif (output, needle.source, needle.field) not in whole:
            alone[output].append(needle)
    for output, parts in alone.items():
        lines = first_lines(site_dir / output, {needle.tokens for needle in parts})
        for needle in parts:
            line = lines.get(needle.tokens, 1)
            leak = Leak(output, needle.source, needle.field, Severity.WARNING, line, _words(needle))
            leaks.setdefault((output, needle.source, needle.field, needle.part), leak)
    patterns = [pattern.casefold() for pattern in publish_unread]
    for output, reason in unread:
        if not any(fnmatch.fnmatchcase(output.casefold(), pattern) for pattern in patterns):
            leaks[(output, "", "", 0)] = Leak(output, unread=reason)
    return sorted(
        leaks.values(),
        key=lambda leak: (leak.output, leak.line, leak.source, leak.field, leak.part),
    )


def needles(interviews: Iterable[Interview]) -> list[Needle]:
    """What to look for: each participant value, each distinctive word of a participant's
    name, and each phrase of at least MIN_PHRASE_TOKENS words of a non-consenting interview."""
    found: list[Needle] = []
    for source, field, value in private_values(interviews):
        if field.startswith("participant"):
            found.extend(
                Needle(variant, source, field, always_private=True) for variant in _variants(value)
            )
            if "name" in field.rsplit(".", 1)[-1]:
                found.extend(_name_parts(value, source, field))
            continue
        for sentence in _SENTENCE.split(value):
            phrase = tuple(tokens(sentence))
            if len(phrase) >= MIN_PHRASE_TOKENS:
                found.append(Needle(phrase, source, field, always_private=False))
    return found


def _name_parts(name: str, source: str, field: str) -> list[Needle]:
    """The distinctive parts of a name, each looked for alone: every word of three letters
    or more that is no particle, except that a hyphenated first name ("Evert-Jan") is one
    part: each of its halves is a common first name of its own (a double surname's halves
    are each the person's own name: "Zijlstra" of "Zijlstra-Veldkamp" is looked for)."""
    first, *rest = name.split(maxsplit=1)
    if not rest:  # one word ("Mark", "Jan-Willem"): looked for whole only
        return []
    given = tuple(tokens(first))
    parts: list[Needle] = []
    if len(given) > 1:
        parts.append(Needle(given, source, field, always_private=True, part=1))
    after_given = len(given) if len(given) > 1 else 0
    for place, word in enumerate(tokens(name), start=1):
        if (
            place > after_given
            and len(word) >= MIN_PART_LETTERS
            and word.isalpha()
            and word not in PARTICLES
        ):
            parts.append(Needle((word,), source, field, always_private=True, part=place))
    return parts


def _words(part: Needle) -> str:
    """Which words of the value a part is: ``2``, or ``1-2``."""
    last = part.part + len(part.tokens) - 1
    return str(part.part) if last == part.part else f"{part.part}-{last}"


def _is_word(needle: Needle) -> bool:
    """A single word (a one-word name, a word of a name), not a number (a phone number)."""
    return len(needle.tokens) == 1 and not needle.tokens[0].isdigit()


def theme_words(theme_dirs: Iterable[Path]) -> set[str]:
    """The words of the theme's page templates (``*.html``): its markup, class names and
    the like, which stand on every page. Not its labels in every language
    (``partials/languages``), where a word may be a name ("vos": French for "your")."""
    words: set[str] = set()
    for theme_dir in theme_dirs:
        for template in _theme_files(theme_dir):
            relative = template.relative_to(theme_dir).as_posix()
            if template.suffix == ".html" and not relative.startswith("partials/languages/"):
                words.update(tokens(template.read_text(encoding="utf-8", errors="replace")))
    return words


def _theme_files(theme_dir: Path) -> Iterator[Path]:
    """The files of a theme folder, as MkDocs takes them: not hidden ones (``.icons``)."""
    for folder, subfolders, names in os.walk(theme_dir):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        yield from (Path(folder, name) for name in names if not name.startswith("."))


def theme_copies(site_dir: Path, theme_dirs: Iterable[Path]) -> set[str]:
    """The files of the site that are, byte for byte, the file at the same place in one of
    ``theme_dirs``: copied unchanged from the theme, so written by no researcher."""
    copies: set[str] = set()
    for theme_dir in theme_dirs:
        for source in _theme_files(theme_dir):
            relative = source.relative_to(theme_dir).as_posix()
            output = site_dir / relative
            if (
                relative not in copies
                and output.is_file()
                and filecmp.cmp(source, output, shallow=False)
            ):
                copies.add(relative)
    return copies


def scan(
    site_dir: Path,
    found: Iterable[Needle],
    usual: Counter[Key] | None = None,
    copied_from_theme: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[tuple[str, Needle]], list[tuple[str, str]]]:
    """``(output file, needle)`` for each needle found in a file of the site: every file
    (HTML, search index, sitemap, SVG, CSV, JSON, theme assets: anything); and
    ``(output file, why)`` for each file that could not be read. ``usual`` counts the texts
    each word or word pair stands in, to file needles under rare ones. In the files
    ``copied_from_theme``, single words other than numbers are not looked for."""
    by_tokens: dict[tuple[str, ...], list[Needle]] = defaultdict(list)
    for needle in found:
        by_tokens[needle.tokens].append(needle)
    index = _PhraseIndex(by_tokens, usual)
    memory = _TagMemory()
    overlap = max((len(phrase) for phrase in by_tokens), default=1) - 1
    matches: list[tuple[str, Needle]] = []
    unread: list[tuple[str, str]] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        output = path.relative_to(site_dir).as_posix()
        from_theme = output in copied_from_theme
        in_file: set[tuple[str, ...]] = set()
        try:
            for words in _windows(
                output_texts(path, None if from_theme else memory.unread), overlap
            ):
                in_file.update(index.found_in(words))
        except Unreadable as problem:
            unread.append((output, str(problem)))
        memory.done(clean=not in_file)
        if from_theme:
            in_file = {
                phrase
                for phrase in in_file
                if not all(_is_word(needle) for needle in by_tokens[phrase])
            }
        for phrase in sorted(in_file):
            matches.extend((output, needle) for needle in by_tokens[phrase])
    return matches, unread


class _TagMemory:
    """The insides of tags read in earlier files of the site that held nothing looked for:
    the navigation, icons and links every page repeats are read once, not once per page.
    What a tag's inside holds does not depend on the page it stands in."""

    LIMIT = 5_000
    """At most this many are kept: the tags every page repeats are met first."""

    def __init__(self) -> None:
        self.clean: set[str] = set()
        self.reading: list[str] = []

    def unread(self, insides: list[str]) -> list[str]:
        """The ``insides`` not known to be clean, each once."""
        fresh = [inside for inside in dict.fromkeys(insides) if inside not in self.clean]
        self.reading += fresh
        return fresh

    def done(self, clean: bool) -> None:
        """The file read last held nothing looked for (``clean``), or did."""
        if clean and len(self.clean) < self.LIMIT:
            self.clean.update(self.reading)
        self.reading = []


def _every(insides: list[str]) -> list[str]:
    return insides


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


def first_lines(path: Path, phrases: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """The first line of the file on which each of ``phrases`` stands, each line read as
    the whole file is read; one found on no line (it needed two lines) is left out."""
    found: dict[tuple[str, ...], int] = {}
    is_json = _is_json(path)
    try:
        for number, line in _numbered_lines(_decoded(_chunks(path))):
            readable = " ".join(_json_texts([line])) if is_json else _readable(line)
            joined = f" {' '.join(tokens(readable))} "
            for phrase in phrases.difference(found):
                if f" {' '.join(phrase)} " in joined:
                    found[phrase] = number
            if len(found) == len(phrases):
                break
    except Unreadable:
        pass
    return found


def _numbered_lines(texts: Iterable[str]) -> Iterator[tuple[int, str]]:
    """``(line number, text)``; a long line in parts cut at spaces, each with its number."""
    number = 1
    rest = ""
    for text in texts:
        *lines, rest = (rest + text).split("\n")
        for line in lines:
            yield number, line
            number += 1
        if len(rest) > WINDOW_CHARACTERS:
            cut = rest.rfind(" ") + 1 or len(rest)
            yield number, rest[:cut]
            rest = rest[cut:]
    yield number, rest


def _variants(value: str) -> set[tuple[str, ...]]:
    """A participant value as written, and a phone number without its spaces and dashes."""
    variants = {tuple(tokens(value))}
    plain = normalised(value)
    digits = re.sub(r"\D", "", plain)
    if len(digits) >= 8 and re.fullmatch(r"[\d\s()+./-]+", plain.strip()):
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

    def __init__(
        self, phrases: Iterable[tuple[str, ...]], usual: Counter[Key] | None = None
    ) -> None:
        unique = set(phrases)
        frequency = Counter(key for phrase in unique for key in set(_keys(phrase)))
        usual = usual or Counter()
        self.by_key: dict[Key, dict[tuple[str, ...], tuple[frozenset[Key], str]]] = defaultdict(
            dict
        )
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
SNIFF_BYTES = 4096
"""How much of a file's start tells its encoding."""
UNCLOSED_STRING_LIMIT = 4 * 1024 * 1024
"""Past this many characters, an unfinished JSON string is given out in parts (it stays open)."""

# What follows a string's opening quote: its text and the closing quote. "Unrolled"
# (Friedl): runs of plain characters between escapes, which never match the same text, so
# a string that does not close is read once, not once per way of splitting it.
_STRING_REST = re.compile(r'([^"\\]*(?:\\.[^"\\]*)*)"', re.DOTALL)
_LONGEST_ESCAPE = len("\\u00e9")
_JSON_SUFFIXES = {".json", ".map", ".webmanifest", ".jsonld", ".geojson"}
_GZIP_SUFFIXES = {".gz", ".svgz"}
_GZIP_MAGIC = b"\x1f\x8b"


Tags = Callable[[list[str]], list[str]]
"""Which of the tags of a text to read the insides of (those not known to be clean)."""


def output_texts(path: Path, tags: Tags | None = _every) -> Iterator[str]:
    """A built file as the text a reader gets from it (see :func:`_readable`), in pieces.
    A JSON file is read a part at a time and each of its strings is one piece, so the
    search index is never in memory whole. ``tags``: which tags to read the insides of;
    None: read the file as it stands, no markup (a file copied from the theme). Raises
    :class:`Unreadable` for a file that is no text (binary, or in no encoding the guard
    reads)."""
    texts = _decoded(_chunks(path))
    if _is_json(path):
        yield from _json_texts(texts)
    elif tags is None:
        yield from texts
    else:
        yield _readable("".join(texts), tags=tags)


def _is_json(path: Path) -> bool:
    return path.suffix in _JSON_SUFFIXES or path.name.endswith(".json.gz")


def _chunks(path: Path) -> Iterator[bytes]:
    """The file's bytes, READ_BYTES at a time; a gzip file's unpacked, as far as they go
    when it is cut short, or as they stand when it is no gzip at all."""
    try:
        with path.open("rb") as file:
            parts: Iterator[bytes] = iter(functools.partial(file.read, READ_BYTES), b"")
            first = next(parts, b"")
            parts = itertools.chain([first], parts)
            yield from (
                _gunzipped(parts)
                if path.suffix in _GZIP_SUFFIXES or first.startswith(_GZIP_MAGIC)
                else parts
            )
    except OSError as error:
        raise Unreadable(f"it could not be opened: {error.strerror or error}") from None


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


def _decoded(chunks: Iterator[bytes]) -> Iterator[str]:
    """The text of the bytes: UTF-8, or UTF-16 or UTF-32 told by a byte order mark, or
    UTF-16 told by its zero bytes. Raises :class:`Unreadable` for anything else."""
    head = b""
    for chunk in chunks:  # enough of the start to tell the encoding
        head += chunk
        if len(head) >= SNIFF_BYTES:
            break
    encoding = _encoding(head[:SNIFF_BYTES])
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        yield decoder.decode(head)
        for chunk in chunks:
            yield decoder.decode(chunk)
        yield decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise Unreadable(f"it is not {_ENCODING_NAMES.get(encoding, 'UTF-8')} text") from None


_BOMS = (  # UTF-32 first: its little-endian mark starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ENCODING_NAMES = {
    "utf-32": "UTF-32",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _encoding(head: bytes) -> str:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding
    if b"\0" not in head:
        return "utf-8"
    # UTF-16 without a mark: in Latin text every other byte is zero, the others are not.
    even, odd = head[0::2], head[1::2]
    for encoding, zeros, letters in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > len(zeros) * 0.3 and letters.count(0) <= len(letters) * 0.01:
            text = head[: len(head) // 2 * 2].decode(encoding, errors="replace")
            if len(_CONTROL.findall(text)) <= len(text) * 0.01:
                return encoding
    raise Unreadable("it holds binary data")


def _json_texts(texts: Iterable[str]) -> Iterator[str]:
    """The strings of a JSON text (keys too: a name may be one), each unescaped and made
    readable, and whatever stands between them (numbers: a phone number may be one); read
    a part at a time and given as one piece per part."""
    pending = ""  # starts outside a string: the start, or just past a string's closing quote
    for chunk in texts:
        text = pending + chunk
        parts: list[str] = []
        done = 0
        # From one opening quote to the next, never from a quote inside a string.
        while (quote := text.find('"', done)) != -1:
            string = _STRING_REST.match(text, quote + 1)
            if string is None:
                break  # cut by the end of this part: read with the next
            parts.append(_readable(text[done:quote]))
            # Made readable one by one: a "<" in one string and a ">" in another are no tag.
            parts.append(_readable(_json_unescape(string.group(1))))
            done = string.end()
        pending = text[done:]
        if len(pending) > UNCLOSED_STRING_LIMIT:
            given, pending = _unfinished(pending, final=False)
            parts.append(given)
        yield " ".join(parts)
    yield _unfinished(pending, final=True)[0]


def _unfinished(pending: str, final: bool) -> tuple[str, str]:
    """Most of what follows the last whole string, as readable text, and the rest, to be
    read with the next part. A string that is still open stays open in the rest; a cut is
    never made inside a word or an escape where that can be helped."""
    quote = pending.find('"')
    if quote == -1:  # between strings: numbers and such
        cut = 0 if final else max(pending.rfind(mark) for mark in " ,\n") + 1
        cut = cut or len(pending)  # final, or no place to cut: all of it
        return _readable(pending[:cut]), pending[cut:]
    between, string = pending[:quote], pending[quote + 1 :]
    cut = len(string) if final else _string_cut(string)
    return f"{_readable(between)} {_readable(_json_unescape(string[:cut]))}", '"' + string[cut:]


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


def _readable(text: str, depth: int = 0, tags: Tags = _every) -> str:
    """What a reader gets from ``text``: the text shown (tags removed, entities decoded) and,
    apart from it, the inside of every tag and comment (attribute values: alt, title, href,
    ``<meta>`` content...). Where that leaves markup or entities (escaped in the source:
    shown as text, or markup one level down, as in an attribute), it is read once more
    that way too. Then URL-encoded text and script escapes decoded, and ``;base64,`` data
    URLs unpacked, are read besides."""
    if _ENCODED.search(text) is None:
        return text
    if "<" in text:
        shown = html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", text)))
        inside = html.unescape(_MARKUP_NAMES.sub(" ", "\0".join(tags(_TAG_INSIDE.findall(text)))))
        pieces = [shown, inside]
    else:
        pieces = [html.unescape(text)] if "&" in text else [text]
    if depth == 0:
        pieces += [_readable(piece, 1) for piece in pieces if _is_markup(piece)]
    read = "\n".join(pieces)
    if "%" in read and _PERCENT.search(read):
        decoded = _PERCENT.sub(_url_decoded, read)
        if _PERCENT.search(decoded):  # encoded twice
            decoded = _PERCENT.sub(_url_decoded, decoded)
        read = f"{read}\n{decoded}"
    if "\\" in read:
        unescaped = _ESCAPE.sub(_unescaped, read)
        if unescaped != read:
            read = f"{read}\n{unescaped}"
    if depth == 0 and ";base64," in read:
        read = "\n".join([read, *(_readable(data, 1) for data in _base64_texts(read))])
    return read


def _is_markup(text: str) -> bool:
    return _TAG.search(text) is not None or _ENTITY.search(text) is not None


def _url_decoded(match: re.Match[str]) -> str:
    """A run of URL-encoded bytes (``%C3%AB``) as text: UTF-8, else Latin-1."""
    encoded = bytes.fromhex(match.group().replace("%", ""))
    try:
        return encoded.decode("utf-8")
    except UnicodeDecodeError:
        return encoded.decode("latin-1")


def _unescaped(match: re.Match[str]) -> str:
    """A script's escape (``\\u00eb``, ``\\u{eb}``, ``\\xeb``, ``\\n``) as the character it stands for."""
    number = match.group(1) or match.group(2) or match.group(3)
    if number is None:
        return " "  # \n, \t and such: a break between words
    code = int(number, 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else " "


def _base64_texts(text: str) -> Iterator[str]:
    """The text of each ``;base64,`` data URL that holds UTF-8 text (an SVG image, say)."""
    for match in _BASE64.finditer(text):
        data = match.group(1)
        try:
            unpacked = base64.b64decode(
                data + "=" * (-len(data) % 4),
                altchars=b"-_" if "-" in data or "_" in data else None,
            )
            yield unpacked.decode("utf-8")
        except (binascii.Error, ValueError):
            continue
