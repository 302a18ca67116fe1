"""Read one Markdown file: its YAML front matter (safely, with the line of every key) and its body.

Only YAML's safe subset is constructed (no Python objects), alias expansion is bounded
(a "billion laughs" document is refused before anything is built from it), and nesting
depth is limited. A number of thousands of digits is refused on its line, and the place
of every ``.nan`` and ``.inf`` is noted (the loader refuses them, with the field); a
mapping key that YAML reads as something other than text (``1:``, ``on:``,
``? !!timestamp ...``) is kept as it is written. libyaml's C parser is used where
installed; the line numbers are the same. A YAML mistake is reported as what to do, on
the line where it was made (:mod:`journeys.content.yaml_mistakes` finds it), with either
parser alike.
"""

from __future__ import annotations

import marshal
import math
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from journeys.content.diagnostics import Location
from journeys.content.yaml_mistakes import Mistake, find_mistake

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader that leaves dates as text: the model parses them with a clear message
    (YAML's own timestamp constructor raises on dates like 2026-02-30)."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    # libyaml's parser calls these three for every node, in Python. This loader has no path
    # resolvers, so the first two do nothing and the third needs only the implicit ones.
    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self.yaml_implicit_resolvers.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


MAX_NODES = 20_000
"""Most YAML nodes a front matter may expand to (aliases counted each time they are used)."""
MAX_DEPTH = 40
MAX_DIGITS = 100
"""Most digits a number may have: Python refuses to write an integer of more than 4,300
digits as text, and no figure of a study needs more than a few."""
MAX_FRONT_MATTER = 512 * 1024
"""Bytes of front matter read at most: interview summaries are a few kilobytes."""
DELIMITERS = ("---", "...")


class FrontMatterError(Exception):
    """The file cannot be read as front matter + Markdown. ``line`` is 1-based in the file."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class LineMap:
    """The file line of each key or list item of the front matter.

    Kept packed (:mod:`marshal` bytes) and unpacked at each lookup: lines are looked up
    only to write a message, and a study of 10,000 interviews would otherwise hold
    about 90 MB of them for its whole life instead of about 25 MB.
    """

    packed: bytes

    @classmethod
    def of(cls, lines: dict[Location, int]) -> LineMap:
        return cls(marshal.dumps(lines))

    @property
    def lines(self) -> dict[Location, int]:
        lines: dict[Location, int] = marshal.loads(self.packed)
        return lines

    def line_of(self, location: Location) -> int:
        """The line of ``location``, or of its nearest ancestor that has one."""
        lines = self.lines
        for end in range(len(location), -1, -1):
            line = lines.get(location[:end])
            if line is not None:
                return line
        return 1


@dataclass
class Document:
    data: dict[str, Any]
    lines: LineMap
    duplicate_keys: list[tuple[Location, int, int]]
    """Keys given twice in one mapping (the last one wins), with the line of the repeat
    and the line where the key was first given."""
    body: str
    body_line: int
    """The file line on which the body starts."""
    contact_free: bool = False
    """Known to hold no e-mail address or phone number outside ``participant`` (the
    front-matter cache works this out once per file content); False when not known."""
    unusable_numbers: list[tuple[Location, int]] = field(default_factory=list)
    """Where a value is ``.nan``, ``.inf`` or too large a float, with its line: no page,
    chart or JSON file can hold one."""


def decode(raw: bytes) -> str:
    """UTF-8 text with a leading BOM dropped and line ends normalised to ``\\n``."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FrontMatterError(
            "the file is not UTF-8 text: save it with UTF-8 encoding", line
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_document(raw: bytes) -> Document:
    text = decode(raw)
    if not text.strip():
        raise FrontMatterError("the file is empty: it needs front matter between two `---` lines")
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        raise FrontMatterError(
            "the file has no front matter: start it with a line `---`, then the fields, "
            "then another `---`"
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in DELIMITERS), None)
    if end is None:
        raise FrontMatterError(
            "the front matter is not closed: add a line `---` after the last field"
        )
    yaml_text = "\n".join(lines[1:end])
    builder = _parse_yaml(yaml_text, first_line=2)
    body = "\n".join(lines[end + 1 :])
    return Document(
        builder.data,
        LineMap.of(builder.lines),
        builder.duplicates,
        body,
        body_line=end + 2,
        unusable_numbers=builder.unusable_numbers,
    )


