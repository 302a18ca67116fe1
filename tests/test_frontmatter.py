"""Unit tests of the front-matter reader: ``journeys.frontmatter.read_document``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from journeys.content.frontmatter import MAX_DEPTH, MAX_NODES, FrontMatterError, read_document


def refused(raw: bytes) -> FrontMatterError:
    """The error ``read_document`` raises for ``raw`` (fails the test if it reads fine)."""
    with pytest.raises(FrontMatterError) as caught:
        read_document(raw)
    return caught.value


# --- data, line map and body -------------------------------------------------------------

NESTED = b"""\
---
title: Laptop repair
stages:
  - id: notice
    name: Notice
    questions:
      - What happened?
      - Who did you call?
  - id: report
    name: Report
follow_up:
  will: [Share the map]
---
# Scope

What this journey covers.
"""


def test_data_is_the_front_matter_as_plain_python_values() -> None:
    document = read_document(NESTED)

    assert document.data == {
        "title": "Laptop repair",
        "stages": [
            {
                "id": "notice",
                "name": "Notice",
                "questions": ["What happened?", "Who did you call?"],
            },
            {"id": "report", "name": "Report"},
        ],
        "follow_up": {"will": ["Share the map"]},
    }


def test_line_map_gives_the_file_line_of_every_key_and_list_item() -> None:
    lines = read_document(NESTED).lines.lines

    assert lines == {
        (): 2,
        ("title",): 2,
        ("stages",): 3,
        ("stages", 0): 4,
        ("stages", 0, "id"): 4,
        ("stages", 0, "name"): 5,
        ("stages", 0, "questions"): 6,
        ("stages", 0, "questions", 0): 7,
        ("stages", 0, "questions", 1): 8,
        ("stages", 1): 9,
        ("stages", 1, "id"): 9,
        ("stages", 1, "name"): 10,
        ("follow_up",): 11,
        ("follow_up", "will"): 12,
        ("follow_up", "will", 0): 12,
    }


def test_line_of_a_location_without_a_line_falls_back_to_its_nearest_ancestor() -> None:
    lines = read_document(NESTED).lines

    assert lines.line_of(("stages", 1, "description")) == 9  # a missing field: its item's line
    assert lines.line_of(("steps", 3, "score")) == 2  # nothing known: the front matter's first line


def test_body_is_the_text_after_the_closing_line_and_body_line_is_where_it_starts() -> None:
    document = read_document(NESTED)

    assert document.body == "# Scope\n\nWhat this journey covers.\n"
    assert document.body_line == 14


def test_a_file_with_only_front_matter_has_an_empty_body() -> None:
    document = read_document(b"---\nname: Eva\n---\n")

    assert document.data == {"name": "Eva"}
    assert document.body == ""
    assert document.body_line == 4


def test_three_dots_close_the_front_matter_too() -> None:
    document = read_document(b"---\nname: Eva\nsummary: Early adopter\n...\nBody text\n")

    assert document.data == {"name": "Eva", "summary": "Early adopter"}
    assert document.body == "Body text\n"
    assert document.body_line == 5


def test_delimiter_lines_may_have_trailing_spaces() -> None:
    document = read_document(b"---  \nname: Eva\n---\t\nBody\n")

    assert document.data == {"name": "Eva"}
    assert document.body == "Body\n"


def test_an_indented_dash_line_inside_a_block_text_does_not_close_the_front_matter() -> None:
    document = read_document(b"---\ngoal: |\n  first\n  ---\n  last\nname: Eva\n---\nBody\n")

    assert document.data == {"goal": "first\n---\nlast\n", "name": "Eva"}
    assert document.body == "Body\n"
    assert document.body_line == 8


def test_a_leading_byte_order_mark_is_ignored() -> None:
    document = read_document("\ufeff---\nname: Eva\n---\nBody\n".encode())

    assert document.data == {"name": "Eva"}
    assert document.lines.line_of(("name",)) == 2
    assert document.body == "Body\n"


def test_windows_line_ends_give_the_same_data_lines_and_body() -> None:
    document = read_document(
        b"---\r\nname: Eva\r\nattributes:\r\n  age: 35-45\r\n---\r\nLine one\r\nLine two\r\n"
    )

    assert document.data == {"name": "Eva", "attributes": {"age": "35-45"}}
    assert document.lines.line_of(("attributes", "age")) == 4
    assert document.body == "Line one\nLine two\n"
    assert document.body_line == 6


def test_old_mac_line_ends_are_read_as_lines() -> None:
    document = read_document(b"---\rname: Eva\rsummary: S\r---\rBody\r")

    assert document.data == {"name": "Eva", "summary": "S"}
    assert document.lines.line_of(("summary",)) == 3
    assert document.body == "Body\n"


# --- values: dates stay text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("yaml_value", "text"),
    [
        ("2026-02-22", "2026-02-22"),
        ("2026-02-30", "2026-02-30"),  # not a day in the calendar: the model reports it, not YAML
        ("2026-02-22 10:30:00", "2026-02-22 10:30:00"),
        ("2026-02-22T10:30:00Z", "2026-02-22T10:30:00Z"),
    ],
)
def test_dates_and_timestamps_stay_text(yaml_value: str, text: str) -> None:
    document = read_document(f"---\ndate: {yaml_value}\n---\n".encode())

    assert document.data == {"date": text}


def test_numbers_and_booleans_are_still_typed() -> None:
    document = read_document(b"---\nscore: 6.5\nnps: 9\nconsent: true\nnothing:\n---\n")

    assert document.data == {"score": 6.5, "nps": 9, "consent": True, "nothing": None}


# --- duplicate keys -------------------------------------------------------------------------


def test_duplicate_keys_are_reported_with_the_line_of_the_repeat_and_the_last_value_wins() -> None:
    document = read_document(b"---\nname: Eva\nattributes:\n  age: 30\n  age: 40\nname: Eve\n---\n")

    assert document.data == {"name": "Eve", "attributes": {"age": 40}}
    assert sorted(document.duplicate_keys) == [(("attributes", "age"), 5, 4), (("name",), 6, 2)]
    assert document.lines.line_of(("name",)) == 6


def test_a_document_without_duplicate_keys_reports_none() -> None:
    assert read_document(NESTED).duplicate_keys == []


def test_the_same_key_in_different_list_items_is_not_a_duplicate() -> None:
    document = read_document(b"---\nsteps:\n  - stage: a\n  - stage: b\n---\n")

    assert document.duplicate_keys == []


# --- unsafe and hostile YAML --------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system", "!!python/object/new:os.system", "!!python/name:os.system"],
)
def test_python_tags_are_refused_with_their_line_and_nothing_is_executed(
    tmp_path: Path, tag: str
) -> None:
    marker = tmp_path / "executed"
    raw = f'---\nname: Eva\nsummary: {tag} ["touch {marker}"]\n---\n'.encode()

    error = refused(raw)

    assert error.line == 3
    assert error.message.startswith("invalid YAML: ")
    assert "only plain YAML values are allowed" in error.message
    assert not marker.exists()


def billion_laughs(levels: int = 10) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return ("---\n" + "\n".join(lines) + "\n---\n").encode()


def test_a_billion_laughs_alias_bomb_is_refused_quickly() -> None:
    start = time.perf_counter()
    error = refused(billion_laughs())
    elapsed = time.perf_counter() - start

    assert elapsed < 1.0
    assert f"more than {MAX_NODES} values" in error.message
    assert "aliases" in error.message
    # a4 is the first to pass the limit: 9**5 lols. Its line: `---` + a0..a4.
    assert error.line == 6


def test_a_few_aliases_are_fine() -> None:
    document = read_document(b"---\nbase: &base [a, b]\ncopy: *base\n---\n")

    assert document.data == {"base": ["a", "b"], "copy": ["a", "b"]}


@pytest.mark.parametrize("depth", [MAX_DEPTH, 1000])
def test_deeply_nested_flow_lists_are_refused(depth: int) -> None:
    error = refused(f"---\nx: {'[' * depth}{']' * depth}\n---\n".encode())

    assert error.message == f"the front matter is nested too deeply (more than {MAX_DEPTH} levels)"
    assert error.line == 2


def test_nesting_just_under_the_limit_is_read() -> None:
    depth = MAX_DEPTH - 1  # plus the front matter mapping itself: MAX_DEPTH levels
    document = read_document(f"---\nx: {'[' * depth}{']' * depth}\n---\n".encode())

    value = document.data["x"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == []


def test_deeply_nested_block_mappings_are_refused_on_the_line_past_the_limit() -> None:
    keys = "".join("  " * level + f"k{level}:\n" for level in range(60))
    error = refused(f"---\n{keys}---\n".encode())

    assert "nested too deeply" in error.message
    assert error.line == MAX_DEPTH + 2


def test_extremely_deep_nesting_is_refused_without_crashing_the_process() -> None:
    script = (
        "from journeys.content.frontmatter import read_document, FrontMatterError\n"
        "n = 100_000\n"
        "try:\n"
        "    read_document(('---\\nx: ' + '[' * n + ']' * n + '\\n---\\n').encode())\n"
        "except FrontMatterError as error:\n"
        "    print(error.line, error.message)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, f"exit code {result.returncode}: {result.stderr[-500:]}"
    assert result.stdout.startswith("2 the front matter is nested too deeply")


# --- files that are not front matter + Markdown -----------------------------------------------


@pytest.mark.parametrize(
    "raw", [b"", b"\n\n  \n", "\ufeff".encode()], ids=["empty", "blank", "bom-only"]
)
def test_an_empty_file_is_refused_on_line_1(raw: bytes) -> None:
    error = refused(raw)

    assert error.line == 1
    assert error.message == "the file is empty: it needs front matter between two `---` lines"


@pytest.mark.parametrize(
    "raw",
    [b"# Eva\n\nJust Markdown.\n", b"name: Eva\n---\n", b"\n---\nname: Eva\n---\n"],
    ids=["markdown", "fields-without-opening-line", "blank-first-line"],
)
def test_a_file_without_an_opening_line_has_no_front_matter(raw: bytes) -> None:
    error = refused(raw)

    assert error.line == 1
    assert "no front matter" in error.message
    assert "start it with a line `---`" in error.message


def test_unclosed_front_matter_is_refused() -> None:
    error = refused(b"---\nname: Eva\nsummary: S\n")

    assert error.line == 1
    assert error.message == "the front matter is not closed: add a line `---` after the last field"


@pytest.mark.parametrize("inside", ["", "# only a comment\n"], ids=["nothing", "comment"])
def test_empty_front_matter_is_refused(inside: str) -> None:
    error = refused(f"---\n{inside}---\nBody\n".encode())

    assert error.line == 1
    assert error.message == "the front matter is empty: it needs fields"


@pytest.mark.parametrize(
    ("inside", "line"),
    [("- a\n- b\n", 2), ("just a sentence\n", 2), ("\n\n- a\n", 4)],
    ids=["list", "scalar", "list-after-blank-lines"],
)
def test_front_matter_that_is_not_fields_is_refused_on_its_first_line(
    inside: str, line: int
) -> None:
    error = refused(f"---\n{inside}---\n".encode())

    assert error.line == line
    assert (
        error.message
        == "the front matter must be fields (`name: value` lines), not a single value or list"
    )


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"---\nname: Caf\xe9\nsummary: S\n---\n", 2),
        (b"---\nname: Eva\nsummary: S\n---\nBody\nMore \xff body\n", 6),
        (b"\xff\xfe-\x00-\x00-\x00\n\x00", 1),  # UTF-16
    ],
    ids=["latin-1-in-front-matter", "bad-byte-in-body", "utf-16"],
)
def test_a_file_that_is_not_utf8_is_refused_on_the_line_of_the_bad_byte(
    raw: bytes, line: int
) -> None:
    error = refused(raw)

    assert error.line == line
    assert error.message == "the file is not UTF-8 text: save it with UTF-8 encoding"


@pytest.mark.parametrize(
    ("yaml_text", "line", "words"),
    [
        ("name: Eva\n  summary: S\n", 3, "mapping values are not allowed"),
        ("name: Eva\n\tsummary: S\n", 3, "tab"),
        ('name: "Eva\nsummary: S\n', 3, "starts on line 2"),
        ("name: Eva\nsteps: [a, b\nsummary: S\n", 4, "flow sequence that starts on line 3"),
        ("name: *eva\n", 2, "undefined alias"),
    ],
    ids=["bad-indent", "tab", "unclosed-quote", "unclosed-bracket", "undefined-alias"],
)
def test_malformed_yaml_is_refused_with_the_line_where_it_goes_wrong(
    yaml_text: str, line: int, words: str
) -> None:
    error = refused(f"---\n{yaml_text}---\n".encode())

    assert error.line == line
    assert error.message.startswith("invalid YAML: ")
    assert words in error.message
