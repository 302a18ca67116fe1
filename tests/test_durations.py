from __future__ import annotations

import csv
import html
import io
import re
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contentkit import ContentTree
from journeys.cli.commands import main
from journeys.content.diagnostics import Severity
from journeys.content.durations import (
    Duration,
    HumanDuration,
    gap,
    humanize,
    parse_duration,
    read_duration,
    unreadable_duration,
)
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds, render
from journeys.site.labels import Labels

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
WEEK = timedelta(days=7)
MONTH = timedelta(days=30)

UNIT_WORDS = [
    ("min", MINUTE),
    ("mins", MINUTE),
    ("minute", MINUTE),
    ("minutes", MINUTE),
    ("minuut", MINUTE),
    ("minuten", MINUTE),
    ("m", MINUTE),
    ("h", HOUR),
    ("hr", HOUR),
    ("hrs", HOUR),
    ("hour", HOUR),
    ("hours", HOUR),
    ("uur", HOUR),
    ("uren", HOUR),
    ("u", HOUR),
    ("d", DAY),
    ("day", DAY),
    ("days", DAY),
    ("dag", DAY),
    ("dagen", DAY),
    ("w", WEEK),
    ("wk", WEEK),
    ("week", WEEK),
    ("weeks", WEEK),
    ("weken", WEEK),
    ("mo", MONTH),
    ("month", MONTH),
    ("months", MONTH),
    ("maand", MONTH),
    ("maanden", MONTH),
]


@pytest.mark.parametrize(("word", "unit"), UNIT_WORDS)
def test_every_unit_word_with_space(word: str, unit: timedelta) -> None:
    assert parse_duration(f"3 {word}") == 3 * unit


@pytest.mark.parametrize(("word", "unit"), UNIT_WORDS)
def test_every_unit_word_attached(word: str, unit: timedelta) -> None:
    assert parse_duration(f"2{word}") == 2 * unit


@pytest.mark.parametrize(("word", "unit"), UNIT_WORDS)
def test_every_unit_word_upper_case(word: str, unit: timedelta) -> None:
    assert parse_duration(f"1 {word.upper()}") == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("45 min", timedelta(minutes=45)),
        ("30 minuten", timedelta(minutes=30)),
        ("1 uur", timedelta(hours=1)),
        ("2 hours", timedelta(hours=2)),
        ("1d", timedelta(days=1)),
        ("1 dag", timedelta(days=1)),
        ("2 dagen", timedelta(days=2)),
        ("1 week", timedelta(days=7)),
        ("3 weken", timedelta(days=21)),
        ("2 months", timedelta(days=60)),
        ("2 maanden", timedelta(days=60)),
        ("0 min", timedelta(0)),
    ],
)
def test_examples_from_content_format(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,5 uur", timedelta(minutes=90)),
        ("1.5 uur", timedelta(minutes=90)),
        ("1,5 hours", timedelta(minutes=90)),
        ("0.5 day", timedelta(hours=12)),
        ("0,5 dag", timedelta(hours=12)),
        ("2,25 h", timedelta(minutes=135)),
        ("1.5 weeks", timedelta(days=10, hours=12)),
        ("0,1 d", timedelta(hours=2, minutes=24)),
        ("1,5min", timedelta(seconds=90)),
    ],
)
def test_decimal_point_and_comma(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  45 min  ", timedelta(minutes=45)),
        ("\t2 dagen\n", timedelta(days=2)),
        ("45   min", timedelta(minutes=45)),
        ("45\tmin", timedelta(minutes=45)),
        ("45\u00a0min", timedelta(minutes=45)),
        ("45 MIN", timedelta(minutes=45)),
        ("3 Weken", timedelta(days=21)),
        ("2 Hours", timedelta(hours=2)),
        ("1D", timedelta(days=1)),
        (" p3w ", timedelta(days=21)),
    ],
)
def test_whitespace_and_case(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P3W", timedelta(days=21)),
        ("PT4H", timedelta(hours=4)),
        ("P1DT2H", timedelta(days=1, hours=2)),
        ("P1DT2H30M", timedelta(days=1, hours=2, minutes=30)),
        ("PT45M", timedelta(minutes=45)),
        ("P2M", timedelta(days=60)),
        ("P1Y", timedelta(days=365)),
        ("P1M2W", timedelta(days=44)),
        ("PT30S", timedelta(seconds=30)),
        ("PT1,5H", timedelta(minutes=90)),
        ("PT0.5H", timedelta(minutes=30)),
        ("P0D", timedelta(0)),
        ("pt4h", timedelta(hours=4)),
    ],
)
def test_iso_8601(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        42,
        1.5,
        True,
        b"45 min",
        ["45 min"],
        "",
        "   ",
        "42",
        "1,5",
        "0.5",
        "min",
        "soon",
        "a few days",
        "2 hours later",
        "-2 days",
        "-P3W",
        "+2 days",
        "2 years",
        "2 x",
        "2 hourss",
        "1.5.2 h",
        "1, 5 uur",
        ".5 uur",
        "5. uur",
        "2 days.",
        "\u0663 days",
        "P",
        "PT",
        "p",
        "P1DT",
        "P3",
        "PT4",
        "P4H",
        "PT3W",
        "P3W2D1M",
        "P 3W",
        "3W P",
        "x" * 10_000,
        "1 " + "d" * 10_000,
        "9" * 60 + " d",
        "9" * 20 + " weeks",
        "P" + "9" * 30 + "Y",
    ],
)
def test_not_a_duration(value: object) -> None:
    assert parse_duration(value) is None


