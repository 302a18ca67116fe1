"""The field reference of the content format, as Markdown, generated from the content model.

Every table row comes from a pydantic model in :mod:`journeys.model`: the field's name,
whether it is required, its type (read from the JSON Schema the model generates, the same
one editors get from ``journeys schema``) and its ``description``. Nothing here repeats a
field by hand, so the reference cannot drift from what the loader accepts.

The docs site puts it in place of :data:`MARKER` (see ``docs_hooks.py`` at the repository root).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from journeys.content.model import (
    FIGURE,
    IDENTIFIER,
    PRIVATE,
    TEXT,
    Interview,
    Journey,
    Persona,
    Theme,
    field_kind,
    nested_model,
)

MARKER = "<!-- journeys:field-reference -->"
"""Where a Markdown page wants the generated reference."""

TOP_LEVEL: tuple[type[BaseModel], ...] = (Persona, Journey, Interview, Theme)
"""The kinds of content file, in the order researchers write them (a codebook grows from the
first interviews)."""

VALIDATOR_TYPES = {
    "_slug": "slug: lower-case letters, digits and `-`",
    "_interview_id": "id: letters, digits, `-`, `_` and `.`",
}
"""Types the JSON Schema cannot tell (a validator checks them), by validator function name."""


@dataclass(frozen=True)
class Kind:
    """One table of the reference: a model, and where its fields sit in a file."""

    model: type[BaseModel]
    title: str
    anchor: str
    parent: Kind | None = None
    field: str = ""
    """The parent's field that holds this kind."""
    is_list: bool = False


def kinds() -> list[Kind]:
    """Every model of the content format: each file kind followed by the blocks nested in it."""
    found: list[Kind] = []
    for model in TOP_LEVEL:
        _collect(Kind(model, _title(model.__name__), _anchor(model.__name__)), found)
    return found


def _collect(kind: Kind, found: list[Kind]) -> None:
    found.append(kind)
    for name, field in kind.model.model_fields.items():
        nested, is_list = nested_model(field.annotation)
        if nested is not None and all(k.model is not nested for k in found):
            title = _title(nested.__name__)
            key = field.alias or name
            _collect(Kind(nested, title, _anchor(title), kind, key, is_list), found)


def _title(class_name: str) -> str:
    """``FollowUp`` -> ``Follow-up``."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", class_name)
    return text[:1].upper() + text[1:].lower()


def _anchor(title: str) -> str:
    """The id MkDocs' ``toc`` extension gives a heading of this title."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


# --- types ----------------------------------------------------------------------------------


def type_of(field: FieldInfo, schema: dict[str, Any], by_model: dict[str, Kind]) -> str:
    """A field's type in words, from its JSON Schema (``schema``) and its validators."""
    special = _validator_type(field.annotation, field.metadata)
    if special:
        return special
    return _describe(_without_null(schema), by_model)


def _validator_type(annotation: Any, metadata: list[Any]) -> str:
    found = [*metadata]
    stack = [annotation]
    while stack:
        current = stack.pop()
        found.extend(getattr(current, "__metadata__", ()))
        stack.extend(get_args(current))
    for item in found:
        name = getattr(getattr(item, "func", None), "__name__", "")
        if name in VALIDATOR_TYPES:
            return VALIDATOR_TYPES[name]
    return ""


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    options = schema.get("anyOf")
    if options:
        rest = [option for option in options if option.get("type") != "null"]
        if len(rest) == 1:
            only: dict[str, Any] = rest[0]
            return only
    return schema


