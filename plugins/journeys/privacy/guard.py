"""The privacy guard: proves after a build that nothing private reached any output file.

Every file of the built site (HTML, search index, sitemap, SVG, CSV, JSON, theme assets:
anything) is read as a browser, a crawler or a download reads it (see
:mod:`journeys.guard_reading`: encodings, gzip, tags and their attributes, comments,
escapes, JSON); so is its path (``images/jan-de-vries.png``). A file that cannot be read as
text fails the build, unless it matches ``publish_unread`` (by default images and fonts);
either way its printable runs of text are searched, as the ``strings`` tool finds them
(an image's metadata). Text stored compressed inside such a file (a PNG's ``zTXt`` chunk, a
``.docx``, a ``.woff2`` font) stays unread.

Matching is on word tokens after Unicode normalisation (compatibility forms such as
full-width letters made plain, as NFKC does; letters of other scripts that look like Latin
ones made Latin, so a Cyrillic "е" in "Fеmke" is an "e"; case-folded; diacritics and
invisible characters removed, so "Noël", "Noe\u0308l", "ＮＯＥＬ" and "Noel" are the same
word), in time linear in the size of the site. Words are split at any punctuation, so the
words of ``jan-de-vries`` or ``jan.de.vries`` in a profile URL are found. A phone number
is matched by its digits: a run of digits with spaces, dashes, dots, slashes or
parentheses between them is one number, and two numbers are the same phone when their
last PHONE_DIGITS digits agree ("+31 6 48213957", "06-48213957", "0031 (0)6 482 139 57");
a number followed by another one in the same run ("06-48213957 34" in a table's row) is
found too.

What is looked for (:func:`needles`):

- ``name``, ``email`` and ``phone`` of the participant block (and ``last_name``,
  ``work_email`` and the like), whole; a name also with its words run together
  ("JanDeVries", a handle or a profile URL);
- any other participant field only where it can identify someone (:func:`participant_needles`):
  a phrase of two or more words, a value without spaces of six characters or more that holds
  a digit (an employee number, a postcode, a date of birth), and, in every field, e-mail
  addresses and phone numbers found by their shape. A single common word ("female") or a
  short number ("34") is not looked for;
- the phrases of three words or more of each non-consenting interview.

A whole value found is an error; a phrase (of a non-consenting interview, or of a
participant field other than those three) is one unless published content says the same
thing (it cannot be told apart from it). A distinctive part of a participant's name found
without the rest of it is a warning with the file and line: a word of three letters or
more that is no particle like "van" and that published content does not say (a persona's
name), or a hyphenated first name whole ("Evert-Jan": "Jan" alone is anybody). The log
never repeats a private value.

Words the site prints on purpose are no sign of anyone: the words of published content, of
the site's own labels (``site_texts``: a participant called June, interviewed in June), of
the theme's page templates ("Link": a class name on every page). A part of a name is not
looked for alone when one of those says it; a one-word name, when the labels or the
theme's templates use it. Single words are not looked for in files copied unchanged from
the installed theme (a name like "Mark" stands in its scripts), nor, when shorter than
MIN_BINARY_WORD letters, in the text runs of a file that is no text (random bytes spell
short words). Numbers, e-mail addresses and whole names (of several words, or run
together) are looked for everywhere.
"""

from __future__ import annotations

import filecmp
import fnmatch
import os
import re
import unicodedata
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, pairwise
from pathlib import Path

