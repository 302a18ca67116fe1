"""The label catalogue: every generated word in English and Dutch, numbers and dates per
language."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from journeys.content.durations import HumanDuration
from journeys.site.labels import CATALOGUE, Labels, en, nl

PACKAGE = Path(__file__).resolve().parent.parent / "plugins" / "journeys"
TEMPLATES = PACKAGE / "site" / "templates"
EN, NL = Labels.for_language("en"), Labels.for_language("nl")


def test_every_label_has_english_and_dutch_with_the_same_placeholders() -> None:
    assert list(nl.TEXTS) == list(en.TEXTS)
    assert list(nl.UNITS) == list(en.UNITS) and len(nl.MONTHS) == len(en.MONTHS) == 12
    for key, (english, dutch) in CATALOGUE.items():
        assert english.strip() and dutch.strip(), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", dutch)), key


def test_every_label_a_template_asks_for_exists() -> None:
    used: set[str] = set()
    for template in TEMPLATES.glob("*.j2"):
        text = template.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt(?:\.count)?\(\s*["']([a-z_]+)["']""", text))
    assert used, "no labels found: the pattern is wrong"
    # research.md.j2 builds one key from aggregate.SignalSummary.better
    assert "tracks_" in used
    used = (used - {"tracks_"}) | {"tracks_mean", "tracks_peak_end", "tracks_tie"}
    assert sorted(used - set(CATALOGUE)) == []


def test_every_label_is_used() -> None:
    """A key is used when a template or a module of the plugin (outside the label files)
    names it as a string literal. Keys built at run time are matched by their prefix:
    ``"tracks_" ~ s.better`` in a template, ``f"advocacy_{value}"`` in Python; and
    ``<key>_one`` is used when ``<key>`` is (``Labels.count``)."""
    label_folder = PACKAGE / "site" / "labels"
    label_files = {
        path for language in ("en", "nl") for path in label_folder.glob(f"{language}*.py")
    }
    assert len(label_files) > 2, "the label files are not found"
    sources = [
        path.read_text(encoding="utf-8")
        for path in [*PACKAGE.rglob("*.py"), *TEMPLATES.glob("*.j2")]
        if path not in label_files
    ]
    literals: set[str] = set()
    prefixes: set[str] = set()
    for source in sources:
        literals |= set(re.findall(r"""["']([a-z][a-z0-9_]*)["']""", source))
        prefixes |= set(re.findall(r"""\bf["']([a-z][a-z0-9_]*_)\{""", source))
        prefixes |= set(re.findall(r"""["']([a-z][a-z0-9_]*_)["']\s*~""", source))
    assert {"tracks_", "advocacy_", "confidence_"} <= prefixes, "the prefix patterns are wrong"
    unused = [
        key
        for key in CATALOGUE
        if key not in literals
        and not key.startswith(tuple(prefixes))
        and not (key.endswith("_one") and key.removesuffix("_one") in literals)
    ]
    assert unused == []


@pytest.mark.parametrize("language", ["de", "fr", None, ""])
def test_other_languages_fall_back_to_english(language: str | None) -> None:
    assert Labels.for_language(language)("mean") == "Mean"


def test_numbers_have_one_decimal_and_a_dutch_decimal_comma() -> None:
    assert EN.number(6.54) == "6.5"
    assert NL.number(6.54) == "6,5"
    assert NL.number(None) == "–"
    assert (EN.score(7.0), NL.score(6.5)) == ("7", "6,5")


def test_dates_read_per_language() -> None:
    day = dt.date(2026, 2, 22)
    assert EN.date(day) == "22 February 2026"
    assert NL.date(day) == "22 februari 2026"


@pytest.mark.parametrize(
    ("duration", "english", "dutch"),
    [
        (HumanDuration(1, 2.0, "week"), "+2 weeks", "+2 weken"),
        (HumanDuration(1, 1.0, "day"), "+1 day", "+1 dag"),
        (HumanDuration(-1, 1.5, "hour"), "−1.5 hours", "−1,5 uur"),
        (HumanDuration(0, 0.0, "minute"), "0 minutes", "0 minuten"),
    ],
)
def test_durations_read_per_language(duration: HumanDuration, english: str, dutch: str) -> None:
    assert (EN.duration(duration), NL.duration(duration)) == (english, dutch)


def test_counts_use_the_singular_for_one() -> None:
    assert EN.count("interviews_count", 1) == "1 interview"
    assert EN.count("interviews_count", 3) == "3 interviews"
    assert NL.count("backed_by", 2) == "Onderbouwd met 2 interviews"


def test_attribute_keys_read_as_labels() -> None:
    assert Labels.field_name("tech_confidence") == "Tech confidence"