def _describe(schema: dict[str, Any], by_model: dict[str, Kind]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        kind = by_model.get(name)
        return f"fields: see [{kind.title.lower()}](#{kind.anchor})" if kind else "fields"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{value}`" for value in schema["enum"])
    kind = schema.get("type")
    if kind == "array":
        item = _without_null(schema.get("items", {}))
        options = item.get("anyOf", [item])
        text = "list of " + " or ".join(_item(option, by_model) for option in options)
        if schema.get("minItems"):
            text += f", at least {schema['minItems']}"
        return text
    if kind == "object":
        values = schema.get("additionalProperties")
        if isinstance(values, dict):
            return f"mapping: name → {_describe(values, by_model)}"
        return "fields"
    if isinstance(kind, list):
        return " or ".join(_describe({"type": one}, by_model) for one in kind)
    if kind == "string":
        return (
            "date: year-month-day, like `2026-02-22`" if schema.get("format") == "date" else "text"
        )
    if kind == "boolean":
        return "`true` or `false`"
    if kind in ("number", "integer"):
        whole = "whole number" if kind == "integer" else "number"
        low, high, step = schema.get("minimum"), schema.get("maximum"), schema.get("multipleOf")
        text = (
            f"{whole} {_number(low)} to {_number(high)}"
            if low is not None and high is not None
            else whole
        )
        if step:
            text += f" in steps of {_number(step)}"
        return text
    return "any value"


def _item(schema: dict[str, Any], by_model: dict[str, Kind]) -> str:
    """One kind of list item: ``[step](#step) items``, ``text``."""
    if "$ref" not in schema:
        return _describe(schema, by_model)
    target = by_model.get(schema["$ref"].rsplit("/", 1)[-1])
    return f"[{target.title.lower()}](#{target.anchor}) items" if target else "fields"


def _number(value: float) -> str:
    return f"{value:g}"


# --- Markdown -------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _docstring(model: type[BaseModel]) -> str:
    """The model's docstring, first paragraph, with reStructuredText ``code`` made Markdown."""
    doc = model.__doc__ or ""
    if model.__doc__ == BaseModel.__doc__ or not doc.strip():
        return ""
    first = doc.strip().split("\n\n")[0]
    return " ".join(first.replace("``", "`").split())


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return ""
    value = field.get_default(call_default_factory=True)
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "`true`" if value else "`false`"
    return f"`{value}`"


def table(kind: Kind, by_model: dict[str, Kind]) -> str:
    schema = kind.model.model_json_schema()
    properties = schema.get("properties", {})
    fallback = (
        _docstring(kind.model).split(". ")[0].rstrip(".") + "." if _docstring(kind.model) else "—"
    )
    rows = [
        "| field | required | type | published | description |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, field in kind.model.model_fields.items():
        key = field.alias or name  # as front matter writes it: `from`, not `from_`
        description = field.description or fallback
        default = _default(field)
        if default:
            description = f"{description.rstrip('.')}. Default: {default}."
        rows.append(
            "| `{}` | {} | {} | {} | {} |".format(
                key,
                "**required**" if field.is_required() else "optional",
                _cell(type_of(field, properties.get(key, {}), by_model)),
                _published(kind, field),
                _cell(description),
            )
        )
    return "\n".join(rows)


PUBLISHED = {
    IDENTIFIER: "always",
    FIGURE: "always, in figures",
    TEXT: "with consent",
    PRIVATE: "**never**",
}
"""What the site does with an interview's field, by its mark in the model."""


def _published(kind: Kind, field: FieldInfo) -> str:
    """Where an interview's field may appear, from its mark; persona and journey files are
    the team's own and published whole."""
    mark = field_kind(field)
    if mark is None:
        return "see its fields"
    in_interview = kind.model is Interview or any(
        parent.model is Interview for parent in _parents(kind)
    )
    return PUBLISHED[mark] if in_interview or mark is PRIVATE else "always"


def _parents(kind: Kind) -> list[Kind]:
    found = []
    while kind.parent is not None:
        kind = kind.parent
        found.append(kind)
    return found


def _introduction(kind: Kind) -> str:
    parts = []
    if kind.parent is not None:
        where = "Each item of" if kind.is_list else "The block"
        parts.append(
            f"{where} `{kind.field}` in "
            f"[{kind.parent.title.lower()}](#{kind.parent.anchor}) front matter."
        )
    doc = _docstring(kind.model)
    if doc:
        parts.append(doc)
    return " ".join(parts)


def field_reference(level: int = 3) -> str:
    """Markdown: one heading, introduction and table per kind of the content format."""
    found = kinds()
    by_model = {kind.model.__name__: kind for kind in found}
    hashes = "#" * level
    sections = []
    for kind in found:
        intro = _introduction(kind)
        section = (
            f"{hashes} {kind.title}\n\n" + (f"{intro}\n\n" if intro else "") + table(kind, by_model)
        )
        sections.append(section)
    return "\n\n".join(sections) + "\n"


def replace_marker(markdown: str, level: int = 3) -> str:
    """``markdown`` with :data:`MARKER` replaced by the reference (unchanged without it)."""
    return markdown.replace(MARKER, field_reference(level)) if MARKER in markdown else markdown
