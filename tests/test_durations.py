from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeys.content.durations import HumanDuration, gap, humanize, parse_duration

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
        "about 2 hours",
        "2 hours 30 min",
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
