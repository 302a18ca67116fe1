"""Which mistake in the front matter a YAML error comes from, and on which line.

The parser reports where it gave up, in its own words: an unclosed quote at the end of
the front matter, a colon in text as "mapping values are not allowed". This finds the
usual mistake behind an error and the line where it was made (the line the quote opens
on, the line with ``score:7``); :mod:`journeys.content.frontmatter` words the message.

libyaml and PyYAML's own parser word their errors differently and stop in different
places, so an error is found again with PyYAML's parser (on broken text only, so the
cost does not matter): a mistake gets the same message and line with either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

import yaml
from yaml.composer import ComposerError
from yaml.error import Mark
from yaml.parser import ParserError
from yaml.reader import Reader, ReaderError
from yaml.scanner import ScannerError


class Mistake(Enum):
    """The usual mistakes in YAML that a researcher writes by hand."""

    UNCLOSED_QUOTE = "unclosed quote"
    TEXT_AFTER_QUOTE = "text after the closing quote"
    BACKSLASH = "backslash in double quotes"
    TAB = "tab"
    SPECIAL_FIRST_CHARACTER = "text starting with a character YAML reserves"
    COLON_IN_TEXT = "colon and space in unquoted text"
    NO_SPACE_AFTER_COLON = "no space after a field's colon"
    FIELD_UNDER_VALUE = "field indented under a field that has a value"
    NOT_A_FIELD = "line that is not a field"
    UNCLOSED_BRACKET = "unclosed bracket"
    LIST_ITEM_INDENTATION = "list item at the wrong indentation"
    FIELD_INDENTATION = "field at the wrong indentation"
    UNDEFINED_ALIAS = "alias without an anchor"
    DUPLICATE_ANCHOR = "anchor given twice"
    CONTROL_CHARACTER = "control character"
    OTHER = "other"
    """None of the above: the message gives the parser's own words."""


@dataclass(frozen=True)
class Found:
    mistake: Mistake
    line: int
    """0-based line in the YAML text."""
    error: yaml.YAMLError
    """The error the mistake was found from (PyYAML's, where it found one)."""


NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w.-]*:[^\s:/]")
"""A field (or a list item's first field) written ``score:7``."""
FIELD = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w.-]*:(?:\s|$)")
QUOTES = ("'", '"')


def find_mistake(error: yaml.YAMLError, text: str) -> Found:
    """The mistake behind ``error``, raised by reading ``text``."""
    if isinstance(error, ReaderError):
        unreadable = Reader.NON_PRINTABLE.search(text)
        line = text.count("\n", 0, unreadable.start()) if unreadable else 0
        return Found(Mistake.CONTROL_CHARACTER, line, error)
    if isinstance(error, (ScannerError, ParserError)):
        error = _pyyaml_error(text) or error
    if not isinstance(error, yaml.MarkedYAMLError):
        return Found(Mistake.OTHER, 0, error)
    problem = error.problem_mark
    if not isinstance(error, (ScannerError, ParserError, ComposerError)) or problem is None:
        mark = problem or error.context_mark
        return Found(Mistake.OTHER, mark.line if mark else 0, error)
    lines = YAML_LINE_BREAK.split(text)  # as YAML counts lines, so marks index them
    for rule in RULES:
        found = rule(error, problem, lines)
        if found is not None:
            mistake, line = found
            return Found(mistake, line, error)
    return Found(Mistake.OTHER, problem.line, error)


