"""Problems found in research content, reported like a compiler: ``path:line: severity: message``.

Every rule in the core produces :class:`Diagnostic` values instead of raising, so one
run reports all problems at once. Messages never echo free text from the content:
a value could be a participant's identity or words from a non-consenting interview.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

Location = tuple[str | int, ...]
"""Where a value sits in the front matter: mapping keys and 0-based list indexes."""


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file."""

    path: str
    """The file, as shown to the researcher (relative to where they work)."""
    line: int
    """1-based line in the file; 1 when the problem concerns the whole file."""
    severity: Severity
    message: str
    field: str = ""
    """The field in dotted form (``steps[3].score``, lists counted from 1)."""

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value}: {self.what}"

    def github_annotation(self) -> str:
        """The diagnostic as a GitHub Actions workflow command: an annotation that a pull
        request shows on the file's line (``path`` relative to the repository's root)."""
        return workflow_command(
            self.severity.value, self.what, file=self.path, line=str(self.line), title=TITLE
        )

    @property
    def what(self) -> str:
        """The message, after the field it is about."""
        return f"`{self.field}`: {self.message}" if self.field else self.message

    @property
    def sort_key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.field, self.message)


TITLE = "journeys check"
"""The title of the annotations ``journeys check --format github`` prints."""


def workflow_command(command: str, message: str, **properties: str) -> str:
    """``::command name=value,...::message``, escaped as GitHub Actions reads it (``%``
    and line breaks everywhere, ``:`` and ``,`` in the values of properties too)."""
    listed = ",".join(f"{name}={_escaped(value, ':,')}" for name, value in properties.items())
    return f"::{command}{' ' if listed else ''}{listed}::{_escaped(message, '')}"


def _escaped(text: str, separators: str) -> str:
    for character in "%\r\n" + separators:
        text = text.replace(character, f"%{ord(character):02X}")
    return text


def format_field(location: Location) -> str:
    """``("steps", 2, "score")`` -> ``steps[3].score``: lists are counted from 1 for people."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


SIMILAR = 0.6
"""How alike a word and a suggestion must be (difflib's ratio) to suggest it."""


def similarity(word: str, candidate: str) -> float:
    return difflib.SequenceMatcher(None, word, candidate).ratio()


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word``, if any is reasonably close."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SIMILAR)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A suggestion sentence (with a leading space), or nothing."""
    match = closest(word, candidates)
    return f" (did you mean `{match}`?)" if match else ""


def one_of(values: Sequence[str]) -> str:
    return ", ".join(f"`{value}`" for value in values)


def describe_value(value: object) -> str:
    """A short, non-revealing description of a value for messages.

    Numbers and booleans are shown; text is not (it may be private).
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_SHOWABLE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def quoted(value: str) -> str:
    """```value``` when it looks like an id or slug; else a neutral word (it may be private)."""
    return f"`{value}`" if _SHOWABLE.match(value) else "the value given"


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: d.sort_key)


def summary(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    noun = "file" if files == 1 else "files"
    return f"{files} {noun} checked: {_count(errors, 'error')}, {_count(warnings, 'warning')}"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"