from journeys.content.diagnostics import Severity
from journeys.content.model import Interview, Journey, Persona
from journeys.privacy.guard_reading import (
    TagMemory,
    Unreadable,
    output_texts,
    printable_texts,
    readable_lines,
)
from journeys.privacy.policy import is_published, private_values

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Combining diacritical marks (Latin, Greek, Cyrillic), soft hyphen and zero-width characters.
_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u00ad\u200b-\u200d\u2060\ufeff]"
)
# Letters of other scripts that look like Latin ones (as in Unicode's confusables), made
# Latin before case-folding, as they look: an upper-case Greek eta like "H", a lower-case one
# like "n". So one Greek word in two cases can fold apart: participant values are looked for
# in each case (:func:`_case_forms`).
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
_OTHER_SIGN = re.compile(r"[^\w\x00-\x7f]")
_SPACE = re.compile(r"\s")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_DIGITS = 9
"""Two phone numbers are the same when their last this many digits agree (and both have as
many): "+31 6 48213957" and "06-48213957"."""
# A run of digits with spaces, dashes, dots, slashes or parentheses between them: one
# number. Only runs of PHONE_DIGITS digits or more. ASCII digits: text is normalised.
_NUMBER = re.compile(rf"[0-9](?:[ \t./()-]*[0-9]){{{PHONE_DIGITS - 1},}}")
_DIGITS = re.compile(r"[0-9]+")
_PHONE_MARK = "+"
"""Starts the word a phone number is looked for as; no word of a text starts so."""
NUMBER_CONTEXT = 64
"""Characters of the text before a window read again with it: a number cut by the window's
edge is found whole."""
MIN_PHRASE_TOKENS = 3
MIN_PART_LETTERS = 3
"""A word of a participant's name shorter than this is not looked for on its own."""
MIN_IDENTIFIER_CHARACTERS = 6
"""A participant value other than a name, e-mail address or phone number, of one word with
a digit in it, is looked for when it is this long (an employee number, a postcode)."""
MIN_BINARY_WORD = 6
"""A single word shorter than this is not looked for in the text runs of a file that is no
text: random bytes spell short words, and fonts name their features ("mark", "kern")."""
ALWAYS_LOOKED_FOR = ("name", "email", "phone")
"""A participant field whose key holds one of these (``name``, ``first_name``, ``nickname``,
``work_email``) is looked for whatever its value; others where the value can identify."""
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
    """Participant values are private wherever they appear. A phrase (of a non-consenting
    interview, or of another participant field than a name, e-mail address or phone number)
    is private unless published content says the same thing."""
    part: int = 0
    """For a part of a participant's name looked for on its own (a word, or a hyphenated
    first name): where in the value it starts, from word 1. Found without the rest of the
    value, it is a warning. 0: the whole value."""
    joined: bool = False
    """A name of several words run together ("femkeoudshoorn"): one word, but a whole name."""


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
    in_path: bool = False
    """Found in the file's path (its name or a folder's), not in what it holds."""

    def format(self) -> str:
        if self.unread:
            return (
                f"{self.output}: cannot be read as text ({self.unread}), so the privacy guard cannot "
                "check it; remove it from the site, or, if it may be published unchecked, add a "
                "pattern that matches it to `publish_unread` in mkdocs.yml"
            )
        if self.part and self.in_path:
            return (
                f"{self.output}: word {self.part} of `{self.field}` of {self.source} stands in "
                "the path of this file without the rest of the name; if it is the participant, "
                "rename the file"
            )
        if self.part:
            # The word itself is not repeated: the log may be more public than the site.
            return (
                f"{self.output}:{self.line}: word {self.part} of `{self.field}` of {self.source} "
                "stands here without the rest of the name; if it is the participant, remove it"
            )
        if self.in_path:
            return (
                f"{self.output}: the path of this file contains `{self.field}` of {self.source}, "
                "which must never be published; rename the file"
            )
        return f"{self.output}: contains `{self.field}` of {self.source}, which must never be published"


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
        decomposed = unicodedata.normalize("NFKD", text).translate(_LOOK_ALIKES).casefold()
        return _OTHER_SIGN.sub(" ", _MARKS.sub("", decomposed))
    return _NON_ASCII.sub(_folded, text).lower()  # a few words: those alone, not the whole text


def _folded(match: re.Match[str]) -> str:
    decomposed = unicodedata.normalize("NFKD", match.group()).translate(_LOOK_ALIKES).casefold()
    return _NOT_WORD.sub(" ", _MARKS.sub("", decomposed))


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalised(text))


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


