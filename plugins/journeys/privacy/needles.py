"""What the privacy guard looks for (:func:`needles`), worked out from the study before
the build (:func:`watchlist`); :mod:`journeys.privacy.guard` looks for it in the built site.

What is looked for (:func:`needles`):

- ``name``, ``email`` and ``phone`` of the participant block (and ``last_name``,
  ``work_email`` and the like), whole; a name also with its words run together
  ("JanDeVries", a handle or a profile URL);
- any other participant field only where it can identify someone (:func:`participant_needles`):
  a phrase of two or more words, a value without spaces of six characters or more that holds
  a digit (an employee number, a postcode, a date of birth), and, in every field, e-mail
  addresses and phone numbers found by their shape. A single common word ("female") or a
  short number ("34") is not looked for;
- the phrases of three words or more of each non-consenting interview, and each run of
  RUN_TOKENS words in a row of one of its sentences (a quote with a word left out or
  changed).

A whole value found is an error; a phrase (of a non-consenting interview, or of a
participant field other than those three) is one unless published content says the same
thing (it cannot be told apart from it). A distinctive part of a participant's name found
without the rest of it is a warning with the file and line: a word of three letters or
more that is no particle like "van" and that published content does not say (a persona's
name), or a hyphenated first name whole ("Evert-Jan": "Jan" alone is anybody). The log
never repeats a private value.

Words the study publishes on purpose are no sign of anyone: the words of published content,
of the site's own labels (``site_texts``: a participant called June, interviewed in June). A
part of a name is not looked for alone when one of those says it; a one-word name, when the
labels use it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

from journeys.content.model import Interview, Journey, Persona, Theme
from journeys.content.records import Record
from journeys.privacy.matching import (
    Key,
    PhraseIndex,
    normalised,
    phone_needle_words,
    phrase_keys,
    tokens,
    words_and_pairs,
)
from journeys.privacy.policy import is_published, private_values, strings

_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MIN_PHRASE_TOKENS = 3
RUN_TOKENS = 8
"""Of a non-consenting interview's text, any this many words in a row are looked for, so
that a quote is found with words left out or changed. Shorter runs are everyday phrases
("at the end of"), or two published snippets that stand side by side on a page ("... with
Zoë from Eindhoven" "He asked Eva for help"): the guard reads a page's text as one run
(a name split by markup is found). One this long that published content says too is not
looked for, as any phrase."""
MIN_PART_LETTERS = 3
"""A word of a participant's name shorter than this is not looked for on its own."""
MIN_IDENTIFIER_CHARACTERS = 6
"""A participant value other than a name, e-mail address or phone number, of one word with
a digit in it, is looked for when it is this long (an employee number, a postcode)."""
ALWAYS_LOOKED_FOR = ("name", "email", "phone")
"""A participant field whose key holds one of these (``name``, ``first_name``, ``nickname``,
``work_email``) is looked for whatever its value; others where the value can identify."""
# fmt: off
PARTICLES = frozenset({
    "de", "da", "di", "do", "du", "la", "le", "lo", "el", "al", "op", "in", "te", "t", "zu",
    "af", "y", "e", "van", "der", "den", "ter", "ten", "von", "vom", "del", "della", "dei",
    "degli", "des", "het", "dos", "das", "bin", "ibn", "bint", "abu", "zum", "zur", "aan", "uit",
    "vande", "vander", "vanden", "jr", "sr", "iii",
})
"""Words of a name that say nothing about who it is, looked for in no name on their own."""
# fmt: on


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
    run: bool = False
    """RUN_TOKENS words in a row of a sentence of a non-consenting text (``part``: where they
    start in the text's words). Found without the whole sentence, a warning: a quote with
    words left out, or by chance two published texts side by side on a page."""


@dataclass(frozen=True)
class Watchlist:
    """What the guard looks for, worked out from the study before the build, so that the
    study need not be kept in memory until the site is written."""

    needles: list[Needle]
    """Participant values, the distinctive words of their names, and the phrases of
    non-consenting interviews that published content does not also say."""
    usual: Counter[Key]
    """In how many published texts each word or word pair of the needles stands."""


PublishedReader = Callable[
    [set[tuple[str, ...]], set[Key], Iterable[str]], tuple[set[tuple[str, ...]], Counter[Key]]
]
"""Reads the published texts for :func:`watchlist`: given the phrases looked for, the words
and word pairs counted, and the texts, the phrases that stand in one of the texts and in how
many texts each counted key stands (:func:`read_published`)."""


def watchlist(
    interviews: Iterable[Interview],
    personas: Iterable[Persona] = (),
    journeys: Iterable[Journey] = (),
    site_texts: Iterable[str] = (),
    themes: Iterable[Theme] = (),
    reader: PublishedReader | None = None,
    find_needles: Callable[[list[Interview]], list[Needle]] | None = None,
    texts_of: Callable[[Record], tuple[str, ...]] | None = None,
) -> Watchlist:
    """What to look for in the site of these interviews, personas, journeys and themes.
    ``site_texts``: what the site prints of its own (its labels in every language, month
    names): published on purpose, like the content, so their words and phrases are no
    sign of a participant alone. ``reader`` reads the published texts in place of
    :func:`read_published`, ``find_needles`` finds the needles in place of :func:`needles`,
    ``texts_of`` gives a record's texts in place of :func:`published_texts` (ones that keep
    what they found between rebuilds)."""
    interviews = list(interviews)
    site_texts = list(site_texts)
    site_words = set(tokens(" ".join(site_texts)))
    found = (find_needles or needles)(interviews)
    phrases = {needle.tokens for needle in found if not needle.always_private or needle.part}
    published, usual = (reader or read_published)(
        phrases,
        {key for needle in found for key in phrase_keys(needle.tokens)},
        chain(
            _published_texts(interviews, personas, journeys, themes, texts_of or published_texts),
            site_texts,
        ),
    )

    def watched(needle: Needle) -> bool:
        if is_word(needle) and needle.tokens[0] in site_words:
            return False  # a label of every site ("June" of a date): no sign of anyone
        if needle.always_private and not needle.part:
            return True
        # Said by published content: no sign of the participant, nor of a leak.
        return needle.tokens not in published

    return Watchlist([needle for needle in found if watched(needle)], usual)


def needles(interviews: Iterable[Interview]) -> list[Needle]:
    """What to look for: what can identify a participant (:func:`participant_needles`), and
    of each text of a non-consenting interview, each phrase of at least MIN_PHRASE_TOKENS
    words and each run of RUN_TOKENS words in a row of a sentence (a quote with a word left
    out). Those of several interviews are those of each, in their order."""
    found: list[Needle] = []
    for source, field, value in private_values(interviews):
        if field.startswith("participant"):
            found.extend(participant_needles(value, source, field))
            continue
        sentences = _units(value)
        found.extend(
            Needle(sentence, source, field, always_private=False)
            for sentence in dict.fromkeys(sentences)
            if len(sentence) >= MIN_PHRASE_TOKENS
        )
        found.extend(_runs(sentences, source, field))
    return found


def _units(value: str) -> list[tuple[str, ...]]:
    """The sentences of a text, as words; pieces too short to be looked for on their own
    (``Diagnosis: burnout.``, the items of a list) joined with the short pieces beside
    them; a Markdown link as the words a page shows of it (its text, not its address)."""
    shown = _MARKDOWN_LINK.sub(r"\1", value)
    units: list[tuple[str, ...]] = []
    short: list[str] = []
    for piece in _SENTENCE.split(shown):
        words = tokens(piece)
        if len(words) >= MIN_PHRASE_TOKENS:
            if short:
                units.append(tuple(short))
                short = []
            units.append(tuple(words))
        else:
            short.extend(words)
    if short:
        units.append(tuple(short))
    return units


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def _runs(sentences: list[tuple[str, ...]], source: str, field: str) -> Iterator[Needle]:
    """Each run of RUN_TOKENS words within a sentence (the end of one and the start of the
    next, on a page, may be two published texts side by side)."""
    whole = set(sentences)
    seen: set[tuple[str, ...]] = set()
    offset = 0
    for sentence in sentences:
        for start in range(len(sentence) - RUN_TOKENS + 1):
            run = sentence[start : start + RUN_TOKENS]
            if run not in whole and run not in seen:
                seen.add(run)
                yield Needle(run, source, field, False, part=offset + start + 1, run=True)
        offset += len(sentence)


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
    other (see :data:`journeys.privacy.matching._LOOK_ALIKES`)."""
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
    for number in phone_needle_words(value):
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


def is_word(needle: Needle) -> bool:
    """A single word that may be another one than the participant's (a one-word name, a
    word of a name): not a number, an identifier with digits, nor a name run together."""
    return len(needle.tokens) == 1 and needle.tokens[0].isalpha() and not needle.joined


def _variants(value: str) -> set[tuple[str, ...]]:
    """A participant value as written, and a phone number without its spaces and dashes."""
    variants = {tuple(tokens(value))}
    plain = normalised(value)
    digits = re.sub(r"\D", "", plain)
    if len(digits) >= 8 and re.fullmatch(r"[\d\s()+./-]+", plain.strip()):
        variants.add((digits,))
    return {variant for variant in variants if variant}


def _published_texts(
    interviews: list[Interview],
    personas: Iterable[Persona],
    journeys: Iterable[Journey],
    themes: Iterable[Theme],
    texts_of: Callable[[Record], tuple[str, ...]],
) -> Iterator[str]:
    """Everything that is published on purpose, one text at a time: the codebook's themes
    too (the team's words)."""
    for record in (*interviews, *personas, *journeys, *themes):
        yield from texts_of(record)


def published_texts(record: Record) -> tuple[str, ...]:
    """What a record of the study publishes on purpose, as texts: its values (an
    interview's without its participant block) and its body; none of an interview whose
    text is not published."""
    if isinstance(record, Interview):
        if not is_published(record):
            return ()
        values = record.model_dump(exclude={"participant"})
    else:
        values = record.model_dump()
    return (" ".join(text for _, text in strings(values)), record.source.body)


def read_published(
    phrases: set[tuple[str, ...]], counted: set[Key], texts: Iterable[str]
) -> tuple[set[tuple[str, ...]], Counter[Key]]:
    """The phrases that stand in one of the texts (not across two of them), and in how many
    texts each of the ``counted`` words and word pairs stands."""
    index = PhraseIndex(phrases)
    found: set[tuple[str, ...]] = set()
    usual: Counter[Key] = Counter()
    for text in texts:
        words = tokens(text)
        present = words_and_pairs(words)
        usual.update(present & counted)
        for phrase in index.found_in(words, present):
            found.add(phrase)
            index.discard(phrase)  # found once is enough: later texts have less to look for
    return found, usual
