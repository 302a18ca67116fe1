"""Every word the generated pages show, in English and Dutch, and how numbers and dates read.

Each language has one module of words by key, month names and time units (:mod:`.en`,
:mod:`.nl`), into whose ``TEXTS`` its part modules are merged: the interview guide and
workshop kit (``*_method``), research over time (``*_rounds``), themes (``*_themes``) and
who to interview next (``*_recruiting``). Templates ask ``t("key")``, and no wording lives
in templates or code elsewhere. The language is ``theme.language``; anything but ``nl``
falls back to English.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from fractions import Fraction

import markupsafe

from journeys.analysis.aggregate import Verdicts
from journeys.content.durations import Duration, HumanDuration, read_duration
from journeys.content.rounding import MINUS, decimal_text
from journeys.site.labels import en, nl
from journeys.site.passthrough import escape_text

TEXTS: dict[str, dict[str, str]] = {"en": en.TEXTS, "nl": nl.TEXTS}
"""Each language's words by key; every language has the keys of English."""

LANGUAGES = tuple(TEXTS)

CATALOGUE: dict[str, tuple[str, str]] = {key: (en.TEXTS[key], nl.TEXTS[key]) for key in en.TEXTS}
"""Each key's words as ``(English, Dutch)``."""

MONTHS: dict[str, tuple[str, ...]] = {"en": en.MONTHS, "nl": nl.MONTHS}

UNITS: dict[str, dict[str, tuple[str, str]]] = {
    # unit: language: (singular, plural)
    unit: {"en": en.UNITS[unit], "nl": nl.UNITS[unit]}
    for unit in en.UNITS
}


@dataclass(frozen=True)
class Labels:
    language: str

    @classmethod
    def for_language(cls, language: str | None) -> Labels:
        return cls(language if language in LANGUAGES else "en")

    def __call__(self, key: str, **values: object) -> str:
        """The words of ``key`` with ``values`` filled in: ``<key>_one`` when ``n`` is 1
        and the catalogue has it ("from 1 interview"); a whole number through the one
        formatter, so a negative one reads with the minus sign (``−14``)."""
        if values.get("n") == 1 and f"{key}_one" in self._texts:
            key = f"{key}_one"
        text = self._texts[key]
        if not values:
            return text
        return text.format(
            **{
                name: decimal_text(value, 0)
                if isinstance(value, int) and not isinstance(value, bool)
                else value
                for name, value in values.items()
            }
        )

    @property
    def _texts(self) -> dict[str, str]:
        return TEXTS.get(self.language, en.TEXTS)

    def count(self, key: str, n: int) -> str:
        """``count("interviews_count", 1)`` -> "1 interview" (uses ``<key>_one`` for one)."""
        return self(key, n=n)

    def withheld(self, key: str, n: int, interviews: int) -> str:
        """``n`` items counted in the figures but not listed, from ``interviews`` interviews
        whose words are not published: "+4 moments from 1 interview whose words are not
        published" (``key``: ``withheld_moments_from`` or ``withheld_rows``)."""
        return self(key, n=n, interviews=self.count("interviews_count", interviews))

    def sample(self, n: int, small: bool) -> str:
        """What a figure rests on, in brackets: "(n=4)", or "(n=2, small sample)"."""
        return self("sample_small" if small else "sample", n=n)

    def number(self, value: float | Fraction | None) -> str:
        """One decimal, rounded half up (6.25 reads 6.3), as every number the site shows;
        Dutch uses a decimal comma. None (or no number at all) reads as an en dash."""
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            return "–"
        text = decimal_text(value)
        return text.replace(".", ",") if self.language == "nl" else text

    def score(self, value: float | Fraction) -> str:
        """Grades as written: 7 stays 7, 6.5 reads 6.5 (6,5 in Dutch)."""
        return self.number(value).removesuffix(",0").removesuffix(".0")

    def date(self, value: dt.date) -> str:
        return f"{value.day} {MONTHS[self.language][value.month - 1]} {value.year}"

    def duration(self, value: HumanDuration) -> str:
        """``+2 weeks``, ``-1,5 uur``, ``0 minutes``."""
        singular, plural = UNITS[value.unit][self.language]
        word = singular if value.amount == 1 else plural
        sign = {1: "+", -1: MINUS, 0: ""}[value.sign]
        return f"{sign}{self.score(value.amount)} {word}"

    def duration_text(self, value: Duration) -> str:
        """``2 weeks``, ``2–3 dagen``, ``about 1.5 hours``: never ISO, never the words."""
        singular, plural = UNITS[value.unit][self.language]
        low, high = value.amounts
        if value.is_range:
            text = f"{self.score(low)}–{self.score(high)} {plural}"
        else:
            text = f"{self.score(low)} {singular if low == 1 else plural}"
        return self(f"duration_{value.qualifier}", duration=text) if value.qualifier else text

    def duration_value(self, text: str | None) -> str:
        """An expected, actual or realistic value as a page shows it: a duration in this
        language, with the words as written on hover; any other text as written."""
        duration = read_duration(text)
        if duration is None:
            return text or ""
        return markupsafe.Markup(
            f'<abbr class="jr-duration" title="{escape_text(text or "")}">'
            f"{escape_text(self.duration_text(duration))}</abbr>"
        )

    def boolean(self, value: bool | None) -> str:
        return self("unknown") if value is None else self("yes" if value else "no")

    def advocacy(self, value: str | None) -> str:
        return self(f"advocacy_{value}") if value else self("unknown")

    def verdict(self, value: str | None) -> str:
        """A step's verdict (``as-expected`` -> "as expected"); "" when nothing was judged."""
        return self(f"verdict_{value.replace('-', '_')}") if value else ""

    def verdicts(self, counts: Verdicts) -> str:
        """A stage's verdicts: "Fell short ... for 1 of 3 interviews, better ... for 1; 1
        interview with an expectation not rated"; "" when it has none. Judged on fewer
        than :data:`~journeys.analysis.aggregate.SMALL_SAMPLE` interviews, it says "(small
        sample)"."""
        parts = []
        if counts.judged:
            shortfall = self(
                "shortfall", short=counts.worse, total=counts.judged, better=counts.better
            )
            parts.append(
                self("shortfall_small", shortfall=shortfall) if counts.small else shortfall
            )
        if counts.not_rated:
            parts.append(self.count("not_rated_count", counts.not_rated))
        return "; ".join(parts)

    def advocacy_counts(self, counts: dict[str, int]) -> str:
        """``{"company": 3, "both": 1}`` -> "the company: 3, service and company: 1"."""
        return ", ".join(
            f"{self.advocacy(kind)}: {count}" for kind, count in counts.items() if count
        )

    @staticmethod
    def field_name(key: str) -> str:
        """A researcher's attribute key as a label: ``tech_confidence`` -> "Tech confidence"."""
        words = key.replace("_", " ").replace("-", " ").strip()
        return words[:1].upper() + words[1:]

    def confidence(self, value: str) -> str:
        return self(f"confidence_{value}")
