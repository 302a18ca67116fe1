"""Every field of the content model is classified once, and what is withheld from a
non-consenting interview is derived from those marks (``journeys.privacy``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel

from contentkit import ContentTree
from journeys.content import model
from journeys.content.loading import load_study
from journeys.content.model import FIGURE, IDENTIFIER, PRIVATE, TEXT, field_kind, nested_fields
from journeys.content.reference import field_reference
from journeys.privacy import policy as privacy


def every_field(
    root: type[BaseModel], prefix: str = ""
) -> Iterator[tuple[str, type[BaseModel], str]]:
    for name, (inner, _) in nested_fields(root).items():
        yield f"{prefix}{name}", root, name
        if inner is not None and field_kind(root.model_fields[name]) is None:
            yield from every_field(inner, f"{prefix}{name}.")


def test_every_field_holds_exactly_one_mark_or_only_front_matter_models() -> None:
    unmarked = []
    for root in (model.Persona, model.Journey, model.Interview):
        for path, owner, name in every_field(root):
            info = owner.model_fields[name]
            marks = [item for item in info.metadata if isinstance(item, model.FieldKind)]
            holds_models = nested_fields(owner)[name][0] is not None
            if len(marks) > 1 or (not marks and not holds_models):
                unmarked.append(f"{root.__name__}.{path}")
    assert unmarked == [], "give each field one mark in journeys/model.py: " + ", ".join(unmarked)


def test_an_unmarked_field_is_noticed() -> None:
    class Sloppy(model.FrontMatter):
        marked: Annotated[str, TEXT] = "x"
        forgotten: str = "y"

    found = {name for name, info in Sloppy.model_fields.items() if field_kind(info) is None}
    assert found == {"forgotten"}


def test_the_marks_say_what_the_contract_says() -> None:
    """The content format's "Consent" section, field by field."""
    kinds = {
        path: field_kind(owner.model_fields[name])
        for path, owner, name in every_field(model.Interview)
    }
    withheld = {path for path, kind in kinds.items() if kind is TEXT}
    assert {
        "goal",
        "trigger",
        "outcome",
        "drivers",
        "attributes",
        "follow_up.will",
        "follow_up.wont",
        "steps.action",
        "steps.why",
        "steps.feeling",
        "steps.quote",
        "steps.expected",
        "steps.actual",
        "steps.realistic",
        "steps.touchpoint",
    } <= withheld
    counted = {path for path, kind in kinds.items() if kind in (FIGURE, IDENTIFIER)}
    assert {
        "date",
        "persona",
        "journey",
        "overall_score",
        "nps",
        "advocacy",
        "goal_reached",
        "steps.stage",
        "steps.score",
        "steps.peak",
        "steps.accepted",
    } <= counted
    assert kinds["participant"] is PRIVATE


def test_private_values_follow_the_marks_for_every_text_field(tmp_path: Path) -> None:
    """A value in each text-marked field of a non-consenting interview is withheld; so is
    every participant value and a field the model does not know."""
    tree = ContentTree(tmp_path / "content")
    tree.minimal()
    texts = {
        path: f"value of {path}"
        for path, owner, name in every_field(model.Interview)
        if field_kind(owner.model_fields[name]) is TEXT
    }
    step = {"stage": "notice", "score": 4, "peak": True}
    follow_up: dict[str, list[str]] = {}
    top: dict[str, object] = {}
    for path, text in texts.items():
        if path.startswith("steps."):
            step[path.removeprefix("steps.")] = text
        elif path.startswith("follow_up."):
            follow_up[path.removeprefix("follow_up.")] = [text]
        elif path in ("drivers",):
            top[path] = [text]
        elif path == "attributes":
            top[path] = {"hobby": text}
        else:
            top[path] = text
    tree.interview(
        "no-01",
        consent=False,
        steps=[step],
        follow_up=follow_up,
        participant={"name": "Ada Lovelace", "shoe": "44 wide"},
        invented="value of invented",
        **top,
    )
    study = load_study(tmp_path / "content", tmp_path)
    interview = next(i for i in study.interviews if i.key == "no-01")

    values = {value for _, _, value in privacy.private_values([interview])}
    assert set(texts.values()) | {"Ada Lovelace", "44 wide", "value of invented"} <= values
    assert "notice" not in values and "4" not in values

    consenting = interview.model_copy(update={"consent": True})
    assert {value for _, _, value in privacy.private_values([consenting])} == {
        "Ada Lovelace",
        "44 wide",
    }
    assert all(published.participant is None for published in privacy.words_of([consenting]))


