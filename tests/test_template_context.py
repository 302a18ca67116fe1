"""Page templates get plain views: nothing a template (or a site's override of one) can
reach leads to a participant block or to the words of a participant who did not consent.

Every template is rendered from a study that plants distinctive words in every field of
a non-consenting interview and in both participant blocks; the context of each render is
walked through every public attribute, item and property a template could follow. The
private values are read from the fixture's own data, not from the plugin's privacy code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from contentkit import ContentTree
from journeys.content import interview_parts, journey_parts, model
from journeys.content.loading import load_study
from journeys.mkdocs.plugin import url_resolver
from journeys.site import kinds, render
from journeys.site.labels import Labels

PARTICIPANT = {
    "name": "Quirina Vandersloot",
    "email": "quirina@example.org",
    "phone": "+31 6 99887766",
}
WITHHELD_INTERVIEW: dict[str, Any] = {
    "consent": False,
    "participant": {
        "name": "Ottoline Brackenridge",
        "email": "otto@example.net",
        "extra": "shoe size 44",
    },
    "interviewer": "interviewer zanzibar",
    "goal": "goal zanzibar",
    "trigger": "trigger zanzibar",
    "outcome": "outcome zanzibar",
    "drivers": ["driver zanzibar"],
    "attributes": {"hobby": "attribute zanzibar"},
    "follow_up": {"will": ["will zanzibar"], "wont": ["wont zanzibar"]},
    "unknown_field": "unknown zanzibar",
    "steps": [
        {
            "stage": "notice",
            "action": "action zanzibar",
            "why": "why zanzibar",
            "touchpoint": "touchpoint zanzibar a.b@example.org",
            "score": 3,
            "feeling": "feeling zanzibar",
            "quote": "quote zanzibar",
            "expected": "expected zanzibar",
            "actual": "actual zanzibar",
            "realistic": "realistic zanzibar",
            "peak": True,
            "accepted": True,
            "themes": ["waiting"],
        },
        {"stage": "report", "action": "second zanzibar", "score": 5, "touchpoint": "phone"},
    ],
}
BODY = "body zanzibar"


def private_strings() -> list[str]:
    """Every value the templates must not reach, straight from the fixture."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.append(value)

    withheld = {k: v for k, v in WITHHELD_INTERVIEW.items() if k != "steps"}
    walk(withheld)
    walk(
        [
            {
                k: v
                for k, v in step.items()
                if k not in ("stage", "score", "peak", "accepted", "themes")
            }
            for step in WITHHELD_INTERVIEW["steps"]
            if step.get("touchpoint") != "phone"
        ]
    )
    walk(PARTICIPANT)
    return [value for value in found + [BODY] if value not in ("phone",)]


@pytest.fixture(scope="module")
def renders(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, dict[str, object]]]:
    root = tmp_path_factory.mktemp("context")
    tree = ContentTree(root / "content")
    tree.persona("eva")
    tree.persona("bob")
    tree.theme("waiting")
    tree.journey(
        touchpoints=[{"id": "phone", "name": "Phone"}],
        opportunities=[
            {
                "title": "Loan laptop",
                "stage": "wait",
                "evidence": ["a-01", "b-01"],
                "themes": ["waiting"],
            }
        ],
    )
    tree.interview(
        "a-01",
        persona="eva",
        participant=PARTICIPANT,
        follow_up={"will": ["Share the map"]},
        steps=[
            {
                "stage": "notice",
                "action": "Saw it",
                "score": 4,
                "quote": "Oh no",
                "expected": "1 day",
                "actual": "3 days",
                "touchpoint": "a friend",
            },
            {"stage": "wait", "action": "Waited", "score": 6, "themes": ["waiting"]},
        ],
    )
    tree.write(
        "interviews/b-01.md",
        {
            "date": "2026-02-01",
            "persona": "bob",
            "journey": "repair",
            "overall_score": 4,
            "nps": 2,
            **WITHHELD_INTERVIEW,
        },
        BODY,
    )
    study = load_study(root / "content", root)
    assert not study.has_errors, study.diagnostics

    seen: list[tuple[str, dict[str, object]]] = []

    class Recording(render.Renderer):
        def page(
            self, src_uri: str, template: str, title: str, **context: object
        ) -> render.OutputFile:
            seen.append((template, render.page_context(self, src_uri, context)))
            return super().page(src_uri, template, title, **context)

    site = Recording(study, Labels.for_language("en"), url_resolver(True), kinds.PATHS)
    files = list(kinds.site_files(site))
    assert any(file.src_uri == "interviews/b-01.md" for file in files)
    return seen


def test_every_template_is_rendered(renders: list[tuple[str, dict[str, object]]]) -> None:
    shipped = {p.name for p in (Path(render.__file__).parent / "templates").glob("*.md.j2")}
    assert {template for template, _ in renders} == shipped


