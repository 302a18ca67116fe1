"""Parse durations written in expectation fields and describe gaps between them.

A value such as ``45 min``, ``1,5 uur``, ``3 weken`` or ``P3W`` is read as calendar
time (a day is 24 hours, a week 7 days, a month 30 days, an ISO year 365 days) by
:func:`parse_duration`; anything else, including a bare number, is not a duration.
:func:`gap` subtracts two such values, and :func:`humanize` turns a gap into a
language-independent :class:`HumanDuration` (sign, amount, unit) that another
module renders in words.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

__all__ = ["HumanDuration", "gap", "humanize", "parse_duration"]

_SECOND = timedelta(seconds=1)
_MINUTE = timedelta(minutes=1)
_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)
_WEEK = 7 * _DAY
_MONTH = 30 * _DAY
_YEAR = 365 * _DAY

# Every unit word accepted after a number, lower case, English and Dutch.
_UNITS: dict[str, timedelta] = {
    "m": _MINUTE,
    "min": _MINUTE,
    "mins": _MINUTE,
    "minute": _MINUTE,
    "minutes": _MINUTE,
    "minuut": _MINUTE,
    "minuten": _MINUTE,
    "h": _HOUR,
    "u": _HOUR,
    "hr": _HOUR,
    "hrs": _HOUR,
    "hour": _HOUR,
    "hours": _HOUR,
    "uur": _HOUR,
    "uren": _HOUR,
    "d": _DAY,
    "day": _DAY,
    "days": _DAY,
    "dag": _DAY,
    "dagen": _DAY,
    "w": _WEEK,
    "wk": _WEEK,
    "week": _WEEK,
    "weeks": _WEEK,
    "weken": _WEEK,
    "mo": _MONTH,
    "month": _MONTH,
    "months": _MONTH,
    "maand": _MONTH,
    "maanden": _MONTH,
}

# Longer values are never durations; refusing them up front keeps parsing cheap
# whatever free text an interview holds.
_MAX_LENGTH = 64

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"
_WORD_DURATION = re.compile(rf"({_NUMBER})\s*([a-z]+)")
# ISO 8601: M before T is months, after T minutes. T must be followed by a
# component, so ``PT`` and ``P1DT`` are rejected; an empty ``P`` is rejected below.
_ISO_DURATION = re.compile(
    rf"p(?:({_NUMBER})y)?(?:({_NUMBER})m)?(?:({_NUMBER})w)?(?:({_NUMBER})d)?"
    rf"(?:t(?=[0-9])(?:({_NUMBER})h)?(?:({_NUMBER})m)?(?:({_NUMBER})s)?)?"
)
_ISO_PARTS = (_YEAR, _MONTH, _WEEK, _DAY, _HOUR, _MINUTE, _SECOND)

_MICROSECONDS_PER_SECOND = 1_000_000


def _microseconds(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * _MICROSECONDS_PER_SECOND + delta.microseconds


def _scaled(number: str, unit: timedelta) -> timedelta:
    """``number`` (decimal point or comma) times ``unit``, computed exactly."""
    exact = Fraction(number.replace(",", ".")) * _microseconds(unit)
    # Raises OverflowError beyond timedelta's range; the caller treats that as "no duration".
    return timedelta(microseconds=math.floor(exact + Fraction(1, 2)))


def parse_duration(text: object) -> timedelta | None:
    """Return the duration that the whole of ``text`` denotes, or None.

    Accepts ``<number> [whitespace] <unit>`` with a unit word from ``_UNITS`` and
    ISO 8601 durations, ignoring surrounding whitespace and case. Never raises.
    """
    if not isinstance(text, str) or len(text) > _MAX_LENGTH:
        return None
    return _parse_text(text)


@functools.lru_cache(maxsize=8192)
def _parse_text(text: str) -> timedelta | None:
    """The parse of one short text; cached, since studies repeat the same few values."""
    value = text.strip().lower()
    try:
        words = _WORD_DURATION.fullmatch(value)
        if words is not None:
            unit = _UNITS.get(words.group(2))
            return None if unit is None else _scaled(words.group(1), unit)
        iso = _ISO_DURATION.fullmatch(value)
        if iso is None or all(part is None for part in iso.groups()):
            return None
        total = timedelta(0)
        for number, unit in zip(iso.groups(), _ISO_PARTS):
            if number is not None:
                total += _scaled(number, unit)
        return total
    except OverflowError:
        return None


@dataclass(frozen=True)
class HumanDuration:
    """A gap ready to be put into words: ``sign * amount`` of ``unit``.

    ``sign`` is -1, 0 or +1 and is 0 exactly when ``amount`` (never negative,
    rounded to one decimal) is 0. ``unit`` is "minute", "hour", "day", "week" or
    "month", always singular; rendering words and plurals is the caller's job.
    """

    sign: int
    amount: float
    unit: str


# Largest first: humanize uses the first unit the gap fills at least once.
_HUMAN_UNITS: tuple[tuple[str, timedelta], ...] = (
    ("month", _MONTH),
    ("week", _WEEK),
    ("day", _DAY),
    ("hour", _HOUR),
    ("minute", _MINUTE),
)


def humanize(delta: timedelta) -> HumanDuration:
    """Express ``delta`` in the largest unit it fills at least once, to one decimal.

    Rounding is half-up on the exact value (1.25 -> 1.3), never banker's rounding.
    Gaps under a minute are expressed in minutes.
    """
    size = abs(_microseconds(delta))
    name, unit = next(
        ((name, unit) for name, unit in _HUMAN_UNITS if size >= _microseconds(unit)),
        _HUMAN_UNITS[-1],
    )
    tenths = math.floor(Fraction(size * 10, _microseconds(unit)) + Fraction(1, 2))
    sign = 0 if tenths == 0 else (1 if delta > timedelta(0) else -1)
    return HumanDuration(sign=sign, amount=tenths / 10, unit=name)


def gap(actual: object, reference: object) -> timedelta | None:
    """``actual`` minus ``reference`` when both are durations, else None."""
    actual_duration = parse_duration(actual)
    reference_duration = parse_duration(reference)
    if actual_duration is None or reference_duration is None:
        return None
    return actual_duration - reference_duration
