"""The plugin's options in mkdocs.yml: their names, defaults, types and meaning, in one place.

The MkDocs adapter declares them to MkDocs with these defaults (``JourneysConfig``), and
``journeys check`` reads them from mkdocs.yml with :func:`read_options`: both take the same
values and refuse the same mistakes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, get_type_hints

from journeys.analysis.evidence import STALE_AFTER_DAYS
from journeys.analysis.recruiting import INTERVIEW_TARGET
from journeys.building.cache import DEFAULT_DIRECTORY
from journeys.content.diagnostics import Severity, describe_value, did_you_mean, format_field
from journeys.privacy.guard import PUBLISH_UNREAD

TEXTS = tuple[str, ...]
"""The type of an option that is a list of text (a tuple, so :class:`Options` stays frozen)."""


def _about(description: str) -> dict[str, str]:
    return {"description": description}


@dataclass(frozen=True)
class Options:
    """The options of the ``journeys`` entry in mkdocs.yml's ``plugins``; each one's
    one-line description is in its field's ``metadata["description"]``."""

    content_dir: str = field(
        default="content", metadata=_about("The research content folder, relative to mkdocs.yml.")
    )
    public_contacts: TEXTS = field(
        default=(),
        metadata=_about(
            "E-mail addresses and phone numbers that are public (a service desk): no warning."
        ),
    )
    cache: bool = field(
        default=True,
        metadata=_about(
            "Keep drawn charts and read front matter, so unchanged ones are not done again, "
            "and compiled templates (in the user's cache folder, shared by every site)."
        ),
    )
    cache_dir: str = field(
        default=DEFAULT_DIRECTORY,
        metadata=_about(
            "Where the cache is kept, relative to mkdocs.yml; never inside docs or content."
        ),
    )
    publish_unread: TEXTS = field(
        default=PUBLISH_UNREAD,
        metadata=_about(
            "Site files the privacy guard may publish without reading them (default: images and "
            "fonts): glob patterns relative to the site folder, `*` crossing folders, any case."
        ),
    )
    stale_after_days: int = field(
        default=STALE_AFTER_DAYS,
        metadata=_about(
            "Evidence whose newest interview is more than this many days before the build date "
            "(SOURCE_DATE_EPOCH when set, else today) is marked stale."
        ),
    )
    interview_target: int = field(
        default=INTERVIEW_TARGET,
        metadata=_about(
            "Interviews wanted per persona and journey: where there are fewer, the research "
            "overview asks for more under Who to interview next."
        ),
    )
    research_first: bool = field(
        default=True,
        metadata=_about(
            "List the research (personas, journeys, interviews, research overview) first in the "
            "navigation, after the home page; false lists it after the site's own pages."
        ),
    )


EXPECTED: dict[object, str] = {
    str: "text",
    bool: "true or false",
    int: "a whole number of 1 or more",
    TEXTS: "a list of text",
}
"""What each type of option takes, as messages say it."""

ENABLED = "enabled"
"""The option MkDocs gives every plugin: ``enabled: false`` leaves it out of the build."""


@dataclass(frozen=True)
class OptionProblem:
    """A mistake in the plugin's options in mkdocs.yml."""

    option: str
    """The option, list items counted from 1 (``public_contacts[2]``); empty for the whole entry."""
    message: str
    severity: Severity

    def format(self, config: str) -> str:
        """``mkdocs.yml: plugin journeys, option `cache`: expected true or false, got 'yes'``."""
        where = f"{config}: plugin journeys"
        return (
            f"{where}, option `{self.option}`: {self.message}"
            if self.option
            else f"{where}: {self.message}"
        )


def read_options(entry: object) -> tuple[Options, list[OptionProblem]]:
    """The options in ``entry`` (what mkdocs.yml gives ``journeys`` in ``plugins``), and their
    mistakes: an error for a value of the wrong type (the default stands in for it), a warning
    for a name that is no option (ignored, as MkDocs ignores it)."""
    if entry is None:  # `- journeys:` with nothing after it
        return Options(), []
    if not isinstance(entry, Mapping):
        message = f"expected its options as a mapping, got {_shown(entry)}"
        return Options(), [OptionProblem("", message, Severity.ERROR)]
    kinds = get_type_hints(Options)
    values: dict[str, Any] = {}
    problems: list[OptionProblem] = []
    for key, value in entry.items():
        name = str(key)
        if name == ENABLED:
            problems += [] if isinstance(value, bool) else [_wrong_type(name, value, bool)]
        elif name not in kinds:
            hint = did_you_mean(name, [*kinds, ENABLED])
            problems.append(
                OptionProblem(name, f"unknown option, it is ignored{hint}", Severity.WARNING)
            )
        elif value is not None or kinds[name] == TEXTS:
            # MkDocs keeps the default for an empty value (`cache:`), but not for a list
            read, wrong = _read_value(name, value, kinds[name])
            problems += wrong
            if not wrong:
                values[name] = read
    return Options(**values), problems


def _read_value(name: str, value: object, kind: object) -> tuple[object, list[OptionProblem]]:
    """``value`` as option ``name`` of type ``kind`` takes it, or why it cannot."""
    if kind == TEXTS:
        if not isinstance(value, list):
            return None, [_wrong_type(name, value, kind)]
        wrong = [
            _wrong_type(format_field((name, index)), item, str)
            for index, item in enumerate(value)
            if not isinstance(item, str)
        ]
        return tuple(value), wrong
    if kind is int and not is_whole_number(value):
        return None, [_wrong_type(name, value, kind)]
    if not isinstance(kind, type) or not isinstance(value, kind):
        return None, [_wrong_type(name, value, kind)]
    return value, []


def is_whole_number(value: object) -> bool:
    """What an option that counts (days) takes: 1 or more, and not ``true`` (YAML's
    booleans are numbers to Python)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def _wrong_type(option: str, value: object, kind: object) -> OptionProblem:
    return OptionProblem(option, f"expected {EXPECTED[kind]}, got {_shown(value)}", Severity.ERROR)


def _shown(value: object) -> str:
    """A value as a message shows it: text quoted (mkdocs.yml holds settings, not interviews)."""
    return repr(value) if isinstance(value, str) else describe_value(value)