def test_no_template_context_reaches_private_or_withheld_words(
    renders: list[tuple[str, dict[str, object]]],
) -> None:
    secrets = private_strings()
    assert len(secrets) >= 20
    for template, context in renders:
        for path, text in reachable_strings(context):
            for secret in secrets:
                assert secret.casefold() not in text.casefold(), (
                    f"{template}: {path} holds {secret!r}"
                )


def test_the_walk_finds_what_a_template_could_reach() -> None:
    """The walk itself: a study object in a context is found, through properties too."""

    @dataclasses.dataclass(frozen=True)
    class Leaky:
        inner: object

        @property
        def derived(self) -> str:
            return "reached through a property"

    strings = dict(reachable_strings({"x": Leaky(functools.partial(str, "in a partial"))}))
    assert "reached through a property" in strings.values()
    assert "in a partial" in strings.values()


PLAIN = (str, int, float, bool, type(None), dt.date, dt.timedelta, enum.Enum)
TEMPLATE_HELPERS = (Labels, types.SimpleNamespace, render.Names)
CONTENT_MODELS = {
    value
    for module in (model, journey_parts, interview_parts)
    for value in vars(module).values()
    if isinstance(value, type)
    and issubclass(value, BaseModel)
    and value.__module__ == module.__name__
}
"""The content model's classes: a template may be handed a record or one of its parts."""


def reachable_strings(context: dict[str, object]) -> Iterator[tuple[str, str]]:
    """``(path, text)`` for every string a template can reach from ``context`` by
    attributes, items, properties and the parts of a partial function."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = list(context.items())
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            yield path, value
            continue
        if isinstance(value, bytes):  # packed line maps: field names and numbers
            yield path, value.decode("latin-1")
            continue
        if isinstance(value, PLAIN) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            stack += [(f"{path}[{key!r}]", item) for key, item in value.items()]
            stack += [(f"{path}.key", key) for key in value]
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack += [(f"{path}[{index}]", item) for index, item in enumerate(value)]
        elif isinstance(value, functools.partial):
            stack += [
                (f"{path}.func", value.func),
                (f"{path}.args", value.args),
                (f"{path}.keywords", value.keywords),
            ]
        elif isinstance(value, type) or callable(value) and not isinstance(value, TEMPLATE_HELPERS):
            assert not isinstance(value, types.ModuleType), f"{path}: a module reaches everything"
            continue  # functions and classes: a template calls them, it cannot look inside
        elif isinstance(value, BaseModel):
            assert type(value) in CONTENT_MODELS, f"{path}: {type(value)}"
            stack += [(f"{path}.{name}", getattr(value, name)) for name in type(value).model_fields]
            stack += [(f"{path}.{name}", item) for name, item in (value.model_extra or {}).items()]
            stack += [(f"{path}.{name}", getattr(value, name)) for name in _properties(type(value))]
        else:
            assert dataclasses.is_dataclass(value) or isinstance(value, TEMPLATE_HELPERS), (
                f"{path}: {type(value).__name__} is not plain data a template should get"
            )
            names = (
                [f.name for f in dataclasses.fields(value)]
                if dataclasses.is_dataclass(value)
                else []
            )
            names += (
                [n for n in vars(value) if not n.startswith("_")]
                if hasattr(value, "__dict__")
                else []
            )
            names += _properties(type(value))
            stack += [(f"{path}.{name}", getattr(value, name)) for name in dict.fromkeys(names)]


def _properties(cls: type) -> list[str]:
    return [
        name
        for klass in cls.__mro__
        for name, member in vars(klass).items()
        if isinstance(member, (property, functools.cached_property)) and not name.startswith("_")
    ]


def text_fields(record: type[BaseModel]) -> set[str]:
    """Fields of ``record`` that hold words (marked text or private), nested models included."""
    words = (model.TEXT, model.PRIVATE)
    return {
        name
        for name, info in record.model_fields.items()
        if model.field_kind(info) in words or model.nested_fields(record)[name][0] is not None
    }


def test_the_withheld_interview_plants_words_in_every_field_that_holds_words() -> None:
    """A new field that holds words is planted here too, so a view that publishes it from a
    non-consenting interview fails the test above."""
    planted_step = WITHHELD_INTERVIEW["steps"][0]
    missing = [
        *(f"Interview.{name}" for name in text_fields(model.Interview) - WITHHELD_INTERVIEW.keys()),
        *(f"Step.{name}" for name in text_fields(model.Step) - planted_step.keys()),
    ]
    assert missing == [], "plant a distinctive value in WITHHELD_INTERVIEW for: " + ", ".join(
        sorted(missing)
    )