@given(
    st.one_of(
        st.text(max_size=80),
        st.from_regex(r"\s*[0-9.,+-]{0,6}\s*[a-zA-Z ]{0,8}\s*", fullmatch=True),
        st.from_regex(r"[pP][0-9.,yYmMwWdDtThHsS]{0,12}", fullmatch=True),
    )
)
def test_never_raises_and_never_negative(text: str) -> None:
    result = parse_duration(text)
    assert result is None or result >= timedelta(0)


def test_length_limit_applies_to_the_raw_value() -> None:
    assert parse_duration("45 min".ljust(64)) == timedelta(minutes=45)
    assert parse_duration("45 min".ljust(65)) is None


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(0), HumanDuration(0, 0.0, "minute")),
        (timedelta(seconds=30), HumanDuration(1, 0.5, "minute")),
        (timedelta(seconds=2), HumanDuration(0, 0.0, "minute")),
        (timedelta(seconds=3), HumanDuration(1, 0.1, "minute")),
        (timedelta(minutes=1), HumanDuration(1, 1.0, "minute")),
        (timedelta(minutes=45), HumanDuration(1, 45.0, "minute")),
        (timedelta(minutes=59), HumanDuration(1, 59.0, "minute")),
        (timedelta(minutes=60), HumanDuration(1, 1.0, "hour")),
        (timedelta(minutes=90), HumanDuration(1, 1.5, "hour")),
        (timedelta(hours=23), HumanDuration(1, 23.0, "hour")),
        (timedelta(hours=24), HumanDuration(1, 1.0, "day")),
        (timedelta(days=6), HumanDuration(1, 6.0, "day")),
        (timedelta(days=7), HumanDuration(1, 1.0, "week")),
        (timedelta(days=10), HumanDuration(1, 1.4, "week")),
        (timedelta(days=21), HumanDuration(1, 3.0, "week")),
        (timedelta(days=29), HumanDuration(1, 4.1, "week")),
        (timedelta(days=30), HumanDuration(1, 1.0, "month")),
        (timedelta(days=45), HumanDuration(1, 1.5, "month")),
        (timedelta(days=365), HumanDuration(1, 12.2, "month")),
    ],
)
def test_humanize_picks_largest_unit(delta: timedelta, expected: HumanDuration) -> None:
    assert humanize(delta) == expected


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(minutes=-1), HumanDuration(-1, 1.0, "minute")),
        (timedelta(seconds=-30), HumanDuration(-1, 0.5, "minute")),
        (timedelta(seconds=-2), HumanDuration(0, 0.0, "minute")),
        (timedelta(minutes=-90), HumanDuration(-1, 1.5, "hour")),
        (timedelta(hours=-24), HumanDuration(-1, 1.0, "day")),
        (timedelta(days=-10), HumanDuration(-1, 1.4, "week")),
        (timedelta(days=-60), HumanDuration(-1, 2.0, "month")),
    ],
)
def test_humanize_negative_gaps(delta: timedelta, expected: HumanDuration) -> None:
    assert humanize(delta) == expected


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        # Exactly on .x5: rounds up (banker's rounding would give 1.2, 2.4, 0.2).
        (timedelta(minutes=75), HumanDuration(1, 1.3, "hour")),  # 1.25 h
        (timedelta(minutes=147), HumanDuration(1, 2.5, "hour")),  # 2.45 h
        (timedelta(seconds=15), HumanDuration(1, 0.3, "minute")),  # 0.25 min
        (timedelta(minutes=-75), HumanDuration(-1, 1.3, "hour")),  # half-up on the size
        # Just below and above .x5.
        (timedelta(minutes=74, seconds=59), HumanDuration(1, 1.2, "hour")),
        (timedelta(minutes=75, seconds=1), HumanDuration(1, 1.3, "hour")),
        # Rounding up to the next whole number stays in the unit it was measured in.
        (timedelta(minutes=59, seconds=58), HumanDuration(1, 60.0, "minute")),
        (timedelta(days=1, hours=23, minutes=59), HumanDuration(1, 2.0, "day")),
    ],
)
def test_humanize_rounds_half_up(delta: timedelta, expected: HumanDuration) -> None:
    assert humanize(delta) == expected