def test_leaves_walks_every_mapping_and_list_and_strings_keeps_the_text() -> None:
    value = {
        "name": "Ada",
        "contact": {"notes": ["first", ["nested", {"deep": "in a list"}]], "empty": ""},
        "age": 36,
        "born": dt.date(1815, 12, 10),
        "shy": True,
        "nothing": None,
        1: "a key YAML read as a number",
    }
    assert list(privacy.leaves(value)) == [
        (("name",), "Ada"),
        (("contact", "notes", 0), "first"),
        (("contact", "notes", 1, 0), "nested"),
        (("contact", "notes", 1, 1, "deep"), "in a list"),
        (("contact", "empty"), ""),
        (("age",), 36),
        (("born",), dt.date(1815, 12, 10)),
        (("shy",), True),
        (("nothing",), None),
        (("1",), "a key YAML read as a number"),
    ]
    assert [text for _, text in privacy.strings(value)] == [
        "Ada",
        "first",
        "nested",
        "in a list",
        "",
        "a key YAML read as a number",
    ]
    assert list(privacy.leaves("alone", ("goal",))) == [(("goal",), "alone")]


def test_private_values_hold_numbers_and_nested_values_with_their_paths() -> None:
    """What the guard watches of a participant block: every non-empty text or number, however
    deeply nested (an employee number written as a number, a date tagged as a timestamp, are
    still watched)."""
    data = {
        "participant": {
            "name": " Ada ",
            "employee": 12345678,
            "height": 1.5,
            "contact": {"phones": [["06 1234 5678"]], "blank": " "},
            "shy": True,
            "nothing": None,
            "born": dt.date(1990, 4, 2),  # what `!!timestamp 1990-04-02` reads as
            "seen": dt.datetime(2026, 3, 1, 9, 30),
        }
    }
    assert list(privacy.classified(model.Interview, data, TEXT)) == [
        ("participant.name", PRIVATE, "Ada"),
        ("participant.employee", PRIVATE, "12345678"),
        ("participant.height", PRIVATE, "1.5"),
        ("participant.contact.phones[1][1]", PRIVATE, "06 1234 5678"),
        ("participant.born", PRIVATE, "1990-04-02"),
        ("participant.seen", PRIVATE, "2026-03-01"),
    ]


def test_a_touchpoint_outside_the_inventory_is_named_only_with_consent() -> None:
    inventory = {"phone"}
    assert privacy.touchpoint_of("phone", inventory, published=False) == "phone"
    assert privacy.touchpoint_of("her coach", inventory, published=True) == "her coach"
    assert privacy.touchpoint_of("her coach", inventory, published=False) is None
    assert privacy.is_unnamed_touchpoint("her coach", inventory, published=False)
    assert not privacy.is_unnamed_touchpoint(None, inventory, published=False)


def test_the_field_reference_says_where_each_interview_field_is_published() -> None:
    reference = field_reference()
    assert "| `quote` | optional | text | with consent |" in reference
    assert (
        "| `score` | **required** | number 1 to 10 in steps of 0.5 | always, in figures |"
        in reference
    )
    assert (
        "| `participant` | optional | fields: see [participant](#participant) | **never** |"
        in reference
    )
    assert "| `email` | optional | text | **never** |" in reference
    assert "| `summary` | **required** | text | always |" in reference  # persona: the team's words
