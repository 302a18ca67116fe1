"""Unit tests of the front-matter reader: ``journeys.frontmatter.read_document``."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from contentkit import ContentTree
from journeys.content.frontmatter import MAX_DEPTH, MAX_NODES, FrontMatterError, read_document
from journeys.content.loading import load_study


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


# --- YAML mistakes: what to do, on the line where the mistake is -----------------------------

INTERVIEW = """\
---
id: eva-03
date: 2026-02-22
persona: eva
journey: repair
consent: true
goal: Get the laptop working again
overall_score: 6.5
steps:
  - stage: notice
    action: Tried to restart it
    quote: "It just went black"
    score: 4
  - stage: report
    action: Called the service desk
    score: 7
---
Notes.
"""

UNCLOSED_QUOTE = (
    "a quote opens on this line and is not closed: "
    "close the quote, or put the text in the other kind of quotes"
)
TEXT_AFTER_QUOTE = (
    "the text goes on after its closing quote: put all of the text in quotes, "
    "and use the other kind of quotes inside it"
)
TAB = "a tab character, where only spaces are allowed: indent with spaces"
COLON_IN_TEXT = (
    "a colon followed by a space inside text that is not in quotes: put the text in quotes"
)
NO_SPACE = "no space after the colon of a field: put a space after the colon, as in `score: 7`"
LIST_ITEM = (
    "a list item (`- `) at the wrong indentation: line up its `-` with the other items of its list"
)
FIELD_INDENTATION = "a field at the wrong indentation: line it up with the fields it belongs with"
FIELD_UNDER_VALUE = (
    "a field indented under a field that already has a value: line it up with the field "
    "above; if it is text that goes on from the line above, put that text in quotes"
)
MISTAKES = {
    # name: (the line as written, the line with the mistake, the line of the mistake, message)
    "unclosed-quote": ('"It just went black"', '"It just went black', 12, UNCLOSED_QUOTE),
    "unclosed-quote-closed-by-a-later-one": (
        "goal: Get the laptop working again",
        'goal: "Get the laptop working again',
        7,
        UNCLOSED_QUOTE,
    ),
    "text-after-the-closing-quote": (
        '"It just went black"',
        '"It just went black" she said',
        12,
        TEXT_AFTER_QUOTE,
    ),
    "apostrophe-in-single-quotes": (
        '"It just went black"',
        "'It just wouldn't start'",
        12,
        TEXT_AFTER_QUOTE,
    ),
    "tab-indenting-a-field": ("    score: 4", "\tscore: 4", 13, TAB),
    "tab-indenting-a-list-item": ("  - stage: report", "\t- stage: report", 14, TAB),
    "colon-in-text": ("Tried to restart it", "Tried this: restart it", 11, COLON_IN_TEXT),
    "list-item-indented-too-little": ("  - stage: report", " - stage: report", 14, LIST_ITEM),
    "list-item-indented-too-much": ("  - stage: report", "   - stage: report", 14, LIST_ITEM),
    "list-item-at-field-indentation": (
        "  - stage: report",
        "    - stage: report",
        14,
        LIST_ITEM,
    ),
    "no-space-after-a-colon": ("    score: 4", "    score:4", 13, NO_SPACE),
    "no-space-after-a-colon-at-the-top": ("overall_score: 6.5", "overall_score:6.5", 8, NO_SPACE),
    "no-space-after-the-last-colon": ("    score: 7", "    score:7", 16, NO_SPACE),
    "field-indented-too-little": ("    score: 7", "   score: 7", 16, FIELD_INDENTATION),
    "field-indented-too-much-under-quoted-text": (
        "    score: 4",
        "      score: 4",
        13,
        FIELD_INDENTATION,
    ),
    "field-indented-too-much-under-text": (
        "    score: 7",
        "      score: 7",
        16,
        FIELD_UNDER_VALUE,
    ),
    "text-going-on-unindented": (
        "goal: Get the laptop working again",
        "goal: Get the laptop\nworking again",
        8,
        (
            "a line that is not a field (`name: value`): "
            "if its text goes on from the field above, indent it under that field"
        ),
    ),
    "unclosed-bracket": (
        "goal: Get the laptop working again",
        "goal: [Get the laptop, working again",
        7,
        (
            "a `[` or `{` that opens on this line is not closed: "
            "close it, or write a list as one `- item` per line"
        ),
    ),
    "backslash-in-double-quotes": (
        '"It just went black"',
        '"C:\\Users went black"',
        12,
        (
            "a backslash inside double quotes starts a special character: "
            "write it twice (`\\\\`), or put the text in single quotes"
        ),
    ),
    "text-starting-with-at": (
        "Called the service desk",
        "@servicedesk on chat",
        15,
        "text that starts with `@`, `%` or a backtick must be in quotes: put the text in quotes",
    ),
    "alias-without-anchor": (
        "Called the service desk",
        "*desk",
        15,
        "an alias (`*name`) without an anchor (`&name`) above it: write the value out",
    ),
    "anchor-given-twice": (
        "score: 4\n  - stage: report\n    action: Called",
        "score: &a 4\n  - stage: report\n    action: &a Called",
        15,
        "the same anchor (`&name`) is given twice: give each anchor its own name",
    ),
    "control-character": (
        "Called the service desk",
        "Called the service\x07 desk",
        15,
        "an invisible control character (often pasted from another program): delete it",
    ),
    "anything-else": (
        "Called the service desk",
        "- Called the service desk",
        15,
        "invalid YAML: sequence entries are not allowed here",
    ),
}


def with_mistake(name: str) -> str:
    written, mistaken, _, _ = MISTAKES[name]
    assert INTERVIEW.count(written) == 1, written
    return INTERVIEW.replace(written, mistaken)


@pytest.mark.parametrize("name", MISTAKES)
def test_a_yaml_mistake_is_reported_on_its_line_with_what_to_do(name: str) -> None:
    _, _, line, message = MISTAKES[name]

    error = refused(with_mistake(name).encode())

    assert (error.line, error.message) == (line, message)


def test_a_yaml_mistake_is_reported_with_its_file(tmp_path: Path) -> None:
    path = tmp_path / "content" / "interviews" / "2026-02" / "eva-03.md"
    path.parent.mkdir(parents=True)
    path.write_text(with_mistake("unclosed-quote"), encoding="utf-8")

    study = load_study(tmp_path / "content", tmp_path)

    assert [d.format() for d in study.diagnostics] == [
        f"content/interviews/2026-02/eva-03.md:12: error: {UNCLOSED_QUOTE}"
    ]


READ_EACH_MISTAKE = """
import json, sys
import yaml
if sys.argv[1] == "pyyaml":
    del yaml.CSafeLoader  # as where libyaml is not installed