def test_humanize_extremes_do_not_raise() -> None:
    assert humanize(timedelta.max) == HumanDuration(1, 33333333.3, "month")
    assert humanize(timedelta.min) == HumanDuration(-1, 33333333.3, "month")
    assert humanize(timedelta.resolution) == HumanDuration(0, 0.0, "minute")


def test_human_duration_is_frozen() -> None:
    human = humanize(timedelta(days=7))
    with pytest.raises(AttributeError):
        human.amount = 2.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("actual", "reference", "expected"),
    [
        ("3 weken", "1 week", timedelta(days=14)),
        ("1 week", "3 weeks", timedelta(days=-14)),
        ("2 hours", "1,5 uur", timedelta(minutes=30)),
        ("P1D", "24 h", timedelta(0)),
        ("2 maanden", "P3W", timedelta(days=39)),
        ("45 min", "PT1H", timedelta(minutes=-15)),
    ],
)
def test_gap_is_actual_minus_reference(actual: str, reference: str, expected: timedelta) -> None:
    assert gap(actual, reference) == expected


@pytest.mark.parametrize(
    ("actual", "reference"),
    [
        ("2 hours", None),
        (None, "2 hours"),
        (None, None),
        ("2 hours", "soon"),
        ("eventually", "1 day"),
        ("2 hours", "42"),
        (42, "1 day"),
        ("", ""),
    ],
)
def test_gap_needs_two_durations(actual: object, reference: object) -> None:
    assert gap(actual, reference) is None


def humanize_gap(actual: str, reference: str) -> HumanDuration:
    delta = gap(actual, reference)
    assert delta is not None
    return humanize(delta)


def test_gap_then_humanize() -> None:
    assert humanize_gap("3 weken", "P1W") == HumanDuration(1, 2.0, "week")
    assert humanize_gap("1 dag", "36 uur") == HumanDuration(-1, 12.0, "hour")


