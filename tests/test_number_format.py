"""One number formatter: every number the site shows is rounded half up, in English and
Dutch; the downloads keep full precision.

Expected figures are worked out by hand from the fixture's grades: (6 + 6.5) / 2 = 6.25,
which reads 6.3 (Python's ``f"{6.25:.1f}"`` gives 6.2).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import statistics
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from contentkit import ContentTree
from journeys.content.durations import humanize, read_duration
from journeys.content.loading import load_study
from journeys.content.rounding import decimal_text, half_up
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds, render
from journeys.site.charts import sparkline
from journeys.site.labels import Labels

EN, NL = Labels.for_language("en"), Labels.for_language("nl")
SITE = Path(__file__).resolve().parent.parent / "plugins" / "journeys" / "site"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (6.25, "6.3"),
        (4.25, "4.3"),
        (8.75, "8.8"),
        (0.05, "0.1"),
        (1.15, "1.2"),  # 1.15 is stored as 1.149999...: read as the 1.15 it prints as
        (2.675, "2.7"),
        (6.24, "6.2"),
        (6.26, "6.3"),
        (7, "7.0"),
        (7.0, "7.0"),
        (-6.25, "\u22126.3"),  # a half away from zero, with the minus sign
        (-0.04, "0.0"),
        (Fraction(13, 3), "4.3"),
        (Fraction(1, 20), "0.1"),
        (1e15 + 0.5, "1000000000000000.5"),
    ],
)
def test_decimal_text_rounds_half_up(value: float | Fraction, text: str) -> None:
    assert decimal_text(value) == text


def test_half_up_to_other_precisions() -> None:
    assert half_up(2.5, 0) == 3 and half_up(0.5, 0) == 1 and half_up(-2.5, 0) == -3
    assert half_up(1.005, 2) == Fraction(101, 100)
    assert decimal_text(1.005, 2) == "1.01" and decimal_text(12.5, 0) == "13"


def test_a_mean_of_means_that_misses_x_x5_by_float_error_rounds_as_x_x5() -> None:
    # 20/3 and 35/6 average to exactly 6.25; in floats the sum is not exact.
    mean = statistics.fmean([statistics.fmean([6, 7, 7]), statistics.fmean([5, 6, 6, 6, 6, 6])])
    assert Fraction(20, 3) / 2 + Fraction(35, 6) / 2 == Fraction(25, 4)
    assert EN.number(mean) == "6.3"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_half_up_refuses_what_is_not_a_number(value: float) -> None:
    with pytest.raises(ValueError):
        half_up(value)
    assert EN.number(value) == "–"


@pytest.mark.parametrize(
    ("value", "english", "dutch"),
    [(6.25, "6.3", "6,3"), (4.25, "4.3", "4,3"), (8.75, "8.8", "8,8"), (0.05, "0.1", "0,1")],
)
def test_labels_round_half_up_in_both_languages(value: float, english: str, dutch: str) -> None:
    assert (EN.number(value), NL.number(value)) == (english, dutch)
    assert (EN.score(value), NL.score(value)) == (english, dutch)
    assert (EN.score(6.96), NL.score(6.96)) == ("7", "7")


def test_gaps_and_durations_round_as_every_other_number() -> None:
    # 75 minutes is 1.25 hours: 1.3 like a mean of 1.25, in both languages.
    gap = humanize(timedelta(minutes=75))
    assert (EN.duration(gap), NL.duration(gap)) == ("+1.3 hours", "+1,3 uur")
    assert EN.number(1.25) == "1.3"
    # 1 uur 57 minuten is 1.95 hours: shown as 117 minutes, never rounded to 2 hours.
    duration = read_duration("1 uur 57 minuten")
    assert duration is not None
    assert (EN.duration_text(duration), NL.duration_text(duration)) == (
        "117 minutes",
        "117 minuten",
    )
    halves = read_duration("anderhalve dag")
    assert halves is not None
    assert (EN.duration_text(halves), NL.duration_text(halves)) == ("1.5 days", "1,5 dagen")


def test_sparkline_coordinates_round_half_up() -> None:
    # Five dots 0.25 apart from x = 6 (the padding): 6, 6.25, 6.5, 6.75, 7.
    svg = sparkline([5.0] * 5, None, width=13, height=48)
    assert re.findall(r'cx="([^"]+)"', svg) == ["6", "6.3", "6.5", "6.8", "7"]


def test_no_number_is_formatted_for_display_outside_the_one_formatter() -> None:
    found = [
        f"{path.relative_to(SITE)}: {match.group(0)}"
        for path in sorted(SITE.rglob("*.py"))
        for match in re.finditer(r":\.\d+f\}|\bround\(", path.read_text(encoding="utf-8"))
    ]
    assert found == []


# --- a site: pages round half up, downloads keep full precision -----------------------------------

GRADES = {
    # interview: grades at notice, report, wait
    "a": (4, 6, 8.5),
    "b": (4.5, 6.5, 9),
    "c": (4.5,),
}


def site_files(tree: ContentTree, language: str) -> dict[str, str]:
    tree.persona()
    tree.journey()
    for name, grades in GRADES.items():
        tree.interview(name, scores=grades)
    site = render.Renderer(
        load_study(tree.root), Labels.for_language(language), url_resolver(True), kinds.PATHS
    )
    return {
        file.src_uri: html.unescape(file.content)
        for file in kinds.site_files(site)
        if isinstance(file.content, str)
    }


def test_stage_means_on_the_page_round_half_up(tree: ContentTree) -> None:
    page = site_files(tree, "en")["journeys/repair.md"]
    # notice (4 + 4.5 + 4.5) / 3 = 4.33..., report (6 + 6.5) / 2 = 6.25, wait (8.5 + 9) / 2 = 8.75
    assert ">4.3<" in page and ">6.3<" in page and ">8.8<" in page
    assert ">6.2<" not in page


def test_stage_means_on_a_dutch_page_round_half_up(tree: ContentTree) -> None:
    page = site_files(tree, "nl")["journeys/repair.md"]
    assert ">4,3<" in page and ">6,3<" in page and ">8,8<" in page
    assert ">6,2<" not in page


def test_downloads_keep_full_precision(tree: ContentTree) -> None:
    files = site_files(tree, "en")
    data = json.loads(files["journeys/repair.json"])
    means = [stage["scores"]["mean"] for stage in data["stages"]]
    assert means == [(4 + 4.5 + 4.5) / 3, 6.25, 8.75]
    rows = list(csv.DictReader(io.StringIO(files["journeys/repair-stages.csv"])))
    assert [float(row["mean"]) for row in rows] == means
    assert rows[0]["mean"] == repr((4 + 4.5 + 4.5) / 3)