def _check_flow_depth(text: str, first_line: int) -> None:
    """Refuse deeply nested ``[[[...]]]`` before libyaml's recursive parser sees it
    (at tens of thousands of levels it overflows the C stack)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # cannot be deeper: the common case, decided without a Python loop
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line = first_line + text.count("\n", 0, index)
                raise FrontMatterError(
                    f"the front matter is nested too deeply (more than {MAX_DEPTH} levels)", line
                )
        elif char in "]}":
            depth = max(0, depth - 1)


def _parse_yaml(text: str, first_line: int) -> _Builder:
    """The builder that built the front matter ``text``: its data, lines and findings."""
    if len(text) > MAX_FRONT_MATTER:
        raise FrontMatterError(
            f"the front matter is larger than {MAX_FRONT_MATTER // 1024} KB: "
            "keep long notes in the body, below the closing `---`",
            first_line,
        )
    _check_flow_depth(text, first_line)
    try:
        loader = _Loader(text)  # PyYAML's own reader refuses control characters here
    except yaml.YAMLError as error:
        raise _yaml_problem(error, text, first_line) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise FrontMatterError("the front matter is empty: it needs fields", first_line - 1)
        if not isinstance(node, yaml.MappingNode):
            raise FrontMatterError(
                "the front matter must be fields (`name: value` lines), not a single value or list",
                first_line + node.start_mark.line,
            )
        builder = _Builder(loader, first_line)
        builder.data, _ = builder.build(node, (), 1)
    except yaml.YAMLError as error:
        raise _yaml_problem(error, text, first_line) from None
    except (ValueError, OverflowError) as error:
        raise FrontMatterError(f"invalid YAML: {error}", first_line) from None
    except RecursionError:
        raise FrontMatterError(
            f"the front matter is nested too deeply (more than {MAX_DEPTH} levels)", first_line
        ) from None
    finally:
        loader.dispose()
    return builder


def _yaml_problem(error: yaml.YAMLError, text: str, first_line: int) -> FrontMatterError:
    """The error for a YAML mistake: what to do, on the line where it was made; the
    parser's own words when the mistake is not one of the usual ones."""
    found = find_mistake(error, text)
    advice = {
        Mistake.UNCLOSED_QUOTE: "a quote opens on this line and is not closed: "
        "close the quote, or put the text in the other kind of quotes",
        Mistake.TEXT_AFTER_QUOTE: "the text goes on after its closing quote: put all of "
        "the text in quotes, and use the other kind of quotes inside it",
        Mistake.BACKSLASH: "a backslash inside double quotes starts a special character: "
        "write it twice (`\\\\`), or put the text in single quotes",
        Mistake.TAB: "a tab character, where only spaces are allowed: indent with spaces",
        Mistake.SPECIAL_FIRST_CHARACTER: "text that starts with `@`, `%` or a backtick "
        "must be in quotes: put the text in quotes",
        Mistake.COLON_IN_TEXT: "a colon followed by a space inside text that is not in "
        "quotes: put the text in quotes",
        Mistake.NO_SPACE_AFTER_COLON: "no space after the colon of a field: put a space "
        "after the colon, as in `score: 7`",
        Mistake.FIELD_UNDER_VALUE: "a field indented under a field that already has a "
        "value: line it up with the field above; if it is text that goes on from the "
        "line above, put that text in quotes",
        Mistake.NOT_A_FIELD: "a line that is not a field (`name: value`): if its text goes "
        "on from the field above, indent it under that field",
        Mistake.UNCLOSED_BRACKET: "a `[` or `{` that opens on this line is not closed: "
        "close it, or write a list as one `- item` per line",
        Mistake.LIST_ITEM_INDENTATION: "a list item (`- `) at the wrong indentation: line "
        "up its `-` with the other items of its list",
        Mistake.FIELD_INDENTATION: "a field at the wrong indentation: line it up with the "
        "fields it belongs with",
        Mistake.UNDEFINED_ALIAS: "an alias (`*name`) without an anchor (`&name`) above it: "
        "write the value out",
        Mistake.DUPLICATE_ANCHOR: "the same anchor (`&name`) is given twice: give each "
        "anchor its own name",
        Mistake.CONTROL_CHARACTER: "an invisible control character (often pasted from "
        "another program): delete it",
    }.get(found.mistake)
    line = first_line + found.line
    if advice is not None:
        return FrontMatterError(advice, line)
    return FrontMatterError(f"invalid YAML: {_parser_words(found.error, first_line)}", line)


def _parser_words(error: yaml.YAMLError, first_line: int) -> str:
    if not isinstance(error, yaml.MarkedYAMLError):
        return str(error)
    problem = error.problem or error.context or "cannot be read"
    if isinstance(error, yaml.constructor.ConstructorError) and "tag" in problem:
        return f"{problem} (only plain YAML values are allowed)"
    context, start = error.context, error.context_mark
    if context and start and error.problem_mark and start.line != error.problem_mark.line:
        return f"{problem} ({context} that starts on line {first_line + start.line})"
    return problem


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_INT = "tag:yaml.org,2002:int"
_BINARY = "tag:yaml.org,2002:binary"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
)
_DIGITS = re.compile(r"[0-9a-fA-F]")
"""Digits of an integer in any base YAML reads (decimal, octal, hex, binary)."""