# --- durations as people write them (issue 17) ---------------------------------------------------
# Every expected value below is worked out by hand from the words: "drie weken" is 3 x 7 days.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three weeks", 3 * WEEK),
        ("drie weken", 3 * WEEK),
        ("an hour", HOUR),
        ("een uur", HOUR),
        ("één uur", HOUR),
        ("a day", DAY),
        ("twee dagen", 2 * DAY),
        ("Twelve Days", 12 * DAY),
        ("half an hour", 30 * MINUTE),
        ("a half hour", 30 * MINUTE),
        ("een half uur", 30 * MINUTE),
        ("half a day", 12 * HOUR),
        ("een halve dag", 12 * HOUR),
        ("anderhalve dag", 36 * HOUR),
        ("anderhalf uur", 90 * MINUTE),
        ("one and a half hours", 90 * MINUTE),
        ("an hour and a half", 90 * MINUTE),
        ("a day and a half", 36 * HOUR),
        ("two and a half weeks", 17 * DAY + 12 * HOUR),
        ("2 and a half days", 60 * HOUR),
        ("twee en een half uur", 150 * MINUTE),
        ("tweeënhalf uur", 150 * MINUTE),
        ("twenty-four hours", 24 * HOUR),
        ("twenty four hours", 24 * HOUR),
        ("vierentwintig uur", 24 * HOUR),
        ("eenentwintig dagen", 21 * DAY),
        ("een kwartier", 15 * MINUTE),
        ("drie kwartier", 45 * MINUTE),
        ("driekwartier", 45 * MINUTE),
        ("a quarter of an hour", 15 * MINUTE),
        ("three quarters of an hour", 45 * MINUTE),
        ("1½ uur", 90 * MINUTE),
        ("½ dag", 12 * HOUR),
        ("een uurtje", HOUR),
        ("twee weekjes", 2 * WEEK),
        ("3 wks", 3 * WEEK),
        ("3 mnd.", 3 * MONTH),
        ("45 min.", 45 * MINUTE),
    ],
)
def test_numbers_in_words(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hours 30 min", 150 * MINUTE),
        ("2 hours and 30 minutes", 150 * MINUTE),
        ("1 uur en 15 minuten", 75 * MINUTE),
        ("1 uur en een kwartier", 75 * MINUTE),
        ("2 days, 4 hours", 52 * HOUR),
        ("1 week 2 dagen", 9 * DAY),
        ("1u30", 90 * MINUTE),
        ("1h45", 105 * MINUTE),
    ],
)
def test_parts_largest_first_add_up(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "30 min 2 hours",  # smallest first
        "2 hours 2 hours",
        "1 week 2 werkdagen",  # calendar and working time mixed
        "1u75",  # not minutes
        "1 dag 30",
        "2 hours and",
    ],
)
def test_parts_that_do_not_add_up_are_not_durations(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2-3 days", 2 * DAY, 3 * DAY),
        ("2 - 3 days", 2 * DAY, 3 * DAY),
        ("2 – 3 dagen", 2 * DAY, 3 * DAY),
        ("2—3 dagen", 2 * DAY, 3 * DAY),
        ("2 à 3 dagen", 2 * DAY, 3 * DAY),
        ("2 a 3 dagen", 2 * DAY, 3 * DAY),
        ("2 to 3 days", 2 * DAY, 3 * DAY),
        ("2 tot 3 dagen", 2 * DAY, 3 * DAY),
        ("2 or 3 days", 2 * DAY, 3 * DAY),
        ("2 of 3 dagen", 2 * DAY, 3 * DAY),
        ("between 2 and 3 days", 2 * DAY, 3 * DAY),
        ("tussen 2 en 3 dagen", 2 * DAY, 3 * DAY),
        ("2 days - 3 days", 2 * DAY, 3 * DAY),
        ("one to two weeks", WEEK, 2 * WEEK),
        ("twee à drie weken", 2 * WEEK, 3 * WEEK),
        ("3 days to 2 weeks", 3 * DAY, 2 * WEEK),
        ("1,5-2 uur", 90 * MINUTE, 2 * HOUR),
        ("2-3 werkdagen", 2 * DAY * 7 / 5, 3 * DAY * 7 / 5),
    ],
)
def test_ranges_are_read_and_compared_by_their_midpoint(
    text: str, low: timedelta, high: timedelta
) -> None:
    duration = read_duration(text)
    assert duration is not None and (duration.low, duration.high) == (low, high)
    assert duration.is_range
    assert parse_duration(text) == (low + high) / 2


def test_a_range_gap_is_from_its_midpoint() -> None:
    # 2-3 days is 2.5 days; 4 days is 1.5 days later, 2 days half a day earlier.
    assert gap("4 dagen", "2-3 days") == timedelta(days=1, hours=12)
    assert gap("2 days", "2 à 3 dagen") == timedelta(hours=-12)
    assert humanize_gap("4 dagen", "2-3 days") == HumanDuration(1, 1.5, "day")