from journeys.content import frontmatter

def reported(text):
    try:
        frontmatter.read_document(text.encode())
    except frontmatter.FrontMatterError as error:
        return [error.line, error.message]
    return None

texts = json.loads(sys.stdin.read())
read = [reported(text) for text in texts]
print(json.dumps({"parser": frontmatter._BaseLoader.__name__, "read": read}))
"""


def reported_by(parser: str) -> dict[str, Any]:
    """What ``read_document`` reports for each mistake, in a process that uses ``parser``."""
    result = subprocess.run(
        [sys.executable, "-c", READ_EACH_MISTAKE, parser],
        input=json.dumps([with_mistake(name) for name in MISTAKES]),
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    reported: dict[str, Any] = json.loads(result.stdout)
    return reported


def test_libyaml_and_pyyaml_report_each_mistake_alike() -> None:
    if not yaml.__with_libyaml__:
        pytest.skip("libyaml is not installed: there is only one parser")

    libyaml, pyyaml = reported_by("libyaml"), reported_by("pyyaml")

    assert (libyaml["parser"], pyyaml["parser"]) == ("CSafeLoader", "SafeLoader")
    expected = [[line, message] for _, _, line, message in MISTAKES.values()]
    assert libyaml["read"] == expected
    assert pyyaml["read"] == expected


def test_tabs_libyaml_reads_in_a_value_do_not_hide_a_mistake_elsewhere() -> None:
    """PyYAML's parser refuses `name:<tab>value`, which libyaml reads; the mistake after it
    is the one reported."""
    text = with_mistake("unclosed-quote").replace("goal: Get the laptop", "goal:\tGet the\tlaptop")

    error = refused(text.encode())

    assert (error.line, error.message) == (12, UNCLOSED_QUOTE)


# --- messages repeat no key that may be a participant's words -------------------------------------


def test_messages_repeat_a_key_only_when_it_is_a_field_or_a_typo_of_one(tmp_path: Path) -> None:
    """A key that is no field of the format (a line of notes read as a field, an attribute,
    a key of the participant block) may be a participant's words, and messages go to CI
    logs: it is shown as `…`, its line says where it is. Fields and typos stay named."""
    tree = ContentTree(tmp_path / "content")
    tree.persona()
    tree.journey()
    path = tree.interview("int-01", participant={"name": "Femke Oudshoorn"})
    extra = (
        "attributes:\n  Oudshoorn hours: .nan\n"
        "Oudshoorn said: yes\nOudshoorn said: no\n"
        "goal: Again\nqoute: Typo\n"
    )
    path.write_text(
        path.read_text(encoding="utf-8").replace("\n---\n", f"\n{extra}---\n", 1),
        encoding="utf-8",
    )

    shown = [
        d.format().split(": ", 1)[1] for d in load_study(tmp_path / "content", tmp_path).diagnostics
    ]

    assert not [message for message in shown if "Oudshoorn" in message]
    assert [message.split(": ", 2)[1] for message in shown] == [
        "`attributes.…`",
        (
            "unknown field on this line, it is ignored; its name is not repeated here, as it may "
            "be a participant's words. Fields are lower-case words (here"
        ),
        "`…`",
        "`goal`",
        "`qoute`",
    ]