def _phone_needle_words(value: str) -> set[str]:
    """The phone numbers of a participant value: each run of digits whole (see
    :func:`phone_numbers`), as the word it is looked for as."""
    return {
        _PHONE_MARK + "".join(_DIGITS.findall(run.group()))[-PHONE_DIGITS:]
        for run in _NUMBER.finditer(normalised(value))
    }


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
    site_texts: Iterable[str] = (),
) -> Watchlist:
    """What to look for in the site of these interviews, personas and journeys.
    ``site_texts``: what the site prints of its own (its labels in every language, month
    names): published on purpose, like the content, so their words and phrases are no
    sign of a participant alone."""
    interviews = list(interviews)
    site_texts = list(site_texts)
    site_words = set(tokens(" ".join(site_texts)))
    found = needles(interviews)
    phrases = {needle.tokens for needle in found if not needle.always_private or needle.part}
    published, usual = _read_published(
        phrases,
        {key for needle in found for key in _keys(needle.tokens)},
        chain(_published_texts(interviews, personas, journeys), site_texts),
    )

    def watched(needle: Needle) -> bool:
        if _is_word(needle) and needle.tokens[0] in site_words:
            return False  # a label of every site ("June" of a date): no sign of anyone
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
    """Every private value or phrase found in a file of the built site or in its path
    (errors), every word of a name found without the rest of it (warnings), and every file
    that could not be read and does not match ``publish_unread`` (errors). ``theme_dirs``:
    the folders of the installed theme (not the site's ``custom_dir``)."""
    theme_dirs = list(theme_dirs)
    vocabulary = theme_words(theme_dirs)
    # A word the theme puts on every page ("link", "banner") is no sign of anyone.
    looked_for = [
        needle
        for needle in watching.needles
        if not _is_word(needle) or needle.tokens[0] not in vocabulary
    ]
    matches, unread = scan(site_dir, looked_for, watching.usual, theme_copies(site_dir, theme_dirs))
    whole = {
        (output, needle.source, needle.field) for output, needle, _ in matches if not needle.part
    }
    leaks: dict[tuple[str, str, str, int, bool], Leak] = {}  # output, source, field, part, path
    alone: dict[str, list[Needle]] = defaultdict(list)
    for output, needle, in_path in matches:
        key = (output, needle.source, needle.field, needle.part, in_path)
        if not needle.part:
            leaks.setdefault(key, Leak(output, needle.source, needle.field, in_path=in_path))
        elif (output, needle.source, needle.field) in whole:
            continue
        elif in_path:
            leaks.setdefault(
                key,
                Leak(
                    output,
                    needle.source,
                    needle.field,
                    Severity.WARNING,
                    0,
                    _words(needle),
                    in_path=True,
                ),
            )
        else:
            alone[output].append(needle)
    for output, parts in alone.items():
        lines = first_lines(site_dir / output, {needle.tokens for needle in parts})
        for needle in parts:
            line = lines.get(needle.tokens, 1)
            leak = Leak(output, needle.source, needle.field, Severity.WARNING, line, _words(needle))
            leaks.setdefault((output, needle.source, needle.field, needle.part, False), leak)
    patterns = [pattern.casefold() for pattern in publish_unread]
    for output, reason in unread:
        if not any(fnmatch.fnmatchcase(output.casefold(), pattern) for pattern in patterns):
            leaks[(output, "", "", 0, False)] = Leak(output, unread=reason)
    return sorted(
        leaks.values(),
        key=lambda leak: (leak.output, leak.in_path, leak.line, leak.source, leak.field, leak.part),
    )


def needles(interviews: Iterable[Interview]) -> list[Needle]:
    """What to look for: what can identify a participant (:func:`participant_needles`), and
    each phrase of at least MIN_PHRASE_TOKENS words of a non-consenting interview."""
    found: list[Needle] = []
    for source, field, value in private_values(interviews):
        if field.startswith("participant"):
            found.extend(participant_needles(value, source, field))
            continue
        for sentence in _SENTENCE.split(value):
            phrase = tuple(tokens(sentence))
            if len(phrase) >= MIN_PHRASE_TOKENS:
                found.append(Needle(phrase, source, field, always_private=False))
    return found


def participant_needles(value: str, source: str, field: str) -> list[Needle]:
    """What is looked for of a value of the participant block. ``name``, ``email`` and
    ``phone`` (and fields whose key holds one of these words, such as ``last_name``:
    ALWAYS_LOOKED_FOR) whole, whatever they hold; a name also with its words run together
    ("femkeoudshoorn": an error too), and each of its distinctive parts alone (a warning).
    Any other field only where its value can identify someone:

    - a phrase of two words or more, one at least with a letter ("Service desk Utrecht",
      "1234 AB"): like a phrase of a non-consenting interview, an error unless published
      content says the same thing;
    - a value without spaces of MIN_IDENTIFIER_CHARACTERS or more with a digit in it (an
      employee number, a postcode, a date of birth): an error;

    and, in every field, an e-mail address or phone number found in it by its shape (an
    error). A single common word ("female", "IT") or a short number ("34", "1.5") is not
    looked for: it would be found on any site, and says nothing of who it is."""
    key = re.sub(r"\[\d+\]$", "", field.rsplit(".", 1)[-1])
    found: dict[tuple[tuple[str, ...], bool, int], Needle] = {}
    for form in _case_forms(value):
        for needle in _needles_of(form, key, source, field):
            found.setdefault((needle.tokens, needle.always_private, needle.part), needle)
    return [needle for needle in found.values() if needle.tokens]


def _case_forms(value: str) -> set[str]:
    """A value as written, and, when it is not ASCII, in upper, lower and title case: a
    letter of another script can fold to one Latin letter in one case and to another in the
    other (see :data:`_LOOK_ALIKES`)."""
    if value.isascii():
        return {value}
    return {value, value.upper(), value.lower(), value.title()}