class _Builder:
    """Builds the values of a composed document, the line of every key and list item, and
    the repeated keys, in one walk; refuses alias expansion past MAX_NODES and nesting
    past MAX_DEPTH. A node reused through an alias is built once and counted each time
    (so an alias bomb is refused in time linear in the text), and only plain YAML
    values are built: any other tag is refused."""

    def __init__(self, loader: yaml.SafeLoader, first_line: int) -> None:
        self.loader = loader
        self.first_line = first_line
        self.lines: dict[Location, int] = {}
        self.duplicates: list[tuple[Location, int, int]] = []
        self.unusable_numbers: list[tuple[Location, int]] = []
        self.data: dict[str, Any] = {}
        self.built: dict[int, tuple[Any, int]] = {}
        self.building: set[int] = set()

    def build(self, node: yaml.Node, location: Location, depth: int) -> tuple[Any, int]:
        """The node's value and how many values it expands to."""
        known = self.built.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value, 1
            value = self._scalar(node)
            if isinstance(value, float) and not math.isfinite(value):
                self.unusable_numbers.append((location, self.first_line + node.start_mark.line))
            return value, 1
        if depth > MAX_DEPTH:
            raise self._error(
                f"the front matter is nested too deeply (more than {MAX_DEPTH} levels)", node
            )
        if id(node) in self.building:
            raise self._error("a YAML alias refers to itself", node)
        self.building.add(id(node))
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            result: tuple[Any, int] = self._mapping(node, location, depth)
        elif isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            result = self._sequence(node, location, depth)
        else:
            raise self._error(
                f"invalid YAML: could not determine a constructor for the tag '{node.tag}' "
                "(only plain YAML values are allowed)",
                node,
            )
        self.building.discard(id(node))
        self.built[id(node)] = result
        return result

    def _mapping(self, node: yaml.MappingNode, location: Location, depth: int) -> tuple[Any, int]:
        self.lines.setdefault(location, self.first_line + node.start_mark.line)
        mapping: dict[str, Any] = {}
        first_lines: dict[str, int] = {}
        size = 1
        for key_node, value_node in node.value:
            key = self._key(key_node)
            child = (*location, key)
            line = self.first_line + key_node.start_mark.line
            if key in mapping:
                self.duplicates.append((child, line, first_lines[key]))
            else:
                first_lines[key] = line
            self.lines[child] = line
            mapping[key], child_size = self.build(value_node, child, depth + 1)
            size += self._count(child_size, size, node)
        return mapping, size

    def _key(self, node: yaml.Node) -> str:
        """A mapping key as text: as it is written when YAML would read it as a number,
        a boolean, null or a date (``1:``, ``on:``, ``? !!timestamp 2001-12-14``)."""
        if not isinstance(node, yaml.ScalarNode):
            raise self._error("a field name must be a plain word, not a list or mapping", node)
        if node.tag == "tag:yaml.org,2002:merge":
            raise self._error(
                "YAML merge keys (`<<:`) are not supported: write the fields out", node
            )
        if node.tag not in _SCALAR_TAGS:
            raise self._error(
                f"invalid YAML: could not determine a constructor for the tag '{node.tag}' "
                "(only plain YAML values are allowed)",
                node,
            )
        return str(node.value)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        """A value other than text: a number, boolean, null or date."""
        if node.tag == _BINARY:  # bytes are no value of the content format, and no text to publish
            raise self._error(
                "binary data (`!!binary`) cannot be used in front matter: write text", node
            )
        if node.tag == _INT and len(_DIGITS.findall(node.value)) > MAX_DIGITS:
            raise self._error(
                f"a number of more than {MAX_DIGITS} digits: "
                "put it in quotes if it is text (a code or an id)",
                node,
            )
        try:
            value = self.loader.construct_object(node)
        # An explicit tag on a value it does not fit fails in PyYAML's own ways:
        # `!!bool maybe` (KeyError), `!!timestamp soon` (AttributeError), `!!int x` (ValueError).
        except (ArithmeticError, AttributeError, LookupError, TypeError, ValueError):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self._error(
                f"the value cannot be read as `{tag}`: "
                "write it without the tag, or in quotes if it is text",
                node,
            ) from None
        return value

    def _sequence(self, node: yaml.SequenceNode, location: Location, depth: int) -> tuple[Any, int]:
        self.lines.setdefault(location, self.first_line + node.start_mark.line)
        items = []
        size = 1
        for index, item in enumerate(node.value):
            child = (*location, index)
            self.lines[child] = self.first_line + item.start_mark.line
            value, child_size = self.build(item, child, depth + 1)
            items.append(value)
            size += self._count(child_size, size, node)
        return items, size

    def _count(self, child_size: int, size_so_far: int, parent: yaml.Node) -> int:
        """Add a child's expansion; refuse at the collection where it passes the bound
        (the root's size is the whole document's, so that bounds the total too)."""
        if size_so_far + child_size > MAX_NODES:
            raise self._error(
                f"the front matter expands to more than {MAX_NODES} values "
                "(are YAML aliases `*name` repeating each other?)",
                parent,
            )
        return child_size

    def _error(self, message: str, node: yaml.Node) -> FrontMatterError:
        return FrontMatterError(message, self.first_line + node.start_mark.line)