@pytest.mark.parametrize(
    "text",
    [
        "3-2 days",
        "3 weeks - 2 days",
        "2-3",
        "2 - days",
        "- 3 days",
        "2 à",
        "tussen 2 en",
        "2-3-4 d",
    ],
)
def test_not_ranges(text: str) -> None:
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        # A working week is a calendar week; a working day a fifth of one: 7/5 day = 33.6 h.
        ("1 working day", timedelta(hours=33, minutes=36)),
        ("3 working days", timedelta(days=4, hours=4, minutes=48)),
        ("3 werkdagen", timedelta(days=4, hours=4, minutes=48)),
        ("drie werkdagen", timedelta(days=4, hours=4, minutes=48)),
        ("2 business days", timedelta(days=2, hours=19, minutes=12)),
        ("5 workdays", WEEK),
        ("5 werkdagen", WEEK),
        ("een werkweek", WEEK),
        ("2 werkweken", 2 * WEEK),
        ("2 working weeks", 2 * WEEK),
    ],
)
def test_working_time_counts_in_calendar_time(text: str, calendar: timedelta) -> None:
    assert parse_duration(text) == calendar


def test_five_working_days_are_a_week() -> None:
    assert gap("5 werkdagen", "1 week") == timedelta(0)
    assert gap("1 week", "3 working days") == WEEK - 3 * DAY * 7 / 5


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("about 2 hours", "about", 2 * HOUR),
        ("around 3 days", "about", 3 * DAY),
        ("ongeveer 3 dagen", "about", 3 * DAY),
        ("ca. 2 weken", "about", 2 * WEEK),
        ("~2 uur", "about", 2 * HOUR),
        ("± 2-3 days", "about", 60 * HOUR),
        ("within a day", "within", DAY),
        ("binnen 2 dagen", "within", 2 * DAY),
        ("3 weeks", None, 3 * WEEK),
    ],
)
def test_about_and_within_are_kept_and_count_as_the_duration(
    text: str, qualifier: str | None, value: timedelta
) -> None:
    duration = read_duration(text)
    assert duration is not None and duration.qualifier == qualifier
    assert duration.midpoint == value


@pytest.mark.parametrize(
    ("text", "unit", "amounts"),
    [
        # Written in a unit: shown in it. ISO: in its largest part, or smaller if not whole.
        ("P2W", "week", (2, 2)),
        ("PT4H", "hour", (4, 4)),
        ("P1DT2H", "hour", (26, 26)),
        ("PT90M", "minute", (90, 90)),
        ("P1Y", "day", (365, 365)),
        ("3 weken", "week", (3, 3)),
        ("10 dagen", "day", (10, 10)),
        ("1,5 uur", "hour", (1.5, 1.5)),
        ("drie weken", "week", (3, 3)),
        # Below 1 in its unit: the next smaller unit.
        ("half an hour", "minute", (30, 30)),
        ("een halve dag", "hour", (12, 12)),
        ("0,1 d", "hour", (2.4, 2.4)),
        ("een kwartier", "minute", (15, 15)),
        ("2 hours 30 min", "hour", (2.5, 2.5)),
        ("1 uur en 20 minuten", "minute", (80, 80)),
        ("2-3 days", "day", (2, 3)),
        ("0,5-1 dag", "hour", (12, 24)),
        ("3 werkdagen", "working_day", (3, 3)),
        ("een werkweek", "working_week", (1, 1)),
        ("0 min", "minute", (0, 0)),
        ("PT30S", "minute", (0.5, 0.5)),
    ],
)
def test_the_unit_a_duration_is_shown_in(
    text: str, unit: str, amounts: tuple[float, float]
) -> None:
    duration = read_duration(text)
    assert duration is not None
    assert duration.unit == unit
    assert duration.amounts == tuple(Fraction(str(amount)) for amount in amounts)


def test_a_duration_is_a_plain_value() -> None:
    duration = read_duration("2-3 days")
    assert duration == Duration(2 * DAY, 3 * DAY, "day")
    with pytest.raises(AttributeError):
        duration.unit = "week"  # type: ignore[misc]


# --- what looks like a duration but cannot be read -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("a few weeks", None),
        ("A few weeks", None),
        ("een paar weken", None),
        ("een paar dagen", None),
        ("3 wks?", None),
        ("several days", None),
        ("a couple of days", None),
        ("enkele weken", None),
        ("2-3 weekss", "weeks"),
        ("2 hourss", "hours"),
        ("3 huors", "hours"),
        ("2 hours later", None),
        ("about a few weeks", None),
        ("2 days.", None),
        ("1, 5 uur", None),
        ("3-2 days", None),
        ("an hour?", None),
    ],
)
def test_looks_like_a_duration_but_cannot_be_read(text: str, unit: str | None) -> None:
    assert parse_duration(text) is None
    found = unreadable_duration(text)
    assert found is not None and found.unit == unit