def _needles_of(value: str, key: str, source: str, field: str) -> Iterator[Needle]:
    """The needles of :func:`participant_needles` for a value of the field named ``key``."""
    words = tuple(tokens(value))
    if any(word in key for word in ALWAYS_LOOKED_FOR):
        for variant in _variants(value):
            yield Needle(variant, source, field, always_private=True)
        if "name" in key:
            yield from _name_parts(value, source, field)
            if len(words) > 1:
                yield Needle(("".join(words),), source, field, always_private=True, joined=True)
    elif len(words) > 1 and not all(word.isdigit() for word in words):
        yield Needle(words, source, field, always_private=False)
    elif (
        len(value) >= MIN_IDENTIFIER_CHARACTERS
        and not any(character.isspace() for character in value)
        and any(character.isdigit() for character in value)
    ):
        yield Needle(words, source, field, always_private=True)
    for address in _EMAIL.findall(value):
        yield Needle(tuple(tokens(address)), source, field, always_private=True)
    for number in _phone_needle_words(value):
        yield Needle((number,), source, field, always_private=True)


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
    """A single word that may be another one than the participant's (a one-word name, a
    word of a name): not a number, an identifier with digits, nor a name run together."""
    return len(needle.tokens) == 1 and needle.tokens[0].isalpha() and not needle.joined


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
) -> tuple[list[tuple[str, Needle, bool]], list[tuple[str, str]]]:
    """``(output file, needle, found in its path)`` for each needle found in a file of the
    site or in its path: every file (HTML, search index, sitemap, SVG, CSV, JSON, theme
    assets: anything); and ``(output file, why)`` for each file that could not be read as
    text (its printable runs are searched). ``usual`` counts the texts each word or word
    pair stands in, to file needles under rare ones. In the files ``copied_from_theme``,
    single words other than numbers are not looked for; in the text runs of a file that is
    no text, single words shorter than MIN_BINARY_WORD are not."""
    by_tokens: dict[tuple[str, ...], list[Needle]] = defaultdict(list)
    for needle in found:
        by_tokens[needle.tokens].append(needle)
    index = _PhraseIndex(by_tokens, usual)
    memory = TagMemory()
    overlap = max((len(phrase) for phrase in by_tokens), default=1) - 1

    def one_word(phrase: tuple[str, ...], shorter_than: int | None = None) -> bool:
        return all(
            _is_word(needle) and (shorter_than is None or len(phrase[0]) < shorter_than)
            for needle in by_tokens[phrase]
        )

    matches: list[tuple[str, Needle, bool]] = []
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
            in_text_runs: set[tuple[str, ...]] = set()
            for words in _windows(printable_texts(path), overlap):
                in_text_runs.update(index.found_in(words))
            in_file.update(p for p in in_text_runs if not one_word(p, MIN_BINARY_WORD))
        memory.done(clean=not in_file)
        in_path = set(index.found_in(_path_words(output)))
        if from_theme:
            in_file = {phrase for phrase in in_file if not one_word(phrase)}
            in_path = {phrase for phrase in in_path if not one_word(phrase)}
        for phrase in sorted(in_file):
            matches.extend((output, needle, False) for needle in by_tokens[phrase])
        for phrase in sorted(in_path):
            matches.extend((output, needle, True) for needle in by_tokens[phrase])
    return matches, unread


def _path_words(output: str) -> list[str]:
    """The words of a file's path relative to the site, URL-decoded too."""
    decoded = urllib.parse.unquote(output)
    text = normalised(output if decoded == output else f"{output}\n{decoded}")
    return [*_TOKEN.findall(text), *phone_numbers(text)]


WINDOW_CHARACTERS = 64 * 1024


def _windows(pieces: Iterable[str], overlap: int) -> Iterator[list[str]]:
    """The words of the text made of ``pieces``, in windows of about WINDOW_CHARACTERS,
    each starting with the last ``overlap`` words of the one before, so that a phrase of
    up to ``overlap + 1`` words stands whole in one of them; after them, the phone numbers
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
            words += _TOKEN.findall(text)
            numbers.update(phone_numbers(before + text))
            before = text[-NUMBER_CONTEXT:]
            size += end - start
            start = end
            if size >= WINDOW_CHARACTERS:
                yield [*words, *numbers]
                words = words[-overlap:] if overlap else []
                numbers = set()
                size = 0
    if size:
        yield [*words, *numbers]


def first_lines(path: Path, phrases: set[tuple[str, ...]]) -> dict[tuple[str, ...], int]:
    """The first line of the file on which each of ``phrases`` stands, each line read as
    the whole file is read; one found on no line (it needed two lines) is left out."""
    found: dict[tuple[str, ...], int] = {}
    try:
        for number, readable in readable_lines(path):
            joined = f" {' '.join(tokens(readable))} "
            for phrase in phrases.difference(found):
                if f" {' '.join(phrase)} " in joined:
                    found[phrase] = number
            if len(found) == len(phrases):
                break
    except Unreadable:
        pass
    return found


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
