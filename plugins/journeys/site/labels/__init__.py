"""Every word the generated pages show, in English and Dutch, and how numbers and dates read.

One file per language (:mod:`.en`, :mod:`.nl`) holds its words by key, its month names and
its time units; templates ask ``t("key")``, and no wording lives in templates or code
elsewhere. The language is ``theme.language``; anything but ``nl`` falls back to English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from journeys.content.durations import HumanDuration
from journeys.site.labels import en, nl

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
        text = self._texts[key]
        return text.format(**values) if values else text

    @property
    def _texts(self) -> dict[str, str]:
        return TEXTS.get(self.language, en.TEXTS)

    def count(self, key: str, n: int) -> str:
        """``count("interviews_count", 1)`` -> "1 interview" (uses ``<key>_one`` for one)."""
        if n == 1 and f"{key}_one" in self._texts:
            return self(f"{key}_one")
        return self(key, n=n)

    def number(self, value: float | None) -> str:
        """One decimal; Dutch uses a decimal comma. None reads as an en dash."""
        if value is None:
            return "–"
        text = f"{value:.1f}"
        return text.replace(".", ",") if self.language == "nl" else text

    def score(self, value: float) -> str:
        """Grades as written: 7 stays 7, 6.5 reads 6.5 (6,5 in Dutch)."""
        return self.number(value).removesuffix(",0").removesuffix(".0")

    def date(self, value: dt.date) -> str:
        return f"{value.day} {MONTHS[self.language][value.month - 1]} {value.year}"

    def duration(self, value: HumanDuration) -> str:
        """``+2 weeks``, ``-1,5 uur``, ``0 minutes``."""
        singular, plural = UNITS[value.unit][self.language]
        word = singular if value.amount == 1 else plural
        sign = {1: "+", -1: "−", 0: ""}[value.sign]
        return f"{sign}{self.score(value.amount)} {word}"

    def boolean(self, value: bool | None) -> str:
        return self("unknown") if value is None else self("yes" if value else "no")

    def advocacy(self, value: str | None) -> str:
        return self(f"advocacy_{value}") if value else self("unknown")

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