@pytest.mark.parametrize(
    "text",
    [
        # Free text, even with a number, a unit word or both.
        "a loan laptop",
        "A loan laptop.",
        "A loan laptop within a day",
        "Delivered within a day, tested",
        "Nothing until day 3",
        "Log in within the hour",
        "Collect it myself at the desk",
        "A chair in the canteen until eleven",
        "2 weekends",
        "soon",
        "2 years",
        "2 x",
        "42",
        "",
        # Durations that can be read are not reported.
        "3 weeks",
        "een paar",
        "drie weken",
        "2-3 days",
        # Too long to be a duration at all.
        "a few weeks " * 6,
    ],
)
def test_does_not_look_like_a_duration(text: str) -> None:
    assert unreadable_duration(text) is None


@pytest.mark.parametrize("value", [None, 3, 2.5, ["a few weeks"], b"a few weeks"])
def test_only_text_can_look_like_a_duration(value: object) -> None:
    assert unreadable_duration(value) is None


@given(st.text(max_size=80))
def test_looking_like_a_duration_never_raises(text: str) -> None:
    found = unreadable_duration(text)
    assert found is None or parse_duration(text) is None


# --- journeys check warns at file:line ----------------------------------------------------------

UNREADABLE_INTERVIEW = """\
date: 2026-02-01
persona: eva
journey: repair
consent: true
goal: Get the laptop fixed
overall_score: 6
steps:
  - stage: notice
    action: Noticed it
    score: 5
    expected: a few weeks
    actual: 3 wks?
    realistic: a loan laptop
  - stage: report
    action: Called
    score: 6
    expected: een paar weken
    actual: 2-3 weekss
    realistic: A loan laptop within a day
  - stage: wait
    action: Waited
    score: 7
    expected: drie weken
    actual: 2 à 3 dagen
    realistic: 3 werkdagen
"""


