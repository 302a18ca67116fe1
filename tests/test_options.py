"""The plugin's options, defined once (``journeys.building.options``): MkDocs and
``journeys check`` take the same defaults and refuse the same values."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from mkdocs.config import config_options
from mkdocs.config.base import ValidationError

from journeys.building.options import Options, read_options
from journeys.content.diagnostics import Severity
from journeys.mkdocs.config import JourneysConfig


def test_the_mkdocs_config_declares_every_option_with_its_default() -> None:
    declared = {name: option.default for name, option in JourneysConfig._schema}
    defined = {
        option.name: list(option.default) if isinstance(option.default, tuple) else option.default
        for option in dataclasses.fields(Options)
    }

    assert declared == defined


def test_every_option_has_a_one_line_description() -> None:
    descriptions = {
        option.name: option.metadata.get("description", "")
        for option in dataclasses.fields(Options)
    }

    assert all(text and "\n" not in text for text in descriptions.values()), descriptions


def mkdocs_reads(entry: object) -> tuple[dict[str, Any] | None, list[str]]:
    """What MkDocs makes of ``entry`` as the journeys plugin's options: their values (None
    when it refuses them) and its warnings."""
    plugins = config_options.Plugins()
    try:
        loaded = plugins.validate([{"journeys": copy.deepcopy(entry)}])
    except ValidationError:
        return None, plugins.warnings
    return dict(loaded["journeys"].config), plugins.warnings


ENTRIES = [
    None,
    {},
    {"content_dir": "research", "cache": False, "cache_dir": "tmp/cache"},
    {"public_contacts": ["desk@example.org", "+31 20 123 4567"], "publish_unread": []},
    {"cache": None, "content_dir": None, "cache_dir": None},
    {"enabled": True},
    {"cache": "yes"},
    {"cache": 1},
    {"content_dir": 3},
    {"content_dir": True},
    {"cache_dir": ["a"]},
    {"public_contacts": "desk@example.org"},
    {"public_contacts": ["desk@example.org", 112]},
    {"public_contacts": None},
    {"publish_unread": None},
    {"publish_unread": {"*.png": True}},
    {"enabled": "no"},
    {"stale_after_days": 200},
    {"stale_after_days": None},
    {"stale_after_days": True},
    {"stale_after_days": 0},
    {"stale_after_days": -5},
    {"stale_after_days": "200"},
    {"stale_after_days": 1.5},
    {"research_first": False},
    {"research_first": "no"},
    {"research_first": None},
    {"cach_dir": ".cache/other"},
    {"cache_dir": ".cache/other", "contacts": []},
    ["cache"],
    "cache",
]


@pytest.mark.parametrize("entry", ENTRIES, ids=repr)
def test_journeys_check_reads_options_as_mkdocs_does(entry: object) -> None:
    options, problems = read_options(copy.deepcopy(entry))
    values, warnings = mkdocs_reads(entry)

    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    unknown = [problem for problem in problems if problem.severity is Severity.WARNING]
    assert bool(errors) == (values is None), (problems, values)
    assert len(unknown) == len(warnings), (problems, warnings)
    if values is not None:
        read = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in dataclasses.asdict(options).items()
        }
        assert read == {name: values[name] for name in read}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"cache": "yes"}, ", option `cache`: expected true or false, got 'yes'"),
        ({"cache_dir": 5}, ", option `cache_dir`: expected text, got 5"),
        (
            {"publish_unread": "*.pdf"},
            ", option `publish_unread`: expected a list of text, got '*.pdf'",
        ),
        (
            {"public_contacts": ["desk@example.org", None]},
            ", option `public_contacts[2]`: expected text, got nothing",
        ),
        ({"enabled": "no"}, ", option `enabled`: expected true or false, got 'no'"),
        (
            {"stale_after_days": True},
            ", option `stale_after_days`: expected a whole number of 1 or more, got true",
        ),
        ("cache", ": expected its options as a mapping, got 'cache'"),
    ],
)
def test_a_wrong_value_is_an_error_naming_the_option_and_what_it_takes(
    entry: object, expected: str
) -> None:
    options, problems = read_options(entry)

    assert [(problem.severity, problem.format("mkdocs.yml")) for problem in problems] == [
        (Severity.ERROR, f"mkdocs.yml: plugin journeys{expected}")
    ]
    assert options == Options()  # the default stands in for the wrong value


def test_an_unknown_option_is_a_warning_with_the_closest_name() -> None:
    options, problems = read_options({"public_contact": ["desk@example.org"], "cache": False})

    assert [(problem.severity, problem.format("mkdocs.yml")) for problem in problems] == [
        (
            Severity.WARNING,
            (
                "mkdocs.yml: plugin journeys, option `public_contact`: unknown option, "
                "it is ignored (did you mean `public_contacts`?)"
            ),
        )
    ]
    assert options == Options(cache=False)