def _pyyaml_error(text: str) -> yaml.MarkedYAMLError | None:
    """The error PyYAML's own parser stops at in ``text``; tabs after the start of a line
    are read as spaces, as libyaml reads them (PyYAML refuses ``name:<tab>Eva``)."""
    try:
        for _ in yaml.parse(_tabs_as_spaces(text), Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as error:
        return error
    except yaml.YAMLError:
        return None
    return None


def _tabs_as_spaces(text: str) -> str:
    return re.sub(r"(?m)^([ \t]*)(.*)$", lambda line: line[1] + line[2].replace("\t", " "), text)


YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML reads as the end of a line (PyYAML's reader and libyaml alike)."""


Rule = Callable[[yaml.MarkedYAMLError, Mark, list[str]], tuple[Mistake, int] | None]
"""Names the mistake behind an error, with its line; None when it is not this rule's."""


def _in_quotes(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    start = error.context_mark
    if error.context == "while scanning a quoted scalar" and start is not None:
        return Mistake.UNCLOSED_QUOTE, start.line  # it runs to the end of the front matter
    if error.context == "while scanning a double-quoted scalar":
        return Mistake.BACKSLASH, problem.line  # an unknown escape like `\q`
    return None


def _after_quote(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    """Text right after a closing quote: ``"Not now" she said``, ``'I don't know'``; or a
    quote left open, closed only by the opening quote of a later value."""
    before = lines[problem.line][: problem.column].rstrip()
    if not before.endswith(QUOTES):
        return None
    quoted = _quoted_text_ending_at(lines, problem.line, len(before))
    if quoted is None:
        return None
    first, last = quoted
    if any(FIELD.match(line) for line in lines[first + 1 : last + 1]):
        return Mistake.UNCLOSED_QUOTE, first
    return Mistake.TEXT_AFTER_QUOTE, problem.line


def _quoted_text_ending_at(lines: list[str], line: int, column: int) -> tuple[int, int] | None:
    """The first and last line of the quoted value that ends at ``line`` and ``column``."""
    try:
        for token in yaml.scan(_tabs_as_spaces("\n".join(lines)), Loader=yaml.SafeLoader):
            end = token.end_mark
            if (end.line, end.column) > (line, column):
                break
            quoted = isinstance(token, yaml.ScalarToken) and token.style in QUOTES
            if quoted and (end.line, end.column) == (line, column):
                return token.start_mark.line, end.line
    except yaml.YAMLError:
        pass
    return None


def _character(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    character = lines[problem.line][problem.column : problem.column + 1]
    if character == "\t":
        return Mistake.TAB, problem.line
    if character in ("@", "`", "%") and "cannot start any token" in (error.problem or ""):
        return Mistake.SPECIAL_FIRST_CHARACTER, problem.line
    return None


def _colon(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    """A colon where no field can start: in text after a field or a list item's `-`, or
    at a field the line above runs into (``score:7`` or a value, then an indented field)."""
    if not (error.problem or "").startswith("mapping values are not allowed"):
        return None
    before = lines[problem.line][: problem.column]
    if re.search(r":\s", before) or re.match(r"\s*-\s", before):
        return Mistake.COLON_IN_TEXT, problem.line
    above = _line_above(lines, problem.line)
    if above is not None and NO_SPACE_AFTER_COLON.match(lines[above]):
        return Mistake.NO_SPACE_AFTER_COLON, above
    return Mistake.FIELD_UNDER_VALUE, problem.line


def _line_above(lines: list[str], line: int) -> int | None:
    """The nearest line above ``line`` that is not blank or only a comment."""
    for above in range(line - 1, -1, -1):
        if lines[above].strip() and not lines[above].lstrip().startswith("#"):
            return above
    return None


def _not_a_field(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    """A line read as the start of a field that has no ``: ``."""
    start = error.context_mark
    if error.context != "while scanning a simple key" or start is None:
        return None
    if NO_SPACE_AFTER_COLON.match(lines[start.line]):
        return Mistake.NO_SPACE_AFTER_COLON, start.line
    return Mistake.NOT_A_FIELD, start.line


def _bracket(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    start = error.context_mark
    if (error.context or "").startswith("while parsing a flow") and start is not None:
        return Mistake.UNCLOSED_BRACKET, start.line
    return None


def _indentation(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    """A block that ends at a line's first character: the line is indented wrongly."""
    if not (error.problem or "").startswith("expected <block end>"):
        return None
    line = lines[problem.line]
    if len(line) - len(line.lstrip(" ")) != problem.column:
        return None
    if line[problem.column :].startswith("-"):
        return Mistake.LIST_ITEM_INDENTATION, problem.line
    return Mistake.FIELD_INDENTATION, problem.line


def _anchor(
    error: yaml.MarkedYAMLError, problem: Mark, lines: list[str]
) -> tuple[Mistake, int] | None:
    if (error.problem or "").startswith("found undefined alias"):
        return Mistake.UNDEFINED_ALIAS, problem.line
    if (error.context or "").startswith("found duplicate anchor"):
        return Mistake.DUPLICATE_ANCHOR, problem.line
    return None


RULES: tuple[Rule, ...] = (
    _in_quotes,
    _after_quote,
    _character,
    _colon,
    _not_a_field,
    _bracket,
    _indentation,
    _anchor,
)
"""In order: the first that recognises the error names the mistake."""