def test_check_warns_at_each_unreadable_duration_and_strict_fails(
    tree: ContentTree,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tree.persona()
    tree.journey()
    tree.write("interviews/int-01.md", UNREADABLE_INTERVIEW)
    monkeypatch.chdir(tmp_path)

    assert main(["check", "--strict", "content"]) == 1
    warnings = [line for line in capsys.readouterr().out.splitlines() if ": warning: " in line]

    path = "content/interviews/int-01.md"
    advice = "so it gets no gap: write a number and a unit, such as `2 weeks`"
    # The front matter starts on line 2, after `---`: `expected: a few weeks` is on line 12.
    expected = [
        (12, "steps[1].expected", ""),
        (13, "steps[1].actual", ""),
        (18, "steps[2].expected", ""),
        (19, "steps[2].actual", " (did you mean `weeks`?)"),
    ]
    assert len(warnings) == len(expected)
    for warning, (line, field, hint) in zip(warnings, expected):
        assert warning.startswith(
            f"{path}:{line}: warning: `{field}`: looks like a duration but cannot be read{hint}, "
        )
        assert advice in warning
    # The researcher's words are never repeated in a message.
    assert not any(words in " ".join(warnings) for words in ("few", "wks?", "paar", "weekss"))


def test_readable_durations_and_free_text_pass_check_strict(
    tree: ContentTree, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tree.minimal()
    tree.interview(
        "int-02",
        steps=[
            {"stage": "notice", "action": "a", "score": 5, "expected": "drie weken"},
            {"stage": "report", "action": "b", "score": 6, "actual": "2-3 days"},
            {"stage": "wait", "action": "c", "score": 7, "realistic": "A loan laptop."},
        ],
    )
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--strict", "content"]) == 0


def test_load_study_reports_the_field_of_an_unreadable_duration(tree: ContentTree) -> None:
    tree.minimal()
    tree.interview(
        "int-02",
        steps=[{"stage": "wait", "action": "c", "score": 7, "realistic": "several days"}],
    )
    study = load_study(tree.root)
    assert [(d.path.rsplit("/", 1)[-1], d.severity, d.field) for d in study.diagnostics] == [
        ("int-02.md", Severity.WARNING, "steps[1].realistic")
    ]
    assert [interview.key for interview in study.interviews] == ["int-01", "int-02"]


# --- every duration is shown normalised, the words as written on hover ----------------------------

SHOWN_STEPS = [
    {"stage": "notice", "action": "a", "score": 5, "expected": "P2W", "actual": "drie weken"},
    {"stage": "report", "action": "b", "score": 6, "expected": "2 à 3 dagen", "actual": "PT4H"},
    {
        "stage": "wait",
        "action": "c",
        "score": 7,
        "expected": "3 werkdagen",
        "actual": "a loan laptop",
    },
]


def rendered_files(tree: ContentTree, language: str) -> dict[str, str]:
    tree.persona()
    tree.journey()
    tree.interview("int-01", steps=SHOWN_STEPS)
    site = render.Renderer(
        load_study(tree.root), Labels.for_language(language), url_resolver(True), kinds.PATHS
    )
    return {
        file.src_uri: html.unescape(file.content)
        for file in kinds.site_files(site)
        if isinstance(file.content, str)
    }


@pytest.mark.parametrize(
    ("language", "shown"),
    [
        (
            "en",
            [
                ("P2W", "2 weeks"),
                ("drie weken", "3 weeks"),
                ("2 à 3 dagen", "2–3 days"),
                ("PT4H", "4 hours"),
                ("3 werkdagen", "3 working days"),
            ],
        ),
        (
            "nl",
            [
                ("P2W", "2 weken"),
                ("drie weken", "3 weken"),
                ("2 à 3 dagen", "2–3 dagen"),
                ("PT4H", "4 uur"),
                ("3 werkdagen", "3 werkdagen"),
            ],
        ),
    ],
)
def test_pages_show_durations_in_the_site_language_with_the_words_on_hover(
    tree: ContentTree, language: str, shown: list[tuple[str, str]]
) -> None:
    files = rendered_files(tree, language)
    for page in ("journeys/repair.md", "interviews/int-01.md"):
        for words, normalised in shown:
            assert f'<abbr class="jr-duration" title="{words}">{normalised}</abbr>' in files[page]
        assert "<td>a loan laptop</td>" in files[page]  # text stays as written
        assert not re.search(r">\s*P(T?\d)", files[page])  # no ISO value shown as text


def test_the_expectations_csv_keeps_the_words_and_adds_the_durations_as_read(
    tree: ContentTree,
) -> None:
    rows = list(
        csv.reader(io.StringIO(rendered_files(tree, "nl")["journeys/repair-expectations.csv"]))
    )
    header = rows[0]
    as_written = [row[header.index("Verwacht")] for row in rows[1:]]
    as_read = [row[header.index("Verwacht, zo gelezen")] for row in rows[1:]]
    actual_read = [row[header.index("Wat er gebeurde, zo gelezen")] for row in rows[1:]]
    # Rows run biggest gap first: 3 weeks - 2 weeks, 4 hours - 2.5 days, then the text row.
    assert as_written == ["P2W", "2 à 3 dagen", "3 werkdagen"]
    assert as_read == ["2 weken", "2–3 dagen", "3 werkdagen"]
    assert actual_read == ["3 weken", "4 uur", ""]


def test_the_built_demo_site_shows_no_iso_duration(demo_site: Path) -> None:
    iso = re.compile(r"\bP(?:\d+[YMWD])+(?:T\d+[HMS])*\b|\bPT\d+[HMS]\b")
    generated = ("journeys", "personas", "interviews", "research")
    pages = sorted(page for folder in generated for page in demo_site.glob(f"{folder}/**/*.html"))
    assert len(pages) > 20  # the interview pages are among them
    shown = []
    for page in pages:
        text = re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8"))  # tags and their titles
        shown += [f"{page.relative_to(demo_site)}: {found}" for found in iso.findall(text)]
    assert shown == []
    # The demo writes P2W, PT4H, "twee dagen" and "2-4 days": shown normalised, words on hover.
    repair = (demo_site / "journeys" / "laptop-repair" / "index.html").read_text(encoding="utf-8")
    assert '<abbr class="jr-duration" title="P2W">2 weeks</abbr>' in repair
    assert '<abbr class="jr-duration" title="twee dagen">2 days</abbr>' in repair
    assert '<abbr class="jr-duration" title="2-4 days">2–4 days</abbr>' in repair
