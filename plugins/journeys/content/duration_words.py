"""The words durations are written with, in English and Dutch: units, numbers, ranges.

Only vocabulary: :mod:`journeys.content.durations` reads values with it. Every word is
lower case; a phrase of several words is a tuple of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = 7 * DAY
MONTH = 30 * DAY
YEAR = 365 * DAY
WORKING_WEEK = WEEK
"""A working week is a calendar week: its weekend falls inside it."""
WORKING_DAY = WORKING_WEEK / 5
"""A working day is a fifth of a calendar week (1.4 days): 5 working days are a week,
whichever day they start on, and 3 working days are 4.2 days on average."""

SHOWN_UNITS: dict[str, timedelta] = {
    "month": MONTH,
    "week": WEEK,
    "day": DAY,
    "hour": HOUR,
    "minute": MINUTE,
    "working_week": WORKING_WEEK,
    "working_day": WORKING_DAY,
}
"""The units a duration is shown in, each family largest first."""
SHOWN_FAMILIES = (("month", "week", "day", "hour", "minute"), ("working_week", "working_day"))


@dataclass(frozen=True)
class Unit:
    size: timedelta
    """Its length in calendar time."""
    shown: str
    """The largest unit of :data:`SHOWN_UNITS` a value in this unit is shown in."""

    @property
    def working(self) -> bool:
        return self.shown.startswith("working")


def _words(shown: str, size: timedelta, *words: str) -> dict[tuple[str, ...], Unit]:
    return {tuple(word.split()): Unit(size, shown) for word in words}


UNITS: dict[tuple[str, ...], Unit] = {
    **_words("minute", MINUTE, "m", "min", "mins", "minute", "minutes", "minuut", "minuten"),
    **_words("minute", MINUTE, "minuutje", "minuutjes"),
    **_words("hour", 15 * MINUTE, "kwartier", "kwartiertje", "kwartiertjes"),
    **_words("hour", 15 * MINUTE, "quarter of an hour", "quarters of an hour", "quarter hour"),
    **_words("hour", HOUR, "h", "u", "hr", "hrs", "hour", "hours", "uur", "uren"),
    **_words("hour", HOUR, "uurtje", "uurtjes"),
    **_words("day", DAY, "d", "day", "days", "dag", "dagen", "dgn", "dagje", "dagjes"),
    **_words("week", WEEK, "w", "wk", "wks", "week", "weeks", "weken", "wkn"),
    **_words("week", WEEK, "weekje", "weekjes"),
    **_words("week", 2 * WEEK, "fortnight", "fortnights"),
    **_words("month", MONTH, "mo", "month", "months", "maand", "maanden", "mnd", "maandje"),
    **_words("working_day", WORKING_DAY, "working day", "working days", "work day", "work days"),
    **_words("working_day", WORKING_DAY, "workday", "workdays", "business day", "business days"),
    **_words("working_day", WORKING_DAY, "werkdag", "werkdagen"),
    **_words("working_week", WORKING_WEEK, "working week", "working weeks", "work week"),
    **_words("working_week", WORKING_WEEK, "work weeks", "workweek", "workweeks"),
    **_words("working_week", WORKING_WEEK, "werkweek", "werkweken"),
}
"""Every unit word or phrase read after a number."""

ABBREVIATIONS = frozenset(
    {"m", "min", "mins", "h", "u", "hr", "hrs", "d", "dgn", "w", "wk", "wks", "wkn", "mo", "mnd"}
)
"""Units that may end in a full stop (``45 min.``, ``3 mnd.``)."""

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EEN = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TIEN = ("tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien")
_TIGEN = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")

ENGLISH_ONES = {word: value for value, word in enumerate(_ONES, start=1)}
ENGLISH_TENS = {word: value for value, word in enumerate(_TENS, start=2)}
"""Tens, in tens: "twenty" is 2."""
DUTCH_ONES = {word: value for value, word in enumerate(_EEN, start=1)}
DUTCH_TENS = {word: value for value, word in enumerate(_TIGEN, start=2)}

NUMBER_WORDS: dict[str, Fraction] = {
    **{word: Fraction(value) for word, value in ENGLISH_ONES.items()},
    **{word: Fraction(value) for value, word in enumerate(_TEENS, start=10)},
    "seventeen": Fraction(17),
    "eighteen": Fraction(18),
    "nineteen": Fraction(19),
    **{word: Fraction(10 * value) for word, value in ENGLISH_TENS.items()},
    **{word: Fraction(value) for word, value in DUTCH_ONES.items()},
    "één": Fraction(1),
    **{word: Fraction(value) for value, word in enumerate(_TIEN, start=10)},
    "zeventien": Fraction(17),
    "achttien": Fraction(18),
    "negentien": Fraction(19),
    **{word: Fraction(10 * value) for word, value in DUTCH_TENS.items()},
    "a": Fraction(1),
    "an": Fraction(1),
    "anderhalf": Fraction(3, 2),
    "anderhalve": Fraction(3, 2),
}
"""Numbers written in words; "a", "an" and "een" are one (``an hour``, ``een uur``)."""

ARTICLES = frozenset({"a", "an", "een", "één"})
HALVES = frozenset({"half", "halve"})
FRACTIONS = {"½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4)}
AND_A_HALF = (
    ("and", "a", "half"),
    ("and", "half"),
    ("en", "een", "half"),
    ("en", "een", "halve"),
    ("en", "half"),
)
"""What adds a half: ``two and a half days``, ``an hour and a half``, ``twee en een half uur``."""

RANGE_SEPARATORS = frozenset({"-", "–", "—", "to", "tot", "à", "a", "or", "of"})
BETWEEN = {"between": "and", "tussen": "en"}
"""``between 2 and 3 days``: the word that opens a range, and the one that joins it."""
JOINERS = frozenset({",", "and", "en"})
"""What may join the parts of ``2 hours and 30 minutes``, ``1 dag, 4 uur``."""

QUALIFIERS = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx": "about",
    "circa": "about",
    "ca": "about",
    "ongeveer": "about",
    "zo'n": "about",
    "~": "about",
    "±": "about",
    "≈": "about",
    "within": "within",
    "binnen": "within",
}
"""Words before a duration that the site shows with it: ``about 2 hours``, ``binnen 2 dagen``."""

VAGUE_QUANTITIES = frozenset(
    {"few", "several", "couple", "some", "many", "multiple", "paar", "enkele", "meerdere"}
    | {"aantal", "veel", "wat", "sommige", "tal"}
)
"""Words that stand for a number without saying it: ``a few weeks``, ``een paar weken``."""

UNIT_MODIFIERS = frozenset({"working", "work", "business"})
"""Words that may stand between a number and its unit word (``3 working days``)."""

_OPEN_BOUNDS = (
    "more than|less than|fewer than|longer than|shorter than|no more than|no less than|over|"
    "under|at least|at most|up to|or more|or less|or longer|plus|max|maximum|minimum|"
    "meer dan|minder dan|langer dan|korter dan|niet meer dan|ruim|minstens|minimaal|maximaal|"
    "hooguit|hoogstens|ten minste|tenminste|op zijn minst|of meer|of langer|of minder|"
    "+|>|<|≥|≤"
)
OPEN_BOUNDS = frozenset(tuple(phrase.split()) for phrase in _OPEN_BOUNDS.split("|"))
"""What makes a duration open-ended, a bound rather than an amount: ``more than a week``,
``meer dan een week``, ``3+ days``, ``up to an hour``. Such a value cannot be compared
exactly, so it is not read (:func:`journeys.content.durations.unreadable_duration` tells)."""


UNIT_WORDS = frozenset(word for phrase in UNITS for word in phrase)
_LONG_UNIT_WORDS = sorted(word for word in UNIT_WORDS if len(word) >= 5)


def unit_like(token: str) -> str | None:
    """``token`` when it is a unit word; the unit word of 5 or more letters that it is one
    letter or one swap away from (``weekss``, ``huors``); else None."""
    if (token,) in UNITS:
        return token
    if len(token) < 4 or not token.isalpha():
        return None
    return next((word for word in _LONG_UNIT_WORDS if _one_edit_apart(token, word)), None)


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        changed = a[start + 1 :] == b[start + 1 :]
        swapped = a[start : start + 2] == b[start : start + 2][::-1]
        return changed or (swapped and a[start + 2 :] == b[start + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[start + 1 :] == shorter[start:]
