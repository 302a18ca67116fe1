"""Read durations written in expectation fields, and describe gaps between them.

:func:`read_duration` reads a value as people write it, in English or Dutch: a number and
a unit (``45 min``, ``1,5 uur``, ``3 weken``), numbers in words (``three weeks``, ``an
hour``, ``een half uur``, ``anderhalve dag``), parts (``2 hours 30 min``), ranges (``2-3
days``, ``2 à 3 dagen``, ``between 2 and 3 days``), working time (``3 working days``,
``3 werkdagen``), ``about``/``within`` before any of them, and ISO 8601 (``P3W``).
Time is calendar time: a day is 24 hours, a week 7 days, a month 30 days, an ISO year 365
days, a working week a week and a working day a fifth of it
(:mod:`journeys.content.duration_words`). A range is compared by its midpoint
(:func:`parse_duration`); anything else, including a bare number, is not a duration, and
:func:`unreadable_duration` tells which of those look like one. :func:`gap` subtracts two
durations; :func:`humanize` gives a gap as a :class:`HumanDuration` to put into words.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from journeys.content import duration_words as words
from journeys.content.rounding import half_up

__all__ = [
    "Duration",
    "HumanDuration",
    "UnreadableDuration",
    "gap",
    "humanize",
    "parse_duration",
    "read_duration",
    "unreadable_duration",
]

# Longer values are never durations; refusing them up front keeps reading cheap
# whatever free text an interview holds.
_MAX_LENGTH = 64

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_DIGITS = re.compile(_NUMBER)
_TOKEN = re.compile(rf"{_NUMBER}|[½¼¾]|[^\W\d_]+(?:'[^\W\d_]+)?|\S")
# Dutch writes some numbers as one word: ``vierentwintig``, ``tweeënhalf``, ``driekwartier``.
_DUTCH_ONES = "|".join(words.DUTCH_ONES)
_DUTCH_COMPOUND = re.compile(rf"({_DUTCH_ONES})[eë]n({'|'.join(words.DUTCH_TENS)})")
_DUTCH_AND_A_HALF = re.compile(rf"({_DUTCH_ONES}|tien)[eë]n(half|halve)")
_DUTCH_QUARTERS = re.compile(rf"({_DUTCH_ONES})kwartier")
# ISO 8601: M before T is months, after T minutes. T must be followed by a
# component, so ``PT`` and ``P1DT`` are rejected; an empty ``P`` is rejected below.
_ISO_DURATION = re.compile(
    rf"p(?:({_NUMBER})y)?(?:({_NUMBER})m)?(?:({_NUMBER})w)?(?:({_NUMBER})d)?"
    rf"(?:t(?=[0-9])(?:({_NUMBER})h)?(?:({_NUMBER})m)?(?:({_NUMBER})s)?)?"
)
_SECOND = timedelta(seconds=1)
_ISO_PARTS = (words.YEAR, words.MONTH, words.WEEK, words.DAY, words.HOUR, words.MINUTE, _SECOND)
_ISO_SHOWN = ("month", "month", "week", "day", "hour", "minute", "minute")

_MICROSECONDS_PER_SECOND = 1_000_000


def _microseconds(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * _MICROSECONDS_PER_SECOND + delta.microseconds


def _scaled(number: Fraction, unit: timedelta) -> timedelta:
    """``number`` times ``unit``, computed exactly."""
    # Raises OverflowError beyond timedelta's range; the caller treats that as "no duration".
    return timedelta(microseconds=math.floor(number * _microseconds(unit) + Fraction(1, 2)))


@dataclass(frozen=True)
class Duration:
    """A duration as written: from ``low`` to ``high`` in calendar time (the same unless it
    is a range), to be shown in ``unit`` (a key of ``duration_words.SHOWN_UNITS``)."""

    low: timedelta
    high: timedelta
    unit: str
    qualifier: str | None = None
    """``about`` or ``within`` when the value said so."""

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def midpoint(self) -> timedelta:
        """What a range is compared by; a single value is its own midpoint."""
        return self.low + (self.high - self.low) / 2

    @property
    def amounts(self) -> tuple[Fraction, Fraction]:
        """``low`` and ``high`` in ``unit``, exactly."""
        size = _microseconds(words.SHOWN_UNITS[self.unit])
        return Fraction(_microseconds(self.low), size), Fraction(_microseconds(self.high), size)


def read_duration(text: object) -> Duration | None:
    """The duration that the whole of ``text`` denotes, or None. Ignores surrounding
    whitespace and case; never raises."""
    if not isinstance(text, str) or len(text) > _MAX_LENGTH:
        return None
    return _read_text(text)


def parse_duration(text: object) -> timedelta | None:
    """The calendar time ``text`` denotes (a range's midpoint), or None."""
    duration = read_duration(text)
    return None if duration is None else duration.midpoint


@functools.lru_cache(maxsize=8192)
def _read_text(text: str) -> Duration | None:
    """The reading of one short text; cached, since studies repeat the same few values."""
    value = text.strip().lower()
    try:
        iso = _ISO_DURATION.fullmatch(value)
        if iso is not None:
            return _iso_duration(iso)
        return _Reader(_tokens(value)).duration()
    except OverflowError:
        return None


def _iso_duration(iso: re.Match[str]) -> Duration | None:
    given = [
        (Fraction(number.replace(",", ".")), unit, shown)
        for number, unit, shown in zip(iso.groups(), _ISO_PARTS, _ISO_SHOWN)
        if number is not None
    ]
    if not given:
        return None
    total = sum((_scaled(number, unit) for number, unit, _ in given), timedelta(0))
    return Duration(total, total, _shown_unit(given[0][2], total, total))


def _tokens(value: str) -> list[str]:
    """``value`` (lower case) as numbers, words and single signs; Dutch compounds split."""
    found: list[str] = []
    for token in _TOKEN.findall(value):
        if compound := _DUTCH_COMPOUND.fullmatch(token):
            ones, tens = compound.groups()
            found.append(str(10 * words.DUTCH_TENS[tens] + words.DUTCH_ONES[ones]))
        elif half := _DUTCH_AND_A_HALF.fullmatch(token):
            found += [half.group(1), "en", "een", half.group(2)]
        elif quarters := _DUTCH_QUARTERS.fullmatch(token):
            found += [quarters.group(1), "kwartier"]
        else:
            found.append(token)
    return found


def _shown_unit(start: str, low: timedelta, high: timedelta) -> str:
    """The unit to show a duration in, from ``start`` down: the first in which both ends
    are whole or exact to one decimal and not below 1 (``1.5 hours``, ``90 minutes`` for
    ``PT90M``, ``30 minutes`` for ``half an hour``), else the first not below 1."""
    family = next(family for family in words.SHOWN_FAMILIES if start in family)
    units = family[family.index(start) :]

    def amounts(unit: str) -> list[Fraction]:
        size = _microseconds(words.SHOWN_UNITS[unit])
        return [Fraction(_microseconds(end), size) for end in (low, high) if end]

    for unit in units:
        if all(amount >= 1 and (amount * 10).denominator == 1 for amount in amounts(unit)):
            return unit
    return next((unit for unit in units if all(a >= 1 for a in amounts(unit))), units[-1])


_Term = tuple[timedelta, words.Unit]


class _Reader:
    """Reads a duration from tokens, by the grammar in :mod:`.duration_words`."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.position = 0

    def peek(self, ahead: int = 0) -> str:
        index = self.position + ahead
        return self.tokens[index] if index < len(self.tokens) else ""

    def take(self, *phrase: str) -> bool:
        if tuple(self.tokens[self.position : self.position + len(phrase)]) != phrase:
            return False
        self.position += len(phrase)
        return True

    def take_any(self, choices: Collection[str]) -> str | None:
        token = self.peek()
        if token and token in choices:
            self.position += 1
            return token
        return None

    def duration(self) -> Duration | None:
        qualifier = words.QUALIFIERS.get(self.peek())
        if qualifier is not None:
            self.position += 1
            if self.peek(-1) in ("ca", "approx"):
                self.take(".")
        start = self.position
        for read in (self.range, self.parts):
            self.position = start
            found = read()
            if found is not None and self.position == len(self.tokens):
                low, high, unit = found
                return Duration(low, high, _shown_unit(unit.shown, low, high), qualifier)
        return None

    def range(self) -> tuple[timedelta, timedelta, words.Unit] | None:
        """``2-3 days``, ``2 days to 3 days``, ``tussen 2 en 3 dagen``: low, high, unit."""
        joiner = words.BETWEEN.get(self.peek())
        if joiner is not None:
            self.position += 1
        low = self.amount()
        if low is None:
            return None
        low_unit = self.unit()
        if not (self.take(joiner) if joiner else self.take_any(words.RANGE_SEPARATORS)):
            return None
        high = self.term()
        if high is None or (low_unit is not None and low_unit.working != high[1].working):
            return None
        low_value = _scaled(low, (low_unit or high[1]).size)
        if low_value > high[0]:
            return None
        unit = low_unit if low_unit is not None and low_unit.size > high[1].size else high[1]
        return low_value, high[0], unit

    def parts(self) -> tuple[timedelta, timedelta, words.Unit] | None:
        """``3 weeks``, ``2 hours 30 min``, ``1 uur en 1 kwartier``, ``1u30``: largest first."""
        first = self.term()
        if first is None:
            return None
        total, largest = first
        smallest = largest
        while self.position < len(self.tokens):
            if smallest.size == words.HOUR and self.position == len(self.tokens) - 1:
                minutes = self.peek()  # the 30 of 1u30
                if minutes.isdigit() and int(minutes) < 60:
                    self.position += 1
                    total += int(minutes) * words.MINUTE
                    return total, total, largest
            self.take_any(words.JOINERS)
            term = self.term()
            if term is None or term[1].size >= smallest.size or term[1].working != largest.working:
                return None
            total += term[0]
            smallest = term[1]
        return total, total, largest

    def term(self) -> _Term | None:
        """An amount and its unit: ``3 weeks``, ``an hour and a half``."""
        amount = self.amount()
        unit = None if amount is None else self.unit()
        if amount is None or unit is None:
            return None
        if self.and_a_half():
            amount += Fraction(1, 2)
        return _scaled(amount, unit.size), unit

    def amount(self) -> Fraction | None:
        """``2``, ``1,5``, ``1½``, ``two``, ``twenty-four``, ``half (an)``, ``een half``,
        ``anderhalf``, ``two and a half``."""
        if self.peek() in words.HALVES or (
            self.peek() in words.ARTICLES and self.peek(1) in words.HALVES
        ):
            self.position += 1 if self.peek() in words.HALVES else 2
            self.take_any(words.ARTICLES - {"een"})  # half *an* hour
            return Fraction(1, 2)
        whole = self.number()
        if whole is not None and self.and_a_half():
            whole += Fraction(1, 2)
        return whole

    def number(self) -> Fraction | None:
        token = self.peek()
        if _DIGITS.fullmatch(token):
            self.position += 1
            value = Fraction(token.replace(",", "."))
            fraction = self.take_any(words.FRACTIONS)
            return value + words.FRACTIONS[fraction] if fraction else value
        if token in words.FRACTIONS or token in words.NUMBER_WORDS:
            self.position += 1
            value = words.FRACTIONS.get(token) or words.NUMBER_WORDS[token]
            if token in words.ENGLISH_TENS:  # twenty-four, twenty four
                dash = self.peek() == "-"
                ones = words.ENGLISH_ONES.get(self.peek(int(dash)))
                if ones is not None:
                    self.position += 1 + dash
                    value += ones
            return value
        return None

    def unit(self) -> words.Unit | None:
        for length in (4, 3, 2, 1):
            phrase = tuple(self.tokens[self.position : self.position + length])
            unit = words.UNITS.get(phrase) if len(phrase) == length else None
            if unit is not None:
                self.position += length
                if phrase[-1] in words.ABBREVIATIONS:
                    self.take(".")
                return unit
        return None

    def and_a_half(self) -> bool:
        return any(self.take(*phrase) for phrase in words.AND_A_HALF)


@dataclass(frozen=True)
class UnreadableDuration:
    """A value that looks like a duration but cannot be read."""

    unit: str | None
    """The unit word a misspelt one is closest to (``weekss`` -> ``weeks``), if any."""
    open_ended: bool = False
    """It is a bound, not an amount (``more than a week``, ``3+ days``): it cannot be
    compared exactly (:data:`~journeys.content.duration_words.OPEN_BOUNDS`)."""


def unreadable_duration(text: object) -> UnreadableDuration | None:
    """Whether ``text`` looks like a duration that cannot be read: a number or a vague
    quantity followed by a unit word (or one letter from it), and at most one other word
    (``a few weeks``, ``een paar weken``, ``3 wks?``, ``2-3 weekss``, ``2 hours later``),
    besides words that make it open-ended (``more than a week``, ``meer dan een week``,
    ``3+ days``). Free text with a duration in it (``A loan laptop within a day``) does not."""
    if not isinstance(text, str) or len(text) > _MAX_LENGTH or read_duration(text) is not None:
        return None
    return _unreadable(text.strip().lower())


_BEFORE_UNIT = frozenset({"-", "–", "—", "of"}) | words.ARTICLES | words.UNIT_MODIFIERS
_DURATION_WORDS = (
    words.UNIT_WORDS
    | words.NUMBER_WORDS.keys()
    | words.HALVES
    | words.VAGUE_QUANTITIES
    | words.RANGE_SEPARATORS
    | words.BETWEEN.keys()
    | words.JOINERS
    | {"of"}
)


@functools.lru_cache(maxsize=4096)
def _unreadable(value: str) -> UnreadableDuration | None:
    tokens, open_ended = _without_bounds(_tokens(value))
    written = next(
        (
            unit
            for index, token in enumerate(tokens)
            if _is_quantity(token) and (unit := _unit_after(tokens, index + 1))
        ),
        None,
    )
    others = [
        token
        for token in tokens
        if token[0].isalpha() and token not in _DURATION_WORDS and words.unit_like(token) is None
    ]
    if written is None or len(others) > 1:
        return None
    misspelt = None if (written,) in words.UNITS else words.unit_like(written)
    return UnreadableDuration(misspelt, open_ended)


_LONGEST_BOUND = max(len(phrase) for phrase in words.OPEN_BOUNDS)


def _without_bounds(tokens: list[str]) -> tuple[list[str], bool]:
    """``tokens`` without the phrases of :data:`~.duration_words.OPEN_BOUNDS`, and whether
    there were any."""
    kept: list[str] = []
    index = 0
    while index < len(tokens):
        ends = range(index + _LONGEST_BOUND, index, -1)
        end = next((end for end in ends if tuple(tokens[index:end]) in words.OPEN_BOUNDS), None)
        kept += [tokens[index]] if end is None else []
        index = end or index + 1
    return kept, len(kept) < len(tokens)


def _unit_after(tokens: list[str], index: int) -> str | None:
    """The unit-like word at ``index``, or after a dash, article or ``working``."""
    while index < len(tokens) - 1 and tokens[index] in _BEFORE_UNIT:
        index += 1
    return tokens[index] if index < len(tokens) and words.unit_like(tokens[index]) else None


def _is_quantity(token: str) -> bool:
    return bool(
        _DIGITS.fullmatch(token)
        or token in words.NUMBER_WORDS
        or token in words.FRACTIONS
        or token in words.HALVES
        or token in words.VAGUE_QUANTITIES
    )


@dataclass(frozen=True)
class HumanDuration:
    """A gap ready to be put into words: ``sign * amount`` of ``unit``.

    ``sign`` is -1, 0 or +1 and is 0 exactly when ``amount`` (never negative,
    rounded half up to one decimal) is 0. ``unit`` is "minute", "hour", "day", "week" or
    "month", always singular; rendering words and plurals is the caller's job.
    """

    sign: int
    amount: float
    unit: str


# Largest first: humanize uses the first unit the gap fills at least once.
_HUMAN_UNITS: tuple[tuple[str, timedelta], ...] = tuple(
    (name, words.SHOWN_UNITS[name]) for name in words.SHOWN_FAMILIES[0]
)


# Pages show the same gaps thousands of times; a frozen HumanDuration stands for all of them.
@functools.lru_cache(maxsize=16_384)
def humanize(delta: timedelta) -> HumanDuration:
    """Express ``delta`` in the largest unit it fills at least once, to one decimal.

    Rounding is :func:`~journeys.content.rounding.half_up` on the exact value (1.25 -> 1.3),
    never banker's rounding. Gaps under a minute are expressed in minutes.
    """
    size = abs(_microseconds(delta))
    name, unit = next(
        ((name, unit) for name, unit in _HUMAN_UNITS if size >= _microseconds(unit)),
        _HUMAN_UNITS[-1],
    )
    amount = half_up(Fraction(size, _microseconds(unit)))
    sign = 0 if amount == 0 else (1 if delta > timedelta(0) else -1)
    return HumanDuration(sign=sign, amount=float(amount), unit=name)


def gap(actual: object, reference: object) -> timedelta | None:
    """``actual`` minus ``reference`` when both are durations (a range by its midpoint)."""
    actual_duration = parse_duration(actual)
    reference_duration = parse_duration(reference)
    if actual_duration is None or reference_duration is None:
        return None
    return actual_duration - reference_duration
